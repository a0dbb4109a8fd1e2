//! Content-end chooser: where a content fragment that follows its cue ends.
//!
//! The role tagger decides content ends token by token; most of its exact-span errors on
//! contents are ends one clause too short or too long (a comma the corpus runs over, ", and
//! …", a trailing prepositional phrase). For a fragment starting after its cue, the chooser
//! scores candidate ends — clause boundaries (punctuation, conjunctions, prepositions,
//! wh-words, quote marks, sentence ends) from the fragment's start to the end of the
//! sentence after the next, within the cue's window — with a linear model over features of
//! the boundary and of the span (quote and bracket balance, sentences spanned, the cue), and
//! moves the tagger's end only when another end scores `margin` higher.
//!
//! Trained as a ranking perceptron (averaged) on PolNeAR with gold cues and gold starts;
//! the margin is chosen on a development split with the role tagger's own ends.

use std::ops::Range;
use std::sync::LazyLock;

use dossier_tag::hash::SplitMix;
use dossier_tag::learn::Trainer;
use dossier_tag::weights::Weights;

use crate::model::{bucket, f, CueCtx, Prepared, NA};

/// XPOS tags a content may end before (clause boundaries).
static BOUNDARY_TAG: LazyLock<[bool; 256]> = LazyLock::new(|| {
    let mut t = [false; 256];
    for (i, x) in dossier_tag::tags::XPOS.iter().enumerate() {
        t[i] = matches!(
            *x,
            "," | "."
                | ":"
                | "CC"
                | "IN"
                | "TO"
                | "WDT"
                | "WP"
                | "WRB"
                | "-LRB-"
                | "-RRB-"
                | "``"
                | "''"
                | "HYPH"
                | "NFP"
                | "VBG"
        );
    }
    t
});

/// Number of features per candidate end.
const END_FEATS: usize = 24;

/// The chooser's weights (one label) and the margins the tagger's end keeps against a
/// shorter (`margin`) and a longer (`extend`) end.
pub(crate) struct EndChooser {
    pub w: Weights,
    pub margin: f32,
    pub extend: f32,
    /// `w`'s small-valued rows, indexed.
    pub tab: EndTables,
}

impl EndChooser {
    pub(crate) fn new(w: Weights, margin: f32, extend: f32) -> EndChooser {
        EndChooser { tab: EndTables::new(&w), w, margin, extend }
    }
}

/// The chooser's weights of the [`features`] whose parts are all small numbers, looked up
/// once at load time and indexed at run time (as the taggers' tables in `model`): the same
/// weights added in the same order, so the same scores bit for bit.
pub(crate) struct EndTables {
    /// 200 [].
    t200: f32,
    /// 206 [sent_end, para_end]: se·2 + pe.
    t206: [f32; 4],
    /// 207 [nsent, sent_end]: ns·2 + se.
    t207: [f32; 8],
    /// 208 [len, sent_end]: len·2 + se.
    t208: [f32; 16],
    /// 209 [quote_bal, last qmark, next qmark]: ((qb + 2)·3 + lq)·3 + nq.
    t209: [f32; 45],
    /// 210 [paren, sent_end]: (paren + 1)·2 + se.
    t210: [f32; 8],
    /// 211 [cue_ahead, next is comma]: lex·2 + comma.
    t211: [f32; 16],
    /// 214 [cue_in_q, last in quote, next in quote]: (cq·2 + lq)·2 + nq.
    t214: [f32; 8],
    /// 216 [commas, last comma, sent_end]: (c·2 + lc)·2 + se.
    t216: [f32; 16],
    /// 217 [last xpos, sent_end]: xpos·2 + se.
    t217: Box<[f32; 512]>,
    /// 221 [starts_quoted, quote_bal, sent_end]: (sq·5 + qb + 2)·2 + se.
    t221: [f32; 20],
}

