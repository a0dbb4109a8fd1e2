//! Add a content-end chooser to an existing model (its cue and role taggers unchanged) and
//! score a dev split.
//!
//! `cargo run --release -p dossier-attribution --example train_ends -- BASE.bin TRAIN_DIR DEV_DIR OUT.bin [EPOCHS] [SEED]`
//!
//! The margin the role tagger's end keeps is chosen on DEV_DIR (gold cues, exact content
//! fragments); `RUST_LOG=info` shows the epochs and the margins tried.

#[path = "common/mod.rs"]
mod common;

use std::path::Path;

use dossier_attribution::{AttrModel, Attributor};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    common::init_logging();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: train_ends BASE.bin TRAIN_DIR DEV_DIR OUT.bin [EPOCHS] [SEED]";
    let base = AttrModel::load(Path::new(args.first().ok_or(usage)?))?;
    let train = Path::new(args.get(1).ok_or(usage)?);
    let dev = Path::new(args.get(2).ok_or(usage)?);
    let out = Path::new(args.get(3).ok_or(usage)?);
    let epochs: usize =
        args.get(4).map(|s| s.parse()).transpose()?.unwrap_or(dossier_attribution::model::END_EPOCHS);
    let seed: u64 = args.get(5).map(|s| s.parse()).transpose()?.unwrap_or(1);
    let t = std::time::Instant::now();
    let model = dossier_attribution::train_ends(&base, train, Some(dev), seed, epochs)?;
    eprintln!("trained in {:.1}s: {:?}", t.elapsed().as_secs_f64(), model);
    model.write(out)?;
    let docs = dossier_attribution::polnear::read_split(dev)?;
    print!("{}", dossier_attribution::eval::evaluate(&Attributor::new(Some(model)), &docs));
    Ok(())
}
