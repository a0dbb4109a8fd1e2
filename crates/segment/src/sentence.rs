//! Sentence boundaries, decided on the token stream of each paragraph.
//!
//! A paragraph end always ends a sentence (so a headline line is a sentence of its own).
//! Inside a paragraph, a boundary candidate is a `.` `!` `?` token, an ellipsis, or an
//! abbreviation that kept its period. Closing brackets and closing quote marks right after
//! the candidate belong to the sentence it ends. The token after that decides:
//!
//! - `, ; :` or a closing bracket: no boundary;
//! - a lowercase word: no boundary after an abbreviation or an ellipsis, nor after a
//!   closing quote (`"Is it?" he asked`); a boundary after a bare `.`, `!`, `?`;
//! - a number: a boundary only after a bare `.` `!` `?`;
//! - anything else (a capitalised word, an opening quote): a boundary after `.` `!` `?`
//!   and an ellipsis; after an abbreviation it depends on its class: titles (`Mr.`) and
//!   inner abbreviations (`e.g.`) never end a sentence; months and initials only before a
//!   clear sentence start (a listed starter such as `The`, `He`); common abbreviations
//!   (`Inc.`, `U.S.`, `a.m.`) before a listed starter, an opening quote, or a word the
//!   document otherwise writes in lowercase and never capitalises mid-sentence (Punkt's
//!   orthographic heuristic).

use std::collections::HashMap;
use std::ops::Range;

use dossier_doc::Span;

use crate::lexicon::{AbbrevClass, Lexicon};
use crate::token::abbrev_class;
use crate::{Token, TokenKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Candidate {
    Period,
    /// `!` or `?` (possibly with more marks).
    Strong,
    Ellipsis,
    /// `:)` and the like, which often end a sentence in web text.
    Emoticon,
    /// A URL: a list of URLs is a list of sentences.
    Url,
    Abbrev(AbbrevClass),
}

const LOWER_SPLITS: bool = true;

pub(crate) struct Splitter<'a> {
    text: &'a str,
    tokens: &'a [Token],
    closers: &'a [usize],
    lex: &'a Lexicon,
    /// Orthographic evidence per capitalised word, computed when first needed.
    ortho: HashMap<&'a str, bool>,
}

impl<'a> Splitter<'a> {
    pub(crate) fn new(text: &'a str, tokens: &'a [Token], closers: &'a [usize], lex: &'a Lexicon) -> Self {
        Splitter { text, tokens, closers, lex, ortho: HashMap::new() }
    }

    pub(crate) fn split(
        &mut self,
        paragraphs: &[Span],
        sents: &mut Vec<Span>,
        ranges: &mut Vec<Range<usize>>,
    ) {
        let toks = self.tokens;
        let mut t = 0;
        for p in paragraphs {
            while t < toks.len() && toks[t].span.end <= p.start {
                t += 1;
            }
            let a = t;
            while t < toks.len() && toks[t].span.start < p.end {
                t += 1;
            }
            let b = t;
            let mut s = a;
            let mut k = a;
            while k < b {
                if let Some(last) = self.boundary_after(k, a, b) {
                    self.push(s, last + 1, sents, ranges);
                    s = last + 1;
                    k = last + 1;
                } else {
                    k += 1;
                }
            }
            if s < b {
                self.push(s, b, sents, ranges);
            }
        }
    }

    fn push(&self, s: usize, e: usize, sents: &mut Vec<Span>, ranges: &mut Vec<Range<usize>>) {
        sents.push(Span::new(self.tokens[s].span.start, self.tokens[e - 1].span.end));
        ranges.push(s..e);
    }

    fn candidate(&self, tok: &Token) -> Option<Candidate> {
        let w = tok.span.of(self.text);
        let b = w.as_bytes();
        match tok.kind {
            TokenKind::Punct => match b[0] {
                b'.' | b'!' | b'?' => Some(if b.iter().any(|&c| c == b'!' || c == b'?') {
                    Candidate::Strong
                } else if b.len() > 1 {
                    Candidate::Ellipsis
                } else {
                    Candidate::Period
                }),
                _ if w.starts_with('…') => Some(Candidate::Ellipsis),
                _ => None,
            },
            TokenKind::Symbol if b.len() > 1 && self.lex.is_emoticon(w) => Some(Candidate::Emoticon),
            TokenKind::Url => Some(Candidate::Url),
            TokenKind::Word if b.len() > 1 && b[b.len() - 1] == b'.' => {
                let stem = &w[..w.len() - 1];
                let class = abbrev_class(self.lex, stem, stem.contains('.')).unwrap_or(AbbrevClass::Common);
                Some(Candidate::Abbrev(class))
            }
            _ => None,
        }
    }

