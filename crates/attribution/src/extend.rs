//! Cue extension: whether a cue grows over the words after it.
//!
//! PolNeAR's cues run from the verb over its object or preposition up to the content
//! ("accusing her of", "likened the rules to", "describe their actions as"); the cue tagger
//! mostly finds the verb alone, and the role tagger then starts the content at the object. A
//! rule (every model cue runs to a following "of / for / as / on / about / to") lost on every
//! preposition (NOTES round 6): most such words belong to the content ("the results of their
//! check"), and the verb–preposition pairs are a long tail. So the decision is learnt: for a
//! cue, the candidate ends are its own end and each of the next [`REACH`] tokens' ends
//! (stopping before punctuation or a quote mark, before the cue's source, and keeping a token
//! of its content), scored by a linear model over the cue's last word, the last word and
//! tags of the extension and the word after it (where the content would start). The cue grows
//! only when the best extension scores `margin` more than the cue as it is.
//!
//! Trained as a ranking perceptron (averaged) on PolNeAR train over the cues of the
//! jackknifed cue taggers (what the decision sees at run time) that lie inside a gold cue,
//! the gold cue's end the answer; the margin is chosen on the development split end to end.

use std::ops::Range;

use dossier_tag::format::{Reader, Writer};
use dossier_tag::hash::{FeatHash, SplitMix};
use dossier_tag::learn::Trainer;
use dossier_tag::weights::Weights;
use dossier_tag::ModelError;

use crate::ends::rank_step;
use crate::model::{f, Prepared, RawHit, NA};

/// Tokens a cue may grow by.
pub(crate) const REACH: usize = 4;

/// Features per candidate end.
const FEATS: usize = 14;

/// The extension model (one label) and the margin an extension must win by.
pub(crate) struct Extender {
    pub w: Weights,
    pub margin: f32,
}

/// Whether token `j` may not be part of a cue's extension (punctuation, quote marks).
fn stops(d: &Prepared, j: usize) -> bool {
    let a = &d.toks[j];
    a.comma || a.qmark != 0 || !d.words[j].chars().any(char::is_alphanumeric)
}

/// Candidate ends of `cue` (exclusive; `cue.end` first, the cue as it is), growing by at most
/// [`REACH`] tokens, to at most `lim`, within its sentence, stopping before punctuation.
pub(crate) fn candidates(d: &Prepared, cue: &Range<usize>, lim: usize, out: &mut Vec<usize>) {
    out.clear();
    out.push(cue.end);
    if cue.is_empty() || cue.end >= d.toks.len() {
        return;
    }
    let sent_end = d.sents[d.sent_of[cue.end - 1] as usize].end;
    let lim = lim.min(sent_end).min(cue.end + REACH);
    for e in cue.end + 1..=lim {
        if stops(d, e - 1) {
            break;
        }
        out.push(e);
    }
}

/// The features of ending `cue` at `e` (`e == cue.end`: not extended).
fn features(d: &Prepared, cue: &Range<usize>, e: usize) -> [u64; FEATS] {
    let t = &d.toks;
    let head = &t[cue.end - 1];
    let len = (e - cue.end) as u64;
    let last = &t[e - 1];
    let (nl, nx, nq) = t.get(e).map_or((NA, NA, NA), |a| (a.lower, u64::from(a.xpos), u64::from(a.qmark)));
    // The tags of the extension, in order.
    let mut h = FeatHash::new(320);
    for a in &t[cue.end..e] {
        h = h.u64(u64::from(a.xpos));
    }
    let tags = h.finish();
    [
        f(300, &[len]),
        f(301, &[len, head.lower]),
        f(302, &[len, last.lower]),
        f(303, &[len, u64::from(last.xpos)]),
        f(304, &[head.lower, last.lower, len.min(1)]),
        f(305, &[tags]),
        f(306, &[head.lower, tags]),
        f(307, &[len, nl]),
        f(308, &[len, nx]),
        f(309, &[last.lower, nx, len.min(1)]),
        f(310, &[len, head.clus[0], last.lower]),
        f(311, &[len, u64::from(head.lex), u64::from(head.xpos)]),
        f(312, &[tags, nx, nq]),
        f(313, &[len.min(1), head.suf, last.lower]),
    ]
}

