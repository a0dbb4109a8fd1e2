//! Small text helpers: lines, a sentence-ish splitter, word tokens, name shapes.

use dossier_doc::Span;
use memchr::memchr_iter;

use crate::lexicon::Lexicon;

/// One non-empty line of the text, trimmed.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line {
    pub span: Span,
    /// An empty line (or the start of the text) comes right before this one.
    pub blank_before: bool,
}

pub(crate) fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut blank = true;
    let ends = memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    for end in ends {
        let s = Span::new(start, end).trim(text);
        if s.is_empty() {
            blank = true;
        } else {
            out.push(Line { span: s, blank_before: blank });
            blank = false;
        }
        start = (end + 1).min(text.len());
    }
    out
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

/// Sentence-ish pieces of `span` (trimmed): ends at `.`, `!` or `?` (plus closing quotes or
/// brackets) followed by white space and an upper-case letter, digit or opening quote, unless
/// the word before the period is a known abbreviation or a single letter.
#[cfg(test)]
pub(crate) fn sentences(lex: &Lexicon, text: &str, span: Span) -> Vec<Span> {
    sentences_upto(lex, text, span, usize::MAX)
}

/// The first `limit` sentences of `span` (the last one runs to the end of the span).
pub(crate) fn sentences_upto(lex: &Lexicon, text: &str, span: Span, limit: usize) -> Vec<Span> {
    let s = span.of(text);
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            if is_closer(d) || matches!(d, '.' | '!' | '?') {
                end = j + d.len_utf8();
                it.next();
            } else {
                break;
            }
        }
        let rest = &s[end..];
        let after = rest.trim_start();
        if after.len() == rest.len() {
            continue; // no white space after
        }
        let next = match after.chars().next() {
            Some(n) => n,
            None => continue,
        };
        if !(next.is_uppercase() || next.is_ascii_digit() || matches!(next, '"' | '“' | '‘' | '(' | '\''))
        {
            continue;
        }
        if c == '.' {
            let before = &s[start..i];
            let word = before.rsplit(|ch: char| ch.is_whitespace() || ch == '(').next().unwrap_or("");
            if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
                continue; // an initial: "J. Doe"
            }
            if word.len() <= 6 && lex.abbrev.contains(word.to_lowercase().as_str()) {
                continue;
            }
        }
        let piece = Span::new(span.start + start, span.start + end).trim(text);
        if !piece.is_empty() {
            out.push(piece);
        }
        start = end;
        if out.len() + 1 >= limit {
            break;
        }
    }
    let piece = Span::new(span.start + start, span.end).trim(text);
    if !piece.is_empty() {
        out.push(piece);
    }
    out
}

const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "dos", "das", "bin", "ibn", "al",
    "el", "la", "le", "ter", "y", "st.",
];
const CONNECTORS: &[&str] = &[
    "of", "the", "and", "for", "de", "del", "la", "le", "du", "des", "al", "el", "di", "&", "on", "in", "y",
    "und", "der",
];
/// Capitalised words that start sentences or name no one.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "It",
    "This",
    "That",
    "These",
    "Those",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Its",
    "In",
    "On",
    "At",
    "As",
    "According",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "But",
    "And",
    "Or",
    "So",
    "Then",
    "There",
    "Here",
    "What",
    "Who",
    "Why",
    "How",
    "Some",
    "Many",
    "All",
    "Most",
    "No",
    "Not",
    "Staff",
    "Our",
];
/// Roles written after a byline name ("By Jane Doe, Staff Writer").
const ROLES: &[&str] = &[
    "staff",
    "writer",
    "reporter",
    "correspondent",
    "editor",
    "columnist",
    "contributor",
    "senior",
    "chief",
    "special",
    "political",
    "foreign",
    "news",
    "desk",
    "bureau",
    "team",
    "producer",
    "analyst",
    "journalist",
    "contributing",
    "associate",
    "deputy",
    "international",
    "diplomatic",
    "security",
    "business",
    "science",
    "health",
    "technology",
    "world",
    "sports",
    "opinion",
    "reports",
    "report",
];

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

fn is_domain(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    match w.rsplit_once('.') {
        Some((host, tld)) => {
            !host.is_empty()
                && (2..=6).contains(&tld.len())
                && tld.chars().all(|c| c.is_ascii_lowercase())
                && host.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-')
        }
        None => false,
    }
}

fn strip_punct(s: &str) -> &str {
    s.trim().trim_end_matches(['.', ',', ';', ':', '!', '?']).trim()
}

/// A person's name: one to five capitalised words (initials and name particles allowed).
pub(crate) fn plausible_person(s: &str) -> bool {
    let s = strip_punct(s);
    let ws: Vec<&str> = s.split_whitespace().collect();
    if ws.is_empty() || ws.len() > 5 || s.len() > 60 {
        return false;
    }
    if NOT_NAMES.contains(&ws[0]) || !starts_upper(ws[0]) {
        return false;
    }
    let mut capital = 0;
    for w in &ws {
        if w.chars().any(|c| c.is_ascii_digit() || matches!(c, '"' | '“' | '”' | '(' | ')')) {
            return false;
        }
        if starts_upper(w) {
            capital += 1;
        } else if !PARTICLES.contains(&w.to_lowercase().as_str()) {
            return false;
        }
    }
    // a lone word is a name only in capitals ("JANE") or with an initial elsewhere
    capital >= 2 || (ws.len() == 1 && ws[0].chars().count() >= 2)
}