impl EndTables {
    pub(crate) fn new(w: &Weights) -> EndTables {
        let get = |key: u64| {
            let mut r = [0f32; 1];
            w.add(key, &mut r);
            r[0]
        };
        let signed = |v: i64| v as u64;
        let t217: Vec<f32> = (0..512).map(|i| get(f(217, &[(i / 2) as u64, (i % 2) as u64]))).collect();
        EndTables {
            t200: get(f(200, &[])),
            t206: std::array::from_fn(|i| get(f(206, &[(i / 2) as u64, (i % 2) as u64]))),
            t207: std::array::from_fn(|i| get(f(207, &[(i / 2) as u64, (i % 2) as u64]))),
            t208: std::array::from_fn(|i| get(f(208, &[(i / 2) as u64, (i % 2) as u64]))),
            t209: std::array::from_fn(|i| {
                get(f(209, &[signed(i as i64 / 9 - 2), (i / 3 % 3) as u64, (i % 3) as u64]))
            }),
            t210: std::array::from_fn(|i| get(f(210, &[signed(i as i64 / 2 - 1), (i % 2) as u64]))),
            t211: std::array::from_fn(|i| get(f(211, &[(i / 2) as u64, (i % 2) as u64]))),
            t214: std::array::from_fn(|i| get(f(214, &[(i / 4) as u64, (i / 2 % 2) as u64, (i % 2) as u64]))),
            t216: std::array::from_fn(|i| get(f(216, &[(i / 4) as u64, (i / 2 % 2) as u64, (i % 2) as u64]))),
            t217: t217.into_boxed_slice().try_into().unwrap_or_else(|_| unreachable!("512 rows")),
            t221: std::array::from_fn(|i| {
                get(f(221, &[(i / 10) as u64, signed(i as i64 / 2 % 5 - 2), (i % 2) as u64]))
            }),
        }
    }
}

/// Running counts over a fragment's tokens, updated as the end moves right.
#[derive(Default, Clone, Copy)]
struct Run {
    opens: i32,
    closes: i32,
    paren: i32,
    commas: u32,
}

impl Run {
    fn push(&mut self, d: &Prepared, j: usize) {
        let a = &d.toks[j];
        match a.qmark {
            1 => self.opens += 1,
            2 => self.closes += 1,
            _ => {}
        }
        match d.words[j].as_str() {
            "(" => self.paren += 1,
            ")" => self.paren -= 1,
            _ => {}
        }
        self.commas += u32::from(a.comma);
    }
}

/// The last token (exclusive) candidates may reach for a fragment starting at `s`: the end
/// of the sentence after the next, within `w_end` (the cue's window) and before `stop`.
pub(crate) fn limit(d: &Prepared, s: usize, w_end: usize, stop: usize) -> usize {
    let si = d.sent_of[s] as usize + 2;
    let sent_end = d.sents.get(si).or(d.sents.last()).map_or(w_end, |r| r.end);
    sent_end.min(w_end).min(stop).max(s + 1)
}

/// Whether a content may end before token `e` (exclusive end `e`).
fn boundary(d: &Prepared, e: usize) -> bool {
    let n = d.toks.len();
    if e >= n || d.sent_of[e - 1] != d.sent_of[e] {
        return true;
    }
    let (a, p) = (&d.toks[e], &d.toks[e - 1]);
    BOUNDARY_TAG[a.xpos as usize] || a.comma || a.qmark != 0 || p.comma || p.qmark != 0
}

/// Candidate ends (exclusive) of a fragment starting at `s`, up to `lim`, with `keep` (the
/// tagger's end) always among them.
fn candidates(d: &Prepared, s: usize, lim: usize, keep: Option<usize>, out: &mut Vec<usize>) {
    out.clear();
    for e in s + 1..=lim {
        if e == lim || Some(e) == keep || boundary(d, e) {
            out.push(e);
        }
    }
}

/// What [`features`] and [`score`] both read of the fragment `s..e`, derived once here so the
/// trained features and the runtime score cannot drift apart.
struct Atoms {
    sent_end: bool,
    para_end: bool,
    /// Sentences the fragment spans beyond its first, at most 3.
    nsent: u32,
    /// Bucketed tokens from `e` to its sentence's end (0 at a sentence end).
    to_sent_end: u64,
    /// The strongest cue class in the four tokens from `e`.
    cue_ahead: u8,
    /// Quotation marks opened minus closed, within -2..=2.
    quote_bal: i32,
    starts_quoted: bool,
    next_q: u8,
    len: u64,
}

impl Atoms {
    #[inline]
    fn of(d: &Prepared, s: usize, e: usize, run: &Run) -> Atoms {
        let t = &d.toks;
        let n = t.len();
        let sent_end = e >= n || d.sent_of[e - 1] != d.sent_of[e];
        Atoms {
            sent_end,
            para_end: e >= n
                || d.para_of_sent[d.sent_of[e - 1] as usize] != d.para_of_sent[d.sent_of[e] as usize],
            nsent: (d.sent_of[e - 1] - d.sent_of[s]).min(3),
            to_sent_end: if sent_end { 0 } else { bucket(d.sents[d.sent_of[e - 1] as usize].end - e) },
            cue_ahead: (e..(e + 4).min(n)).map(|k| t[k].lex).max().unwrap_or(0),
            quote_bal: (run.opens - run.closes).clamp(-2, 2),
            starts_quoted: t[s].qmark == 1 || (s > 0 && t[s - 1].qmark == 1),
            next_q: t.get(e).map_or(0, |a| a.qmark),
            len: bucket(e - s),
        }
    }
}

