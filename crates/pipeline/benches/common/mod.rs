//! The committed corpus the `analyze` bench and the `profile_analyze` example both run on,
//! so that an instruction profile and a throughput figure measure the same work.

use std::path::Path;

use dossier_ingest::{Content, RawDoc};

/// The team-written articles of `testdata/articles/` and `testdata/gold/`, in path order.
pub fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata");
    let mut files = Vec::new();
    for dir in ["articles", "gold"] {
        let rd = std::fs::read_dir(root.join(dir)).expect("testdata folder");
        files.extend(
            rd.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "txt")),
        );
    }
    files.sort();
    files.iter().map(|p| std::fs::read_to_string(p).expect("readable article")).collect()
}

/// One article as a plain-text record published on 2025-06-01.
pub fn raw(text: &str) -> RawDoc {
    RawDoc {
        id: "bench".into(),
        content: Content::Text(text.to_string()),
        title: None,
        url: None,
        published: chrono::NaiveDate::from_ymd_opt(2025, 6, 1),
        outlet: None,
        warnings: Vec::new(),
    }
}

/// The allocator the `dossier` binary runs with (`crates/cli/src/main.rs`), so that the bench
/// measures what users run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
