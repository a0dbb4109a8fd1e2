//! Quick throughput check (not a benchmark; criterion lives in `benches/tag.rs`):
//! `cargo run --release -p dossier-tag --example tag_throughput -- [ROUNDS]` tags the committed
//! `testdata/articles` with POS + NER and prints tokens per second. Useful under
//! `valgrind --tool=callgrind` with ROUNDS=1; a second argument `cold` or `warm` runs one mode;
//! `POS_MODEL=FILE` measures that POS model file instead of the embedded one; the tokens'
//! spacing (from their positions in the line) is passed to the tagger unless `SPACING=0`.
//! Besides wall-clock rates it prints rates per second of the thread's CPU time
//! (`/proc/thread-self/schedstat`, Linux), which a machine shared with other jobs inflates less.

/// CPU time this thread has run, in seconds (0 where the kernel does not say).
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|x| x.parse::<u64>().ok()))
        .map_or(0.0, |ns| ns as f64 / 1e9)
}

fn main() {
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20);
    // Optional second argument `cold` or `warm`: run only that mode.
    let only = std::env::args().nth(2);
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/articles");
    let mut paths: Vec<_> =
        std::fs::read_dir(root).map(|rd| rd.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    paths.sort();
    let mut docs: Vec<Vec<Vec<String>>> = Vec::new();
    let mut spacing: Vec<Vec<Vec<dossier_tag::Spacing>>> = Vec::new();
    let with_spacing = std::env::var("SPACING").map_or(true, |v| v != "0");
    for p in paths.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
        let text = std::fs::read_to_string(p).unwrap_or_default();
        let mut sents = Vec::new();
        let mut spaces = Vec::new();
        for line in text.lines() {
            let mut cur: Vec<String> = Vec::new();
            let mut spans: Vec<(usize, usize)> = Vec::new();
            for tok in dossier_tag::brown::simple_tokens(line) {
                // The token's byte range in the line (simple_tokens returns sub-slices).
                let start = tok.as_ptr() as usize - line.as_ptr() as usize;
                cur.push(tok.to_string());
                spans.push((start, start + tok.len()));
                if matches!(tok, "." | "?" | "!") {
                    sents.push(std::mem::take(&mut cur));
                    spaces.push(dossier_tag::Spacing::from_spans(&std::mem::take(&mut spans)));
                }
            }
            if !cur.is_empty() {
                sents.push(cur);
                spaces.push(dossier_tag::Spacing::from_spans(&spans));
            }
        }
        docs.push(sents);
        spacing.push(if with_spacing { spaces } else { Vec::new() });
    }
    let (t, c) = (std::time::Instant::now(), cpu_seconds());
    // POS_MODEL=FILE measures a POS model file instead of the embedded one.
    let pos: &'static dossier_tag::Tagger = match std::env::var("POS_MODEL") {
        Ok(p) => {
            Box::leak(Box::new(dossier_tag::Tagger::load(std::path::Path::new(&p)).expect("POS model file")))
        }
        Err(_) => dossier_tag::Tagger::global().expect("POS model"),
    };
    let ner = dossier_tag::Ner::global().expect("NER model");
    eprintln!(
        "models loaded in {:.1} ms (CPU {:.1} ms)",
        t.elapsed().as_secs_f64() * 1e3,
        (cpu_seconds() - c) * 1e3
    );
    let tokens: usize = docs.iter().flatten().map(Vec::len).sum();
    let docs: Vec<Vec<Vec<&str>>> =
        docs.iter().map(|d| d.iter().map(|s| s.iter().map(String::as_str).collect()).collect()).collect();
    for cold in [true, false] {
        if only.as_deref().is_some_and(|m| m != if cold { "cold" } else { "warm" }) {
            continue;
        }
        let (t, c) = (std::time::Instant::now(), cpu_seconds());
        let mut entities = 0;
        for _ in 0..rounds {
            if cold {
                dossier_tag::clear_thread_cache();
            }
            for (d, sp) in docs.iter().zip(&spacing) {
                entities += ner.tag_with_pos_spaced(pos, d, sp).1.iter().map(Vec::len).sum::<usize>();
            }
        }
        let (secs, cpu) = (t.elapsed().as_secs_f64(), cpu_seconds() - c);
        println!(
            "{} docs, {} tokens x {} rounds, {} type cache: {:.0} tokens/s POS+NER ({:.0} per CPU second; {} entities)",
            docs.len(),
            tokens,
            rounds,
            if cold { "cold" } else { "warm" },
            (tokens * rounds) as f64 / secs,
            (tokens * rounds) as f64 / cpu,
            entities / rounds.max(1)
        );
    }
}
