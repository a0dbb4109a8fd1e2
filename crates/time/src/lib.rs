//! Temporal expressions: found in news text and normalized to TIMEX3 values against the
//! publication date.
//!
//! Design (after HeidelTime): the vocabulary — month and weekday names, number words,
//! units, seasons, parts of day, zones, modifiers, fixed phrases, holidays, tense cues —
//! lives in `data/` and is loaded once. Rules run only at trigger tokens and emit an
//! *underspecified* value ("last Friday" = weekday 5, one back). A resolution step then
//! completes it from the publication date (DCT), the tense of the clause (past → the past
//! occurrence; future → the next; news defaults to the past) and, when the text narrates a
//! story set in another year, the last mentioned date. Without a DCT relative values stay
//! underspecified (`XXXX-WXX-5`); the machine clock is never read.
//!
//! ```
//! use chrono::NaiveDate;
//! use dossier_doc::Span;
//! let text = "The minister resigned last Friday.";
//! let dct = NaiveDate::from_ymd_opt(2024, 3, 27);
//! let hits = dossier_time::TimeTagger::global().extract(text, &[Span::new(0, text.len())], dct);
//! assert_eq!(hits[0].span.of(text), "last Friday");
//! assert_eq!(hits[0].value, "2024-03-22");
//! ```

pub mod eval;
mod lexicon;
mod parse;
mod tense;
mod token;
mod value;

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use dossier_doc::Span;

pub use tense::{Tense, TenseHint, VerbForm, XposHint};

use crate::lexicon::LEX;
use crate::parse::Matcher;
use crate::token::Tokens;
use crate::value::{Ctx, Point, Under, YearRef};

/// TIMEX3 type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    /// The contract spelling: `DATE`, `TIME`, `DURATION`, `SET`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

impl std::fmt::Display for TimexType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// TIMEX3 `mod` attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mod {
    Before,
    After,
    OnOrBefore,
    OnOrAfter,
    LessThan,
    MoreThan,
    EqualOrLess,
    EqualOrMore,
    Start,
    Mid,
    End,
    Approx,
}

impl Mod {
    pub fn as_str(self) -> &'static str {
        match self {
            Mod::Before => "BEFORE",
            Mod::After => "AFTER",
            Mod::OnOrBefore => "ON_OR_BEFORE",
            Mod::OnOrAfter => "ON_OR_AFTER",
            Mod::LessThan => "LESS_THAN",
            Mod::MoreThan => "MORE_THAN",
            Mod::EqualOrLess => "EQUAL_OR_LESS",
            Mod::EqualOrMore => "EQUAL_OR_MORE",
            Mod::Start => "START",
            Mod::Mid => "MID",
            Mod::End => "END",
            Mod::Approx => "APPROX",
        }
    }

    pub(crate) fn from_code(s: &str) -> Option<Mod> {
        [
            Mod::Before,
            Mod::After,
            Mod::OnOrBefore,
            Mod::OnOrAfter,
            Mod::LessThan,
            Mod::MoreThan,
            Mod::EqualOrLess,
            Mod::EqualOrMore,
            Mod::Start,
            Mod::Mid,
            Mod::End,
            Mod::Approx,
        ]
        .into_iter()
        .find(|m| m.as_str() == s)
    }
}

/// One temporal expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimexHit {
    /// Byte range into the text given to [`TimeTagger::extract`].
    pub span: Span,
    pub kind: TimexType,
    /// TIMEX3 value (`2024-03-22`, `P3Y`, `XXXX-WXX-5`, `PAST_REF`, …).
    pub value: String,
    /// The event phrase a duration hangs on: "days before **the attack**".
    pub anchor: Option<Span>,
    pub mod_: Option<Mod>,
}

/// The tagger: stateless after the shared tables are loaded; `Send + Sync`.
#[derive(Clone, Copy, Debug, Default)]
pub struct TimeTagger {
    _private: (),
}

static GLOBAL: TimeTagger = TimeTagger { _private: () };

impl TimeTagger {
    /// Loads the resource tables (once per process) and returns a tagger.
    pub fn new() -> TimeTagger {
        LazyLock::force(&lexicon::LEX);
        TimeTagger { _private: () }
    }

