//! Boundary mismatches of top-level cues and sources (a prediction overlapping a gold span
//! without being equal to one): `ROLE=cue|source`, printed as "gold ⟂ pred" with the words
//! the prediction lacks (-) or adds (+) on each side, then counts by edge pattern.
//!
//! `cargo run --release -p dossier-attribution --example boundaries -- SPLIT_DIR [MODEL.bin]`

#[path = "common/mod.rs"]
mod common;

use std::collections::BTreeMap;

use dossier_attribution::Attributor;
use dossier_doc::Span;
use dossier_segment::Segmenter;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (docs, m) = common::split_and_model(&args, "usage: boundaries SPLIT_DIR [MODEL.bin]")?;
    let a = Attributor::new(Some(m));
    let seg = Segmenter::new();
    let role = std::env::var("ROLE").unwrap_or_else(|_| "cue".into());
    let mut edges: BTreeMap<String, usize> = BTreeMap::new();
    for d in &docs {
        let t = &d.text;
        let s = seg.segment(t);
        let pos = dossier_attribution::pos_tags(t, &s);
        let hits = a.extract(t, &s, pos.as_deref(), &[]);
        let trim = |x: &Span| x.trim(t);
        let gold: Vec<Span> = d
            .attrs
            .iter()
            .flat_map(|g| if role == "cue" { g.cue.clone() } else { g.source.clone() })
            .map(|x| trim(&x))
            .collect();
        let pred: Vec<Span> = hits
            .iter()
            .filter(|h| h.parent.is_none())
            .filter_map(|h| if role == "cue" { Some(h.cue) } else { h.source })
            .map(|x| trim(&x))
            .collect();
        for p in &pred {
            if gold.contains(p) {
                continue;
            }
            let Some(g) =
                gold.iter().filter(|g| g.overlaps(p)).max_by_key(|g| g.end.min(p.end) - g.start.max(p.start))
            else {
                continue;
            };
            let side = |a: usize, b: usize, sign_if_pred_wider: bool| -> String {
                if a == b {
                    return String::new();
                }
                let w = t[a.min(b)..a.max(b)].trim().replace('\n', "⏎");
                let sign = if sign_if_pred_wider { '+' } else { '-' };
                format!("{sign}[{w}]")
            };
            let l = side(p.start, g.start, p.start < g.start);
            let r = side(p.end, g.end, p.end > g.end);
            let lk = if l.is_empty() {
                "="
            } else if p.start < g.start {
                "L+"
            } else {
                "L-"
            };
            let rk = if r.is_empty() {
                "="
            } else if p.end > g.end {
                "R+"
            } else {
                "R-"
            };
            *edges.entry(format!("{lk} {rk}")).or_default() += 1;
            println!("{} ⟂ {}   {l} {r}", g.of(t).replace('\n', "⏎"), p.of(t).replace('\n', "⏎"));
        }
    }
    for (k, v) in edges {
        println!("{v:6}  {k}");
    }
    Ok(())
}
