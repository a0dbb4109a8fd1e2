//! Named-entity recogniser: BILOU labels over PER/ORG/LOC/MISC, a first-order structured
//! averaged perceptron decoded with constrained Viterbi, in two stages. Stage 1 uses local
//! features (word, affixes, shape, our POS tags, word clusters, gazetteers, capitalisation
//! in context, document statistics). Stage 2 adds what stage 1 predicted for other
//! mentions of the same word in the document (trained on jackknifed stage-1 output).

use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

use crate::clusters::Clusters;
use crate::features::{atoms, Atoms, PAD_AFTER, PAD_BEFORE};
use crate::format::{self, Reader, Writer};
use crate::gazetteer::{Gazetteer, KINDS};
use crate::hash::{feat, IdMap, SplitMix};
use crate::learn::Trainer;
use crate::lex::{Types, UnaryScores, OFFSETS};
use crate::pos::{resolve_clusters, PosCache, PosModel, Spacing};
use crate::tags::PosTag;
use crate::weights::{Fixed, Located, Weights, LANES};
use crate::{ModelError, TagError};

pub const KIND: [u8; 4] = *b"NER\0";
pub const VERSION: u32 = 1;

/// Entity types of CoNLL-2003.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityLabel {
    Per,
    Org,
    Loc,
    Misc,
}

pub const ENTITY_LABELS: [EntityLabel; 4] =
    [EntityLabel::Per, EntityLabel::Org, EntityLabel::Loc, EntityLabel::Misc];

impl EntityLabel {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Per => "PER",
            EntityLabel::Org => "ORG",
            EntityLabel::Loc => "LOC",
            EntityLabel::Misc => "MISC",
        }
    }
    pub fn parse(s: &str) -> Option<EntityLabel> {
        ENTITY_LABELS.iter().copied().find(|l| l.as_str() == s)
    }
}

impl std::fmt::Display for EntityLabel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An entity over token indices `start..end` of one sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntitySpan {
    pub start: usize,
    pub end: usize,
    pub label: EntityLabel,
}

// BILOU label ids: 0 = O, then 1 + 4 * type + {B, I, L, U}.
const NL: usize = 17;
/// Score rows at run time are padded to whole vector chunks.
const NS: usize = crate::weights::stride_of(NL);
/// [`NS`] as a [`crate::weights::Width`]: the score-row loops are unrolled.
const WIDTH: Fixed<{ NS / LANES }> = Fixed;
const B: usize = 0;
const I: usize = 1;
const L: usize = 2;
const U: usize = 3;

fn ty(l: usize) -> Option<usize> {
    (l > 0).then(|| (l - 1) / 4)
}
fn part(l: usize) -> Option<usize> {
    (l > 0).then(|| (l - 1) % 4)
}
fn lab(t: usize, p: usize) -> usize {
    1 + 4 * t + p
}

fn allowed(prev: Option<usize>, cur: usize) -> bool {
    let open = prev.is_some_and(|p| matches!(part(p), Some(B) | Some(I)));
    match part(cur) {
        None | Some(B) | Some(U) => !open,
        Some(I) | Some(L) => open && ty(prev.expect("open")) == ty(cur),
        _ => false,
    }
}

fn can_end(l: usize) -> bool {
    !matches!(part(l), Some(B) | Some(I))
}

/// BILOU labels from spans.
fn encode(n: usize, spans: &[(usize, usize, usize)]) -> Vec<usize> {
    let mut out = vec![0; n];
    for &(t, s, e) in spans {
        if e <= s || e > n {
            continue;
        }
        if e - s == 1 {
            out[s] = lab(t, U);
        } else {
            out[s] = lab(t, B);
            for o in out.iter_mut().take(e - 1).skip(s + 1) {
                *o = lab(t, I);
            }
            out[e - 1] = lab(t, L);
        }
    }
    out
}

fn decode(labels: &[usize]) -> Vec<EntitySpan> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &l) in labels.iter().enumerate() {
        match (part(l), ty(l)) {
            (Some(B), Some(t)) => open = Some((i, t)),
            (Some(I), _) => {}
            (Some(L), Some(t)) => {
                if let Some((s, ot)) = open.take() {
                    if ot == t {
                        out.push(EntitySpan { start: s, end: i + 1, label: ENTITY_LABELS[t] });
                    }
                }
            }
            (Some(U), Some(t)) => {
                open = None;
                out.push(EntitySpan { start: i, end: i + 1, label: ENTITY_LABELS[t] })
            }
            _ => open = None,
        }
    }
    out
}

/// Training settings.
#[derive(Clone, Debug)]
pub struct NerConfig {
    pub epochs: usize,
    pub prune: f32,
    /// Folds for the jackknifed stage-1 predictions that train stage 2 (0 = one stage).
    pub folds: usize,
}

impl Default for NerConfig {
    fn default() -> Self {
        NerConfig { epochs: 12, prune: 0.002, folds: 4 }
    }
}

struct Stage {
    weights: Weights,
    trans: Vec<f32>, // (NL + 1) × NL; row NL = sentence start
    masked: Box<Masked>,
    hint_rows: Box<HintRows>,
}

/// Values a [`Hint`]'s `doc` and `earlier` take (an entity type 0..=4, or 5 for none).
const DOC_VALUES: usize = 6;
/// Values of [`ctx_bits`] (four bits).
const CTX_VALUES: usize = 16;

/// The rows of the stage-2 hint features whose parts take few values, located in the
/// weight table once at load, so that tagging adds them without hashing or probing (the
/// same rows in the same order as [`hint_features`]; the doc × shape feature is still
/// looked up by key).
struct HintRows {
    own: [Located; NL],
    doc: [[Located; CTX_VALUES]; DOC_VALUES],
    earlier: [Located; DOC_VALUES],
    doc_own: [[Located; NL]; DOC_VALUES],
    /// The label before and after ([`T_HINT_OWN_AT`] + 0 / + 1); index `NL` is the padding.
    own_at: [[Located; NL + 1]; 2],
}

impl HintRows {
    fn new(w: &Weights) -> Box<HintRows> {
        let mut t = Box::new(HintRows {
            own: [Located::default(); NL],
            doc: [[Located::default(); CTX_VALUES]; DOC_VALUES],
            earlier: [Located::default(); DOC_VALUES],
            doc_own: [[Located::default(); NL]; DOC_VALUES],
            own_at: [[Located::default(); NL + 1]; 2],
        });
        for own in 0..NL {
            t.own[own] = w.locate(feat(T_HINT_OWN, &[own as u64]));
        }
        for doc in 0..DOC_VALUES {
            for ctx in 0..CTX_VALUES {
                t.doc[doc][ctx] = w.locate(feat(T_HINT_DOC, &[doc as u64, ctx as u64]));
            }
            t.earlier[doc] = w.locate(feat(T_HINT_EARLIER, &[doc as u64]));
            for own in 0..NL {
                t.doc_own[doc][own] = w.locate(feat(T_HINT_DOC_OWN, &[doc as u64, own as u64]));
            }
        }
        for (n, off) in [-1isize, 1].into_iter().enumerate() {
            for x in 0..=NL {
                let v = if x == NL { pad(off) } else { x as u64 };
                t.own_at[n][x] = w.locate(feat(T_HINT_OWN_AT + n as u32, &[v]));
            }
        }
        t
    }
}

/// Both stages' rows of every key either stage has, found with one probe: the context
/// features' keys are the same in both stages, so a document's keys are located once
/// ([`NerModel::tag_cached`]) and the stages add their rows without probing.
struct Joint {
    /// A key's home slot is its top bits.
    shift: u32,
    mask: usize,
    /// `[key, stage 1's row, stage 2's row, 0]` ([`Located`] infos, 0 for none); key 0 marks
    /// an empty slot. 32 bytes: a slot never straddles two cache lines.
    slots: Vec<[u64; 4]>,
}

impl Joint {
    fn new(stages: [Option<&Weights>; 2]) -> Joint {
        // Keys of either stage: the first's, and the second's the first does not have.
        let n = match stages {
            [Some(a), Some(b)] => {
                a.num_features()
                    + b.located_keys().filter(|&(k, _)| a.locate(k) == Located::default()).count()
            }
            _ => stages.iter().flatten().map(|w| w.num_features()).sum(),
        };
        // Load factor at most 1/2, as in the stages' own tables.
        let cap = (n * 2).next_power_of_two().max(16);
        let mut j = Joint { shift: 64 - cap.trailing_zeros(), mask: cap - 1, slots: vec![[0; 4]; cap] };
        for (k, w) in stages.iter().enumerate() {
            for (key, at) in w.iter().flat_map(|w| w.located_keys()) {
                let mut i = (key >> j.shift) as usize;
                while j.slots[i][0] != 0 && j.slots[i][0] != key {
                    i = (i + 1) & j.mask;
                }
                j.slots[i][0] = key;
                j.slots[i][1 + k] = at.info();
            }
        }
        j
    }

