//! Runtime weights: an open-addressing table from feature key to a contiguous run of
//! (label, weight) pairs, stored quantised (i16 with one scale) in model files.

use crate::format::{Reader, Writer};
use crate::ModelError;

/// Averaged weight rows: `(feature key, [(label, weight)])`.
pub type Rows = Vec<(u64, Vec<(u16, f32)>)>;

/// Score rows are padded to a multiple of this many lanes (see [`Weights::stride`]), so
/// dense weight rows are added in whole vector chunks.
pub const LANES: usize = 8;

/// `nlabels` rounded up to whole [`LANES`] chunks.
pub const fn stride_of(nlabels: usize) -> usize {
    nlabels.div_ceil(LANES) * LANES
}

/// `dst[..]` += `src[..]` chunk by chunk (both a whole number of [`LANES`] chunks long);
/// vectorises to one add per chunk.
#[inline(always)]
pub(crate) fn add_lanes(dst: &mut [f32], src: &[f32]) {
    debug_assert_eq!(dst.len() % LANES, 0);
    for (d, s) in dst.chunks_exact_mut(LANES).zip(src.chunks_exact(LANES)) {
        // Whole chunks are loaded before the store, so the adds vectorise even where the
        // compiler cannot tell that `dst` and `src` do not overlap.
        let d: &mut [f32; LANES] = d.try_into().expect("whole chunk");
        let s: [f32; LANES] = s.try_into().expect("whole chunk");
        let mut v = *d;
        for l in 0..LANES {
            v[l] += s[l];
        }
        *d = v;
    }
}

/// `dst[..w.lanes()]` += the quantised `src` dequantised (`f32::from(q) * scale`, the value a
/// loaded f32 row would hold, so the same sums bit for bit), chunk by chunk: four vector
/// instructions a chunk (widen, convert, multiply, add; no fused multiply-add).
#[inline(always)]
pub(crate) fn add_lanes_q<W: Width>(dst: &mut [f32], src: &[i16], scale: f32, w: W) {
    let n = w.lanes();
    let (dst, src) = (&mut dst[..n], &src[..n]);
    for c in 0..w.chunks() {
        let d: &mut [f32; LANES] = (&mut dst[c * LANES..(c + 1) * LANES]).try_into().expect("whole chunk");
        let s: [i16; LANES] = src[c * LANES..(c + 1) * LANES].try_into().expect("whole chunk");
        let mut v = *d;
        for l in 0..LANES {
            v[l] += f32::from(s[l]) * scale;
        }
        *d = v;
    }
}

/// The width of a score row in [`LANES`] chunks, known when compiling ([`Fixed`]: the row
/// loops of the shipped models' widths are then unrolled, with no loop counters or bounds
/// checks per chunk) or only at run time ([`Dyn`]). Both add the same chunks in the same
/// order, so they give the same score bits.
pub(crate) trait Width: Copy {
    fn chunks(self) -> usize;
    #[inline(always)]
    fn lanes(self) -> usize {
        self.chunks() * LANES
    }
}

/// A row width fixed when compiling.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fixed<const C: usize>;

impl<const C: usize> Width for Fixed<C> {
    #[inline(always)]
    fn chunks(self) -> usize {
        C
    }
}

/// A row width known at run time.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Dyn(pub usize);

impl Width for Dyn {
    #[inline(always)]
    fn chunks(self) -> usize {
        self.0
    }
}

/// [`add_lanes`] of the first `w.lanes()` lanes.
#[inline(always)]
pub(crate) fn add_lanes_w<W: Width>(dst: &mut [f32], src: &[f32], w: W) {
    let n = w.lanes();
    let (dst, src) = (&mut dst[..n], &src[..n]);
    for c in 0..w.chunks() {
        let d: &mut [f32; LANES] = (&mut dst[c * LANES..(c + 1) * LANES]).try_into().expect("whole chunk");
        let s: [f32; LANES] = src[c * LANES..(c + 1) * LANES].try_into().expect("whole chunk");
        let mut v = *d;
        for l in 0..LANES {
            v[l] += s[l];
        }
        *d = v;
    }
}