    /// Whether `tok`, right after the end of a sentence at `prev_end`, closes a bracket or
    /// a quotation. A quote mark counts when the quote finder matched it, or when it is
    /// glued to the sentence end and followed by a space (`done.''`, `Qaeda.’’`).
    fn is_closer(&self, tok: &Token, prev_end: usize) -> bool {
        let w = tok.span.of(self.text);
        match w {
            ")" | "]" | "}" | "”" | "»" => true,
            "\"" | "'" | "’" => {
                self.closers.binary_search(&tok.span.start).is_ok()
                    || (tok.span.start == prev_end
                        && self.text[tok.span.end..]
                            .chars()
                            .next()
                            .is_none_or(|c| c.is_whitespace() || matches!(c, '"' | '\'' | '’' | '”' | ')')))
            }
            _ => false,
        }
    }

    /// The index of the last token of the sentence ending at candidate `k`, if one ends.
    fn boundary_after(&mut self, k: usize, a: usize, b: usize) -> Option<usize> {
        let toks = self.tokens;
        let cand = self.candidate(&toks[k])?;
        // "1. First item", "advice: 2. Be kind": a list number, not a sentence.
        if cand == Candidate::Period
            && k > a
            && toks[k - 1].kind == TokenKind::Number
            && toks[k - 1].span.len() <= 2
        {
            let before = if k - 1 == a { None } else { Some(&toks[k - 2]) };
            if before.is_none_or(|t| t.kind == TokenKind::Punct)
                && before.map(|t| t.span.of(self.text)).is_none_or(|w| {
                    matches!(w.as_bytes()[w.len() - 1], b'.' | b':' | b'!' | b'?' | b';' | b')')
                })
            {
                return None;
            }
        }
        let mut j = k + 1;
        while j < b && self.is_closer(&toks[j], toks[j - 1].span.end) {
            j += 1;
        }
        if j >= b {
            return None; // the paragraph end ends it
        }
        let quoted = j > k + 1;
        let next = toks[j].span.of(self.text);
        let first = next.chars().next()?;
        if cand == Candidate::Url {
            return (toks[j].kind == TokenKind::Url).then_some(j - 1);
        }
        if matches!(first, ',' | ';' | ':' | ')' | ']' | '}' | '%' | '.' | '!' | '?' | '…') {
            return None;
        }
        if toks[j].kind == TokenKind::Symbol && next.len() > 1 && self.lex.is_emoticon(next) {
            return None; // an emoticon ends this sentence
        }
        let bare = matches!(cand, Candidate::Period | Candidate::Strong) && LOWER_SPLITS;
        if first.is_lowercase() {
            return (bare && !quoted).then_some(j - 1);
        }
        if first.is_ascii_digit() {
            return bare.then_some(j - 1);
        }
        let opening = matches!(first, '"' | '“' | '‘' | '«');
        let ends = match cand {
            Candidate::Period | Candidate::Strong | Candidate::Ellipsis => true,
            Candidate::Emoticon => first.is_uppercase() && toks[j].kind == TokenKind::Word,
            Candidate::Url => false, // decided above
            Candidate::Abbrev(AbbrevClass::Title | AbbrevClass::Inner | AbbrevClass::Number) => false,
            Candidate::Abbrev(AbbrevClass::Month | AbbrevClass::Initial) => {
                toks[j].kind == TokenKind::Word && self.lex.is_starter(next) && !is_initial(next)
            }
            Candidate::Abbrev(AbbrevClass::Dotted) => {
                opening || (toks[j].kind == TokenKind::Word && self.lex.is_starter(next))
            }
            Candidate::Abbrev(AbbrevClass::Common) => {
                opening
                    || (toks[j].kind == TokenKind::Word
                        && (self.lex.is_starter(next) || self.lowercase_elsewhere(next)))
            }
        };
        ends.then_some(j - 1)
    }

    /// Punkt's orthographic heuristic: the document writes `word` in lowercase somewhere
    /// and never capitalised in the middle of a sentence.
    fn lowercase_elsewhere(&mut self, word: &'a str) -> bool {
        if let Some(&v) = self.ortho.get(word) {
            return v;
        }
        let v = ortho_lower(self.text, word);
        self.ortho.insert(word, v);
        v
    }
}

fn is_initial(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 2 && b[0].is_ascii_uppercase() && b[1] == b'.'
}

