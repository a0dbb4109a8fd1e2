//! Compact part-of-speech tags: a UPOS and a Penn Treebank XPOS id into fixed tables.

/// The 17 Universal Dependencies part-of-speech tags.
pub const UPOS: [&str; 17] = [
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT",
    "SCONJ", "SYM", "VERB", "X",
];

/// Penn Treebank tags as used in UD English EWT (with its additions: ADD, AFX, GW, HYPH,
/// NFP, XX).
pub const XPOS: [&str; 52] = [
    "NN", "IN", "DT", "NNP", "PRP", "JJ", "RB", ".", "VB", "NNS", ",", "CC", "VBP", "VBD", "VBZ", "VBN",
    "CD", "VBG", "MD", "TO", "PRP$", "-RRB-", "-LRB-", "WDT", ":", "WRB", "``", "WP", "''", "RP", "UH",
    "POS", "HYPH", "NNPS", "JJR", "JJS", "EX", "NFP", "ADD", "RBR", "GW", "$", "SYM", "PDT", "FW", "LS",
    "RBS", "AFX", "WP$", "XX", "_", "#",
];

/// A predicted tag: indices into [`UPOS`] and [`XPOS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PosTag {
    upos: u8,
    xpos: u8,
}

impl PosTag {
    /// From tag names; `None` when either is not in the tables.
    pub fn new(upos: &str, xpos: &str) -> Option<PosTag> {
        Some(PosTag {
            upos: UPOS.iter().position(|&u| u == upos)? as u8,
            xpos: XPOS.iter().position(|&x| x == xpos)? as u8,
        })
    }
    pub fn upos(self) -> &'static str {
        UPOS[self.upos as usize]
    }
    pub fn xpos(self) -> &'static str {
        XPOS[self.xpos as usize]
    }
    pub fn upos_id(self) -> u8 {
        self.upos
    }
    pub fn xpos_id(self) -> u8 {
        self.xpos
    }
    pub fn is_proper_noun(self) -> bool {
        self.upos() == "PROPN"
    }
}

impl std::fmt::Display for PosTag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.upos(), self.xpos())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        let t = PosTag::new("PROPN", "NNP").unwrap();
        assert_eq!((t.upos(), t.xpos()), ("PROPN", "NNP"));
        assert!(t.is_proper_noun());
        assert_eq!(t.to_string(), "PROPN/NNP");
        assert!(PosTag::new("NOPE", "NN").is_none());
        assert!(PosTag::new("NOUN", "NOPE").is_none());
    }
}
