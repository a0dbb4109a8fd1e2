//! Tests of the matcher's lead-word prefilter, kept out of `parse.rs`, whose words feed
//! [`Lexicon::read_words`](crate::lexicon::Lexicon::read_words): the sentences here must not.

use super::*;
use crate::lexicon::{DATA_FILES, MATCHER_SOURCES, NOT_MATCHER_SOURCES};

/// Every trigger where [`Matcher::lead_only`] holds in `text`, checking that no
/// pattern would have started there.
fn skipped(text: &str) -> Vec<String> {
    let toks = Tokens::new(text);
    let m = Matcher { t: &toks, text };
    let mut out = Vec::new();
    for i in 0..toks.len() {
        let trig = toks.is_num(i) || LEX.triggers.contains(m.w(i));
        if trig && m.lead_only(i) {
            assert!(m.at(i).is_none(), "{:?} at token {i} of {text:?}", m.at(i));
            out.push(format!("{} {}", m.w(i), m.w(i + 1)));
        }
    }
    out
}

#[test]
fn lead_words_are_skipped_only_before_words_no_pattern_reads() {
    let s = skipped("The council said that rents rose. A bakery gave an update on the harbour.");
    assert_eq!(s, ["the council", "that rents", "a bakery", "an update", "the harbour"]);
    // Before words a pattern reads, a number or punctuation, the patterns are tried.
    for text in [
        "the third quarter",
        "the year-ago period",
        "a week ago",
        "an hour later",
        "that morning",
        "the '90s",
        "the 1990s",
        "the beginning of May",
        "the foreseeable future",
        "the Q3 results",
    ] {
        assert_eq!(skipped(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn lead_prefilter_keeps_every_match_of_the_committed_articles() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata");
    let mut n = 0;
    for dir in ["articles", "gold"] {
        for e in std::fs::read_dir(root.join(dir)).expect("testdata") {
            let p = e.expect("entry").path();
            if p.extension().is_some_and(|x| x == "txt") {
                n += skipped(&std::fs::read_to_string(&p).expect("article")).len();
            }
        }
    }
    eprintln!("lead words skipped in testdata/articles + gold: {n}");
    assert!(n > 100, "only {n} lead words skipped");
}

#[test]
fn read_words_come_from_every_data_file() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .expect("data folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let listed: Vec<&str> = DATA_FILES.iter().map(|f| f.0).collect();
    assert_eq!(files, listed);
    assert!(LEX.read_words.contains("quarter") && !LEX.read_words.contains("council"));
}

#[test]
fn read_words_come_from_every_source_file_but_the_listed_ones() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .expect("src folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut listed: Vec<&str> =
        MATCHER_SOURCES.iter().map(|f| f.0).chain(NOT_MATCHER_SOURCES.iter().copied()).collect();
    listed.sort_unstable();
    assert_eq!(files, listed, "a new file in src/ must go into MATCHER_SOURCES or NOT_MATCHER_SOURCES");
}
