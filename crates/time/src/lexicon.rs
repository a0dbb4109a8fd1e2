//! The resource tables of the tagger, loaded once from `data/` (HeidelTime keeps these in
//! per-language resource files; so do we). Every table is plain text a reviewer can read:
//! `#` starts a comment, columns are tab-separated.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use crate::value::Unit;
use crate::{Mod, TimexType};

/// Which expressions a modifier may precede.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ModScope {
    Duration,
    Point,
    Any,
}

/// A fixed phrase's value before resolution.
#[derive(Clone, Debug)]
pub(crate) enum Template {
    /// Final as written: `PRESENT_REF`, `P1D` (for a SET), …
    Literal(String),
    /// `offset` units from the publication date, with an optional part of day.
    Rel { unit: Unit, offset: i32, part: Option<&'static str> },
    /// A day of the year whose year is inferred like any "Dec. 31" ("year-end").
    Day { month: u32, day: u32 },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HolidayDay {
    Fixed(u32),
    /// nth (1-based; 0 = last) ISO weekday of the month, plus a number of days (U.S.
    /// Election Day: the day after the first Monday of November).
    Nth(u32, u32, u32),
    /// Days after (or before, if negative) Easter Sunday of the year (Good Friday: -2).
    Easter(i32),
}

/// Fixed phrases keyed by first token: (tokens, type, template), longest first.
pub(crate) type PhraseTable = HashMap<&'static str, Vec<(Vec<&'static str>, TimexType, Template)>>;
/// Holidays keyed by first token: (tokens, month, day).
pub(crate) type HolidayTable = HashMap<&'static str, Vec<(Vec<&'static str>, u32, HolidayDay)>>;

