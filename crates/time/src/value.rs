//! Underspecified values (what a rule knows from the words alone) and their resolution
//! against the publication date, the tense of the clause and the last mentioned date.

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

use crate::lexicon::HolidayDay;
use crate::tense::Tense;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Year,
    Quarter,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
    Weekend,
}

impl Unit {
    pub(crate) fn from_code(s: &str) -> Option<Unit> {
        Some(match s {
            "Y" => Unit::Year,
            "Q" => Unit::Quarter,
            "M" => Unit::Month,
            "W" => Unit::Week,
            "D" => Unit::Day,
            "H" => Unit::Hour,
            "MIN" => Unit::Minute,
            "S" => Unit::Second,
            "WE" => Unit::Weekend,
            _ => return None,
        })
    }

    /// The TIMEX3 duration of `n` of these units ("P3Y", "PT24H"); `n = None` is unknown.
    pub(crate) fn duration(self, n: Option<f64>) -> String {
        let (t, code, k) = match self {
            Unit::Year => ("", "Y", 1.0),
            Unit::Quarter => ("", "Q", 1.0),
            Unit::Month => ("", "M", 1.0),
            Unit::Week => ("", "W", 1.0),
            Unit::Day => ("", "D", 1.0),
            Unit::Weekend => ("", "WE", 1.0),
            Unit::Hour => ("T", "H", 1.0),
            Unit::Minute => ("T", "M", 1.0),
            Unit::Second => ("T", "S", 1.0),
        };
        match n {
            None => format!("P{t}X{code}"),
            Some(n) => {
                let n = n * k;
                if n.fract() == 0.0 {
                    format!("P{t}{}{code}", n as i64)
                } else {
                    format!("P{t}{n}{code}")
                }
            }
        }
    }
}

/// A year given as a number or relative to the publication date ("of last year").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum YearRef {
    Abs(i32),
    Rel(i32),
}

/// What a rule emits: the value as far as the words determine it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Under {
    /// Final as written (`PRESENT_REF`, `P3Y`, `XXXX-WXX-1` for a set, …).
    Lit(String),
    /// A calendar date; a missing year is inferred, a missing day/month is coarser granularity.
    Cal {
        y: Option<YearRef>,
        m: Option<u32>,
        d: Option<u32>,
    },
    /// "the 1990s" → 199.
    Decade(i32),
    /// "the 1800s" → 18.
    Century(i32),
    /// "this century", "last decade": the decade (`years` 10) or century (100) `off` of
    /// them from the publication date's ("this century" published in 1999 → 19).
    Era {
        years: i32,
        off: i32,
    },
    /// `off` units from the publication date ("last week", "today", "next year").
    Rel {
        unit: Unit,
        off: i32,
    },
    /// `n` units before (`dir = -1`) or after a reference: the publication date ("ago",
    /// "from now") or the last mentioned date ("earlier", "later"). `n = None`: vague.
    Shift {
        unit: Unit,
        n: Option<u32>,
        dir: i32,
        from_last: bool,
    },
    /// A weekday; `rel` -1 last, 1 next, 0 this, None: decided by tense. `anchored`: "the
    /// previous Friday" counts back from the last mentioned day, not the publication date.
    Weekday {
        wd: u32,
        rel: Option<i32>,
        anchored: bool,
    },
    /// "the weekend": the last one before the publication date, or the next one in a
    /// future clause (`rel` as for weekdays).
    Weekend {
        rel: Option<i32>,
    },
    /// A bare month ("in March", "last December").
    Month {
        m: u32,
        rel: Option<i32>,
    },
    Season {
        s: &'static str,
        year: Option<YearRef>,
        rel: Option<i32>,
    },
    /// Quarter `q` (0: "the quarter", the one being reported).
    Quarter {
        q: u32,
        year: Option<YearRef>,
    },
    Half {
        h: u32,
        year: Option<YearRef>,
    },
    /// A reporting period in earnings news: "the latest period", "the year-ago quarter",
    /// "the 1988 period", "year-earlier" results. With a quarter being reported (the first
    /// one named), that quarter `back` years earlier (or in `year`); without one, the
    /// year — or, for `quarter` ("the year-ago quarter"), the quarter before the
    /// publication date.
    Period {
        year: Option<i32>,
        back: i32,
        quarter: bool,
    },
    Holiday {
        m: u32,
        day: HolidayDay,
        year: Option<YearRef>,
    },
    /// A date with a time of day or a part of day appended (`T10:30`, `TNI`).
    WithTime {
        base: Box<Under>,
        time: String,
    },
    /// A time of day alone: anchored on the last mentioned day, else the publication date.
    TimeOnly(String),
    /// `n` units from a day named by `base`, at the granularity of `unit`: "the week of
    /// March 6" (n = 0), "the day before last Tuesday" (n = -1).
    Of {
        base: Box<Under>,
        unit: Unit,
        n: i64,
    },
    /// "the quarter ended July 31": the calendar quarter holding most of the three months
    /// that end on `base` (the quarter of the month before it).
    QuarterEnded(Box<Under>),
}

