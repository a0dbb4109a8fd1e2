//! Throughput of cleaning + segmentation (the text stages every document passes through).
//!
//! Corpus: the team-written articles in `testdata/articles/` (falls back to `examples/`).
//! Run: `cargo bench -p dossier-pipeline --bench clean_segment`.

use std::path::Path;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use dossier_clean::Cleaner;
use dossier_segment::Segmenter;

fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    for dir in ["testdata/articles", "examples"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
            .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|p: &std::path::PathBuf| {
            matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md"))
        });
        files.sort();
        if !files.is_empty() {
            return files.iter().map(|p| std::fs::read_to_string(p).expect("readable article")).collect();
        }
    }
    panic!("no benchmark corpus found");
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(String::len).sum();
    let cleaner = Cleaner::new();
    let segmenter = Segmenter::new();
    let mut g = c.benchmark_group("clean_segment");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(format!("{} docs, {} bytes", docs.len(), bytes), |b| {
        b.iter(|| {
            let mut sentences = 0;
            for d in &docs {
                let cleaned = cleaner.clean(black_box(d));
                let seg = segmenter.segment(black_box(d));
                assert!(!cleaned.body.is_empty());
                sentences += seg.sentences.len();
            }
            assert!(sentences >= docs.len());
            sentences
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
