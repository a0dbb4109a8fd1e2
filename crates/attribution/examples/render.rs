//! Draw a model's attributions under the fixture articles (and any other texts), the way
//! the fixture snapshots do, to review a candidate model before it replaces the shipped one.
//!
//! `cargo run --release -p dossier-attribution --example render -- MODEL.bin [TEXT…]`
//! (without texts: every file in tests/fixtures and /work/shared/seed/article.txt if present)

use dossier_attribution::{prepare_stages, AttrModel, AttributionHit, Attributor};
use dossier_doc::Span;

fn render(text: &str, hits: &[AttributionHit]) -> String {
    let mut out = String::new();
    for (i, h) in hits.iter().enumerate() {
        let mut all: Vec<Span> = vec![h.cue];
        all.extend(h.source);
        all.extend(h.content.iter().copied());
        let lo = all.iter().map(|s| s.start).min().unwrap_or(0);
        let hi = all.iter().map(|s| s.end).max().unwrap_or(0);
        let chain: Vec<&str> = h.chain.iter().map(|s| s.of(text)).collect();
        out.push_str(&format!(
            "#{i} {} {} {} parent={} chain={:?}{}\n",
            h.kind.as_str(),
            h.stance.as_str(),
            h.evidence.as_str(),
            h.parent.map_or("-".to_string(), |p| p.to_string()),
            chain,
            h.source_resolved.map_or(String::new(), |r| format!(" resolved={:?}", r.of(text))),
        ));
        let (mut line, mut marks) = (String::new(), String::new());
        for (b, ch) in text[lo..hi].char_indices() {
            let at = lo + b;
            line.push(if ch == '\n' { '⏎' } else { ch });
            let inside = |s: &Span| s.start <= at && at < s.end;
            marks.push(if inside(&h.cue) {
                '~'
            } else if h.source.as_ref().is_some_and(inside) {
                '^'
            } else if h.content.iter().any(inside) {
                '-'
            } else {
                ' '
            });
        }
        out.push_str(&format!("  {line}\n  {}\n", marks.trim_end()));
    }
    out
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let model =
        AttrModel::load(std::path::Path::new(args.first().ok_or("usage: render MODEL.bin [TEXT…]")?))?;
    let a = Attributor::new(Some(model));
    let mut files: Vec<std::path::PathBuf> = args[1..].iter().map(Into::into).collect();
    if files.is_empty() {
        let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
        let mut v: Vec<_> = std::fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
        v.sort();
        files = v;
        let seed = std::path::PathBuf::from("/work/shared/seed/article.txt");
        if seed.exists() {
            files.push(seed);
        }
    }
    for f in files {
        let text = std::fs::read_to_string(&f)?;
        let (seg, pos, ents) = prepare_stages(&text);
        let hits = a.extract(&text, &seg, pos.as_deref(), &ents);
        println!("==== {}\n{}", f.display(), render(&text, &hits));
        if std::env::var("RENDER_ENTITIES").is_ok() {
            for e in &ents {
                println!("  entity {:?} {:?}", e.label, e.span.of(&text));
            }
        }
    }
    Ok(())
}
