//! The learned part: two averaged structured perceptrons (first-order, Viterbi).
//!
//! 1. **Cue tagger** — BIO over each sentence's tokens: which words are attribution cues.
//! 2. **Role tagger** — for one cue, BIO over a window of tokens around it (the sentence
//!    before, the cue's sentence and up to three after, within the paragraph), labels
//!    `O`, `B/I-source`, `B/I-content`, with features relative to the cue: direction,
//!    distance, quote marks, commas and other cues in between, sentence offset, the cue's
//!    words and lexicon class.
//!
//! Weights, hashing and the file container come from `dossier-tag` (`learn`, `weights`,
//! `hash`, `format`).

use std::cell::RefCell;
use std::ops::Range;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::LazyLock;

use dossier_doc::Span;
use dossier_segment::{Segmentation, Segmenter, TokenKind};
use dossier_tag::format::{self, Reader, Writer};
use dossier_tag::hash::{FeatHash, SplitMix};
use dossier_tag::learn::Trainer;
// `avx2!(self.f_avx2 => f_impl(args...))`, shared with the tagger's loops: the AVX2 copy of a
// hot method when the CPU has AVX2, else the baseline one. Both copies run the same IEEE
// operations in the same order (AVX2 does not enable fused multiply-add), so they give
// bit-identical scores; the wider registers hold a whole padded score row (`Row8`) in one,
// where the baseline spills pairs of 4-lane halves to the stack. Rows are summed in the hot
// loops with `add8`; the functions inlined into the copies are marked `#[inline(always)]`.
use dossier_tag::simd::avx2;
use dossier_tag::weights::Weights;
use dossier_tag::{ModelError, PosTag};

use crate::ends::{self, EndChooser};
use crate::extend::{self, Extender};
use crate::lexicon::LEXICON;
use crate::polnear::GoldDoc;
use crate::recall::{self, Recall};
use crate::AttrError;

pub const KIND: [u8; 4] = *b"ATTR";
/// Version 2: explicit presence bytes for the content-end chooser and the cue-recall
/// sections. Version 1 files (optional chooser at the end) still load.
pub const VERSION: u32 = 3;
const VERSION_1: u32 = 1;
/// Version 2: no cue-extension section (still read).
const VERSION_2: u32 = 2;

const NONE: u8 = 255;

/// Token atoms the features are built from.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Atom {
    pub lower: u64,
    pub suf: u64,
    pub shape: u64,
    pub upos: u8,
    pub xpos: u8,
    /// Cue lexicon class (0 = none).
    pub lex: u8,
    /// 0 = no quote mark, 1 = opening mark, 2 = closing mark.
    pub qmark: u8,
    pub in_quote: bool,
    pub comma: bool,
    pub cap: bool,
    /// Word-cluster path prefixes (lengths 6 and 10) from `dossier-tag`'s clusters.
    pub clus: [u64; 2],
}

/// A document prepared for tagging.
pub(crate) struct Prepared {
    pub toks: Vec<Atom>,
    pub spans: Vec<Span>,
    /// Each token's text, lower-cased (the rules read these; [`crate::rules::finish`] takes them).
    pub words: Vec<String>,
    /// Each token's [`WordAtoms::keys`].
    word_keys: Vec<[u64; WORD_KEYS]>,
    pub sent_of: Vec<u32>,
    pub sents: Vec<Range<usize>>,
    pub para_of_sent: Vec<u32>,
    /// Prefix counts (length n + 1) of quote marks and commas.
    qm_ps: Vec<u32>,
    comma_ps: Vec<u32>,
}

fn shape_of(w: &str) -> u64 {
    let mut h = FeatHash::new(900);
    let mut last = ' ';
    let mut n = 0;
    for c in w.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k != last {
            h = h.char(k);
            last = k;
            n += 1;
            if n > 6 {
                break;
            }
        }
    }
    h.finish()
}

/// What [`prepare`] reads from a token's text alone (the same for every occurrence).
#[derive(Clone)]
struct WordAtoms {
    lower: String,
    lower_h: u64,
    suf: u64,
    shape: u64,
    lex: u8,
    quote_mark: bool,
    comma: bool,
    cap: bool,
    clus: [u64; 2],
    /// The keys that read the word alone, hashed once per word instead of per token: the cue
    /// tagger's ([`cue_keys`]) 11 [lower], 12 [suf], 36 [cluster 6], 37 [cluster 10], then
    /// the role tagger's ([`local_keys`]) 42 [dir, lower] and 71 [dir, cluster 6] before and
    /// after the cue; then those that read it as a neighbour's word: the cue tagger's 18
    /// [word before], 19 [word after], 20 [two before], 21 [two after], and the role tagger's
    /// 53 [dir, word before] and 54 [dir, word after] before and after the cue.
    keys: [u64; WORD_KEYS],
}

/// The length of [`WordAtoms::keys`].
const WORD_KEYS: usize = 16;

impl WordAtoms {
    fn new(w: &str) -> WordAtoms {
        let lower = w.to_lowercase();
        // The last three chars.
        let suf = &lower[lower.char_indices().rev().nth(2).map_or(0, |(k, _)| k)..];
        let clusters = dossier_tag::Clusters::global().ok();
        let lower_h = FeatHash::new(901).str(&lower).finish();
        let suf = FeatHash::new(902).str(suf).finish();
        let clus = clusters.map_or([0; 2], |c| {
            let a = c.atoms(dossier_tag::features::lower_key(w));
            [a[1], a[2]]
        });
        WordAtoms {
            keys: [
                f(11, &[lower_h]),
                f(12, &[suf]),
                f(36, &[clus[0]]),
                f(37, &[clus[1]]),
                f(42, &[DIRS[0], lower_h]),
                f(42, &[DIRS[1], lower_h]),
                f(71, &[DIRS[0], clus[0]]),
                f(71, &[DIRS[1], clus[0]]),
                f(18, &[lower_h]),
                f(19, &[lower_h]),
                f(20, &[lower_h]),
                f(21, &[lower_h]),
                f(53, &[DIRS[0], lower_h]),
                f(53, &[DIRS[1], lower_h]),
                f(54, &[DIRS[0], lower_h]),
                f(54, &[DIRS[1], lower_h]),
            ],
            lower_h,
            suf,
            shape: shape_of(w),
            lex: LEXICON.cues.get(&lower).map_or(0, |c| *c as u8),
            quote_mark: is_quote_mark(w),
            comma: matches!(w, "," | ";" | ":" | "—" | "–" | "-" | "--"),
            cap: w.chars().next().is_some_and(char::is_uppercase),
            clus,
            lower,
        }
    }
}

/// Words seen lately by this thread and their atoms (cleared when it grows past
/// [`WORDS_MAX`]): most tokens of a text are words met before.
type WordCache = rustc_hash::FxHashMap<Box<str>, WordAtoms>;
const WORDS_MAX: usize = 1 << 15;

thread_local! {
    static WORDS: RefCell<WordCache> = RefCell::new(WordCache::default());
}

pub(crate) fn prepare(text: &str, seg: &Segmentation, pos: Option<&[PosTag]>) -> Prepared {
    WORDS.with(|c| prepare_with(text, seg, pos, &mut c.borrow_mut()))
}

fn prepare_with(text: &str, seg: &Segmentation, pos: Option<&[PosTag]>, cache: &mut WordCache) -> Prepared {
    let n = seg.tokens.len();
    let pos = pos.filter(|p| p.len() == n);
    // Quote inner ranges and marks.
    let mut inner: Vec<Span> = seg.quotes.iter().flat_map(|q| q.inner.iter().copied()).collect();
    inner.sort();
    let mut quote_spans: Vec<Span> = seg.quotes.iter().map(|q| q.span).collect();
    quote_spans.sort();
    // Both lists are sorted by start: only spans starting at or before a token can hold it.
    let mut in_inner = Sweep::new(&inner);
    let mut in_quote = Sweep::new(&quote_spans);
    let mut toks = Vec::with_capacity(n);
    let mut spans = Vec::with_capacity(n);
    let mut words = Vec::with_capacity(n);
    let mut word_keys = Vec::with_capacity(n);
    if cache.len() > WORDS_MAX {
        cache.clear();
    }
    for (i, t) in seg.tokens.iter().enumerate() {
        let w = t.span.of(text);
        let wa = match cache.get(w) {
            Some(wa) => wa,
            None => cache.entry(w.into()).or_insert_with(|| WordAtoms::new(w)),
        };
        let in_q = in_inner.holds(t.span);
        let in_qspan = in_quote.holds(t.span);
        let qmark = if t.kind == TokenKind::Punct && in_qspan && !in_q && wa.quote_mark {
            let opens = seg
                .quotes
                .iter()
                .any(|q| q.inner.iter().any(|s| s.start >= t.span.end && s.start - t.span.end <= 1));
            if opens {
                1
            } else {
                2
            }
        } else if wa.quote_mark {
            2
        } else {
            0
        };
        let (upos, xpos) = pos.map_or((NONE, NONE), |p| (p[i].upos_id(), p[i].xpos_id()));
        toks.push(Atom {
            lower: wa.lower_h,
            suf: wa.suf,
            shape: wa.shape,
            upos,
            xpos,
            lex: wa.lex,
            qmark,
            in_quote: in_q,
            comma: wa.comma,
            cap: wa.cap,
            clus: wa.clus,
        });
        spans.push(t.span);
        words.push(wa.lower.clone());
        word_keys.push(wa.keys);
    }
    let mut sent_of = vec![0u32; n];
    let mut sents = Vec::with_capacity(seg.sentence_tokens.len());
    let mut para_of_sent = Vec::with_capacity(seg.sentence_tokens.len());
    let mut covered = 0usize;
    for (k, r) in seg.sentence_tokens.iter().enumerate() {
        let r = r.start.max(covered).min(n)..r.end.min(n);
        if r.is_empty() {
            continue;
        }
        // Tokens between sentences (should not happen) join the next sentence.
        let r = covered..r.end;
        let si = sents.len() as u32;
        for s in &mut sent_of[r.clone()] {
            *s = si;
        }
        covered = r.end;
        let start = seg.sentences.get(k).map_or(seg.tokens[r.start].span.start, |s| s.start);
        let p = seg.paragraphs.partition_point(|p| p.end <= start);
        para_of_sent.push(p as u32);
        sents.push(r);
    }
    if covered < n {
        let si = sents.len() as u32;
        for s in &mut sent_of[covered..] {
            *s = si;
        }
        para_of_sent.push(seg.paragraphs.len() as u32);
        sents.push(covered..n);
    }
    let mut qm_ps = Vec::with_capacity(n + 1);
    let mut comma_ps = Vec::with_capacity(n + 1);
    qm_ps.push(0);
    comma_ps.push(0);
    for t in &toks {
        qm_ps.push(qm_ps.last().copied().unwrap_or(0) + u32::from(t.qmark != 0));
        comma_ps.push(comma_ps.last().copied().unwrap_or(0) + u32::from(t.comma));
    }
    Prepared { toks, spans, words, word_keys, sent_of, sents, para_of_sent, qm_ps, comma_ps }
}

/// Whether one of `spans` (sorted by start) holds a token, asked for the tokens in text
/// order: the spans starting at or before the token are passed once, keeping their furthest
/// end (one holds the token when that end reaches the token's end). A token that starts
/// before the one asked last is answered by scanning the list.
struct Sweep<'s> {
    spans: &'s [Span],
    /// The spans before this index start at or before `last`.
    next: usize,
    last: usize,
    /// The furthest end of `spans[..next]`.
    end: Option<usize>,
}

