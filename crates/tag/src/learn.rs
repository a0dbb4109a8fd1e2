//! Averaged perceptron weights for training: sparse rows (one per feature) of
//! (label, weight, running total, last update) with lazy averaging.

use crate::hash::IdMap;

#[derive(Clone, Copy, Debug)]
struct Entry {
    label: u16,
    w: f32,
    total: f64,
    ts: u64,
}

#[derive(Default)]
pub struct Trainer {
    index: IdMap<u32>,
    keys: Vec<u64>,
    rows: Vec<Vec<Entry>>,
    /// Number of instances seen (the averaging clock).
    pub clock: u64,
    /// Clock at which the averaging starts ([`Trainer::restart_average`]).
    start: u64,
}

impl Trainer {
    pub fn new() -> Self {
        Self::default()
    }

    /// Feature id for a key, creating it (training features).
    pub fn intern(&mut self, key: u64) -> u32 {
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        let i = self.keys.len() as u32;
        self.index.insert(key, i);
        self.keys.push(key);
        self.rows.push(Vec::new());
        i
    }

    /// Feature id for a key if known.
    pub fn lookup(&self, key: u64) -> Option<u32> {
        self.index.get(&key).copied()
    }

    pub fn num_features(&self) -> usize {
        self.keys.len()
    }

    #[inline]
    pub fn add_scores(&self, feat: u32, scores: &mut [f32]) {
        for e in &self.rows[feat as usize] {
            scores[e.label as usize] += e.w;
        }
    }

    /// Add `delta` to the weight of (`feat`, `label`).
    pub fn update(&mut self, feat: u32, label: usize, delta: f32) {
        let clock = self.clock;
        let row = &mut self.rows[feat as usize];
        let e = match row.iter_mut().position(|e| e.label as usize == label) {
            Some(i) => &mut row[i],
            None => {
                row.push(Entry { label: label as u16, w: 0.0, total: 0.0, ts: clock });
                row.last_mut().expect("pushed")
            }
        };
        e.total += f64::from(e.w) * (clock - e.ts) as f64;
        e.ts = clock;
        e.w += delta;
    }

    /// Forget the running totals: from now on, the averaged weights average the weights
    /// from this point of the clock on.
    pub fn restart_average(&mut self) {
        let clock = self.clock;
        for row in &mut self.rows {
            for e in row.iter_mut() {
                e.total = 0.0;
                e.ts = clock;
            }
        }
        self.start = clock;
    }

    /// Averaged weights: `(key, [(label, weight)])` for rows with any weight of magnitude at
    /// least `min_abs`, in key order (deterministic).
    pub fn averaged(&self, min_abs: f32) -> Vec<(u64, Vec<(u16, f32)>)> {
        let clock = self.clock.max(self.start + 1);
        let mut out = Vec::new();
        for (i, row) in self.rows.iter().enumerate() {
            let mut kept: Vec<(u16, f32)> = row
                .iter()
                .map(|e| {
                    let total = e.total + f64::from(e.w) * (clock - e.ts) as f64;
                    (e.label, (total / (clock - self.start) as f64) as f32)
                })
                .filter(|(_, w)| w.abs() >= min_abs)
                .collect();
            if !kept.is_empty() {
                kept.sort_by_key(|&(l, _)| l);
                out.push((self.keys[i], kept));
            }
        }
        out.sort_by_key(|&(k, _)| k);
        out
    }

    /// Averaged weight of one (feature, label), for small dense parts such as transitions.
    pub fn averaged_one(&self, feat: u32, label: usize) -> f32 {
        let clock = self.clock.max(self.start + 1);
        self.rows[feat as usize]
            .iter()
            .find(|e| e.label as usize == label)
            .map(|e| {
                ((e.total + f64::from(e.w) * (clock - e.ts) as f64) / (clock - self.start) as f64) as f32
            })
            .unwrap_or(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averaging_weights_by_time() {
        let mut t = Trainer::new();
        let f = t.intern(11);
        assert_eq!(t.intern(11), f);
        t.update(f, 2, 1.0); // weight 1 from clock 0
        t.clock = 3;
        t.update(f, 2, -1.0); // weight 0 from clock 3
        t.clock = 4;
        let avg = t.averaged(0.0);
        assert_eq!(avg.len(), 1);
        assert!((avg[0].1[0].1 - 0.75).abs() < 1e-6);
        assert!((t.averaged_one(f, 2) - 0.75).abs() < 1e-6);
    }

    #[test]
    fn restarted_average_counts_from_the_restart() {
        let mut t = Trainer::new();
        let f = t.intern(11);
        t.update(f, 2, 4.0); // weight 4 over clock 0..2
        t.clock = 2;
        t.restart_average();
        t.update(f, 2, -4.0); // weight 0 over 2..3
        t.clock = 3;
        t.update(f, 2, 2.0); // weight 2 over 3..6
        t.clock = 6;
        // (0 * 1 + 2 * 3) / 4, without the weight 4 from before the restart.
        assert!((t.averaged(0.0)[0].1[0].1 - 1.5).abs() < 1e-6);
        assert!((t.averaged_one(f, 2) - 1.5).abs() < 1e-6);
    }
}
