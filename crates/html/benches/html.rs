//! `cargo bench -p dossier-html --bench html`: pages per second of `extract` on one core.
//!
//! Runs on the synthetic news pages in `benches/pages/` (written by `gen_pages.py`, ~75 KB each, with
//! navigation, scripts, JSON-LD, comments and related links), and — when present — on the readability test
//! pages under `/work/shared/data` (or `$DOSSIER_READABILITY_PAGES`). Output is checked inside the loop.
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier_html::{extract, HtmlOptions};

const PAGES: &[&str] = &[
    include_str!("pages/news-1.html"),
    include_str!("pages/news-2.html"),
    include_str!("pages/news-3.html"),
    include_str!("pages/news-4.html"),
];

fn synthetic(c: &mut Criterion) {
    let opts = HtmlOptions::default();
    let bytes: usize = PAGES.iter().map(|p| p.len()).sum();
    let mut g = c.benchmark_group("synthetic-news");
    g.throughput(Throughput::Elements(PAGES.len() as u64));
    g.bench_function("extract/4 pages", |b| {
        b.iter(|| {
            for page in PAGES {
                let e = extract(page.as_bytes(), None, &opts).expect("extracts");
                assert!(e.text.len() > 3000 && !e.text.contains("Subscribe"), "bad extraction");
                assert!(e.published.is_some());
            }
        })
    });
    g.finish();
    let mut g = c.benchmark_group("synthetic-news-bytes");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("extract/4 pages", |b| {
        b.iter(|| {
            for page in PAGES {
                extract(page.as_bytes(), None, &opts).expect("extracts");
            }
        })
    });
    g.finish();
}

fn readability_pages(c: &mut Criterion) {
    let dir = std::env::var_os("DOSSIER_READABILITY_PAGES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/shared/data/readability-test-pages"));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipping readability pages: {} not found", dir.display());
        return;
    };
    let mut pages: Vec<Vec<u8>> =
        entries.filter_map(|e| std::fs::read(e.ok()?.path().join("source.html")).ok()).collect();
    pages.sort();
    let opts = HtmlOptions::default();
    let mut g = c.benchmark_group("readability-test-pages");
    g.sample_size(10);
    g.throughput(Throughput::Elements(pages.len() as u64));
    g.bench_function(format!("extract/{} pages", pages.len()), |b| {
        b.iter(|| {
            let ok = pages.iter().filter(|p| extract(p, None, &opts).is_ok()).count();
            assert!(ok * 10 > pages.len() * 9);
        })
    });
    g.finish();
}

criterion_group!(benches, synthetic, readability_pages);
criterion_main!(benches);
