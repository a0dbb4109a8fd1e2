//! Which time dates which event, on the team's own sentences.

use chrono::NaiveDate;
use dossier_events::{prepare::prepare, EventExtractor, EventType};

fn time_of(text: &str, kind: EventType) -> Option<String> {
    let p = prepare(text, NaiveDate::from_ymd_opt(2025, 3, 11));
    let ents = p.entity_refs();
    let input = p.input(text, &ents);
    let events = EventExtractor::global().extract(&input);
    let e = events.iter().find(|e| e.kind == kind)?;
    e.time.as_ref().and_then(|t| t.value.clone())
}

#[test]
fn a_time_right_after_the_trigger_dates_it_over_one_in_an_apposition() {
    let text = "The Harbor Liberation Army, a militia that few had heard of before this month, claimed \
                responsibility on Sunday in a message posted online.";
    assert_eq!(time_of(text, EventType::ClaimResponsibility).as_deref(), Some("2025-03-09"));
}

#[test]
fn a_declined_comment_is_dated_in_the_past() {
    let text =
        "Gunmen attacked a bus depot in Varna on Friday. The transport agency declined to comment on Monday.";
    assert_eq!(time_of(text, EventType::Attack).as_deref(), Some("2025-03-07"));
    let p = prepare(text, NaiveDate::from_ymd_opt(2025, 3, 11));
    assert!(p.timexes.iter().any(|t| t.value == "2025-03-10"), "{:?}", p.timexes);
}
