//! Word lists from `data/*.tsv`, compiled once on first use.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use crate::{Evidence, Stance};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueClass {
    Speech = 1,
    Belief = 2,
    Document = 3,
    According = 4,
}

/// What a source word says about its referent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceKind {
    Per,
    PerM,
    PerF,
    Org,
    Doc,
    Plural,
    PronounM,
    PronounF,
    PronounN,
    PronounPl,
    Pronoun1,
}

impl SourceKind {
    pub fn is_pronoun(self) -> bool {
        matches!(
            self,
            SourceKind::PronounM
                | SourceKind::PronounF
                | SourceKind::PronounN
                | SourceKind::PronounPl
                | SourceKind::Pronoun1
        )
    }
}

/// A phrase of lower-case words; `None` is a gap of up to six words (`…`).
pub type Phrase = Vec<Option<String>>;

pub struct Lexicon {
    pub cues: HashMap<String, CueClass>,
    pub stance: Vec<(Phrase, Stance)>,
    pub evidence: Vec<(Phrase, Evidence)>,
    pub sources: HashMap<String, SourceKind>,
    /// Upper-case paragraph labels before a colon that are not a speaker's turn (lower case).
    pub not_speakers: rustc_hash::FxHashSet<String>,
    /// Past participles whose passive subject is the addressee ("were told to", "was asked"),
    /// each with whether its passive needs an auxiliary to be told from the active before "to".
    pub passive_addressees: HashMap<String, bool>,
    /// Subordinators whose clause after a comma ends a source ("…, as he tied up his boat").
    pub clause_openers: rustc_hash::FxHashSet<String>,
    /// Verb forms whose object is the addressee ("told reporters that …"): a content after one
    /// starts at its clause opener, past the addressee.
    pub addressee_verbs: rustc_hash::FxHashSet<String>,
    /// Words that deny a claim of responsibility around its subject ("No group has claimed").
    pub negations: rustc_hash::FxHashSet<String>,
    /// Words that open the content after an addressee ("told reporters *that* …", "asked the
    /// panel *whether* …", "told the panel *she* had …").
    pub addressee_openers: rustc_hash::FxHashSet<String>,
    /// Indices into `stance` / `evidence` by the phrase's first word (phrases that open
    /// with a gap under ""), so a window is matched only against phrases that can start in it.
    stance_first: HashMap<String, Vec<usize>>,
    evidence_first: HashMap<String, Vec<usize>>,
}

fn by_first<T>(list: &[(Phrase, T)]) -> HashMap<String, Vec<usize>> {
    let mut m: HashMap<String, Vec<usize>> = HashMap::default();
    for (i, (p, _)) in list.iter().enumerate() {
        let first = p.first().cloned().flatten().unwrap_or_default();
        m.entry(first).or_default().push(i);
    }
    m
}

impl Lexicon {
    /// Indices of the stance phrases that may match in `words`, in lexicon order.
    pub fn stance_candidates(&self, words: &[String]) -> Vec<usize> {
        candidates(&self.stance_first, words)
    }
    /// Indices of the evidence phrases that may match in `words`, in lexicon order.
    pub fn evidence_candidates(&self, words: &[String]) -> Vec<usize> {
        candidates(&self.evidence_first, words)
    }
}