    pub fn global() -> &'static TimeTagger {
        LazyLock::force(&lexicon::LEX);
        &GLOBAL
    }

    /// Temporal expressions of `text`, in text order, resolved against `dct` (the
    /// publication date). `sentences` (byte spans, as from `dossier-segment`) bound the
    /// tense cues and the narrative reference; an empty slice treats the text as one.
    pub fn extract(&self, text: &str, sentences: &[Span], dct: Option<NaiveDate>) -> Vec<TimexHit> {
        self.extract_with(text, sentences, dct, None)
    }

    /// As [`extract`](Self::extract), with word classes from a POS tagger for the tense
    /// cues ([`XposHint`] reads Penn Treebank tags).
    pub fn extract_with(
        &self,
        text: &str,
        sentences: &[Span],
        dct: Option<NaiveDate>,
        hint: Option<&dyn TenseHint>,
    ) -> Vec<TimexHit> {
        let toks = Tokens::new(text);
        let cands = Matcher { t: &toks, text }.scan();
        let memo = tense::CueMemo::new(&toks);
        // "BRUSSELS, March 12 (Xinhua) --" above a story published on the 13th: the story
        // was written on its dateline's day, which "Friday" and "today" count from.
        let dct = dct.map(|d| dateline_reference(text, &toks, cands.first(), d).unwrap_or(d));
        let whole = [Span::new(0, text.len())];
        let sentences = if sentences.is_empty() { &whole[..] } else { sentences };
        let mut out: Vec<TimexHit> = Vec::with_capacity(cands.len());
        let mut last: Option<Point> = None;
        let mut last_day: Option<Point> = None;
        let mut quarter: Option<Point> = None;
        // (is a span of months, sentence index) of the last reporting period named: a
        // quarter ("the third quarter", "the quarter ended Sept. 30") or a span of months
        // ("the nine months", "the first half")
        let mut period: Option<(bool, usize)> = None;
        // (year, sentence index) of the last date written with its year
        let mut explicit: Option<(i32, usize)> = None;
        // The quarter just resolved: (its last token, its point, the comparison period it
        // restates — an index into `out` — if any), for an appositive or an end date that
        // follows it ("the year-ago quarter, the second quarter ended Oct. 31")
        let mut prev_quarter: Option<(usize, Point, Option<usize>)> = None;
        for c in cands {
            let span = Span::new(toks.toks[c.lo].start, toks.toks[c.hi - 1].end);
            let si = sentences.partition_point(|s| s.end <= span.start).min(sentences.len() - 1);
            let sent = sentences[si];
            let ts = toks.at_or_after(sent.start);
            let te = toks.at_or_after(sent.end);
            let prep = (c.lo > ts).then(|| LEX.tense_preps.get(toks.w(c.lo - 1))).flatten();
            let deadline = prep == Some(&true);
            // "postponed until Tuesday morning": a deferral looks ahead
            let deferred = deadline && c.lo >= ts + 2 && LEX.deferrals.contains(toks.w(c.lo - 2));
            let tense = match prep {
                Some(false) => Tense::Past,
                _ if deferred => Tense::Future,
                // "the June 7 election": a date set ahead of time, the nearest occurrence
                _ if tense::scheduled(&toks, ts, &c) => Tense::Unknown,
                // "under a June agreement", "get around Wednesday's ruling", "the October
                // slaying": the month or weekday dates a thing the noun names, which news
                // reports once it happened, whatever the clause's verb says
                _ if tense::attributive(&toks, ts, &c) => Tense::Past,
                _ => tense::tense_near(&memo, &toks, ts, te, c.lo, c.hi, hint),
            };
            // "Protesters planned a rally on Saturday (night)": a plan's weekday looks ahead
            let weekday = match &c.val {
                Under::WithTime { base, .. } => matches!(**base, Under::Weekday { rel: None, .. }),
                v => matches!(v, Under::Weekday { rel: None, .. }),
            };
            let tense = if weekday && tense == Tense::Past && tense::plan_ahead(&memo, &toks, ts, c.lo, hint)
            {
                Tense::Future
            } else {
                tense
            };
            // "He was soon released": a vague future in a past clause narrates, it refers
            // to no time of its own (TimeBank leaves it untagged)
            if tense == Tense::Past
                && c.hi - c.lo == 1
                && matches!(&c.val, Under::Lit(v) if v == "FUTURE_REF")
            {
                continue;
            }
            // "Now, following asset sales, …", "Currently, organs are rationed …": a vague
            // present adverb opening its sentence before a comma frames the sentence against
            // what was told before; it dates nothing (TE3: 0 of 5 tagged; "Today," is a day)
            let starts = |k: usize| k <= ts || matches!(toks.w(k - 1), "." | "!" | "?");
            let opens =
                starts(c.lo) || (matches!(toks.w(c.lo - 1), "\"" | "“" | "`" | "'") && starts(c.lo - 1));
            if opens
                && c.hi - c.lo == 1
                && toks.w(c.hi) == ","
                && matches!(&c.val, Under::Lit(v) if v == "PRESENT_REF")
            {
                continue;
            }
            // "The search was recently extended", "they have recently moved": a vague past
            // between an auxiliary and its participle narrates the verb, no time of its own
            if c.hi - c.lo == 1
                && c.lo > ts
                && matches!(&c.val, Under::Lit(v) if v == "PAST_REF")
                && LEX.aux_verbs.contains(toks.w(c.lo - 1))
                && c.hi < te
                && toks.kind(c.hi) == Some(token::Kind::Word)
            {
                let next = toks.w(c.hi);
                let participle = match hint.and_then(|h| h.form(toks.toks[c.hi].start)) {
                    Some(f) => matches!(f, tense::VerbForm::Participle | tense::VerbForm::Past),
                    None => next == "been" || next.ends_with("ed") || LEX.irregular_past.contains(next),
                };
                if participle {
                    continue;
                }
            }
            let narrative_year = explicit
                .filter(|&(y, s)| {
                    si == s && tense != Tense::Future && !matches!(dct, Some(d) if d.year() == y)
                })
                .map(|e| e.0);
            // "For the nine months, net rose to $5 million from $4 million a year earlier":
            // the comparison is with the same months of the year before, no quarter
            let months_period = matches!(period, Some((true, s)) if s + 1 >= si);
            // "Rioting broke out on Friday and Saturday nights": a pair of weekdays told in the
            // past names those nights, no recurrence ("flights leave on Monday and Tuesday
            // nights" does recur)
            let mut c = c;
            // "The stock would be redeemed in five years": a counted span after "in", in a
            // future clause, is the date it runs out on, counted from the publication date
            // (as "five years from now"); "his second letter in two weeks" stays a span
            let counted = toks.is_num(c.lo)
                || LEX.numbers.contains_key(toks.w(c.lo))
                || matches!(toks.w(c.lo), "a" | "an");
            if c.ty == TimexType::Duration
                && tense == Tense::Future
                && c.lo > ts
                && toks.w(c.lo - 1) == "in"
                && counted
            {
                if let Some((n, unit)) = match &c.val {
                    Under::Lit(v) => whole_span(v),
                    _ => None,
                } {
                    c.val = Under::Shift { unit, n: Some(n), dir: 1, from_last: false };
                    c.ty = TimexType::Date;
                }
            }
            // "This quarter's loss includes charges of …" in a report of a quarter just ended:
            // the possessive names the reported quarter's results, not the calendar quarter
            // the story is published in (a future clause keeps it: "this quarter's sales will …")
            if matches!(c.val, Under::Rel { unit: value::Unit::Quarter, off: 0 })
                && quarter.is_some()
                && tense != Tense::Future
                && matches!(toks.w(c.hi), "'" | "’")
                && toks.w(c.hi + 1) == "s"
            {
                c.val = Under::Quarter { q: 0, year: None };
            }
            if let (TimexType::Set, Tense::Past, Under::Lit(v)) = (c.ty, tense, &c.val) {
                let pair = |k: usize| LEX.weekdays.contains_key(toks.w(k));
                let in_pair = pair(c.lo)
                    && ((matches!(toks.w(c.lo + 1), "and" | "or") && pair(c.lo + 2))
                        || (c.lo >= ts + 2 && matches!(toks.w(c.lo - 1), "and" | "or") && pair(c.lo - 2)));
                let night = v.strip_prefix("XXXX-WXX-").and_then(|r| r.split_once('T'));
                if let (true, Some((wd, part))) = (in_pair, night) {
                    if let Ok(wd) = wd.parse() {
                        c.val = Under::WithTime {
                            base: Box::new(Under::Weekday { wd, rel: None, anchored: false }),
                            time: format!("T{part}"),
                        };
                        c.ty = TimexType::Time;
                    }
                }
            }
            // "In the year-ago quarter, the second quarter ended Oct. 31, …": an appositive
            // quarter restates the comparison period before it, in that period's year (and
            // names which quarter it was); "ended Oct. 31" after a quarter ends that quarter.
            let follows = prev_quarter.filter(|&(hi, ..)| c.lo == hi + 1);
            let mut restates = None;
            if let Some((hi, Point::Quarter(y, _), compared)) = follows {
                match &c.val {
                    Under::Quarter { q: q @ 1..=4, year: None }
                        if toks.w(hi) == "," && compared.is_some() =>
                    {
                        c.val = Under::Quarter { q: *q, year: Some(YearRef::Abs(y)) };
                        restates = compared;
                    }
                    // (the quarter's number may be fiscal: "the fourth quarter ended Sept.
                    // 30" — the year is all the end date takes)
                    Under::Cal { y: None, m: Some(m), d } if toks.w(hi) == "ended" => {
                        c.val = Under::Cal { y: Some(YearRef::Abs(y)), m: Some(*m), d: *d };
                    }
                    _ => {}
                }
            }
            // "The chain lost money in the second and third quarters": quarters told in the
            // past are those of the year, no recurrence
            if let (TimexType::Set, Tense::Past, Under::Lit(v)) = (c.ty, tense, &c.val) {
                if let Some(q) = v.strip_prefix("XXXX-Q").and_then(|q| q.parse().ok()) {
                    c.val = Under::Quarter { q, year: None };
                    c.ty = TimexType::Date;
                }
            }
            let cx = Ctx { dct, tense, last, last_day, narrative_year, deadline, quarter, months_period };
            let (value, point) = c.val.resolve(&cx);
            if let Some(k) = restates {
                out[k].value = value.clone();
            }
            // Earnings news names the quarter it reports first ("third-quarter profit rose");
            // later quarters are comparisons ("compared with a flat second quarter").
            if let (None, Under::Quarter { q: 1..=4, .. }, Some(p @ Point::Quarter(y, _))) =
                (quarter, &c.val, point)
            {
                if dct.is_none_or(|d| (d.year() - 1..=d.year()).contains(&y)) {
                    quarter = Some(p);
                }
            }
            // "In June 2019 … later in March" narrates; a bare year ("a program approved in
            // 1987 … bought through Sept. 29") names no story of its own.
            if let Under::Cal { y: Some(YearRef::Abs(y)), m: Some(_), .. } = c.val {
                explicit = Some((y, si));
            }
            match &c.val {
                Under::Quarter { .. } | Under::QuarterEnded(_) | Under::Period { quarter: true, .. } => {
                    period = Some((false, si));
                }
                Under::Half { .. } => period = Some((true, si)),
                Under::Lit(v)
                    if c.ty == TimexType::Duration
                        && matches!(v.as_str(), "P6M" | "P9M")
                        && (toks.w(c.lo) == "the"
                            || c.lo > ts && matches!(toks.w(c.lo - 1), "the" | "latest" | "first")) =>
                {
                    period = Some((true, si));
                }
                _ => {}
            }
            // Shifts ("a year earlier") and comparison periods ("the year-ago results", "the
            // 1988 period") are read off the reference, never become it.
            let comparison = match c.val {
                Under::Shift { .. } => true,
                Under::Period { year, back, .. } => back != 0 || year.is_some(),
                _ => false,
            };
            // The end date of a quarter ("the quarter ended Sept. 30") belongs to it: the
            // quarter stays the narrative reference ("that quarter").
            let quarter_end = matches!(follows, Some((hi, ..)) if toks.w(hi) == "ended");
            if let (Some(p), false, false) = (point, comparison, quarter_end) {
                last = Some(p);
                if matches!(p, Point::Day(_)) {
                    last_day = Some(p);
                }
            }
            prev_quarter = match (point, &c.val) {
                (Some(p @ Point::Quarter(..)), Under::Period { quarter: true, .. }) => {
                    Some((c.hi, p, Some(out.len())))
                }
                (Some(p @ Point::Quarter(..)), _) => Some((c.hi, p, None)),
                _ => None,
            };
            out.push(TimexHit { span, kind: c.ty, value, anchor: c.anchor, mod_: c.mod_ });
        }
        out
    }
}

