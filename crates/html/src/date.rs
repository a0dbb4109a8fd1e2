//! Publication date, following htmldate's strategies in order:
//! 1. JSON-LD `datePublished`;
//! 2. meta tags (`article:published_time`, `og:published_time`, `pubdate`, `date`, `DC.date`,
//!    `parsely-pub-date`, `sailthru.date`, … — the list and its order are in `data/date_meta.tsv`);
//! 3. `<time datetime>` — one marked as the publication time first (`itemprop=datePublished`, `pubdate`,
//!    a class naming publication), then the first one in the page;
//! 4. a date in the URL (`/2024/03/27/`, `/2024-03-27/`, `/20240327/`);
//! 5. a date written in the visible text near the top: in elements whose class or id names a date or
//!    dateline first, then in the first few thousand characters of the body.
//!
//! Every date is sanity-checked: years before 1990 or after 2100 are rejected (there is no clock to compare
//! with, so "not in the future" cannot be checked).

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate};
use dom_query::Document;
use regex::Regex;

const MIN_YEAR: i32 = 1990;
const MAX_YEAR: i32 = 2100;
/// How much visible text (chars) the last strategy searches.
const TEXT_WINDOW: usize = 3000;

struct MetaRule {
    attr: &'static str,
    value: &'static str,
    label: &'static str,
}

static META_RULES: LazyLock<Vec<MetaRule>> = LazyLock::new(|| {
    include_str!("../data/date_meta.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut c = l.split('\t');
            Some(MetaRule { attr: c.next()?, value: c.next()?, label: c.next()? })
        })
        .collect()
});

static MONTHS: LazyLock<HashMap<&'static str, u32>> = LazyLock::new(|| {
    include_str!("../data/months.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut c = l.split('\t');
            Some((c.next()?, c.next()?.trim().parse().ok()?))
        })
        .collect()
});

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b((?:19|20|21)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?:\D|$)").expect("valid regex")
});
static COMPACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^((?:19|20|21)\d\d)(\d\d)(\d\d)(?:T|$)").expect("valid regex"));
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20|21)\d\d)[/_-]?(\d{2})[/_-]?(\d{2})(?:[/_.-]|$)").expect("valid regex")
});
/// "27 March 2024", "27. März 2024", "27th of March, 2024"
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th|er|\.)?\s+(?:of\s+|de\s+)?(\p{L}{3,10})\.?,?\s+(?:de\s+)?((?:19|20|21)\d\d)\b")
        .expect("valid regex")
});
/// "March 27, 2024", "Mar. 27th 2024"
static MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20|21)\d\d)\b")
        .expect("valid regex")
});
/// US-style numeric date "03/27/2024" or European "27.03.2024"
static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})([./])(\d{1,2})[./]((?:19|20|21)\d\d)\b").expect("valid regex"));

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

fn month(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    MONTHS.get(lower.trim_end_matches('.')).copied()
}

/// Parses a machine-readable date (ISO 8601 / RFC 3339, RFC 2822, `YYYYMMDD`) or a written one
/// ("March 27, 2024", "27 March 2024"). Returns the calendar day as written (no time-zone shift).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    if let Some(c) = ISO.captures(s) {
        if let Some(d) = ymd(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?) {
            return Some(d);
        }
    }
    if let Some(c) = COMPACT.captures(s) {
        if let Some(d) = ymd(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?) {
            return Some(d);
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return ymd(chrono::Datelike::year(&dt), chrono::Datelike::month(&dt), chrono::Datelike::day(&dt));
    }
    parse_written(s)
}

