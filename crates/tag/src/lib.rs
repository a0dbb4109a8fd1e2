//! Learned tagging for dossier: a part-of-speech tagger (UPOS + Penn XPOS) and a
//! named-entity recogniser (PER, ORG, LOC, MISC), both averaged perceptrons trained here in
//! Rust from the shared corpora and shipped as versioned model files under `models/`.
//!
//! Runtime: [`Tagger::global`] and [`Ner::global`] load the embedded models once and are
//! shared across threads. Training: [`train_pos`], [`train_ner`]. Evaluation adapters:
//! [`eval::tag_conll`], [`eval::tag_conllu`], [`eval::eval_ner`], [`eval::eval_pos`].

pub mod brown;
pub mod clusters;
pub mod eval;
pub mod features;
pub mod finetype;
pub mod format;
pub mod gazetteer;
pub mod hash;
pub mod learn;
pub(crate) mod lex;
pub mod ner;
pub mod pieces;
pub mod pos;
pub mod simd;
pub mod tags;
pub mod weights;

pub use clusters::Clusters;
pub use eval::{eval_ner, eval_pos, tag_conll, tag_conllu, NerReport, PosReport};
pub use finetype::fine_type;
pub use ner::{clear_thread_cache, train_ner, EntityLabel, EntitySpan, Ner, NerModel, TrainedNer};
pub use pos::{train_pos, PosModel, PosModel as Tagger, Spacing, TrainedPos};
pub use tags::PosTag;

/// Why a model file was refused.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum ModelError {
    #[error("not a dossier model file (bad magic)")]
    BadMagic,
    #[error("wrong model kind: expected {expected}, found {found}")]
    WrongKind { expected: String, found: String },
    #[error("unsupported model format version {found} (this build reads version {expected})")]
    Version { expected: u32, found: u32 },
    #[error("model file is truncated")]
    Truncated,
    #[error("model checksum mismatch (expected {expected:08x}, computed {found:08x}): the file is corrupt")]
    Checksum { expected: u32, found: u32 },
    #[error("model was trained with word clusters {expected:08x} but {found:08x} are loaded")]
    ClusterMismatch { expected: u32, found: u32 },
    #[error("corrupt model: {0}")]
    Corrupt(String),
    #[error("cannot read model file {path}: {message}")]
    Io { path: String, message: String },
}

/// Errors of training and evaluation.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TagError {
    #[error(transparent)]
    Model(#[from] ModelError),
    #[error(transparent)]
    Corpus(#[from] dossier_corpora::CorpusError),
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("write failed: {0}")]
    Write(#[from] std::io::Error),
}

pub(crate) fn read_model_file(path: &std::path::Path) -> Result<Vec<u8>, ModelError> {
    std::fs::read(path)
        .map_err(|e| ModelError::Io { path: path.display().to_string(), message: e.to_string() })
}
