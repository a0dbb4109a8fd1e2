//! `cargo run --release -p dossier-time --example timeml -- DIR [--errors]`: the TempEval-3
//! measures on a folder of TimeML files, optionally with every disagreement listed.

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: timeml DIR [--errors]");
        std::process::exit(2);
    };
    let errors = args.next().as_deref() == Some("--errors");
    match dossier_time::eval::timeml(std::path::Path::new(&dir)) {
        Ok(r) => {
            if errors {
                for m in &r.mismatches {
                    println!(
                        "{}\t{}\tgold={:?}\tsys={:?}\t| {}",
                        m.what, m.file, m.gold, m.system, m.context
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
