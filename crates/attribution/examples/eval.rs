//! Score the extractor on a PolNeAR split: `eval -- SPLIT_DIR [MODEL.bin]` (default: the
//! shipped model, the same code path as `dossier eval attribution --polnear DIR`).

#[path = "common/mod.rs"]
mod common;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    common::init_logging();
    let dir = std::env::args().nth(1).ok_or("usage: eval SPLIT_DIR [MODEL.bin]")?;
    let report = match std::env::args().nth(2) {
        None => dossier_attribution::eval::polnear(std::path::Path::new(&dir))?,
        Some(m) => {
            let docs = dossier_attribution::polnear::read_split(std::path::Path::new(&dir))?;
            let model = dossier_attribution::AttrModel::load(std::path::Path::new(&m))?;
            dossier_attribution::eval::evaluate(&dossier_attribution::Attributor::new(Some(model)), &docs)
        }
    };
    print!("{report}");
    // The CLI's metric lines (exact F1 to four places, and the exact counts) for before/after diffs.
    for (name, c) in [("source", &report.source), ("cue", &report.cue), ("content", &report.content)] {
        println!("metric {name}.exact_f1 {:.4}", c.exact_prf().2);
        println!("metric {name}.exact {}", c.exact);
    }
    Ok(())
}
