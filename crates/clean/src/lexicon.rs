//! The cleaner's data files (`data/*.tsv`), parsed and compiled once.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::{Regex, RegexSet, RegexSetBuilder};

use crate::BoilerplateKind;

/// A data file that does not parse.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LexiconError {
    #[error("{file}:{line}: {message}")]
    Malformed { file: &'static str, line: usize, message: String },
    #[error("{file}:{line}: bad pattern: {source}")]
    Pattern {
        file: &'static str,
        line: usize,
        #[source]
        source: Box<regex::Error>,
    },
    #[error("{file}: cannot build matcher: {message}")]
    Build { file: &'static str, message: String },
}

const OUTLETS: &str = include_str!("../data/outlets.tsv");
const CREDITS: &str = include_str!("../data/credits.tsv");
const LINES: &str = include_str!("../data/lines.tsv");
const BIO: &str = include_str!("../data/bio.tsv");
const COMMENT: &str = include_str!("../data/comment.tsv");
const ABBREV: &str = include_str!("../data/abbrev.txt");

/// Credit-line rules, one per `rule` name of `credits.tsv`.
#[derive(Debug, Default)]
pub(crate) struct CreditRules {
    pub source: Option<Regex>,
    pub source_bare: Option<Regex>,
    pub dash: Option<Regex>,
    pub byline: Option<Regex>,
    pub written_by: Option<Regex>,
    pub trailer: Option<Regex>,
    pub contributed: Option<Regex>,
    pub appeared: Option<Regex>,
    pub copyright: Option<Regex>,
    pub dateline: Option<Regex>,
}

#[derive(Debug)]
pub(crate) struct Lexicon {
    /// lowercased alias (leading "the " removed) → (canonical name, alias needs exact case)
    outlets: HashMap<String, Vec<(String, Option<String>)>>,
    pub credits: CreditRules,
    /// Every credit-line pattern but the dateline, to rule a line out in one pass.
    pub credit_set: RegexSet,
    pub line_set: RegexSet,
    /// (kind, whether the line is a publication date line)
    pub line_kinds: Vec<(BoilerplateKind, bool)>,
    /// first-person cues, third-person cues, job words, bio verbs (lowercase)
    pub bio_first: AhoCorasick,
    pub bio_first_w: Vec<u32>,
    pub bio_third: AhoCorasick,
    pub bio_third_w: Vec<u32>,
    pub bio_jobs: AhoCorasick,
    pub bio_verbs: Vec<(String, u32)>,
    pub comment: AhoCorasick,
    pub abbrev: std::collections::HashSet<String>,
}

fn rows(src: &'static str) -> impl Iterator<Item = (usize, &'static str)> {
    src.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

fn malformed(file: &'static str, line: usize, message: impl Into<String>) -> LexiconError {
    LexiconError::Malformed { file, line, message: message.into() }
}

fn words_ac(file: &'static str, pats: &[String]) -> Result<AhoCorasick, LexiconError> {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .build(pats)
        .map_err(|e| LexiconError::Build { file, message: e.to_string() })
}

/// The lookup key of an outlet name: lowercase, no leading "the ", no trailing dot.
pub(crate) fn outlet_key(name: &str) -> String {
    let n = name.trim().trim_end_matches(['.', ',', ';', ':']).trim();
    let lower = n.to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower).trim();
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Lexicon {
    pub fn parse() -> Result<Lexicon, LexiconError> {
        // outlets
        let mut outlets: HashMap<String, Vec<(String, Option<String>)>> = HashMap::new();
        for (ln, row) in rows(OUTLETS) {
            let mut cols = row.split('\t');
            let name = cols.next().unwrap_or("").trim();
            if name.is_empty() {
                return Err(malformed("outlets.tsv", ln, "empty outlet name"));
            }
            let aliases = cols.next().unwrap_or("");
            for alias in std::iter::once(name).chain(aliases.split('|')) {
                let alias = alias.trim();
                if alias.is_empty() {
                    continue;
                }
                let exact = (alias.len() <= 4 && alias.chars().all(|c| c.is_ascii_uppercase() || c == '/'))
                    .then(|| alias.to_string());
                outlets.entry(outlet_key(alias)).or_default().push((name.to_string(), exact));
            }
        }

        // credit rules
        let mut credits = CreditRules::default();
        let mut credit_pats: Vec<&str> = Vec::new();
        for (ln, row) in rows(CREDITS) {
            let (rule, pat) = row
                .split_once('\t')
                .ok_or_else(|| malformed("credits.tsv", ln, "expected rule<TAB>pattern"))?;
            let re = Regex::new(pat).map_err(|e| LexiconError::Pattern {
                file: "credits.tsv",
                line: ln,
                source: Box::new(e),
            })?;
            let slot = match rule.trim() {
                "source" => &mut credits.source,
                "source_bare" => &mut credits.source_bare,
                "dash" => &mut credits.dash,
                "byline" => &mut credits.byline,
                "written_by" => &mut credits.written_by,
                "trailer" => &mut credits.trailer,
                "contributed" => &mut credits.contributed,
                "appeared" => &mut credits.appeared,
                "copyright" => &mut credits.copyright,
                "dateline" => &mut credits.dateline,
                other => return Err(malformed("credits.tsv", ln, format!("unknown rule {other}"))),
            };
            *slot = Some(re);
            // the dateline runs on one line per document; "contributed" is gated by its word
            if !matches!(rule.trim(), "dateline" | "contributed") {
                credit_pats.push(pat);
            }
        }

        let credit_set = RegexSet::new(&credit_pats)
            .map_err(|e| LexiconError::Build { file: "credits.tsv", message: e.to_string() })?;

        // whole-line patterns
        let mut pats = Vec::new();
        let mut line_kinds = Vec::new();
        for (ln, row) in rows(LINES) {
            let (kind, pat) = row
                .split_once('\t')
                .ok_or_else(|| malformed("lines.tsv", ln, "expected kind<TAB>pattern"))?;
            let kind = match kind.trim() {
                "share" => (BoilerplateKind::Share, false),
                "navigation" => (BoilerplateKind::Navigation, false),
                "other" => (BoilerplateKind::Other, false),
                "date" => (BoilerplateKind::Other, true),
                k => return Err(malformed("lines.tsv", ln, format!("unknown kind {k}"))),
            };
            // Check each pattern alone for a precise error location.
            Regex::new(pat).map_err(|e| LexiconError::Pattern {
                file: "lines.tsv",
                line: ln,
                source: Box::new(e),
            })?;
            pats.push(pat.to_string());
            line_kinds.push(kind);
        }
        let line_set = RegexSetBuilder::new(&pats)
            .case_insensitive(true)
            .build()
            .map_err(|e| LexiconError::Build { file: "lines.tsv", message: e.to_string() })?;

        // bio cues
        let (mut first, mut first_w, mut third, mut third_w, mut jobs, mut verbs) =
            (vec![], vec![], vec![], vec![], vec![], vec![]);
        for (ln, row) in rows(BIO) {
            let cols: Vec<&str> = row.split('\t').collect();
            if cols.len() != 3 {
                return Err(malformed("bio.tsv", ln, "expected kind<TAB>weight<TAB>phrase"));
            }
            let w: u32 =
                cols[1].trim().parse().map_err(|_| malformed("bio.tsv", ln, "weight is not a number"))?;
            let phrase = cols[2].trim().to_lowercase();
            match cols[0].trim() {
                "first" => {
                    first.push(phrase);
                    first_w.push(w)
                }
                "third" => {
                    third.push(phrase);
                    third_w.push(w)
                }
                "job" => jobs.push(phrase),
                "verb" => verbs.push((phrase, w)),
                k => return Err(malformed("bio.tsv", ln, format!("unknown kind {k}"))),
            }
        }

        let comment: Vec<String> = rows(COMMENT).map(|(_, r)| r.trim().to_lowercase()).collect();
        let abbrev = rows(ABBREV).map(|(_, r)| r.trim().to_lowercase()).collect();

        Ok(Lexicon {
            outlets,
            credits,
            credit_set,
            line_set,
            line_kinds,
            bio_first: words_ac("bio.tsv", &first)?,
            bio_first_w: first_w,
            bio_third: words_ac("bio.tsv", &third)?,
            bio_third_w: third_w,
            bio_jobs: words_ac("bio.tsv", &jobs)?,
            bio_verbs: verbs,
            comment: AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(&comment)
                .map_err(|e| LexiconError::Build { file: "comment.tsv", message: e.to_string() })?,
            abbrev,
        })
    }

    /// An empty lexicon (used only if the committed data failed to parse).
    fn empty() -> Lexicon {
        let none: [&str; 0] = [];
        Lexicon {
            outlets: HashMap::new(),
            credits: CreditRules::default(),
            credit_set: RegexSet::empty(),
            line_set: RegexSet::empty(),
            line_kinds: vec![],
            bio_first: AhoCorasick::new(none).expect("empty automaton"),
            bio_first_w: vec![],
            bio_third: AhoCorasick::new(none).expect("empty automaton"),
            bio_third_w: vec![],
            bio_jobs: AhoCorasick::new(none).expect("empty automaton"),
            bio_verbs: vec![],
            comment: AhoCorasick::new(none).expect("empty automaton"),
            abbrev: Default::default(),
        }
    }

    /// The canonical name of a known outlet, when `name` is one of its spellings.
    pub fn known_outlet(&self, name: &str) -> Option<&str> {
        let raw = name.trim().trim_end_matches(['.', ',', ';', ':']).trim();
        let raw = raw.strip_prefix("The ").or_else(|| raw.strip_prefix("the ")).unwrap_or(raw);
        let entries = self.outlets.get(&outlet_key(raw))?;
        entries
            .iter()
            .find(|(_, exact)| match exact {
                Some(e) => e == raw,
                None => true,
            })
            .map(|(n, _)| n.as_str())
    }
}

pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| match Lexicon::parse() {
    Ok(l) => l,
    Err(e) => {
        tracing::error!("dossier-clean data files do not parse, cleaning disabled: {e}");
        Lexicon::empty()
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_data_parses() {
        let lex = Lexicon::parse().unwrap();
        assert!(lex.credits.dateline.is_some() && lex.credits.byline.is_some());
        assert_eq!(lex.known_outlet("AP"), Some("Associated Press"));
        assert_eq!(lex.known_outlet("The Associated Press"), Some("Associated Press"));
        assert_eq!(lex.known_outlet("ap"), None);
        assert_eq!(lex.known_outlet("reuters."), Some("Reuters"));
        assert_eq!(lex.known_outlet("Agence France-Presse"), Some("Agence France-Presse"));
        assert_eq!(lex.known_outlet("the ministry"), None);
    }
}
