//! An in-memory store for tests: the same answers as the SQLite store for the same puts,
//! with plain vectors and a naive full-text search (term counts).

use std::collections::{BTreeMap, HashMap, HashSet};

use dossier_link::tokens::{fold_name, words};
use dossier_link::{
    group_claims, independence_key, merge_entities, trace, AttrRow, Claim, ClaimFilter, ClaimOptions,
    DupThresholds, EntityRow, EntitySummary, Member, UnionFind,
};

use crate::prepare::{Prepared, PreparedDoc};
use crate::{DocSummary, PutOutcome, Result, SearchHit, Stats, Store, TimelineItem};

#[derive(Debug, Default)]
pub struct MemStore {
    docs: Vec<PreparedDoc>,
    by_key: HashMap<String, usize>,
    inputs: BTreeMap<String, Vec<usize>>,
    errors: HashSet<(String, String)>,
    bands: HashMap<i64, Vec<usize>>,
    groups: UnionFind,
    thresholds: DupThresholds,
}

impl MemStore {
    pub fn new() -> MemStore {
        MemStore::default()
    }

    fn put_doc(&mut self, d: &PreparedDoc, out: &mut PutOutcome) {
        if let Some(&i) = self.by_key.get(&d.key) {
            let ids = self.inputs.entry(d.input_id.clone()).or_default();
            if !ids.contains(&i) {
                ids.push(i);
            }
            out.existing += 1;
            return;
        }
        let i = self.docs.len();
        self.docs.push(d.clone());
        self.by_key.insert(d.key.clone(), i);
        self.inputs.entry(d.input_id.clone()).or_default().push(i);
        self.groups.push();
        out.added += 1;
        let mut candidates: Vec<usize> = Vec::new();
        for k in d.signature.band_keys() {
            let list = self.bands.entry(k).or_default();
            candidates.extend(list.iter().copied());
            list.push(i);
        }
        candidates.sort_unstable();
        candidates.dedup();
        for c in candidates {
            if self.thresholds.verify(&d.signature, &self.docs[c].signature).is_some() {
                out.pairs += 1;
                self.groups.union(i, c);
            }
        }
    }
}

impl Store for MemStore {
    fn put(&mut self, batch: &[Prepared]) -> Result<PutOutcome> {
        let mut out = PutOutcome::default();
        for p in batch {
            match p {
                Prepared::Error { input_id, message } => {
                    if self.errors.insert((input_id.clone(), message.clone())) {
                        out.errors_added += 1;
                    } else {
                        out.errors_existing += 1;
                    }
                }
                Prepared::Doc(d) => self.put_doc(d, &mut out),
            }
        }
        Ok(out)
    }

    fn stats(&self) -> Result<Stats> {
        let mut groups = self.groups.clone();
        let clusters = groups.groups().iter().filter(|g| g.len() > 1).count();
        let entities: HashSet<(String, &str)> = self
            .docs
            .iter()
            .flat_map(|d| d.entities.iter().map(|e| (fold_name(&e.name), e.label.as_str())))
            .collect();
        Ok(Stats {
            documents: self.docs.len() as u64,
            errors: self.errors.len() as u64,
            entities: entities.len() as u64,
            attributions: self.docs.iter().map(|d| d.attributions.len() as u64).sum(),
            events: self.docs.iter().map(|d| d.events.len() as u64).sum(),
            clusters: clusters as u64,
        })
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let q = words(query);
        if q.is_empty() {
            return Ok(Vec::new());
        }
        let mut hits: Vec<SearchHit> = Vec::new();
        for d in &self.docs {
            let title = d.title.clone().unwrap_or_default();
            let w = words(&format!("{title}\n{}", d.text));
            if !q.iter().all(|x| w.contains(x)) {
                continue;
            }
            let score = w.iter().filter(|x| q.contains(x)).count() as f64 / (w.len() as f64).sqrt();
            let lower = d.text.to_lowercase();
            let at = lower.find(q[0].as_str()).unwrap_or(0);
            // `lower` may differ in length from `text`; find a char boundary in `text` near `at`.
            let start = d
                .text
                .char_indices()
                .map(|(i, _)| i)
                .take_while(|&i| i <= at.saturating_sub(40))
                .last()
                .unwrap_or(0);
            let snippet: String = d.text[start..].chars().take(100).collect();
            hits.push(SearchHit {
                id: d.key.clone(),
                title: d.title.clone(),
                snippet: snippet.split_whitespace().collect::<Vec<_>>().join(" "),
                score,
            });
        }
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
        hits.truncate(limit);
        Ok(hits)
    }

