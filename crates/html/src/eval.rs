//! Evaluation on Mozilla's readability test pages (`DIR/*/source.html`, `expected.html`,
//! `expected-metadata.json`): bag-of-words precision / recall / F1 of the main text against the text of
//! `expected.html`, per page and averaged (macro) and pooled (micro); title, byline and date accuracy over
//! the pages whose expected field is non-null (title and byline compared after normalising whitespace and
//! case, dates by calendar day).

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Instant;

use dom_query::Document;

use crate::{extract, Extracted, HtmlOptions};

/// Why the evaluation could not run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    #[error("reading {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("no test pages (subdirectories with source.html) in {0}")]
    NoPages(PathBuf),
}

pub type Result<T> = std::result::Result<T, EvalError>;

/// Scores of one page.
#[derive(Debug, Clone)]
pub struct PageScore {
    pub name: String,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Word counts: overlap, extracted, expected (for micro averages).
    pub overlap: usize,
    pub got_words: usize,
    pub want_words: usize,
    pub title_ok: Option<bool>,
    /// The title matches once a site name at either end is cut from both sides the same way
    /// (the reference keeps suffixes like " | eHow" that the issue asks us to remove).
    pub title_site_ok: Option<bool>,
    pub byline_ok: Option<bool>,
    pub date_ok: Option<bool>,
    /// The date found and the one expected (as written in expected-metadata.json).
    pub date_got: Option<chrono::NaiveDate>,
    pub date_want: Option<String>,
    /// The extraction error, when there was one (counted as an empty text).
    pub error: Option<String>,
}

/// A field's accuracy: correct / counted.
#[derive(Debug, Clone, Copy, Default)]
pub struct Accuracy {
    pub correct: usize,
    pub total: usize,
}

impl Accuracy {
    pub fn value(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.correct as f64 / self.total as f64
        }
    }
    fn add(&mut self, ok: Option<bool>) {
        if let Some(ok) = ok {
            self.total += 1;
            self.correct += usize::from(ok);
        }
    }
}

/// The evaluation report.
#[derive(Debug, Clone)]
pub struct HtmlReport {
    pub name: String,
    pub pages: Vec<PageScore>,
    pub macro_precision: f64,
    pub macro_recall: f64,
    pub macro_f1: f64,
    pub micro_precision: f64,
    pub micro_recall: f64,
    pub micro_f1: f64,
    pub title: Accuracy,
    /// Title accuracy with site names cut from the reference too (see [`PageScore::title_site_ok`]).
    pub title_site: Accuracy,
    pub byline: Accuracy,
    pub date: Accuracy,
    pub errors: usize,
    /// Wall-clock seconds spent in the extractor.
    pub seconds: f64,
}

/// What an extractor under evaluation returns.
#[derive(Debug, Clone, Default)]
pub struct Candidate {
    pub text: String,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<chrono::NaiveDate>,
    /// The outlet and host the extractor saw (to cut site names from reference titles alike).
    pub outlet: Option<String>,
    pub host: Option<String>,
}

impl From<Extracted> for Candidate {
    fn from(e: Extracted) -> Self {
        let host = e
            .canonical_url
            .as_deref()
            .and_then(|u| u.split("://").nth(1))
            .and_then(|r| r.split('/').next())
            .map(str::to_string);
        Self {
            text: e.text,
            title: e.title,
            byline: e.byline,
            published: e.published,
            outlet: e.outlet,
            host,
        }
    }
}

/// Evaluates this crate's [`extract`] on the test pages under `dir`.
pub fn readability(dir: &Path) -> Result<HtmlReport> {
    let opts = HtmlOptions::default();
    readability_with(dir, "dossier-html", |bytes| {
        extract(bytes, None, &opts).map(Candidate::from).map_err(|e| e.to_string())
    })
}

