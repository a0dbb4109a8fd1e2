//! Print sentence-boundary errors on an EWT file, with context, for tuning:
//! `cargo run --release -p dossier-segment --example ewt_errors -- FILE [GENRE]`
//! `-` marks a gold end we missed, `+` an end we added. With GENRE `tokens`, prints the
//! tokens that differ instead (`-` gold token we did not produce, `+` ours not in gold).

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
    if genre.as_deref() == Some("tokens") {
        for doc in conllu::rebuild_documents(&sents) {
            let t = doc.text.as_str();
            let mut gold = std::collections::BTreeSet::new();
            for (k, &(start, end)) in doc.sentences.iter().enumerate() {
                let mut at = start;
                for (form, _) in sents[doc.sentence_index[k]].surface_tokens() {
                    if let Some(off) = t[at..end].find(form.as_str()) {
                        gold.insert((at + off, at + off + form.len()));
                        at += off + form.len();
                    }
                }
            }
            let mut pred = std::collections::BTreeSet::new();
            let mut last: Option<(usize, usize)> = None;
            for tok in seg.segment(t).tokens {
                match last {
                    Some((s, e)) if tok.kind == dossier_segment::TokenKind::Clitic && tok.span.start == e => {
                        last = Some((s, tok.span.end))
                    }
                    _ => {
                        pred.extend(last.take());
                        last = Some((tok.span.start, tok.span.end));
                    }
                }
            }
            pred.extend(last);
            for (a, b) in gold.difference(&pred) {
                println!("- {}", &t[*a..*b]);
            }
            for (a, b) in pred.difference(&gold) {
                println!("+ {}", &t[*a..*b]);
            }
        }
        return;
    }
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