/// A span of a whole number of years, months, weeks or days (`P5Y`, `P2W`): (number, unit).
fn whole_span(v: &str) -> Option<(u32, value::Unit)> {
    let rest = v.strip_prefix('P')?;
    let unit = match rest.chars().last()? {
        'Y' => value::Unit::Year,
        'M' => value::Unit::Month,
        'W' => value::Unit::Week,
        'D' => value::Unit::Day,
        _ => return None,
    };
    let n: u32 = rest[..rest.len() - 1].parse().ok()?;
    Some((n, unit))
}

/// How many days a dateline may lie before the publication date and still be the day the
/// story was written (wire stories reach archives a day or two late).
const DATELINE_LAG: i64 = 3;

/// The day of a dateline that opens the text ("WASHINGTON, March 12 (Xinhua) --": capitalised
/// words, a comma, a month and day, then a parenthesis or a dash), when it lies up to
/// [`DATELINE_LAG`] days before the publication date `dct`.
fn dateline_reference(
    text: &str,
    toks: &Tokens,
    first: Option<&parse::Cand>,
    dct: NaiveDate,
) -> Option<NaiveDate> {
    let c = first?;
    let Under::Cal { y, m: Some(m), d: Some(d) } = &c.val else {
        return None;
    };
    // the place: one to four capitalised words (and their inner punctuation) before a
    // comma, opening the text, a line or a sentence of its first few words
    if c.lo < 2 || c.lo > 16 || toks.w(c.lo - 1) != "," {
        return None;
    }
    let place = |k: usize| toks.cap(k) || matches!(toks.w(k), "-" | "'");
    let mut k0 = c.lo - 1;
    while k0 > 0 && c.lo - 1 - k0 < 6 && place(k0 - 1) {
        k0 -= 1;
    }
    if k0 == c.lo - 1 || !toks.cap(k0) {
        return None;
    }
    let opens = k0 == 0
        || toks.w(k0 - 1) == "."
        || text.get(toks.toks[k0 - 1].end..toks.toks[k0].start).is_some_and(|g| g.contains('\n'));
    if !opens {
        return None;
    }
    if !matches!(toks.w(c.hi), "(" | "-" | "—" | "–" | "_") {
        return None;
    }
    let day = match y {
        Some(YearRef::Abs(y)) => NaiveDate::from_ymd_opt(*y, *m, *d)?,
        // "December 31" above a story published on January 1
        _ => NaiveDate::from_ymd_opt(dct.year(), *m, *d)
            .filter(|&day| day <= dct)
            .or_else(|| NaiveDate::from_ymd_opt(dct.year() - 1, *m, *d))?,
    };
    let lag = (dct - day).num_days();
    (1..=DATELINE_LAG).contains(&lag).then_some(day)
}

