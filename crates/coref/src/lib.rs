//! In-document entity linking: one entity per real-world thing.
//!
//! The named-entity mentions of the tagger are first mended and labelled by the words around
//! them (`label_cues.tsv`: "in X", "X district", "(X) -"; a description set right before a
//! name: "state broadcaster X"; "Black Sea" + "Wire" one name), then grouped, in text order,
//! by a sieve of rules
//! in the spirit of the Stanford multi-pass sieve (Lee et al. 2013), from the most precise to
//! the least:
//!
//! 1. **Acronyms** introduced by parentheses ("ISIS-K (Islamic State of Khorasan, …)", "the
//!    Northern Relief Coalition (NRC)") become one entity; a later acronym whose letters are
//!    the initials of an earlier name joins it ("United States" … "US").
//! 2. **Name variants**: the same name; a person's surname or first name after the full
//!    name ("Vladimir Putin" … "Putin"); an organisation's name without its legal suffix or
//!    with fewer words at the end ("Harbor Logistics Inc." … "Harbor Logistics").
//! 3. **Descriptions** the text gives an entity: titles before a name ("spokeswoman Jane
//!    Roe"), modifiers between a determiner and a name ("the London-based X"), appositions
//!    ("X, a research group,") and copular definitions ("X is a research group"). A later
//!    definite description ("the group", "the president") joins the most recent entity the
//!    text described with that head noun or whose name holds it; an indefinite one ("a
//!    UK-based group") that a lead or a claim uses before the name joins the entity later
//!    described that way; any indefinite one of the lead paragraph joins the entity named
//!    after it that the text called so or whose name ends on the word, a person's word the
//!    person the next sentence names; a headline's bare description ("Insurer cuts …") the
//!    entity the body first names that the text called so. Place nouns (`place_nouns.tsv`) join the nearest place of
//!    their kind: a settlement, a country, or a part of a country ("the region").
//! 4. **Pronouns**: an attribution's pronoun source follows the attribution stage's
//!    resolution ("he added" → the previous speaker); other he/she → the nearest person of a
//!    compatible gender; it/its → the nearest organisation; they/their → the nearest
//!    organisation when no plural noun comes between.
//!
//! Word lists (description heads, pronouns, first names for gender) live in `data/`.

mod lexicon;

use std::borrow::Cow;
use std::collections::HashMap;

use dossier_attribution::AttributionHit;
use dossier_doc::Span;
use dossier_segment::Segmentation;
use dossier_tag::{EntityLabel, PosTag};

pub use lexicon::{Gender, Lexicon, PlaceKind, PronounClass};

/// Errors of this crate: a malformed shipped word list (a build defect the tests catch).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CorefError {
    #[error("coreference data file {file}, line {line}: malformed entry")]
    Data { file: &'static str, line: usize },
}

/// Checks the shipped word lists.
pub fn check_data() -> Result<(), &'static CorefError> {
    Lexicon::global().map(|_| ())
}

/// A named-entity mention from the tagger.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameMention {
    pub span: Span,
    pub label: EntityLabel,
}

/// How an entity is mentioned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MentionKind {
    Name,
    /// A description: "the group", "a UK-based group", "the president".
    Nominal,
    Pronoun,
}

impl MentionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Name => "name",
            MentionKind::Nominal => "nominal",
            MentionKind::Pronoun => "pronoun",
        }
    }
}

/// One mention of an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub kind: MentionKind,
}

/// One entity: its mentions in text order (at least one is a name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// The fullest name form in the text.
    pub name: String,
    pub label: EntityLabel,
    /// Where `name` is first written.
    pub name_span: Span,
    /// The other name forms ("Putin", "ISIS-K").
    pub aliases: Vec<String>,
    pub mentions: Vec<Mention>,
}

/// What the linker reads.
pub struct CorefInput<'a> {
    pub text: &'a str,
    pub seg: &'a Segmentation,
    /// Aligned with `seg.tokens`.
    pub pos: &'a [Option<PosTag>],
    /// The tagger's name mentions, in text order.
    pub names: &'a [NameMention],
    pub attributions: &'a [AttributionHit],
    /// The headline, when the text has one (its lead is the first paragraph after it).
    pub title: Option<Span>,
}

/// Groups the mentions of a document into entities (ordered by first mention).
pub fn resolve(input: &CorefInput) -> Vec<Entity> {
    let Ok(lex) = Lexicon::global() else { return fallback(input) };
    let mut linker = Linker::new(input, lex);
    linker.names();
    linker.descriptions();
    linker.nominals();
    linker.headline_nominals();
    linker.ages();
    linker.pronouns();
    linker.entities()
}

/// Exact-name grouping, used only if the shipped word lists were malformed.
fn fallback(input: &CorefInput) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    for m in input.names {
        let name = normalize(m.span.of(input.text));
        match out.iter_mut().find(|e| e.name == name) {
            Some(e) => e.mentions.push(Mention { span: m.span, kind: MentionKind::Name }),
            None => out.push(Entity {
                name,
                label: m.label,
                name_span: m.span,
                aliases: Vec::new(),
                mentions: vec![Mention { span: m.span, kind: MentionKind::Name }],
            }),
        }
    }
    out
}