/// Evaluates any extractor (used to compare crates; see `compare/`).
pub fn readability_with(
    dir: &Path,
    name: &str,
    mut extractor: impl FnMut(&[u8]) -> std::result::Result<Candidate, String>,
) -> Result<HtmlReport> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| EvalError::Io { path, source }
    };
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io(dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("source.html").is_file() && p.join("expected.html").is_file())
        .collect();
    dirs.sort();
    if dirs.is_empty() {
        return Err(EvalError::NoPages(dir.to_path_buf()));
    }
    let mut pages = Vec::with_capacity(dirs.len());
    let mut seconds = 0.0;
    for page in dirs {
        let source = std::fs::read(page.join("source.html")).map_err(io(&page))?;
        let expected = std::fs::read_to_string(page.join("expected.html")).map_err(io(&page))?;
        let meta: serde_json::Value = std::fs::read_to_string(page.join("expected-metadata.json"))
            .ok()
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or(serde_json::Value::Null);
        let start = Instant::now();
        let got = extractor(&source);
        seconds += start.elapsed().as_secs_f64();
        let (cand, error) = match got {
            Ok(c) => (c, None),
            Err(e) => (Candidate::default(), Some(e)),
        };
        let want_text = Document::from(expected.as_str()).select("body").text();
        let (overlap, got_words, want_words) = bag_overlap(&cand.text, &want_text);
        let (precision, recall, f1) = prf(overlap, got_words, want_words);
        let field = |k: &str| meta.get(k).and_then(|v| v.as_str()).filter(|s| !s.trim().is_empty());
        let title_ok = field("title").map(|w| same_text(cand.title.as_deref(), w));
        let title_site_ok = field("title").map(|w| {
            let cut = crate::meta::clean_title(w, cand.outlet.as_deref(), cand.host.as_deref());
            same_text(cand.title.as_deref(), w) || same_text(cand.title.as_deref(), &cut)
        });
        let byline_ok = field("byline").map(|w| same_text(cand.byline.as_deref(), w));
        let date_ok = field("publishedTime")
            .map(|w| crate::date::parse_date(w).is_some_and(|d| cand.published == Some(d)));
        pages.push(PageScore {
            name: page.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            precision,
            recall,
            f1,
            overlap,
            got_words,
            want_words,
            title_ok,
            title_site_ok,
            byline_ok,
            date_ok,
            date_got: cand.published,
            date_want: field("publishedTime").map(str::to_string),
            error,
        });
    }
    let n = pages.len() as f64;
    let (mut title, mut byline, mut date) = (Accuracy::default(), Accuracy::default(), Accuracy::default());
    let mut title_site = Accuracy::default();
    for p in &pages {
        title.add(p.title_ok);
        title_site.add(p.title_site_ok);
        byline.add(p.byline_ok);
        date.add(p.date_ok);
    }
    let sum = |f: fn(&PageScore) -> f64| pages.iter().map(f).sum::<f64>() / n;
    let (o, g, w) =
        pages.iter().fold((0, 0, 0), |(o, g, w), p| (o + p.overlap, g + p.got_words, w + p.want_words));
    let (micro_precision, micro_recall, micro_f1) = prf(o, g, w);
    Ok(HtmlReport {
        name: name.to_string(),
        macro_precision: sum(|p| p.precision),
        macro_recall: sum(|p| p.recall),
        macro_f1: sum(|p| p.f1),
        micro_precision,
        micro_recall,
        micro_f1,
        title,
        title_site,
        byline,
        date,
        errors: pages.iter().filter(|p| p.error.is_some()).count(),
        seconds,
        pages,
    })
}

fn prf(overlap: usize, got: usize, want: usize) -> (f64, f64, f64) {
    if got == 0 && want == 0 {
        return (1.0, 1.0, 1.0);
    }
    let p = if got == 0 { 0.0 } else { overlap as f64 / got as f64 };
    let r = if want == 0 { 0.0 } else { overlap as f64 / want as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

fn same_text(got: Option<&str>, want: &str) -> bool {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    got.is_some_and(|g| norm(g) == norm(want))
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF)
}

/// Words of a text: lowercase runs of letters and digits; each CJK character is a word of its own.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if is_cjk(c) {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            out.push(c.to_string());
        } else if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Multiset overlap of the words of two texts: (overlap, words in `got`, words in `want`).
pub fn bag_overlap(got: &str, want: &str) -> (usize, usize, usize) {
    let mut bag: HashMap<String, usize> = HashMap::new();
    let want_words = words(want);
    for w in &want_words {
        *bag.entry(w.clone()).or_default() += 1;
    }
    let got_words = words(got);
    let mut overlap = 0;
    for w in &got_words {
        if let Some(n) = bag.get_mut(w) {
            if *n > 0 {
                *n -= 1;
                overlap += 1;
            }
        }
    }
    (overlap, got_words.len(), want_words.len())
}

impl fmt::Display for HtmlReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}: {} pages, {} errors", self.name, self.pages.len(), self.errors)?;
        writeln!(
            f,
            "  text macro P/R/F1 {:.3} / {:.3} / {:.3}   micro P/R/F1 {:.3} / {:.3} / {:.3}",
            self.macro_precision,
            self.macro_recall,
            self.macro_f1,
            self.micro_precision,
            self.micro_recall,
            self.micro_f1
        )?;
        for (name, a) in [("title", self.title), ("byline", self.byline), ("date", self.date)] {
            writeln!(f, "  {name:<6} accuracy {:.3} ({}/{})", a.value(), a.correct, a.total)?;
        }
        let a = self.title_site;
        writeln!(
            f,
            "  title  accuracy {:.3} ({}/{}) with site names cut from the reference too",
            a.value(),
            a.correct,
            a.total
        )?;
        write!(
            f,
            "  {:.2} s in the extractor, {:.0} pages/s",
            self.seconds,
            self.pages.len() as f64 / self.seconds.max(1e-9)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bag_of_words_counts_multiplicity() {
        assert_eq!(bag_overlap("the cat, the hat", "The cat sat"), (2, 4, 3));
        let (p, r, f) = prf(2, 4, 3);
        assert!((p - 0.5).abs() < 1e-9 && (r - 2.0 / 3.0).abs() < 1e-9 && f > 0.5 && f < 0.6);
        assert_eq!(words("東京で"), vec!["東", "京", "で"]);
    }
}
