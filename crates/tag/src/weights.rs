//! Runtime weights: an open-addressing table from feature key to a contiguous run of
//! (label, weight) pairs, stored quantised (i16 with one scale) in model files.

use crate::format::{Reader, Writer};
use crate::ModelError;

/// Averaged weight rows: `(feature key, [(label, weight)])`.
pub type Rows = Vec<(u64, Vec<(u16, f32)>)>;

/// One open-addressing slot: the feature key (0 = empty) and its run in `entries`, kept
/// together so a probe touches one cache line.
#[derive(Clone, Copy, Default)]
#[repr(C)]
struct Slot {
    key: u64,
    start: u32,
    len: u32,
}

pub struct Weights {
    nlabels: usize,
    mask: usize,
    slots: Vec<Slot>,
    entries: Vec<(u16, f32)>,
    features: usize,
}

impl Weights {
    pub fn nlabels(&self) -> usize {
        self.nlabels
    }

    pub fn num_features(&self) -> usize {
        self.features
    }

    fn with_capacity(nlabels: usize, rows: usize, entries: usize) -> Self {
        // Load factor at most 1/2 keeps probe runs short.
        let cap = (rows * 2).next_power_of_two().max(16);
        Weights {
            nlabels,
            mask: cap - 1,
            slots: vec![Slot::default(); cap],
            entries: Vec::with_capacity(entries),
            features: 0,
        }
    }

    /// Insert a row whose entries were just pushed to `self.entries` from `start`.
    fn insert(&mut self, key: u64, start: usize) {
        let len = (self.entries.len() - start) as u32;
        let mut i = (key as usize) & self.mask;
        while self.slots[i].key != 0 && self.slots[i].key != key {
            i = (i + 1) & self.mask;
        }
        if self.slots[i].key == 0 {
            self.features += 1;
        }
        self.slots[i] = Slot { key, start: start as u32, len };
    }

    pub fn from_rows(nlabels: usize, rows: &[(u64, Vec<(u16, f32)>)]) -> Self {
        let mut w = Self::with_capacity(nlabels, rows.len(), rows.iter().map(|r| r.1.len()).sum());
        for (key, row) in rows {
            let start = w.entries.len();
            w.entries.extend(row.iter().filter(|(l, _)| (*l as usize) < nlabels));
            w.insert(*key, start);
        }
        w
    }

    #[inline]
    pub fn row(&self, key: u64) -> &[(u16, f32)] {
        let mut i = (key as usize) & self.mask;
        loop {
            // SAFETY: `slots.len() == mask + 1` (a power of two) and `i <= mask`.
            let s = unsafe { self.slots.get_unchecked(i) };
            if s.key == key {
                let (start, end) = (s.start as usize, s.start as usize + s.len as usize);
                debug_assert!(end <= self.entries.len());
                // SAFETY: every slot's run was pushed to `entries` before it was inserted,
                // and `entries` only grows.
                return unsafe { self.entries.get_unchecked(start..end) };
            }
            if s.key == 0 {
                return &[];
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Add the row of `key` to `scores` (at least [`Self::nlabels`] long).
    #[inline]
    pub fn add(&self, key: u64, scores: &mut [f32]) {
        let scores = &mut scores[..self.nlabels];
        for &(l, w) in self.row(key) {
            debug_assert!((l as usize) < scores.len());
            // SAFETY: `from_rows` drops and `read` refuses labels `>= nlabels`.
            unsafe { *scores.get_unchecked_mut(l as usize) += w };
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
        let mut w = Self::with_capacity(nlabels, n, n * 2);
        for _ in 0..n {
            let key = r.u64()?;
            if key & 1 == 0 {
                return Err(ModelError::Corrupt("feature key is even".into()));
            }
            let len = r.u8()? as usize;
            let bytes = r.take(len * 3)?;
            let start = w.entries.len();
            for e in bytes.chunks_exact(3) {
                let l = u16::from(e[0]);
                if l as usize >= nlabels {
                    return Err(ModelError::Corrupt(format!("label {l} out of range")));
                }
                w.entries.push((l, f32::from(i16::from_le_bytes([e[1], e[2]])) * scale));
            }
            w.insert(key, start);
        }
        Ok(w)
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
