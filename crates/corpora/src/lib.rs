//! Readers for annotated corpora: CoNLL-U (UD English EWT) and CoNLL-2003 NER.
//!
//! Readers are strict about structure (a malformed line is an error naming the line) and
//! lenient about content (unknown columns are kept as strings).

pub mod conll2003;
pub mod conllu;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CorpusError {
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}:{line}: {message}")]
    Format { path: String, line: usize, message: String },
}

pub(crate) fn read_to_string(path: &std::path::Path) -> Result<String, CorpusError> {
    std::fs::read_to_string(path)
        .map_err(|source| CorpusError::Io { path: path.display().to_string(), source })
}