    /// Both stages' rows of each key in `keys`, appended to `out`. The slots of the key
    /// `AHEAD` (16) places on are fetched meanwhile.
    fn locate_all(&self, keys: &[u64], out: &mut Vec<[Located; 2]>) {
        const AHEAD: usize = 16;
        let (shift, mask, slots) = (self.shift, self.mask, self.slots.as_slice());
        let home = |key: u64| (key >> shift) as usize;
        let prefetch = |key: u64| {
            #[cfg(target_arch = "x86_64")]
            {
                use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
                // SAFETY: a prefetch never faults; the address is inside `slots`
                // (`key >> shift <= mask`).
                unsafe { _mm_prefetch(slots.as_ptr().add(home(key)).cast::<i8>(), _MM_HINT_T0) };
            }
            #[cfg(not(target_arch = "x86_64"))]
            let _ = key;
        };
        for &f in keys.iter().take(AHEAD) {
            prefetch(f);
        }
        out.reserve(keys.len());
        for (k, &key) in keys.iter().enumerate() {
            if let Some(&f) = keys.get(k + AHEAD) {
                prefetch(f);
            }
            let mut i = home(key);
            let found = loop {
                // SAFETY: `slots.len() == mask + 1` (a power of two), `key >> shift <= mask`,
                // and `i <= mask`.
                let s = unsafe { slots.get_unchecked(i) };
                if s[0] == key {
                    break [Located::of(s[1]), Located::of(s[2])];
                }
                if s[0] == 0 {
                    break [Located::default(); 2];
                }
                i = (i + 1) & mask;
            };
            out.push(found);
        }
    }
}

/// A sentence's context features as [`Stage::predict_cached`] adds them: token `i`'s are
/// entries `offs[i]..offs[i + 1]` of the rows [`Joint`] located, with the stage's index in
/// them.
#[derive(Clone, Copy)]
struct Feats<'a>(&'a [[Located; 2]], usize);

pub struct NerModel {
    stage1: Stage,
    stage2: Option<Stage>,
    joint: Joint,
    clusters: Option<Clusters>,
    cluster_fingerprint: u32,
    /// Identifies this loaded model in run-time caches.
    id: u64,
}

/// Word types and their cached scores, kept per thread across documents for one pair of
/// models (like a lexeme cache): frequent words are analysed once, not once per document.
struct SharedCache {
    models: (u64, u64),
    types: Types,
    pos: PosCache,
    ner: (UnaryScores, Option<UnaryScores>),
}

/// Types kept in the per-thread cache before it starts afresh (about 3 KB each).
const TYPE_CACHE_CAP: usize = 8192;

thread_local! {
    static CACHE: std::cell::RefCell<Option<SharedCache>> = const { std::cell::RefCell::new(None) };
}

/// Drop this thread's cache of word types (benchmarks use it to measure a cold start).
pub fn clear_thread_cache() {
    CACHE.with(|c| *c.borrow_mut() = None);
}

pub use NerModel as Ner;

impl std::fmt::Debug for NerModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NerModel")
            .field("stage1_features", &self.stage1.weights.num_features())
            .field("two_stage", &self.stage2.is_some())
            .field("cluster_fingerprint", &self.cluster_fingerprint)
            .finish()
    }
}

// ---------------------------------------------------------------- features

/// One sentence prepared for feature extraction.
struct Sent {
    atoms: Vec<Atoms>,
    pos: Vec<u64>,
    /// Per token: gazetteer (kind bit, BILU part) pairs packed as kind * 4 + part, bitset.
    gaz: Vec<u32>,
    headline: bool,
}

/// Document-level statistics per lowercase key.
#[derive(Default)]
struct DocStats {
    /// key → (lowercase-initial occurrences, capitalised non-initial occurrences)
    case: IdMap<(u32, u32)>,
}

fn prepare(words: &[&str], pos: Option<&[PosTag]>, clusters: Option<&Clusters>) -> Sent {
    prepare_atoms(words.iter().map(|w| atoms(w, clusters)).collect(), pos)
}

fn prepare_atoms(atoms: Vec<Atoms>, pos: Option<&[PosTag]>) -> Sent {
    let n = atoms.len();
    let pos = (0..n)
        .map(|i| pos.and_then(|p| p.get(i)).map_or(0xdead, |t| 1000 + u64::from(t.xpos_id())))
        .collect();
    let keys: Vec<u64> = atoms.iter().map(|a| a.lower).collect();
    let mut gaz = vec![0u32; n];
    for m in Gazetteer::global().matches(&keys) {
        for (k, kind) in KINDS.iter().enumerate() {
            if m.kinds & kind.bit() == 0 {
                continue;
            }
            for (i, g) in gaz.iter_mut().enumerate().take(m.end).skip(m.start) {
                let p = if m.end - m.start == 1 {
                    U
                } else if i == m.start {
                    B
                } else if i + 1 == m.end {
                    L
                } else {
                    I
                };
                *g |= 1 << (k * 4 + p);
            }
        }
    }
    let mut alpha = atoms.iter().filter(|a| a.has_alpha);
    let headline = alpha.clone().nth(1).is_some() && alpha.all(|a| a.all_upper);
    Sent { atoms, pos, gaz, headline }
}

fn doc_stats(sents: &[Sent]) -> DocStats {
    let tokens = sents.iter().map(|s| s.atoms.len()).sum();
    let mut d = DocStats { case: IdMap::with_capacity_and_hasher(tokens, Default::default()) };
    for s in sents {
        if s.headline {
            continue;
        }
        for (i, a) in s.atoms.iter().enumerate() {
            if !a.has_alpha {
                continue;
            }
            let e = d.case.entry(a.lower).or_insert((0, 0));
            if !a.init_upper {
                e.0 += 1;
            } else if i > 0 {
                e.1 += 1;
            }
        }
    }
    d
}

/// Reusable buffers of the cached prediction: emission rows and Viterbi scores.
#[derive(Default)]
struct Emit {
    e: Vec<f32>,
    score: Vec<[f32; NL]>,
}

/// Stage-1 predictions summarised per token for stage 2.
#[derive(Clone, Copy, Default)]
struct Hint {
    /// Stage-1 label at the token.
    own: u64,
    /// Majority entity type (0 = O, 1..=4) of capitalised occurrences of the same word
    /// elsewhere in the document, and over earlier occurrences only (5 = none).
    doc: u64,
    earlier: u64,
}

fn hints(sents: &[Sent], preds: &[Vec<usize>]) -> Vec<Vec<Hint>> {
    // Counts of types per lowercase key over capitalised tokens.
    let tokens = sents.iter().map(|s| s.atoms.len()).sum();
    let mut counts: IdMap<[u32; 5]> = IdMap::with_capacity_and_hasher(tokens, Default::default());
    for (s, p) in sents.iter().zip(preds) {
        for (a, &l) in s.atoms.iter().zip(p) {
            if a.init_upper {
                counts.entry(a.lower).or_insert([0; 5])[ty(l).map_or(0, |t| t + 1)] += 1;
            }
        }
    }
    let mut earlier: IdMap<[u32; 5]> = IdMap::with_capacity_and_hasher(tokens, Default::default());
    let maj = |c: &[u32; 5]| -> u64 {
        if c.iter().all(|&x| x == 0) {
            return 5;
        }
        let mut best = 0;
        for t in 1..5 {
            if c[t] > c[best] {
                best = t;
            }
        }
        best as u64
    };
    let mut out = Vec::with_capacity(sents.len());
    for (s, p) in sents.iter().zip(preds) {
        let mut row = Vec::with_capacity(p.len());
        for (a, &l) in s.atoms.iter().zip(p) {
            let mut h = Hint { own: l as u64, doc: 5, earlier: 5 };
            if a.init_upper {
                let mut c = counts.get(&a.lower).copied().unwrap_or([0; 5]);
                c[ty(l).map_or(0, |t| t + 1)] -= 1;
                h.doc = maj(&c);
                h.earlier = earlier.get(&a.lower).map_or(5, maj);
            }
            row.push(h);
        }
        for (a, &l) in s.atoms.iter().zip(p) {
            if a.init_upper {
                earlier.entry(a.lower).or_insert([0; 5])[ty(l).map_or(0, |t| t + 1)] += 1;
            }
        }
        out.push(row);
    }
    out
}