/// Features of the fragment `s..e` after cue `c` (`run` holds the counts over `s..e`).
#[inline]
fn features(d: &Prepared, c: &CueCtx, s: usize, e: usize, run: &Run) -> [u64; END_FEATS] {
    let t = &d.toks;
    let n = t.len();
    let last = &t[e - 1];
    let at = |k: usize| (k < n).then(|| &t[k]);
    let xp = |k: usize| at(k).map_or(NA, |a| u64::from(a.xpos));
    let a = Atoms::of(d, s, e, run);
    let (sent_end, para_end, nsent) = (u64::from(a.sent_end), u64::from(a.para_end), a.nsent as u64);
    let (to_sent_end, cue_ahead, len) = (a.to_sent_end, a.cue_ahead, a.len);
    let quote_bal = a.quote_bal as u64;
    let (starts_quoted, next_q) = (u64::from(a.starts_quoted), a.next_q);
    // The keys that depend on the end alone, as the runtime's score reads them.
    let k = end_keys(d, c, e);
    [
        f(200, &[]),
        k[0],
        k[1],
        k[2],
        k[3],
        k[4],
        f(206, &[sent_end, para_end]),
        f(207, &[nsent, sent_end]),
        f(208, &[len, sent_end]),
        f(209, &[quote_bal, u64::from(last.qmark), u64::from(next_q)]),
        f(210, &[run.paren.clamp(-1, 2) as u64, sent_end]),
        f(211, &[u64::from(cue_ahead), u64::from(at(e).is_some_and(|a| a.comma))]),
        f(212, &[c.head(), sent_end]),
        k[5],
        f(214, &[c.cue_in_q(), u64::from(last.in_quote), u64::from(at(e).is_some_and(|a| a.in_quote))]),
        k[6],
        f(216, &[u64::from(run.commas.min(3)), u64::from(last.comma), sent_end]),
        f(217, &[u64::from(last.xpos), sent_end]),
        k[7],
        k[8],
        f(220, &[to_sent_end, xp(e)]),
        f(221, &[starts_quoted, quote_bal, sent_end]),
        f(222, &[c.cls(), sent_end, nsent]),
        k[9],
    ]
}

/// The weight-table keys of [`score`]'s features that depend on the end `e` alone (templates
/// 201–205, 213, 215, 218, 219, 223), in its order: [`score_all`] prefetches their slots a
/// few candidates ahead.
#[inline]
fn end_keys(d: &Prepared, c: &CueCtx, e: usize) -> [u64; 10] {
    let t = &d.toks;
    let n = t.len();
    let last = &t[e - 1];
    let at = |k: usize| (k < n).then(|| &t[k]);
    let lw = |k: usize| at(k).map_or(NA, |a| a.lower);
    let xp = |k: usize| at(k).map_or(NA, |a| u64::from(a.xpos));
    let xe = xp(e);
    [
        f(201, &[last.lower]),
        f(202, &[lw(e)]),
        f(203, &[u64::from(last.xpos), xe]),
        f(204, &[xe, xp(e + 1)]),
        f(205, &[lw(e), lw(e + 1)]),
        f(213, &[c.head(), xe]),
        f(215, &[last.lower, lw(e)]),
        f(218, &[u64::from(at(e).is_some_and(|a| a.cap)), xe]),
        f(219, &[at(e).map_or(NA, |a| a.clus[0])]),
        f(223, &[u64::from(last.xpos), xe, xp(e + 1)]),
    ]
}

