//! CoNLL-U: sentences with comments, multiword tokens and syntactic words.

use std::path::Path;

use crate::{read_to_string, CorpusError};

/// One syntactic word (a line with an integer ID).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub id: usize,
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    pub head: Option<usize>,
    pub deprel: String,
    pub misc: String,
}

impl Word {
    /// False when MISC says `SpaceAfter=No`.
    pub fn space_after(&self) -> bool {
        !self.misc.split('|').any(|m| m == "SpaceAfter=No")
    }
}

/// A multiword token line (`3-4  don't`): the surface form of words `first..=last`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MultiWord {
    pub first: usize,
    pub last: usize,
    pub form: String,
    pub misc: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    pub sent_id: Option<String>,
    /// `# newdoc id = …` when this sentence starts a document.
    pub newdoc: Option<String>,
    /// `# newpar` (with or without id) when this sentence starts a paragraph.
    pub newpar: bool,
    /// `# text = …`
    pub text: Option<String>,
    pub words: Vec<Word>,
    pub multiwords: Vec<MultiWord>,
    /// The original lines, to write the sentence back with changed columns.
    pub lines: Vec<String>,
}

impl Sentence {
    /// Surface tokens as they appear in the text: multiword tokens whole, other words as
    /// they are. Each with whether a space follows.
    pub fn surface_tokens(&self) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.words.len() {
            let w = &self.words[i];
            if let Some(mw) = self.multiwords.iter().find(|m| m.first == w.id) {
                let space = !mw.misc.split('|').any(|m| m == "SpaceAfter=No");
                out.push((mw.form.clone(), space));
                while i < self.words.len() && self.words[i].id <= mw.last {
                    i += 1;
                }
            } else {
                out.push((w.form.clone(), w.space_after()));
                i += 1;
            }
        }
        out
    }
}

pub fn read(path: &Path) -> Result<Vec<Sentence>, CorpusError> {
    let text = read_to_string(path)?;
    parse(&text, &path.display().to_string())
}

pub fn parse(text: &str, path: &str) -> Result<Vec<Sentence>, CorpusError> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    let err = |line: usize, message: String| CorpusError::Format { path: path.to_string(), line, message };
    for (ln, line) in text.lines().enumerate() {
        let ln = ln + 1;
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            } else {
                cur = Sentence::default();
            }
            continue;
        }
        cur.lines.push(line.to_string());
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim();
            if let Some(v) = c.strip_prefix("newdoc id =") {
                cur.newdoc = Some(v.trim().to_string());
            } else if c == "newdoc" {
                cur.newdoc = Some(String::new());
            } else if c.starts_with("newpar") {
                cur.newpar = true;
            } else if let Some(v) = c.strip_prefix("sent_id =") {
                cur.sent_id = Some(v.trim().to_string());
            } else if let Some(v) = c.strip_prefix("text =") {
                cur.text = Some(v.trim().to_string());
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(err(ln, format!("expected 10 tab-separated columns, found {}", cols.len())));
        }
        let id = cols[0];
        if id.contains('.') {
            continue; // empty node of the enhanced graph: not a surface word
        }
        if let Some((a, b)) = id.split_once('-') {
            let (first, last) = (
                a.parse().map_err(|_| err(ln, format!("bad range id {id}")))?,
                b.parse().map_err(|_| err(ln, format!("bad range id {id}")))?,
            );
            cur.multiwords.push(MultiWord { first, last, form: cols[1].into(), misc: cols[9].into() });
            continue;
        }
        let id: usize = id.parse().map_err(|_| err(ln, format!("bad word id {id}")))?;
        cur.words.push(Word {
            id,
            form: cols[1].into(),
            lemma: cols[2].into(),
            upos: cols[3].into(),
            xpos: cols[4].into(),
            feats: cols[5].into(),
            head: cols[6].parse().ok(),
            deprel: cols[7].into(),
            misc: cols[9].into(),
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// A document rebuilt from `# newdoc` / `# newpar` / `# text`: sentences of a paragraph
/// joined by one space, paragraphs by a blank line.
#[derive(Clone, Debug, Default)]
pub struct RawDocument {
    pub id: String,
    pub text: String,
    /// Byte span of each sentence in `text`, in order.
    pub sentences: Vec<(usize, usize)>,
    /// Index into the sentence list passed to [`rebuild_documents`] for each span.
    pub sentence_index: Vec<usize>,
}

impl RawDocument {
    /// The genre prefix of an EWT document id (`weblog`, `newsgroup`, `email`, `answers`, `reviews`).
    pub fn genre(&self) -> &str {
        self.id.split('-').next().unwrap_or("")
    }
}

pub fn rebuild_documents(sents: &[Sentence]) -> Vec<RawDocument> {
    let mut docs: Vec<RawDocument> = Vec::new();
    for (i, s) in sents.iter().enumerate() {
        if s.newdoc.is_some() || docs.is_empty() {
            docs.push(RawDocument { id: s.newdoc.clone().unwrap_or_default(), ..Default::default() });
        }
        let d = docs.last_mut().expect("pushed above");
        let sentence_text = s.text.clone().unwrap_or_else(|| {
            s.surface_tokens()
                .iter()
                .map(|(t, sp)| if *sp { format!("{t} ") } else { t.clone() })
                .collect::<String>()
        });
        let sentence_text = sentence_text.trim();
        if !d.text.is_empty() {
            d.text.push_str(if s.newpar { "\n\n" } else { " " });
        }
        let start = d.text.len();
        d.text.push_str(sentence_text);
        d.sentences.push((start, d.text.len()));
        d.sentence_index.push(i);
    }
    docs
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = weblog-x\n# newpar id = p1\n# sent_id = 1\n# text = I don't know.\n\
1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n\
# sent_id = 2\n# text = Fine.\n1\tFine\tfine\tADJ\tJJ\t_\t0\troot\t_\tSpaceAfter=No\n2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n";

    #[test]
    fn parses_and_rebuilds() {
        let s = parse(SAMPLE, "x").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].words.len(), 5);
        assert_eq!(
            s[0].surface_tokens(),
            vec![("I".into(), true), ("don't".into(), true), ("know".into(), false), (".".into(), true)]
        );
        let docs = rebuild_documents(&s);
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].text, "I don't know. Fine.");
        assert_eq!(docs[0].genre(), "weblog");
        let (a, b) = docs[0].sentences[1];
        assert_eq!(&docs[0].text[a..b], "Fine.");
    }

    #[test]
    fn bad_columns_name_the_line() {
        let e = parse("1\tonly\ttwo\n", "f.conllu").unwrap_err().to_string();
        assert_eq!(e, "f.conllu:1: expected 10 tab-separated columns, found 3");
    }
}
