//! `timeline --about`: the trigram index of the SQLite store answers exactly what the `LIKE`
//! scan answers (substring, ASCII case folded, over the summary, event JSON, attribution JSON
//! and title), and so does the in-memory store.

// This test builds its own corpus; the shared one is unused here.
#[allow(dead_code)]
mod common;

use common::{record, Attr};
use dossier_doc::contract::{Record, TimelineEntry};
use dossier_store::{MemStore, Prepared, SqliteStore, Store};
use proptest::prelude::*;

/// Timeline rows pointing at events and at attributions, with texts that stress the match:
/// accents in both cases, `%`, `_`, `\`, quotes (escaped in the JSON), a name split over
/// two words, digits, and rows sharing a date.
fn corpus() -> Vec<Record> {
    struct D {
        id: &'static str,
        outlet: &'static str,
        date: &'static str,
        text: &'static str,
        attrs: Vec<Attr<'static>>,
        rows: Vec<(&'static str, &'static str)>,
        /// (value, attribution id, summary): rows pointing at an attribution.
        said: Vec<(&'static str, &'static str, &'static str)>,
    }
    let docs = vec![
        D {
            id: "zurich.txt",
            outlet: "Lake Post",
            date: "2024-05-02",
            text: "Zürich tram strike ends\n\nÉMILE Dufour said the ÉCOLE would reopen on Monday after the \
                   tram strike, and that 50% of the routes ran again.",
            attrs: vec![Attr {
                source: "ÉMILE Dufour",
                cue: "said",
                content: "the ÉCOLE would reopen on Monday",
                stance: "asserts",
            }],
            rows: vec![("2024-05-06", "École reopens in Zürich"), ("2024-05-02", "Tram strike ends")],
            said: vec![("2024-05-02", "a1", "Dufour: 50% of routes_back")],
        },
        D {
            id: "harbour.txt",
            outlet: "Harbour Wire",
            date: "2024-05-03",
            text: "Harbour \"quotes\" row\n\nThe harbour master Ines Vale said a C:\\path\\to\\file was \
                   leaked and that the \"night ferry\" would stop on 2024-05-10.",
            attrs: vec![Attr {
                source: "Ines Vale",
                cue: "said",
                content: "the \"night ferry\" would stop",
                stance: "asserts",
            }],
            rows: vec![("2024-05-10", "Night ferry stops"), ("2024-05", "The month of the leak")],
            said: vec![("2024-05-03", "a1", "Vale on the C:\\path leak")],
        },
        D {
            id: "undated-rows.txt",
            outlet: "Bay Courier",
            date: "2024-04-30",
            text: "Budget vote\n\nCouncil members said the budget vote was moved, and ines vale said \
                   nothing about the ferry.",
            attrs: vec![
                Attr {
                    source: "Council members",
                    cue: "said",
                    content: "the budget vote was moved",
                    stance: "asserts",
                },
                Attr {
                    source: "ines vale",
                    cue: "said",
                    content: "nothing about the ferry",
                    stance: "denies",
                },
            ],
            rows: vec![("2024-05-02", "Budget vote moved"), ("PRESENT_REF", "Vote timing unclear")],
            said: vec![
                ("2024-05-02", "a2", "Vale says nothing"),
                ("2024-05-02", "a1", "Same day, another row"),
            ],
        },
        D {
            id: "plain.txt",
            outlet: "Coast Notes",
            date: "2024-05-04",
            text: "Library hours\n\nThe library opens later on Sundays.",
            attrs: vec![],
            rows: vec![("2024-05-05", "library_hours 100%")],
            said: vec![],
        },
    ];
    docs.into_iter()
        .map(|d| {
            let mut r = record(d.id, d.outlet, d.date, d.text, None, &[], &d.attrs, &d.rows);
            if let Record::Ok(ok) = &mut r {
                for (value, aid, summary) in d.said {
                    ok.timeline.push(TimelineEntry {
                        value: value.into(),
                        event: None,
                        attribution: Some(aid.into()),
                        summary: summary.into(),
                        relation: "on".into(),
                    });
                }
            }
            r
        })
        .collect()
}

struct Stores {
    mem: MemStore,
    sq: SqliteStore,
}

fn stores() -> Stores {
    let batch: Vec<Prepared> = corpus().into_iter().map(Prepared::from_record).collect();
    let mut mem = MemStore::new();
    mem.put(&batch).unwrap();
    let mut sq = SqliteStore::open_in_memory().unwrap();
    // Two batches: the index is kept per document.
    sq.put(&batch[..2]).unwrap();
    sq.put(&batch[2..]).unwrap();
    Stores { mem, sq }
}

fn agree(s: &Stores, about: &str) -> usize {
    let indexed = s.sq.timeline(Some(about)).unwrap();
    let scan = s.sq.timeline_scan(Some(about)).unwrap();
    assert_eq!(indexed, scan, "index and LIKE scan differ for {about:?}");
    assert_eq!(s.mem.timeline(Some(about)).unwrap(), scan, "MemStore and SQLite differ for {about:?}");
    scan.len()
}

/// Every substring of up to 8 characters of every text a row is matched on (and its ASCII
/// upper- and lower-case forms), plus strings the escaping must get right.
#[test]
fn the_index_answers_what_the_like_scan_answers() {
    let s = stores();
    let all = s.sq.timeline(None).unwrap();
    assert_eq!(all.len(), 11);
    assert_eq!(s.mem.timeline(None).unwrap(), all);
    let mut texts: Vec<String> = Vec::new();
    for item in &all {
        texts.push(item.summary.clone());
        if let Some(e) = &item.event {
            texts.push(e.to_string());
        }
        if let Some(a) = &item.attribution {
            texts.push(a.to_string());
        }
    }
    for d in corpus() {
        if let Record::Ok(r) = d {
            texts.extend(r.title);
        }
    }
    let mut abouts = std::collections::BTreeSet::new();
    for t in &texts {
        let chars: Vec<char> = t.chars().collect();
        for i in 0..chars.len() {
            for n in 1..=8.min(chars.len() - i) {
                let sub: String = chars[i..i + n].iter().collect();
                abouts.insert(sub.to_ascii_uppercase());
                abouts.insert(sub.to_ascii_lowercase());
                abouts.insert(sub);
            }
        }
    }
    for extra in [
        "",
        "%",
        "_",
        "\\",
        "%%",
        "50%",
        "s_b",
        "C:\\path",
        "\"night",
        "\\\"night",
        "zürich",
        "ZÜRICH",
        "Zürich",
        "école",
        "ÉCOLE",
        "École",
        "émile",
        "e\u{301}cole",
        "vale\0",
        "ines\0vale",
        "\0",
        "x\0",
        "nowhere at all",
        "\"\"",
        "a\"b",
        "*",
        "NEAR(",
        "ines vale",
        "INES VALE",
        "type\":\"",
        "PRESENT",
    ] {
        abouts.insert(extra.to_string());
    }
    let mut matched = 0;
    for about in &abouts {
        if agree(&s, about) > 0 {
            matched += 1;
        }
    }
    // The check is not vacuous: most of these strings select rows, some select none.
    assert!(matched * 10 > abouts.len() * 8, "{matched} of {}", abouts.len());
    assert!(matched < abouts.len());
    // Case: ASCII letters fold, others do not (as SQLite's LIKE).
    assert_eq!(s.sq.timeline(Some("zürich")).unwrap().len(), 3, "the rows of the document titled Zürich");
    assert_eq!(s.sq.timeline(Some("ZÜRICH")).unwrap().len(), 0);
    assert_eq!(s.sq.timeline(Some("ÉCOLE")).unwrap().len(), 2);
    assert_eq!(s.sq.timeline(Some("école")).unwrap().len(), 0);
    // `%` and `_` are literal.
    assert_eq!(s.sq.timeline(Some("routes_back")).unwrap().len(), 1);
    assert_eq!(s.sq.timeline(Some("routes-back")).unwrap().len(), 0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Arbitrary strings over the corpus' characters (and a few others): the index, the scan
    /// and the in-memory store agree, and nothing panics.
    #[test]
    fn any_about_agrees(about in "[a-zA-Z éÉüÜ%_\\\\\"':0-9\\-]{0,7}|\\PC{0,6}") {
        STORES.with(|s| agree(s, &about));
    }
}

thread_local! {
    static STORES: Stores = stores();
}

/// The index is part of the store: a reopened file and a store filled in many batches answer
/// the same.
#[test]
fn the_index_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let batch: Vec<Prepared> = corpus().into_iter().map(Prepared::from_record).collect();
    {
        let mut s = SqliteStore::open(&path).unwrap();
        for p in &batch {
            s.put(std::slice::from_ref(p)).unwrap();
        }
        // Idempotent: the same documents again index nothing twice.
        s.put(&batch).unwrap();
    }
    let s = SqliteStore::open_existing(&path).unwrap();
    let fresh = stores();
    for about in ["vale", "ÉCOLE", "2024", "Monday", "ferry", "\"", "trigram-less", "ab"] {
        assert_eq!(s.timeline(Some(about)).unwrap(), fresh.sq.timeline(Some(about)).unwrap(), "{about}");
        assert_eq!(s.timeline(Some(about)).unwrap(), s.timeline_scan(Some(about)).unwrap(), "{about}");
    }
}
