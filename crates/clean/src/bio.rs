//! Trailing author bios: "I am a journalist…", "Jane Doe covers politics for…".

use std::sync::LazyLock;

use dossier_doc::Span;
use memchr::memmem::Finder;

use crate::lexicon::Lexicon;

/// Lowercase `s` with curly apostrophes made straight and quoted passages blanked out, so
/// that first-person words inside a quotation do not count.
fn unquoted_lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_quote = false;
    for c in s.chars() {
        match c {
            '“' => in_quote = true,
            '”' => in_quote = false,
            '"' => in_quote = !in_quote,
            _ => {}
        }
        if in_quote || matches!(c, '“' | '”' | '"') {
            out.push(' ');
        } else if c == '’' {
            out.push('\'');
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

fn word_at(h: &str, start: usize, end: usize) -> bool {
    let b = h.as_bytes();
    (start == 0 || !b[start - 1].is_ascii_alphanumeric())
        && (end == b.len() || !b[end].is_ascii_alphanumeric())
}

/// First-person words outside quotations.
fn first_person(lower: &str) -> usize {
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| matches!(*w, "i" | "i'm" | "i've" | "my" | "me" | "i'd"))
        .count()
}

/// Weight of the cue phrases of `ac` found on word boundaries.
fn score(ac: &aho_corasick::AhoCorasick, weights: &[u32], h: &str) -> u32 {
    ac.find_overlapping_iter(h)
        .filter(|m| word_at(h, m.start(), m.end()))
        .map(|m| weights.get(m.pattern().as_usize()).copied().unwrap_or(0))
        .sum()
}

/// The length of the name that opens `s` ("Jane Doe covers…" → "Jane Doe"), two to four
/// capitalised words, none of them a pronoun or determiner.
fn opening_name(s: &str) -> Option<usize> {
    let mut n = 0;
    let mut end = 0;
    for (i, w) in s.split(' ').enumerate() {
        let bare = w.trim_end_matches(',');
        let capital = bare.chars().next().is_some_and(char::is_uppercase)
            && bare.chars().skip(1).all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'));
        if !capital || bare.len() != w.len() {
            if capital && n < 4 {
                // "Jane Doe, a writer…": the comma ends the name
                n += 1;
                end += w.len() + usize::from(i > 0);
            }
            break;
        }
        if i == 0
            && matches!(bare, "The" | "He" | "She" | "It" | "They" | "This" | "A" | "An" | "In" | "We" | "I")
        {
            return None;
        }
        n += 1;
        end += w.len() + usize::from(i > 0);
        if n == 4 {
            break;
        }
    }
    (2..=4).contains(&n).then_some(end)
}

static FIRST_I: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b" I "));
static FIRST_MY: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b" my "));

/// Whether the paragraph `span` reads as an author bio.
pub(crate) fn is_bio(lex: &Lexicon, text: &str, span: Span) -> bool {
    let s = span.of(text);
    if s.len() > 1200 {
        return false;
    }
    // cheap gate: a bio speaks in the first person or opens with a name
    let name = opening_name(s);
    let b = s.as_bytes();
    let first_person_hint = s.starts_with("I ")
        || s.starts_with("My ")
        || s.starts_with("With ")
        || FIRST_I.find(b).is_some()
        || FIRST_MY.find(b).is_some();
    if name.is_none() && !first_person_hint {
        return false;
    }
    let lower = unquoted_lower(s);
    let fp = first_person(&lower);
    let first = score(&lex.bio_first, &lex.bio_first_w, &lower);
    if fp >= 1 && first >= 3 {
        return true;
    }
    // third person: "<Name> is a freelance writer…", "<Name> covers politics for <Outlet>"
    let third = score(&lex.bio_third, &lex.bio_third_w, &lower);
    let Some(name_end) = name else {
        return false;
    };
    let after = lower.get(name_end..).unwrap_or("").trim_start_matches([',', ' ']);
    let verb = lex
        .bio_verbs
        .iter()
        .filter(|(v, _)| after.starts_with(v.as_str()) && word_at(after, 0, v.len()))
        .map(|(_, w)| *w)
        .max();
    if verb.is_some_and(|w| w >= 3) {
        return true;
    }
    let verb = verb.is_some();
    let appositive = s[name_end..].trim_start().starts_with(',');
    let job = lex
        .bio_jobs
        .find_iter(&lower)
        .any(|m| word_at(&lower, m.start(), m.end()) || lower[m.end()..].starts_with('s'));
    (verb || appositive) && (third >= 3 || job)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::LEXICON;

    fn bio(s: &str) -> bool {
        is_bio(&LEXICON, s, Span::new(0, s.len()))
    }

    #[test]
    fn bios() {
        assert!(bio("Mara Lind is a freelance journalist based in Tallinn who writes about energy."));
        assert!(bio("Tomas Ekberg covers city hall for the Harbor Ledger."));
        assert!(bio(
            "I am a journalist with ten years of experience, and I bring a calm eye to local courts."
        ));
    }

    #[test]
    fn not_bios() {
        assert!(!bio("He is expected to appear in court on Monday."));
        assert!(!bio("\"I am a journalist, not a spy,\" she told the court, adding that my rights matter."));
        assert!(!bio("Mara Lind is a spokeswoman for the port, which reopens on Friday."));
        assert!(!bio("The ministry said the figures would be published next week."));
    }
}
