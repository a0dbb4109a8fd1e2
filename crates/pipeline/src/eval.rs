//! `dossier eval dossier --gold DIR`: the whole record (entities and their coreference,
//! events with counts, the timeline) against hand-annotated articles.
//!
//! The gold format is described in `testdata/gold/README.md`: `NN-slug.txt` beside
//! `NN-slug.gold.json`, spans in Unicode scalar values. Each article runs through the real
//! pipeline with the gold `published` date, and its contract record is compared with the gold:
//!
//! - entity mentions: exact span + label P/R/F1 (and recall per mention kind);
//! - coreference: B³ over mentions; a gold mention the output lacks is its own singleton
//!   cluster on the output side, a spurious output mention a singleton on the gold side;
//! - events: a gold event is found when an output event's trigger (or any of its mentions)
//!   overlaps one of its triggers; type accuracy, count accuracy, precision;
//! - timeline: a gold entry is right when the output event (or attribution) it names has an
//!   output timeline entry with the same value and relation.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dossier_corpora::{f1, ratio};
use dossier_doc::contract::{Event, OkRecord, Record};
use dossier_ingest::{Content, RawDoc};
use serde::Deserialize;

use crate::{Pipeline, PipelineOptions};

/// Why the gold set could not be scored.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GoldError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}: not a gold file: {source}")]
    Json { path: PathBuf, source: serde_json::Error },
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
    #[error("{0}: no gold articles (NN-slug.txt beside NN-slug.gold.json)")]
    Empty(PathBuf),
    #[error(transparent)]
    Pipeline(#[from] crate::PipelineError),
}

