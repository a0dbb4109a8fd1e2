//! Setup the attribution examples share (each includes this file with `#[path]`; not every
//! example uses every item).
#![allow(dead_code)]

use std::path::Path;

use dossier_attribution::polnear::GoldDoc;
use dossier_attribution::AttrModel;

/// Logs to stderr, filtered by `RUST_LOG`.
pub fn init_logging() {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_writer(std::io::stderr)
        .init();
}

/// The PolNeAR split named by the first argument and the model named by the second (the
/// shipped `models/attribution.bin` when there is none).
pub fn split_and_model(
    args: &[String],
    usage: &str,
) -> Result<(Vec<GoldDoc>, AttrModel), Box<dyn std::error::Error>> {
    let split = args.first().ok_or(usage)?;
    let docs = dossier_attribution::polnear::read_split(Path::new(split))?;
    let model = AttrModel::load(Path::new(args.get(1).map_or("models/attribution.bin", |s| s)))?;
    Ok((docs, model))
}
