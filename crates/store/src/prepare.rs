//! Record → rows: everything [`Store::put`](crate::Store::put) writes, computed ahead of the
//! transaction (and in parallel) by [`Prepared::from_record`].

use dossier_doc::contract::{OkRecord, Record};
use dossier_link::{OriginHint, Signature};

use crate::text_key;

/// One record ready to be stored.
#[derive(Clone, Debug)]
pub enum Prepared {
    Doc(Box<PreparedDoc>),
    Error { input_id: String, message: String },
}

#[derive(Clone, Debug)]
pub struct PreparedEntity {
    pub eid: String,
    pub name: String,
    pub label: String,
    pub kind: Option<String>,
    pub aliases: Vec<String>,
    pub mentions: usize,
}

#[derive(Clone, Debug)]
pub struct PreparedAttribution {
    pub aid: String,
    /// The linked entity's canonical name, else the source text; `None` when unsaid.
    pub source: Option<String>,
    pub cue: String,
    pub content: String,
    pub kind: String,
    pub stance: String,
    pub evidence: String,
    pub json: String,
}

#[derive(Clone, Debug)]
pub struct PreparedTimeline {
    pub value: String,
    pub event: Option<String>,
    pub attribution: Option<String>,
    pub summary: String,
}

#[derive(Clone, Debug)]
pub struct PreparedDoc {
    pub key: String,
    pub input_id: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub text: String,
    /// The contract record as JSON, with `"text"` emptied (the text is stored once, beside it).
    pub record_json: String,
    pub signature: Signature,
    pub entities: Vec<PreparedEntity>,
    pub attributions: Vec<PreparedAttribution>,
    /// (event id, type, JSON)
    pub events: Vec<(String, String, String)>,
    pub timeline: Vec<PreparedTimeline>,
    pub origins: Vec<OriginHint>,
}

impl Prepared {
    /// Everything to store for one record. Serialization of the contract types cannot fail
    /// (plain structs of strings and numbers), so this never errors.
    pub fn from_record(record: Record) -> Prepared {
        match record {
            Record::Error(e) => Prepared::Error { input_id: e.id, message: e.error },
            Record::Ok(r) => Prepared::Doc(Box::new(PreparedDoc::new(*r))),
        }
    }

    pub fn is_doc(&self) -> bool {
        matches!(self, Prepared::Doc(_))
    }
}

/// The body text (boilerplate removed) used for near-duplicate detection: the body spans
/// joined by blank lines, or the whole text when the record has no body spans.
pub fn body_text(r: &OkRecord) -> String {
    if r.body.is_empty() {
        return r.text.clone();
    }
    r.body.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join("\n\n")
}

impl PreparedDoc {
    pub fn new(mut r: OkRecord) -> PreparedDoc {
        let key = text_key(&r.text);
        let signature = Signature::of(&body_text(&r));
        let entities = r
            .entities
            .iter()
            .map(|e| {
                let mut aliases: Vec<String> = Vec::new();
                for m in &e.mentions {
                    let t = m.text.trim();
                    if !t.is_empty() && !aliases.iter().any(|a| a == t) {
                        aliases.push(t.to_string());
                    }
                }
                PreparedEntity {
                    eid: e.id.clone(),
                    name: e.name.clone(),
                    label: e.label.clone(),
                    kind: e.kind.clone(),
                    aliases,
                    mentions: e.mentions.len(),
                }
            })
            .collect();
        let attributions = r
            .attributions
            .iter()
            .map(|a| {
                let source = a.source.as_ref().map(|s| {
                    s.entity
                        .as_ref()
                        .and_then(|eid| r.entities.iter().find(|e| &e.id == eid))
                        .map(|e| e.name.clone())
                        .unwrap_or_else(|| s.span.text.trim().to_string())
                });
                PreparedAttribution {
                    aid: a.id.clone(),
                    source,
                    cue: a.cue.text.clone(),
                    content: a.content.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join(" … "),
                    kind: a.kind.clone(),
                    stance: a.stance.clone(),
                    evidence: a.evidence.clone(),
                    json: serde_json::to_string(a).unwrap_or_default(),
                }
            })
            .collect();
        let events = r
            .events
            .iter()
            .map(|v| (v.id.clone(), v.kind.clone(), serde_json::to_string(v).unwrap_or_default()))
            .collect();
        let timeline = r
            .timeline
            .iter()
            .map(|t| PreparedTimeline {
                value: t.value.clone(),
                event: t.event.clone(),
                attribution: t.attribution.clone(),
                summary: t.summary.clone(),
            })
            .collect();
        let origins = r
            .origin
            .iter()
            .map(|o| OriginHint {
                outlet: o.outlet.clone(),
                kind: o.kind.clone(),
                evidence: o.evidence.text.clone(),
            })
            .collect();
        let text = std::mem::take(&mut r.text);
        let record_json = serde_json::to_string(&r).unwrap_or_default();
        PreparedDoc {
            key,
            input_id: r.id,
            title: r.title,
            url: r.url,
            outlet: r.outlet,
            published: r.published,
            text,
            record_json,
            signature,
            entities,
            attributions,
            events,
            timeline,
            origins,
        }
    }
}
