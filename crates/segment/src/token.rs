//! Tokens in the manner of UD English EWT, scanned byte by byte.
//!
//! Whitespace separates chunks; inside a chunk, punctuation is split off, contractions and
//! possessives are split (`don't` → `do` `n't`, `Putin’s` → `Putin` `’s`), hyphens are split
//! off except after a listed prefix or between digits (EWT writes `al - Qaeda`,
//! `24 - year - old` but `e-mail`, `anti-war`, `2024-03-27`), numbers keep their separators
//! (`1,000,000` `3.5` `10:30`), abbreviations keep their period (`U.S.` `Mr.`), and URLs,
//! emails, @handles and #hashtags stay whole.

use dossier_doc::Span;

use crate::lexicon::{AbbrevClass, Lexicon};
use crate::{Token, TokenKind};

// Byte classes of ASCII; every byte >= 0x80 is HIGH (decode the char to classify it).
const SP: u8 = 1;
const AL: u8 = 2;
const PU: u8 = 3;
const SY: u8 = 4;
const HI: u8 = 5;

static CLASS: [u8; 256] = {
    let mut t = [HI; 256];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        t[i] = if c == b' ' || c == b'\t' || c == b'\n' || c == b'\r' || c == 0x0b || c == 0x0c {
            SP
        } else if c.is_ascii_alphanumeric() || c == b'_' {
            AL
        } else if matches!(
            c,
            b'$' | b'%'
                | b'&'
                | b'*'
                | b'+'
                | b'<'
                | b'='
                | b'>'
                | b'^'
                | b'|'
                | b'~'
                | b'\\'
                | b'`'
                | b'#'
                | b'@'
        ) {
            SY
        } else if c < 0x20 || c == 0x7f {
            SP
        } else {
            PU
        };
        i += 1;
    }
    t
};

/// Classification of one char: what the scanner needs.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Cls {
    Space,
    Alnum,
    Punct,
    Symbol,
}

#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (b as char, 1)
    } else {
        match text[i..].chars().next() {
            Some(c) => (c, c.len_utf8()),
            None => ('\u{fffd}', 1),
        }
    }
}

#[inline]
fn classify_char(c: char) -> Cls {
    if c.is_ascii() {
        return match CLASS[c as usize] {
            SP => Cls::Space,
            AL => Cls::Alnum,
            PU => Cls::Punct,
            _ => Cls::Symbol,
        };
    }
    if c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}' | '\u{2060}') {
        Cls::Space
    } else if c.is_alphanumeric() || ('\u{0300}'..='\u{036f}').contains(&c) || c == '\u{00ad}' {
        Cls::Alnum
    } else if matches!(
        c,
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}' | '«' | '»' | '¡' | '¿' | '·' | '§' | '¶'
            | '\u{3001}' | '\u{3002}' | '\u{300c}'..='\u{300f}'
    ) {
        Cls::Punct
    } else {
        Cls::Symbol
    }
}

/// The class and length of the char at byte `i`.
#[inline]
fn class_at(text: &str, i: usize) -> (Cls, char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        let c = match CLASS[b as usize] {
            SP => Cls::Space,
            AL => Cls::Alnum,
            PU => Cls::Punct,
            _ => Cls::Symbol,
        };
        (c, b as char, 1)
    } else {
        let (ch, l) = char_at(text, i);
        (classify_char(ch), ch, l)
    }
}

#[inline]
fn is_alnum_at(text: &str, i: usize) -> bool {
    i < text.len() && class_at(text, i).0 == Cls::Alnum
}

#[inline]
fn is_digit_at(text: &str, i: usize) -> bool {
    i < text.len() && text.as_bytes()[i].is_ascii_digit()
}

#[inline]
fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Tokenize all of `text`, appending to `out`.
pub(crate) fn tokenize(text: &str, lex: &Lexicon, out: &mut Vec<Token>) {
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    while i < n {
        // Skip whitespace.
        let c = b[i];
        if c < 0x80 {
            if CLASS[c as usize] == SP {
                i += 1;
                continue;
            }
        } else {
            let (ch, l) = char_at(text, i);
            if classify_char(ch) == Cls::Space {
                i += l;
                continue;
            }
        }
        i = Chunk { text, lex, out, end: None }.run(i);
    }
}

