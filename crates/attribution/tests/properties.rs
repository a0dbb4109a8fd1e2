//! Attribution never panics and keeps its spans on char boundaries, whatever the text.

use dossier_attribution::{Attributor, EntityLabel, EntityMention};
use dossier_doc::Span;
use dossier_segment::Segmenter;
use proptest::prelude::*;

fn check(text: &str) {
    let seg = Segmenter::new().segment(text);
    let pos = dossier_attribution::pos_tags(text, &seg);
    // A bogus entity list too: mentions that do not line up with tokens.
    let ents = [EntityMention { span: Span::new(0, text.len()), label: EntityLabel::Org }];
    for (p, e) in [(pos.as_deref(), &ents[..]), (None, &[][..])] {
        let hits = Attributor::global().extract(text, &seg, p, e);
        for h in &hits {
            for s in h
                .source
                .iter()
                .chain([&h.cue])
                .chain(&h.content)
                .chain(&h.chain)
                .chain(h.source_resolved.iter())
            {
                assert!(s.start <= s.end && s.end <= text.len());
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
            assert!(h.parent.is_none_or(|p| p < hits.len()));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]
    #[test]
    fn never_panics(s in "\\PC{0,300}") {
        check(&s);
    }

    #[test]
    fn never_panics_on_newsy_text(parts in proptest::collection::vec(prop_oneof![
        Just("“"), Just("”"), Just("\""), Just(", "), Just(" said "), Just("according to "), Just("He "),
        Just("the group "), Just("cited by "), Just("citing "), Just("told "), Just("declined to comment"),
        Just(". "), Just("\n\n"), Just("— "), Just("Anna Berg "), Just("without evidence "), Just("’s "),
        Just("claimed responsibility "), Just("has not responded to … request for comment"), Just("é"),
    ], 0..60)) {
        check(&parts.concat());
    }
}

#[test]
fn empty_and_tiny_inputs() {
    for t in ["", " ", "“", "\"", "said", "according to", "He added.", "— A", "\n\n“\n\n”"] {
        check(t);
    }
}

#[test]
fn data_files_parse() {
    dossier_attribution::check_data().unwrap();
}
