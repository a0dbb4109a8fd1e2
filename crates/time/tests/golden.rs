//! Table-driven golden cases (`golden.tsv`): sentence × publication date → expected text,
//! TIMEX3 type and value; `NONE` rows must not fire. Every case also runs shifted behind a
//! non-ASCII prefix, to catch code that assumes absolute positions.

use chrono::NaiveDate;
use dossier_doc::Span;
use dossier_time::{TimeTagger, TimexHit};

struct Row {
    line: usize,
    dct: Option<NaiveDate>,
    sentence: String,
    text: String,
    kind: String,
    value: String,
}

fn rows() -> Vec<Row> {
    include_str!("golden.tsv")
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 5, "golden.tsv:{}: five columns", i + 1);
            Row {
                line: i + 1,
                dct: (c[0] != "-").then(|| NaiveDate::parse_from_str(c[0], "%Y-%m-%d").unwrap()),
                sentence: c[1].into(),
                text: c[2].into(),
                kind: c[3].into(),
                value: c[4].into(),
            }
        })
        .collect()
}

fn run(text: &str, dct: Option<NaiveDate>) -> Vec<TimexHit> {
    TimeTagger::global().extract(text, &[Span::new(0, text.len())], dct)
}

fn check(row: &Row, prefix: &str) -> Result<(), String> {
    let text = format!("{prefix}{}", row.sentence);
    let hits = run(&text, row.dct);
    let show = |hs: &[TimexHit]| {
        hs.iter()
            .map(|h| format!("{:?}={} {}", h.span.of(&text), h.kind, h.value))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for h in &hits {
        if !text.is_char_boundary(h.span.start)
            || !text.is_char_boundary(h.span.end)
            || h.span.start < prefix.len()
        {
            return Err(format!("bad span {:?}", h.span));
        }
    }
    if row.kind == "NONE" {
        if row.text == "-" {
            return if hits.is_empty() { Ok(()) } else { Err(format!("fired: {}", show(&hits))) };
        }
        let at = text[prefix.len()..].find(&row.text).ok_or("expected text not in sentence")? + prefix.len();
        let s = Span::new(at, at + row.text.len());
        return match hits.iter().find(|h| h.span.overlaps(&s)) {
            Some(_) => Err(format!("must not fire on {:?}: {}", row.text, show(&hits))),
            None => Ok(()),
        };
    }
    match hits.iter().find(|h| h.span.of(&text) == row.text) {
        Some(h) if h.kind.as_str() == row.kind && h.value == row.value => Ok(()),
        _ => Err(format!("want {:?}={} {}; got {}", row.text, row.kind, row.value, show(&hits))),
    }
}

#[test]
fn golden_table() {
    let rows = rows();
    assert!(rows.len() >= 300, "the table has {} rows", rows.len());
    let mut failures = Vec::new();
    for row in &rows {
        for prefix in ["", "Übersicht — «note». "] {
            if let Err(e) = check(row, prefix) {
                failures.push(format!(
                    "golden.tsv:{} [{}] {:?} (prefix {}): {e}",
                    row.line,
                    row.dct.map(|d| d.to_string()).unwrap_or("-".into()),
                    row.sentence,
                    prefix.len()
                ));
                break;
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} rows fail:\n{}", failures.len(), rows.len(), failures.join("\n"));
}
