//! The rules: at each trigger token, every pattern is tried and the longest match wins.
//! Patterns read the lexicons of [`crate::lexicon`]; they emit [`Under`] values that the
//! resolver completes later.

use dossier_doc::Span;

use crate::lexicon::{ModScope, Template, LEADS, LEX};
use crate::token::{Kind, Tokens};
use crate::value::{Under, Unit, YearRef};
use crate::{Mod, TimexType};

#[derive(Clone, Debug)]
pub(crate) struct Cand {
    /// Token range `lo..hi`.
    pub lo: usize,
    pub hi: usize,
    pub ty: TimexType,
    pub val: Under,
    pub mod_: Option<Mod>,
    pub anchor: Option<Span>,
}

fn cand(lo: usize, hi: usize, ty: TimexType, val: Under) -> Cand {
    Cand { lo, hi, ty, val, mod_: None, anchor: None }
}

fn longer(a: Option<Cand>, b: Option<Cand>) -> Option<Cand> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.hi > a.hi { b } else { a }),
        (a, b) => a.or(b),
    }
}

pub(crate) struct Matcher<'a> {
    pub t: &'a Tokens,
    pub text: &'a str,
}

/// A parsed count: `None` is a vague quantity ("several").
struct Count {
    n: Option<f64>,
    next: usize,
    plus: bool,
}

impl<'a> Matcher<'a> {
    fn w(&self, i: usize) -> &str {
        self.t.w(i)
    }

    /// Tokens `i..` spell `words`.
    fn seq(&self, i: usize, words: &[&str]) -> bool {
        words.iter().enumerate().all(|(k, w)| self.w(i + k) == *w)
    }