pub(crate) struct Lexicon {
    pub months: HashMap<&'static str, u32>,
    pub ambiguous_months: HashSet<&'static str>,
    pub month_name_heads: HashSet<&'static str>,
    pub month_preps: HashSet<&'static str>,
    pub weekdays: HashMap<&'static str, u32>,
    pub numbers: HashMap<&'static str, u32>,
    pub ordinals: HashMap<&'static str, u32>,
    pub vague_quantities: HashSet<&'static str>,
    pub units: HashMap<&'static str, (Unit, u32)>,
    pub seasons: HashMap<&'static str, &'static str>,
    pub parts_of_day: HashMap<&'static str, &'static str>,
    pub zones: HashSet<&'static str>,
    /// offset, and whether it may also open a duration ("the past two months").
    pub relatives: HashMap<&'static str, (i32, bool)>,
    /// Multi-token modifiers, longest first: (words, mod, scope, inside the span).
    pub modifiers: Vec<(Vec<&'static str>, Mod, ModScope, bool)>,
    /// The modifiers each first word starts: indices into [`Self::modifiers`], in its order
    /// (no modifier leads at a token not in it).
    pub modifiers_by_first: HashMap<&'static str, Vec<usize>>,
    /// Fixed phrases keyed by first token, longest first.
    pub phrases: PhraseTable,
    pub holidays: HolidayTable,
    /// Future cue words, with the word that must follow for the cue to count ("expected"
    /// only before "to", "soon" only in "as soon as").
    pub future_cues: HashMap<&'static str, Vec<Option<&'static str>>>,
    /// Contexts in which a trigger is no timex ("as soon as"), keyed by the trigger:
    /// (words, index of the trigger in them).
    pub not_timex: HashMap<&'static str, Vec<(Vec<&'static str>, usize)>>,
    pub past_aux: HashSet<&'static str>,
    /// Present-tense verbs of a schedule ("opens", "meet"): future when finite.
    pub schedule_verbs: HashSet<&'static str>,
    /// Words before a schedule verb that make it non-finite ("to", "not", "did").
    pub schedule_blockers: HashSet<&'static str>,
    /// Past plan words before a weekday that look ahead ("planned a rally on Saturday").
    pub plan_words: HashSet<&'static str>,
    /// Words before a plan word that tell the plan was kept ("as planned").
    pub plan_kept: HashSet<&'static str>,
    /// Subject and "be" before a day the clause is about (`day_predicates.tsv`): the words,
    /// and whether the day is the last mentioned one (past) rather than the reference day.
    pub day_predicates: Vec<(Vec<&'static str>, bool)>,
    /// Words after which a past form is no past tense ("be named", "a planned merger").
    pub nonfinite_before: HashSet<&'static str>,
    /// Relative words that count from the last mentioned date before a weekday ("the
    /// previous Friday"), where "last Friday" counts from the publication date.
    pub anchored_relatives: HashSet<&'static str>,
    /// Determiners before a month or weekday that make it a modifier of the noun after
    /// it ("a June agreement"): the clause's tense does not pick its occurrence.
    pub attributive_before: HashSet<&'static str>,
    /// Nouns of a scheduled happening ("the June 7 election"): a date modifying one is its
    /// nearest occurrence, whatever the clause's tense.
    pub scheduled_nouns: HashSet<&'static str>,
    /// Words of a quantity before a rate ("$2 million a year", "20% annually").
    pub rate_quantities: HashSet<&'static str>,
    /// Adverbs that are the unit of a rate after a quantity ("10,000 units annually").
    pub rate_adverbs: HashSet<&'static str>,
    /// Words linking two units into a comparison adjective ("year-over-year").
    pub unit_links: HashSet<&'static str>,
    /// Words after "this <unit>" before an elliptic "last"/"next" (`elliptic_links.txt`).
    pub elliptic_links: HashSet<&'static str>,
    /// "declined to comment on Monday": an infinitive that happens with its verb.
    pub implicatives: HashSet<&'static str>,
    /// Prepositions that fix the occurrence whatever the verb: `true` for a deadline ("until",
    /// "by": the nearest occurrence), `false` for the past ("since").
    pub tense_preps: HashMap<&'static str, bool>,
    /// Words after "to" that are no verb ("to the", "to date"): no infinitive.
    pub not_verbs: HashSet<&'static str>,
    pub irregular_past: HashSet<&'static str>,
    pub ed_exceptions: HashSet<&'static str>,
    pub name_after_day: HashSet<&'static str>,
    pub reporting_verbs: HashSet<&'static str>,
    pub aux_verbs: HashSet<&'static str>,
    /// Words after a counted span that make it an age ("52 years old"): no timex.
    pub age_words: HashSet<&'static str>,
    /// Makes after which a year is a model year ("his 1987 Chevrolet"): no timex.
    pub vehicle_makes: HashSet<&'static str>,
    /// "the same/corresponding/comparable period last year": words of an earnings comparison.
    pub comparison_words: HashSet<&'static str>,
    /// Words that open a clause after "that night" ("that night he fled"): the phrase is
    /// complete there, "that" no conjunction.
    pub clause_openers: HashSet<&'static str>,
    /// Frequency words that stay sets before a common noun ("a daily vigil").
    pub set_adjectives: HashSet<&'static str>,
    /// Prepositions: after "daily"/"weekly" they make it an adverb ("gather daily outside").
    pub prepositions: HashSet<&'static str>,
    /// Words after "a second" that keep it a unit of time ("a second later"); any other
    /// word makes it the ordinal ("a second betrayal").
    pub after_second: HashSet<&'static str>,
    /// Words before "-" that still let a year follow ("mid-1996", "post-1959").
    pub year_prefixes: HashSet<&'static str>,
    /// "nineties" → 9: decades of the 1900s in words.
    pub decade_words: HashMap<&'static str, u32>,
    /// Words between a count and its unit: "two more weeks", "an additional year".
    pub more_words: HashSet<&'static str>,
    /// Prepositions before a bare season: "over the summer".
    pub season_preps: HashSet<&'static str>,
    /// Modals before "one day" that make it "some day": "will one day be".
    pub someday_before: HashSet<&'static str>,
    /// Verbs of deferral: "postponed until Tuesday" is the coming Tuesday.
    pub deferrals: HashSet<&'static str>,
    pub year_block_before: HashSet<&'static str>,
    pub year_block_after: HashSet<&'static str>,
    /// Verbs that name a thing: a year after "called <Name>" is part of the name.
    pub year_naming: HashSet<&'static str>,
    /// Words at which the matcher tries its rules (numbers are always tried).
    pub triggers: HashSet<&'static str>,
    /// Every word the patterns could read after a [`LEADS`] word: each run of letters in
    /// every file of `data/` and in the matcher's source, lowercased (a superset: code,
    /// comments and value columns are in it too). See [`crate::parse`]'s `lead_only`.
    pub read_words: HashSet<Box<str>>,
}

/// Triggers that start a pattern only with the word after them ("the third quarter", "a
/// week", "that day", "'90s"): every pattern that starts at one of these compares the next
/// token with a lexicon entry or a word written in the matcher, or reads it as a number or
/// punctuation. So when the next token is a word of letters in neither, no pattern starts
/// there, and the matcher does not try them (a prefilter: the matches are the same).
pub const LEADS: &[&str] = &["the", "a", "an", "that", "'"];

/// Every file of `data/`, for [`Lexicon::read_words`] (a test checks the list against the
/// folder).
pub(crate) const DATA_FILES: &[(&str, &str)] = &[
    ("after_second.txt", include_str!("../data/after_second.txt")),
    ("age_words.txt", include_str!("../data/age_words.txt")),
    ("ambiguous_months.txt", include_str!("../data/ambiguous_months.txt")),
    ("anchored_relatives.txt", include_str!("../data/anchored_relatives.txt")),
    ("attributive_before.txt", include_str!("../data/attributive_before.txt")),
    ("aux_verbs.txt", include_str!("../data/aux_verbs.txt")),
    ("clause_openers.txt", include_str!("../data/clause_openers.txt")),
    ("comparison_words.txt", include_str!("../data/comparison_words.txt")),
    ("day_predicates.tsv", include_str!("../data/day_predicates.tsv")),
    ("decade_words.tsv", include_str!("../data/decade_words.tsv")),
    ("deferrals.txt", include_str!("../data/deferrals.txt")),
    ("ed_exceptions.txt", include_str!("../data/ed_exceptions.txt")),
    ("elliptic_links.txt", include_str!("../data/elliptic_links.txt")),
    ("holidays.tsv", include_str!("../data/holidays.tsv")),
    ("implicatives.txt", include_str!("../data/implicatives.txt")),
    ("irregular_past.txt", include_str!("../data/irregular_past.txt")),
    ("modifiers.tsv", include_str!("../data/modifiers.tsv")),
    ("month_name_heads.txt", include_str!("../data/month_name_heads.txt")),
    ("month_preps.txt", include_str!("../data/month_preps.txt")),
    ("months.tsv", include_str!("../data/months.tsv")),
    ("more_words.txt", include_str!("../data/more_words.txt")),
    ("name_after_day.txt", include_str!("../data/name_after_day.txt")),
    ("nonfinite_before.txt", include_str!("../data/nonfinite_before.txt")),
    ("not_timex.txt", include_str!("../data/not_timex.txt")),
    ("not_verbs.txt", include_str!("../data/not_verbs.txt")),
    ("numbers.tsv", include_str!("../data/numbers.tsv")),
    ("ordinals.tsv", include_str!("../data/ordinals.tsv")),
    ("parts_of_day.tsv", include_str!("../data/parts_of_day.tsv")),
    ("phrases.tsv", include_str!("../data/phrases.tsv")),
    ("plan_kept.txt", include_str!("../data/plan_kept.txt")),
    ("prepositions.txt", include_str!("../data/prepositions.txt")),
    ("rate_adverbs.txt", include_str!("../data/rate_adverbs.txt")),
    ("rate_quantities.txt", include_str!("../data/rate_quantities.txt")),
    ("relatives.tsv", include_str!("../data/relatives.tsv")),
    ("reporting_verbs.txt", include_str!("../data/reporting_verbs.txt")),
    ("schedule_blockers.txt", include_str!("../data/schedule_blockers.txt")),
    ("scheduled_nouns.txt", include_str!("../data/scheduled_nouns.txt")),
    ("season_preps.txt", include_str!("../data/season_preps.txt")),
    ("seasons.tsv", include_str!("../data/seasons.tsv")),
    ("set_adjectives.txt", include_str!("../data/set_adjectives.txt")),
    ("someday_before.txt", include_str!("../data/someday_before.txt")),
    ("tense_future.txt", include_str!("../data/tense_future.txt")),
    ("tense_past_aux.txt", include_str!("../data/tense_past_aux.txt")),
    ("tense_preps.tsv", include_str!("../data/tense_preps.tsv")),
    ("tense_schedule.txt", include_str!("../data/tense_schedule.txt")),
    ("unit_links.txt", include_str!("../data/unit_links.txt")),
    ("units.tsv", include_str!("../data/units.tsv")),
    ("vague_quantities.txt", include_str!("../data/vague_quantities.txt")),
    ("vehicle_makes.txt", include_str!("../data/vehicle_makes.txt")),
    ("weekdays.tsv", include_str!("../data/weekdays.tsv")),
    ("xpos_forms.tsv", include_str!("../data/xpos_forms.tsv")),
    ("year_blockers.txt", include_str!("../data/year_blockers.txt")),
    ("year_prefixes.txt", include_str!("../data/year_prefixes.txt")),
    ("zones.txt", include_str!("../data/zones.txt")),
];

/// A file of `data/` by name, from [`DATA_FILES`] (one list of the embedded files).
fn data(name: &str) -> &'static str {
    match DATA_FILES.iter().find(|f| f.0 == name) {
        Some(f) => f.1,
        None => panic!("time lexicon: {name} is not in DATA_FILES"),
    }
}

