//! Content errors of the extractor as shipped (top-level hits, as the scorer sees them),
//! by class: exact, left edge only, right edge only, both edges, missed (with why), spurious
//! (with why). `SHOW=class` prints examples of one class (`SHOW=right+`, `SHOW=missed-nested`,
//! …; `LIMIT=n`).
//!
//! `cargo run --release -p dossier-attribution --example content_errors -- SPLIT_DIR [MODEL.bin]`

#[path = "common/mod.rs"]
mod common;

use std::collections::BTreeMap;

use dossier_attribution::Attributor;
use dossier_doc::Span;
use dossier_segment::Segmenter;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (docs, m) = common::split_and_model(&args, "usage: content_errors SPLIT_DIR [MODEL.bin]")?;
    let a = Attributor::new(Some(m));
    let seg = Segmenter::new();
    let show = std::env::var("SHOW").unwrap_or_default();
    let limit: usize = std::env::var("LIMIT").ok().and_then(|s| s.parse().ok()).unwrap_or(40);
    let mut shown = 0;
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    for d in &docs {
        let t = &d.text;
        let s = seg.segment(t);
        let pos = dossier_attribution::pos_tags(t, &s);
        let hits = a.extract(t, &s, pos.as_deref(), &[]);
        let trim = |x: &Span| x.trim(t);
        let top: Vec<_> = hits.iter().filter(|h| h.parent.is_none()).collect();
        let pred: Vec<(Span, Span)> =
            top.iter().flat_map(|h| h.content.iter().map(move |c| (trim(c), trim(&h.cue)))).collect();
        let nested: Vec<Span> =
            hits.iter().filter(|h| h.parent.is_some()).flat_map(|h| h.content.iter().map(trim)).collect();
        let gold: Vec<(Span, Vec<Span>)> = d
            .attrs
            .iter()
            .flat_map(|g| g.content.iter().map(move |c| (trim(c), g.cue.iter().map(trim).collect())))
            .collect();
        let gold_cues: Vec<Span> = d.attrs.iter().flat_map(|g| g.cue.iter().map(trim)).collect();
        let pred_cues: Vec<Span> = top.iter().map(|h| trim(&h.cue)).collect();
        let all_cues: Vec<Span> = hits.iter().map(|h| trim(&h.cue)).collect();
        let mut say = |class: &'static str, g: Option<Span>, p: Option<Span>| {
            *counts.entry(class).or_default() += 1;
            if !show.is_empty() && class.starts_with(show.as_str()) && shown < limit {
                shown += 1;
                let clip = |x: Span| {
                    let s = x.of(t).replace('\n', "⏎");
                    if s.chars().count() > 160 {
                        format!("{}…", s.chars().take(160).collect::<String>())
                    } else {
                        s
                    }
                };
                println!("[{class}] {}", d.name);
                if let Some(g) = g {
                    println!("   gold: {:?}", clip(g));
                }
                if let Some(p) = p {
                    println!("   pred: {:?}", clip(p));
                }
                if let (Some(g), Some(p)) = (g, p) {
                    let lo = g.start.min(p.start);
                    let hi = g.end.max(p.end);
                    let lo = t[..lo].rfind(['.', '\n']).map_or(0, |k| k + 1).max(lo.saturating_sub(80));
                    let lo = (lo..=g.start.min(p.start)).find(|&k| t.is_char_boundary(k)).unwrap_or(lo);
                    println!("   ctx : {:?}", clip(Span::new(lo, hi)));
                    let gap = |a: usize, b: usize| clip(Span::new(a.min(b), a.max(b)));
                    println!("   gaps: left {:?} right {:?}", gap(p.start, g.start), gap(p.end, g.end));
                }
            }
        };
        for (g, gcue) in &gold {
            if pred.iter().any(|(p, _)| p == g) {
                say("exact", Some(*g), None);
                continue;
            }
            // The overlapping prediction with the most shared bytes.
            let best = pred
                .iter()
                .filter(|(p, _)| p.overlaps(g))
                .max_by_key(|(p, _)| p.end.min(g.end) as i64 - p.start.max(g.start) as i64);
            match best {
                Some((p, pc)) => {
                    let cue_ok = gcue.contains(pc);
                    let l = match p.start.cmp(&g.start) {
                        std::cmp::Ordering::Less => "+",
                        std::cmp::Ordering::Greater => "-",
                        std::cmp::Ordering::Equal => "",
                    };
                    let r = match p.end.cmp(&g.end) {
                        std::cmp::Ordering::Greater => "+",
                        std::cmp::Ordering::Less => "-",
                        std::cmp::Ordering::Equal => "",
                    };
                    // Does the prediction run over another gold cue (flat vs nested)?
                    let over =
                        gold_cues.iter().any(|c| !gcue.contains(c) && p.start <= c.start && c.end <= p.end);
                    let class: &'static str = match (l, r, over) {
                        ("", "+", true) => "right+ over another gold cue",
                        ("", "+", false) => "right+",
                        ("", "-", _) => "right-",
                        ("+", "", _) => "left+",
                        ("-", "", _) => "left-",
                        (_, _, true) => "both, over another gold cue",
                        _ => "both",
                    };
                    say(class, Some(*g), Some(*p));
                    if std::env::var("BY_SIDE").is_ok() {
                        let side = if p.end <= pc.start { "before" } else { "after" };
                        let key: &'static str =
                            Box::leak(format!("  ({class}, content {side} the cue)").into_boxed_str());
                        say(key, None, None);
                    }
                    if std::env::var("BY_CUE").is_ok() {
                        say(
                            if cue_ok {
                                "  (edge error, cue exact)"
                            } else {
                                "  (edge error, cue not exact)"
                            },
                            None,
                            None,
                        );
                        if l == "+" {
                            let ov = gcue.iter().any(|c| c.overlaps(pc));
                            say(
                                match (cue_ok, ov) {
                                    (true, _) => "  (left+, cue exact)",
                                    (false, true) => "  (left+, cue overlaps the gold cue)",
                                    _ => "  (left+, another cue)",
                                },
                                Some(gcue.first().copied().unwrap_or(*g)),
                                Some(*pc),
                            );
                        }
                    }
                }
                None => {
                    let cue_top = gcue.iter().any(|c| pred_cues.iter().any(|p| p.overlaps(c)));
                    let cue_any = gcue.iter().any(|c| all_cues.iter().any(|p| p.overlaps(c)));
                    let class = if nested.iter().any(|n| n.overlaps(g)) {
                        "missed: only a nested content overlaps"
                    } else if cue_top {
                        "missed: cue found (top), no content there"
                    } else if cue_any {
                        "missed: cue found nested only"
                    } else {
                        "missed: cue missed"
                    };
                    say(class, Some(*g), None);
                }
            }
        }
        for h in hits.iter().filter(|h| h.parent.is_some()) {
            let c = trim(&h.cue);
            let class = if gold_cues.contains(&c) {
                "nested hit: cue exact gold"
            } else if gold_cues.iter().any(|g| g.overlaps(&c)) {
                "nested hit: cue overlaps gold"
            } else {
                "nested hit: cue not gold"
            };
            say(class, None, Some(c));
        }
        for (p, pc) in &pred {
            if gold.iter().any(|(g, _)| g.overlaps(p)) {
                continue;
            }
            let class = if gold_cues.iter().any(|c| c.overlaps(pc)) {
                "spurious: cue right"
            } else {
                "spurious: cue spurious"
            };
            say(class, None, Some(*p));
        }
    }
    for (k, v) in &counts {
        println!("{v:>6}  {k}");
    }
    Ok(())
}
