//! Evaluation adapters: tag CoNLL / CoNLL-U files and score predictions against their gold
//! columns.

use dossier_corpora::ratio;
use std::fmt;
use std::io::Write;
use std::path::Path;

use crate::pieces::{split_sentence, Pieces};
use crate::pos::{PosModel, Spacing};
use crate::tags::{UPOS, XPOS};
use crate::TagError;

/// Precision / recall / F1 counts for one label.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prf {
    pub label: String,
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Prf {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        dossier_corpora::f1(self.precision(), self.recall())
    }
}

fn prf_table(f: &mut fmt::Formatter<'_>, rows: &[Prf]) -> fmt::Result {
    writeln!(f, "{:<8} {:>8} {:>8} {:>8} {:>7}", "label", "prec", "recall", "F1", "gold")?;
    for r in rows {
        writeln!(
            f,
            "{:<8} {:>8.2} {:>8.2} {:>8.2} {:>7}",
            r.label,
            100.0 * r.precision(),
            100.0 * r.recall(),
            100.0 * r.f1(),
            r.tp + r.fn_
        )?;
    }
    Ok(())
}

/// POS accuracy (gold tokens) with per-UPOS precision/recall/F1.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PosReport {
    pub tokens: usize,
    pub upos_correct: usize,
    pub xpos_correct: usize,
    pub both_correct: usize,
    pub per_upos: Vec<Prf>,
}

impl PosReport {
    pub fn upos_accuracy(&self) -> f64 {
        ratio(self.upos_correct, self.tokens)
    }
    pub fn xpos_accuracy(&self) -> f64 {
        ratio(self.xpos_correct, self.tokens)
    }
}

impl fmt::Display for PosReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "tokens {}  UPOS {:.2}%  XPOS {:.2}%  both {:.2}%",
            self.tokens,
            100.0 * self.upos_accuracy(),
            100.0 * self.xpos_accuracy(),
            100.0 * ratio(self.both_correct, self.tokens)
        )?;
        prf_table(f, &self.per_upos)
    }
}

/// Score the shipped tagger on a CoNLL-U file's gold tokens.
pub fn eval_pos(path: &Path) -> Result<PosReport, TagError> {
    eval_pos_with(PosModel::global()?, path)
}

pub fn eval_pos_with(model: &PosModel, path: &Path) -> Result<PosReport, TagError> {
    eval_pos_spacing(model, path, true)
}

/// [`eval_pos_with`], giving the tagger the tokens' spacing (`SpaceAfter=No`) or not (as for
/// pre-tokenised input whose spacing is unknown).
pub fn eval_pos_spacing(model: &PosModel, path: &Path, spacing: bool) -> Result<PosReport, TagError> {
    let sents = dossier_corpora::conllu::read(path)?;
    let mut r = PosReport::default();
    let mut counts = vec![(0usize, 0usize, 0usize); UPOS.len()];
    let pred = tag_by_document(model, &sents, spacing);
    for (s, pred) in sents.iter().zip(&pred) {
        for (w, p) in s.words.iter().zip(pred) {
            r.tokens += 1;
            let u = p.upos() == w.upos;
            let x = p.xpos() == w.xpos;
            r.upos_correct += usize::from(u);
            r.xpos_correct += usize::from(x);
            r.both_correct += usize::from(u && x);
            if u {
                counts[p.upos_id() as usize].0 += 1;
            } else {
                counts[p.upos_id() as usize].1 += 1;
                if let Some(g) = UPOS.iter().position(|&t| t == w.upos) {
                    counts[g].2 += 1;
                }
            }
        }
    }
    r.per_upos = counts
        .iter()
        .enumerate()
        .filter(|(_, c)| c.0 + c.1 + c.2 > 0)
        .map(|(i, &(tp, fp, fn_))| Prf { label: UPOS[i].to_string(), tp, fp, fn_ })
        .collect();
    Ok(r)
}

