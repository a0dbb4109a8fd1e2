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

/// `a / b`, or 0 when `b` is 0 (precision with no predictions, recall with no gold).
pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// F1: the harmonic mean of precision and recall, 0 when both are 0.
pub fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

#[cfg(test)]
mod score_tests {
    #[test]
    fn ratio_and_f1() {
        assert_eq!(super::ratio(1, 0), 0.0);
        assert_eq!(super::ratio(1, 4), 0.25);
        assert_eq!(super::f1(0.0, 0.0), 0.0);
        assert!((super::f1(0.5, 1.0) - 2.0 / 3.0).abs() < 1e-12);
    }
}