/// Whitespace collapsed, a leading "the" and a trailing possessive dropped.
fn normalize(s: &str) -> String {
    let s = s.trim();
    let s = s.strip_prefix("the ").or_else(|| s.strip_prefix("The ")).unwrap_or(s);
    let s = s.strip_suffix("'s").or_else(|| s.strip_suffix("’s")).unwrap_or(s);
    // Most names are already so (ASCII, words one space apart, no other white space and none
    // at the ends): copied as they are, which is what the split and join make of them.
    let b = s.as_bytes();
    let other_space = |c: &u8| c.is_ascii_whitespace() && *c != b' ' || *c == 0x0b;
    let plain = s.is_ascii()
        && b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && !b.iter().any(other_space)
        && !b.windows(2).any(|w| w == b"  ");
    if plain {
        return s.to_string();
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A normalized name with what [`Linker::same_name`] reads of it.
struct Name<'a> {
    text: &'a str,
    words: Vec<&'a str>,
    acronym: Option<String>,
    /// [`is_place`] of the text, asked once (every name is compared with all before it).
    place: std::cell::OnceCell<bool>,
}

impl<'a> Name<'a> {
    fn new(text: &'a str) -> Name<'a> {
        Name {
            text,
            words: text.split(' ').collect(),
            acronym: acronym_letters(text),
            place: std::cell::OnceCell::new(),
        }
    }

    fn is_place(&self) -> bool {
        *self.place.get_or_init(|| is_place(self.text))
    }
}

/// Words that may stand lower-case inside a name ("Islamic State **of** Khorasan").
const NAME_GLUE: [&str; 9] = ["of", "the", "and", "for", "de", "du", "al", "la", "on"];
/// Legal-form words an organisation's short name drops.
const LEGAL_SUFFIXES: [&str; 12] =
    ["inc", "inc.", "ltd", "ltd.", "llc", "plc", "corp", "corp.", "co", "co.", "gmbh", "s.a."];
const COPULAS: [&str; 7] = ["is", "was", "are", "were", "remains", "became", "becomes"];
const DETERMINERS: [&str; 5] = ["the", "this", "that", "a", "an"];

/// Possessives that make a place noun a description like "the": "his country" is the country
/// the text named last, as "the country" is.
const POSSESSIVE_PLACE_DETERMINERS: [&str; 4] = ["his", "her", "its", "their"];

/// The letters of an acronym-like token ("ISIS-K" → "ISISK", "U.S." → "US"), or `None`
/// when the token is not one (two or more capitals, no lower-case letter but a plural s).
fn acronym_letters(s: &str) -> Option<String> {
    if s.contains(char::is_whitespace) {
        return None;
    }
    let s = s.strip_suffix('s').filter(|r| r.chars().all(|c| !c.is_lowercase())).unwrap_or(s);
    let letters: String = s.chars().filter(|c| c.is_alphanumeric()).collect();
    let caps = letters.chars().filter(|c| c.is_uppercase()).count();
    (caps >= 2 && letters.chars().all(|c| !c.is_lowercase())).then_some(letters)
}

/// Initials of a name's capitalised words ("National Security Council" → "NSC").
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

#[derive(Clone, Debug, Default)]
struct Info {
    descs: Vec<String>,
    gender: Option<Gender>,
    /// Votes per label, in `EntityLabel` order.
    labels: [u16; 4],
    name_words: Vec<String>,
    /// Whether the cluster holds a name (only such clusters are entities).
    named: bool,
    /// ORG when a name's last word settled it so ("Meridian Garments"), PER when a first name
    /// starts it ("Peter Banda"): a shorter mention the tagger labelled otherwise
    /// ("Meridian", "Banda" the town) does not outvote it.
    settled: Option<EntityLabel>,
    /// The label of a description the text set next to a name ("state broadcaster X", "the
    /// Palermo-based group X", "X, a rights group,"): what the text says the thing is
    /// outweighs the tagger's guesses at an unfamiliar name.
    described: Option<EntityLabel>,
    /// A name mention of two words or more, or a first name: the forms a person's name takes.
    person_form: bool,
    /// A mention next to words that tell a place (`label_cues.tsv`): 1 for a one-word cue ("in
    /// X"), 2 for a longer one ("the town of X", "the state of X").
    place_cue: u8,
}

impl Info {
    fn label(&self) -> Option<EntityLabel> {
        if self.settled.is_some() {
            return self.settled;
        }
        if self.described.is_some() {
            return self.described;
        }
        let best = (0..4).max_by_key(|&i| (self.labels[i], 4 - i))?;
        let label = (self.labels[best] > 0).then(|| dossier_tag::ner::ENTITY_LABELS[best])?;
        // A one-word name never given a first name or a surname, that the text sets "in" or
        // calls "the town of X", is a place the tagger took for a person ("Chiatura"); one the
        // text calls "the state of X" is a place the tagger took for an organisation ("in X"
        // is not enough for those: "in Congress").
        let cue = match label {
            EntityLabel::Per => 1,
            EntityLabel::Org => 2,
            _ => u8::MAX,
        };
        if self.place_cue >= cue && !self.person_form {
            return Some(EntityLabel::Loc);
        }
        Some(label)
    }
    /// The text called it `head`, or a word of the same kind (`kind` of `head` in heads.tsv:
    /// "the ferry" after "the vessel, the MV …"), or its name holds the word.
    fn has_desc(&self, head: &str, lex: &Lexicon) -> bool {
        let kind = lex.heads.get(head).and_then(|h| h.kind.as_deref());
        let same_kind =
            |d: &String| kind.is_some() && lex.heads.get(d.as_str()).and_then(|h| h.kind.as_deref()) == kind;
        self.descs.iter().any(|d| d == head || same_kind(d)) || self.name_words.iter().any(|w| w == head)
    }
}

/// The last word of a name of several words ("Fund" of "Lielupe Pension Fund"); none for a
/// one-word name.
fn last_name_word(name: &str) -> Option<&str> {
    name.rsplit(' ').next().filter(|_| name.contains(' '))
}

fn label_index(l: EntityLabel) -> usize {
    dossier_tag::ner::ENTITY_LABELS.iter().position(|&x| x == l).unwrap_or(0)
}

#[derive(Clone, Copy, Debug)]
struct M {
    span: Span,
    kind: MentionKind,
    label: Option<EntityLabel>,
    sentence: usize,
}

struct Linker<'a> {
    text: &'a str,
    seg: &'a Segmentation,
    pos: &'a [Option<PosTag>],
    attributions: &'a [AttributionHit],
    lex: &'static Lexicon,
    mentions: Vec<M>,
    parent: Vec<usize>,
    info: Vec<Info>,
    /// For each token, the name mention covering it.
    name_at: Vec<Option<usize>>,
    sentence_of: Vec<usize>,
    lower: Vec<Cow<'a, str>>,
    /// Descriptions made mentions by apposition (token ranges, to skip in the nominal scan).
    taken: Vec<Span>,
    /// The lead: the first paragraph of the body (after the headline) of eight tokens or more.
    lead: Span,
    /// The headline.
    title: Option<Span>,
    /// The head word of each description mention, by mention id.
    nominal_heads: HashMap<usize, String>,
    /// The last words, lower-cased, of the multi-word names not tagged PER ("fund" of
    /// "Lielupe Pension Fund"): "the fund" refers to that name even when heads.tsv does not
    /// list the word.
    name_ends: Vec<String>,
    /// [`Linker::name_head_label`]'s answers by name and tagged label (a name told again asks
    /// the gazetteer and the word lists once).
    head_labels: std::cell::RefCell<HeadLabels>,
}

/// [`Linker::name_head_label`]'s memo: per name, (tagged label, answer) pairs.
type HeadLabels = rustc_hash::FxHashMap<String, Vec<(EntityLabel, Option<EntityLabel>)>>;

impl<'a> Linker<'a> {
    fn new(input: &CorefInput<'a>, lex: &'static Lexicon) -> Linker<'a> {
        let seg = input.seg;
        let mut sentence_of = vec![0; seg.tokens.len()];
        for (si, r) in seg.sentence_tokens.iter().enumerate() {
            for slot in sentence_of.get_mut(r.clone()).into_iter().flatten() {
                *slot = si;
            }
        }
        // Lower-case words; ASCII words without capitals (most) are borrowed, not copied.
        let lower = seg
            .tokens
            .iter()
            .map(|t| {
                let w = t.span.of(input.text);
                if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                    Cow::Borrowed(w)
                } else if w.is_ascii() {
                    // (The same string as `to_lowercase` for ASCII.)
                    Cow::Owned(w.to_ascii_lowercase())
                } else {
                    Cow::Owned(w.to_lowercase())
                }
            })
            .collect();
        let mut l = Linker {
            text: input.text,
            seg,
            pos: input.pos,
            attributions: input.attributions,
            lex,
            mentions: Vec::new(),
            parent: Vec::new(),
            info: Vec::new(),
            name_at: vec![None; seg.tokens.len()],
            sentence_of,
            lower,
            taken: Vec::new(),
            lead: Span::new(0, 0),
            title: input.title,
            nominal_heads: HashMap::new(),
            name_ends: Vec::new(),
            head_labels: Default::default(),
        };
        let after_title = input.title.map_or(0, |t| t.end);
        let lead = seg.paragraphs.iter().find(|p| {
            p.start >= after_title && seg.tokens.iter().filter(|t| p.contains(&t.span)).take(8).count() == 8
        });
        l.lead = lead.copied().unwrap_or(Span::new(0, 0));
        let mut names: Vec<NameMention> =
            input.names.iter().copied().filter(|m| m.span.start < m.span.end).collect();
        names.sort_by_key(|m| (m.span.start, m.span.end));
        names.dedup_by(|b, a| a.span.overlaps(&b.span));
        let names = l.join_org_words(names);
        let names = l.with_missed_places(names);
        let names = l.mend_cut_names(names);
        for mut m in names {
            m.span = l.without_based(m.span);
            // Words next to the mention that tell its label ("in Tumpat", "Kegalle district")
            // overrule the tagger for this mention, and count twice.
            let cue_words = l.label_cue_words(m.span);
            let cue = cue_words.map(|(c, _)| c);
            let tagged = cue.unwrap_or(m.label);
            // A name's last word that settles its label ("Meridian Garments" ORG whatever the
            // tagger said) settles it for the rules too: its descriptions and "the company".
            let settled = l.name_head_label(m.span.of(input.text), tagged);
            let id = l.add_name(m.span, settled.unwrap_or(tagged));
            if let (Some(c), None) = (cue, settled) {
                l.info[id].labels[label_index(c)] += 1;
            }
            l.info[id].place_cue = match cue_words {
                Some((EntityLabel::Loc, n)) => n.min(2) as u8,
                _ => 0,
            };
            // An organisation's word keeps the cluster ORG against a shorter mention tagged
            // otherwise; a place's ("… River") does not make it the nearest place for "the
            // state" or "the region".
            // So does a person's first name before a surname ("Sofia Grell").
            l.info[id].settled = settled.filter(|&x| x == EntityLabel::Org || x == EntityLabel::Per);
            if tagged != EntityLabel::Per {
                let word = last_name_word(m.span.of(input.text)).filter(|w| {
                    w.chars().count() >= 3
                        && w.chars().all(char::is_alphabetic)
                        && w.chars().next().is_some_and(char::is_uppercase)
                });
                if let Some(w) = word.map(str::to_lowercase) {
                    if !l.name_ends.contains(&w) {
                        l.name_ends.push(w);
                    }
                }
            }
        }
        l
    }

    /// A name the tagger ended one word short of an organisation's last word ("Black Sea" +
    /// "Wire", "East Africa Wire" cut at "Wire"): the whole is one organisation's name, the
    /// capitalised word after it one of `name_heads.tsv`'s organisation words, absorbing a name
    /// mention the tagger made of that word alone.
    fn join_org_words(&self, names: Vec<NameMention>) -> Vec<NameMention> {
        let mut out = Vec::with_capacity(names.len());
        let mut i = 0;
        while i < names.len() {
            let mut m = names[i];
            i += 1;
            let toks = self.tokens_of(m.span);
            let next = toks.end;
            if toks.is_empty()
                || next >= self.lower.len()
                || self.sentence_of[next] != self.sentence_of[toks.start]
            {
                out.push(m);
                continue;
            }
            let tok = self.seg.tokens[next].span;
            let org_word = &self.text[m.span.end..tok.start] == " "
                && self.capital(next)
                && self.lex.name_heads.get(&*self.lower[next]) == Some(&EntityLabel::Org);
            let alone = names.get(i).is_some_and(|n| n.span == tok);
            let other = names.get(i).is_some_and(|n| n.span.start < tok.end);
            if org_word && (alone || !other) {
                i += usize::from(alone);
                m = NameMention { span: Span::new(m.span.start, tok.end), label: EntityLabel::Org };
            }
            out.push(m);
        }
        out
    }

    /// Places the tagger missed whose last word is a place's (`name_heads.tsv`): "the Anzob
    /// Tunnel", "the Kariba Dam" — two to four capitalised words after a lower-case "the",
    /// outside the headline, none of them in a name.
    fn with_missed_places(&self, mut names: Vec<NameMention>) -> Vec<NameMention> {
        let n = self.seg.tokens.len();
        let mut found = Vec::new();
        for t in (0..n).filter(|&t| self.tok(t) == "the") {
            let mut e = t + 1;
            while e < n && e - t <= 4 && self.capital(e) && self.sentence_of[e] == self.sentence_of[t] {
                e += 1;
            }
            if e - t < 3 || self.lex.name_heads.get(&*self.lower[e - 1]) != Some(&EntityLabel::Loc) {
                continue;
            }
            let span = Span::new(self.seg.tokens[t + 1].span.start, self.seg.tokens[e - 1].span.end);
            if self.title.is_some_and(|h| h.overlaps(&span)) || names.iter().any(|m| m.span.overlaps(&span)) {
                continue;
            }
            found.push(NameMention { span, label: EntityLabel::Loc });
        }
        if !found.is_empty() {
            names.extend(found);
            names.sort_by_key(|m| (m.span.start, m.span.end));
        }
        names
    }

    /// Names the tagger cut short, made whole:
    /// - a wire's credit in a dateline cut inside its parentheses ("(Imereti Today) -" tagged
    ///   "Imereti"): the capitalised words up to ")" are the organisation;
    /// - a place's opening word and the name after "of" ("Gulf" + "of" + "Finland"; openers of
    ///   `name_openers.tsv`): one place;
    /// - a name and what follows "and" when that is an organisation's end ("Vanuatu
    ///   Meteorology" + "and Geo-Hazards Department") or a country's ("… Union of Miners of
    ///   Bosnia" + "and" + "Herzegovina": "Bosnia and Herzegovina").
    fn mend_cut_names(&self, names: Vec<NameMention>) -> Vec<NameMention> {
        use dossier_tag::gazetteer::{Gazetteer, Kind};
        let n = self.seg.tokens.len();
        let word = |t: usize| self.lower.get(t).map_or("", |w| &**w);
        let same = |a: usize, b: usize| self.sentence_of[a] == self.sentence_of[b];
        // The names starting at token `t`.
        let starts_at = |names: &[NameMention], i: usize, t: usize| {
            names.get(i).filter(|m| t < n && m.span.start == self.seg.tokens[t].span.start).copied()
        };
        let mut out: Vec<NameMention> = Vec::with_capacity(names.len());
        let mut i = 0;
        while i < names.len() {
            let mut m = names[i];
            i += 1;
            let toks = self.tokens_of(m.span);
            if toks.is_empty() {
                out.push(m);
                continue;
            }
            let (first, end) = (toks.start, toks.end);
            // Tokens up to `to` (exclusive) become the name's, absorbing the names inside.
            let grow = |m: &mut NameMention, i: &mut usize, to: usize, label: EntityLabel| {
                m.span = Span::new(m.span.start, self.seg.tokens[to - 1].span.end);
                m.label = label;
                while names.get(*i).is_some_and(|x| x.span.start < m.span.end) {
                    *i += 1;
                }
            };
            if first >= 1 && word(first - 1) == "(" && end < n {
                // A credit: "(" NAME capitalised words ")" "-".
                let mut e = end;
                while e < n && e - first < 5 && self.capital(e) && same(e, first) {
                    e += 1;
                }
                let dash = matches!(word(e + 1), "-" | "–" | "—" | "--");
                if e > end && word(e) == ")" && dash {
                    grow(&mut m, &mut i, e, EntityLabel::Org);
                }
            } else if toks.len() == 1
                && self.lex.name_openers.get(word(first)) == Some(&EntityLabel::Loc)
                && word(end) == "of"
            {
                // "Gulf" "of" "Finland".
                if let Some(next) = starts_at(&names, i, end + 1).filter(|_| same(end + 1, first)) {
                    let to = self.tokens_of(next.span).end;
                    grow(&mut m, &mut i, to, EntityLabel::Loc);
                }
            } else if word(end) == "and" && end + 1 < n && same(end + 1, first) {
                if let Some(next) = starts_at(&names, i, end + 1) {
                    // "… of Bosnia" "and" "Herzegovina": a country's name across the cut.
                    let last = self.tok(end - 1);
                    let pair = format!("{last} and {}", next.span.of(self.text));
                    if Gazetteer::global().kinds_of(&pair) & Kind::Country.bit() != 0 && toks.len() > 1 {
                        let to = self.tokens_of(next.span).end;
                        let label = m.label;
                        grow(&mut m, &mut i, to, label);
                    }
                } else {
                    // "Vanuatu Meteorology" "and" "Geo-Hazards Department".
                    let mut e = end + 1;
                    while e < n && e - end <= 4 && (self.capital(e) || word(e) == "-") && same(e, first) {
                        e += 1;
                    }
                    let free = names.get(i).is_none_or(|x| x.span.start >= self.seg.tokens[e - 1].span.end);
                    // (not after a known place: "Kenya and Interior Ministry officials")
                    let place = Gazetteer::global().kinds_of(m.span.of(self.text)) != 0;
                    if e > end + 1
                        && free
                        && !place
                        && self.lex.name_heads.get(word(e - 1)) == Some(&EntityLabel::Org)
                    {
                        grow(&mut m, &mut i, e, EntityLabel::Org);
                    }
                }
            }
            out.push(m);
        }
        out
    }

    /// A name the tagger took with the "-based" after it ("a Penang-based group"): the name
    /// alone.
    fn without_based(&self, span: Span) -> Span {
        let toks = self.tokens_of(span);
        if toks.len() >= 3 && self.lower[toks.end - 1] == "based" && self.lower[toks.end - 2] == "-" {
            return Span::new(span.start, self.seg.tokens[toks.end - 3].span.end);
        }
        span
    }

    /// Whether a name is a wire's credit in a dateline ("BEIRUT (Levant Wire) - …"): the
    /// agency that wrote the story, which its pronouns and descriptions do not stand for.
    fn is_credit(&self, span: Span) -> bool {
        let toks = self.tokens_of(span);
        let w = |t: usize| self.lower.get(t).map_or("", |s| &**s);
        toks.start >= 1
            && w(toks.start - 1) == "("
            && w(toks.end) == ")"
            && matches!(w(toks.end + 1), "-" | "–" | "—" | "--")
    }

    /// The label the words next to a name tell (`label_cues.tsv`): the longest cue on each
    /// side; none when the cues found disagree.
    fn label_cue(&self, span: Span) -> Option<EntityLabel> {
        self.label_cue_words(span).map(|(l, _)| l)
    }

    /// The label of `label_cue` and the number of words of its longest cue ("the town of X":
    /// two, "in X": one).
    fn label_cue_words(&self, span: Span) -> Option<(EntityLabel, usize)> {
        use dossier_tag::gazetteer::{Gazetteer, Kind};
        let toks = self.tokens_of(span);
        let (first, last) = (toks.start, toks.end);
        let sentence = self.sentence_of.get(first).copied();
        let words_before = |w: &[String]| {
            first >= w.len()
                && w.iter().zip(first - w.len()..first).all(|(x, t)| *x == self.lower[t])
                && (first - w.len()..first).all(|t| self.sentence_of[t] == sentence.unwrap_or(0))
        };
        let words_after = |w: &[String]| {
            last + w.len() <= self.lower.len()
                && w.iter().zip(last..last + w.len()).all(|(x, t)| *x == self.lower[t])
                && (last..last + w.len()).all(|t| self.sentence_of[t] == sentence.unwrap_or(0))
        };
        let mut best: [Option<(usize, EntityLabel)>; 3] = [None; 3];
        // Only the cues whose word next to the name is the text's (the index keeps file order;
        // a cue with words before the name and one with words only after it never share a slot,
        // so the two lists may be read one after the other).
        let index = &self.lex.label_cues_by_word;
        let before =
            first.checked_sub(1).and_then(|t| self.lower.get(t)).and_then(|w| index.before.get(w.as_ref()));
        let after = self.lower.get(last).and_then(|w| index.after.get(w.as_ref()));
        let cues = before.into_iter().chain(after).flatten().map(|&i| &self.lex.label_cues[i]);
        for cue in cues {
            let (slot, len) = match cue.side {
                lexicon::CueSide::Before => (0, cue.before.len()),
                lexicon::CueSide::After => (1, cue.after.len()),
                lexicon::CueSide::Around => (2, cue.before.len() + cue.after.len()),
            };
            if !words_before(&cue.before) || !words_after(&cue.after) {
                continue;
            }
            // "in Zorvo's case", "in Smith's view": the name owns what the preposition governs.
            if cue.side == lexicon::CueSide::Before
                && cue.label == EntityLabel::Loc
                && self.lower.get(last).is_some_and(|w| w == "'s" || w == "’s")
            {
                continue;
            }
            if best[slot].is_none_or(|(n, _)| n < len) {
                best[slot] = Some((len, cue.label));
            }
        }
        let mut labels = best.iter().flatten().map(|&(_, l)| l);
        let label = labels.next()?;
        // "in Spanish": a people's or language's word is no place (looked up only for the
        // few names a cue is found next to).
        if Gazetteer::global().kinds_of(span.of(self.text)) & Kind::Demonym.bit() != 0 {
            return None;
        }
        let words = best.iter().flatten().map(|&(n, _)| n).max().unwrap_or(0);
        labels.all(|l| l == label).then_some((label, words))
    }

    /// The label the last word of a multi-word name settles (`name_heads.tsv`), else its first
    /// word (`name_openers.tsv`); not for a person's name, tagged so, that starts with a first
    /// name ("Dennis Hall").
    fn name_head_label(&self, name: &str, tagged: EntityLabel) -> Option<EntityLabel> {
        if let Some(known) = self.head_labels.borrow().get(name) {
            if let Some(&(_, l)) = known.iter().find(|(t, _)| *t == tagged) {
                return l;
            }
        }
        let l = self.name_head_label_uncached(name, tagged);
        self.head_labels.borrow_mut().entry(name.to_string()).or_default().push((tagged, l));
        l
    }

    /// [`Linker::name_head_label`] computed.
    fn name_head_label_uncached(&self, name: &str, tagged: EntityLabel) -> Option<EntityLabel> {
        // A name the gazetteer lists as an organisation only ("Boko Haram", an armed group the
        // tagger may take for a place).
        use dossier_tag::gazetteer::{Gazetteer, Kind};
        if Gazetteer::global().kinds_of(name) == Kind::Org.bit() {
            return Some(EntityLabel::Org);
        }
        // A name that opens with two or more words of such an organisation's is a branch of it
        // ("Islamic State Mozambique Province"), whatever its last word says.
        // (The prefixes are slices of `name`: `kinds_of` reads a name word by word.)
        let ends: Vec<usize> =
            name.split_whitespace().map(|w| w.as_ptr() as usize - name.as_ptr() as usize + w.len()).collect();
        if (2..ends.len()).any(|k| Gazetteer::global().kinds_of(&name[..ends[k - 1]]) == Kind::Org.bit()) {
            return Some(EntityLabel::Org);
        }
        let mut words = name.split_whitespace();
        let first = words.next()?;
        let last = words.next_back()?;
        if tagged == EntityLabel::Per && self.lex.first_names.contains_key(&first.to_lowercase()) {
            return None;
        }
        let settled = self
            .lex
            .name_heads
            .get(last.to_lowercase().as_str())
            .or_else(|| self.lex.name_openers.get(first.to_lowercase().as_str()))
            .copied();
        // A first name before one or two capitalised words is a person's name ("Sofia Lind"
        // tagged ORG because Sofia is a city).
        let n = name.split_whitespace().count();
        if settled.is_none()
            && n <= 3
            && self.lex.first_names.contains_key(&first.to_lowercase())
            && name.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            return Some(EntityLabel::Per);
        }
        settled
    }

    // ----- plumbing -----

    fn tok(&self, i: usize) -> &'a str {
        self.seg.tokens[i].span.of(self.text)
    }

    /// Whether token `i` is a nationality's word ("Somali"), by the gazetteer.
    fn demonym(&self, i: usize) -> bool {
        use dossier_tag::gazetteer::{Gazetteer, Kind};
        Gazetteer::global().kinds_of(self.tok(i)) & Kind::Demonym.bit() != 0
    }

    /// Whether token `i` starts with a capital letter.
    fn capital(&self, i: usize) -> bool {
        self.tok(i).chars().next().is_some_and(char::is_uppercase)
    }
    fn upos(&self, i: usize) -> &'static str {
        self.pos.get(i).copied().flatten().map_or("X", |p| p.upos())
    }
    fn xpos(&self, i: usize) -> &'static str {
        self.pos.get(i).copied().flatten().map_or("X", |p| p.xpos())
    }
    /// Index of the token starting at or after `byte`.
    fn token_from(&self, byte: usize) -> usize {
        self.seg.tokens.partition_point(|t| t.span.start < byte)
    }
    /// Token range covered by a span.
    fn tokens_of(&self, span: Span) -> std::ops::Range<usize> {
        self.token_from(span.start)..self.seg.tokens.partition_point(|t| t.span.start < span.end)
    }
    fn sentence_at(&self, byte: usize) -> usize {
        let i = self.token_from(byte).min(self.sentence_of.len().saturating_sub(1));
        self.sentence_of.get(i).copied().unwrap_or(0)
    }

    fn push(&mut self, span: Span, kind: MentionKind, label: Option<EntityLabel>) -> usize {
        let id = self.mentions.len();
        let sentence = self.sentence_at(span.start);
        self.mentions.push(M { span, kind, label, sentence });
        self.parent.push(id);
        let mut info = Info::default();
        if let Some(l) = label {
            info.labels[label_index(l)] += 1;
        }
        if kind == MentionKind::Name {
            info.named = span.start < span.end;
            info.name_words = span.of(self.text).split_whitespace().map(str::to_lowercase).collect();
            info.person_form = info.name_words.len() > 1
                || info.name_words.first().is_some_and(|w| self.lex.first_names.contains_key(w));
        }
        self.info.push(info);
        id
    }

    fn add_name(&mut self, span: Span, label: EntityLabel) -> usize {
        let id = self.push(span, MentionKind::Name, Some(label));
        for t in self.tokens_of(span) {
            self.name_at[t] = Some(id);
        }
        id
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        let (keep, gone) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[gone] = keep;
        let g = std::mem::take(&mut self.info[gone]);
        let k = &mut self.info[keep];
        for d in g.descs {
            if !k.descs.contains(&d) {
                k.descs.push(d);
            }
        }
        k.gender = k.gender.or(g.gender);
        for i in 0..4 {
            k.labels[i] += g.labels[i];
        }
        k.name_words.extend(g.name_words);
        k.named |= g.named;
        k.settled = k.settled.or(g.settled);
        k.described = k.described.or(g.described);
        k.person_form |= g.person_form;
        k.place_cue = k.place_cue.max(g.place_cue);
    }

    fn add_desc(&mut self, m: usize, word: &str) {
        let r = self.find(m);
        let word = word.to_lowercase();
        if let Some(g) = self.lex.heads.get(&word).and_then(|h| h.gender) {
            self.info[r].gender.get_or_insert(g);
        }
        if !self.info[r].descs.contains(&word) {
            self.info[r].descs.push(word);
        }
    }

    fn name_ids(&self) -> Vec<usize> {
        (0..self.mentions.len()).filter(|&i| self.mentions[i].kind == MentionKind::Name).collect()
    }

    // ----- 1–2: names -----

    fn names(&mut self) {
        self.acronym_parentheses();
        let ids = self.name_ids();
        // Each name's normal form, words and acronym letters, computed once (every name is
        // compared with all the names before it).
        let norms: Vec<String> =
            ids.iter().map(|&i| normalize(self.mentions[i].span.of(self.text))).collect();
        let names: Vec<Name<'_>> = norms.iter().map(|s| Name::new(s)).collect();
        for (k, &j) in ids.iter().enumerate() {
            let lj = self.mentions[j].label;
            let mut target = None;
            // Most recent first.
            for (ni, &i) in ids[..k].iter().enumerate().rev() {
                if self.same_name(&names[ni], self.mentions[i].label, &names[k], lj) {
                    target = Some((ni, i));
                    break;
                }
            }
            // The first word of a longer name ("Zorvo" after "Zorvo Korea") is the thing told
            // by that word alone before in the body, when there is one: the same name beats a
            // part of one. Not the headline's ("Halvorsen" over a story that then names
            // "Halvorsen Logistik"): a headline shortens the name the body gives in full.
            if let Some((ni, _)) = target {
                let (wa, wb) = (&names[ni].words, &names[k].words);
                if wb.len() == 1 && wa.len() >= 2 && wa[0] == wb[0] && wa.last() != wb.last() {
                    let same = ids[..ni].iter().enumerate().rev().find(|&(m, &i)| {
                        names[m].text.eq_ignore_ascii_case(names[k].text)
                            && !self.title.is_some_and(|h| h.overlaps(&self.mentions[i].span))
                    });
                    if let Some((m, &i)) = same {
                        target = Some((m, i));
                    }
                }
            }
            if let Some((_, i)) = target {
                self.union(i, j);
            }
        }
        for j in ids {
            self.person_gender(j);
        }
    }

    /// Whether an earlier name `a` and a later name `b` name the same thing.
    fn same_name(
        &self,
        x: &Name<'_>,
        la: Option<EntityLabel>,
        y: &Name<'_>,
        lb: Option<EntityLabel>,
    ) -> bool {
        let (a, b) = (x.text, y.text);
        if a.eq_ignore_ascii_case(b) {
            return true;
        }
        let (wa, wb) = (&x.words[..], &y.words[..]);
        // Acronym ↔ expansion.
        if let Some(letters) = &y.acronym {
            if wa.len() >= 2 && initials(a) == *letters {
                return true;
            }
        }
        if let Some(letters) = &x.acronym {
            if wb.len() >= 2 && initials(b) == *letters {
                return true;
            }
        }
        let per = |l: Option<EntityLabel>| l == Some(EntityLabel::Per);
        // A person's surname or first name after the full name; the full name after the
        // surname.
        // A surname that is also a place ("Banda") follows a name that starts with a first
        // name ("Peter Banda").
        let first_named = || self.lex.first_names.contains_key(&wa[0].to_lowercase());
        if per(la) && wa.len() >= 2 && wb.len() == 1 && (!y.is_place() || first_named()) {
            return wa.last() == wb.last() || (per(lb) && wa[0] == wb[0]);
        }
        // A surname of two words ("El Alami" after "Youssef El Alami").
        if per(la) && wb.len() >= 2 && wb.len() < wa.len() && wa.ends_with(wb) {
            return true;
        }
        if per(lb) && wb.len() >= 2 && wa.len() == 1 && !x.is_place() {
            // A headline's surname (whatever the tagger called it) before the full name.
            return wb.last() == wa.last();
        }
        if la == lb && !per(la) {
            // "Harbor Logistics Inc." … "Harbor Logistics"; and the reverse.
            let strip = |w: &[&'_ str]| -> usize {
                let mut n = w.len();
                while n > 1
                    && LEGAL_SUFFIXES.contains(&w[n - 1].trim_end_matches(',').to_lowercase().as_str())
                {
                    n -= 1;
                }
                n
            };
            let (na, nb) = (strip(wa), strip(wb));
            if na == nb && wa[..na] == wb[..nb] {
                return true;
            }
            let (short, long) = if nb < na { (&wb[..nb], &wa[..na]) } else { (&wa[..na], &wb[..nb]) };
            if short.len() >= 2 && long.starts_with(short) {
                return true;
            }
        }
        // "Crocus" after "Crocus City Hall": the first word of a longer non-person name.
        if wb.len() == 1 && wa.len() >= 2 && !per(la) && wa[0] == wb[0] && !y.is_place() {
            return true;
        }
        false
    }

    fn person_gender(&mut self, j: usize) {
        if self.mentions[j].label != Some(EntityLabel::Per) {
            return;
        }
        let span = self.mentions[j].span;
        let first = span.of(self.text).split_whitespace().next().unwrap_or("").to_lowercase();
        let mut g = self.lex.first_names.get(&first).copied();
        // "Mr." / "Ms." / "Mrs." right before the name.
        let t = self.token_from(span.start);
        if t > 0 {
            match self.lower[t - 1].trim_end_matches('.') {
                "mr" | "sir" | "lord" => g = Some(Gender::Male),
                "ms" | "mrs" | "miss" | "dame" | "lady" => g = Some(Gender::Female),
                _ => {}
            }
        }
        if let Some(g) = g {
            let r = self.find(j);
            self.info[r].gender.get_or_insert(g);
        }
    }

    /// "ACR (Expansion …" and "Expansion (ACR)": the two are one entity; an expansion the
    /// tagger split ("Islamic State" + "Khorasan") becomes one name mention.
    fn acronym_parentheses(&mut self) {
        let ids = self.name_ids();
        for j in ids {
            let span = self.mentions[j].span;
            let after = &self.text[span.end..];
            let ws = after.len() - after.trim_start().len();
            if !after[ws..].starts_with('(') {
                continue;
            }
            let inner_start = span.end + ws + 1;
            let close = self.text[inner_start..]
                .find([')', ',', ';', '\n'])
                .map_or(self.text.len(), |k| inner_start + k);
            let inner = Span::new(inner_start, close).trim(self.text);
            if inner.start >= inner.end {
                continue;
            }
            let this = span.of(self.text);
            if let Some(letters) = acronym_letters(this) {
                // "ACR (Expansion …": the longest run of capitalised words from the start.
                let Some(exp) = self.capitalised_run(inner) else { continue };
                let words = exp.of(self.text);
                if words.split_whitespace().count() < 2
                    || initials(words).chars().next() != letters.chars().next()
                {
                    continue;
                }
                let label = self.mentions[j].label.unwrap_or(EntityLabel::Org);
                let e = self.replace_names(exp, label);
                self.union(j, e);
            } else if let Some(letters) = acronym_letters(inner.of(self.text)) {
                // "Expansion (ACR)".
                if this.split_whitespace().count() < 2 {
                    continue;
                }
                let label = self.mentions[j].label.unwrap_or(EntityLabel::Org);
                let mut name = j;
                if initials(this) != letters {
                    if let Some(whole) = self.expansion_before(span, &letters) {
                        // "Group for the" + "Defence of the Sahel (GDS)": the tagger's name
                        // is the end of the expansion.
                        name = self.replace_names(whole, label);
                    } else if initials(this).chars().next() != letters.chars().next() {
                        // An acronym of the name in another language ("National
                        // Anticorruption Directorate (DNA)"); not a person's party ("Jane Roe
                        // (PTI)"), a place's, or one of a longer name the tagger cut ("Labour
                        // Party of Cabo Verde (PTCV)").
                        let t = self.tokens_of(span).start;
                        let cut = t >= 2 && NAME_GLUE.contains(&&*self.lower[t - 1]) && self.capital(t - 2);
                        if label == EntityLabel::Per || is_place(this) || cut {
                            continue;
                        }
                    }
                }
                let e = self.replace_names(inner, label);
                self.union(name, e);
            }
        }
    }

    /// The name `span` grown leftwards over capitalised words and lower-case glue ("Group for
    /// the" before "Defence of the Sahel") until its initials are `letters`.
    fn expansion_before(&self, span: Span, letters: &str) -> Option<Span> {
        let first = self.tokens_of(span).start;
        let mut t = first;
        while t > 0 && first - t < 6 && self.sentence_of[t - 1] == self.sentence_of[first] {
            let capital = self.capital(t - 1);
            if !capital && !NAME_GLUE.contains(&&*self.lower[t - 1]) {
                return None;
            }
            t -= 1;
            if capital {
                let grown = Span::new(self.seg.tokens[t].span.start, span.end);
                if initials(grown.of(self.text)) == letters {
                    return Some(grown);
                }
            }
        }
        None
    }

    /// Capitalised words (with lower-case glue between them) from the start of `span`.
    fn capitalised_run(&self, span: Span) -> Option<Span> {
        let toks = self.tokens_of(span);
        let mut end = None;
        for t in toks {
            let w = self.tok(t);
            if self.capital(t) {
                end = Some(self.seg.tokens[t].span.end);
            } else if NAME_GLUE.contains(&w) || w == "-" {
                end?;
            } else {
                break;
            }
        }
        end.map(|e| Span::new(span.start, e))
    }

    /// Makes `span` one name mention, absorbing the name mentions inside it.
    fn replace_names(&mut self, span: Span, label: EntityLabel) -> usize {
        let inside: Vec<usize> = self
            .tokens_of(span)
            .filter_map(|t| self.name_at[t])
            .filter(|&m| span.contains(&self.mentions[m].span))
            .collect();
        if let Some(&m) = inside.first() {
            if self.mentions[m].span == span {
                return m;
            }
        }
        for &m in &inside {
            // Retired: no longer a name, never output.
            self.mentions[m].kind = MentionKind::Nominal;
            self.mentions[m].label = None;
            self.mentions[m].span = Span::new(span.start, span.start);
            let r = self.find(m);
            self.info[r].named = false;
        }
        let id = self.add_name(span, label);
        let r = self.find(id);
        self.info[r].labels = [0; 4];
        self.info[r].labels[label_index(label)] += 1;
        id
    }

    // ----- 3: descriptions the text gives -----

    fn descriptions(&mut self) {
        for j in self.name_ids() {
            let span = self.mentions[j].span;
            if span.start == span.end {
                continue;
            }
            if let Some(l) = self.described_label(j) {
                let r = self.find(j);
                if self.info[r].settled.is_none() {
                    self.mentions[j].label = Some(l);
                    self.info[r].described.get_or_insert(l);
                }
            }
            // "a gang known as Name": the gang is Name, and no mention of its own.
            if let Some((np, head)) = self.naming_description(j) {
                let w = self.lower[head].to_string();
                if self.lex.heads.get(w.as_str()).is_some_and(|h| self.fits(h, self.mentions[j].label)) {
                    self.add_desc(j, &w);
                    self.taken.push(np);
                }
            }
            let toks = self.tokens_of(span);
            let (first, last) = (toks.start, toks.end);
            // Titles and modifiers before the name.
            let mut t = first;
            while t > 0 {
                let w = &self.lower[t - 1];
                if w == "-" || (w == "based" && t >= 2 && self.lower[t - 2] == "-") {
                    // "the London-based X" split at its hyphen.
                    t -= 1;
                    continue;
                }
                if self.name_at[t - 1].is_some() && self.lower.get(t).is_some_and(|n| n == "-") {
                    t = self.tokens_of(self.mentions[self.name_at[t - 1].unwrap_or(j)].span).start;
                    continue;
                }
                let head = self.lex.heads.get(&**w);
                let title = head.is_some_and(|h| h.labels.contains(&EntityLabel::Per))
                    && self.mentions[j].label == Some(EntityLabel::Per);
                if title || w.ends_with("-based") || (head.is_some() && self.name_at[t - 1].is_none()) {
                    let w = w.clone();
                    self.add_desc(j, &w);
                } else {
                    break;
                }
                t -= 1;
            }
            // A place noun that calls the name so: "the state of Name", "the region of Name".
            if first >= 2 && self.lower[first - 1] == "of" && self.names_place(first - 2, j) {
                let w = self.lower[first - 2].to_string();
                self.add_desc(j, &w);
            }
            // A description set before the name: "the vessel, the MV Name,".
            let name_det = usize::from(t >= 1 && DETERMINERS.contains(&&*self.lower[t - 1]));
            if t >= 2 + name_det && self.lower[t - 1 - name_det] == "," {
                let head = t - 2 - name_det;
                let found = (head.saturating_sub(4)..head).find_map(|det| {
                    self.description_at(det)
                        .filter(|&(_, h)| h == head && self.sentence_of[det] == self.sentence_of[first])
                });
                if let Some((np, h)) = found {
                    let head_word = self.lower[h].to_string();
                    if self
                        .lex
                        .heads
                        .get(head_word.as_str())
                        .is_some_and(|x| self.fits(x, self.mentions[j].label))
                    {
                        self.add_desc(j, &head_word);
                        self.taken.push(np);
                    }
                }
            }
            // A noun after the name: "the Name dam", "the Name karaoke parlour".
            let mut k = last;
            while k < self.seg.tokens.len() && self.name_at[k].is_none() && self.xpos(k) == "NN" {
                k += 1;
            }
            if k > last && !(k < self.seg.tokens.len() && matches!(self.upos(k), "NOUN" | "PROPN")) {
                let head_word = self.lower[k - 1].to_string();
                // (not after a people's name: "a Japanese trawler")
                let demonym = || {
                    use dossier_tag::gazetteer::{Gazetteer, Kind};
                    Gazetteer::global().kinds_of(span.of(self.text)) & Kind::Demonym.bit() != 0
                };
                let settles = self.lex.heads.get(head_word.as_str()).is_some_and(|x| x.settles.is_some());
                // "the Name region", "Name district": a place noun that calls it so.
                let place = k == last + 1 && self.names_place(last, j);
                if (settles || place) && !demonym() {
                    self.add_desc(j, &head_word);
                }
            }
            // Apposition: "Name, a research group," / copula: "Name is a research group".
            if last < self.seg.tokens.len() {
                let w = &*self.lower[last];
                let (det_at, apposition) = if w == "," {
                    (last + 1, true)
                } else if COPULAS.contains(&w) {
                    (last + 1, false)
                } else {
                    continue;
                };
                if let Some((np, head)) = self.description_at(det_at) {
                    // "in central Bangkok, the city's largest protest": a possessor, no apposition.
                    if self.lower.get(head + 1).is_some_and(|w| matches!(&**w, "'s" | "\u{2019}s")) {
                        continue;
                    }
                    let head_word = self.lower[head].to_string();
                    let compatible = self
                        .lex
                        .heads
                        .get(head_word.as_str())
                        .is_some_and(|h| self.fits(h, self.mentions[j].label));
                    if !compatible {
                        continue;
                    }
                    // The description is not a mention of its own: it sits next to the name.
                    self.add_desc(j, &head_word);
                    if apposition {
                        self.taken.push(np);
                    }
                }
            }
        }
    }

    /// Whether token `t` is a place noun that calls name `j` so when next to it ("the state of
    /// X", "the X region"; `place_nouns.tsv`), the name's label fitting the noun.
    fn names_place(&self, t: usize, j: usize) -> bool {
        self.lex.place_nouns.get(&*self.lower[t]).is_some_and(|p| p.names)
            && self.sentence_of[t] == self.mentions[j].sentence
            && self.lex.heads.get(&*self.lower[t]).is_some_and(|h| self.fits(h, self.mentions[j].label))
    }

    /// The one label of a description the text sets right before name `j`: the word before it
    /// ("state broadcaster X", "the Palermo-based group X", "Presiding Judge X") or a
    /// description set before it ("the operator, X"). (An apposition after the name was
    /// tried too: "in X, the district officer, …" and lists make it lose more than it wins.)
    fn described_label(&self, j: usize) -> Option<EntityLabel> {
        let single = |t: usize| {
            self.lex.heads.get(&*self.lower[t]).filter(|h| h.labels.len() == 1).map(|h| h.labels[0])
        };
        let toks = self.tokens_of(self.mentions[j].span);
        let (first, last) = (toks.start, toks.end);
        // A cue next to the mention ("in X") tells its label already.
        if first == 0 || last > self.lower.len() || self.label_cue(self.mentions[j].span).is_some() {
            return None;
        }
        if let Some((_, head)) = self.naming_description(j) {
            return single(head);
        }
        let same = |t: usize| self.sentence_of[t] == self.sentence_of[first];
        if self.name_at[first - 1].is_none() && same(first - 1) {
            if let Some(l) = single(first - 1) {
                return Some(l);
            }
        }
        let name_det = usize::from(DETERMINERS.contains(&&*self.lower[first - 1]));
        if first >= 2 + name_det && self.lower[first - 1 - name_det] == "," {
            let head = first - 2 - name_det;
            // (not "the head of the electoral office, X": the office is not X)
            let found = (head.saturating_sub(4)..head).find_map(|det| {
                self.description_at(det).filter(|&(_, h)| {
                    h == head
                        && same(det)
                        && (det == 0 || !matches!(&*self.lower[det - 1], "of" | "'s" | "’s"))
                })
            });
            if found.is_some() {
                return single(head);
            }
        }
        None
    }

    /// An indefinite description that sets name `j` after it with a naming phrase ("a gang
    /// known as X", "a criminal group calling itself X"; `naming_phrases.tsv`): its span and
    /// head token.
    fn naming_description(&self, j: usize) -> Option<(Span, usize)> {
        let first = self.tokens_of(self.mentions[j].span).start;
        let phrase = self.lex.naming_phrases.iter().find(|p| {
            first > p.len() && p.iter().zip(first - p.len()..first).all(|(w, t)| *w == self.lower[t])
        })?;
        let head = first - phrase.len() - 1;
        (head.saturating_sub(4)..head).find_map(|det| {
            self.description_at(det).filter(|&(_, h)| {
                h == head
                    && matches!(&*self.lower[det], "a" | "an")
                    && self.sentence_of[det] == self.sentence_of[first]
            })
        })
    }

    /// Whether a multi-word name of the text, not a person's, ends on `w` (`name_ends`).
    fn name_ends_on(&self, w: &str) -> bool {
        self.name_ends.iter().any(|e| e == w)
    }

    /// An organisation's word that may follow "his", "her", "its" or "their" and still mean a
    /// named organisation ("his party", "her ministry"): heads.tsv gives it the one label ORG.
    fn possessive_org_word(&self, w: &str) -> bool {
        self.lex.heads.get(w).is_some_and(|h| h.labels == [EntityLabel::Org] && h.kind.is_none())
    }

    /// Whether a description word may stand for an entity of `label`.
    fn fits(&self, head: &lexicon::Head, label: Option<EntityLabel>) -> bool {
        head.labels.is_empty() || label.is_none_or(|l| head.labels.contains(&l))
    }

    /// A description starting at token `det` ("a UK-based research group"): its span and its
    /// head token, when the head is a known description noun and no name follows it.
    fn description_at(&self, det: usize) -> Option<(Span, usize)> {
        let w = self.lower.get(det)?;
        // "his country", "their town": a possessive before a place noun only.
        let possessive = POSSESSIVE_PLACE_DETERMINERS.contains(&&**w);
        if !(DETERMINERS.contains(&&**w) || possessive) || self.name_at[det].is_some() {
            return None;
        }
        let mut head = None;
        let mut t = det + 1;
        while t < self.seg.tokens.len() && self.sentence_of[t] == self.sentence_of[det] {
            if let Some(m) = self.name_at[t] {
                // A name inside a description's modifiers: "a UK-based group", "a Russian
                // research group"; otherwise ("the London-based Dossier Center") the name is
                // the mention.
                let end = self.tokens_of(self.mentions[m].span).end;
                let hyphen = self.lower.get(end).is_some_and(|w| w == "-");
                if !(hyphen || self.mentions[m].label == Some(EntityLabel::Misc)) || end <= t {
                    return None;
                }
                t = end;
                continue;
            }
            let (u, x) = (self.upos(t), self.xpos(t));
            let w = &*self.lower[t];
            if head.is_some() && u == "VERB" {
                // "a research group supported by …": the participle starts a new phrase.
                break;
            }
            // (a head word the tagger took for an adjective: "the inspectorate")
            let known = |w: &str| self.lex.heads.contains_key(w) || self.name_ends_on(w);
            if (u == "NOUN" || (u == "ADJ" && known(w))) && !w.ends_with("-based") {
                head = Some(t);
            } else if matches!(u, "ADJ" | "NUM" | "PROPN")
                || (u == "VERB" && matches!(x, "VBN" | "VBG"))
                || w == "-"
                || w.ends_with("-based")
            {
                // A modifier; a proper noun here is not in a name ("UK-based" split).
            } else {
                break;
            }
            t += 1;
        }
        // The description ends on its head noun.
        let head = head.filter(|&h| h + 1 == t)?;
        // (not "its emergency department": a part of a country is seldom "its"; "his party",
        // "her ministry": an organisation's word, which joins only a name holding it)
        let hw = &*self.lower[head];
        let place = self.lex.place_nouns.get(hw).map(|p| p.kind);
        if possessive
            && !matches!(place, Some(PlaceKind::Settlement | PlaceKind::Country | PlaceKind::Capital))
            && !(head == det + 1 && self.possessive_org_word(hw))
        {
            return None;
        }
        // A word heads.tsv does not list, after "the", when a name of the text ends on it
        // ("the fund" … "Lielupe Pension Fund").
        // (bare: "the whole range" is seldom the Zarafshan Range)
        let by_name = || head == det + 1 && matches!(&**w, "the" | "this" | "that") && self.name_ends_on(hw);
        if !(self.lex.heads.contains_key(hw) || by_name()) || self.xpos(head) == "NNS" {
            return None;
        }
        // "the president of the company": the complement decides; not resolved here.
        if self.lower.get(head + 1).is_some_and(|n| n == "of") {
            return None;
        }
        let span = Span::new(self.seg.tokens[det].span.start, self.seg.tokens[head].span.end);
        Some((span, head))
    }

    // ----- 3b: descriptions that refer back (or forward) -----

    fn nominals(&mut self) {
        let n = self.seg.tokens.len();
        let mut found = Vec::new();
        let mut t = 0;
        while t < n {
            let Some((np, head)) = self.description_at(t) else {
                t += 1;
                continue;
            };
            t = head + 1;
            if !self.taken.iter().any(|s| s.overlaps(&np)) {
                found.push((np, head));
            }
        }
        let indefinite = |l: &Self, np: Span| matches!(&*l.lower[l.token_from(np.start)], "a" | "an");
        // The lead's indefinite descriptions first ("X (wire) - A court sentenced a retired general
        // …"): the entities it introduces, whose names the next sentences give; then the
        // others in text order; then the lead's left over, by the descriptions that joined an
        // entity since ("a rights group" … "the group").
        let in_lead = |l: &Self, np: Span| l.lead.contains(&np);
        let mut left = Vec::new();
        for &(np, head) in &found {
            if indefinite(self, np) && in_lead(self, np) {
                let head_word = self.lower[head].to_string();
                match self.cataphor_for_description(np, &head_word, true) {
                    Some(target) => {
                        // What the lead calls it, later descriptions and the headline may
                        // call it too ("a retired general" … "the former general").
                        // (not a structure's word: those stand for any of their kind, "a
                        // tavern" … "the court building")
                        self.link_nominal(np, &head_word, target);
                        if self.lex.heads.get(head_word.as_str()).is_some_and(|h| h.kind.is_none()) {
                            self.add_desc(target, &head_word);
                        }
                    }
                    None => left.push((np, head)),
                }
            }
        }
        for &(np, head) in &found {
            if indefinite(self, np) && in_lead(self, np) {
                continue;
            }
            let head_word = self.lower[head].to_string();
            let target = if indefinite(self, np) {
                self.cataphor_for_description(np, &head_word, false)
            } else {
                self.antecedent_for_description(np, &head_word)
            };
            if let Some(target) = target {
                self.link_nominal(np, &head_word, target);
            }
        }
        for (np, head) in left {
            let head_word = self.lower[head].to_string();
            if let Some(target) = self.cataphor_by_later_description(np, &head_word) {
                self.link_nominal(np, &head_word, target);
            }
        }
    }

    /// A headline's bare description ("Kyrgyz security service detains former general",
    /// "Insurer cuts …"): the entity the body first names that the text called so, whose name
    /// ends on the word, or that a description with the word joined.
    fn headline_nominals(&mut self) {
        let Some(title) = self.title else { return };
        let toks = self.tokens_of(title);
        let noun = |l: &Self, t: usize| matches!(l.upos(t), "NOUN" | "PROPN") && l.name_at[t].is_none();
        for h in toks.clone() {
            let w = &*self.lower[h];
            let Some(head) = self.lex.heads.get(w) else { continue };
            if !noun(self, h) || matches!(self.xpos(h), "NNS" | "NNPS") || head.labels.is_empty() {
                continue;
            }
            // The last noun of a compound ("security service", not "security").
            if h + 1 < toks.end && noun(self, h + 1) && self.lex.heads.contains_key(&*self.lower[h + 1]) {
                continue;
            }
            // Its modifiers: adjectives, nouns, names ("Kyrgyz security service"); no determiner.
            let mut start = h;
            while start > toks.start {
                let t = start - 1;
                // (a plural is no modifier but a headline's verb the tagger took for a noun:
                // "… service detains former general")
                let plural = matches!(self.xpos(t), "NNS" | "NNPS" | "VBZ");
                let modifier = (matches!(self.upos(t), "ADJ" | "NOUN" | "PROPN" | "NUM") && !plural)
                    || self.name_at[t].is_some()
                    || self.lower[t] == "-";
                if !modifier {
                    break;
                }
                start = t;
            }
            if start > toks.start
                && (DETERMINERS.contains(&&*self.lower[start - 1]) || self.upos(start - 1) == "PRON")
            {
                continue;
            }
            let np = Span::new(self.seg.tokens[start].span.start, self.seg.tokens[h].span.end);
            let whole_name = self.name_at[start].is_some_and(|m| self.mentions[m].span == np);
            if whole_name || self.mentions.iter().any(|m| m.span.overlaps(&np) && m.kind != MentionKind::Name)
            {
                continue;
            }
            let labels = head.labels.clone();
            let head_word = w.to_string();
            // (not by the descriptions that joined it: "the court" is more often wrong than
            // what the text called a thing)
            let called = |l: &Self, r: usize, _: usize| {
                let fits = l.info[r].label().is_none_or(|x| labels.contains(&x));
                let descs = Info { name_words: Vec::new(), ..l.info[r].clone() };
                fits && descs.has_desc(&head_word, l.lex)
            };
            if let Some(target) = self.first_named_after(title, called, usize::MAX / 2) {
                self.link_nominal(np, &head_word, target);
            }
        }
    }

    fn link_nominal(&mut self, np: Span, head: &str, target: usize) {
        let m = self.push(np, MentionKind::Nominal, None);
        self.nominal_heads.insert(m, head.to_string());
        self.union(target, m);
    }

    /// Mentions before `at` that belong to a named entity, nearest first.
    fn before(&self, at: usize) -> Vec<usize> {
        let mut v: Vec<usize> = (0..self.mentions.len())
            .filter(|&i| {
                self.mentions[i].span.end <= at && self.mentions[i].span.start < self.mentions[i].span.end
            })
            .collect();
        v.sort_by_key(|&i| std::cmp::Reverse(self.mentions[i].span.start));
        v
    }

    fn antecedent_for_description(&mut self, np: Span, head: &str) -> Option<usize> {
        let cands = self.before(np.start);
        let Some(known) = self.lex.heads.get(head) else {
            // A word only a name of the text ends on: the nearest such name not a person's.
            return cands.into_iter().find(|&i| {
                let r = self.find(i);
                self.info[r].named
                    && self.info[r].label() != Some(EntityLabel::Per)
                    && self.mentions[i].kind == MentionKind::Name
                    && self.mentions[i]
                        .span
                        .of(self.text)
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| w.to_lowercase() == head)
            });
        };
        let labels = known.labels.clone();
        let possessive = POSSESSIVE_PLACE_DETERMINERS.contains(&&*self.lower[self.token_from(np.start)]);
        let here = self.sentence_at(np.start);
        // A described entity: the text called it a "group", or its name holds the word.
        for &i in &cands {
            let r = self.find(i);
            if !self.info[r].named {
                continue;
            }
            // A name holding the word ("the board" → Regional Electoral Board) whatever the
            // tagger called it; a description the text gave, when the labels agree.
            // ("the army" → "… Defense Force": a word `described_only.tsv` gives for it)
            let others = self.lex.described_only.get(head);
            let in_name =
                self.info[r].name_words.iter().any(|w| w == head || others.is_some_and(|o| o.contains(w)));
            let ok_label = labels.is_empty() || self.info[r].label().is_none_or(|l| labels.contains(&l));
            if in_name || (ok_label && self.info[r].has_desc(head, self.lex)) {
                return Some(i);
            }
        }
        // "his party": only a name holding the word, or what the text called so.
        if possessive && !self.lex.place_nouns.contains_key(head) {
            return None;
        }
        // A word for a vessel or a structure refers only to what the text called so.
        if labels.is_empty() {
            return None;
        }
        // A kind of place ("the city", "this village", "the port city", "the country"): the
        // nearest named place of that kind in the last eight sentences. Place names the
        // gazetteer does not know are taken for settlements: small towns are not in it.
        if let Some(mut kind) = self.lex.place_nouns.get(head).map(|p| p.kind) {
            let toks = self.tokens_of(np);
            if toks.len() > 3 {
                return None;
            }
            // "the capital", "the Somali capital": a country's; "the provincial capital", a
            // settlement's.
            if kind == PlaceKind::Capital && (toks.start + 1..toks.end - 1).any(|t| !self.demonym(t)) {
                kind = PlaceKind::Settlement;
            }
            // "the market district", "the business district": a part of a city, not of a
            // country; only adjectives may stand before a region's noun ("the northern province").
            if kind == PlaceKind::Region && (toks.start + 1..toks.end - 1).any(|t| self.upos(t) != "ADJ") {
                return None;
            }
            for &i in &cands {
                // (A capital is rarely another one: the dateline's may be far back.)
                if self.mentions[i].sentence + 8 < here && kind != PlaceKind::Capital {
                    break;
                }
                let r = self.find(i);
                if !self.info[r].named || self.mentions[i].kind != MentionKind::Name {
                    continue;
                }
                // The tagger's label, or the gazetteer when the tagger called a known place
                // something else ("Whether Batumi matters").
                let name = self.mentions[i].span.of(self.text);
                let loc = self.info[r].label() == Some(EntityLabel::Loc);
                // A name ending on a place noun is of its kind ("Cotabato City", "Kano State").
                let last = last_name_word(name);
                let named = last.and_then(|w| self.lex.place_nouns.get(&w.to_lowercase())).map(|p| p.kind);
                if named.is_some_and(|k| k != kind) {
                    continue;
                }
                if kind == PlaceKind::Capital {
                    if self.lex.capitals.contains(&name.to_lowercase()) {
                        return Some(i);
                    }
                    continue;
                }
                if (loc && kind.fits(name)) || kind.known(name) {
                    return Some(i);
                }
            }
            // "the country" with no country named in the last eight sentences: the one the text
            // names most often before it (the story's own, told in the lead), the first of those.
            if kind == PlaceKind::Country {
                let mut counts: Vec<(usize, usize, usize)> = Vec::new(); // (root, count, first mention)
                for &i in &cands {
                    let r = self.find(i);
                    let name = self.mentions[i].span.of(self.text);
                    let is_country = self.info[r].named
                        && self.mentions[i].kind == MentionKind::Name
                        && self.info[r].label() == Some(EntityLabel::Loc)
                        && kind.known(name);
                    if !is_country {
                        continue;
                    }
                    match counts.iter_mut().find(|c| c.0 == r) {
                        Some(c) => {
                            c.1 += 1;
                            c.2 = i;
                        }
                        None => counts.push((r, 1, i)),
                    }
                }
                return counts
                    .into_iter()
                    .max_by_key(|&(_, n, first)| (n, std::cmp::Reverse(self.mentions[first].span.start)))
                    .map(|(_, _, first)| first);
            }
            return None;
        }
        // Otherwise, for a bare "the company", the nearest entity of a fitting label in the
        // last three sentences; a description with modifiers of its own ("the Russian
        // security service") more often names something new, and "the government" is mostly
        // the country's own (`described_only.tsv`).
        if self.tokens_of(np).len() > 2 || self.lex.described_only.contains_key(head) {
            return None;
        }
        // The nearest organisation is of another kind ("the company" right after the union's
        // name): the one meant is an entity of the same kind the text named or called so in the
        // last eight sentences, when there is one.
        let mut other_kind = None;
        for &i in &cands {
            let window = if other_kind.is_some() { 8 } else { 3 };
            if self.mentions[i].sentence + window < here {
                break;
            }
            let r = self.find(i);
            if self.mentions[i].kind == MentionKind::Name && self.is_credit(self.mentions[i].span) {
                continue;
            }
            if self.info[r].named && self.info[r].label().is_some_and(|l| labels.contains(&l)) {
                if other_kind.is_none() && !self.other_org_kind(r, head) {
                    return Some(i);
                }
                if other_kind.is_some() && self.same_org_kind(r, head) {
                    return Some(i);
                }
                other_kind = other_kind.or(Some(i));
            }
        }
        other_kind
    }

    /// Whether the name of cluster `r` holds a word for another kind of organisation than
    /// `head` ("the company" and the "… Workers' Union"; `org_kinds.tsv`).
    fn other_org_kind(&self, r: usize, head: &str) -> bool {
        let Some(kind) = self.lex.org_kinds.get(head) else { return false };
        self.info[r].name_words.iter().any(|w| self.lex.org_kinds.get(w).is_some_and(|k| k != kind))
    }

    /// Whether cluster `r`'s name, or a description the text gave it, is a word for the kind of
    /// organisation `head` is ("the firm" and "the company"; `org_kinds.tsv`).
    fn same_org_kind(&self, r: usize, head: &str) -> bool {
        let Some(kind) = self.lex.org_kinds.get(head) else { return false };
        let of_kind = |w: &str| self.lex.org_kinds.get(w) == Some(kind);
        self.info[r].name_words.iter().any(|w| of_kind(w))
            || self.info[r].descs.iter().any(|d| of_kind(d))
            || self.nominal_heads.iter().any(|(&m, h)| of_kind(h) && self.root(m) == r)
    }

    /// "a UK-based group" in the lead or as a claim's source, before the text names it; any
    /// indefinite description of the lead (`lead`): "A court on Monday jailed …" → the court
    /// named after it, "… detained a retired general" → the person the next sentence names.
    fn cataphor_for_description(&mut self, np: Span, head: &str, lead: bool) -> Option<usize> {
        let based = np.of(self.text).contains("-based");
        let source = self.attributions.iter().any(|a| a.source.is_some_and(|s| s.overlaps(&np)));
        if lead {
            // What the text called it, or its name's last word ("A court" … "the X District
            // Court"; not "a garment factory" … "the Factory Safety Directorate").
            let called = |l: &Self, r: usize, _: usize| {
                let descs = Info { name_words: Vec::new(), ..l.info[r].clone() };
                descs.has_desc(head, l.lex) || l.name_heads_of(r).any(|w| w.eq_ignore_ascii_case(head))
            };
            if let Some(first) = self.first_named_after(np, called, 8) {
                return Some(first);
            }
            // A person's word ("a retired general", "a military spokesman"): the first person
            // the text names after it, in its sentence or the next.
            let person = self.lex.heads.get(head).is_some_and(|h| h.labels == [EntityLabel::Per]);
            if person {
                let first =
                    self.first_named_after(np, |l, r, _| l.info[r].label() == Some(EntityLabel::Per), 1);
                if first.is_some() {
                    return first;
                }
            }
        }
        if !based && !source {
            return None;
        }
        self.first_named_after(np, |l, r, _| l.info[r].has_desc(head, l.lex), 8)
    }

    /// The entity first named after `np`, within `window` sentences, for which `ok` holds
    /// (given the cluster root and the first name mention).
    fn first_named_after(
        &mut self,
        np: Span,
        ok: impl Fn(&Self, usize, usize) -> bool,
        window: usize,
    ) -> Option<usize> {
        let here = self.sentence_at(np.start);
        let firsts = self.first_names();
        let mut best: Option<usize> = None;
        for (&r, &first) in &firsts {
            let m = self.mentions[first];
            if m.span.start < np.end
                || m.sentence > here + window
                || !self.info[r].named
                || !ok(self, r, first)
            {
                continue;
            }
            if best.is_none_or(|b| m.span.start < self.mentions[b].span.start) {
                best = Some(first);
            }
        }
        best
    }

    /// Each named cluster's root with its first name mention, in root order.
    fn first_names(&mut self) -> std::collections::BTreeMap<usize, usize> {
        let mut firsts = std::collections::BTreeMap::new();
        for i in 0..self.mentions.len() {
            if self.mentions[i].kind != MentionKind::Name
                || self.mentions[i].span.start == self.mentions[i].span.end
            {
                continue;
            }
            let r = self.find(i);
            let e = firsts.entry(r).or_insert(i);
            if self.mentions[i].span.start < self.mentions[*e].span.start {
                *e = i;
            }
        }
        firsts
    }

    /// The last words of the names of cluster `r` (as written).
    fn name_heads_of(&self, r: usize) -> impl Iterator<Item = &'a str> + '_ {
        (0..self.mentions.len())
            .filter(move |&i| {
                let m = self.mentions[i];
                m.kind == MentionKind::Name && m.span.start < m.span.end && self.root(i) == r
            })
            .filter_map(|i| self.mentions[i].span.of(self.text).split_whitespace().next_back())
    }

    /// The cluster root of mention `m` (without path compression).
    fn root(&self, mut m: usize) -> usize {
        while self.parent[m] != m {
            m = self.parent[m];
        }
        m
    }

    /// A lead's indefinite description that no name fits by what the text called it: the
    /// entity first named after it that a later definite description with its head joined ("a
    /// Nigerian rights group" … "the group").
    fn cataphor_by_later_description(&mut self, np: Span, head: &str) -> Option<usize> {
        let mut later: Vec<usize> = self
            .nominal_heads
            .iter()
            .filter(|&(&m, h)| h == head && self.mentions[m].span.start > np.end)
            .map(|(&m, _)| m)
            .collect();
        // (in mention order: the map's order is not the text's)
        later.sort_unstable();
        let roots: Vec<usize> = later.into_iter().map(|m| self.find(m)).collect();
        self.first_named_after(np, |_, r, _| roots.contains(&r), 8)
    }

    // ----- 3c: an age standing for a person: "the 34-year-old said" -----

    /// "the 34-year-old" with no noun after it stands for a person: the one the text gave that
    /// age ("Name, 34," / "Name (34)" / "34-year-old Name"), else the nearest person named in
    /// the three sentences before — not in its own sentence, whose other people are its
    /// speakers and agents ("spokesman X said the 29-year-old had complained …").
    fn ages(&mut self) {
        let n = self.seg.tokens.len();
        for t in 0..n {
            if self.lower[t] != "the" {
                continue;
            }
            let Some((age, end)) = self.age_at(t + 1).map(|(a, e)| (a.to_owned(), e)) else { continue };
            // "the 46-year-old owner": a description with a head noun of its own.
            if end < n
                && self.sentence_of[end] == self.sentence_of[t]
                && matches!(self.upos(end), "NOUN" | "PROPN" | "ADJ")
            {
                continue;
            }
            let np = Span::new(self.seg.tokens[t].span.start, self.seg.tokens[end - 1].span.end);
            if self.taken.iter().any(|s| s.overlaps(&np)) || (t..end).any(|i| self.name_at[i].is_some()) {
                continue;
            }
            let target = self.aged_person(&age, np.start).or_else(|| self.nearest_person(np.start));
            if let Some(target) = target {
                let m = self.push(np, MentionKind::Nominal, None);
                self.union(target, m);
            }
        }
    }

    /// "34 - year - old" from token `t` (the segmenter splits the hyphens): the age and the
    /// token after "old".
    fn age_at(&self, t: usize) -> Option<(&str, usize)> {
        let w = |i: usize| self.lower.get(i).map(|s| &**s);
        let age = w(t)?;
        let digits = !age.is_empty() && age.len() <= 3 && age.bytes().all(|b| b.is_ascii_digit());
        (digits
            && w(t + 1) == Some("-")
            && w(t + 2) == Some("year")
            && w(t + 3) == Some("-")
            && w(t + 4) == Some("old"))
        .then_some((age, t + 5))
    }

    /// The nearest person named before `at` whom the text gave the age `age`.
    fn aged_person(&mut self, age: &str, at: usize) -> Option<usize> {
        for i in self.before(at) {
            if self.mentions[i].kind != MentionKind::Name || !self.is_person(i) {
                continue;
            }
            let toks = self.tokens_of(self.mentions[i].span);
            let w = |k: usize| self.lower.get(k).map(|s| &**s);
            // After the name: ", 34" or "(34)".
            let after = matches!(w(toks.end), Some("," | "(")) && w(toks.end + 1) == Some(age);
            // Before it: "34-year-old Name", "61-year-old office worker Name".
            let before = (0..=3).any(|gap| {
                toks.start >= gap + 5
                    && self.age_at(toks.start - gap - 5).is_some_and(|(a, _)| a == age)
                    && (toks.start - gap..toks.start).all(|k| matches!(self.upos(k), "NOUN" | "ADJ"))
            });
            if after || before {
                return Some(i);
            }
        }
        None
    }

    /// The nearest person mentioned in the three sentences before the one holding `at`.
    fn nearest_person(&mut self, at: usize) -> Option<usize> {
        let here = self.sentence_at(at);
        for i in self.before(at) {
            let s = self.mentions[i].sentence;
            if s + 3 < here {
                break;
            }
            if s < here && self.is_person(i) {
                return Some(i);
            }
        }
        None
    }

    fn is_person(&mut self, m: usize) -> bool {
        let r = self.find(m);
        self.info[r].named && self.info[r].label() == Some(EntityLabel::Per)
    }

    // ----- 4: pronouns -----

    fn pronouns(&mut self) {
        let mut resolved_via_attr: HashMap<(usize, usize), usize> = HashMap::new();
        for a in self.attributions {
            let (Some(src), Some(res)) = (a.source, a.source_resolved) else { continue };
            if let Some(m) = self.mention_for(res) {
                resolved_via_attr.insert((src.start, src.end), m);
            }
        }
        for t in 0..self.seg.tokens.len() {
            let Some(&class) = self.lex.pronouns.get(&*self.lower[t]) else { continue };
            if self.name_at[t].is_some() || !matches!(self.upos(t), "PRON" | "DET") {
                continue;
            }
            let span = self.seg.tokens[t].span;
            let via_attr = resolved_via_attr.get(&(span.start, span.end)).copied();
            let target =
                match via_attr.filter(|&m| self.pronoun_fits(m, class) || self.speaker_fits(m, class)) {
                    Some(m) => Some(m),
                    None => self.pronoun_antecedent(t, class),
                };
            if let Some(target) = target {
                let m = self.push(span, MentionKind::Pronoun, None);
                self.union(target, m);
                if let PronounClass::Person(g) = class {
                    let r = self.find(m);
                    self.info[r].gender.get_or_insert(g);
                }
            }
        }
    }

    /// The mention an attribution's resolved source span names (head-final).
    fn mention_for(&self, span: Span) -> Option<usize> {
        let ends = span.head_ends(self.text);
        let span = span.trim(self.text);
        let mut best: Option<usize> = None;
        for (i, m) in self.mentions.iter().enumerate() {
            if m.span.start == m.span.end {
                continue;
            }
            let hit = m.span.contains(&span)
                || (span.contains(&m.span) && ends.contains(&m.span.end))
                // "the group's latest report": the owner named first.
                || (span.contains(&m.span) && m.span.start == span.start);
            if hit
                && best.is_none_or(|b| {
                    self.mentions[b].span.end - self.mentions[b].span.start < m.span.end - m.span.start
                })
            {
                best = Some(i);
            }
        }
        best.filter(|&b| self.is_entity_mention(b))
    }

    /// Whether a mention belongs (so far) to a cluster with a name.
    fn is_entity_mention(&self, m: usize) -> bool {
        let mut r = m;
        while self.parent[r] != r {
            r = self.parent[r];
        }
        self.info[r].named
    }

    fn pronoun_antecedent(&mut self, t: usize, class: PronounClass) -> Option<usize> {
        let here = self.sentence_of[t];
        let at = self.seg.tokens[t].span.start;
        if class == PronounClass::Neuter && self.lower[t] == "it" {
            // "It was …", "it is likely that …": mostly not an entity.
            let next = self.lower.get(t + 1).map_or("", |w| &**w);
            if COPULAS.contains(&next)
                || matches!(next, "'s" | "’s" | "will" | "would" | "could" | "may" | "might")
            {
                return None;
            }
        }
        // "Vanuatu, a chain of islands, has … in its northern provinces": a possessive "its" in
        // a sentence that opens with a place's name, no organisation named between, is the
        // place's.
        if class == PronounClass::Neuter && self.lower[t] == "its" {
            let opening = self.seg.sentence_tokens.get(here).map(|r| r.start);
            if let Some(m) = opening.and_then(|s| self.name_at.get(s).copied().flatten()) {
                let r = self.find(m);
                let end = self.mentions[m].span.end;
                let place = self.info[r].named && self.info[r].label() == Some(EntityLabel::Loc);
                let between: Vec<usize> =
                    self.before(at).into_iter().take_while(|&i| self.mentions[i].span.start >= end).collect();
                let org_between = between.into_iter().any(|i| self.pronoun_fits(i, class));
                if place && !org_between {
                    return Some(m);
                }
            }
        }
        let window = match class {
            PronounClass::Person(_) => 3,
            _ => 1,
        };
        for i in self.before(at) {
            let m = self.mentions[i];
            if m.sentence + window < here {
                break;
            }
            if m.kind == MentionKind::Name && self.is_credit(m.span) {
                continue;
            }
            let ok = self.pronoun_fits(i, class)
                && (class != PronounClass::Plural || !self.plural_noun_between(m.span.end, at));
            if ok {
                return Some(i);
            }
            // A person stands between "it"/"they" and an organisation further back only
            // when it is the nearer subject; keep looking.
        }
        None
    }

    /// Whether a pronoun of `class` can refer to the entity of mention `m`.
    fn pronoun_fits(&mut self, m: usize, class: PronounClass) -> bool {
        if !self.is_entity_mention(m) {
            return false;
        }
        let r = self.find(m);
        let label = self.info[r].label();
        match class {
            PronounClass::Person(g) => {
                label == Some(EntityLabel::Per) && self.info[r].gender.is_none_or(|x| x == g)
            }
            PronounClass::Neuter | PronounClass::Plural => label == Some(EntityLabel::Org),
        }
    }

    /// A pronoun source the attribution stage resolved to an organisation's statement ("the
    /// group's report said … ," he added): the text's own slip, kept.
    fn speaker_fits(&mut self, m: usize, class: PronounClass) -> bool {
        let r = self.find(m);
        self.info[r].named
            && matches!(class, PronounClass::Person(_))
            && self.info[r].label() == Some(EntityLabel::Org)
    }

    fn plural_noun_between(&self, from: usize, to: usize) -> bool {
        let (a, b) = (self.token_from(from), self.token_from(to));
        (a..b).any(|t| matches!(self.xpos(t), "NNS" | "NNPS"))
    }

    // ----- output -----

    fn entities(&mut self) -> Vec<Entity> {
        // Ordered by cluster root, so that entities whose first mentions start together (a
        // headline description and a name inside it) come out in the same order every run.
        let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
        for i in 0..self.mentions.len() {
            if self.mentions[i].span.start == self.mentions[i].span.end {
                continue;
            }
            let r = self.find(i);
            groups.entry(r).or_default().push(i);
        }
        let mut out = Vec::new();
        for (r, mut ids) in groups {
            ids.sort_by_key(|&i| (self.mentions[i].span.start, self.mentions[i].span.end));
            ids.dedup_by_key(|i| self.mentions[*i].span);
            let names: Vec<usize> =
                ids.iter().copied().filter(|&i| self.mentions[i].kind == MentionKind::Name).collect();
            let Some(&canon) = names.iter().max_by_key(|&&i| {
                let s = self.mentions[i].span.of(self.text);
                (s.split_whitespace().count(), s.len(), std::cmp::Reverse(self.mentions[i].span.start))
            }) else {
                continue;
            };
            let name = normalize(self.mentions[canon].span.of(self.text));
            let mut aliases: Vec<String> = Vec::new();
            for &i in &names {
                let a = normalize(self.mentions[i].span.of(self.text));
                if a != name && !aliases.contains(&a) {
                    aliases.push(a);
                }
            }
            let voted = self.info[r].label().or(self.mentions[canon].label).unwrap_or(EntityLabel::Misc);
            let label = self.settled_label(&name, voted, &self.info[r].descs);
            let first_name_span = names
                .iter()
                .map(|&i| self.mentions[i].span)
                .find(|s| normalize(s.of(self.text)) == name)
                .unwrap_or(self.mentions[canon].span);
            out.push(Entity {
                name,
                label,
                name_span: first_name_span,
                aliases,
                mentions: ids
                    .iter()
                    .map(|&i| Mention { span: self.mentions[i].span, kind: self.mentions[i].kind })
                    .collect(),
            });
        }
        out.sort_by_key(|e| e.mentions.first().map(|m| (m.span.start, m.span.end)));
        out
    }
}

