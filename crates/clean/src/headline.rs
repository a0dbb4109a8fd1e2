//! The title line and its repeat in the lede.

use std::collections::HashSet;

use dossier_doc::Span;

use crate::lexicon::Lexicon;
use crate::util::{ends_like_sentence, sentences, words};

/// Longest title line, in bytes and in words.
const TITLE_MAX_BYTES: usize = 300;
const TITLE_MAX_WORDS: usize = 40;

/// The title inside a line that looks like a headline: the whole line, or the text after the
/// `#` marks of a Markdown heading.
pub(crate) fn title_of(text: &str, line: Span) -> Option<Span> {
    let s = line.of(text);
    if let Some(rest) = s.strip_prefix('#') {
        let hashes = 1 + rest.len() - rest.trim_start_matches('#').len();
        let after = &s[hashes..];
        if hashes <= 6 && after.starts_with([' ', '\t']) {
            let t = Span::new(line.start + hashes, line.end).trim(text);
            let t = Span::new(t.start, t.start + text[t.range()].trim_end_matches('#').trim_end().len());
            return (!t.is_empty()).then_some(t);
        }
        return None;
    }
    let core = s.trim_end_matches(['"', '\'', '”', '’', ')', ']']);
    if s.len() > TITLE_MAX_BYTES || (ends_like_sentence(s) && core.ends_with(['.', '…'])) {
        return None;
    }
    if s.ends_with([':', ',', ';', '-', '—']) {
        return None;
    }
    let first = s.chars().next()?;
    if !(first.is_uppercase() || first.is_ascii_digit() || matches!(first, '"' | '“' | '‘' | '\'')) {
        return None;
    }
    let n = s.split_whitespace().count();
    if !(2..=TITLE_MAX_WORDS).contains(&n) {
        return None;
    }
    Some(line)
}

/// Similarity of a lede sentence to the title: (Jaccard, containment of the title, length
/// ratio sentence/title), over lowercased word tokens.
pub(crate) fn similarity(title: &str, sentence: &str) -> (f64, f64, f64) {
    let t: Vec<String> = words(title);
    let s: Vec<String> = words(sentence);
    if t.is_empty() || s.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    let ts: HashSet<&str> = t.iter().map(String::as_str).collect();
    let ss: HashSet<&str> = s.iter().map(String::as_str).collect();
    let inter = ts.intersection(&ss).count() as f64;
    let union = ts.union(&ss).count() as f64;
    (inter / union, inter / ts.len() as f64, s.len() as f64 / t.len() as f64)
}

/// A sentence repeats the title when most of the words are shared and the lengths are alike.
pub(crate) fn repeats(title: &str, sentence: &str) -> bool {
    if words(title).len() < 4 {
        return false;
    }
    let (jaccard, contain, ratio) = similarity(title, sentence);
    if !(0.6..=1.6).contains(&ratio) {
        return false;
    }
    jaccard >= 0.6 || (contain >= 0.75 && (0.7..=1.4).contains(&ratio))
}

/// The sentence of the lede lines that repeats the title, if any (the best one).
pub(crate) fn repeated_headline(lex: &Lexicon, text: &str, title: Span, lede: &[Span]) -> Option<Span> {
    let t = title.of(text);
    let mut best: Option<(f64, Span)> = None;
    for (k, &para) in lede.iter().enumerate() {
        let max = if k == 0 { 4 } else { 2 };
        for s in sentences(lex, text, para).into_iter().take(max) {
            let st = s.of(text);
            if repeats(t, st) {
                let (j, _, _) = similarity(t, st);
                if best.is_none_or_lt(j) {
                    best = Some((j, s));
                }
            }
        }
    }
    best.map(|(_, s)| s)
}

trait BestExt {
    fn is_none_or_lt(&self, score: f64) -> bool;
}

impl BestExt for Option<(f64, Span)> {
    fn is_none_or_lt(&self, score: f64) -> bool {
        match self {
            None => true,
            Some((b, _)) => *b < score,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_repeat_fires_shared_words_do_not() {
        let title = "Harbor authority delays the new ferry terminal by two years over costs";
        assert!(repeats(
            title,
            "The harbor authority delays the new ferry terminal by two years over rising costs."
        ));
        assert!(!repeats(
            title,
            "The ferry terminal was meant to open in spring, the harbor authority said."
        ));
    }

    #[test]
    fn markdown_title_skips_marks() {
        let t = "## Rain returns to the valley ##\nBody.";
        let s = title_of(t, Span::new(0, 32)).unwrap();
        assert_eq!(s.of(t), "Rain returns to the valley");
    }
}
