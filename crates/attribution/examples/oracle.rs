//! Where the errors come from: the extractor as shipped, the model without rules, and the
//! role tagger (with and without rules) on gold cues.
//!
//! `cargo run --release -p dossier-attribution --example oracle -- SPLIT_DIR [MODEL.bin]`

#[path = "common/mod.rs"]
mod common;

use dossier_attribution::eval::{score_doc, AttrReport};
use dossier_attribution::Attributor;
use dossier_segment::Segmenter;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (docs, m) = common::split_and_model(&args, "usage: oracle SPLIT_DIR [MODEL.bin]")?;
    let a = Attributor::new(Some(m));
    let seg = Segmenter::new();
    let mut reps = vec![AttrReport::default(); 4];
    for d in &docs {
        let s = seg.segment(&d.text);
        let pos = dossier_attribution::pos_tags(&d.text, &s);
        let gold_cues: Vec<dossier_doc::Span> = d
            .attrs
            .iter()
            .map(|g| dossier_doc::Span::new(g.cue[0].start, g.cue.iter().map(|c| c.end).max().unwrap_or(0)))
            .collect();
        let runs = [
            a.extract(&d.text, &s, pos.as_deref(), &[]),
            a.extract_diag(&d.text, &s, pos.as_deref(), None, false),
            a.extract_diag(&d.text, &s, pos.as_deref(), Some(&gold_cues), false),
            a.extract_diag(&d.text, &s, pos.as_deref(), Some(&gold_cues), true),
        ];
        for (r, hits) in reps.iter_mut().zip(&runs) {
            score_doc(r, &d.text, &d.attrs, hits);
        }
    }
    if let Ok(r) = std::env::var("BOUNDARIES") {
        boundaries(&docs, &a, &r);
        return Ok(());
    }
    if std::env::var("BY_ROLES").is_ok() {
        by_roles(&docs, &a);
    }
    if std::env::var("SHOW_NESTED").is_ok() {
        show_nested(&docs, &a);
    }
    for (name, r) in ["shipped", "model only", "gold cues, model only", "gold cues + rules"].iter().zip(&reps)
    {
        println!("== {name}\n{r}");
    }
    Ok(())
}

/// Gold cues that the rules nest (so they drop out of the top-level score), with the parent.
#[allow(dead_code)]
pub fn show_nested(docs: &[dossier_attribution::polnear::GoldDoc], a: &Attributor) {
    let seg = Segmenter::new();
    let mut shown = 0;
    for d in docs {
        let s = seg.segment(&d.text);
        let pos = dossier_attribution::pos_tags(&d.text, &s);
        let hits = a.extract(&d.text, &s, pos.as_deref(), &[]);
        for h in &hits {
            let Some(p) = h.parent else { continue };
            let Some(g) = d.attrs.iter().find(|g| g.cue[0] == h.cue) else { continue };
            let t = |x: &dossier_doc::Span| x.of(&d.text).to_string();
            let par = &hits[p];
            let gp = d.attrs.iter().find(|g| g.cue[0] == par.cue);
            if shown < 60 {
                shown += 1;
                println!(
                    "NESTED cue {:?} src {:?} gold con {:?}\n  parent cue {:?} (gold cue: {}) con {:?}\n  parent gold con {:?}",
                    t(&h.cue),
                    h.source.map(|x| t(&x)),
                    g.content.iter().map(t).collect::<Vec<_>>(),
                    t(&par.cue),
                    gp.is_some(),
                    par.content.iter().map(t).collect::<Vec<_>>(),
                    gp.map(|g| g.content.iter().map(t).collect::<Vec<_>>())
                );
            }
        }
    }
}

