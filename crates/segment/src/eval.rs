//! Evaluation on UD English EWT.
//!
//! Method: the raw documents are rebuilt from the treebank's `# newdoc`, `# newpar` and
//! `# text` comments with [`dossier_corpora::conllu::rebuild_documents`] — the sentences of
//! a paragraph joined by one space, paragraphs by a blank line. Each document is segmented
//! and compared with the gold annotation:
//!
//! - **sentences**: a predicted sentence end matches when a gold sentence ends at the same
//!   byte offset. The end of each document is left out (it is found trivially); ends at
//!   paragraph breaks are counted (the blank line gives them away, so the report also gives
//!   the figure for the ends inside paragraphs).
//! - **tokens**: gold spans are EWT's surface tokens ([`Sentence::surface_tokens`], a
//!   multiword token such as `don't` whole), located in the rebuilt text in order. Ours are
//!   our tokens with each [`TokenKind::Clitic`] merged into the token before it. A token
//!   matches when both ends agree.
//!
//! [`Sentence::surface_tokens`]: dossier_corpora::conllu::Sentence::surface_tokens

use dossier_corpora::ratio;
use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::Path;

use dossier_corpora::conllu;

use crate::{SegmentError, Segmenter, TokenKind};

/// Matches, predictions and gold items for one measure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub matched: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    pub fn f1(&self) -> f64 {
        dossier_corpora::f1(self.precision(), self.recall())
    }
    fn add(&mut self, o: Counts) {
        self.matched += o.matched;
        self.predicted += o.predicted;
        self.gold += o.gold;
    }
}

/// The figures for one genre (or all of them).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GenreReport {
    pub documents: usize,
    /// Every sentence end except the document end.
    pub sentences: Counts,
    /// Sentence ends inside a paragraph only (gold and predicted).
    pub sentences_in_paragraph: Counts,
    pub tokens: Counts,
}

