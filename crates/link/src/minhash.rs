//! MinHash signatures over word shingles, LSH band keys, and Jaccard / containment estimates.
//!
//! Written here rather than taken from a crate (`gaoya`, `probminhash`, `datasketch-minhash-lsh`
//! were considered): those keep their LSH index in memory, while dossier keeps signatures and
//! band keys in its SQLite store so that linking is updated in the same transaction as the
//! documents (crash-safe, incremental, bounded memory). What is needed — a fixed, versioned
//! hash family whose values are stable across releases because they are stored — is a few
//! lines: multiply-shift hashing of a 64-bit FNV-1a shingle hash, seeded by splitmix64.

use crate::tokens::{is_stopword, words};

/// Words per shingle. Two words keep a rewrite that changes one word in five at an expected
/// Jaccard near 0.45 (three-word shingles drop it to about 0.35).
pub const SHINGLE: usize = 2;
/// Rows per LSH band.
pub const ROWS: usize = 3;
/// Bands; `BANDS * ROWS` hash functions. A pair with Jaccard `s` becomes a candidate with
/// probability `1 - (1 - s^3)^42`: 0.55 at s = 0.25, 0.81 at 0.3, 0.99 at 0.45, 0.0003 at 0.02.
pub const BANDS: usize = 42;
/// Hash functions in a signature.
pub const NUM_HASHES: usize = ROWS * BANDS;
/// Bumped whenever the values above or the hashing change: stored signatures of another
/// version cannot be compared with new ones.
pub const SIGNATURE_VERSION: u32 = 1;

/// The MinHash signature of a text's shingle set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// `NUM_HASHES` minima; all `u32::MAX` for a text without shingles.
    pub mins: Vec<u32>,
    /// Number of distinct shingles (for containment estimates).
    pub shingles: u32,
}

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn fnv1a(bytes: impl Iterator<Item = u8>, mut h: u64) -> u64 {
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    h
}

struct Family {
    a: Vec<u64>,
    b: Vec<u64>,
}

static FAMILY: std::sync::LazyLock<Family> = std::sync::LazyLock::new(|| {
    let mut s = 0x00D0_5513_u64;
    let a = (0..NUM_HASHES).map(|_| splitmix64(&mut s) | 1).collect();
    let b = (0..NUM_HASHES).map(|_| splitmix64(&mut s)).collect();
    Family { a, b }
});

/// The distinct shingle hashes of a text: consecutive `SHINGLE`-word windows, skipping
/// windows made only of stopwords. A text shorter than a shingle yields its words joined.
pub fn shingles(text: &str) -> Vec<u64> {
    let w = words(text);
    let mut out: Vec<u64> = if w.len() < SHINGLE {
        if w.is_empty() {
            Vec::new()
        } else {
            vec![hash_words(&w)]
        }
    } else {
        w.windows(SHINGLE).filter(|win| !win.iter().all(|x| is_stopword(x))).map(hash_words).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

fn hash_words(ws: &[String]) -> u64 {
    let mut h = 0xCBF2_9CE4_8422_2325;
    for w in ws {
        h = fnv1a(w.bytes(), h);
        h = fnv1a(std::iter::once(0x1F), h);
    }
    h
}

impl Signature {
    /// The signature of `text` (use the body text: boilerplate removed).
    pub fn of(text: &str) -> Signature {
        Signature::from_shingles(&shingles(text))
    }

    pub fn from_shingles(sh: &[u64]) -> Signature {
        let f = &*FAMILY;
        let mut mins = vec![u32::MAX; NUM_HASHES];
        for &x in sh {
            for (i, m) in mins.iter_mut().enumerate() {
                let v = (f.a[i].wrapping_mul(x).wrapping_add(f.b[i]) >> 32) as u32;
                if v < *m {
                    *m = v;
                }
            }
        }
        Signature { mins, shingles: sh.len().min(u32::MAX as usize) as u32 }
    }

    /// True when the text had no shingle (nothing to compare).
    pub fn is_empty(&self) -> bool {
        self.shingles == 0
    }

    /// One key per band: equal keys make two documents candidates. The band index is mixed
    /// in, so keys of different bands never collide by construction of the value alone.
    pub fn band_keys(&self) -> Vec<i64> {
        if self.is_empty() {
            return Vec::new();
        }
        self.mins
            .chunks(ROWS)
            .enumerate()
            .map(|(band, rows)| {
                let mut h = fnv1a((band as u32).to_le_bytes().into_iter(), 0xCBF2_9CE4_8422_2325);
                for r in rows {
                    h = fnv1a(r.to_le_bytes().into_iter(), h);
                }
                h as i64
            })
            .collect()
    }

    /// Estimated Jaccard similarity of the two shingle sets.
    pub fn jaccard(&self, other: &Signature) -> f64 {
        if self.is_empty() || other.is_empty() || self.mins.len() != other.mins.len() {
            return 0.0;
        }
        let eq = self.mins.iter().zip(&other.mins).filter(|(a, b)| a == b).count();
        eq as f64 / self.mins.len() as f64
    }

    /// Estimated share of the smaller set found in the larger one (a truncated copy, or a copy
    /// with boilerplate added, is contained in its original even when Jaccard is low).
    pub fn containment(&self, other: &Signature) -> f64 {
        let j = self.jaccard(other);
        if j == 0.0 {
            return 0.0;
        }
        let (a, b) = (f64::from(self.shingles), f64::from(other.shingles));
        let inter = j / (1.0 + j) * (a + b);
        (inter / a.min(b)).min(1.0)
    }

    /// Bytes for storage: little-endian `u32` minima.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.mins.iter().flat_map(|m| m.to_le_bytes()).collect()
    }

    /// The inverse of [`to_bytes`](Self::to_bytes); `None` when the length is wrong.
    pub fn from_bytes(bytes: &[u8], shingles: u32) -> Option<Signature> {
        if bytes.len() != NUM_HASHES * 4 {
            return None;
        }
        let mins =
            bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect::<Vec<_>>();
        Some(Signature { mins, shingles })
    }
}

/// The decision for a candidate pair.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Similarity {
    pub jaccard: f64,
    pub containment: f64,
}

