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

/// A stable 64-bit hash of a word (FNV-1a over its UTF-8 bytes). Stored in databases, so it
/// must never change.
pub fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The content words of `text` (as [`content_words`]) as sorted, distinct [`word_hash`]es:
/// the compact form claims are compared in.
pub fn content_hashes(text: &str) -> Vec<u64> {
    let mut v: Vec<u64> = words(text).iter().filter(|w| !is_stopword(w)).map(|w| word_hash(w)).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Size of the intersection of two sorted, distinct slices.
pub fn overlap_sorted(a: &[u64], b: &[u64]) -> usize {
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

/// Jaccard similarity of two sorted, distinct hash slices (0 when both are empty).
pub fn jaccard_sorted(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let inter = overlap_sorted(a, b);
    inter as f64 / (a.len() + b.len() - inter) as f64
}

/// Hashes as bytes (8 bytes each, little endian) for storage, and back.
pub fn hashes_to_bytes(h: &[u64]) -> Vec<u8> {
    h.iter().flat_map(|x| x.to_le_bytes()).collect()
}

/// The inverse of [`hashes_to_bytes`]; `None` when the length is not a multiple of 8.
pub fn hashes_from_bytes(b: &[u8]) -> Option<Vec<u64>> {
    let chunks = b.chunks_exact(8);
    if !chunks.remainder().is_empty() {
        return None;
    }
    Some(chunks.map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8]))).collect())
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
    fn hashed_jaccard_equals_the_string_one() {
        let (x, y) = ("the mayor froze the fares", "a mayor froze bus fares");
        let (a, b) = (content_hashes(x), content_hashes(y));
        assert_eq!(jaccard_sorted(&a, &b), jaccard(&content_words(x), &content_words(y)));
        assert_eq!(hashes_from_bytes(&hashes_to_bytes(&a)).unwrap(), a);
        assert_eq!(word_hash("a"), 0xaf63_dc4c_8601_ec8c, "FNV-1a of 'a' (stored: must not change)");
    }

    #[test]
    fn folded_names() {
        assert_eq!(fold_name("  Lena  ORTIZ. "), "lena ortiz");
    }
}