impl Linker<'_> {
    /// The entity's label: a name's last word ("… Bus Terminal", "… Electoral Board") or the
    /// gazetteer (a known city or country is LOC, as CoNLL labels it even when it stands for
    /// its government) overrule the tagger's votes.
    fn settled_label(&self, name: &str, voted: EntityLabel, descs: &[String]) -> EntityLabel {
        if let Some(l) = self.name_head_label(name, voted) {
            return l;
        }
        // Described as a vessel or a building ("the Name dam", "the vessel, the MV Name").
        if let Some(l) = descs.iter().find_map(|d| self.lex.heads.get(d.as_str()).and_then(|h| h.settles)) {
            return l;
        }
        use dossier_tag::gazetteer::{Gazetteer, Kind};
        let kinds = Gazetteer::global().kinds_of(name);
        let place = Kind::Country.bit() | Kind::State.bit() | Kind::City.bit() | Kind::Continent.bit();
        if kinds & place != 0 && kinds & Kind::Org.bit() == 0 && voted != EntityLabel::Misc {
            return EntityLabel::Loc;
        }
        voted
    }
}

impl PlaceKind {
    /// Whether the gazetteer knows a name as a place of this kind.
    fn known(self, name: &str) -> bool {
        use dossier_tag::gazetteer::{Gazetteer, Kind};
        let kinds = Gazetteer::global().kinds_of(name);
        let bit = match self {
            PlaceKind::Country => Kind::Country.bit(),
            PlaceKind::Settlement | PlaceKind::Capital => Kind::City.bit(),
            PlaceKind::Region => Kind::State.bit(),
        };
        kinds & bit != 0 && kinds & Kind::Org.bit() == 0
    }

