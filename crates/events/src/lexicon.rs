//! The data files under `data/`, parsed once into lookup tables.

use std::hash::{BuildHasherDefault, Hasher};

use std::sync::LazyLock;

use crate::{EventError, EventType, Qualifier, Relation};

/// The Fx hash (rustc's): word lookups dominate the run time and need no DoS resistance.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl Hasher for Fx {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
    }
    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<Fx>>;

/// A table of word sequences keyed by their first word; lookups find the longest match.
#[derive(Debug)]
pub(crate) struct Phrases<T> {
    by_first: HashMap<String, Vec<(Vec<String>, T)>>,
    /// The first bytes and the longest length of the keys of `by_first`: most words are
    /// turned away by these before they are hashed.
    first_bytes: [bool; 256],
    longest_first: usize,
}

impl<T> Default for Phrases<T> {
    fn default() -> Self {
        Phrases { by_first: HashMap::default(), first_bytes: [false; 256], longest_first: 0 }
    }
}

impl<T> Phrases<T> {
    fn insert(&mut self, phrase: &str, value: T) {
        let words: Vec<String> = phrase.split_whitespace().map(str::to_owned).collect();
        if let Some(first) = words.first().cloned() {
            // (Split words are never empty.)
            self.first_bytes[usize::from(first.as_bytes()[0])] = true;
            self.longest_first = self.longest_first.max(first.len());
            let list = self.by_first.entry(first).or_default();
            list.push((words, value));
            // Longest first, so the first match is the longest.
            list.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        }
    }

    fn contains(&self, phrase: &str) -> bool {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        words.first().and_then(|f| self.by_first.get(*f)).is_some_and(|list| {
            list.iter().any(|(w, _)| w.len() == words.len() && w.iter().zip(&words).all(|(a, b)| a == b))
        })
    }

    /// The longest entry whose words are `words[i..]`'s prefix: (number of words, value).
    pub(crate) fn longest<'s, S: AsRef<str>>(&'s self, words: &[S], i: usize) -> Option<(usize, &'s T)> {
        let w = words.get(i)?.as_ref();
        if w.len() > self.longest_first || !self.first_bytes[usize::from(*w.as_bytes().first()?)] {
            return None; // no key starts so or is so long ("" is no key either)
        }
        let list = self.by_first.get(w)?;
        list.iter().find_map(|(ws, v)| {
            let ok = ws.len() <= words.len() - i && ws.iter().zip(&words[i..]).all(|(a, b)| a == b.as_ref());
            ok.then_some((ws.len(), v))
        })
    }

    /// Every entry ending exactly before `words[end]`, longest first: (start index, value).
    pub(crate) fn ending_at<'s, S: AsRef<str>>(
        &'s self,
        words: &[S],
        end: usize,
        max: usize,
    ) -> Option<(usize, &'s T)> {
        let mut best: Option<(usize, &T)> = None;
        for n in 1..=max.min(end) {
            let start = end - n;
            if let Some((len, v)) = self.longest(&words[..end], start) {
                if len == n {
                    best = Some((start, v));
                }
            }
        }
        best
    }
}

/// POS constraint of a trigger's first word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PosReq {
    Noun,
    Verb,
    Any,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Trigger {
    /// `None`: the phrase blocks every event ("under fire").
    pub ty: Option<EventType>,
    pub pos: PosReq,
    pub casualty: bool,
    pub nomod: bool,
    pub attr: bool,
    pub nonew: bool,
    /// Only when its object names people ("captured two suspects", not "captured the town").
    pub person: bool,
}

