//! Byte spans over an immutable text, and the byte → char offset mapping.

use std::ops::Range;

/// A half-open byte range `start..end` into a document's original text.
///
/// Byte offsets are the internal currency (slicing is O(1)); char offsets for the JSON
/// contract come from [`CharIndex`]. Both ends always lie on UTF-8 char boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    #[inline]
    pub const fn len(&self) -> usize {
        self.end - self.start
    }
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    #[inline]
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
    /// The slice of `text` this span covers.
    #[inline]
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
    #[inline]
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    #[inline]
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The smallest span covering both.
    #[inline]
    pub fn cover(&self, other: &Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
    /// This span shifted right by `by` bytes (for text embedded at an offset).
    #[inline]
    pub fn shift(&self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
    /// Where the head of the noun phrase in this span may end, English noun phrases being
    /// head-final: the end of its last word, and the end of the last word before its first
    /// ", " ("Jane Roe, who chairs the committee" → Jane Roe), else `usize::MAX`. Leading and
    /// trailing whitespace is ignored.
    pub fn head_ends(&self, text: &str) -> [usize; 2] {
        let span = self.trim(text);
        let phrase = span.of(text);
        let head_end = |s: &str| span.start + s.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
        [head_end(phrase), phrase.find(", ").map_or(usize::MAX, |i| head_end(&phrase[..i]))]
    }

    /// This span with leading and trailing whitespace of `text` removed.
    pub fn trim(&self, text: &str) -> Span {
        let s = self.of(text);
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead == s.len() {
            return Span::new(self.start, self.start);
        }
        Span::new(self.start + lead, self.end - trail)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// Maps byte offsets of one string to char (Unicode scalar value) offsets.
///
/// Pure-ASCII text needs no table (the map is the identity). Otherwise the index keeps, for
/// each non-ASCII char, its byte offset and the number of extra bytes seen before the end of
/// it, so a lookup is one binary search over the non-ASCII chars only.
#[derive(Clone, Debug, Default)]
pub struct CharIndex {
    /// (byte offset just past a multi-byte char, cumulative extra bytes up to there)
    marks: Vec<(u32, u32)>,
    /// Set when offsets do not fit in u32: fall back to counting.
    wide: bool,
    len_bytes: usize,
    len_chars: usize,
}

impl CharIndex {
    pub fn new(text: &str) -> CharIndex {
        let len_bytes = text.len();
        if text.is_ascii() {
            return CharIndex { marks: Vec::new(), wide: false, len_bytes, len_chars: len_bytes };
        }
        if len_bytes > u32::MAX as usize {
            return CharIndex { marks: Vec::new(), wide: true, len_bytes, len_chars: text.chars().count() };
        }
        let mut marks = Vec::new();
        let mut extra = 0u32;
        for (i, c) in text.char_indices() {
            let n = c.len_utf8();
            if n > 1 {
                extra += (n - 1) as u32;
                marks.push(((i + n) as u32, extra));
            }
        }
        let len_chars = len_bytes - extra as usize;
        CharIndex { marks, wide: false, len_bytes, len_chars }
    }

    /// The char offset of byte offset `byte` (which must be a char boundary, or `len`).
    #[inline]
    pub fn char_of(&self, text: &str, byte: usize) -> usize {
        debug_assert!(byte <= self.len_bytes);
        if self.wide {
            return text[..byte].chars().count();
        }
        if self.marks.is_empty() {
            return byte;
        }
        // Number of marks whose end is <= byte: those chars lie wholly before `byte`.
        let k = self.marks.partition_point(|&(end, _)| (end as usize) <= byte);
        if k == 0 {
            byte
        } else {
            byte - self.marks[k - 1].1 as usize
        }
    }

    pub fn len_chars(&self) -> usize {
        self.len_chars
    }
}

/// A document's original text with its char index.
#[derive(Clone, Debug)]
pub struct Text {
    text: String,
    index: CharIndex,
}

impl Text {
    pub fn new(text: String) -> Text {
        let index = CharIndex::new(&text);
        Text { text, index }
    }
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.text
    }
    pub fn into_string(self) -> String {
        self.text
    }
    /// Char offsets `(start, end)` of a byte span.
    #[inline]
    pub fn chars(&self, span: Span) -> (usize, usize) {
        (self.index.char_of(&self.text, span.start), self.index.char_of(&self.text, span.end))
    }
    #[inline]
    pub fn slice(&self, span: Span) -> &str {
        span.of(&self.text)
    }
    pub fn len_chars(&self) -> usize {
        self.index.len_chars()
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_ends_of_a_noun_phrase() {
        let t = " Jane Roe, who chairs the committee, ";
        let s = Span::new(0, t.len());
        assert_eq!(s.head_ends(t), [35, 9]);
        assert_eq!(&t[1..35], "Jane Roe, who chairs the committee");
        assert_eq!(&t[1..9], "Jane Roe");
        let t = "the group's report";
        assert_eq!(Span::new(0, t.len()).head_ends(t), [t.len(), usize::MAX]);
    }
    use proptest::prelude::*;

    #[test]
    fn ascii_identity() {
        let t = Text::new("hello world".into());
        assert_eq!(t.chars(Span::new(6, 11)), (6, 11));
    }

    #[test]
    fn multibyte_offsets() {
        let s = "Putin’s “war” — in Zürich 😀 done";
        let t = Text::new(s.to_string());
        for (ci, (bi, _)) in s.char_indices().enumerate() {
            assert_eq!(t.chars(Span::new(bi, bi)).0, ci, "byte {bi}");
        }
        assert_eq!(t.chars(Span::new(s.len(), s.len())).0, s.chars().count());
        assert_eq!(t.len_chars(), s.chars().count());
    }

    #[test]
    fn trim_span() {
        let s = "  ab c \n";
        assert_eq!(Span::new(0, s.len()).trim(s).of(s), "ab c");
        assert!(Span::new(0, 2).trim(s).is_empty());
    }

    proptest! {
        #[test]
        fn char_index_matches_counting(s in "\\PC{0,64}") {
            let t = Text::new(s.clone());
            for (bi, _) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
                prop_assert_eq!(t.chars(Span::new(bi, bi)).0, s[..bi].chars().count());
            }
        }
    }
}
