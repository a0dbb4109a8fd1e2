//! Segment the shared articles N times and print the bytes processed; run it under
//! `perf stat -e task-clock` to get bytes per CPU-second on a loaded machine (criterion's
//! wall-clock figures are only meaningful on an idle one).
//! `cargo run --release -p dossier-segment --example segment_throughput -- 2000`

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/articles");
    let mut docs = Vec::new();
    for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        if e.path().extension().is_some_and(|x| x == "txt") {
            if let Ok(t) = std::fs::read_to_string(e.path()) {
                docs.push(t);
            }
        }
    }
    let seg = dossier_segment::Segmenter::new();
    let start = std::time::Instant::now();
    let (mut bytes, mut sentences) = (0usize, 0usize);
    for _ in 0..n {
        for d in &docs {
            sentences += seg.segment(std::hint::black_box(d)).sentences.len();
            bytes += d.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{bytes} bytes, {sentences} sentences, wall {secs:.3}s, {:.1} MB/s wall",
        bytes as f64 / secs / 1e6
    );
}
