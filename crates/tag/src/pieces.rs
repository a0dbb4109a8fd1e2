//! CoNLL-2003 tokens seen the way `dossier analyze` sees text.
//!
//! CoNLL-2003 keeps hyphenated words whole (`Jean-Pierre`, `Anglo-Dutch`, `ISIS-K`), while
//! dossier's segmenter splits them in the manner of UD EWT (`Jean - Pierre`), because the POS
//! tagger is trained on EWT. A recogniser trained on whole words meets split ones only at
//! run time, where its guesses on `X - Y` names depend on accidents of the POS tags of the
//! pieces. So the recogniser is trained and evaluated on the segmenter's pieces: gold labels
//! of a token go to all its pieces, and predictions are projected back onto the gold tokens
//! for scoring (`dossier eval ner`, `dossier tag --conll`).

use std::sync::LazyLock;

use dossier_segment::Segmenter;

static SEGMENTER: LazyLock<Segmenter> = LazyLock::new(Segmenter::new);

/// One sentence of gold tokens split into the segmenter's pieces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pieces<'a> {
    /// The pieces, in order; each is a slice of one token.
    pub words: Vec<&'a str>,
    /// For each piece, the index of its token.
    pub token: Vec<usize>,
    /// For each token, the range of its pieces.
    pub first: Vec<usize>,
}

/// Whether the segmenter may split `w`: a hyphen with a letter or digit on each side and
/// at least one letter in the word (digit-only runs such as scores and dates stay whole).
fn splittable(w: &str) -> bool {
    let b = w.as_bytes();
    b.windows(3).any(|x| x[1] == b'-' && x[0].is_ascii_alphanumeric() && x[2].is_ascii_alphanumeric())
        && b.iter().any(u8::is_ascii_alphabetic)
}

/// The segmenter's pieces of one token; the token itself when the pieces do not cover it
/// exactly (they always should; this keeps the mapping total).
fn split(w: &str) -> Vec<&str> {
    if !splittable(w) {
        return vec![w];
    }
    let seg = SEGMENTER.segment(w);
    let mut at = 0;
    let mut out = Vec::with_capacity(seg.tokens.len());
    for t in &seg.tokens {
        if t.span.start != at || t.span.end > w.len() || t.span.end <= at {
            return vec![w];
        }
        out.push(&w[t.span.start..t.span.end]);
        at = t.span.end;
    }
    if at != w.len() || out.is_empty() {
        return vec![w];
    }
    out
}

/// Splits every token of a sentence.
pub fn split_sentence<'a>(tokens: &[&'a str]) -> Pieces<'a> {
    let mut p = Pieces { words: Vec::with_capacity(tokens.len()), token: Vec::new(), first: Vec::new() };
    for (i, w) in tokens.iter().enumerate() {
        p.first.push(p.words.len());
        for piece in split(w) {
            p.words.push(piece);
            p.token.push(i);
        }
    }
    p
}

