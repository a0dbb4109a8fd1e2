//! Train the attribution model on a PolNeAR split and write it; optionally score a dev split.
//!
//! `cargo run --release -p dossier-attribution --example train -- TRAIN_DIR OUT.bin [DEV_DIR] [SEED]`
//!
//! With `ATTR_SELECT=1` (and DEV_DIR) each tagger keeps its best epoch on DEV_DIR; the epoch
//! counts come from `ATTR_CUE_EPOCHS` / `ATTR_ROLE_EPOCHS` (default: [`TrainOptions`]'s).
//! `ATTR_PRUNE` / `ATTR_ROLE_PRUNE` drop averaged weights below that magnitude; `ATTR_SEEDS`,
//! `ATTR_ROLE_SEEDS`, `ATTR_FOLD_SEEDS`, `ATTR_REST_SEEDS` and `ATTR_ROLE_PRED` set [`TrainOptions::seeds`] /
//! [`TrainOptions::role_seeds`] / [`TrainOptions::fold_seeds`] / [`TrainOptions::rest_seeds`] /
//! [`TrainOptions::role_predicted`]; with `ATTR_SELECT=1`,
//! `ATTR_E2E=1` / `ATTR_TUNE_ALL=1` / `ATTR_CHECK_HALVES=1` set [`TrainOptions::end_to_end`] /
//! [`TrainOptions::tune_thresholds`] / [`TrainOptions::check_halves`]; `ATTR_LEGACY=cue,role` the legacy
//! templates; `ATTR_EXTEND_EPOCHS` the cue extension's epochs (0: none). Set `RUST_LOG=info` to see the
//! epochs.

#[path = "common/mod.rs"]
mod common;

use std::path::PathBuf;

use dossier_attribution::TrainOptions;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    common::init_logging();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let train = PathBuf::from(args.first().ok_or("usage: train TRAIN_DIR OUT.bin [DEV_DIR] [SEED]")?);
    let out = PathBuf::from(args.get(1).ok_or("missing OUT.bin")?);
    let seed: u64 = args.get(3).map(|s| s.parse()).transpose()?.unwrap_or(1);
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<usize>().ok());
    let mut opts = TrainOptions::default();
    opts.cue_epochs = env("ATTR_CUE_EPOCHS").unwrap_or(opts.cue_epochs);
    opts.role_epochs = env("ATTR_ROLE_EPOCHS").unwrap_or(opts.role_epochs);
    if let Some(p) = std::env::var("ATTR_PRUNE").ok().and_then(|v| v.parse::<f32>().ok()) {
        opts.prune = p;
    }
    if let Some(p) = std::env::var("ATTR_ROLE_PRUNE").ok().and_then(|v| v.parse::<f32>().ok()) {
        opts.role_prune = p;
    }
    opts.seeds = env("ATTR_SEEDS").unwrap_or(opts.seeds);
    opts.role_seeds = env("ATTR_ROLE_SEEDS").unwrap_or(opts.role_seeds);
    opts.fold_seeds = env("ATTR_FOLD_SEEDS").unwrap_or(opts.fold_seeds);
    opts.rest_seeds = env("ATTR_REST_SEEDS").unwrap_or(opts.rest_seeds);
    opts.role_predicted = env("ATTR_ROLE_PRED").map_or(opts.role_predicted, |v| v as u8);
    opts.end_to_end = std::env::var("ATTR_E2E").is_ok();
    opts.check_halves = std::env::var("ATTR_CHECK_HALVES").is_ok();
    opts.tune_thresholds = std::env::var("ATTR_TUNE_ALL").is_ok();
    opts.extend_epochs = env("ATTR_EXTEND_EPOCHS").unwrap_or(opts.extend_epochs);
    opts.extend_gold_heads = std::env::var("ATTR_EXTEND_GOLD").map_or(opts.extend_gold_heads, |v| v != "0");
    let legacy = std::env::var("ATTR_LEGACY").unwrap_or_default();
    opts.legacy_cue = legacy.contains("cue");
    opts.legacy_role = legacy.contains("role");
    if std::env::var("ATTR_SELECT").is_ok() {
        opts.dev = args.get(2).map(PathBuf::from);
    }
    let t = std::time::Instant::now();
    let model = dossier_attribution::train_with(&train, seed, &opts)?;
    eprintln!("trained in {:.1}s: {:?}", t.elapsed().as_secs_f64(), model);
    model.write(&out)?;
    if let Some(dev) = args.get(2) {
        let docs = dossier_attribution::polnear::read_split(std::path::Path::new(dev))?;
        let a = dossier_attribution::Attributor::new(Some(model));
        print!("{}", dossier_attribution::eval::evaluate(&a, &docs));
    }
    Ok(())
}
