//! Words for comparison: lower-cased runs of letters and digits, and a stopword list.

use std::collections::HashSet;
use std::sync::LazyLock;

static STOPWORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../data/stopwords.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// True for function words ("the", "said", …) that say nothing about what a text is about.
pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(word)
}

/// The words of `text`, lower-cased: maximal runs of alphanumeric chars. An apostrophe ends a
/// word, so "auditor's" gives "auditor" and "s" (a stopword).
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
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

/// The set of content words (stopwords removed) of `text`.
pub fn content_words(text: &str) -> HashSet<String> {
    words(text).into_iter().filter(|w| !is_stopword(w)).collect()
}

/// Jaccard similarity of two word sets (0 when both are empty).
pub fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let inter = a.iter().filter(|w| b.contains(*w)).count();
    inter as f64 / (a.len() + b.len() - inter) as f64
}

/// A name folded for comparison: lower case, single spaces, no surrounding punctuation.
pub fn fold_name(name: &str) -> String {
    words(name).join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lowercased_runs() {
        assert_eq!(
            words("Ortiz's plan: $38 million, «oui»!"),
            ["ortiz", "s", "plan", "38", "million", "oui"]
        );
    }

    #[test]
    fn jaccard_of_sets() {
        let a = content_words("the mayor froze the fares");
        let b = content_words("a mayor froze bus fares");
        assert!((jaccard(&a, &b) - 0.75).abs() < 1e-9, "{}", jaccard(&a, &b));
        assert_eq!(jaccard(&HashSet::new(), &HashSet::new()), 0.0);
    }

    #[test]
    fn folded_names() {
        assert_eq!(fold_name("  Lena  ORTIZ. "), "lena ortiz");
    }
}
