//! Print sentence-boundary errors on an EWT file, with context, for tuning:
//! `cargo run --release -p dossier-segment --example ewt_errors -- FILE [GENRE]`
//! `-` marks a gold end we missed, `+` an end we added.

use dossier_corpora::conllu;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "/work/shared/data/ud-english-ewt/en_ewt-ud-dev.conllu".into());
    let genre = args.next();
    let sents = match conllu::read(std::path::Path::new(&path)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let seg = dossier_segment::Segmenter::new();
    for doc in conllu::rebuild_documents(&sents) {
        if genre.as_deref().is_some_and(|g| g != doc.genre()) {
            continue;
        }
        let t = doc.text.as_str();
        let gold: std::collections::BTreeSet<usize> =
            doc.sentences.iter().map(|s| s.1).filter(|&e| e < t.len()).collect();
        let pred: std::collections::BTreeSet<usize> =
            seg.segment(t).sentences.iter().map(|s| s.end).filter(|&e| e < t.len()).collect();
        let ctx = |e: usize| {
            let mut a = e.saturating_sub(40);
            while !t.is_char_boundary(a) {
                a -= 1;
            }
            let mut b = (e + 30).min(t.len());
            while !t.is_char_boundary(b) {
                b += 1;
            }
            format!("{}⟦{}", &t[a..e], &t[e..b]).replace('\n', "¶")
        };
        for e in gold.difference(&pred) {
            println!("- {}", ctx(*e));
        }
        for e in pred.difference(&gold) {
            println!("+ {}", ctx(*e));
        }
    }
}