const T_BIAS: u32 = 100;
const T_WORD: u32 = 101;
const T_LOWER: u32 = 102;
const T_PRE: u32 = 103; // ..=106
const T_SUF: u32 = 107; // ..=110
const T_SHAPE: u32 = 111;
const T_FLAGS: u32 = 112;
const T_LOWER_AT: u32 = 113; // ..=116
const T_WORD_AT: u32 = 117; // 117,118
const T_SHAPE_AT: u32 = 119; // 119,120
const T_SHAPE3: u32 = 121;
const T_BIGRAM_L: u32 = 122;
const T_BIGRAM_R: u32 = 123;
const T_POS_AT: u32 = 124; // -1,0,+1 → 124..=126
const T_POS01: u32 = 127;
const T_POS_10: u32 = 128;
const T_CLUSTER: u32 = 129; // ..=132
const T_CLUSTER_AT: u32 = 133; // ..=136
const T_GAZ: u32 = 137;
const T_GAZ_CAP: u32 = 138;
const T_CTX: u32 = 139;
const T_CTX_SHAPE: u32 = 140;
const T_DOC: u32 = 141;
const T_DOC_SHAPE: u32 = 142;
const T_POS_SHAPE: u32 = 143;
const T_GAZ_AT: u32 = 144; // -1,+1
const T_HINT_OWN: u32 = 150;
const T_HINT_DOC: u32 = 151;
const T_HINT_EARLIER: u32 = 152;
const T_HINT_DOC_SHAPE: u32 = 153;
const T_HINT_OWN_AT: u32 = 154; // -1,+1
const T_HINT_DOC_OWN: u32 = 156;
const T_TRANS: u32 = 199;

fn at<T: Copy>(v: &[T], i: usize, off: isize) -> Option<T> {
    let j = i as isize + off;
    if j < 0 {
        None
    } else {
        v.get(j as usize).copied()
    }
}

fn pad(off: isize) -> u64 {
    if off < 0 {
        PAD_BEFORE
    } else {
        PAD_AFTER
    }
}

/// All features of token `i` (training): the word-only ones of its window and the rest.
fn features(s: &Sent, i: usize, d: &DocStats, hint: Option<&[Hint]>, out: &mut Vec<u64>) {
    for off in OFFSETS {
        unary(at_ref(&s.atoms, i, off), off, out);
    }
    context(s, i, d, hint, out);
}

fn at_ref<T>(v: &[T], i: usize, off: isize) -> Option<&T> {
    let j = i as isize + off;
    if j < 0 {
        None
    } else {
        v.get(j as usize)
    }
}

/// Features of the word seen at `off` from the tagged token that depend on that word alone
/// (`None`: outside the sentence).
fn unary(o: Option<&Atoms>, off: isize, out: &mut Vec<u64>) {
    let n_at = match off {
        -2 => 0,
        -1 => 1,
        1 => 2,
        2 => 3,
        _ => {
            let Some(w) = o else { return };
            out.push(feat(T_BIAS, &[]));
            out.push(feat(T_WORD, &[w.word]));
            out.push(feat(T_LOWER, &[w.lower]));
            for k in 0..4 {
                out.push(feat(T_PRE + k as u32, &[w.pre[k]]));
                out.push(feat(T_SUF + k as u32, &[w.suf[k]]));
            }
            out.push(feat(T_SHAPE, &[w.shape]));
            out.push(feat(T_FLAGS, &[w.flags]));
            for k in 0..4 {
                out.push(feat(T_CLUSTER + k as u32, &[w.cluster[k]]));
            }
            return;
        }
    };
    out.push(feat(T_LOWER_AT + n_at, &[o.map_or(pad(off), |x| x.lower)]));
    if off == -1 || off == 1 {
        let n = usize::from(off == 1);
        out.push(feat(T_WORD_AT + n as u32, &[o.map_or(pad(off), |x| x.word)]));
        out.push(feat(T_SHAPE_AT + n as u32, &[o.map_or(pad(off), |x| x.shape)]));
        for (m, p) in [1usize, 3].into_iter().enumerate() {
            let c = o.map_or(pad(off), |x| x.cluster[p]);
            out.push(feat(T_CLUSTER_AT + (n * 2 + m) as u32, &[c]));
        }
    }
}

/// Values a token's POS part takes in [`Sent::pos`]: `1000 +` an XPOS id, then "no tag"
/// (`0xdead`) and the two paddings.
const POS_VALUES: usize = crate::tags::XPOS.len() + 3;

/// The index of a POS part in [`KeyTables`], if it is one of the [`POS_VALUES`].
#[inline(always)]
fn pos_index(x: u64) -> Option<usize> {
    const FIRST: u64 = 1000;
    match x {
        _ if (FIRST..FIRST + crate::tags::XPOS.len() as u64).contains(&x) => Some((x - FIRST) as usize),
        0xdead => Some(POS_VALUES - 3),
        PAD_BEFORE => Some(POS_VALUES - 2),
        PAD_AFTER => Some(POS_VALUES - 1),
        _ => None,
    }
}

/// Keys of the context features whose parts take few values, hashed once: the same keys
/// `feat` gives, looked up instead of hashed per token.
struct KeyTables {
    /// [`T_POS_AT`] at -1, 0, +1, by [`pos_index`].
    pos_at: [[u64; POS_VALUES]; 3],
    /// [`T_POS01`] and [`T_POS_10`], by `index(first) * POS_VALUES + index(second)`.
    pos01: Vec<u64>,
    pos_10: Vec<u64>,
    /// [`T_CTX`] by [`ctx_bits`].
    ctx: [u64; CTX_VALUES],
    /// [`T_DOC`] by its part (two 2-bit counts and the context bits: below 256).
    doc: [u64; 256],
}

static KEYS: LazyLock<KeyTables> = LazyLock::new(|| {
    let value = |k: usize| match k {
        _ if k < crate::tags::XPOS.len() => 1000 + k as u64,
        _ if k == POS_VALUES - 3 => 0xdead,
        _ if k == POS_VALUES - 2 => PAD_BEFORE,
        _ => PAD_AFTER,
    };
    let mut t = KeyTables {
        pos_at: [[0; POS_VALUES]; 3],
        pos01: vec![0; POS_VALUES * POS_VALUES],
        pos_10: vec![0; POS_VALUES * POS_VALUES],
        ctx: [0; CTX_VALUES],
        doc: [0; 256],
    };
    for a in 0..POS_VALUES {
        debug_assert_eq!(pos_index(value(a)), Some(a));
        for n in 0..3 {
            t.pos_at[n][a] = feat(T_POS_AT + n as u32, &[value(a)]);
        }
        for b in 0..POS_VALUES {
            t.pos01[a * POS_VALUES + b] = feat(T_POS01, &[value(a), value(b)]);
            t.pos_10[a * POS_VALUES + b] = feat(T_POS_10, &[value(a), value(b)]);
        }
    }
    for (c, k) in t.ctx.iter_mut().enumerate() {
        *k = feat(T_CTX, &[c as u64]);
    }
    for (df, k) in t.doc.iter_mut().enumerate() {
        *k = feat(T_DOC, &[df as u64]);
    }
    t
});

/// Features of token `i` that combine several positions, POS tags, gazetteer matches,
/// sentence context, document statistics and stage-1 hints.
fn context(s: &Sent, i: usize, d: &DocStats, hint: Option<&[Hint]>, out: &mut Vec<u64>) {
    let keys = &*KEYS;
    let a = &s.atoms;
    let w = &a[i];
    let mut sh = [0u64; 2];
    for (n, off) in [-1isize, 1].into_iter().enumerate() {
        sh[n] = at(a, i, off).map_or(pad(off), |x| x.shape);
        let g = at(&s.gaz, i, off).unwrap_or(0);
        if g != 0 {
            out.push(feat(T_GAZ_AT + n as u32, &[u64::from(g)]));
        }
    }
    out.push(feat(T_SHAPE3, &[sh[0], w.shape, sh[1]]));
    let prev = at(a, i, -1).map_or(PAD_BEFORE, |x| x.lower);
    let next = at(a, i, 1).map_or(PAD_AFTER, |x| x.lower);
    out.push(feat(T_BIGRAM_L, &[prev, w.lower]));
    out.push(feat(T_BIGRAM_R, &[w.lower, next]));
    let p = [at(&s.pos, i, -1).unwrap_or(PAD_BEFORE), s.pos[i], at(&s.pos, i, 1).unwrap_or(PAD_AFTER)];
    let ix = p.map(pos_index);
    for (n, &x) in p.iter().enumerate() {
        out.push(ix[n].map_or_else(|| feat(T_POS_AT + n as u32, &[x]), |k| keys.pos_at[n][k]));
    }
    out.push(match (ix[1], ix[2]) {
        (Some(a), Some(b)) => keys.pos01[a * POS_VALUES + b],
        _ => feat(T_POS01, &[p[1], p[2]]),
    });
    out.push(match (ix[0], ix[1]) {
        (Some(a), Some(b)) => keys.pos_10[a * POS_VALUES + b],
        _ => feat(T_POS_10, &[p[0], p[1]]),
    });
    out.push(feat(T_POS_SHAPE, &[p[1], w.shape]));
    let g = s.gaz[i];
    if g != 0 {
        for b in 0..32 {
            if g & (1 << b) != 0 {
                out.push(feat(T_GAZ, &[b]));
                out.push(feat(T_GAZ_CAP, &[b, u64::from(w.init_upper)]));
            }
        }
    }
    let ctx = ctx_bits(s, i);
    out.push(keys.ctx.get(ctx as usize).copied().unwrap_or_else(|| feat(T_CTX, &[ctx])));
    out.push(feat(T_CTX_SHAPE, &[ctx, w.shape]));
    if w.has_alpha {
        let (lo, cap) = d.case.get(&w.lower).copied().unwrap_or((0, 0));
        // Discount this occurrence itself.
        let self_lo = u32::from(!s.headline && !w.init_upper);
        let self_cap = u32::from(!s.headline && w.init_upper && i > 0);
        let lo = (lo - self_lo.min(lo)).min(2);
        let cap = (cap - self_cap.min(cap)).min(2);
        let df = u64::from(lo) | u64::from(cap) << 2 | ctx << 4;
        out.push(keys.doc.get(df as usize).copied().unwrap_or_else(|| feat(T_DOC, &[df])));
        out.push(feat(T_DOC_SHAPE, &[u64::from(lo.min(1)) | u64::from(cap.min(1)) << 1, w.shape]));
    }
    if let Some(h) = hint {
        hint_features(h, i, ctx, w.shape, out);
    }
}

