//! CoNLL-2003 NER: `token POS chunk NER` lines, `-DOCSTART-` between documents, blank lines
//! between sentences. Tags may be IOB1 (as in the distributed files) or IOB2.

use std::path::Path;

use crate::{read_to_string, CorpusError};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    pub tokens: Vec<String>,
    pub pos: Vec<String>,
    pub chunk: Vec<String>,
    /// The NER column as written (last column).
    pub tags: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    pub sentences: Vec<Sentence>,
}

pub fn read(path: &Path) -> Result<Vec<Document>, CorpusError> {
    let text = read_to_string(path)?;
    parse(&text, &path.display().to_string())
}

pub fn parse(text: &str, path: &str) -> Result<Vec<Document>, CorpusError> {
    let mut docs: Vec<Document> = Vec::new();
    let mut cur = Sentence::default();
    fn flush(docs: &mut Vec<Document>, cur: &mut Sentence) {
        if !cur.tokens.is_empty() {
            if docs.is_empty() {
                docs.push(Document::default());
            }
            docs.last_mut().expect("non-empty").sentences.push(std::mem::take(cur));
        }
    }
    for (ln, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            flush(&mut docs, &mut cur);
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols[0] == "-DOCSTART-" {
            flush(&mut docs, &mut cur);
            docs.push(Document::default());
            continue;
        }
        if cols.len() < 2 {
            return Err(CorpusError::Format {
                path: path.to_string(),
                line: ln + 1,
                message: "expected at least a token and a tag".into(),
            });
        }
        cur.tokens.push(cols[0].to_string());
        cur.pos.push(if cols.len() >= 4 { cols[1] } else { "" }.to_string());
        cur.chunk.push(if cols.len() >= 4 { cols[2] } else { "" }.to_string());
        cur.tags.push(cols[cols.len() - 1].to_string());
    }
    flush(&mut docs, &mut cur);
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

/// Entity spans `(label, start, end)` (token indices, end exclusive) from IOB1 or IOB2
/// tags, by the conlleval convention: a chunk starts at `B-`, or at `I-` whose type differs
/// from the previous tag's (or follows `O`).
pub fn spans(tags: &[String]) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(String, usize)> = None;
    for (i, t) in tags.iter().enumerate() {
        let (prefix, label) = match t.split_once('-') {
            Some((p, l)) => (p, l),
            None => ("O", ""),
        };
        let continues = match &open {
            Some((l, _)) => prefix == "I" && l == label,
            None => false,
        };
        if !continues {
            if let Some((l, s)) = open.take() {
                out.push((l, s, i));
            }
            if prefix == "B" || prefix == "I" {
                open = Some((label.to_string(), i));
            }
        }
    }
    if let Some((l, s)) = open {
        out.push((l, s, tags.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_docs_and_spans() {
        let d = parse("-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\n\n-DOCSTART- -X- O O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n", "x").unwrap();
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].sentences[0].tokens, ["EU", "rejects", "German"]);
        let t = &d[1].sentences[0].tags;
        assert_eq!(spans(t), vec![("PER".to_string(), 0, 2)]);
        let iob1: Vec<String> =
            ["I-LOC", "B-LOC", "I-LOC", "O", "I-PER"].iter().map(|s| s.to_string()).collect();
        assert_eq!(
            spans(&iob1),
            vec![("LOC".to_string(), 0, 1), ("LOC".to_string(), 1, 3), ("PER".to_string(), 4, 5)]
        );
    }
}
