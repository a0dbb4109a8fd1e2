//! Claims across documents: attributions grouped by source and similar content.
//!
//! Two attributions are one claim when their sources fold to the same name and their content
//! words (stopwords removed) have a Jaccard similarity of at least
//! [`ClaimOptions::same_content`] with the attribution that started the claim (its seed; see
//! [`group_claims`] for the order). A claim is contradicted by a denial (stance `denies`) from
//! *another* source whose content is similar to it ([`ClaimOptions::contradiction`]).
//! Documents that are copies of one origin share an independence key (see
//! [`independence_key`](crate::independence_key)) and count once in `independent_outlets`.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::Serialize;

use crate::tokens::{content_hashes, content_words, fold_name, jaccard_sorted};

/// One attribution of one document, with what the store knows about the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttrRow {
    pub document: String,
    pub outlet: Option<String>,
    /// `YYYY-MM-DD`
    pub published: Option<String>,
    /// Copies of one origin share this key (see `independence_key`).
    pub independence: String,
    /// The source's canonical name (entity name when linked, else the source text).
    pub source: String,
    /// The attributed content, fragments joined by " … ".
    pub content: String,
    pub stance: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Contradiction {
    pub source: String,
    pub document: String,
    pub content: String,
}

/// `dossier claims` (contract shape, plus `stance`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Claim {
    pub source: String,
    pub content: String,
    pub documents: Vec<String>,
    pub outlets: Vec<String>,
    pub independent_outlets: usize,
    pub contradicted_by: Vec<Contradiction>,
    pub first_seen: Option<String>,
    pub stance: String,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClaimOptions {
    /// Content Jaccard at or above which two attributions of one source are one claim.
    pub same_content: f64,
    /// Content Jaccard at or above which a denial by another source contradicts a claim.
    pub contradiction: f64,
}

impl Default for ClaimOptions {
    fn default() -> Self {
        ClaimOptions { same_content: 0.5, contradiction: 0.3 }
    }
}

/// Filters applied after grouping (so contradictions are found among all attributions), and
/// an optional cap on the number of claims returned (the first ones in output order).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClaimFilter {
    /// Keep claims whose source contains these words (folded), e.g. "ortiz".
    pub by: Option<String>,
    /// Keep claims whose content contains every content word of this text.
    pub about: Option<String>,
    /// At most this many claims (`None`: all).
    pub limit: Option<usize>,
}

impl ClaimFilter {
    /// The folded `--by` words, `None` when absent or empty.
    pub fn by_fold(&self) -> Option<String> {
        self.by.as_deref().map(fold_name).filter(|s| !s.is_empty())
    }

    /// The content words of `--about`, `None` when absent or without content words.
    pub fn about_words(&self) -> Option<HashSet<String>> {
        self.about.as_deref().map(content_words).filter(|s| !s.is_empty())
    }
}

/// 1 for a denial, 0 for everything else: claims group assertions and denials apart.
pub fn claim_class(stance: &str) -> u8 {
    u8::from(stance == "denies")
}

/// True when an attribution with content `words` joins the claim seeded by `seed` (both
/// [`content_hashes`]; same source and class assumed).
pub fn same_claim(seed: &[u64], words: &[u64], opts: ClaimOptions) -> bool {
    (seed.is_empty() && words.is_empty()) || jaccard_sorted(seed, words) >= opts.same_content
}

/// True when a denial with content `denial` (by another source) contradicts the claim seeded by `seed`.
pub fn contradicts(seed: &[u64], denial: &[u64], opts: ClaimOptions) -> bool {
    !seed.is_empty() && jaccard_sorted(seed, denial) >= opts.contradiction
}

/// `--by`: the folded source contains the folded words as a run.
pub fn by_matches(source_fold: &str, by_fold: &str) -> bool {
    contains_words(source_fold, by_fold)
}

/// `--about`: the content contains every one of the words.
pub fn about_matches(content: &str, about: &HashSet<String>) -> bool {
    let w = content_words(content);
    about.iter().all(|x| w.contains(x))
}

/// Date order of attributions and documents: dated first, by date, then by document id.
pub fn date_key<'a>(published: Option<&'a str>, document: &'a str) -> (bool, &'a str, &'a str) {
    (published.is_none(), published.unwrap_or(""), document)
}