/// The stage-2 features of token `i` from the stage-1 hints (`ctx`: its context bits).
fn hint_features(h: &[Hint], i: usize, ctx: u64, shape: u64, out: &mut Vec<u64>) {
    let hi = h[i];
    out.push(feat(T_HINT_OWN, &[hi.own]));
    out.push(feat(T_HINT_DOC, &[hi.doc, ctx]));
    out.push(feat(T_HINT_EARLIER, &[hi.earlier]));
    out.push(feat(T_HINT_DOC_SHAPE, &[hi.doc, shape]));
    out.push(feat(T_HINT_DOC_OWN, &[hi.doc, hi.own]));
    for (n, off) in [-1isize, 1].into_iter().enumerate() {
        let x = at(h, i, off).map_or(pad(off), |x| x.own);
        out.push(feat(T_HINT_OWN_AT + n as u32, &[x]));
    }
}

/// The context bits of token `i` (headline, sentence start, capitalisation).
fn ctx_bits(s: &Sent, i: usize) -> u64 {
    let w = &s.atoms[i];
    u64::from(s.headline)
        | u64::from(i == 0) << 1
        | u64::from(w.init_upper) << 2
        | u64::from(w.all_upper) << 3
}

fn trans_key(prev: usize) -> u64 {
    feat(T_TRANS, &[prev as u64])
}

/// Labels that close an entity or are outside one (O, L-*, U-*), in label order: the only
/// predecessors of O, B-* and U-*.
const CLOSED: [usize; 9] = [0, 3, 4, 7, 8, 11, 12, 15, 16];
/// Labels that may follow a closed label (O, B-*, U-*), in label order.
const STARTS: [usize; 9] = [0, 1, 4, 5, 8, 9, 12, 13, 16];
/// Lanes of the closed-predecessor step (the nine [`STARTS`] padded to two 8-lane chunks).
const SL: usize = 16;

/// Transition scores with the BILOU constraints folded in: `m[p][c]` is `trans[p * NL + c]`
/// when `c` may follow `p`, else negative infinity (so the move can never win); and the
/// same scores from each [`CLOSED`] label to the [`STARTS`] labels as dense lanes.
struct Masked {
    m: [[f32; NL]; NL],
    starts: [[f32; SL]; CLOSED.len()],
}

fn mask_trans(trans: &[f32]) -> Box<Masked> {
    let mut m = Box::new(Masked {
        m: [[f32::NEG_INFINITY; NL]; NL],
        starts: [[f32::NEG_INFINITY; SL]; CLOSED.len()],
    });
    for p in 0..NL {
        for c in 0..NL {
            if allowed(Some(p), c) {
                m.m[p][c] = trans[p * NL + c];
            }
        }
    }
    for (k, &p) in CLOSED.iter().enumerate() {
        for (j, &c) in STARTS.iter().enumerate() {
            m.starts[k][j] = m.m[p][c];
        }
    }
    m
}

/// Constrained Viterbi over emission scores `e` (n × NL).
fn viterbi(e: &[f32], n: usize, trans: &[f32]) -> Vec<usize> {
    viterbi_masked(e, NL, n, trans, &mask_trans(trans))
}

/// The predecessors `c` may have, in label order.
fn predecessors(c: usize) -> &'static [usize] {
    const OPEN: [[usize; 2]; 4] = [[1, 2], [5, 6], [9, 10], [13, 14]];
    match (part(c), ty(c)) {
        (Some(I) | Some(L), Some(t)) => &OPEN[t],
        _ => &CLOSED,
    }
}

/// [`viterbi`] with the masked transitions precomputed, over emission rows `stride` apart
/// (at least [`NL`]). The forward pass keeps only the best score of each label (a maximum
/// does not depend on the order candidates are seen in); the backward pass then picks, for
/// each label on the path, the first predecessor in label order with the strictly highest
/// score, the choice a scan over the allowed predecessors makes. O, B-* and U-* follow the
/// nine closed labels (a dense 16-lane step); I-x and L-x follow B-x or I-x.
#[inline(always)]
fn viterbi_masked(e: &[f32], stride: usize, n: usize, trans: &[f32], masked: &Masked) -> Vec<usize> {
    viterbi_scratch(e, stride, n, trans, masked, &mut Vec::new())
}

/// [`viterbi_masked`] with a reusable buffer for the score rows.
#[inline(always)]
fn viterbi_scratch(
    e: &[f32],
    stride: usize,
    n: usize,
    trans: &[f32],
    masked: &Masked,
    score: &mut Vec<[f32; NL]>,
) -> Vec<usize> {
    if n == 0 {
        return Vec::new();
    }
    score.clear();
    score.resize(n, [f32::NEG_INFINITY; NL]);
    for c in 0..NL {
        if allowed(None, c) {
            score[0][c] = e[c] + trans[NL * NL + c];
        }
    }
    for i in 1..n {
        let prev = score[i - 1];
        let em: &[f32; NL] = e[i * stride..i * stride + NL].try_into().expect("NL scores per token");
        let mut best = [f32::NEG_INFINITY; SL];
        for (&p, row) in CLOSED.iter().zip(&masked.starts) {
            let pv = prev[p];
            for (b, &t) in best.iter_mut().zip(row) {
                let v = pv + t;
                *b = if v > *b { v } else { *b };
            }
        }
        let cur = &mut score[i];
        // A label no predecessor reaches keeps negative infinity (as `-inf + em`).
        for (k, &c) in STARTS.iter().enumerate() {
            cur[c] = best[k] + em[c];
        }
        for t in 0..4 {
            let (b, ii) = (lab(t, B), lab(t, I));
            for c in [ii, lab(t, L)] {
                let (v1, v2) = (prev[b] + masked.m[b][c], prev[ii] + masked.m[ii][c]);
                cur[c] = (if v2 > v1 { v2 } else { v1 }) + em[c];
            }
        }
    }
    let mut best = 0;
    let mut bs = f32::NEG_INFINITY;
    for (c, &s) in score[n - 1].iter().enumerate() {
        if can_end(c) && s > bs {
            bs = s;
            best = c;
        }
    }
    let mut out = vec![0; n];
    out[n - 1] = best;
    for i in (1..n).rev() {
        let c = out[i];
        let prev = &score[i - 1];
        let (mut bv, mut arg) = (f32::NEG_INFINITY, 0);
        for &p in predecessors(c) {
            let v = prev[p] + masked.m[p][c];
            if v > bv {
                bv = v;
                arg = p;
            }
        }
        out[i - 1] = arg;
    }
    out
}

// ---------------------------------------------------------------- runtime

static EMBEDDED: &[u8] = include_bytes!("../../../models/ner.bin");
static GLOBAL: LazyLock<Result<NerModel, ModelError>> = LazyLock::new(|| NerModel::from_bytes(EMBEDDED));

impl Stage {
    /// Prediction from per-token features (training, jackknifing).
    fn predict(&self, s: &Sent, d: &DocStats, hint: Option<&[Hint]>, buf: &mut Vec<u64>) -> Vec<usize> {
        let n = s.atoms.len();
        let mut e = vec![0f32; n * NL];
        for i in 0..n {
            buf.clear();
            features(s, i, d, hint, buf);
            let row = &mut e[i * NL..(i + 1) * NL];
            for &f in buf.iter() {
                self.weights.add(f, row);
            }
        }
        viterbi_masked(&e, NL, n, &self.trans, &self.masked)
    }

