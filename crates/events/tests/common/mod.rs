//! Helpers shared by the count tests (a module, not a test target of its own).

use dossier_events::{prepare::prepare, EventExtractor};

/// (what, value, qualifier) of every count of `text`, published 2025-06-14.
pub fn counts_of(text: &str) -> Vec<(String, u64, &'static str)> {
    let p = prepare(text, chrono::NaiveDate::from_ymd_opt(2025, 6, 14));
    let ents = p.entity_refs();
    let events = EventExtractor::global().extract(&p.input(text, &ents));
    events
        .iter()
        .flat_map(|e| e.counts.iter().map(|c| (c.what.clone(), c.value, c.qualifier.as_str())))
        .collect()
}

/// Whether `c` holds the count (what, value, qualifier).
pub fn has(c: &[(String, u64, &'static str)], what: &str, value: u64, q: &str) -> bool {
    c.iter().any(|(w, v, qq)| w == what && *v == value && *qq == q)
}
