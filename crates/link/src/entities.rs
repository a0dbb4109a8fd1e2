//! Entities merged across documents: by canonical name, and by alias when one entity's
//! canonical name is a mention of another with the same label ("Ortiz" ↔ "Lena Ortiz").

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::claims::display_name;
use crate::tokens::fold_name;
use crate::unionfind::UnionFind;

/// One entity of one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityRow {
    pub document: String,
    pub name: String,
    pub label: String,
    /// The texts of its mentions.
    pub aliases: Vec<String>,
}

/// `dossier entities` (contract shape).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntitySummary {
    pub name: String,
    pub label: String,
    pub aliases: Vec<String>,
    pub documents: usize,
}

/// Merges entity rows across documents; most documents first, then by name and label.
pub fn merge_entities(rows: &[EntityRow]) -> Vec<EntitySummary> {
    // Nodes are (folded canonical name, label).
    let mut node_of: HashMap<(String, &str), usize> = HashMap::new();
    let mut uf = UnionFind::new(0);
    let mut row_node = Vec::with_capacity(rows.len());
    for r in rows {
        let key = (fold_name(&r.name), r.label.as_str());
        let n = *node_of.entry(key).or_insert_with(|| uf.push());
        row_node.push(n);
    }
    for (r, &n) in rows.iter().zip(&row_node) {
        for a in &r.aliases {
            if let Some(&m) = node_of.get(&(fold_name(a), r.label.as_str())) {
                uf.union(n, m);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &n) in row_node.iter().enumerate() {
        groups.entry(uf.find(n)).or_default().push(i);
    }
    let mut out: Vec<EntitySummary> = groups
        .into_values()
        .map(|idx| {
            let name = display_name(idx.iter().map(|&i| rows[i].name.as_str()));
            let label = display_name(idx.iter().map(|&i| rows[i].label.as_str()));
            let fold = fold_name(&name);
            let mut seen = BTreeSet::new();
            seen.insert(fold);
            let mut aliases = Vec::new();
            for &i in &idx {
                for a in std::iter::once(&rows[i].name).chain(&rows[i].aliases) {
                    let f = fold_name(a);
                    if !f.is_empty() && seen.insert(f) {
                        aliases.push(a.trim().to_string());
                    }
                }
            }
            aliases.sort();
            let documents = idx.iter().map(|&i| rows[i].document.as_str()).collect::<BTreeSet<_>>().len();
            EntitySummary { name, label, aliases, documents }
        })
        .collect();
    out.sort_by(|a, b| {
        b.documents.cmp(&a.documents).then_with(|| a.name.cmp(&b.name)).then_with(|| a.label.cmp(&b.label))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(doc: &str, name: &str, label: &str, aliases: &[&str]) -> EntityRow {
        EntityRow {
            document: doc.into(),
            name: name.into(),
            label: label.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn merges_by_name_and_alias() {
        let rows = [
            e("d1", "Lena Ortiz", "PER", &["Lena Ortiz", "Ortiz"]),
            e("d2", "Lena Ortiz", "PER", &["Mayor Lena Ortiz"]),
            e("d3", "Ortiz", "PER", &["Ortiz"]),
            e("d3", "Ortiz", "ORG", &["Ortiz"]),
            e("d4", "Harbor Times", "ORG", &[]),
        ];
        let m = merge_entities(&rows);
        assert_eq!(m[0].name, "Lena Ortiz");
        assert_eq!(m[0].documents, 3);
        assert_eq!(m[0].aliases, ["Mayor Lena Ortiz", "Ortiz"]);
        assert_eq!(m.len(), 3);
        assert!(m.iter().any(|x| x.label == "ORG" && x.name == "Ortiz"));
    }
}