/// Tag CoNLL-U sentences a document (`# newdoc` group) at a time, so that the tagger sees
/// how the rest of the document writes each word; with or without the tokens' spacing.
fn tag_by_document(
    model: &PosModel,
    sents: &[dossier_corpora::conllu::Sentence],
    spacing: bool,
) -> Vec<Vec<crate::tags::PosTag>> {
    let mut out = Vec::with_capacity(sents.len());
    let mut from = 0;
    while from < sents.len() {
        let to = from + 1 + sents[from + 1..].iter().take_while(|s| s.newdoc.is_none()).count();
        let doc = &sents[from..to];
        let words: Vec<Vec<&str>> =
            doc.iter().map(|s| s.words.iter().map(|w| w.form.as_str()).collect()).collect();
        let space: Vec<Vec<Spacing>> =
            if spacing { doc.iter().map(Spacing::of_conllu).collect() } else { Vec::new() };
        out.extend(model.tag_document_spaced(&words, &space));
        from = to;
    }
    out
}

/// Write a CoNLL-U file back with predicted UPOS (column 4) and XPOS (column 5); comment
/// lines, multiword-token lines and empty nodes are kept as they are.
pub fn tag_conllu(input: &Path, out: &mut dyn Write) -> Result<(), TagError> {
    tag_conllu_with(PosModel::global()?, input, out)
}

pub fn tag_conllu_with(model: &PosModel, input: &Path, out: &mut dyn Write) -> Result<(), TagError> {
    let sents = dossier_corpora::conllu::read(input)?;
    let pred = tag_by_document(model, &sents, true);
    for (s, pred) in sents.iter().zip(&pred) {
        let mut k = 0;
        for line in &s.lines {
            let cols: Vec<&str> = line.split('\t').collect();
            let is_word = cols.len() == 10 && !line.starts_with('#') && cols[0].parse::<usize>().is_ok();
            if is_word && k < pred.len() {
                let mut c = cols.clone();
                c[3] = pred[k].upos();
                c[4] = pred[k].xpos();
                k += 1;
                writeln!(out, "{}", c.join("\t"))?;
            } else {
                writeln!(out, "{line}")?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

/// All XPOS names (for documentation and tests).
pub fn xpos_names() -> &'static [&'static str] {
    &XPOS
}

/// Entity-level scores (exact span and type, as conlleval counts them).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NerReport {
    pub sentences: usize,
    pub tokens: usize,
    /// Per label, in PER, ORG, LOC, MISC order.
    pub per_label: Vec<Prf>,
}

impl NerReport {
    pub fn overall(&self) -> Prf {
        let mut o = Prf { label: "overall".into(), ..Prf::default() };
        for p in &self.per_label {
            o.tp += p.tp;
            o.fp += p.fp;
            o.fn_ += p.fn_;
        }
        o
    }
    pub fn f1(&self) -> f64 {
        self.overall().f1()
    }
}

impl fmt::Display for NerReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let o = self.overall();
        writeln!(
            f,
            "sentences {}  tokens {}  entities: gold {} predicted {} correct {}",
            self.sentences,
            self.tokens,
            o.tp + o.fn_,
            o.tp + o.fp,
            o.tp
        )?;
        let mut rows = self.per_label.clone();
        rows.push(o);
        prf_table(f, &rows)
    }
}

/// Score the shipped recogniser (with the shipped tagger) on a CoNLL-2003 file.
pub fn eval_ner(path: &Path) -> Result<NerReport, TagError> {
    eval_ner_with(crate::ner::NerModel::global()?, PosModel::global()?, path)
}

pub fn eval_ner_with(
    model: &crate::ner::NerModel,
    tagger: &PosModel,
    path: &Path,
) -> Result<NerReport, TagError> {
    use crate::ner::ENTITY_LABELS;
    let docs = dossier_corpora::conll2003::read(path)?;
    let mut r = NerReport {
        per_label: ENTITY_LABELS.iter().map(|l| Prf { label: l.as_str().into(), ..Prf::default() }).collect(),
        ..NerReport::default()
    };
    for d in &docs {
        let pieces: Vec<Pieces<'_>> = d
            .sentences
            .iter()
            .map(|s| split_sentence(&s.tokens.iter().map(String::as_str).collect::<Vec<_>>()))
            .collect();
        let pred = tag_pieces(model, tagger, &pieces);
        for (s, p) in d.sentences.iter().zip(&pred) {
            r.sentences += 1;
            r.tokens += s.tokens.len();
            let gold: Vec<(usize, usize, usize)> = dossier_corpora::conll2003::spans(&s.tags)
                .into_iter()
                .filter_map(|(l, a, b)| Some((ENTITY_LABELS.iter().position(|x| x.as_str() == l)?, a, b)))
                .collect();
            for g in &gold {
                if p.contains(g) {
                    r.per_label[g.0].tp += 1;
                } else {
                    r.per_label[g.0].fn_ += 1;
                }
            }
            for q in p {
                if !gold.contains(q) {
                    r.per_label[q.0].fp += 1;
                }
            }
        }
    }
    Ok(r)
}

