//! `dossier timeline FILE…`: the timelines of documents analyzed now (not the store's), merged
//! in date order, as a table, as JSON, or as TimelineJS3 JSON.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Context;
use chrono::{Datelike, NaiveDate};
use dossier_doc::contract::{OkRecord, Record};
use dossier_ingest::{IngestOptions, InputSpec, Records};
use dossier_pipeline::{Pipeline, PipelineOptions};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::{json, Value};

use crate::print::{clip, dated, timeline_line};

/// How `dossier timeline FILE…` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TimelineFormat {
    /// A table a person reads.
    Text,
    /// The contract's timeline entries of every document, with their events and attributions.
    Json,
    /// TimelineJS3 JSON (https://timeline.knightlab.com).
    Timelinejs,
}

/// One row of the merged timeline.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub value: String,
    pub relation: String,
    pub document: String,
    pub title: Option<String>,
    pub event: Option<Value>,
    pub attribution: Option<Value>,
    pub summary: String,
}

/// Analyzes `paths` and prints their merged timeline.
pub fn files(
    paths: &[String],
    published: Option<NaiveDate>,
    about: Option<&str>,
    format: TimelineFormat,
    jobs: usize,
) -> anyhow::Result<ExitCode> {
    let inputs: Vec<InputSpec> = paths.iter().map(|p| InputSpec::parse(p)).collect();
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build().context("thread pool")?;
    let pipeline = Pipeline::new(PipelineOptions { default_published: published })?;
    let records: Vec<_> = Records::new(&inputs, IngestOptions::default()).collect();
    let results: Vec<Record> = pool.install(|| records.into_par_iter().map(|r| pipeline.run(r)).collect());
    let mut rows = Vec::new();
    let mut errors = 0;
    for r in &results {
        match r {
            Record::Ok(ok) => rows.extend(rows_of(ok)),
            Record::Error(e) => {
                errors += 1;
                eprintln!("dossier: {}: {}", e.id, e.error);
            }
        }
    }
    if let Some(about) = about {
        let about = about.to_lowercase();
        rows.retain(|r| {
            r.summary.to_lowercase().contains(&about)
                || r.event.as_ref().is_some_and(|e| e.to_string().to_lowercase().contains(&about))
                || r.attribution.as_ref().is_some_and(|a| a.to_string().to_lowercase().contains(&about))
        });
    }
    sort_rows(&mut rows);
    let mut out = io::stdout().lock();
    match format {
        TimelineFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &rows)?;
            writeln!(out)?;
        }
        TimelineFormat::Timelinejs => {
            serde_json::to_writer_pretty(&mut out, &timelinejs(&rows))?;
            writeln!(out)?;
        }
        TimelineFormat::Text => {
            if rows.is_empty() {
                writeln!(out, "no dated events or statements")?;
            }
            let many = results.len() > 1;
            for r in &rows {
                let line = timeline_line(&r.relation, &r.value, &r.summary);
                if many {
                    writeln!(out, "{line}  [{}]", clip(&r.document, 40))?;
                } else {
                    writeln!(out, "{line}")?;
                }
            }
        }
    }
    out.flush()?;
    Ok(if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// A record's timeline entries with their events and attributions inlined.
pub fn rows_of(r: &OkRecord) -> Vec<Row> {
    r.timeline
        .iter()
        .map(|t| Row {
            value: t.value.clone(),
            relation: t.relation.clone(),
            document: r.id.clone(),
            title: r.title.clone(),
            event: t
                .event
                .as_ref()
                .and_then(|id| r.events.iter().find(|e| &e.id == id))
                .and_then(|e| serde_json::to_value(e).ok()),
            attribution: t
                .attribution
                .as_ref()
                .and_then(|id| r.attributions.iter().find(|a| &a.id == id))
                .and_then(|a| serde_json::to_value(a).ok()),
            summary: t.summary.clone(),
        })
        .collect()
}

/// Date order: by the first day a value covers, a coarser value (a month) before the days in
/// it, `before` a date before `on` it and `after` after; values that are no calendar date last.
pub fn sort_rows(rows: &mut [Row]) {
    rows.sort_by_cached_key(|r| {
        let (start, width) = value_start(&r.value).map_or((NaiveDate::MAX, 9), |(d, w)| (d, w));
        let rel = match r.relation.as_str() {
            "before" => 0,
            "after" => 2,
            _ => 1,
        };
        (start, rel, std::cmp::Reverse(width), r.document.clone())
    });
}

/// The first day a TIMEX3 calendar value covers, and how coarse it is (0 day … 5 year).
pub fn value_start(v: &str) -> Option<(NaiveDate, u8)> {
    let date_part = v.split('T').next()?;
    let year: i32 = date_part.get(..4)?.parse().ok()?;
    let rest = &date_part[4..];
    let ymd = |m: u32, d: u32| NaiveDate::from_ymd_opt(year, m, d);
    if rest.is_empty() {
        return Some((ymd(1, 1)?, 5));
    }
    let rest = rest.strip_prefix('-')?;
    if let Some(w) = rest.strip_prefix('W') {
        let week: u32 = w.get(..2)?.parse().ok()?;
        return Some((NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon)?, 2));
    }
    if let Some(q) = rest.strip_prefix('Q') {
        let q: u32 = q.parse().ok()?;
        return Some((ymd(3 * q.checked_sub(1)? + 1, 1)?, 4));
    }
    if let Some(h) = rest.strip_prefix('H') {
        let h: u32 = h.parse().ok()?;
        return Some((ymd(if h == 2 { 7 } else { 1 }, 1)?, 4));
    }
    let season = |m| Some((ymd(m, 1)?, 3));
    match rest {
        "SP" => return season(3),
        "SU" => return season(6),
        "FA" => return season(9),
        "WI" => return season(12),
        _ => {}
    }
    let month: u32 = rest.get(..2)?.parse().ok()?;
    match rest.get(3..5) {
        Some(d) => Some((ymd(month, d.parse().ok()?)?, 0)),
        None => Some((ymd(month, 1)?, 3)),
    }
}

