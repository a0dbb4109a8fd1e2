//! The motivating article (read only when present; its text is never copied here).

use chrono::NaiveDate;
use dossier_doc::Span;
use dossier_time::{TimeTagger, TimexType};

#[test]
fn seed_article_dates() {
    let path = "/work/shared/seed/article.txt";
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {path} absent");
        return;
    };
    let sentences = dossier_segment::Segmenter::new().segment(&text).sentences;
    let hits = TimeTagger::global().extract(&text, &sentences, NaiveDate::from_ymd_opt(2024, 3, 27));
    let find = |needle: &str| -> Vec<(String, TimexType, String)> {
        let Some(at) = text.find(needle) else { return vec![] };
        let s = Span::new(at, at + needle.len());
        hits.iter()
            .filter(|h| h.span.overlaps(&s))
            .map(|h| (h.span.of(&text).to_string(), h.kind, h.value.clone()))
            .collect()
    };
    let one = |needle: &str, kind: TimexType, value: &str| {
        let got = find(needle);
        assert!(
            got.iter().any(|(_, k, v)| *k == kind && v == value),
            "{needle:?}: want {kind} {value}, got {got:?}"
        );
    };
    one("last Friday", TimexType::Date, "2024-03-22");
    one("released Sunday", TimexType::Date, "2024-03-24");
    one("Earlier in March", TimexType::Date, "2024-03");
    one("4+ years", TimexType::Duration, "P4Y");
}
