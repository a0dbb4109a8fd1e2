//! The JSON interface of `dossier analyze` (see `CONTRACT.md` in the shared folder, version 1).
//!
//! These types are the serialized form only: spans here carry **char** offsets and their
//! text, as the contract requires. Stages work on byte [`Span`](crate::Span)s and the
//! pipeline converts with [`Text::jspan`](crate::Text::jspan). Fields may be added; a field
//! listed in the contract is never renamed or dropped without bumping [`CONTRACT_VERSION`].

use serde::{Deserialize, Serialize};

use crate::{Span, Text};

pub const CONTRACT_VERSION: u32 = 1;

/// The fields every ok record carries, as the contract lists them.
pub const CONTRACT_FIELDS: [&str; 17] = [
    "contract",
    "id",
    "status",
    "title",
    "url",
    "outlet",
    "published",
    "text",
    "body",
    "boilerplate",
    "origin",
    "sentences",
    "entities",
    "timexes",
    "attributions",
    "events",
    "timeline",
];

/// `{"start", "end", "text"}` with char offsets; `text == record.text[start:end]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Text {
    /// The contract form of a byte span of this text.
    pub fn jspan(&self, span: Span) -> JSpan {
        let (start, end) = self.chars(span);
        JSpan { start, end, text: self.slice(span).to_string() }
    }
}

/// One output record: a good one or an error one.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Record {
    Ok(Box<OkRecord>),
    Error(ErrorRecord),
}

impl Record {
    pub fn id(&self) -> &str {
        match self {
            Record::Ok(r) => &r.id,
            Record::Error(e) => &e.id,
        }
    }
    pub fn is_ok(&self) -> bool {
        matches!(self, Record::Ok(_))
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ErrorRecord {
    pub contract: u32,
    pub id: String,
    /// Always `"error"`.
    pub status: String,
    pub error: String,
}

impl ErrorRecord {
    pub fn new(id: impl Into<String>, error: impl Into<String>) -> ErrorRecord {
        ErrorRecord { contract: CONTRACT_VERSION, id: id.into(), status: "error".into(), error: error.into() }
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct OkRecord {
    pub contract: u32,
    pub id: String,
    /// Always `"ok"`.
    pub status: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// `YYYY-MM-DD`, as given or as found in the document.
    pub published: Option<String>,
    pub text: String,
    pub body: Vec<JSpan>,
    pub boilerplate: Vec<Boilerplate>,
    pub origin: Vec<Origin>,
    pub sentences: Vec<JSpan>,
    pub entities: Vec<Entity>,
    pub timexes: Vec<Timex>,
    pub attributions: Vec<Attribution>,
    pub events: Vec<Event>,
    pub timeline: Vec<TimelineEntry>,
    // ---- extensions (not in contract v1; added fields are allowed) ----
    /// Where each field of the record came from, or what was repaired on the way in
    /// (for example "invalid UTF-8 replaced").
    #[serde(default)]
    pub warnings: Vec<String>,
    /// Quotation spans, opening mark to closing mark inclusive.
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// The span of the title line in `text`, when the title was found in the text itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_span: Option<JSpan>,
    /// Where `published` came from: `record`, `html:<strategy>`, `dateline`, or `option` (`--published`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_source: Option<String>,
    /// Extension: authors named by bylines ("By Jane Doe", "Reporting by …").
    #[serde(default)]
    pub authors: Vec<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Boilerplate {
    #[serde(flatten)]
    pub span: JSpan,
    /// `repeated_headline` | `credit` | `author_bio` | `navigation` | `share` | `other`
    pub kind: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Origin {
    pub outlet: String,
    /// `credit_line` | `dateline` | `comment_request` | `other`
    pub kind: String,
    pub evidence: JSpan,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Quote {
    #[serde(flatten)]
    pub span: JSpan,
    /// The quoted words without the marks (several fragments when the quote runs over
    /// paragraphs that each reopen the mark).
    pub inner: Vec<JSpan>,
    /// False when the closing mark was never found and the quote was cut at a boundary.
    pub closed: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub name: String,
    /// `PER` | `ORG` | `LOC` | `MISC`
    pub label: String,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub mentions: Vec<JSpan>,
    /// Extension: the other name forms of the entity ("Putin", "ISIS-K").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Extension: for each of `mentions`, `name` | `nominal` ("the group") | `pronoun`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mention_kinds: Vec<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Timex {
    #[serde(flatten)]
    pub span: JSpan,
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub value: String,
    /// Extension: the event phrase a relative expression hangs on ("days before the attack").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<JSpan>,
    /// Extension: the TIMEX3 `mod` ("MORE_THAN" for "more than a decade", "APPROX", …).
    #[serde(default, rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SourceSpan {
    #[serde(flatten)]
    pub span: JSpan,
    pub entity: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Attribution {
    pub id: String,
    pub source: Option<SourceSpan>,
    pub cue: JSpan,
    pub content: Vec<JSpan>,
    /// `direct` | `indirect` | `mixed`
    pub kind: String,
    pub parent: Option<String>,
    pub chain: Vec<String>,
    pub stance: String,
    pub evidence: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct EventTime {
    pub timex: Option<String>,
    pub value: Option<String>,
    pub relation: String,
    /// Extension: the event this time is relative to ("days before the attack" → the attack).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor_event: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct EventLocation {
    pub entity: Option<String>,
    pub text: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Participant {
    pub role: String,
    pub entity: Option<String>,
    pub text: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Count {
    pub what: String,
    pub value: u64,
    pub qualifier: String,
    /// Extension: the upper bound of a `range` ("10 to 20").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u64>,
    /// Extension: the groups of a count told for several groups ("at least 32 inmates and two
    /// guards were wounded": `value` 34 `at_least`, parts at least 32 and 2). Absent for one group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<CountPart>,
}

/// One group of a summed [`Count`]: its figure and the span of the group ("two guards").
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CountPart {
    pub value: u64,
    pub qualifier: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u64>,
    pub span: JSpan,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub trigger: JSpan,
    pub time: Option<EventTime>,
    pub location: Option<EventLocation>,
    pub participants: Vec<Participant>,
    pub counts: Vec<Count>,
    /// Extension: every mention of the event, `trigger` first ("the attack" three paragraphs
    /// later is the same event).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<JSpan>,
    /// Extension: the attribution the event comes from (a warning, denial, statement).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub value: String,
    pub event: Option<String>,
    pub attribution: Option<String>,
    pub summary: String,
    /// Extension: how the entry stands to `value`: `on`, `before`, `after`, `during`.
    #[serde(default = "on")]
    pub relation: String,
}

fn on() -> String {
    "on".into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_record_shape() {
        let r = Record::Error(ErrorRecord::new("x.txt", "empty text"));
        let v: serde_json::Value = serde_json::to_value(&r).unwrap();
        assert_eq!(v["status"], "error");
        assert_eq!(v["contract"], 1);
        assert_eq!(v["id"], "x.txt");
        assert_eq!(v["error"], "empty text");
    }

    #[test]
    fn ok_record_has_every_contract_field() {
        let r = OkRecord { contract: 1, status: "ok".into(), ..Default::default() };
        let v = serde_json::to_value(&r).unwrap();
        for key in CONTRACT_FIELDS {
            assert!(v.get(key).is_some(), "missing {key}");
        }
    }

    #[test]
    fn jspan_uses_char_offsets() {
        let t = Text::new("«Oui» dit-il".to_string());
        let b = t.find("dit").unwrap();
        let j = t.jspan(Span::new(b, b + 3));
        assert_eq!((j.start, j.end, j.text.as_str()), (6, 9, "dit"));
    }
}
