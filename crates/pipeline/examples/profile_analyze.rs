//! Runs the `analyze` pipeline over the committed bench corpus (`testdata/articles/` and
//! `testdata/gold/`) a number of times, for profiling under a tool that counts instructions:
//!
//! ```text
//! cargo build --release -p dossier-pipeline --example profile_analyze
//! valgrind --tool=callgrind --toggle-collect='*counted_pass*' \
//!     target/release/examples/profile_analyze 1
//! callgrind_annotate --inclusive=yes callgrind.out.<pid>
//! ```
//!
//! A first, uncounted pass builds the lazily built tables and fills per-thread caches; the
//! argument is the number of counted passes after it.

use std::path::Path;

use dossier_ingest::{Content, RawDoc};
use dossier_pipeline::{Pipeline, PipelineOptions};

fn main() {
    let passes: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata");
    let mut files = Vec::new();
    for dir in ["articles", "gold"] {
        let rd = std::fs::read_dir(root.join(dir)).expect("testdata folder");
        files.extend(
            rd.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "txt")),
        );
    }
    files.sort();
    let docs: Vec<String> =
        files.iter().map(|p| std::fs::read_to_string(p).expect("readable article")).collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let pipeline = Pipeline::new(PipelineOptions::default()).expect("models load");
    // Warm-up: lazily built tables and per-thread caches, not counted.
    pass(&pipeline, &docs);
    let ok = counted_pass(&pipeline, &docs, passes);
    eprintln!("{} docs x {passes} counted passes, {bytes} bytes per pass, {ok} ok", docs.len());
}

/// The counted passes (the function `--toggle-collect` names).
#[inline(never)]
fn counted_pass(pipeline: &Pipeline, docs: &[String], passes: usize) -> usize {
    (0..passes).map(|_| pass(pipeline, docs)).sum()
}

#[inline(never)]
fn pass(pipeline: &Pipeline, docs: &[String]) -> usize {
    let mut ok = 0;
    {
        for d in docs {
            let raw = RawDoc {
                id: "profile".into(),
                content: Content::Text(d.clone()),
                title: None,
                url: None,
                published: chrono::NaiveDate::from_ymd_opt(2025, 6, 1),
                outlet: None,
                warnings: Vec::new(),
            };
            ok += pipeline.run(Ok(raw)).is_ok() as usize;
        }
    }
    ok
}