/// Thresholds a candidate pair must pass to be called near-duplicates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DupThresholds {
    /// Estimated Jaccard at or above this: near-duplicates.
    pub jaccard: f64,
    /// Estimated containment of the smaller in the larger at or above this: near-duplicates
    /// (truncated copies, copies with boilerplate added)…
    pub containment: f64,
    /// …provided the smaller text has at least this many shingles (tiny texts are contained
    /// in many others by chance).
    pub min_shingles: u32,
}

impl Default for DupThresholds {
    fn default() -> Self {
        DupThresholds { jaccard: 0.3, containment: 0.6, min_shingles: 15 }
    }
}

impl DupThresholds {
    /// Compares two signatures; `Some` when they are near-duplicates.
    pub fn verify(&self, a: &Signature, b: &Signature) -> Option<Similarity> {
        let jaccard = a.jaccard(b);
        let containment = a.containment(b);
        let small = a.shingles.min(b.shingles);
        let dup = jaccard >= self.jaccard || (containment >= self.containment && small >= self.min_shingles);
        dup.then_some(Similarity { jaccard, containment })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "The harbour authority said on Tuesday that dock workers would return to work \
        after a three-week strike over pay and night shifts, ending the longest stoppage at the \
        port since 2009. Union leaders accepted an offer of a 6 percent raise spread over two years.";

    #[test]
    fn identical_texts_have_equal_signatures() {
        assert_eq!(Signature::of(A), Signature::of(A));
        assert_eq!(Signature::of(A).jaccard(&Signature::of(A)), 1.0);
    }

    #[test]
    fn unrelated_texts_are_far_apart() {
        let b = "Scientists at the observatory catalogued forty new comets this winter, most of them \
            faint and fast, using a telescope funded by a regional lottery grant.";
        let (sa, sb) = (Signature::of(A), Signature::of(b));
        assert!(sa.jaccard(&sb) < 0.1);
        assert!(DupThresholds::default().verify(&sa, &sb).is_none());
        let shared = sa.band_keys().iter().filter(|k| sb.band_keys().contains(k)).count();
        assert_eq!(shared, 0);
    }

    #[test]
    fn truncated_copy_is_contained() {
        let half = &A[..A.len() / 2];
        let (sa, sh) = (Signature::of(A), Signature::of(half));
        assert!(sa.containment(&sh) > 0.6, "{}", sa.containment(&sh));
        assert!(DupThresholds::default().verify(&sa, &sh).is_some());
    }

    #[test]
    fn bytes_round_trip() {
        let s = Signature::of(A);
        assert_eq!(Signature::from_bytes(&s.to_bytes(), s.shingles), Some(s));
        assert_eq!(Signature::from_bytes(&[1, 2, 3], 1), None);
    }

    #[test]
    fn empty_text_has_no_band_keys() {
        let s = Signature::of("  … ");
        assert!(s.is_empty());
        assert!(s.band_keys().is_empty());
        assert_eq!(s.jaccard(&s), 0.0);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,300}", t in "\\PC{0,300}") {
            let (a, b) = (Signature::of(&s), Signature::of(&t));
            let j = a.jaccard(&b);
            proptest::prop_assert!((0.0..=1.0).contains(&j));
            let _ = a.containment(&b);
            let _ = a.band_keys();
        }
    }
}