/// A role under or after a byline ("Staff Writer", "Senior Correspondent", "Arts & Culture
/// desk"): capitalised words, at least one of them a role word.
pub(crate) fn plausible_role(s: &str) -> bool {
    let s = strip_punct(s);
    let ws: Vec<&str> = s.split_whitespace().collect();
    !ws.is_empty()
        && ws.len() <= 5
        && ws.iter().any(|w| ROLES.contains(&w.to_lowercase().as_str()))
        && plausible_role_or_place(s)
}

/// A role or place after a byline name ("Staff Writer", "Kyiv", "Senior Correspondent").
pub(crate) fn plausible_role_or_place(s: &str) -> bool {
    let s = strip_punct(s);
    let ws: Vec<&str> = s.split_whitespace().collect();
    if ws.is_empty() || ws.len() > 5 {
        return false;
    }
    ws.iter().all(|w| {
        starts_upper(w)
            || ROLES.contains(&w.to_lowercase().as_str())
            || CONNECTORS.contains(&w.to_lowercase().as_str())
    })
}

/// The outlet named by `s`: a known one (canonical name) or a capitalised name of at most six
/// words that does not read as a sentence.
pub(crate) fn outlet_name(lex: &Lexicon, s: &str) -> Option<String> {
    let s = strip_punct(s);
    if s.is_empty() || s.len() > 60 {
        return None;
    }
    if let Some(k) = lex.known_outlet(s) {
        return Some(k.to_string());
    }
    let ws: Vec<&str> = s.split_whitespace().collect();
    if ws.is_empty() || ws.len() > 6 {
        return None;
    }
    let first = ws[0];
    if !(starts_upper(first) || first.starts_with(|c: char| c.is_ascii_digit()) || is_domain(first)) {
        return None;
    }
    if ws.len() == 1 && NOT_NAMES.contains(&first) {
        return None;
    }
    if ws.len() > 1 && NOT_NAMES.contains(&first) && first != "The" {
        return None;
    }
    let mut named = 0;
    for w in &ws {
        let lw = w.to_lowercase();
        if starts_upper(w) || w.starts_with(|c: char| c.is_ascii_digit()) || is_domain(w) {
            if !NOT_NAMES.contains(w) {
                named += 1;
            }
        } else if !CONNECTORS.contains(&lw.as_str()) {
            return None;
        }
    }
    (named > 0).then(|| s.to_string())
}

/// The capitalised name at the start of `s` ("Skai.gr and is republished…" → "Skai.gr").
pub(crate) fn leading_name(s: &str) -> &str {
    let s = s.trim_start();
    let mut end = 0;
    let mut last_good = 0;
    for (i, w) in s.split_inclusive(char::is_whitespace).scan(0usize, |pos, w| {
        let at = *pos;
        *pos += w.len();
        Some((at, w))
    }) {
        let bare = w.trim();
        let stop_after = bare.ends_with([',', ';', ':', '.', '!', '?']) && !is_domain(bare);
        let core = strip_punct(bare);
        let lw = core.to_lowercase();
        let ok_word = !core.is_empty()
            && (starts_upper(core)
                || core.starts_with(|c: char| c.is_ascii_digit())
                || is_domain(core)
                || CONNECTORS.contains(&lw.as_str()));
        if !ok_word {
            break;
        }
        end = i + w.trim_end().len();
        if !CONNECTORS.contains(&lw.as_str()) || i == 0 {
            last_good = end;
        }
        if stop_after {
            break;
        }
    }
    let _ = end;
    strip_punct(&s[..last_good])
}

/// Lines (or text) that end like a sentence.
pub(crate) fn ends_like_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\'', '”', '’', ')', ']']);
    t.ends_with(['.', '!', '?', '…'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::LEXICON;

    #[test]
    fn splits_sentences_not_abbreviations() {
        let t = "Mr. Doe left at 5 p.m. on Friday. He said \"no.\" Then J. Roe spoke! Done";
        let s: Vec<&str> = sentences(&LEXICON, t, Span::new(0, t.len())).iter().map(|s| s.of(t)).collect();
        assert_eq!(
            s,
            vec!["Mr. Doe left at 5 p.m. on Friday.", "He said \"no.\"", "Then J. Roe spoke!", "Done"]
        );
    }

    #[test]
    fn names_and_outlets() {
        assert!(plausible_person("Jane Doe"));
        assert!(plausible_person("Ana de la Cruz"));
        assert!(!plausible_person("the end of the year"));
        assert!(!plausible_person("The Minister"));
        assert_eq!(outlet_name(&LEXICON, "AP").as_deref(), Some("Associated Press"));
        assert_eq!(
            outlet_name(&LEXICON, "Northern Lantern Gazette").as_deref(),
            Some("Northern Lantern Gazette")
        );
        assert_eq!(outlet_name(&LEXICON, "the ministry said"), None);
        assert_eq!(leading_name("Skai.gr and is republished here"), "Skai.gr");
        assert_eq!(leading_name("The Associated Press. All rights"), "The Associated Press");
        assert_eq!(leading_name("Harbor Ledger and Pine Daily."), "Harbor Ledger and Pine Daily");
    }
}
