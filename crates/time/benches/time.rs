//! Throughput of the time stage on ~3 KB news articles: `testdata/articles/*.txt` when the
//! workspace has them, else the committed `benches/sample.txt`. Reports documents/s.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier_segment::Segmenter;
use dossier_time::TimeTagger;

mod common;
use common::articles;

fn bench(c: &mut Criterion) {
    let docs = articles();
    let seg = Segmenter::new();
    let prepared: Vec<_> = docs.iter().map(|d| (d.as_str(), seg.segment(d).sentences)).collect();
    let tagger = TimeTagger::new();
    let dct = NaiveDate::from_ymd_opt(2024, 3, 27);
    let mut g = c.benchmark_group("time");
    g.throughput(Throughput::Elements(prepared.len() as u64));
    g.bench_function("extract_documents", |b| {
        b.iter(|| {
            let mut n = 0;
            for (text, sents) in &prepared {
                let hits = tagger.extract(text, sents, dct);
                n += hits.len();
            }
            assert!(n > 0, "the articles have dates");
            n
        })
    });
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("extract_bytes", |b| {
        b.iter(|| prepared.iter().map(|(t, s)| tagger.extract(t, s, dct).len()).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
