//! POS + NER throughput on committed text, and model load time.
//! Text: `testdata/articles/*.txt` when present, else `crates/tag/benches/sample.txt`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn corpus() -> Vec<Vec<String>> {
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
    let mut sents = Vec::new();
    for t in &texts {
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
    }
    sents
}

fn bench(c: &mut Criterion) {
    let sents = corpus();
    let tokens: usize = sents.iter().map(Vec::len).sum();
    let pos = dossier_tag::Tagger::global().expect("embedded POS model");
    let mut g = c.benchmark_group("tag");
    g.throughput(Throughput::Elements(tokens as u64));
    g.bench_function("pos", |b| {
        b.iter(|| {
            let mut n = 0;
            for s in &sents {
                let words: Vec<&str> = s.iter().map(String::as_str).collect();
                let tags = pos.tag(&words);
                assert_eq!(tags.len(), words.len());
                n += tags.len();
            }
            n
        })
    });
    let ner = dossier_tag::Ner::global().expect("embedded NER model");
    g.bench_function("pos+ner", |b| {
        b.iter(|| {
            let words: Vec<Vec<&str>> =
                sents.iter().map(|s| s.iter().map(String::as_str).collect()).collect();
            let spans = ner.tag_document_with(pos, &words);
            assert_eq!(spans.len(), words.len());
            spans.iter().map(Vec::len).sum::<usize>()
        })
    });
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
