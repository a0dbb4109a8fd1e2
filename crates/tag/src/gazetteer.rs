//! Gazetteers: multi-token names (lowercased) with a set of kinds, matched over a token
//! sequence. Sources (under `data/`): GeoNames-derived countries, states, continents and
//! cities (`gazetteer.tsv`), hand-written places, regions, demonyms and organisations.

use std::sync::LazyLock;

use crate::features::lower_key;
use crate::hash::{FeatHash, IdMap};

/// Kinds of gazetteer entries (bit positions in a mask).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    Country = 0,
    State = 1,
    City = 2,
    Continent = 3,
    Region = 4,
    Demonym = 5,
    Org = 6,
}

pub const KINDS: [Kind; 7] =
    [Kind::Country, Kind::State, Kind::City, Kind::Continent, Kind::Region, Kind::Demonym, Kind::Org];

impl Kind {
    fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "COUNTRY" => Kind::Country,
            "STATE" => Kind::State,
            "CITY" => Kind::City,
            "CONTINENT" => Kind::Continent,
            "REGION" => Kind::Region,
            "NORP" | "DEMONYM" => Kind::Demonym,
            "ORG" => Kind::Org,
            _ => return None,
        })
    }
    pub fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

pub struct Gazetteer {
    /// Hash of the lowercase token sequence → kinds mask.
    entries: IdMap<u8>,
    max_len: usize,
}

/// One match over token positions `start..end` of the given kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub kinds: u8,
}

/// Flag in an entry's mask: the sequence is a proper prefix of some name.
const PREFIX: u8 = 0x80;
const SEQ_TEMPLATE: u32 = 77;

fn seq_key(keys: impl Iterator<Item = u64>) -> u64 {
    let mut h = FeatHash::new(SEQ_TEMPLATE);
    for k in keys {
        h = h.u64(k);
    }
    h.finish()
}

fn name_tokens(name: &str) -> Vec<&str> {
    name.split_whitespace().collect()
}

static GLOBAL: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut g = Gazetteer { entries: IdMap::default(), max_len: 1 };
    let tsv = |text: &'static str| {
        text.lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let (n, k) = l.split_once('\t')?;
                Some((n.trim(), Kind::parse(k.trim())?))
            })
            .collect::<Vec<_>>()
    };
    let list = |text: &'static str, kind: Kind| {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(move |l| (l, kind))
            .collect::<Vec<_>>()
    };
    let mut all = tsv(include_str!("../data/gazetteer.tsv"));
    all.extend(tsv(include_str!("../data/places.tsv")));
    all.extend(list(include_str!("../data/regions.txt"), Kind::Region));
    all.extend(list(include_str!("../data/demonyms.txt"), Kind::Demonym));
    all.extend(list(include_str!("../data/organisations.txt"), Kind::Org));
    for (name, kind) in all {
        g.add(name, kind);
    }
    g
});

