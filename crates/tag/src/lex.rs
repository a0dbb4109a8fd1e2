//! Per-document word types. Most features of a token depend on one word only (its identity,
//! affixes, shape, clusters) seen at some offset from the tagged position, so their summed
//! label scores are computed once per distinct word and offset ([`UnaryScores`]) and every
//! occurrence adds five dense vectors instead of looking up dozens of sparse rows.

use crate::features::Atoms;
use crate::hash::{FeatHash, IdMap};
use crate::weights::{Weights, Width, LANES};

/// A fresh id for a loaded model (run-time caches are keyed by it).
pub(crate) fn next_model_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Offsets of the window whose word-only features are cached.
pub(crate) const OFFSETS: [isize; 5] = [-2, -1, 0, 1, 2];

/// How many tokens ahead of the scoring loop [`UnaryScores::prefetch_word`] fetches the
/// window's newest word (the word at `i + PREFETCH_AHEAD + 2` while token `i` is scored).
pub(crate) const PREFETCH_AHEAD: usize = 5;

/// Distinct words of a document with their atoms.
#[derive(Default)]
pub(crate) struct Types {
    index: IdMap<u32>,
    pub atoms: Vec<Atoms>,
}

impl Types {
    /// Room for `n` types without rehashing or copying.
    pub fn with_capacity(n: usize) -> Self {
        Types { index: IdMap::with_capacity_and_hasher(n, Default::default()), atoms: Vec::with_capacity(n) }
    }

    pub fn len(&self) -> usize {
        self.atoms.len()
    }

    /// The type id of a word; `make` computes its atoms on first sight.
    pub fn intern(&mut self, word: &str, make: impl FnOnce(&str) -> Atoms) -> u32 {
        let key = FeatHash::new(0).str(word).finish();
        if let Some(&t) = self.index.get(&key) {
            return t;
        }
        let t = self.atoms.len() as u32;
        self.index.insert(key, t);
        self.atoms.push(make(word));
        t
    }
}

/// Word-only features of one token seen at `off` from the tagged position (`None` = outside
/// the sentence).
pub(crate) type UnaryFn = fn(Option<&Atoms>, isize, &mut Vec<u64>);

/// Summed label scores of the word-only features, per (type, offset), plus the padding
/// vectors for positions outside the sentence. Vectors are [`Weights::stride`] long (the
/// padding lanes stay 0.0).
pub(crate) struct UnaryScores {
    /// The weights' stride.
    nl: usize,
    data: Vec<f32>,
    pad: Vec<f32>,
    unary: UnaryFn,
    buf: Vec<u64>,
    /// Lazy caches ([`Self::grow_lazy`]): whether each type's vectors are computed.
    done: Vec<bool>,
}

impl UnaryScores {
    pub fn new(weights: &Weights, unary: UnaryFn) -> Self {
        let nl = weights.stride();
        let mut u = UnaryScores {
            nl,
            data: Vec::new(),
            pad: vec![0.0; OFFSETS.len() * nl],
            unary,
            buf: Vec::new(),
            done: Vec::new(),
        };
        for (k, &off) in OFFSETS.iter().enumerate() {
            if off != 0 {
                u.buf.clear();
                (u.unary)(None, off, &mut u.buf);
                let row = &mut u.pad[k * nl..(k + 1) * nl];
                for &f in &u.buf {
                    weights.add_wide(f, row);
                }
            }
        }
        u
    }

    /// Reserve room for `types` word types, so that filling the cache does not copy it when
    /// it grows (untouched reserved memory costs no more than address space).
    pub fn reserve(&mut self, types: usize) {
        let want = types * self.nl * OFFSETS.len();
        self.data.reserve(want.saturating_sub(self.data.len()));
    }

    /// Make room (zeroed) for the types added since the last call without computing their
    /// vectors: [`Self::ensure`] computes a type's vectors when they are first needed.
    pub fn grow_lazy(&mut self, types: &Types) {
        self.data.resize(types.len() * self.nl * OFFSETS.len(), 0.0);
        self.done.resize(types.len(), false);
    }

    /// Compute the vectors of type `t` of a lazy cache unless done: the same sums as
    /// [`Self::extend`] computes.
    #[inline(always)]
    pub fn ensure(&mut self, t: u32, types: &Types, weights: &Weights) {
        if !self.done[t as usize] {
            self.fill(t as usize, types, weights);
            self.done[t as usize] = true;
        }
    }

    #[inline(always)]
    fn fill(&mut self, t: usize, types: &Types, weights: &Weights) {
        let mut keys = std::mem::take(&mut self.buf);
        let ends = self.keys(t, types, weights, &mut keys);
        self.add_keys(t, &keys, &ends, weights);
        self.buf = keys;
    }

    /// The word-only feature keys of type `t` at each offset (`keys[ends[k - 1]..ends[k]]`),
    /// with their weight slots prefetched.
    #[inline(always)]
    fn keys(&self, t: usize, types: &Types, weights: &Weights, keys: &mut Vec<u64>) -> [usize; 5] {
        let a = &types.atoms[t];
        keys.clear();
        let mut ends = [0; 5];
        for (k, &off) in OFFSETS.iter().enumerate() {
            (self.unary)(Some(a), off, keys);
            ends[k] = keys.len();
        }
        for &f in keys.iter() {
            weights.prefetch(f);
        }
        ends
    }