    /// The same prediction with word-only features summed once per word type and the
    /// other features' keys computed once for both stages: token `i`'s are
    /// `keys[offs[i]..offs[i + 1]]`, followed by its hint features in stage 2.
    #[allow(clippy::too_many_arguments)]
    fn predict_cached(
        &self,
        s: &Sent,
        ids: &[u32],
        unary: &UnaryScores,
        feats: Feats<'_>,
        offs: &[u32],
        hint: Option<&[Hint]>,
        buf: &mut Vec<u64>,
        e: &mut Emit,
    ) -> Vec<usize> {
        crate::simd::avx2!(self.predict_cached_avx2 => predict_cached_impl(s, ids, unary, feats, offs, hint, buf, e))
    }

    /// [`Self::predict_cached_impl`] compiled with AVX2.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    #[allow(clippy::too_many_arguments)]
    unsafe fn predict_cached_avx2(
        &self,
        s: &Sent,
        ids: &[u32],
        unary: &UnaryScores,
        feats: Feats<'_>,
        offs: &[u32],
        hint: Option<&[Hint]>,
        buf: &mut Vec<u64>,
        e: &mut Emit,
    ) -> Vec<usize> {
        self.predict_cached_impl(s, ids, unary, feats, offs, hint, buf, e)
    }

    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn predict_cached_impl(
        &self,
        s: &Sent,
        ids: &[u32],
        unary: &UnaryScores,
        feats: Feats<'_>,
        offs: &[u32],
        hint: Option<&[Hint]>,
        buf: &mut Vec<u64>,
        e: &mut Emit,
    ) -> Vec<usize> {
        let n = s.atoms.len();
        let Emit { e, score } = e;
        // Every row is overwritten by `set_window`: grow the buffer, no need to zero it.
        if e.len() < n * NS {
            e.resize(n * NS, 0.0);
        }
        let Feats(rows, stage) = feats;
        for i in 0..n {
            unary.prefetch_word(ids, i + crate::lex::PREFETCH_AHEAD + 2);
            let row = &mut e[i * NS..(i + 1) * NS];
            unary.set_window(ids, i, row, WIDTH);
            for at in &rows[offs[i] as usize..offs[i + 1] as usize] {
                self.weights.add_wide_located(at[stage], row, WIDTH);
            }
            if let Some(h) = hint {
                self.add_hints(h, i, ctx_bits(s, i), s.atoms[i].shape, row, buf);
            }
        }
        viterbi_scratch(e, NS, n, &self.trans, &self.masked, score)
    }

    /// Add the rows of [`hint_features`] of token `i` to `row`, in its order: from
    /// [`HintRows`] when the hint's values are in its ranges (always, for hints of
    /// [`hints`]), else by key.
    #[inline(always)]
    fn add_hints(&self, h: &[Hint], i: usize, ctx: u64, shape: u64, row: &mut [f32], buf: &mut Vec<u64>) {
        let hi = h[i];
        let label = |x: u64| (x < NL as u64).then_some(x as usize);
        let near = |off: isize| at(h, i, off).map_or(Some(NL), |x| label(x.own));
        let t = &*self.hint_rows;
        let (own, doc, earlier, ctx_i) = (label(hi.own), hi.doc as usize, hi.earlier as usize, ctx as usize);
        if let (Some(own), true, true, true, Some(before), Some(after)) =
            (own, doc < DOC_VALUES, earlier < DOC_VALUES, ctx_i < CTX_VALUES, near(-1), near(1))
        {
            let w = &self.weights;
            w.add_wide_located(t.own[own], row, WIDTH);
            w.add_wide_located(t.doc[doc][ctx_i], row, WIDTH);
            w.add_wide_located(t.earlier[earlier], row, WIDTH);
            w.add_wide_w(feat(T_HINT_DOC_SHAPE, &[hi.doc, shape]), row, WIDTH);
            w.add_wide_located(t.doc_own[doc][own], row, WIDTH);
            w.add_wide_located(t.own_at[0][before], row, WIDTH);
            w.add_wide_located(t.own_at[1][after], row, WIDTH);
            return;
        }
        buf.clear();
        hint_features(h, i, ctx, shape, buf);
        for &f in buf.iter() {
            self.weights.add_wide(f, row);
        }
    }

    fn write(rows: &[(u64, Vec<(u16, f32)>)], trans: &[f32], w: &mut Writer) {
        for &t in trans {
            w.f32(t);
        }
        Weights::write(rows, w);
    }

    fn read(r: &mut Reader<'_>) -> Result<Stage, ModelError> {
        let mut trans = Vec::with_capacity((NL + 1) * NL);
        for _ in 0..(NL + 1) * NL {
            let t = r.f32()?;
            if !t.is_finite() {
                return Err(ModelError::Corrupt("transition weight not finite".into()));
            }
            trans.push(t);
        }
        let masked = mask_trans(&trans);
        let weights = Weights::read(NL, r)?;
        let hint_rows = HintRows::new(&weights);
        Ok(Stage { weights, trans, masked, hint_rows })
    }
}

impl NerModel {
    /// The recogniser shipped with the library (loaded once, shared across threads).
    pub fn global() -> Result<&'static NerModel, ModelError> {
        GLOBAL.as_ref().map_err(Clone::clone)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<NerModel, ModelError> {
        Self::from_bytes_with(bytes, None)
    }

    pub fn from_bytes_with(bytes: &[u8], clusters: Option<&Clusters>) -> Result<NerModel, ModelError> {
        let payload = format::unwrap(bytes, KIND, VERSION)?;
        let mut r = Reader::new(payload);
        let nl = r.u32()? as usize;
        if nl != NL {
            return Err(ModelError::Corrupt(format!("expected {NL} labels, found {nl}")));
        }
        let cluster_fingerprint = r.u32()?;
        let stage1 = Stage::read(&mut r)?;
        let stage2 = match r.u8()? {
            0 => None,
            1 => Some(Stage::read(&mut r)?),
            x => return Err(ModelError::Corrupt(format!("bad stage flag {x}"))),
        };
        r.done()?;
        Ok(NerModel {
            joint: Joint::new([Some(&stage1.weights), stage2.as_ref().map(|s| &s.weights)]),
            stage1,
            stage2,
            clusters: resolve_clusters(cluster_fingerprint, clusters)?,
            cluster_fingerprint,
            id: crate::lex::next_model_id(),
        })
    }

    pub fn load(path: &Path) -> Result<NerModel, ModelError> {
        NerModel::from_bytes(&crate::read_model_file(path)?)
    }

    pub fn cluster_fingerprint(&self) -> u32 {
        self.cluster_fingerprint
    }

    /// Entities of each sentence of one document (token indices per sentence). `pos` gives
    /// each sentence's POS tags (from [`PosModel::tag`]); missing tags are tolerated.
    pub fn tag_document(&self, sentences: &[Vec<&str>], pos: &[Vec<PosTag>]) -> Vec<Vec<EntitySpan>> {
        let mut types = Types::default();
        let clusters = self.clusters.as_ref();
        let ids: Vec<Vec<u32>> = sentences
            .iter()
            .map(|s| s.iter().map(|w| types.intern(w, |w| atoms(w, clusters))).collect())
            .collect();
        self.tag_types(&types, &ids, pos)
    }

    /// Entities from interned word types (atoms computed with this model's clusters).
    pub(crate) fn tag_types(
        &self,
        types: &Types,
        ids: &[Vec<u32>],
        pos: &[Vec<PosTag>],
    ) -> Vec<Vec<EntitySpan>> {
        let mut caches = self.caches();
        self.extend_caches(&mut caches, types);
        self.tag_cached(&caches, types, ids, pos)
    }

    fn caches(&self) -> (UnaryScores, Option<UnaryScores>) {
        (
            UnaryScores::new(&self.stage1.weights, unary),
            self.stage2.as_ref().map(|st| UnaryScores::new(&st.weights, unary)),
        )
    }

    fn extend_caches(&self, caches: &mut (UnaryScores, Option<UnaryScores>), types: &Types) {
        caches.0.extend(types, &self.stage1.weights);
        if let (Some(u), Some(st)) = (caches.1.as_mut(), self.stage2.as_ref()) {
            u.extend(types, &st.weights);
        }
    }

