//! Where missed gold cues go: nested under another hit, found by the model but dropped, or
//! never found (by first word).
//!
//! `cargo run --release -p dossier-attribution --example missed -- SPLIT_DIR [MODEL.bin]`

#[path = "common/mod.rs"]
mod common;

use std::collections::HashMap;

use dossier_attribution::Attributor;
use dossier_segment::Segmenter;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (docs, m) = common::split_and_model(&args, "usage: missed SPLIT_DIR [MODEL.bin]")?;
    let a = Attributor::new(Some(m));
    let seg = Segmenter::new();
    let (mut nested, mut dropped, mut never, mut found) = (0, 0, 0, 0);
    let mut never_by: HashMap<String, usize> = HashMap::new();
    // Never-found cues by their head's XPOS tag and by the head word (the cue's last verb,
    // else its last noun, else its first token).
    let (mut by_tag, mut by_head): (HashMap<String, usize>, HashMap<String, usize>) = Default::default();
    for d in &docs {
        let s = seg.segment(&d.text);
        let pos = dossier_attribution::pos_tags(&d.text, &s);
        let hits = a.extract(&d.text, &s, pos.as_deref(), &[]);
        let raw = a.extract_diag(&d.text, &s, pos.as_deref(), None, false);
        for g in &d.attrs {
            let c = g.cue[0];
            if let Some(h) = hits.iter().find(|h| h.parent.is_none() && h.cue.overlaps(&c)) {
                found += 1;
                let gc = dossier_doc::Span::new(c.start, g.cue.iter().map(|x| x.end).max().unwrap_or(c.end));
                if h.cue != gc && std::env::var("SHOW_BOUNDS").is_ok() {
                    println!(
                        "BOUND gold {:?} ({}) pred {:?}",
                        gc.of(&d.text),
                        g.cue.len(),
                        h.cue.of(&d.text)
                    );
                }
            } else if let Some(h) = hits.iter().find(|h| h.cue.overlaps(&c)) {
                nested += 1;
                if std::env::var("SHOW_NESTED").is_ok() {
                    // The outermost hit it sits in, and whether that hit's cue is a gold cue.
                    let mut p = h.parent;
                    let mut top = h;
                    while let Some(k) = p {
                        top = &hits[k];
                        p = top.parent;
                    }
                    let gold_outer = d.attrs.iter().any(|g| g.cue.iter().any(|x| x.overlaps(&top.cue)));
                    let clip = |x: dossier_doc::Span| x.of(&d.text).chars().take(120).collect::<String>();
                    println!(
                        "NESTED outer-cue-gold={gold_outer} outer {:?} inner {:?} | outer content {:?}",
                        top.cue.of(&d.text),
                        c.of(&d.text),
                        top.content.first().map(|x| clip(*x))
                    );
                }
            } else if raw.iter().any(|h| h.cue.overlaps(&c)) {
                dropped += 1;
            } else {
                never += 1;
                if std::env::var("SHOW_NEVER").is_ok() {
                    println!("NEVER\t{}", c.of(&d.text).replace(['\n', '\t'], " "));
                }
                let w = c.of(&d.text).split_whitespace().next().unwrap_or("").to_lowercase();
                *never_by.entry(w).or_default() += 1;
                let end = g.cue.iter().map(|x| x.end).max().unwrap_or(c.end);
                let toks: Vec<usize> = (0..s.tokens.len())
                    .filter(|&k| s.tokens[k].span.start < end && c.start < s.tokens[k].span.end)
                    .collect();
                let tag = |k: usize| pos.as_ref().and_then(|p| p.get(k)).map_or("?", |t| t.xpos());
                let head = toks
                    .iter()
                    .rev()
                    .find(|&&k| tag(k).starts_with("VB"))
                    .or_else(|| toks.iter().rev().find(|&&k| tag(k).starts_with("NN")))
                    .or(toks.first());
                if let Some(&h) = head {
                    *by_tag.entry(tag(h).to_string()).or_default() += 1;
                    *by_head.entry(s.tokens[h].span.of(&d.text).to_lowercase()).or_default() += 1;
                }
            }
        }
    }
    println!("found {found} nested {nested} dropped {dropped} never {never}");
    let mut v: Vec<_> = never_by.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (k, n) in v.iter().take(60) {
        println!("  {n:>4} {k}");
    }
    for (name, m) in [("head tag", by_tag), ("head word", by_head)] {
        let mut v: Vec<_> = m.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        println!("never found, by {name}:");
        for (k, n) in v.iter().take(30) {
            println!("  {n:>4} {k}");
        }
    }
    Ok(())
}
