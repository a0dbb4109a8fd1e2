//! `cargo run --release -p dossier-segment --example eval_ewt -- FILE.conllu`
//! (the CLI's `dossier eval segment --conllu FILE` calls the same function).

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/work/shared/data/ud-english-ewt/en_ewt-ud-dev.conllu".into());
    match dossier_segment::eval::ewt(std::path::Path::new(&path)) {
        Ok(r) => println!("{r}"),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