/// A resolved calendar point: what "the last mentioned date" remembers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Point {
    Day(NaiveDate),
    Month(i32, u32),
    Year(i32),
    Week(i32, u32),
    Quarter(i32, u32),
}

impl Point {
    fn first_day(self) -> Option<NaiveDate> {
        match self {
            Point::Day(d) => Some(d),
            Point::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
            Point::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
            Point::Week(y, w) => NaiveDate::from_isoywd_opt(y, w, Weekday::Mon),
            Point::Quarter(y, q) => NaiveDate::from_ymd_opt(y, (q - 1) * 3 + 1, 1),
        }
    }

    pub(crate) fn render(self) -> String {
        match self {
            Point::Day(d) => d.format("%Y-%m-%d").to_string(),
            Point::Month(y, m) => format!("{y:04}-{m:02}"),
            Point::Year(y) => format!("{y:04}"),
            Point::Week(y, w) => format!("{y:04}-W{w:02}"),
            Point::Quarter(y, q) => format!("{y:04}-Q{q}"),
        }
    }
}

impl Point {
    /// Granularity: 0 year, 1 quarter, 2 month, 3 week, 4 day.
    fn rank(self) -> u8 {
        match self {
            Point::Year(_) => 0,
            Point::Quarter(..) => 1,
            Point::Month(..) => 2,
            Point::Week(..) => 3,
            Point::Day(_) => 4,
        }
    }
}

fn unit_rank(u: Unit) -> u8 {
    match u {
        Unit::Year => 0,
        Unit::Quarter => 1,
        Unit::Month => 2,
        Unit::Week | Unit::Weekend => 3,
        _ => 4,
    }
}

fn week_of(d: NaiveDate) -> Point {
    let w = d.iso_week();
    Point::Week(w.year(), w.week())
}

fn quarter_of(d: NaiveDate) -> Point {
    Point::Quarter(d.year(), (d.month() - 1) / 3 + 1)
}

/// `p` moved by `n` units (negative: back), at the granularity of `unit`, except that a
/// quarter moved by years stays a quarter ("a year earlier" after "the third quarter").
fn shift(p: Point, unit: Unit, n: i64) -> Option<Point> {
    if let (Point::Quarter(y, q), Unit::Year) = (p, unit) {
        return Some(Point::Quarter(y + n as i32, q));
    }
    if let (Point::Quarter(y, q), Unit::Quarter) = (p, unit) {
        let idx = y as i64 * 4 + (q as i64 - 1) + n;
        return Some(Point::Quarter(idx.div_euclid(4) as i32, idx.rem_euclid(4) as u32 + 1));
    }
    let d = p.first_day()?;
    let months = |k: i64| -> Option<NaiveDate> {
        if k >= 0 {
            d.checked_add_months(Months::new(k as u32))
        } else {
            d.checked_sub_months(Months::new((-k) as u32))
        }
    };
    Some(match unit {
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => {
            let k = match unit {
                Unit::Day => n,
                Unit::Hour => n / 24,
                Unit::Minute => n / 1440,
                _ => n / 86_400,
            };
            Point::Day(d.checked_add_signed(Duration::try_days(k)?)?)
        }
        Unit::Week | Unit::Weekend => week_of(d.checked_add_signed(Duration::try_days(7 * n)?)?),
        Unit::Month => {
            let x = months(n)?;
            Point::Month(x.year(), x.month())
        }
        Unit::Quarter => quarter_of(months(3 * n)?),
        Unit::Year => Point::Year(d.year() + n as i32),
    })
}

