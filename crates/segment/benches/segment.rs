//! Throughput of `Segmenter::segment` on the shared articles (testdata/articles), in bytes/s.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier_segment::Segmenter;

fn corpus() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/articles");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("testdata/articles exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files.iter().map(|p| std::fs::read_to_string(p).expect("readable article")).collect()
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    assert!(docs.len() >= 10, "expected the ten shared articles");
    let bytes: usize = docs.iter().map(String::len).sum();
    let seg = Segmenter::new();
    // The sentence count of the corpus, taken once, must hold inside the loop.
    let expected: usize = docs.iter().map(|d| seg.segment(d).sentences.len()).sum();
    assert!(expected > 200);

    let mut g = c.benchmark_group("segment");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("articles", |b| {
        b.iter(|| {
            let mut sentences = 0;
            for d in &docs {
                let s = seg.segment(std::hint::black_box(d));
                assert!(!s.tokens.is_empty() && !s.quotes.is_empty());
                sentences += s.sentences.len();
            }
            assert_eq!(sentences, expected);
        })
    });
    // One long document: the ten articles joined, to show cost does not grow with length.
    let long = docs.join("\n\n");
    g.throughput(Throughput::Bytes(long.len() as u64));
    g.bench_function("joined", |b| {
        b.iter(|| {
            let s = seg.segment(std::hint::black_box(&long));
            assert_eq!(s.sentences.len(), expected);
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
