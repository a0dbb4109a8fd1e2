//! POS + NER throughput on committed text, and model load time.
//! Text: `testdata/articles/*.txt` when present, else `crates/tag/benches/sample.txt`.
//! `pos+ner` keeps the per-thread word-type cache warm across iterations (steady state of a
//! long-running process); `pos+ner/cold` clears it before every pass over the articles.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// Documents as sentences of tokens.
fn corpus() -> Vec<Vec<Vec<String>>> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/articles");
    let mut texts = Vec::new();
    if let Ok(rd) = std::fs::read_dir(root) {
        let mut paths: Vec<_> = rd.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if p.extension().is_some_and(|e| e == "txt") {
                texts.push(std::fs::read_to_string(&p).unwrap_or_default());
            }
        }
    }
    if texts.iter().all(|t| t.trim().is_empty()) {
        texts = vec![include_str!("sample.txt").to_string()];
    }
    let mut docs = Vec::new();
    for t in &texts {
        let mut sents = Vec::new();
        for line in t.lines() {
            let mut cur: Vec<String> = Vec::new();
            for tok in dossier_tag::brown::simple_tokens(line) {
                cur.push(tok.to_string());
                if matches!(tok, "." | "?" | "!") {
                    sents.push(std::mem::take(&mut cur));
                }
            }
            if !cur.is_empty() {
                sents.push(cur);
            }
        }
        docs.push(sents);
    }
    docs
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let tokens: usize = docs.iter().flatten().map(Vec::len).sum();
    let docs: Vec<Vec<Vec<&str>>> =
        docs.iter().map(|d| d.iter().map(|s| s.iter().map(String::as_str).collect()).collect()).collect();
    let pos = dossier_tag::Tagger::global().expect("embedded POS model");
    let ner = dossier_tag::Ner::global().expect("embedded NER model");
    let mut g = c.benchmark_group("tag");
    g.throughput(Throughput::Elements(tokens as u64));
    g.bench_function("pos", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                let tags = pos.tag_document(d);
                assert_eq!(tags.len(), d.len());
                n += tags.iter().map(Vec::len).sum::<usize>();
            }
            assert_eq!(n, tokens);
            n
        })
    });
    let run = |cold: bool| {
        if cold {
            dossier_tag::clear_thread_cache();
        }
        let mut n = 0;
        for d in &docs {
            let (tags, spans) = ner.tag_with_pos(pos, d);
            assert_eq!(tags.len(), d.len());
            assert_eq!(spans.len(), d.len());
            n += spans.iter().map(Vec::len).sum::<usize>();
        }
        assert!(n > 0, "no entities found");
        n
    };
    g.bench_function("pos+ner", |b| b.iter(|| run(false)));
    g.bench_function("pos+ner/cold", |b| b.iter(|| run(true)));
    g.finish();
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/pos.bin")).expect("pos.bin");
    c.bench_function("load_pos_model", |b| {
        b.iter(|| dossier_tag::Tagger::from_bytes(&bytes).expect("loads"))
    });
    let nbytes =
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/ner.bin")).expect("ner.bin");
    c.bench_function("load_ner_model", |b| b.iter(|| dossier_tag::Ner::from_bytes(&nbytes).expect("loads")));
}

criterion_group!(benches, bench);
criterion_main!(benches);