/// What the resolver knows about the clause and the document so far.
pub(crate) struct Ctx {
    pub dct: Option<NaiveDate>,
    pub tense: Tense,
    /// The last date resolved in the text before this one (the narrative reference).
    pub last: Option<Point>,
    /// The last day resolved before this one: a shift finer than `last` counts from it ("on
    /// Monday … since August … the previous week" is the week before Monday).
    pub last_day: Option<Point>,
    /// The year of the last date with an explicit year, when it lies in this sentence and
    /// the clause is not in the future ("In June 2019 ... later in March"). Measured on
    /// TimeBank: carrying it into the next sentence misdates more than it fixes.
    pub narrative_year: Option<i32>,
    /// The expression follows a deadline preposition ("until Tuesday", "through January",
    /// "by Dec. 15"): a date still to come (within a few weeks), the nearest weekday.
    pub deadline: bool,
    /// The quarter being reported: the first one named with its number ("third-quarter
    /// profit"), which "the quarter", "the latest period" and "the year-ago quarter" read.
    pub quarter: Option<Point>,
    /// The last reporting period named, in this sentence or the one before, is a span of
    /// months ("the nine months", "the first half"), not a quarter: "a year earlier" and
    /// "year-earlier results" then name the year before, not a quarter of it.
    pub months_period: bool,
}

/// Days on the wrong side of the publication date for the tense that still count as near.
const NEAR: i64 = 21;
/// The same for a calendar day ("has invited them to a ceremony on March 12", published
/// February 16): news writes the year of a day outside the current year, so a day keeps a
/// wider margin before the tense sends it a year away.
const NEAR_DAY: i64 = 31;

/// The month a season code starts in (winter: December).
fn season_start(s: &str) -> u32 {
    match s {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    }
}

/// Easter Sunday of year `y` (Gregorian calendar; the anonymous algorithm of Meeus).
fn easter(y: i32) -> Option<NaiveDate> {
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let g = (8 * b + 13) / 25;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 19 * l) / 433;
    let month = (h + l - 7 * m + 90) / 25;
    let day = (h + l - 7 * m + 33 * month + 19) % 32;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)
}