#[derive(Clone, Debug)]
pub(crate) struct TypeInfo {
    pub merge_all: bool,
    pub hosts: bool,
    /// Only a place phrase right after the trigger.
    pub adjacent_place: bool,
    /// A plan told with a modal of the future in the past ("said they would meet in Hanoi")
    /// is a happening of the type, not a possibility.
    pub planned: bool,
    pub summary: String,
    pub stances: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumKind {
    Unit,
    Ten,
    Scale,
    Alone,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct NumWord {
    pub value: u64,
    pub kind: NumKind,
    pub qualifier: Qualifier,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct QualPhrase {
    pub qualifier: Qualifier,
    pub adjust: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    After,
    Before,
    Both,
}

#[derive(Clone, Debug)]
pub(crate) struct CountCue {
    pub what: &'static str,
    pub side: Side,
    pub events: Vec<EventType>,
}

#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    pub triggers: Phrases<Trigger>,
    pub types: HashMap<EventType, TypeInfo>,
    pub numbers: Phrases<NumWord>,
    pub qualifiers: Phrases<QualPhrase>,
    pub counts: HashMap<String, CountCue>,
    /// Count cues of several words, all after the number ("forcing 600 people from their
    /// homes").
    pub count_phrases: Phrases<CountCue>,
    /// Per word, the bits of its classes (`words.tsv`, plus [`TRIGGER`] and [`NUMBER`] for the
    /// first words of triggers and numbers).
    pub words: HashMap<String, u64>,
    pub stance_verbs: HashMap<String, String>,
    /// Nouns of one person in a role (`persons.tsv`): "the ferry's captain and two crew
    /// members" counts the captain too.
    pub persons: HashMap<String, ()>,
    /// "the same day", "later that night", "a day later": days after the last date told.
    pub same_day: Phrases<i64>,
    /// Length in bytes of the longest word in `words`.
    pub longest_word: usize,
}

/// The `what` values of the contract.
const WHATS: [&str; 9] =
    ["killed", "injured", "arrested", "missing", "evacuated", "displaced", "rescued", "detained", "affected"];

/// Word classes of `words.tsv`.
const CLASSES: [&str; 34] = [
    "counted_pp",
    "habitual",
    "afterwards",
    "placing_after",
    "placing_before",
    "when_clause",
    "visit",
    "plan_modal",
    "named_place",
    "tally",
    "earlier_figure",
    "aside",
    "continuation",
    "clock",
    "toll_verb",
    "clause_start",
    "update",
    "hypothetical",
    "locative",
    "place_head",
    "definite",
    "indefinite",
    "distinct",
    "negation",
    "negative_determiner",
    "anaphoric",
    "passive",
    "relation_before",
    "relation_after",
    "relation_during",
    "count_filler",
    "report_participle",
    "class",
    "ruling",
];

/// Class bit of the first word of a trigger phrase.
pub(crate) const TRIGGER: u64 = 1 << 63;
/// Class bit of the first word of a number phrase.
pub(crate) const NUMBER: u64 = 1 << 62;

// Every class has a bit below NUMBER's.
const _: () = assert!(CLASSES.len() <= 62);

/// The bit of a class of `words.tsv`.
pub(crate) fn class_bit(class: &str) -> u64 {
    CLASSES.iter().position(|c| *c == class).map_or(0, |i| 1 << i)
}

/// The relation a placing word (`words.tsv` `placing_after` / `placing_before`) gives what it
/// names, from the word's class bits: "arrested after the vote" is `after` the vote.
pub(crate) fn placing(bits: u64) -> Option<Relation> {
    if bits & class_bit("placing_before") != 0 {
        Some(Relation::Before)
    } else if bits & class_bit("placing_after") != 0 {
        Some(Relation::After)
    } else {
        None
    }
}

impl Lexicon {
    pub(crate) fn is(&self, class: &'static str, word: &str) -> bool {
        self.bits(word) & class_bit(class) != 0
    }

    pub(crate) fn bits(&self, word: &str) -> u64 {
        // Most punctuation, numbers and long words are in no class: skip the hash.
        let first = word.as_bytes().first().copied().unwrap_or(0);
        if word.len() > self.longest_word || !(first.is_ascii_lowercase() || first == b'\'' || first >= 0x80)
        {
            return 0;
        }
        self.words.get(word).copied().unwrap_or(0)
    }
}

fn rows(file: &'static str, text: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    let _ = file;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

/// The regular English plural of a noun ("alert" → "alerts", "crash" → "crashes", "casualty"
/// → "casualties").
fn plural_of(word: &str) -> String {
    let b = word.as_bytes();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    if word.ends_with('s') || word.ends_with('x') || word.ends_with("ch") || word.ends_with("sh") {
        format!("{word}es")
    } else if b.len() > 1 && b[b.len() - 1] == b'y' && !vowel(b[b.len() - 2]) {
        format!("{}ies", &word[..word.len() - 1])
    } else {
        format!("{word}s")
    }
}

pub(crate) fn load() -> Result<Lexicon, EventError> {
    let mut lex = Lexicon::default();
    let bad = |file: &'static str, line: usize| EventError::Data { file, line };

    let f = "types.tsv";
    for (n, c) in rows(f, include_str!("../data/types.tsv")) {
        if c.len() != 7 {
            return Err(bad(f, n));
        }
        let adjacent_place = match c[5] {
            "any" => false,
            "adjacent" => true,
            _ => return Err(bad(f, n)),
        };
        let ty = EventType::parse(c[0]).ok_or(bad(f, n))?;
        let merge_all = match c[1] {
            "all" => true,
            "definite" => false,
            _ => return Err(bad(f, n)),
        };
        let hosts = match c[2] {
            "yes" => true,
            "no" => false,
            _ => return Err(bad(f, n)),
        };
        let planned = match c[6] {
            "yes" => true,
            "no" => false,
            _ => return Err(bad(f, n)),
        };
        let stances = if c[4] == "-" { Vec::new() } else { c[4].split(',').map(str::to_owned).collect() };
        for s in &stances {
            dossier_attribution::Stance::parse(s).ok_or(bad(f, n))?;
        }
        lex.types.insert(
            ty,
            TypeInfo { merge_all, hosts, adjacent_place, planned, summary: c[3].to_owned(), stances },
        );
    }
    if lex.types.len() != EventType::ALL.len() {
        return Err(bad(f, 0));
    }

    let f = "triggers.tsv";
    let mut nouns: Vec<(String, Trigger)> = Vec::new();
    for (n, c) in rows(f, include_str!("../data/triggers.tsv")) {
        if c.len() != 4 || c[0].is_empty() {
            return Err(bad(f, n));
        }
        let ty = if c[1] == "-" { None } else { Some(EventType::parse(c[1]).ok_or(bad(f, n))?) };
        let pos = match c[2] {
            "N" => PosReq::Noun,
            "V" => PosReq::Verb,
            "*" => PosReq::Any,
            _ => return Err(bad(f, n)),
        };
        let mut t =
            Trigger { ty, pos, casualty: false, nomod: false, attr: false, nonew: false, person: false };
        for flag in c[3].split(',') {
            match flag {
                "-" => {}
                "casualty" => t.casualty = true,
                "nomod" => t.nomod = true,
                "attr" => t.attr = true,
                "nonew" => t.nonew = true,
                "person" => t.person = true,
                _ => return Err(bad(f, n)),
            }
        }
        lex.triggers.insert(c[0], t);
        if pos == PosReq::Noun {
            nouns.push((c[0].to_owned(), t));
        }
    }
    // A noun trigger's plural ("landslides", "red alerts") unless the file lists it itself.
    for (phrase, t) in nouns {
        let plural = match phrase.rsplit_once(' ') {
            Some((head, last)) => format!("{head} {}", plural_of(last)),
            None => plural_of(&phrase),
        };
        if !lex.triggers.contains(&plural) {
            lex.triggers.insert(&plural, t);
        }
    }

    let f = "numbers.tsv";
    for (n, c) in rows(f, include_str!("../data/numbers.tsv")) {
        if c.len() != 4 {
            return Err(bad(f, n));
        }
        let value: u64 = c[1].parse().map_err(|_| bad(f, n))?;
        let kind = match c[2] {
            "unit" => NumKind::Unit,
            "ten" => NumKind::Ten,
            "scale" => NumKind::Scale,
            "alone" => NumKind::Alone,
            _ => return Err(bad(f, n)),
        };
        let qualifier = Qualifier::parse(c[3]).ok_or(bad(f, n))?;
        lex.numbers.insert(c[0], NumWord { value, kind, qualifier });
    }

    let f = "qualifiers.tsv";
    for (n, c) in rows(f, include_str!("../data/qualifiers.tsv")) {
        if c.len() != 3 {
            return Err(bad(f, n));
        }
        let qualifier = Qualifier::parse(c[1]).ok_or(bad(f, n))?;
        let adjust: i64 = c[2].parse().map_err(|_| bad(f, n))?;
        lex.qualifiers.insert(c[0], QualPhrase { qualifier, adjust });
    }

    let f = "counts.tsv";
    for (n, c) in rows(f, include_str!("../data/counts.tsv")) {
        if c.len() != 4 {
            return Err(bad(f, n));
        }
        let what = WHATS.iter().copied().find(|w| *w == c[1]).ok_or(bad(f, n))?;
        let side = match c[2] {
            "after" => Side::After,
            "before" => Side::Before,
            "both" => Side::Both,
            _ => return Err(bad(f, n)),
        };
        let events =
            c[3].split(',').map(|e| EventType::parse(e).ok_or(bad(f, n))).collect::<Result<Vec<_>, _>>()?;
        let cue = CountCue { what, side, events };
        if c[0].contains(' ') {
            // A phrase is read after the number only.
            if side != Side::After {
                return Err(bad(f, n));
            }
            lex.count_phrases.insert(c[0], cue);
        } else {
            lex.counts.insert(c[0].to_owned(), cue);
        }
    }

    let f = "words.tsv";
    for (n, c) in rows(f, include_str!("../data/words.tsv")) {
        if c.len() != 2 {
            return Err(bad(f, n));
        }
        let class = CLASSES.iter().copied().find(|k| *k == c[0]).ok_or(bad(f, n))?;
        if class != "class" {
            *lex.words.entry(c[1].to_owned()).or_default() |= class_bit(class);
        }
    }
    let firsts: Vec<String> = lex.triggers.by_first.keys().cloned().collect();
    for w in firsts {
        *lex.words.entry(w).or_default() |= TRIGGER;
    }
    let firsts: Vec<String> = lex.numbers.by_first.keys().cloned().collect();
    for w in firsts {
        *lex.words.entry(w.clone()).or_default() |= NUMBER;
        // The parts of hyphenated number words ("twenty-five").
        for part in w.split('-') {
            *lex.words.entry(part.to_owned()).or_default() |= NUMBER;
        }
    }
    lex.longest_word = lex.words.keys().map(String::len).max().unwrap_or(0);
    let f = "same_day.tsv";
    for (n, c) in rows(f, include_str!("../data/same_day.tsv")) {
        if c.len() != 2 {
            return Err(bad(f, n));
        }
        let days: i64 = c[1].parse().map_err(|_| bad(f, n))?;
        lex.same_day.insert(c[0], days);
    }
    let f = "persons.tsv";
    for (n, c) in rows(f, include_str!("../data/persons.tsv")) {
        if c.len() != 1 || c[0].is_empty() || c[0] != c[0].to_lowercase() {
            return Err(bad(f, n));
        }
        lex.persons.insert(c[0].to_owned(), ());
        lex.persons.insert(plural_of(c[0]), ());
    }
    let f = "stance_verbs.tsv";
    for (n, c) in rows(f, include_str!("../data/stance_verbs.tsv")) {
        if c.len() != 2 {
            return Err(bad(f, n));
        }
        dossier_attribution::Stance::parse(c[0]).ok_or(bad(f, n))?;
        lex.stance_verbs.insert(c[0].to_owned(), c[1].to_owned());
    }
    Ok(lex)
}

pub(crate) static LEX: LazyLock<Lexicon> = LazyLock::new(|| match load() {
    Ok(l) => l,
    Err(e) => {
        // A build defect caught by the tests (`check_data`); run with empty tables.
        tracing::error!("event data files: {e}");
        Lexicon::default()
    }
});

#[cfg(test)]
mod tests {
    use super::Phrases;

    #[test]
    fn longest_finds_the_longest_phrase_and_turns_away_other_words() {
        let mut p: Phrases<u8> = Phrases::default();
        p.insert("the next day", 1);
        p.insert("the day", 2);
        p.insert("afterwards", 3);
        let w = ["on", "the", "next", "day", "", "then", "afterwardsly", "afterwards"];
        assert_eq!(p.longest(&w, 1), Some((3, &1)));
        assert_eq!(p.longest(&["the", "day"], 0), Some((2, &2)));
        // A key's first byte but no key; longer than every key; empty; past the end.
        assert_eq!(p.longest(&w, 5), None);
        assert_eq!(p.longest(&w, 6), None);
        assert_eq!(p.longest(&w, 4), None);
        assert_eq!(p.longest(&w, 99), None);
        assert_eq!(p.longest(&w, 7), Some((1, &3)));
        // A phrase cut off by the end of the words does not match.
        assert_eq!(p.longest(&["the", "next"], 0), None);
    }
}
