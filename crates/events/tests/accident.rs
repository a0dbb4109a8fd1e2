//! "accident" is a disaster (a happening the text names so); "by accident", a generic
//! "accidents" and "the Accident Investigation Board" are none; "setting fire to" in a raid is
//! the attack's, no fire of its own. Our own sentences.

use dossier_events::{prepare::prepare, EventExtractor, EventType};

/// (type, trigger text, killed count) of every event of `text`.
fn events(text: &str) -> Vec<(EventType, String, Option<u64>)> {
    let p = prepare(text, chrono::NaiveDate::from_ymd_opt(2025, 6, 14));
    let ents = p.entity_refs();
    EventExtractor::global()
        .extract(&p.input(text, &ents))
        .iter()
        .map(|e| {
            let killed = e.counts.iter().find(|c| c.what == "killed").map(|c| c.value);
            (e.kind, e.trigger.of(text).to_owned(), killed)
        })
        .collect()
}

#[test]
fn an_accident_is_a_disaster_that_hosts_its_casualties() {
    let e = events(
        "A lift cabin fell four floors at a hotel in Varna on Monday. Three guests were killed in the accident, police said.",
    );
    assert!(e.iter().any(|(k, _, killed)| *k == EventType::Disaster && *killed == Some(3)), "{e:?}");
}

#[test]
fn by_accident_generic_accidents_and_a_name_are_no_disaster() {
    let e = events("The guard shot himself by accident while cleaning his rifle on Monday.");
    assert!(!e.iter().any(|(k, _, _)| *k == EventType::Disaster), "{e:?}");
    let e = events("The mountain road has a long record of accidents.");
    assert!(e.is_empty(), "{e:?}");
    let e = events("The Accident Investigation Board said it would publish a report within a month.");
    assert!(!e.iter().any(|(k, _, _)| *k == EventType::Disaster), "{e:?}");
}

#[test]
fn setting_fire_during_a_raid_is_part_of_the_attack() {
    // "setting fire to" is the attack's own act, not a fire of its own: the wounded are the
    // attack's.
    let text = "Gunmen raided a police post in Dalo on Saturday, setting fire to two trucks. \
                At least four officers were wounded.";
    let p = prepare(text, chrono::NaiveDate::from_ymd_opt(2025, 6, 14));
    let ents = p.entity_refs();
    let evs = EventExtractor::global().extract(&p.input(text, &ents));
    assert!(!evs.iter().any(|e| e.kind == EventType::Disaster), "{evs:?}");
    assert!(
        evs.iter()
            .any(|e| e.kind == EventType::Attack
                && e.counts.iter().any(|c| c.what == "injured" && c.value == 4)),
        "{evs:?}"
    );
}

#[test]
fn a_structure_that_gave_way_is_a_disaster_and_walking_off_the_job_a_protest() {
    let e = events("A footbridge gave way under a crowd in Kandy on Sunday, police said.");
    assert!(e.iter().any(|(k, t, _)| *k == EventType::Disaster && t == "gave way"), "{e:?}");
    let e = events("Old rules gave way to new ones at the port authority in March.");
    assert!(!e.iter().any(|(k, _, _)| *k == EventType::Disaster), "{e:?}");
    let e = events("Some 900 dockers walked off the job on Monday over unpaid wages.");
    assert!(e.iter().any(|(k, _, _)| *k == EventType::Protest), "{e:?}");
}
