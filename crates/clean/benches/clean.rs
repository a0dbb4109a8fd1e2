//! Cleaning throughput on committed articles: `testdata/articles/*.txt` at the workspace
//! root when that folder has files, else this crate's test fixtures.

use std::path::Path;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use dossier_clean::Cleaner;

fn load(dir: &Path) -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
}

fn bench(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs = load(&root.join("../../testdata/articles"));
    let mut name = "testdata/articles";
    if docs.is_empty() {
        docs = load(&root.join("tests/fixtures"));
        name = "clean fixtures";
    }
    assert!(!docs.is_empty(), "no articles to benchmark");
    let bytes: usize = docs.iter().map(String::len).sum();
    let cleaner = Cleaner::new();
    let mut g = c.benchmark_group("clean");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(format!("{name} ({} docs, {bytes} bytes)", docs.len()), |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                let out = cleaner.clean(black_box(d));
                // the output must stay sane inside the loop
                assert!(out.body.iter().all(|s| s.end <= d.len()));
                n += out.body.len();
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
