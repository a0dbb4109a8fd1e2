//! Events: typed happenings (attacks, disasters, deaths, warnings, statements, reports, …)
//! with their counts, places, times and participants, and the document's timeline.
//!
//! [`EventExtractor::extract`] reads the layers earlier stages produced (tokens and POS tags,
//! entity mentions, time expressions, attributions) and returns [`EventHit`]s:
//!
//! 1. **Triggers** from the lexicon in `data/triggers.tsv` (words and phrases with a POS
//!    constraint: "attack" noun or verb, "opened fire" an attack, "fire" a blaze only as a
//!    noun), plus attributions whose stance makes an event (`data/types.tsv`: a warning, a
//!    denial, a claim of responsibility, an announcement).
//! 2. **Times**: every DATE/TIME expression goes to the nearest trigger or attribution cue of
//!    its sentence in the same quotation / attributed content; an expression anchored on an
//!    event ("days before the attack") goes the same way and takes the anchor event's date.
//! 3. **Event coreference**: later mentions join earlier events by the policy of their type
//!    (attacks and disasters: every mention unless marked distinct; other types: definite
//!    nouns and same-sentence verbs); deaths and injuries next to an attack or disaster join it.
//! 4. **Counts** (`data/numbers.tsv`, `data/qualifiers.tsv`, `data/counts.tsv`) go to the
//!    event their word names, the latest figure winning; **places** prefer facilities and
//!    "at/in/near X" phrases, the most specific over all mentions; **participants** come from
//!    attribution sources and the entities around verbs.
//!
//! [`EventExtractor::timeline`] orders every event with a date and every attribution with a
//! time of its own.

mod extract;
mod lexicon;
pub mod prepare;
mod timeline;

use std::sync::LazyLock;

use chrono::NaiveDate;
use dossier_attribution::AttributionHit;
use dossier_doc::Span;
use dossier_segment::Segmentation;
pub use dossier_tag::EntityLabel;
use dossier_tag::PosTag;
use dossier_time::TimexHit;

/// Errors of this crate: malformed data files (a build defect the tests catch).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EventError {
    #[error("event data file {file}, line {line}: malformed entry")]
    Data { file: &'static str, line: usize },
}

/// The event types of the evaluation (CONTRACT.md, testdata/gold/README.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventType {
    Attack,
    Disaster,
    Death,
    Injury,
    Arrest,
    Warning,
    Statement,
    Report,
    Election,
    ClaimResponsibility,
    Denial,
    Meeting,
    Protest,
}

impl EventType {
    pub const ALL: [EventType; 13] = [
        EventType::Attack,
        EventType::Disaster,
        EventType::Death,
        EventType::Injury,
        EventType::Arrest,
        EventType::Warning,
        EventType::Statement,
        EventType::Report,
        EventType::Election,
        EventType::ClaimResponsibility,
        EventType::Denial,
        EventType::Meeting,
        EventType::Protest,
    ];

    /// The contract spelling: `attack`, `claim_responsibility`, …
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Attack => "attack",
            EventType::Disaster => "disaster",
            EventType::Death => "death",
            EventType::Injury => "injury",
            EventType::Arrest => "arrest",
            EventType::Warning => "warning",
            EventType::Statement => "statement",
            EventType::Report => "report",
            EventType::Election => "election",
            EventType::ClaimResponsibility => "claim_responsibility",
            EventType::Denial => "denial",
            EventType::Meeting => "meeting",
            EventType::Protest => "protest",
        }
    }

    pub fn parse(s: &str) -> Option<EventType> {
        EventType::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// Attacks and disasters: deaths and injuries they cause are part of them.
    pub fn hosts_casualties(self) -> bool {
        matches!(self, EventType::Attack | EventType::Disaster)
    }
}

impl std::fmt::Display for EventType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How an event's time relates to the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Relation {
    On,
    Before,
    After,
    During,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::On => "on",
            Relation::Before => "before",
            Relation::After => "after",
            Relation::During => "during",
        }
    }

    /// Order among items of the same value: before, then on / during, then after.
    pub(crate) fn rank(self) -> u8 {
        match self {
            Relation::Before => 0,
            Relation::On | Relation::During => 1,
            Relation::After => 2,
        }
    }
}

/// A participant's role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Agent,
    Target,
    Victim,
    Recipient,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Agent => "agent",
            Role::Target => "target",
            Role::Victim => "victim",
            Role::Recipient => "recipient",
        }
    }
}

/// A count's qualifier (testdata/gold/README.md conventions).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Qualifier {
    Exact,
    AtLeast,
    AtMost,
    About,
    Range,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::About => "about",
            Qualifier::Range => "range",
        }
    }

    pub fn parse(s: &str) -> Option<Qualifier> {
        [Qualifier::Exact, Qualifier::AtLeast, Qualifier::AtMost, Qualifier::About, Qualifier::Range]
            .into_iter()
            .find(|q| q.as_str() == s)
    }
}