impl<'s> Sweep<'s> {
    fn new(spans: &'s [Span]) -> Sweep<'s> {
        Sweep { spans, next: 0, last: 0, end: None }
    }

    fn holds(&mut self, t: Span) -> bool {
        if t.start < self.last {
            return self.spans.iter().take_while(|s| s.start <= t.start).any(|s| t.end <= s.end);
        }
        self.last = t.start;
        while let Some(s) = self.spans.get(self.next).filter(|s| s.start <= t.start) {
            self.end = Some(self.end.map_or(s.end, |e| e.max(s.end)));
            self.next += 1;
        }
        self.end.is_some_and(|e| t.end <= e)
    }
}

fn is_quote_mark(w: &str) -> bool {
    matches!(w, "\"" | "“" | "”" | "«" | "»" | "``" | "''" | "‘" | "’" | "'")
}

// ---------------------------------------------------------------- features

const T_TRANS: u32 = 1;
/// Added to the cue tagger's B score: the perceptron under-predicts rare cues.
pub const DEFAULT_CUE_BIAS: f32 = 25.0;
pub(crate) const NA: u64 = 0x5a5a;

#[inline]
pub(crate) fn f(t: u32, parts: &[u64]) -> u64 {
    let mut h = FeatHash::new(t);
    for &p in parts {
        h = h.u64(p);
    }
    h.finish()
}

fn trans_key(prev: usize) -> u64 {
    f(T_TRANS, &[prev as u64])
}

const CUE_FEATS: usize = 35;

#[inline]
fn cue_features(d: &Prepared, s: Range<usize>, i: usize) -> [u64; CUE_FEATS] {
    let t = &d.toks;
    let at = |k: isize| -> Option<&Atom> {
        let k = i as isize + k;
        (k >= s.start as isize && k < s.end as isize).then(|| &t[k as usize])
    };
    let lw = |k: isize| at(k).map_or(NA, |a| a.lower);
    let xp = |k: isize| at(k).map_or(NA, |a| u64::from(a.xpos));
    let lx = |k: isize| at(k).map_or(NA, |a| u64::from(a.lex));
    let qm = |k: isize| at(k).map_or(NA, |a| u64::from(a.qmark));
    let a = &t[i];
    let from_start = (i - s.start).min(6) as u64;
    let to_end = (s.end - 1 - i).min(6) as u64;
    let sent_has_quote = d.qm_ps[s.end] > d.qm_ps[s.start];
    [
        f(10, &[]),
        f(11, &[a.lower]),
        f(12, &[a.suf]),
        f(13, &[a.shape]),
        f(14, &[u64::from(a.upos)]),
        f(15, &[u64::from(a.xpos)]),
        f(16, &[u64::from(a.lex)]),
        f(17, &[u64::from(a.lex), u64::from(a.xpos)]),
        f(18, &[lw(-1)]),
        f(19, &[lw(1)]),
        f(20, &[lw(-2)]),
        f(21, &[lw(2)]),
        f(22, &[a.lower, lw(1)]),
        f(23, &[lw(-1), a.lower]),
        f(24, &[xp(-1), u64::from(a.xpos)]),
        f(25, &[u64::from(a.xpos), xp(1)]),
        f(26, &[u64::from(a.in_quote), u64::from(a.qmark)]),
        f(27, &[u64::from(a.in_quote), u64::from(a.lex)]),
        f(28, &[from_start, to_end]),
        f(29, &[lx(-1), lx(1)]),
        f(30, &[xp(-1), a.lower]),
        f(31, &[a.lower, xp(1)]),
        f(32, &[qm(-1), qm(1), u64::from(a.lex)]),
        f(33, &[u64::from(sent_has_quote), u64::from(a.lex), u64::from(a.in_quote)]),
        f(34, &[a.suf, u64::from(a.xpos)]),
        f(35, &[lw(-1), a.lower, lw(1)]),
        f(36, &[a.clus[0]]),
        f(37, &[a.clus[1]]),
        f(38, &[a.clus[1], u64::from(a.xpos)]),
        f(39, &[at(-1).map_or(NA, |a| a.clus[0]), a.clus[0]]),
        f(70, &[a.clus[0], at(1).map_or(NA, |a| a.clus[0])]),
        // Wider lexical context: "said in a", "told reporters that", a subject on the left.
        f(80, &[a.lower, lw(1), lw(2)]),
        f(81, &[xp(-2), xp(-1), a.lower]),
        f(82, &[lw(-2), lw(-1), a.lower]),
        f(83, &[a.lower, xp(1), xp(2)]),
    ]
}

/// The rows of [`cue_features`]' features whose parts are all small numbers (tags, cue
/// classes, quote flags, positions), looked up once at load time and indexed at run time;
/// see [`RoleTables`].
pub(crate) struct CueTables {
    /// 10 [] (the bias feature).
    c10: Row8,
    /// 14 [upos].
    c14: Box<[Row8; 256]>,
    /// 15 [xpos].
    c15: Box<[Row8; 256]>,
    /// 16 [lex].
    c16: [Row8; 8],
    /// 17 [lex, xpos]: lex·256 + xpos.
    c17: Box<[Row8; 8 * 256]>,
    /// 26 [in_quote, qmark]: q·4 + qm.
    c26: [Row8; 8],
    /// 27 [in_quote, lex]: q·8 + lex.
    c27: [Row8; 16],
    /// 28 [from_start, to_end]: fs·7 + te.
    c28: [Row8; 49],
    /// 33 [sent_has_quote, lex, in_quote]: (h·8 + lex)·2 + q.
    c33: [Row8; 32],
    /// 24 [xpos before, xpos], 25 [xpos, xpos after] by [`tag_pairs`].
    c24: Vec<Row8>,
    c25: Vec<Row8>,
    /// 29 [lex before, lex after]: a·9 + b, lex 0..8 or 8 = outside the sentence.
    c29: [Row8; 81],
    /// 32 [qmark before, qmark after, lex]: (a·4 + b)·8 + lex, qmark 0..3 or 3 = outside.
    c32: [Row8; 128],
}

impl CueTables {
    fn new(w: &Weights) -> CueTables {
        let row = |key: u64| {
            let mut r = [0f32; 8];
            w.add(key, &mut r[..CUE_LABELS]);
            r
        };
        // A small value, or NA at `na`.
        let small = |v: usize, na: usize| if v == na { NA } else { v as u64 };
        fn boxed<const N: usize>(f: impl Fn(usize) -> Row8) -> Box<[Row8; N]> {
            let v: Vec<Row8> = (0..N).map(f).collect();
            v.into_boxed_slice().try_into().unwrap_or_else(|_| unreachable!("N rows"))
        }
        CueTables {
            c10: row(f(10, &[])),
            c14: boxed(|i| row(f(14, &[i as u64]))),
            c15: boxed(|i| row(f(15, &[i as u64]))),
            c16: std::array::from_fn(|i| row(f(16, &[i as u64]))),
            c17: boxed(|i| row(f(17, &[(i / 256) as u64, (i % 256) as u64]))),
            c26: std::array::from_fn(|i| row(f(26, &[(i / 4) as u64, (i % 4) as u64]))),
            c27: std::array::from_fn(|i| row(f(27, &[(i / 8) as u64, (i % 8) as u64]))),
            c28: std::array::from_fn(|i| row(f(28, &[(i / 7) as u64, (i % 7) as u64]))),
            c33: std::array::from_fn(|i| row(f(33, &[(i / 16) as u64, (i / 2 % 8) as u64, (i % 2) as u64]))),
            c24: tag_pairs(w, 1, |_, a, b| f(24, &[a, b]), |_, k| row(k)),
            c25: tag_pairs(w, 1, |_, a, b| f(25, &[a, b]), |_, k| row(k)),
            c29: std::array::from_fn(|i| row(f(29, &[small(i / 9, 8), small(i % 9, 8)]))),
            c32: std::array::from_fn(|i| {
                row(f(32, &[small(i / 32, 3), small(i / 8 % 4, 3), (i % 8) as u64]))
            }),
        }
    }
}

/// The number of [`cue_row`]'s features that are probed in the weight table.
const CUE_HASHED: usize = 21;

/// The weight-table keys of [`cue_row`]'s word features for token `i`, in the order it adds
/// them. Computed ahead of the row so that their slots can be prefetched: the probes into the
/// cue weight table miss the cache, and were the cue tagger's largest cost in time.
type CueKeys = [u64; CUE_HASHED];

#[inline]
fn cue_keys(d: &Prepared, s: &Range<usize>, i: usize) -> CueKeys {
    let t = &d.toks;
    let near: [Option<&Atom>; 5] = std::array::from_fn(|k| {
        let k = i as isize + k as isize - 2;
        (k >= s.start as isize && k < s.end as isize).then(|| &t[k as usize])
    });
    let at = |k: isize| near[(k + 2) as usize];
    let lw = |k: isize| at(k).map_or(NA, |a| a.lower);
    let xp = |k: isize| at(k).map_or(NA, |a| u64::from(a.xpos));
    let a = &t[i];
    let xpos = usize::from(a.xpos);
    let (l1, w1) = (lw(-1), lw(1));
    // The word's own keys, hashed once per word ([`WordAtoms::keys`]), and its neighbours'
    // (template `tmpl` at `slot` of the word `k` away; the key of no word outside the sentence).
    let wk = &d.word_keys[i];
    debug_assert_eq!(wk[..4], [f(11, &[a.lower]), f(12, &[a.suf]), f(36, &[a.clus[0]]), f(37, &[a.clus[1]])]);
    let nk = |k: isize, slot: usize, tmpl: u32| {
        let found = at(k).map(|_| d.word_keys[(i as isize + k) as usize][slot]);
        let key = found.unwrap_or_else(|| f(tmpl, &[NA]));
        debug_assert_eq!(key, f(tmpl, &[lw(k)]));
        key
    };
    [
        wk[0],
        wk[1],
        nk(-1, 8, 18),
        nk(1, 9, 19),
        nk(-2, 10, 20),
        nk(2, 11, 21),
        f(22, &[a.lower, w1]),
        f(23, &[l1, a.lower]),
        f(30, &[xp(-1), a.lower]),
        f(31, &[a.lower, xp(1)]),
        f(34, &[a.suf, xpos as u64]),
        f(35, &[l1, a.lower, w1]),
        wk[2],
        wk[3],
        f(38, &[a.clus[1], xpos as u64]),
        f(39, &[at(-1).map_or(NA, |a| a.clus[0]), a.clus[0]]),
        f(70, &[a.clus[0], at(1).map_or(NA, |a| a.clus[0])]),
        f(80, &[a.lower, w1, lw(2)]),
        f(81, &[xp(-2), xp(-1), a.lower]),
        f(82, &[lw(-2), l1, a.lower]),
        f(83, &[a.lower, xp(1), xp(2)]),
    ]
}

/// The emission row of token `i` of sentence `s` for the cue tagger: `bias` on `B`, then
/// [`cue_features`]' rows in its order (tables for the small-valued ones, the row cache for
/// shapes and tag/class/quote pairs, the weight table for words, through the keys [`cue_keys`] hashed) — bit for bit the
/// sums of the hashed features.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn cue_row(
    tab: &CueTables,
    memo: &mut Memo,
    w: &Weights,
    d: &Prepared,
    s: &Range<usize>,
    i: usize,
    keys: &CueKeys,
    bias: f32,
) -> Row8 {
    let t = &d.toks;
    // The tokens two before to two after (None outside the sentence), looked up once.
    let near: [Option<&Atom>; 5] = std::array::from_fn(|k| {
        let k = i as isize + k as isize - 2;
        (k >= s.start as isize && k < s.end as isize).then(|| &t[k as usize])
    });
    let at = |k: isize| near[(k + 2) as usize];
    let xp = |k: isize| at(k).map_or(NA, |a| u64::from(a.xpos));
    let lx = |k: isize| at(k).map_or(NA, |a| u64::from(a.lex));
    let qm = |k: isize| at(k).map_or(NA, |a| u64::from(a.qmark));
    let a = &t[i];
    let from_start = (i - s.start).min(6);
    let to_end = (s.end - 1 - i).min(6);
    let sent_has_quote = usize::from(d.qm_ps[s.end] > d.qm_ps[s.start]);
    let (upos, xpos) = (usize::from(a.upos), usize::from(a.xpos));
    debug_assert!(a.lex < 8 && a.qmark < 4, "cue classes are 0..=4, quote marks 0..=2");
    let (lex, q, qmk) = (usize::from(a.lex) & 7, usize::from(a.in_quote), usize::from(a.qmark) & 3);
    let mut acc: Row8 = [0.0, 0.0 + bias, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
    let hashed = |acc: &mut Row8, key: u64| w.add_row8(key, acc);
    add8(&mut acc, &tab.c10);
    hashed(&mut acc, keys[0]);
    hashed(&mut acc, keys[1]);
    memo.add(w, f(13, &[a.shape]), &mut acc);
    add8(&mut acc, &tab.c14[upos]);
    add8(&mut acc, &tab.c15[xpos]);
    add8(&mut acc, &tab.c16[lex]);
    add8(&mut acc, &tab.c17[lex * 256 + xpos]);
    hashed(&mut acc, keys[2]);
    hashed(&mut acc, keys[3]);
    hashed(&mut acc, keys[4]);
    hashed(&mut acc, keys[5]);
    hashed(&mut acc, keys[6]);
    hashed(&mut acc, keys[7]);
    // A [tag, tag] feature: the table row, or hashed for a value outside it.
    #[inline(always)]
    fn pair(t: &[Row8], memo: &mut Memo, w: &Weights, tmpl: u32, a: u64, b: u64, acc: &mut Row8) {
        match (xi(a), xi(b)) {
            (Some(x), Some(y)) => add8(acc, &t[x * XP + y]),
            _ => memo.add(w, f(tmpl, &[a, b]), acc),
        }
    }
    pair(&tab.c24, memo, w, 24, xp(-1), xpos as u64, &mut acc);
    pair(&tab.c25, memo, w, 25, xpos as u64, xp(1), &mut acc);
    add8(&mut acc, &tab.c26[q * 4 + qmk]);
    add8(&mut acc, &tab.c27[q * 8 + lex]);
    add8(&mut acc, &tab.c28[from_start * 7 + to_end]);
    // Lexicon classes are 0..=4 and quote marks 0..=2 (else the hashed path).
    let small_ix = |v: u64, lim: u64| if v == NA { Some(lim) } else { (v < lim).then_some(v) };
    match (small_ix(lx(-1), 8), small_ix(lx(1), 8)) {
        (Some(x), Some(y)) => add8(&mut acc, &tab.c29[(x * 9 + y) as usize]),
        _ => memo.add(w, f(29, &[lx(-1), lx(1)]), &mut acc),
    }
    hashed(&mut acc, keys[8]);
    hashed(&mut acc, keys[9]);
    match (small_ix(qm(-1), 3), small_ix(qm(1), 3)) {
        (Some(x), Some(y)) => add8(&mut acc, &tab.c32[(x * 4 + y) as usize * 8 + lex]),
        _ => memo.add(w, f(32, &[qm(-1), qm(1), lex as u64]), &mut acc),
    }
    add8(&mut acc, &tab.c33[(sent_has_quote * 8 + lex) * 2 + q]);
    hashed(&mut acc, keys[10]);
    hashed(&mut acc, keys[11]);
    hashed(&mut acc, keys[12]);
    hashed(&mut acc, keys[13]);
    hashed(&mut acc, keys[14]);
    hashed(&mut acc, keys[15]);
    hashed(&mut acc, keys[16]);
    hashed(&mut acc, keys[17]);
    hashed(&mut acc, keys[18]);
    hashed(&mut acc, keys[19]);
    hashed(&mut acc, keys[20]);
    acc
}

/// Context of one cue for the role tagger: its token range and what the features read
/// from it (computed once per cue).
pub(crate) struct CueCtx {
    pub cue: Range<usize>,
    head: u64,
    first: u64,
    cls: u64,
    after_cue: u64,
    before_cue: u64,
    cue_in_q: u64,
}

impl CueCtx {
    pub(crate) fn new(d: &Prepared, cue: Range<usize>) -> CueCtx {
        let t = &d.toks;
        let n = t.len();
        let (c0, c1) = (cue.start, cue.end);
        CueCtx {
            head: t[c1 - 1].lower,
            first: t[c0].lower,
            cls: u64::from(t[c0..c1].iter().map(|a| a.lex).max().unwrap_or(0)),
            after_cue: if c1 < n { t[c1].lower } else { NA },
            before_cue: if c0 > 0 { t[c0 - 1].lower } else { NA },
            cue_in_q: u64::from(t[c0].in_quote),
            cue,
        }
    }

    pub(crate) fn head(&self) -> u64 {
        self.head
    }
    pub(crate) fn cls(&self) -> u64 {
        self.cls
    }
    pub(crate) fn cue_in_q(&self) -> u64 {
        self.cue_in_q
    }

    /// 0 before the cue, 1 inside, 2 after.
    #[inline]
    fn dir(&self, j: usize) -> u64 {
        if j < self.cue.start {
            0
        } else if j >= self.cue.end {
            2
        } else {
            1
        }
    }
}

pub(crate) fn bucket(n: usize) -> u64 {
    match n {
        0..=3 => n as u64,
        4..=5 => 4,
        6..=10 => 5,
        11..=20 => 6,
        _ => 7,
    }
}

/// Number of role features that depend only on the token and its direction from the cue
/// ([`role_local`]) and on the cue too ([`role_cued`]).
const ROLE_LOCAL: usize = 15;
const ROLE_CUED: usize = 19;

/// The role features of token `j` that depend only on the token and `dir` (so they can be
/// summed once per token and direction and shared by every cue whose window holds it).
#[inline]
fn role_local(d: &Prepared, j: usize, dir: u64) -> [u64; ROLE_LOCAL] {
    let t = &d.toks;
    let n = t.len();
    let a = &t[j];
    let to_end = bucket(d.sents[d.sent_of[j] as usize].end.saturating_sub(j + 1));
    let lw = |k: isize| {
        let k = j as isize + k;
        if k >= 0 && (k as usize) < n {
            t[k as usize].lower
        } else {
            NA
        }
    };
    let xp = |k: isize| {
        let k = j as isize + k;
        if k >= 0 && (k as usize) < n {
            u64::from(t[k as usize].xpos)
        } else {
            NA
        }
    };
    [
        f(40, &[dir]),
        f(42, &[dir, a.lower]),
        f(43, &[dir, u64::from(a.upos)]),
        f(44, &[dir, u64::from(a.xpos)]),
        f(45, &[dir, xp(-1), u64::from(a.xpos)]),
        f(46, &[dir, u64::from(a.xpos), xp(1)]),
        f(53, &[dir, lw(-1)]),
        f(54, &[dir, lw(1)]),
        // (The 0 is the retired other-cue flag, kept so the feature keys stay the same.)
        f(57, &[dir, u64::from(a.lex), 0]),
        f(58, &[dir, u64::from(a.cap), u64::from(a.upos)]),
        f(60, &[dir, a.shape]),
        f(66, &[dir, u64::from(a.in_quote), u64::from(a.xpos)]),
        f(71, &[dir, a.clus[0]]),
        // Where a content ends: the tags after a token (", he said", ", and"), its distance
        // to the sentence end. (Word bigrams here, templates 73/74/77, cost a third of the
        // role tagger's time for +0.1 F1; see NOTES.md.)
        f(75, &[dir, to_end, u64::from(a.xpos)]),
        f(76, &[dir, xp(1), xp(2)]),
    ]
}

/// The role features of token `j` that depend on the cue.
#[inline]
fn role_cued(d: &Prepared, c: &CueCtx, j: usize) -> [u64; ROLE_CUED] {
    let t = &d.toks;
    let a = &t[j];
    let (c0, c1) = (c.cue.start, c.cue.end);
    let (dir, dist, lo, hi) = if j < c0 {
        (0u64, c0 - j, j, c0)
    } else if j >= c1 {
        (2u64, j + 1 - c1, c1, j + 1)
    } else {
        (1u64, 0, j, j)
    };
    let qb = (d.qm_ps[hi] - d.qm_ps[lo]).min(3) as u64;
    let cb = (d.comma_ps[hi] - d.comma_ps[lo]).min(3) as u64;
    let (ps_j, ps_c) = (d.para_of_sent[d.sent_of[j] as usize], d.para_of_sent[d.sent_of[c0] as usize]);
    let po = (ps_j - ps_c.min(ps_j)).min(2) as u64;
    let b = bucket(dist);
    let so = (i64::from(d.sent_of[j]) - i64::from(d.sent_of[c0])).clamp(-2, 3) as u64;
    let s = &d.sents[d.sent_of[j] as usize];
    let sent_pos = u64::from(j == s.start) | (u64::from(j + 1 == s.end) << 1);
    let (head, cls) = (c.head, c.cls);
    [
        f(41, &[dir, b]),
        f(47, &[dir, u64::from(a.in_quote), qb, c.cue_in_q]),
        f(48, &[dir, 0, b.min(5)]),
        f(49, &[dir, so]),
        f(50, &[dir, cb, b.min(4)]),
        f(51, &[dir, head]),
        f(52, &[dir, head, b]),
        f(55, &[dir, u64::from(a.qmark), qb]),
        f(56, &[dir, sent_pos, so]),
        f(59, &[dir, b, u64::from(a.xpos)]),
        f(61, &[dir, c.after_cue, b.min(4)]),
        f(62, &[dir, c.before_cue, b.min(4)]),
        f(63, &[dir, cls, so]),
        f(64, &[dir, c.first, head]),
        f(65, &[dir, qb, cb, 0]),
        f(67, &[dir, cls, qb, u64::from(a.in_quote)]),
        f(68, &[dir, po, so]),
        f(69, &[dir, po, u64::from(a.in_quote), sent_pos]),
        f(72, &[dir, b.min(4), a.clus[0]]),
    ]
}

/// All role features of token `j` for cue `c` (training).
fn role_features(d: &Prepared, c: &CueCtx, j: usize, out: &mut Vec<u64>) {
    out.extend_from_slice(&role_local(d, j, c.dir(j)));
    out.extend_from_slice(&role_cued(d, c, j));
}

/// A role-weight row padded to 8 lanes (the last three always 0.0), so adding one is two
/// vector additions; each of the first five lanes is the same single addition as before.
type Row8 = [f32; 8];

/// `acc += r` lane by lane. Both rows are read whole before the store (as
/// `dossier_tag::weights::add_lanes` does), so the eight additions compile to one vector add
/// even where `acc` also takes scalar adds into single lanes (sparse rows in
/// [`local_row`], which otherwise got eight scalar adds per row); the same additions.
#[inline(always)]
fn add8(acc: &mut Row8, r: &Row8) {
    let (mut v, r) = (*acc, *r);
    for l in 0..8 {
        v[l] += r[l];
    }
    *acc = v;
}

/// The row of `key` as the row cache holds it: `0.0 + w` per label (0.0 where absent).
fn row8(w: &Weights, key: u64) -> Row8 {
    let mut r = [0f32; 8];
    w.add_row8(key, &mut r);
    r
}

/// Tag values a pair feature can see, compacted: the XPOS ids, then "no tag" ([`NONE`]),
/// then "no token" ([`NA`]).
const XP: usize = dossier_tag::tags::XPOS.len() + 2;

/// The compact index of a tag value as the features hash it (`None` for a value no model
/// input has; the caller then hashes as before).
#[inline(always)]
fn xi(v: u64) -> Option<usize> {
    const X: u64 = dossier_tag::tags::XPOS.len() as u64;
    if v < X {
        Some(v as usize)
    } else if v == u64::from(NONE) {
        Some(X as usize)
    } else if v == NA {
        Some(X as usize + 1)
    } else {
        None
    }
}

/// The tag value of compact index `i` (inverse of [`xi`]).
fn xv(i: usize) -> u64 {
    const X: usize = dossier_tag::tags::XPOS.len();
    match i {
        _ if i < X => i as u64,
        _ if i == X => u64::from(NONE),
        _ => NA,
    }
}

/// Rows of a feature over two tag values (and a prefix index `k`), `k·XP² + a·XP + b`.
fn tag_pairs(
    w: &Weights,
    n: usize,
    key: impl Fn(usize, u64, u64) -> u64,
    row: impl Fn(&Weights, u64) -> Row8,
) -> Vec<Row8> {
    (0..n * XP * XP).map(|i| row(w, key(i / (XP * XP), xv(i / XP % XP), xv(i % XP)))).collect()
}

/// The two directions a scored token can have from its cue (tokens inside it are pinned
/// to `O` and get no features): index 0 = before (`dir` 0), 1 = after (`dir` 2).
const DIRS: [u64; 2] = [0, 2];
/// Sentence offsets `so` (clamped to -2..=3) by index `so + 2`, as the keys hash them.
const SOS: [u64; 6] = [(-2i64) as u64, (-1i64) as u64, 0, 1, 2, 3];

/// The rows of [`role_cued`]'s features whose parts are all small numbers (direction,
/// distance bucket, counts, positions, tags), looked up once at load time and indexed by
/// those numbers at run time instead of hashed and probed per token and cue. Same rows,
/// added in the same order: the emission scores are bit for bit those of the hashed path.
pub(crate) struct RoleTables {
    /// 41 [dir, b]: d·8 + b.
    t41: Box<[Row8; 2 * 8]>,
    /// 47 [dir, in_quote, qb, cue_in_q]: ((d·2 + q)·4 + qb)·2 + cq.
    t47: Box<[Row8; 2 * 2 * 4 * 2]>,
    /// 48 [dir, 0, min(b, 5)]: d·6 + b5.
    t48: Box<[Row8; 2 * 6]>,
    /// 49 [dir, so]: d·6 + so + 2.
    t49: Box<[Row8; 2 * 6]>,
    /// 50 [dir, cb, min(b, 4)]: (d·4 + cb)·5 + b4.
    t50: Box<[Row8; 2 * 4 * 5]>,
    /// 55 [dir, qmark, qb]: (d·3 + qm)·4 + qb.
    t55: Box<[Row8; 2 * 3 * 4]>,
    /// 56 [dir, sent_pos, so]: (d·4 + sp)·6 + so + 2.
    t56: Box<[Row8; 2 * 4 * 6]>,
    /// 59 [dir, b, xpos]: (d·8 + b)·256 + xpos.
    t59: Box<[Row8; 2 * 8 * 256]>,
    /// 65 [dir, qb, cb, 0]: (d·4 + qb)·4 + cb.
    t65: Box<[Row8; 2 * 4 * 4]>,
    /// 68 [dir, po, so]: (d·3 + po)·6 + so + 2.
    t68: Box<[Row8; 2 * 3 * 6]>,
    /// 69 [dir, po, in_quote, sent_pos]: ((d·3 + po)·2 + q)·4 + sp.
    t69: Box<[Row8; 2 * 3 * 2 * 4]>,
    // [`role_local`]'s small-valued features.
    /// 40 [dir]: d.
    l40: [Row8; 2],
    /// 43 [dir, upos]: d·256 + upos.
    l43: Box<[Row8; 2 * 256]>,
    /// 44 [dir, xpos]: d·256 + xpos.
    l44: Box<[Row8; 2 * 256]>,
    /// 57 [dir, lex, 0]: d·8 + lex.
    l57: Box<[Row8; 2 * 8]>,
    /// 58 [dir, cap, upos]: (d·2 + cap)·256 + upos.
    l58: Box<[Row8; 2 * 2 * 256]>,
    /// 66 [dir, in_quote, xpos]: (d·2 + q)·256 + xpos.
    l66: Box<[Row8; 2 * 2 * 256]>,
    /// 75 [dir, to_end, xpos]: (d·8 + to_end)·256 + xpos.
    l75: Box<[Row8; 2 * 8 * 256]>,
    /// 45 [dir, xpos before, xpos], 46 [dir, xpos, xpos after], 76 [dir, xpos after, xpos
    /// two after] by [`tag_pairs`] (k = d).
    l45: Vec<Row8>,
    l46: Vec<Row8>,
    l76: Vec<Row8>,
    /// [`CueRows`]' 63 and 67 by the cue's class (0..8).
    r63: Box<[[Row8; 12]; 8]>,
    r67: Box<[[Row8; 16]; 8]>,
}

/// `N` rows, row `i` that of `key(i)` (fixed length, so in-range indices need no checks).
fn table<const N: usize>(w: &Weights, key: impl Fn(usize) -> u64) -> Box<[Row8; N]> {
    let v: Vec<Row8> = (0..N).map(|i| row8(w, key(i))).collect();
    v.into_boxed_slice().try_into().unwrap_or_else(|_| unreachable!("N rows"))
}

impl RoleTables {
    fn new(w: &Weights) -> RoleTables {
        let d = |i: usize| DIRS[i];
        RoleTables {
            t41: table(w, |i| f(41, &[d(i / 8), (i % 8) as u64])),
            t47: table(w, |i| f(47, &[d(i / 16), (i / 8 % 2) as u64, (i / 2 % 4) as u64, (i % 2) as u64])),
            t48: table(w, |i| f(48, &[d(i / 6), 0, (i % 6) as u64])),
            t49: table(w, |i| f(49, &[d(i / 6), SOS[i % 6]])),
            t50: table(w, |i| f(50, &[d(i / 20), (i / 5 % 4) as u64, (i % 5) as u64])),
            t55: table(w, |i| f(55, &[d(i / 12), (i / 4 % 3) as u64, (i % 4) as u64])),
            t56: table(w, |i| f(56, &[d(i / 24), (i / 6 % 4) as u64, SOS[i % 6]])),
            t59: table(w, |i| f(59, &[d(i / 2048), (i / 256 % 8) as u64, (i % 256) as u64])),
            t65: table(w, |i| f(65, &[d(i / 16), (i / 4 % 4) as u64, (i % 4) as u64, 0])),
            t68: table(w, |i| f(68, &[d(i / 18), (i / 6 % 3) as u64, SOS[i % 6]])),
            t69: table(w, |i| f(69, &[d(i / 24), (i / 8 % 3) as u64, (i / 4 % 2) as u64, (i % 4) as u64])),
            l40: [row8(w, f(40, &[0])), row8(w, f(40, &[2]))],
            l43: table(w, |i| f(43, &[d(i / 256), (i % 256) as u64])),
            l44: table(w, |i| f(44, &[d(i / 256), (i % 256) as u64])),
            l57: table(w, |i| f(57, &[d(i / 8), (i % 8) as u64, 0])),
            l58: table(w, |i| f(58, &[d(i / 512), (i / 256 % 2) as u64, (i % 256) as u64])),
            l66: table(w, |i| f(66, &[d(i / 512), (i / 256 % 2) as u64, (i % 256) as u64])),
            l75: table(w, |i| f(75, &[d(i / 2048), (i / 256 % 8) as u64, (i % 256) as u64])),
            l45: tag_pairs(w, 2, |k, a, b| f(45, &[d(k), a, b]), row8),
            l46: tag_pairs(w, 2, |k, a, b| f(46, &[d(k), a, b]), row8),
            l76: tag_pairs(w, 2, |k, a, b| f(76, &[d(k), a, b]), row8),
            r63: Box::new(std::array::from_fn(|cls| rows63(w, cls as u64))),
            r67: Box::new(std::array::from_fn(|cls| rows67(w, cls as u64))),
        }
    }
}

/// The rows of [`role_cued`]'s features that read the cue's words or class, for one cue
/// (looked up once per cue).
struct CueRows<'a> {
    tab: &'a RoleTables,
    w: &'a Weights,
    /// 51 [dir, head]: d.
    t51: [Row8; 2],
    /// 52 [dir, head, b]: d·8 + b.
    t52: [Row8; 16],
    /// 61 [dir, after_cue, b4]: d·5 + b4.
    t61: [Row8; 10],
    /// 62 [dir, before_cue, b4]: d·5 + b4.
    t62: [Row8; 10],
    /// 63 [dir, cls, so]: d·6 + so + 2.
    t63: [Row8; 12],
    /// 64 [dir, first, head]: d.
    t64: [Row8; 2],
    /// 67 [dir, cls, qb, in_quote]: (d·4 + qb)·2 + q.
    t67: [Row8; 16],
}