/// The score of [`features`] of the fragment `s..e`: each feature's weight added in its
/// order, the small-valued ones from `tab`, the cue's two from `cue_w` (212 by sentence end,
/// 222 by sentence end and sentences spanned), the rest hashed
/// (`keys`: [`end_keys`] of `e`).
#[inline]
fn score(m: &Scorer<'_>, d: &Prepared, c: &CueCtx, s: usize, e: usize, keys: &[u64; 10], run: &Run) -> f32 {
    let (w, tab, cue_w) = (m.w, m.tab, &m.cue);
    let t = &d.toks;
    let n = t.len();
    let last = &t[e - 1];
    let at = |k: usize| (k < n).then(|| &t[k]);
    let xp = |k: usize| at(k).map_or(NA, |a| u64::from(a.xpos));
    let a = Atoms::of(d, s, e, run);
    let (se, pe, nsent) = (usize::from(a.sent_end), usize::from(a.para_end), a.nsent as usize);
    let to_sent_end = a.to_sent_end;
    let cue_ahead = usize::from(a.cue_ahead) & 7;
    let qb = (a.quote_bal + 2) as usize;
    let starts_quoted = usize::from(a.starts_quoted);
    let next_q = usize::from(a.next_q).min(2);
    let len = a.len as usize;
    let xe = xp(e);
    // `sc += x` with x a table's weight, or nothing for an absent row in the hashed path:
    // adding 0.0 leaves a score unchanged (it is never -0.0).
    let mut sc = 0f32;
    let hashed = |sc: &mut f32, key: u64| {
        let mut r = [*sc];
        w.add(key, &mut r);
        *sc = r[0];
    };
    sc += tab.t200;
    hashed(&mut sc, keys[0]);
    hashed(&mut sc, keys[1]);
    hashed(&mut sc, keys[2]);
    hashed(&mut sc, keys[3]);
    hashed(&mut sc, keys[4]);
    sc += tab.t206[se * 2 + pe];
    sc += tab.t207[nsent * 2 + se];
    sc += tab.t208[len * 2 + se];
    sc += tab.t209[(qb * 3 + usize::from(last.qmark).min(2)) * 3 + next_q];
    sc += tab.t210[(run.paren.clamp(-1, 2) + 1) as usize * 2 + se];
    sc += tab.t211[cue_ahead * 2 + usize::from(at(e).is_some_and(|a| a.comma))];
    sc += cue_w.w212[se];
    hashed(&mut sc, keys[5]);
    sc += tab.t214[((c.cue_in_q() & 1) as usize * 2 + usize::from(last.in_quote)) * 2
        + usize::from(at(e).is_some_and(|a| a.in_quote))];
    hashed(&mut sc, keys[6]);
    sc += tab.t216[((run.commas.min(3) as usize) * 2 + usize::from(last.comma)) * 2 + se];
    sc += tab.t217[usize::from(last.xpos) * 2 + se];
    hashed(&mut sc, keys[7]);
    hashed(&mut sc, keys[8]);
    hashed(&mut sc, f(220, &[to_sent_end, xe]));
    sc += tab.t221[(starts_quoted * 5 + qb) * 2 + se];
    sc += cue_w.w222[se * 4 + nsent];
    hashed(&mut sc, keys[9]);
    sc
}

/// The chooser's weights and tables for one cue.
pub(crate) struct Scorer<'a> {
    w: &'a Weights,
    tab: &'a EndTables,
    cue: CueWeights,
}

impl<'a> Scorer<'a> {
    pub(crate) fn new(w: &'a Weights, tab: &'a EndTables, c: &CueCtx) -> Scorer<'a> {
        Scorer { w, tab, cue: CueWeights::new(w, c) }
    }
}

/// The chooser's weights of the cue's features (212 [head, sent_end], 222 [cls, sent_end,
/// nsent]), per cue.
pub(crate) struct CueWeights {
    w212: [f32; 2],
    w222: [f32; 8],
}

impl CueWeights {
    pub(crate) fn new(w: &Weights, c: &CueCtx) -> CueWeights {
        let get = |key: u64| {
            let mut r = [0f32; 1];
            w.add(key, &mut r);
            r[0]
        };
        CueWeights {
            w212: std::array::from_fn(|i| get(f(212, &[c.head(), i as u64]))),
            w222: std::array::from_fn(|i| get(f(222, &[c.cls(), (i / 4) as u64, (i % 4) as u64]))),
        }
    }
}

