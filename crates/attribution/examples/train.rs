//! Train the attribution model on a PolNeAR split and write it; optionally score a dev split.
//!
//! `cargo run --release -p dossier-attribution --example train -- TRAIN_DIR OUT.bin [DEV_DIR] [SEED]`

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let train = PathBuf::from(args.first().ok_or("usage: train TRAIN_DIR OUT.bin [DEV_DIR] [SEED]")?);
    let out = PathBuf::from(args.get(1).ok_or("missing OUT.bin")?);
    let seed: u64 = args.get(3).map(|s| s.parse()).transpose()?.unwrap_or(1);
    let t = std::time::Instant::now();
    let model = dossier_attribution::train(&train, seed)?;
    eprintln!("trained in {:.1}s: {:?}", t.elapsed().as_secs_f64(), model);
    model.write(&out)?;
    if let Some(dev) = args.get(2) {
        let docs = dossier_attribution::polnear::read_split(std::path::Path::new(dev))?;
        let a = dossier_attribution::Attributor::new(Some(model));
        print!("{}", dossier_attribution::eval::evaluate(&a, &docs));
    }
    Ok(())
}