/// 63 [dir, cls, so] for one cue class: d·6 + so + 2.
fn rows63(w: &Weights, cls: u64) -> [Row8; 12] {
    std::array::from_fn(|i| row8(w, f(63, &[DIRS[i / 6], cls, SOS[i % 6]])))
}

/// 67 [dir, cls, qb, in_quote] for one cue class: (d·4 + qb)·2 + q.
fn rows67(w: &Weights, cls: u64) -> [Row8; 16] {
    std::array::from_fn(|i| row8(w, f(67, &[DIRS[i / 8], cls, (i / 2 % 4) as u64, (i % 2) as u64])))
}

impl<'a> CueRows<'a> {
    fn new(tab: &'a RoleTables, w: &'a Weights, c: &CueCtx) -> CueRows<'a> {
        fn arr<const N: usize>(w: &Weights, key: impl Fn(usize) -> u64) -> [Row8; N] {
            std::array::from_fn(|i| row8(w, key(i)))
        }
        let d = |i: usize| DIRS[i];
        let (head, cls) = (c.head, c.cls);
        CueRows {
            tab,
            w,
            t51: arr(w, |i| f(51, &[d(i), head])),
            t52: arr(w, |i| f(52, &[d(i / 8), head, (i % 8) as u64])),
            t61: arr(w, |i| f(61, &[d(i / 5), c.after_cue, (i % 5) as u64])),
            t62: arr(w, |i| f(62, &[d(i / 5), c.before_cue, (i % 5) as u64])),
            t63: if cls < 8 { tab.r63[cls as usize] } else { rows63(w, cls) },
            t64: arr(w, |i| f(64, &[d(i), c.first, head])),
            t67: if cls < 8 { tab.r67[cls as usize] } else { rows67(w, cls) },
        }
    }
}

/// The weight-table keys of [`local_row`]'s word features (templates 42, 53, 54, 71) for
/// token `j` in direction `di`, in the order it adds them; the role tagger prefetches their
/// slots a few tokens ahead.
#[inline]
fn local_keys(d: &Prepared, j: usize, di: usize) -> [u64; 4] {
    let t = &d.toks;
    let lw = |k: isize| {
        let k = j as isize + k;
        if k >= 0 && (k as usize) < t.len() {
            t[k as usize].lower
        } else {
            NA
        }
    };
    let dir = DIRS[di];
    // The word's own keys (42, 71) and its neighbours' (53, 54) hashed once per word
    // ([`WordAtoms::keys`]; the key of no word outside the document).
    let wk = &d.word_keys[j];
    debug_assert_eq!([wk[4 + di], wk[6 + di]], [f(42, &[dir, t[j].lower]), f(71, &[dir, t[j].clus[0]])]);
    let nk = |k: isize, slot: usize, tmpl: u32| {
        let n = j as isize + k;
        let key = if n >= 0 && (n as usize) < t.len() {
            d.word_keys[n as usize][slot + di]
        } else {
            f(tmpl, &[dir, NA])
        };
        debug_assert_eq!(key, f(tmpl, &[dir, lw(k)]));
        key
    };
    [wk[4 + di], nk(-1, 12, 53), nk(1, 14, 54), wk[6 + di]]
}

/// The sum of [`role_local`]'s rows for token `j` in direction index `di` (0 before the
/// cue, 1 after), in its order: small-valued features through the tables, tag pairs and
/// shapes through the row cache, words straight from the weight table (as before).
#[inline(always)]
fn local_row(
    tab: &RoleTables,
    memo: &mut Memo,
    w: &Weights,
    d: &Prepared,
    (j, di): (usize, usize),
    keys: [u64; 4],
) -> Row8 {
    let t = &d.toks;
    let n = t.len();
    let a = &t[j];
    let dir = DIRS[di];
    debug_assert_eq!(keys, local_keys(d, j, di));
    let to_end = bucket(d.sents[d.sent_of[j] as usize].end.saturating_sub(j + 1)) as usize;
    let xp = |k: isize| {
        let k = j as isize + k;
        if k >= 0 && (k as usize) < n {
            u64::from(t[k as usize].xpos)
        } else {
            NA
        }
    };
    let (upos, xpos) = (usize::from(a.upos), usize::from(a.xpos));
    let (q, cap) = (usize::from(a.in_quote), usize::from(a.cap));
    debug_assert!(a.lex < 8, "cue classes are 0..=4");
    let lex = usize::from(a.lex) & 7;
    let mut acc = [0f32; 8];
    add8(&mut acc, &tab.l40[di]);
    w.add_row8(keys[0], &mut acc);
    add8(&mut acc, &tab.l43[di * 256 + upos]);
    add8(&mut acc, &tab.l44[di * 256 + xpos]);
    // A [dir, tag, tag] feature: the table row, or hashed for a value outside it.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn pair(t: &[Row8], memo: &mut Memo, w: &Weights, tmpl: u32, di: usize, a: u64, b: u64, acc: &mut Row8) {
        match (xi(a), xi(b)) {
            (Some(x), Some(y)) => add8(acc, &t[(di * XP + x) * XP + y]),
            _ => memo.add(w, f(tmpl, &[DIRS[di], a, b]), acc),
        }
    }
    pair(&tab.l45, memo, w, 45, di, xp(-1), xpos as u64, &mut acc);
    pair(&tab.l46, memo, w, 46, di, xpos as u64, xp(1), &mut acc);
    w.add_row8(keys[1], &mut acc);
    w.add_row8(keys[2], &mut acc);
    add8(&mut acc, &tab.l57[di * 8 + lex]);
    add8(&mut acc, &tab.l58[(di * 2 + cap) * 256 + upos]);
    memo.add(w, f(60, &[dir, a.shape]), &mut acc);
    add8(&mut acc, &tab.l66[(di * 2 + q) * 256 + xpos]);
    w.add_row8(keys[3], &mut acc);
    add8(&mut acc, &tab.l75[(di * 8 + to_end) * 256 + xpos]);
    pair(&tab.l76, memo, w, 76, di, xp(1), xp(2), &mut acc);
    acc
}

/// [`role_cued`]'s rows for token `j` (not inside the cue) added to `acc` in its order,
/// through the tables (feature 72, which reads the token's cluster: `far72`, its row for
/// distance buckets of 4 and more, else through the row cache).
/// What [`add_role_cued`] reads from the cue, once per cue.
struct CueSide {
    /// The cue's sentence and its paragraph.
    sent: usize,
    para: u32,
    cue_in_q: usize,
    /// Quote-mark and comma prefix counts at the cue's start and end.
    qm: (u32, u32),
    cm: (u32, u32),
}

impl CueSide {
    fn new(d: &Prepared, c: &CueCtx) -> CueSide {
        let (c0, c1) = (c.cue.start, c.cue.end);
        let sent = d.sent_of[c0] as usize;
        CueSide {
            sent,
            para: d.para_of_sent[sent],
            cue_in_q: (c.cue_in_q & 1) as usize,
            qm: (d.qm_ps[c0], d.qm_ps[c1]),
            cm: (d.comma_ps[c0], d.comma_ps[c1]),
        }
    }
}

/// [`bucket`] for distances up to 20 (7 beyond).
const BUCKETS: [u8; 21] = [0, 1, 2, 3, 4, 4, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6];

/// [`role_cued`]'s rows for token `j` at distance `dist` from the cue, before it (`DI` 0)
/// or after it (`DI` 1), added to `acc` in its order, through the tables (feature 72, which
/// reads the token's cluster: `far72`, its row for distance buckets of 4 and more, else
/// through the row cache).
#[inline(always)]
fn add_role_cued<const DI: usize>(
    cr: &CueRows<'_>,
    memo: &mut Memo,
    d: &Prepared,
    cs: &CueSide,
    (j, dist): (usize, usize),
    far72: &Row8,
    acc: &mut Row8,
) {
    let (tab, w) = (cr.tab, cr.w);
    let di = DI;
    let a = &d.toks[j];
    // Marks between the token and the cue: over j..c0 before it, c1..j + 1 after it.
    let (qb, cb) = if DI == 0 {
        (cs.qm.0 - d.qm_ps[j], cs.cm.0 - d.comma_ps[j])
    } else {
        (d.qm_ps[j + 1] - cs.qm.1, d.comma_ps[j + 1] - cs.cm.1)
    };
    let (qb, cb) = (qb.min(3) as usize, cb.min(3) as usize);
    let sj = d.sent_of[j] as usize;
    let ps_j = d.para_of_sent[sj];
    let po = (ps_j - cs.para.min(ps_j)).min(2) as usize;
    let b = BUCKETS.get(dist).map_or(7, |&b| usize::from(b));
    let (b4, b5) = (b.min(4), b.min(5));
    let so = ((sj as i64 - cs.sent as i64).clamp(-2, 3) + 2) as usize;
    let s = &d.sents[sj];
    let sp = usize::from(j == s.start) | (usize::from(j + 1 == s.end) << 1);
    let q = usize::from(a.in_quote);
    let cq = cs.cue_in_q;
    let qm = usize::from(a.qmark).min(2);
    add8(acc, &tab.t41[di * 8 + b]);
    add8(acc, &tab.t47[((di * 2 + q) * 4 + qb) * 2 + cq]);
    add8(acc, &tab.t48[di * 6 + b5]);
    add8(acc, &tab.t49[di * 6 + so]);
    add8(acc, &tab.t50[(di * 4 + cb) * 5 + b4]);
    add8(acc, &cr.t51[di]);
    add8(acc, &cr.t52[di * 8 + b]);
    add8(acc, &tab.t55[(di * 3 + qm) * 4 + qb]);
    add8(acc, &tab.t56[(di * 4 + sp) * 6 + so]);
    add8(acc, &tab.t59[(di * 8 + b) * 256 + usize::from(a.xpos)]);
    add8(acc, &cr.t61[di * 5 + b4]);
    add8(acc, &cr.t62[di * 5 + b4]);
    add8(acc, &cr.t63[di * 6 + so]);
    add8(acc, &cr.t64[di]);
    add8(acc, &tab.t65[(di * 4 + qb) * 4 + cb]);
    add8(acc, &cr.t67[(di * 4 + qb) * 2 + q]);
    add8(acc, &tab.t68[(di * 3 + po) * 6 + so]);
    add8(acc, &tab.t69[((di * 3 + po) * 2 + q) * 4 + sp]);
    if b4 == 4 {
        add8(acc, far72);
    } else {
        memo.add(w, f(72, &[DIRS[di], b4 as u64, a.clus[0]]), acc);
    }
}

/// The window of tokens the role tagger looks at for a cue.
pub(crate) fn window(d: &Prepared, cue: &Range<usize>) -> Range<usize> {
    let s = d.sent_of[cue.start] as usize;
    let p = d.para_of_sent[s];
    let mut lo = s;
    if lo > 0 && d.para_of_sent[lo - 1] == p {
        lo -= 1;
    }
    let mut hi = s;
    while hi + 1 < d.sents.len() && hi < s + 3 && d.para_of_sent[hi + 1] <= p + 1 {
        hi += 1;
    }
    d.sents[lo].start..d.sents[hi].end
}

// ---------------------------------------------------------------- decoding

/// Label sets: cue tagger O/B/I; role tagger O, B-S, I-S, B-C, I-C.
pub(crate) const CUE_LABELS: usize = 3;
pub(crate) const ROLE_LABELS: usize = 5;

pub(crate) fn allowed(nl: usize, prev: usize, cur: usize) -> bool {
    if nl == CUE_LABELS {
        cur != 2 || prev == 1 || prev == 2
    } else {
        match cur {
            2 => prev == 1 || prev == 2,
            4 => prev == 3 || prev == 4,
            _ => true,
        }
    }
}

/// Viterbi over emission scores `em` (n × nl) and transitions `tr` ((nl + 1) × nl, last row
/// = start). `forced_o[i]` pins position i to label 0.
fn viterbi(nl: usize, em: &[f32], tr: &[f32], forced_o: &[bool]) -> Vec<u8> {
    match nl {
        CUE_LABELS => viterbi_cue(em, tr, forced_o),
        ROLE_LABELS => viterbi_role(em, tr, forced_o),
        _ => viterbi_any(nl, em, tr, forced_o),
    }
}

/// [`viterbi`] for a label count known at compile time (the loops unroll and the
/// [`allowed`] tests fold away); the same additions and comparisons in the same order.
fn viterbi_n<const NL: usize>(em: &[f32], tr: &[f32], forced_o: &[bool]) -> Vec<u8> {
    let n = em.len() / NL;
    if n == 0 {
        return Vec::new();
    }
    let Some(start) = tr.get(NL * NL..(NL + 1) * NL) else { return viterbi_any(NL, em, tr, forced_o) };
    let mut trm = [[0f32; NL]; NL];
    for (p, row) in trm.iter_mut().enumerate() {
        row.copy_from_slice(&tr[p * NL..(p + 1) * NL]);
    }
    let rows: Vec<&[f32; NL]> = em.chunks_exact(NL).map(|c| c.try_into().expect("chunk of NL")).collect();
    let mut ok = [[false; NL]; NL];
    for (p, row) in ok.iter_mut().enumerate() {
        for (y, o) in row.iter_mut().enumerate() {
            *o = allowed(NL, p, y);
        }
    }
    let mut score = vec![[f32::NEG_INFINITY; NL]; n];
    let mut back = vec![[0u8; NL]; n];
    for y in 0..NL {
        if (forced_o[0] && y != 0) || !allowed(NL, NL, y) {
            continue;
        }
        score[0][y] = rows[0][y] + start[y];
    }
    for i in 1..n {
        let prev = score[i - 1];
        let forced = forced_o[i];
        let mut cur = [f32::NEG_INFINITY; NL];
        let mut arg = [0u8; NL];
        for y in 0..NL {
            if forced && y != 0 {
                continue;
            }
            let mut best = f32::NEG_INFINITY;
            let mut a = 0;
            for p in 0..NL {
                let s = prev[p];
                if !ok[p][y] || s == f32::NEG_INFINITY {
                    continue;
                }
                let v = s + trm[p][y];
                if v > best {
                    best = v;
                    a = p;
                }
            }
            if best > f32::NEG_INFINITY {
                cur[y] = best + rows[i][y];
                arg[y] = a as u8;
            }
        }
        score[i] = cur;
        back[i] = arg;
    }
    let last = &score[n - 1];
    let mut y = (0..NL).max_by(|&a, &b| last[a].total_cmp(&last[b])).unwrap_or(0);
    let mut out = vec![0u8; n];
    for i in (0..n).rev() {
        out[i] = y as u8;
        y = back[i][y] as usize;
    }
    out
}

/// The best predecessor of label `y` among `ps` (in order; the first of equals), or -inf: the
/// step of the specialised Viterbis.
#[inline(always)]
pub(crate) fn best_of<const NL: usize, const K: usize>(
    prev: &[f32; NL],
    trm: &[[f32; NL]; NL],
    y: usize,
    ps: [usize; K],
) -> (f32, u8) {
    let mut best = f32::NEG_INFINITY;
    let mut a = 0u8;
    for p in ps {
        let v = prev[p] + trm[p][y];
        if v > best {
            best = v;
            a = p as u8;
        }
    }
    (best, a)
}

/// [`viterbi_n`] with the constraint spelled out by the caller: a path may start only on
/// `starts`, and `step` gives each label's best allowed predecessor (by [`best_of`]). Falls
/// back to [`viterbi_n`] on an empty input, a short or non-finite transition table.
#[inline(always)]
fn viterbi_spelled<const NL: usize>(
    em: &[f32],
    tr: &[f32],
    forced_o: &[bool],
    starts: &[usize],
    step: impl Fn(&[f32; NL], &[[f32; NL]; NL]) -> [(f32, u8); NL],
) -> Vec<u8> {
    const NEG: f32 = f32::NEG_INFINITY;
    let n = (em.len() / NL).min(forced_o.len());
    if n == 0 || tr.len() < (NL + 1) * NL || !tr.iter().all(|t| t.is_finite()) {
        return viterbi_n::<NL>(em, tr, forced_o);
    }
    let t = |p: usize, y: usize| tr[p * NL + y];
    let trm: [[f32; NL]; NL] = std::array::from_fn(|p| std::array::from_fn(|y| t(p, y)));
    let start: [f32; NL] = std::array::from_fn(|y| t(NL, y));
    let mut back = vec![[0u8; NL]; n];
    let mut prev = [NEG; NL];
    for &y in starts {
        if !forced_o[0] || y == 0 {
            prev[y] = em[y] + start[y];
        }
    }
    for i in 1..n {
        let e: &[f32; NL] = em[i * NL..(i + 1) * NL].try_into().expect("NL scores");
        let mut cur = [NEG; NL];
        let mut arg = [0u8; NL];
        let cands = step(&prev, &trm);
        let labels = if forced_o[i] { 1 } else { NL };
        for y in 0..labels {
            let (best, a) = cands[y];
            if best > NEG {
                cur[y] = best + e[y];
                arg[y] = a;
            }
        }
        prev = cur;
        back[i] = arg;
    }
    let mut y = (0..NL).max_by(|&a, &b| prev[a].total_cmp(&prev[b])).unwrap_or(0);
    let mut out = vec![0u8; n];
    for i in (0..n).rev() {
        out[i] = y as u8;
        y = back[i][y] as usize;
    }
    out
}

/// [`viterbi_n`] for the cue tagger's three labels with [`allowed`] spelled out: `I` (2)
/// only after `B`/`I`, not at the start. Same candidates, order and comparisons (see
/// [`viterbi_role`]).
fn viterbi_cue(em: &[f32], tr: &[f32], forced_o: &[bool]) -> Vec<u8> {
    viterbi_spelled::<CUE_LABELS>(em, tr, forced_o, &[0, 1], |p, t| {
        [best_of(p, t, 0, [0, 1, 2]), best_of(p, t, 1, [0, 1, 2]), best_of(p, t, 2, [1, 2])]
    })
}

