//! Cleaning + segmentation over the team's articles, N times, for CPU-time measurements on a
//! busy machine (`perf stat -e task-clock`, or `valgrind --tool=callgrind` for instruction
//! counts), where wall-clock benchmarks are unreliable. The criterion bench
//! (`benches/clean_segment.rs`) is the figure of record on an idle machine.
//!
//! `cargo run --release -p dossier-pipeline --example pipeline_throughput -- [ROUNDS] [clean|segment|both]`

use std::path::Path;

use dossier_clean::Cleaner;
use dossier_segment::Segmenter;

fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(500);
    let what = args.next().unwrap_or_else(|| "both".into());
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/articles");
    let mut docs: Vec<String> = std::fs::read_dir(&root)
        .expect("testdata/articles")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| std::fs::read_to_string(p).expect("article"))
        .collect();
    docs.sort();
    let (cleaner, segmenter) = (Cleaner::new(), Segmenter::new());
    let bytes: usize = docs.iter().map(String::len).sum::<usize>() * rounds;
    let mut checksum = 0usize;
    for _ in 0..rounds {
        for d in &docs {
            if what != "segment" {
                checksum += cleaner.clean(d).body.len();
            }
            if what != "clean" {
                checksum += segmenter.segment(d).sentences.len();
            }
        }
    }
    println!("{what}: {bytes} bytes processed (checksum {checksum})");
}
