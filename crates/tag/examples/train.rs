//! Developer entry point until the CLI wires `dossier train`:
//! `cargo run --release -p dossier-tag --example train -- pos|ner|clusters|eval DATA_DIR OUT_FILE`.

use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 4 {
        eprintln!("usage: train pos|ner|clusters DATA_DIR OUT_FILE");
        std::process::exit(2);
    }
    let data = Path::new(&args[2]);
    let out = Path::new(&args[3]);
    let t = std::time::Instant::now();
    match args[1].as_str() {
        "pos" => {
            let r = dossier_tag::train_pos(
                &data.join("ud-english-ewt/en_ewt-ud-train.conllu"),
                Some(&data.join("ud-english-ewt/en_ewt-ud-dev.conllu")),
                1,
            )?;
            r.write(out)?;
            eprintln!("{}", r.report);
        }
        "ner" => {
            let r = dossier_tag::train_ner(
                &data.join("conll2003/eng.train"),
                Some(&data.join("conll2003/eng.testa")),
                1,
            )?;
            r.write(out)?;
            eprintln!("{}", r.report);
        }
        "clusters" => {
            let sents = dossier_tag::brown::unlabeled_corpus(data)?;
            eprintln!("{} sentences, {} tokens", sents.len(), sents.iter().map(Vec::len).sum::<usize>());
            let k: usize = std::env::var("K").ok().and_then(|v| v.parse().ok()).unwrap_or(256);
            let c = dossier_tag::brown::learn(&sents, k, 3, 15);
            std::fs::write(out, c.to_bytes())?;
            eprintln!("{} words clustered", c.len());
        }
        "eval" => {
            // Scores the embedded models; OUT_FILE is ignored.
            let pos = dossier_tag::eval_pos(&data.join("ud-english-ewt/en_ewt-ud-dev.conllu"))?;
            eprintln!("EWT dev: {pos}");
            let ner = dossier_tag::eval_ner(&data.join("conll2003/eng.testa"))?;
            eprintln!("CoNLL testa: {ner}");
        }
        other => {
            eprintln!("unknown model kind {other}");
            std::process::exit(2);
        }
    }
    eprintln!("took {:.1}s", t.elapsed().as_secs_f64());
    Ok(())
}