    fn tag_cached(
        &self,
        caches: &(UnaryScores, Option<UnaryScores>),
        types: &Types,
        ids: &[Vec<u32>],
        pos: &[Vec<PosTag>],
    ) -> Vec<Vec<EntitySpan>> {
        let sents: Vec<Sent> = ids
            .iter()
            .enumerate()
            .map(|(k, s)| {
                prepare_atoms(
                    s.iter().map(|&t| types.atoms[t as usize]).collect(),
                    pos.get(k).map(Vec::as_slice),
                )
            })
            .collect();
        let d = doc_stats(&sents);
        // Keys of the tag-independent context features, for both stages; sentence `k`'s
        // token offsets are `offs[first[k]..=first[k] + n]`.
        let mut keys = Vec::with_capacity(ids.iter().map(Vec::len).sum::<usize>() * 16);
        let mut offs = vec![0u32];
        let mut firsts = Vec::with_capacity(sents.len());
        for s in &sents {
            firsts.push(offs.len() - 1);
            for i in 0..s.atoms.len() {
                context(s, i, &d, None, &mut keys);
                offs.push(keys.len() as u32);
            }
        }
        let offs_of = |k: usize, s: &Sent| &offs[firsts[k]..=firsts[k] + s.atoms.len()];
        // Both stages' rows of every key, with one probe each.
        let mut rows = Vec::new();
        self.joint.locate_all(&keys, &mut rows);
        let mut buf = Vec::with_capacity(16);
        let mut e = Emit::default();
        let first: Vec<Vec<usize>> = sents
            .iter()
            .zip(ids)
            .enumerate()
            .map(|(k, (s, ids))| {
                let feats = Feats(&rows, 0);
                self.stage1.predict_cached(s, ids, &caches.0, feats, offs_of(k, s), None, &mut buf, &mut e)
            })
            .collect();
        let labels = match (&self.stage2, &caches.1) {
            (Some(st), Some(u2)) => {
                let h = hints(&sents, &first);
                sents
                    .iter()
                    .zip(ids)
                    .zip(&h)
                    .enumerate()
                    .map(|(k, ((s, ids), h))| {
                        let feats = Feats(&rows, 1);
                        st.predict_cached(s, ids, u2, feats, offs_of(k, s), Some(h), &mut buf, &mut e)
                    })
                    .collect()
            }
            _ => first,
        };
        labels.iter().map(|l| decode(l)).collect()
    }

    /// Convenience: POS-tag and recognise one document with the given tagger.
    pub fn tag_document_with(&self, tagger: &PosModel, sentences: &[Vec<&str>]) -> Vec<Vec<EntitySpan>> {
        self.tag_with_pos(tagger, sentences).1
    }

    /// POS tags and entities of one document. Each distinct word is analysed once and its
    /// word-only feature scores are shared by all its occurrences, by both models' atoms and,
    /// through a per-thread cache, by later documents.
    pub fn tag_with_pos(
        &self,
        tagger: &PosModel,
        sentences: &[Vec<&str>],
    ) -> (Vec<Vec<PosTag>>, Vec<Vec<EntitySpan>>) {
        self.tag_with_pos_spaced(tagger, sentences, &[])
    }

    /// [`Self::tag_with_pos`] with each sentence's token [`Spacing`] (see
    /// [`Spacing::from_spans`]), which the POS tagger uses; missing or mismatched sentences
    /// count as unknown spacing.
    pub fn tag_with_pos_spaced(
        &self,
        tagger: &PosModel,
        sentences: &[Vec<&str>],
        spacing: &[Vec<Spacing>],
    ) -> (Vec<Vec<PosTag>>, Vec<Vec<EntitySpan>>) {
        if tagger.cluster_fingerprint() != self.cluster_fingerprint {
            let pos = tagger.tag_document_spaced(sentences, spacing);
            let entities = self.tag_document(sentences, &pos);
            return (pos, entities);
        }
        CACHE.with(|cell| {
            let mut slot = cell.borrow_mut();
            let models = (tagger.id, self.id);
            if slot.as_ref().is_none_or(|c| c.models != models || c.types.len() > TYPE_CACHE_CAP) {
                let mut pos = tagger.cache();
                tagger.reserve_cache(&mut pos, TYPE_CACHE_CAP);
                let mut ner = self.caches();
                ner.0.reserve(TYPE_CACHE_CAP);
                if let Some(u) = ner.1.as_mut() {
                    u.reserve(TYPE_CACHE_CAP);
                }
                *slot = Some(SharedCache { models, types: Types::with_capacity(TYPE_CACHE_CAP), pos, ner });
            }
            let c = slot.as_mut().expect("just filled");
            let ids: Vec<Vec<u32>> = sentences
                .iter()
                .map(|s| s.iter().map(|w| c.types.intern(w, |w| tagger.atoms(w))).collect())
                .collect();
            tagger.extend_cache(&mut c.pos, &c.types);
            self.extend_caches(&mut c.ner, &c.types);
            let pos = tagger.tag_cached(&mut c.pos, &c.types, &ids, spacing);
            let entities = self.tag_cached(&c.ner, &c.types, &ids, &pos);
            (pos, entities)
        })
    }
}

// ---------------------------------------------------------------- training

struct TrainDoc {
    sents: Vec<Sent>,
    gold: Vec<Vec<usize>>,
    stats: DocStats,
}

/// How often each word is a one-word entity of each label in the corpus.
fn standalone_labels(docs: &[dossier_corpora::conll2003::Document]) -> HashMap<&str, [u32; 4]> {
    let mut counts: HashMap<&str, [u32; 4]> = HashMap::new();
    for s in docs.iter().flat_map(|d| &d.sentences) {
        for (l, a, b) in dossier_corpora::conll2003::spans(&s.tags) {
            if let (Some(l), true) = (EntityLabel::parse(&l), b == a + 1) {
                counts.entry(s.tokens[a].as_str()).or_default()[l as usize] += 1;
            }
        }
    }
    counts
}

/// The gold span of one token split into pieces. A name with a word hyphenated on
/// (`London-based`, MISC in CoNLL-2003) becomes the name alone, labelled as the name is
/// most often labelled on its own in the corpus (LOC for `London`; the token's own label
/// when the name is never seen alone), since `dossier analyze` sees the name as a token.
fn piece_span(
    p: &crate::pieces::Pieces<'_>,
    standalone: &HashMap<&str, [u32; 4]>,
    (l, a, b): (usize, usize, usize),
) -> (usize, usize, usize) {
    if b == a + 1 {
        if let Some(head) = p.name_head(a) {
            let name = p.words[head.clone()].concat();
            let l = standalone
                .get(name.as_str())
                .and_then(|c| (0..4).filter(|&k| c[k] > 0).max_by_key(|&k| (c[k], std::cmp::Reverse(k))))
                .unwrap_or(l);
            return (l, head.start, head.end);
        }
    }
    let (pa, pb) = p.to_pieces(a, b);
    (l, pa, pb)
}

fn load_docs(path: &Path, tagger: &PosModel, clusters: Option<&Clusters>) -> Result<Vec<TrainDoc>, TagError> {
    let docs = dossier_corpora::conll2003::read(path)?;
    let standalone = standalone_labels(&docs);
    Ok(docs
        .iter()
        .map(|d| {
            let mut sents = Vec::new();
            let mut gold = Vec::new();
            for s in &d.sentences {
                // Trained on the pieces `dossier analyze` sees (hyphenated words split).
                let tokens: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
                let p = crate::pieces::split_sentence(&tokens);
                let pos = tagger.tag(&p.words);
                sents.push(prepare(&p.words, Some(&pos), clusters));
                let spans: Vec<(usize, usize, usize)> = dossier_corpora::conll2003::spans(&s.tags)
                    .into_iter()
                    .filter_map(|(l, a, b)| {
                        Some(piece_span(&p, &standalone, (EntityLabel::parse(&l)? as usize, a, b)))
                    })
                    .collect();
                gold.push(encode(p.words.len(), &spans));
            }
            let stats = doc_stats(&sents);
            TrainDoc { sents, gold, stats }
        })
        .collect())
}