struct Chunk<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    out: &'a mut Vec<Token>,
    /// Where the chunk (the run of non-space chars) ends, once looked up: most tokens are
    /// scanned without it, since whitespace stops every scan anyway.
    end: Option<usize>,
}

impl Chunk<'_> {
    #[inline]
    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        if start < end {
            self.out.push(Token { span: Span::new(start, end), kind });
        }
    }

    /// Tokenize the chunk starting at `p`; return where it ends.
    fn run(&mut self, mut p: usize) -> usize {
        let text = self.text;
        let b = text.as_bytes();
        let e = b.len();
        while p < e {
            let (cls, ch, l) = class_at(text, p);
            if cls == Cls::Space {
                return p;
            }
            if cls == Cls::Alnum {
                if let Some(q) = self.url(p) {
                    p = q;
                } else {
                    p = self.word(p);
                }
                continue;
            }
            // Symbols and punctuation.
            match ch {
                '.' | '!' | '?' => {
                    if ch == '.'
                        && is_digit_at(text, p + 1)
                        && (p == 0 || classify_char(last_char(text, p).0) != Cls::Alnum)
                    {
                        // ".5"
                        p = self.word(p);
                        continue;
                    }
                    let mut q = p + 1;
                    while q < e && matches!(b[q], b'.' | b'!' | b'?') {
                        q += 1;
                    }
                    self.push(p, q, TokenKind::Punct);
                    p = q;
                }
                '-' => {
                    let mut q = p + 1;
                    while q < e && b[q] == b'-' {
                        q += 1;
                    }
                    self.push(p, q, TokenKind::Punct);
                    p = q;
                }
                '#' | '@'
                    if p + 1 < e && is_alnum_at(text, p + 1) && !(ch == '#' && is_digit_at(text, p + 1)) =>
                {
                    let mut q = p + 1;
                    while q < e {
                        let (c2, _, l2) = class_at(text, q);
                        if c2 != Cls::Alnum {
                            break;
                        }
                        q += l2;
                    }
                    let kind = if ch == '#' { TokenKind::Hashtag } else { TokenKind::Handle };
                    self.push(p, q, kind);
                    p = q;
                }
                '\'' | '’' if self.elision(p).is_some() => {
                    let q = self.elision(p).unwrap_or(p + l);
                    self.push(p, q, TokenKind::Word);
                    p = q;
                }
                _ => {
                    if matches!(ch, ':' | ';' | '<' | '^') {
                        if let Some(q) = self.emoticon(p) {
                            self.push(p, q, TokenKind::Symbol);
                            p = q;
                            continue;
                        }
                    }
                    let kind = if cls == Cls::Symbol { TokenKind::Symbol } else { TokenKind::Punct };
                    // Runs of one mark stay one token (`====`, `***`, `>>`), and so do
                    // doubled quote marks (`''`, `’’`, ``` `` ```).
                    let mut q = p + l;
                    if matches!(
                        ch,
                        '=' | '*'
                            | '<'
                            | '>'
                            | '~'
                            | '_'
                            | '+'
                            | '#'
                            | '^'
                            | '|'
                            | '/'
                            | '\\'
                            | '`'
                            | '\''
                            | '’'
                            | '‘'
                    ) {
                        while q < e && text[q..].starts_with(ch) {
                            q += l;
                        }
                        if matches!(ch, '\'' | '’' | '‘') && q - p > 2 * l {
                            q = p + l; // only pairs of quote marks
                        }
                    } else if ch == '‘' && text[q..].starts_with('’') {
                        q += '’'.len_utf8();
                    }
                    self.push(p, q, kind);
                    p = q;
                }
            }
        }
        e
    }

    fn chunk_end(&mut self, p: usize) -> usize {
        if let Some(e) = self.end {
            return e;
        }
        let text = self.text;
        let mut q = p;
        while q < text.len() {
            let (c, _, l) = class_at(text, q);
            if c == Cls::Space {
                break;
            }
            q += l;
        }
        self.end = Some(q);
        q
    }

    fn emoticon(&self, p: usize) -> Option<usize> {
        let rest = &self.text[p..];
        let e = self.lex.emoticons.iter().find(|e| rest.starts_with(e.as_str()))?;
        let q = p + e.len();
        // ":D" must not be the start of a word (":Done").
        if is_alnum_at(self.text, q) {
            return None;
        }
        Some(q)
    }

    /// A leading apostrophe that belongs to the word: '90s, 'n', 'em, 'til, 'cause.
    fn elision(&self, p: usize) -> Option<usize> {
        let text = self.text;
        let (_, al) = char_at(text, p);
        let s = p + al;
        let mut q = s;
        while is_alnum_at(text, q) {
            q += char_at(text, q).1;
        }
        let w = &text[s..q];
        if w.is_empty() {
            return None;
        }
        let digits = w.bytes().take_while(|b| b.is_ascii_digit()).count();
        if digits == 2 && (w.len() == 2 || &w[2..] == "s") {
            return Some(q);
        }
        if w == "n" && q < text.len() && is_apostrophe(char_at(text, q).0) {
            return Some(q + char_at(text, q).1);
        }
        if matches!(w, "em" | "til" | "cause" | "bout" | "tis") {
            return Some(q);
        }
        None
    }

    fn url(&mut self, p: usize) -> Option<usize> {
        if !matches!(self.text.as_bytes()[p] | 0x20, b'h' | b'f' | b'w' | b'm') {
            return None;
        }
        let end = self.chunk_end(p);
        let rest = &self.text.as_bytes()[p..end];
        let has = |pre: &[u8]| rest.len() > pre.len() && rest[..pre.len()].eq_ignore_ascii_case(pre);
        if !(has(b"http://") || has(b"https://") || has(b"ftp://") || has(b"www.") || has(b"mailto:")) {
            return None;
        }
        let mut q = end;
        let opens = rest.iter().filter(|&&c| c == b'(').count();
        let mut closes = rest.iter().filter(|&&c| c == b')').count();
        while q > p {
            let (c, l) = last_char(self.text, q);
            let trim = match c {
                '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '”' | '’' | '»' | ']' | '}' | '>' => {
                    true
                }
                ')' if closes > opens => {
                    closes -= 1;
                    true
                }
                _ => false,
            };
            if !trim {
                break;
            }
            q -= l;
        }
        if q <= p + 4 {
            return None;
        }
        self.push(p, q, TokenKind::Url);
        Some(q)
    }

    fn email(&mut self, p: usize) -> Option<usize> {
        let b = self.text.as_bytes();
        // The local part runs straight to an `@`.
        let mut at = p;
        while at < b.len()
            && (b[at].is_ascii_alphanumeric() || matches!(b[at], b'.' | b'_' | b'%' | b'+' | b'-'))
        {
            at += 1;
        }
        if at >= b.len() || b[at] != b'@' || at == p {
            return None;
        }
        let end = self.chunk_end(p);
        let mut q = at + 1;
        while q < end && (b[q].is_ascii_alphanumeric() || matches!(b[q], b'.' | b'-' | b'_')) {
            q += 1;
        }
        while q > at + 1 && matches!(b[q - 1], b'.' | b'-') {
            q -= 1;
        }
        let domain = &b[at + 1..q];
        // user@host.example, or a mail-system address like Jane.Doe@ENRON.
        let host = domain.len() >= 2 && domain.iter().all(|c| c.is_ascii_uppercase() || *c == b'_');
        if !host {
            let dot = domain.iter().rposition(|&c| c == b'.')?;
            if dot == 0 || dot + 1 >= domain.len() {
                return None;
            }
        }
        self.push(p, q, TokenKind::Email);
        Some(q)
    }

    /// Scan a word or number starting at alnum `p`; emit it (and any clitic); return the end.
    fn word(&mut self, p: usize) -> usize {
        let text = self.text;
        let b = text.as_bytes();
        let e = b.len();
        let mut q = p;
        let mut has_letter = false;
        let mut has_inner_dot = false;
        loop {
            // A run of alnum chars.
            while q < e {
                let c = b[q];
                if c < 0x80 {
                    if CLASS[c as usize] != AL {
                        break;
                    }
                    has_letter |= c.is_ascii_alphabetic();
                    q += 1;
                } else {
                    let (ch, l) = char_at(text, q);
                    if classify_char(ch) != Cls::Alnum {
                        break;
                    }
                    has_letter |= ch.is_alphabetic();
                    q += l;
                }
            }
            if q >= e {
                break;
            }
            let (ch, l) = char_at(text, q);
            let prev_digit = q > p && b[q - 1].is_ascii_digit();
            let next = q + l;
            let joined = match ch {
                '.' => {
                    let ok = is_alnum_at(text, next);
                    has_inner_dot |= ok;
                    ok
                }
                ',' => {
                    prev_digit
                        && next + 3 <= e
                        && b[next..next + 3].iter().all(u8::is_ascii_digit)
                        && !is_digit_at(text, next + 3)
                }
                ':' | '/' => prev_digit && is_digit_at(text, next),
                '-' | '‑' => {
                    (prev_digit && is_digit_at(text, next))
                        || (is_alnum_at(text, next) && self.lex.is_prefix(&text[p..q]))
                }
                '@' => {
                    if let Some(end) = self.email(p) {
                        return end;
                    }
                    false
                }
                '&' => q > p && b[q - 1].is_ascii_alphabetic() && next < e && b[next].is_ascii_alphabetic(),
                '\'' | '’' => {
                    // Contractions and possessives.
                    let mut r = next;
                    while r < e && b[r].is_ascii_alphabetic() {
                        r += 1;
                    }
                    let clitic = &text[next..r];
                    let ends = r >= e || !is_alnum_at(text, r);
                    if ends
                        && clitic.eq_ignore_ascii_case("t")
                        && q - p >= 2
                        && matches!(b[q - 1], b'n' | b'N')
                    {
                        let stem = q - 1;
                        self.emit_word(p, stem, has_letter);
                        self.push(stem, r, TokenKind::Clitic);
                        return r;
                    }
                    if ends
                        && ["s", "re", "ve", "ll", "d", "m"].iter().any(|c| clitic.eq_ignore_ascii_case(c))
                    {
                        self.emit_word(p, q, has_letter);
                        self.push(q, r, TokenKind::Clitic);
                        return r;
                    }
                    // O'Brien, rock'n'roll: the apostrophe is inside a name.
                    !clitic.is_empty() && has_letter
                }
                _ => false,
            };
            if !joined {
                // jo-doe@example.com, name...@example.com: the local part goes on past
                // a mark the word stops at.
                if matches!(ch, '.' | '-' | '+' | '%') {
                    if let Some(end) = self.email(p) {
                        return end;
                    }
                }
                break;
            }
            q = next;
        }
        // A final period stays on an abbreviation.
        let mut end = q;
        if q < e && b[q] == b'.' && !(q + 1 < e && b[q + 1] == b'.') && has_letter {
            let w = &text[p..q];
            if abbrev_class(self.lex, w, has_inner_dot)
                .is_some_and(|c| c != AbbrevClass::Number || next_is_digit(text, q + 1))
            {
                end = q + 1;
            }
        }
        if end == q && b[p].is_ascii_digit() {
            // 5pm → 5 pm, $2.7m → 2.7 m: a unit straight after the digits.
            let d = b[p..q].iter().position(|c| c.is_ascii_alphabetic()).map_or(q, |k| p + k);
            if d < q && d > p && b[d - 1].is_ascii_digit() && self.lex.is_number_suffix(&text[d..q]) {
                self.push(p, d, TokenKind::Number);
                self.push(d, q, TokenKind::Word);
                return q;
            }
        }
        if end == q && q > p && matches!(b[q - 1], b's' | b'S') && q < e {
            // The plural possessive: parents' → parents + ' (one EWT surface token).
            let (ch, l) = char_at(text, q);
            if is_apostrophe(ch)
                && !is_alnum_at(text, q + l)
                && !(q + l < e && is_apostrophe(char_at(text, q + l).0))
            {
                self.emit_word(p, q, has_letter);
                self.push(q, q + l, TokenKind::Clitic);
                return q + l;
            }
        }
        if end == q {
            if let Some(at) = self.lex.split_at(&text[p..q]) {
                if text.is_char_boundary(p + at) {
                    self.push(p, p + at, TokenKind::Word);
                    self.push(p + at, q, TokenKind::Clitic);
                    return q;
                }
            }
        }
        self.emit_word(p, end, has_letter);
        end
    }

    fn emit_word(&mut self, p: usize, q: usize, has_letter: bool) {
        let kind = if !has_letter && self.text[p..q].bytes().any(|c| c.is_ascii_digit()) {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        self.push(p, q, kind);
    }
}

