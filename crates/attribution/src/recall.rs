//! Second-stage cue recall: cue phrases the BIO cue tagger did not mark.
//!
//! Candidates are the tokens outside the tagger's cues whose lower-cased word was part of a
//! gold cue in PolNeAR train at least [`MIN_CUE_COUNT`] times (the word's cue counts are
//! derived in training and stored in the model file), or that have a cue lexicon class. For
//! each candidate the cue tagger's own Viterbi is rerun with that token forced into a cue:
//! the best such path gives the candidate's span and the tagger's *margin* (how much
//! score it loses by making the token a cue). A linear classifier then decides, with what
//! a token tagger cannot see:
//! - the word's cue rate in train (a prior) and the tagger's margin;
//! - document statistics: how often the same word is a first-stage cue in the document;
//! - whether the token lies inside a first-stage content or source (PolNeAR never nests);
//! - a that-clause, quotation or colon after the span, a subject before it, quotes nearby.
//!
//! Trained (averaged perceptron) on PolNeAR train with jackknifed first-stage cue taggers,
//! so its inputs look like run-time ones. Accepted candidates become cues; their roles come
//! from the role tagger like any other cue's.

use std::ops::Range;

use dossier_tag::format::{Reader, Writer};
use dossier_tag::hash::SplitMix;
use dossier_tag::learn::Trainer;
use dossier_tag::weights::Weights;
use dossier_tag::ModelError;
use rustc_hash::FxHashMap;

use crate::model::{allowed, backtrace, best_into, best_of, f, Prepared, RawHit, CUE_LABELS, NA};

/// A word is a candidate when it was inside a gold train cue at least this often.
pub(crate) const MIN_CUE_COUNT: u32 = 2;
/// Candidates whose forced path loses more than this are not scored.
const MAX_MARGIN: f32 = 120.0;

/// Number of features per candidate.
const FEATS: usize = 34;

/// Per word (lower-case hash): (times inside a gold cue, times seen) in train.
pub(crate) type Prior = FxHashMap<u64, (u32, u32)>;

/// The classifier: weights (one label), the acceptance threshold, the word priors.
pub(crate) struct Recall {
    w: Weights,
    pub(crate) threshold: f32,
    /// First-stage cues scoring below this are dropped.
    pub(crate) drop: f32,
    prior: Prior,
}

/// XPOS ids the features read.
struct TagIds {
    subject: [bool; 256],
    that: u8,
}

static TAGS: std::sync::LazyLock<TagIds> = std::sync::LazyLock::new(|| {
    let mut subject = [false; 256];
    let mut that = u8::MAX;
    for (i, x) in dossier_tag::tags::XPOS.iter().enumerate() {
        subject[i] = matches!(*x, "NNP" | "NNPS" | "PRP" | "NN" | "NNS");
        if *x == "IN" {
            that = i as u8;
        }
    }
    TagIds { subject, that }
});

/// One candidate: its token, forced span and the tagger's margin.
#[derive(Clone, Debug)]
pub(crate) struct Cand {
    pub tok: usize,
    pub span: Range<usize>,
    pub margin: f32,
    /// What the role tagger finds for the candidate as a cue (see [`Cand::set_roles`]);
    /// [`NO_ROLES`] when it was not run ([`Cand::wants_roles`] false).
    pub roles: u8,
    /// A first-stage cue (scored for dropping; `margin` is then what the tagger loses
    /// without it) rather than a candidate to add.
    pub first: bool,
}

/// [`Cand::roles`] of a candidate the role tagger was not run on.
pub(crate) const NO_ROLES: u8 = u8::MAX;
/// Candidates with a margin up to this get role features.
const ROLE_MARGIN: f32 = 20.0;

impl Cand {
    /// Whether the role tagger should be run on this candidate (cheap ones only).
    pub(crate) fn wants_roles(&self) -> bool {
        self.margin <= ROLE_MARGIN
    }

    /// Record the role tagger's output for this candidate: source before / after / none,
    /// content length bucket.
    pub(crate) fn set_roles(&mut self, h: &RawHit) {
        let src = match h.source.first() {
            None => 0,
            Some(r) if r.start < h.cue.start => 1,
            Some(_) => 2,
        };
        let len: usize = h.content.iter().map(|r| r.len()).sum();
        let con = match len {
            0 => 0,
            1..=3 => 1,
            4..=9 => 2,
            10..=25 => 3,
            _ => 4,
        };
        self.roles = src * 5 + con;
    }
}

