//! Never panics, and every span lies on char boundaries, on arbitrary text and on text made
//! of the words the rules look for.

use chrono::NaiveDate;
use dossier_events::{prepare::prepare, EventExtractor};
use proptest::prelude::*;

fn check(text: &str) {
    let p = prepare(text, NaiveDate::from_ymd_opt(2025, 6, 14));
    let ents = p.entity_refs();
    let input = p.input(text, &ents);
    let ex = EventExtractor::global();
    let events = ex.extract(&input);
    let ok = |s: dossier_doc::Span| text.get(s.range()).is_some();
    for e in &events {
        assert!(ok(e.trigger) && e.mentions.first() == Some(&e.trigger));
        assert!(e.mentions.iter().all(|m| ok(*m)));
        assert!(e.location.is_none_or(|l| ok(l.span)));
        assert!(e.participants.iter().all(|p| ok(p.span)));
        assert!(e.counts.iter().all(|c| ok(c.span)));
        assert!(e.time.as_ref().is_none_or(|t| t.anchor_event.is_none_or(|a| a < events.len())));
        assert!(e.attribution.is_none_or(|a| a < p.attributions.len()));
    }
    let tl = ex.timeline(&input, &events);
    assert!(tl.iter().all(|i| i.event.is_none_or(|e| e < events.len())));
    assert!(tl.windows(2).all(|w| w[0].value <= w[1].value));
}

const WORDS: &[&str] = &[
    "attack",
    "the",
    "killed",
    "at",
    "least",
    "12",
    "twenty-five",
    "a",
    "dozen",
    "dozens",
    "more",
    "than",
    "between",
    "and",
    "to",
    "10-20",
    "fire",
    "blaze",
    "opened",
    "warned",
    "said",
    "on",
    "Monday",
    "days",
    "before",
    "after",
    "Crocus",
    "City",
    "Hall",
    "\u{201c}",
    "\u{201d}",
    "\"",
    ",",
    ".",
    "\n",
    "é",
    "death",
    "toll",
    "rose",
    "people",
    "were",
    "injured",
    "claimed",
    "responsibility",
    "denied",
    "report",
    "released",
    "Sunday",
    "in",
    "near",
    "Moscow",
    "police",
    "arrested",
    "1,200",
    "hundreds",
    "of",
    "election",
    "March",
    "2024",
    "statement",
    "\u{2014}",
    "six",
    "more",
    "no",
    "one",
    "was",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text(text in "\\PC{0,300}") {
        check(&text);
    }

    #[test]
    fn newsy_text(words in proptest::collection::vec(proptest::sample::select(WORDS), 0..80)) {
        let text = words.join(" ");
        check(&text);
    }
}

#[test]
fn empty_and_tiny() {
    for t in ["", " ", "\n\n", "killed", "12", "the attack.", "\u{201c}", "é"] {
        check(t);
    }
}