/// [`viterbi_n`] for the role tagger's five labels with [`allowed`] spelled out: `I-S` (2)
/// only after `B-S`/`I-S`, `I-C` (4) only after `B-C`/`I-C`, neither at the start. The
/// candidates of each label are tried in the same order with the same comparisons, so the
/// path is the same; a `-inf` predecessor is not skipped but cannot win (`-inf` plus a
/// finite transition is `-inf`, never `>` the running best), as in `viterbi_n`, where it
/// is skipped.
fn viterbi_role(em: &[f32], tr: &[f32], forced_o: &[bool]) -> Vec<u8> {
    viterbi_spelled::<ROLE_LABELS>(em, tr, forced_o, &[0, 1, 3], |p, t| {
        [
            best_of(p, t, 0, [0, 1, 2, 3, 4]),
            best_of(p, t, 1, [0, 1, 2, 3, 4]),
            best_of(p, t, 2, [1, 2]),
            best_of(p, t, 3, [0, 1, 2, 3, 4]),
            best_of(p, t, 4, [3, 4]),
        ]
    })
}

/// [`viterbi`] for any label count.
fn viterbi_any(nl: usize, em: &[f32], tr: &[f32], forced_o: &[bool]) -> Vec<u8> {
    let n = em.len() / nl;
    if n == 0 {
        return Vec::new();
    }
    let mut score = vec![f32::NEG_INFINITY; n * nl];
    let mut back = vec![0u8; n * nl];
    for y in 0..nl {
        if (forced_o[0] && y != 0) || !allowed(nl, nl, y) {
            continue;
        }
        score[y] = em[y] + tr[nl * nl + y];
    }
    for i in 1..n {
        for y in 0..nl {
            if forced_o[i] && y != 0 {
                continue;
            }
            let (best, arg) = best_into(nl, &score[(i - 1) * nl..i * nl], tr, y);
            if best > f32::NEG_INFINITY {
                score[i * nl + y] = best + em[i * nl + y];
                back[i * nl + y] = arg as u8;
            }
        }
    }
    backtrace(nl, &score, &back, n).1
}

/// The best way into label `y` from the scores `prev` of the position before (`nl` labels,
/// `tr` the transitions): the score and the predecessor, the first of equal ones;
/// NEG_INFINITY when no allowed predecessor is reachable.
#[inline]
pub(crate) fn best_into(nl: usize, prev: &[f32], tr: &[f32], y: usize) -> (f32, usize) {
    let mut best = f32::NEG_INFINITY;
    let mut arg = 0;
    for (p, &s) in prev.iter().enumerate().take(nl) {
        if s == f32::NEG_INFINITY || !allowed(nl, p, y) {
            continue;
        }
        let v = s + tr[p * nl + y];
        if v > best {
            best = v;
            arg = p;
        }
    }
    (best, arg)
}

/// The best path's score and labels from filled Viterbi tables (`n` positions × `nl`): the
/// last position's best label (the last of equal ones), then the back-pointers.
pub(crate) fn backtrace(nl: usize, score: &[f32], back: &[u8], n: usize) -> (f32, Vec<u8>) {
    if n == 0 {
        return (0.0, Vec::new());
    }
    let last = &score[(n - 1) * nl..n * nl];
    let mut y = (0..nl).max_by(|&a, &b| last[a].total_cmp(&last[b])).unwrap_or(0);
    let total = last[y];
    let mut out = vec![0u8; n];
    for i in (0..n).rev() {
        out[i] = y as u8;
        y = back[i * nl + y] as usize;
    }
    (total, out)
}

/// A runtime tagger: weights and dense transitions.
pub(crate) struct Tagger {
    w: Weights,
    tr: Vec<f32>,
}

/// A small direct-mapped cache of weight rows (feature key → dense scores), so features
/// that recur within a document (bias, POS pairs, distance buckets, the cue's words) are
/// looked up in the large weight table once. Adding a cached row gives the same sums as
/// adding the table's sparse row (absent labels add 0.0).
pub(crate) struct Memo {
    keys: Vec<u64>,
    rows: Vec<Row8>,
}

const MEMO_BITS: u32 = 12;

impl Memo {
    pub(crate) fn new() -> Memo {
        Memo { keys: vec![0; 1 << MEMO_BITS], rows: vec![[0.0; 8]; 1 << MEMO_BITS] }
    }

    /// Add the row of `key` to `acc` (a padded score row: weight tables of 3 and 5 labels
    /// have 8-lane dense rows, zero past the labels).
    #[inline(always)]
    fn add(&mut self, w: &Weights, key: u64, acc: &mut Row8) {
        let i = ((key >> 17) as usize) & ((1 << MEMO_BITS) - 1);
        let (Some(k), Some(r)) = (self.keys.get_mut(i), self.rows.get_mut(i)) else { return };
        if *k != key {
            *r = [0.0; 8];
            w.add_row8(key, r);
            *k = key;
        }
        add8(acc, r);
    }
}

impl Tagger {
    fn new(nl: usize, w: Weights) -> Tagger {
        let mut tr = vec![0f32; (nl + 1) * nl];
        for p in 0..=nl {
            w.add(trans_key(p), &mut tr[p * nl..(p + 1) * nl]);
        }
        Tagger { w, tr }
    }
}

/// Per-document scratch of the runtime taggers: the row caches and, per token and
/// direction from the cue (before / after), the summed scores of the role features that
/// do not depend on the cue.
pub(crate) struct Scratch {
    cue_memo: Memo,
    /// The cue tagger's weight-table keys for each token of the sentence being tagged.
    cue_keys: Vec<CueKeys>,
    role_memo: Memo,
    local: Vec<Row8>,
    /// Per slot of `local`: the row of feature 72 (direction, distance bucket 4+, cluster).
    far72: Vec<Row8>,
    /// Bit 0: `local[2 j]` (before) computed; bit 1: `local[2 j + 1]` (after).
    local_done: Vec<u8>,
    em: Vec<f32>,
    forced: Vec<bool>,
    /// The cue tagger's emission rows of the whole document (n × 3; for cue recall).
    cue_em: Vec<f32>,
}

static NEXT_MODEL_ID: AtomicU64 = AtomicU64::new(1);

thread_local! {
    /// The last document's scratch and the id of the model it was used with: its row caches
    /// stay valid for that model (and save zeroing them per document).
    static SCRATCH: RefCell<Option<(u64, Scratch)>> = const { RefCell::new(None) };
}

impl Scratch {
    /// Ready for a document of `n` tokens: no per-token sums computed yet. (Stale sums
    /// past `local_done` are never read.)
    fn reset(&mut self, n: usize) {
        self.local_done.clear();
        self.local_done.resize(n, 0);
        self.local.resize(2 * n, [0.0; 8]);
        self.far72.resize(2 * n, [0.0; 8]);
    }

    pub(crate) fn new(n: usize) -> Scratch {
        Scratch {
            cue_memo: Memo::new(),
            cue_keys: Vec::new(),
            role_memo: Memo::new(),
            local: vec![[0.0; 8]; 2 * n],
            far72: vec![[0.0; 8]; 2 * n],
            local_done: vec![0; n],
            em: Vec::new(),
            forced: Vec::new(),
            cue_em: Vec::new(),
        }
    }
}

/// The attribution model: cue tagger and role tagger.
pub struct AttrModel {
    cue: Tagger,
    role: Tagger,
    /// The cue tagger's small-valued rows, indexed (built from `cue`).
    cue_tab: CueTables,
    /// The role tagger's small-valued rows, indexed (built from `role`).
    role_tab: RoleTables,
    /// Distinguishes models for the per-thread [`Scratch`] (its row caches hold this
    /// model's rows).
    id: u64,
    cue_bias: f32,
    /// The content-end chooser (absent in older model files).
    ends: Option<EndChooser>,
    /// The second-stage cue classifier (absent in older model files).
    recall: Option<Recall>,
    /// The cue-extension decision (absent in older model files).
    extend: Option<Extender>,
    /// Serialized form (what [`AttrModel::to_bytes`] returns).
    bytes: Vec<u8>,
}

impl std::fmt::Debug for AttrModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AttrModel")
            .field("cue_features", &self.cue.w.num_features())
            .field("role_features", &self.role.w.num_features())
            .field("bytes", &self.bytes.len())
            .finish()
    }
}

static EMBEDDED: &[u8] = include_bytes!("../../../models/attribution.bin");
pub(crate) static GLOBAL: LazyLock<Result<AttrModel, ModelError>> =
    LazyLock::new(|| AttrModel::from_bytes(EMBEDDED));

/// A cue found by the model: token range and the roles its tagger found.
#[derive(Clone, Debug)]
pub(crate) struct RawHit {
    pub cue: Range<usize>,
    pub source: Vec<Range<usize>>,
    pub content: Vec<Range<usize>>,
}

fn runs(labels: &[u8], b: u8, i: u8, offset: usize) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (k, &l) in labels.iter().enumerate() {
        if l == b {
            out.push(offset + k..offset + k + 1);
        } else if l == i {
            if let Some(last) = out.last_mut() {
                if last.end == offset + k {
                    last.end += 1;
                    continue;
                }
            }
            out.push(offset + k..offset + k + 1);
        }
    }
    out
}

impl AttrModel {
    /// The model shipped with the library, loaded once.
    pub fn global() -> Result<&'static AttrModel, ModelError> {
        GLOBAL.as_ref().map_err(Clone::clone)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<AttrModel, ModelError> {
        let (payload, version) = unwrap_any(bytes)?;
        let v1 = version == VERSION_1;
        let mut r = Reader::new(payload);
        let cue = Weights::read(CUE_LABELS, &mut r)?;
        let role = Weights::read(ROLE_LABELS, &mut r)?;
        // The content-end chooser (its margin, weights, margin for longer ends); optional
        // at the end in version 1, after a presence byte in version 2.
        let has_ends = if v1 { !r.rest().is_empty() } else { r.u8()? != 0 };
        let ends = if !has_ends {
            None
        } else {
            let margin = r.f32()?;
            if !margin.is_finite() {
                return Err(ModelError::Corrupt("content-end margin is not finite".into()));
            }
            let w = Weights::read(1, &mut r)?;
            // Optional in version 1: a separate margin for longer ends (else the same).
            let extend = if v1 && r.rest().is_empty() { margin } else { r.f32()? };
            if !extend.is_finite() {
                return Err(ModelError::Corrupt("content-end margin is not finite".into()));
            }
            Some(EndChooser::new(w, margin, extend))
        };
        let recall = if !v1 && r.u8()? != 0 { Some(Recall::read(&mut r)?) } else { None };
        let extend = if version >= VERSION && r.u8()? != 0 { Some(Extender::read(&mut r)?) } else { None };
        // Version 3: the cue tagger's bias.
        let cue_bias = if version >= VERSION { r.f32()? } else { DEFAULT_CUE_BIAS };
        if !cue_bias.is_finite() {
            return Err(ModelError::Corrupt("cue bias is not finite".into()));
        }
        r.done()?;
        Ok(AttrModel {
            cue_tab: CueTables::new(&cue),
            cue: Tagger::new(CUE_LABELS, cue),
            role_tab: RoleTables::new(&role),
            id: NEXT_MODEL_ID.fetch_add(1, Ordering::Relaxed),
            role: Tagger::new(ROLE_LABELS, role),
            cue_bias,
            ends,
            recall,
            extend,
            bytes: bytes.to_vec(),
        })
    }

    pub fn load(path: &Path) -> Result<AttrModel, ModelError> {
        let b = std::fs::read(path)
            .map_err(|e| ModelError::Io { path: path.display().to_string(), message: e.to_string() })?;
        Self::from_bytes(&b)
    }

    /// Tuning: the cue-recall thresholds (accept a candidate above `accept`, drop a
    /// first-stage cue below `drop`); no effect without a recall section.
    #[doc(hidden)]
    pub fn set_recall_thresholds(&mut self, accept: f32, drop: f32) {
        if let Some(r) = &mut self.recall {
            r.threshold = accept;
            r.drop = drop;
        }
    }

    /// Shift the cue tagger towards more (positive) or fewer (negative) cues.
    pub fn set_cue_bias(&mut self, bias: f32) {
        self.cue_bias = bias;
    }

    pub fn to_bytes(&self) -> &[u8] {
        &self.bytes
    }

    pub fn write(&self, path: &Path) -> Result<(), AttrError> {
        std::fs::write(path, &self.bytes)
            .map_err(|source| AttrError::Io { path: path.display().to_string(), source })
    }

    /// Run `f` with this thread's scratch, reset for a document of `n` tokens (its row
    /// caches kept when it was last used with this model).
    fn with_scratch<R>(&self, n: usize, f: impl FnOnce(&mut Scratch) -> R) -> R {
        let kept = SCRATCH.with(|c| c.borrow_mut().take());
        let mut sc = match kept {
            Some((id, sc)) if id == self.id => sc,
            _ => Scratch::new(0),
        };
        sc.reset(n);
        let out = f(&mut sc);
        SCRATCH.with(|c| *c.borrow_mut() = Some((self.id, sc)));
        out
    }

    /// Cues (first stage, then the cue-recall stage when the model has one) and their roles,
    /// in text order.
    pub(crate) fn hits(&self, d: &Prepared) -> Vec<RawHit> {
        self.with_scratch(d.toks.len(), |sc| {
            let cues = self.tag_cues(d, sc);
            let mut hits = self.roles_with(d, &cues, sc);
            if let Some(rc) = &self.recall {
                let first = hits.clone();
                let mut kept = recall::Bases::new(d);
                if rc.drop > f32::MIN {
                    let items = recall::firsts(d, rc.prior(), &sc.cue_em, &self.cue.tr, &first, &mut kept);
                    let scores = rc.score(d, &first, &items);
                    // A cue inside another's content stays: the rules nest it (PolNeAR never
                    // nests, so the classifier learnt to drop them, but they are real inner
                    // attributions: "the documents indicated …" in a report's content).
                    let nested = |c: &recall::Cand| {
                        first
                            .iter()
                            .any(|h| h.cue != c.span && h.content.iter().any(|r| r.contains(&c.span.start)))
                    };
                    let gone: Vec<Range<usize>> = items
                        .iter()
                        .zip(&scores)
                        .filter(|(c, s)| **s < rc.drop && !nested(c))
                        .map(|(c, _)| c.span.clone())
                        .collect();
                    hits.retain(|h| !gone.contains(&h.cue));
                }
                let mut cands = recall::candidates(d, rc.prior(), &sc.cue_em, &self.cue.tr, &cues, &mut kept);
                let cand_hits = self.candidate_roles(d, &mut cands, sc);
                if !cands.is_empty() {
                    let extra = rc.accept(d, &first, &cands);
                    if !extra.is_empty() {
                        for k in extra {
                            match cand_hits.iter().find(|(j, _)| *j == k) {
                                Some((_, h)) => hits.push(h.clone()),
                                None => {
                                    let h = self.roles_with(d, std::slice::from_ref(&cands[k].span), sc);
                                    hits.extend(h);
                                }
                            }
                        }
                        hits.sort_by_key(|h| h.cue.start);
                    }
                }
            }
            if let Some(x) = &self.extend {
                x.apply(d, &mut hits);
            }
            hits
        })
    }

    /// The role tagger on the candidates that want it (their index and hit); records the
    /// result in each.
    fn candidate_roles(
        &self,
        d: &Prepared,
        cands: &mut [recall::Cand],
        sc: &mut Scratch,
    ) -> Vec<(usize, RawHit)> {
        let idx: Vec<usize> = (0..cands.len()).filter(|&k| cands[k].wants_roles()).collect();
        let spans: Vec<Range<usize>> = idx.iter().map(|&k| cands[k].span.clone()).collect();
        let hits = self.roles_with(d, &spans, sc);
        for (&k, h) in idx.iter().zip(&hits) {
            cands[k].set_roles(h);
        }
        idx.into_iter().zip(hits).collect()
    }

    /// First-stage cues, their roles, and the cue-recall candidates with their scores
    /// (training and tuning).
    fn recall_inputs(
        &self,
        d: &Prepared,
        prior: &recall::Prior,
    ) -> (Vec<Range<usize>>, Vec<RawHit>, Vec<recall::Cand>) {
        self.with_scratch(d.toks.len(), |sc| {
            let cues = self.tag_cues(d, sc);
            let hits = self.roles_with(d, &cues, sc);
            let mut kept = recall::Bases::new(d);
            let mut cands = recall::candidates(d, prior, &sc.cue_em, &self.cue.tr, &cues, &mut kept);
            self.candidate_roles(d, &mut cands, sc);
            cands.extend(recall::firsts(d, prior, &sc.cue_em, &self.cue.tr, &hits, &mut kept));
            (cues, hits, cands)
        })
    }

    /// The cue tagger on every sentence (as [`tag_cues`], through [`cue_row`]); the
    /// emission rows are kept in `sc.cue_em`. Compiled twice (see [`dossier_tag::simd::avx2`]).
    fn tag_cues(&self, d: &Prepared, sc: &mut Scratch) -> Vec<Range<usize>> {
        avx2!(self.tag_cues_avx2 => tag_cues_impl(d, sc))
    }