fn candidates(index: &HashMap<String, Vec<usize>>, words: &[String]) -> Vec<usize> {
    let mut out: Vec<usize> = index.get("").cloned().unwrap_or_default();
    for w in words {
        if let Some(v) = index.get(w) {
            out.extend_from_slice(v);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn rows(src: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    src.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

fn phrase(s: &str) -> Phrase {
    s.split_whitespace().map(|w| if w == "…" { None } else { Some(w.to_lowercase()) }).collect()
}

fn load() -> Result<Lexicon, crate::AttrError> {
    let bad = |file: &'static str, line: usize| crate::AttrError::Data { file, line };
    let mut cues = HashMap::default();
    for (line, r) in rows(include_str!("../data/cues.tsv")) {
        let class = match r.get(1).copied() {
            Some("speech") => CueClass::Speech,
            Some("belief") => CueClass::Belief,
            Some("document") => CueClass::Document,
            Some("according") => CueClass::According,
            _ => return Err(bad("cues.tsv", line)),
        };
        cues.insert(r[0].to_lowercase(), class);
    }
    let mut stance = Vec::new();
    for (line, r) in rows(include_str!("../data/stance.tsv")) {
        let s = r.get(1).and_then(|s| Stance::parse(s)).ok_or(bad("stance.tsv", line))?;
        stance.push((phrase(r[0]), s));
    }
    let mut evidence = Vec::new();
    for (line, r) in rows(include_str!("../data/evidence.tsv")) {
        let e = r.get(1).and_then(|s| Evidence::parse(s)).ok_or(bad("evidence.tsv", line))?;
        evidence.push((phrase(r[0]), e));
    }
    let mut sources = HashMap::default();
    for (line, r) in rows(include_str!("../data/sources.tsv")) {
        let k = match r.get(1).copied() {
            Some("per") => SourceKind::Per,
            Some("per_m") => SourceKind::PerM,
            Some("per_f") => SourceKind::PerF,
            Some("org") => SourceKind::Org,
            Some("doc") => SourceKind::Doc,
            Some("plural") => SourceKind::Plural,
            Some("pronoun_m") => SourceKind::PronounM,
            Some("pronoun_f") => SourceKind::PronounF,
            Some("pronoun_n") => SourceKind::PronounN,
            Some("pronoun_pl") => SourceKind::PronounPl,
            Some("pronoun_1") => SourceKind::Pronoun1,
            _ => return Err(bad("sources.tsv", line)),
        };
        sources.insert(r[0].to_lowercase(), k);
    }
    let not_speakers =
        rows(include_str!("../data/not_speakers.txt")).map(|(_, r)| r.join(" ").to_lowercase()).collect();
    let mut passive_addressees = HashMap::default();
    for (line, r) in rows(include_str!("../data/passive_addressees.txt")) {
        let aux = match r.get(1).copied() {
            None | Some("") => false,
            Some("aux") => true,
            _ => return Err(bad("passive_addressees.txt", line)),
        };
        passive_addressees.insert(r[0].to_lowercase(), aux);
    }
    let clause_openers =
        rows(include_str!("../data/clause_openers.txt")).map(|(_, r)| r.join(" ").to_lowercase()).collect();
    let addressee_verbs =
        rows(include_str!("../data/addressee_verbs.txt")).map(|(_, r)| r.join(" ").to_lowercase()).collect();
    let negations =
        rows(include_str!("../data/negations.txt")).map(|(_, r)| r.join(" ").to_lowercase()).collect();
    let addressee_openers = rows(include_str!("../data/addressee_openers.txt"))
        .map(|(_, r)| r.join(" ").to_lowercase())
        .collect();
    // Longest phrases first, so the first match is the most specific.
    stance.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    evidence.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    let (stance_first, evidence_first) = (by_first(&stance), by_first(&evidence));
    Ok(Lexicon {
        cues,
        stance,
        evidence,
        sources,
        not_speakers,
        passive_addressees,
        clause_openers,
        addressee_verbs,
        negations,
        addressee_openers,
        stance_first,
        evidence_first,
    })
}

pub static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| load().unwrap_or_else(|e| panic!("attribution data files are malformed: {e}")));

/// Whether the data files parse (the tests call this so a bad line fails a test, not a run).
pub fn check() -> Result<(), crate::AttrError> {
    load().map(|_| ())
}

/// Start index (in `words`) of the first match of `p` at or after `from`, with its length.
pub fn find_phrase(words: &[String], p: &Phrase, from: usize) -> Option<(usize, usize)> {
    let mut s = from;
    while s < words.len() {
        if let Some(Some(first)) = p.first() {
            // A phrase that opens with a word can only start where that word stands.
            s += words[s..].iter().position(|w| same(w, first))?;
        }
        if let Some(len) = phrase_at(words, p, s) {
            return Some((s, len));
        }
        s += 1;
    }
    None
}

/// Length and first byte first: most words differ there, without a call to memcmp.
#[inline]
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

/// The length of the match of `p` starting at word `s`, if it matches there.
fn phrase_at(words: &[String], p: &Phrase, s: usize) -> Option<usize> {
    let mut i = s;
    let mut k = 0;
    while k < p.len() {
        match &p[k] {
            Some(w) => {
                if !words.get(i).is_some_and(|x| same(x, w)) {
                    return None;
                }
                i += 1;
                k += 1;
            }
            None => {
                // Gap: the next phrase word within six words.
                let Some(Some(next)) = p.get(k + 1) else { return None };
                let j = (i..(i + 7).min(words.len())).find(|&j| same(&words[j], next))?;
                i = j + 1;
                k += 2;
            }
        }
    }
    Some(i - s)
}

#[cfg(test)]
mod tests {
    use super::{find_phrase, phrase};

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn find_phrase_finds_each_match_from_a_start_with_gaps() {
        let w = words("the mayor did not reply and the clerk did not reply either");
        let p = phrase("did not reply");
        assert_eq!(find_phrase(&w, &p, 0), Some((2, 3)));
        assert_eq!(find_phrase(&w, &p, 3), Some((8, 3)));
        assert_eq!(find_phrase(&w, &p, 9), None);
        assert_eq!(find_phrase(&w, &p, 99), None);
        // A gap takes up to six words before the next phrase word.
        let g = phrase("mayor … reply");
        assert_eq!(find_phrase(&w, &g, 0), Some((1, 4)));
        let far = phrase("mayor … either");
        assert_eq!(find_phrase(&w, &far, 0), None);
        // A phrase opening with a gap matches where its next word is near.
        let open = phrase("… clerk");
        assert_eq!(find_phrase(&w, &open, 0), Some((1, 7)));
        // The first word must be whole, not a prefix or another word of the same length.
        assert_eq!(find_phrase(&words("mayors did"), &phrase("mayor"), 0), None);
        assert_eq!(find_phrase(&words("maxor mayor"), &phrase("mayor"), 0), Some((1, 1)));
    }
}
