//! Word classes from a POS tagger ([`XposHint`]) steer the tense cues where the word lists
//! guess wrong: an adjective in "-ed" is no past tense, a past tense the lists lack is one.

use chrono::NaiveDate;
use dossier_doc::Span;
use dossier_time::{TimeTagger, XposHint};

/// The value of the one expression `want` in `text`, with the given words tagged.
fn value(text: &str, tags: &[(&str, &str)], want: &str) -> String {
    let hint = XposHint::new(tags.iter().map(|&(w, tag)| {
        let at = text.find(w).expect("tagged word in text");
        (Span::new(at, at + w.len()), tag)
    }));
    let dct = NaiveDate::from_ymd_opt(2024, 3, 27);
    let hits = TimeTagger::global().extract_with(text, &[], dct, Some(&hint));
    let h = hits.iter().find(|h| h.span.of(text) == want).expect("expression found");
    h.value.clone()
}

#[test]
fn an_adjective_in_ed_is_no_past_tense() {
    let text = "Ministers will meet retired generals on Friday.";
    // the word lists read "retired" as a past tense: the past Friday
    assert_eq!(value(text, &[], "Friday"), "2024-03-22");
    // the tagger says adjective: "will" governs, the coming Friday
    assert_eq!(value(text, &[("retired", "JJ")], "Friday"), "2024-03-29");
    // after a preposition the lists know it for an adjective too (nonfinite_before.txt)
    let text = "Ministers will meet with retired generals on Friday.";
    assert_eq!(value(text, &[], "Friday"), "2024-03-29");
}

#[test]
fn a_past_tense_the_lists_lack() {
    let text = "The rebels dealt the final blow Sunday, and the army will regroup.";
    assert_eq!(value(text, &[], "Sunday"), "2024-03-31");
    assert_eq!(value(text, &[("dealt", "VBD")], "Sunday"), "2024-03-24");
}

#[test]
fn a_schedule_word_used_as_a_noun_looks_nowhere() {
    let text = "After fits and starts Monday the line was fixed.";
    assert_eq!(value(text, &[], "Monday"), "2024-04-01");
    assert_eq!(value(text, &[("starts", "NNS")], "Monday"), "2024-03-25");
}

#[test]
fn shifted_text_keeps_the_hint_aligned() {
    let text = "Ελλάδα. Ministers will meet with retired generals on Friday.";
    assert_eq!(value(text, &[("retired", "JJ")], "Friday"), "2024-03-29");
}
