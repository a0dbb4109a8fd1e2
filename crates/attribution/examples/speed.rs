//! The bench's speed ratio, robust to a busy machine: the stages before attribution
//! (segmentation + POS + NER) and attribution alone, timed interleaved over the committed
//! articles in testdata/articles, best of several rounds each.
//!
//! `cargo run --release -p dossier-attribution --example speed [ROUNDS] [MODEL.bin]`

use std::time::Instant;

use dossier_attribution::{prepare_stages, Attributor};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rounds: usize = std::env::args().nth(1).map(|s| s.parse()).transpose()?.unwrap_or(30);
    let dir = format!("{}/../../testdata/articles", env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let docs: Vec<String> = paths.iter().map(std::fs::read_to_string).collect::<Result<_, _>>()?;
    let owned = match std::env::args().nth(2) {
        Some(p) => {
            Some(Attributor::new(Some(dossier_attribution::AttrModel::load(std::path::Path::new(&p))?)))
        }
        None => None,
    };
    let a = owned.as_ref().unwrap_or_else(|| Attributor::global());
    let prepared: Vec<_> = docs.iter().map(|d| prepare_stages(d)).collect();
    let (mut best_s, mut best_a) = (f64::MAX, f64::MAX);
    let (mut sum_s, mut sum_a) = (0.0, 0.0);
    // `SPEED_ONLY=stages|attribution` runs one side only (for `perf stat -e instructions`,
    // which a busy machine does not skew: difference of ROUNDS=k and ROUNDS=0).
    let only = std::env::var("SPEED_ONLY").unwrap_or_default();
    for _ in 0..rounds {
        let t = Instant::now();
        let n: usize = if only == "attribution" {
            1
        } else {
            docs.iter().map(|d| prepare_stages(d).0.tokens.len()).sum()
        };
        let s = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let m: usize = if only == "stages" {
            1
        } else {
            docs.iter()
                .zip(&prepared)
                .map(|(d, (seg, pos, ents))| a.extract(d, seg, pos.as_deref(), ents).len())
                .sum()
        };
        let x = t.elapsed().as_secs_f64();
        assert!(n > 0 && m > 0);
        best_s = best_s.min(s);
        best_a = best_a.min(x);
        sum_s += s;
        sum_a += x;
    }
    println!(
        "stages before: best {:.2} ms, mean {:.2} ms; attribution: best {:.2} ms, mean {:.2} ms",
        best_s * 1e3,
        sum_s * 1e3 / rounds as f64,
        best_a * 1e3,
        sum_a * 1e3 / rounds as f64
    );
    if rounds > 0 {
        println!("ratio: best {:.1} %, mean {:.1} %", 100.0 * best_a / best_s, 100.0 * sum_a / sum_s);
    }
    Ok(())
}
