//! Segmentation: paragraphs, sentences, tokens and quotations as byte spans into the
//! original text (the text is never rewritten).
//!
//! The stages, each in its own module:
//!
//! 1. [`paragraph`](crate::paragraph) — line breaks and blank lines end paragraphs, except in
//!    hard-wrapped prose; list items and headline lines are paragraphs of their own.
//! 2. [`token`](crate::token) — tokens in the manner of UD English EWT, by a byte scanner.
//! 3. [`quote`](crate::quote) — quotation spans from the quote marks of each paragraph.
//! 4. [`sentence`](crate::sentence) — sentence boundaries on the token stream, with
//!    abbreviation classes and Punkt-style orthographic evidence.
//!
//! Word lists (abbreviations by class, sentence starters, hyphen prefixes, emoticons) live
//! in `data/` and are compiled once, on first use. [`eval`] measures the segmenter on
//! UD English EWT.

pub mod eval;
mod lexicon;
mod paragraph;
mod quote;
mod sentence;
mod token;

use dossier_doc::Span;

pub use lexicon::AbbrevClass;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    Symbol,
    Url,
    Email,
    /// `@name`
    Handle,
    /// `#topic`
    Hashtag,
    /// A piece split off the token before it with no space between: `n't`, `'s`, `’re`,
    /// and the second half of `cannot`, `gonna`. Together they form one surface token of
    /// UD EWT (a multiword token).
    Clitic,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Opening mark to closing mark inclusive (to the paragraph end when unclosed).
    pub span: Span,
    /// The quoted words without marks; several when the quote runs over paragraphs.
    pub inner: Vec<Span>,
    /// False when no closing mark was found: the quote was cut at its paragraph end.
    pub closed: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segmentation {
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Span>,
    pub tokens: Vec<Token>,
    /// For each sentence, the range of `tokens` inside it.
    pub sentence_tokens: Vec<std::ops::Range<usize>>,
    /// Ordered by start (an outer quote before the quotes nested in it).
    pub quotes: Vec<Quote>,
}

/// Errors of this crate: malformed word lists (a build defect, caught by the tests) and
/// unreadable evaluation corpora.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SegmentError {
    #[error("segmenter data file {file}, line {line}: malformed entry")]
    Data { file: &'static str, line: usize },
    #[error(transparent)]
    Corpus(#[from] dossier_corpora::CorpusError),
}

#[derive(Clone, Debug, Default)]
pub struct Segmenter {}

impl Segmenter {
    pub fn new() -> Segmenter {
        Segmenter {}
    }

    /// Segment `text`. Never panics; every span lies on char boundaries of `text`.
    pub fn segment(&self, text: &str) -> Segmentation {
        let lex = &*lexicon::LEXICON;
        let mut seg = Segmentation { tokens: Vec::with_capacity(text.len() / 5 + 1), ..Default::default() };
        paragraph::paragraphs(text, &mut seg.paragraphs);
        token::tokenize(text, lex, &mut seg.tokens);
        let mut closers = Vec::new();
        quote::quotes(text, &seg.paragraphs, &mut seg.quotes, &mut closers);
        sentence::Splitter::new(text, &seg.tokens, &closers, lex).split(
            &seg.paragraphs,
            &mut seg.sentences,
            &mut seg.sentence_tokens,
        );
        seg
    }
}