/// The crate's source files whose code may read the tokens after a trigger: every file of
/// `src/` but [`NOT_MATCHER_SOURCES`] (a test checks the two lists against the folder, so a
/// pattern written in a new file cannot be left out of [`Lexicon::read_words`]).
pub(crate) const MATCHER_SOURCES: &[(&str, &str)] = &[
    ("lexicon.rs", include_str!("lexicon.rs")),
    ("lib.rs", include_str!("lib.rs")),
    ("parse.rs", include_str!("parse.rs")),
    ("tense.rs", include_str!("tense.rs")),
    ("token.rs", include_str!("token.rs")),
    ("value.rs", include_str!("value.rs")),
];

/// Source files that hold no matching code: the evaluation and the matcher's tests.
#[cfg(test)]
pub(crate) const NOT_MATCHER_SOURCES: &[&str] = &["eval.rs", "parse_tests.rs"];

/// Each maximal run of alphabetic chars in `src`, lowercased.
fn letter_runs(src: &str) -> impl Iterator<Item = String> + '_ {
    src.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

fn rows(src: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    src.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

fn words(src: &'static str) -> HashSet<&'static str> {
    rows(src).map(|r| r[0].trim()).collect()
}

fn map_u32(src: &'static str) -> HashMap<&'static str, u32> {
    rows(src).filter_map(|r| Some((r[0], r.get(1)?.trim().parse().ok()?))).collect()
}

fn map_str(src: &'static str) -> HashMap<&'static str, &'static str> {
    rows(src).filter_map(|r| Some((r[0], r.get(1)?.trim()))).collect()
}

fn parse_template(s: &'static str) -> Template {
    let mut parts = s.split(':');
    let head = parts.next();
    if head == Some("DAY") {
        let month = parts.next().and_then(|m| m.parse().ok());
        let day = parts.next().and_then(|d| d.parse().ok());
        if let (Some(month), Some(day)) = (month, day) {
            return Template::Day { month, day };
        }
    }
    if head == Some("REL") {
        let unit = parts.next().and_then(Unit::from_code);
        let offset = parts.next().and_then(|o| o.parse().ok());
        if let (Some(unit), Some(offset)) = (unit, offset) {
            return Template::Rel { unit, offset, part: parts.next() };
        }
    }
    Template::Literal(s.to_string())
}

fn parse_type(s: &str) -> Option<TimexType> {
    Some(match s {
        "DATE" => TimexType::Date,
        "TIME" => TimexType::Time,
        "DURATION" => TimexType::Duration,
        "SET" => TimexType::Set,
        _ => return None,
    })
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut modifiers: Vec<(Vec<&'static str>, Mod, ModScope, bool)> = rows(data("modifiers.tsv"))
            .filter_map(|r| {
                let m = Mod::from_code(r.get(1)?.trim())?;
                let scope = match r.get(2).map(|s| s.trim()) {
                    Some("dur") => ModScope::Duration,
                    Some("point") => ModScope::Point,
                    _ => ModScope::Any,
                };
                let inside = r.get(3).map(|s| s.trim()) != Some("out");
                Some((r[0].split(' ').collect(), m, scope, inside))
            })
            .collect();
        modifiers.sort_by_key(|m| std::cmp::Reverse(m.0.len()));

        let mut phrases: HashMap<_, Vec<_>> = HashMap::default();
        for r in rows(data("phrases.tsv")) {
            let (Some(ty), Some(v)) = (r.get(1).and_then(|t| parse_type(t.trim())), r.get(2)) else {
                continue;
            };
            let toks: Vec<&'static str> = r[0].split(' ').collect();
            phrases.entry(toks[0]).or_insert_with(Vec::new).push((toks, ty, parse_template(v.trim())));
        }
        for list in phrases.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
        }

        let mut holidays: HashMap<_, Vec<_>> = HashMap::default();
        for r in rows(data("holidays.tsv")) {
            let (Some(m), Some(d)) = (r.get(1).and_then(|m| m.trim().parse().ok()), r.get(2)) else {
                continue;
            };
            let d = d.trim();
            if let Some(off) = d.strip_prefix("easter") {
                let off = off.trim_start_matches('+').parse().unwrap_or(0);
                let toks: Vec<&'static str> = r[0].split(' ').collect();
                holidays.entry(toks[0]).or_default().push((toks, m, HolidayDay::Easter(off)));
                continue;
            }
            let (d, plus) = match d.split_once('+') {
                Some((d, k)) => (d, k.trim().parse().unwrap_or(0)),
                None => (d, 0),
            };
            let day = if let Some((n, wd)) = d.split_once('-') {
                let n = if n == "last" {
                    0
                } else {
                    n.trim_end_matches(char::is_alphabetic).parse().unwrap_or(1)
                };
                HolidayDay::Nth(n, wd.parse().unwrap_or(1), plus)
            } else {
                HolidayDay::Fixed(d.parse().unwrap_or(1))
            };
            // Tokens as the tokenizer makes them: "new year's day" -> new, year, ', s, day.
            let toks: Vec<&'static str> = r[0]
                .split(' ')
                .flat_map(|w| match w.strip_suffix("'s") {
                    Some(stem) => vec![stem, "'", "s"],
                    None => vec![w],
                })
                .collect();
            holidays.entry(toks[0]).or_insert_with(Vec::new).push((toks, m, day));
        }
        for list in holidays.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
        }

        let mut year_block_before = HashSet::default();
        let mut year_block_after = HashSet::default();
        let mut year_naming = HashSet::default();
        for r in rows(data("year_blockers.txt")) {
            if let Some(w) = r.get(1) {
                match r[0] {
                    "before" => year_block_before.insert(w.trim()),
                    "naming" => year_naming.insert(w.trim()),
                    _ => year_block_after.insert(w.trim()),
                };
            }
        }

        let mut not_timex: HashMap<&'static str, Vec<(Vec<&'static str>, usize)>> = HashMap::default();
        for r in rows(data("not_timex.txt")) {
            let toks: Vec<&'static str> = r[0].split(' ').collect();
            let Some(k) = toks.iter().position(|w| w.starts_with('[') && w.ends_with(']')) else {
                continue;
            };
            let trig = toks[k].trim_start_matches('[').trim_end_matches(']');
            let words = toks.iter().enumerate().map(|(j, w)| if j == k { trig } else { *w }).collect();
            not_timex.entry(trig).or_default().push((words, k));
        }

        let mut lex = Lexicon {
            triggers: HashSet::default(),
            read_words: HashSet::default(),
            months: map_u32(data("months.tsv")),
            ambiguous_months: words(data("ambiguous_months.txt")),
            month_name_heads: words(data("month_name_heads.txt")),
            month_preps: words(data("month_preps.txt")),
            weekdays: map_u32(data("weekdays.tsv")),
            numbers: map_u32(data("numbers.tsv")),
            ordinals: map_u32(data("ordinals.tsv")),
            vague_quantities: words(data("vague_quantities.txt")),
            units: rows(data("units.tsv"))
                .filter_map(|r| {
                    let u = Unit::from_code(r.get(1)?.trim())?;
                    Some((r[0], (u, r.get(2)?.trim().parse().ok()?)))
                })
                .collect(),
            seasons: map_str(data("seasons.tsv")),
            parts_of_day: map_str(data("parts_of_day.tsv")),
            zones: words(data("zones.txt")),
            relatives: rows(data("relatives.tsv"))
                .filter_map(|r| {
                    Some((r[0], (r.get(1)?.trim().parse().ok()?, r.get(2).map(|k| k.trim()) == Some("both"))))
                })
                .collect(),
            modifiers_by_first: modifiers.iter().enumerate().fold(HashMap::default(), |mut by, (k, m)| {
                by.entry(m.0[0]).or_insert_with(Vec::new).push(k);
                by
            }),
            modifiers,
            phrases,
            holidays,
            future_cues: rows(data("tense_future.txt")).fold(
                HashMap::default(),
                |mut m: HashMap<&'static str, Vec<Option<&'static str>>>, r| {
                    let next = r.get(1).map(|c| c.trim()).filter(|c| !c.is_empty());
                    m.entry(r[0].trim()).or_default().push(next);
                    m
                },
            ),
            not_timex,
            past_aux: words(data("tense_past_aux.txt")),
            schedule_verbs: words(data("tense_schedule.txt")),
            schedule_blockers: words(data("schedule_blockers.txt")),
            plan_words: rows(data("plan_kept.txt")).filter(|r| r.len() == 1).map(|r| r[0].trim()).collect(),
            day_predicates: rows(data("day_predicates.tsv"))
                .filter_map(|r| Some((r.first()?.split(' ').collect(), r.get(1)?.trim() == "then")))
                .collect(),
            plan_kept: rows(data("plan_kept.txt"))
                .filter(|r| r.len() == 2 && r[0].trim() == "kept")
                .map(|r| r[1].trim())
                .collect(),
            nonfinite_before: words(data("nonfinite_before.txt")),
            anchored_relatives: words(data("anchored_relatives.txt")),
            attributive_before: words(data("attributive_before.txt")),
            scheduled_nouns: words(data("scheduled_nouns.txt")),
            rate_quantities: words(data("rate_quantities.txt")),
            rate_adverbs: words(data("rate_adverbs.txt")),
            unit_links: words(data("unit_links.txt")),
            elliptic_links: words(data("elliptic_links.txt")),
            implicatives: words(data("implicatives.txt")),
            tense_preps: rows(data("tense_preps.tsv"))
                .filter_map(|r| Some((r[0].trim(), r.get(1)?.trim() == "deadline")))
                .collect(),
            not_verbs: words(data("not_verbs.txt")),
            irregular_past: words(data("irregular_past.txt")),
            ed_exceptions: words(data("ed_exceptions.txt")),
            name_after_day: words(data("name_after_day.txt")),
            reporting_verbs: words(data("reporting_verbs.txt")),
            aux_verbs: words(data("aux_verbs.txt")),
            age_words: words(data("age_words.txt")),
            vehicle_makes: words(data("vehicle_makes.txt")),
            comparison_words: words(data("comparison_words.txt")),
            prepositions: words(data("prepositions.txt")),
            set_adjectives: words(data("set_adjectives.txt")),
            clause_openers: words(data("clause_openers.txt")),
            after_second: words(data("after_second.txt")),
            year_prefixes: words(data("year_prefixes.txt")),
            decade_words: map_u32(data("decade_words.tsv")),
            more_words: words(data("more_words.txt")),
            season_preps: words(data("season_preps.txt")),
            someday_before: words(data("someday_before.txt")),
            deferrals: words(data("deferrals.txt")),
            year_block_before,
            year_block_after,
            year_naming,
        };
        let mut trig: HashSet<&'static str> = HashSet::default();
        trig.extend(lex.months.keys());
        trig.extend(lex.weekdays.keys());
        trig.extend(lex.units.keys());
        trig.extend(lex.numbers.keys());
        trig.extend(lex.ordinals.keys());
        trig.extend(lex.relatives.keys());
        trig.extend(lex.seasons.keys());
        trig.extend(lex.parts_of_day.keys());
        trig.extend(lex.phrases.keys());
        trig.extend(lex.holidays.keys());
        trig.extend(lex.vague_quantities.iter());
        trig.extend(lex.modifiers.iter().map(|m| m.0[0]));
        trig.extend(TRIGGER_WORDS.iter());
        lex.triggers = trig;
        let sources = DATA_FILES.iter().chain(MATCHER_SOURCES).map(|f| f.1);
        lex.read_words = sources.flat_map(letter_runs).map(String::into_boxed_str).collect();
        lex
    }
}

/// Words the patterns start with that no table lists.
const TRIGGER_WORDS: &[&str] = &[
    "the",
    "then",
    "that",
    "noon",
    "midday",
    "midnight",
    "fiscal",
    "mid",
    "q1",
    "q2",
    "q3",
    "q4",
    "h1",
    "h2",
    "'",
    "year",
    "every",
    "each",
    "half",
    "once",
    "twice",
    "latest",
    "most",
    "mondays",
    "tuesdays",
    "wednesdays",
    "thursdays",
    "fridays",
    "saturdays",
    "sundays",
];

pub(crate) static LEX: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);