    /// Whether a place name is of this kind, by the gazetteer.
    fn fits(self, name: &str) -> bool {
        use dossier_tag::gazetteer::{Gazetteer, Kind};
        let kinds = Gazetteer::global().kinds_of(name);
        match self {
            PlaceKind::Country => kinds & Kind::Country.bit() != 0,
            PlaceKind::Settlement | PlaceKind::Capital => {
                let wider =
                    Kind::Country.bit() | Kind::State.bit() | Kind::Continent.bit() | Kind::Region.bit();
                kinds & Kind::City.bit() != 0 || kinds & wider == 0
            }
            // A part of a country: a state the gazetteer knows, or a place it does not know as a
            // city, country or continent (its states are few: "Kelantan", "Cauca" are not in it).
            PlaceKind::Region => {
                let other =
                    Kind::City.bit() | Kind::Country.bit() | Kind::Continent.bit() | Kind::Demonym.bit();
                kinds & Kind::State.bit() != 0 || kinds & other == 0
            }
        }
    }
}

fn is_place(word: &str) -> bool {
    dossier_tag::gazetteer::Gazetteer::global().kinds_of(word) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_copies_plain_names_as_the_split_and_join_would_make_them() {
        let slow = |s: &str| {
            let s = s.trim();
            let s = s.strip_prefix("the ").or_else(|| s.strip_prefix("The ")).unwrap_or(s);
            let s = s.strip_suffix("'s").or_else(|| s.strip_suffix("’s")).unwrap_or(s);
            s.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        for s in [
            "",
            "Maria Lopez",
            "The Harbour Authority's",
            "the  Port Board",
            "Port\tBoard",
            "Port\u{b}Board",
            "Port\u{c}Board\r",
            "Port \nBoard",
            "Ana\u{a0}Ruiz",
            "Zoë  Kim’s",
            "the 's",
            "X 's",
        ] {
            assert_eq!(normalize(s), slow(s), "{s:?}");
        }
    }

    /// The memo of `name_head_label` gives the computed answer for every (name, tagged label),
    /// asked first, again, and after other labels of the same name.
    #[test]
    fn name_head_label_memo_answers_as_computed() {
        let text = "Officials met in the capital.";
        let seg = dossier_segment::Segmenter::new().segment(text);
        let pos = vec![None; seg.tokens.len()];
        let input = CorefInput { text, seg: &seg, pos: &pos, names: &[], attributions: &[], title: None };
        let lex = Lexicon::global().expect("shipped data parses");
        let l = Linker::new(&input, lex);
        let names = [
            "Boko Haram",
            "Islamic State Mozambique Province",
            "Sofia Grell",
            "Dennis Hall",
            "Kampala Bus Terminal",
            "Gulf of Aden",
            "Radio Veritas",
            "Zorvo",
        ];
        let mut settled = 0;
        for round in 0..3 {
            for name in names {
                for tagged in dossier_tag::ner::ENTITY_LABELS {
                    let want = l.name_head_label_uncached(name, tagged);
                    assert_eq!(l.name_head_label(name, tagged), want, "{name} {tagged:?} round {round}");
                    settled += usize::from(want.is_some());
                }
            }
        }
        assert!(settled > 0);
        assert_eq!(l.head_labels.borrow().len(), names.len());
    }

    #[test]
    fn acronyms() {
        assert_eq!(acronym_letters("ISIS-K").as_deref(), Some("ISISK"));
        assert_eq!(acronym_letters("U.S.").as_deref(), Some("US"));
        assert_eq!(acronym_letters("NGOs").as_deref(), Some("NGO"));
        assert_eq!(acronym_letters("Putin"), None);
        assert_eq!(initials("National Security Council"), "NSC");
        assert_eq!(initials("Islamic State of Khorasan"), "ISK");
    }

    /// Links `text` with the given names (text, tagger label) and no POS tags: the rules that
    /// read only words, without the tagger.
    fn link(text: &str, names: &[(&str, EntityLabel)]) -> Vec<Entity> {
        let seg = dossier_segment::Segmenter::new().segment(text);
        let pos = vec![None; seg.tokens.len()];
        let mut from = 0;
        let names: Vec<NameMention> = names
            .iter()
            .map(|&(n, label)| {
                let at = from + text[from..].find(n).expect("name in text");
                from = at + n.len();
                NameMention { span: Span::new(at, at + n.len()), label }
            })
            .collect();
        resolve(&CorefInput { text, seg: &seg, pos: &pos, names: &names, attributions: &[], title: None })
    }

    fn label_of(es: &[Entity], name: &str) -> EntityLabel {
        es.iter().find(|e| e.name == name).unwrap_or_else(|| panic!("{name}: {es:?}")).label
    }

    #[test]
    fn words_next_to_a_name_tell_its_label() {
        use EntityLabel::*;
        let text = "Floodwater cut the road on Sunday, and families near Dunessa were moved. The \
                    fishing port of Keshmir Adan was closed. Police in Ostrava Bela district set \
                    up roadblocks.";
        let es = link(text, &[("Dunessa", Per), ("Keshmir Adan", Per), ("Ostrava Bela", Org)]);
        assert_eq!(label_of(&es, "Dunessa"), Loc);
        assert_eq!(label_of(&es, "Keshmir Adan"), Loc);
        assert_eq!(label_of(&es, "Ostrava Bela"), Loc);
        // "shares in" is a company's cue, longer than "in".
        let es = link("Shares in Haldane Vossberg fell by a third.", &[("Haldane Vossberg", Per)]);
        assert_eq!(label_of(&es, "Haldane Vossberg"), Org);
        // A wire's credit in parentheses.
        let es =
            link("MARVIK, May 2 (Fjord Ledger) - Talks ended.", &[("MARVIK", Loc), ("Fjord Ledger", Per)]);
        assert_eq!(label_of(&es, "Fjord Ledger"), Org);
        // "in Spanish": a language or people is no place.
        let es = link("The verdict was read in Spanish.", &[("Spanish", Misc)]);
        assert_eq!(label_of(&es, "Spanish"), Misc);
        // Without a cue, the tagger's label stands.
        let es = link("Keshmir Adan said the port was closed.", &[("Keshmir Adan", Per)]);
        assert_eq!(label_of(&es, "Keshmir Adan"), Per);
    }

    #[test]
    fn a_one_word_name_the_text_calls_a_place_outvotes_the_tagger() {
        use EntityLabel::*;
        // Tagged ORG four times, "the state of X" once: a place. (No POS here: the
        // descriptions that join it are tested through the pipeline, tests/linking.rs.)
        let text = "Police in the northern state of Durela arrested two men. Durela's governor \
                    spoke on Monday. Durela officials said Durela would pay. The state mourned.";
        let es = link(text, &[("Durela", Org), ("Durela", Org), ("Durela", Org), ("Durela", Org)]);
        assert_eq!(label_of(&es, "Durela"), Loc);
        // "in X" alone does not make an organisation a place ("in Congress").
        let text = "The bill failed in Tarvos. Tarvos will vote again. Tarvos said it would wait.";
        let es = link(text, &[("Tarvos", Org), ("Tarvos", Org), ("Tarvos", Org)]);
        assert_eq!(label_of(&es, "Tarvos"), Org);
        // A person's surname after "in" stays a person's when the full name was given.
        let text = "Mirela Dovan won the vote. Few in Dovan's camp expected it. Dovan thanked them.";
        let es = link(text, &[("Mirela Dovan", Per), ("Dovan", Per), ("Dovan", Per)]);
        assert_eq!(label_of(&es, "Mirela Dovan"), Per);
    }

    #[test]
    fn names_the_tagger_cut_short_are_made_whole() {
        use EntityLabel::*;
        // A wire's credit cut inside its parentheses.
        let text = "MARVIK, May 2 (Fjord Ledger Today) - Talks ended.";
        let es = link(text, &[("MARVIK", Loc), ("Fjord Ledger", Per)]);
        assert_eq!(label_of(&es, "Fjord Ledger Today"), Org);
        // A place's opening word and the name after "of".
        let es = link("The tanker sank in the Gulf of Varesk on Sunday.", &[("Gulf", Loc), ("Varesk", Loc)]);
        assert_eq!(label_of(&es, "Gulf of Varesk"), Loc);
        assert_eq!(es.len(), 1, "{es:?}");
        // An organisation's end after "and", and a country's name across a cut.
        let text = "The Kelvara Meteorology and Geo-Hazards Department warned on Sunday. The \
                    Independent Union of Miners of Bosnia and Herzegovina called a strike.";
        let es = link(
            text,
            &[
                ("Kelvara Meteorology", Loc),
                ("Independent Union of Miners of Bosnia", Org),
                ("Herzegovina", Loc),
            ],
        );
        assert_eq!(label_of(&es, "Kelvara Meteorology and Geo-Hazards Department"), Org);
        assert_eq!(label_of(&es, "Independent Union of Miners of Bosnia and Herzegovina"), Org);
        assert_eq!(es.len(), 2, "{es:?}");
        // Not after a known place ("Kenya and Interior Ministry officials"), nor across a
        // parenthesis with no dash after it.
        let es = link("Kenya and Interior Ministry officials met.", &[("Kenya", Loc)]);
        assert_eq!(label_of(&es, "Kenya"), Loc);
        let es = link("The agency (Fjord Ledger Today) said so.", &[("Fjord Ledger", Org)]);
        assert_eq!(label_of(&es, "Fjord Ledger"), Org);
    }

    #[test]
    fn a_name_cut_before_an_organisation_word_is_one_organisation() {
        use EntityLabel::*;
        let text = "SEOUL (Yellow Sea Wire) - Talks began. The Yellow Sea Wire said so.";
        let es = link(text, &[("SEOUL", Loc), ("Yellow Sea", Loc), ("Wire", Org), ("Yellow Sea", Loc)]);
        let e = es.iter().find(|e| e.name == "Yellow Sea Wire").unwrap_or_else(|| panic!("{es:?}"));
        assert_eq!(e.label, Org);
        assert_eq!(e.mentions.len(), 2, "{es:?}");
        assert!(es.iter().all(|e| e.name != "Yellow Sea" && e.name != "Wire"), "{es:?}");
        // Not across a sentence, nor onto a word that is no organisation's.
        let es = link("They sailed the Yellow Sea. Wire fences stood.", &[("Yellow Sea", Loc)]);
        assert_eq!(label_of(&es, "Yellow Sea"), Loc);
        let es = link("They sailed the Yellow Sea Tuesday.", &[("Yellow Sea", Loc)]);
        assert_eq!(label_of(&es, "Yellow Sea"), Loc);
    }

    #[test]
    fn an_acronym_in_parentheses_joins_its_name_in_another_language_or_grown_to_match() {
        use EntityLabel::*;
        let one_entity = |es: &[Entity], name: &str, n: usize| {
            let e = es.iter().find(|e| e.name == name).unwrap_or_else(|| panic!("{name}: {es:?}"));
            assert_eq!(e.mentions.len(), n, "{es:?}");
        };
        // Letters of the name in its own language.
        let text = "The National Anticorruption Directorate (DNA) detained two officials. DNA said more \
                    arrests would follow.";
        let es = link(text, &[("National Anticorruption Directorate", Org), ("DNA", Org), ("DNA", Org)]);
        one_entity(&es, "National Anticorruption Directorate", 3);
        // The tagger's name is the end of the expansion.
        let text = "The Group for the Defence of the Coast (GDC) claimed the attack.";
        let es = link(text, &[("Defence of the Coast", Org), ("GDC", Org)]);
        one_entity(&es, "Group for the Defence of the Coast", 2);
        // Not a place cut out of a longer name, nor a person's party.
        let text = "The opposition Workers Party of San Remo (PTSR) won nine seats.";
        let es = link(text, &[("Workers Party", Org), ("San Remo", Loc), ("PTSR", Org)]);
        one_entity(&es, "San Remo", 1);
        let es = link("Jane Roe (PTI) spoke first.", &[("Jane Roe", Per), ("PTI", Org)]);
        one_entity(&es, "Jane Roe", 1);
    }

    #[test]
    fn a_surname_of_two_words_joins_the_full_name() {
        use EntityLabel::*;
        let text = "Youssef El Amrani met the envoy on Monday. El Amrani said the talks went well.";
        let es = link(text, &[("Youssef El Amrani", Per), ("El Amrani", Per)]);
        assert_eq!(es.len(), 1, "{es:?}");
        // Only after a person's name.
        let text = "Greater Tarsk Water raised prices. Tarsk Water, a smaller firm, did not.";
        let es = link(text, &[("Greater Tarsk Water", Org), ("Tarsk Water", Org)]);
        assert_eq!(es.len(), 2, "{es:?}");
    }

    #[test]
    fn a_name_taken_with_its_based_is_the_name_alone() {
        let text = "A study by the Tarsk-based group Hill Signal found the same.";
        let es = link(text, &[("Tarsk-based", EntityLabel::Misc), ("Hill Signal", EntityLabel::Org)]);
        let e = es.iter().find(|e| e.name == "Tarsk").unwrap_or_else(|| panic!("{es:?}"));
        assert_eq!(e.label, EntityLabel::Loc);
        assert_eq!(e.mentions[0].span.of(text), "Tarsk");
    }

    #[test]
    fn normalizes_names() {
        assert_eq!(normalize("the  Dossier\nCenter's"), "Dossier Center");
        assert_eq!(normalize("Putin’s"), "Putin");
    }
}
