//! Draw a model's attributions under the fixture articles (and any other texts), the way
//! the fixture snapshots do, to review a candidate model before it replaces the shipped one.
//!
//! `cargo run --release -p dossier-attribution --example render -- MODEL.bin [TEXT…]`
//! (without texts: every file in tests/fixtures and /work/shared/seed/article.txt if present)

use dossier_attribution::draw::draw;
use dossier_attribution::{prepare_stages, AttrModel, Attributor};

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
        println!("==== {}\n{}", f.display(), draw(&text, &hits));
        if std::env::var("RENDER_ENTITIES").is_ok() {
            for e in &ents {
                println!("  entity {:?} {:?}", e.label, e.span.of(&text));
            }
        }
    }
    Ok(())
}
