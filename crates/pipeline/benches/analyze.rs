//! Throughput of the whole `analyze` pipeline (clean → segment → POS + NER → time →
//! attribution → coreference → events → timeline → contract record), models loaded before
//! timing starts.
//!
//! Corpus: the team-written articles of `testdata/articles/` and `testdata/gold/`.
//! Run: `cargo bench -p dossier-pipeline --bench analyze`. `one core` runs the documents one
//! after another on one thread; `two cores` spreads them over a 2-thread rayon pool.

mod common;

use common::{corpus, raw};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use dossier_pipeline::{Pipeline, PipelineOptions};
use rayon::prelude::*;

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(String::len).sum();
    let pipeline = Pipeline::new(PipelineOptions::default()).expect("models load");
    // Warm the per-thread caches and lazily built tables.
    for d in &docs {
        black_box(pipeline.run(Ok(raw(d))));
    }
    let mut g = c.benchmark_group("analyze");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function(format!("one core, {} docs, {} bytes", docs.len(), bytes), |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                n += black_box(pipeline.run(Ok(raw(d)))).is_ok() as usize;
            }
            n
        })
    });
    let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().expect("pool");
    g.bench_function(format!("two cores, {} docs, {} bytes", docs.len(), bytes), |b| {
        b.iter(|| {
            pool.install(|| {
                docs.par_iter().map(|d| black_box(pipeline.run(Ok(raw(d)))).is_ok() as usize).sum::<usize>()
            })
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
