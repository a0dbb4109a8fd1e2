//! Finer entity types for the contract's `type` field (OntoNotes-style names: PERSON,
//! NORP, FAC, ORG, GPE, LOC, EVENT, LAW) from the coarse NER label, the gazetteers and head
//! words. Word lists live in `data/` (`fac_heads.txt`, `event_heads.txt`, `law_heads.txt`).

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::gazetteer::{Gazetteer, Kind};

fn list(text: &'static str) -> HashSet<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
}

static FAC: LazyLock<HashSet<String>> = LazyLock::new(|| list(include_str!("../data/fac_heads.txt")));
static EVENT: LazyLock<HashSet<String>> = LazyLock::new(|| list(include_str!("../data/event_heads.txt")));
static LAW: LazyLock<HashSet<String>> = LazyLock::new(|| list(include_str!("../data/law_heads.txt")));

/// Words in the context that mark a country or city name used for its government or
/// officials (a GPE even when the recogniser called it ORG).
const GOVERNMENT_CONTEXT: [&str; 8] = [
    "government",
    "officials",
    "authorities",
    "ministry",
    "embassy",
    "administration",
    "sanctions",
    "president",
];

/// The finer type of a mention, or `None` when nothing more specific than the label can be
/// said. `context` are the words around the mention (any window; case-insensitive).
pub fn fine_type(mention: &str, label: &str, context: &[&str]) -> Option<&'static str> {
    let m = mention.trim();
    let m = m.strip_prefix("the ").or_else(|| m.strip_prefix("The ")).unwrap_or(m);
    if m.is_empty() {
        return None;
    }
    if label == "PER" {
        return Some("PERSON");
    }
    let g = Gazetteer::global();
    let kinds = g.kinds_of(m);
    let head = m.split_whitespace().last().unwrap_or(m).to_lowercase();
    let multi = m.split_whitespace().nth(1).is_some();
    let gpe = Kind::Country.bit() | Kind::State.bit() | Kind::City.bit();
    if kinds & Kind::Org.bit() != 0 {
        return Some("ORG");
    }
    if kinds & gpe != 0 {
        if label == "ORG" {
            let gov = context.iter().any(|c| GOVERNMENT_CONTEXT.contains(&c.to_lowercase().as_str()));
            return Some(if gov { "GPE" } else { "ORG" });
        }
        return Some("GPE");
    }
    if kinds & Kind::Demonym.bit() != 0 {
        return Some("NORP");
    }
    if kinds & (Kind::Continent.bit() | Kind::Region.bit()) != 0 {
        return Some("LOC");
    }
    if multi && FAC.contains(&head) {
        return Some("FAC");
    }
    match label {
        "ORG" => Some("ORG"),
        "LOC" => Some("LOC"),
        "MISC" => {
            if EVENT.contains(&head) {
                Some("EVENT")
            } else if multi && LAW.contains(&head) {
                Some("LAW")
            } else if m.ends_with("ian") || m.ends_with("ese") || m.ends_with("ish") {
                // Unlisted nationality-like adjectives: "Tajikistani"-style forms.
                Some("NORP")
            } else {
                None
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Precision and coverage on the hand-written fixtures in `tests/fine_types.tsv`.
    #[test]
    fn fixture_precision() {
        let text = include_str!("../tests/fine_types.tsv");
        let (mut predicted, mut correct, mut total) = (0, 0, 0);
        let mut wrong = Vec::new();
        for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 4, "bad fixture line {line:?}");
            let ctx: Vec<&str> = cols[2].split_whitespace().collect();
            let expected = (cols[3] != "-").then_some(cols[3]);
            let got = fine_type(cols[0], cols[1], &ctx);
            total += 1;
            if got.is_some() {
                predicted += 1;
                if got == expected {
                    correct += 1;
                } else {
                    wrong.push(format!("{} {} → {:?} (expected {:?})", cols[0], cols[1], got, expected));
                }
            }
        }
        let precision = correct as f64 / predicted.max(1) as f64;
        eprintln!(
            "fine types: precision {:.3} ({correct}/{predicted}), coverage {predicted}/{total}; wrong: {wrong:?}",
            precision
        );
        assert!(precision >= 0.9, "precision {precision:.3}: {wrong:?}");
        assert!(predicted * 10 >= total * 8);
    }

    #[test]
    fn basic_rules() {
        assert_eq!(fine_type("Vladimir Putin", "PER", &[]), Some("PERSON"));
        assert_eq!(fine_type("Ukraine", "LOC", &[]), Some("GPE"));
        assert_eq!(fine_type("Russian", "MISC", &[]), Some("NORP"));
        assert_eq!(fine_type("Crocus City Hall", "LOC", &[]), Some("FAC"));
        assert_eq!(fine_type("", "LOC", &[]), None);
    }
}
