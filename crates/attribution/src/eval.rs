//! Evaluation on PolNeAR: per role (source, cue, content), exact-span and overlap
//! precision / recall / F1, comparing the corpus's flat attributions with the extractor's
//! top-level ones (`parent == None`). Every fragment is one span.

use std::fmt;
use std::path::Path;

use dossier_doc::Span;
use dossier_segment::Segmenter;

use crate::polnear::{read_split, GoldDoc};
use crate::{AttrError, AttributionHit, Attributor};

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Counts {
    pub gold: usize,
    pub pred: usize,
    /// Predicted spans equal to a gold span.
    pub exact: usize,
    /// Predicted spans overlapping some gold span / gold spans overlapped by a prediction.
    pub overlap_p: usize,
    pub overlap_r: usize,
}

fn prf(tp_p: usize, pred: usize, tp_r: usize, gold: usize) -> (f64, f64, f64) {
    let p = if pred == 0 { 0.0 } else { tp_p as f64 / pred as f64 };
    let r = if gold == 0 { 0.0 } else { tp_r as f64 / gold as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (100.0 * p, 100.0 * r, 100.0 * f)
}

impl Counts {
    pub fn exact_prf(&self) -> (f64, f64, f64) {
        prf(self.exact, self.pred, self.exact, self.gold)
    }
    pub fn overlap_prf(&self) -> (f64, f64, f64) {
        prf(self.overlap_p, self.pred, self.overlap_r, self.gold)
    }
    fn add(&mut self, gold: &[Span], pred: &[Span]) {
        self.gold += gold.len();
        self.pred += pred.len();
        let mut g = gold.to_vec();
        g.sort();
        g.dedup();
        let mut p = pred.to_vec();
        p.sort();
        p.dedup();
        self.exact += p.iter().filter(|s| g.binary_search(s).is_ok()).count();
        self.overlap_p += pred.iter().filter(|s| gold.iter().any(|x| x.overlaps(s))).count();
        self.overlap_r += gold.iter().filter(|s| pred.iter().any(|x| x.overlaps(s))).count();
    }
}

#[derive(Clone, Debug, Default)]
pub struct AttrReport {
    pub docs: usize,
    pub source: Counts,
    pub cue: Counts,
    pub content: Counts,
}

impl fmt::Display for AttrReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "PolNeAR attribution, {} documents (exact | overlap: P R F1)", self.docs)?;
        for (name, c) in [("source", &self.source), ("cue", &self.cue), ("content", &self.content)] {
            let (ep, er, ef) = c.exact_prf();
            let (op, or, of) = c.overlap_prf();
            writeln!(
                f,
                "{name:<8} gold {:>6} pred {:>6}  exact {ep:5.1} {er:5.1} {ef:5.1} | overlap {op:5.1} {or:5.1} {of:5.1}",
                c.gold, c.pred
            )?;
        }
        Ok(())
    }
}

/// Score one document's hits against its gold attributions.
pub fn score_doc(
    report: &mut AttrReport,
    text: &str,
    gold: &[crate::polnear::GoldAttr],
    hits: &[AttributionHit],
) {
    let trim = |s: &Span| s.trim(text);
    let gs: Vec<Span> = gold.iter().flat_map(|a| a.source.iter().map(trim)).collect();
    let gc: Vec<Span> = gold.iter().flat_map(|a| a.cue.iter().map(trim)).collect();
    let gt: Vec<Span> = gold.iter().flat_map(|a| a.content.iter().map(trim)).collect();
    let top: Vec<&AttributionHit> = hits.iter().filter(|h| h.parent.is_none()).collect();
    let ps: Vec<Span> = top.iter().filter_map(|h| h.source.map(|s| trim(&s))).collect();
    let pc: Vec<Span> = top.iter().map(|h| trim(&h.cue)).collect();
    let pt: Vec<Span> = top.iter().flat_map(|h| h.content.iter().map(trim)).collect();
    report.docs += 1;
    report.source.add(&gs, &ps);
    report.cue.add(&gc, &pc);
    report.content.add(&gt, &pt);
}

/// Run an extractor over gold documents (segmenting and POS-tagging each).
pub fn evaluate(attributor: &Attributor, docs: &[GoldDoc]) -> AttrReport {
    let seg = Segmenter::new();
    let mut report = AttrReport::default();
    for d in docs {
        let s = seg.segment(&d.text);
        let pos = crate::pos_tags(&d.text, &s);
        let hits = attributor.extract(&d.text, &s, pos.as_deref(), &[]);
        score_doc(&mut report, &d.text, &d.attrs, &hits);
    }
    report
}

/// Score the shipped extractor on a PolNeAR split directory (`text/`, `attributions/`).
pub fn polnear(split_dir: &Path) -> Result<AttrReport, AttrError> {
    let docs = read_split(split_dir)?;
    if docs.is_empty() {
        return Err(AttrError::Empty(split_dir.display().to_string()));
    }
    Ok(evaluate(Attributor::global(), &docs))
}

/// A split segmented and POS-tagged once, to score many candidate models on it end to end
/// (training's model selection: the whole extractor, rules included, as `evaluate`).
pub(crate) struct Prepared {
    docs: Vec<(GoldDoc, dossier_segment::Segmentation, Option<Vec<dossier_tag::PosTag>>)>,
}

impl Prepared {
    pub(crate) fn new(docs: Vec<GoldDoc>) -> Prepared {
        let seg = Segmenter::new();
        let docs = docs
            .into_iter()
            .map(|d| {
                let s = seg.segment(&d.text);
                let pos = crate::pos_tags(&d.text, &s);
                (d, s, pos)
            })
            .collect();
        Prepared { docs }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// `evaluate` with this model (the same report: the same extractor on the same inputs).
    pub(crate) fn score(&self, model: crate::AttrModel) -> AttrReport {
        let a = Attributor::new(Some(model));
        let mut report = AttrReport::default();
        for (d, s, pos) in &self.docs {
            let hits = a.extract(&d.text, s, pos.as_deref(), &[]);
            score_doc(&mut report, &d.text, &d.attrs, &hits);
        }
        report
    }
}

impl AttrReport {
    /// Exact F1 of (source, cue, content).
    pub fn exact_f1(&self) -> [f64; 3] {
        [self.source.exact_prf().2, self.cue.exact_prf().2, self.content.exact_prf().2]
    }
}
