//! Per-token atoms (hashes of the word and its lowercase, affixes, shape, flags, word
//! clusters), computed once per token without allocating; features combine atoms.

use crate::clusters::Clusters;
use crate::hash::FeatHash;

/// Atoms for positions outside the sentence.
pub const PAD_BEFORE: u64 = 0x1111_1111_1111_1111;
pub const PAD_AFTER: u64 = 0x2222_2222_2222_2222;

#[derive(Clone, Copy, Debug, Default)]
pub struct Atoms {
    /// The exact word.
    pub word: u64,
    /// Lowercased, digits mapped to `0`.
    pub lower: u64,
    /// Lowercase prefixes and suffixes of 1..=4 characters (the whole word when shorter).
    pub pre: [u64; 4],
    pub suf: [u64; 4],
    /// Lowercase suffix of 5 characters (the whole word when shorter).
    pub suf5: u64,
    /// Character classes with runs collapsed: `Xx`, `d-d`, `X.X.`.
    pub shape: u64,
    /// Capitalisation / digit / hyphen / length flags.
    pub flags: u64,
    /// Word-cluster path prefixes (0 when the word has no cluster).
    pub cluster: [u64; 4],
    /// Ambiguity class (set of tags seen in training) when a model supplies one.
    pub amb: u64,
    pub chars: usize,
    pub init_upper: bool,
    pub all_upper: bool,
    pub has_alpha: bool,
}

pub const F_UPPER: u64 = 1;
pub const F_LOWER: u64 = 2;
pub const F_DIGIT: u64 = 4;
pub const F_HYPHEN: u64 = 8;
pub const F_INIT_UPPER: u64 = 16;
pub const F_ALL_UPPER: u64 = 32;
pub const F_ALL_DIGIT: u64 = 64;
pub const F_PERIOD: u64 = 128;

fn class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() || c.is_alphabetic() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

pub fn atoms(word: &str, clusters: Option<&Clusters>) -> Atoms {
    let mut a = Atoms { word: FeatHash::new(0).str(word).finish(), ..Atoms::default() };
    let mut lower = FeatHash::new(1);
    let mut shape = FeatHash::new(2);
    let mut last_class = '\0';
    let mut flags = 0u64;
    let mut n = 0usize;
    let mut n_upper = 0usize;
    let mut n_alpha = 0usize;
    let mut n_digit = 0usize;
    for c in word.chars() {
        if n < 4 {
            // prefix snapshots are taken below, after the char is added
        }
        if c.is_uppercase() {
            flags |= F_UPPER;
            n_upper += 1;
            if n == 0 {
                flags |= F_INIT_UPPER;
            }
        }
        if c.is_alphabetic() {
            n_alpha += 1;
        }
        if c.is_lowercase() {
            flags |= F_LOWER;
        }
        if c.is_numeric() {
            flags |= F_DIGIT;
            n_digit += 1;
        }
        if c == '-' {
            flags |= F_HYPHEN;
        }
        if c == '.' {
            flags |= F_PERIOD;
        }
        lower = lower_char(lower, c);
        let k = class(c);
        if k != last_class {
            shape = shape.char(k);
            last_class = k;
        }
        if n < 4 {
            a.pre[n] = lower.u64(3).finish();
        }
        n += 1;
    }
    for i in n.min(4)..4 {
        a.pre[i] = if n == 0 { 0x33 } else { a.pre[n.min(4) - 1] };
    }
    let mut suf = FeatHash::new(4);
    for (j, c) in word.chars().rev().take(5).enumerate() {
        if c.is_ascii_digit() {
            suf = suf.char('0');
        } else {
            for l in c.to_lowercase() {
                suf = suf.char(l);
            }
        }
        if j < 4 {
            a.suf[j] = suf.finish();
        } else {
            a.suf5 = suf.finish();
        }
    }
    if n < 5 {
        a.suf5 = suf.u64(5).finish();
    }
    let took = n.min(4);
    for i in took..4 {
        a.suf[i] = if took == 0 { 0x55 } else { a.suf[took - 1] };
    }
    if n_alpha > 0 && n_upper == n_alpha {
        flags |= F_ALL_UPPER;
    }
    if n > 0 && n_digit == n {
        flags |= F_ALL_DIGIT;
    }
    let len_bucket = match n {
        0..=3 => n as u64,
        4..=6 => 4,
        7..=10 => 5,
        _ => 6,
    };
    a.lower = lower.finish();
    a.shape = shape.finish();
    a.flags = flags | (len_bucket << 8);
    a.chars = n;
    a.init_upper = flags & F_INIT_UPPER != 0;
    a.all_upper = flags & F_ALL_UPPER != 0;
    a.has_alpha = n_alpha > 0;
    if let Some(c) = clusters {
        a.cluster = c.atoms(a.lower);
    }
    a
}

