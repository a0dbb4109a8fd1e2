//! Writes a synthetic JSONL news corpus built from the team's own text (see
//! `benches/synth/mod.rs` for how records and near-duplicate copies are made).
//!
//! `cargo run --release -p dossier-store --example gen_corpus -- N OUT.jsonl [--seed S] [--copy-rate R]`

#[path = "../benches/synth/mod.rs"]
mod synth;

use std::io::{BufWriter, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut pos = Vec::new();
    let mut seed = 7u64;
    let mut copy_rate = 0.2f64;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--seed" => {
                seed = args.get(i + 1).ok_or("--seed needs a value")?.parse()?;
                i += 1;
            }
            "--copy-rate" => {
                copy_rate = args.get(i + 1).ok_or("--copy-rate needs a value")?.parse()?;
                i += 1;
            }
            a => pos.push(a.to_string()),
        }
        i += 1;
    }
    let [n, out] = pos.as_slice() else {
        return Err("usage: gen_corpus N OUT.jsonl [--seed S] [--copy-rate R]".into());
    };
    let n: usize = n.parse()?;
    let mut w = BufWriter::new(std::fs::File::create(out)?);
    let mut g = synth::Synth::new(seed, copy_rate);
    let (mut copies, mut bytes) = (0usize, 0usize);
    for _ in 0..n {
        let d = g.next_doc();
        copies += usize::from(d.copy_of.is_some());
        bytes += d.text.len();
        writeln!(w, "{}", d.to_json())?;
    }
    w.flush()?;
    eprintln!(
        "gen_corpus: {n} records ({copies} near-duplicate copies, {:.0} bytes of text on average) -> {out}",
        bytes as f64 / n.max(1) as f64
    );
    Ok(())
}
