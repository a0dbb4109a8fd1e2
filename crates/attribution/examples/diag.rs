//! Error listing on a PolNeAR split: most frequent missed and spurious cues, and for
//! found cues the source/content mistakes.
//!
//! `cargo run --release -p dossier-attribution --example diag -- SPLIT_DIR [MODEL.bin]`

#[path = "common/mod.rs"]
mod common;

use std::collections::HashMap;

use dossier_attribution::{AttrModel, Attributor};
use dossier_segment::Segmenter;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (docs, mut m) = common::split_and_model(&args, "usage: diag SPLIT_DIR [MODEL.bin]")?;
    // Score several cue biases first (tuning aid).
    for b in std::env::var("ATTR_BIASES").unwrap_or_default().split(',').filter(|s| !s.is_empty()) {
        let b: f32 = b.parse()?;
        m.set_cue_bias(b);
        let a = Attributor::new(Some(AttrModel::from_bytes(m.to_bytes())?));
        let mut a = a;
        if let Some(mm) = a.model_mut() {
            mm.set_cue_bias(b);
        }
        println!("bias {b}\n{}", dossier_attribution::eval::evaluate(&a, &docs));
    }
    let a = Attributor::new(Some(m));
    let seg = Segmenter::new();
    let mut missed: HashMap<String, usize> = HashMap::new();
    let mut spurious: HashMap<String, usize> = HashMap::new();
    let mut shown = 0;
    for d in &docs {
        let s = seg.segment(&d.text);
        let pos = dossier_attribution::pos_tags(&d.text, &s);
        let hits = a.extract(&d.text, &s, pos.as_deref(), &[]);
        let top: Vec<_> = hits.iter().filter(|h| h.parent.is_none()).collect();
        for g in &d.attrs {
            let c = g.cue[0];
            match top.iter().find(|h| h.cue.overlaps(&c)) {
                None => *missed.entry(c.of(&d.text).to_lowercase()).or_default() += 1,
                Some(h) => {
                    if shown < 40
                        && (h.source.map(|s| s.trim(&d.text)) != g.source.first().copied()
                            || h.content != g.content)
                    {
                        shown += 1;
                        println!(
                            "CUE {:?}\n  gold src {:?}\n  pred src {:?}\n  gold con {:?}\n  pred con {:?}",
                            c.of(&d.text),
                            g.source.iter().map(|s| s.of(&d.text)).collect::<Vec<_>>(),
                            h.source.map(|s| s.of(&d.text)),
                            g.content.iter().map(|s| s.of(&d.text)).collect::<Vec<_>>(),
                            h.content.iter().map(|s| s.of(&d.text)).collect::<Vec<_>>()
                        );
                    }
                }
            }
        }
        for h in &top {
            if !d.attrs.iter().any(|g| g.cue.iter().any(|c| c.overlaps(&h.cue))) {
                *spurious.entry(h.cue.of(&d.text).to_lowercase()).or_default() += 1;
            }
        }
    }
    for (name, m) in [("missed", &missed), ("spurious", &spurious)] {
        let mut v: Vec<_> = m.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        println!("{name}: {} total", v.iter().map(|x| x.1).sum::<usize>());
        for (k, n) in v.iter().take(40) {
            println!("  {n:>4} {k}");
        }
    }
    Ok(())
}
