//! `echo TEXT | cargo run -p dossier-time --example tag -- [YYYY-MM-DD]`: the temporal
//! expressions of one text (segmented into sentences) against a publication date.

use std::io::Read;

fn main() {
    let dct = std::env::args().nth(1).and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        std::process::exit(1);
    }
    let sentences = dossier_segment::Segmenter::new().segment(&text).sentences;
    for h in dossier_time::TimeTagger::global().extract(&text, &sentences, dct) {
        let m = h.mod_.map(|m| format!(" mod={}", m.as_str())).unwrap_or_default();
        println!("{:?}\t{}\t{}{m}", h.span.of(&text), h.kind, h.value);
    }
}