/// One open-addressing slot: the feature key (0 = empty) and its row, kept together so a
/// probe touches one cache line. `len == DENSE`: the row is dense, at `dense[start..]`;
/// `len == DENSE_Q`: dense and quantised, at `dense_q[start..]`.
/// Stored packed as `[key, start | len << 32]` (so a fresh table is zeroed memory from the
/// allocator, not written). A row read from a model file with at most [`INLINE_MAX`]
/// entries (or, in a table of at most 3 labels, any row) is kept in the slot itself, in its
/// quantised form (see [`inline_info`]): a probe then finds the weights with the key, with no
/// second memory access.
#[derive(Clone, Copy, Default)]
struct Slot {
    key: u64,
    start: u32,
    len: u32,
}

impl Slot {
    fn pack(self) -> [u64; 2] {
        [self.key, u64::from(self.start) | u64::from(self.len) << 32]
    }
}

const DENSE: u32 = u32::MAX;
/// The `len` of a dense row kept quantised, at `dense_q[start..]` (a row read from a file).
const DENSE_Q: u32 = 0xfe00_0000;

/// The most (label, weight) entries a slot holds inline: each is 24 bits (label u8, weight
/// i16), under the tag byte.
const INLINE_MAX: usize = 2;
/// Tag (top byte of a slot info) of an inline row of the labels 0, 1, 2 of a table of 3
/// labels: three i16 weights.
const INLINE3: u64 = 3;

/// The slot info of a row kept inline: tag `n` (1..=[`INLINE_MAX`]) in the top byte and the
/// `n` entries `label | weight << 8` at 24-bit steps; or tag [`INLINE3`] and the weights of
/// labels 0, 1, 2 at 16-bit steps (`q`: the quantised weights, one per label). The top byte
/// of an out-of-line row's info is its length's (sparse rows are at most 255 long, so 0) or
/// `0xff` (dense f32) or `0xfe` (dense quantised), never 1..=3.
fn inline_info(entries: &[(u8, i16)], dense3: Option<[i16; 3]>) -> u64 {
    match dense3 {
        Some(q) => {
            INLINE3 << 56
                | u64::from(q[0] as u16)
                | u64::from(q[1] as u16) << 16
                | u64::from(q[2] as u16) << 32
        }
        None => {
            debug_assert!(!entries.is_empty() && entries.len() <= INLINE_MAX);
            entries.iter().enumerate().fold((entries.len() as u64) << 56, |acc, (j, &(l, q))| {
                acc | (u64::from(l) | u64::from(q as u16) << 8) << (24 * j)
            })
        }
    }
}