impl Gazetteer {
    pub fn global() -> &'static Gazetteer {
        &GLOBAL
    }

    fn add(&mut self, name: &str, kind: Kind) {
        let toks = name_tokens(name);
        if toks.is_empty() {
            return;
        }
        self.add_tokens(&toks, kind);
        // Tokenisers that split hyphens (UD EWT style: `ISIS - K`) see the name this way.
        if toks.iter().any(|t| t.trim_matches('-').contains('-')) {
            let mut split = Vec::new();
            for t in &toks {
                let mut parts = t.split('-').peekable();
                while let Some(p) = parts.next() {
                    if !p.is_empty() {
                        split.push(p);
                    }
                    if parts.peek().is_some() {
                        split.push("-");
                    }
                }
            }
            self.add_tokens(&split, kind);
        }
    }

    fn add_tokens(&mut self, toks: &[&str], kind: Kind) {
        self.max_len = self.max_len.max(toks.len());
        let keys: Vec<u64> = toks.iter().map(|t| lower_key(t)).collect();
        *self.entries.entry(seq_key(keys.iter().copied())).or_insert(0) |= kind.bit();
        // Mark the proper prefixes so that matching can stop at the first unknown one.
        for m in 1..keys.len() {
            *self.entries.entry(seq_key(keys[..m].iter().copied())).or_insert(0) |= PREFIX;
        }
    }

    /// Kinds of an exact name (whitespace-separated tokens), 0 when absent.
    pub fn kinds_of(&self, name: &str) -> u8 {
        // The sequence key of [`Self::kinds_of_keys`], hashed token by token without
        // collecting the keys.
        let mut h = FeatHash::new(SEQ_TEMPLATE);
        let mut n = 0;
        for t in name.split_whitespace() {
            n += 1;
            if n > self.max_len {
                return 0;
            }
            h = h.u64(lower_key(t));
        }
        if n == 0 {
            return 0;
        }
        self.entries.get(&h.finish()).map_or(0, |&k| k & !PREFIX)
    }

    pub fn kinds_of_keys(&self, lower_keys: &[u64]) -> u8 {
        if lower_keys.is_empty() || lower_keys.len() > self.max_len {
            return 0;
        }
        self.entries.get(&seq_key(lower_keys.iter().copied())).map_or(0, |&k| k & !PREFIX)
    }

    /// For each start, the longest match (over all kinds).
    pub fn matches(&self, lower_keys: &[u64]) -> Vec<Match> {
        let mut out = Vec::new();
        for s in 0..lower_keys.len() {
            let max = self.max_len.min(lower_keys.len() - s);
            // Extend the sequence hash one token at a time while it is a known prefix,
            // keeping the longest sequence that is a name.
            let mut h = FeatHash::new(SEQ_TEMPLATE);
            let mut best = None;
            for (len, &k) in lower_keys[s..s + max].iter().enumerate() {
                h = h.u64(k);
                let Some(&v) = self.entries.get(&h.finish()) else { break };
                if v & !PREFIX != 0 {
                    best = Some(Match { start: s, end: s + len + 1, kinds: v & !PREFIX });
                }
                if v & PREFIX == 0 {
                    break;
                }
            }
            out.extend(best);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_countries_cities_orgs_and_demonyms() {
        let g = Gazetteer::global();
        assert_ne!(g.kinds_of("Ukraine") & Kind::Country.bit(), 0);
        assert_ne!(g.kinds_of("moscow") & Kind::City.bit(), 0);
        assert_ne!(g.kinds_of("Russian") & Kind::Demonym.bit(), 0);
        assert_ne!(g.kinds_of("National Security Council") & Kind::Org.bit(), 0);
        assert_eq!(g.kinds_of("the"), 0);
        let toks = ["officials", "in", "New", "York", "said"];
        let keys: Vec<u64> = toks.iter().map(|t| lower_key(t)).collect();
        let m = g.matches(&keys);
        assert!(m.iter().any(|m| m.start == 2 && m.end == 4), "{m:?}");
        assert!(g.matches(&[]).is_empty());
        // Hyphenated names also match when the tokeniser splits the hyphen.
        let toks = ["ISIS", "-", "K", "claimed"];
        let keys: Vec<u64> = toks.iter().map(|t| lower_key(t)).collect();
        let m = g.matches(&keys);
        assert!(m.iter().any(|m| m.start == 0 && m.end == 3 && m.kinds & Kind::Org.bit() != 0), "{m:?}");
    }

    /// The reference: collect the tokens' keys, then look the sequence up.
    fn kinds_collected(g: &Gazetteer, name: &str) -> u8 {
        g.kinds_of_keys(&name_tokens(name).iter().map(|t| lower_key(t)).collect::<Vec<_>>())
    }

    #[test]
    fn kinds_of_agrees_with_the_collected_keys() {
        let g = Gazetteer::global();
        for name in [
            "",
            "   ",
            "Ukraine",
            " new  york ",
            "National Security Council",
            "New York City Hall and the rest of a very long name that is not there",
            "ISIS - K",
            "the",
        ] {
            assert_eq!(g.kinds_of(name), kinds_collected(g, name), "{name:?}");
        }
        let long = vec!["york"; g.max_len + 1].join(" ");
        assert_eq!(g.kinds_of(&long), 0);
    }

    proptest::proptest! {
        #[test]
        fn kinds_of_agrees_on_arbitrary_names(name in "\\PC{0,40}") {
            let g = Gazetteer::global();
            proptest::prop_assert_eq!(g.kinds_of(&name), kinds_collected(g, &name));
        }
    }
}
