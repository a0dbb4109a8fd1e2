//! Word lists the segmenter consults, loaded once from the data files under `data/`.

use std::collections::{HashMap as StdHashMap, HashSet as StdHashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::SegmentError;

/// A small fast hash for the short ASCII keys of the word lists (FxHash's mixing); the
/// keys are our own data, so there is nothing to defend against.
#[derive(Default)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.0 =
                (self.0.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<FxHasher>>;
type HashSet<K> = StdHashSet<K, BuildHasherDefault<FxHasher>>;

const ABBREVIATIONS: &str = include_str!("../data/abbreviations.tsv");
const STARTERS: &str = include_str!("../data/sentence_starters.txt");
const PREFIXES: &str = include_str!("../data/hyphen_prefixes.txt");
const SPLITS: &str = include_str!("../data/splits.tsv");
const NUMBER_SUFFIXES: &str = include_str!("../data/number_suffixes.txt");
const EMOTICONS: &str = include_str!("../data/emoticons.txt");

/// How an abbreviation behaves before a possible sentence boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AbbrevClass {
    /// Precedes a name (Mr., Gov.): never ends a sentence.
    Title,
    /// Month or weekday (Sept., Fri.): ends a sentence only before a clear sentence start.
    Month,
    /// May end a sentence (Inc., U.S., a.m., etc.): decided by the next word.
    Common,
    /// Never ends a sentence (e.g., vs.).
    Inner,
    /// An abbreviation only before a number (No. 5).
    Number,
    /// A single capital letter (J. K. Rowling): an initial.
    Initial,
    /// Letters separated by periods not in the list (N.Y., Ph.D.).
    Dotted,
}

impl AbbrevClass {
    fn parse(s: &str) -> Option<AbbrevClass> {
        Some(match s {
            "title" => AbbrevClass::Title,
            "month" => AbbrevClass::Month,
            "common" => AbbrevClass::Common,
            "inner" => AbbrevClass::Inner,
            "number" => AbbrevClass::Number,
            _ => return None,
        })
    }
}

#[derive(Debug)]
pub(crate) struct Lexicon {
    /// Forms written with capitals: matched exactly.
    exact: HashMap<String, AbbrevClass>,
    /// Forms written in lowercase: matched case-insensitively (keys are lowercase).
    folded: HashMap<String, AbbrevClass>,
    starters: HashSet<String>,
    prefixes: HashSet<String>,
    number_suffixes: HashSet<String>,
    splits: HashMap<String, usize>,
    /// Prefilter for abbreviations: (length, first letter, last letter), case-folded.
    abbrev_filter: Vec<bool>,
    /// Prefilter for `splits`: lowercase first bytes and lengths that occur in it.
    split_first: [bool; 256],
    split_lens: u64,
    /// Longest first, so the longest emoticon wins.
    pub(crate) emoticons: Vec<String>,
}

impl Default for Lexicon {
    fn default() -> Lexicon {
        Lexicon {
            exact: HashMap::default(),
            folded: HashMap::default(),
            starters: HashSet::default(),
            prefixes: HashSet::default(),
            number_suffixes: HashSet::default(),
            splits: HashMap::default(),
            abbrev_filter: vec![false; FILTER_LEN],
            split_first: [false; 256],
            split_lens: 0,
            emoticons: Vec::new(),
        }
    }
}

fn lines(src: &str) -> impl Iterator<Item = (usize, &str)> {
    src.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    pub(crate) fn parse() -> Result<Lexicon, SegmentError> {
        let mut lex = Lexicon::default();
        for (n, line) in lines(ABBREVIATIONS) {
            let bad = || SegmentError::Data { file: "abbreviations.tsv", line: n };
            let (form, class) = line.split_once('\t').ok_or_else(bad)?;
            let class = AbbrevClass::parse(class.trim()).ok_or_else(bad)?;
            let form = form.trim().trim_end_matches('.');
            if form.is_empty() || !form.is_ascii() {
                return Err(bad());
            }
            if form.len() > MAX_ABBREV {
                return Err(bad());
            }
            lex.abbrev_filter[filter_slot(form)] = true;
            if form.bytes().any(|b| b.is_ascii_uppercase()) {
                lex.exact.insert(form.to_string(), class);
            } else {
                lex.folded.insert(form.to_string(), class);
            }
        }
        for (_, line) in lines(STARTERS) {
            lex.starters.insert(line.trim().to_lowercase());
        }
        for (_, line) in lines(PREFIXES) {
            lex.prefixes.insert(line.trim().to_lowercase());
        }
        for (_, line) in lines(NUMBER_SUFFIXES) {
            lex.number_suffixes.insert(line.trim().to_lowercase());
        }
        for (n, line) in lines(SPLITS) {
            let bad = || SegmentError::Data { file: "splits.tsv", line: n };
            let (form, at) = line.split_once('\t').ok_or_else(bad)?;
            let at: usize = at.trim().parse().map_err(|_| bad())?;
            if at == 0 || at >= form.len() || !form.is_ascii() {
                return Err(bad());
            }
            let form = form.to_lowercase();
            lex.split_first[form.as_bytes()[0] as usize] = true;
            lex.split_lens |= 1u64 << form.len().min(63);
            lex.splits.insert(form, at);
        }
        for (_, line) in lines(EMOTICONS) {
            lex.emoticons.push(line.trim().to_string());
        }
        lex.emoticons.sort_by_key(|e| std::cmp::Reverse(e.len()));
        Ok(lex)
    }

    /// The class of `word` (without its final period) when it is an abbreviation from the list.
    pub(crate) fn abbrev(&self, word: &str) -> Option<AbbrevClass> {
        if word.is_empty()
            || word.len() > MAX_ABBREV
            || !self.abbrev_filter[filter_slot(word)]
            || !word.is_ascii()
        {
            return None;
        }
        if let Some(c) = self.exact.get(word) {
            return Some(*c);
        }
        let mut buf = [0u8; 12];
        let low = lower(word, &mut buf)?;
        self.folded.get(low).copied()
    }

    pub(crate) fn is_emoticon(&self, w: &str) -> bool {
        self.emoticons.iter().any(|e| e == w)
    }

    pub(crate) fn is_starter(&self, word: &str) -> bool {
        let mut buf = [0u8; 12];
        match lower(word, &mut buf) {
            Some(low) => self.starters.contains(low),
            None => false,
        }
    }

    pub(crate) fn is_prefix(&self, word: &str) -> bool {
        let mut buf = [0u8; 12];
        match lower(word, &mut buf) {
            Some(low) => self.prefixes.contains(low),
            None => false,
        }
    }

    pub(crate) fn is_number_suffix(&self, word: &str) -> bool {
        let mut buf = [0u8; 12];
        match lower(word, &mut buf) {
            Some(low) => self.number_suffixes.contains(low),
            None => false,
        }
    }

    /// Where to split a word written as one that stands for two (`cannot` → 3).
    #[inline]
    pub(crate) fn split_at(&self, word: &str) -> Option<usize> {
        let b = word.as_bytes();
        if b.is_empty()
            || b.len() > 12
            || self.split_lens & (1u64 << b.len()) == 0
            || !self.split_first[b[0].to_ascii_lowercase() as usize]
        {
            return None;
        }
        let mut buf = [0u8; 12];
        self.splits.get(lower(word, &mut buf)?).copied()
    }
}

const MAX_ABBREV: usize = 12;
const FILTER_LEN: usize = (MAX_ABBREV + 1) * 32 * 32;

/// The prefilter slot of a non-empty word of at most MAX_ABBREV bytes.
#[inline]
fn filter_slot(w: &str) -> usize {
    let b = w.as_bytes();
    let f = (b[0] | 0x20) as usize & 31;
    let l = (b[b.len() - 1] | 0x20) as usize & 31;
    (b.len() * 32 + f) * 32 + l
}

/// ASCII-lowercase `word` into `buf`; None when it does not fit or is not ASCII.
fn lower<'b>(word: &str, buf: &'b mut [u8; 12]) -> Option<&'b str> {
    if word.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let out = &mut buf[..word.len()];
    out.copy_from_slice(word.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::parse().unwrap_or_else(|e| {
        tracing::error!("segmenter word lists unusable, segmenting without them: {e}");
        Lexicon::default()
    })
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse() {
        let lex = Lexicon::parse().expect("data files parse");
        assert_eq!(lex.abbrev("Mr"), Some(AbbrevClass::Title));
        assert_eq!(lex.abbrev("Sept"), Some(AbbrevClass::Month));
        assert_eq!(lex.abbrev("Inc"), Some(AbbrevClass::Common));
        assert_eq!(lex.abbrev("etc"), Some(AbbrevClass::Common));
        assert_eq!(lex.abbrev("ETC"), Some(AbbrevClass::Common));
        assert_eq!(lex.abbrev("vs"), Some(AbbrevClass::Inner));
        assert_eq!(lex.abbrev("No"), Some(AbbrevClass::Number));
        // Forms with capitals match exactly: "mr" is not listed, "Mr" is.
        assert_eq!(lex.abbrev("mR"), None);
        assert_eq!(lex.abbrev("said"), None);
        assert!(lex.is_starter("The"));
        assert!(lex.is_prefix("Anti"));
        assert!(lex.is_number_suffix("PM"));
        assert_eq!(lex.split_at("Cannot"), Some(3));
        assert_eq!(lex.emoticons.first().map(|e| e.len()), Some(3));
    }
}