    /// [`AttrModel::tag_cues`] compiled with AVX2 (the same operations, wider registers).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn tag_cues_avx2(&self, d: &Prepared, sc: &mut Scratch) -> Vec<Range<usize>> {
        self.tag_cues_impl(d, sc)
    }

    #[inline(always)]
    fn tag_cues_impl(&self, d: &Prepared, sc: &mut Scratch) -> Vec<Range<usize>> {
        const NL: usize = CUE_LABELS;
        let mut out = Vec::new();
        sc.cue_em.clear();
        sc.cue_em.resize(d.toks.len() * NL, 0.0);
        for s in &d.sents {
            sc.em.clear();
            sc.em.resize(s.len() * NL, 0.0);
            // Every token's keys first, their slots prefetched two tokens ahead of the sums.
            sc.cue_keys.clear();
            sc.cue_keys.extend(s.clone().map(|i| cue_keys(d, s, i)));
            let w = &self.cue.w;
            for keys in sc.cue_keys.iter().take(2) {
                keys.iter().for_each(|&k| w.prefetch(k));
            }
            for (k, i) in s.clone().enumerate() {
                if let Some(ahead) = sc.cue_keys.get(k + 2) {
                    ahead.iter().for_each(|&k| w.prefetch(k));
                }
                let keys = &sc.cue_keys[k];
                let r = cue_row(&self.cue_tab, &mut sc.cue_memo, w, d, s, i, keys, self.cue_bias);
                sc.em[k * NL..(k + 1) * NL].copy_from_slice(&r[..NL]);
            }
            sc.forced.clear();
            sc.forced.resize(s.len(), false);
            let labels = viterbi(NL, &sc.em, &self.cue.tr, &sc.forced);
            if let Some(dst) = sc.cue_em.get_mut(s.start * NL..s.end * NL) {
                dst.copy_from_slice(&sc.em);
            }
            out.extend(runs(&labels, 1, 2, s.start));
        }
        out
    }

    /// Roles for each cue.
    pub(crate) fn roles(&self, d: &Prepared, cues: &[Range<usize>]) -> Vec<RawHit> {
        self.with_scratch(d.toks.len(), |sc| self.roles_with(d, cues, sc))
    }

    fn roles_with(&self, d: &Prepared, cues: &[Range<usize>], sc: &mut Scratch) -> Vec<RawHit> {
        let mut out = Vec::with_capacity(cues.len());
        let mut later: Vec<usize> = Vec::new();
        for (i, c) in cues.iter().enumerate() {
            let w = window(d, c);
            let ctx = CueCtx::new(d, c.clone());
            let labels = self.role_labels(d, &ctx, w.clone(), sc);
            let source = runs(&labels, 1, 2, w.start);
            let mut content = runs(&labels, 3, 4, w.start);
            if let Some(ch) = &self.ends {
                // The cues after this one (cues come in text order).
                later.clear();
                later.extend(cues[i + 1..].iter().map(|q| q.start));
                ch.adjust(d, &ctx, w.end, &later, &mut content);
            }
            out.push(RawHit { cue: c.clone(), source, content });
        }
        out
    }

    /// Role labels over the window `w` of cue `c`: emission rows from the per-token cached
    /// cue-independent sums plus the cue-dependent features (through [`RoleTables`], the
    /// cue's [`CueRows`] and the row cache); the cue's own tokens are pinned to `O` and get
    /// no features. Compiled twice (see [`dossier_tag::simd::avx2`]).
    fn role_labels(&self, d: &Prepared, c: &CueCtx, w: Range<usize>, sc: &mut Scratch) -> Vec<u8> {
        avx2!(self.role_labels_avx2 => role_labels_impl(d, c, w, sc))
    }

    /// [`AttrModel::role_labels`] compiled with AVX2 (the same operations, wider registers).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn role_labels_avx2(
        &self,
        d: &Prepared,
        c: &CueCtx,
        w: Range<usize>,
        sc: &mut Scratch,
    ) -> Vec<u8> {
        self.role_labels_impl(d, c, w, sc)
    }

    #[inline(always)]
    fn role_labels_impl(&self, d: &Prepared, c: &CueCtx, w: Range<usize>, sc: &mut Scratch) -> Vec<u8> {
        const NL: usize = ROLE_LABELS;
        let wt = &self.role.w;
        let cr = CueRows::new(&self.role_tab, wt, c);
        let cs = CueSide::new(d, c);
        sc.em.clear();
        sc.em.resize(w.len() * NL, 0.0);
        sc.forced.clear();
        sc.forced.extend(w.clone().map(|j| c.cue.contains(&j)));
        // The slots of the local rows' word features, prefetched this many tokens ahead; the
        // keys are kept (by token, in a ring of AHEAD + 1) for the row when its turn comes.
        let mut ahead = [(usize::MAX, [0u64; 4]); AHEAD + 1];
        let prefetch = |sc: &Scratch, ahead: &mut Ahead, j: usize| {
            if j < w.end && !c.cue.contains(&j) {
                let di = usize::from(c.dir(j) == 2);
                if sc.local_done[j] & (1 << di) == 0 {
                    let keys = local_keys(d, j, di);
                    keys.iter().for_each(|&k| wt.prefetch(k));
                    ahead[j % (AHEAD + 1)] = (j, keys);
                }
            }
        };
        for j in w.start..(w.start + AHEAD).min(w.end) {
            prefetch(sc, &mut ahead, j);
        }
        // The window's tokens before the cue, the cue's own (pinned to `O`: no features), then
        // those after it, each side with its direction known when compiling.
        let (c0, c1) = (c.cue.start.clamp(w.start, w.end), c.cue.end.clamp(w.start, w.end));
        for j in w.start..c0 {
            prefetch(sc, &mut ahead, j + AHEAD);
            let acc = self.role_row::<0>(&cr, &cs, d, sc, &ahead, (j, c.cue.start - j));
            let k = j - w.start;
            sc.em[k * NL..(k + 1) * NL].copy_from_slice(&acc[..NL]);
        }
        for j in c0..c1 {
            prefetch(sc, &mut ahead, j + AHEAD);
        }
        for j in c1..w.end {
            prefetch(sc, &mut ahead, j + AHEAD);
            let acc = self.role_row::<1>(&cr, &cs, d, sc, &ahead, (j, j + 1 - c.cue.end));
            let k = j - w.start;
            sc.em[k * NL..(k + 1) * NL].copy_from_slice(&acc[..NL]);
        }
        viterbi(NL, &sc.em, &self.role.tr, &sc.forced)
    }

    /// The emission row of token `j` at distance `dist` before the cue (`DI` 0) or after it
    /// (`DI` 1): its cue-independent sum (computed in its first window and kept in `sc`, with
    /// its far row of feature 72) plus the cue's rows ([`add_role_cued`]).
    #[inline(always)]
    fn role_row<const DI: usize>(
        &self,
        cr: &CueRows<'_>,
        cs: &CueSide,
        d: &Prepared,
        sc: &mut Scratch,
        ahead: &Ahead,
        (j, dist): (usize, usize),
    ) -> Row8 {
        let wt = &self.role.w;
        let slot = 2 * j + DI;
        let bit = 1u8 << DI;
        if sc.local_done[j] & bit == 0 {
            let keys = match ahead[j % (AHEAD + 1)] {
                (t, keys) if t == j => keys,
                _ => local_keys(d, j, DI),
            };
            sc.local[slot] = local_row(&self.role_tab, &mut sc.role_memo, wt, d, (j, DI), keys);
            let mut far = [0f32; 8];
            sc.role_memo.add(wt, f(72, &[DIRS[DI], 4, d.toks[j].clus[0]]), &mut far);
            sc.far72[slot] = far;
            sc.local_done[j] |= bit;
        }
        let mut acc = sc.local[slot];
        let far = sc.far72[slot];
        add_role_cued::<DI>(cr, &mut sc.role_memo, d, cs, (j, dist), &far, &mut acc);
        acc
    }
}

/// How many tokens ahead the role tagger prefetches the slots of the local rows' word
/// features, and the ring of their keys by token ([`AttrModel::role_labels`]).
const AHEAD: usize = 3;
type Ahead = [(usize, [u64; 4]); AHEAD + 1];

/// Cue tokens of the tagger on every sentence of a document, from the hashed features
/// (what training scores dev epochs with; the runtime's [`AttrModel::tag_cues`] adds the
/// same rows in the same order).
fn tag_cues(tagger: &Tagger, bias: f32, d: &Prepared) -> Vec<Range<usize>> {
    const NL: usize = CUE_LABELS;
    let mut out = Vec::new();
    let mut em: Vec<f32> = Vec::new();
    let mut forced: Vec<bool> = Vec::new();
    for s in &d.sents {
        em.clear();
        em.resize(s.len() * NL, 0.0);
        for (k, i) in s.clone().enumerate() {
            let row = &mut em[k * NL..(k + 1) * NL];
            row[1] += bias;
            for key in cue_features(d, s.clone(), i) {
                tagger.w.add(key, row);
            }
        }
        forced.clear();
        forced.resize(s.len(), false);
        let labels = viterbi(NL, &em, &tagger.tr, &forced);
        out.extend(runs(&labels, 1, 2, s.start));
    }
    out
}

// ---------------------------------------------------------------- training

/// Training options.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    pub cue_epochs: usize,
    pub role_epochs: usize,
    /// Weights below this magnitude are dropped from the model file (cue tagger).
    pub prune: f32,
    /// The same for the role tagger (many more, rarer features).
    pub role_prune: f32,
    /// A development split: when given, each tagger keeps the averaged weights of its best
    /// epoch on it (cue spans, and roles on gold cues; exact token-span F1), from epoch 3 on.
    pub dev: Option<std::path::PathBuf>,
    /// Epochs of the content-end chooser (0: none).
    pub end_epochs: usize,
    /// Train the cue-recall stage (jackknifed cue taggers; [`train_recall`]).
    pub recall: bool,
    /// Taggers trained side by side with this many seeds (one shuffling stream each) and
    /// averaged into one (cue and role taggers, and the jackknifed cue taggers): less of one
    /// shuffle's noise. 1: one tagger as before.
    pub seeds: usize,
    /// Role-tagger training items from the jackknifed cue taggers' cues (what the role tagger
    /// sees at run time) besides the gold cues: 0 none; 1 predicted cues that overlap a gold
    /// cue without equalling it, labelled with that attribution's source and content; 2 also
    /// those equal to a gold cue; 3 / 4 as 1 / 2 plus the predicted cues overlapping no gold
    /// cue, with no source or content.
    pub role_predicted: u8,
    /// Seeds averaged in each jackknifed cue tagger (see `seeds`).
    pub fold_seeds: usize,
    /// Seeds averaged in the role tagger (see `seeds`, which is the cue tagger's).
    pub role_seeds: usize,
    /// With `dev`: the (cue epoch, role epoch) pair is chosen end to end — every pair of the
    /// taggers' epochs from the third on, with the chooser and recall sections trained for
    /// the per-tagger picks, scored by the whole extractor (rules included) on `dev`, the
    /// best sum of exact source, cue and content F1 kept. Off: each tagger's own dev pick.
    pub end_to_end: bool,
    /// With `dev`: every threshold (the chooser's margins, recall acceptance and drop, the
    /// extension margin, the cue bias) chosen end to end after training, in turn, two rounds.
    /// Off: as trained (the chooser's margins and the recall acceptance chosen on `dev` as
    /// before, recall drop [`DEFAULT_RECALL_DROP`], extension margin
    /// [`DEFAULT_EXTEND_MARGIN`], cue bias [`DEFAULT_CUE_BIAS`]). Overfits the 84 dev
    /// documents: chosen on one half of dev it loses 1.0–1.7 F1 points (sum) on the other
    /// (NOTES, round 11), so it is off in [`train_full`].
    pub tune_thresholds: bool,
    /// Train the cue tagger (and the jackknifed ones) without the wider-context templates
    /// 80–83, as the taggers before round 3 were (the runtime still computes them; a model
    /// without their weights scores as if they did not exist).
    pub legacy_cue: bool,
    /// Train the role tagger without the clause-end templates 75 and 76 (see `legacy_cue`).
    pub legacy_role: bool,
    /// Epochs of the cue-extension decision ([`crate::extend`]; 0: none). Needs the
    /// jackknifed cue taggers (`recall` or `role_predicted`).
    pub extend_epochs: usize,
    /// Cue-extension items also from each longer gold cue's first token (as if the tagger had
    /// found only it), besides the jackknifed taggers' cues.
    pub extend_gold_heads: bool,
    /// Diagnostics with `tune_thresholds`: also choose the thresholds on each half of `dev` (even /
    /// odd documents) and log the other half's figures before and after, a held-out estimate
    /// of what the choice on the whole split gains.
    pub check_halves: bool,
    /// Seeds of the content-end chooser, the cue-recall classifier and the cue extension: each
    /// is trained once per seed (one shuffling stream each, one thread each) and the mean of
    /// their averaged weights kept (a "soup"). 1: one model each, as before.
    pub rest_seeds: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        // The epochs a dev-selected run (12 + 12 epochs, seed 1) kept. The cue, role and
        // jackknifed cue taggers are each the mean of three seeds' (NOTES, round 12: on a
        // held-out fifth of train +0.6 / +1.6 F1 points (sum) over one seed, dev the same for
        // seeds 1 and 2); averaged weights under 1.0 (cue; 2.0 with one seed, but the mean of
        // three has a third fewer weights above it) and 3.0 (roles) pruned (5.4 MB).
        TrainOptions {
            cue_epochs: 6,
            role_epochs: 12,
            prune: 1.0,
            role_prune: 3.0,
            dev: None,
            end_epochs: END_EPOCHS,
            recall: true,
            seeds: 3,
            role_predicted: 0,
            fold_seeds: 3,
            role_seeds: 3,
            end_to_end: false,
            tune_thresholds: false,
            legacy_cue: false,
            legacy_role: false,
            extend_epochs: EXTEND_EPOCHS,
            extend_gold_heads: true,
            rest_seeds: 1,
            check_halves: false,
        }
    }
}

/// Averaged weight rows, as [`Trainer::averaged`] returns them.
type Rows = Vec<(u64, Vec<(u16, f32)>)>;

/// Exact span F1 of predicted against gold label runs.
fn span_f1(gold: &[Range<usize>], pred: &[Range<usize>]) -> (usize, usize, usize) {
    let tp = pred.iter().filter(|p| gold.contains(p)).count();
    (tp, pred.len(), gold.len())
}

fn f1(c: (usize, usize, usize)) -> f64 {
    if c.0 == 0 {
        0.0
    } else {
        let p = c.0 as f64 / c.1 as f64;
        let r = c.0 as f64 / c.2 as f64;
        200.0 * p * r / (p + r)
    }
}

fn dev_cue_f1(tagger: &Tagger, docs: &[TrainDoc]) -> f64 {
    let mut acc = (0, 0, 0);
    for d in docs {
        let c = span_f1(&runs(&d.cue_labels, 1, 2, 0), &tag_cues(tagger, DEFAULT_CUE_BIAS, &d.prep));
        acc = (acc.0 + c.0, acc.1 + c.1, acc.2 + c.2);
    }
    f1(acc)
}

/// Roles on gold cues (role token-span F1).
fn dev_role_f1(model: &AttrModel, docs: &[TrainDoc]) -> f64 {
    let mut acc = (0, 0, 0);
    for d in docs {
        let mut sc = Scratch::new(d.prep.toks.len());
        for (c, w, gold) in &d.attrs {
            let labels = model.role_labels(&d.prep, &CueCtx::new(&d.prep, c.clone()), w.clone(), &mut sc);
            for (b, i) in [(1, 2), (3, 4)] {
                let k = span_f1(&runs(gold, b, i, 0), &runs(&labels, b, i, 0));
                acc = (acc.0 + k.0, acc.1 + k.1, acc.2 + k.2);
            }
        }
    }
    f1(acc)
}

struct TrainDoc {
    prep: Prepared,
    cue_labels: Vec<u8>,
    /// Per gold attribution: cue token range and role labels over its window.
    attrs: Vec<(Range<usize>, Range<usize>, Vec<u8>)>,
}

/// Token indices overlapping a byte span.
pub(crate) fn tokens_of(spans: &[Span], s: Span) -> Range<usize> {
    let a = spans.partition_point(|t| t.end <= s.start);
    let b = spans.partition_point(|t| t.start < s.end);
    a..b.max(a)
}

/// Segment and POS-tag a text the way [`crate::Attributor`] would.
pub(crate) fn prepare_text(text: &str) -> (Segmentation, Prepared) {
    let seg = Segmenter::new().segment(text);
    let pos = pos_tags(text, &seg);
    let prep = prepare(text, &seg, pos.as_deref());
    (seg, prep)
}

/// POS tags for every token (None when the tagger cannot be loaded).
pub fn pos_tags(text: &str, seg: &Segmentation) -> Option<Vec<PosTag>> {
    let tagger = dossier_tag::Tagger::global().ok()?;
    let mut out = Vec::with_capacity(seg.tokens.len());
    let mut done = 0;
    for r in &seg.sentence_tokens {
        let r = r.start.max(done)..r.end.max(done);
        if r.start > done {
            let words: Vec<&str> = seg.tokens[done..r.start].iter().map(|t| t.span.of(text)).collect();
            out.extend(tagger.tag(&words));
        }
        let words: Vec<&str> = seg.tokens[r.clone()].iter().map(|t| t.span.of(text)).collect();
        out.extend(tagger.tag(&words));
        done = r.end;
    }
    if done < seg.tokens.len() {
        let words: Vec<&str> = seg.tokens[done..].iter().map(|t| t.span.of(text)).collect();
        out.extend(tagger.tag(&words));
    }
    (out.len() == seg.tokens.len()).then_some(out)
}

fn train_doc(g: &GoldDoc) -> TrainDoc {
    let (_, prep) = prepare_text(&g.text);
    let n = prep.toks.len();
    let mut cue_labels = vec![0u8; n];
    let mut is_cue = vec![false; n];
    for a in &g.attrs {
        let mut r = tokens_of(&prep.spans, a.cue[0]);
        for s in &a.cue[1..] {
            let q = tokens_of(&prep.spans, *s);
            r = r.start.min(q.start)..r.end.max(q.end);
        }
        if r.is_empty() || r.clone().any(|i| is_cue[i]) {
            continue;
        }
        cue_labels[r.start] = 1;
        cue_labels[r.start + 1..r.end].iter_mut().for_each(|l| *l = 2);
        is_cue[r].iter_mut().for_each(|x| *x = true);
    }
    let mut attrs = Vec::new();
    // Re-walk the attributions that got a cue (same order as above).
    let mut seen = vec![false; n];
    for a in &g.attrs {
        let mut r = tokens_of(&prep.spans, a.cue[0]);
        for s in &a.cue[1..] {
            let q = tokens_of(&prep.spans, *s);
            r = r.start.min(q.start)..r.end.max(q.end);
        }
        if r.is_empty() || r.clone().any(|i| seen[i]) {
            continue;
        }
        seen[r.clone()].iter_mut().for_each(|x| *x = true);
        // Sources first: a token in both keeps its source label.
        let spans: Vec<(Range<usize>, u8, u8)> = (a.source.iter().map(|s| (s, 1, 2)))
            .chain(a.content.iter().map(|s| (s, 3, 4)))
            .map(|(s, b, i)| (tokens_of(&prep.spans, *s), b, i))
            .collect();
        let (w, labels) = project_labels(&prep, &r, &spans);
        attrs.push((r, w, labels));
    }
    TrainDoc { prep, cue_labels, attrs }
}

/// One structured-perceptron step; returns whether the prediction was wrong.
fn step(t: &mut Trainer, nl: usize, keys: &[Vec<u64>], gold: &[u8], forced: &[bool]) -> bool {
    let n = keys.len();
    let mut em = vec![0f32; n * nl];
    let mut ids: Vec<Vec<Option<u32>>> = Vec::with_capacity(n);
    for (i, ks) in keys.iter().enumerate() {
        let row: Vec<Option<u32>> = ks.iter().map(|&k| t.lookup(k)).collect();
        for id in row.iter().flatten() {
            t.add_scores(*id, &mut em[i * nl..(i + 1) * nl]);
        }
        ids.push(row);
    }
    let mut tr = vec![0f32; (nl + 1) * nl];
    for p in 0..=nl {
        if let Some(id) = t.lookup(trans_key(p)) {
            t.add_scores(id, &mut tr[p * nl..(p + 1) * nl]);
        }
    }
    let pred = viterbi(nl, &em, &tr, forced);
    t.clock += 1;
    if pred == gold {
        return false;
    }
    for i in 0..n {
        let (g, p) = (gold[i] as usize, pred[i] as usize);
        if g != p {
            for &k in &keys[i] {
                let id = t.intern(k);
                t.update(id, g, 1.0);
                t.update(id, p, -1.0);
            }
        }
        let gp = if i == 0 { nl } else { gold[i - 1] as usize };
        let pp = if i == 0 { nl } else { pred[i - 1] as usize };
        if g != p || gp != pp {
            let id = t.intern(trans_key(gp));
            t.update(id, g, 1.0);
            let id = t.intern(trans_key(pp));
            t.update(id, p, -1.0);
        }
    }
    true
}

/// Train a cue tagger on the documents `subset`; with `dev` documents, the averaged weights
/// of the best epoch (from the third on) are returned and recorded in `best`.
#[allow(clippy::too_many_arguments)]
fn train_cues(
    docs: &[TrainDoc],
    subset: &[usize],
    epochs: usize,
    seeds: &[u64],
    dev: &[TrainDoc],
    prune: f32,
    best: &mut Option<(f64, usize, Rows)>,
    mut keep: Option<&mut Vec<(usize, Vec<u8>)>>,
    legacy: bool,
) -> Rows {
    // The templates learnt: all, or those before the wider-context ones (80–83, the last four).
    let nfeat = if legacy { CUE_FEATS - 4 } else { CUE_FEATS };
    let sents: Vec<(usize, usize)> =
        subset.iter().flat_map(|&di| (0..docs[di].prep.sents.len()).map(move |s| (di, s))).collect();
    // One trainer, shuffling stream and order per seed.
    let mut runs: Vec<Run<(usize, usize)>> =
        seeds.iter().map(|&s| (Trainer::new(), SplitMix(s), sents.clone())).collect();
    for epoch in 0..epochs {
        // The seeds' epochs are independent: one thread each (the result does not depend on
        // the threads).
        let wrong = parallel_epoch(&mut runs, |cue_t, &(di, si)| {
            let d = &docs[di];
            let s = d.prep.sents[si].clone();
            let keys: Vec<Vec<u64>> =
                s.clone().map(|i| cue_features(&d.prep, s.clone(), i)[..nfeat].to_vec()).collect();
            let forced = vec![false; s.len()];
            step(cue_t, CUE_LABELS, &keys, &d.cue_labels[s], &forced)
        });
        tracing::info!(epoch, wrong, total = sents.len() * seeds.len(), "cue tagger epoch");
        if !dev.is_empty() && epoch >= 2 {
            let rows = averaged(&runs, prune);
            let score = dev_cue_f1(&Tagger::new(CUE_LABELS, Weights::from_rows(CUE_LABELS, &rows)), dev);
            tracing::info!(epoch, score, "cue tagger dev span F1");
            if let Some(k) = keep.as_deref_mut() {
                k.push((epoch, section(&rows)));
            }
            if best.as_ref().is_none_or(|b| score > b.0) {
                *best = Some((score, epoch, rows));
            }
        }
    }
    match best.take() {
        Some(b) if !dev.is_empty() => {
            let rows = b.2.clone();
            *best = Some(b);
            rows
        }
        _ => averaged(&runs, prune),
    }
}