/// Finds the first written date in free text.
pub fn parse_written(s: &str) -> Option<NaiveDate> {
    let mut best: Option<(usize, NaiveDate)> = None;
    let mut consider = |pos: usize, d: Option<NaiveDate>| {
        if let Some(d) = d {
            if best.is_none_or(|(p, _)| pos < p) {
                best = Some((pos, d));
            }
        }
    };
    if let Some(c) = MDY.captures(s) {
        let d = month(&c[1]).and_then(|m| ymd(c[3].parse().ok()?, m, c[2].parse().ok()?));
        consider(c.get(0).map_or(0, |m| m.start()), d);
    }
    if let Some(c) = DMY.captures(s) {
        let d = month(&c[2]).and_then(|m| ymd(c[3].parse().ok()?, m, c[1].parse().ok()?));
        consider(c.get(0).map_or(0, |m| m.start()), d);
    }
    if let Some(c) = ISO.captures(s) {
        let d = ymd(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        consider(c.get(0).map_or(0, |m| m.start()), d);
    }
    if let Some(c) = NUMERIC.captures(s) {
        let (a, b): (u32, u32) = (c[1].parse().ok()?, c[3].parse().ok()?);
        let y: i32 = c[4].parse().ok()?;
        // "27.03.2024" is day-first; "03/27/2024" is month-first unless the first number cannot be a month.
        let d = if &c[2] == "." || a > 12 { ymd(y, b, a) } else { ymd(y, a, b) };
        consider(c.get(0).map_or(0, |m| m.start()), d);
    }
    best.map(|(_, d)| d)
}

/// Date in a URL path: `/2024/03/27/`, `/2024-03-27-slug`, `/20240327/`.
pub fn from_url(url: &str) -> Option<NaiveDate> {
    let c = URL_DATE.captures(url)?;
    ymd(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

/// Whether a JSON-LD object describes the page's main work (an article, post, page), not an embedded
/// video, image or organisation.
fn is_main_work(map: &serde_json::Map<String, serde_json::Value>) -> bool {
    let ty = |t: &str| {
        let t = t.to_ascii_lowercase();
        t.contains("article")
            || t.contains("posting")
            || t.contains("news")
            || t.contains("report")
            || t == "webpage"
            || t == "creativework"
    };
    match map.get("@type") {
        Some(serde_json::Value::String(t)) => ty(t),
        Some(serde_json::Value::Array(ts)) => ts.iter().filter_map(|t| t.as_str()).any(ty),
        _ => false,
    }
}

/// Looks for `key` in JSON-LD values, iteratively (objects, arrays, `@graph`); objects describing the main
/// work first, then any.
fn json_ld_date(values: &[serde_json::Value], key: &str) -> Option<NaiveDate> {
    for main_only in [true, false] {
        let mut stack: Vec<&serde_json::Value> = values.iter().rev().collect();
        let mut steps = 0;
        while let Some(v) = stack.pop() {
            steps += 1;
            if steps > 10_000 {
                break;
            }
            match v {
                serde_json::Value::Object(map) => {
                    if !main_only || is_main_work(map) {
                        if let Some(d) = map.get(key).and_then(|d| d.as_str()).and_then(parse_date) {
                            return Some(d);
                        }
                    }
                    stack.extend(map.values().rev());
                }
                serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
                _ => {}
            }
        }
    }
    None
}

/// JSON-LD blocks are often wrapped in `<![CDATA[ … ]]>` (sometimes behind `//`).
pub(crate) fn strip_cdata(s: &str) -> &str {
    let mut t = s.trim();
    t = t.strip_prefix("//").unwrap_or(t).trim_start();
    t = t.strip_prefix("<![CDATA[").unwrap_or(t);
    t = t.trim_end();
    t = t.strip_suffix("]]>").unwrap_or(t);
    t = t.trim_end();
    t.strip_suffix("//").unwrap_or(t).trim()
}

/// Runs the strategies in order; returns the date and the label of the strategy that found it.
pub fn find(doc: &Document, urls: &[&str]) -> Option<(NaiveDate, &'static str)> {
    // 1. JSON-LD
    let json_ld: Vec<serde_json::Value> = doc
        .select(r#"script[type="application/ld+json"]"#)
        .nodes()
        .iter()
        .filter_map(|s| serde_json::from_str(strip_cdata(&s.text())).ok())
        .collect();
    for key in ["datePublished", "dateCreated"] {
        if let Some(d) = json_ld_date(&json_ld, key) {
            return Some((d, "json-ld"));
        }
    }
    // 2. meta tags, in the order of data/date_meta.tsv
    let metas = doc.select("meta");
    let mut by_key: HashMap<(&'static str, String), String> = HashMap::new();
    for m in metas.nodes() {
        let Some(content) = m.attr("content").or_else(|| m.attr("datetime")) else {
            continue;
        };
        for attr in ["property", "name", "itemprop", "http-equiv"] {
            if let Some(v) = m.attr(attr) {
                by_key.entry((attr, v.trim().to_ascii_lowercase())).or_insert_with(|| content.to_string());
            }
        }
    }
    for rule in META_RULES.iter() {
        if let Some(content) = by_key.get(&(rule.attr, rule.value.to_string())) {
            if let Some(d) = parse_date(content) {
                return Some((d, rule.label));
            }
        }
    }
    // 3. <time datetime>, publication-marked first
    let times = doc.select("time[datetime]");
    let mut first = None;
    for t in times.nodes() {
        let Some(d) = t.attr("datetime").and_then(|v| parse_date(&v)) else {
            continue;
        };
        let marked = t.has_attr("pubdate")
            || t.attr("itemprop").is_some_and(|v| v.eq_ignore_ascii_case("datepublished"))
            || t.attr("class").is_some_and(|c| {
                let c = c.to_ascii_lowercase();
                c.contains("publish") || c.contains("pubdate")
            });
        if marked {
            return Some((d, "time[datetime]:published"));
        }
        first.get_or_insert(d);
    }
    if let Some(d) = first {
        return Some((d, "time[datetime]"));
    }
    // 4. URL
    for url in urls {
        if let Some(d) = from_url(url) {
            return Some((d, "url"));
        }
    }
    // 5. visible text near the top: date-marked elements first, then the body's first characters
    for node in doc
        .select(r#"[class*="date"], [id*="date"], [class*="dateline"], [class*="time"], [class*="byline"]"#)
        .nodes()
        .iter()
        .take(50)
    {
        let text = node.text();
        if text.len() < 300 {
            if let Some(d) = parse_written(&text) {
                return Some((d, "text:date-element"));
            }
        }
    }
    let body = doc.select("body");
    let text = body.text();
    let head: String = text.chars().take(TEXT_WINDOW).collect();
    parse_written(&head).map(|d| (d, "text"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn parses_common_formats() {
        assert_eq!(parse_date("2024-03-27T09:12:00+01:00"), Some(d(2024, 3, 27)));
        assert_eq!(parse_date("Wed, 27 Mar 2024 10:00:00 GMT"), Some(d(2024, 3, 27)));
        assert_eq!(parse_date("20240327"), Some(d(2024, 3, 27)));
        assert_eq!(parse_date("March 27, 2024"), Some(d(2024, 3, 27)));
        assert_eq!(parse_date("Updated 27th March 2024, 10:00"), Some(d(2024, 3, 27)));
        assert_eq!(parse_date("27. März 2024"), Some(d(2024, 3, 27)));
        assert_eq!(parse_date("27.03.2024"), Some(d(2024, 3, 27)));
    }

    #[test]
    fn rejects_implausible_years_and_days() {
        assert_eq!(parse_date("1899-01-01"), None);
        assert_eq!(parse_date("2150-01-01"), None);
        assert_eq!(parse_date("2024-02-30"), None);
        assert_eq!(parse_date("not a date"), None);
    }

    #[test]
    fn url_patterns() {
        assert_eq!(from_url("https://example.org/news/2024/03/27/slug"), Some(d(2024, 3, 27)));
        assert_eq!(from_url("https://example.org/2024-03-27-slug.html"), Some(d(2024, 3, 27)));
        assert_eq!(from_url("https://example.org/a/20240327/b"), Some(d(2024, 3, 27)));
        assert_eq!(from_url("https://example.org/id/1234567890"), None);
    }
}
