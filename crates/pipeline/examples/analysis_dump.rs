//! Prints what the pipeline finds in one text file, compactly: entities with their mentions,
//! events, timeline. For looking at the linking and event stages while working on them.
//!
//! `cargo run --release -p dossier-pipeline --example analysis_dump -- FILE [YYYY-MM-DD]`

use chrono::NaiveDate;
use dossier_doc::contract::Record;
use dossier_ingest::{Content, RawDoc};
use dossier_pipeline::{Pipeline, PipelineOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().ok_or("usage: analysis_dump FILE [YYYY-MM-DD]")?;
    let published = args.get(1).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let text = std::fs::read_to_string(path)?;
    let pipeline = Pipeline::new(PipelineOptions::default())?;
    let raw = RawDoc {
        id: path.clone(),
        content: Content::Text(text),
        title: None,
        url: None,
        published,
        outlet: None,
        warnings: Vec::new(),
    };
    let Record::Ok(r) = pipeline.run(Ok(raw)) else { return Err("error record".into()) };
    for e in &r.entities {
        let ms: Vec<String> = e
            .mentions
            .iter()
            .zip(e.mention_kinds.iter().map(String::as_str).chain(std::iter::repeat("?")))
            .map(|(m, k)| if k == "name" { m.text.clone() } else { format!("{}<{}>", m.text, &k[..3]) })
            .collect();
        println!("{} {} {:?} [{}]", e.id, e.label, e.name, ms.join(", "));
    }
    for v in &r.events {
        println!(
            "{} {} {:?} time={:?} loc={:?} counts={:?} mentions={:?}",
            v.id,
            v.kind,
            v.trigger.text,
            v.time.as_ref().map(|t| (t.value.clone(), t.relation.clone())),
            v.location.as_ref().map(|l| l.text.clone()),
            v.counts.iter().map(|c| format!("{} {} {}", c.qualifier, c.value, c.what)).collect::<Vec<_>>(),
            v.mentions.iter().map(|m| m.text.clone()).collect::<Vec<_>>()
        );
    }
    for t in &r.timeline {
        println!("T {} {} {:?} {:?} {}", t.relation, t.value, t.event, t.attribution, t.summary);
    }
    Ok(())
}
