//! Events and timeline time per MB of committed, team-written news text
//! (testdata/articles), the earlier stages run once outside the timed loop.
//! `cargo bench -p dossier-events --bench events`

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier_events::{prepare::prepare, EventExtractor};

mod common;
use common::ARTICLES;

fn bench(c: &mut Criterion) {
    let published = NaiveDate::from_ymd_opt(2025, 6, 14);
    let docs: Vec<_> = ARTICLES.iter().map(|t| (*t, prepare(t, published))).collect();
    let refs: Vec<_> = docs.iter().map(|(_, p)| p.entity_refs()).collect();
    let bytes: usize = ARTICLES.iter().map(|t| t.len()).sum();
    let ex = EventExtractor::global();
    let mut g = c.benchmark_group("events");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("extract+timeline/articles", |b| {
        b.iter(|| {
            let mut n = 0;
            for ((text, p), ents) in docs.iter().zip(&refs) {
                let input = p.input(text, ents);
                let events = ex.extract(&input);
                let tl = ex.timeline(&input, &events);
                n += events.len() + tl.len();
            }
            // The articles hold events: an extractor that finds none is broken.
            assert!(n > 10, "only {n} events and timeline items");
            n
        })
    });
    // One long document (the articles 35 times, about 1 MB): the rules stay linear.
    let big: String = (0..35).flat_map(|_| ARTICLES.iter().map(|t| format!("{t}\n\n"))).collect();
    let p = prepare(&big, published);
    let ents = p.entity_refs();
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.sample_size(10);
    g.bench_function("extract+timeline/one-1MB-document", |b| {
        b.iter(|| {
            let input = p.input(&big, &ents);
            let events = ex.extract(&input);
            let tl = ex.timeline(&input, &events);
            assert!(events.len() > 100);
            events.len() + tl.len()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