#[derive(Clone, Debug, Deserialize)]
pub struct GoldSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(default)]
    pub kind: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct GoldEntity {
    pub name: String,
    pub label: String,
    pub mentions: Vec<GoldSpan>,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct GoldCount {
    pub what: String,
    pub value: u64,
    pub qualifier: String,
    #[serde(default)]
    pub max: Option<u64>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct GoldTime {
    pub value: String,
    pub relation: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct GoldEvent {
    #[serde(rename = "type")]
    pub kind: String,
    pub triggers: Vec<GoldSpan>,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub time: Option<GoldTime>,
    #[serde(default)]
    pub counts: Vec<GoldCount>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct GoldTimelineEntry {
    pub value: String,
    pub relation: String,
    #[serde(default)]
    pub event: Option<usize>,
    #[serde(default)]
    pub attribution_cue: Option<GoldSpan>,
    #[serde(default)]
    pub summary: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Gold {
    pub published: Option<String>,
    #[serde(default)]
    pub entities: Vec<GoldEntity>,
    #[serde(default)]
    pub events: Vec<GoldEvent>,
    #[serde(default)]
    pub timeline: Vec<GoldTimelineEntry>,
}

/// One annotated article.
#[derive(Clone, Debug)]
pub struct GoldDoc {
    pub name: String,
    pub text: String,
    pub gold: Gold,
}

/// Reads every `*.gold.json` of `dir` with its `.txt`, checking every span.
pub fn read_gold_dir(dir: &Path) -> Result<Vec<GoldDoc>, GoldError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| GoldError::Io { path, source }
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io(dir))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    files.sort();
    let mut docs = Vec::new();
    for json in files {
        let stem = json.to_string_lossy().trim_end_matches(".gold.json").to_string();
        let txt = PathBuf::from(format!("{stem}.txt"));
        let text = std::fs::read_to_string(&txt).map_err(io(&txt))?;
        let raw = std::fs::read_to_string(&json).map_err(io(&json))?;
        let gold: Gold =
            serde_json::from_str(&raw).map_err(|source| GoldError::Json { path: json.clone(), source })?;
        check_spans(&text, &gold).map_err(|message| GoldError::Invalid { path: json.clone(), message })?;
        let name = Path::new(&stem).file_name().map_or(stem.clone(), |n| n.to_string_lossy().into_owned());
        docs.push(GoldDoc { name, text, gold });
    }
    if docs.is_empty() {
        return Err(GoldError::Empty(dir.to_path_buf()));
    }
    Ok(docs)
}

fn check_spans(text: &str, gold: &Gold) -> Result<(), String> {
    let chars: Vec<char> = text.chars().collect();
    let check = |s: &GoldSpan| -> Result<(), String> {
        let got: String = chars.get(s.start..s.end).map(|c| c.iter().collect()).unwrap_or_default();
        if s.start >= s.end || got != s.text {
            return Err(format!("span {}..{} is {:?} in the text, not {:?}", s.start, s.end, got, s.text));
        }
        Ok(())
    };
    for e in &gold.entities {
        e.mentions.iter().try_for_each(check)?;
    }
    for e in &gold.events {
        e.triggers.iter().try_for_each(check)?;
    }
    for t in &gold.timeline {
        if let Some(c) = &t.attribution_cue {
            check(c)?;
        }
        if t.event.is_some_and(|i| i >= gold.events.len()) {
            return Err(format!("timeline entry names event {:?}, which does not exist", t.event));
        }
    }
    Ok(())
}

/// Precision / recall counts.
#[derive(Clone, Copy, Debug, Default)]
pub struct Prf {
    pub tp: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Prf {
    pub fn p(&self) -> f64 {
        ratio(self.tp, self.predicted)
    }
    pub fn r(&self) -> f64 {
        ratio(self.tp, self.gold)
    }
    pub fn f1(&self) -> f64 {
        f1(self.p(), self.r())
    }
    fn add(&mut self, o: Prf) {
        self.tp += o.tp;
        self.predicted += o.predicted;
        self.gold += o.gold;
    }
}

/// Hits over a total.
#[derive(Clone, Copy, Debug, Default)]
pub struct Acc {
    pub right: usize,
    pub total: usize,
}

impl Acc {
    pub fn value(&self) -> f64 {
        ratio(self.right, self.total)
    }
    fn add(&mut self, o: Acc) {
        self.right += o.right;
        self.total += o.total;
    }
    fn hit(&mut self, ok: bool) {
        self.total += 1;
        self.right += ok as usize;
    }
}

/// The scores of one article or of the whole set.
#[derive(Clone, Debug, Default)]
pub struct Scores {
    pub docs: usize,
    /// Exact span + label.
    pub mentions: Prf,
    /// Exact span, any label.
    pub mention_spans: Prf,
    /// Recall of gold mentions (exact span) per kind: name, nominal, pronoun.
    pub mention_recall: BTreeMap<String, Acc>,
    /// Gold mentions found with the exact span but another label: (gold label, output
    /// label) → count.
    pub label_confusions: BTreeMap<(String, String), usize>,
    /// B³ precision and recall sums (over output mentions and gold mentions).
    pub b3_p: (f64, usize),
    pub b3_r: (f64, usize),
    pub event_found: Acc,
    pub event_type: Acc,
    /// Output events that overlap a gold event's trigger.
    pub event_precision: Acc,
    pub counts: Acc,
    pub event_time: Acc,
    pub event_location: Acc,
    pub timeline: Acc,
    /// Gold items missed, for the report (`article: what`).
    pub misses: Vec<String>,
}

impl Scores {
    pub fn b3(&self) -> (f64, f64, f64) {
        let p = if self.b3_p.1 == 0 { 0.0 } else { self.b3_p.0 / self.b3_p.1 as f64 };
        let r = if self.b3_r.1 == 0 { 0.0 } else { self.b3_r.0 / self.b3_r.1 as f64 };
        (p, r, f1(p, r))
    }

    fn add(&mut self, o: &Scores) {
        self.docs += o.docs;
        self.mentions.add(o.mentions);
        self.mention_spans.add(o.mention_spans);
        for (k, v) in &o.mention_recall {
            self.mention_recall.entry(k.clone()).or_default().add(*v);
        }
        for (k, v) in &o.label_confusions {
            *self.label_confusions.entry(k.clone()).or_default() += v;
        }
        self.b3_p = (self.b3_p.0 + o.b3_p.0, self.b3_p.1 + o.b3_p.1);
        self.b3_r = (self.b3_r.0 + o.b3_r.0, self.b3_r.1 + o.b3_r.1);
        self.event_found.add(o.event_found);
        self.event_type.add(o.event_type);
        self.event_precision.add(o.event_precision);
        self.counts.add(o.counts);
        self.event_time.add(o.event_time);
        self.event_location.add(o.event_location);
        self.timeline.add(o.timeline);
        self.misses.extend(o.misses.iter().cloned());
    }
}

impl Scores {
    /// The headline figures on one line.
    pub fn one_line(&self) -> String {
        format!(
            "mentions F1 {:.3}  B3 F1 {:.3}  event types {:.3}  counts {:.3}  timeline {:.3}",
            self.mentions.f1(),
            self.b3().2,
            self.event_type.value(),
            self.counts.value(),
            self.timeline.value()
        )
    }
}

impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (p, r, b3) = self.b3();
        writeln!(f, "articles            {}", self.docs)?;
        writeln!(
            f,
            "entity mentions     P {:.3}  R {:.3}  F1 {:.3}   (span only F1 {:.3}; gold {}, output {})",
            self.mentions.p(),
            self.mentions.r(),
            self.mentions.f1(),
            self.mention_spans.f1(),
            self.mentions.gold,
            self.mentions.predicted
        )?;
        for (kind, a) in &self.mention_recall {
            writeln!(f, "  recall {kind:<11} {:.3}  ({}/{})", a.value(), a.right, a.total)?;
        }
        if !self.label_confusions.is_empty() {
            let mut v: Vec<_> = self.label_confusions.iter().collect();
            v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let list: Vec<String> = v.iter().map(|((g, o), n)| format!("{g}->{o} {n}")).collect();
            writeln!(f, "  wrong label       {}", list.join(", "))?;
        }
        writeln!(f, "coreference B3      P {p:.3}  R {r:.3}  F1 {b3:.3}")?;
        let acc = |a: &Acc| format!("{:.3}  ({}/{})", a.value(), a.right, a.total);
        writeln!(f, "events found        {}", acc(&self.event_found))?;
        writeln!(f, "event type acc.     {}", acc(&self.event_type))?;
        writeln!(f, "event precision     {}", acc(&self.event_precision))?;
        writeln!(f, "count accuracy      {}", acc(&self.counts))?;
        writeln!(f, "event time acc.     {}", acc(&self.event_time))?;
        writeln!(f, "event location acc. {}", acc(&self.event_location))?;
        write!(f, "timeline date acc.  {}", acc(&self.timeline))
    }
}

/// Runs the pipeline over every gold article and scores it.
pub fn evaluate(docs: &[GoldDoc]) -> Result<(Scores, Vec<(String, Scores)>), GoldError> {
    let pipeline = Pipeline::new(PipelineOptions::default())?;
    let mut total = Scores::default();
    let mut per_doc = Vec::new();
    for d in docs {
        let published =
            d.gold.published.as_deref().and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok());
        let raw = RawDoc {
            id: d.name.clone(),
            content: Content::Text(d.text.clone()),
            title: None,
            url: None,
            published,
            outlet: None,
            warnings: Vec::new(),
        };
        let record = match pipeline.run(Ok(raw)) {
            Record::Ok(r) => r,
            Record::Error(e) => {
                return Err(GoldError::Invalid { path: PathBuf::from(&d.name), message: e.error });
            }
        };
        let s = score(&d.name, &d.gold, &record);
        total.add(&s);
        per_doc.push((d.name.clone(), s));
    }
    Ok((total, per_doc))
}

type Key = (usize, usize);

/// Scores one record against its gold.
pub fn score(name: &str, gold: &Gold, rec: &OkRecord) -> Scores {
    let mut s = Scores { docs: 1, ..Scores::default() };

    // Mentions.
    let mut gold_m: HashMap<Key, (usize, &str, &str)> = HashMap::new(); // span → (entity, label, kind)
    for (ei, e) in gold.entities.iter().enumerate() {
        for m in &e.mentions {
            gold_m.insert((m.start, m.end), (ei, e.label.as_str(), m.kind.as_deref().unwrap_or("name")));
        }
    }
    let mut out_m: HashMap<Key, (usize, &str)> = HashMap::new();
    for (ei, e) in rec.entities.iter().enumerate() {
        for m in &e.mentions {
            out_m.entry((m.start, m.end)).or_insert((ei, e.label.as_str()));
        }
    }
    s.mentions.gold = gold_m.len();
    s.mentions.predicted = out_m.len();
    s.mention_spans = s.mentions;
    // (in text order, so that two runs list their misses alike)
    let mut gold_keys: Vec<&Key> = gold_m.keys().collect();
    gold_keys.sort_unstable();
    for k in gold_keys {
        let (_, gl, kind) = &gold_m[k];
        let found = out_m.get(k);
        s.mention_spans.tp += found.is_some() as usize;
        s.mentions.tp += found.is_some_and(|(_, ol)| ol == gl) as usize;
        s.mention_recall.entry(kind.to_string()).or_default().hit(found.is_some());
        if let Some((_, ol)) = found.filter(|(_, ol)| ol != gl) {
            *s.label_confusions.entry((gl.to_string(), ol.to_string())).or_default() += 1;
            s.misses.push(format!(
                "{name}: label {:?} {ol} for {gl} ({kind} of {})",
                snippet(rec, *k),
                gold_name(gold, k)
            ));
        }
        if found.is_none() {
            s.misses.push(format!(
                "{name}: mention {:?} ({kind} of {})",
                snippet(rec, *k),
                gold_name(gold, k)
            ));
        }
    }
    // Output mentions the gold does not have.
    let mut extra: Vec<(&Key, &(usize, &str))> =
        out_m.iter().filter(|(k, _)| !gold_m.contains_key(*k)).collect();
    extra.sort_unstable_by_key(|(k, _)| **k);
    for (k, (ei, label)) in extra {
        s.misses.push(format!(
            "{name}: extra mention {:?} {label} (of {})",
            snippet(rec, *k),
            rec.entities[*ei].name
        ));
    }

    // B³.
    let cluster_of = |map: &HashMap<Key, usize>| {
        let mut c: HashMap<usize, HashSet<Key>> = HashMap::new();
        for (k, &e) in map {
            c.entry(e).or_default().insert(*k);
        }
        c
    };
    let g_ent: HashMap<Key, usize> = gold_m.iter().map(|(k, v)| (*k, v.0)).collect();
    let o_ent: HashMap<Key, usize> = out_m.iter().map(|(k, v)| (*k, v.0)).collect();
    let (gc, oc) = (cluster_of(&g_ent), cluster_of(&o_ent));
    let members =
        |ent: &HashMap<Key, usize>, clusters: &HashMap<usize, HashSet<Key>>, k: &Key| -> HashSet<Key> {
            ent.get(k).map(|e| clusters[e].clone()).unwrap_or_else(|| HashSet::from([*k]))
        };
    for k in g_ent.keys() {
        let (g, o) = (members(&g_ent, &gc, k), members(&o_ent, &oc, k));
        s.b3_r.0 += g.intersection(&o).count() as f64 / g.len() as f64;
        s.b3_r.1 += 1;
    }
    for k in o_ent.keys() {
        let (g, o) = (members(&g_ent, &gc, k), members(&o_ent, &oc, k));
        s.b3_p.0 += g.intersection(&o).count() as f64 / o.len() as f64;
        s.b3_p.1 += 1;
    }

    // Events.
    let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
    let event_spans = |e: &Event| -> Vec<Key> {
        let mut v = vec![(e.trigger.start, e.trigger.end)];
        v.extend(e.mentions.iter().map(|m| (m.start, m.end)));
        v
    };
    let mut matched: Vec<Option<usize>> = Vec::new();
    for ge in &gold.events {
        let hits: Vec<usize> = rec
            .events
            .iter()
            .enumerate()
            .filter(|(_, oe)| {
                event_spans(oe).iter().any(|&o| ge.triggers.iter().any(|t| overlaps(o, (t.start, t.end))))
            })
            .map(|(i, _)| i)
            .collect();
        let best = hits.iter().copied().find(|&i| rec.events[i].kind == ge.kind).or(hits.first().copied());
        matched.push(best);
        s.event_found.hit(best.is_some());
        let type_ok = best.is_some_and(|i| rec.events[i].kind == ge.kind);
        s.event_type.hit(type_ok);
        let first = ge.triggers.first().map_or("", |t| t.text.as_str());
        if !type_ok {
            let got = best.map_or("nothing".to_string(), |i| rec.events[i].kind.clone());
            s.misses.push(format!("{name}: event {} {:?} → {got}", ge.kind, first));
        }
        for gcnt in &ge.counts {
            let ok = best.is_some_and(|i| {
                rec.events[i].counts.iter().any(|c| {
                    c.what == gcnt.what
                        && c.value == gcnt.value
                        && c.qualifier == gcnt.qualifier
                        && (gcnt.max.is_none() || c.max == gcnt.max)
                })
            });
            s.counts.hit(ok);
            if !ok {
                let got = best.map(|i| &rec.events[i].counts);
                s.misses.push(format!(
                    "{name}: count {} {} {} on {:?} → {:?}",
                    gcnt.qualifier,
                    gcnt.value,
                    gcnt.what,
                    first,
                    got.map(|c| c
                        .iter()
                        .map(|c| format!("{} {} {}", c.qualifier, c.value, c.what))
                        .collect::<Vec<_>>())
                ));
            }
        }
        if let Some(gt) = &ge.time {
            let ok = best
                .and_then(|i| rec.events[i].time.as_ref())
                .is_some_and(|t| t.value.as_deref() == Some(gt.value.as_str()) && t.relation == gt.relation);
            s.event_time.hit(ok);
        }
        if let Some(gl) = &ge.location {
            let ok = best.and_then(|i| rec.events[i].location.as_ref()).is_some_and(|l| {
                let (a, b) = (l.text.to_lowercase(), gl.to_lowercase());
                a.contains(&b) || b.contains(&a)
            });
            s.event_location.hit(ok);
            if !ok {
                let got = best.and_then(|i| rec.events[i].location.as_ref()).map(|l| l.text.as_str());
                s.misses.push(format!("{name}: location {gl:?} on {first:?} → {got:?}"));
            }
        }
    }
    for oe in &rec.events {
        let ok = gold.events.iter().any(|ge| {
            event_spans(oe).iter().any(|&o| ge.triggers.iter().any(|t| overlaps(o, (t.start, t.end))))
        });
        s.event_precision.hit(ok);
    }

    // Timeline.
    for gt in &gold.timeline {
        let by_event =
            gt.event.and_then(|i| matched.get(i).copied().flatten()).map(|i| rec.events[i].id.clone());
        let by_attr = gt.attribution_cue.as_ref().and_then(|c| {
            rec.attributions
                .iter()
                .find(|a| overlaps((a.cue.start, a.cue.end), (c.start, c.end)))
                .map(|a| a.id.clone())
        });
        let ok = rec.timeline.iter().any(|t| {
            let linked = (by_event.is_some() && t.event == by_event)
                || (by_attr.is_some() && t.attribution == by_attr)
                // An event that comes from the cued attribution.
                || by_attr.as_ref().is_some_and(|a| {
                    t.event.as_ref().is_some_and(|v| {
                        rec.events.iter().any(|e| &e.id == v && e.attribution.as_ref() == Some(a))
                    })
                });
            linked && t.value == gt.value && t.relation == gt.relation
        });
        s.timeline.hit(ok);
        if !ok {
            s.misses.push(format!("{name}: timeline {} {} {:?}", gt.relation, gt.value, gt.summary));
        }
    }
    s
}

fn snippet(rec: &OkRecord, k: Key) -> String {
    rec.text.chars().skip(k.0).take(k.1.saturating_sub(k.0)).collect()
}

fn gold_name(gold: &Gold, k: &Key) -> String {
    gold.entities
        .iter()
        .find(|e| e.mentions.iter().any(|m| (m.start, m.end) == *k))
        .map_or(String::new(), |e| e.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, s: &str, nth: usize) -> String {
        let b = text.match_indices(s).nth(nth).unwrap().0;
        let c = text[..b].chars().count();
        format!(r#"{{"start": {c}, "end": {}, "text": "{s}"}}"#, c + s.chars().count())
    }

    #[test]
    fn scores_a_record_against_its_gold() {
        let text =
            "Café owner Ana Ruiz said on Monday that the fire killed 3 people. Ruiz said she was safe.";
        let gold = format!(
            r#"{{"published": "2025-01-08", "entities": [{{"name": "Ana Ruiz", "label": "PER", "mentions": [{}, {}, {}]}}],
               "events": [{{"type": "disaster", "triggers": [{}], "counts": [{{"what": "killed", "value": 3, "qualifier": "exact"}}]}}],
               "timeline": []}}"#,
            span(text, "Ana Ruiz", 0),
            span(text, "Ruiz", 1),
            span(text, "she", 0),
            span(text, "fire", 0)
        );
        let gold: Gold = serde_json::from_str(&gold).unwrap();
        check_spans(text, &gold).unwrap();
        let pipeline = Pipeline::new(PipelineOptions::default()).unwrap();
        let raw = RawDoc {
            id: "t".into(),
            content: Content::Text(text.into()),
            title: None,
            url: None,
            published: NaiveDate::from_ymd_opt(2025, 1, 8),
            outlet: None,
            warnings: vec![],
        };
        let Record::Ok(rec) = pipeline.run(Ok(raw)) else { panic!("ok record") };
        let s = score("t", &gold, &rec);
        assert_eq!(s.mentions.gold, 3);
        // Whatever the output, the measures stay in range and count every gold item.
        assert!(s.mentions.tp <= 3 && s.b3_r.1 == 3);
        assert_eq!(s.event_type.total, 1);
        assert_eq!(s.counts.total, 1);
        let (p, r, f) = s.b3();
        assert!((0.0..=1.0).contains(&p) && (0.0..=1.0).contains(&r) && (0.0..=1.0).contains(&f));
    }

    #[test]
    fn refuses_spans_that_do_not_match() {
        let gold: Gold = serde_json::from_str(
            r#"{"published": null, "entities": [{"name": "X", "label": "PER", "mentions": [{"start": 0, "end": 2, "text": "Xy"}]}]}"#,
        )
        .unwrap();
        assert!(check_spans("Ab cd", &gold).unwrap_err().contains("\"Ab\""));
    }

    #[test]
    fn b3_of_a_perfect_and_a_split_clustering() {
        let text = "Ana Ruiz met Ruiz.";
        let gold: Gold = serde_json::from_str(&format!(
            r#"{{"published": null, "entities": [{{"name": "Ana Ruiz", "label": "PER", "mentions": [{}, {}]}}]}}"#,
            span(text, "Ana Ruiz", 0),
            span(text, "Ruiz", 1)
        ))
        .unwrap();
        let mut rec: OkRecord = serde_json::from_value(serde_json::json!({
            "contract": 1, "id": "x", "status": "ok", "title": null, "url": null, "outlet": null,
            "published": null, "text": text, "body": [], "boilerplate": [], "origin": [], "sentences": [],
            "entities": [{"id": "e1", "name": "Ana Ruiz", "label": "PER", "type": null,
                          "mentions": [{"start": 0, "end": 8, "text": "Ana Ruiz"}, {"start": 13, "end": 17, "text": "Ruiz"}]}],
            "timexes": [], "attributions": [], "events": [], "timeline": []
        }))
        .unwrap();
        let s = score("x", &gold, &rec);
        assert_eq!(s.b3().2, 1.0);
        assert_eq!(s.mentions.tp, 2);
        // Split into two entities: recall halves, precision stays whole.
        let second = rec.entities[0].mentions.pop().unwrap();
        let mut e2 = rec.entities[0].clone();
        e2.id = "e2".into();
        e2.mentions = vec![second];
        rec.entities.push(e2);
        let (p, r, _) = score("x", &gold, &rec).b3();
        assert_eq!((p, r), (1.0, 0.5));
    }
}