/// Scores of every candidate end (`cands`) of the fragment starting at `s`.
fn score_all(
    m: &Scorer<'_>,
    d: &Prepared,
    c: &CueCtx,
    s: usize,
    cands: &[usize],
    mut each: impl FnMut(usize, f32),
) {
    const AHEAD: usize = 2;
    let mut keys = [[0u64; 10]; AHEAD + 1];
    let fetch = |k: usize, keys: &mut [[u64; 10]; AHEAD + 1]| {
        if let Some(&e) = cands.get(k) {
            keys[k % (AHEAD + 1)] = end_keys(d, c, e);
            keys[k % (AHEAD + 1)].iter().for_each(|&key| m.w.prefetch(key));
        }
    };
    for k in 0..AHEAD {
        fetch(k, &mut keys);
    }
    let mut run = Run::default();
    let mut j = s;
    for (k, &e) in cands.iter().enumerate() {
        fetch(k + AHEAD, &mut keys);
        while j < e {
            run.push(d, j);
            j += 1;
        }
        each(e, score(m, d, c, s, e, &keys[k % (AHEAD + 1)], &run));
    }
}

/// For each fragment of `content` (token ranges, in order) that starts after cue `c`: the
/// best-scoring end within reach (never past the next fragment's start or `w_end`, the
/// window end) and by how much it beats the fragment's own end — `each(k, end, gain)`.
/// `later` holds the first tokens of the cues after this one, in order. A fragment is not
/// extended over the next cue (the corpus's attributions are flat), nor shortened from
/// over a cue to before it (which would bring out a cue the tagger's content nested).
pub(crate) fn propose(
    ch: &EndChooser,
    d: &Prepared,
    c: &CueCtx,
    w_end: usize,
    later: &[usize],
    content: &[Range<usize>],
    mut each: impl FnMut(usize, usize, f32),
) {
    let mut cands = Vec::new();
    let m = Scorer::new(&ch.w, &ch.tab, c);
    for (k, r) in content.iter().enumerate() {
        if r.start < c.cue.end || r.is_empty() {
            continue;
        }
        let next_cue = later.iter().copied().find(|&q| q >= c.cue.end).unwrap_or(w_end);
        let stop = content.get(k + 1).map_or(w_end, |q| q.start).min(next_cue.max(r.end));
        let lim = limit(d, r.start, w_end, stop);
        if r.end > lim {
            continue;
        }
        // The last cue inside the fragment: shorter ends stay after it.
        let inner = later.iter().copied().filter(|&q| q > r.start && q < r.end).max();
        candidates(d, r.start, lim, Some(r.end), &mut cands);
        if let Some(q) = inner {
            cands.retain(|&e| e > q);
        }
        let (mut best, mut best_e, mut kept) = (f32::NEG_INFINITY, r.end, 0f32);
        score_all(&m, d, c, r.start, &cands, |e, s| {
            if e == r.end {
                kept = s;
            }
            if s > best {
                best = s;
                best_e = e;
            }
        });
        each(k, best_e, best - kept);
    }
}

impl EndChooser {
    /// Move the ends of `content`'s fragments after the cue where another end beats the
    /// tagger's by more than the margin.
    pub(crate) fn adjust(
        &self,
        d: &Prepared,
        c: &CueCtx,
        w_end: usize,
        later: &[usize],
        content: &mut [Range<usize>],
    ) {
        let mut moves: Vec<(usize, usize)> = Vec::new();
        propose(self, d, c, w_end, later, content, |k, e, gain| {
            if gain > if e > content[k].end { self.extend } else { self.margin } {
                moves.push((k, e));
            }
        });
        for (k, e) in moves {
            content[k].end = e;
        }
    }
}

/// One training item: a gold fragment after its cue.
pub(crate) struct Item<'a> {
    pub d: &'a Prepared,
    pub cue: Range<usize>,
    pub frag: Range<usize>,
    /// Where candidates stop (window end or the next fragment's start).
    pub stop: usize,
}

/// Train the chooser (ranking perceptron, averaged) on gold fragments.
pub(crate) fn train(items: &[Item<'_>], epochs: usize, seed: u64) -> Vec<(u64, Vec<(u16, f32)>)> {
    let mut t = Trainer::new();
    let mut order: Vec<usize> = (0..items.len()).collect();
    let mut rng = SplitMix(seed ^ 0xbb67_ae85_84ca_a73b);
    let mut cands = Vec::new();
    let mut feats: Vec<[u64; END_FEATS]> = Vec::new();
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        let (mut wrong, mut missing) = (0usize, 0usize);
        for &i in &order {
            let it = &items[i];
            let (d, s) = (it.d, it.frag.start);
            let ctx = CueCtx::new(d, it.cue.clone());
            let lim = limit(d, s, it.stop, it.stop);
            candidates(d, s, lim, None, &mut cands);
            let Some(g) = cands.iter().position(|&e| e == it.frag.end) else {
                missing += 1;
                continue;
            };
            feats.clear();
            let mut run = Run::default();
            let mut j = s;
            for &e in &cands {
                while j < e {
                    run.push(d, j);
                    j += 1;
                }
                feats.push(features(d, &ctx, s, e, &run));
            }
            if !rank_step(&mut t, &feats, g) {
                wrong += 1;
            }
        }
        tracing::info!(epoch, wrong, missing, total = items.len(), "content-end chooser epoch");
    }
    t.averaged(0.0)
}

