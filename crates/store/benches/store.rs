//! Ingest throughput through the library path `dossier ingest` uses: records analyzed by the
//! pipeline in parallel (rayon), prepared (hashes, MinHash), then written by batched
//! `Store::put` into a SQLite file in a temporary directory. The ~3 KB articles come from the
//! seeded generator of `benches/synth` (the team's own text, recombined and edited, with
//! near-duplicate copies).
//!
//! Run: `cargo bench -p dossier-store --bench store` (criterion reports elements/s = docs/s).

#[path = "synth/mod.rs"]
mod synth;

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier_ingest::{Content, InputRecord, RawDoc};
use dossier_pipeline::{Pipeline, PipelineOptions};
use dossier_store::{Prepared, SqliteStore, Store};
use rayon::prelude::*;

const DOCS: usize = 256;
const BATCH: usize = 64;

fn inputs(n: usize) -> Vec<InputRecord> {
    let mut g = synth::Synth::new(42, 0.2);
    (0..n)
        .map(|_| {
            let d = g.next_doc();
            let mut raw = RawDoc::text(d.id, d.text);
            raw.title = Some(d.title);
            raw.outlet = Some(d.outlet);
            raw.published = chrono::NaiveDate::parse_from_str(&d.published, "%Y-%m-%d").ok();
            Ok(raw)
        })
        .collect()
}

fn ingest(c: &mut Criterion) {
    let pipeline = Pipeline::new(PipelineOptions::default()).expect("pipeline");
    let docs = inputs(DOCS);
    let bytes: usize = docs
        .iter()
        .map(|d| match d {
            Ok(RawDoc { content: Content::Text(t), .. }) => t.len(),
            _ => 0,
        })
        .sum();
    eprintln!("store bench: {DOCS} documents, {} bytes of text on average", bytes / DOCS);
    let mut g = c.benchmark_group("ingest");
    g.throughput(Throughput::Elements(DOCS as u64));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(20));
    g.bench_function("pipeline+prepare+sqlite (docs)", |b| {
        b.iter_batched(
            || (docs.clone(), tempfile::tempdir().expect("temp dir")),
            |(docs, dir)| {
                let mut store = SqliteStore::open(&dir.path().join("bench.db")).expect("open store");
                let mut added = 0;
                let mut it = docs.into_iter();
                loop {
                    let batch: Vec<InputRecord> = it.by_ref().take(BATCH).collect();
                    if batch.is_empty() {
                        break;
                    }
                    let prepared: Vec<Prepared> =
                        batch.into_par_iter().map(|r| Prepared::from_record(pipeline.run(r))).collect();
                    let out = store.put(&prepared).expect("put");
                    added += out.added + out.existing;
                }
                store.checkpoint().expect("checkpoint");
                let stats = store.stats().expect("stats");
                assert_eq!(added, DOCS, "every record was stored");
                assert!(stats.documents as usize > DOCS * 3 / 4, "documents stored: {}", stats.documents);
                (store, dir)
            },
            criterion::BatchSize::PerIteration,
        )
    });
    // The writer alone (analysis done ahead): the share of the run that is serial.
    let prepared: Vec<Prepared> =
        inputs(DOCS).into_par_iter().map(|r| Prepared::from_record(pipeline.run(r))).collect();
    g.bench_function("sqlite put only (docs)", |b| {
        b.iter_batched(
            || tempfile::tempdir().expect("temp dir"),
            |dir| {
                let mut store = SqliteStore::open(&dir.path().join("bench.db")).expect("open store");
                let mut stored = 0;
                for batch in prepared.chunks(BATCH) {
                    let out = store.put(batch).expect("put");
                    stored += out.added + out.existing;
                }
                store.checkpoint().expect("checkpoint");
                assert_eq!(stored, DOCS, "every record was stored");
                (store, dir)
            },
            criterion::BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(benches, ingest);
criterion_main!(benches);
