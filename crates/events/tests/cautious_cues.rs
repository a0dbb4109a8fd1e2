//! The timeline when the cue tagger draws its attributions another way: a cue grown over its
//! time, a content that is only the cue's object, no content at all. The attributions are
//! written here by hand, so these tests pin the events side whatever the shipped model finds.

use chrono::NaiveDate;
use dossier_attribution::{AttributionHit, Evidence, Kind, Stance};
use dossier_doc::Span;
use dossier_events::{prepare::prepare, EventExtractor, EventHit, EventType, TimelineItem};

/// Published on Tuesday 2025-03-11.
fn published() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2025, 3, 11)
}

fn span(text: &str, needle: &str) -> Span {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    Span::new(at, at + needle.len())
}

/// An attribution of `text`: source, cue and content fragments given by their words.
fn attr(text: &str, source: &str, cue: &str, content: &[&str], stance: Stance) -> AttributionHit {
    let source = span(text, source);
    AttributionHit {
        source: Some(source),
        source_resolved: None,
        cue: span(text, cue),
        content: content.iter().map(|c| span(text, c)).collect(),
        kind: Kind::Indirect,
        parent: None,
        chain: vec![source],
        stance,
        evidence: Evidence::Stated,
    }
}

/// The events and the timeline of `text` with the attributions `attrs` in place of the model's.
fn run(text: &str, attrs: Vec<AttributionHit>) -> (Vec<EventHit>, Vec<TimelineItem>) {
    let mut p = prepare(text, published());
    p.attributions = attrs;
    let ents = p.entity_refs();
    let input = p.input(text, &ents);
    let ex = EventExtractor::global();
    let events = ex.extract(&input);
    let timeline = ex.timeline(&input, &events);
    (events, timeline)
}

/// The timeline value of attribution `ai`.
fn attr_date(timeline: &[TimelineItem], ai: usize) -> Option<&str> {
    timeline.iter().find(|t| t.attribution == Some(ai)).map(|t| t.value.as_str())
}

fn event_date(events: &[EventHit], kind: EventType) -> Option<String> {
    let e = events.iter().find(|e| e.kind == kind)?;
    e.time.as_ref().and_then(|t| t.value.clone())
}

#[test]
fn a_cue_grown_over_its_time_is_dated_by_it() {
    let text = "The mayor said on Sunday that the bridge would reopen. She added that the repairs had \
                cost twice the estimate.";
    for cue in ["said", "said on Sunday"] {
        let mut attrs = vec![
            attr(text, "The mayor", cue, &["that the bridge would reopen"], Stance::Asserts),
            attr(text, "She", "added", &["that the repairs had cost twice the estimate"], Stance::Asserts),
        ];
        attrs[1].source_resolved = Some(span(text, "The mayor"));
        let (_, timeline) = run(text, attrs);
        assert_eq!(attr_date(&timeline, 0), Some("2025-03-09"), "{cue:?}: {timeline:?}");
        // The continuation shares its date.
        assert_eq!(attr_date(&timeline, 1), Some("2025-03-09"), "{cue:?}: {timeline:?}");
    }
}

#[test]
fn a_time_in_a_verbless_content_dates_the_cue() {
    // "the same day" in the denial's object: the day of the raid.
    let text = "Gunmen raided a police post in Varna on Saturday. A rival group denied any part in the raid \
                the same day.";
    let attrs =
        vec![attr(text, "A rival group", "denied", &["any part in the raid the same day"], Stance::Denies)];
    let (events, _) = run(text, attrs);
    assert_eq!(event_date(&events, EventType::Denial).as_deref(), Some("2025-03-08"), "{events:?}");

    // A content that is a preposition's object and holds only a participle, whether the
    // preposition opens the content or ends the cue.
    let opens = "A militia claimed responsibility in a message sent to reporters on Monday.";
    let ends = "A separatist militia, the Hill Front (HF), claimed responsibility for the raid in a \
                message posted on Monday. The group said its fighters had struck the post.";
    for (text, source, cue, content) in [
        (opens, "A militia", "claimed responsibility", "in a message sent to reporters on Monday"),
        (
            ends,
            "A separatist militia, the Hill Front (HF)",
            "claimed responsibility for",
            "the raid in a message posted on Monday",
        ),
    ] {
        let attrs = vec![attr(text, source, cue, &[content], Stance::ClaimsResponsibility)];
        let (events, _) = run(text, attrs);
        assert_eq!(
            event_date(&events, EventType::ClaimResponsibility).as_deref(),
            Some("2025-03-10"),
            "{cue:?}: {events:?}"
        );
    }
}