/// Best path score over `em` (n × 3) and `tr` (4 × 3, last row = start) with token `must`
/// (if any) labelled B or I and the tokens of `must_o` labelled O; returns the score and
/// the labels.
#[cfg(test)]
fn best_path(em: &[f32], tr: &[f32], must: Option<usize>, must_o: Range<usize>) -> (f32, Vec<u8>) {
    let mut p = Paths::default();
    p.unconstrained(em, tr);
    p.forced(em, tr, must, must_o)
}

/// Viterbi tables of one sentence: the unconstrained forward pass is kept, and a forced
/// path reruns the pass only from its first constrained token (the rows before it are the
/// same additions in the same order, so the scores are the same floats as a full rerun).
#[derive(Default)]
pub(crate) struct Paths {
    base: Vec<f32>,
    base_back: Vec<u8>,
    score: Vec<f32>,
    back: Vec<u8>,
    /// Backward pass: the best score of the tokens after i given label y at i.
    beta: Vec<f32>,
}

const NLC: usize = CUE_LABELS;

/// Forward pass rows `from..n` of `score` / `back` (rows before `from` already filled).
///
/// The three labels' steps spelled out with [`allowed`] folded in (`I` only after `B`/`I`):
/// the same candidates in the same order with the same comparisons as [`forward_any`], so
/// the same floats and back-pointers. A `-inf` predecessor is not skipped but cannot win
/// (`-inf` plus a finite transition is `-inf`, never `>` the running best); transitions
/// that are not all finite take [`forward_any`].
fn forward(
    em: &[f32],
    tr: &[f32],
    must: Option<usize>,
    must_o: &Range<usize>,
    from: usize,
    score: &mut [f32],
    back: &mut [u8],
) {
    const NL: usize = NLC;
    const NEG: f32 = f32::NEG_INFINITY;
    let n = em.len() / NL;
    if n == 0 || tr.len() < (NL + 1) * NL || !tr[..NL * NL].iter().all(|t| t.is_finite()) {
        return forward_any(em, tr, must, must_o, from, score, back);
    }
    if from == 0 {
        start_row(em, tr, must, must_o, score, back);
    }
    let t: [[f32; NL]; NL] = std::array::from_fn(|p| std::array::from_fn(|y| tr[p * NL + y]));
    let from = from.max(1);
    if from >= n {
        return;
    }
    let (score, back) = (&mut score[(from - 1) * NL..n * NL], &mut back[from * NL..n * NL]);
    let em = &em[from * NL..n * NL];
    let mut prev: [f32; NL] = [score[0], score[1], score[2]];
    for (k, ((e, s), b)) in
        em.chunks_exact(NL).zip(score[NL..].chunks_exact_mut(NL)).zip(back.chunks_exact_mut(NL)).enumerate()
    {
        let i = from + k;
        let cands = [
            best_of(&prev, &t, 0, [0, 1, 2]),
            best_of(&prev, &t, 1, [0, 1, 2]),
            best_of(&prev, &t, 2, [1, 2]),
        ];
        let pin_b = must == Some(i);
        let pin_o = must_o.contains(&i);
        for y in 0..NL {
            let (best, a) = cands[y];
            if (pin_b && y == 0) || (pin_o && y != 0) || best <= NEG {
                s[y] = NEG;
                b[y] = 0;
            } else {
                s[y] = best + e[y];
                b[y] = a;
            }
        }
        prev = [s[0], s[1], s[2]];
    }
}

/// The first row of a forward pass.
fn start_row(
    em: &[f32],
    tr: &[f32],
    must: Option<usize>,
    must_o: &Range<usize>,
    score: &mut [f32],
    back: &mut [u8],
) {
    const NL: usize = NLC;
    for y in 0..NL {
        score[y] = f32::NEG_INFINITY;
        back[y] = 0;
        if must == Some(0) && y == 0 || must_o.contains(&0) && y != 0 || !allowed(NL, NL, y) {
            continue;
        }
        score[y] = em[y] + tr[NL * NL + y];
    }
}

