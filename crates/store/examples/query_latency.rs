//! Latency of the corpus queries on an existing store: each of `stats`, `search`,
//! `provenance`, `timeline --about` (an entity name; a word of a timeline summary), `timeline (all)`, `claims --by`, `claims --about`, `claims --limit 50`,
//! `entities --limit 50`, and the full listings `entities` and `claims` (whose output grows
//! with the corpus) runs `--reps` times (default 50) with
//! arguments varied from the store's own content (title words, attribution sources and
//! content words, entity names, document keys), opening the store each time as a `dossier`
//! command does; prints p50 / p95 / max in milliseconds of wall time, and p50 / p95 of the
//! CPU time the query's thread got (`/proc/thread-self/schedstat`, Linux; 0 elsewhere), which
//! a machine shared with other jobs inflates less than the wall time.
//!
//! `cargo run --release -p dossier-store --example query_latency -- DB [--reps N] [--budget SECONDS] [--only PREFIX]`
//! A query stops early once it has used `--budget` seconds (default 60) and says so;
//! `--only` runs the queries whose name starts with PREFIX (e.g. `claims`).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use dossier_link::ClaimFilter;
use dossier_store::{SqliteStore, Store};
use rusqlite::Connection;

fn strings(conn: &Connection, sql: &str) -> Vec<String> {
    let Ok(mut st) = conn.prepare(sql) else { return Vec::new() };
    let Ok(rows) = st.query_map([], |r| r.get::<_, String>(0)) else { return Vec::new() };
    rows.filter_map(Result::ok).collect()
}

fn words(s: &[String], min_len: usize) -> Vec<String> {
    let mut out: Vec<String> = s
        .iter()
        .flat_map(|t| t.split_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| w.len() >= min_len)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// An SQL expression that orders rows pseudo-randomly but the same way on every run.
fn mix(id: &str) -> String {
    format!("(({id}) * 2654435761 + 97) % 4294967311")
}

/// Nanoseconds this thread has run on a CPU (0 when unknown).
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|x| x.parse().ok()))
        .unwrap_or(0)
}