#[test]
fn a_time_in_a_reported_clause_is_the_clause_s_own() {
    // The content has a verb: its Monday is when the talks resume, not when the minister spoke.
    let text = "The minister said that the talks would resume on Monday.";
    let attrs =
        vec![attr(text, "The minister", "said", &["that the talks would resume on Monday"], Stance::Asserts)];
    let (_, timeline) = run(text, attrs);
    assert_eq!(attr_date(&timeline, 0), None, "{timeline:?}");
}

#[test]
fn a_night_of_an_unknown_day_does_not_refine_a_month() {
    // No content: "that night" (a night of January, day unknown) is not finer than "January".
    let text = "The guard denied on the stand in January that he had been at the depot that night, telling \
                the court he was at home.";
    let attrs = vec![attr(text, "The guard", "denied", &[], Stance::Denies)];
    let (events, _) = run(text, attrs);
    let e = events.iter().find(|e| e.kind == EventType::Denial).expect("a denial");
    let t = e.time.as_ref().expect("dated");
    let p = prepare(text, published());
    assert_eq!(t.timex.map(|ti| p.timexes[ti].span.of(text)), Some("January"), "{events:?}");
}

#[test]
fn a_habitual_cue_does_not_take_the_date_of_the_statement_before_it() {
    // The speaker's next statement shares the date of the one before it ...
    let plain = "The governor said on Sunday that the dam was safe. Later the governor claimed that the \
                 levees were sound.";
    // ... but not one made again and again, whether the adverb is in the cue, before or after it.
    let habitual = "The governor said on Sunday that the dam was safe. The governor has repeatedly claimed \
                    that the levees were sound.";
    let after = "The governor said on Sunday that the dam was safe. The governor claims often that the \
                 levees are sound.";
    for (text, cue, dated) in [
        (plain, "claimed", true),
        (habitual, "has repeatedly claimed", false),
        (habitual, "claimed", false),
        (after, "claims", false),
    ] {
        let mut attrs = vec![
            attr(text, "The governor", "said", &["that the dam was safe"], Stance::Asserts),
            attr(text, cue, cue, &["that the levees"], Stance::Asserts),
        ];
        attrs[1].source = None;
        attrs[1].source_resolved = Some(span(text, "The governor"));
        let (_, timeline) = run(text, attrs);
        assert_eq!(attr_date(&timeline, 0), Some("2025-03-09"), "{cue:?}: {timeline:?}");
        let want = if dated { Some("2025-03-09") } else { None };
        assert_eq!(attr_date(&timeline, 1), want, "{text:?} {cue:?}: {timeline:?}");
    }
}

#[test]
fn a_gerund_after_a_determiner_is_a_noun_so_its_content_dates_the_cue() {
    // "that finding" is a noun phrase whatever the tagger makes of "finding": the denial is
    // dated by the Monday of its object, as "rejected the report on Monday" would be.
    let text = "The port authority rejected that finding on Monday, telling reporters that every crane had \
                been inspected.";
    let p = prepare(text, published());
    let at = span(text, "finding");
    let tag = p.seg.tokens.iter().zip(&p.pos).find(|(t, _)| t.span == at).and_then(|(_, g)| *g);
    // The case this test is about: the tagger reads the noun as a gerund.
    assert_eq!(tag.map(|g| g.xpos()), Some("VBG"), "{tag:?}");
    let attrs =
        vec![attr(text, "The port authority", "rejected", &["that finding on Monday"], Stance::Denies)];
    let (events, _) = run(text, attrs);
    assert_eq!(event_date(&events, EventType::Denial).as_deref(), Some("2025-03-10"), "{events:?}");

    // A finite verb after it keeps the content a clause: its Friday is the clause's own.
    let text = "The coach rejected claims that the shoving had started on Friday.";
    let attrs = vec![attr(
        text,
        "The coach",
        "rejected",
        &["that the shoving had started on Friday"],
        Stance::Denies,
    )];
    let (events, _) = run(text, attrs);
    assert_eq!(event_date(&events, EventType::Denial), None, "{events:?}");
}
