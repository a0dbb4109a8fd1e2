//! Paragraphs: a line break ends a paragraph (so a headline or a list item is its own), a
//! blank line too, except inside hard-wrapped prose, where a line that continues the
//! sentence of the line before is joined to it.
//!
//! A line continues the one before when it starts with a lowercase letter, or when the line
//! before ends with a comma, semicolon or hyphen, or when the paragraph is already a wrapped
//! block (two or more lines) whose last line is long and has no final punctuation, or when
//! the line before ends with a word that cannot end a sentence (a title such as `Mr.`, an
//! initial, `e.g.`). A line that starts with a list marker (`-`, `*`, `•`, `1.`, `a)`)
//! always starts a paragraph.

use dossier_doc::Span;

use crate::lexicon::{AbbrevClass, LEXICON};
use crate::token::abbrev_class;

/// Lines shorter than this never count as part of a hard-wrapped block on their own.
const WRAP_MIN: usize = 40;

pub(crate) fn paragraphs(text: &str, out: &mut Vec<Span>) {
    let b = text.as_bytes();
    let mut cur: Option<Span> = None;
    let mut lines_in_cur = 0usize;
    let mut line_start = 0;
    while line_start <= b.len() {
        let line_end = match memchr::memchr(b'\n', &b[line_start..]) {
            Some(k) => line_start + k,
            None => b.len(),
        };
        let line = Span::new(line_start, line_end).trim(text);
        if line.is_empty() {
            if let Some(p) = cur.take() {
                out.push(p);
            }
            lines_in_cur = 0;
        } else {
            match cur {
                Some(p) if continues(text, p, line, lines_in_cur) => {
                    cur = Some(Span::new(p.start, line.end));
                    lines_in_cur += 1;
                }
                _ => {
                    if let Some(p) = cur.take() {
                        out.push(p);
                    }
                    cur = Some(line);
                    lines_in_cur = 1;
                }
            }
        }
        if line_end >= b.len() {
            break;
        }
        line_start = line_end + 1;
    }
    if let Some(p) = cur {
        out.push(p);
    }
}

/// Whether `line` continues paragraph `p` (whose last line is the text before `line`).
fn continues(text: &str, p: Span, line: Span, lines_in_p: usize) -> bool {
    let l = line.of(text);
    if list_marker(l).is_some() {
        return false;
    }
    let first = l.chars().next().unwrap_or(' ');
    if first.is_lowercase() {
        return true;
    }
    let prev = p.of(text);
    let last_line = match prev.rfind('\n') {
        Some(k) => &prev[k + 1..],
        None => prev,
    };
    let last = last_line.chars().next_back().unwrap_or('.');
    if matches!(last, ',' | ';' | '-' | '\u{2010}') {
        return true;
    }
    if last == '.' {
        let word = last_line.rsplit(char::is_whitespace).next().unwrap_or("");
        let stem = word.trim_start_matches(['(', '"', '“', '\'']).trim_end_matches('.');
        if !stem.is_empty()
            && matches!(
                abbrev_class(&LEXICON, stem, stem.contains('.')),
                Some(AbbrevClass::Title | AbbrevClass::Initial | AbbrevClass::Inner)
            )
        {
            return true; // "… met Gov.\nHochul …"
        }
    }
    let ends_sentence = matches!(last, '.' | '!' | '?' | ':' | '"' | '”' | '’' | '\'' | ')' | '…' | '»');
    lines_in_p >= 2 && !ends_sentence && last_line.trim().chars().count() >= WRAP_MIN
}

/// The byte length of a list marker at the start of `line` (with the space after it).
pub(crate) fn list_marker(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let mut chars = line.char_indices();
    let (_, c) = chars.next()?;
    if matches!(c, '-' | '*' | '•' | '–' | '◦' | '▪' | '·') {
        let k = c.len_utf8();
        return (b.len() > k && (b[k] == b' ' || b[k] == b'\t')).then_some(k + 1);
    }
    // "1." "12)" "a)" "(b)"
    let mut k = 0;
    if b.first() == Some(&b'(') {
        k = 1;
    }
    let digits = b[k..].iter().take_while(|c| c.is_ascii_digit()).count();
    let j = if digits > 0 && digits <= 3 {
        k + digits
    } else if b.len() > k && b[k].is_ascii_lowercase() && !b.get(k + 1).is_some_and(u8::is_ascii_alphanumeric)
    {
        k + 1
    } else {
        return None;
    };
    let close = *b.get(j)?;
    let ok = if k == 1 { close == b')' } else { close == b')' || (close == b'.' && digits > 0) };
    (ok && b.get(j + 1).is_some_and(|c| *c == b' ' || *c == b'\t')).then_some(j + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        paragraphs(text, &mut out);
        out.iter().map(|s| s.of(text)).collect()
    }

    #[test]
    fn lines_and_blank_lines_end_paragraphs() {
        assert_eq!(paras("Title here\nFirst para.\n\nSecond.\n"), ["Title here", "First para.", "Second."]);
        assert_eq!(paras("\n\n  \n"), Vec::<&str>::new());
        assert_eq!(paras("One\r\nTwo\r\n"), ["One", "Two"]);
    }

    #[test]
    fn hard_wrapped_prose_is_joined() {
        let t = "The council voted on the plan after a long debate that\nlasted well into the night, and the mayor\nSarah Okafor signed it.\nNext paragraph.";
        assert_eq!(
            paras(t),
            [
                "The council voted on the plan after a long debate that\nlasted well into the night, and the mayor\nSarah Okafor signed it.",
                "Next paragraph."
            ]
        );
        assert_eq!(paras("He said,\nAnd then left."), ["He said,\nAnd then left."]);
        assert_eq!(
            paras("The letter went to Gov.\nHochul and Dr.\nLee. Then\nNew line."),
            ["The letter went to Gov.\nHochul and Dr.\nLee. Then", "New line."]
        );
    }

    #[test]
    fn list_items_are_paragraphs() {
        assert_eq!(
            paras("Steps:\n- buy milk\n- pay rent\n1. first\n2) second\na) third"),
            ["Steps:", "- buy milk", "- pay rent", "1. first", "2) second", "a) third"]
        );
        assert_eq!(list_marker("• item"), Some(4));
        assert_eq!(list_marker("(b) item"), Some(4));
        assert_eq!(list_marker("1999. was"), None);
        assert_eq!(list_marker("I. first"), None);
        assert_eq!(list_marker("a bit"), None);
    }
}