/// Adds one character of a word to its lowercase hash: ASCII digits become `0`, letters
/// their lowercase (all of it, for characters whose lowercase is several).
#[inline(always)]
fn lower_char(h: FeatHash, c: char) -> FeatHash {
    if c.is_ascii_digit() {
        h.char('0')
    } else if c.is_ascii() {
        h.char(c.to_ascii_lowercase())
    } else {
        let mut h = h;
        for l in c.to_lowercase() {
            h = h.char(l);
        }
        h
    }
}

/// The lowercase hash of a word as used by [`Atoms::lower`] (for dictionaries), computed
/// without the other atoms.
pub fn lower_key(word: &str) -> u64 {
    let mut h = FeatHash::new(1);
    if word.is_ascii() {
        for &b in word.as_bytes() {
            let l = if b.is_ascii_digit() { b'0' } else { b.to_ascii_lowercase() };
            h = h.u64(u64::from(l));
        }
    } else {
        for c in word.chars() {
            h = lower_char(h, c);
        }
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atoms_capture_case_and_affixes() {
        let a = atoms("Walking", None);
        let b = atoms("walking", None);
        assert_ne!(a.word, b.word);
        assert_eq!(a.lower, b.lower);
        assert_eq!(a.suf, b.suf);
        assert_eq!(a.pre, b.pre);
        assert!(a.init_upper && !b.init_upper);
        let c = atoms("talking", None);
        assert_eq!(c.suf[2], a.suf[2]);
        assert_ne!(c.pre[0], a.pre[0]);
        assert_eq!(atoms("1996", None).lower, atoms("2024", None).lower);
        assert_eq!(atoms("Xxx", None).shape, atoms("Abcdef", None).shape);
        assert!(atoms("NATO", None).all_upper);
        let e = atoms("", None);
        assert_eq!(e.chars, 0);
        let short = atoms("ab", None);
        assert_eq!(short.pre[3], short.pre[1]);
        assert_eq!(short.suf[3], short.suf[1]);
    }

    #[test]
    fn lower_key_matches_the_atom_on_chosen_words() {
        for w in ["", "a", "Walking", "1996", "U.S.", "İstanbul", "ΣΟΦΙΑ", "ǅemal", "٣٤", "x\u{0}y", "Straße"]
        {
            assert_eq!(lower_key(w), atoms(w, None).lower, "{w:?}");
        }
        assert_eq!(lower_key("Walking"), lower_key("walking"));
        assert_eq!(lower_key("1996"), lower_key("2024"));
    }

    proptest::proptest! {
        #[test]
        fn lower_key_is_the_lower_atom(w in "\\PC*") {
            proptest::prop_assert_eq!(lower_key(&w), atoms(&w, None).lower);
        }

        #[test]
        fn lower_key_is_the_lower_atom_on_any_chars(w in proptest::collection::vec(proptest::char::any(), 0..12)) {
            let w: String = w.into_iter().collect();
            proptest::prop_assert_eq!(lower_key(&w), atoms(&w, None).lower);
        }

        #[test]
        fn lower_key_is_the_lower_atom_on_ascii(w in "[ -~]{0,20}") {
            proptest::prop_assert_eq!(lower_key(&w), atoms(&w, None).lower);
        }
    }
}
