//! The word lists of `data/`, parsed once.

// Lookups only (never iterated), by a fast non-keyed hash: the pronoun table is probed for
// every token.
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use dossier_tag::EntityLabel;

use crate::CorefError;

/// Grammatical gender of a person (or of a pronoun that refers to one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// What a pronoun can refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PronounClass {
    Person(Gender),
    /// "it": an organisation, place or thing.
    Neuter,
    /// "they": a group or organisation.
    Plural,
}

/// What a place noun ("the city", "the country", "the region") calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    /// A city, town or village.
    Settlement,
    Country,
    /// A part of a country: a state, province, district, region.
    Region,
    /// A country's capital (`capitals.txt`); "the provincial capital" is a settlement's word.
    Capital,
}

/// A place noun of `place_nouns.tsv`.
#[derive(Clone, Copy, Debug)]
pub struct PlaceNoun {
    pub kind: PlaceKind,
    /// "the WORD of X" and "X WORD" call X so ("the state of X", "the X region"): X is given
    /// the word as a description.
    pub names: bool,
}

/// A head noun of a description ("group", "president") and what it can refer to.
#[derive(Clone, Debug)]
pub struct Head {
    /// Empty for a word that refers only to an entity the text described with a word of its
    /// kind, or whose name holds it ("the dam" → "the Se Khamphan dam", "the ferry" → "the
    /// vessel, the MV …"): vessels and structures the tagger labels every which way.
    pub labels: Vec<EntityLabel>,
    pub gender: Option<Gender>,
    /// Words of one kind stand for each other ("ferry", "vessel", "boat").
    pub kind: Option<String>,
    /// The label an entity the text describes so takes, as CoNLL labels it: a vessel MISC, a
    /// tavern or a dam LOC. None for a word too generic to settle it ("the Congress building").
    pub settles: Option<EntityLabel>,
}

pub struct Lexicon {
    pub heads: HashMap<String, Head>,
    pub pronouns: HashMap<String, PronounClass>,
    pub first_names: HashMap<String, Gender>,
    /// Last words of names that settle the label ("… Terminal" LOC, "… Board" ORG).
    pub name_heads: HashMap<String, EntityLabel>,
    /// First words of names that settle the label when the last word does not ("Gulf of …"
    /// LOC, "Radio …" ORG).
    pub name_openers: HashMap<String, EntityLabel>,
    /// Description heads that refer only to an entity described so or whose name holds them
    /// ("the government"), never to the nearest organisation.
    /// With the other words a name may hold for it ("army": "… Defense Force").
    pub described_only: HashMap<String, Vec<String>>,
    /// Words next to a name that tell its label (`label_cues.tsv`).
    pub label_cues: Vec<LabelCue>,
    /// The label cues by the word next to the name, indices into `label_cues` in file order:
    /// a cue with words before the name under its last word before it, any other cue under its
    /// first word after the name (a name meets only the cues of its two neighbours).
    pub label_cues_by_word: LabelCueIndex,
    /// Place nouns and the kind of place they call (`place_nouns.tsv`).
    pub place_nouns: HashMap<String, PlaceNoun>,
    /// Words that set a name after a description ("a gang known as X"; `naming_phrases.tsv`),
    /// as lower-case tokens.
    pub naming_phrases: Vec<Vec<String>>,
    /// Kinds of organisation that exclude each other ("company", "union"; `org_kinds.tsv`).
    pub org_kinds: HashMap<String, String>,
    /// National capitals, lower-case (`capitals.txt`, from GeoNames).
    pub capitals: std::collections::HashSet<String>,
}

/// Where a label cue's words stand around a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueSide {
    Before,
    After,
    Around,
}

/// Words next to a name that tell its label: "in" before a name, "district" after it.
#[derive(Clone, Debug)]
pub struct LabelCue {
    pub side: CueSide,
    /// Lower-case tokens right before the name (`Before`, `Around`).
    pub before: Vec<String>,
    /// Lower-case tokens right after the name (`After`, `Around`).
    pub after: Vec<String>,
    pub label: EntityLabel,
}

/// [`Lexicon::label_cues`] by the word that touches the name.
#[derive(Clone, Debug, Default)]
pub struct LabelCueIndex {
    /// Cues with words before the name, by the last of them.
    pub before: HashMap<String, Vec<usize>>,
    /// Cues with words only after the name, by the first of them.
    pub after: HashMap<String, Vec<usize>>,
}

impl LabelCueIndex {
    fn new(cues: &[LabelCue]) -> LabelCueIndex {
        let mut index = LabelCueIndex::default();
        for (i, cue) in cues.iter().enumerate() {
            let (map, word) = match (cue.before.last(), cue.after.first()) {
                (Some(w), _) => (&mut index.before, w),
                (None, Some(w)) => (&mut index.after, w),
                (None, None) => continue,
            };
            map.entry(word.clone()).or_default().push(i);
        }
        index
    }
}

