//! Property tests: the cleaner never panics, every span lies on char boundaries inside the
//! text, body and boilerplate never overlap, and a blank prefix shifts every span.

use dossier_clean::{Cleaned, Cleaner};
use proptest::prelude::*;

fn check(text: &str, c: &Cleaned) {
    let ok = |s: dossier_doc::Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for s in c.body.iter().chain(c.title.iter()).chain(c.dateline.iter()) {
        assert!(ok(*s), "{s:?}");
    }
    for b in &c.boilerplate {
        assert!(ok(b.span) && !b.span.is_empty());
        for s in &c.body {
            assert!(!s.overlaps(&b.span), "body {s:?} overlaps {b:?}");
        }
    }
    for w in c.boilerplate.windows(2) {
        assert!(w[0].span.end <= w[1].span.start);
    }
    for w in c.body.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
    for o in &c.origin {
        assert!(ok(o.evidence) && !o.outlet.is_empty());
    }
}

/// Lines made of pieces that trip the rules: credit words, names, dashes, quotes, breadcrumbs.
fn liney() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("By ".to_string()),
        Just("Source: ".to_string()),
        Just("SOURCE ".to_string()),
        Just("— ".to_string()),
        Just("- Reuters".to_string()),
        Just("(AP) — ".to_string()),
        Just("LONDON ".to_string()),
        Just("Jane Doe".to_string()),
        Just(" is a freelance journalist".to_string()),
        Just("I am a journalist, I bring".to_string()),
        Just("’s request for comment from ".to_string()),
        Just("CNN".to_string()),
        Just(" > ".to_string()),
        Just("© 2024 ".to_string()),
        Just("Share this article".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(". ".to_string()),
        Just("“".to_string()),
        Just("# ".to_string()),
        "[a-zA-Zé ]{0,12}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn never_panics_on_arbitrary_strings(text in "\\PC*") {
        let c = Cleaner::new().clean(&text);
        check(&text, &c);
    }

    #[test]
    fn never_panics_on_rule_like_text(text in liney()) {
        let c = Cleaner::new().clean(&text);
        check(&text, &c);
    }

    #[test]
    fn blank_prefix_shifts_spans(text in liney()) {
        let cleaner = Cleaner::new();
        let prefix = "\n  \n";
        let shifted = format!("{prefix}{text}");
        let a = cleaner.clean(&text);
        let b = cleaner.clean(&shifted);
        let by = prefix.len();
        prop_assert_eq!(a.title.map(|s| s.shift(by)), b.title);
        prop_assert_eq!(a.dateline.map(|s| s.shift(by)), b.dateline);
        let bp: Vec<_> = a.boilerplate.iter().map(|x| (x.kind, x.span.shift(by))).collect();
        let bq: Vec<_> = b.boilerplate.iter().map(|x| (x.kind, x.span)).collect();
        prop_assert_eq!(bp, bq);
        let op: Vec<_> = a.origin.iter().map(|o| (o.outlet.clone(), o.kind, o.evidence.shift(by))).collect();
        let oq: Vec<_> = b.origin.iter().map(|o| (o.outlet.clone(), o.kind, o.evidence)).collect();
        prop_assert_eq!(op, oq);
        prop_assert_eq!(a.body.iter().map(|s| s.shift(by)).collect::<Vec<_>>(), b.body);
    }
}
