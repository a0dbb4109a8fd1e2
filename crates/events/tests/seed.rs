//! The seed article of issue 6 (read from /work/shared when present; never copied here).

use chrono::NaiveDate;
use dossier_events::{prepare::prepare, EventExtractor, EventType, Qualifier, Relation};

#[test]
fn seed_article_attack_and_timeline() {
    let Ok(text) = std::fs::read_to_string("/work/shared/seed/article.txt") else {
        eprintln!("seed article absent: skipped");
        return;
    };
    let p = prepare(&text, NaiveDate::from_ymd_opt(2024, 3, 27));
    let ents = p.entity_refs();
    let input = p.input(&text, &ents);
    let ex = EventExtractor::global();
    let events = ex.extract(&input);
    let attacks: Vec<usize> = (0..events.len()).filter(|&i| events[i].kind == EventType::Attack).collect();
    assert_eq!(attacks.len(), 1, "one attack event");
    let attack = &events[attacks[0]];
    assert_eq!(attack.location.map(|l| l.span.of(&text)), Some("Crocus City Hall"));
    let t = attack.time.as_ref().expect("the attack is dated");
    assert_eq!((t.value.as_deref(), t.relation), (Some("2024-03-22"), Relation::On));
    assert!(attack
        .counts
        .iter()
        .any(|c| c.what == "killed" && c.value == 143 && c.qualifier == Qualifier::AtLeast));

    let tl = ex.timeline(&input, &events);
    let at = |f: &dyn Fn(&dossier_events::TimelineItem) -> bool| tl.iter().position(f);
    let kind = |i: &dossier_events::TimelineItem| i.event.map(|e| events[e].kind);
    let cue = |i: &dossier_events::TimelineItem| i.attribution.map(|a| p.attributions[a].cue.of(&text));
    let embassy =
        at(&|i| i.value == "2024-03" && kind(i) == Some(EventType::Warning)).expect("the embassy warning");
    let council = at(&|i| {
        i.value == "2024-03-22" && i.relation == Relation::Before && kind(i) == Some(EventType::Warning)
    })
    .expect("the Security Council warning");
    // Putin's dismissal: the "dismissed" cue, or the "saying" that goes with it, as the
    // attribution stage has it.
    let source = |i: &dossier_events::TimelineItem| {
        i.attribution.and_then(|a| p.attributions[a].source).map(|s| s.of(&text))
    };
    let dismissal = at(&|i| {
        i.value == "2024-03-22"
            && i.relation == Relation::Before
            && (cue(i).is_some_and(|c| c.contains("dismissed"))
                || source(i).is_some_and(|s| s.contains("Putin")))
    })
    .unwrap_or_else(|| {
        let cues: Vec<_> = p.attributions.iter().map(|a| (a.cue.of(&text), a.stance.as_str())).collect();
        panic!("Putin's dismissal missing: {tl:#?}\nattributions: {cues:?}")
    });
    let attack_item = at(&|i| i.event == Some(attacks[0])).expect("the attack");
    assert_eq!((tl[attack_item].value.as_str(), tl[attack_item].relation), ("2024-03-22", Relation::On));
    let report = at(&|i| i.value == "2024-03-24" && kind(i) == Some(EventType::Report)).expect("the report");
    assert!(embassy < council && embassy < dismissal, "{tl:#?}");
    assert!(council < attack_item && dismissal < attack_item, "{tl:#?}");
    assert!(attack_item < report, "{tl:#?}");
}