fn train_stage(
    docs: &[&TrainDoc],
    hints: Option<&[Vec<Vec<Hint>>]>,
    cfg: &NerConfig,
    seed: u64,
) -> (crate::weights::Rows, Vec<f32>) {
    let mut tr = Trainer::new();
    let trans_ids: Vec<u32> = (0..=NL).map(|p| tr.intern(trans_key(p))).collect();
    // Precomputed feature ids per (doc, sentence, token).
    let mut items: Vec<(usize, usize, Vec<Vec<u32>>)> = Vec::new();
    let mut buf = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        for (si, s) in d.sents.iter().enumerate() {
            let h = hints.map(|h| h[di][si].as_slice());
            let per = (0..s.atoms.len())
                .map(|i| {
                    buf.clear();
                    features(s, i, &d.stats, h, &mut buf);
                    buf.iter().map(|&k| tr.intern(k)).collect()
                })
                .collect();
            items.push((di, si, per));
        }
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    let mut rng = SplitMix(seed);
    let mut trans = vec![0f32; (NL + 1) * NL];
    let mut e = Vec::new();
    for epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        let mut errors = 0usize;
        for &k in &order {
            let (di, si, feats) = &items[k];
            let gold = &docs[*di].gold[*si];
            let n = gold.len();
            e.clear();
            e.resize(n * NL, 0.0);
            for (i, fs) in feats.iter().enumerate() {
                for &f in fs {
                    tr.add_scores(f, &mut e[i * NL..(i + 1) * NL]);
                }
            }
            for p in 0..=NL {
                for c in 0..NL {
                    trans[p * NL + c] = 0.0;
                }
                let mut row = [0f32; NL];
                tr.add_scores(trans_ids[p], &mut row);
                trans[p * NL..(p + 1) * NL].copy_from_slice(&row);
            }
            let pred = viterbi(&e, n, &trans);
            if pred != *gold {
                errors += 1;
                for i in 0..n {
                    if pred[i] != gold[i] {
                        for &f in &feats[i] {
                            tr.update(f, gold[i], 1.0);
                            tr.update(f, pred[i], -1.0);
                        }
                    }
                    let gp = if i == 0 { NL } else { gold[i - 1] };
                    let pp = if i == 0 { NL } else { pred[i - 1] };
                    if gp != pp || gold[i] != pred[i] {
                        tr.update(trans_ids[gp], gold[i], 1.0);
                        tr.update(trans_ids[pp], pred[i], -1.0);
                    }
                }
            }
            tr.clock += 1;
        }
        tracing::info!(epoch, sentence_errors = errors, "ner epoch");
    }
    let mut t = vec![0f32; (NL + 1) * NL];
    for p in 0..=NL {
        for c in 0..NL {
            t[p * NL + c] = tr.averaged_one(trans_ids[p], c);
        }
    }
    let tkeys: std::collections::HashSet<u64> = (0..=NL).map(trans_key).collect();
    let rows: Vec<_> = tr.averaged(cfg.prune).into_iter().filter(|(k, _)| !tkeys.contains(k)).collect();
    (rows, t)
}

fn stage_from_rows(rows: &[(u64, Vec<(u16, f32)>)], trans: &[f32]) -> Result<Stage, ModelError> {
    let mut w = Writer::default();
    Stage::write(rows, trans, &mut w);
    Stage::read(&mut Reader::new(&w.0))
}

/// A trained recogniser, its file bytes and report.
pub struct TrainedNer {
    pub model: NerModel,
    pub bytes: Vec<u8>,
    pub report: NerTrainReport,
}

#[derive(Clone, Debug)]
pub struct NerTrainReport {
    pub documents: usize,
    pub sentences: usize,
    pub tokens: usize,
    pub stage1_features: usize,
    pub stage2_features: usize,
    pub dev: Option<crate::eval::NerReport>,
}

impl std::fmt::Display for NerTrainReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "trained on {} documents / {} sentences / {} tokens; kept features: stage 1 {}, stage 2 {}",
            self.documents, self.sentences, self.tokens, self.stage1_features, self.stage2_features
        )?;
        if let Some(d) = &self.dev {
            write!(f, "dev:\n{d}")?;
        }
        Ok(())
    }
}

impl TrainedNer {
    pub fn write(&self, path: &Path) -> Result<(), TagError> {
        std::fs::write(path, &self.bytes)
            .map_err(|source| TagError::Io { path: path.display().to_string(), source })
    }
}

/// The seed `models/ner.bin` was trained with (`dossier train ner` without `--seed`).
pub const SHIPPED_SEED: u64 = 1;

/// Train on a CoNLL-2003 file with the shipped POS tagger and clusters (deterministic for
/// a seed); scores `dev` when given.
pub fn train_ner(train: &Path, dev: Option<&Path>, seed: u64) -> Result<TrainedNer, TagError> {
    train_ner_with(train, dev, seed, &NerConfig::default(), PosModel::global()?, Clusters::global().ok())
}

