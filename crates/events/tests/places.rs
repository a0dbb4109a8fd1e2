//! A happening's place: the name the text gives a facility says more than a description of it
//! told in another mention ("at the main mosque" … "the Al-Noor Mosque"). Our own sentences.

use dossier_events::{prepare::prepare, EventExtractor, EventType};

/// The place of the first event of type `ty` in `text`.
fn place(text: &str, ty: EventType) -> Option<String> {
    let p = prepare(text, chrono::NaiveDate::from_ymd_opt(2025, 6, 14));
    let ents = p.entity_refs();
    let events = EventExtractor::global().extract(&p.input(text, &ents));
    events.iter().find(|e| e.kind == ty).and_then(|e| e.location).map(|l| l.span.of(text).to_owned())
}

#[test]
fn a_named_facility_beats_a_description_of_it() {
    let text = "Gunmen killed six worshippers in an attack at the main mosque in Tarsa on Friday. \
                The attack on the Al-Noor Mosque began during evening prayers, police said.";
    assert_eq!(place(text, EventType::Attack).as_deref(), Some("Al-Noor Mosque"));
}

#[test]
fn a_description_stays_when_no_name_is_given() {
    let text = "Gunmen killed six worshippers in an attack at the main mosque in Tarsa on Friday. \
                The attack began during evening prayers, police said.";
    assert_eq!(place(text, EventType::Attack).as_deref(), Some("main mosque"));
}
