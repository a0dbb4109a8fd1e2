//! The title line and its repeat in the lede.

use dossier_doc::Span;

use crate::lexicon::Lexicon;
use crate::util::{ends_like_sentence, sentences_upto};

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

/// Sorted, deduplicated hashes of the lowercased word tokens, and the number of tokens
/// before deduplication (no allocation per word).
fn token_set(s: &str) -> (Vec<u64>, usize) {
    let mut out = Vec::new();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut in_word = false;
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            h ^= c.to_ascii_lowercase() as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
            in_word = true;
        } else if !c.is_ascii() && c.is_alphanumeric() {
            for l in c.to_lowercase() {
                h ^= l as u64;
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
            in_word = true;
        } else if in_word {
            out.push(h);
            h = 0xcbf2_9ce4_8422_2325;
            in_word = false;
        }
    }
    if in_word {
        out.push(h);
    }
    let n = out.len();
    out.sort_unstable();
    out.dedup();
    (out, n)
}

fn intersection(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The title's words, compared against lede sentences.
pub(crate) struct TitleWords {
    set: Vec<u64>,
    len: usize,
}

impl TitleWords {
    pub fn new(title: &str) -> TitleWords {
        let (set, len) = token_set(title);
        TitleWords { set, len }
    }

    /// (Jaccard, containment of the title, length ratio sentence/title) over lowercased word
    /// tokens.
    pub fn similarity(&self, sentence: &str) -> (f64, f64, f64) {
        let (s, n) = token_set(sentence);
        if self.set.is_empty() || s.is_empty() {
            return (0.0, 0.0, 0.0);
        }
        let inter = intersection(&self.set, &s) as f64;
        let union = (self.set.len() + s.len()) as f64 - inter;
        (inter / union, inter / self.set.len() as f64, n as f64 / self.len as f64)
    }

    /// A sentence repeats the title when most of the words are shared and the lengths are
    /// alike.
    pub fn repeated_by(&self, sentence: &str) -> Option<f64> {
        if self.len < 4 {
            return None;
        }
        // cheap length gate before tokenising
        let approx = sentence.split_whitespace().count() as f64 / self.len as f64;
        if !(0.4..=2.2).contains(&approx) {
            return None;
        }
        let (jaccard, contain, ratio) = self.similarity(sentence);
        if !(0.6..=1.6).contains(&ratio) {
            return None;
        }
        (jaccard >= 0.6 || (contain >= 0.75 && (0.7..=1.4).contains(&ratio))).then_some(jaccard)
    }
}

/// Whether `sentence` repeats `title` (see [`TitleWords::repeated_by`]).
#[cfg(test)]
pub(crate) fn repeats(title: &str, sentence: &str) -> bool {
    TitleWords::new(title).repeated_by(sentence).is_some()
}

/// The sentence of the lede lines that repeats the title, if any (the best one).
pub(crate) fn repeated_headline(lex: &Lexicon, text: &str, title: Span, lede: &[Span]) -> Option<Span> {
    let t = TitleWords::new(title.of(text));
    if t.len < 4 {
        return None;
    }
    // gate: a sentence can only share what the whole lede shares with the title
    let lede_words: Vec<u64> = lede.iter().flat_map(|p| token_set(p.of(text)).0).collect();
    let mut lede_words = lede_words;
    lede_words.sort_unstable();
    lede_words.dedup();
    if (intersection(&t.set, &lede_words) as f64) < 0.6 * t.set.len() as f64 {
        return None;
    }
    let mut best: Option<(f64, Span)> = None;
    for (k, &para) in lede.iter().enumerate() {
        let max = if k == 0 { 4 } else { 2 };
        for s in sentences_upto(lex, text, para, max).into_iter().take(max) {
            if let Some(j) = t.repeated_by(s.of(text)) {
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
