//! The stages before events, run with the shipped models: for tests, benchmarks and tools
//! that start from plain text (the pipeline builds the same inputs itself).

use chrono::NaiveDate;
use dossier_attribution::{AttributionHit, Attributor, EntityMention};
use dossier_doc::Span;
use dossier_segment::{Segmentation, Segmenter};
use dossier_tag::{EntityLabel, NerModel, PosTag, Tagger};
use dossier_time::{TimeTagger, TimexHit};

/// Every layer [`crate::EventInput`] borrows, owned.
#[derive(Debug, Default)]
pub struct Prepared {
    pub seg: Segmentation,
    pub pos: Vec<Option<PosTag>>,
    /// (span, label, fine type, entity index): NER mentions grouped by exact name and label.
    pub mentions: Vec<(Span, EntityLabel, Option<&'static str>, usize)>,
    pub timexes: Vec<TimexHit>,
    pub attributions: Vec<AttributionHit>,
    pub published: Option<NaiveDate>,
    /// The dateline (none found here: the cleaner that finds it runs in the pipeline; tests
    /// set it by hand).
    pub dateline: Option<Span>,
}

/// Segments, tags, times and attributes `text` with the shipped models (tags and mentions
/// are empty when a model cannot be loaded).
pub fn prepare(text: &str, published: Option<NaiveDate>) -> Prepared {
    let seg = Segmenter::new().segment(text);
    let mut pos = vec![None; seg.tokens.len()];
    let mut mentions = Vec::new();
    if let (Ok(tagger), Ok(ner)) = (Tagger::global(), NerModel::global()) {
        let sentences: Vec<Vec<&str>> = seg
            .sentence_tokens
            .iter()
            .map(|r| seg.tokens[r.clone()].iter().map(|t| t.span.of(text)).collect())
            .collect();
        let (tags, found) = ner.tag_with_pos(tagger, &sentences);
        let mut names: Vec<(String, EntityLabel, Option<&'static str>)> = Vec::new();
        for (si, r) in seg.sentence_tokens.iter().enumerate() {
            for (k, t) in tags.get(si).map(|v| v.as_slice()).unwrap_or(&[]).iter().enumerate() {
                if let Some(slot) = pos.get_mut(r.start + k) {
                    *slot = Some(*t);
                }
            }
            for e in found.get(si).map(|v| v.as_slice()).unwrap_or(&[]) {
                let (a, b) = (r.start + e.start, r.start + e.end);
                if e.start >= e.end || b > r.end {
                    continue;
                }
                let span = Span::new(seg.tokens[a].span.start, seg.tokens[b - 1].span.end);
                let name = span.of(text).split_whitespace().collect::<Vec<_>>().join(" ");
                let idx = match names.iter().position(|(n, l, _)| *n == name && *l == e.label) {
                    Some(i) => i,
                    None => {
                        let context: Vec<&str> =
                            seg.tokens[r.clone()].iter().map(|t| t.span.of(text)).collect();
                        let kind = dossier_tag::fine_type(&name, e.label.as_str(), &context);
                        names.push((name, e.label, kind));
                        names.len() - 1
                    }
                };
                mentions.push((span, e.label, names[idx].2, idx));
            }
        }
    }
    let timexes = TimeTagger::global().extract(text, &seg.sentences, published);
    let attributions = {
        let tags: Option<Vec<PosTag>> = pos.iter().copied().collect();
        let ents: Vec<EntityMention> =
            mentions.iter().map(|m| EntityMention { span: m.0, label: m.1 }).collect();
        Attributor::global().extract(text, &seg, tags.as_deref(), &ents)
    };
    Prepared { seg, pos, mentions, timexes, attributions, published, dateline: None }
}

impl Prepared {
    /// Entity mentions as [`crate::EntityRef`]s (one entity per exact name and label).
    pub fn entity_refs(&self) -> Vec<crate::EntityRef> {
        self.mentions
            .iter()
            .map(|&(span, label, kind, entity)| crate::EntityRef { span, entity, label, kind })
            .collect()
    }

    /// The input of the event extractor over `text` (the text this was prepared from).
    pub fn input<'a>(&'a self, text: &'a str, entities: &'a [crate::EntityRef]) -> crate::EventInput<'a> {
        crate::EventInput {
            text,
            seg: &self.seg,
            pos: &self.pos,
            entities,
            timexes: &self.timexes,
            attributions: &self.attributions,
            published: self.published,
            dateline: self.dateline,
        }
    }
}
