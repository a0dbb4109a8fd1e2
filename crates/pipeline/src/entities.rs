//! Tagging glue: POS for every token, named entities per document, and the entities their
//! mentions form (linked by `dossier-coref`).

use dossier_attribution::AttributionHit;
use dossier_coref::{CorefInput, MentionKind, NameMention};
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

/// An entity: its mentions (names, descriptions, pronouns) linked in the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityGroup {
    /// The fullest name form.
    pub name: String,
    pub label: EntityLabel,
    pub kind: Option<&'static str>,
    /// The other name forms.
    pub aliases: Vec<String>,
    /// In text order.
    pub mentions: Vec<Span>,
    /// How each of `mentions` names the entity.
    pub mention_kinds: Vec<MentionKind>,
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

/// Links the mentions of a document into entities (in-document coreference).
pub fn link(
    text: &str,
    seg: &Segmentation,
    pos: &[Option<PosTag>],
    mentions: &[Mention],
    attributions: &[AttributionHit],
    title: Option<Span>,
) -> Vec<EntityGroup> {
    let names: Vec<NameMention> =
        mentions.iter().map(|m| NameMention { span: m.span, label: m.label }).collect();
    let entities = dossier_coref::resolve(&CorefInput { text, seg, pos, names: &names, attributions, title });
    entities
        .into_iter()
        .map(|e| {
            let sentence = seg.sentences.iter().position(|s| s.contains(&e.name_span));
            let context: Vec<&str> = sentence
                .and_then(|si| seg.sentence_tokens.get(si))
                .map(|r| seg.tokens[r.clone()].iter().map(|t| t.span.of(text)).collect())
                .unwrap_or_default();
            let kind = dossier_tag::fine_type(&e.name, e.label.as_str(), &context);
            EntityGroup {
                name: e.name,
                label: e.label,
                kind,
                aliases: e.aliases,
                mentions: e.mentions.iter().map(|m| m.span).collect(),
                mention_kinds: e.mentions.iter().map(|m| m.kind).collect(),
            }
        })
        .collect()
}
