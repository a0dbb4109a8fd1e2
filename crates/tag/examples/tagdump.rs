//! Exactness check for speed work: writes the predicted tags of CoNLL-2003 and CoNLL-U files
//! (POS + NER through the cached document path, POS alone through `tag_conllu`) to stdout,
//! so outputs before and after a change can be compared byte for byte:
//! `cargo run --release -p dossier-tag --example tagdump -- eng.testa en_ewt-ud-dev.conllu | md5sum`.
//! Files ending in `.conllu` are POS-tagged, others NER-tagged.

use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for arg in std::env::args().skip(1) {
        let path = std::path::Path::new(&arg);
        writeln!(out, "# {arg}")?;
        if arg.ends_with(".conllu") {
            dossier_tag::tag_conllu(path, &mut out)?;
        } else {
            dossier_tag::tag_conll(path, &mut out)?;
        }
    }
    out.flush()?;
    Ok(())
}
