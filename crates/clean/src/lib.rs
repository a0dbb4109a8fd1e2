//! Cleaning: find what in a plain text is not the article (boilerplate), its title, its
//! dateline, and the outlets it names as its origin.
//!
//! The text is never rewritten: every result is a byte [`Span`] into it. The work is done on
//! whole lines: the first few (title, byline, dateline, the lede that may repeat the title) and
//! the last few (credit lines, author bios); every short line is also checked against the
//! share / navigation patterns; requests for comment are found anywhere with one
//! Aho-Corasick pass. Lexicons and patterns live in `data/` and are compiled once.
//!
//! | what | where | data |
//! |---|---|---|
//! | title | first non-boilerplate line that looks like a headline (or `# Title`) | — |
//! | `repeated_headline` | the sentence of the lede that repeats the title | — |
//! | `credit` | source lines, bylines, dash credits, trailers, dateline agencies | `credits.tsv`, `outlets.tsv` |
//! | `author_bio` | trailing first- or third-person self-descriptions | `bio.tsv` |
//! | `share` / `navigation` / `other` | whole short lines | `lines.tsv` |
//! | origin `comment_request` | "CNN's request for comment" | `comment.tsv` |

mod bio;
mod comment;
mod credit;
mod headline;
mod lexicon;
mod util;

use dossier_doc::Span;

pub use lexicon::LexiconError;

use credit::{LineHit, Position};
use lexicon::{Lexicon, LEXICON};

/// Whole lines longer than this are prose, never line boilerplate.
const MAX_LINE: usize = 300;
/// Share / navigation / other lines are shorter still.
const MAX_PATTERN_LINE: usize = 200;
/// How many paragraphs at the end may be an author bio.
const BIO_TAIL: usize = 3;

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
    /// The outlet's name: canonical for known outlets ("AP" → "Associated Press"), else as written.
    pub outlet: String,
    pub kind: OriginKind,
    pub evidence: Span,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// The title line, when the text starts with one (without Markdown `#` marks). The line
    /// stays in `body`.
    pub title: Option<Span>,
    /// Main-content ranges: the text minus boilerplate, trimmed, in order.
    pub body: Vec<Span>,
    /// In text order, never overlapping.
    pub boilerplate: Vec<Boilerplate>,
    /// In text order.
    pub origin: Vec<OriginHit>,
    /// Authors named by bylines ("By Jane Doe"), "Written by" and "Reporting by" lines.
    pub authors: Vec<String>,
    /// The dateline prefix of the first body paragraph ("WASHINGTON, March 3 (Reuters) -",
    /// "LONDON (AP) —"), for the time stage. It is also reported as boilerplate (`credit`
    /// when it names an agency, else `other`).
    pub dateline: Option<Span>,
    /// A publication or update date line near the top ("Published March 3, 2025"), also
    /// boilerplate `other`, for the time stage.
    pub published: Option<Span>,
}

/// Finds title, boilerplate and origin in plain text. Cheap to create; the data files are
/// compiled once per process.
#[derive(Clone, Debug, Default)]
pub struct Cleaner {}

impl Cleaner {
    pub fn new() -> Cleaner {
        Cleaner {}
    }

    /// Checks that the committed data files parse (they are compiled on first use; a broken
    /// file would otherwise only be logged and cleaning would find nothing).
    pub fn check_data() -> Result<(), LexiconError> {
        Lexicon::parse().map(|_| ())
    }

    pub fn clean(&self, text: &str) -> Cleaned {
        clean_with(&LEXICON, text)
    }
}