/// One step of a ranking perceptron: scores each candidate's features, and when the best
/// is not the gold candidate `g`, moves the weights towards gold and away from the best.
/// Returns whether the best was gold. The content-end chooser and the cue extension share it.
pub(crate) fn rank_step<F: AsRef<[u64]>>(t: &mut Trainer, feats: &[F], g: usize) -> bool {
    let (mut best, mut p) = (f32::NEG_INFINITY, 0);
    for (k, fs) in feats.iter().enumerate() {
        let mut sc = [0f32; 1];
        for &key in fs.as_ref() {
            if let Some(id) = t.lookup(key) {
                t.add_scores(id, &mut sc);
            }
        }
        if sc[0] > best {
            best = sc[0];
            p = k;
        }
    }
    t.clock += 1;
    if p == g {
        return true;
    }
    for &key in feats[g].as_ref() {
        let id = t.intern(key);
        t.update(id, 0, 1.0);
    }
    for &key in feats[p].as_ref() {
        let id = t.intern(key);
        t.update(id, 0, -1.0);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_stay_in_reach_and_keep_the_taggers_end() {
        let text = "The mayor said the plan, which was late, would fail, and the council agreed. \
                    Nobody else spoke.";
        let (_, d) = crate::model::prepare_text(text);
        let n = d.toks.len();
        let mut out = Vec::new();
        for s in 0..n {
            let lim = limit(&d, s, n, n);
            assert!(s < lim && lim <= n);
            for keep in s + 1..=lim {
                candidates(&d, s, lim, Some(keep), &mut out);
                assert!(out.contains(&keep) && out.contains(&lim));
                assert!(out.windows(2).all(|w| w[0] < w[1]) && out.iter().all(|&e| s < e && e <= lim));
            }
        }
    }

    /// Scores through the tables are bit for bit the hashed features' weights summed in
    /// their order.
    #[test]
    fn end_tables_give_the_hashed_scores_bit_for_bit() {
        let text = "“We will not stop,” the leader said (on Monday), adding that talks, which began \
                    late, had failed – and “nobody” came.\n\nShe denied it, officials said. Fine.";
        let (_, d) = crate::model::prepare_text(text);
        let n = d.toks.len();
        let mut keys = Vec::new();
        let mut items = Vec::new();
        for c0 in 0..n.min(12) {
            let ctx = CueCtx::new(&d, c0..c0 + 1);
            for s in c0 + 1..n {
                let mut run = Run::default();
                for e in s + 1..=n {
                    run.push(&d, e - 1);
                    keys.extend(features(&d, &ctx, s, e, &run));
                    items.push((c0, s, e, run));
                }
            }
        }
        keys.sort_unstable();
        keys.dedup();
        let mut rng = SplitMix(13);
        // Weights for most keys (absent rows add nothing).
        let mut rows: Vec<(u64, Vec<(u16, f32)>)> = Vec::new();
        for &k in &keys {
            let v = ((rng.next_u64() % 4001) as f32 - 2000.0) / 23.0;
            if !rng.next_u64().is_multiple_of(7) {
                rows.push((k, vec![(0u16, v)]));
            }
        }
        let w = Weights::from_rows(1, &rows);
        let tab = EndTables::new(&w);
        for (c0, s, e, run) in items {
            let ctx = CueCtx::new(&d, c0..c0 + 1);
            let m = Scorer::new(&w, &tab, &ctx);
            let mut want = [0f32; 1];
            for k in features(&d, &ctx, s, e, &run) {
                w.add(k, &mut want);
            }
            assert_eq!(
                score(&m, &d, &ctx, s, e, &end_keys(&d, &ctx, e), &run).to_bits(),
                want[0].to_bits(),
                "{c0} {s}..{e}"
            );
        }
    }

    #[test]
    fn boundary_tags_exist() {
        let t = &*BOUNDARY_TAG;
        assert_eq!(t.iter().filter(|b| **b).count(), 16);
    }
}
