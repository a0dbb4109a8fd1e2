//! Score the shipped attribution extractor on a PolNeAR split.
//!
//! `cargo run --release -p dossier-attribution --example eval -- SPLIT_DIR`

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).ok_or("usage: eval SPLIT_DIR")?;
    let report = dossier_attribution::eval::polnear(std::path::Path::new(&dir))?;
    print!("{report}");
    Ok(())
}