impl GenreReport {
    fn add(&mut self, o: &GenreReport) {
        self.documents += o.documents;
        self.sentences.add(o.sentences);
        self.sentences_in_paragraph.add(o.sentences_in_paragraph);
        self.tokens.add(o.tokens);
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct EwtReport {
    pub file: String,
    /// By genre (the document id prefix: weblog, newsgroup, email, answers, reviews).
    pub genres: BTreeMap<String, GenreReport>,
    pub overall: GenreReport,
    /// Gold tokens that could not be located in the rebuilt text (should be 0).
    pub unlocated_tokens: usize,
}

/// Evaluate the segmenter on an EWT CoNLL-U file.
pub fn ewt(path: &Path) -> Result<EwtReport, SegmentError> {
    let sents = conllu::read(path)?;
    let docs = conllu::rebuild_documents(&sents);
    let seg = Segmenter::new();
    let mut report = EwtReport { file: path.display().to_string(), ..Default::default() };
    for doc in &docs {
        let text = doc.text.as_str();
        let out = seg.segment(text);
        let mut g = GenreReport { documents: 1, ..Default::default() };
        // Sentences.
        let gold_ends: HashSet<usize> =
            doc.sentences.iter().map(|s| s.1).filter(|&e| e < text.len()).collect();
        let pred_ends: HashSet<usize> =
            out.sentences.iter().map(|s| s.end).filter(|&e| e < text.len()).collect();
        g.sentences = Counts {
            matched: pred_ends.intersection(&gold_ends).count(),
            predicted: pred_ends.len(),
            gold: gold_ends.len(),
        };
        let in_par = |e: &usize| !text[*e..].trim_start_matches(' ').starts_with('\n');
        let gi: HashSet<usize> = gold_ends.iter().copied().filter(in_par).collect();
        let pi: HashSet<usize> = pred_ends.iter().copied().filter(in_par).collect();
        g.sentences_in_paragraph =
            Counts { matched: pi.intersection(&gi).count(), predicted: pi.len(), gold: gi.len() };
        // Tokens.
        let mut gold_tokens = HashSet::new();
        for (k, &(start, end)) in doc.sentences.iter().enumerate() {
            let mut at = start;
            for (form, _) in sents[doc.sentence_index[k]].surface_tokens() {
                match text[at..end].find(form.as_str()) {
                    Some(off) if text[at..at + off].trim().is_empty() => {
                        gold_tokens.insert((at + off, at + off + form.len()));
                        at += off + form.len();
                    }
                    _ => report.unlocated_tokens += 1,
                }
            }
        }
        let mut pred_tokens: HashSet<(usize, usize)> = HashSet::new();
        let mut last: Option<(usize, usize)> = None;
        for t in &out.tokens {
            match last {
                Some((s, e)) if t.kind == TokenKind::Clitic && t.span.start == e => {
                    last = Some((s, t.span.end))
                }
                _ => {
                    if let Some(l) = last.take() {
                        pred_tokens.insert(l);
                    }
                    last = Some((t.span.start, t.span.end));
                }
            }
        }
        if let Some(l) = last {
            pred_tokens.insert(l);
        }
        g.tokens = Counts {
            matched: pred_tokens.intersection(&gold_tokens).count(),
            predicted: pred_tokens.len(),
            gold: gold_tokens.len(),
        };
        report.overall.add(&g);
        report.genres.entry(doc.genre().to_string()).or_default().add(&g);
    }
    Ok(report)
}

impl fmt::Display for EwtReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "segmenter on {} (documents rebuilt from # newdoc/# newpar/# text)", self.file)?;
        writeln!(
            f,
            "{:<10} {:>5}  {:>6} {:>6} {:>6}  {:>6} {:>6} {:>6}  {:>6} {:>6} {:>6}",
            "genre",
            "docs",
            "sent P",
            "sent R",
            "sent F",
            "inpar P",
            "inpar R",
            "inpar F",
            "tok P",
            "tok R",
            "tok F"
        )?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, g: &GenreReport| {
            writeln!(
                f,
                "{:<10} {:>5}  {:>6.4} {:>6.4} {:>6.4}  {:>7.4} {:>7.4} {:>7.4}  {:>6.4} {:>6.4} {:>6.4}",
                name,
                g.documents,
                g.sentences.precision(),
                g.sentences.recall(),
                g.sentences.f1(),
                g.sentences_in_paragraph.precision(),
                g.sentences_in_paragraph.recall(),
                g.sentences_in_paragraph.f1(),
                g.tokens.precision(),
                g.tokens.recall(),
                g.tokens.f1()
            )
        };
        for (name, g) in &self.genres {
            row(f, name, g)?;
        }
        row(f, "overall", &self.overall)?;
        write!(
            f,
            "sentence ends: {} gold, {} predicted (document ends excluded); tokens: {} gold, {} unlocated",
            self.overall.sentences.gold,
            self.overall.sentences.predicted,
            self.overall.tokens.gold,
            self.unlocated_tokens
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_arithmetic() {
        let c = Counts { matched: 8, predicted: 10, gold: 8 };
        assert!((c.precision() - 0.8).abs() < 1e-9);
        assert!((c.recall() - 1.0).abs() < 1e-9);
        assert!((c.f1() - 0.888_888_9).abs() < 1e-6);
        assert_eq!(Counts::default().f1(), 0.0);
    }

    #[test]
    fn runs_on_ewt_dev_when_present() {
        let path = Path::new("/work/shared/data/ud-english-ewt/en_ewt-ud-dev.conllu");
        if !path.exists() {
            eprintln!("skipped: {} not found", path.display());
            return;
        }
        let r = ewt(path).expect("dev file reads");
        assert!(r.overall.documents > 0);
        assert!(r.overall.sentences.gold > 0 && r.overall.tokens.gold > 0);
        assert!(r.genres.contains_key("weblog"));
        let shown = r.to_string();
        assert!(shown.contains("overall"));
    }

    #[test]
    fn missing_file_is_an_error() {
        assert!(ewt(Path::new("/nonexistent/file.conllu")).is_err());
    }
}
