//! Print the segmentation of a file: one sentence a line (tokens separated by `|`), then
//! the quotations. `cargo run -p dossier-segment --example segment_show -- FILE`

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: segment_show FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {path}: {e}");
            std::process::exit(1);
        }
    };
    let seg = dossier_segment::Segmenter::new().segment(&text);
    for (s, r) in seg.sentences.iter().zip(&seg.sentence_tokens) {
        let toks: Vec<&str> = seg.tokens[r.clone()].iter().map(|t| t.span.of(&text)).collect();
        println!("[{}..{}] {}", s.start, s.end, toks.join("|"));
    }
    for q in &seg.quotes {
        println!("QUOTE closed={} {:?}", q.closed, q.span.of(&text));
    }
}