static LEXICON: LazyLock<Result<Lexicon, CorefError>> = LazyLock::new(Lexicon::load);

fn rows(text: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

fn label(s: &str) -> Option<EntityLabel> {
    match s {
        "PER" => Some(EntityLabel::Per),
        "ORG" => Some(EntityLabel::Org),
        "LOC" => Some(EntityLabel::Loc),
        "MISC" => Some(EntityLabel::Misc),
        _ => None,
    }
}

fn gender(s: &str) -> Result<Option<Gender>, ()> {
    match s {
        "m" => Ok(Some(Gender::Male)),
        "f" => Ok(Some(Gender::Female)),
        "-" => Ok(None),
        _ => Err(()),
    }
}

impl Lexicon {
    /// The shared lexicon; an error only when a shipped data file is malformed (a build
    /// defect the tests catch).
    pub fn global() -> Result<&'static Lexicon, &'static CorefError> {
        LEXICON.as_ref()
    }

    fn load() -> Result<Lexicon, CorefError> {
        let bad = |file: &'static str, line: usize| CorefError::Data { file, line };
        let mut heads = HashMap::default();
        for (line, cols) in rows(include_str!("../data/heads.tsv")) {
            let (word, labels, g, kind, settles) = match cols[..] {
                [word, labels, g] => (word, labels, g, None, None),
                [word, labels, g, kind, "-"] => (word, labels, g, Some(kind.to_string()), None),
                [word, labels, g, kind, settles] => (
                    word,
                    labels,
                    g,
                    Some(kind.to_string()),
                    Some(label(settles).ok_or(bad("heads.tsv", line))?),
                ),
                _ => return Err(bad("heads.tsv", line)),
            };
            let labels: Option<Vec<EntityLabel>> =
                if labels == "-" { Some(Vec::new()) } else { labels.split(',').map(label).collect() };
            let labels = labels.ok_or(bad("heads.tsv", line))?;
            let gender = gender(g).map_err(|_| bad("heads.tsv", line))?;
            heads.insert(word.to_lowercase(), Head { labels, gender, kind, settles });
        }
        let mut pronouns = HashMap::default();
        for (line, cols) in rows(include_str!("../data/pronouns.tsv")) {
            let [word, class] = cols[..] else { return Err(bad("pronouns.tsv", line)) };
            let class = match class {
                "m" => PronounClass::Person(Gender::Male),
                "f" => PronounClass::Person(Gender::Female),
                "n" => PronounClass::Neuter,
                "p" => PronounClass::Plural,
                _ => return Err(bad("pronouns.tsv", line)),
            };
            pronouns.insert(word.to_string(), class);
        }
        let mut first_names = HashMap::default();
        for (line, cols) in rows(include_str!("../data/first_names.tsv")) {
            let [name, g] = cols[..] else { return Err(bad("first_names.tsv", line)) };
            let g = gender(g).ok().flatten().ok_or(bad("first_names.tsv", line))?;
            first_names.insert(name.to_string(), g);
        }
        // word <TAB> label files.
        let word_labels =
            |file: &'static str, data: &'static str| -> Result<HashMap<String, EntityLabel>, CorefError> {
                let mut m = HashMap::default();
                for (line, cols) in rows(data) {
                    let [word, l] = cols[..] else { return Err(bad(file, line)) };
                    m.insert(word.to_string(), label(l).ok_or(bad(file, line))?);
                }
                Ok(m)
            };
        let name_heads = word_labels("name_heads.tsv", include_str!("../data/name_heads.tsv"))?;
        let name_openers = word_labels("name_openers.tsv", include_str!("../data/name_openers.tsv"))?;
        let mut described_only = HashMap::default();
        for (line, cols) in rows(include_str!("../data/described_only.tsv")) {
            let (word, others) = match cols[..] {
                [word] => (word, ""),
                [word, others] => (word, others),
                _ => return Err(bad("described_only.tsv", line)),
            };
            if !heads.contains_key(word) {
                return Err(bad("described_only.tsv", line));
            }
            let others = others.split_whitespace().map(str::to_lowercase).collect();
            described_only.insert(word.to_string(), others);
        }
        let mut label_cues = Vec::new();
        for (line, cols) in rows(include_str!("../data/label_cues.tsv")) {
            let [side, words, l] = cols[..] else { return Err(bad("label_cues.tsv", line)) };
            let label = label(l).ok_or(bad("label_cues.tsv", line))?;
            let toks = |w: &str| w.split_whitespace().map(str::to_string).collect::<Vec<_>>();
            let (side, before, after) = match side {
                "before" => (CueSide::Before, toks(words), Vec::new()),
                "after" => (CueSide::After, Vec::new(), toks(words)),
                "around" => {
                    let (b, a) = words.split_once(" … ").ok_or(bad("label_cues.tsv", line))?;
                    (CueSide::Around, toks(b), toks(a))
                }
                _ => return Err(bad("label_cues.tsv", line)),
            };
            if before.is_empty() && after.is_empty() {
                return Err(bad("label_cues.tsv", line));
            }
            label_cues.push(LabelCue { side, before, after, label });
        }
        let mut place_nouns = HashMap::default();
        for (line, cols) in rows(include_str!("../data/place_nouns.tsv")) {
            let [word, kind, names] = cols[..] else { return Err(bad("place_nouns.tsv", line)) };
            let kind = match kind {
                "settlement" => PlaceKind::Settlement,
                "country" => PlaceKind::Country,
                "region" => PlaceKind::Region,
                "capital" => PlaceKind::Capital,
                _ => return Err(bad("place_nouns.tsv", line)),
            };
            let names = match names {
                "yes" => true,
                "no" => false,
                _ => return Err(bad("place_nouns.tsv", line)),
            };
            if !heads.contains_key(word) {
                return Err(bad("place_nouns.tsv", line));
            }
            place_nouns.insert(word.to_string(), PlaceNoun { kind, names });
        }
        let naming_phrases = rows(include_str!("../data/naming_phrases.tsv"))
            .map(|(line, cols)| match cols[..] {
                [phrase] if !phrase.is_empty() => {
                    Ok(phrase.split_whitespace().map(str::to_string).collect::<Vec<_>>())
                }
                _ => Err(bad("naming_phrases.tsv", line)),
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut org_kinds = HashMap::default();
        for (line, cols) in rows(include_str!("../data/org_kinds.tsv")) {
            let [word, kind] = cols[..] else { return Err(bad("org_kinds.tsv", line)) };
            if !heads.contains_key(word) {
                return Err(bad("org_kinds.tsv", line));
            }
            org_kinds.insert(word.to_string(), kind.to_string());
        }
        let capitals = rows(include_str!("../data/capitals.txt"))
            .map(|(line, cols)| match cols[..] {
                [name] if !name.is_empty() => Ok(name.to_lowercase()),
                _ => Err(bad("capitals.txt", line)),
            })
            .collect::<Result<_, _>>()?;
        let label_cues_by_word = LabelCueIndex::new(&label_cues);
        Ok(Lexicon {
            heads,
            pronouns,
            first_names,
            name_heads,
            name_openers,
            described_only,
            label_cues,
            label_cues_by_word,
            place_nouns,
            naming_phrases,
            org_kinds,
            capitals,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse() {
        let lex = Lexicon::global().expect("shipped data parses");
        assert!(lex.heads["group"].labels.contains(&EntityLabel::Org));
        assert_eq!(lex.heads["spokeswoman"].gender, Some(Gender::Female));
        assert_eq!(lex.pronouns["his"], PronounClass::Person(Gender::Male));
        assert_eq!(lex.first_names["maria"], Gender::Female);
        assert_eq!(lex.place_nouns["province"].kind, PlaceKind::Region);
        assert!(!lex.place_nouns["capital"].names);
        assert_ne!(lex.org_kinds["company"], lex.org_kinds["union"]);
        assert_eq!(lex.place_nouns["capital"].kind, PlaceKind::Capital);
        assert!(lex.capitals.contains("kampala") && !lex.capitals.contains("quetzaltenango"));
        assert!(lex.naming_phrases.iter().any(|p| p == &["known", "as"]));
    }

    /// Every label cue is listed once, in file order, under the word that touches the name, so
    /// the lookup by the name's neighbours meets every cue the full scan did.
    #[test]
    fn label_cue_index_lists_every_cue_once_under_its_neighbour_word() {
        let lex = Lexicon::global().expect("shipped data parses");
        let index = &lex.label_cues_by_word;
        let mut seen = vec![0; lex.label_cues.len()];
        for (map, before) in [(&index.before, true), (&index.after, false)] {
            for (word, list) in map {
                assert!(list.windows(2).all(|w| w[0] < w[1]), "{word}: not in file order");
                for &i in list {
                    let cue = &lex.label_cues[i];
                    let key = if before { cue.before.last() } else { cue.after.first() };
                    assert_eq!(key, Some(word));
                    assert!(before || cue.before.is_empty());
                    seen[i] += 1;
                }
            }
        }
        assert!(seen.iter().all(|&n| n == 1), "{seen:?}");
        assert!(index.before["in"].iter().any(|&i| lex.label_cues[i].side == CueSide::Before));
    }
}
