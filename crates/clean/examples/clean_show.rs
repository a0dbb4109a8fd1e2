//! Print what the cleaner finds in a text file: `cargo run -p dossier-clean --example clean_show -- FILE`.

use std::io::Write;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: clean_show FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let c = dossier_clean::Cleaner::new().clean(&text);
    let mut o = std::io::stdout().lock();
    let show = |s: dossier_doc::Span| format!("{}..{} {:?}", s.start, s.end, s.of(&text));
    let _ = writeln!(o, "title:    {}", c.title.map(show).unwrap_or_default());
    let _ = writeln!(o, "dateline: {}", c.dateline.map(show).unwrap_or_default());
    let _ = writeln!(o, "authors:  {:?}", c.authors);
    for b in &c.boilerplate {
        let _ = writeln!(o, "boilerplate {:<17} {}", b.kind.as_str(), show(b.span));
    }
    for g in &c.origin {
        let _ = writeln!(o, "origin {:?} {:<15} {}", g.outlet, g.kind.as_str(), show(g.evidence));
    }
    for b in &c.body {
        let s = b.of(&text);
        let head: String = s.chars().take(60).collect();
        let _ = writeln!(o, "body {}..{} {:?}…", b.start, b.end, head);
    }
}