/// A row as found by a probe.
enum Row<'a> {
    Sparse(&'a [(u16, f32)]),
    /// `stride` weights, 0.0 for labels the row does not mention.
    Dense(&'a [f32]),
    /// A row kept in its slot (an info of tag 1..=3, see [`inline_info`]).
    Inline(u64),
    /// `stride` quantised weights (a row read from a model file), 0 for labels the row does
    /// not mention; weight `q` is `f32::from(q) * scale`.
    DenseQ(&'a [i16]),
}

/// A key's row in one [`Weights`] table, from [`Weights::locate`]: the slot info (start and
/// length of the row), 0 for none (a slot info of 0 is an empty sparse run, which adds
/// nothing either). Only meaningful for the table that made it (tables never move or drop
/// rows after loading).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Located(u64);

impl Located {
    /// The slot info, to keep in another table.
    pub(crate) fn info(self) -> u64 {
        self.0
    }

    /// A row kept by its [`Self::info`].
    #[inline(always)]
    pub(crate) fn of(info: u64) -> Located {
        Located(info)
    }
}

/// Weight rows of a model at run time. Rows with many labels are stored dense (one weight
/// per label, padded to the stride) and added in vector chunks; the others as sparse
/// (label, weight) runs. Adding a dense row gives the same sums as adding its sparse form:
/// the labels it does not mention add 0.0, which leaves a score unchanged (up to the sign
/// of a zero, which no comparison sees).
pub struct Weights {
    nlabels: usize,
    stride: usize,
    /// A key's home slot is its top bits (`key >> shift`): model files list rows in key
    /// order, so loading fills the table front to back.
    shift: u32,
    mask: usize,
    slots: Vec<[u64; 2]>,
    entries: Vec<(u16, f32)>,
    dense: Vec<f32>,
    /// Dense rows read from a model file, kept in their quantised form (half the bytes of
    /// `dense`, so twice the rows per cache line).
    dense_q: Vec<i16>,
    features: usize,
    /// The file's quantisation step: an inline weight `q` is `f32::from(q) * scale`, the
    /// value an out-of-line row of the same file holds (so the sums are the same bits).
    scale: f32,
}

impl Weights {
    pub fn nlabels(&self) -> usize {
        self.nlabels
    }

    /// Length of a padded score row for [`Self::add_wide`]: `nlabels` rounded up to whole
    /// [`LANES`] chunks.
    pub fn stride(&self) -> usize {
        self.stride
    }

    pub fn num_features(&self) -> usize {
        self.features
    }

    /// Whether a row of `len` labels is stored dense: when it has at least one label per
    /// vector chunk of the padded row.
    fn is_dense(&self, len: usize) -> bool {
        len * LANES >= self.stride
    }

    fn with_capacity(nlabels: usize, rows: usize) -> Self {
        // Load factor at most 1/2 keeps probe runs short.
        let cap = (rows * 2).next_power_of_two().max(16);
        Weights {
            nlabels,
            stride: stride_of(nlabels),
            shift: 64 - cap.trailing_zeros(),
            mask: cap - 1,
            slots: vec![[0; 2]; cap],
            entries: Vec::new(),
            dense: Vec::new(),
            dense_q: Vec::new(),
            features: 0,
            scale: 0.0,
        }
    }

    /// Add a row; later rows of the same key replace earlier ones.
    fn push_row(&mut self, key: u64, len: usize, row: impl Iterator<Item = (u16, f32)>) {
        let slot = if self.is_dense(len) {
            let start = self.dense.len();
            self.dense.resize(start + self.stride, 0.0);
            let d = &mut self.dense[start..];
            for (l, w) in row {
                d[l as usize] = w;
            }
            Slot { key, start: start as u32, len: DENSE }
        } else {
            let start = self.entries.len();
            self.entries.extend(row);
            Slot { key, start: start as u32, len: (self.entries.len() - start) as u32 }
        };
        self.insert(slot.pack());
    }

    /// Put a slot in the table (replacing one of the same key).
    fn insert(&mut self, slot: [u64; 2]) {
        let mut i = (slot[0] >> self.shift) as usize;
        while self.slots[i][0] != 0 && self.slots[i][0] != slot[0] {
            i = (i + 1) & self.mask;
        }
        if self.slots[i][0] == 0 {
            self.features += 1;
        }
        self.slots[i] = slot;
    }

    pub fn from_rows(nlabels: usize, rows: &[(u64, Vec<(u16, f32)>)]) -> Self {
        let mut w = Self::with_capacity(nlabels, rows.len());
        for (key, row) in rows {
            let kept = || row.iter().copied().filter(|(l, _)| (*l as usize) < nlabels);
            w.push_row(*key, kept().count(), kept());
        }
        w
    }

    /// Hint the CPU to fetch the home slot of `key` (a lookup soon after then rarely waits
    /// for memory).
    #[inline(always)]
    pub fn prefetch(&self, key: u64) {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            let i = (key >> self.shift) as usize;
            // SAFETY: a prefetch never faults; the address is inside `slots` (`i <= mask`).
            unsafe { _mm_prefetch(self.slots.as_ptr().add(i).cast::<i8>(), _MM_HINT_T0) };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = key;
    }

    #[inline(always)]
    fn find(&self, key: u64) -> Option<Row<'_>> {
        self.find_info(key).map(|info| self.row(info))
    }

    /// The slot info (start and length of the row) of `key`, if it has a row.
    #[inline(always)]
    fn find_info(&self, key: u64) -> Option<u64> {
        let mut i = (key >> self.shift) as usize;
        loop {
            // SAFETY: `slots.len() == mask + 1` (a power of two), `key >> shift <= mask`, and
            // `i <= mask`.
            let [k, info] = *unsafe { self.slots.get_unchecked(i) };
            if k == key {
                return Some(info);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The row a slot info of this table points to.
    #[inline(always)]
    fn row(&self, info: u64) -> Row<'_> {
        let (start, len) = (info as u32 as usize, (info >> 32) as u32);
        if (1..=INLINE3).contains(&(info >> 56)) {
            return Row::Inline(info);
        }
        if len == DENSE_Q {
            debug_assert!(start + self.stride <= self.dense_q.len());
            // SAFETY: infos come from this table's slots; quantised dense rows are `stride`
            // long and `dense_q` is filled before any slot points into it.
            return Row::DenseQ(unsafe { self.dense_q.get_unchecked(start..start + self.stride) });
        }
        if len == DENSE {
            debug_assert!(start + self.stride <= self.dense.len());
            // SAFETY: infos come from this table's slots; dense rows are `stride` long and
            // `dense` only grows.
            Row::Dense(unsafe { self.dense.get_unchecked(start..start + self.stride) })
        } else {
            let end = start + len as usize;
            debug_assert!(end <= self.entries.len());
            // SAFETY: infos come from this table's slots; every slot's run was pushed to
            // `entries` before it was inserted, and `entries` only grows.
            Row::Sparse(unsafe { self.entries.get_unchecked(start..end) })
        }
    }

    /// Every key with a row, and where the row is (in slot order).
    pub(crate) fn located_keys(&self) -> impl Iterator<Item = (u64, Located)> + '_ {
        self.slots.iter().filter(|s| s[0] != 0).map(|&[k, info]| (k, Located(info)))
    }

    /// Where the row of `key` is, looked up once for [`Self::add_wide_located`] to add many
    /// times (the same sums as [`Self::add_wide`] with the key).
    pub(crate) fn locate(&self, key: u64) -> Located {
        Located(self.find_info(key).unwrap_or(0))
    }

    /// [`Self::add_wide`] of a key located in this table by [`Self::locate`] (`w`: the
    /// stride as a [`Width`]).
    #[inline(always)]
    pub(crate) fn add_wide_located<W: Width>(&self, at: Located, scores: &mut [f32], w: W) {
        debug_assert_eq!(w.lanes(), self.stride);
        if at.0 == 0 {
            return;
        }
        match self.row(at.0) {
            Row::Dense(d) => add_lanes_w(scores, d, w),
            Row::DenseQ(d) => add_lanes_q(scores, d, self.scale, w),
            Row::Sparse(r) => add_sparse(r, &mut scores[..self.nlabels]),
            Row::Inline(info) => self.add_inline(info, &mut scores[..self.nlabels]),
        }
    }

    /// [`Self::add_wide`] with the stride as `w` ([`Width`]): the same sums.
    #[inline(always)]
    pub(crate) fn add_wide_w<W: Width>(&self, key: u64, scores: &mut [f32], w: W) {
        debug_assert_eq!(w.lanes(), self.stride);
        match self.find(key) {
            None => {}
            Some(Row::Dense(d)) => add_lanes_w(scores, d, w),
            Some(Row::DenseQ(d)) => add_lanes_q(scores, d, self.scale, w),
            Some(Row::Sparse(r)) => add_sparse(r, &mut scores[..self.nlabels]),
            Some(Row::Inline(info)) => self.add_inline(info, &mut scores[..self.nlabels]),
        }
    }

    /// Add the row of `key` to `scores[..nlabels]` (`scores` at least [`Self::nlabels`] long).
    #[inline(always)]
    pub fn add(&self, key: u64, scores: &mut [f32]) {
        let scores = &mut scores[..self.nlabels];
        match self.find(key) {
            None => {}
            Some(Row::Dense(d)) => {
                for (s, w) in scores.iter_mut().zip(d) {
                    *s += *w;
                }
            }
            Some(Row::DenseQ(d)) => {
                for (s, &q) in scores.iter_mut().zip(d) {
                    *s += f32::from(q) * self.scale;
                }
            }
            Some(Row::Sparse(r)) => add_sparse(r, scores),
            Some(Row::Inline(info)) => self.add_inline(info, scores),
        }
    }

    /// Add the row of `key` to a padded score row (`scores` at least [`Self::stride`] long;
    /// the padding lanes only ever receive 0.0).
    #[inline(always)]
    pub fn add_wide(&self, key: u64, scores: &mut [f32]) {
        match self.find(key) {
            None => {}
            Some(Row::Dense(d)) => add_lanes(&mut scores[..self.stride], d),
            Some(Row::DenseQ(d)) => add_lanes_q(scores, d, self.scale, Dyn(self.stride / LANES)),
            Some(Row::Sparse(r)) => add_sparse(r, &mut scores[..self.nlabels]),
            Some(Row::Inline(info)) => self.add_inline(info, &mut scores[..self.nlabels]),
        }
    }

    /// [`Self::add_wide`] into a score row of one [`LANES`] chunk, for a table whose stride is
    /// that chunk (at most [`LANES`] labels: the attribution taggers'): the same additions
    /// (a dense row's chunk lane by lane, or the sparse entries), without the loop over a
    /// stride known only at run time. A wider table takes [`Self::add_wide`].
    #[inline(always)]
    pub fn add_row8(&self, key: u64, scores: &mut [f32; LANES]) {
        if self.stride != LANES {
            return self.add_wide(key, scores);
        }
        match self.find(key) {
            None => {}
            Some(Row::Dense(d)) => add_lanes_w(scores, d, Fixed::<1>),
            Some(Row::DenseQ(d)) => add_lanes_q(scores, d, self.scale, Fixed::<1>),
            Some(Row::Sparse(r)) => add_sparse(r, &mut scores[..self.nlabels]),
            // The three weights of a whole row of a 3-label table as one quantised chunk: the
            // same lanes 0..3, and 0.0 added to the padding.
            Some(Row::Inline(info)) if info >> 56 == INLINE3 => {
                let q = [info as i16, (info >> 16) as i16, (info >> 32) as i16, 0, 0, 0, 0, 0];
                add_lanes_q(scores, &q, self.scale, Fixed::<1>)
            }
            Some(Row::Inline(info)) => self.add_inline(info, &mut scores[..self.nlabels]),
        }
    }

    /// Add a row kept in its slot (`info` of tag 1..=3) to `scores` (at least
    /// [`Self::nlabels`] long): its weights, dequantised as loading an out-of-line row does,
    /// in the order of the row's entries.
    #[inline(always)]
    fn add_inline(&self, info: u64, scores: &mut [f32]) {
        let tag = info >> 56;
        if tag == INLINE3 {
            // Made only for tables of exactly 3 labels (`read`), so `scores` holds lanes 0..3.
            let s: &mut [f32; 3] = (&mut scores[..3]).try_into().expect("3 labels");
            for (l, x) in s.iter_mut().enumerate() {
                *x += f32::from((info >> (16 * l)) as u16 as i16) * self.scale;
            }
            return;
        }
        for j in 0..tag as usize {
            let e = info >> (24 * j);
            let l = e as u8 as usize;
            let q = (e >> 8) as u16 as i16;
            debug_assert!(l < scores.len());
            // SAFETY: `read` refuses labels `>= nlabels`, and callers pass at least `nlabels`
            // scores.
            unsafe { *scores.get_unchecked_mut(l) += f32::from(q) * self.scale };
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

    /// Whether a row of `len` entries read from a file is kept in its slot (see
    /// [`inline_info`]).
    fn is_inline(&self, len: usize) -> bool {
        (1..=INLINE_MAX).contains(&len) || (self.nlabels == 3 && len == 3)
    }

    pub fn read(nlabels: usize, r: &mut Reader<'_>) -> Result<Self, ModelError> {
        let scale = r.f32()?;
        if !scale.is_finite() {
            return Err(ModelError::Corrupt("weight scale is not finite".into()));
        }
        let n = r.count(9)?;
        let mut w = Self::with_capacity(nlabels, n);
        w.scale = scale;
        // Rows: key (8 bytes), length (1), then (label u8, weight i16) triples. A first scan
        // over the row headers checks lengths and sizes the arrays; the second fills them,
        // checking labels on the way.
        let buf = r.rest();
        let (mut end, mut sparse, mut dense) = (0usize, 0usize, 0usize);
        let mut even = false;
        for _ in 0..n {
            let Some(&len) = buf.get(end + 8) else { return Err(ModelError::Truncated) };
            let len = len as usize;
            even |= buf[end] & 1 == 0;
            if w.is_inline(len) {
            } else if w.is_dense(len) {
                dense += 1;
            } else {
                sparse += len;
            }
            end += 9 + 3 * len;
        }
        if end > buf.len() {
            return Err(ModelError::Truncated);
        }
        if even {
            return Err(ModelError::Corrupt("feature key is even".into()));
        }
        r.take(end)?;
        let buf = &buf[..end];
        w.entries.reserve_exact(sparse);
        w.dense_q = vec![0; dense * w.stride];
        let quantised = |e: &[u8]| i16::from_le_bytes([e[1], e[2]]);
        let weight = |e: &[u8]| f32::from(quantised(e)) * scale;
        if dense * w.stride > u32::MAX as usize {
            return Err(ModelError::Corrupt("too many dense rows".into()));
        }
        let mut bad_label = false;
        let mut p = 0;
        let mut next_dense = 0;
        for _ in 0..n {
            let key = u64::from_le_bytes(buf[p..p + 8].try_into().expect("8 bytes"));
            let len = buf[p + 8] as usize;
            let row = &buf[p + 9..p + 9 + 3 * len];
            p += 9 + 3 * len;
            let slot = if w.is_inline(len) {
                let mut e = [(0u8, 0i16); INLINE_MAX];
                let mut q3 = [0i16; 3];
                for (j, x) in row.chunks_exact(3).enumerate() {
                    bad_label |= x[0] as usize >= nlabels;
                    if let Some(slot) = e.get_mut(j) {
                        *slot = (x[0], quantised(x));
                    }
                    if let Some(q) = q3.get_mut(x[0] as usize) {
                        *q = quantised(x);
                    }
                }
                let info =
                    if len <= INLINE_MAX { inline_info(&e[..len], None) } else { inline_info(&[], Some(q3)) };
                [key, info]
            } else if w.is_dense(len) {
                let start = next_dense;
                next_dense += w.stride;
                let d = &mut w.dense_q[start..start + w.stride];
                for e in row.chunks_exact(3) {
                    bad_label |= e[0] as usize >= nlabels;
                    if let Some(x) = d.get_mut(e[0] as usize) {
                        *x = quantised(e);
                    }
                }
                Slot { key, start: start as u32, len: DENSE_Q }.pack()
            } else {
                let start = w.entries.len();
                for e in row.chunks_exact(3) {
                    bad_label |= e[0] as usize >= nlabels;
                    w.entries.push((u16::from(e[0]), weight(e)));
                }
                Slot { key, start: start as u32, len: len as u32 }.pack()
            };
            w.insert(slot);
        }
        if bad_label {
            return Err(ModelError::Corrupt(format!("a label is out of range (model has {nlabels})")));
        }
        Ok(w)
    }
}

/// Add sparse (label, weight) entries (labels below `scores.len()`).
#[inline(always)]
fn add_sparse(row: &[(u16, f32)], scores: &mut [f32]) {
    for &(l, w) in row {
        debug_assert!((l as usize) < scores.len());
        // SAFETY: `from_rows` drops and `read` refuses labels `>= nlabels`, and callers
        // pass at least `nlabels` scores.
        unsafe { *scores.get_unchecked_mut(l as usize) += w };
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

    /// The unrolled adds of a [`Fixed`] width give the bits of the run-time width's and of
    /// `add_wide`, row after row on the same scores, for the shipped models' strides.
    #[test]
    fn fixed_and_run_time_widths_add_alike() {
        fn check<const C: usize>(nl: usize) {
            let mut rng = crate::hash::SplitMix(11);
            let rows = random_rows(&mut rng, 40, nl);
            let w = Weights::from_rows(nl, &rows);
            assert_eq!(w.stride(), C * LANES);
            let (mut a, mut b, mut c) =
                (vec![0.25f32; w.stride()], vec![0.25f32; w.stride()], vec![0.25f32; w.stride()]);
            for (key, _) in &rows {
                w.add_wide(*key, &mut a);
                w.add_wide_w(*key, &mut b, Fixed::<C>);
                w.add_wide_w(*key, &mut c, Dyn(C));
                let at = w.locate(*key);
                let mut d = a.clone();
                let mut e = a.clone();
                w.add_wide_located(at, &mut d, Fixed::<C>);
                w.add_wide(*key, &mut e);
                assert_eq!(
                    d.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
                    e.iter().map(|x| x.to_bits()).collect::<Vec<_>>()
                );
            }
            let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&a), bits(&b));
            assert_eq!(bits(&a), bits(&c));
            let mut f = a.clone();
            add_lanes(&mut f, &b);
            add_lanes_w(&mut b, &a, Fixed::<C>);
            assert_eq!(bits(&f), bits(&b));
        }
        check::<13>(102);
        check::<3>(17);
    }

    /// `n` rows with odd keys, each of 1..nl labels spread over the label range, random weights.
    fn random_rows(rng: &mut crate::hash::SplitMix, n: u64, nl: usize) -> Rows {
        (0..n)
            .map(|k| {
                let len = (rng.next_u64() as usize % nl).max(1);
                let row = (0..len)
                    .map(|j| ((j * nl / len) as u16, (rng.next_u64() % 4001) as f32 / 37.0 - 54.0))
                    .collect();
                (2 * k + 1, row)
            })
            .collect()
    }

    /// `add_row8` gives the bits of `add_wide`, row after row on the same scores (absent keys
    /// too), for tables of up to one chunk of labels (the attribution taggers' 3 and 5).
    #[test]
    fn one_chunk_rows_add_as_wide_ones() {
        let mut rng = crate::hash::SplitMix(5);
        for nl in [1usize, 3, 5, 8] {
            let rows = random_rows(&mut rng, 50, nl);
            let w = Weights::from_rows(nl, &rows);
            assert_eq!(w.stride(), LANES);
            let (mut a, mut b) = ([0.25f32; LANES], [0.25f32; LANES]);
            for (key, _) in &rows {
                for k in [*key, *key + 1] {
                    w.add_wide(k, &mut a);
                    w.add_row8(k, &mut b);
                    assert_eq!(a.map(f32::to_bits), b.map(f32::to_bits), "{nl} labels");
                }
            }
            assert!(a[..nl].iter().any(|&x| x != 0.25), "{nl} labels: rows were added");
        }
    }

    /// A table read from a file (rows kept in their slots, dense rows quantised) adds the
    /// same bits as a table of the f32 values loading used to make (`f32::from(q) * scale`),
    /// through every entry point, row after row on the same scores, absent keys too.
    #[test]
    fn read_rows_add_as_dequantised_f32_rows() {
        fn bits(v: &[f32]) -> Vec<u32> {
            v.iter().map(|x| x.to_bits()).collect()
        }
        fn check<W: Width>(nl: usize, width: W, rng: &mut crate::hash::SplitMix) {
            let mut rows = random_rows(rng, 300, nl);
            // Rows of every label too (kept inline whole in a table of 3 labels).
            for k in 0..20u64 {
                let row = (0..nl as u16).map(|l| (l, (rng.next_u64() % 3001) as f32 / 41.0 - 36.0)).collect();
                rows.push((2 * (1000 + k) + 1, row));
            }
            let mut out = Writer::default();
            Weights::write(&rows, &mut out);
            let read = Weights::read(nl, &mut Reader::new(&out.0)).unwrap();
            let scale = read.scale;
            let f32_rows: Rows = rows
                .iter()
                .map(|(k, r)| {
                    let r =
                        r.iter().map(|&(l, v)| (l, f32::from((v / scale).round() as i16) * scale)).collect();
                    (*k, r)
                })
                .collect();
            let plain = Weights::from_rows(nl, &f32_rows);
            let st = read.stride();
            let (mut a, mut b, mut c, mut d) =
                (vec![0.25f32; st], vec![0.25f32; st], vec![0.25f32; st], vec![0.25f32; st]);
            let (mut e, mut f) = (vec![0.25f32; nl], vec![0.25f32; nl]);
            for (key, _) in &rows {
                for k in [*key, *key + 2] {
                    plain.add_wide(k, &mut a);
                    read.add_wide(k, &mut b);
                    read.add_wide_w(k, &mut c, width);
                    read.add_wide_located(read.locate(k), &mut d, width);
                    plain.add(k, &mut e);
                    read.add(k, &mut f);
                    if st == LANES {
                        let (mut x, mut y) = ([0.5f32; LANES], [0.5f32; LANES]);
                        plain.add_row8(k, &mut x);
                        read.add_row8(k, &mut y);
                        assert_eq!(bits(&x[..nl]), bits(&y[..nl]), "{nl} labels, add_row8");
                    }
                }
            }
            assert_eq!(bits(&a[..nl]), bits(&b[..nl]), "{nl} labels, add_wide");
            assert_eq!(bits(&a[..nl]), bits(&c[..nl]), "{nl} labels, add_wide_w");
            assert_eq!(bits(&a[..nl]), bits(&d[..nl]), "{nl} labels, add_wide_located");
            assert_eq!(bits(&e), bits(&f), "{nl} labels, add");
            assert!(a[..nl].iter().all(|&x| x != 0.25), "{nl} labels: rows were added");
            let inline = read.slots.iter().filter(|s| (1..=INLINE3).contains(&(s[1] >> 56))).count();
            assert!(inline > 0, "{nl} labels: some rows inline");
            assert_eq!(read.dense_q.is_empty(), nl <= 3, "{nl} labels: dense rows quantised");
        }
        let mut rng = crate::hash::SplitMix(17);
        check(1, Fixed::<1>, &mut rng);
        check(3, Fixed::<1>, &mut rng);
        check(5, Fixed::<1>, &mut rng);
        check(17, Fixed::<3>, &mut rng);
        check(102, Fixed::<13>, &mut rng);
        check(102, Dyn(13), &mut rng);
    }

    /// Rows of every length, dense or sparse, add up to the same scores as the plain sparse
    /// sum, through `add` and `add_wide`, in memory and after a file round trip.
    #[test]
    fn dense_and_sparse_rows_sum_alike() {
        let mut rng = crate::hash::SplitMix(3);
        for nl in [1usize, 3, 8, 17, 102] {
            let rows: Vec<(u64, Vec<(u16, f32)>)> = (0..60u64)
                .map(|k| {
                    let len = (rng.next_u64() as usize % (nl + 1)).max(1);
                    let mut labels: Vec<u16> = (0..nl as u16).collect();
                    rng.shuffle(&mut labels);
                    let mut row: Vec<(u16, f32)> = labels[..len]
                        .iter()
                        .map(|&l| (l, (rng.next_u64() % 2001) as f32 / 64.0 - 15.6))
                        .collect();
                    row.sort_by_key(|e| e.0);
                    (2 * (k * 0x9e37_79b9 + 11) + 1, row)
                })
                .collect();
            let mut out = Writer::default();
            Weights::write(&rows, &mut out);
            let read = Weights::read(nl, &mut Reader::new(&out.0)).unwrap();
            let quantised = |w: f32, scale: f32| f32::from((w / scale).round() as i16) * scale;
            let max = rows.iter().flat_map(|r| r.1.iter().map(|e| e.1.abs())).fold(0f32, f32::max);
            let scale = max / 32767.0;
            for (w, q) in [(&Weights::from_rows(nl, &rows), false), (&read, true)] {
                assert!(
                    !w.dense.is_empty() || !w.dense_q.is_empty() || nl < 8,
                    "some rows dense at {nl} labels"
                );
                if q {
                    assert!(
                        w.dense.is_empty() && (nl < 8 || !w.dense_q.is_empty()),
                        "read keeps dense rows quantised"
                    );
                    assert!(
                        w.slots.iter().any(|s| (1..=INLINE3).contains(&(s[1] >> 56))),
                        "some rows inline"
                    );
                }
                let mut expect = vec![0f32; nl];
                let mut exact = vec![0f32; nl];
                let mut wide = vec![0f32; w.stride()];
                for (key, row) in &rows {
                    for &(l, v) in row {
                        expect[l as usize] += if q { quantised(v, scale) } else { v };
                    }
                    w.add(*key, &mut exact);
                    w.add_wide(*key, &mut wide);
                    w.add(*key + 2, &mut exact);
                }
                assert_eq!(exact, expect, "{nl} labels");
                assert_eq!(&wide[..nl], &expect[..], "{nl} labels");
                assert!(wide[nl..].iter().all(|&x| x == 0.0));
            }
        }
    }
}