/// One mention of an entity (a name, a description or a pronoun).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntityRef {
    pub span: Span,
    /// Index into the document's entity list.
    pub entity: usize,
    pub label: EntityLabel,
    /// Fine type: `GPE`, `FAC`, `LOC`, `ORG`, `NORP`, `PERSON`, …
    pub kind: Option<&'static str>,
}

/// Everything events are read from. Spans are byte ranges into `text`.
#[derive(Clone, Copy, Debug)]
pub struct EventInput<'a> {
    pub text: &'a str,
    pub seg: &'a Segmentation,
    /// One tag per token of `seg` (`None` where unknown); may be empty.
    pub pos: &'a [Option<PosTag>],
    /// Every mention of every entity, in any order.
    pub entities: &'a [EntityRef],
    pub timexes: &'a [TimexHit],
    pub attributions: &'a [AttributionHit],
    pub published: Option<NaiveDate>,
    /// The story's dateline, if it has one ("BUCHAREST, Nov 6 (Carpathian Wire) –"): a time
    /// in it is when the story was filed and dates no happening.
    pub dateline: Option<Span>,
}

/// One event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventHit {
    pub kind: EventType,
    /// The first mention.
    pub trigger: Span,
    /// Every mention in text order; the first is `trigger`.
    pub mentions: Vec<Span>,
    pub time: Option<EventTime>,
    pub location: Option<Location>,
    pub participants: Vec<Participant>,
    pub counts: Vec<CountHit>,
    /// Index of the attribution the event is (a warning, denial, claim, statement, report).
    pub attribution: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventTime {
    /// Index into the input's timexes.
    pub timex: Option<usize>,
    /// TIMEX3 value (for an event-anchored time, the anchor event's value).
    pub value: Option<String>,
    pub relation: Relation,
    /// Index (into the returned events) of the event an anchored time hangs on.
    pub anchor_event: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    /// Index into the document's entity list.
    pub entity: Option<usize>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Participant {
    pub role: Role,
    pub entity: Option<usize>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountHit {
    /// `killed`, `injured`, `arrested`, `missing`, `evacuated`, `displaced`, `rescued`,
    /// `detained`, `affected`.
    pub what: String,
    pub value: u64,
    pub qualifier: Qualifier,
    /// Upper bound of a range.
    pub max: Option<u64>,
    /// The number phrase with its qualifier ("at least 143"); of a sum, the first group's.
    pub span: Span,
    /// The groups of a count told for several groups joined by "and", each with its own figure
    /// ("at least 32 inmates and two guards were wounded": at least 32 and 2, the count their
    /// sum, at least 34; "a woman and two children": 1 and 2). Empty for one group.
    pub parts: Vec<CountPart>,
}

/// One group of a summed count ([`CountHit::parts`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountPart {
    pub value: u64,
    pub qualifier: Qualifier,
    /// Upper bound of a range.
    pub max: Option<u64>,
    /// The group: its figure and what it counts ("at least 32 inmates", "a woman").
    pub span: Span,
}

impl Qualifier {
    /// The qualifier of a sum of two figures: the weaker one (`exact` is the strongest, a
    /// range the weakest; a sum of two bounds of different kinds is `about`).
    pub fn sum(self, other: Qualifier) -> Qualifier {
        use Qualifier::*;
        match (self, other) {
            (Range, _) | (_, Range) => Range,
            (Exact, q) | (q, Exact) => q,
            (a, b) if a == b => a,
            _ => About,
        }
    }
}

/// One line of the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineItem {
    pub value: String,
    pub relation: Relation,
    /// Index into the events.
    pub event: Option<usize>,
    /// Index into the attributions.
    pub attribution: Option<usize>,
    pub summary: String,
}

/// The extractor: stateless after the shared tables are loaded; `Send + Sync`.
#[derive(Clone, Copy, Debug)]
pub struct EventExtractor {
    _private: (),
}

static GLOBAL: EventExtractor = EventExtractor { _private: () };

impl EventExtractor {
    /// Loads the data files (once per process).
    pub fn global() -> &'static EventExtractor {
        LazyLock::force(&lexicon::LEX);
        &GLOBAL
    }

    /// The events of a document, ordered by their first mention. Never panics; every span
    /// lies on char boundaries of `input.text`.
    pub fn extract(&self, input: &EventInput) -> Vec<EventHit> {
        extract::run(input, &lexicon::LEX)
    }

    /// Every event with a date and every attribution with a time of its own, in date order
    /// (a month before the days in it; `before` a date before `on` it, `after` after).
    pub fn timeline(&self, input: &EventInput, events: &[EventHit]) -> Vec<TimelineItem> {
        timeline::build(input, events, &lexicon::LEX)
    }
}

/// Checks the data files (for tests).
pub fn check_data() -> Result<(), EventError> {
    lexicon::load().map(|_| ())
}
