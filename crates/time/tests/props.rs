//! Never panics; spans lie on char boundaries, in order, without overlap; text shifted
//! behind a prefix gives the same hits shifted.

use chrono::NaiveDate;
use dossier_doc::Span;
use dossier_time::{dateline_date, TimeTagger};
use proptest::prelude::*;

fn newsy() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "last", "Friday", "March", "May", "22", ",", "2024", "the", "third", "quarter", "-", "year", "ago",
        "3", "/", "10:30", "a.m.", "EDT", "every", "Monday", "'90s", "1990s", "more", "than", "a", "decade",
        "4+", "years", "days", "before", "attack", ".", "mid", "next", "week", "é", "—", "«", "of", "fiscal",
        "noon", "night", "Sept", "o'clock", "twenty", "four", "hours", "half", "an", "hour", "Q3", "H1",
    ]);
    prop::collection::vec(words, 0..40).prop_map(|w| w.join(" "))
}

fn check(text: &str, dct: Option<NaiveDate>) {
    let hits = TimeTagger::global().extract(text, &[Span::new(0, text.len())], dct);
    let mut end = 0;
    for h in &hits {
        assert!(h.span.start < h.span.end && h.span.start >= end, "{hits:?}");
        assert!(text.is_char_boundary(h.span.start) && text.is_char_boundary(h.span.end));
        assert!(!h.value.is_empty());
        if let Some(a) = h.anchor {
            assert!(text.is_char_boundary(a.start) && text.is_char_boundary(a.end) && a.end <= text.len());
        }
        end = h.span.end;
    }
    let prefix = "Zoë — ";
    let shifted = format!("{prefix}{text}");
    let sh = TimeTagger::global().extract(&shifted, &[Span::new(0, shifted.len())], dct);
    let moved: Vec<_> = hits.iter().map(|h| (h.span.shift(prefix.len()), h.value.clone())).collect();
    let got: Vec<_> = sh.iter().map(|h| (h.span, h.value.clone())).collect();
    assert_eq!(moved, got);
}

proptest! {
    #[test]
    fn never_panics_on_arbitrary_strings(s in "\\PC*", y in 1i32..3000) {
        let dct = NaiveDate::from_ymd_opt(y, 1 + (y as u32 % 12), 1 + (y as u32 % 28));
        let hits = TimeTagger::global().extract(&s, &[Span::new(0, s.len())], dct);
        for h in hits {
            prop_assert!(s.is_char_boundary(h.span.start) && s.is_char_boundary(h.span.end));
        }
        let _ = dateline_date(&s, Span::new(0, s.len()), Some(y));
    }

    #[test]
    fn news_like_text_spans_hold_and_shift(s in newsy(), dated in any::<bool>()) {
        check(&s, dated.then(|| NaiveDate::from_ymd_opt(2024, 3, 27).unwrap()));
    }

    #[test]
    fn datelines_keep_spans_on_char_boundaries(s in newsy(), d in 1u32..28, lag in 0u32..5, place in "[A-ZÉ]{1,8}") {
        // a dateline moves the reference day; it may not break spans
        let text = format!("{place}, March {d} (Wire) — {s}");
        let dct = NaiveDate::from_ymd_opt(2024, 3, d).and_then(|x| x.checked_add_days(chrono::Days::new(lag as u64)));
        let hits = TimeTagger::global().extract(&text, &[Span::new(0, text.len())], dct);
        for h in &hits {
            prop_assert!(text.is_char_boundary(h.span.start) && text.is_char_boundary(h.span.end));
        }
    }

    #[test]
    fn extreme_dates_do_not_panic(s in newsy(), y in prop_oneof![Just(-262_000i32), Just(262_000i32), 0i32..10]) {
        let dct = NaiveDate::from_ymd_opt(y, 12, 31);
        let _ = TimeTagger::global().extract(&s, &[], dct);
    }
}

#[test]
fn sentences_that_do_not_cover_the_text_are_fine() {
    let text = "Talks ended Friday. They resume next week.";
    let hits = TimeTagger::global().extract(text, &[Span::new(0, 5)], NaiveDate::from_ymd_opt(2024, 3, 27));
    assert_eq!(hits.len(), 2);
}

#[test]
fn dateline_gives_a_publication_date() {
    let text = "WASHINGTON, March 3 (Reuters) - Lawmakers met.";
    let dl = Span::new(0, 31);
    assert_eq!(dateline_date(text, dl, Some(2024)), NaiveDate::from_ymd_opt(2024, 3, 3));
    assert_eq!(dateline_date(text, dl, None), None, "no year: no guess");
    let text = "PARIS, 14 July 2023 (AFP) — Crowds gathered.";
    assert_eq!(dateline_date(text, Span::new(0, 26), None), NaiveDate::from_ymd_opt(2023, 7, 14));
}
