//! Developer entry point until the CLI wires `dossier train`:
//! `cargo run --release -p dossier-tag --example tag_train -- pos|ner|clusters|eval DATA_DIR OUT_FILE`.

use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_writer(std::io::stderr)
        .init();
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 4 {
        eprintln!("usage: tag_train pos|ner|clusters DATA_DIR OUT_FILE");
        std::process::exit(2);
    }
    let data = Path::new(&args[2]);
    let out = Path::new(&args[3]);
    let t = std::time::Instant::now();
    match args[1].as_str() {
        "pos" => {
            // Experiments may override the defaults: POS_EPOCHS, STACK_FOLDS, STACK_EPOCHS,
            // AMB_MIN, DICT_MIN, PRUNE, STACK_GATE (and the other PosConfig fields below).
            let env = |k: &str, d: usize| std::env::var(k).ok().and_then(|v| v.parse().ok()).unwrap_or(d);
            let d = dossier_tag::pos::PosConfig::default();
            let cfg = dossier_tag::pos::PosConfig {
                epochs: env("POS_EPOCHS", d.epochs),
                stack_folds: env("STACK_FOLDS", d.stack_folds),
                stack_epochs: env("STACK_EPOCHS", d.stack_epochs),
                amb_min_count: env("AMB_MIN", d.amb_min_count as usize) as u32,
                dict_min_count: env("DICT_MIN", d.dict_min_count as usize) as u32,
                prune: std::env::var("PRUNE").ok().and_then(|v| v.parse().ok()).unwrap_or(d.prune),
                spacing: env("SPACING", usize::from(d.spacing)) != 0,
                spacing_drop: env("SPACING_DROP", d.spacing_drop),
                doc: env("DOC", usize::from(d.doc)) != 0,
                beam: env("BEAM", d.beam),
                pa_c: std::env::var("PA_C").ok().and_then(|v| v.parse().ok()).unwrap_or(d.pa_c),
                min_feature_count: env("MIN_COUNT", d.min_feature_count as usize) as u32,
                avg_from: env("AVG_FROM", d.avg_from),
                ensemble: env("ENSEMBLE", d.ensemble),
                dropout: std::env::var("DROPOUT").ok().and_then(|v| v.parse().ok()).unwrap_or(d.dropout),
                pa_margin: env("PA_MARGIN", usize::from(d.pa_margin)) != 0,
                stack_gate: std::env::var("STACK_GATE")
                    .ok()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(d.stack_gate),
                ..d
            };
            let r = dossier_tag::pos::train_pos_with(
                &data.join("ud-english-ewt/en_ewt-ud-train.conllu"),
                Some(&data.join("ud-english-ewt/en_ewt-ud-dev.conllu")),
                env("SEED", 1) as u64,
                &cfg,
                dossier_tag::Clusters::global().ok(),
            )?;
            r.write(out)?;
            eprintln!("{}", r.report);
        }
        "ner" => {
            let r = dossier_tag::train_ner(
                &data.join("conll2003/eng.train"),
                Some(&data.join("conll2003/eng.testa")),
                dossier_tag::ner::SHIPPED_SEED,
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
        "evalpos" => {
            // Scores the POS model file OUT_FILE on EWT dev.
            let m = dossier_tag::PosModel::load(out)?;
            let dev = data.join("ud-english-ewt/en_ewt-ud-dev.conllu");
            let r = dossier_tag::eval::eval_pos_with(&m, &dev)?;
            eprintln!("EWT dev: {r}");
            let r = dossier_tag::eval::eval_pos_spacing(&m, &dev, false)?;
            eprintln!("EWT dev, spacing unknown: {r}");
        }
        "evalner" => {
            // Scores the embedded NER model on testa with the POS model file OUT_FILE.
            let pos = dossier_tag::PosModel::load(out)?;
            let r = dossier_tag::eval::eval_ner_with(
                dossier_tag::NerModel::global()?,
                &pos,
                &data.join("conll2003/eng.testa"),
            )?;
            eprintln!("CoNLL testa: {r}");
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