/// The publication date a dateline gives ("WASHINGTON, March 3 (Reuters) -"): the first
/// calendar day written in `dateline`, its year from the text or `fallback_year`.
pub fn dateline_date(text: &str, dateline: Span, fallback_year: Option<i32>) -> Option<NaiveDate> {
    let s = text.get(dateline.range())?;
    let toks = Tokens::new(s);
    let cands = Matcher { t: &toks, text: s }.scan();
    cands.into_iter().find_map(|c| match c.val {
        Under::Cal { y, m: Some(m), d: Some(d) } => {
            let y = match y {
                Some(YearRef::Abs(y)) => y,
                _ => fallback_year?,
            };
            NaiveDate::from_ymd_opt(y, m, d)
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, dct: NaiveDate) -> Vec<(String, String)> {
        TimeTagger::global()
            .extract(text, &[], Some(dct))
            .into_iter()
            .map(|h| (h.span.of(text).to_string(), h.value))
            .collect()
    }

    #[test]
    fn a_dateline_under_a_headline_is_the_reference_day() {
        let dct = NaiveDate::from_ymd_opt(2024, 3, 13).unwrap();
        let text =
            "Farm prices fall\nBRUSSELS, March 12 (Wire) -- Ministers will sign the accord on Tuesday.";
        assert!(values(text, dct).contains(&("Tuesday".into(), "2024-03-12".into())));
        // the same words inside a sentence are no dateline
        let text = "Farm prices fell in BRUSSELS, March 12 (Wire) -- ministers will sign on Tuesday.";
        assert!(values(text, dct).contains(&("Tuesday".into(), "2024-03-19".into())));
    }
}
