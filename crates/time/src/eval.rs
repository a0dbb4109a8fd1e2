//! TempEval-3 style evaluation on TimeML (`.tml`) files: the text inside `<TEXT>` is
//! stripped of tags (entities unescaped, gold TIMEX3 offsets kept on the stripped text),
//! segmented and tagged with the document creation time as publication date.

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dossier_doc::Span;
use dossier_segment::{Segmentation, Segmenter};

use crate::{TenseHint, TimeTagger, TimexHit, XposHint};

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    #[error("cannot read {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{0}: no <TEXT> element")]
    NoText(PathBuf),
    #[error("no .tml files under {0}")]
    Empty(PathBuf),
}

pub type Result<T> = std::result::Result<T, EvalError>;

/// A gold TIMEX3 of a TimeML document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldTimex {
    /// Byte span in [`TimemlDoc::text`].
    pub span: Span,
    pub kind: String,
    pub value: String,
}

/// A TimeML document: the tag-stripped text of `<TEXT>`, its gold timexes and DCT.
#[derive(Clone, Debug)]
pub struct TimemlDoc {
    pub text: String,
    pub dct: Option<NaiveDate>,
    pub gold: Vec<GoldTimex>,
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let i = tag.find(&key)? + key.len();
    let j = tag[i..].find('"')?;
    Some(&tag[i..i + j])
}

