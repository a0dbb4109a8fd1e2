//! The gold-set evaluation of `dossier eval dossier`, without the CLI, with every miss listed.
//!
//! `cargo run --release -p dossier-pipeline --example gold -- testdata/gold [-v]`

use std::path::PathBuf;

use dossier_pipeline::eval::{evaluate, read_gold_dir};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(args.first().map_or("testdata/gold", String::as_str));
    let verbose = args.iter().any(|a| a == "-v");
    let docs = read_gold_dir(&dir)?;
    let (s, per_doc) = evaluate(&docs)?;
    if verbose {
        for m in &s.misses {
            println!("miss  {m}");
        }
        for (name, d) in &per_doc {
            let (_, _, b3) = d.b3();
            println!(
                "doc {name:40} mentions F1 {:.3}  B3 {:.3}  types {:.3}  counts {:.3}  timeline {:.3}",
                d.mentions.f1(),
                b3,
                d.event_type.value(),
                d.counts.value(),
                d.timeline.value()
            );
        }
    }
    let (p, r, f) = s.b3();
    println!("articles {}", s.docs);
    println!(
        "mentions P {:.3} R {:.3} F1 {:.3} (spans only F1 {:.3})",
        s.mentions.p(),
        s.mentions.r(),
        s.mentions.f1(),
        s.mention_spans.f1()
    );
    for (k, a) in &s.mention_recall {
        println!("  recall {k:8} {:.3} ({}/{})", a.value(), a.right, a.total);
    }
    println!("coref B3 P {p:.3} R {r:.3} F1 {f:.3}");
    println!(
        "events found {:.3} type acc {:.3} precision {:.3} counts {:.3} time {:.3} location {:.3}",
        s.event_found.value(),
        s.event_type.value(),
        s.event_precision.value(),
        s.counts.value(),
        s.event_time.value(),
        s.event_location.value()
    );
    println!("timeline date acc {:.3} ({}/{})", s.timeline.value(), s.timeline.right, s.timeline.total);
    Ok(())
}
