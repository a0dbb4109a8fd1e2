//! Cleaning: find what in a plain text is not the article (boilerplate), its title, and the
//! outlets it names as its origin.
//!
//! PLACEHOLDER while the real cleaner is written (issue 2): title = first line only.

use dossier_doc::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoilerplateKind {
    RepeatedHeadline,
    Credit,
    AuthorBio,
    Navigation,
    Share,
    Other,
}

impl BoilerplateKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            BoilerplateKind::RepeatedHeadline => "repeated_headline",
            BoilerplateKind::Credit => "credit",
            BoilerplateKind::AuthorBio => "author_bio",
            BoilerplateKind::Navigation => "navigation",
            BoilerplateKind::Share => "share",
            BoilerplateKind::Other => "other",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OriginKind {
    CreditLine,
    Dateline,
    CommentRequest,
    Other,
}

impl OriginKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            OriginKind::CreditLine => "credit_line",
            OriginKind::Dateline => "dateline",
            OriginKind::CommentRequest => "comment_request",
            OriginKind::Other => "other",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Boilerplate {
    pub span: Span,
    pub kind: BoilerplateKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OriginHit {
    pub outlet: String,
    pub kind: OriginKind,
    pub evidence: Span,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// The title line, when the text starts with one.
    pub title: Option<Span>,
    /// Main-content ranges: the text minus boilerplate, trimmed, in order.
    pub body: Vec<Span>,
    pub boilerplate: Vec<Boilerplate>,
    pub origin: Vec<OriginHit>,
    /// Authors named by bylines ("By Jane Doe").
    pub authors: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Cleaner {}

impl Cleaner {
    pub fn new() -> Cleaner {
        Cleaner {}
    }

    pub fn clean(&self, text: &str) -> Cleaned {
        let end = text.find('\n').unwrap_or(text.len());
        let title = Span::new(0, end).trim(text);
        let body = Span::new(0, text.len()).trim(text);
        Cleaned {
            title: (!title.is_empty() && end < text.len()).then_some(title),
            body: if body.is_empty() { vec![] } else { vec![body] },
            ..Default::default()
        }
    }
}