    /// Add the rows of [`Self::keys`] to type `t`'s zeroed vectors.
    #[inline(always)]
    fn add_keys(&mut self, t: usize, keys: &[u64], ends: &[usize; 5], weights: &Weights) {
        let nl = self.nl;
        let mut from = 0;
        for (k, &end) in ends.iter().enumerate() {
            let base = (t * OFFSETS.len() + k) * nl;
            let row = &mut self.data[base..base + nl];
            for &f in &keys[from..end] {
                weights.add_wide(f, row);
            }
            from = end;
        }
    }

    /// Compute the vectors of types added since the last call.
    pub fn extend(&mut self, types: &Types, weights: &Weights) {
        crate::simd::avx2!(self.extend_avx2 => extend_impl(types, weights))
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn extend_avx2(&mut self, types: &Types, weights: &Weights) {
        self.extend_impl(types, weights)
    }

    #[inline(always)]
    pub(crate) fn extend_impl(&mut self, types: &Types, weights: &Weights) {
        let nl = self.nl;
        let have = self.data.len() / (nl * OFFSETS.len());
        self.data.resize(types.len() * nl * OFFSETS.len(), 0.0);
        // The next type's keys are computed (and their slots prefetched) before this type's
        // rows are added.
        let (mut cur, mut next) = (std::mem::take(&mut self.buf), Vec::new());
        let mut ends = [0; 5];
        if have < types.len() {
            ends = self.keys(have, types, weights, &mut cur);
        }
        for t in have..types.len() {
            let next_ends =
                if t + 1 < types.len() { self.keys(t + 1, types, weights, &mut next) } else { [0; 5] };
            self.add_keys(t, &cur, &ends, weights);
            std::mem::swap(&mut cur, &mut next);
            ends = next_ends;
        }
        self.buf = cur;
    }

    /// Overwrite `row` (one stride long) with the summed word-only scores of the window around `i`: bit for bit
    /// the sums accumulated on a zeroed row (the first vector is added to `0.0`), without
    /// zeroing the row first.
    /// `w` is the stride as a [`Width`].
    #[inline(always)]
    pub fn set_window<W: Width>(&self, ids: &[u32], i: usize, row: &mut [f32], w: W) {
        debug_assert_eq!(w.lanes(), self.nl);
        // Spelled out rather than `std::array::from_fn`, whose closure the compiler does not
        // always inline into the tagging loops (callgrind showed it as a call of its own).
        let v: [&[f32]; 5] = [
            self.vector(ids, i, 0, w),
            self.vector(ids, i, 1, w),
            self.vector(ids, i, 2, w),
            self.vector(ids, i, 3, w),
            self.vector(ids, i, 4, w),
        ];
        let row = &mut row[..w.lanes()];
        // Chunk by chunk, the five vectors summed in registers in offset order: per lane the
        // same additions as adding them one after the other to a zeroed row.
        for c in 0..w.chunks() {
            let r: &mut [f32; LANES] =
                (&mut row[c * LANES..(c + 1) * LANES]).try_into().expect("whole chunk");
            let at = |k: usize| -> [f32; LANES] {
                v[k][c * LANES..(c + 1) * LANES].try_into().expect("whole chunk")
            };
            let mut acc = [0.0f32; LANES];
            for k in 0..OFFSETS.len() {
                let x = at(k);
                for l in 0..LANES {
                    acc[l] += x[l];
                }
            }
            *r = acc;
        }
    }

    /// Whether two caches hold the same score bits (tests of the vector copies).
    #[cfg(test)]
    pub fn same_bits(&self, other: &Self) -> bool {
        let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        bits(&self.data) == bits(&other.data) && bits(&self.pad) == bits(&other.pad)
    }

    /// Start fetching the cached vectors of the word at `j` (all five offsets), so that they
    /// are in cache when the window reaches it. The tagging loops call this a few tokens
    /// ahead: the cache of a long run holds thousands of types (megabytes, see
    /// `TYPE_CACHE_CAP`), and without it each new word's rows were fetched only when the
    /// scoring loop stalled on them. A prefetch changes no value.
    #[inline(always)]
    pub fn prefetch_word(&self, ids: &[u32], j: usize) {
        #[cfg(target_arch = "x86_64")]
        if let Some(&t) = ids.get(j) {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            let block = OFFSETS.len() * self.nl;
            let base = t as usize * block;
            if base + block <= self.data.len() {
                let p = self.data[base..].as_ptr().cast::<i8>();
                // 16 floats to a 64-byte line.
                for line in (0..block).step_by(16) {
                    // SAFETY: a prefetch never faults; the address is inside `data`.
                    unsafe { _mm_prefetch(p.add(line * 4), _MM_HINT_T0) };
                }
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = (ids, j);
    }

    /// The cached vector of the word at offset `OFFSETS[k]` from `i` (padding outside).
    #[inline(always)]
    fn vector<W: Width>(&self, ids: &[u32], i: usize, k: usize, w: W) -> &[f32] {
        let nl = w.lanes();
        let j = i as isize + OFFSETS[k];
        if j >= 0 && (j as usize) < ids.len() {
            let base = (ids[j as usize] as usize * OFFSETS.len() + k) * nl;
            &self.data[base..base + nl]
        } else {
            &self.pad[k * nl..(k + 1) * nl]
        }
    }
}
