//! Attribution against the stages before it (segmentation + POS + NER) on the committed
//! articles in testdata/articles. The ratio of the two is the speed criterion
//! (attribution should add at most 30% to the stages before it).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier_attribution::{prepare_stages, Attributor};

fn articles() -> Vec<String> {
    let dir = format!("{}/../../testdata/articles", env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("testdata/articles")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).expect("article")).collect()
}

fn bench(c: &mut Criterion) {
    let docs = articles();
    let bytes: usize = docs.iter().map(String::len).sum();
    let a = Attributor::global();
    let prepared: Vec<_> = docs.iter().map(|d| prepare_stages(d)).collect();
    let mut g = c.benchmark_group("attribution");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("stages_before (segment+pos+ner)", |b| {
        b.iter(|| {
            let n: usize = docs.iter().map(|d| prepare_stages(d).0.tokens.len()).sum();
            assert!(n > 0);
        })
    });
    g.bench_function("attribution", |b| {
        b.iter(|| {
            let n: usize = docs
                .iter()
                .zip(&prepared)
                .map(|(d, (seg, pos, ents))| a.extract(d, seg, pos.as_deref(), ents).len())
                .sum();
            assert!(n > 0, "no attributions found in the articles");
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