/// Entities of one document of gold tokens, as `(label index, start, end)` token spans: the
/// recogniser runs on the segmenter's pieces of the tokens (see [`crate::pieces`]) and its
/// spans are projected back.
fn tag_pieces(
    model: &crate::ner::NerModel,
    tagger: &PosModel,
    pieces: &[Pieces<'_>],
) -> Vec<Vec<(usize, usize, usize)>> {
    let sents: Vec<Vec<&str>> = pieces.iter().map(|p| p.words.clone()).collect();
    let pred = model.tag_document_with(tagger, &sents);
    pieces
        .iter()
        .zip(&pred)
        .map(|(p, spans)| {
            let s: Vec<(usize, usize, usize)> =
                spans.iter().map(|e| (e.label as usize, e.start, e.end)).collect();
            p.to_tokens(&s, crate::ner::EntityLabel::Misc as usize)
        })
        .collect()
}

/// Write a CoNLL-2003 file back with one predicted tag (IOB2) appended to every token
/// line; `-DOCSTART-` lines get `O` so every line has the same number of columns, blank
/// lines stay blank.
pub fn tag_conll(input: &Path, out: &mut dyn Write) -> Result<(), TagError> {
    tag_conll_with(crate::ner::NerModel::global()?, PosModel::global()?, input, out)
}

pub fn tag_conll_with(
    model: &crate::ner::NerModel,
    tagger: &PosModel,
    input: &Path,
    out: &mut dyn Write,
) -> Result<(), TagError> {
    let text = std::fs::read_to_string(input)
        .map_err(|source| TagError::Io { path: input.display().to_string(), source })?;
    let lines: Vec<&str> = text.lines().collect();
    let mut tags: Vec<Option<String>> = vec![None; lines.len()];
    // Documents: lists of sentences, each a list of (line index, token).
    let mut docs: Vec<Vec<Vec<(usize, &str)>>> = vec![Vec::new()];
    let mut cur: Vec<(usize, &str)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let tok = line.split_whitespace().next();
        match tok {
            None => {
                if !cur.is_empty() {
                    docs.last_mut().expect("non-empty").push(std::mem::take(&mut cur));
                }
            }
            Some("-DOCSTART-") => {
                if !cur.is_empty() {
                    docs.last_mut().expect("non-empty").push(std::mem::take(&mut cur));
                }
                docs.push(Vec::new());
                tags[i] = Some("O".into());
            }
            Some(t) => cur.push((i, t)),
        }
    }
    if !cur.is_empty() {
        docs.last_mut().expect("non-empty").push(cur);
    }
    for d in &docs {
        let pieces: Vec<Pieces<'_>> =
            d.iter().map(|s| split_sentence(&s.iter().map(|&(_, t)| t).collect::<Vec<_>>())).collect();
        let pred = tag_pieces(model, tagger, &pieces);
        for (s, p) in d.iter().zip(&pred) {
            for &(li, _) in s {
                tags[li] = Some("O".into());
            }
            for &(l, a, b) in p {
                for k in a..b {
                    let prefix = if k == a { "B" } else { "I" };
                    tags[s[k].0] = Some(format!("{prefix}-{}", crate::ner::ENTITY_LABELS[l]));
                }
            }
        }
    }
    for (line, tag) in lines.iter().zip(&tags) {
        match tag {
            Some(t) => writeln!(out, "{} {t}", line.trim_end())?,
            None => writeln!(out, "{line}")?,
        }
    }
    Ok(())
}
