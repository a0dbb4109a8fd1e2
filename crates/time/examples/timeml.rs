//! `cargo run --release -p dossier-time --example timeml -- DIR [--errors] [--pos]`: the
//! TempEval-3 measures on a folder of TimeML files, optionally with every disagreement
//! listed; `--pos` gives the tense cues the shipped POS tagger's word classes (as
//! `dossier eval timex` does).

use dossier_segment::Segmentation;
use dossier_time::XposHint;

/// XPOS tags of every token of `seg`, from the shipped tagger.
fn pos_hint(text: &str, seg: &Segmentation) -> Option<XposHint> {
    let tagger = match dossier_tag::Tagger::global() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("pos: {e}");
            return None;
        }
    };
    let sentences: Vec<Vec<&str>> = seg
        .sentence_tokens
        .iter()
        .map(|r| seg.tokens[r.clone()].iter().map(|t| t.span.of(text)).collect())
        .collect();
    let tags = tagger.tag_document(&sentences);
    let words = seg
        .sentence_tokens
        .iter()
        .zip(&tags)
        .flat_map(|(r, ts)| seg.tokens[r.clone()].iter().zip(ts).map(|(t, p)| (t.span, p.xpos())));
    Some(XposHint::new(words))
}

/// `--dump FILE`: every hit of one TimeML file (value, type, text and its sentence), for
/// reading a document's resolution as a whole.
fn dump(path: &std::path::Path, pos: bool) {
    let Ok(src) = std::fs::read_to_string(path) else {
        eprintln!("cannot read {}", path.display());
        std::process::exit(1);
    };
    let Some(doc) = dossier_time::eval::parse_timeml(&src) else {
        eprintln!("{}: no <TEXT>", path.display());
        std::process::exit(1);
    };
    let seg = dossier_segment::Segmenter::new().segment(&doc.text);
    let hint = if pos { pos_hint(&doc.text, &seg) } else { None };
    let hits = dossier_time::TimeTagger::global().extract_with(
        &doc.text,
        &seg.sentences,
        doc.dct,
        hint.as_ref().map(|h| h as &dyn dossier_time::TenseHint),
    );
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    println!("{name}\tDCT {:?}", doc.dct);
    for h in hits {
        let gold = doc.gold.iter().find(|g| g.span.overlaps(&h.span)).map(|g| g.value.as_str());
        println!("{name}\t{}\t{}\t{}\tgold={:?}", h.span.of(&doc.text), h.kind, h.value, gold);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(i) = args.iter().position(|a| a == "--dump") {
        let Some(file) = args.get(i + 1) else {
            eprintln!("usage: timeml --dump FILE [--pos]");
            std::process::exit(2);
        };
        let pos = args.iter().any(|a| a == "--pos");
        let path = std::path::Path::new(file);
        if path.is_dir() {
            let files = dossier_time::eval::tml_files_under(path).unwrap_or_else(|e| {
                eprintln!("{e}");
                std::process::exit(1);
            });
            for f in files {
                dump(&f, pos);
            }
        } else {
            dump(path, pos);
        }
        return;
    }
    let Some(dir) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: timeml DIR [--errors] [--pos]");
        std::process::exit(2);
    };
    let errors = args.iter().any(|a| a == "--errors");
    let pos = args.iter().any(|a| a == "--pos");
    let dir = std::path::Path::new(dir);
    let report =
        if pos { dossier_time::eval::timeml_with(dir, pos_hint) } else { dossier_time::eval::timeml(dir) };
    match report {
        Ok(r) => {
            if errors {
                for m in &r.mismatches {
                    println!(
                        "{}\t{}\tgold={:?}\tsys={:?}\t| {}",
                        m.what, m.file, m.gold, m.system, m.context
                    );
                }
            }
            println!("{r}");
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