impl Pieces<'_> {
    /// A token span `[a, b)` as a piece span.
    pub fn to_pieces(&self, a: usize, b: usize) -> (usize, usize) {
        let end = if b < self.first.len() { self.first[b] } else { self.words.len() };
        (self.first[a], end)
    }

    /// The pieces of token `t`.
    fn of_token(&self, t: usize) -> std::ops::Range<usize> {
        let (a, b) = self.to_pieces(t, t + 1);
        a..b
    }

    /// For a name with a lowercase word hyphenated on (`London-based`, `Kremlin-backed`):
    /// the piece range of the name (`London`). CoNLL-2003 labels the whole word MISC, a word
    /// derived from a name; split, the name is an entity of its own and the rest is not.
    pub fn name_head(&self, t: usize) -> Option<std::ops::Range<usize>> {
        let r = self.of_token(t);
        let k = (r.start + 1..r.end.saturating_sub(1)).find(|&k| {
            self.words[k] == "-" && self.words[k + 1].chars().next().is_some_and(char::is_lowercase)
        })?;
        let head = r.start..k;
        let name = self.words[head.start].chars().next().is_some_and(char::is_uppercase);
        name.then_some(head)
    }

    /// Piece spans as token spans, in order and without overlaps: a span covers every token
    /// one of its pieces lies in; of two spans sharing a token the first is kept. A name
    /// found as the head of a one-token `Name-word` (see [`Self::name_head`]) gives the token
    /// the label `derived` (CoNLL-2003: MISC).
    pub fn to_tokens(&self, spans: &[(usize, usize, usize)], derived: usize) -> Vec<(usize, usize, usize)> {
        let mut out: Vec<(usize, usize, usize)> = Vec::with_capacity(spans.len());
        for &(l, a, b) in spans {
            if a >= b || b > self.token.len() {
                continue;
            }
            let (ta, tb) = (self.token[a], self.token[b - 1] + 1);
            let l = if tb == ta + 1 && self.name_head(ta) == Some(a..b) { derived } else { l };
            if out.last().is_some_and(|&(_, _, e)| ta < e) {
                continue;
            }
            out.push((l, ta, tb));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphenated_words_split_like_the_segmenter() {
        let p = split_sentence(&["Militants", "of", "ISIS-K", "met", "Jean-Pierre", "in", "1-0", "e-mail"]);
        assert_eq!(
            p.words,
            ["Militants", "of", "ISIS", "-", "K", "met", "Jean", "-", "Pierre", "in", "1-0", "e-mail"]
        );
        assert_eq!(p.token, [0, 1, 2, 2, 2, 3, 4, 4, 4, 5, 6, 7]);
        assert_eq!(p.first, [0, 1, 2, 5, 6, 9, 10, 11]);
        // Concatenated pieces give back each token.
        for (i, w) in ["Militants", "of", "ISIS-K"].iter().enumerate() {
            let r = p.first[i]..p.first.get(i + 1).copied().unwrap_or(p.words.len());
            assert_eq!(p.words[r].concat(), *w);
        }
    }

    #[test]
    fn spans_map_both_ways() {
        let p = split_sentence(&["The", "Anglo-Dutch", "group", "Royal", "Dutch-Shell"]);
        assert_eq!(p.to_pieces(1, 2), (1, 4));
        assert_eq!(p.to_pieces(3, 5), (5, 9));
        // "Anglo" and "Dutch" tagged apart fall on one token: the first span wins.
        assert_eq!(p.to_tokens(&[(3, 1, 2), (3, 3, 4), (1, 5, 9)], 3), vec![(3, 1, 2), (1, 3, 5)]);
        // Out-of-range and empty spans are dropped.
        assert_eq!(p.to_tokens(&[(0, 2, 2), (0, 8, 12)], 3), vec![]);
    }

    #[test]
    fn names_with_a_word_hyphenated_on() {
        let p = split_sentence(&[
            "a",
            "London-based",
            "Kremlin-backed",
            "Jean-Pierre",
            "e-mail",
            "Tel-Aviv-based",
        ]);
        assert_eq!(p.name_head(1), Some(1..2));
        assert_eq!(p.name_head(2), Some(4..5));
        assert_eq!(p.name_head(3), None);
        assert_eq!(p.name_head(4), None);
        assert_eq!(p.name_head(5), Some(11..14), "{:?}", p.words);
        assert_eq!(p.name_head(0), None);
        // "London" found as a place makes the whole word derived (label 3), "Jean-Pierre" keeps its label.
        assert_eq!(p.to_tokens(&[(2, 1, 2), (0, 7, 10)], 3), vec![(3, 1, 2), (0, 3, 4)]);
        // A span that runs past the head keeps its label.
        assert_eq!(p.to_tokens(&[(2, 1, 4)], 3), vec![(2, 1, 2)]);
    }

    proptest::proptest! {
        /// Any tokens: the pieces of each token concatenate back to it, the maps agree, and
        /// projecting any piece spans back never panics and stays in range.
        #[test]
        fn pieces_cover_their_tokens(tokens in proptest::collection::vec("[A-Za-z0-9\\-.,'é]{0,8}", 0..8),
                                     spans in proptest::collection::vec((0usize..4, 0usize..40, 0usize..40), 0..6)) {
            let toks: Vec<&str> = tokens.iter().map(String::as_str).collect();
            let p = split_sentence(&toks);
            proptest::prop_assert_eq!(p.first.len(), toks.len());
            proptest::prop_assert_eq!(p.token.len(), p.words.len());
            for (i, w) in toks.iter().enumerate() {
                let (a, b) = p.to_pieces(i, i + 1);
                proptest::prop_assert_eq!(p.words[a..b].concat(), *w);
                proptest::prop_assert!(p.token[a..b].iter().all(|&t| t == i));
                if let Some(h) = p.name_head(i) {
                    proptest::prop_assert!(a <= h.start && h.end < b);
                }
            }
            for (_, ta, tb) in p.to_tokens(&spans, 3) {
                proptest::prop_assert!(ta < tb && tb <= toks.len());
            }
        }
    }

    #[test]
    fn odd_tokens_stay_whole() {
        for w in ["-", "--", "-x", "x-", "2024-03-27", "\u{2014}", "a\u{2010}b", ""] {
            let p = split_sentence(&[w]);
            assert_eq!(p.words.concat(), w, "{w:?}");
        }
    }
}