fn unescape(e: &str) -> Option<char> {
    match e {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let n = e.strip_prefix('#')?;
            let code = match n.strip_prefix('x').or_else(|| n.strip_prefix('X')) {
                Some(h) => u32::from_str_radix(h, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

fn parse_dct(src: &str) -> Option<NaiveDate> {
    let tag = match src.find("<DCT>") {
        Some(i) => &src[i..src[i..].find("</DCT>").map_or(src.len(), |j| i + j)],
        None => {
            let i = src.find("functionInDocument=\"CREATION_TIME\"")?;
            let s = src[..i].rfind('<')?;
            &src[s..src[i..].find('>').map_or(src.len(), |j| i + j)]
        }
    };
    let v = attr(tag, "value")?;
    NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok()
}

/// Parses one TimeML document.
pub fn parse_timeml(src: &str) -> Option<TimemlDoc> {
    let start = src.find("<TEXT>")? + "<TEXT>".len();
    let end = src[start..].find("</TEXT>").map_or(src.len(), |j| start + j);
    let body = &src[start..end];
    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    let mut open: Vec<(usize, String, String)> = Vec::new();
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        let c = rest.chars().next()?;
        if c == '<' {
            let Some(j) = rest.find('>') else {
                text.push(c);
                i += 1;
                continue;
            };
            let tag = &rest[1..j];
            if tag.starts_with("TIMEX3") {
                let kind = attr(tag, "type").unwrap_or("").to_string();
                let value = attr(tag, "value").unwrap_or("").to_string();
                if tag.ends_with('/') {
                    // empty TIMEX3: no extent in the text
                } else {
                    open.push((text.len(), kind, value));
                }
            } else if tag.starts_with("/TIMEX3") {
                if let Some((s, kind, value)) = open.pop() {
                    gold.push(GoldTimex { span: Span::new(s, text.len()), kind, value });
                }
            }
            i += j + 1;
        } else if c == '&' {
            match rest[1..].find(';').filter(|&k| k <= 10).and_then(|k| Some((k, unescape(&rest[1..1 + k])?)))
            {
                Some((k, ch)) => {
                    text.push(ch);
                    i += k + 2;
                }
                None => {
                    text.push('&');
                    i += 1;
                }
            }
        } else {
            text.push(c);
            i += c.len_utf8();
        }
    }
    gold.sort_by_key(|g| g.span);
    Some(TimemlDoc { text, dct: parse_dct(src), gold })
}

/// One disagreement, for error analysis.
#[derive(Clone, Debug)]
pub struct Mismatch {
    pub file: String,
    /// `missed`, `spurious`, `span`, `type` or `value`.
    pub what: &'static str,
    pub gold: Option<(String, String, String)>,
    pub system: Option<(String, String, String)>,
    /// The sentence-ish context around it.
    pub context: String,
}

/// TempEval-3 measures over a set of documents.
#[derive(Clone, Debug, Default)]
pub struct TimexReport {
    pub documents: usize,
    pub gold: usize,
    pub system: usize,
    /// Pairs with identical spans.
    pub strict: usize,
    /// Pairs with overlapping spans (one-to-one).
    pub relaxed: usize,
    pub type_correct: usize,
    pub value_correct: usize,
    pub mismatches: Vec<Mismatch>,
}

fn prf(tp: usize, sys: usize, gold: usize) -> (f64, f64, f64) {
    let p = if sys == 0 { 0.0 } else { tp as f64 / sys as f64 };
    let r = if gold == 0 { 0.0 } else { tp as f64 / gold as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (100.0 * p, 100.0 * r, 100.0 * f)
}

impl TimexReport {
    pub fn strict_prf(&self) -> (f64, f64, f64) {
        prf(self.strict, self.system, self.gold)
    }
    pub fn relaxed_prf(&self) -> (f64, f64, f64) {
        prf(self.relaxed, self.system, self.gold)
    }
    pub fn value_prf(&self) -> (f64, f64, f64) {
        prf(self.value_correct, self.system, self.gold)
    }
    pub fn type_accuracy(&self) -> f64 {
        100.0 * self.type_correct as f64 / self.relaxed.max(1) as f64
    }
    pub fn value_accuracy(&self) -> f64 {
        100.0 * self.value_correct as f64 / self.relaxed.max(1) as f64
    }

    /// Scores one document's hits against its gold.
    pub fn add(&mut self, file: &str, doc: &TimemlDoc, hits: &[TimexHit]) {
        self.documents += 1;
        self.gold += doc.gold.len();
        self.system += hits.len();
        let ctx = |s: Span| -> String {
            let a = doc.text[..s.start].char_indices().rev().nth(60).map_or(0, |x| x.0);
            let b = doc.text[s.end..].char_indices().nth(60).map_or(doc.text.len(), |x| s.end + x.0);
            doc.text[a..b].replace('\n', " ")
        };
        let mut used = vec![false; hits.len()];
        for g in &doc.gold {
            let gt = (g.span.of(&doc.text).to_string(), g.kind.clone(), g.value.clone());
            let m = hits.iter().enumerate().find(|(k, h)| !used[*k] && h.span.overlaps(&g.span));
            let Some((k, h)) = m else {
                self.mismatches.push(Mismatch {
                    file: file.into(),
                    what: "missed",
                    gold: Some(gt),
                    system: None,
                    context: ctx(g.span),
                });
                continue;
            };
            used[k] = true;
            self.relaxed += 1;
            let st = (h.span.of(&doc.text).to_string(), h.kind.as_str().to_string(), h.value.clone());
            let strict = h.span == g.span;
            let ty = h.kind.as_str() == g.kind;
            let val = h.value == g.value;
            self.strict += strict as usize;
            self.type_correct += ty as usize;
            self.value_correct += val as usize;
            let what = if !val {
                "value"
            } else if !ty {
                "type"
            } else if !strict {
                "span"
            } else {
                continue;
            };
            self.mismatches.push(Mismatch {
                file: file.into(),
                what,
                gold: Some(gt),
                system: Some(st),
                context: ctx(g.span),
            });
        }
        for (k, h) in hits.iter().enumerate() {
            if !used[k] {
                self.mismatches.push(Mismatch {
                    file: file.into(),
                    what: "spurious",
                    gold: None,
                    system: Some((h.span.of(&doc.text).to_string(), h.kind.as_str().into(), h.value.clone())),
                    context: ctx(h.span),
                });
            }
        }
    }
}

impl fmt::Display for TimexReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (sp, sr, sf) = self.strict_prf();
        let (rp, rr, rf) = self.relaxed_prf();
        let (vp, vr, vf) = self.value_prf();
        writeln!(
            f,
            "documents {}  gold timexes {}  system timexes {}",
            self.documents, self.gold, self.system
        )?;
        writeln!(f, "strict span   P {sp:6.2}  R {sr:6.2}  F1 {sf:6.2}")?;
        writeln!(f, "relaxed span  P {rp:6.2}  R {rr:6.2}  F1 {rf:6.2}")?;
        writeln!(f, "type accuracy  {:6.2}  (over relaxed matches)", self.type_accuracy())?;
        writeln!(f, "value accuracy {:6.2}  (over relaxed matches)", self.value_accuracy())?;
        write!(f, "value         P {vp:6.2}  R {vr:6.2}  F1 {vf:6.2}")
    }
}

/// Every `.tml` file under `dir` (recursively), sorted.
pub fn tml_files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    tml_files(dir, &mut files)?;
    files.sort();
    Ok(files)
}

fn tml_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let rd = std::fs::read_dir(dir).map_err(|source| EvalError::Io { path: dir.into(), source })?;
    for e in rd {
        let p = e.map_err(|source| EvalError::Io { path: dir.into(), source })?.path();
        if p.is_dir() {
            tml_files(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "tml") {
            out.push(p);
        }
    }
    Ok(())
}

/// Runs the segmenter and the tagger over every `.tml` file under `dir` (recursively)
/// and scores them against the gold TIMEX3 annotations.
pub fn timeml(dir: &Path) -> Result<TimexReport> {
    timeml_with(dir, |_, _| None)
}

/// As [`timeml`], with word classes for the tense cues: `hint` gets each document's text
/// and segmentation and returns, say, an [`XposHint`](crate::XposHint) from a POS tagger.
pub fn timeml_with<F>(dir: &Path, hint: F) -> Result<TimexReport>
where
    F: Fn(&str, &Segmentation) -> Option<XposHint>,
{
    let files = tml_files_under(dir)?;
    if files.is_empty() {
        return Err(EvalError::Empty(dir.into()));
    }
    let seg = Segmenter::new();
    let tagger = TimeTagger::global();
    let mut report = TimexReport::default();
    for path in files {
        let src =
            std::fs::read_to_string(&path).map_err(|source| EvalError::Io { path: path.clone(), source })?;
        let doc = parse_timeml(&src).ok_or_else(|| EvalError::NoText(path.clone()))?;
        let segmentation = seg.segment(&doc.text);
        let words = hint(&doc.text, &segmentation);
        let hits = tagger.extract_with(
            &doc.text,
            &segmentation.sentences,
            doc.dct,
            words.as_ref().map(|h| h as &dyn TenseHint),
        );
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        report.add(&name, &doc, &hits);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_and_keeps_gold_offsets_through_entities() {
        let src = r#"<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>Profits &amp; losses <EVENT eid="e1">rose</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> &quot;sharply&quot;.</TEXT>"#;
        let d = parse_timeml(src).unwrap();
        assert_eq!(d.text, "Profits & losses rose yesterday \"sharply\".");
        assert_eq!(d.dct, NaiveDate::from_ymd_opt(1998, 1, 8));
        assert_eq!(d.gold.len(), 1, "the DCT timex is outside <TEXT>");
        assert_eq!(d.gold[0].span.of(&d.text), "yesterday");
        assert_eq!(d.gold[0].value, "1998-01-07");
    }

    #[test]
    fn scores_one_document() {
        let src = r#"<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08"/></DCT>
<TEXT>Shares fell <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3> of gains.</TEXT>"#;
        let d = parse_timeml(src).unwrap();
        let hits = TimeTagger::global().extract(&d.text, &[], d.dct);
        let mut r = TimexReport::default();
        r.add("x", &d, &hits);
        assert_eq!((r.gold, r.system, r.strict, r.value_correct), (2, 2, 2, 2));
        assert!(r.to_string().contains("F1 100.00"));
    }
}
