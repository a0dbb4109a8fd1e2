//! XPOS error buckets of a POS model on a CoNLL-U file (a development aid):
//! `cargo run --release -p dossier-tag --example confusion -- FILE.conllu [MODEL.bin]`.
//! Prints the most frequent (gold → predicted) pairs and, for NNP/NNPS ↔ NN/NNS errors,
//! how many are sentence-initial, capitalised, or seen lowercased in the same document.

use std::collections::{HashMap, HashSet};
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let Some(file) = args.get(1) else {
        eprintln!("usage: confusion FILE.conllu [MODEL.bin]");
        std::process::exit(2);
    };
    let loaded;
    let model = match args.get(2) {
        Some(p) => {
            loaded = dossier_tag::PosModel::load(Path::new(p))?;
            &loaded
        }
        None => dossier_tag::PosModel::global()?,
    };
    let sents = dossier_corpora::conllu::read(Path::new(file))?;
    let mut pairs: HashMap<(String, String), usize> = HashMap::new();
    let mut words: HashMap<(String, String, String), usize> = HashMap::new();
    let (mut errors, mut tokens) = (0usize, 0usize);
    let mut proper = [0usize; 6];
    // Lowercase forms seen per document.
    let mut doc_lower: Vec<HashSet<String>> = Vec::new();
    let mut doc_of = Vec::new();
    for s in &sents {
        if s.newdoc.is_some() || doc_lower.is_empty() {
            doc_lower.push(HashSet::new());
        }
        let d = doc_lower.len() - 1;
        doc_of.push(d);
        for w in &s.words {
            if w.form.chars().next().is_some_and(char::is_lowercase) {
                doc_lower[d].insert(w.form.clone());
            }
        }
    }
    // Tagged a document at a time, as `eval pos` does.
    let spacing = std::env::var("SPACING").map_or(true, |v| v != "0");
    let mut preds = Vec::with_capacity(sents.len());
    for d in 0..doc_lower.len() {
        let doc: Vec<_> = sents.iter().zip(&doc_of).filter(|(_, &k)| k == d).map(|(s, _)| s).collect();
        let forms: Vec<Vec<&str>> =
            doc.iter().map(|s| s.words.iter().map(|w| w.form.as_str()).collect()).collect();
        let space: Vec<_> = if spacing {
            doc.iter().map(|s| dossier_tag::Spacing::of_conllu(s)).collect()
        } else {
            Vec::new()
        };
        preds.extend(model.tag_document_spaced(&forms, &space));
    }
    for ((s, &d), pred) in sents.iter().zip(&doc_of).zip(&preds) {
        for (i, (w, p)) in s.words.iter().zip(pred).enumerate() {
            tokens += 1;
            if p.xpos() == w.xpos {
                continue;
            }
            errors += 1;
            if std::env::var("DUMP").is_ok_and(|v| v.split(',').any(|t| t == w.xpos || t == p.xpos())) {
                // DUMP=NNP,NN: the errors involving these tags, in their sentence.
                let ctx: Vec<String> = s
                    .words
                    .iter()
                    .enumerate()
                    .map(|(j, x)| if j == i { format!("[{}]", x.form) } else { x.form.clone() })
                    .collect();
                eprintln!("{} -> {}\t{}", w.xpos, p.xpos(), ctx.join(" "));
            }
            *pairs.entry((w.xpos.clone(), p.xpos().to_string())).or_default() += 1;
            *words.entry((w.form.clone(), w.xpos.clone(), p.xpos().to_string())).or_default() += 1;
            let np = |t: &str| t == "NNP" || t == "NNPS";
            let nn = |t: &str| t == "NN" || t == "NNS";
            if (np(&w.xpos) && nn(p.xpos())) || (nn(&w.xpos) && np(p.xpos())) {
                proper[0] += 1;
                proper[1] += usize::from(i == 0);
                let cap = w.form.chars().next().is_some_and(char::is_uppercase);
                proper[2] += usize::from(cap);
                proper[3] += usize::from(cap && doc_lower[d].contains(&w.form.to_lowercase()));
                proper[4] += usize::from(np(&w.xpos));
                proper[5] += usize::from(!cap);
            }
        }
    }
    println!(
        "{tokens} tokens, {errors} XPOS errors ({:.2}% accuracy)",
        100.0 * (tokens - errors) as f64 / tokens as f64
    );
    println!(
        "proper/common noun errors {}: sentence-initial {}, capitalised {}, capitalised and seen lowercased in the document {}, gold proper {}, lowercase {}",
        proper[0], proper[1], proper[2], proper[3], proper[4], proper[5]
    );
    let mut v: Vec<_> = pairs.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for ((g, p), n) in v.iter().take(30) {
        println!("{n:5}  {g:>5} -> {p}");
    }
    let mut v: Vec<_> = words.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for ((w, g, p), n) in v.iter().take(60) {
        println!("{n:5}  {w} {g} -> {p}");
    }
    Ok(())
}
