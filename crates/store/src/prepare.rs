//! Record → rows: everything [`Store::put`](crate::Store::put) writes, computed ahead of the
//! transaction (and in parallel) by [`Prepared::from_record`].

use dossier_doc::contract::{OkRecord, Record};
use dossier_link::tokens::{content_hashes, fold_name};
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
    /// `fold_name(name)`
    pub fold: String,
    pub label: String,
    pub kind: Option<String>,
    /// Distinct trimmed mention texts, in mention order.
    pub aliases: Vec<String>,
    pub mentions: usize,
}

#[derive(Clone, Debug)]
pub struct PreparedAttribution {
    pub aid: String,
    /// The linked entity's canonical name, else the source text, else the last name of the
    /// chain (a speaker the sentence does not repeat); `None` when unsaid.
    pub source: Option<String>,
    /// `fold_name(source)` (empty when unsaid).
    pub source_fold: String,
    pub content: String,
    pub stance: String,
    /// `content_hashes(content)`: what claims are compared on.
    pub words: Vec<u64>,
}

#[derive(Clone, Debug)]
pub struct PreparedTimeline {
    pub value: String,
    pub event: Option<String>,
    pub attribution: Option<String>,
    /// The contract object of the attribution the row points to (JSON).
    pub attribution_json: Option<String>,
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
    /// The contract record as JSON, with `"text"` emptied (the text is stored once, beside
    /// it), compressed with zstd.
    pub record_zstd: Vec<u8>,
    pub signature: Signature,
    /// Entities, sorted by id.
    pub entities: Vec<PreparedEntity>,
    /// Attributions, sorted by id.
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
        let mut entities: Vec<PreparedEntity> = r
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
                    fold: fold_name(&e.name),
                    label: e.label.clone(),
                    kind: e.kind.clone(),
                    aliases,
                    mentions: e.mentions.len(),
                }
            })
            .collect();
        entities.sort_by(|a, b| a.eid.cmp(&b.eid));
        let mut attributions: Vec<PreparedAttribution> = r
            .attributions
            .iter()
            .map(|a| {
                // A speaker the sentence does not repeat ("X said A and warned B", ", saying
                // …") has no source span; the chain ends with it.
                let source = a
                    .source
                    .as_ref()
                    .map(|s| {
                        s.entity
                            .as_ref()
                            .and_then(|eid| r.entities.iter().find(|e| &e.id == eid))
                            .map(|e| e.name.clone())
                            .unwrap_or_else(|| s.span.text.trim().to_string())
                    })
                    .or_else(|| a.chain.last().map(|c| c.trim().to_string()).filter(|c| !c.is_empty()));
                let content = a.content.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join(" … ");
                PreparedAttribution {
                    aid: a.id.clone(),
                    source_fold: source.as_deref().map(fold_name).unwrap_or_default(),
                    source,
                    words: content_hashes(&content),
                    content,
                    stance: a.stance.clone(),
                }
            })
            .collect();
        attributions.sort_by(|a, b| a.aid.cmp(&b.aid));
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
                attribution_json: t
                    .attribution
                    .as_ref()
                    .and_then(|id| r.attributions.iter().find(|a| &a.id == id))
                    .map(|a| serde_json::to_string(a).unwrap_or_default()),
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
        let record_zstd = compress(record_json.as_bytes());
        PreparedDoc {
            key,
            input_id: r.id,
            title: r.title,
            url: r.url,
            outlet: r.outlet,
            published: r.published,
            text,
            record_zstd,
            signature,
            entities,
            attributions,
            events,
            timeline,
            origins,
        }
    }
}

/// zstd level of stored records: fast, and JSON with repeated keys compresses 5–10×.
const ZSTD_LEVEL: i32 = 3;

/// Compresses a stored record (in memory; cannot fail short of allocation failure, which
/// aborts anyway — an error here falls back to storing nothing rather than panicking).
pub fn compress(bytes: &[u8]) -> Vec<u8> {
    zstd::bulk::compress(bytes, ZSTD_LEVEL).unwrap_or_default()
}

/// The inverse of [`compress`].
pub fn decompress(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    zstd::stream::decode_all(bytes)
}
