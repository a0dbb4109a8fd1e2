//! Provenance of a group of near-duplicate documents: which outlet wrote the story, which
//! member is the original, and what each copy was copied from.
//!
//! The origin is, in order of trust:
//! 1. the outlet the members name as their source — credit lines ("Source: X", "(X)"),
//!    datelines ("LONDON (X) —") and comment-request traces ("did not respond to X's request
//!    for comment": X is the outlet that wrote the story), counted over all members;
//! 2. else the outlet of the earliest published member.
//!
//! The original document is the earliest member published by the origin outlet (none when
//! the corpus has no document of that outlet); every other member is `copied_from` it.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::tokens::fold_name;

/// What a document says about where it comes from (a record's `origin` entry).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OriginHint {
    pub outlet: String,
    /// `credit_line` | `dateline` | `comment_request` | `other`
    pub kind: String,
    /// The text that names the outlet.
    pub evidence: String,
}

/// One member of a near-duplicate group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub id: String,
    pub outlet: Option<String>,
    /// `YYYY-MM-DD`
    pub published: Option<String>,
    pub hints: Vec<OriginHint>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evidence {
    /// The document where the evidence was found.
    pub document: String,
    /// `credit_line` | `dateline` | `comment_request` | `earliest_published`
    pub kind: String,
    pub outlet: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Origin {
    pub id: Option<String>,
    pub outlet: Option<String>,
    pub evidence: Vec<Evidence>,
}

/// `dossier provenance ID` (contract shape).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Provenance {
    pub id: String,
    pub origin: Origin,
    /// The near-duplicates, origin first, then by publication date.
    pub cluster: Vec<String>,
    pub copied_from: Option<String>,
}

/// The provenance of a whole group.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupProvenance {
    pub origin: Origin,
    pub order: Vec<String>,
}

const TRUSTED_KINDS: [&str; 3] = ["credit_line", "dateline", "comment_request"];

fn date_key(m: &Member) -> (bool, &str, &str) {
    // Undated members sort after dated ones.
    (m.published.is_none(), m.published.as_deref().unwrap_or(""), m.id.as_str())
}

/// Decides the origin of a group (any order of members; the result does not depend on it).
pub fn trace(members: &[Member]) -> GroupProvenance {
    let mut sorted: Vec<&Member> = members.iter().collect();
    sorted.sort_by(|a, b| date_key(a).cmp(&date_key(b)));

    // Votes per folded outlet name, remembering the first spelling and its evidence.
    let mut votes: BTreeMap<String, (usize, usize, String)> = BTreeMap::new(); // fold → (votes, first seen rank, name)
    let mut evidence: Vec<Evidence> = Vec::new();
    for (rank, m) in sorted.iter().enumerate() {
        for h in m.hints.iter().filter(|h| TRUSTED_KINDS.contains(&h.kind.as_str())) {
            let fold = fold_name(&h.outlet);
            if fold.is_empty() {
                continue;
            }
            let e = votes.entry(fold).or_insert((0, rank, h.outlet.clone()));
            e.0 += 1;
            evidence.push(Evidence {
                document: m.id.clone(),
                kind: h.kind.clone(),
                outlet: h.outlet.clone(),
                text: h.evidence.clone(),
            });
        }
    }
    let named = votes
        .iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)).then(b.0.cmp(a.0)))
        .map(|(fold, (_, _, name))| (fold.clone(), name.clone()));

    let origin = match named {
        Some((fold, name)) => {
            let doc =
                sorted.iter().find(|m| m.outlet.as_deref().map(fold_name).as_deref() == Some(fold.as_str()));
            evidence.retain(|e| fold_name(&e.outlet) == fold);
            Origin { id: doc.map(|m| m.id.clone()), outlet: Some(name), evidence }
        }
        None => match sorted.first() {
            Some(first) => Origin {
                id: Some(first.id.clone()),
                outlet: first.outlet.clone(),
                evidence: if sorted.len() > 1 {
                    vec![Evidence {
                        document: first.id.clone(),
                        kind: "earliest_published".into(),
                        outlet: first.outlet.clone().unwrap_or_default(),
                        text: first.published.clone().unwrap_or_else(|| "date unknown".into()),
                    }]
                } else {
                    Vec::new()
                },
            },
            None => Origin { id: None, outlet: None, evidence: Vec::new() },
        },
    };
    let mut order: Vec<String> = Vec::with_capacity(sorted.len());
    if let Some(id) = &origin.id {
        order.push(id.clone());
    }
    order.extend(sorted.iter().filter(|m| Some(&m.id) != origin.id.as_ref()).map(|m| m.id.clone()));
    GroupProvenance { origin, order }
}