    pub fn scan(&self) -> Vec<Cand> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.t.len() {
            let trig = self.t.is_num(i) || LEX.triggers.contains(self.w(i));
            if trig && !self.lead_only(i) && !self.blocked(i) {
                if let Some(c) = self.at(i) {
                    i = c.hi.max(i + 1);
                    if self.rate(&c) {
                        continue;
                    }
                    // "quarter-to-quarter", "year-over-year": a comparison adjective
                    if let Some(end) = self.unit_compound(c.hi) {
                        i = end;
                        continue;
                    }
                    let second = self.second_day(&c);
                    out.push(c);
                    if let Some(c2) = second {
                        i = c2.hi;
                        out.push(c2);
                    }
                    continue;
                }
            }
            i += 1;
        }
        out
    }

    /// "April 24 and 25", "on May 5 or 6": the second day of the month a date just named,
    /// as a date of its own. The number must be a later day and end the phrase (a
    /// preposition or punctuation after it): "on March 3 and 4 soldiers died" is a count.
    fn second_day(&self, c: &Cand) -> Option<Cand> {
        let Under::Cal { y, m: Some(m), d: Some(d1) } = c.val else { return None };
        let k = c.hi;
        if !matches!(self.w(k), "and" | "or") {
            return None;
        }
        let (d2, next) = self.day_num(k + 1)?;
        let ends = next >= self.t.len()
            || self.t.kind(next) == Some(Kind::Punct)
            || LEX.prepositions.contains(self.w(next));
        (d2 > d1 && ends && !self.t.cap(next))
            .then(|| cand(k + 1, next, TimexType::Date, Under::Cal { y, m: Some(m), d: Some(d2) }))
    }

    /// "$2 million a year", "rise 8.5% annually", "10,000 units annually", "700 seats a
    /// week": the unit is the denominator of a rate after a quantity, no time of its own
    /// (TimeBank leaves most of them untagged). "twice a week", "three times a day" and a
    /// bare "annually" stay sets.
    fn rate(&self, c: &Cand) -> bool {
        let per = c.hi == c.lo + 2
            && matches!(self.w(c.lo), "a" | "an" | "per")
            && self.unit(c.lo + 1).is_some_and(|(_, m)| m == 1)
            && !self.w(c.lo + 1).ends_with('s');
        let adverb = c.hi == c.lo + 1 && LEX.rate_adverbs.contains(self.w(c.lo));
        if !(per || adverb) || c.lo == 0 {
            return false;
        }
        let quantity = |k: usize| self.t.is_num(k) || LEX.rate_quantities.contains(self.w(k));
        // "four flights a week": a number word before the counted noun as well as digits
        // (not "a", which is no count there: "a daily rally")
        let counted = |k: usize| {
            quantity(k) || (LEX.numbers.contains_key(self.w(k)) && !matches!(self.w(k), "a" | "an"))
        };
        let p = c.lo - 1;
        // "700 seats a week": a counted plural noun between ("times" makes a set)
        let noun = p > 0
            && self.t.kind(p) == Some(Kind::Word)
            && !self.t.cap(p)
            && self.w(p).ends_with('s')
            && self.w(p) != "times"
            && self.unit(p).is_none()
            && counted(p - 1);
        quantity(p) || noun
    }

    /// Tokens `hi..` continue a unit just matched into a comparison adjective ("the
    /// quarter-to-quarter comparison", "a year-over-year basis", "day-to-day running"):
    /// the end of the compound, where no timex is.
    fn unit_compound(&self, hi: usize) -> Option<usize> {
        let ok = hi > 0
            && self.unit(hi - 1).is_some()
            && self.w(hi) == "-"
            && self.t.adj(hi - 1)
            && self.t.adj(hi)
            && LEX.unit_links.contains(self.w(hi + 1))
            && self.w(hi + 2) == "-"
            && self.t.adj(hi + 1)
            && self.t.adj(hi + 2)
            && self.unit(hi + 3).is_some();
        ok.then_some(hi + 4)
    }

    /// Tokens `i..=r`, `r` a part of the day other than the night that ends its phrase ("the
    /// morning", "mid afternoon"): that part of the last mentioned day.
    fn part_of_last_day(&self, i: usize, r: usize) -> Option<Cand> {
        let p = LEX.parts_of_day.get(self.w(r)).filter(|_| !matches!(self.w(r), "night" | "overnight"))?;
        let k = r + 1;
        let nw = self.w(k);
        let ends = k >= self.t.len()
            || (self.t.kind(k) == Some(Kind::Punct) && nw != "-")
            || (LEX.prepositions.contains(nw) && nw != "of")
            || LEX.clause_openers.contains(nw);
        if !ends {
            return None;
        }
        let base = Under::Shift { unit: Unit::Day, n: Some(0), dir: 0, from_last: true };
        let val = Under::WithTime { base: Box::new(base), time: format!("T{p}") };
        Some(cand(i, k, TimexType::Time, val))
    }

    /// Token `i` is a [`LEADS`] word ("the", "a", …) and the next token a word of letters
    /// that no pattern reads ([`Lexicon::read_words`]): no pattern starts at `i` ("the
    /// company", "a statement"), so the patterns are not tried there.
    ///
    /// [`Lexicon::read_words`]: crate::lexicon::Lexicon::read_words
    fn lead_only(&self, i: usize) -> bool {
        let next = self.w(i + 1);
        LEADS.contains(&self.w(i))
            && self.t.kind(i + 1) == Some(Kind::Word)
            && next.chars().all(char::is_alphabetic)
            && !LEX.read_words.contains(next)
    }

    /// Token `i` sits in a context listed in `not_timex.txt` ("as soon as").
    fn blocked(&self, i: usize) -> bool {
        let Some(list) = LEX.not_timex.get(self.w(i)) else { return false };
        list.iter().any(|(words, k)| i >= *k && self.seq(i - k, words))
    }

    /// The longest expression starting at token `i`, with a modifier when one leads.
    fn at(&self, i: usize) -> Option<Cand> {
        let mut best = None;
        // "mid-November", "mid-1990s"
        if self.w(i) == "mid" && self.w(i + 1) == "-" && self.t.adj(i) {
            if let Some(mut c) =
                self.core(i + 2).filter(|c| matches!(c.ty, TimexType::Date | TimexType::Time))
            {
                c.lo = i;
                c.mod_ = Some(Mod::Mid);
                best = Some(c);
            }
        }
        // "by mid afternoon", "at mid-morning": a part of the last mentioned day
        if best.is_none() && self.w(i) == "mid" && i > 0 && LEX.prepositions.contains(self.w(i - 1)) {
            let r = if self.w(i + 1) == "-" && self.t.adj(i) { i + 2 } else { i + 1 };
            if let Some(mut c) = self.part_of_last_day(i, r) {
                c.mod_ = Some(Mod::Mid);
                best = Some(c);
            }
        }
        // (Only the modifiers that start with this word, in the list's order.)
        let firsts = LEX.modifiers_by_first.get(self.w(i)).map_or(&[][..], Vec::as_slice);
        for (words, m, scope, inside) in firsts.iter().map(|&k| &LEX.modifiers[k]) {
            if !self.seq(i, words) {
                continue;
            }
            let j = i + words.len();
            let Some(mut c) = self.core(j) else { continue };
            let ok = match scope {
                ModScope::Duration => c.ty == TimexType::Duration && self.count(j).is_some(),
                ModScope::Point => matches!(c.ty, TimexType::Date | TimexType::Time),
                ModScope::Any => c.ty != TimexType::Set,
            };
            // "earlier"/"later" lead only "this year", "today", … ("earlier this month").
            // "earlier"/"later" lead only "this year", "today", "that day", a weekday.
            let ok = ok
                && (!matches!(words[0], "earlier" | "later")
                    || matches!(self.w(j), "this" | "today" | "tonight" | "that" | "yesterday" | "tomorrow")
                    || self.weekday_at(j).is_some());
            if ok {
                if *inside {
                    c.lo = i;
                }
                c.mod_ = Some(*m);
                best = longer(best, Some(c));
                break;
            }
        }
        longer(best, self.core(i))
    }

    /// Every core pattern at `i`; the longest wins.
    fn core(&self, i: usize) -> Option<Cand> {
        if i >= self.t.len() {
            return None;
        }
        let mut best = self.phrase(i);
        best = longer(best, self.holiday(i));
        best = longer(best, self.month_date(i));
        best = longer(best, self.day_first_date(i));
        best = longer(best, self.numeric_date(i));
        best = longer(best, self.year(i));
        best = longer(best, self.year_in_words(i));
        best = longer(best, self.decade(i));
        best = longer(best, self.weekday(i));
        best = longer(best, self.relative(i));
        best = longer(best, self.quarter(i));
        best = longer(best, self.season(i));
        best = longer(best, self.season_year(i));
        best = longer(best, self.duration(i));
        best = longer(best, self.set(i));
        best = longer(best, self.time(i));
        best = longer(best, self.until_then(i));
        let best = best?;
        Some(self.extend_time(best))
    }

    /// "Until then", "till then": up to the last mentioned date, which "then" names ("since
    /// then" is left untagged, as TimeBank does).
    fn until_then(&self, i: usize) -> Option<Cand> {
        if self.w(i) != "then" || i == 0 || !matches!(self.w(i - 1), "until" | "till") {
            return None;
        }
        let val = Under::Shift { unit: Unit::Day, n: Some(0), dir: 0, from_last: true };
        Some(cand(i, i + 1, TimexType::Date, val))
    }

    // ---------------------------------------------------------------- pieces

    /// A day of month at `i`: "22", "22nd". Returns (day, next).
    fn day_num(&self, i: usize) -> Option<(u32, usize)> {
        let d = self.t.int(i)?;
        if !(1..=31).contains(&d) || self.w(i).len() > 2 {
            return None;
        }
        if self.t.adj(i) && matches!(self.w(i + 1), "st" | "nd" | "rd" | "th") {
            return Some((d, i + 2));
        }
        if self.t.adj(i) && self.t.kind(i + 1) == Some(Kind::Word) {
            return None; // "22kg"
        }
        Some((d, i + 1))
    }

    /// A four-digit year at `i` (1000..=2199), plain digits.
    fn year_num(&self, i: usize) -> Option<i32> {
        let y = self.t.int(i)?;
        (self.w(i).len() == 4 && (1000..=2199).contains(&y)).then_some(y as i32)
    }

    /// A month name at `i` (capitalized; abbreviations need a period or a number after).
    /// Returns (month, next token).
    fn month(&self, i: usize) -> Option<(u32, usize)> {
        if self.t.kind(i) != Some(Kind::Word) || !self.t.cap(i) {
            return None;
        }
        let w = self.w(i);
        let m = *LEX.months.get(w)?;
        let full = ["may", "june", "july"].contains(&w) || w.len() > 4;
        let abbrev = !["may", "june", "july"].contains(&w) && w.len() <= 4;
        if abbrev && self.w(i + 1) == "." && self.t.adj(i) {
            return Some((m, i + 2));
        }
        if !full && !self.t.is_num(i + 1) {
            return None;
        }
        Some((m, i + 1))
    }

    fn weekday_at(&self, i: usize) -> Option<(u32, usize)> {
        if self.t.kind(i) != Some(Kind::Word) || !self.t.cap(i) {
            return None;
        }
        let w = self.w(i);
        let d = *LEX.weekdays.get(w)?;
        if w.len() <= 5 && !w.ends_with("day") {
            // Abbreviation: "Fri." / "Sat,"
            return match self.w(i + 1) {
                "." if self.t.adj(i) => Some((d, i + 2)),
                _ => None,
            };
        }
        Some((d, i + 1))
    }

    /// A name such as "Sunday Times", "March Madness": the next word is a capitalized
    /// name word.
    fn name_follows(&self, j: usize) -> bool {
        self.t.cap(j) && LEX.name_after_day.contains(self.w(j))
    }

    /// A count of units: "three", "24", "twenty-four", "a", "several", "4+", "two and a half".
    fn count(&self, i: usize) -> Option<Count> {
        let w = self.w(i);
        if self.t.is_num(i) {
            let n: f64 = w.replace(',', "").parse().ok()?;
            let mut next = i + 1;
            let mut plus = false;
            if self.w(next) == "+" && self.t.adj(i) {
                plus = true;
                next += 1;
            }
            return Some(self.and_a_half(Count { n: Some(n), next, plus }));
        }
        if LEX.vague_quantities.contains(w) {
            return Some(Count { n: None, next: i + 1, plus: false });
        }
        if matches!(w, "a" | "an") && matches!(self.w(i + 1), "few" | "number") {
            let next = if self.w(i + 2) == "of" { i + 3 } else { i + 2 };
            return Some(Count { n: None, next, plus: false });
        }
        if w == "half" && matches!(self.w(i + 1), "a" | "an") {
            return Some(Count { n: Some(0.5), next: i + 2, plus: false });
        }
        let mut n = *LEX.numbers.get(w)? as f64;
        let mut next = i + 1;
        if matches!(w, "a" | "an") {
            if let Some(&k) = LEX.numbers.get(self.w(next)) {
                // "a dozen", "a couple of", "a hundred"
                if matches!(self.w(next), "dozen" | "couple" | "hundred") {
                    n = k as f64;
                    next += 1;
                }
            }
            if self.w(next) == "half" {
                n = 0.5;
                next += 1;
            }
        } else if matches!(n as u32, 20 | 30 | 40 | 50 | 60 | 70 | 80 | 90) {
            // "twenty-four", "twenty four"
            let k = if self.w(next) == "-" && self.t.adj(i) { next + 1 } else { next };
            if let Some(&u) = LEX.numbers.get(self.w(k)) {
                if (1..=9).contains(&u) && !matches!(self.w(k), "a" | "an") {
                    n += u as f64;
                    next = k + 1;
                }
            }
        }
        if self.w(next) == "hundred" {
            n *= 100.0;
            next += 1;
        }
        if self.w(next) == "of" && matches!(self.w(next - 1), "couple" | "dozen") {
            next += 1;
        }
        Some(self.and_a_half(Count { n: Some(n), next, plus: false }))
    }

    fn and_a_half(&self, mut c: Count) -> Count {
        if self.seq(c.next, &["and", "a", "half"]) {
            c.n = c.n.map(|n| n + 0.5);
            c.next += 3;
        } else if self.seq(c.next, &["1", "/", "2"])
            && self.t.adj(c.next)
            && self.t.adj(c.next + 1)
            && c.n.is_some_and(|n| n.fract() == 0.0)
        {
            // "5 1/2 hours"
            c.n = c.n.map(|n| n + 0.5);
            c.next += 3;
        }
        c
    }

    /// A unit word at `i` ("years", "decade", "hour").
    /// Tokens `i..` spell "fiscal year" (singular).
    fn fiscal_year(&self, i: usize) -> bool {
        self.w(i) == "fiscal" && self.w(i + 1) == "year"
    }

    fn unit(&self, i: usize) -> Option<(Unit, u32)> {
        if self.t.kind(i) != Some(Kind::Word) {
            return None;
        }
        LEX.units.get(self.w(i)).copied()
    }

    /// The TIMEX3 duration of `n` units (a half hour → PT30M, a decade → P10Y).
    fn dur_value(unit: Unit, mult: u32, n: Option<f64>) -> String {
        match n {
            // "5 1/2 hours" -> PT5H30M, "a year and a half" -> P1Y6M, "half an hour" -> PT30M
            Some(n)
                if n.fract() != 0.0
                    && matches!(unit, Unit::Hour | Unit::Minute | Unit::Year | Unit::Day)
                    && mult == 1 =>
            {
                let (big, small, k) = match unit {
                    Unit::Hour => ("H", "M", 60.0),
                    Unit::Minute => ("M", "S", 60.0),
                    Unit::Day => ("D", "H", 24.0),
                    _ => ("Y", "M", 12.0),
                };
                let t = if matches!(unit, Unit::Year) { "" } else { "T" };
                let whole = n.trunc() as i64;
                let part = (n.fract() * k).round() as i64;
                match (unit, whole) {
                    (Unit::Day, 0) => format!("PT{part}H"),
                    (Unit::Day, _) => format!("P{whole}DT{part}H"),
                    (_, 0) => format!("P{t}{part}{small}"),
                    _ => format!("P{t}{whole}{big}{part}{small}"),
                }
            }
            Some(n) => unit.duration(Some(n * mult as f64)),
            None if mult == 10 => "PXDE".into(),
            None if mult == 100 => "PXCE".into(),
            None => unit.duration(None),
        }
    }

    // ---------------------------------------------------------------- patterns

    fn phrase(&self, i: usize) -> Option<Cand> {
        let list = LEX.phrases.get(self.w(i))?;
        // Most of a word's phrases ("the day before yesterday", "the present", …) differ in
        // their second word: compare it first, then the whole phrase.
        let next = self.w(i + 1);
        for (words, ty, tpl) in list {
            if words.get(1).is_some_and(|w1| *w1 != next) || !self.seq(i, words) {
                continue;
            }
            let hi = i + words.len();
            // A title inside a sentence: ABC's "This Week", "VOA Today"
            if self.title(i, hi) {
                continue;
            }
            // "current" only as an adjective before a noun-ish word; "now" not in "now-defunct"
            if words.len() == 1 && self.w(hi) == "-" && self.t.adj(hi - 1) {
                continue;
            }
            // "quarterly earnings", "an annual report": adjectives, not sets; "a daily
            // vigil", "weekly talks" stay sets (data/set_adjectives.txt);
            // "the Communist Party daily Granma": a newspaper
            if *ty == TimexType::Set
                && words.len() == 1
                && self.t.kind(hi) == Some(Kind::Word)
                && (!self.t.cap(hi) || (i > 0 && self.t.cap(i - 1) && !self.sentence_start(i - 1)))
                && (self.t.cap(hi) || !LEX.set_adjectives.contains(words[0]))
                && !LEX.month_preps.contains(self.w(hi))
                && !LEX.prepositions.contains(self.w(hi))
            {
                continue;
            }
            let val = match tpl {
                Template::Literal(s) => Under::Lit(s.clone()),
                Template::Day { month, day } => Under::Cal { y: None, m: Some(*month), d: Some(*day) },
                Template::Rel { unit, offset, part } => {
                    let base = Under::Rel { unit: *unit, off: *offset };
                    match part {
                        Some(p) => Under::WithTime { base: Box::new(base), time: format!("T{p}") },
                        None => base,
                    }
                }
            };
            return Some(cand(i, hi, *ty, val));
        }
        None
    }

    fn holiday(&self, i: usize) -> Option<Cand> {
        if !self.t.cap(i) {
            return None;
        }
        let list = LEX.holidays.get(self.w(i))?;
        for (words, m, day) in list {
            if self.seq(i, words) {
                let mut hi = i + words.len();
                let mut year = None;
                if let Some(y) = self.year_num(hi) {
                    year = Some(YearRef::Abs(y));
                    hi += 1;
                }
                let val = Under::Holiday { m: *m, day: *day, year };
                // "Easter week", "Christmas week": the week of the holiday
                if self.w(hi) == "week" && year.is_none() {
                    let val = Under::Of { base: Box::new(val), unit: Unit::Week, n: 0 };
                    return Some(cand(i, hi + 1, TimexType::Date, val));
                }
                return Some(cand(i, hi, TimexType::Date, val));
            }
        }
        None
    }

    /// A year after a month or day: ", 2024", " 2024", " of 2024". Returns (year, next).
    fn trailing_year(&self, j: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year_num(j) {
            return Some((y, j + 1));
        }
        if matches!(self.w(j), "," | "of") {
            if let Some(y) = self.year_num(j + 1) {
                return Some((y, j + 2));
            }
        }
        // "January nineteen ninety-seven", "the winter of nineteen ninety-four"
        let k = if self.w(j) == "of" { j + 1 } else { j };
        if let Some(y) = self.year_words(k) {
            return Some(y);
        }
        // "'24"
        if matches!(self.w(j), "'") && self.t.adj(j) {
            let y = self.t.int(j + 1).filter(|_| self.w(j + 1).len() == 2)?;
            let y = if y < 50 { 2000 + y } else { 1900 + y } as i32;
            return Some((y, j + 2));
        }
        None
    }

    /// "March 22, 2024", "Mar. 22", "March 2024", "March of 2024", bare "March" (guarded).
    fn month_date(&self, i: usize) -> Option<Cand> {
        let (m, j) = self.month(i)?;
        if let Some((d, k)) = self.day_num(j) {
            // "March 22-24": the first day
            let (y, hi) = match self.trailing_year(k) {
                Some((y, hi)) => (Some(YearRef::Abs(y)), hi),
                None => (None, k),
            };
            if self.t.adj(k - 1) && self.w(k) == ":" && self.t.adj(k) && self.t.is_num(k + 1) {
                return None; // "May 10:30"? not a date
            }
            return Some(cand(i, hi, TimexType::Date, Under::Cal { y, m: Some(m), d: Some(d) }));
        }
        if let Some((y, hi)) = self.trailing_year(j) {
            return Some(cand(
                i,
                hi,
                TimexType::Date,
                Under::Cal { y: Some(YearRef::Abs(y)), m: Some(m), d: None },
            ));
        }
        // "February this year", "June last year": the year relative to the publication date
        if let Some(&(off, _)) = LEX.relatives.get(self.w(j)).filter(|_| self.w(j + 1) == "year") {
            if matches!(self.w(j), "this" | "last" | "next") {
                let val = Under::Cal { y: Some(YearRef::Rel(off)), m: Some(m), d: None };
                return Some(cand(i, j + 2, TimexType::Date, val));
            }
        }
        // Bare month: not a name ("March Madness"), and for words like "May"/"March" only
        // after a temporal preposition.
        if self.name_follows(j) || i == 0 && j >= self.t.len() {
            return None;
        }
        let prev = if i == 0 { "" } else { self.w(i - 1) };
        let ambiguous = LEX.ambiguous_months.contains(self.w(i));
        // "mid-March": the prefix makes it a date like a preposition would
        let mid = prev == "-" && i >= 2 && self.w(i - 2) == "mid";
        // "the March accession", "the May elections": a capitalized month between "the" and a
        // common noun is a date ("the march toward", "the March on Washington" are not)
        let det_noun = prev == "the"
            && self.t.cap(i)
            && self.t.kind(j) == Some(Kind::Word)
            && !self.t.cap(j)
            && !LEX.prepositions.contains(self.w(j))
            && !LEX.clause_openers.contains(self.w(j))
            && !matches!(self.w(j), "and" | "or" | "is" | "was" | "will" | "has")
            && !LEX.month_name_heads.contains(self.w(j));
        if ambiguous && !LEX.month_preps.contains(prev) && !mid && !det_noun {
            return None;
        }
        // "Theresa May", "the March on Washington", "the October Revolution"; an
        // unambiguous month after "the" before a common noun is a date ("the October shooting")
        let capitalized_next = self.t.kind(j) == Some(Kind::Word) && self.t.cap(j);
        let after_name = (prev == "the" && (ambiguous || capitalized_next))
            || (i > 0 && self.t.cap(i - 1) && !LEX.month_preps.contains(prev));
        let wordy = ambiguous || prev == "the" || (i > 0 && self.t.kind(i - 1) == Some(Kind::Word));
        if after_name && wordy && i > 0 && !self.sentence_start(i - 1) && !det_noun {
            return None;
        }
        Some(cand(i, j, TimexType::Date, Under::Month { m, rel: None }))
    }

    /// Tokens `lo..hi`, all capitalized inside a sentence, are a title: ABC's "This Week",
    /// "VOA Today" (a single word only after another capitalized one).
    fn title(&self, lo: usize, hi: usize) -> bool {
        if !(lo..hi).all(|k| self.t.cap(k)) {
            return false;
        }
        let mid = !self.sentence_start(lo) || self.quoted_name(lo);
        mid && (hi - lo > 1 || (lo > 0 && self.t.cap(lo - 1) && !self.sentence_start(lo - 1)))
    }

    /// Token `i` opens a quotation that follows a word (`on ABC's "This Week"`): a name.
    fn quoted_name(&self, i: usize) -> bool {
        i >= 2
            && matches!(self.w(i - 1), "\"" | "“" | "'")
            && (matches!(self.t.kind(i - 2), Some(Kind::Word)) || self.w(i - 2) == "'")
    }

    fn sentence_start(&self, i: usize) -> bool {
        i == 0 || matches!(self.w(i - 1), "." | "!" | "?" | "\"" | "“" | "\n")
    }

    /// "22 March 2024", "22nd of March", "the 22nd of March".
    fn day_first_date(&self, i: usize) -> Option<Cand> {
        let (lo, i) = if self.w(i) == "the" { (i, i + 1) } else { (i, i) };
        let (d, j) = self.day_num(i)?;
        let j = if self.w(j) == "of" { j + 1 } else { j };
        let (m, k) = self.month(j)?;
        let (y, hi) = match self.trailing_year(k) {
            Some((y, hi)) => (Some(YearRef::Abs(y)), hi),
            None => (None, k),
        };
        Some(cand(lo, hi, TimexType::Date, Under::Cal { y, m: Some(m), d: Some(d) }))
    }

    /// "3/22/2024", "2024-03-22", "22.03.2024", "3/22".
    fn numeric_date(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        if !self.t.is_num(i) {
            return None;
        }
        // "22.03.2024" is one number token
        if w.matches('.').count() == 2 {
            let p: Vec<u32> = w.split('.').filter_map(|x| x.parse().ok()).collect();
            if p.len() == 3 && w.split('.').nth(2)?.len() == 4 {
                return self.ymd(i, i + 1, p[2] as i32, p[1], p[0]);
            }
            return None;
        }
        let a = self.t.int(i)?;
        let sep = self.w(i + 1);
        if !matches!(sep, "/" | "-") || !self.t.adj(i) || !self.t.adj(i + 1) {
            return None;
        }
        let b = self.t.int(i + 2)?;
        let third =
            (self.w(i + 3) == sep && self.t.adj(i + 2) && self.t.adj(i + 3)).then(|| self.t.int(i + 4));
        match (sep, third) {
            ("-" | "/", Some(Some(c))) if self.w(i).len() == 4 => self.ymd(i, i + 5, a as i32, b, c),
            ("/", Some(Some(c))) => {
                let y = match self.w(i + 4).len() {
                    4 => c as i32,
                    2 => (if c < 50 { 2000 + c } else { 1900 + c }) as i32,
                    _ => return None,
                };
                // US order; day-first when the first part cannot be a month.
                if a > 12 {
                    self.ymd(i, i + 5, y, b, a)
                } else {
                    self.ymd(i, i + 5, y, a, b)
                }
            }
            ("/", None) if i > 0 && matches!(self.w(i - 1), "on" | "since" | "until" | "by") => {
                if (1..=12).contains(&a) && (1..=31).contains(&b) && self.w(i + 2).len() <= 2 {
                    Some(cand(i, i + 3, TimexType::Date, Under::Cal { y: None, m: Some(a), d: Some(b) }))
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    fn ymd(&self, lo: usize, hi: usize, y: i32, m: u32, d: u32) -> Option<Cand> {
        chrono::NaiveDate::from_ymd_opt(y, m, d)?;
        Some(cand(lo, hi, TimexType::Date, Under::Cal { y: Some(YearRef::Abs(y)), m: Some(m), d: Some(d) }))
    }

    /// A year spelled in words, as broadcast transcripts write it: "nineteen ninety-six",
    /// "nineteen hundred", "two thousand", "two thousand and eight". Returns (year, next).
    fn year_words(&self, i: usize) -> Option<(i32, usize)> {
        let num =
            |k: usize| LEX.numbers.get(self.w(k)).copied().filter(|_| self.t.kind(k) == Some(Kind::Word));
        let first = num(i)?;
        // "ninety-six" / "ninety six" / "fifteen": a number word below 100 at k
        let two_digits = |k: usize| -> Option<(u32, usize)> {
            let t = num(k)?;
            if (10..=19).contains(&t) {
                return Some((t, k + 1));
            }
            if !(20..=90).contains(&t) || t % 10 != 0 {
                return None;
            }
            let u = if self.w(k + 1) == "-" && self.t.adj(k) { k + 2 } else { k + 1 };
            match num(u).filter(|u| (1..=9).contains(u) && !matches!(self.w(k + 1), "a" | "an")) {
                Some(d) => Some((t + d, u + 1)),
                None => Some((t, k + 1)),
            }
        };
        if (11..=20).contains(&first) && !matches!(self.w(i), "a" | "an" | "dozen") {
            if self.w(i + 1) == "hundred" {
                // "in nineteen hundred" but not "twelve hundred students"
                let prev = if i == 0 { "" } else { self.w(i - 1) };
                if !matches!(prev, "year" | "in" | "since" | "until" | "by" | "of")
                    || self.t.kind(i + 2) == Some(Kind::Word)
                {
                    return None;
                }
                return Some(((first * 100) as i32, i + 2));
            }
            let (rest, next) = two_digits(i + 1)?;
            return Some(((first * 100 + rest) as i32, next));
        }
        if first == 2 && self.w(i + 1) == "thousand" {
            let k = if self.w(i + 2) == "and" { i + 3 } else { i + 2 };
            let (rest, next) =
                match num(k).filter(|n| (1..=9).contains(n)).map(|n| (n, k + 1)).or_else(|| two_digits(k)) {
                    Some(r) => r,
                    None => (0, i + 2),
                };
            // "two thousand people" is a count: only a bare "two thousand" after a
            // temporal word, or one with its units ("two thousand and eight").
            let prev = if i == 0 { "" } else { self.w(i - 1) };
            let temporal = prev == "year"
                || (matches!(prev, "in" | "since" | "until" | "by" | "of")
                    && self.t.kind(next) != Some(Kind::Word));
            if rest == 0 && !temporal {
                return None;
            }
            return Some((2000 + rest as i32, next));
        }
        None
    }

    /// "nineteen ninety-six" as a date.
    fn year_in_words(&self, i: usize) -> Option<Cand> {
        // "the year two thousand"
        let (lo, j) = if self.seq(i, &["the", "year"]) { (i, i + 2) } else { (i, i) };
        let (y, hi) = self.year_words(j)?;
        Some(cand(lo, hi, TimexType::Date, Under::Cal { y: Some(YearRef::Abs(y)), m: None, d: None }))
    }

    /// "2024", "fiscal 1989", "in 2019", "the 1996 Olympics" (TimeBank tags the year of a
    /// named event or law) — not "Flight 2024", "2024 people".
    fn year(&self, i: usize) -> Option<Cand> {
        let (lo, i) =
            if self.w(i) == "fiscal" && self.year_num(i + 1).is_some() { (i, i + 1) } else { (i, i) };
        let y = self.year_num(i)?;
        if self.t.adj(i) && matches!(self.t.kind(i + 1), Some(Kind::Word)) {
            return None; // "1990s" is a decade, "2024x" nothing
        }
        if self.t.adj(i) && matches!(self.w(i + 1), "%" | "-" | "+") && self.t.adj(i + 1) {
            if self.w(i + 1) == "-" && self.t.is_num(i + 2) {
                // "1990-91": a range, its first year
            } else {
                return None;
            }
        }
        if lo == i && i > 0 {
            let prev = self.w(i - 1);
            if LEX.year_block_before.contains(prev)
                || (self.t.adj(i - 1)
                    && matches!(prev, "$" | "£" | "€" | "#" | "-" | "/" | ".")
                    && !(prev == "-" && i >= 2 && LEX.year_prefixes.contains(self.w(i - 2))))
            {
                return None;
            }
        }
        // "a joint venture called Orion 1980": a year after a name that a naming verb
        // introduces is part of the name
        if lo == i && i >= 2 && self.t.cap(i - 1) && LEX.year_naming.contains(self.w(i - 2)) {
            return None;
        }
        let next = self.w(i + 1);
        if LEX.year_block_after.contains(next) {
            return None;
        }
        // "Kopp's 1987 Chevrolet", "a 1966 Mustang": a model year after a possessive or an
        // article ("in 1987 Chevrolet sold …" stays a year)
        if lo == i && i > 0 && self.t.cap(i + 1) && LEX.vehicle_makes.contains(next) {
            let owner = i >= 2 && matches!(self.w(i - 2), "'" | "’") && self.w(i - 1) == "s";
            if owner || LEX.attributive_before.contains(self.w(i - 1)) {
                return None;
            }
        }
        if y < 1500 && lo == i {
            // Old years only with a clear preposition before them.
            if i == 0 || !matches!(self.w(i - 1), "in" | "since" | "of" | "by" | "until") {
                return None;
            }
        }
        Some(cand(lo, i + 1, TimexType::Date, Under::Cal { y: Some(YearRef::Abs(y)), m: None, d: None }))
    }

    /// "the 1990s", "1990s", "the '90s", "the 1800s" (a century).
    fn decade(&self, i: usize) -> Option<Cand> {
        let (lo, j) = if self.w(i) == "the" { (i, i + 1) } else { (i, i) };
        // "the nineties": a decade of the 1900s
        if let Some(&d) = LEX.decade_words.get(self.w(j)).filter(|_| lo != j) {
            return Some(cand(lo, j + 1, TimexType::Date, Under::Decade(190 + d as i32)));
        }
        // "the 20th century", "the twentieth century", "11th-century"
        let ord = match LEX.ordinals.get(self.w(j)).filter(|_| !matches!(self.w(j), "last" | "final")) {
            Some(&n) => Some((n, j + 1)),
            None => self
                .t
                .int(j)
                .filter(|_| self.t.adj(j) && matches!(self.w(j + 1), "st" | "nd" | "rd" | "th"))
                .map(|n| (n, j + 2)),
        };
        if let Some((n, k)) = ord.filter(|o| (1..=21).contains(&o.0)) {
            let k = if self.w(k) == "-" && self.t.adj(k - 1) { k + 1 } else { k };
            if self.w(k) == "century" {
                return Some(cand(lo, k + 1, TimexType::Date, Under::Century(n as i32 - 1)));
            }
        }
        // "the late 1970s" — the modifier sits between "the" and the decade
        // (Only after "the": the modifiers that start with the next word are searched then
        // only, in the list's order.)
        let (j, m) = match (lo != j)
            .then(|| {
                let ks = LEX.modifiers_by_first.get(self.w(j))?;
                ks.iter()
                    .map(|&k| &LEX.modifiers[k])
                    .find(|m| m.0.len() == 1 && matches!(m.1, Mod::Start | Mod::End))
            })
            .flatten()
        {
            Some(m) => (j + 1, Some(m.1)),
            None => (j, None),
        };
        let (j, m) =
            if self.w(j) == "mid" && self.w(j + 1) == "-" { (j + 2, Some(Mod::Mid)) } else { (j, m) };
        let (digits, k) = if matches!(self.w(j), "'") && self.t.adj(j) {
            let n = self.t.int(j + 1).filter(|_| self.w(j + 1).len() == 2)?;
            let full = if n < 30 { 2000 + n } else { 1900 + n };
            (full, j + 2)
        } else {
            let n = self.t.int(j).filter(|_| self.w(j).len() == 4)?;
            (n, j + 1)
        };
        if !(self.w(k) == "s" && self.t.adj(k - 1)) || digits % 10 != 0 {
            return None;
        }
        let val = if digits % 100 == 0 && digits < 2000 {
            Under::Century(digits as i32 / 100)
        } else {
            Under::Decade(digits as i32 / 10)
        };
        let mut c = cand(lo, k + 1, TimexType::Date, val);
        c.mod_ = m;
        Some(c)
    }

    /// "Friday", "last Friday", "Friday, March 22", "Friday night".
    fn weekday(&self, i: usize) -> Option<Cand> {
        let (rel, j) = match LEX.relatives.get(self.w(i)) {
            Some(&(off, _)) if self.weekday_at(i + 1).is_some() => (Some(off.signum()), i + 1),
            _ => (None, i),
        };
        // "the previous Friday", "the preceding Monday": before the last mentioned day
        let anchored = rel.is_some() && LEX.anchored_relatives.contains(self.w(i));
        let (wd, k) = self.weekday_at(j)?;
        if self.name_follows(k) {
            return None;
        }
        // "Friday, March 22[, 2024]" / "Friday 22 March"
        let after = if self.w(k) == "," { k + 1 } else { k };
        if rel.is_none() {
            if let Some(mut c) = self.month_date(after).or_else(|| self.day_first_date(after)) {
                if matches!(c.val, Under::Cal { d: Some(_), .. }) {
                    c.lo = i;
                    return Some(c);
                }
            }
        }
        Some(cand(i, k, TimexType::Date, Under::Weekday { wd, rel, anchored }))
    }

    /// "last week", "next month", "this year", "last December", "last fall", "the past two
    /// months" (a duration), "the previous day" (from the last mentioned date), "the year".
    /// "today is the eighth day of the strike", "it was a great day for the city": a day
    /// named as what a subject is, after "it is", "today is", "it was" (`day_predicates.tsv`):
    /// the reference day, or for the past the last mentioned day. With an ordinal the span
    /// keeps its article ("the second day"), else it is the noun ("a great day").
    fn predicate_day(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        let (det, day, lo) = if matches!(w, "the" | "a") && LEX.ordinals.contains_key(self.w(i + 1)) {
            (i, i + 2, i)
        } else if w == "day" {
            // up to two lowercase words between the article and the noun
            let mut d = i.checked_sub(1)?;
            let mut mods = 0;
            while !matches!(self.w(d), "the" | "a") {
                let plain = self.t.kind(d) == Some(Kind::Word) && !self.t.cap(d);
                if mods == 2 || !plain || LEX.ordinals.contains_key(self.w(d)) {
                    return None;
                }
                mods += 1;
                d = d.checked_sub(1)?;
            }
            (d, i, i)
        } else {
            return None;
        };
        if self.w(day) != "day" {
            return None;
        }
        // the noun closes its phrase ("day of", "day for", a comma): not "a day trip", "the
        // day's work", "a day-long strike", "the day before the vote" (a day counted off)
        let nw = self.w(day + 1);
        let ends = day + 1 >= self.t.len()
            || (self.t.kind(day + 1) == Some(Kind::Punct) && !matches!(nw, "'" | "-"))
            || nw == "of"
            || (LEX.prepositions.contains(nw) && !matches!(nw, "before" | "after"));
        if !ends {
            return None;
        }
        // quotes between the verb and the article: 'it was "a great day'
        let mut b = det;
        while b > 0 && matches!(self.w(b - 1), "\"" | "`" | "``" | "'" | "''" | "“" | "‘") {
            b -= 1;
        }
        let &(_, past) = LEX
            .day_predicates
            .iter()
            .find(|(words, _)| b >= words.len() && self.seq(b - words.len(), words))?;
        let val = if past {
            Under::Shift { unit: Unit::Day, n: Some(0), dir: 0, from_last: true }
        } else {
            Under::Rel { unit: Unit::Day, off: 0 }
        };
        Some(cand(lo, day + 1, TimexType::Date, val))
    }

    /// "this year as last", "this month than last", "this year and next": a bare "last" or
    /// "next" closing the phrase is the unit of the "this <unit>" before it, one back or
    /// ahead (`elliptic_links.txt`).
    fn elliptic(&self, i: usize) -> Option<Cand> {
        let off = match self.w(i) {
            "last" => -1,
            "next" => 1,
            _ => return None,
        };
        let k = i + 1;
        let closes = k >= self.t.len()
            || self.t.kind(k) == Some(Kind::Punct)
            || LEX.clause_openers.contains(self.w(k));
        if !closes || i < 3 || !LEX.elliptic_links.contains(self.w(i - 1)) || self.w(i - 3) != "this" {
            return None;
        }
        match self.unit(i - 2) {
            Some((u @ (Unit::Year | Unit::Quarter | Unit::Month | Unit::Week), 1))
                if !self.w(i - 2).ends_with('s') =>
            {
                Some(cand(i, k, TimexType::Date, Under::Rel { unit: u, off }))
            }
            _ => None,
        }
    }

    fn relative(&self, i: usize) -> Option<Cand> {
        if let Some(c) = self.predicate_day(i).or_else(|| self.elliptic(i)) {
            return Some(c);
        }
        let the = self.w(i) == "the";
        let r = if the { i + 1 } else { i };
        let rw = self.w(r);
        // "this past weekend" is "past weekend" with its determiner
        if rw == "this" && !the && self.w(r + 1) == "past" {
            let mut c = self.relative(r + 1)?;
            c.lo = i;
            return Some(c);
        }
        // "the year", "the quarter", "the week", "the month"
        if the {
            // "the year-earlier quarter", "the year-ago period"
            // "the same period last year", "the corresponding quarter a year ago"
            let r2 = if LEX.comparison_words.contains(rw) { r + 1 } else { r };
            if r2 > r && matches!(self.w(r2), "period" | "quarter") {
                let k = r2 + 1;
                let end = if self.seq(k, &["last", "year"]) {
                    Some(k + 2)
                } else if self.seq(k, &["a", "year"]) && matches!(self.w(k + 2), "ago" | "earlier") {
                    Some(k + 3)
                } else {
                    None
                };
                if let Some(end) = end {
                    let val = Under::Period { year: None, back: 1, quarter: true };
                    return Some(cand(i, end, TimexType::Date, val));
                }
            }
            // "the comparable year-ago quarter"
            let (r, rw) = if r2 > r && self.w(r2) == "year" { (r2, "year") } else { (r, rw) };
            if rw == "year" && self.w(r + 1) == "-" && matches!(self.w(r + 2), "earlier" | "ago") {
                let mut hi = r + 3;
                if LEX.ordinals.get(self.w(hi)).is_some_and(|q| (1..=4).contains(q)) {
                    hi += 1;
                }
                // "the year-earlier nine months": a counted span, as "the nine months" is
                if hi == r + 3 {
                    if let Some(c) = self.count(hi).filter(|c| c.n.is_some()) {
                        if let Some((u, mult)) = self.unit(c.next).filter(|_| self.w(c.next).ends_with('s')) {
                            let val = Under::Lit(Self::dur_value(u, mult, c.n));
                            return Some(cand(i, c.next + 1, TimexType::Duration, val));
                        }
                    }
                }
                let quarter = self.w(hi) == "quarter";
                let noun = matches!(self.w(hi), "quarter" | "period");
                if noun {
                    hi += 1;
                }
                // "the year-ago results": the article belongs to the noun, not the adjective
                let lo = if noun || hi > r + 3 { i } else { r };
                return Some(cand(lo, hi, TimexType::Date, Under::Period { year: None, back: 1, quarter }));
            }
            // "the 1988 period", "the 1989 quarter": that year's part of the reporting period
            if let Some(y) = self.year_num(r).filter(|_| matches!(self.w(r + 1), "period" | "quarter")) {
                let val = Under::Period { year: Some(y), back: 0, quarter: self.w(r + 1) == "quarter" };
                return Some(cand(i, r + 2, TimexType::Date, val));
            }
            // "the latest period", "the most recent period": the period being reported
            let k = if rw == "most" && self.w(r + 1) == "recent" { r + 2 } else { r + 1 };
            if matches!(rw, "latest" | "most") && self.w(k) == "period" {
                let val = Under::Period { year: None, back: 0, quarter: true };
                return Some(cand(i, k + 1, TimexType::Date, val));
            }
            // "the current year", "the present quarter": the publication date's
            if matches!(rw, "current" | "present") {
                // "the current fiscal year": the reporting year is the calendar one here
                let k = if self.fiscal_year(r + 1) { r + 2 } else { r + 1 };
                if let Some((u @ (Unit::Year | Unit::Quarter | Unit::Month | Unit::Week), 1)) = self.unit(k) {
                    if !self.w(k).ends_with('s') {
                        return Some(cand(i, k + 1, TimexType::Date, Under::Rel { unit: u, off: 0 }));
                    }
                }
            }
        }
        if the {
            // "the fiscal year", "the full year"
            let (r, qualified) = if matches!(rw, "fiscal" | "full" | "entire" | "whole")
                && self.unit(r + 1).is_some_and(|u| u == (Unit::Year, 1))
            {
                (r + 1, true)
            } else {
                (r, false)
            };
            // "placed orders in the morning", "by the afternoon": a part of the last
            // mentioned day (not "the night of Oct. 23", nor "in the morning session")
            // ("at five in the morning" is a clock time's: the hour before "in" is no part of it)
            let clock = i >= 2 && (self.t.is_num(i - 2) || LEX.numbers.contains_key(self.w(i - 2)));
            if i > 0 && matches!(self.w(i - 1), "in" | "during" | "by") && !qualified && !clock {
                if let Some(c) = self.part_of_last_day(i, r) {
                    return Some(c);
                }
            }
            if let Some((u, 1)) = self.unit(r) {
                // "the year ended March 31": the span of a reporting period
                if u == Unit::Year
                    && matches!(self.w(r + 1), "ended" | "ending" | "ends")
                    && !self.w(r).ends_with('s')
                {
                    let val = Self::dur_value(u, 1, Some(1.0));
                    return Some(cand(i, r + 1, TimexType::Duration, Under::Lit(val)));
                }
                if self.w(r) == "quarter" && matches!(self.w(r + 1), "ended" | "ending") {
                    // "the quarter ended July 31": the quarter the reporting period closes
                    if let Some(base) = self.day_at(r + 2) {
                        return Some(cand(i, r + 1, TimexType::Date, Under::QuarterEnded(Box::new(base))));
                    }
                }
                // "the week of March 6", "the day before last Tuesday", "the day after Christmas"
                if let Some(c) = self.day_relative(i, r, u) {
                    return Some(c);
                }
                // "Oct. 12, the day before the crash": an appositive to the day just named
                // is that day (the event it is counted from has no date of its own here)
                if u == Unit::Day
                    && self.w(r) == "day"
                    && matches!(self.w(r + 1), "before" | "after")
                    && i >= 2
                    && self.w(i - 1) == ","
                    && (self.t.int(i - 2).is_some_and(|d| (1..=31).contains(&d))
                        || LEX.weekdays.contains_key(self.w(i - 2)))
                {
                    let val = Under::Shift { unit: Unit::Day, n: Some(0), dir: 0, from_last: true };
                    return Some(cand(i, r + 1, TimexType::Date, val));
                }
                // "down from $450 million the year before.", "the day after, he left": a
                // unit before or after the last mentioned date (no anchor phrase follows)
                if matches!(self.w(r + 1), "before" | "after")
                    && matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year)
                    && !self.w(r).ends_with('s')
                {
                    let k = r + 2;
                    // "showed up the day after his death": the day after the one just told of
                    let own_event = u == Unit::Day
                        && matches!(self.w(k), "his" | "her" | "their" | "its")
                        && self.t.kind(k + 1) == Some(Kind::Word)
                        && !self.t.cap(k + 1);
                    let ends = k >= self.t.len()
                        || own_event
                        || self.t.kind(k) == Some(Kind::Punct)
                        || matches!(self.w(k), "and" | "but" | "when" | "while");
                    if ends {
                        let dir = if self.w(r + 1) == "before" { -1 } else { 1 };
                        let val = Under::Shift { unit: u, n: Some(1), dir, from_last: true };
                        // (the event is no part of the expression: "the day" after it)
                        let hi = if own_event { r + 1 } else { r + 2 };
                        return Some(cand(i, hi, TimexType::Date, val));
                    }
                }
                if self.w(r) == "quarter" {
                    // "the quarter a year ago": the reported quarter, a year back
                    if self.seq(r + 1, &["a", "year"]) && matches!(self.w(r + 3), "ago" | "earlier") {
                        let val = Under::Period { year: None, back: 1, quarter: true };
                        return Some(cand(i, r + 4, TimexType::Date, val));
                    }
                    return Some(cand(i, r + 1, TimexType::Date, Under::Quarter { q: 0, year: None }));
                }
                if u == Unit::Weekend && self.w(r) == "weekend" {
                    return Some(cand(i, r + 1, TimexType::Date, Under::Weekend { rel: None }));
                }
                if matches!(u, Unit::Year | Unit::Month | Unit::Week) && !self.w(r).ends_with('s') {
                    if self.w(r + 1) == "'" || self.t.is_num(r + 1) {
                        return None;
                    }
                    return Some(cand(i, r + 1, TimexType::Date, Under::Rel { unit: u, off: 0 }));
                }
            }
            if qualified {
                return None;
            }
            if matches!(rw, "latest" | "most") {
                let q = if rw == "most" && self.w(r + 1) == "recent" { r + 2 } else { r + 1 };
                if self.w(q) == "quarter" {
                    return Some(cand(i, q + 1, TimexType::Date, Under::Quarter { q: 0, year: None }));
                }
            }
        }
        // "the first week of April", "the last week of May 2023": the week holding that
        // month's 1st, 8th, 15th, 22nd or (last) 28th
        if the && self.w(r + 1) == "week" && self.w(r + 2) == "of" {
            let day = match LEX.ordinals.get(rw) {
                _ if rw == "last" || rw == "final" => Some(28),
                Some(&n @ 1..=4) => Some((n - 1) * 7 + 1),
                _ => None,
            };
            if let (Some(d), Some(c)) = (day, self.core(r + 3)) {
                let base = match c.val {
                    Under::Month { m, rel: None } => Some(Under::Cal { y: None, m: Some(m), d: Some(d) }),
                    Under::Cal { y, m: Some(m), d: None } => Some(Under::Cal { y, m: Some(m), d: Some(d) }),
                    _ => None,
                };
                if let Some(base) = base {
                    let val = Under::Of { base: Box::new(base), unit: Unit::Week, n: 0 };
                    return Some(cand(i, c.hi, TimexType::Date, val));
                }
            }
        }
        // "the next morning", "the previous evening", "that night": a part of the day
        // before or after the last mentioned one, or of that day
        let part_shift: Option<(usize, i32)> = match (the, rw) {
            (true, "next" | "following") => Some((r + 1, 1)),
            (true, "previous") => Some((r + 1, -1)),
            (false, "that") => Some((if self.w(r + 1) == "same" { r + 2 } else { r + 1 }, 0)),
            _ => None,
        };
        if let Some((k, n)) = part_shift {
            if let Some(p) = LEX.parts_of_day.get(self.w(k)).filter(|_| self.w(k) != "overnight") {
                // "warned that evening flights would be cut": "that" opens a clause
                let nw = self.w(k + 1);
                let ends = k + 1 >= self.t.len()
                    || self.t.kind(k + 1) == Some(Kind::Punct)
                    || self.t.cap(k + 1)
                    || LEX.prepositions.contains(nw)
                    || LEX.clause_openers.contains(nw);
                if n != 0 || ends {
                    let base = Under::Shift {
                        unit: Unit::Day,
                        n: Some(n.unsigned_abs()),
                        dir: n.signum(),
                        from_last: true,
                    };
                    let val = Under::WithTime { base: Box::new(base), time: format!("T{p}") };
                    return Some(cand(i, k + 1, TimexType::Time, val));
                }
            }
        }
        // "that year", "that same day", "that quarter": the last mentioned date
        if rw == "that" && !the {
            let j = if self.w(r + 1) == "same" { r + 2 } else { r + 1 };
            if let Some((u, 1)) = self.unit(j) {
                if !self.w(j).ends_with('s') && u != Unit::Weekend && self.w(j + 1) != "-" {
                    // "that quarter" too: the last mentioned one, which need not be the
                    // quarter being reported ("the year-ago quarter … that quarter")
                    let val = Under::Shift { unit: u, n: Some(0), dir: 0, from_last: true };
                    return Some(cand(i, j + 1, TimexType::Date, val));
                }
            }
            return None;
        }
        // "year-earlier" as an adjective ("year-earlier results")
        if rw == "year" && !the && self.w(r + 1) == "-" && matches!(self.w(r + 2), "earlier" | "ago") {
            let val = Under::Period { year: None, back: 1, quarter: false };
            return Some(cand(i, r + 3, TimexType::Date, val));
        }
        let &(off, dur_ok) = LEX.relatives.get(rw)?;
        // "last fiscal year", "this fiscal year": the year, as without "fiscal"
        let j = if self.fiscal_year(r + 1) { r + 2 } else { r + 1 };
        if self.title(r, j + 1) {
            return None;
        }
        // A counted span: "the past two months", "the next few years", "the last 24 hours"
        if let Some(c) = self.count(j).filter(|c| c.next > j && !matches!(self.w(j), "a" | "an")) {
            // "the past three summers": that season, year after year
            let season = self.w(c.next).strip_suffix('s').and_then(|w| LEX.seasons.get(w));
            if let Some(code) = season.filter(|_| the && rw != "this") {
                return Some(cand(i, c.next + 1, TimexType::Set, Under::Lit(format!("XXXX-{code}"))));
            }
            if let Some((u, mult)) = self.unit(c.next) {
                if dur_ok && (the || !matches!(rw, "this")) {
                    let mut cd =
                        cand(i, c.next + 1, TimexType::Duration, Under::Lit(Self::dur_value(u, mult, c.n)));
                    if c.plus {
                        cd.mod_ = Some(Mod::EqualOrMore);
                    }
                    return Some(cd);
                }
            }
        }
        if let Some((u, mult)) = self.unit(j) {
            let plural = self.w(j).ends_with('s') && mult == 1;
            if the && dur_ok && plural {
                // "the past weeks": a vague span of time
                return Some(cand(i, j + 1, TimexType::Duration, Under::Lit(Self::dur_value(u, mult, None))));
            }
            if the && off < 0 && matches!(rw, "past" | "last") {
                // TimeBank dates "over the past year" as the previous year, "in the last
                // week" as the previous week; "the past decade" stays a span of time.
                if mult == 1 && matches!(u, Unit::Year | Unit::Quarter | Unit::Month | Unit::Week) {
                    return Some(cand(i, j + 1, TimexType::Date, Under::Rel { unit: u, off: -1 }));
                }
                return Some(cand(
                    i,
                    j + 1,
                    TimexType::Duration,
                    Under::Lit(Self::dur_value(u, mult, Some(1.0))),
                ));
            }
            if plural {
                return None;
            }
            if the {
                // "the previous day", "the following week": from the last mentioned date
                if rw == "same" {
                    return None;
                }
                return Some(cand(
                    i,
                    j + 1,
                    TimexType::Date,
                    Under::Shift { unit: u, n: Some(mult), dir: off.signum(), from_last: true },
                ));
            }
            if !matches!(rw, "last" | "next" | "this" | "past" | "coming" | "current") {
                return None;
            }
            let unit = if u == Unit::Weekend { Unit::Week } else { u };
            let mut c = cand(i, j + 1, TimexType::Date, Under::Rel { unit, off: off * mult as i32 });
            if u == Unit::Weekend {
                c.val = Under::WithTime { base: Box::new(c.val), time: "-WE".into() };
            }
            if mult != 1 {
                // "this decade", "last century": the decade or century of the publication
                // date, or the one before or after it
                if u == Unit::Year && matches!(mult, 10 | 100) {
                    c.val = Under::Era { years: mult as i32, off };
                    return Some(c);
                }
                return None;
            }
            return Some(c);
        }
        if the {
            return None;
        }
        if let Some((m, k)) = self.month(j).or_else(|| {
            // bare "December" after "last" (no period needed)
            LEX.months.get(self.w(j)).filter(|_| self.t.cap(j) && self.w(j).len() >= 3).map(|&m| (m, j + 1))
        }) {
            if self.day_num(k).is_none() {
                return Some(cand(i, k, TimexType::Date, Under::Month { m, rel: Some(off.signum()) }));
            }
        }
        if let Some(&s) = LEX.seasons.get(self.w(j)) {
            return Some(cand(
                i,
                j + 1,
                TimexType::Date,
                Under::Season { s, year: None, rel: Some(off.signum()) },
            ));
        }
        None
    }

    /// A season without a year after a temporal preposition: "over the summer", "levels
    /// of the early winter", "during summer" — the publication year's (or the narrated year's).
    /// "spring" and "fall" need "the" and no "of" after them ("the fall of the wall").
    fn season(&self, i: usize) -> Option<Cand> {
        if i == 0 || !LEX.season_preps.contains(self.w(i - 1)) {
            return None;
        }
        let the = self.w(i) == "the";
        if self.w(i - 1) == "of" && !the {
            return None; // "a string of summer concerts"
        }
        let j = if the { i + 1 } else { i };
        let (j, m) = match self.w(j) {
            "early" if the => (j + 1, Some(Mod::Start)),
            "late" if the => (j + 1, Some(Mod::End)),
            _ => (j, None),
        };
        let s = *LEX.seasons.get(self.w(j))?;
        let clear = matches!(self.w(j), "summer" | "winter");
        if (!clear && !the) || self.w(j + 1) == "of" || self.t.kind(j + 1) == Some(Kind::Word) && !clear {
            return None;
        }
        let mut c = cand(i, j + 1, TimexType::Date, Under::Season { s, year: None, rel: None });
        c.mod_ = m;
        Some(c)
    }

    /// A season with its year: "summer 1999", "the winter of 1994", "the late autumn of
    /// nineteen ninety-four", "spring 2010". "fall" needs "the" or a preposition before it
    /// (prices "fall 2010 points" is a verb).
    fn season_year(&self, i: usize) -> Option<Cand> {
        let the = self.w(i) == "the";
        let j = if the { i + 1 } else { i };
        let (j, m) = match self.w(j) {
            "early" => (j + 1, Some(Mod::Start)),
            "late" => (j + 1, Some(Mod::End)),
            _ => (j, None),
        };
        let s = *LEX.seasons.get(self.w(j))?;
        let k = if self.w(j + 1) == "of" { j + 2 } else { j + 1 };
        if self.w(j) == "fall" && !the && k == j + 1 && !(i > 0 && LEX.season_preps.contains(self.w(i - 1))) {
            return None;
        }
        let (y, hi) = match self.year_num(k) {
            Some(y) => (y, k + 1),
            None => self.year_words(k)?,
        };
        if self.w(hi) == "-" {
            return None; // "summer 1999-2000": a span of seasons
        }
        let mut c = cand(i, hi, TimexType::Date, Under::Season { s, year: Some(YearRef::Abs(y)), rel: None });
        c.mod_ = m;
        Some(c)
    }

    /// The expression at `k` when it names a single day ("March 6", "last Tuesday",
    /// "yesterday", "Christmas").
    fn day_at(&self, k: usize) -> Option<Under> {
        let c = self.core(k)?;
        let day = matches!(
            &c.val,
            Under::Cal { m: Some(_), d: Some(_), .. }
                | Under::Weekday { .. }
                | Under::Holiday { .. }
                | Under::Rel { unit: Unit::Day, .. }
        );
        (day && c.ty == TimexType::Date).then_some(c.val)
    }

    /// "the week of March 6" (that day's week), "the day before last Tuesday", "the day
    /// after Christmas" (a day off it): one expression, resolved from the named day. `r` is
    /// the unit word after "the", `u` its unit.
    fn day_relative(&self, i: usize, r: usize, u: Unit) -> Option<Cand> {
        let n = match (u, self.w(r), self.w(r + 1)) {
            (Unit::Week, "week", "of") => 0,
            (Unit::Day, "day", "before") => -1,
            (Unit::Day, "day", "after") => 1,
            _ => return None,
        };
        let base = self.day_at(r + 2)?;
        let hi = self.core(r + 2)?.hi;
        Some(cand(i, hi, TimexType::Date, Under::Of { base: Box::new(base), unit: u, n }))
    }

    /// "the third quarter", "third-quarter", "Q3", "the fourth quarter of 2023", "the first
    /// half", "fall 2024"/"the summer of 2023".
    fn quarter(&self, i: usize) -> Option<Cand> {
        let the = self.w(i) == "the";
        let mut j = if the { i + 1 } else { i };
        // A year before the ordinal: "this year's third quarter", "the 1988 third quarter"
        let mut pre_year = None;
        if let Some(&(off, _)) = LEX.relatives.get(self.w(j)).filter(|_| !the) {
            // "last year's quarter", "last year's period": the reported quarter a year back
            if off == -1
                && self.seq(j + 1, &["year", "'", "s"])
                && matches!(self.w(j + 4), "quarter" | "period")
            {
                let val = Under::Period { year: None, back: 1, quarter: true };
                return Some(cand(i, j + 5, TimexType::Date, val));
            }
            if self.seq(j + 1, &["year", "'", "s"]) {
                pre_year = Some(YearRef::Rel(off));
                j += 4;
            }
        } else if let Some(y) = self.year_num(j).filter(|_| the) {
            pre_year = Some(YearRef::Abs(y));
            j += 1;
        }
        // "the fiscal first quarter", "the fiscal-first quarter"
        if self.w(j) == "fiscal" {
            j += if self.w(j + 1) == "-" { 2 } else { 1 };
        }
        let w = self.w(j);
        let (q, k, half) = if let Some(q) =
            w.strip_prefix('q').and_then(|d| d.parse::<u32>().ok()).filter(|q| (1..=4).contains(q))
        {
            (q, j + 1, false)
        } else if let Some(h) =
            w.strip_prefix('h').and_then(|d| d.parse::<u32>().ok()).filter(|h| (1..=2).contains(h))
        {
            (h, j + 1, true)
        } else if let (Some(h), "two", "quarters") = (
            match w {
                "first" => Some(1),
                "last" | "final" | "second" => Some(2),
                _ => None,
            },
            self.w(j + 1),
            self.w(j + 2),
        ) {
            // "the first two quarters of 1990": a half year
            (h, j + 3, true)
        } else {
            let (q, after) = match LEX.ordinals.get(w) {
                Some(&q) => (q, j + 1),
                None => {
                    let n = self.t.int(j)?;
                    if self.t.adj(j) && matches!(self.w(j + 1), "st" | "nd" | "rd" | "th") {
                        (n, j + 2)
                    } else {
                        return None;
                    }
                }
            };
            let fiscal = if self.w(after) == "fiscal" { after + 1 } else { after };
            let u = if self.w(fiscal) == "-" && self.t.adj(fiscal - 1) { fiscal + 1 } else { fiscal };
            // "in the second and fourth quarters", "in fourth quarters": that quarter, year
            // after year (the first of a pair shares the second's noun); not with a year
            // ("the third and fourth quarters of 1989": dates, left untagged)
            if pre_year.is_none() && (1..=4).contains(&q) {
                let pair = matches!(self.w(u), "and" | "or")
                    && LEX.ordinals.get(self.w(u + 1)).is_some_and(|q2| (1..=4).contains(q2))
                    && self.w(u + 2) == "quarters";
                let (noun, hi) = if pair { (u + 2, u) } else { (u, u + 1) };
                if self.w(noun) == "quarters" {
                    if self.w(noun + 1) == "of" || self.year_num(noun + 1).is_some() {
                        return None;
                    }
                    return Some(cand(j, hi, TimexType::Set, Under::Lit(format!("XXXX-Q{q}"))));
                }
            }
            match self.w(u) {
                "quarter" if (1..=4).contains(&q) => (q, u + 1, false),
                "half" if (1..=4).contains(&q) => (if q > 2 { 2 } else { q }, u + 1, true),
                _ => return None,
            }
        };
        if pre_year.is_some() {
            let val = if half {
                Under::Half { h: q, year: pre_year }
            } else {
                Under::Quarter { q, year: pre_year }
            };
            return Some(cand(i, k, TimexType::Date, val));
        }
        // "the last half of the '80s", "the first half of the 1990s": the decade (or
        // century), its start or end
        if half && self.w(k) == "of" {
            if let Some(mut d) = self.decade(k + 1) {
                if matches!(d.val, Under::Decade(_) | Under::Century(_)) && d.mod_.is_none() {
                    d.lo = i;
                    d.mod_ = Some(if q == 1 { Mod::Start } else { Mod::End });
                    return Some(d);
                }
            }
        }
        // "the third-quarter results": the article belongs to the noun
        let i = if the && self.w(k - 2) == "-" && j + 1 == k - 2 { i + 1 } else { i };
        // "of 2023", "of last year", "of fiscal 1990", "2023"
        let (year, hi) = {
            let mut o = k;
            if self.w(o) == "of" {
                o += 1;
            }
            if self.w(o) == "fiscal" {
                o += 1;
            }
            if let Some(y) = self.year_num(o) {
                (Some(YearRef::Abs(y)), o + 1)
            } else if self.w(k) == "of" {
                let r = if self.w(o) == "the" { o + 1 } else { o };
                match (LEX.relatives.get(self.w(r)), self.w(r + 1)) {
                    (Some(&(off, _)), "year") => (Some(YearRef::Rel(off)), r + 2),
                    _ => (None, k),
                }
            } else {
                (None, k)
            }
        };
        let val = if half { Under::Half { h: q, year } } else { Under::Quarter { q, year } };
        Some(cand(i, hi, TimexType::Date, val))
    }

    /// "three years", "24 hours", "4+ years", "a decade", "five-year", "week-long", "two days
    /// ago" (a date), "days before the attack" (a duration with its anchor).
    fn duration(&self, i: usize) -> Option<Cand> {
        let (lo, i) = match self.w(i) {
            // "the first nine months", "the nine months"
            "the" if self.w(i + 1) == "first" => (i, i + 2),
            "the" => (i, i + 1),
            _ => (i, i),
        };
        let the = lo != i;
        let count = self.count(i);
        let (n, plus, j) = match &count {
            Some(c) => (c.n, c.plus, c.next),
            None => (None, false, i),
        };
        let counted = count.is_some();
        // "children aged 5 to 17 months", "aged six years": an age, which TimeBank leaves
        // untagged (as "52 years old")
        let aged = |k: usize| k > 0 && self.w(k - 1) == "aged";
        let range_from = |k: usize| k >= 2 && matches!(self.w(k - 1), "to" | "or") && aged(k - 2);
        if counted && !the && (aged(i) || range_from(i)) {
            return None;
        }
        // "two to six days", "one or two weeks": the lower bound is a span of its own, in
        // the unit the upper bound names
        if let (Some(lo_n), false) = (n, the) {
            if matches!(self.w(j), "to" | "or") && !matches!(self.w(i), "a" | "an") {
                if let Some(up) = self.count(j + 1).filter(|c| c.n.is_some_and(|m| m > lo_n)) {
                    if let Some((u, mult)) = self.unit(up.next).filter(|u| u.0 != Unit::Weekend) {
                        let val = Self::dur_value(u, mult, Some(lo_n));
                        return Some(cand(i, j, TimexType::Duration, Under::Lit(val)));
                    }
                }
            }
        }
        // "two more weeks", "an additional year"
        let j = if counted && LEX.more_words.contains(self.w(j)) && self.unit(j + 1).is_some() {
            j + 1
        } else {
            j
        };
        // hyphenated adjective: "five-year", "24-hour", "week-long"
        let hyph = counted && self.w(j) == "-" && self.t.adj(j - 1) && self.t.adj(j);
        let j = if hyph { j + 1 } else { j };
        let (u, mult) = self.unit(j)?;
        if u == Unit::Weekend && counted {
            return None;
        }
        // "Islam will one day be …": some day in the future, no span
        if u == Unit::Day
            && !the
            && self.w(i) == "one"
            && j == i + 1
            && i > 0
            && LEX.someday_before.contains(self.w(i - 1))
        {
            return Some(cand(i, j + 1, TimexType::Date, Under::Lit("FUTURE_REF".into())));
        }
        // CBS's "60 Minutes": a capitalized unit inside a sentence names a show
        if self.t.cap(j) && !self.sentence_start(j) && (!self.sentence_start(i) || self.quoted_name(i)) {
            return None;
        }
        // "a second betrayal": the ordinal, not the unit
        if u == Unit::Second
            && matches!(self.w(i), "a" | "an")
            && self.t.kind(j + 1) == Some(Kind::Word)
            && !LEX.after_second.contains(self.w(j + 1))
        {
            return None;
        }
        let mut hi = j + 1;
        if !counted {
            // "week-long", "year-long"; "decades-long", "months-long": some number of
            // the unit's years (or months), how many unsaid
            if self.w(hi) == "-" && self.t.adj(j) && self.w(hi + 1) == "long" && !the {
                let val = if self.w(j).ends_with('s') {
                    u.duration(None)
                } else {
                    Self::dur_value(u, mult, Some(1.0))
                };
                return Some(cand(j, hi + 2, TimexType::Duration, Under::Lit(val)));
            }
            // bare plural units: "for years", "days before the attack"
            let plural = self.w(j).ends_with('s');
            // "over the years", "throughout the decades": a vague span
            let over_the = the && lo > 0 && matches!(self.w(lo - 1), "over" | "through" | "throughout");
            if plural && over_the && self.w(hi) != "of" {
                return Some(cand(lo, hi, TimexType::Duration, Under::Lit(Self::dur_value(u, mult, None))));
            }
            // "in the first hours of the ground war": the opening span of an event, vague (not
            // before a date: "the first days of March" is a part of the month)
            let first_of = the && self.w(lo + 1) == "first" && self.w(hi) == "of";
            let dated = self.month(hi + 1).is_some()
                || self.t.is_num(hi + 1)
                || LEX.weekdays.contains_key(self.w(hi + 1))
                || matches!(self.w(hi + 1), "this" | "last" | "next" | "each")
                || (self.w(hi + 1) == "the" && self.unit(hi + 2).is_some());
            if plural && first_of && !dated {
                return Some(cand(lo, hi, TimexType::Duration, Under::Lit(Self::dur_value(u, mult, None))));
            }
            if the || !plural {
                return None;
            }
            let prev = if j == 0 { "" } else { self.w(j - 1) };
            // "days before the attack", "in the years that followed", "the weeks following it"
            let anchored = matches!(self.w(hi), "before" | "after" | "following")
                || self.seq(hi, &["prior", "to"])
                || (self.w(hi) == "that" && matches!(self.w(hi + 1), "followed" | "follow" | "follows"));
            if !anchored && !matches!(prev, "for" | "in" | "within" | "over" | "took" | "take" | "takes") {
                return None;
            }
        }
        if counted && the && !(self.w(lo + 1) == "first" || n.is_some()) {
            return None;
        }
        if self.t.is_num(i) && hyph {
            // "24-hour" fine; "2024-year" no
            if n.is_some_and(|n| n > 1000.0) {
                return None;
            }
        }
        if hyph && matches!(self.w(hi), "-") && self.w(hi + 1) == "old" {
            return None; // "a 6-year-old": an age
        }
        if counted && !hyph && LEX.age_words.contains(self.w(hi)) {
            return None; // "52 years old", "55 years of age": an age
        }
        // "a year-earlier loss": the article leads the adjective "year-earlier", no span
        if !hyph && self.w(hi) == "-" && self.t.adj(hi - 1) && matches!(self.w(hi + 1), "earlier" | "ago") {
            return None;
        }
        if matches!(self.w(hi), "-") && self.t.adj(hi - 1) && self.w(hi + 1) == "long" {
            if !hyph && matches!(self.w(i), "a" | "an") {
                // "a week-long festival", "a decades-long feud": the article is not part of it
                let val = if self.w(j).ends_with('s') {
                    u.duration(None)
                } else {
                    Self::dur_value(u, mult, Some(1.0))
                };
                return Some(cand(j, hi + 2, TimexType::Duration, Under::Lit(val)));
            }
            hi += 2;
        }
        // "three-quarters of the vote" is a fraction; "several quarters of losses" a span
        if u == Unit::Quarter && (hyph || (self.w(hi) == "of" && n.is_some())) {
            return None; // "three-quarters of"
        }
        // "the 14-day truce": the article belongs to the noun, not the adjective
        let lo = if hyph && the && lo + 1 == i { i } else { lo };
        let mut c = cand(lo, hi, TimexType::Duration, Under::Lit(Self::dur_value(u, mult, n)));
        if plus {
            c.mod_ = Some(Mod::EqualOrMore);
        }
        if hyph || the {
            return Some(c);
        }
        // "and a half" after the unit: "a year and a half"
        if self.seq(hi, &["and", "a", "half"]) {
            if let Some(n) = n {
                c.val = Under::Lit(Self::dur_value(u, mult, Some(n + 0.5)));
                c.hi = hi + 3;
                hi += 3;
            }
        }
        let shift = |dir: i32, from_last: bool, end: usize| {
            let un = if n.is_some_and(|n| n.fract() == 0.0) { n.map(|n| n as u32 * mult) } else { None };
            let mut d = cand(lo, end, TimexType::Date, Under::Shift { unit: u, n: un, dir, from_last });
            d.mod_ = c.mod_;
            d
        };
        match self.w(hi) {
            "ago" => return Some(shift(-1, false, hi + 1)),
            // "a week or so ago": the approximation does not move the date
            "or" if self.seq(hi + 1, &["so", "ago"]) => {
                let mut d = shift(-1, false, hi + 3);
                d.mod_ = d.mod_.or(Some(Mod::Approx));
                return Some(d);
            }
            // TimeBank annotates "three days later", "a minute and a half later" as the
            // span of time, the adverb outside; "a year earlier" as the date it names.
            "earlier" | "later"
                if matches!(u, Unit::Day | Unit::Hour | Unit::Minute | Unit::Second) && !the =>
            {
                return Some(c);
            }
            "earlier" | "later" if !matches!(self.w(hi + 1), "than" | "this" | "today") => {
                let dir = if self.w(hi) == "earlier" { -1 } else { 1 };
                return Some(shift(dir, true, hi + 1));
            }
            "from" if self.w(hi + 1) == "now" => return Some(shift(1, false, hi + 2)),
            "hence" => return Some(shift(1, false, hi + 1)),
            "before" | "after" | "prior" => {
                let k = if self.w(hi) == "prior" {
                    if self.w(hi + 1) != "to" {
                        return Some(c);
                    }
                    hi + 2
                } else {
                    hi + 1
                };
                match self.anchor(k) {
                    Some(a) => c.anchor = Some(a),
                    None if counted => {
                        let dir = if self.w(hi) == "after" { 1 } else { -1 };
                        return Some(shift(dir, true, hi + 1));
                    }
                    None => {}
                }
            }
            _ => {}
        }
        Some(c)
    }

    /// The event phrase after "before"/"after": up to punctuation or a clause word.
    fn anchor(&self, k: usize) -> Option<Span> {
        let mut e = k;
        while e < self.t.len() && e < k + 8 {
            let w = self.w(e);
            if self.t.kind(e) == Some(Kind::Punct) && !matches!(w, "'" | "-") {
                break;
            }
            if e > k
                && matches!(
                    w,
                    "that" | "which" | "when" | "and" | "but" | "while" | "because" | "as" | "said" | "says"
                )
            {
                break;
            }
            e += 1;
        }
        if e == k {
            return None;
        }
        Some(Span::new(self.t.toks[k].start, self.t.toks[e - 1].end))
    }

    /// "every Monday", "every two weeks", "each year", "Mondays", "twice a year".
    fn set(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        if matches!(w, "every" | "each") {
            let mut j = i + 1;
            let mut n = 1.0;
            if self.w(j) == "other" {
                n = 2.0;
                j += 1;
            } else if let Some(c) =
                self.count(j).filter(|c| c.n.is_some() && !matches!(self.w(j), "a" | "an"))
            {
                n = c.n.unwrap_or(1.0);
                j = c.next;
            }
            if let Some((wd, k)) = self.weekday_at(j) {
                return Some(cand(i, k, TimexType::Set, Under::Lit(format!("XXXX-WXX-{wd}"))));
            }
            if let Some(&p) = LEX.parts_of_day.get(self.w(j)) {
                return Some(cand(i, j + 1, TimexType::Set, Under::Lit(format!("XXXX-XX-XXT{p}"))));
            }
            if let Some((m, k)) = self.month(j) {
                return Some(cand(i, k, TimexType::Set, Under::Lit(format!("XXXX-{m:02}"))));
            }
            // "every summer", "each spring"
            if let Some(s) = LEX.seasons.get(self.w(j)) {
                return Some(cand(i, j + 1, TimexType::Set, Under::Lit(format!("XXXX-{s}"))));
            }
            let (u, mult) = self.unit(j)?;
            let v = if u == Unit::Weekend {
                "XXXX-WXX-WE".to_string()
            } else {
                Self::dur_value(u, mult, Some(n))
            };
            return Some(cand(i, j + 1, TimexType::Set, Under::Lit(v)));
        }
        // "Mondays"
        if self.t.cap(i) && w.ends_with("days") {
            if let Some(&wd) = LEX.weekdays.get(&w[..w.len() - 1]) {
                return Some(cand(i, i + 1, TimexType::Set, Under::Lit(format!("XXXX-WXX-{wd}"))));
            }
        }
        // "twice a year", "three times a week"
        let j = match w {
            "once" | "twice" => i + 1,
            _ if self.w(i + 1) == "times" && self.count(i).is_some() => i + 2,
            _ => return None,
        };
        if matches!(self.w(j), "a" | "an" | "per" | "each" | "every") {
            let (u, mult) = self.unit(j + 1)?;
            return Some(cand(i, j + 2, TimexType::Set, Under::Lit(Self::dur_value(u, mult, Some(1.0)))));
        }
        None
    }

    /// "10:30 a.m. EDT", "10 p.m.", "noon", "midnight", "14:00 GMT".
    fn time(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        // "afternoon yesterday", "(mid-)morning Tuesday": a part of day before its day
        if let Some(&p) = LEX.parts_of_day.get(w) {
            let d = self.day_expr(i + 1)?;
            let val = Under::WithTime { base: Box::new(d.val), time: format!("T{p}") };
            return Some(cand(i, d.hi, TimexType::Time, val));
        }
        let (h, mi, mut j) = match w {
            "noon" | "midday" => (12, 0, i + 1),
            "midnight" => (24, 0, i + 1),
            _ => {
                let h = if self.t.is_num(i) && w.matches('.').count() == 1 {
                    // "10.30 p.m."
                    let (a, b) = w.split_once('.')?;
                    if b.len() != 2 {
                        return None;
                    }
                    let (h, m) = (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?);
                    (h, Some(m), i + 1)
                } else {
                    let h = self.t.int(i)?;
                    if self.w(i + 1) == ":" && self.t.adj(i) && self.t.adj(i + 1) && self.w(i + 2).len() == 2
                    {
                        let m = self.t.int(i + 2)?;
                        (h, Some(m), i + 3)
                    } else {
                        (h, None, i + 1)
                    }
                };
                let (hh, mm, j) = h;
                if hh > 24 || mm.is_some_and(|m| m > 59) {
                    return None;
                }
                // meridiem
                let (pm, k) = self.meridiem(j);
                if pm.is_none() && mm.is_none() {
                    // "at 4 in the morning", "by 9 in the evening", "at 11 at night"
                    let part = if self.seq(j, &["in", "the"]) {
                        Some((self.w(j + 2), j + 3))
                    } else if self.w(j) == "at" {
                        Some((self.w(j + 1), j + 2))
                    } else {
                        None
                    };
                    let at = i > 0 && matches!(self.w(i - 1), "at" | "by" | "until" | "till" | "around");
                    if let (Some((p, end)), true, 1..=12) = (part, at, hh) {
                        let hh = match p {
                            "morning" if hh == 12 => Some(0),
                            "morning" => Some(hh),
                            "afternoon" | "evening" if hh < 12 => Some(hh + 12),
                            "night" if (6..12).contains(&hh) => Some(hh + 12),
                            "night" if hh == 12 => Some(24),
                            "night" if hh < 5 => Some(hh),
                            _ => None,
                        };
                        // "tied at 4 in the morning session": the part names a thing after it
                        let noun_after = self.t.kind(end) == Some(Kind::Word)
                            && !self.t.cap(end)
                            && !LEX.prepositions.contains(self.w(end))
                            && !LEX.clause_openers.contains(self.w(end))
                            && !matches!(self.w(end), "and" | "or" | "but" | "when" | "as")
                            && self.day_expr(end).is_none();
                        if let Some(hh) = hh.filter(|_| (p != "night" || self.w(j) == "at") && !noun_after) {
                            return Some(cand(
                                i,
                                end,
                                TimexType::Time,
                                Under::TimeOnly(format!("T{hh:02}:00")),
                            ));
                        }
                    }
                    if self.w(j) == "o" && self.w(j + 1) == "'" && self.w(j + 2) == "clock" {
                        return Some(cand(
                            i,
                            j + 3,
                            TimexType::Time,
                            Under::TimeOnly(format!("T{hh:02}:00")),
                        ));
                    }
                    return None;
                }
                if pm.is_none() && (self.w(i).len() > 2 || self.w(i + 2).len() != 2) {
                    return None;
                }
                let hh = match pm {
                    Some(true) if hh < 12 => hh + 12,
                    Some(false) if hh == 12 => 0,
                    _ => hh,
                };
                if pm.is_some() && self.t.int(i).is_some_and(|h| h == 0 || h > 12) {
                    return None;
                }
                (hh, mm.unwrap_or(0), k)
            }
        };
        // zones are written in capitals ("EDT"); "est" the word is not one. The zone is
        // part of the expression, not of its value (the local clock time, as TimeBank).
        let upper = self
            .t
            .toks
            .get(j)
            .is_some_and(|t| self.text[t.start..t.end].bytes().all(|b| b.is_ascii_uppercase()));
        if upper && LEX.zones.contains(self.w(j)) {
            j += 1;
        } else if self.seq(j, &["local", "time"]) && self.day_expr(j + 2).is_none() {
            // "10:45 a.m. local time (on Saturday)": a zone in words ("6 a.m. local time
            // Friday" stays a time and a day)
            j += 2;
        }
        let tv = format!("T{:02}:{mi:02}", if h == 24 { 24 } else { h });
        // "10 a.m. Friday", "noon today"
        let k = if self.w(j) == "," { j + 1 } else { j };
        if let Some(d) = self.day_expr(k) {
            return Some(cand(i, d.hi, TimexType::Time, Under::WithTime { base: Box::new(d.val), time: tv }));
        }
        // "at midnight on Friday", "at 10 a.m. on March 3": two expressions, the clock
        // time on that day (not on the last mentioned one)
        if self.w(j) == "on" {
            if let Some(d) = self.day_expr(j + 1) {
                return Some(cand(
                    i,
                    j,
                    TimexType::Time,
                    Under::WithTime { base: Box::new(d.val), time: tv },
                ));
            }
        }
        Some(cand(i, j, TimexType::Time, Under::TimeOnly(tv)))
    }

    /// "a.m." / "am" / "p.m." after a number: Some(true) for pm. Returns the next token.
    fn meridiem(&self, j: usize) -> (Option<bool>, usize) {
        let w = self.w(j);
        match w {
            "am" | "pm" => (Some(w == "pm"), j + 1),
            "a" | "p"
                if self.w(j + 1) == "." && self.w(j + 2) == "m" && self.t.adj(j) && self.t.adj(j + 1) =>
            {
                let end = if self.w(j + 3) == "." && self.t.adj(j + 2) { j + 4 } else { j + 3 };
                (Some(w == "p"), end)
            }
            _ => (None, j),
        }
    }

    /// A day-granular expression at `k` (weekday, today, a calendar day) for a time to join.
    fn day_expr(&self, k: usize) -> Option<Cand> {
        let c = longer(self.weekday(k), longer(self.month_date(k), self.phrase(k)))?;
        match &c.val {
            Under::Weekday { .. } | Under::Cal { d: Some(_), .. } | Under::Rel { unit: Unit::Day, .. } => {
                Some(c)
            }
            _ => None,
        }
    }

    /// A day-granular date followed by a part of day: "Friday night", "yesterday morning".
    fn extend_time(&self, c: Cand) -> Cand {
        let day = matches!(
            c.val,
            Under::Weekday { .. } | Under::Cal { d: Some(_), .. } | Under::Rel { unit: Unit::Day, .. }
        );
        if !day || c.ty != TimexType::Date {
            return c;
        }
        // "on Tuesday nights", "on Monday and Tuesday nights": a weekday with a plural part
        // of day recurs (the first of a pair shares the second's part)
        if let Under::Weekday { wd, rel: None, .. } = c.val {
            let plural_part = |k: usize| {
                let w = self.w(k);
                w.strip_suffix('s').and_then(|p| LEX.parts_of_day.get(p)).copied()
            };
            let pair = matches!(self.w(c.hi), "and" | "or")
                .then(|| self.weekday_at(c.hi + 1))
                .flatten()
                .and_then(|(_, k)| plural_part(k));
            if let Some(p) = plural_part(c.hi).or(pair) {
                let hi = if pair.is_some() { c.hi } else { c.hi + 1 };
                let val = Under::Lit(format!("XXXX-WXX-{wd}T{p}"));
                return Cand { hi, ty: TimexType::Set, val, ..c };
            }
        }
        if let Some(&p) = LEX.parts_of_day.get(self.w(c.hi)) {
            return Cand {
                hi: c.hi + 1,
                ty: TimexType::Time,
                val: Under::WithTime { base: Box::new(c.val), time: format!("T{p}") },
                ..c
            };
        }
        // "Friday at 10 a.m." stays two expressions; "Friday 10 a.m." is one
        if let Some(t) = self.time(c.hi).filter(|t| matches!(t.val, Under::TimeOnly(_))) {
            if let Under::TimeOnly(tv) = t.val {
                return Cand {
                    hi: t.hi,
                    ty: TimexType::Time,
                    val: Under::WithTime { base: Box::new(c.val), time: tv },
                    ..c
                };
            }
        }
        c
    }
}

// Not inline: this file's words are part of `Lexicon::read_words`, the test sentences must not be.
#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