/// One seed's training run: the trainer, its shuffling stream and its item order.
type Run<T> = (Trainer, SplitMix, Vec<T>);

/// One epoch of every seed's run, one thread each (the seeds' epochs are independent, so the
/// result does not depend on the threads): shuffle the run's order, then `learn` each item;
/// returns how many items `learn` got wrong, over all runs.
fn parallel_epoch<T: Send + Sync>(
    runs: &mut [Run<T>],
    learn: impl Fn(&mut Trainer, &T) -> bool + Sync,
) -> usize {
    let learn = &learn;
    std::thread::scope(|scope| {
        let handles: Vec<_> = runs
            .iter_mut()
            .map(|(t, rng, order)| {
                scope.spawn(move || {
                    rng.shuffle(order);
                    order.iter().map(|x| usize::from(learn(t, x))).sum::<usize>()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("tagger training thread")).sum()
    })
}

/// The seeds' averaged weights as one tagger's (see [`mean_rows`]).
fn averaged<T>(runs: &[Run<T>], prune: f32) -> Rows {
    let parts: Vec<Rows> =
        runs.iter().map(|r| r.0.averaged(if runs.len() == 1 { prune } else { 0.0 })).collect();
    mean_rows(parts, prune)
}

/// The mean of several taggers' averaged rows (each unpruned when there are several), with
/// weights under `prune` in magnitude dropped; in key order, as [`Trainer::averaged`].
fn mean_rows(mut parts: Vec<Rows>, prune: f32) -> Rows {
    if parts.len() == 1 {
        return parts.pop().unwrap_or_default();
    }
    let mut acc: std::collections::BTreeMap<u64, Vec<(u16, f64)>> = Default::default();
    for part in &parts {
        for (k, row) in part {
            let e = acc.entry(*k).or_default();
            for &(l, w) in row {
                match e.iter_mut().find(|x| x.0 == l) {
                    Some(x) => x.1 += f64::from(w),
                    None => e.push((l, f64::from(w))),
                }
            }
        }
    }
    let n = parts.len() as f64;
    acc.into_iter()
        .filter_map(|(k, row)| {
            let mut kept: Vec<(u16, f32)> =
                row.into_iter().map(|(l, w)| (l, (w / n) as f32)).filter(|(_, w)| w.abs() >= prune).collect();
            kept.sort_by_key(|&(l, _)| l);
            (!kept.is_empty()).then_some((k, kept))
        })
        .collect()
}

/// One model per seed, trained side by side (one thread each; the result does not depend on
/// the threads), and the mean of their rows, unpruned (see [`mean_rows`]).
fn soup(seeds: &[u64], train: impl Fn(u64) -> Rows + Sync) -> Rows {
    let train = &train;
    let parts: Vec<Rows> = std::thread::scope(|scope| {
        let handles: Vec<_> = seeds.iter().map(|&s| scope.spawn(move || train(s))).collect();
        handles.into_iter().map(|h| h.join().expect("training thread")).collect()
    });
    mean_rows(parts, 0.0)
}

/// `n` seeds derived from `base` (the first is `base` itself, so one seed trains as before).
fn seed_list(base: u64, n: usize) -> Vec<u64> {
    (0..n.max(1) as u64)
        .map(|k| if k == 0 { base } else { base ^ 0xd1b5_4a32_d192_ed03u64.wrapping_mul(k) })
        .collect()
}

/// The jackknifed cue taggers: fold `f` is trained on the documents whose index is not `f`
/// modulo [`RECALL_FOLDS`] (`cue_epochs`, weights under `prune` dropped as the cue tagger's, `seeds`
/// seeds averaged).
fn fold_taggers(
    docs: &[TrainDoc],
    cue_epochs: usize,
    seed: u64,
    seeds: usize,
    prune: f32,
    legacy: bool,
) -> Vec<Tagger> {
    (0..RECALL_FOLDS)
        .map(|fold| {
            let train_idx: Vec<usize> = (0..docs.len()).filter(|i| i % RECALL_FOLDS != fold).collect();
            let base = seed ^ (0x9e37_79b9 * (fold as u64 + 1));
            let rows = train_cues(
                docs,
                &train_idx,
                cue_epochs,
                &seed_list(base, seeds),
                &[],
                prune,
                &mut None,
                None,
                legacy,
            );
            Tagger::new(CUE_LABELS, Weights::from_rows(CUE_LABELS, &rows))
        })
        .collect()
}

/// A tagger's cue emissions over a document and its cues (Viterbi per sentence).
fn first_cues(tagger: &Tagger, d: &Prepared) -> (Vec<f32>, Vec<Range<usize>>) {
    let em = cue_emissions(tagger, DEFAULT_CUE_BIAS, d);
    let mut cues = Vec::new();
    for s in &d.sents {
        let labels = viterbi(
            CUE_LABELS,
            &em[s.start * CUE_LABELS..s.end * CUE_LABELS],
            &tagger.tr,
            &vec![false; s.len()],
        );
        cues.extend(runs(&labels, 1, 2, s.start));
    }
    (em, cues)
}

/// Role labels over `cue`'s window from token ranges labelled (begin, inside); tokens of
/// the cue stay outside, and a range cut by the window or the cue starts with its begin label.
fn project_labels(
    d: &Prepared,
    cue: &Range<usize>,
    spans: &[(Range<usize>, u8, u8)],
) -> (Range<usize>, Vec<u8>) {
    let w = window(d, cue);
    let mut labels = vec![0u8; w.len()];
    for (t, b, i) in spans {
        let t = t.start.max(w.start)..t.end.min(w.end);
        for (k, j) in t.enumerate() {
            if cue.contains(&j) {
                continue;
            }
            let l = &mut labels[j - w.start];
            if *l == 0 {
                *l = if k == 0 { *b } else { *i };
            }
        }
    }
    for k in 0..labels.len() {
        let prev = if k == 0 { 0 } else { labels[k - 1] };
        if labels[k] == 2 && prev != 1 && prev != 2 {
            labels[k] = 1;
        }
        if labels[k] == 4 && prev != 3 && prev != 4 {
            labels[k] = 3;
        }
    }
    (w, labels)
}

/// Role-tagger items (document, cue, window, labels) from the jackknifed taggers' cues
/// ([`TrainOptions::role_predicted`]).
fn predicted_role_items(docs: &[TrainDoc], folds: &[Tagger], mode: u8) -> Vec<RoleItem> {
    let mut out = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        let (_, cues) = first_cues(&folds[di % RECALL_FOLDS], &d.prep);
        for p in cues {
            // The gold attribution whose cue overlaps most (the first on ties).
            let mut best: Option<(usize, usize)> = None;
            for (k, (c, _, _)) in d.attrs.iter().enumerate() {
                let ov = p.end.min(c.end).saturating_sub(p.start.max(c.start));
                if ov > 0 && best.is_none_or(|b| ov > b.1) {
                    best = Some((k, ov));
                }
            }
            match best {
                Some((k, _)) => {
                    let (c, w, gold) = &d.attrs[k];
                    if *c == p && mode % 2 == 1 {
                        continue;
                    }
                    let mut spans: Vec<(Range<usize>, u8, u8)> = Vec::new();
                    spans.extend(runs(gold, 1, 2, w.start).into_iter().map(|r| (r, 1, 2)));
                    spans.extend(runs(gold, 3, 4, w.start).into_iter().map(|r| (r, 3, 4)));
                    let (w, labels) = project_labels(&d.prep, &p, &spans);
                    out.push((di, p, w, labels));
                }
                None if mode >= 3 => {
                    let w = window(&d.prep, &p);
                    let n = w.len();
                    out.push((di, p, w, vec![0u8; n]));
                }
                None => {}
            }
        }
    }
    out
}

/// A role-tagger training item: document, cue tokens, window, labels over the window.
type RoleItem = (usize, Range<usize>, Range<usize>, Vec<u8>);

/// Train both taggers on a PolNeAR split directory (deterministic for a seed).
/// The training documents of a PolNeAR split (an error when it has none) and those of an
/// optional development split.
fn training_docs(
    train_dir: &Path,
    dev_dir: Option<&Path>,
) -> Result<(Vec<TrainDoc>, Vec<TrainDoc>), AttrError> {
    let gold = crate::polnear::read_split(train_dir)?;
    if gold.is_empty() {
        return Err(AttrError::Empty(train_dir.display().to_string()));
    }
    tracing::info!(docs = gold.len(), "preparing attribution training documents");
    let docs = gold.iter().map(train_doc).collect();
    let dev = match dev_dir {
        Some(dir) => crate::polnear::read_split(dir)?.iter().map(train_doc).collect(),
        None => Vec::new(),
    };
    Ok((docs, dev))
}

/// The seed of the shipped `models/attribution.bin`: `dossier train attribution` with it
/// rebuilds that file byte for byte (with the shipped POS model). Seeds 1–3 score 203.1 /
/// 203.1 / 203.7 (exact F1 sum on PolNeAR dev; NOTES, rounds 12 and 14).
pub const SHIPPED_SEED: u64 = 3;

/// The whole training chain in one call, deterministic for a seed: the cue tagger
/// ([`TrainOptions::cue_epochs`]), the role tagger on gold cues (`role_epochs`) — each the
/// mean of three seeds' taggers, as are the jackknifed ones ([`TrainOptions::seeds`]) — the
/// content-end chooser ([`END_EPOCHS`]), the cue-recall classifier behind [`RECALL_FOLDS`]
/// jackknifed cue taggers ([`RECALL_EPOCHS`]; drop threshold [`DEFAULT_RECALL_DROP`]) and
/// the cue-extension decision behind the same taggers ([`EXTEND_EPOCHS`]).
///
/// With `dev_dir` (a PolNeAR split such as `polnear/dev`), each tagger keeps its best epoch
/// on it (exact token-span F1, from epoch 3 on), the chooser's two margins are the ones that
/// maximise exact content fragments on it with gold cues and the recall acceptance threshold
/// the one that maximises exact cue F1 before the rules. Without it, every epoch count is
/// taken as is and the margins / threshold are [`DEFAULT_END_MARGIN`] /
/// [`DEFAULT_RECALL_THRESHOLD`]. The extension margin is [`DEFAULT_EXTEND_MARGIN`] either
/// way (choosing it on dev does not carry over to held-out documents: NOTES, round 11).
///
/// This is what `dossier train attribution` calls (with `polnear/train`, `polnear/dev` and
/// [`SHIPPED_SEED`] unless told another seed). The result depends on the POS model (the
/// features read its tags).
pub fn train_full(train_dir: &Path, dev_dir: Option<&Path>, seed: u64) -> Result<AttrModel, AttrError> {
    let opts = TrainOptions { dev: dev_dir.map(Path::to_path_buf), recall: true, ..TrainOptions::default() };
    train_with(train_dir, seed, &opts)
}

pub fn train(polnear_train_dir: &Path, seed: u64) -> Result<AttrModel, AttrError> {
    train_with(polnear_train_dir, seed, &TrainOptions::default())
}

pub fn train_with(polnear_train_dir: &Path, seed: u64, opts: &TrainOptions) -> Result<AttrModel, AttrError> {
    let (docs, dev) = training_docs(polnear_train_dir, opts.dev.as_deref())?;
    // Best (score, epoch, averaged rows) per tagger when a dev split is given.
    let mut best_cue: Option<(f64, usize, Rows)> = None;
    let mut best_role: Option<(f64, usize, Rows)> = None;
    // One random stream per stage, so a run that stops a stage early (by `dev`) and one
    // given that many epochs build the same model.
    let cue_seeds = seed_list(seed, opts.seeds);
    let role_seeds = seed_list(seed ^ 0x6a09_e667_f3bc_c908, opts.role_seeds);
    let rest_seeds = seed_list(seed, opts.rest_seeds);

    // Cue tagger over sentences.
    let all: Vec<usize> = (0..docs.len()).collect();
    // Each tagger's epochs from the third on, serialized, when the pair is chosen end to end.
    let e2e = opts.end_to_end && !dev.is_empty();
    let tune = opts.tune_thresholds && !dev.is_empty();
    let mut cue_epochs: Vec<(usize, Vec<u8>)> = Vec::new();
    let mut role_epochs: Vec<(usize, Vec<u8>)> = Vec::new();
    let cue_rows = train_cues(
        &docs,
        &all,
        opts.cue_epochs,
        &cue_seeds,
        &dev,
        opts.prune,
        &mut best_cue,
        e2e.then_some(&mut cue_epochs),
        opts.legacy_cue,
    );
    // The jackknifed cue taggers (recall stage, role items on predicted cues).
    let folds = if opts.recall || opts.role_predicted > 0 {
        fold_taggers(&docs, opts.cue_epochs, seed, opts.fold_seeds, opts.prune, opts.legacy_cue)
    } else {
        Vec::new()
    };
    // Role tagger over gold cues (and predicted ones).
    let mut items: Vec<RoleItem> = docs
        .iter()
        .enumerate()
        .flat_map(|(di, d)| d.attrs.iter().map(move |(c, w, l)| (di, c.clone(), w.clone(), l.clone())))
        .collect();
    if opts.role_predicted > 0 {
        let extra = predicted_role_items(&docs, &folds, opts.role_predicted);
        tracing::info!(gold = items.len(), predicted = extra.len(), "role tagger items");
        items.extend(extra);
    }
    let mut role_runs: Vec<Run<usize>> =
        role_seeds.iter().map(|&s| (Trainer::new(), SplitMix(s), (0..items.len()).collect())).collect();
    for epoch in 0..opts.role_epochs {
        let (docs, items) = (&docs, &items);
        let wrong = parallel_epoch(&mut role_runs, |role_t, &it| {
            let (di, c, w, labels) = &items[it];
            let d = &docs[*di];
            let ctx = CueCtx::new(&d.prep, c.clone());
            let keys: Vec<Vec<u64>> = w
                .clone()
                .map(|j| {
                    let mut v = Vec::with_capacity(ROLE_LOCAL + ROLE_CUED);
                    role_features(&d.prep, &ctx, j, &mut v);
                    if opts.legacy_role {
                        // Without the clause-end templates 75 and 76 (role_local's last two).
                        v.drain(ROLE_LOCAL - 2..ROLE_LOCAL);
                    }
                    v
                })
                .collect();
            let forced: Vec<bool> = w.clone().map(|j| c.contains(&j)).collect();
            step(role_t, ROLE_LABELS, &keys, labels, &forced)
        });
        tracing::info!(epoch, wrong, total = items.len() * role_runs.len(), "role tagger epoch");
        if !dev.is_empty() && epoch >= 2 {
            let rows = averaged(&role_runs, opts.role_prune);
            let score = dev_role_f1(&role_probe(&rows), &dev);
            tracing::info!(epoch, score, "role tagger dev span F1");
            if e2e {
                role_epochs.push((epoch, section(&rows)));
            }
            if best_role.as_ref().is_none_or(|b| score > b.0) {
                best_role = Some((score, epoch, rows));
            }
        }
    }
    if let (Some(c), Some(r)) = (&best_cue, &best_role) {
        tracing::info!(cue_epoch = c.1, cue_f1 = c.0, role_epoch = r.1, role_f1 = r.0, "best dev epochs");
    }

    let cue_sec = section(&cue_rows);
    let role_rows = best_role.map_or_else(|| averaged(&role_runs, opts.role_prune), |b| b.2);
    let role_sec = section(&role_rows);
    // The sections after the taggers: content-end chooser, cue recall, cue extension.
    let mut rest = Rest { ends: None, recall: None, extend: None, cue_bias: DEFAULT_CUE_BIAS };
    if opts.end_epochs > 0 {
        rest.ends = Some(ends_section(&role_probe(&role_rows), &docs, &dev, opts.end_epochs, &rest_seeds));
    }
    if opts.recall {
        let base = assemble(&cue_sec, &role_sec, &rest.bytes())?;
        let (rows, threshold, prior) = recall_section(&base, &docs, &dev, &rest_seeds, &folds);
        rest.recall = Some((rows, threshold, DEFAULT_RECALL_DROP, prior));
    }
    // The cue-extension decision, trained behind the jackknifed cue taggers.
    if opts.extend_epochs > 0 && !folds.is_empty() {
        let items = extend_items(&docs, &folds, opts.extend_gold_heads);
        let rows = soup(&rest_seeds, |s| extend::train(&items, opts.extend_epochs, s));
        rest.extend = Some((rows, Some(DEFAULT_EXTEND_MARGIN)));
    }
    if let Some(dir) = opts.dev.as_deref().filter(|_| e2e || tune) {
        let split = crate::eval::Prepared::new(crate::polnear::read_split(dir)?);
        // The taggers' epochs first (without the extension), then the thresholds.
        let (cue, role) = if e2e {
            let mut probe = rest.clone();
            if let Some(x) = &mut probe.extend {
                x.1 = None;
            }
            let (c, r) = select_end_to_end(&cue_epochs, &role_epochs, &probe.bytes(), &split)?;
            (cue_epochs[c].1.clone(), role_epochs[r].1.clone())
        } else {
            (cue_sec, role_sec)
        };
        let model = |rest: &Rest| assemble(&cue, &role, &rest.bytes());
        if tune {
            if opts.check_halves {
                check_halves(&rest, dir, model)?;
            }
            tune_rest(&mut rest, &split, model)?;
        }
        return model(&rest).map_err(AttrError::Model);
    }
    assemble(&cue_sec, &role_sec, &rest.bytes()).map_err(AttrError::Model)
}

/// The model-file sections after the taggers, with the thresholds that can be chosen after
/// training: the content-end chooser (rows, margin against shorter ends, against longer
/// ones), the cue recall (rows, acceptance threshold, drop threshold, word prior), the cue
/// extension (rows, margin; no margin: the section left out) and the cue tagger's bias.
#[derive(Clone)]
struct Rest {
    ends: Option<(Rows, f32, f32)>,
    recall: Option<(Rows, f32, f32, recall::Prior)>,
    extend: Option<(Rows, Option<f32>)>,
    cue_bias: f32,
}

impl Rest {
    fn bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.u8(u8::from(self.ends.is_some()));
        if let Some((rows, margin, extend)) = &self.ends {
            w.f32(*margin);
            Weights::write(rows, &mut w);
            w.f32(*extend);
        }
        w.u8(u8::from(self.recall.is_some()));
        if let Some((rows, threshold, drop, prior)) = &self.recall {
            recall::write(rows, *threshold, *drop, prior, &mut w);
        }
        match &self.extend {
            Some((rows, Some(m))) => {
                w.u8(1);
                extend::write(rows, *m, &mut w);
            }
            _ => w.u8(0),
        }
        w.f32(self.cue_bias);
        w.0
    }
}

/// [`TrainOptions::check_halves`]: the thresholds chosen on one half of the split in `dir`,
/// the other half's exact F1 before and after (logged).
fn check_halves(
    rest: &Rest,
    dir: &Path,
    model: impl Fn(&Rest) -> Result<AttrModel, ModelError> + Sync + Copy,
) -> Result<(), AttrError> {
    let docs = crate::polnear::read_split(dir)?;
    let half = |k: usize| {
        crate::eval::Prepared::new(
            docs.iter().enumerate().filter(|(i, _)| i % 2 == k).map(|(_, d)| d.clone()).collect(),
        )
    };
    let halves = [half(0), half(1)];
    for k in 0..2 {
        let (tune, test) = (&halves[k], &halves[1 - k]);
        let mut r = rest.clone();
        let before = test.score(model(&r)?).exact_f1();
        tune_rest(&mut r, tune, model)?;
        let after = test.score(model(&r)?).exact_f1();
        tracing::info!(
            tuned_on = k,
            before = ?before,
            after = ?after,
            gain = (after[0] + after[1] + after[2]) - (before[0] + before[1] + before[2]),
            "thresholds chosen on one half of dev, scored on the other"
        );
    }
    Ok(())
}

/// Choose `rest`'s thresholds end to end on `split`: each in turn over its grid, kept when
/// the sum of exact source, cue and content F1 of the whole extractor rises (two rounds;
/// ties keep the current value).
fn tune_rest(
    rest: &mut Rest,
    split: &crate::eval::Prepared,
    model: impl Fn(&Rest) -> Result<AttrModel, ModelError> + Sync,
) -> Result<(), AttrError> {
    const MARGINS: [f32; 14] = [64.0, 48.0, 32.0, 24.0, 16.0, 12.0, 8.0, 6.0, 4.0, 3.0, 2.0, 1.0, 0.5, 0.0];
    const ACCEPT: [f32; 14] =
        [-4.0, -2.0, -1.0, 0.0, 1.0, 2.0, 4.0, 6.0, 8.0, 12.0, 16.0, 24.0, 32.0, f32::MAX];
    const DROP: [f32; 10] = [-2.0, -3.0, -4.0, -5.0, -6.0, -7.0, -8.0, -10.0, -12.0, f32::MIN];
    const EXTEND: [f32; 9] = [f32::NAN, 16.0, 12.0, 8.0, 6.0, 4.0, 2.0, 1.0, 0.0];
    const BIAS: [f32; 7] = [15.0, 20.0, 22.5, 25.0, 27.5, 30.0, 35.0];
    let sum = |r: &Rest| -> Result<f64, AttrError> {
        let f = split.score(model(r)?).exact_f1();
        Ok(f[0] + f[1] + f[2])
    };
    let mut best = sum(rest)?;
    tracing::info!(sum = best, "end-to-end dev exact F1 before the thresholds");
    // Each knob: its grid and how a value is set.
    type Set = fn(&mut Rest, f32);
    let knobs: [(&str, &[f32], Set); 6] = [
        ("end margin (shorter)", &MARGINS, |r, v| r.ends.iter_mut().for_each(|e| e.1 = v)),
        ("end margin (longer)", &MARGINS, |r, v| r.ends.iter_mut().for_each(|e| e.2 = v)),
        ("recall acceptance", &ACCEPT, |r, v| r.recall.iter_mut().for_each(|x| x.1 = v)),
        ("recall drop", &DROP, |r, v| r.recall.iter_mut().for_each(|x| x.2 = v)),
        ("cue extension margin", &EXTEND, |r, v| {
            r.extend.iter_mut().for_each(|x| x.1 = (!v.is_nan()).then_some(v))
        }),
        ("cue bias", &BIAS, |r, v| r.cue_bias = v),
    ];
    for round in 0..2 {
        for (name, grid, set) in &knobs {
            let mut pick: Option<(f64, f32)> = None;
            for &v in grid.iter() {
                let mut cand = rest.clone();
                set(&mut cand, v);
                let s = sum(&cand)?;
                tracing::debug!(round, knob = name, value = v, sum = s, "end-to-end threshold");
                if s > best && pick.is_none_or(|p| s > p.0) {
                    pick = Some((s, v));
                }
            }
            if let Some((s, v)) = pick {
                set(rest, v);
                best = s;
                tracing::info!(round, knob = name, value = v, sum = s, "end-to-end threshold kept");
            }
        }
    }
    let f = split.score(model(rest)?).exact_f1();
    tracing::info!(
        source = f[0],
        cue = f[1],
        content = f[2],
        sum = best,
        "end-to-end dev exact F1 after the thresholds"
    );
    Ok(())
}

/// The margin a cue extension must win by (set before any measurement; only
/// [`TrainOptions::tune_thresholds`] chooses another).
pub const DEFAULT_EXTEND_MARGIN: f32 = 2.0;
/// Epochs of the cue-extension model.
pub const EXTEND_EPOCHS: usize = 8;

/// Cue-extension training items: the jackknifed taggers' cues that lie inside a gold cue
/// (ending at or before it) whose attribution has a content after the cue; the answer is the
/// gold cue's end. An extension may reach up to the gold content's last token, stopping
/// before the source and the next gold cue.
fn extend_items<'a>(docs: &'a [TrainDoc], folds: &[Tagger], gold_heads: bool) -> Vec<extend::Item<'a>> {
    let mut out = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        let (_, mut cues) = first_cues(&folds[di % RECALL_FOLDS], &d.prep);
        if gold_heads {
            // Each longer gold cue's first token, as if the tagger had found only it.
            for (c, _, _) in &d.attrs {
                let p = c.start..c.start + 1;
                if c.len() > 1 && !cues.contains(&p) {
                    cues.push(p);
                }
            }
        }
        for p in cues {
            let Some((c, w, labels)) =
                d.attrs.iter().find(|(c, _, _)| c.start <= p.start && p.start < c.end && p.end <= c.end)
            else {
                continue;
            };
            let Some(first) = runs(labels, 3, 4, w.start).into_iter().find(|r| r.start >= c.end) else {
                continue;
            };
            let mut lim = first.end - 1;
            for r in runs(labels, 1, 2, w.start) {
                if r.end > p.end {
                    lim = lim.min(r.start.max(p.end));
                }
            }
            for (o, _, _) in &d.attrs {
                if o.start >= c.end {
                    lim = lim.min(o.start);
                }
            }
            if tracing::enabled!(tracing::Level::TRACE) {
                let ws = |r: Range<usize>| d.prep.words[r].join(" ");
                tracing::trace!(cue = %ws(p.clone()), gold = %ws(c.clone()), after = %ws(p.end..lim.max(p.end).min(p.end + 6)), "cue extension item");
            }
            out.push(extend::Item { d: &d.prep, cue: p, lim, gold: c.end });
        }
    }
    let grown = out.iter().filter(|it| it.gold > it.cue.end).count();
    tracing::info!(items = out.len(), grown, "cue extension items");
    out
}

