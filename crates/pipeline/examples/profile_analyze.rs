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

#[path = "../benches/common/mod.rs"]
mod common;

use dossier_pipeline::{Pipeline, PipelineOptions};

fn main() {
    let passes: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1);
    let docs = common::corpus();
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
    docs.iter().map(|d| pipeline.run(Ok(common::raw(d))).is_ok() as usize).sum()
}
