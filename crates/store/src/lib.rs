//! The corpus store: documents with everything their analysis produced, near-duplicate
//! groups, and the queries of the corpus commands (`stats`, `search`, `entities`, `claims`,
//! `timeline`, `provenance`).
//!
//! Writing is split in two so that the expensive part runs in parallel:
//! [`Prepared::from_record`] (hashing, MinHash, normalized rows; any thread) and
//! [`Store::put`] (one transaction per batch; one writer). Documents are keyed by a hash of
//! their text and errors by (input id, message), so putting the same batch twice adds
//! nothing, and a run killed at any point then rerun gives the same store as an uninterrupted
//! run: each batch is committed whole or not at all, and linking a new document only depends
//! on the documents stored before it.
//!
//! Implementations: [`SqliteStore`] (the single-file default) and [`MemStore`] (tests).

mod mem;
mod prepare;
mod sqlite;
pub mod warc;

use dossier_link::{provenance, Claim, ClaimFilter, EntitySummary, Member, Provenance};
use serde::Serialize;

pub use mem::MemStore;
pub use prepare::{compress, decompress, Prepared, PreparedAttribution, PreparedDoc, PreparedEntity};
pub use sqlite::{migrate_v1, migrate_v2, migrate_v3, migrate_v4, SqliteStore, SCHEMA_VERSION};

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{path}: written by a newer dossier (store schema {found}; this version reads up to {supported}); upgrade dossier, the file was left untouched")]
    TooNew { path: String, found: i64, supported: i64 },
    #[error("{path}: store schema {found} is older than {supported} and cannot be migrated: {reason}; the file was left untouched")]
    TooOld { path: String, found: i64, supported: i64, reason: String },
    #[error("{path}: not a dossier database ({reason}); the file was left untouched")]
    NotDossier { path: String, reason: String },
    #[error("{0}: no database there (run `dossier ingest` first)")]
    Missing(String),
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    #[error("the store is full: {0}")]
    Full(String),
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// What one [`Store::put`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PutOutcome {
    /// Documents new to the store.
    pub added: usize,
    /// Documents whose text was already stored (only the input id was recorded).
    pub existing: usize,
    /// Error records new to the store.
    pub errors_added: usize,
    /// Error records already stored.
    pub errors_existing: usize,
    /// Near-duplicate pairs found for the new documents.
    pub pairs: usize,
}

/// `dossier stats` (contract shape).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub documents: u64,
    pub errors: u64,
    /// Distinct (canonical name, label) pairs across documents.
    pub entities: u64,
    pub attributions: u64,
    pub events: u64,
    /// Groups of near-duplicates with more than one member.
    pub clusters: u64,
}

/// `dossier search` (contract shape).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchHit {
    pub id: String,
    pub title: Option<String>,
    pub snippet: String,
    /// Higher is better (negated FTS5 bm25 for SQLite).
    pub score: f64,
}

/// `dossier timeline` (contract shape).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimelineItem {
    pub value: String,
    pub document: String,
    pub event: Option<serde_json::Value>,
    pub attribution: Option<serde_json::Value>,
    pub summary: String,
}

/// What the text output shows about a document next to its id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DocSummary {
    pub id: String,
    pub input_id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
}

/// A store of analyzed documents. Implementations provide storage and the answers; the
/// cross-document rules (provenance, claims, entities) come from `dossier-link`, so every
/// implementation answers the same for the same puts.
pub trait Store {
    /// Stores one batch atomically: all of it or (on error) none of it.
    fn put(&mut self, batch: &[Prepared]) -> Result<PutOutcome>;
    fn stats(&self) -> Result<Stats>;
    /// Full-text search over titles and texts, best first.
    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>>;
    /// Timeline rows in date order, optionally only those mentioning `about`.
    fn timeline(&self, about: Option<&str>) -> Result<Vec<TimelineItem>>;
    /// A document id (the key, a unique prefix of at least 6 chars, or an input id) → the key.
    fn resolve(&self, id: &str) -> Result<Option<String>>;
    fn document(&self, key: &str) -> Result<Option<DocSummary>>;
    /// The near-duplicate group of a document (itself included).
    fn group(&self, key: &str) -> Result<Vec<Member>>;
    /// `dossier entities`: entities merged across documents (see
    /// [`dossier_link::merge_entities`]), most documents first, at most `limit`.
    fn entities(&self, limit: Option<usize>) -> Result<Vec<EntitySummary>>;
    /// `dossier claims [--by] [--about]` (see [`dossier_link::group_claims`]).
    fn claims(&self, filter: &ClaimFilter) -> Result<Vec<Claim>>;

    /// `dossier provenance ID`.
    fn provenance(&self, id: &str) -> Result<Option<Provenance>> {
        let Some(key) = self.resolve(id)? else { return Ok(None) };
        let members = self.group(&key)?;
        Ok(Some(provenance(&key, &members)))
    }
}

/// The store key of a text: blake3, first 128 bits, hex.
pub fn text_key(text: &str) -> String {
    let h = blake3::hash(text.as_bytes());
    h.as_bytes()[..16].iter().map(|b| format!("{b:02x}")).collect()
}
