//! Add a cue-recall section to an existing model (its other sections copied byte for byte).
//!
//! `cargo run --release -p dossier-attribution --example train_recall -- BASE.bin TRAIN_DIR DEV_DIR OUT.bin [SEED] [CUE_EPOCHS]`
//!
//! The threshold is chosen on DEV_DIR (pass `-` for none: the default threshold). Set
//! `RUST_LOG=info` to see the folds, epochs and thresholds.

#[path = "common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};

use dossier_attribution::AttrModel;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    common::init_logging();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: train_recall BASE.bin TRAIN_DIR DEV_DIR OUT.bin [SEED] [CUE_EPOCHS]";
    let base = AttrModel::load(Path::new(args.first().ok_or(usage)?))?;
    let train = PathBuf::from(args.get(1).ok_or(usage)?);
    let dev = args.get(2).ok_or(usage)?;
    let out = PathBuf::from(args.get(3).ok_or(usage)?);
    let seed: u64 = args.get(4).map(|s| s.parse()).transpose()?.unwrap_or(1);
    let epochs: usize = args.get(5).map(|s| s.parse()).transpose()?.unwrap_or(6);
    let dev = (dev != "-").then(|| PathBuf::from(dev));
    let t = std::time::Instant::now();
    let model = dossier_attribution::train_recall(&base, &train, dev.as_deref(), seed, epochs)?;
    eprintln!("trained in {:.1}s: {:?}", t.elapsed().as_secs_f64(), model);
    model.write(&out)?;
    Ok(())
}