fn ortho_lower(text: &str, word: &str) -> bool {
    if !word.is_ascii() || word.len() < 2 || word.len() > 40 {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    if lower == word {
        return false;
    }
    let b = text.as_bytes();
    let bounded = |i: usize, n: usize| {
        (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && (i + n >= b.len() || !b[i + n].is_ascii_alphanumeric())
    };
    let seen_lower = memchr::memmem::find_iter(b, lower.as_bytes()).any(|i| bounded(i, lower.len()));
    if !seen_lower {
        return false;
    }
    // Capitalised after a lowercase word or a comma: mid-sentence.
    let mid_upper = memchr::memmem::find_iter(b, word.as_bytes()).any(|i| {
        if !bounded(i, word.len()) || i < 2 || b[i - 1] != b' ' {
            return false;
        }
        let p = b[i - 2];
        p.is_ascii_lowercase() || p == b','
    });
    !mid_upper
}

#[cfg(test)]
mod tests {
    use crate::Segmenter;

    fn sents(text: &str) -> Vec<&str> {
        let seg = Segmenter::new().segment(text);
        seg.sentences.iter().map(|s| s.of(text)).collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            sents("It rained. We stayed in! Did you? Yes."),
            ["It rained.", "We stayed in!", "Did you?", "Yes."]
        );
    }

    #[test]
    fn titles_never_end() {
        assert_eq!(
            sents("Mr. Smith met Gov. Hochul. Dr. Lee left."),
            ["Mr. Smith met Gov. Hochul.", "Dr. Lee left."]
        );
    }

    #[test]
    fn months_and_numbers() {
        assert_eq!(
            sents("It began on Sept. 5 at 10.30 p.m. and cost $1.2 billion."),
            ["It began on Sept. 5 at 10.30 p.m. and cost $1.2 billion."]
        );
        assert_eq!(
            sents("It began in Sept. The rest followed."),
            ["It began in Sept.", "The rest followed."]
        );
        assert_eq!(sents("See No. 5 for details."), ["See No. 5 for details."]);
    }

    #[test]
    fn common_abbreviations_by_context() {
        assert_eq!(
            sents("He moved to the U.S. The move was hard."),
            ["He moved to the U.S.", "The move was hard."]
        );
        assert_eq!(
            sents("He met U.S. officials in Acme Inc. offices."),
            ["He met U.S. officials in Acme Inc. offices."]
        );
        assert_eq!(
            sents("They work for Acme Inc. Officials there said little, and officials here less."),
            ["They work for Acme Inc.", "Officials there said little, and officials here less."]
        );
        assert_eq!(sents("It ended at 9 a.m. The crowd left."), ["It ended at 9 a.m.", "The crowd left."]);
        assert_eq!(sents("It ended at 9 a.m. Eastern time."), ["It ended at 9 a.m. Eastern time."]);
        assert_eq!(sents("Apples, pears, etc. But not plums."), ["Apples, pears, etc.", "But not plums."]);
        assert_eq!(sents("Use tools, e.g. Hammers."), ["Use tools, e.g. Hammers."]);
    }

    #[test]
    fn initials() {
        assert_eq!(sents("J. K. Rowling met George W. Bush."), ["J. K. Rowling met George W. Bush."]);
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            sents("Well... maybe. I waited… Then it came."),
            ["Well... maybe.", "I waited…", "Then it came."]
        );
    }

    #[test]
    fn quotes_and_brackets() {
        assert_eq!(sents(r#"He said, "Go." Then he left."#), [r#"He said, "Go.""#, "Then he left."]);
        assert_eq!(sents(r#""Is it?" he asked."#), [r#""Is it?" he asked."#]);
        assert_eq!(sents("“Stop!” she cried. (He did.) Fine."), ["“Stop!” she cried.", "(He did.)", "Fine."]);
    }

    #[test]
    fn headlines_and_lists() {
        assert_eq!(
            sents("Storm hits coast\nHundreds fled. Roads closed.\n1. Stay home\n2. Call 911"),
            ["Storm hits coast", "Hundreds fled.", "Roads closed.", "1. Stay home", "2. Call 911"]
        );
    }

    #[test]
    fn urls_and_emails_are_not_split() {
        assert_eq!(
            sents("See www.example.com/a.b. Write to ed.smith@example.org. Thanks."),
            ["See www.example.com/a.b.", "Write to ed.smith@example.org.", "Thanks."]
        );
    }

    #[test]
    fn a_list_of_urls_is_a_list_of_sentences() {
        assert_eq!(
            sents("Sources: http://a.example/x.html http://b.example/y and www.c.example/z here"),
            ["Sources: http://a.example/x.html", "http://b.example/y and www.c.example/z here"]
        );
    }

    #[test]
    fn hard_wrap_does_not_end_sentences() {
        assert_eq!(
            sents("The board met on Monday and\nvoted to close the plant. It\nwill shut in May."),
            ["The board met on Monday and\nvoted to close the plant.", "It\nwill shut in May."]
        );
    }
}
