//! Hand-built records shared by the store tests (our own sentences).

use dossier_doc::contract::*;
use dossier_doc::{Span, Text};

pub fn span(text: &str, needle: &str) -> JSpan {
    let t = Text::new(text.to_string());
    let b = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in text"));
    t.jspan(Span::new(b, b + needle.len()))
}

pub struct Attr<'a> {
    pub source: &'a str,
    pub cue: &'a str,
    pub content: &'a str,
    pub stance: &'a str,
}

#[allow(clippy::too_many_arguments)]
pub fn record(
    id: &str,
    outlet: &str,
    date: &str,
    text: &str,
    credit: Option<(&str, &str, &str)>,
    entities: &[(&str, &str, &[&str])],
    attrs: &[Attr<'_>],
    timeline: &[(&str, &str)],
) -> Record {
    let mut r = OkRecord {
        contract: 1,
        id: id.into(),
        status: "ok".into(),
        title: text.lines().next().map(str::to_string),
        outlet: Some(outlet.into()),
        published: Some(date.into()),
        text: text.into(),
        ..Default::default()
    };
    r.body = vec![span(text, text)];
    if let Some((o, kind, ev)) = credit {
        r.origin.push(Origin { outlet: o.into(), kind: kind.into(), evidence: span(text, ev) });
    }
    for (i, (name, label, mentions)) in entities.iter().enumerate() {
        r.entities.push(Entity {
            id: format!("e{}", i + 1),
            name: (*name).into(),
            label: (*label).into(),
            kind: None,
            mentions: mentions.iter().map(|m| span(text, m)).collect(),
            aliases: Vec::new(),
            mention_kinds: Vec::new(),
        });
    }
    for (i, a) in attrs.iter().enumerate() {
        let ent =
            r.entities.iter().find(|e| e.mentions.iter().any(|m| m.text == a.source)).map(|e| e.id.clone());
        r.attributions.push(Attribution {
            id: format!("a{}", i + 1),
            source: Some(SourceSpan { span: span(text, a.source), entity: ent }),
            cue: span(text, a.cue),
            content: vec![span(text, a.content)],
            kind: "indirect".into(),
            parent: None,
            chain: vec![a.source.into()],
            stance: a.stance.into(),
            evidence: "stated".into(),
        });
    }
    for (i, (value, summary)) in timeline.iter().enumerate() {
        r.events.push(Event {
            id: format!("v{}", i + 1),
            kind: "statement".into(),
            trigger: span(text, text.split_whitespace().next().unwrap_or("")),
            time: None,
            location: None,
            participants: vec![],
            counts: vec![],
            mentions: vec![],
            attribution: None,
        });
        r.timeline.push(TimelineEntry {
            value: (*value).into(),
            event: Some(format!("v{}", i + 1)),
            attribution: None,
            summary: (*summary).into(),
            relation: "on".into(),
        });
    }
    Record::Ok(Box::new(r))
}

pub const ORIGINAL: &str = "Ferry fares frozen for a second year\n\nCouncillor Mara Quist said on Monday that ferry fares \
would stay frozen for a second year, because the harbour fund had an unexpected surplus of 4 million after the \
repairs to the northern pier came in under budget. The council will vote on the plan next week, and the ferry \
operator has asked for a new timetable for the winter months. Quist said the surplus would also pay for ramps at \
two landings.";

pub const DENIAL: &str = "Operator disputes fare surplus\n\nThe ferry operator Bluewake denied that fares would \
stay frozen for a second year, saying its costs for fuel and crew had risen sharply since the spring and that \
no agreement with the council had been signed.";

pub const UNRELATED: &str = "Library extends opening hours\n\nThe central library will open until nine on \
weekdays from next month, the head librarian announced, after a survey of students asked for quiet evening \
study space.";

/// The small corpus: an original, a syndicated copy with a credit line and added boilerplate,
/// a truncated copy, a denial from another source, an unrelated document, and a bad record.
pub fn corpus() -> Vec<Record> {
    let quist = Attr {
        source: "Councillor Mara Quist",
        cue: "said",
        content: "ferry fares would stay frozen for a second year",
        stance: "asserts",
    };
    let copy = format!("{ORIGINAL}\n\n(Harbour Wire)\n\nSubscribe to our newsletter for more island news.");
    let truncated: String = ORIGINAL[..ORIGINAL.find(" The council").unwrap()].to_string();
    vec![
        record(
            "orig.txt",
            "Harbour Wire",
            "2024-03-04",
            ORIGINAL,
            None,
            &[("Mara Quist", "PER", &["Councillor Mara Quist", "Quist"])],
            &[quist],
            &[("2024-03-04", "Quist says ferry fares stay frozen")],
        ),
        record(
            "copy.txt",
            "Island Daily",
            "2024-03-05",
            &copy,
            Some(("Harbour Wire", "credit_line", "(Harbour Wire)")),
            &[("Mara Quist", "PER", &["Councillor Mara Quist"])],
            &[Attr {
                source: "Councillor Mara Quist",
                cue: "said",
                content: "ferry fares would stay frozen for a second year",
                stance: "asserts",
            }],
            &[],
        ),
        record(
            "trunc.txt",
            "Coast Notes",
            "2024-03-06",
            &truncated,
            None,
            &[("Quist", "PER", &["Quist"])],
            &[],
            &[],
        ),
        record(
            "deny.txt",
            "Bay Courier",
            "2024-03-07",
            DENIAL,
            None,
            &[("Bluewake", "ORG", &["Bluewake"])],
            &[Attr {
                source: "Bluewake",
                cue: "denied",
                content: "fares would stay frozen for a second year",
                stance: "denies",
            }],
            &[("2024-03-01", "Bluewake denies the fare freeze")],
        ),
        record("lib.txt", "Bay Courier", "2024-02-20", UNRELATED, None, &[], &[], &[]),
        Record::Error(ErrorRecord::new("bad.jsonl:3", "line is not valid JSON")),
    ]
}