/// [`forward`] for any transitions, through [`best_into`].
fn forward_any(
    em: &[f32],
    tr: &[f32],
    must: Option<usize>,
    must_o: &Range<usize>,
    from: usize,
    score: &mut [f32],
    back: &mut [u8],
) {
    const NL: usize = NLC;
    let n = em.len() / NL;
    if n == 0 {
        return;
    }
    if from == 0 {
        start_row(em, tr, must, must_o, score, back);
    }
    for i in from.max(1)..n {
        for y in 0..NL {
            score[i * NL + y] = f32::NEG_INFINITY;
            back[i * NL + y] = 0;
            if must == Some(i) && y == 0 || must_o.contains(&i) && y != 0 {
                continue;
            }
            let (best, arg) = best_into(NL, &score[(i - 1) * NL..i * NL], tr, y);
            if best > f32::NEG_INFINITY {
                score[i * NL + y] = best + em[i * NL + y];
                back[i * NL + y] = arg as u8;
            }
        }
    }
}

/// Each sentence's unconstrained pass, kept for one document: [`firsts`] and [`candidates`]
/// run the same pass over the same emission rows, so the second copies the first's tables
/// instead of running it again (the same floats: the pass is a function of the rows).
pub(crate) struct Bases {
    /// Per sentence: its best score, `NAN` until its pass ran.
    best: Vec<f32>,
    /// Per token (n × [`NLC`]): the tables of the pass of its sentence.
    base: Vec<f32>,
    base_back: Vec<u8>,
}

impl Bases {
    pub(crate) fn new(d: &Prepared) -> Bases {
        Bases {
            best: vec![f32::NAN; d.sents.len()],
            base: vec![0.0; d.toks.len() * NLC],
            base_back: vec![0; d.toks.len() * NLC],
        }
    }
}

impl Paths {
    /// [`Paths::unconstrained`] on sentence `si` (tokens `s`, rows `em`), or its tables
    /// copied from `kept` when that sentence's pass already ran.
    fn unconstrained_in(
        &mut self,
        kept: &mut Bases,
        si: usize,
        s: &Range<usize>,
        em: &[f32],
        tr: &[f32],
    ) -> f32 {
        let r = s.start * NLC..s.end * NLC;
        let (Some(&b), true) = (kept.best.get(si), kept.base.len() >= r.end) else {
            return self.unconstrained(em, tr);
        };
        if !b.is_nan() {
            self.base.clear();
            self.base.extend_from_slice(&kept.base[r.clone()]);
            self.base_back.clear();
            self.base_back.extend_from_slice(&kept.base_back[r]);
            return b;
        }
        let b = self.unconstrained(em, tr);
        kept.best[si] = b;
        kept.base[r.clone()].copy_from_slice(&self.base);
        kept.base_back[r].copy_from_slice(&self.base_back);
        b
    }

    /// The unconstrained pass of a sentence; returns its best score.
    pub(crate) fn unconstrained(&mut self, em: &[f32], tr: &[f32]) -> f32 {
        let n = em.len() / NLC;
        self.base.clear();
        self.base.resize(n * NLC, f32::NEG_INFINITY);
        self.base_back.clear();
        self.base_back.resize(n * NLC, 0);
        forward(em, tr, None, &(0..0), 0, &mut self.base, &mut self.base_back);
        backtrace(NLC, &self.base, &self.base_back, n).0
    }

    /// The backward pass of the sentence of the last [`Paths::unconstrained`].
    pub(crate) fn backward(&mut self, em: &[f32], tr: &[f32]) {
        const NL: usize = NLC;
        let n = em.len() / NL;
        self.beta.clear();
        self.beta.resize(n * NL, 0.0);
        for i in (0..n.saturating_sub(1)).rev() {
            for y in 0..NL {
                let mut best = f32::NEG_INFINITY;
                for q in 0..NL {
                    if !allowed(NL, y, q) {
                        continue;
                    }
                    let v = tr[y * NL + q] + em[(i + 1) * NL + q] + self.beta[(i + 1) * NL + q];
                    if v > best {
                        best = v;
                    }
                }
                self.beta[i * NL + y] = best;
            }
        }
    }

    /// The best score of a path with token `k` in a cue (B or I), from the unconstrained
    /// forward and the backward pass (up to float rounding, what [`Paths::forced`] finds).
    pub(crate) fn through(&self, k: usize) -> f32 {
        let (a, b) = (&self.base, &self.beta);
        (a[k * NLC + 1] + b[k * NLC + 1]).max(a[k * NLC + 2] + b[k * NLC + 2])
    }

