//! Error analysis for TIMEX3 values: `cargo run --release -p dossier-time --example
//! value_errors -- DIR [--list] [--texts] [--class SUBSTRING]`.
//!
//! Runs the tagger on every TimeML file under DIR as the evaluation does, then groups the
//! relaxed matches whose value differs by a *pattern class*: the shape of the gold value
//! against the shape of ours ("YYYY-MM-DD ← YYYY-MM-DD", "YYYY-Www ← P1W"), and for two
//! calendar days the offset between them ("day +7"), for two years the difference. The
//! class table is printed with counts, most frequent first; `--list` prints every case
//! (class, gold value, ours, gold text, our text, DCT, file, context), `--class` keeps the
//! classes whose name contains SUBSTRING. Missed and spurious expressions are grouped by
//! their lowercased text; `--texts` tabulates, per lowercased text we tag, how often its
//! value is right, wrong, or it is spurious.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dossier_segment::Segmenter;
use dossier_time::eval::parse_timeml;
use dossier_time::TimeTagger;

/// The shape of a TIMEX3 value: digits → 9 except that known layouts get names.
fn shape(v: &str) -> String {
    if v.is_empty() {
        return "(empty)".into();
    }
    if v.ends_with("_REF") {
        return v.to_string();
    }
    if let Some(rest) = v.strip_prefix('P') {
        // P3Y → PnY, PXY → PXY, PT24H → PTnH
        let mut s = String::from("P");
        let mut num = false;
        for c in rest.chars() {
            if c.is_ascii_digit() || c == '.' {
                if !num {
                    s.push('n');
                }
                num = true;
            } else {
                num = false;
                s.push(c);
            }
        }
        return s;
    }
    let s: String = v
        .chars()
        .enumerate()
        .map(|(k, c)| match c {
            '0'..='9' if k < 4 => 'Y',
            '0'..='9' => '9',
            _ => c,
        })
        .collect();
    // name the common layouts
    let named = match s.as_str() {
        "YYYY-99-99" => "YYYY-MM-DD",
        "YYYY-99" => "YYYY-MM",
        "YYYY-W99" => "YYYY-Www",
        "YYYY-Q9" => "YYYY-Qn",
        _ => "",
    };
    if !named.is_empty() {
        return named.into();
    }
    if s.contains('T') && s.starts_with("YYYY-99-99") {
        return format!("YYYY-MM-DD{}", &s[10..]);
    }
    s
}

fn class(gold: &str, ours: &str) -> String {
    let (gs, os) = (shape(gold), shape(ours));
    let day = |v: &str| NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok();
    if gs == os {
        if let (Some(g), Some(o)) = (day(gold), day(ours)) {
            return format!("{gs} day {:+}", (o - g).num_days());
        }
        if gs == "YYYY" || gs == "YYYY-MM" || gs == "YYYY-Qn" || gs == "YYYY-Www" {
            let y = |v: &str| v.get(..4).and_then(|x| x.parse::<i32>().ok()).unwrap_or(0);
            let dy = y(ours) - y(gold);
            if dy != 0 {
                return format!("{gs} year {dy:+}");
            }
            return format!("{gs} same year");
        }
    }
    format!("{gs} <- {os}")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "tml") {
            out.push(p);
        }
    }
}