fn score(w: &Weights, d: &Prepared, cue: &Range<usize>, e: usize) -> f32 {
    let mut s = [0f32; 1];
    for k in features(d, cue, e) {
        w.add(k, &mut s);
    }
    s[0]
}

impl Extender {
    /// The end `cue` should have (its own when no extension wins by the margin), with the
    /// extension reaching at most `lim`.
    pub(crate) fn end(&self, d: &Prepared, cue: &Range<usize>, lim: usize, cands: &mut Vec<usize>) -> usize {
        candidates(d, cue, lim, cands);
        if cands.len() < 2 {
            return cue.end;
        }
        let keep = score(&self.w, d, cue, cue.end);
        let (mut best, mut at) = (f32::NEG_INFINITY, cue.end);
        for &e in &cands[1..] {
            let s = score(&self.w, d, cue, e);
            if s > best {
                (best, at) = (s, e);
            }
        }
        if best - keep > self.margin {
            at
        } else {
            cue.end
        }
    }

    /// Grow the cues of `hits` that have a content after them: the extension stops before
    /// the hit's source and another hit's cue and leaves a token of the first content
    /// fragment after the cue, whose start moves past the extension.
    pub(crate) fn apply(&self, d: &Prepared, hits: &mut [RawHit]) {
        let mut cands = Vec::new();
        for k in 0..hits.len() {
            let h = &hits[k];
            let c = h.cue.clone();
            let Some(first) = h.content.iter().filter(|r| r.start >= c.end).min_by_key(|r| r.start) else {
                continue;
            };
            let mut lim = first.end - 1;
            for r in &h.source {
                if r.end > c.end {
                    lim = lim.min(r.start.max(c.end));
                }
            }
            for (j, o) in hits.iter().enumerate() {
                if j != k && o.cue.end > c.end {
                    lim = lim.min(o.cue.start.max(c.end));
                }
            }
            let e = self.end(d, &c, lim, &mut cands);
            if tracing::enabled!(tracing::Level::DEBUG) && cands.len() > 1 {
                let words = |r: Range<usize>| d.words[r].join(" ");
                let scores: Vec<String> =
                    cands.iter().map(|&x| format!("{}:{:.1}", x - c.end, score(&self.w, d, &c, x))).collect();
                tracing::debug!(cue = %words(c.clone()), after = %words(c.end..lim.min(c.end + REACH + 2).max(c.end)), content = %words(first.clone()), scores = %scores.join(" "), grown = e - c.end, "cue extension");
            }
            if e > c.end {
                let h = &mut hits[k];
                h.cue.end = e;
                for r in &mut h.content {
                    if r.start < e && r.end > c.end {
                        r.start = e;
                    }
                }
                h.content.retain(|r| !r.is_empty());
            }
        }
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Extender, ModelError> {
        let margin = r.f32()?;
        if !margin.is_finite() {
            return Err(ModelError::Corrupt("cue-extension margin is not finite".into()));
        }
        Ok(Extender { w: Weights::read(1, r)?, margin })
    }
}

/// Write a cue-extension section (margin, weights).
pub(crate) fn write(rows: &[(u64, Vec<(u16, f32)>)], margin: f32, w: &mut Writer) {
    w.f32(margin);
    Weights::write(rows, w);
}

/// A training item: a document, a cue, how far it may grow, and the end it should have.
pub(crate) struct Item<'a> {
    pub d: &'a Prepared,
    pub cue: Range<usize>,
    pub lim: usize,
    pub gold: usize,
}

