//! A light tokenizer for the matcher: words (letters, keeping inner apostrophes out),
//! numbers (digits with inner `,`/`.` groups: "2,024", "3.5"), and single other chars.
//! Every token keeps its byte span; lowercased words share one buffer per document.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Range of the lowercased form in [`Tokens::lower`].
    lo: (u32, u32),
    /// First char is uppercase.
    pub cap: bool,
}

#[derive(Default)]
pub(crate) struct Tokens {
    pub toks: Vec<Tok>,
    lower: String,
}

impl Tokens {
    pub fn new(text: &str) -> Tokens {
        let mut t =
            Tokens { toks: Vec::with_capacity(text.len() / 4), lower: String::with_capacity(text.len()) };
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            if c.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            let ch = match text[i..].chars().next() {
                Some(ch) => ch,
                None => break,
            };
            if ch.is_ascii_digit() {
                let mut j = i + 1;
                while j < b.len() {
                    if b[j].is_ascii_digit() {
                        j += 1;
                    } else if (b[j] == b',' || b[j] == b'.') && j + 1 < b.len() && b[j + 1].is_ascii_digit() {
                        // "2,024": thousands groups of exactly three digits; "3.5"
                        if b[j] == b',' {
                            let grp = b[j + 1..].iter().take_while(|d| d.is_ascii_digit()).count();
                            if grp != 3 {
                                break;
                            }
                        }
                        j += 1;
                    } else {
                        break;
                    }
                }
                t.push(text, i, j, Kind::Num);
                i = j;
            } else if ch.is_alphabetic() {
                let mut j = i + ch.len_utf8();
                // ASCII letters and digits byte by byte; any other char decoded.
                while j < b.len() {
                    if b[j].is_ascii_alphanumeric() {
                        j += 1;
                    } else if b[j] >= 0x80 {
                        match text[j..].chars().next() {
                            Some(c2) if c2.is_alphanumeric() => j += c2.len_utf8(),
                            _ => break,
                        }
                    } else {
                        break;
                    }
                }
                t.push(text, i, j, Kind::Word);
                i = j;
            } else if ch.is_whitespace() {
                i += ch.len_utf8();
            } else {
                let j = i + ch.len_utf8();
                t.push(text, i, j, Kind::Punct);
                i = j;
            }
        }
        t
    }

    fn push(&mut self, text: &str, s: usize, e: usize, kind: Kind) {
        let a = self.lower.len() as u32;
        let raw = &text[s..e];
        let mut cap = false;
        if let Some(c) = raw.chars().next() {
            cap = c.is_uppercase();
        }
        if raw.is_ascii() {
            self.lower.push_str(raw);
            self.lower[a as usize..].make_ascii_lowercase();
        } else if raw == "’" {
            self.lower.push('\'');
        } else {
            for c in raw.chars() {
                self.lower.extend(c.to_lowercase());
            }
        }
        let z = self.lower.len() as u32;
        self.toks.push(Tok { start: s, end: e, kind, lo: (a, z), cap });
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Lowercased text of token `i`, "" past the end.
    #[inline]
    pub fn w(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.lower[t.lo.0 as usize..t.lo.1 as usize],
            None => "",
        }
    }

    #[inline]
    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    #[inline]
    pub fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Num)
    }

    #[inline]
    pub fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }

    /// Token `i + 1` starts right where token `i` ends (no space between).
    #[inline]
    pub fn adj(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// Numeric value of a plain digit token ("2024"; not "2,024" or "3.5").
    pub fn int(&self, i: usize) -> Option<u32> {
        let w = self.w(i);
        if self.is_num(i) && w.len() <= 9 && w.bytes().all(|c| c.is_ascii_digit()) {
            w.parse().ok()
        } else {
            None
        }
    }

    /// Index of the first token starting at or after byte `pos`.
    pub fn at_or_after(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.start < pos)
    }
}
