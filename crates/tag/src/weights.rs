//! Runtime weights: an open-addressing table from feature key to a contiguous run of
//! (label, weight) pairs, stored quantised (i16 with one scale) in model files.

use crate::format::{Reader, Writer};
use crate::ModelError;

/// Averaged weight rows: `(feature key, [(label, weight)])`.
pub type Rows = Vec<(u64, Vec<(u16, f32)>)>;

pub struct Weights {
    nlabels: usize,
    mask: usize,
    /// Slot keys; 0 marks an empty slot (feature keys are odd, never 0).
    keys: Vec<u64>,
    /// Per slot: start in `entries` and length.
    slots: Vec<(u32, u32)>,
    entries: Vec<(u16, f32)>,
}

impl Weights {
    pub fn nlabels(&self) -> usize {
        self.nlabels
    }

    pub fn num_features(&self) -> usize {
        self.keys.iter().filter(|&&k| k != 0).count()
    }

    pub fn from_rows(nlabels: usize, rows: &[(u64, Vec<(u16, f32)>)]) -> Self {
        let cap = (rows.len() * 2).next_power_of_two().max(16);
        let mut w = Weights {
            nlabels,
            mask: cap - 1,
            keys: vec![0; cap],
            slots: vec![(0, 0); cap],
            entries: Vec::new(),
        };
        for (key, row) in rows {
            let start = w.entries.len() as u32;
            w.entries.extend(row.iter().filter(|(l, _)| (*l as usize) < nlabels));
            let len = w.entries.len() as u32 - start;
            let mut i = (*key as usize) & w.mask;
            while w.keys[i] != 0 && w.keys[i] != *key {
                i = (i + 1) & w.mask;
            }
            w.keys[i] = *key;
            w.slots[i] = (start, len);
        }
        w
    }

    #[inline]
    pub fn row(&self, key: u64) -> &[(u16, f32)] {
        let mut i = (key as usize) & self.mask;
        loop {
            let k = self.keys[i];
            if k == key {
                let (s, l) = self.slots[i];
                return &self.entries[s as usize..(s + l) as usize];
            }
            if k == 0 {
                return &[];
            }
            i = (i + 1) & self.mask;
        }
    }

    #[inline]
    pub fn add(&self, key: u64, scores: &mut [f32]) {
        for &(l, w) in self.row(key) {
            scores[l as usize] += w;
        }
    }

    /// Serialise quantised: the scale, then `count` rows of key, length, (label, i16).
    pub fn write(rows: &[(u64, Vec<(u16, f32)>)], w: &mut Writer) {
        let max = rows.iter().flat_map(|(_, r)| r.iter().map(|(_, v)| v.abs())).fold(0f32, f32::max);
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        w.f32(scale);
        w.u32(rows.len() as u32);
        for (key, row) in rows {
            w.u64(*key);
            w.u8(row.len().min(255) as u8);
            for &(l, v) in row.iter().take(255) {
                w.u8(l as u8);
                w.i16((v / scale).round().clamp(-32767.0, 32767.0) as i16);
            }
        }
    }

    pub fn read(nlabels: usize, r: &mut Reader<'_>) -> Result<Self, ModelError> {
        let scale = r.f32()?;
        if !scale.is_finite() {
            return Err(ModelError::Corrupt("weight scale is not finite".into()));
        }
        let n = r.count(9)?;
        let mut rows = Vec::with_capacity(n);
        for _ in 0..n {
            let key = r.u64()?;
            let len = r.u8()? as usize;
            let mut row = Vec::with_capacity(len);
            for _ in 0..len {
                let l = r.u8()? as u16;
                if l as usize >= nlabels {
                    return Err(ModelError::Corrupt(format!("label {l} out of range")));
                }
                row.push((l, f32::from(r.i16()?) * scale));
            }
            if key & 1 == 0 {
                return Err(ModelError::Corrupt("feature key is even".into()));
            }
            rows.push((key, row));
        }
        Ok(Self::from_rows(nlabels, &rows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_and_quantised_round_trip() {
        let rows = vec![(3u64, vec![(0u16, 0.5f32), (2, -1.0)]), (19, vec![(1, 2.0)])];
        let w = Weights::from_rows(3, &rows);
        let mut s = [0f32; 3];
        w.add(3, &mut s);
        w.add(5, &mut s);
        assert_eq!(s, [0.5, 0.0, -1.0]);
        let mut out = Writer::default();
        Weights::write(&rows, &mut out);
        let back = Weights::read(3, &mut Reader::new(&out.0)).unwrap();
        let mut s = [0f32; 3];
        back.add(19, &mut s);
        assert!((s[1] - 2.0).abs() < 1e-3);
        assert!(Weights::read(1, &mut Reader::new(&out.0)).is_err());
    }
}