fn pct(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).map_or(0.0, |d| d.as_secs_f64() * 1e3)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut db = None;
    let (mut reps, mut budget) = (50usize, 60f64);
    let mut only = String::new();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--reps" => {
                reps = args.get(i + 1).ok_or("--reps needs a value")?.parse()?;
                i += 1;
            }
            "--only" => {
                only = args.get(i + 1).ok_or("--only needs a value")?.clone();
                i += 1;
            }
            "--budget" => {
                budget = args.get(i + 1).ok_or("--budget needs a value")?.parse()?;
                i += 1;
            }
            a => db = Some(PathBuf::from(a)),
        }
        i += 1;
    }
    let db = db.ok_or("usage: query_latency DB [--reps N] [--budget SECONDS] [--only PREFIX]")?;
    let conn = Connection::open(&db)?;
    let sample = |sql: &str| strings(&conn, sql);
    // A fixed pseudo-random sample (a hash of the row id), so that runs before and after a
    // change query the same arguments.
    let titles = sample(&format!(
        "SELECT title FROM documents WHERE title IS NOT NULL ORDER BY {} LIMIT 200",
        mix("doc")
    ));
    let search_words = words(&titles, 5);
    let sources = sample(&format!(
        "SELECT source FROM attributions WHERE source IS NOT NULL GROUP BY source ORDER BY {} LIMIT 200",
        mix("min(arow)")
    ));
    let contents = sample(&format!("SELECT content FROM attributions ORDER BY {} LIMIT 200", mix("arow")));
    let content_words = words(&contents, 6);
    let names = sample(&format!("SELECT name FROM ent_summary ORDER BY {} LIMIT 200", mix("comp")));
    let summaries =
        sample(&format!("SELECT summary FROM timeline ORDER BY {} LIMIT 200", mix("doc * 64 + seq")));
    let summary_words = words(&summaries, 5);
    let keys = sample(&format!("SELECT key FROM documents ORDER BY {} LIMIT 200", mix("doc")));
    drop(conn);
    let pick =
        |v: &[String], i: usize| v.get(i % v.len().max(1)).cloned().unwrap_or_else(|| "council".into());
    type Query<'a> = Box<dyn Fn(&SqliteStore, usize) -> Result<usize, dossier_store::StoreError> + 'a>;
    let queries: Vec<(&str, Query<'_>)> = vec![
        ("stats", Box::new(|s, _| s.stats().map(|x| x.documents as usize))),
        (
            "search",
            Box::new(|s, i| {
                let q = if i % 2 == 0 {
                    pick(&search_words, i)
                } else {
                    format!("{} {}", pick(&search_words, i), pick(&search_words, i * 7 + 3))
                };
                s.search(&q, 20).map(|h| h.len())
            }),
        ),
        ("provenance", Box::new(|s, i| s.provenance(&pick(&keys, i)).map(|p| usize::from(p.is_some())))),
        ("timeline --about NAME", Box::new(|s, i| s.timeline(Some(&pick(&names, i))).map(|r| r.len()))),
        (
            "timeline --about WORD",
            Box::new(|s, i| s.timeline(Some(&pick(&summary_words, i))).map(|r| r.len())),
        ),
        ("timeline (all)", Box::new(|s, _| s.timeline(None).map(|r| r.len()))),
        (
            "claims --by",
            Box::new(|s, i| {
                s.claims(&ClaimFilter { by: Some(pick(&sources, i)), ..Default::default() }).map(|c| c.len())
            }),
        ),
        (
            "claims --about",
            Box::new(|s, i| {
                s.claims(&ClaimFilter { about: Some(pick(&content_words, i)), ..Default::default() })
                    .map(|c| c.len())
            }),
        ),
        (
            "claims --about --limit 50",
            Box::new(|s, i| {
                s.claims(&ClaimFilter {
                    about: Some(pick(&content_words, i)),
                    limit: Some(50),
                    ..Default::default()
                })
                .map(|c| c.len())
            }),
        ),
        (
            "claims --limit 50",
            Box::new(|s, _| {
                s.claims(&ClaimFilter { limit: Some(50), ..Default::default() }).map(|c| c.len())
            }),
        ),
        ("entities --limit 50", Box::new(|s, _| s.entities(Some(50)).map(|e| e.len()))),
        ("entities (all)", Box::new(|s, _| s.entities(None).map(|e| e.len()))),
        ("claims (all)", Box::new(|s, _| s.claims(&ClaimFilter::default()).map(|c| c.len()))),
    ];
    println!(
        "{:<26} {:>5} {:>10} {:>10} {:>10} {:>11} {:>11} {:>9}",
        "query", "runs", "p50 ms", "p95 ms", "max ms", "cpu p50 ms", "cpu p95 ms", "results"
    );
    for (name, q) in queries.iter().filter(|(n, _)| n.starts_with(only.as_str())) {
        let mut times = Vec::with_capacity(reps);
        let mut cpu = Vec::with_capacity(reps);
        let started = Instant::now();
        let mut results = 0;
        for i in 0..reps {
            let (t, c) = (Instant::now(), cpu_ns());
            let store = SqliteStore::open_existing(&db)?;
            results += q(&store, i)?;
            drop(store);
            times.push(t.elapsed());
            cpu.push(Duration::from_nanos(cpu_ns().saturating_sub(c)));
            if started.elapsed().as_secs_f64() > budget {
                break;
            }
        }
        times.sort();
        cpu.sort();
        let note = if times.len() < reps { " (stopped at the time budget)" } else { "" };
        println!(
            "{:<26} {:>5} {:>10.1} {:>10.1} {:>10.1} {:>11.1} {:>11.1} {:>9.1}{note}",
            name,
            times.len(),
            pct(&times, 0.5),
            pct(&times, 0.95),
            pct(&times, 1.0),
            pct(&cpu, 0.5),
            pct(&cpu, 0.95),
            results as f64 / times.len().max(1) as f64
        );
    }
    Ok(())
}