fn clean_with(lex: &Lexicon, text: &str) -> Cleaned {
    let lines = util::lines(text);
    let n = lines.len();
    let mut out = Cleaned::default();
    // per line: Some(kind) when the whole line is boilerplate
    let mut kinds: Vec<Option<BoilerplateKind>> = vec![None; n];
    let mut hits: Vec<(Span, LineHit)> = Vec::new();

    for (i, line) in lines.iter().enumerate() {
        if line.span.len() > MAX_LINE {
            continue;
        }
        let pos = Position { tail: i + 3 >= n && n > 1, last: i + 1 == n && n > 1 };
        if let Some(hit) = credit::classify(lex, text, line.span, pos) {
            kinds[i] = hit.kind;
            hits.push((line.span, hit));
            continue;
        }
        let s = line.span.of(text);
        let matched = if s.len() <= MAX_PATTERN_LINE && lex.line_set.is_match(s) {
            lex.line_set.matches(s).iter().next()
        } else {
            None
        };
        if let Some(p) = matched {
            if let Some(&(kind, date)) = lex.line_kinds.get(p) {
                kinds[i] = Some(kind);
                if date && out.published.is_none() && i < 6 {
                    out.published = Some(line.span);
                }
            }
            continue;
        }
        // a role line under a byline ("By Jane Doe" / "Staff Writer")
        let under_byline =
            hits.last().is_some_and(|(sp, h)| !h.authors.is_empty() && i > 0 && *sp == lines[i - 1].span);
        if under_byline && s.len() <= 60 && util::plausible_role(s) {
            kinds[i] = Some(BoilerplateKind::Credit);
        }
    }

    // Title: the first line that is not boilerplate, when it looks like a headline and more
    // text follows.
    let first_body = (0..n).find(|&i| kinds[i].is_none());
    let mut title_line = None;
    if let Some(i) = first_body {
        if (i + 1..n).any(|j| kinds[j].is_none()) {
            if let Some(t) = headline::title_of(text, lines[i].span) {
                out.title = Some(t);
                title_line = Some(i);
            }
        }
    }

    // The lede: the first body lines after the title.
    let lede_lines: Vec<usize> =
        (title_line.map_or(0, |t| t + 1)..n).filter(|&j| kinds[j].is_none()).take(2).collect();
    let mut extra: Vec<Boilerplate> = Vec::new();
    let mut lede_spans: Vec<Span> = lede_lines.iter().map(|&j| lines[j].span).collect();
    if let Some(&j) = lede_lines.first() {
        if let Some((dl, agency)) = credit::dateline(lex, text, lines[j].span) {
            if dl.len() < lines[j].span.len() {
                out.dateline = Some(dl);
                let kind = if agency.is_some() { BoilerplateKind::Credit } else { BoilerplateKind::Other };
                extra.push(Boilerplate { span: dl, kind });
                if let Some((o, ev)) = agency {
                    out.origin.push(OriginHit { outlet: o, kind: OriginKind::Dateline, evidence: ev });
                }
                lede_spans[0] = Span::new(dl.end, lines[j].span.end).trim(text);
            }
        }
    }
    if let Some(t) = out.title {
        if let Some(rep) = headline::repeated_headline(lex, text, t, &lede_spans) {
            extra.push(Boilerplate { span: rep, kind: BoilerplateKind::RepeatedHeadline });
        }
    }

    // Author bios: trailing paragraphs (after the lede), read backwards until one is not a
    // bio. A paragraph is one line, or, in texts that separate paragraphs with blank lines,
    // a run of body lines with no blank line between them.
    let body_lines: Vec<usize> = (0..n).filter(|&j| kinds[j].is_none() && Some(j) != title_line).collect();
    let blank_separated = lines.iter().skip(1).any(|l| l.blank_before);
    let mut paras: Vec<(usize, usize)> = Vec::new();
    for &j in &body_lines {
        match paras.last_mut() {
            Some((_, last)) if blank_separated && *last + 1 == j && !lines[j].blank_before => *last = j,
            _ => paras.push((j, j)),
        }
    }
    if paras.len() >= 3 {
        let min = lede_lines.first().map_or(0, |&l| l + 1);
        for &(a, b) in paras.iter().rev().take(BIO_TAIL) {
            let span = lines[a].span.cover(&lines[b].span);
            if a < min || !bio::is_bio(lex, text, span) {
                break;
            }
            for k in &mut kinds[a..=b] {
                *k = Some(BoilerplateKind::AuthorBio);
            }
        }
    }

    // Collect boilerplate, origin from credit lines, authors.
    let mut bp: Vec<Boilerplate> = extra;
    for (i, k) in kinds.iter().enumerate() {
        if let Some(kind) = *k {
            bp.push(Boilerplate { span: lines[i].span, kind });
        }
    }
    bp.sort_by_key(|b| (b.span.start, b.span.end));
    // Drop any overlap (a repeat inside a dateline line is cut by the dateline).
    let mut merged: Vec<Boilerplate> = Vec::with_capacity(bp.len());
    for b in bp {
        match merged.last_mut() {
            Some(last) if last.span.overlaps(&b.span) => {}
            // the lines of one wrapped bio paragraph make one span
            Some(last)
                if last.kind == BoilerplateKind::AuthorBio
                    && b.kind == BoilerplateKind::AuthorBio
                    && text[last.span.end..b.span.start].matches('\n').count() <= 1 =>
            {
                last.span = last.span.cover(&b.span)
            }
            _ => merged.push(b),
        }
    }
    out.boilerplate = merged;

    for (_, hit) in hits {
        for (outlet, kind, evidence) in hit.origins {
            out.origin.push(OriginHit { outlet, kind, evidence });
        }
        for a in hit.authors {
            if !out.authors.contains(&a) {
                out.authors.push(a);
            }
        }
    }
    for (outlet, evidence) in comment::comment_requests(lex, text) {
        if out.boilerplate.iter().any(|b| b.span.overlaps(&evidence)) {
            continue;
        }
        out.origin.push(OriginHit { outlet, kind: OriginKind::CommentRequest, evidence });
    }
    out.origin.sort_by_key(|o| (o.evidence.start, o.evidence.end));

    // Body: the gaps between boilerplate, trimmed.
    let mut at = 0;
    for b in &out.boilerplate {
        let gap = Span::new(at, b.span.start).trim(text);
        if !gap.is_empty() {
            out.body.push(gap);
        }
        at = b.span.end;
    }
    let gap = Span::new(at, text.len()).trim(text);
    if !gap.is_empty() {
        out.body.push(gap);
    }
    tracing::trace!(boilerplate = out.boilerplate.len(), origin = out.origin.len(), "cleaned");
    out
}