fn nth_weekday(y: i32, m: u32, n: u32, wd: u32) -> Option<NaiveDate> {
    let wd = Weekday::try_from((wd as u8).wrapping_sub(1) % 7).ok()?;
    if n == 0 {
        let next = if m == 12 {
            NaiveDate::from_ymd_opt(y + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(y, m + 1, 1)?
        };
        let mut d = next.pred_opt()?;
        while d.weekday() != wd {
            d = d.pred_opt()?;
        }
        Some(d)
    } else {
        NaiveDate::from_weekday_of_month_opt(y, m, wd, n as u8)
    }
}

impl Under {
    /// The TIMEX3 value, and the point to remember as the last mentioned date.
    pub(crate) fn resolve(&self, cx: &Ctx) -> (String, Option<Point>) {
        if let Under::Weekend { rel } = self {
            // The week of that weekend's Saturday.
            let sat = Under::Weekday { wd: 6, rel: *rel, anchored: false }.point(cx);
            return match sat {
                Some(Point::Day(d)) => {
                    let w = week_of(d);
                    (format!("{}-WE", w.render()), Some(w))
                }
                _ => ("XXXX-WXX-WE".into(), None),
            };
        }
        if let Under::Era { years, off } = self {
            return match cx.dct {
                Some(d) if *years == 10 => (format!("{:03}", d.year().div_euclid(10) + off), None),
                Some(d) => (format!("{:02}", d.year().div_euclid(100) + off), None),
                None if *years == 10 => ("XXX".into(), None),
                None => ("XX".into(), None),
            };
        }
        // "Thursday evening": the day is what a later "the next day" counts from
        if let Under::WithTime { base, time } = self {
            if let Some(p @ Point::Day(_)) = base.point(cx) {
                return (format!("{}{time}", p.render()), Some(p));
            }
        }
        match self.point(cx) {
            Some(p) => (p.render(), Some(p)),
            None => (self.render_unresolved(cx), None),
        }
    }

    fn year_of(&self, yr: Option<YearRef>, cx: &Ctx) -> Option<i32> {
        match yr? {
            YearRef::Abs(y) => Some(y),
            YearRef::Rel(k) => Some(cx.dct?.year() + k),
        }
    }

    /// Year for a month (and day) given without one: the narrative year when the text
    /// is telling a story set in another year, else the occurrence nearest the publication
    /// date, one on the side the tense rules out counting three times its distance when it
    /// is within a few weeks, twenty times beyond: "changed in January", published in late
    /// October, is last January; "will open in April", published in May, is next April;
    /// "was extended to Nov. 16", published Oct. 30, is this November. A deadline ("until
    /// January", "by year-end") is one still to come, or after a past verb the nearest.
    fn infer_year(&self, m: u32, d: Option<u32>, cx: &Ctx) -> Option<i32> {
        if let Some(y) = cx.narrative_year {
            return Some(y);
        }
        let dct = cx.dct?;
        let y = dct.year();
        let mut best: Option<(i64, i32)> = None;
        for cand in [y - 1, y, y + 1] {
            let (first, last) = match d {
                Some(d) => {
                    let day = NaiveDate::from_ymd_opt(cand, m, d)
                        .or_else(|| NaiveDate::from_ymd_opt(cand, m, d.min(28)))?;
                    (day, day)
                }
                None => {
                    let first = NaiveDate::from_ymd_opt(cand, m, 1)?;
                    (first, first.checked_add_months(Months::new(1))?.pred_opt()?)
                }
            };
            // days from the publication date to the nearest day of the candidate
            let dist = if first > dct {
                (first - dct).num_days()
            } else if last < dct {
                (dct - last).num_days()
            } else {
                0
            };
            let wrong_side = match cx.tense {
                // "had bought through Sept. 29": a past deadline, the nearest occurrence
                Tense::Past if cx.deadline => false,
                _ if cx.deadline => last < dct,
                Tense::Past => first > dct,
                Tense::Future => last < dct,
                _ => false,
            };
            // A few weeks on the wrong side is the tense guess failing ("was extended to
            // Nov. 16", "said in an editorial on Saturday, April 25"); further, the tense wins.
            let near = if d.is_some() { NEAR_DAY } else { NEAR };
            let cost = match (wrong_side, dist <= near) {
                (false, _) => dist,
                (true, true) => dist * 3,
                (true, false) => dist * 20,
            };
            if !matches!(best, Some(b) if cost >= b.0) {
                best = Some((cost, cand));
            }
        }
        best.map(|b| b.1)
    }

    fn point(&self, cx: &Ctx) -> Option<Point> {
        match self {
            Under::Cal { y, m, d } => {
                let year = match y {
                    Some(_) => self.year_of(*y, cx)?,
                    None => self.infer_year((*m)?, *d, cx)?,
                };
                match (m, d) {
                    (Some(m), Some(d)) => Some(Point::Day(NaiveDate::from_ymd_opt(year, *m, *d)?)),
                    (Some(m), None) if (1..=12).contains(m) => Some(Point::Month(year, *m)),
                    (None, _) => Some(Point::Year(year)),
                    _ => None,
                }
            }
            Under::Rel { unit, off } => {
                let dct = cx.dct?;
                shift(Point::Day(dct), *unit, *off as i64).map(|p| match (unit, p) {
                    (Unit::Month, Point::Day(d)) => Point::Month(d.year(), d.month()),
                    (Unit::Week, Point::Day(d)) => week_of(d),
                    (Unit::Quarter, Point::Day(d)) => quarter_of(d),
                    (Unit::Year, Point::Day(d)) => Point::Year(d.year()),
                    _ => p,
                })
            }
            Under::Shift { unit, n, dir, from_last } => {
                let n = (*n)? as i64 * *dir as i64;
                let base = if *from_last {
                    match (cx.last, cx.last_day) {
                        // (a month told last cannot name "the previous week"; the last day can)
                        (Some(p), Some(day)) if p.rank() < unit_rank(*unit) && n != 0 => day,
                        (Some(p), _) => p,
                        // "Seven decades later, she has now …" with no date before it: the
                        // reference is a moment the text never dated, not the publication
                        // date. Counting forward from that would put a told past in the
                        // future; only a future clause may ("a week later, the law will …").
                        (None, _) if n > 0 && cx.tense != Tense::Future => return None,
                        (None, _) => Point::Day(cx.dct?),
                    }
                } else {
                    let dct = cx.dct?;
                    // Earnings news: "a year ago" after "the third quarter" is that quarter.
                    match (unit, cx.quarter.or(cx.last)) {
                        (Unit::Year, Some(q @ Point::Quarter(..))) => q,
                        _ => Point::Day(dct),
                    }
                };
                // "that day" after "in 1987": the reference is too coarse to name the day.
                if n == 0 && base.rank() < unit_rank(*unit) {
                    return None;
                }
                let base = match (base, unit) {
                    (Point::Quarter(..), Unit::Year) if cx.months_period => Point::Day(base.first_day()?),
                    (Point::Quarter(..), Unit::Year | Unit::Quarter) => base,
                    (p, _) => Point::Day(p.first_day()?),
                };
                let to = shift(base, *unit, n)?;
                // The same from a dated reference: "in 1990 … seven decades later, he has now …"
                // does not reach 2060 outside a future clause.
                let future = |dct: NaiveDate| to.first_day().is_some_and(|d| (d - dct).num_days() > NEAR);
                if *from_last && n > 0 && cx.tense != Tense::Future && cx.dct.is_some_and(future) {
                    return None;
                }
                Some(to)
            }
            Under::Weekday { wd, rel, anchored } => {
                // "down from the previous Friday": the one before the day just named
                if let (true, Some(Point::Day(base))) = (*anchored, cx.last) {
                    let cur = base.weekday().number_from_monday() as i64;
                    let back = (cur - *wd as i64).rem_euclid(7);
                    let back = if back == 0 { 7 } else { back };
                    return Some(Point::Day(base.checked_sub_signed(Duration::try_days(back)?)?));
                }
                let dct = cx.dct?;
                let cur = dct.weekday().number_from_monday() as i64;
                let wd = *wd as i64;
                let back = (cur - wd).rem_euclid(7); // days back to the latest such day (0 = today)
                let fwd = (wd - cur).rem_euclid(7);
                let days = match rel {
                    Some(-1) => -(if back == 0 { 7 } else { back }),
                    Some(1) => {
                        if fwd == 0 {
                            7
                        } else {
                            fwd
                        }
                    }
                    _ => match cx.tense {
                        Tense::Future => fwd,
                        // "until Tuesday": the nearer one, the coming one on a tie
                        _ if cx.deadline && fwd <= back => fwd,
                        _ if cx.deadline => -back,
                        _ => -back,
                    },
                };
                Some(Point::Day(dct.checked_add_signed(Duration::try_days(days)?)?))
            }
            Under::Month { m, rel } => {
                let dct = cx.dct?;
                let y = dct.year();
                let cur = dct.month();
                let year = match rel {
                    Some(-1) => {
                        if *m < cur {
                            y
                        } else {
                            y - 1
                        }
                    }
                    Some(1) => {
                        if *m > cur {
                            y
                        } else {
                            y + 1
                        }
                    }
                    Some(_) => y,
                    None => return Under::Cal { y: None, m: Some(*m), d: None }.point(cx),
                };
                Some(Point::Month(year, *m))
            }
            Under::Period { year, back, quarter } => {
                let reported = match cx.quarter {
                    Some(Point::Quarter(y, q)) => Some((y, q)),
                    _ => None,
                };
                match reported {
                    Some((y, _)) if cx.months_period && !*quarter => {
                        Some(Point::Year(year.unwrap_or(y - back)))
                    }
                    Some((y, q)) => Some(Point::Quarter(year.unwrap_or(y - back), q)),
                    None if *quarter => {
                        let p = shift(quarter_of(cx.dct?), Unit::Quarter, -1)?;
                        match (p, year) {
                            (Point::Quarter(_, q), Some(y)) => Some(Point::Quarter(*y, q)),
                            _ => shift(p, Unit::Year, -*back as i64),
                        }
                    }
                    None => Some(Point::Year(year.unwrap_or(cx.dct?.year() - back))),
                }
            }
            Under::Quarter { q, year } => {
                let dct = cx.dct;
                if *q == 0 {
                    // "the quarter": the one being reported, else the last one mentioned,
                    // else the one before the publication date.
                    if let Some(p @ Point::Quarter(..)) = cx.quarter.or(cx.last) {
                        return Some(p);
                    }
                    return shift(quarter_of(dct?), Unit::Quarter, -1);
                }
                let y = match year {
                    Some(_) => self.year_of(*year, cx)?,
                    None => {
                        if let Some(y) = cx.narrative_year {
                            y
                        } else {
                            let dct = dct?;
                            let start = (*q - 1) * 3 + 1;
                            if cx.tense != Tense::Future && start > dct.month() {
                                dct.year() - 1
                            } else {
                                dct.year()
                            }
                        }
                    }
                };
                Some(Point::Quarter(y, *q))
            }
            Under::Holiday { m, day, year } => {
                let y = match year {
                    Some(_) => self.year_of(*year, cx)?,
                    None => {
                        let d = match day {
                            HolidayDay::Fixed(d) => *d,
                            HolidayDay::Nth(..) | HolidayDay::Easter(_) => 15,
                        };
                        self.infer_year(*m, Some(d), cx)?
                    }
                };
                let date = match day {
                    HolidayDay::Fixed(d) => NaiveDate::from_ymd_opt(y, *m, *d)?,
                    HolidayDay::Nth(n, wd, plus) => {
                        nth_weekday(y, *m, *n, *wd)?.checked_add_days(chrono::Days::new(*plus as u64))?
                    }
                    HolidayDay::Easter(off) => {
                        easter(y)?.checked_add_signed(chrono::TimeDelta::try_days(*off as i64)?)?
                    }
                };
                Some(Point::Day(date))
            }
            Under::Of { base, unit, n } => match base.point(cx)? {
                Point::Day(d) => shift(Point::Day(d), *unit, *n),
                _ => None,
            },
            Under::QuarterEnded(base) => match base.point(cx)? {
                Point::Day(d) => Some(quarter_of(d.checked_sub_months(Months::new(1))?)),
                _ => None,
            },
            // Values that render their own strings.
            _ => None,
        }
    }

    /// Values with no calendar point, and what stays underspecified without a
    /// publication date: what is known is kept, the rest is X.
    fn render_unresolved(&self, cx: &Ctx) -> String {
        let yr = |yr: &Option<YearRef>| -> String {
            match (yr, cx.dct) {
                (Some(YearRef::Abs(y)), _) => format!("{y:04}"),
                (Some(YearRef::Rel(k)), Some(d)) => format!("{:04}", d.year() + k),
                _ => "XXXX".into(),
            }
        };
        match self {
            Under::Lit(s) => s.clone(),
            Under::Decade(d) => format!("{d:03}"),
            Under::Century(c) => format!("{c:02}"),
            Under::Era { years: 10, .. } => "XXX".into(),
            Under::Era { .. } => "XX".into(),
            Under::Cal { y, m, d } => match (m, d) {
                (Some(m), Some(d)) => format!("{}-{m:02}-{d:02}", yr(y)),
                (Some(m), None) => format!("{}-{m:02}", yr(y)),
                _ => yr(y),
            },
            Under::Rel { unit, .. } => match unit {
                Unit::Year => "XXXX".into(),
                Unit::Quarter => "XXXX-QX".into(),
                Unit::Month => "XXXX-XX".into(),
                Unit::Week | Unit::Weekend => "XXXX-WXX".into(),
                _ => "XXXX-XX-XX".into(),
            },
            Under::Shift { n, dir, unit, from_last } => {
                if n.is_none() {
                    return if *dir < 0 { "PAST_REF" } else { "FUTURE_REF" }.into();
                }
                // "that day" after "in October 1998": what the reference knows, the day
                // unknown (1998-10-XX), as TimeBank writes it
                let coarse = match (*n, *from_last, cx.last, unit) {
                    (Some(0), true, Some(Point::Month(y, m)), Unit::Day) => Some(format!("{y:04}-{m:02}-XX")),
                    (Some(0), true, Some(Point::Year(y)), Unit::Day) => Some(format!("{y:04}-XX-XX")),
                    (Some(0), true, Some(Point::Year(y)), Unit::Month) => Some(format!("{y:04}-XX")),
                    _ => None,
                };
                coarse.unwrap_or_else(|| Under::Rel { unit: *unit, off: 0 }.render_unresolved(cx))
            }
            Under::Weekday { wd, .. } => format!("XXXX-WXX-{wd}"),
            Under::Weekend { .. } => "XXXX-WXX-WE".into(),
            Under::Month { m, .. } => format!("XXXX-{m:02}"),
            Under::Season { s, year, rel } => {
                let y = match (year, rel, cx.dct) {
                    (Some(_), _, _) => yr(year),
                    (None, Some(k), Some(d)) => {
                        // "last fall" published in spring: the previous year's.
                        let season_start = season_start(s);
                        let mut y = d.year() + k;
                        if *k < 0 && season_start < d.month() {
                            y += 1;
                        }
                        if *k > 0 && season_start > d.month() {
                            y -= 1;
                        }
                        format!("{y:04}")
                    }
                    (None, None, Some(d)) => match cx.narrative_year {
                        Some(y) => format!("{y:04}"),
                        // "began in the autumn", published in March: last year's autumn;
                        // "will open in the winter", published in May: this year's
                        None => {
                            let start = season_start(s);
                            let y = if cx.tense == Tense::Past && start > d.month() && *s != "WI" {
                                d.year() - 1
                            } else {
                                d.year()
                            };
                            format!("{y:04}")
                        }
                    },
                    _ => "XXXX".into(),
                };
                format!("{y}-{s}")
            }
            Under::Quarter { q, year } => {
                let q = if *q == 0 { "X".to_string() } else { q.to_string() };
                format!("{}-Q{q}", yr(year))
            }
            Under::Period { year, quarter, .. } => {
                let y = year.map_or("XXXX".to_string(), |y| format!("{y:04}"));
                if *quarter {
                    format!("{y}-QX")
                } else {
                    y
                }
            }
            Under::Half { h, year } => match (year, cx.dct) {
                (None, Some(d)) => {
                    let y = cx.narrative_year.unwrap_or(d.year());
                    format!("{y:04}-H{h}")
                }
                _ => format!("{}-H{h}", yr(year)),
            },
            Under::Holiday { m, day, year } => match day {
                HolidayDay::Fixed(d) => format!("{}-{m:02}-{d:02}", yr(year)),
                HolidayDay::Nth(..) | HolidayDay::Easter(_) => format!("{}-{m:02}-XX", yr(year)),
            },
            Under::WithTime { base, time } => {
                let (b, _) = base.resolve(cx);
                format!("{b}{time}")
            }
            Under::Of { unit, .. } => Under::Rel { unit: *unit, off: 0 }.render_unresolved(cx),
            Under::QuarterEnded(_) => "XXXX-QX".into(),
            Under::TimeOnly(time) => {
                let day = match (cx.last, cx.dct) {
                    (Some(Point::Day(d)), _) => d.format("%Y-%m-%d").to_string(),
                    (_, Some(d)) => d.format("%Y-%m-%d").to_string(),
                    _ => "XXXX-XX-XX".into(),
                };
                format!("{day}{time}")
            }
        }
    }
}