/// The provenance of document `id` within its group `members` (which must contain it).
pub fn provenance(id: &str, members: &[Member]) -> Provenance {
    let g = trace(members);
    let copied_from = match &g.origin.id {
        Some(o) if o != id => Some(o.clone()),
        _ => None,
    };
    Provenance { id: id.to_string(), origin: g.origin, cluster: g.order, copied_from }
}

/// The unit that counts once when outlets corroborate a claim: the origin outlet of the
/// document's group when it is known, else the document's outlet, else the document.
pub fn independence_key(origin: &Origin, own_outlet: Option<&str>, doc: &str) -> String {
    match (&origin.outlet, own_outlet) {
        (Some(o), _) if !fold_name(o).is_empty() => format!("outlet:{}", fold_name(o)),
        (_, Some(o)) if !fold_name(o).is_empty() => format!("outlet:{}", fold_name(o)),
        _ => format!("doc:{doc}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(id: &str, outlet: &str, date: &str, hints: &[(&str, &str, &str)]) -> Member {
        Member {
            id: id.into(),
            outlet: (!outlet.is_empty()).then(|| outlet.into()),
            published: (!date.is_empty()).then(|| date.into()),
            hints: hints
                .iter()
                .map(|(o, k, e)| OriginHint { outlet: (*o).into(), kind: (*k).into(), evidence: (*e).into() })
                .collect(),
        }
    }

    #[test]
    fn credit_line_names_the_origin_even_when_the_copy_is_earlier() {
        let group = [
            m("copy", "Harbor Times", "2024-04-15", &[("Northern Wire", "credit_line", "(Northern Wire)")]),
            m("orig", "Northern Wire", "2024-04-16", &[]),
        ];
        let p = provenance("copy", &group);
        assert_eq!(p.origin.id.as_deref(), Some("orig"));
        assert_eq!(p.origin.outlet.as_deref(), Some("Northern Wire"));
        assert_eq!(p.cluster, ["orig", "copy"]);
        assert_eq!(p.copied_from.as_deref(), Some("orig"));
        assert_eq!(p.origin.evidence[0].document, "copy");
        assert_eq!(provenance("orig", &group).copied_from, None);
    }

    #[test]
    fn comment_request_names_the_writer() {
        let group = [
            m(
                "a",
                "Daily Post",
                "2024-05-01",
                &[("Coast Herald", "comment_request", "Coast Herald's request for comment")],
            ),
            m(
                "b",
                "Coast Herald",
                "2024-05-02",
                &[("Coast Herald", "comment_request", "Coast Herald's request for comment")],
            ),
        ];
        let g = trace(&group);
        assert_eq!(g.origin.id.as_deref(), Some("b"));
        assert_eq!(g.origin.evidence.len(), 2);
    }

    #[test]
    fn earliest_published_without_evidence_and_origin_outside_the_corpus() {
        let group = [
            m("late", "B", "2024-02-01", &[]),
            m("early", "A", "2024-01-01", &[]),
            m("undated", "C", "", &[]),
        ];
        let g = trace(&group);
        assert_eq!(g.origin.id.as_deref(), Some("early"));
        assert_eq!(g.order, ["early", "late", "undated"]);
        assert_eq!(g.origin.evidence[0].kind, "earliest_published");

        let group = [m("x", "B", "2024-02-01", &[("Wire Service", "credit_line", "Source: Wire Service")])];
        let p = provenance("x", &group);
        assert_eq!(p.origin.id, None);
        assert_eq!(p.origin.outlet.as_deref(), Some("Wire Service"));
        assert_eq!(p.copied_from, None);
    }

    #[test]
    fn order_of_members_does_not_matter() {
        let a = m("a", "A", "2024-01-02", &[("Z", "dateline", "(Z)")]);
        let b = m("b", "Z", "2024-01-03", &[]);
        let c = m("c", "C", "2024-01-01", &[]);
        assert_eq!(trace(&[a.clone(), b.clone(), c.clone()]), trace(&[c, b, a]));
    }

    #[test]
    fn independence_prefers_the_origin() {
        let o = Origin { id: None, outlet: Some("Northern Wire".into()), evidence: vec![] };
        assert_eq!(independence_key(&o, Some("Harbor Times"), "d"), "outlet:northern wire");
        let none = Origin { id: None, outlet: None, evidence: vec![] };
        assert_eq!(independence_key(&none, None, "d"), "doc:d");
    }
}
