//! Scores events and the timeline on gold articles (testdata/gold conventions), with this
//! crate's own stage preparation (entities grouped by exact name, not the pipeline's
//! coreference): `gold_events DIR [-v]`.

use dossier_doc::Span;
use dossier_events::{prepare::prepare, EventExtractor};
use serde_json::Value;

fn byte_span(text: &str, v: &Value) -> Span {
    let idx = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
    Span::new(idx(v["start"].as_u64().unwrap() as usize), idx(v["end"].as_u64().unwrap() as usize))
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: gold_events DIR [-v]");
    let verbose = args.next().is_some();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    files.sort();
    let (mut gold_events, mut found, mut typed, mut gold_counts, mut counts_ok) = (0, 0, 0, 0, 0);
    let (mut out_events, mut out_matched, mut gold_tl, mut tl_ok) = (0, 0, 0, 0);
    let ex = EventExtractor::global();
    for f in files {
        let g: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        let txt_path = f.to_string_lossy().replace(".gold.json", ".txt");
        let text = std::fs::read_to_string(&txt_path).unwrap();
        let published =
            g["published"].as_str().and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let p = prepare(&text, published);
        let ents = p.entity_refs();
        let input = p.input(&text, &ents);
        let events = ex.extract(&input);
        let tl = ex.timeline(&input, &events);
        let gev = g["events"].as_array().unwrap();
        let mut match_of = vec![None; gev.len()];
        for (gi, ge) in gev.iter().enumerate() {
            gold_events += 1;
            let trig: Vec<Span> =
                ge["triggers"].as_array().unwrap().iter().map(|t| byte_span(&text, t)).collect();
            let m =
                events.iter().position(|e| e.mentions.iter().any(|m| trig.iter().any(|t| overlaps(*m, *t))));
            match_of[gi] = m;
            let Some(m) = m else {
                if verbose {
                    eprintln!(
                        "{}: MISSED {} {:?}",
                        txt_path,
                        ge["type"],
                        trig.iter().map(|t| t.of(&text)).collect::<Vec<_>>()
                    );
                }
                gold_counts += ge["counts"].as_array().unwrap().len();
                continue;
            };
            found += 1;
            let e = &events[m];
            if e.kind.as_str() == ge["type"].as_str().unwrap() {
                typed += 1;
            } else if verbose {
                eprintln!("{}: TYPE {} vs {} at {:?}", txt_path, ge["type"], e.kind, e.trigger.of(&text));
            }
            for gc in ge["counts"].as_array().unwrap() {
                gold_counts += 1;
                let ok = e.counts.iter().any(|c| {
                    c.what == gc["what"].as_str().unwrap()
                        && c.value == gc["value"].as_u64().unwrap()
                        && c.qualifier.as_str() == gc["qualifier"].as_str().unwrap()
                });
                if ok {
                    counts_ok += 1;
                } else if verbose {
                    eprintln!(
                        "{}: COUNT {} wanted, have {:?}",
                        txt_path,
                        gc,
                        e.counts
                            .iter()
                            .map(|c| (c.what.as_str(), c.value, c.qualifier.as_str(), c.span.of(&text)))
                            .collect::<Vec<_>>()
                    );
                }
            }
        }
        for (oi, e) in events.iter().enumerate() {
            out_events += 1;
            if match_of.contains(&Some(oi)) {
                out_matched += 1;
            } else if verbose {
                eprintln!(
                    "{}: SPURIOUS {} {:?}",
                    txt_path,
                    e.kind,
                    e.mentions.iter().map(|m| m.of(&text)).collect::<Vec<_>>()
                );
            }
        }
        for gt in g["timeline"].as_array().unwrap() {
            gold_tl += 1;
            let value = gt["value"].as_str().unwrap();
            let rel = gt["relation"].as_str().unwrap();
            let gev_idx = gt["event"].as_u64().map(|i| i as usize);
            let cue = (!gt["attribution_cue"].is_null()).then(|| byte_span(&text, &gt["attribution_cue"]));
            let ok = tl.iter().any(|i| {
                let same_event = gev_idx
                    .and_then(|k| match_of.get(k).copied().flatten())
                    .is_some_and(|m| i.event == Some(m));
                let same_attr = cue.is_some_and(|c| {
                    i.attribution.is_some_and(|a| overlaps(p.attributions[a].cue, c))
                        || i.event.is_some_and(|e| events[e].mentions.iter().any(|m| overlaps(*m, c)))
                });
                (same_event || same_attr) && i.value == value && i.relation.as_str() == rel
            });
            if ok {
                tl_ok += 1;
            } else if verbose {
                let have: Vec<_> = tl
                    .iter()
                    .map(|i| (i.value.as_str(), i.relation.as_str(), i.event, i.summary.as_str()))
                    .collect();
                eprintln!(
                    "{}: TIMELINE {} {} {} wanted; have {:?}",
                    txt_path, value, rel, gt["summary"], have
                );
            }
        }
    }
    let r = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    println!(
        "events found {:.3} ({found}/{gold_events}), type accuracy {:.3} ({typed}/{gold_events}), precision {:.3} ({out_matched}/{out_events}), count accuracy {:.3} ({counts_ok}/{gold_counts}), timeline date accuracy {:.3} ({tl_ok}/{gold_tl})",
        r(found, gold_events),
        r(typed, gold_events),
        r(out_matched, out_events),
        r(counts_ok, gold_counts),
        r(tl_ok, gold_tl)
    );
}