/// Train the extension model (averaged ranking perceptron over each item's candidate ends).
/// Items whose gold end is not a candidate are skipped.
pub(crate) fn train(items: &[Item<'_>], epochs: usize, seed: u64) -> Vec<(u64, Vec<(u16, f32)>)> {
    let mut t = Trainer::new();
    let mut order: Vec<usize> = (0..items.len()).collect();
    let mut rng = SplitMix(seed ^ 0x3c6e_f372_fe94_f82b);
    let mut cands = Vec::new();
    let mut feats: Vec<[u64; FEATS]> = Vec::new();
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        let (mut wrong, mut missing) = (0usize, 0usize);
        for &i in &order {
            let it = &items[i];
            candidates(it.d, &it.cue, it.lim, &mut cands);
            let Some(g) = cands.iter().position(|&e| e == it.gold) else {
                missing += 1;
                continue;
            };
            if cands.len() < 2 {
                continue;
            }
            feats.clear();
            feats.extend(cands.iter().map(|&e| features(it.d, &it.cue, e)));
            if !rank_step(&mut t, &feats, g) {
                wrong += 1;
            }
        }
        tracing::info!(epoch, wrong, missing, total = items.len(), "cue extension epoch");
    }
    t.averaged(0.0)
}

#[cfg(test)]
// A hit's roles are lists of token ranges; the tests' hits have one range each.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    #[test]
    fn candidates_stop_at_punctuation_the_limit_and_the_sentence() {
        let (_, d) = crate::model::prepare_text(
            "The senator accused her rival of lying about the budget, aides said. Then he left.",
        );
        let at = |w: &str| d.words.iter().position(|x| x == w).expect("word");
        let accused = at("accused");
        let mut out = Vec::new();
        candidates(&d, &(accused..accused + 1), d.toks.len(), &mut out);
        // accused | her | rival | of | lying: REACH tokens at most.
        assert_eq!(out, (accused + 1..=accused + 1 + REACH).collect::<Vec<_>>());
        candidates(&d, &(accused..accused + 1), at("of"), &mut out);
        assert_eq!(out.last(), Some(&at("of")));
        // "budget" is followed by a comma: no extension over it.
        let budget = at("budget");
        candidates(&d, &(budget..budget + 1), d.toks.len(), &mut out);
        assert_eq!(out, vec![budget + 1]);
        // "said" ends its sentence's words: the full stop stops it.
        let said = at("said");
        candidates(&d, &(said..said + 1), d.toks.len(), &mut out);
        assert_eq!(out, vec![said + 1]);
    }

    #[test]
    fn an_extension_moves_the_content_start_and_keeps_the_source() {
        let (_, d) = crate::model::prepare_text("The senator accused her rival of lying about the budget.");
        let at = |w: &str| d.words.iter().position(|x| x == w).expect("word");
        let (accused, of, end) = (at("accused"), at("of"), at("budget") + 1);
        // Weights that favour ending a cue after "of".
        let rows: Vec<(u64, Vec<(u16, f32)>)> =
            vec![(f(302, &[(of + 1 - (accused + 1)) as u64, d.toks[of].lower]), vec![(0, 5.0)])];
        let x = Extender { w: Weights::from_rows(1, &rows), margin: 1.0 };
        let mut hits = vec![RawHit {
            cue: accused..accused + 1,
            source: vec![0..accused],
            content: vec![accused + 1..end],
        }];
        x.apply(&d, &mut hits);
        assert_eq!(hits[0].cue, accused..of + 1);
        assert_eq!(hits[0].content, vec![of + 1..end]);
        assert_eq!(hits[0].source, vec![0..accused]);
        // The same weights under a larger margin: no change.
        let x = Extender { w: Weights::from_rows(1, &rows), margin: 5.0 };
        let mut hits = vec![RawHit {
            cue: accused..accused + 1,
            source: vec![0..accused],
            content: vec![accused + 1..end],
        }];
        x.apply(&d, &mut hits);
        assert_eq!(hits[0].cue, accused..accused + 1);
        // A source after the cue ("…, accused Smith") bounds the extension.
        let mut hits = vec![RawHit {
            cue: accused..accused + 1,
            source: vec![accused + 2..accused + 3],
            content: vec![of + 1..end],
        }];
        let x = Extender { w: Weights::from_rows(1, &rows), margin: 1.0 };
        x.apply(&d, &mut hits);
        assert!(hits[0].cue.end <= accused + 2);
    }
}