/// The claim of one group: `rows` are its attributions in the order they were grouped (the
/// first one seeded it), `contradicted_by` the denials found against it.
pub fn assemble_claim(rows: &[&AttrRow], contradicted_by: Vec<Contradiction>) -> Claim {
    let Some(first) = rows.first() else {
        return Claim {
            source: String::new(),
            content: String::new(),
            documents: Vec::new(),
            outlets: Vec::new(),
            independent_outlets: 0,
            contradicted_by,
            first_seen: None,
            stance: String::new(),
        };
    };
    let mut dated: Vec<&AttrRow> = rows.to_vec();
    dated.sort_by(|a, b| {
        date_key(a.published.as_deref(), &a.document).cmp(&date_key(b.published.as_deref(), &b.document))
    });
    Claim {
        source: display_name(rows.iter().map(|r| r.source.as_str())),
        content: first.content.clone(),
        documents: dedup(dated.iter().map(|r| r.document.clone())),
        outlets: BTreeSet::<String>::from_iter(rows.iter().filter_map(|r| r.outlet.clone()))
            .into_iter()
            .collect(),
        independent_outlets: rows.iter().map(|r| r.independence.as_str()).collect::<BTreeSet<_>>().len(),
        contradicted_by,
        first_seen: rows.iter().filter_map(|r| r.published.clone()).min(),
        stance: first.stance.clone(),
    }
}

struct Group {
    seed: usize,
    rows: Vec<usize>,
}

/// Groups attribution rows into claims. `rows` come in the order the documents were stored
/// (and, within a document, by attribution id): each row joins the first group (in creation
/// order) of the same folded source and class whose seed content is similar enough, else
/// seeds a new group — so adding documents never regroups earlier ones, and a store can keep
/// the groups up to date as it ingests. Claims come out ordered by their earliest row (date,
/// then document id), then by creation.
pub fn group_claims(rows: &[AttrRow], opts: ClaimOptions, filter: &ClaimFilter) -> Vec<Claim> {
    let words: Vec<Vec<u64>> = rows.iter().map(|r| content_hashes(&r.content)).collect();
    let folds: Vec<String> = rows.iter().map(|r| fold_name(&r.source)).collect();
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: HashMap<(&str, u8), Vec<usize>> = HashMap::new();
    for i in 0..rows.len() {
        let candidates = by_key.entry((folds[i].as_str(), claim_class(&rows[i].stance))).or_default();
        match candidates.iter().copied().find(|&g| same_claim(&words[groups[g].seed], &words[i], opts)) {
            Some(g) => groups[g].rows.push(i),
            None => {
                candidates.push(groups.len());
                groups.push(Group { seed: i, rows: vec![i] });
            }
        }
    }
    let by = filter.by_fold();
    let about = filter.about_words();
    let key = |i: usize| date_key(rows[i].published.as_deref(), &rows[i].document);
    let mut selected: Vec<(usize, (bool, &str, &str))> = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| by.as_deref().is_none_or(|b| by_matches(&folds[g.seed], b)))
        .filter(|(_, g)| {
            about.as_ref().is_none_or(|a| g.rows.iter().any(|&i| about_matches(&rows[i].content, a)))
        })
        .map(|(n, g)| (n, g.rows.iter().map(|&i| key(i)).min().unwrap_or_default()))
        .collect();
    selected.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    selected.truncate(filter.limit.unwrap_or(usize::MAX));
    let mut denials: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].stance == "denies").collect();
    denials.sort_by(|&a, &b| key(a).cmp(&key(b)).then(a.cmp(&b)));
    selected
        .into_iter()
        .map(|(n, _)| {
            let g = &groups[n];
            let contradicted_by = if claim_class(&rows[g.seed].stance) == 1 {
                Vec::new()
            } else {
                denials
                    .iter()
                    .filter(|&&d| folds[d] != folds[g.seed] && contradicts(&words[g.seed], &words[d], opts))
                    .map(|&d| Contradiction {
                        source: rows[d].source.clone(),
                        document: rows[d].document.clone(),
                        content: rows[d].content.clone(),
                    })
                    .collect()
            };
            let members: Vec<&AttrRow> = g.rows.iter().map(|&i| &rows[i]).collect();
            assemble_claim(&members, contradicted_by)
        })
        .collect()
}