fn next_is_digit(text: &str, mut i: usize) -> bool {
    let b = text.as_bytes();
    while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
        i += 1;
    }
    is_digit_at(text, i) || (i + 1 < b.len() && b[i] == b'#' && b[i + 1].is_ascii_digit())
}

fn last_char(text: &str, end: usize) -> (char, usize) {
    match text[..end].chars().next_back() {
        Some(c) => (c, c.len_utf8()),
        None => ('\0', 1),
    }
}

/// The abbreviation class of word `w` (without its final period), if it is one.
pub(crate) fn abbrev_class(lex: &Lexicon, w: &str, has_inner_dot: bool) -> Option<AbbrevClass> {
    if let Some(c) = lex.abbrev(w) {
        return Some(c);
    }
    let b = w.as_bytes();
    if b.len() == 1 && b[0].is_ascii_uppercase() && b[0] != b'I' {
        return Some(AbbrevClass::Initial);
    }
    if has_inner_dot {
        // U.S, a.m, Ph.D, N.Y: short letter groups between periods.
        let ok =
            w.split('.').all(|g| !g.is_empty() && g.len() <= 2 && g.bytes().all(|c| c.is_ascii_alphabetic()));
        if ok {
            return Some(match lex.abbrev(w) {
                Some(c) => c,
                None => AbbrevClass::Dotted,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::LEXICON;

    fn toks(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, &LEXICON, &mut out);
        out.iter().map(|t| t.span.of(text)).collect()
    }

    fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
        let mut out = Vec::new();
        tokenize(text, &LEXICON, &mut out);
        out.iter().map(|t| (t.span.of(text), t.kind)).collect()
    }

    #[test]
    fn punctuation_is_split_off() {
        assert_eq!(toks("Hello, world!"), ["Hello", ",", "world", "!"]);
        assert_eq!(toks("(see below)."), ["(", "see", "below", ")", "."]);
        assert_eq!(toks("“Yes,” she said…"), ["“", "Yes", ",", "”", "she", "said", "…"]);
        assert_eq!(toks("Wait... what?!"), ["Wait", "...", "what", "?!"]);
        assert_eq!(toks("a -- b"), ["a", "--", "b"]);
    }

    #[test]
    fn contractions_and_possessives() {
        assert_eq!(toks("I don't know"), ["I", "do", "n't", "know"]);
        assert_eq!(toks("Putin's plan"), ["Putin", "'s", "plan"]);
        assert_eq!(toks("Putin’s plan"), ["Putin", "’s", "plan"]);
        assert_eq!(toks("we can’t, they won't"), ["we", "ca", "n’t", ",", "they", "wo", "n't"]);
        assert_eq!(
            toks("I'm sure you'll see they've"),
            ["I", "'m", "sure", "you", "'ll", "see", "they", "'ve"]
        );
        assert_eq!(toks("O'Brien's"), ["O'Brien", "'s"]);
        assert_eq!(toks("the Smiths' house"), ["the", "Smiths", "'", "house"]);
        assert_eq!(kinds("the Smiths' house")[2].1, TokenKind::Clitic);
        assert_eq!(toks("I cannot"), ["I", "can", "not"]);
        assert_eq!(toks("the '90s, rock 'n' roll"), ["the", "'90s", ",", "rock", "'n'", "roll"]);
        let k = kinds("don't");
        assert_eq!(k[1].1, TokenKind::Clitic);
    }

    #[test]
    fn hyphens_follow_ewt() {
        assert_eq!(toks("al-Qaeda"), ["al", "-", "Qaeda"]);
        assert_eq!(toks("a 24-year-old"), ["a", "24", "-", "year", "-", "old"]);
        assert_eq!(toks("ISIS-K"), ["ISIS", "-", "K"]);
        assert_eq!(toks("anti-war e-mail non-Microsoft"), ["anti-war", "e-mail", "non-Microsoft"]);
    }

    #[test]
    fn numbers_keep_separators() {
        let k = kinds("1,000,000 and 3.5 on 2024-03-27 at 10:30, $1.2 billion 5%");
        let t: Vec<_> = k.iter().map(|x| x.0).collect();
        assert_eq!(
            t,
            [
                "1,000,000",
                "and",
                "3.5",
                "on",
                "2024-03-27",
                "at",
                "10:30",
                ",",
                "$",
                "1.2",
                "billion",
                "5",
                "%"
            ]
        );
        assert_eq!(k[0].1, TokenKind::Number);
        assert_eq!(k[8].1, TokenKind::Symbol);
        assert_eq!(toks("in 2024."), ["in", "2024", "."]);
        assert_eq!(toks("1,2,3"), ["1", ",", "2", ",", "3"]);
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(toks("the U.S. and Mr. Smith"), ["the", "U.S.", "and", "Mr.", "Smith"]);
        assert_eq!(toks("at 10.30 p.m. on Sept. 5"), ["at", "10.30", "p.m.", "on", "Sept.", "5"]);
        assert_eq!(toks("J. K. Rowling"), ["J.", "K.", "Rowling"]);
        assert_eq!(toks("No. 5 but say no."), ["No.", "5", "but", "say", "no", "."]);
        assert_eq!(toks("he left."), ["he", "left", "."]);
        assert_eq!(toks("Acme Inc.,"), ["Acme", "Inc.", ","]);
        assert_eq!(toks("me and I."), ["me", "and", "I", "."]);
    }

    #[test]
    fn urls_emails_handles() {
        let k = kinds(
            "See https://example.org/a?b=1. Mail jo.doe@news.example.com, @jdoe #Moscow2024 (www.x.com)",
        );
        let t: Vec<_> = k.iter().map(|x| (x.0, x.1)).collect();
        assert_eq!(t[1], ("https://example.org/a?b=1", TokenKind::Url));
        assert_eq!(t[2], (".", TokenKind::Punct));
        assert_eq!(t[4], ("jo.doe@news.example.com", TokenKind::Email));
        assert_eq!(t[6], ("@jdoe", TokenKind::Handle));
        assert_eq!(t[7], ("#Moscow2024", TokenKind::Hashtag));
        assert_eq!(t[9], ("www.x.com", TokenKind::Url));
        assert_eq!(t[10], (")", TokenKind::Punct));
        assert_eq!(
            toks("(https://en.wikipedia.org/wiki/A_(b))"),
            ["(", "https://en.wikipedia.org/wiki/A_(b)", ")"]
        );
    }

    #[test]
    fn units_runs_and_mail_addresses() {
        assert_eq!(
            toks("at 5pm or 7:30PM for $2.7m, the 3rd in the 1990s"),
            [
                "at", "5", "pm", "or", "7:30", "PM", "for", "$", "2.7", "m", ",", "the", "3rd", "in", "the",
                "1990s"
            ]
        );
        assert_eq!(toks("==== *** >> ''quoted'' #1"), ["====", "***", ">>", "''", "quoted", "''", "#", "1"]);
        let k = kinds("Jane.Doe@ENRON wrote mailto:a.b@example.com");
        assert_eq!(k[0], ("Jane.Doe@ENRON", TokenKind::Email));
        assert_eq!(k[2], ("mailto:a.b@example.com", TokenKind::Url));
    }

    #[test]
    fn emoticons_are_one_token() {
        assert_eq!(toks("great :) really :-("), ["great", ":)", "really", ":-("]);
        assert_eq!(toks("Note:Done"), ["Note", ":", "Done"]);
    }

    #[test]
    fn odd_input_is_fine() {
        assert!(toks("").is_empty());
        assert_eq!(toks("  \u{a0} "), Vec::<&str>::new());
        assert_eq!(toks("é\u{301}t\u{e9}"), ["é\u{301}té"]);
        assert_eq!(toks("'"), ["'"]);
        assert_eq!(toks("n't"), ["n't"]);
    }

    #[test]
    fn leading_decimal_point_after_a_multibyte_char() {
        // Found by proptest: looking one byte back from the "." landed inside the emoji.
        assert_eq!(toks("🌀.0"), ["🌀", ".0"]);
    }
}
