//! `cargo run --release -p dossier-html --example html_eval -- DIR [-v]`: the readability evaluation of this
//! crate (what `dossier eval html --readability DIR` prints); `-v` lists the pages from worst to best.
fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "/work/shared/data/readability-test-pages".into());
    let verbose = args.any(|a| a == "-v");
    match dossier_html::eval::readability(std::path::Path::new(&dir)) {
        Ok(r) => {
            if verbose {
                let mut pages = r.pages.clone();
                pages.sort_by(|a, b| a.f1.total_cmp(&b.f1));
                for p in &pages {
                    println!(
                        "{:<45} P {:.3} R {:.3} F1 {:.3} title {:?} byline {:?} date {:?} {:?}/{:?} {}",
                        p.name,
                        p.precision,
                        p.recall,
                        p.f1,
                        p.title_ok,
                        p.byline_ok,
                        p.date_ok,
                        p.date_got,
                        p.date_want,
                        p.error.as_deref().unwrap_or("")
                    );
                }
            }
            println!("{r}");
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
