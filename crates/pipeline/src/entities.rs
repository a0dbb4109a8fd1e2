//! Tagging glue: POS for every token, named entities per document, mentions grouped into
//! entities by exact name (cross-mention linking is a later stage).

use dossier_doc::Span;
use dossier_segment::Segmentation;
use dossier_tag::{EntityLabel, NerModel, PosTag, Tagger};

/// One named-entity mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub label: EntityLabel,
    /// Index of the sentence holding it.
    pub sentence: usize,
}

/// An entity: mentions with the same name and label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityGroup {
    pub name: String,
    pub label: EntityLabel,
    pub kind: Option<&'static str>,
    pub mentions: Vec<Span>,
}

/// POS tags aligned with `seg.tokens` (`None` only for a token outside every sentence), and
/// NER mentions in text order.
pub fn tag(
    text: &str,
    seg: &Segmentation,
    tagger: &Tagger,
    ner: &NerModel,
) -> (Vec<Option<PosTag>>, Vec<Mention>) {
    let sentences: Vec<Vec<&str>> = seg
        .sentence_tokens
        .iter()
        .map(|r| seg.tokens[r.clone()].iter().map(|t| t.span.of(text)).collect())
        .collect();
    // One call tags both: word analyses are shared between POS and NER and cached per thread.
    let (pos_by_sentence, found) = ner.tag_with_pos(tagger, &sentences);
    let mut mentions = Vec::new();
    for (si, spans) in found.iter().enumerate() {
        let range = &seg.sentence_tokens[si];
        for e in spans {
            let (a, b) = (range.start + e.start, range.start + e.end);
            if e.start >= e.end || b > range.end {
                continue;
            }
            let span = Span::new(seg.tokens[a].span.start, seg.tokens[b - 1].span.end);
            mentions.push(Mention { span, label: e.label, sentence: si });
        }
    }
    let mut pos = vec![None; seg.tokens.len()];
    for (si, r) in seg.sentence_tokens.iter().enumerate() {
        for (k, t) in pos_by_sentence[si].iter().enumerate() {
            if let Some(slot) = pos.get_mut(r.start + k) {
                *slot = Some(*t);
            }
        }
    }
    (pos, mentions)
}

/// Groups mentions by exact (whitespace-normalized) name and label, in order of first mention.
pub fn group(text: &str, seg: &Segmentation, mentions: &[Mention]) -> Vec<EntityGroup> {
    let mut groups: Vec<EntityGroup> = Vec::new();
    for m in mentions {
        let name = m.span.of(text).split_whitespace().collect::<Vec<_>>().join(" ");
        match groups.iter_mut().find(|g| g.name == name && g.label == m.label) {
            Some(g) => g.mentions.push(m.span),
            None => {
                let context: Vec<&str> = seg
                    .sentence_tokens
                    .get(m.sentence)
                    .map(|r| seg.tokens[r.clone()].iter().map(|t| t.span.of(text)).collect())
                    .unwrap_or_default();
                let kind = dossier_tag::fine_type(&name, m.label.as_str(), &context);
                groups.push(EntityGroup { name, label: m.label, kind, mentions: vec![m.span] });
            }
        }
    }
    groups
}
