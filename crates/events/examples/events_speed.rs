//! CPU-time measurement of events + timeline on the committed articles (robust on a busy
//! machine when run under `perf stat -e task-clock`): `speed ROUNDS` prints the bytes
//! processed; the stages before events run once, outside the measured part, and are
//! reported separately on stderr.
use std::time::Instant;

#[path = "../benches/common/mod.rs"]
mod common;
use common::ARTICLES;

fn cpu_seconds() -> f64 {
    // utime + stime of this process, from /proc (Linux); 0 elsewhere.
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |x| x.1);
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

fn main() {
    let rounds: usize = std::env::args().nth(1).and_then(|r| r.parse().ok()).unwrap_or(200);
    let published = chrono::NaiveDate::from_ymd_opt(2025, 6, 14);
    let (c0, w0) = (cpu_seconds(), Instant::now());
    // `speed ROUNDS one`: the articles 35 times as one document (about 1 MB), to check that
    // the cost per byte does not grow with the document.
    let big: String = (0..35).flat_map(|_| ARTICLES.iter().map(|t| format!("{t}\n\n"))).collect();
    let texts: Vec<&str> = if std::env::args().nth(2).as_deref() == Some("one") {
        vec![big.as_str()]
    } else {
        ARTICLES.to_vec()
    };
    let docs: Vec<_> = texts.iter().map(|t| (*t, dossier_events::prepare::prepare(t, published))).collect();
    let (c1, w1) = (cpu_seconds(), Instant::now());
    let refs: Vec<_> = docs.iter().map(|(_, p)| p.entity_refs()).collect();
    let ex = dossier_events::EventExtractor::global();
    let mut n = 0;
    for _ in 0..rounds {
        for ((text, p), ents) in docs.iter().zip(&refs) {
            let input = p.input(text, ents);
            let events = ex.extract(&input);
            n += events.len() + ex.timeline(&input, &events).len();
        }
    }
    let (c2, w2) = (cpu_seconds(), Instant::now());
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let mb = (bytes * rounds) as f64 / 1e6;
    eprintln!(
        "stages before events (first run, includes model loading): cpu {:.3}s wall {:.3}s for {} bytes",
        c1 - c0,
        (w1 - w0).as_secs_f64(),
        bytes
    );
    println!(
        "events+timeline: {:.2} MB in cpu {:.2}s (wall {:.2}s): {:.1} MB/s of CPU time ({n} items)",
        mb,
        c2 - c1,
        (w2 - w1).as_secs_f64(),
        mb / (c2 - c1).max(1e-9)
    );
}