struct Case {
    gold_v: String,
    ours_v: String,
    gold_t: String,
    ours_t: String,
    dct: String,
    file: String,
    ctx: String,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: value_errors DIR [--list] [--texts] [--class SUBSTRING]");
        std::process::exit(2);
    };
    let list = args.iter().any(|a| a == "--list");
    let filter = args.iter().position(|a| a == "--class").and_then(|i| args.get(i + 1)).cloned();
    let mut paths = Vec::new();
    files(Path::new(dir), &mut paths);
    paths.sort();
    let seg = Segmenter::new();
    let tagger = TimeTagger::global();
    let mut classes: BTreeMap<String, Vec<Case>> = BTreeMap::new();
    let mut missed: BTreeMap<String, usize> = BTreeMap::new();
    let mut spurious: BTreeMap<String, usize> = BTreeMap::new();
    // per lowercased system text: (value right, value wrong, spurious)
    let mut texts: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    for p in &paths {
        let Ok(src) = std::fs::read_to_string(p) else { continue };
        let Some(doc) = parse_timeml(&src) else { continue };
        let sentences = seg.segment(&doc.text).sentences;
        let hits = tagger.extract(&doc.text, &sentences, doc.dct);
        let file = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let dct = doc.dct.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
        let ctx = |s: dossier_doc::Span| -> String {
            let a = doc.text[..s.start].char_indices().rev().nth(70).map_or(0, |x| x.0);
            let b = doc.text[s.end..].char_indices().nth(50).map_or(doc.text.len(), |x| s.end + x.0);
            format!("{}[{}]{}", &doc.text[a..s.start], s.of(&doc.text), &doc.text[s.end..b])
                .replace('\n', " ")
        };
        let mut used = vec![false; hits.len()];
        for g in &doc.gold {
            let m = hits.iter().enumerate().find(|(k, h)| !used[*k] && h.span.overlaps(&g.span));
            let Some((k, h)) = m else {
                *missed.entry(g.span.of(&doc.text).to_lowercase()).or_default() += 1;
                continue;
            };
            used[k] = true;
            let ok = h.value == g.value;
            texts.entry(h.span.of(&doc.text).to_lowercase()).or_default()[usize::from(!ok)] += 1;
            if ok {
                continue;
            }
            let c = class(&g.value, &h.value);
            classes.entry(c).or_default().push(Case {
                gold_v: format!("{} {}", g.kind, g.value),
                ours_v: format!("{} {}", h.kind, h.value),
                gold_t: g.span.of(&doc.text).into(),
                ours_t: h.span.of(&doc.text).into(),
                dct: dct.clone(),
                file: file.clone(),
                ctx: ctx(g.span),
            });
        }
        for (k, h) in hits.iter().enumerate() {
            if !used[k] {
                *spurious.entry(h.span.of(&doc.text).to_lowercase()).or_default() += 1;
                texts.entry(h.span.of(&doc.text).to_lowercase()).or_default()[2] += 1;
            }
        }
    }
    let mut order: Vec<(&String, &Vec<Case>)> =
        classes.iter().filter(|(c, _)| filter.as_ref().is_none_or(|f| c.contains(f.as_str()))).collect();
    order.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    let total: usize = order.iter().map(|c| c.1.len()).sum();
    println!("# value mismatches by class ({total})");
    for (c, v) in &order {
        println!("{:5}  {c}", v.len());
    }
    if list {
        for (c, v) in &order {
            println!("\n## {c} ({})", v.len());
            for x in v.iter() {
                println!(
                    "gold {:22} ours {:22} | {:?} / {:?} | dct {} {} | {}",
                    x.gold_v, x.ours_v, x.gold_t, x.ours_t, x.dct, x.file, x.ctx
                );
            }
        }
    }
    if args.iter().any(|a| a == "--texts") {
        // the texts whose value is wrong or spurious, most errors first
        let mut v: Vec<(&String, &[usize; 3])> = texts.iter().filter(|t| t.1[1] + t.1[2] > 0).collect();
        v.sort_by(|a, b| (b.1[1] + b.1[2]).cmp(&(a.1[1] + a.1[2])).then(a.0.cmp(b.0)));
        println!("\n# system texts: value right / value wrong / spurious");
        for (t, [ok, bad, sp]) in v {
            println!("{ok:5} {bad:5} {sp:5}  {t:?}");
        }
    }
    if filter.is_none() {
        for (name, map) in [("missed", &missed), ("spurious", &spurious)] {
            let mut v: Vec<(&String, &usize)> = map.iter().collect();
            v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let n: usize = map.values().sum();
            println!("\n# {name} ({n}), most frequent texts");
            for (t, k) in v.iter().take(40) {
                println!("{k:5}  {t:?}");
            }
        }
    }
}
