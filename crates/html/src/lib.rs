//! Main text and metadata from real web pages.
//!
//! [`extract`] takes the raw bytes of a page (a file or an HTTP body), decides its character encoding
//! ([`decode`]), parses it once with html5ever (through `dom_query`), reads the metadata from the full
//! document ([`meta`], [`date`]) and then hands the same document to `dom_smoothie`, a port of Mozilla's
//! readability, to find the article. Its output is cleaned of the boilerplate it lets through and
//! rendered to plain text with paragraph breaks ([`post`]).
//!
//! Why a crate and not our own extractor: on the readability test pages `dom_smoothie` already reaches
//! a text F1 near the target while being fast (see README.md for the comparison with `rs-trafilatura`,
//! `trafilatura` and other readability ports); what it lacks — paragraph-preserving text, some
//! boilerplate (share bars, newsletter boxes, captions), htmldate's date strategies, charset handling and
//! hard limits — is what this crate adds around it.
//!
//! Limits: pages over [`HtmlOptions::max_bytes`] or nested deeper than [`HtmlOptions::max_depth`] are
//! refused with an [`HtmlError`] before any recursive work is done on them.

pub mod date;
pub mod decode;
pub mod eval;
mod limits;
pub mod meta;
pub mod post;

use chrono::NaiveDate;
use dom_query::Document;
use dom_smoothie::{Config, Readability, ReadabilityError};

/// Limits and context for one extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlOptions {
    /// Pages larger than this many bytes are refused ([`HtmlError::TooLarge`]).
    pub max_bytes: usize,
    /// Pages whose element nesting exceeds this are refused ([`HtmlError::TooDeep`]).
    pub max_depth: usize,
    /// The page's URL, when known: a date in it is one of the date strategies, and relative links resolve
    /// against it.
    pub url: Option<String>,
}

impl Default for HtmlOptions {
    fn default() -> Self {
        Self { max_bytes: 16 * 1024 * 1024, max_depth: 512, url: None }
    }
}

/// What [`extract`] finds in a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// Main text: paragraphs separated by `"\n\n"`, list items and line breaks by `"\n"`.
    pub text: String,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub outlet: Option<String>,
    pub canonical_url: Option<String>,
    pub published: Option<NaiveDate>,
    /// Which strategy found `published` (e.g. `"json-ld"`, `"meta:article:published_time"`, `"url"`).
    pub published_source: Option<&'static str>,
    pub lang: Option<String>,
    /// Things worth knowing that did not stop the extraction (charset disagreements, decoding errors).
    pub warnings: Vec<String>,
}

/// Why a page yields no record. Each becomes an error record upstream.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum HtmlError {
    #[error("page is empty")]
    Empty,
    #[error("page is too large: {size} bytes (limit {limit})")]
    TooLarge { size: usize, limit: usize },
    #[error("page is nested too deeply: more than {limit} levels")]
    TooDeep { limit: usize },
    #[error("input looks binary, not HTML ({reason})")]
    Binary { reason: &'static str },
    #[error("no main text found")]
    NoMainText,
    #[error("bad page URL {0:?}: must be absolute")]
    BadUrl(String),
}

/// Extracts main text and metadata from the raw bytes of a page.
///
/// `declared_charset` is the charset of an HTTP `Content-Type` header, if any; the page's BOM, its
/// `<meta charset>` and a statistical guess (chardetng) are weighed against it (see [`decode`]).
pub fn extract(
    bytes: &[u8],
    declared_charset: Option<&str>,
    opts: &HtmlOptions,
) -> Result<Extracted, HtmlError> {
    if bytes.is_empty() {
        return Err(HtmlError::Empty);
    }
    if bytes.len() > opts.max_bytes {
        return Err(HtmlError::TooLarge { size: bytes.len(), limit: opts.max_bytes });
    }
    let decoded = decode::decode(bytes, declared_charset)?;
    let mut out = extract_inner(&decoded.text, opts)?;
    let mut warnings = decoded.warnings;
    warnings.append(&mut out.warnings);
    out.warnings = warnings;
    Ok(out)
}

/// Extracts main text and metadata from an already decoded page (e.g. the `"html"` field of a JSONL record).
pub fn extract_str(html: &str, opts: &HtmlOptions) -> Result<Extracted, HtmlError> {
    if html.trim().is_empty() {
        return Err(HtmlError::Empty);
    }
    if html.len() > opts.max_bytes {
        return Err(HtmlError::TooLarge { size: html.len(), limit: opts.max_bytes });
    }
    extract_inner(html, opts)
}

fn extract_inner(html: &str, opts: &HtmlOptions) -> Result<Extracted, HtmlError> {
    // html5ever's tree builder scans its stack of open elements for every start tag, so a page of 100k
    // nested elements costs O(n²) before any limit on the DOM could apply: estimate the depth from the
    // tags first (cheap, linear), then check the real DOM depth after parsing.
    let html = limits::strip_scripts(html);
    limits::check_tag_depth(&html, opts.max_depth)?;
    let doc = Document::from(html.as_ref());
    limits::check_dom_depth(&doc, opts.max_depth)?;

    let url = opts.url.as_deref().filter(|u| !u.trim().is_empty());
    let found = meta::read(&doc, url);
    // Boilerplate is marked before readability sees the page: readability rewrites wrappers (a `<div
    // class="newsletter">` holding one `<p>` becomes that `<p>`), losing the class that marks them.
    // Marking (not removing) leaves readability's title and byline detection undisturbed.
    post::mark_boilerplate(&doc);

    let cfg = Config {
        max_elements_to_parse: 0,
        // Our boilerplate pass (post.rs) reads class names, so readability must not strip them.
        keep_classes: true,
        ..Default::default()
    };
    // dom_smoothie refuses relative URLs; the URL only serves to resolve links, so drop a bad one.
    let url_for_readability = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let mut readability = match Readability::with_document(doc, url_for_readability, Some(cfg)) {
        Ok(r) => r,
        Err(_) => return Err(HtmlError::BadUrl(url.unwrap_or_default().to_string())),
    };
    let article = match readability.parse() {
        Ok(article) => article,
        Err(ReadabilityError::GrabFailed) => return Err(HtmlError::NoMainText),
        Err(e) => {
            tracing::debug!("readability failed: {e}");
            return Err(HtmlError::NoMainText);
        }
    };
    let text = post::render(&article.content);
    // Text without a single letter or digit is markup debris, not an article.
    if !text.chars().any(char::is_alphanumeric) {
        return Err(HtmlError::NoMainText);
    }
    let mut out = meta::merge(found, &article);
    out.text = text;
    Ok(out)
}