fn contains_words(haystack: &str, needle: &str) -> bool {
    let hay: Vec<&str> = haystack.split(' ').collect();
    let need: Vec<&str> = needle.split(' ').collect();
    hay.windows(need.len()).any(|w| w == need.as_slice())
}

fn dedup(it: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = HashSet::new();
    it.filter(|x| seen.insert(x.clone())).collect()
}

/// The most frequent spelling (ties: the longest, then the first in order).
pub(crate) fn display_name<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for n in names {
        match counts.iter_mut().find(|(x, _)| *x == n) {
            Some(c) => c.1 += 1,
            None => counts.push((n, 1)),
        }
    }
    let mut best: Option<(&str, usize)> = None;
    for (n, c) in counts {
        if best.is_none_or(|(bn, bc)| c > bc || (c == bc && n.chars().count() > bn.chars().count())) {
            best = Some((n, c));
        }
    }
    best.map(|(n, _)| n.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(
        doc: &str,
        outlet: &str,
        date: &str,
        indep: &str,
        source: &str,
        content: &str,
        stance: &str,
    ) -> AttrRow {
        AttrRow {
            document: doc.into(),
            outlet: Some(outlet.into()),
            published: Some(date.into()),
            independence: indep.into(),
            source: source.into(),
            content: content.into(),
            stance: stance.into(),
        }
    }

    fn rows() -> Vec<AttrRow> {
        vec![
            row(
                "d1",
                "Northern Wire",
                "2024-04-15",
                "nw",
                "Lena Ortiz",
                "bus and tram fares would remain frozen until next year",
                "asserts",
            ),
            row(
                "d2",
                "Harbor Times",
                "2024-04-16",
                "nw",
                "Lena Ortiz",
                "bus and tram fares would remain frozen until the end of next year",
                "asserts",
            ),
            row(
                "d3",
                "Coast Herald",
                "2024-04-17",
                "ch",
                "Mayor Lena Ortiz",
                "fares will remain frozen until next year for bus and tram",
                "asserts",
            ),
            row(
                "d3",
                "Coast Herald",
                "2024-04-17",
                "ch",
                "Fred Haines",
                "fares would remain frozen next year",
                "denies",
            ),
            row(
                "d1",
                "Northern Wire",
                "2024-04-15",
                "nw",
                "Lena Ortiz",
                "the auditor's figures are out of date",
                "asserts",
            ),
        ]
    }

    #[test]
    fn copies_count_once_and_denials_contradict() {
        let claims = group_claims(&rows(), ClaimOptions::default(), &ClaimFilter::default());
        let fares = &claims[0];
        assert_eq!(fares.source, "Lena Ortiz");
        assert_eq!(fares.documents, ["d1", "d2"]);
        assert_eq!(fares.outlets, ["Harbor Times", "Northern Wire"]);
        assert_eq!(fares.independent_outlets, 1);
        assert_eq!(fares.first_seen.as_deref(), Some("2024-04-15"));
        assert_eq!(fares.contradicted_by.len(), 1);
        assert_eq!(fares.contradicted_by[0].source, "Fred Haines");
        // "Mayor Lena Ortiz" folds differently: a separate claim (entity linking merges names upstream).
        assert!(claims.iter().any(|c| c.source == "Mayor Lena Ortiz"));
        assert!(claims.iter().any(|c| c.content.starts_with("the auditor")));
    }

    #[test]
    fn filters_by_source_and_topic() {
        let f = ClaimFilter { by: Some("ortiz".into()), about: Some("auditor".into()), limit: None };
        let claims = group_claims(&rows(), ClaimOptions::default(), &f);
        assert_eq!(claims.len(), 1);
        assert_eq!(claims[0].documents, ["d1"]);
        let f = ClaimFilter { by: Some("Haines".into()), about: None, limit: None };
        let claims = group_claims(&rows(), ClaimOptions::default(), &f);
        assert_eq!(claims.len(), 1);
        assert_eq!(claims[0].stance, "denies");
        assert!(claims[0].contradicted_by.is_empty());
    }

    #[test]
    fn display_name_prefers_frequent_then_long() {
        assert_eq!(display_name(["A", "Bb", "A"].into_iter()), "A");
        assert_eq!(display_name(["A", "Bb"].into_iter()), "Bb");
    }
}