    /// The best path under the constraints (after [`Paths::unconstrained`] on the same
    /// sentence).
    pub(crate) fn forced(
        &mut self,
        em: &[f32],
        tr: &[f32],
        must: Option<usize>,
        must_o: Range<usize>,
    ) -> (f32, Vec<u8>) {
        let n = em.len() / NLC;
        let mut from = must.unwrap_or(n);
        if !must_o.is_empty() {
            from = from.min(must_o.start);
        }
        let from = from.min(n);
        self.score.clear();
        self.score.extend_from_slice(&self.base[..from * NLC]);
        self.score.resize(n * NLC, f32::NEG_INFINITY);
        self.back.clear();
        self.back.extend_from_slice(&self.base_back[..from * NLC]);
        self.back.resize(n * NLC, 0);
        forward(em, tr, must, &must_o, from, &mut self.score, &mut self.back);
        backtrace(NLC, &self.score, &self.back, n)
    }
}

impl Recall {
    pub(crate) fn new(w: Weights, threshold: f32, drop: f32, prior: Prior) -> Recall {
        Recall { w, threshold, drop, prior }
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Recall, ModelError> {
        let threshold = r.f32()?;
        let drop = r.f32()?;
        if !threshold.is_finite() || !drop.is_finite() {
            return Err(ModelError::Corrupt("cue recall threshold is not finite".into()));
        }
        let n = r.count(16)?;
        let mut prior = Prior::default();
        for _ in 0..n {
            let k = r.u64()?;
            let c = r.u32()?;
            let t = r.u32()?;
            prior.insert(k, (c, t));
        }
        let w = Weights::read(1, r)?;
        Ok(Recall { w, threshold, drop, prior })
    }

    pub(crate) fn prior(&self) -> &Prior {
        &self.prior
    }

    /// Score each candidate.
    pub(crate) fn score(&self, d: &Prepared, first: &[RawHit], cands: &[Cand]) -> Vec<f32> {
        let ctx = DocCtx::new(d, first);
        cands
            .iter()
            .map(|c| {
                let mut s = [0f32; 1];
                for k in features(d, &ctx, &self.prior, None, c) {
                    self.w.add(k, &mut s);
                }
                s[0]
            })
            .collect()
    }

    /// The accepted candidates (indices; non-overlapping, best first, then in text order).
    pub(crate) fn accept(&self, d: &Prepared, first: &[RawHit], cands: &[Cand]) -> Vec<usize> {
        let scores = self.score(d, first, cands);
        pick(cands, &scores, self.threshold)
    }
}

/// Candidates with a score above `threshold`, best first, skipping overlaps; indices in
/// text order.
pub(crate) fn pick(cands: &[Cand], scores: &[f32], threshold: f32) -> Vec<usize> {
    let mut order: Vec<usize> = (0..cands.len()).filter(|&k| scores[k] > threshold).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let mut out: Vec<usize> = Vec::new();
    for k in order {
        let s = &cands[k].span;
        if out.iter().all(|&o| cands[o].span.end <= s.start || s.end <= cands[o].span.start) {
            out.push(k);
        }
    }
    out.sort_by_key(|&k| cands[k].span.start);
    out
}

/// Write a recall section.
pub(crate) fn write(
    rows: &[(u64, Vec<(u16, f32)>)],
    threshold: f32,
    drop: f32,
    prior: &Prior,
    w: &mut Writer,
) {
    w.f32(threshold);
    w.f32(drop);
    let mut keys: Vec<(&u64, &(u32, u32))> = prior.iter().collect();
    keys.sort();
    w.u32(keys.len() as u32);
    for (k, (c, t)) in keys {
        w.u64(*k);
        w.u32(*c);
        w.u32(*t);
    }
    Weights::write(rows, w);
}

/// Whether token `i` is a candidate word.
fn candidate_word(d: &Prepared, prior: &Prior, i: usize) -> bool {
    let a = &d.toks[i];
    a.lex != 0 || prior.get(&a.lower).is_some_and(|&(c, _)| c >= MIN_CUE_COUNT)
}

/// Candidates of a document: `em` holds the cue tagger's emission rows for every token
/// (n × 3, bias included), `tr` its transitions, `cues` its cues.
pub(crate) fn candidates(
    d: &Prepared,
    prior: &Prior,
    em: &[f32],
    tr: &[f32],
    cues: &[Range<usize>],
    kept: &mut Bases,
) -> Vec<Cand> {
    const NL: usize = CUE_LABELS;
    let n = d.toks.len();
    if em.len() != n * NL {
        return Vec::new();
    }
    let mut in_cue = vec![false; n];
    for c in cues {
        in_cue[c.clone()].iter_mut().for_each(|x| *x = true);
    }
    let mut out: Vec<Cand> = Vec::new();
    let mut paths = Paths::default();
    for (si, s) in d.sents.iter().enumerate() {
        if s.is_empty() {
            continue;
        }
        let mut base: Option<f32> = None;
        let sem = &em[s.start * NL..s.end * NL];
        for i in s.clone() {
            if in_cue[i] || !candidate_word(d, prior, i) {
                continue;
            }
            // Already inside an earlier candidate's span: same path.
            if out.last().is_some_and(|c| c.span.contains(&i)) {
                continue;
            }
            let b = *base.get_or_insert_with(|| {
                let b = paths.unconstrained_in(kept, si, s, sem, tr);
                paths.backward(sem, tr);
                b
            });
            // The forward-backward bound (the same maximum up to float rounding, far below
            // 1.0): candidates clearly past the margin limit skip the forced pass.
            if b - paths.through(i - s.start) > MAX_MARGIN + 1.0 {
                continue;
            }
            let (sc, labels) = paths.forced(sem, tr, Some(i - s.start), 0..0);
            let margin = b - sc;
            if !margin.is_finite() || margin > MAX_MARGIN {
                continue;
            }
            let k = i - s.start;
            let mut a = k;
            while a > 0 && labels[a] == 2 {
                a -= 1;
            }
            let mut e = k + 1;
            while e < labels.len() && labels[e] == 2 {
                e += 1;
            }
            let span = s.start + a..s.start + e;
            if span.clone().any(|j| in_cue[j]) {
                continue;
            }
            out.push(Cand { tok: i, span, margin, roles: NO_ROLES, first: false });
        }
    }
    out
}

/// The first-stage cues as items for the drop decision: each with its word of highest
/// prior count, the tagger's loss without it, and its roles (`hits[k]` is `cues[k]`'s).
pub(crate) fn firsts(
    d: &Prepared,
    prior: &Prior,
    em: &[f32],
    tr: &[f32],
    hits: &[RawHit],
    kept: &mut Bases,
) -> Vec<Cand> {
    const NL: usize = CUE_LABELS;
    if em.len() != d.toks.len() * NL {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(hits.len());
    let mut paths = Paths::default();
    let mut base: Option<(usize, f32)> = None;
    for h in hits {
        let c = h.cue.clone();
        if c.is_empty() || c.end > d.toks.len() {
            continue;
        }
        let si = d.sent_of[c.start] as usize;
        let s = d.sents[si].clone();
        if c.end > s.end {
            continue;
        }
        let sem = &em[s.start * NL..s.end * NL];
        let b = match base {
            Some((k, b)) if k == si => b,
            _ => {
                let b = paths.unconstrained_in(kept, si, &s, sem, tr);
                base = Some((si, b));
                b
            }
        };
        let (sc, _) = paths.forced(sem, tr, None, c.start - s.start..c.end - s.start);
        let tok = c
            .clone()
            .max_by_key(|&j| (prior.get(&d.toks[j].lower).map_or(0, |p| p.0), usize::MAX - j))
            .unwrap_or(c.start);
        let mut cand = Cand { tok, span: c, margin: (b - sc).clamp(0.0, 1e6), roles: NO_ROLES, first: true };
        cand.set_roles(h);
        out.push(cand);
    }
    out
}

/// What the features read from the first stage, per document.
pub(crate) struct DocCtx {
    /// Per token: 1 inside a first-stage content, 2 inside a source, 0 else.
    role: Vec<u8>,
    /// First-stage cue words (lower hash) with their counts.
    cue_words: FxHashMap<u64, u32>,
    /// Per sentence: first-stage cues in it.
    sent_cues: Vec<u8>,
}

impl DocCtx {
    pub(crate) fn new(d: &Prepared, first: &[RawHit]) -> DocCtx {
        let n = d.toks.len();
        let mut role = vec![0u8; n];
        let mut cue_words: FxHashMap<u64, u32> = FxHashMap::default();
        let mut sent_cues = vec![0u8; d.sents.len()];
        for h in first {
            for r in &h.content {
                role[r.start.min(n)..r.end.min(n)].iter_mut().for_each(|x| *x = 1);
            }
            for r in &h.source {
                role[r.start.min(n)..r.end.min(n)].iter_mut().for_each(|x| *x = 2);
            }
            for j in h.cue.clone() {
                if let Some(a) = d.toks.get(j) {
                    *cue_words.entry(a.lower).or_default() += 1;
                }
            }
            if let Some(&s) = d.sent_of.get(h.cue.start) {
                if let Some(c) = sent_cues.get_mut(s as usize) {
                    *c = c.saturating_add(1);
                }
            }
        }
        DocCtx { role, cue_words, sent_cues }
    }
}

fn rate_bucket(c: u32, t: u32) -> u64 {
    let r = f64::from(c) / f64::from(t.max(1));
    [0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.7, 0.85].iter().filter(|&&x| r >= x).count() as u64
}

fn margin_bucket(m: f32) -> u64 {
    [2.0, 5.0, 10.0, 20.0, 35.0, 50.0, 75.0, 100.0].iter().filter(|&&x| m >= x).count() as u64
}

/// Features of a candidate. `own` (training) holds this document's own counts, taken out
/// of the prior (leave-one-document-out).
pub(crate) fn features(
    d: &Prepared,
    ctx: &DocCtx,
    prior: &Prior,
    own: Option<&FxHashMap<u64, (u32, u32)>>,
    c: &Cand,
) -> [u64; FEATS] {
    let t = &d.toks;
    let tags = &*TAGS;
    let s = d.sents[d.sent_of[c.tok] as usize].clone();
    let a = &t[c.tok];
    let (mut pc, mut pt) = prior.get(&a.lower).copied().unwrap_or((0, 0));
    if let Some((oc, ot)) = own.and_then(|o| o.get(&a.lower)) {
        pc = pc.saturating_sub(*oc);
        pt = pt.saturating_sub(*ot);
    }
    let rb = rate_bucket(pc, pt);
    let freq = u64::from(32 - pt.leading_zeros()).min(12);
    let mb = margin_bucket(c.margin);
    let lw = |k: usize| t.get(k).filter(|_| s.contains(&k)).map_or(NA, |x| x.lower);
    let xp = |k: usize| t.get(k).filter(|_| s.contains(&k)).map_or(NA, |x| u64::from(x.xpos));
    let before = c.span.start.wrapping_sub(1);
    let after = c.span.end;
    let len = c.span.len().min(5) as u64;
    // A that-clause, quotation or colon within four tokens after the span.
    let mut that = 0u64;
    let mut quote_after = 0u64;
    let mut colon = 0u64;
    let right = after.min(s.end)..(after + 4).min(s.end);
    for (k, (w, x)) in d.words[right.clone()].iter().zip(&t[right]).enumerate() {
        if w == "that" && x.xpos == tags.that {
            that = 1;
        }
        if x.qmark == 1 {
            quote_after = 1;
        }
        if w == ":" && k == 0 {
            colon = 1;
        }
    }
    // A subject-like tag within three tokens before.
    let subj = (c.span.start.saturating_sub(3).max(s.start)..c.span.start)
        .any(|j| tags.subject[usize::from(t[j].xpos)]);
    let quote_before = (c.span.start.saturating_sub(3).max(s.start)..c.span.start).any(|j| t[j].qmark == 2);
    let role = u64::from(ctx.role.get(c.tok).copied().unwrap_or(0));
    let same = u64::from(ctx.cue_words.get(&a.lower).copied().unwrap_or(0).min(3));
    let sent_cues = u64::from(ctx.sent_cues[d.sent_of[c.tok] as usize].min(2));
    let mut out = [
        f(200, &[]),
        f(201, &[rb]),
        f(202, &[mb]),
        f(203, &[rb, mb]),
        f(204, &[rb, freq]),
        f(205, &[rb, len]),
        f(206, &[u64::from(a.xpos)]),
        f(207, &[u64::from(a.xpos), rb]),
        f(208, &[len]),
        f(209, &[lw(after)]),
        f(210, &[xp(after)]),
        f(211, &[lw(before)]),
        f(212, &[xp(before)]),
        f(213, &[that, quote_after, colon]),
        f(214, &[that, rb]),
        f(215, &[u64::from(subj), u64::from(a.xpos)]),
        f(216, &[u64::from(quote_before), quote_after]),
        f(217, &[u64::from(a.in_quote), rb]),
        f(218, &[role]),
        f(219, &[role, rb]),
        f(220, &[same]),
        f(221, &[same, rb]),
        f(222, &[sent_cues]),
        f(223, &[sent_cues, mb]),
        f(224, &[u64::from(a.lex)]),
        f(225, &[rb, xp(after)]),
        f(226, &[u64::from(t[c.span.end - 1].xpos), xp(after)]),
        f(227, &[role, mb]),
        f(228, &[len, mb]),
        f(229, &[u64::from(t[c.span.start].xpos), len]),
        f(230, &[u64::from(c.roles)]),
        f(231, &[u64::from(c.roles), rb]),
        f(232, &[u64::from(c.roles), mb]),
        f(233, &[u64::from(c.roles), role]),
    ];
    if c.first {
        // The drop decision has weights of its own, and reads the cue's words: the tagger
        // found it, so they are known cue words whose context decides.
        out[5] = f(234, &[a.lower]);
        out[24] = f(235, &[a.lower, u64::from(c.roles)]);
        out[25] = f(236, &[a.lower, role]);
        for k in &mut out {
            *k = f(299, &[*k]);
        }
    }
    out
}

/// One training item: a candidate's features and whether it is a cue.
pub(crate) struct Item {
    pub feats: [u64; FEATS],
    pub gold: bool,
}

/// Averaged binary perceptron.
pub(crate) fn train(items: &[Item], epochs: usize, seed: u64) -> Vec<(u64, Vec<(u16, f32)>)> {
    let mut t = Trainer::new();
    let mut order: Vec<usize> = (0..items.len()).collect();
    let mut rng = SplitMix(seed ^ 0x3c6e_f372_fe94_f82b);
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        let mut wrong = 0usize;
        for &i in &order {
            let it = &items[i];
            let mut sc = [0f32; 1];
            for &k in &it.feats {
                if let Some(id) = t.lookup(k) {
                    t.add_scores(id, &mut sc);
                }
            }
            t.clock += 1;
            let pred = sc[0] > 0.0;
            if pred != it.gold {
                wrong += 1;
                let delta = if it.gold { 1.0 } else { -1.0 };
                for &k in &it.feats {
                    let id = t.intern(k);
                    t.update(id, 0, delta);
                }
            }
        }
        tracing::info!(epoch, wrong, total = items.len(), "cue recall epoch");
    }
    t.averaged(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sharing the sentences' unconstrained passes ([`Bases`]) between [`firsts`] and
    /// [`candidates`], in either order, gives what each gives alone, bit for bit.
    #[test]
    fn shared_bases_give_the_same_items_and_candidates() {
        let text = "The mayor said the bridge would reopen soon. Officials warned that repairs \
                    could take weeks, and residents told reporters they were worried.";
        let (_, d) = crate::model::prepare_text(text);
        let mut rng = SplitMix(29);
        let mut r = || (rng.next_u64() % 400) as f32 / 100.0 - 2.0;
        let em: Vec<f32> = (0..d.toks.len() * NLC).map(|_| r()).collect();
        let tr: Vec<f32> = (0..12).map(|_| r()).collect();
        let prior = Prior::default();
        let at = |w: &str| d.words.iter().position(|x| x == w).expect("word");
        let hits: Vec<RawHit> = ["said", "warned"]
            .iter()
            .map(|w| RawHit { cue: at(w)..at(w) + 1, source: vec![], content: vec![] })
            .collect();
        let cues: Vec<Range<usize>> = hits.iter().map(|h| h.cue.clone()).collect();
        let key = |c: &Cand| (c.tok, c.span.clone(), c.margin.to_bits(), c.roles, c.first);
        let keys = |v: Vec<Cand>| v.iter().map(key).collect::<Vec<_>>();
        let alone_f = keys(firsts(&d, &prior, &em, &tr, &hits, &mut Bases::new(&d)));
        let alone_c = keys(candidates(&d, &prior, &em, &tr, &cues, &mut Bases::new(&d)));
        assert_eq!(alone_f.len(), 2);
        assert!(!alone_c.is_empty());
        let mut kept = Bases::new(&d);
        assert_eq!(keys(firsts(&d, &prior, &em, &tr, &hits, &mut kept)), alone_f);
        assert_eq!(keys(candidates(&d, &prior, &em, &tr, &cues, &mut kept)), alone_c);
        let mut kept = Bases::new(&d);
        assert_eq!(keys(candidates(&d, &prior, &em, &tr, &cues, &mut kept)), alone_c);
        assert_eq!(keys(firsts(&d, &prior, &em, &tr, &hits, &mut kept)), alone_f);
    }

    #[test]
    fn forced_path_puts_the_token_in_a_cue() {
        // Three tokens, emissions favour O everywhere; forcing token 1 makes it B.
        let em = [5.0, 0.0, -9.0, 5.0, 1.0, 0.0, 5.0, 0.0, 0.0];
        let tr = [0.0; 12];
        let (b, l) = best_path(&em, &tr, None, 0..0);
        assert_eq!(l, vec![0, 0, 0]);
        let (s, l) = best_path(&em, &tr, Some(1), 0..0);
        assert_eq!(l[1], 1);
        assert!(b - s > 3.9 && b - s < 4.1);
    }

    #[test]
    fn forward_backward_bound_matches_the_forced_pass() {
        let mut rng = SplitMix(5);
        let mut r = || (rng.next_u64() % 2000) as f32 / 10.0 - 100.0;
        for n in 1..12 {
            let em: Vec<f32> = (0..n * 3).map(|_| r()).collect();
            let tr: Vec<f32> = (0..12).map(|_| r()).collect();
            let mut p = Paths::default();
            p.unconstrained(&em, &tr);
            p.backward(&em, &tr);
            for k in 0..n {
                let want = p.forced(&em, &tr, Some(k), 0..0).0;
                let got = p.through(k);
                assert!((want - got).abs() < 1e-2, "n {n} k {k}: {want} vs {got}");
            }
        }
    }

    /// The spelled-out three-label pass gives the general one's floats and back-pointers,
    /// bit for bit, from any starting row, with pins, ties and `-inf` emissions.
    #[test]
    fn spelled_forward_matches_the_general_one() {
        let mut rng = SplitMix(17);
        for round in 0..3000 {
            let n = round % 13;
            let mut r = |ties: bool| {
                let x = rng.next_u64();
                if x.is_multiple_of(29) {
                    f32::NEG_INFINITY
                } else if ties {
                    (x % 3) as f32 - 1.0
                } else {
                    (x % 4001) as f32 / 37.0 - 54.0
                }
            };
            let ties = round % 3 == 0;
            let em: Vec<f32> = (0..n * 3).map(|_| r(ties)).collect();
            let tr: Vec<f32> =
                (0..12).map(|_| r(ties)).map(|v| if v.is_finite() { v } else { 0.5 }).collect();
            let pick = |x: u64| (x % (n as u64 + 2)) as usize;
            let must = Some(pick(rng.next_u64())).filter(|&k| k < n);
            let lo = pick(rng.next_u64());
            let must_o = lo..lo + pick(rng.next_u64()) % 3;
            let from = pick(rng.next_u64()).min(n);
            let (mut s0, mut b0) = (vec![f32::NEG_INFINITY; n * 3], vec![0u8; n * 3]);
            forward_any(&em, &tr, None, &(0..0), 0, &mut s0, &mut b0);
            let (mut s1, mut b1) = (s0.clone(), b0.clone());
            forward_any(&em, &tr, must, &must_o, from, &mut s0, &mut b0);
            forward(&em, &tr, must, &must_o, from, &mut s1, &mut b1);
            let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<u32>>();
            assert_eq!(bits(&s1), bits(&s0), "round {round}");
            assert_eq!(b1, b0, "round {round}");
        }
    }

    #[test]
    fn pick_skips_overlaps_and_low_scores() {
        let c =
            |tok: usize, span: Range<usize>| Cand { tok, span, margin: 0.0, roles: NO_ROLES, first: false };
        let cands = [c(1, 1..3), c(2, 2..4), c(5, 5..6), c(8, 8..9)];
        let got = pick(&cands, &[1.0, 2.0, 0.5, -1.0], 0.0);
        assert_eq!(got, vec![1, 2]);
    }
}
