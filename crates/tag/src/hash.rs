//! Allocation-free feature hashing: a feature is a 64-bit hash of (template id, parts).

const K: u64 = 0x517c_c1b7_2722_0a95;

/// An FxHash-style incremental hasher with a strong finaliser, so keys spread well in
/// open-addressing tables.
#[derive(Clone, Copy, Debug)]
pub struct FeatHash(u64);

impl FeatHash {
    #[inline]
    pub fn new(template: u32) -> Self {
        FeatHash((u64::from(template) + 1).wrapping_mul(K))
    }
    #[inline]
    pub fn u64(self, x: u64) -> Self {
        FeatHash((self.0.rotate_left(5) ^ x).wrapping_mul(K))
    }
    #[inline]
    pub fn char(self, c: char) -> Self {
        self.u64(u64::from(c))
    }
    #[inline]
    pub fn bytes(mut self, b: &[u8]) -> Self {
        let mut chunks = b.chunks_exact(8);
        for c in &mut chunks {
            let mut a = [0u8; 8];
            a.copy_from_slice(c);
            self = self.u64(u64::from_le_bytes(a));
        }
        let rest = chunks.remainder();
        let mut a = [0u8; 8];
        a[..rest.len()].copy_from_slice(rest);
        self.u64(u64::from_le_bytes(a)).u64(b.len() as u64)
    }
    #[inline]
    pub fn str(self, s: &str) -> Self {
        self.bytes(s.as_bytes())
    }
    /// Final key; never 0 (0 marks an empty slot in weight tables).
    #[inline]
    pub fn finish(self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^= h >> 33;
        h | 1
    }
}

/// Hash of a feature made of a template and up to a few atoms.
#[inline]
pub fn feat(template: u32, atoms: &[u64]) -> u64 {
    let mut h = FeatHash::new(template);
    for &a in atoms {
        h = h.u64(a);
    }
    h.finish()
}

/// SplitMix64: a tiny deterministic generator for shuffling training data.
#[derive(Clone, Debug)]
pub struct SplitMix(pub u64);

impl SplitMix {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Identity hasher for keys that are already hashes.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }
}

pub type IdBuild = std::hash::BuildHasherDefault<IdHasher>;
pub type IdMap<V> = std::collections::HashMap<u64, V, IdBuild>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_differ_by_template_and_content() {
        let a = FeatHash::new(1).str("word").finish();
        let b = FeatHash::new(2).str("word").finish();
        let c = FeatHash::new(1).str("Word").finish();
        let d = FeatHash::new(1).str("word").finish();
        assert_ne!(a, b);
        assert_ne!(a, c);
        assert_eq!(a, d);
        assert_ne!(FeatHash::new(1).str("").finish(), FeatHash::new(1).finish() ^ 2);
        assert_eq!(a & 1, 1);
    }

    #[test]
    fn shuffle_is_deterministic() {
        let mut a: Vec<u32> = (0..50).collect();
        let mut b = a.clone();
        SplitMix(7).shuffle(&mut a);
        SplitMix(7).shuffle(&mut b);
        assert_eq!(a, b);
        assert_ne!(a, (0..50).collect::<Vec<_>>());
    }
}
