//! Prints, for each query of a list, a digest of the `claims` answer of a store, so that two
//! builds (before and after a change to the query plan) can be compared on a big store
//! without keeping their outputs: one line per query,
//! `QUERY<TAB>CLAIMS<TAB>BYTES<TAB>HASH<TAB>MS`, where HASH is blake3 of the answer's pretty
//! JSON (what `dossier claims --format json` prints; the text format is a function of the
//! same claims) and MS the milliseconds the query took, store opened and closed (compare the
//! first four columns: `cut -f1-4`).
//!
//! `cargo run --release -p dossier-store --example claims_dump -- DB QUERIES [--full]`
//!
//! QUERIES is a file with one query a line: `about WORDS`, `about-limit N WORDS`,
//! `by NAME`, `by-about NAME|WORDS` or `limit N`. `--full` prints the JSON itself after each line.

use std::io::Write;
use std::path::PathBuf;

use dossier_link::ClaimFilter;
use dossier_store::{SqliteStore, Store};

fn filter_of(line: &str) -> Option<ClaimFilter> {
    let (kind, rest) = line.split_once(' ')?;
    let num = |s: &str| s.split_once(' ').and_then(|(n, r)| Some((n.parse::<usize>().ok()?, r.to_string())));
    Some(match kind {
        "about" => ClaimFilter { about: Some(rest.into()), ..Default::default() },
        "about-limit" => {
            let (n, w) = num(rest)?;
            ClaimFilter { about: Some(w), limit: Some(n), ..Default::default() }
        }
        "by" => ClaimFilter { by: Some(rest.into()), ..Default::default() },
        "by-about" => {
            let (b, a) = rest.split_once('|')?;
            ClaimFilter { by: Some(b.into()), about: Some(a.into()), ..Default::default() }
        }
        "limit" => ClaimFilter { limit: Some(rest.trim().parse().ok()?), ..Default::default() },
        _ => return None,
    })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let full = args.iter().any(|a| a == "--full");
    let mut paths = args.iter().filter(|a| !a.starts_with("--")).map(PathBuf::from);
    let usage = "usage: claims_dump DB QUERIES [--full]";
    let (db, queries) = (paths.next().ok_or(usage)?, paths.next().ok_or(usage)?);
    let queries = std::fs::read_to_string(queries)?;
    let mut out = std::io::stdout().lock();
    for line in queries.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let filter = filter_of(line).ok_or_else(|| format!("not a query: {line}"))?;
        let t = std::time::Instant::now();
        let store = SqliteStore::open_existing(&db)?;
        let claims = store.claims(&filter)?;
        drop(store);
        let ms = t.elapsed().as_secs_f64() * 1e3;
        let json = serde_json::to_vec_pretty(&claims)?;
        writeln!(out, "{line}\t{}\t{}\t{}\t{ms:.1}", claims.len(), json.len(), blake3::hash(&json).to_hex())?;
        if full {
            out.write_all(&json)?;
            writeln!(out)?;
        }
    }
    Ok(())
}
