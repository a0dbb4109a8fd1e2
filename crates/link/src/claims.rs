//! Claims across documents: attributions grouped by source and similar content.
//!
//! Two attributions are one claim when their sources fold to the same name and their content
//! words (stopwords removed) have a Jaccard similarity of at least
//! [`ClaimOptions::same_content`]. A claim is contradicted by a denial (stance `denies`) from
//! *another* source whose content is similar to it ([`ClaimOptions::contradiction`]).
//! Documents that are copies of one origin share an independence key (see
//! [`independence_key`](crate::independence_key)) and count once in `independent_outlets`.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::Serialize;

use crate::tokens::{content_words, fold_name, jaccard};

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

/// Filters applied after grouping (so contradictions are found among all attributions).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClaimFilter {
    /// Keep claims whose source contains these words (folded), e.g. "ortiz".
    pub by: Option<String>,
    /// Keep claims whose content contains every content word of this text.
    pub about: Option<String>,
}

struct Group {
    source_fold: String,
    stance: String,
    words: HashSet<String>,
    rows: Vec<usize>,
}

/// Groups attribution rows into claims, ordered by first-seen date, then source.
pub fn group_claims(rows: &[AttrRow], opts: ClaimOptions, filter: &ClaimFilter) -> Vec<Claim> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&rows[a], &rows[b]);
        (x.published.is_none(), &x.published, &x.document).cmp(&(
            y.published.is_none(),
            &y.published,
            &y.document,
        ))
    });
    let words: Vec<HashSet<String>> = rows.iter().map(|r| content_words(&r.content)).collect();
    let mut groups: Vec<Group> = Vec::new();
    let mut by_source: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for &i in &order {
        let r = &rows[i];
        let fold = fold_name(&r.source);
        let stance_class = if r.stance == "denies" { "denies" } else { "asserts" };
        let candidates = by_source.entry(fold.clone()).or_default();
        let hit = candidates.iter().copied().find(|&g| {
            let g = &groups[g];
            g.stance == stance_class
                && ((g.words.is_empty() && words[i].is_empty())
                    || jaccard(&g.words, &words[i]) >= opts.same_content)
        });
        match hit {
            Some(g) => groups[g].rows.push(i),
            None => {
                candidates.push(groups.len());
                groups.push(Group {
                    source_fold: fold,
                    stance: stance_class.into(),
                    words: words[i].clone(),
                    rows: vec![i],
                });
            }
        }
    }
    let denials: Vec<usize> = order.iter().copied().filter(|&i| rows[i].stance == "denies").collect();
    let by = filter.by.as_deref().map(fold_name).filter(|s| !s.is_empty());
    let about = filter.about.as_deref().map(content_words).filter(|s| !s.is_empty());
    let mut out = Vec::new();
    for g in &groups {
        if let Some(by) = &by {
            if !contains_words(&g.source_fold, by) {
                continue;
            }
        }
        if let Some(about) = &about {
            if !g.rows.iter().any(|&i| about.iter().all(|w| words[i].contains(w))) {
                continue;
            }
        }
        let first = &rows[g.rows[0]];
        let documents: Vec<String> = dedup(g.rows.iter().map(|&i| rows[i].document.clone()));
        let outlets: Vec<String> =
            BTreeSet::<String>::from_iter(g.rows.iter().filter_map(|&i| rows[i].outlet.clone()))
                .into_iter()
                .collect();
        let independent =
            g.rows.iter().map(|&i| rows[i].independence.as_str()).collect::<BTreeSet<_>>().len();
        let contradicted_by = if g.stance == "denies" {
            Vec::new()
        } else {
            denials
                .iter()
                .filter(|&&d| fold_name(&rows[d].source) != g.source_fold)
                .filter(|&&d| !g.words.is_empty() && jaccard(&g.words, &words[d]) >= opts.contradiction)
                .map(|&d| Contradiction {
                    source: rows[d].source.clone(),
                    document: rows[d].document.clone(),
                    content: rows[d].content.clone(),
                })
                .collect()
        };
        out.push(Claim {
            source: display_name(g.rows.iter().map(|&i| rows[i].source.as_str())),
            content: first.content.clone(),
            documents,
            outlets,
            independent_outlets: independent,
            contradicted_by,
            first_seen: g.rows.iter().filter_map(|&i| rows[i].published.clone()).min(),
            stance: first.stance.clone(),
        });
    }
    out
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
        let f = ClaimFilter { by: Some("ortiz".into()), about: Some("auditor".into()) };
        let claims = group_claims(&rows(), ClaimOptions::default(), &f);
        assert_eq!(claims.len(), 1);
        assert_eq!(claims[0].documents, ["d1"]);
        let f = ClaimFilter { by: Some("Haines".into()), about: None };
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
