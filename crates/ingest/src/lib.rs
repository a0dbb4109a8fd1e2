//! Ingest: turn paths and standard input into a stream of input records.
//!
//! Every input record becomes exactly one item of the stream, in input order: either a
//! [`RawDoc`] ready for the pipeline or a [`RecordError`] saying what is wrong with it.
//! Nothing is dropped silently: unreadable files, binary content, empty text, malformed
//! JSONL lines and oversized records all become errors; invalid UTF-8 is decoded lossily
//! and noted in the record's warnings.
//!
//! The only things that are *not* records: blank lines in JSONL (no record is there), and
//! files inside a directory whose extension is not one we read (listed at debug level).

mod date;
mod decode;
mod jsonl;
mod reader;

pub use date::parse_published;
pub use decode::{decode_text, Decoded};
pub use reader::{InputSpec, Records};

use chrono::NaiveDate;

/// Default limit on one record's size: 10 MiB.
pub const DEFAULT_MAX_BYTES: usize = 10 * 1024 * 1024;

#[derive(Clone, Debug)]
pub struct IngestOptions {
    /// Records larger than this many bytes become error records.
    pub max_bytes: usize,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions { max_bytes: DEFAULT_MAX_BYTES }
    }
}

/// The content of a record, before any analysis.
#[derive(Clone, Debug, PartialEq)]
pub enum Content {
    /// Plain text (or Markdown): this becomes the document's `text` unchanged.
    Text(String),
    /// An HTML page as raw bytes (from a file, an HTTP response, or a JSONL `html` field encoded
    /// as UTF-8), with the charset the transport declared, if any. The document's `text` is its
    /// extracted main text.
    Html { bytes: Vec<u8>, charset: Option<String> },
}

/// One good input record.
#[derive(Clone, Debug, PartialEq)]
pub struct RawDoc {
    /// Input id, else path, else `stdin:<line>`; JSONL files: `<path>:<line>`.
    pub id: String,
    pub content: Content,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub outlet: Option<String>,
    /// What was repaired or ignored on the way in.
    pub warnings: Vec<String>,
}

impl RawDoc {
    pub fn text(id: impl Into<String>, text: impl Into<String>) -> RawDoc {
        RawDoc {
            id: id.into(),
            content: Content::Text(text.into()),
            title: None,
            url: None,
            published: None,
            outlet: None,
            warnings: Vec::new(),
        }
    }
}

/// An input record that cannot be analyzed, with a message a person can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{id}: {message}")]
pub struct RecordError {
    pub id: String,
    pub message: String,
}

impl RecordError {
    pub fn new(id: impl Into<String>, message: impl Into<String>) -> RecordError {
        RecordError { id: id.into(), message: message.into() }
    }
}

pub type InputRecord = Result<RawDoc, RecordError>;

/// File kinds `analyze` reads, by extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Text,
    Html,
    Jsonl,
}

impl FileKind {
    pub fn from_path(path: &std::path::Path) -> Option<FileKind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "md" | "markdown" | "text" => Some(FileKind::Text),
            "html" | "htm" | "xhtml" => Some(FileKind::Html),
            "jsonl" | "ndjson" => Some(FileKind::Jsonl),
            _ => None,
        }
    }
}
