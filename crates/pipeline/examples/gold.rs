//! The gold-set evaluation of `dossier eval dossier`, without the CLI.
//!
//! `cargo run --release -p dossier-pipeline --example gold -- testdata/gold [-v]`

use std::path::PathBuf;

use dossier_pipeline::eval::{evaluate, read_gold_dir};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(args.first().map_or("testdata/gold", String::as_str));
    let docs = read_gold_dir(&dir)?;
    let (s, per_doc) = evaluate(&docs)?;
    if args.iter().any(|a| a == "-v") {
        for m in &s.misses {
            println!("miss  {m}");
        }
        for (name, d) in &per_doc {
            println!("{name}: {}", d.one_line());
        }
    }
    println!("{s}");
    Ok(())
}