/// TimelineJS3: one slide per dated row; values that are no calendar date are left out.
pub fn timelinejs(rows: &[Row]) -> Value {
    let mut events = Vec::new();
    for r in rows {
        let Some((d, width)) = value_start(&r.value) else { continue };
        let mut start = serde_json::Map::new();
        start.insert("year".into(), json!(d.year().to_string()));
        if width <= 3 {
            start.insert("month".into(), json!(d.month().to_string()));
        }
        if width == 0 {
            start.insert("day".into(), json!(d.day().to_string()));
        }
        if let Some(time) = r.value.split('T').nth(1) {
            let mut hm = time.split(':');
            if let (Some(h), Some(m)) = (hm.next(), hm.next()) {
                start.insert("hour".into(), json!(h.trim_start_matches('0').to_string()));
                start.insert("minute".into(), json!(m.get(..2).unwrap_or(m)));
            }
        }
        let when =
            if r.relation == "on" { String::new() } else { format!("{}: ", dated(&r.relation, &r.value)) };
        let kind = r
            .event
            .as_ref()
            .and_then(|e| e.get("type"))
            .and_then(Value::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| "statement".into());
        events.push(json!({
            "start_date": start,
            "display_date": dated(&r.relation, &r.value),
            "text": {
                "headline": html_escape(&clip(&r.summary, 90)),
                "text": html_escape(&format!("{when}{} — {}", r.summary, r.title.as_deref().unwrap_or(&r.document))),
            },
            "group": kind,
            "unique_id": format!("{}#{}", r.document, events.len() + 1),
        }));
    }
    json!({
        "title": {"text": {"headline": "dossier timeline", "text": format!("{} dated events and statements", events.len())}},
        "events": events,
    })
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(value: &str, relation: &str) -> Row {
        Row {
            value: value.into(),
            relation: relation.into(),
            document: "d".into(),
            title: None,
            event: None,
            attribution: None,
            summary: format!("{relation} {value}"),
        }
    }

    #[test]
    fn values_start_where_they_cover() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(value_start("2024-03-22"), Some((d(2024, 3, 22), 0)));
        assert_eq!(value_start("2024-03"), Some((d(2024, 3, 1), 3)));
        assert_eq!(value_start("2024-W12"), Some((d(2024, 3, 18), 2)));
        assert_eq!(value_start("2024-Q3"), Some((d(2024, 7, 1), 4)));
        assert_eq!(value_start("2024"), Some((d(2024, 1, 1), 5)));
        assert_eq!(value_start("2024-03-22T14:00"), Some((d(2024, 3, 22), 0)));
        assert_eq!(value_start("PRESENT_REF"), None);
        assert_eq!(value_start("XXXX-03-22"), None);
    }

    #[test]
    fn rows_sort_by_date_then_relation() {
        let mut rows = vec![
            row("2024-03-24", "on"),
            row("2024-03-22", "on"),
            row("PAST_REF", "on"),
            row("2024-03-22", "before"),
            row("2024-03", "during"),
            row("2024-W13", "during"),
        ];
        sort_rows(&mut rows);
        let order: Vec<&str> = rows.iter().map(|r| r.summary.as_str()).collect();
        assert_eq!(
            order,
            [
                "during 2024-03",
                "before 2024-03-22",
                "on 2024-03-22",
                "on 2024-03-24",
                "during 2024-W13",
                "on PAST_REF"
            ]
        );
    }

    #[test]
    fn timelinejs_has_one_slide_per_calendar_row() {
        let rows = vec![row("2024-03-22", "on"), row("2024-03", "during"), row("PRESENT_REF", "on")];
        let v = timelinejs(&rows);
        let events = v["events"].as_array().unwrap();
        assert_eq!(events.len(), 2);
        assert_eq!(events[0]["start_date"]["day"], "22");
        assert!(events[1]["start_date"].get("day").is_none());
        assert_eq!(events[1]["start_date"]["month"], "3");
    }
}
