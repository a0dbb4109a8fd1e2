//! The whole attribution training chain ([`dossier_attribution::train_full`]): taggers,
//! content-end chooser, cue-recall classifier. Writes the model and scores DEV_DIR.
//!
//! `cargo run --release -p dossier-attribution --example train_full -- TRAIN_DIR OUT.bin [DEV_DIR|-] [SEED]`
//!
//! DEV_DIR (or `-` for none) selects epochs, the chooser's margins and the recall threshold.

#[path = "common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    common::init_logging();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: train_full TRAIN_DIR OUT.bin [DEV_DIR|-] [SEED]";
    let train = PathBuf::from(args.first().ok_or(usage)?);
    let out = PathBuf::from(args.get(1).ok_or(usage)?);
    let dev = args.get(2).filter(|d| d.as_str() != "-").map(PathBuf::from);
    let seed: u64 = args.get(3).map(|s| s.parse()).transpose()?.unwrap_or(1);
    let t = std::time::Instant::now();
    let model = dossier_attribution::train_full(&train, dev.as_deref(), seed)?;
    eprintln!("trained in {:.1}s: {:?}", t.elapsed().as_secs_f64(), model);
    model.write(&out)?;
    if let Some(dev) = dev {
        let docs = dossier_attribution::polnear::read_split(Path::new(&dev))?;
        let a = dossier_attribution::Attributor::new(Some(model));
        print!("{}", dossier_attribution::eval::evaluate(&a, &docs));
    }
    Ok(())
}
