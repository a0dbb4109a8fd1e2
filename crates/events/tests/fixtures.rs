//! Fixture articles (`tests/fixtures/*.txt`, written for this crate) with their expected
//! events, counts, places, times and timeline order (`*.expect`), run through the real
//! stages. Each is also run shifted by a prefix: the same events must come out.

use std::path::Path;

use chrono::NaiveDate;
use dossier_doc::Span;
use dossier_events::{prepare::prepare, EventExtractor, EventHit, TimelineItem};

/// The k-th (1-based) occurrence of `text` in the document, as a byte span.
fn find(doc: &str, target: &str) -> Span {
    let (needle, k) = match target.rsplit_once('#') {
        Some((n, k)) if k.parse::<usize>().is_ok() => (n, k.parse::<usize>().unwrap()),
        _ => (target, 1),
    };
    let start =
        doc.match_indices(needle).nth(k - 1).unwrap_or_else(|| panic!("{target:?} not in the fixture")).0;
    Span::new(start, start + needle.len())
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

fn event_at(events: &[EventHit], s: Span) -> Option<usize> {
    events.iter().position(|e| e.mentions.iter().any(|m| overlaps(*m, s)))
}

fn run(text: &str, published: Option<NaiveDate>) -> (Vec<EventHit>, Vec<TimelineItem>) {
    let p = prepare(text, published);
    let ents = p.entity_refs();
    let input = p.input(text, &ents);
    let ex = EventExtractor::global();
    let events = ex.extract(&input);
    let timeline = ex.timeline(&input, &events);
    (events, timeline)
}

fn check(name: &str, text: &str, expect: &str) -> Vec<String> {
    let mut published = None;
    let mut lines = Vec::new();
    for l in expect.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let c: Vec<&str> = l.split('\t').collect();
        if c[0] == "published" {
            published = NaiveDate::parse_from_str(c[1], "%Y-%m-%d").ok();
        } else {
            lines.push(c);
        }
    }
    let (events, timeline) = run(text, published);
    let mut fails = Vec::new();
    let ev = |t: &str| event_at(&events, find(text, t));
    for c in &lines {
        let ok = match c[0] {
            "event" => ev(c[2]).is_some_and(|e| events[e].kind.as_str() == c[1]),
            "same" => ev(c[1]).is_some() && ev(c[1]) == ev(c[2]),
            "distinct" => ev(c[1]).is_some() && ev(c[2]).is_some() && ev(c[1]) != ev(c[2]),
            "none" => ev(c[1]).is_none(),
            "place" => ev(c[1]).and_then(|e| events[e].location).is_some_and(|l| l.span.of(text) == c[2]),
            "time" => ev(c[1])
                .and_then(|e| events[e].time.clone())
                .is_some_and(|t| t.value.as_deref() == Some(c[2]) && t.relation.as_str() == c[3]),
            "count" => ev(c[1]).is_some_and(|e| {
                events[e].counts.iter().any(|k| {
                    k.what == c[2]
                        && k.value.to_string() == c[3]
                        && k.qualifier.as_str() == c[4]
                        && c.get(5).is_none_or(|m| k.max.map(|x| x.to_string()).as_deref() == Some(*m))
                })
            }),
            "order" => {
                let pos = |t: &str| {
                    let e = ev(t)?;
                    timeline.iter().position(|i| i.event == Some(e))
                };
                matches!((pos(c[1]), pos(c[2])), (Some(a), Some(b)) if a < b)
            }
            other => panic!("{name}: unknown expectation {other:?}"),
        };
        if !ok {
            fails.push(format!("{name}: {}", c.join(" | ")));
        }
    }
    // Offsets: every span on char boundaries and the same events after a prefix.
    for e in &events {
        for s in e
            .mentions
            .iter()
            .chain(e.location.iter().map(|l| &l.span))
            .chain(e.counts.iter().map(|c| &c.span))
        {
            assert!(text.get(s.range()).is_some(), "{name}: span {s:?} off boundaries");
        }
    }
    let prefix = "Édition spéciale.\n\n";
    let shifted = format!("{prefix}{text}");
    let (moved, _) = run(&shifted, published);
    let plain: Vec<(String, Vec<&str>)> = events
        .iter()
        .map(|e| (e.kind.to_string(), e.mentions.iter().map(|m| m.of(text)).collect()))
        .collect();
    let after: Vec<(String, Vec<&str>)> = moved
        .iter()
        .map(|e| (e.kind.to_string(), e.mentions.iter().map(|m| m.of(&shifted)).collect()))
        .collect();
    if plain != after {
        fails.push(format!("{name}: events change under a prefix: {plain:?} vs {after:?}"));
    }
    fails
}

#[test]
fn fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 4);
    let mut fails = Vec::new();
    let mut total = 0;
    for p in names {
        let text = std::fs::read_to_string(&p).unwrap();
        let expect = std::fs::read_to_string(p.with_extension("expect")).unwrap();
        total += expect
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("published") && !l.is_empty())
            .count();
        fails.extend(check(&p.file_name().unwrap().to_string_lossy(), &text, &expect));
    }
    assert!(fails.is_empty(), "{} of {total} expectations failed:\n{}", fails.len(), fails.join("\n"));
}
