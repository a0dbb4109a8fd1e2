//! Segmentation: paragraphs, sentences, tokens and quotations as byte spans.
//!
//! PLACEHOLDER implementation while the real segmenter is written (issue 2): splits
//! paragraphs on blank/newlines and sentences on `. ` only.

use dossier_doc::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    Symbol,
    Url,
    Email,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Opening mark to closing mark inclusive.
    pub span: Span,
    /// The quoted words without marks; several when the quote runs over paragraphs.
    pub inner: Vec<Span>,
    pub closed: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segmentation {
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Span>,
    pub tokens: Vec<Token>,
    /// For each sentence, the range of `tokens` inside it.
    pub sentence_tokens: Vec<std::ops::Range<usize>>,
    pub quotes: Vec<Quote>,
}

#[derive(Clone, Debug, Default)]
pub struct Segmenter {}

impl Segmenter {
    pub fn new() -> Segmenter {
        Segmenter {}
    }

    pub fn segment(&self, text: &str) -> Segmentation {
        let mut seg = Segmentation::default();
        let mut start = 0;
        for (i, _) in text
            .match_indices('\n')
            .chain(std::iter::once((text.len(), "")))
        {
            let p = Span::new(start, i).trim(text);
            if !p.is_empty() {
                seg.paragraphs.push(p);
                let mut s = p.start;
                for (j, _) in text[p.range()].match_indices(". ") {
                    seg.sentences.push(Span::new(s, p.start + j + 1));
                    s = p.start + j + 2;
                }
                seg.sentences.push(Span::new(s, p.end));
            }
            start = (i + 1).min(text.len());
        }
        seg
    }
}
