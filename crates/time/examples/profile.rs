//! `cargo run --release -p dossier-time --example profile -- ROUNDS`: the time stage over the
//! benchmark articles (`testdata/articles/*.txt`, else `benches/sample.txt`) ROUNDS times,
//! for instruction counts (`perf stat -e instructions:u`, the difference of two round counts).

#[path = "../benches/common/mod.rs"]
mod common;

fn main() {
    let rounds: usize = std::env::args().nth(1).and_then(|r| r.parse().ok()).unwrap_or(1);
    let docs = common::articles();
    let seg = dossier_segment::Segmenter::new();
    let prepared: Vec<_> = docs.iter().map(|d| (d.as_str(), seg.segment(d).sentences)).collect();
    let tagger = dossier_time::TimeTagger::new();
    let dct = chrono::NaiveDate::from_ymd_opt(2024, 3, 27);
    let mut n = 0;
    for _ in 0..rounds {
        for (text, sents) in &prepared {
            n += tagger.extract(text, sents, dct).len();
        }
    }
    println!("{} documents, {rounds} rounds, {n} timexes", prepared.len());
}
