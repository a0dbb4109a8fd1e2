//! Every attribution of every text given (files or directories, `.txt` files in them,
//! recursively), in full: the extractor's hits, the model alone without rules, and the role
//! tagger on the model's cues' heads widened by a token (a second set of windows). For a
//! before/after diff of a runtime change that must not change any output.
//!
//! `cargo run --release -p dossier-attribution --example dump_attr -- PATH… > out.txt`

use std::path::{Path, PathBuf};

use dossier_attribution::{prepare_stages, Attributor};
use dossier_doc::Span;

fn collect(p: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if p.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(p)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
        v.sort();
        for q in v {
            collect(&q, out)?;
        }
    } else if p.extension().is_some_and(|e| e == "txt") {
        out.push(p.to_path_buf());
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut files = Vec::new();
    for a in std::env::args().skip(1) {
        collect(Path::new(&a), &mut files)?;
    }
    let a = Attributor::global();
    for f in files {
        let text = std::fs::read_to_string(&f)?;
        let (seg, pos, ents) = prepare_stages(&text);
        println!("==== {}", f.display());
        for h in a.extract(&text, &seg, pos.as_deref(), &ents) {
            println!("{h:?}");
        }
        println!("-- model only");
        let raw = a.extract_diag(&text, &seg, pos.as_deref(), None, false);
        for h in &raw {
            println!("{:?} {:?} {:?}", h.source, h.cue, h.content);
        }
        // The role tagger on other cues: each model cue's first token alone.
        println!("-- first-token cues");
        let firsts: Vec<Span> = raw
            .iter()
            .filter_map(|h| seg.tokens.iter().find(|t| t.span.start == h.cue.start).map(|t| t.span))
            .collect();
        for h in a.extract_diag(&text, &seg, pos.as_deref(), Some(&firsts), false) {
            println!("{:?} {:?} {:?}", h.source, h.cue, h.content);
        }
    }
    Ok(())
}