pub fn train_ner_with(
    train: &Path,
    dev: Option<&Path>,
    seed: u64,
    cfg: &NerConfig,
    tagger: &PosModel,
    clusters: Option<&Clusters>,
) -> Result<TrainedNer, TagError> {
    let docs = load_docs(train, tagger, clusters)?;
    let all: Vec<&TrainDoc> = docs.iter().collect();
    let (rows1, trans1) = train_stage(&all, None, cfg, seed);
    let stage1 = stage_from_rows(&rows1, &trans1)?;
    let mut rows2 = Vec::new();
    let mut stage2 = None;
    let mut trans2 = Vec::new();
    if cfg.folds >= 2 {
        // Jackknifed stage-1 predictions for every training document.
        let mut preds: Vec<Option<Vec<Vec<usize>>>> = vec![None; docs.len()];
        for f in 0..cfg.folds {
            let train_part: Vec<&TrainDoc> =
                docs.iter().enumerate().filter(|(i, _)| i % cfg.folds != f).map(|(_, d)| d).collect();
            let (r, t) = train_stage(&train_part, None, cfg, seed.wrapping_add(f as u64 + 1));
            let st = stage_from_rows(&r, &t)?;
            let mut buf = Vec::new();
            for (i, d) in docs.iter().enumerate().filter(|(i, _)| i % cfg.folds == f) {
                preds[i] = Some(d.sents.iter().map(|s| st.predict(s, &d.stats, None, &mut buf)).collect());
            }
            tracing::info!(fold = f, "jackknife fold done");
        }
        let h: Vec<Vec<Vec<Hint>>> = docs
            .iter()
            .zip(&preds)
            .map(|(d, p)| hints(&d.sents, p.as_ref().expect("every fold predicted")))
            .collect();
        let (r, t) = train_stage(&all, Some(&h), cfg, seed.wrapping_add(100));
        stage2 = Some(stage_from_rows(&r, &t)?);
        rows2 = r;
        trans2 = t;
    }
    let mut w = Writer::default();
    w.u32(NL as u32);
    w.u32(clusters.map_or(0, |c| c.fingerprint));
    Stage::write(&rows1, &trans1, &mut w);
    if stage2.is_some() {
        w.u8(1);
        Stage::write(&rows2, &trans2, &mut w);
    } else {
        w.u8(0);
    }
    let bytes = format::wrap(KIND, VERSION, &w.0);
    let model = NerModel {
        joint: Joint::new([Some(&stage1.weights), stage2.as_ref().map(|s| &s.weights)]),
        stage1,
        stage2,
        clusters: clusters.cloned(),
        cluster_fingerprint: clusters.map_or(0, |c| c.fingerprint),
        id: crate::lex::next_model_id(),
    };
    let dev_report = match dev {
        Some(p) => Some(crate::eval::eval_ner_with(&model, tagger, p)?),
        None => None,
    };
    Ok(TrainedNer {
        model,
        bytes,
        report: NerTrainReport {
            documents: docs.len(),
            sentences: docs.iter().map(|d| d.sents.len()).sum(),
            tokens: docs.iter().flat_map(|d| &d.sents).map(|s| s.atoms.len()).sum(),
            stage1_features: rows1.len(),
            stage2_features: rows2.len(),
            dev: dev_report,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_round_trip_and_constraints() {
        let l = encode(6, &[(0, 0, 2), (2, 3, 4), (1, 4, 6)]);
        let d = decode(&l);
        assert_eq!(
            d,
            vec![
                EntitySpan { start: 0, end: 2, label: EntityLabel::Per },
                EntitySpan { start: 3, end: 4, label: EntityLabel::Loc },
                EntitySpan { start: 4, end: 6, label: EntityLabel::Org },
            ]
        );
        for w in l.windows(2) {
            assert!(allowed(Some(w[0]), w[1]));
        }
        assert!(!allowed(None, lab(0, I)));
        assert!(!allowed(Some(lab(0, B)), lab(1, L)));
        assert!(!allowed(Some(lab(0, B)), 0));
    }

    /// The straightforward decoder (scan of the allowed predecessors) the fast one replaced.
    fn viterbi_reference(e: &[f32], n: usize, trans: &[f32]) -> Vec<usize> {
        if n == 0 {
            return Vec::new();
        }
        let mut score = vec![f32::NEG_INFINITY; n * NL];
        let mut back = vec![0usize; n * NL];
        for c in 0..NL {
            if allowed(None, c) {
                score[c] = e[c] + trans[NL * NL + c];
            }
        }
        for i in 1..n {
            for c in 0..NL {
                let mut best = f32::NEG_INFINITY;
                let mut arg = 0;
                for p in (0..NL).filter(|&p| allowed(Some(p), c)) {
                    let v = score[(i - 1) * NL + p] + trans[p * NL + c];
                    if v > best {
                        best = v;
                        arg = p;
                    }
                }
                if best > f32::NEG_INFINITY {
                    score[i * NL + c] = best + e[i * NL + c];
                    back[i * NL + c] = arg;
                }
            }
        }
        let mut best = 0;
        let mut bs = f32::NEG_INFINITY;
        for c in 0..NL {
            let s = score[(n - 1) * NL + c];
            if can_end(c) && s > bs {
                bs = s;
                best = c;
            }
        }
        let mut out = vec![0; n];
        out[n - 1] = best;
        for i in (1..n).rev() {
            out[i - 1] = back[i * NL + out[i]];
        }
        out
    }

    #[test]
    fn fast_viterbi_matches_reference_with_ties() {
        let mut rng = SplitMix(11);
        // Coarse values make ties common, so tie-breaking is compared too.
        let mut draw = |k: u64| (rng.next_u64() % k) as f32 * 0.5 - 2.0;
        for round in 0..400 {
            let n = 1 + round % 9;
            let coarse = if round % 2 == 0 { 4 } else { 1000 };
            let e: Vec<f32> = (0..n * NL).map(|_| draw(coarse)).collect();
            let t: Vec<f32> = (0..(NL + 1) * NL).map(|_| draw(coarse)).collect();
            assert_eq!(viterbi(&e, n, &t), viterbi_reference(&e, n, &t), "round {round}");
        }
    }

    #[test]
    fn viterbi_respects_constraints() {
        // Emissions favour an invalid I after O; the decoder must produce a valid path.
        let mut e = vec![0f32; 2 * NL];
        e[lab(0, I)] = 5.0;
        e[NL + lab(0, L)] = 5.0;
        let t = vec![0f32; (NL + 1) * NL];
        let p = viterbi(&e, 2, &t);
        assert!(allowed(None, p[0]) && allowed(Some(p[0]), p[1]) && can_end(p[1]));
        assert!(viterbi(&[], 0, &t).is_empty());
    }

    /// The AVX2 and baseline copies of the emission and Viterbi loop compute the same
    /// score bits and labels, in both stages.
    #[test]
    fn vector_copies_agree_bit_for_bit() {
        if !crate::simd::has_avx2() {
            return;
        }
        let (tagger, m) = (PosModel::global().expect("POS"), NerModel::global().expect("NER"));
        let text = include_str!("../benches/sample.txt");
        let doc: Vec<Vec<&str>> =
            text.lines().map(crate::brown::simple_tokens).filter(|s| !s.is_empty()).collect();
        let pos = tagger.tag_document(&doc);
        let mut types = Types::default();
        let ids: Vec<Vec<u32>> =
            doc.iter().map(|s| s.iter().map(|w| types.intern(w, |w| tagger.atoms(w))).collect()).collect();
        let mut caches = m.caches();
        m.extend_caches(&mut caches, &types);
        let sents: Vec<Sent> = ids
            .iter()
            .zip(&pos)
            .map(|(s, p)| prepare_atoms(s.iter().map(|&t| types.atoms[t as usize]).collect(), Some(p)))
            .collect();
        let d = doc_stats(&sents);
        let mut buf = Vec::new();
        let mut first = Vec::new();
        for (stage, unary, hint) in
            [(&m.stage1, &caches.0, false), (m.stage2.as_ref().unwrap(), caches.1.as_ref().unwrap(), true)]
        {
            let h = hint.then(|| hints(&sents, &first));
            let mut out = Vec::new();
            for (k, (s, ids)) in sents.iter().zip(&ids).enumerate() {
                let (mut keys, mut offs) = (Vec::new(), vec![0u32]);
                for i in 0..s.atoms.len() {
                    context(s, i, &d, None, &mut keys);
                    offs.push(keys.len() as u32);
                }
                let hk = h.as_ref().map(|h| h[k].as_slice());
                let (mut ea, mut eb, mut ec) = (Emit::default(), Emit::default(), Emit::default());
                // The rows the joint table finds are those of the stage's own table.
                let mut rows = Vec::new();
                m.joint.locate_all(&keys, &mut rows);
                let own: Vec<[Located; 2]> = keys
                    .iter()
                    .map(|&f| [m.stage1.weights.locate(f), m.stage2.as_ref().unwrap().weights.locate(f)])
                    .collect();
                assert_eq!(rows, own);
                let feats = Feats(&rows, usize::from(hint));
                let a = stage.predict_cached_impl(s, ids, unary, feats, &offs, hk, &mut buf, &mut ea);
                // SAFETY: the CPU has AVX2 (checked above).
                let b =
                    unsafe { stage.predict_cached_avx2(s, ids, unary, feats, &offs, hk, &mut buf, &mut eb) };
                // Adding the rows by key gives the same scores.
                let c = {
                    let n = s.atoms.len();
                    let mut e = vec![0f32; n * NS];
                    for i in 0..n {
                        let row = &mut e[i * NS..(i + 1) * NS];
                        unary.set_window(ids, i, row, WIDTH);
                        for &f in &keys[offs[i] as usize..offs[i + 1] as usize] {
                            stage.weights.add_wide(f, row);
                        }
                        if let Some(h) = hk {
                            stage.add_hints(h, i, ctx_bits(s, i), s.atoms[i].shape, row, &mut buf);
                        }
                    }
                    ec.e = e;
                    viterbi_masked(&ec.e, NS, n, &stage.trans, &stage.masked)
                };
                assert_eq!(a, b);
                assert_eq!(a, c);
                let bits = |e: &[f32]| e.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(&ea.e), bits(&eb.e));
                assert_eq!(bits(&ea.e), bits(&ec.e));
                out.push(a);
            }
            first = out;
        }
        assert!(first.iter().flatten().any(|&l| l != 0), "some entity found");
    }

    /// The key tables hold the keys `feat` gives, and values outside them are hashed.
    #[test]
    fn key_tables_hold_the_hashed_keys() {
        let t = &*KEYS;
        let values: Vec<u64> = (0..crate::tags::XPOS.len() as u64)
            .map(|x| 1000 + x)
            .chain([0xdead, PAD_BEFORE, PAD_AFTER])
            .collect();
        assert_eq!(values.len(), POS_VALUES);
        for (a, &x) in values.iter().enumerate() {
            assert_eq!(pos_index(x), Some(a));
            for n in 0..3 {
                assert_eq!(t.pos_at[n][a], feat(T_POS_AT + n as u32, &[x]));
            }
            for (b, &y) in values.iter().enumerate() {
                assert_eq!(t.pos01[a * POS_VALUES + b], feat(T_POS01, &[x, y]));
                assert_eq!(t.pos_10[a * POS_VALUES + b], feat(T_POS_10, &[x, y]));
            }
        }
        for x in [0, 999, 1000 + crate::tags::XPOS.len() as u64, 0xdeae, u64::MAX] {
            assert_eq!(pos_index(x), None);
        }
        for c in 0..CTX_VALUES {
            assert_eq!(t.ctx[c], feat(T_CTX, &[c as u64]));
        }
        for df in 0..256 {
            assert_eq!(t.doc[df], feat(T_DOC, &[df as u64]));
        }
    }

    /// Stage 2 adds the hint rows it located at load exactly as it adds them by key: the
    /// same score bits, for hints in range, at the sentence edges, and out of range.
    #[test]
    fn located_hint_rows_add_what_their_keys_add() {
        let m = NerModel::global().expect("NER");
        let st = m.stage2.as_ref().expect("the shipped model has a second stage");
        let mut hs: Vec<Hint> =
            (0..60u64).map(|k| Hint { own: k * 7 % 17, doc: k % 6, earlier: k * 5 % 6 }).collect();
        hs.push(Hint { own: 40, doc: 9, earlier: 0 });
        let shapes = ["Smith", "UN", "reservoir", "2024", "O'Neil"].map(|w| atoms(w, None).shape);
        let mut buf = Vec::new();
        let mut nonzero = 0;
        for i in 0..hs.len() {
            for ctx in [0, 5, 15, 16] {
                let shape = shapes[i % shapes.len()];
                let mut fast = vec![0.0f32; NS];
                st.add_hints(&hs, i, ctx, shape, &mut fast, &mut buf);
                let mut keyed = vec![0.0f32; NS];
                buf.clear();
                hint_features(&hs, i, ctx, shape, &mut buf);
                for &f in &buf {
                    st.weights.add_wide(f, &mut keyed);
                }
                let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(&fast), bits(&keyed), "token {i}, ctx {ctx}");
                nonzero += usize::from(fast.iter().any(|&x| x != 0.0));
            }
        }
        assert!(nonzero > 100, "the hint rows carry weights ({nonzero} rows)");
    }
}
