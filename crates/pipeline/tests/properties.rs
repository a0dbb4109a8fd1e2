//! Properties of the whole pipeline: it never panics, and every span of every layer of the
//! contract record indexes the record's text exactly — also when the text is shifted.

use dossier_doc::contract::{JSpan, OkRecord, Record};
use dossier_ingest::RawDoc;
use dossier_pipeline::{Pipeline, PipelineOptions};
use proptest::prelude::*;

fn all_spans(r: &OkRecord) -> Vec<(&'static str, JSpan)> {
    let mut v: Vec<(&'static str, JSpan)> = Vec::new();
    v.extend(r.body.iter().cloned().map(|s| ("body", s)));
    v.extend(r.sentences.iter().cloned().map(|s| ("sentence", s)));
    v.extend(r.boilerplate.iter().map(|b| ("boilerplate", b.span.clone())));
    v.extend(r.origin.iter().map(|o| ("origin", o.evidence.clone())));
    for q in &r.quotes {
        v.push(("quote", q.span.clone()));
        v.extend(q.inner.iter().cloned().map(|s| ("quote inner", s)));
    }
    for e in &r.entities {
        v.extend(e.mentions.iter().cloned().map(|s| ("mention", s)));
    }
    v.extend(r.timexes.iter().map(|t| ("timex", t.span.clone())));
    for a in &r.attributions {
        v.push(("cue", a.cue.clone()));
        v.extend(a.source.iter().map(|s| ("source", s.span.clone())));
        v.extend(a.content.iter().cloned().map(|s| ("content", s)));
    }
    v.extend(r.events.iter().map(|e| ("trigger", e.trigger.clone())));
    v.extend(r.title_span.iter().cloned().map(|s| ("title", s)));
    v
}

fn check(r: &OkRecord) -> Result<(), TestCaseError> {
    let chars: Vec<char> = r.text.chars().collect();
    for (layer, s) in all_spans(r) {
        prop_assert!(
            s.start <= s.end && s.end <= chars.len(),
            "{layer} {}..{} of {}",
            s.start,
            s.end,
            chars.len()
        );
        let got: String = chars[s.start..s.end].iter().collect();
        prop_assert_eq!(&got, &s.text, "{} span", layer);
    }
    Ok(())
}

static PIPELINE: std::sync::LazyLock<Pipeline> =
    std::sync::LazyLock::new(|| Pipeline::new(PipelineOptions::default()).expect("shipped models load"));

fn analyze(text: &str) -> Record {
    PIPELINE.run(Ok(RawDoc::text("t", text)))
}

/// Text that looks like news: words, capitals, quotes, abbreviations, newlines, non-ASCII.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("The".to_string()),
        Just("said".to_string()),
        Just("U.S.".to_string()),
        Just("Mr.".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("’s".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("Source: Agência".to_string()),
        Just("By Ana Lúcia".to_string()),
        Just("(Reuters) -".to_string()),
        Just("3.5".to_string()),
        Just("…".to_string()),
        "[a-zA-Zé ]{1,12}",
        "\\PC{1,4}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_and_spans_hold_on_arbitrary_text(s in "\\PC{0,200}") {
        if let Record::Ok(r) = analyze(&s) {
            check(&r)?;
        }
    }

    #[test]
    fn spans_hold_on_newsy_text(s in newsy()) {
        if let Record::Ok(r) = analyze(&s) {
            check(&r)?;
        }
    }

    #[test]
    fn shifting_the_text_shifts_the_sentences(s in newsy()) {
        // A first paragraph of plain body text in front must not change the later sentences'
        // texts: code that assumes absolute positions shows up here.
        let prefix = "Officials met on Tuesday.\n\n";
        let (Record::Ok(a), Record::Ok(b)) = (analyze(&s), analyze(&format!("{prefix}{s}"))) else {
            return Ok(());
        };
        let shift = prefix.chars().count();
        let tail: Vec<(usize, &str)> = b.sentences.iter().filter(|x| x.start >= shift).map(|x| (x.start - shift, x.text.as_str())).collect();
        let orig: Vec<(usize, &str)> = a.sentences.iter().map(|x| (x.start, x.text.as_str())).collect();
        prop_assert_eq!(tail, orig);
    }
}

#[test]
fn empty_and_whitespace_documents_do_not_panic() {
    for s in ["", " ", "\n\n\n", "\u{FEFF}", "“", "\"\"\"", "Mr.", "...", "…", "(Reuters) -"] {
        if let Record::Ok(r) = analyze(s) {
            check(&r).unwrap();
        }
    }
}