/// Content (and source) boundary mistakes on gold cues: the text between the gold and the
/// predicted boundary, counted (`+x` the prediction has x more, `-x` it lacks x).
#[allow(dead_code)]
pub fn boundaries(docs: &[dossier_attribution::polnear::GoldDoc], a: &Attributor, role: &str) {
    use std::collections::HashMap;
    let seg = Segmenter::new();
    let mut left: HashMap<String, usize> = HashMap::new();
    let mut right: HashMap<String, usize> = HashMap::new();
    let (mut exact, mut over) = (0, 0);
    for d in docs {
        let s = seg.segment(&d.text);
        let pos = dossier_attribution::pos_tags(&d.text, &s);
        let gold_cues: Vec<dossier_doc::Span> = d
            .attrs
            .iter()
            .map(|g| dossier_doc::Span::new(g.cue[0].start, g.cue.iter().map(|c| c.end).max().unwrap_or(0)))
            .collect();
        let hits = if role == "cue" {
            a.extract(&d.text, &s, pos.as_deref(), &[])
        } else {
            a.extract_diag(&d.text, &s, pos.as_deref(), Some(&gold_cues), true)
        };
        let t = &d.text;
        let words = std::env::var("CLIP_WORDS").ok().and_then(|v| v.parse::<usize>().ok());
        let clip = |x: &str| {
            let x = x.replace('\n', "⏎");
            // `CLIP_WORDS=k`: only the first k words and the length class (groups the tail).
            if let Some(k) = words {
                let n = x.split_whitespace().count();
                let head: Vec<&str> = x.split_whitespace().take(k).collect();
                let len = match n {
                    0..=1 => "1",
                    2..=4 => "2-4",
                    5..=10 => "5-10",
                    _ => "11+",
                };
                return format!("{} …[{len}]", head.join(" "));
            }
            if x.chars().count() > 25 {
                format!("{}…", x.chars().take(25).collect::<String>())
            } else {
                x
            }
        };
        for g in &d.attrs {
            let Some(h) = hits.iter().find(|h| h.parent.is_none() && h.cue.overlaps(&g.cue[0])) else {
                continue;
            };
            let _ = &gold_cues;
            let (gs, ps): (Vec<_>, Vec<_>) = if role == "cue" {
                (
                    g.cue.iter().map(|s| s.trim(t)).collect(),
                    hits.iter().filter(|h| h.parent.is_none()).map(|h| h.cue.trim(t)).collect(),
                )
            } else if role == "source" {
                (g.source.iter().map(|s| s.trim(t)).collect(), h.source.iter().map(|s| s.trim(t)).collect())
            } else {
                (g.content.iter().map(|s| s.trim(t)).collect(), h.content.iter().map(|s| s.trim(t)).collect())
            };
            for gf in &gs {
                if ps.contains(gf) {
                    exact += 1;
                    continue;
                }
                let Some(pf) = ps.iter().find(|p| p.overlaps(gf)) else { continue };
                over += 1;
                if pf.start < gf.start {
                    *left.entry(format!("+{}", clip(&t[pf.start..gf.start]))).or_default() += 1;
                } else if pf.start > gf.start {
                    *left.entry(format!("-{}", clip(&t[gf.start..pf.start]))).or_default() += 1;
                }
                if pf.end > gf.end {
                    *right.entry(format!("+{}", clip(&t[gf.end..pf.end]))).or_default() += 1;
                } else if pf.end < gf.end {
                    *right.entry(format!("-{}", clip(&t[pf.end..gf.end]))).or_default() += 1;
                }
            }
        }
    }
    println!("{role}: exact {exact}, overlapping but not exact {over}");
    for (name, m) in [("left", &left), ("right", &right)] {
        let mut v: Vec<_> = m.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        println!("{name}: {} total", v.iter().map(|x| x.1).sum::<usize>());
        for (k, n) in v.iter().take(std::env::var("TOPN").ok().and_then(|s| s.parse().ok()).unwrap_or(45)) {
            println!("  {n:>4} {k:?}");
        }
    }
}

/// Precision of top-level cues by whether the hit has a source / content.
#[allow(dead_code)]
pub fn by_roles(docs: &[dossier_attribution::polnear::GoldDoc], a: &Attributor) {
    let seg = Segmenter::new();
    let mut tab = [[(0usize, 0usize); 2]; 2];
    for d in docs {
        let s = seg.segment(&d.text);
        let pos = dossier_attribution::pos_tags(&d.text, &s);
        let hits = a.extract(&d.text, &s, pos.as_deref(), &[]);
        for h in hits.iter().filter(|h| h.parent.is_none()) {
            let ok = d.attrs.iter().any(|g| g.cue.iter().any(|c| c.overlaps(&h.cue)));
            let e = &mut tab[usize::from(h.source.is_some())][usize::from(!h.content.is_empty())];
            e.0 += usize::from(ok);
            e.1 += 1;
        }
    }
    for (s, row) in tab.iter().enumerate() {
        for (c, (ok, n)) in row.iter().enumerate() {
            println!("source {s} content {c}: {ok}/{n} cues overlap gold");
        }
    }
}
