//! A trigger whose subject or noun phrase a negative determiner opens tells nothing that
//! happened: "No group has claimed responsibility", "nobody was arrested", "there was no
//! immediate claim". "no such warning" still points back at the warning told before. Our own
//! sentences.

use dossier_events::{prepare::prepare, EventExtractor, EventType};

/// (type, trigger text) of every event of `text`.
fn events(text: &str) -> Vec<(EventType, String)> {
    let p = prepare(text, chrono::NaiveDate::from_ymd_opt(2025, 6, 14));
    let ents = p.entity_refs();
    EventExtractor::global()
        .extract(&p.input(text, &ents))
        .iter()
        .map(|e| (e.kind, e.trigger.of(text).to_owned()))
        .collect()
}

fn claims(text: &str) -> usize {
    events(text).iter().filter(|(k, _)| *k == EventType::ClaimResponsibility).count()
}

#[test]
fn a_negative_subject_claims_nothing() {
    assert_eq!(
        claims("A car bomb hit a checkpoint in Sarvo on Friday. No group has claimed responsibility."),
        0
    );
    assert_eq!(
        claims("A car bomb hit a checkpoint in Sarvo on Friday. No armed group has yet claimed it."),
        0
    );
    assert_eq!(
        claims("A car bomb hit a checkpoint in Sarvo on Friday. Nobody has claimed responsibility."),
        0
    );
}

#[test]
fn no_claim_of_responsibility_is_none() {
    assert_eq!(claims("A mortar shell struck the port of Velra on Friday. There was no immediate claim of responsibility."), 0);
}

#[test]
fn a_real_claim_beside_a_denied_one_stays() {
    let text = "A car bomb hit a checkpoint in Sarvo on Friday. No group claimed it at first. \
                On Saturday the Dalen Brigade claimed responsibility in a statement.";
    assert_eq!(claims(text), 1, "{:?}", events(text));
}

#[test]
fn nobody_arrested_is_no_arrest() {
    let e = events("Two shops burned in Ostra on Friday. Nobody was arrested.");
    assert!(!e.iter().any(|(k, _)| *k == EventType::Arrest), "{e:?}");
}

#[test]
fn no_such_warning_points_back() {
    let e = events(
        "The weather office warned on Sunday of heavy rain in the hills. Farmers in Dolva said they had received no such warning.",
    );
    assert!(e.iter().any(|(k, t)| *k == EventType::Warning && t == "warning"), "{e:?}");
}