    fn timeline(&self, about: Option<&str>) -> Result<Vec<TimelineItem>> {
        let about = about.map(str::to_ascii_lowercase);
        let mut out = Vec::new();
        for d in &self.docs {
            for t in &d.timeline {
                let ev =
                    t.event.as_ref().and_then(|id| d.events.iter().find(|e| &e.0 == id)).map(|e| e.2.clone());
                let at = t.attribution_json.clone();
                if let Some(ab) = &about {
                    let hay = [Some(&t.summary), ev.as_ref(), at.as_ref(), d.title.as_ref()];
                    if !hay.iter().flatten().any(|h| like_contains(h, ab)) {
                        continue;
                    }
                }
                out.push((
                    d.published.clone(),
                    TimelineItem {
                        value: t.value.clone(),
                        document: d.key.clone(),
                        event: ev.map(|j| serde_json::from_str(&j)).transpose()?,
                        attribution: at.map(|j| serde_json::from_str(&j)).transpose()?,
                        summary: t.summary.clone(),
                    },
                ));
            }
        }
        // Stable: rows of one document keep their order.
        out.sort_by(|a, b| (&a.1.value, &a.0, &a.1.document).cmp(&(&b.1.value, &b.0, &b.1.document)));
        Ok(out.into_iter().map(|x| x.1).collect())
    }

    fn resolve(&self, id: &str) -> Result<Option<String>> {
        if self.by_key.contains_key(id) {
            return Ok(Some(id.to_string()));
        }
        if let Some(list) = self.inputs.get(id) {
            return Ok(list.iter().max().map(|&i| self.docs[i].key.clone()));
        }
        if id.len() < 6 {
            return Ok(None);
        }
        let lower = id.to_ascii_lowercase();
        let found: Vec<&String> = self.by_key.keys().filter(|k| k.starts_with(&lower)).collect();
        Ok(if found.len() == 1 { Some(found[0].clone()) } else { None })
    }

    fn document(&self, key: &str) -> Result<Option<DocSummary>> {
        Ok(self.by_key.get(key).map(|&i| {
            let d = &self.docs[i];
            DocSummary {
                id: d.key.clone(),
                input_id: d.input_id.clone(),
                title: d.title.clone(),
                outlet: d.outlet.clone(),
                published: d.published.clone(),
            }
        }))
    }

    fn group(&self, key: &str) -> Result<Vec<Member>> {
        let Some(&i) = self.by_key.get(key) else { return Ok(Vec::new()) };
        let mut groups = self.groups.clone();
        let root = groups.find(i);
        Ok((0..self.docs.len())
            .filter(|&j| groups.find(j) == root)
            .map(|j| {
                let d = &self.docs[j];
                Member {
                    id: d.key.clone(),
                    outlet: d.outlet.clone(),
                    published: d.published.clone(),
                    hints: d.origins.clone(),
                }
            })
            .collect())
    }

    fn entities(&self, limit: Option<usize>) -> Result<Vec<EntitySummary>> {
        // Rows in storage order: documents as stored, entities by id.
        let rows: Vec<EntityRow> = self
            .docs
            .iter()
            .flat_map(|d| {
                d.entities.iter().map(|e| EntityRow {
                    document: d.key.clone(),
                    name: e.name.clone(),
                    label: e.label.clone(),
                    aliases: e.aliases.clone(),
                })
            })
            .collect();
        let mut out = merge_entities(&rows);
        out.truncate(limit.unwrap_or(usize::MAX));
        Ok(out)
    }

    fn claims(&self, filter: &ClaimFilter) -> Result<Vec<Claim>> {
        let mut groups = self.groups.clone();
        // The independence key of every document: its group's origin, else its outlet.
        let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
        for i in 0..self.docs.len() {
            members.entry(groups.find(i)).or_default().push(i);
        }
        let mut independence: HashMap<usize, String> = HashMap::new();
        for list in members.values() {
            let ms: Vec<Member> = list.iter().map(|&i| self.member(i)).collect();
            let origin = trace(&ms).origin;
            for &i in list {
                let d = &self.docs[i];
                independence.insert(i, independence_key(&origin, d.outlet.as_deref(), &d.key));
            }
        }
        let rows: Vec<AttrRow> = self
            .docs
            .iter()
            .enumerate()
            .flat_map(|(i, d)| {
                let indep = independence.get(&i).cloned().unwrap_or_default();
                d.attributions.iter().filter_map(move |a| {
                    Some(AttrRow {
                        document: d.key.clone(),
                        outlet: d.outlet.clone(),
                        published: d.published.clone(),
                        independence: indep.clone(),
                        source: a.source.clone()?,
                        content: a.content.clone(),
                        stance: a.stance.clone(),
                    })
                })
            })
            .collect();
        Ok(group_claims(&rows, ClaimOptions::default(), filter))
    }
}

/// `hay LIKE '%about%'` as SQLite reads it (`about` ASCII-lowercased, `%`, `_` and `\`
/// escaped): ASCII letters match either case, every other character only itself; comparing
/// bytes is the same, since a valid UTF-8 needle only matches a valid UTF-8 text on character
/// boundaries. A NUL ends the text and the pattern, so `about` with a NUL means: the text ends
/// with what precedes the NUL.
fn like_contains(hay: &str, about: &str) -> bool {
    let hay = hay.split('\0').next().unwrap_or("").to_ascii_lowercase();
    match about.split_once('\0') {
        Some((head, _)) => hay.ends_with(head),
        None => hay.contains(about),
    }
}

impl MemStore {
    fn member(&self, i: usize) -> Member {
        let d = &self.docs[i];
        Member {
            id: d.key.clone(),
            outlet: d.outlet.clone(),
            published: d.published.clone(),
            hints: d.origins.clone(),
        }
    }
}