/// A tagger's rows as a model-file section.
fn section(rows: &[(u64, Vec<(u16, f32)>)]) -> Vec<u8> {
    let mut w = Writer::default();
    Weights::write(rows, &mut w);
    w.0
}

/// A model from its cue-tagger and role-tagger sections and the rest of the payload.
fn assemble(cue: &[u8], role: &[u8], rest: &[u8]) -> Result<AttrModel, ModelError> {
    let payload = [cue, role, rest].concat();
    AttrModel::from_bytes(&format::wrap(KIND, VERSION, &payload))
}

/// The (cue, role) indices into the taggers' kept epochs whose model, with the other
/// sections `rest`, scores the best sum of exact source, cue and content F1 on `split` (the
/// whole extractor; ties go to the earlier cue epoch, then the earlier role epoch).
fn select_end_to_end(
    cues: &[(usize, Vec<u8>)],
    roles: &[(usize, Vec<u8>)],
    rest: &[u8],
    split: &crate::eval::Prepared,
) -> Result<(usize, usize), AttrError> {
    let pairs: Vec<(usize, usize)> =
        (0..cues.len()).flat_map(|c| (0..roles.len()).map(move |r| (c, r))).collect();
    if pairs.is_empty() || split.is_empty() {
        return Err(AttrError::Empty("end-to-end selection: no epochs or no dev documents".into()));
    }
    // Two threads, each a fixed half of the pairs (the scores do not depend on the threads).
    let scored: Vec<Result<[f64; 3], ModelError>> = std::thread::scope(|scope| {
        let halves: Vec<_> = (0..2)
            .map(|h| {
                let pairs = &pairs;
                scope.spawn(move || {
                    pairs
                        .iter()
                        .enumerate()
                        .filter(|(k, _)| k % 2 == h)
                        .map(|(k, &(c, r))| {
                            (k, assemble(&cues[c].1, &roles[r].1, rest).map(|m| split.score(m).exact_f1()))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut all: Vec<_> =
            halves.into_iter().flat_map(|h| h.join().expect("end-to-end scoring thread")).collect();
        all.sort_by_key(|x| x.0);
        all.into_iter().map(|x| x.1).collect()
    });
    let mut best: Option<(f64, usize)> = None;
    for (k, f) in scored.into_iter().enumerate() {
        let f = f?;
        let sum = f[0] + f[1] + f[2];
        let (c, r) = pairs[k];
        tracing::info!(
            cue_epoch = cues[c].0,
            role_epoch = roles[r].0,
            source = f[0],
            cue = f[1],
            content = f[2],
            sum,
            "end-to-end dev exact F1"
        );
        if best.is_none_or(|b| sum > b.0) {
            best = Some((sum, k));
        }
    }
    let (sum, k) = best.expect("pairs is not empty");
    let (c, r) = pairs[k];
    tracing::info!(cue_epoch = cues[c].0, role_epoch = roles[r].0, sum, "end-to-end pick");
    Ok((c, r))
}

/// Epochs of the content-end chooser.
pub const END_EPOCHS: usize = 8;
/// The margin the role tagger's content end keeps when no development split chooses one.
pub const DEFAULT_END_MARGIN: f32 = 6.0;

/// A model with these role-tagger rows and no cue tagger: what the role tagger is scored
/// with on gold cues during training, and what the end chooser is trained on.
fn role_probe(rows: &[(u64, Vec<(u16, f32)>)]) -> AttrModel {
    let role = Weights::from_rows(ROLE_LABELS, rows);
    let cue = Weights::from_rows(CUE_LABELS, &[]);
    AttrModel {
        cue_tab: CueTables::new(&cue),
        cue: Tagger::new(CUE_LABELS, cue),
        role_tab: RoleTables::new(&role),
        id: NEXT_MODEL_ID.fetch_add(1, Ordering::Relaxed),
        role: Tagger::new(ROLE_LABELS, role),
        cue_bias: DEFAULT_CUE_BIAS,
        ends: None,
        recall: None,
        extend: None,
        bytes: Vec::new(),
    }
}

/// Train the content-end chooser on `docs`' gold fragments and choose its margins on `dev`
/// with `model`'s role tagger (or take [`DEFAULT_END_MARGIN`]): rows, margins.
fn ends_section(
    model: &AttrModel,
    docs: &[TrainDoc],
    dev: &[TrainDoc],
    epochs: usize,
    seeds: &[u64],
) -> (Rows, f32, f32) {
    let items = end_items(docs);
    let rows = soup(seeds, |s| ends::train(&items, epochs, s));
    let chooser = EndChooser::new(Weights::from_rows(1, &rows), 0.0, 0.0);
    let (margin, extend) = if dev.is_empty() {
        (DEFAULT_END_MARGIN, DEFAULT_END_MARGIN)
    } else {
        tune_margin(model, &chooser, dev)
    };
    (rows, margin, extend)
}

/// [`ends_section`], appended to `w` as the chooser's section.
fn write_ends(
    model: &AttrModel,
    docs: &[TrainDoc],
    dev: &[TrainDoc],
    epochs: usize,
    seed: u64,
    w: &mut Writer,
) {
    let (rows, margin, extend) = ends_section(model, docs, dev, epochs, &[seed]);
    w.f32(margin);
    Weights::write(&rows, w);
    w.f32(extend);
}

/// Gold content fragments that follow their cue, as chooser training items.
fn end_items(docs: &[TrainDoc]) -> Vec<ends::Item<'_>> {
    let mut out = Vec::new();
    for d in docs {
        for (c, win, labels) in &d.attrs {
            let frags = runs(labels, 3, 4, win.start);
            for (k, fr) in frags.iter().enumerate() {
                if fr.start < c.end {
                    continue;
                }
                let stop = frags.get(k + 1).map_or(win.end, |q| q.start);
                out.push(ends::Item { d: &d.prep, cue: c.clone(), frag: fr.clone(), stop });
            }
        }
    }
    out
}

/// The margins (against shorter, longer ends) that maximise exact content fragments on
/// `dev` (gold cues, `model`'s role tagger, then the chooser); ties go to the larger margin.
fn tune_margin(model: &AttrModel, ch: &EndChooser, dev: &[TrainDoc]) -> (f32, f32) {
    // Per proposal: gain, whether the tagger's end was right, whether the proposal is, and
    // whether it extends the fragment.
    let mut props: Vec<(f32, bool, bool, bool)> = Vec::new();
    for d in dev {
        let mut sc = Scratch::new(d.prep.toks.len());
        for (c, win, gold) in &d.attrs {
            let ctx = CueCtx::new(&d.prep, c.clone());
            let labels = model.role_labels(&d.prep, &ctx, win.clone(), &mut sc);
            let content = runs(&labels, 3, 4, win.start);
            let gold = runs(gold, 3, 4, win.start);
            // The gold cues after this one.
            let mut later: Vec<usize> = d.attrs.iter().map(|a| a.0.start).filter(|&s| s >= c.end).collect();
            later.sort_unstable();
            ends::propose(ch, &d.prep, &ctx, win.end, &later, &content, |k, e, gain| {
                let r = &content[k];
                if e != r.end {
                    props.push((gain, gold.contains(r), gold.contains(&(r.start..e)), e > r.end));
                }
            });
        }
    }
    let kept = props.iter().filter(|p| p.1).count() as i64;
    const GRID: [f32; 14] = [64.0, 48.0, 32.0, 24.0, 16.0, 12.0, 8.0, 6.0, 4.0, 3.0, 2.0, 1.0, 0.5, 0.0];
    // The two kinds of move are independent: best margin for each (ties: the larger).
    let mut best = [(i64::MIN, f32::INFINITY); 2];
    for (slot, ext) in [(0, false), (1, true)] {
        for m in GRID {
            let moved = props.iter().filter(|p| p.3 == ext && p.0 > m);
            let delta = moved.fold(0i64, |acc, p| acc - i64::from(p.1) + i64::from(p.2));
            tracing::info!(margin = m, extend = ext, exact_delta = delta, "content-end margin");
            if delta > best[slot].0 {
                best[slot] = (delta, m);
            }
        }
    }
    tracing::info!(
        shorten = best[0].1,
        extend = best[1].1,
        exact_delta = best[0].0 + best[1].0,
        kept,
        proposals = props.len(),
        "content-end margins"
    );
    (best[0].1, best[1].1)
}

/// `base`'s taggers with a content-end chooser trained on `train_dir` (margin chosen on
/// `dev_dir` when given): only content ends change. A current-version base with a chooser
/// keeps its later sections (cue recall, cue extension, cue bias) byte for byte; any other
/// base gets none of them (the default cue bias).
pub fn train_ends(
    base: &AttrModel,
    train_dir: &Path,
    dev_dir: Option<&Path>,
    seed: u64,
    epochs: usize,
) -> Result<AttrModel, AttrError> {
    let (docs, dev) = training_docs(train_dir, dev_dir)?;
    // The base's cue and role sections, byte for byte.
    let (taggers, old_ends) = sections(&base.bytes)?;
    let mut probe = Writer(taggers.clone());
    probe.u8(0);
    probe.u8(0);
    probe.u8(0);
    probe.f32(DEFAULT_CUE_BIAS);
    let probe = AttrModel::from_bytes(&format::wrap(KIND, VERSION, &probe.0))?;
    let mut w = Writer(taggers.clone());
    w.u8(1);
    write_ends(&probe, &docs, &dev, epochs, seed, &mut w);
    let (payload, version) = unwrap_any(&base.bytes)?;
    match old_ends {
        // Payload: taggers, presence byte, the chooser's section, then the later sections.
        Some(e) if version == VERSION => w.0.extend_from_slice(&payload[taggers.len() + 1 + e.len()..]),
        _ => {
            w.u8(0);
            w.u8(0);
            w.f32(DEFAULT_CUE_BIAS);
        }
    }
    AttrModel::from_bytes(&format::wrap(KIND, VERSION, &w.0)).map_err(AttrError::Model)
}

/// A model file's payload and its version (the current one, 2 or 1).
fn unwrap_any(bytes: &[u8]) -> Result<(&[u8], u32), ModelError> {
    for v in [VERSION, VERSION_2] {
        match format::unwrap(bytes, KIND, v) {
            Ok(p) => return Ok((p, v)),
            Err(ModelError::Version { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    Ok((format::unwrap(bytes, KIND, VERSION_1)?, VERSION_1))
}

/// A model file's payload split into the taggers' sections and the content-end chooser's
/// (in the version-2 layout: margin, weights, longer-end margin), byte for byte.
fn sections(bytes: &[u8]) -> Result<(Vec<u8>, Option<Vec<u8>>), ModelError> {
    let (payload, version) = unwrap_any(bytes)?;
    let v1 = version == VERSION_1;
    let mut r = Reader::new(payload);
    Weights::read(CUE_LABELS, &mut r)?;
    Weights::read(ROLE_LABELS, &mut r)?;
    let taggers = payload[..payload.len() - r.rest().len()].to_vec();
    let has_ends = if v1 { !r.rest().is_empty() } else { r.u8()? != 0 };
    if !has_ends {
        return Ok((taggers, None));
    }
    let start = payload.len() - r.rest().len();
    let margin = r.f32()?;
    Weights::read(1, &mut r)?;
    let mut ends = Writer(payload[start..payload.len() - r.rest().len()].to_vec());
    if v1 && r.rest().is_empty() {
        ends.f32(margin);
    } else {
        let at = payload.len() - r.rest().len();
        r.f32()?;
        ends.0.extend_from_slice(&payload[at..payload.len() - r.rest().len()]);
    }
    Ok((taggers, Some(ends.0)))
}

/// Folds of the jackknifed first-stage cue taggers the recall classifier is trained behind.
pub const RECALL_FOLDS: usize = 5;
/// Epochs of the recall classifier.
pub const RECALL_EPOCHS: usize = 10;
/// The acceptance threshold when no development split chooses one.
pub const DEFAULT_RECALL_THRESHOLD: f32 = 0.0;
/// First-stage cues scoring below this are dropped.
pub const DEFAULT_RECALL_DROP: f32 = -6.0;

/// The cue tagger's emission rows over a whole document (n × 3, bias included), from the
/// hashed features (as [`tag_cues`]).
fn cue_emissions(tagger: &Tagger, bias: f32, d: &Prepared) -> Vec<f32> {
    const NL: usize = CUE_LABELS;
    let mut em = vec![0f32; d.toks.len() * NL];
    for s in &d.sents {
        for i in s.clone() {
            let row = &mut em[i * NL..(i + 1) * NL];
            row[1] += bias;
            for key in cue_features(d, s.clone(), i) {
                tagger.w.add(key, row);
            }
        }
    }
    em
}

/// Word cue counts of a training document: per lower-case word hash, (tokens inside a gold
/// cue, tokens).
fn word_counts(d: &TrainDoc) -> rustc_hash::FxHashMap<u64, (u32, u32)> {
    let mut m: rustc_hash::FxHashMap<u64, (u32, u32)> = Default::default();
    for (a, &l) in d.prep.toks.iter().zip(&d.cue_labels) {
        let e = m.entry(a.lower).or_default();
        e.0 += u32::from(l != 0);
        e.1 += 1;
    }
    m
}

/// `base` with a cue-recall section trained on `train_dir` behind [`RECALL_FOLDS`]
/// jackknifed cue taggers (trained with `cue_epochs`, as the shipped one), its threshold
/// chosen on `dev_dir` (exact cue F1 of the first stage plus accepted candidates) when
/// given. The base's other sections are kept byte for byte.
pub fn train_recall(
    base: &AttrModel,
    train_dir: &Path,
    dev_dir: Option<&Path>,
    seed: u64,
    cue_epochs: usize,
) -> Result<AttrModel, AttrError> {
    let (docs, dev) = training_docs(train_dir, dev_dir)?;
    let folds = fold_taggers(&docs, cue_epochs, seed, 1, 2.0, false);
    let (rows, threshold, prior) = recall_section(base, &docs, &dev, &[seed], &folds);
    let (taggers, ends) = sections(&base.bytes)?;
    let mut w = Writer(taggers);
    w.u8(u8::from(ends.is_some()));
    if let Some(e) = ends {
        w.0.extend_from_slice(&e);
    }
    w.u8(1);
    recall::write(&rows, threshold, DEFAULT_RECALL_DROP, &prior, &mut w);
    w.u8(0);
    w.f32(base.cue_bias);
    AttrModel::from_bytes(&format::wrap(KIND, VERSION, &w.0)).map_err(AttrError::Model)
}

/// Train the recall classifier (rows, threshold, prior) for `base`'s role tagger.
fn recall_section(
    base: &AttrModel,
    docs: &[TrainDoc],
    dev: &[TrainDoc],
    seeds: &[u64],
    folds: &[Tagger],
) -> (Rows, f32, recall::Prior) {
    // The word prior over all of train; each training document's own counts come out of
    // it when its items are built (leave one document out).
    let counts: Vec<_> = docs.iter().map(word_counts).collect();
    let mut full: recall::Prior = Default::default();
    for m in &counts {
        for (k, v) in m {
            let e = full.entry(*k).or_default();
            e.0 += v.0;
            e.1 += v.1;
        }
    }
    // Stored: words inside a gold cue at least twice.
    let prior: recall::Prior = full.into_iter().filter(|(_, v)| v.0 >= recall::MIN_CUE_COUNT).collect();
    let mut items: Vec<recall::Item> = Vec::new();
    let (mut pos, mut reachable, mut roled) = (0usize, 0usize, 0usize);
    for (fold, tagger) in folds.iter().enumerate() {
        for di in (0..docs.len()).filter(|i| i % RECALL_FOLDS == fold) {
            let d = &docs[di];
            // The prior without this document (candidates by the stored prior less it).
            let own = &counts[di];
            let mut p_wo = prior.clone();
            for (k, v) in own {
                if let Some(e) = p_wo.get_mut(k) {
                    e.0 -= v.0.min(e.0);
                    e.1 -= v.1.min(e.1);
                }
            }
            p_wo.retain(|_, v| v.0 >= recall::MIN_CUE_COUNT);
            let (em, cues) = first_cues(tagger, &d.prep);
            let hits = base.roles(&d.prep, &cues);
            let mut kept = recall::Bases::new(&d.prep);
            let mut cands = recall::candidates(&d.prep, &p_wo, &em, &tagger.tr, &cues, &mut kept);
            let want: Vec<usize> = (0..cands.len()).filter(|&k| cands[k].wants_roles()).collect();
            let spans: Vec<Range<usize>> = want.iter().map(|&k| cands[k].span.clone()).collect();
            for (&k, h) in want.iter().zip(base.roles(&d.prep, &spans).iter()) {
                cands[k].set_roles(h);
            }
            roled += want.len();
            let gold_cues = runs(&d.cue_labels, 1, 2, 0);
            let missed: Vec<&Range<usize>> = gold_cues
                .iter()
                .filter(|g| !cues.iter().any(|c| c.start < g.end && g.start < c.end))
                .collect();
            reachable += missed.len();
            let ctx = recall::DocCtx::new(&d.prep, &hits);
            cands.extend(recall::firsts(&d.prep, &p_wo, &em, &tagger.tr, &hits, &mut kept));
            for c in &cands {
                let g = if c.first {
                    gold_cues.iter().any(|g| c.span.start < g.end && g.start < c.span.end)
                } else if std::env::var("RECALL_OVERLAP").is_ok() {
                    missed.iter().any(|g| c.span.start < g.end && g.start < c.span.end)
                } else {
                    missed.iter().any(|g| **g == c.span)
                };
                pos += usize::from(g);
                items.push(recall::Item {
                    feats: recall::features(&d.prep, &ctx, &prior, Some(own), c),
                    gold: g,
                });
            }
        }
        tracing::info!(fold, items = items.len(), pos, reachable, roled, "cue recall fold");
    }
    let rows = soup(seeds, |s| recall::train(&items, RECALL_EPOCHS, s));
    let threshold = if dev.is_empty() {
        DEFAULT_RECALL_THRESHOLD
    } else {
        let rc = Recall::new(Weights::from_rows(1, &rows), 0.0, f32::MIN, prior.clone());
        tune_recall(base, &rc, dev)
    };
    (rows, threshold, prior)
}

/// The threshold that maximises exact cue F1 on `dev` (first-stage cues plus accepted
/// candidates, before the rules).
fn tune_recall(base: &AttrModel, rc: &Recall, dev: &[TrainDoc]) -> f32 {
    let mut per_doc = Vec::new();
    let (mut tp0, mut pred0, mut gold) = (0usize, 0usize, 0usize);
    for d in dev {
        let (cues, hits, cands) = base.recall_inputs(&d.prep, rc.prior());
        let g = runs(&d.cue_labels, 1, 2, 0);
        let (tp, p, n) = span_f1(&g, &cues);
        tp0 += tp;
        pred0 += p;
        gold += n;
        let mut cands = cands;
        cands.retain(|c| !c.first);
        let scores = rc.score(&d.prep, &hits, &cands);
        per_doc.push((g, cands, scores));
    }
    // Never accepting: a threshold above any score.
    let mut best = (f1((tp0, pred0, gold)), f32::MAX);
    for (d, (g, cands, scores)) in dev.iter().zip(&per_doc) {
        for (c, sc) in cands.iter().zip(scores) {
            if *sc > -2.0 {
                let words: Vec<&str> = c.span.clone().map(|j| d.prep.words[j].as_str()).collect();
                let ov = g.iter().any(|x| x.start < c.span.end && c.span.start < x.end);
                tracing::debug!(score = sc, margin = c.margin, exact = g.contains(&c.span), overlap = ov, span = %words.join(" "), "cue recall candidate");
            }
        }
    }
    tracing::info!(f1 = best.0, "cue recall: first stage exact cue F1 on dev");
    for t in [-4.0f32, -2.0, -1.0, 0.0, 1.0, 2.0, 4.0, 6.0, 8.0, 12.0, 16.0, 24.0, 32.0] {
        let (mut tp, mut pred, mut ov) = (tp0, pred0, 0);
        for (g, cands, scores) in &per_doc {
            let picked: Vec<Range<usize>> =
                recall::pick(cands, scores, t).into_iter().map(|k| cands[k].span.clone()).collect();
            pred += picked.len();
            tp += picked.iter().filter(|p| g.contains(p)).count();
            ov += picked.iter().filter(|p| g.iter().any(|x| x.start < p.end && p.start < x.end)).count();
        }
        let score = f1((tp, pred, gold));
        tracing::info!(
            threshold = t,
            f1 = score,
            added = pred - pred0,
            exact = tp - tp0,
            overlap = ov,
            "cue recall threshold"
        );
        if score > best.0 {
            best = (score, t);
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The sweep answers as the scan it replaced, for nested and overlapping spans and
        /// for tokens asked out of text order.
        #[test]
        fn sweep_holds_as_the_scan(
            raw in proptest::collection::vec((0usize..60, 0usize..20), 0..12),
            toks in proptest::collection::vec((0usize..70, 0usize..6), 0..40),
        ) {
            let mut spans: Vec<Span> = raw.iter().map(|&(s, l)| Span::new(s, s + l)).collect();
            spans.sort();
            let mut sw = Sweep::new(&spans);
            for &(s, l) in &toks {
                let t = Span::new(s, s + l);
                let scan = spans.iter().take_while(|p| p.start <= t.start).any(|p| t.end <= p.end);
                proptest::prop_assert_eq!(sw.holds(t), scan);
            }
        }
    }

    #[test]
    fn mean_rows_averages_seeds_then_prunes() {
        let one: Rows = vec![(3, vec![(0, 1.0), (2, 4.0)]), (9, vec![(1, -3.0)])];
        let two: Rows = vec![(3, vec![(2, 2.0)]), (5, vec![(1, 0.5)])];
        // One part: as given (already pruned by `Trainer::averaged`).
        assert_eq!(mean_rows(vec![one.clone()], 9.0), one);
        // Two parts: the mean per (key, label), a missing weight counting as zero; weights
        // under 0.4 in magnitude dropped, rows left empty dropped, keys in order.
        let m = mean_rows(vec![one, two], 0.4);
        assert_eq!(m, vec![(3, vec![(0, 0.5), (2, 3.0)]), (9, vec![(1, -1.5)])]);
    }

    #[test]
    fn soup_is_the_one_model_or_the_mean_in_seed_order() {
        // A stand-in trainer whose rows depend on the seed.
        let train = |s: u64| -> Rows { vec![(s, vec![(0, s as f32)]), (7, vec![(1, 2.0 * s as f32)])] };
        assert_eq!(soup(&[4], train), train(4));
        // Two seeds: each key's weights averaged (a key only one seed has counts half), the
        // same whichever thread finishes first.
        let m = soup(&[1, 3], train);
        assert_eq!(m, vec![(1, vec![(0, 0.5)]), (3, vec![(0, 1.5)]), (7, vec![(1, 4.0)])]);
        assert_eq!(soup(&[3, 1], train), m);
    }

    /// A model's payload: empty taggers, then `rest`.
    fn tiny(version: u32, rest: &[u8]) -> Vec<u8> {
        let mut w = Writer::default();
        Weights::write(&[], &mut w);
        Weights::write(&[], &mut w);
        w.0.extend_from_slice(rest);
        format::wrap(KIND, version, &w.0)
    }

    #[test]
    fn version_2_files_load_without_extension_and_with_the_default_bias() {
        // Version 2: no chooser, no recall, and nothing after them.
        let m = AttrModel::from_bytes(&tiny(VERSION_2, &[0, 0])).expect("a version-2 file loads");
        assert!(m.extend.is_none() && m.recall.is_none() && m.ends.is_none());
        assert_eq!(m.cue_bias, DEFAULT_CUE_BIAS);
        // The same bytes labelled version 3 lack the extension byte and the bias.
        assert!(AttrModel::from_bytes(&tiny(VERSION, &[0, 0])).is_err());
    }

    #[test]
    fn version_3_files_carry_the_extension_and_the_cue_bias() {
        let rows: Rows = vec![(f(301, &[1, 7]), vec![(0, 2.5)])];
        let rest = Rest { ends: None, recall: None, extend: Some((rows.clone(), Some(3.0))), cue_bias: 31.0 };
        let m = AttrModel::from_bytes(&tiny(VERSION, &rest.bytes())).expect("loads");
        let x = m.extend.as_ref().expect("an extension section");
        assert_eq!(x.margin, 3.0);
        let mut sc = [0f32];
        x.w.add(f(301, &[1, 7]), &mut sc);
        assert_eq!(sc[0], 2.5);
        assert_eq!(m.cue_bias, 31.0);
        // No margin: the section is left out.
        let rest = Rest { extend: Some((rows, None)), cue_bias: DEFAULT_CUE_BIAS, ..rest };
        let m = AttrModel::from_bytes(&tiny(VERSION, &rest.bytes())).expect("loads");
        assert!(m.extend.is_none());
        // A non-finite bias is refused.
        let rest = Rest { extend: None, cue_bias: f32::NAN, ..rest };
        assert!(AttrModel::from_bytes(&tiny(VERSION, &rest.bytes())).is_err());
        // train_recall / train_ends read the taggers of a version-3 file.
        let (taggers, ends) = sections(&tiny(VERSION, &[0, 0, 0, 0, 0, 0xc8, 0x41])).expect("sections");
        assert!(ends.is_none() && !taggers.is_empty());
    }

    #[test]
    fn seed_lists_start_with_the_given_seed() {
        assert_eq!(seed_list(17, 1), vec![17]);
        let l = seed_list(17, 3);
        assert_eq!(l[0], 17);
        assert!(l[1] != l[0] && l[2] != l[1] && l[2] != l[0]);
        assert_eq!(seed_list(17, 0), vec![17]);
    }

    #[test]
    fn projected_role_labels_skip_the_cue_and_restart_cut_spans() {
        let (_, d) = prepare_text("The harbour master said on Monday that the pier would reopen soon.");
        let at = |w: &str| d.words.iter().position(|x| x == w).expect("word");
        let (said, on, that, soon) = (at("said"), at("on"), at("that"), at("soon"));
        // Source "The harbour master", content "that … soon"; a predicted cue "said on"
        // (longer than the gold "said") takes "on" out of nothing and leaves both roles.
        let spans = vec![(0..said, 1, 2), (that..soon + 1, 3, 4)];
        let cue = said..on + 1;
        let (w, labels) = project_labels(&d, &cue, &spans);
        assert!(w.start == 0 && w.end > soon);
        assert_eq!(&labels[..said], &[1, 2, 2][..]);
        assert_eq!(labels[said], 0);
        assert_eq!(labels[on], 0);
        assert_eq!(labels[that], 3);
        assert!(labels[that + 1..=soon].iter().all(|&l| l == 4));
        // A cue inside the content cuts it: the part after the cue starts with B.
        let (_, labels) = project_labels(&d, &(that..that + 1), &[(that..soon + 1, 3, 4)]);
        assert_eq!(labels[that], 0);
        assert_eq!(labels[that + 1], 3);
        assert_eq!(labels[that + 2], 4);
    }

    #[test]
    fn unrolled_viterbi_matches_the_general_one() {
        let mut rng = SplitMix(7);
        for nl in [CUE_LABELS, ROLE_LABELS] {
            for n in 0..40 {
                let mut val = || ((rng.next_u64() % 2001) as f32 - 1000.0) / 37.0;
                let em: Vec<f32> = (0..n * nl).map(|_| val()).collect();
                let tr: Vec<f32> = (0..(nl + 1) * nl).map(|_| val()).collect();
                let forced: Vec<bool> = (0..n).map(|_| rng.next_u64().is_multiple_of(5)).collect();
                assert_eq!(
                    viterbi(nl, &em, &tr, &forced),
                    viterbi_any(nl, &em, &tr, &forced),
                    "nl {nl} n {n}"
                );
            }
        }
    }

    /// The five- and three-label Viterbis against the general ones, also on scores full of
    /// ties.
    #[test]
    fn role_viterbi_matches_the_general_ones_with_ties() {
        let mut rng = SplitMix(11);
        for round in 0..400 {
            let n = round % 30;
            let nl = ROLE_LABELS;
            let mut val = || {
                if round % 2 == 0 {
                    (rng.next_u64() % 3) as f32 - 1.0
                } else {
                    ((rng.next_u64() % 2001) as f32 - 1000.0) / 37.0
                }
            };
            let em: Vec<f32> = (0..n * nl).map(|_| val()).collect();
            let tr: Vec<f32> = (0..(nl + 1) * nl).map(|_| val()).collect();
            let forced: Vec<bool> = (0..n).map(|_| rng.next_u64().is_multiple_of(4)).collect();
            let want = viterbi_any(nl, &em, &tr, &forced);
            assert_eq!(viterbi_role(&em, &tr, &forced), want, "round {round}");
            assert_eq!(viterbi_n::<ROLE_LABELS>(&em, &tr, &forced), want, "round {round}");
            // The same scores cut to three labels for the cue tagger.
            let em3: Vec<f32> = em.chunks_exact(nl).flat_map(|r| r[..CUE_LABELS].to_vec()).collect();
            let tr3: Vec<f32> = tr.chunks_exact(nl).flat_map(|r| r[..CUE_LABELS].to_vec()).take(12).collect();
            let want3 = viterbi_any(CUE_LABELS, &em3, &tr3, &forced);
            assert_eq!(viterbi_cue(&em3, &tr3, &forced), want3, "round {round}");
            assert_eq!(viterbi_n::<CUE_LABELS>(&em3, &tr3, &forced), want3, "round {round}");
        }
    }

    /// The role tagger's emission rows through the tables, the cue's rows and the far-72
    /// cache are bit for bit the hashed features' rows summed in their order.
    #[test]
    fn role_tables_give_the_hashed_scores_bit_for_bit() {
        let text = "The minister said on Monday that the port would reopen, officials added.\n\n\
            “We are not going to stop,” a union leader told reporters. “Not now.”\n\n\
            According to a report seen by the paper, the talks had failed; the company denied it. \
            Analysts, however, warned that prices would rise – sharply – in the spring.\n\n\
            She said: “It is over.” He did not respond to a request for comment.";
        for shift in ["", "Été — "] {
            let text = format!("{shift}{text}");
            let (_, d) = prepare_text(&text);
            let n = d.toks.len();
            let cues: Vec<Range<usize>> =
                (0..n).map(|i| i..i + 1).chain((0..n.saturating_sub(1)).map(|i| i..i + 2)).collect();
            // Weights for most keys the windows hash to (some left out: absent rows add 0.0).
            let mut rng = SplitMix(5);
            let mut keys: Vec<u64> = Vec::new();
            for c in &cues {
                let ctx = CueCtx::new(&d, c.clone());
                for j in window(&d, c).filter(|j| !c.contains(j)) {
                    role_features(&d, &ctx, j, &mut keys);
                }
            }
            keys.sort_unstable();
            keys.dedup();
            let mut rows: Rows = Vec::new();
            for &k in &keys {
                if !rng.next_u64().is_multiple_of(8) {
                    let row = (0..ROLE_LABELS as u16)
                        .map(|l| (l, ((rng.next_u64() % 4001) as f32 - 2000.0) / 29.0))
                        .collect();
                    rows.push((k, row));
                }
            }
            let model = role_probe(&rows);
            let wt = &model.role.w;
            let mut sc = Scratch::new(n);
            for c in &cues {
                let ctx = CueCtx::new(&d, c.clone());
                let w = window(&d, c);
                let labels = model.role_labels(&d, &ctx, w.clone(), &mut sc);
                // The baseline copy (the call above takes the AVX2 one where the CPU has it).
                let em = sc.em.clone();
                assert_eq!(model.role_labels_impl(&d, &ctx, w.clone(), &mut sc), labels, "cue {c:?}");
                assert_eq!(sc.em, em, "cue {c:?}");
                let mut want = vec![0f32; w.len() * ROLE_LABELS];
                for (k, j) in w.clone().enumerate() {
                    if c.contains(&j) {
                        continue;
                    }
                    let row = &mut want[k * ROLE_LABELS..(k + 1) * ROLE_LABELS];
                    let mut local = [0f32; ROLE_LABELS];
                    for key in role_local(&d, j, ctx.dir(j)) {
                        wt.add(key, &mut local);
                    }
                    row.copy_from_slice(&local);
                    for key in role_cued(&d, &ctx, j) {
                        wt.add(key, row);
                    }
                }
                let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<u32>>();
                assert_eq!(bits(&sc.em), bits(&want), "cue {c:?}");
                assert_eq!(labels, viterbi_any(ROLE_LABELS, &want, &model.role.tr, &sc.forced));
            }
        }
    }

    /// The cue tagger's emission rows through the tables and row cache are bit for bit the
    /// hashed features' rows summed in their order, and its cues those of [`tag_cues`].
    #[test]
    fn cue_tables_give_the_hashed_scores_bit_for_bit() {
        let text = "“Enough,” the mayor said. According to the council, rates rise — again.\n\n\
            Officials believe the plan, which critics called “reckless”, will fail; she denied it.";
        for shift in ["", "Ünï “q” "] {
            let text = format!("{shift}{text}");
            let (_, d) = prepare_text(&text);
            let mut keys: Vec<u64> = Vec::new();
            for s in &d.sents {
                for i in s.clone() {
                    keys.extend(cue_features(&d, s.clone(), i));
                }
            }
            keys.sort_unstable();
            keys.dedup();
            let mut rng = SplitMix(9);
            let mut rows: Rows = Vec::new();
            for &k in &keys {
                if !rng.next_u64().is_multiple_of(8) {
                    let row = (0..CUE_LABELS as u16)
                        .map(|l| (l, ((rng.next_u64() % 4001) as f32 - 2000.0) / 31.0))
                        .collect();
                    rows.push((k, row));
                }
            }
            for bias in [0.0, DEFAULT_CUE_BIAS] {
                let w = Weights::from_rows(CUE_LABELS, &rows);
                let tab = CueTables::new(&w);
                let mut memo = Memo::new();
                for s in &d.sents {
                    for i in s.clone() {
                        let got = cue_row(&tab, &mut memo, &w, &d, s, i, &cue_keys(&d, s, i), bias);
                        let mut want = [0f32; CUE_LABELS];
                        want[1] += bias;
                        for key in cue_features(&d, s.clone(), i) {
                            w.add(key, &mut want);
                        }
                        let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<u32>>();
                        assert_eq!(bits(&got[..CUE_LABELS]), bits(&want), "token {i}");
                    }
                }
                let mut m = role_probe(&[]);
                m.cue_tab = tab;
                m.cue = Tagger::new(CUE_LABELS, Weights::from_rows(CUE_LABELS, &rows));
                m.set_cue_bias(bias);
                let mut sc = Scratch::new(d.toks.len());
                assert_eq!(m.tag_cues(&d, &mut sc), tag_cues(&m.cue, bias, &d));
                let em = sc.cue_em.clone();
                assert_eq!(m.tag_cues_impl(&d, &mut sc), tag_cues(&m.cue, bias, &d));
                let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<u32>>();
                assert_eq!(bits(&sc.cue_em), bits(&em));
            }
        }
    }

    #[test]
    fn bucket_table_matches_bucket() {
        for n in 0..40 {
            assert_eq!(BUCKETS.get(n).map_or(7, |&b| u64::from(b)), bucket(n), "{n}");
        }
    }

    #[test]
    fn viterbi_respects_constraints() {
        // I at position 0 has the best emission but is not allowed after start.
        let em = [0.0, 0.0, 5.0, 0.0, 1.0, 0.0];
        let tr = vec![0.0; 4 * 3];
        let out = viterbi(3, &em, &tr, &[false, false]);
        assert_ne!(out[0], 2);
        let forced = viterbi(3, &[0.0, 9.0, 0.0], &tr, &[true]);
        assert_eq!(forced, vec![0]);
    }

    #[test]
    fn runs_split_on_b() {
        assert_eq!(runs(&[0, 1, 2, 1, 0, 2], 1, 2, 10), vec![11..13, 13..14, 15..16]);
    }
}
