//! A light tense heuristic over the words of a clause, used to decide which occurrence of a
//! weekday or month is meant. A POS tagger can replace it through [`TenseHint`].

use std::sync::LazyLock;

use dossier_doc::Span;
use rustc_hash::FxHashMap;

use crate::lexicon::LEX;
use crate::parse::Cand;
use crate::token::{Kind, Tokens};
use crate::value::Under;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
    /// No verb cue found: news defaults to the past.
    #[default]
    Unknown,
}

/// What a part-of-speech tagger says about one word, as far as the tense cues care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerbForm {
    /// Past tense (VBD): "met", "announced".
    Past,
    /// Past participle (VBN): "has announced", "was named".
    Participle,
    /// Present tense (VBZ, VBP).
    Present,
    /// Bare verb (VB): "to meet".
    Base,
    /// Modal (MD): "will", "may".
    Modal,
    /// Gerund or present participle (VBG).
    Gerund,
    /// A noun: "the planned merger" is no verb, nor are "home runs".
    Noun,
    /// Any other word (adjective, adverb, …).
    Other,
}

/// A better source of word classes than the word lists (a POS tagger): the form of the word
/// starting at a byte offset of the text. The heuristic keeps the word lists for what the
/// tagger does not say.
pub trait TenseHint: Sync {
    /// The form of the word that starts at byte `start` (a token start), if known.
    fn form(&self, start: usize) -> Option<VerbForm>;
}

static XPOS_FORMS: LazyLock<FxHashMap<&'static str, VerbForm>> = LazyLock::new(|| {
    include_str!("../data/xpos_forms.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (tag, form) = l.split_once('\t')?;
            let form = match form.trim() {
                "past" => VerbForm::Past,
                "participle" => VerbForm::Participle,
                "present" => VerbForm::Present,
                "base" => VerbForm::Base,
                "modal" => VerbForm::Modal,
                "gerund" => VerbForm::Gerund,
                "noun" => VerbForm::Noun,
                _ => VerbForm::Other,
            };
            Some((tag.trim(), form))
        })
        .collect()
});

/// A [`TenseHint`] from Penn Treebank tags (XPOS) of the words of a text.
#[derive(Clone, Debug, Default)]
pub struct XposHint {
    /// (byte start of the word, its form), sorted by start.
    words: Vec<(usize, VerbForm)>,
}

impl XposHint {
    /// `words`: the byte span of each word and its XPOS tag ("VBD", "MD", …), in any order.
    pub fn new<'a>(words: impl IntoIterator<Item = (Span, &'a str)>) -> XposHint {
        let mut words: Vec<(usize, VerbForm)> = words
            .into_iter()
            .map(|(s, tag)| (s.start, XPOS_FORMS.get(tag).copied().unwrap_or(VerbForm::Other)))
            .collect();
        words.sort_by_key(|w| w.0);
        XposHint { words }
    }
}

impl TenseHint for XposHint {
    fn form(&self, start: usize) -> Option<VerbForm> {
        let k = self.words.binary_search_by_key(&start, |w| w.0).ok()?;
        Some(self.words[k].1)
    }
}

/// [`cue_of`] for each token and side, computed once per document: the expressions of a
/// sentence ask about the same words. Only valid for one `hint` (one document's call).
pub(crate) struct CueMemo {
    /// Two per token (left, right): `None` not asked yet, else the cue found.
    memo: std::cell::RefCell<Vec<Option<Option<Tense>>>>,
}

impl CueMemo {
    pub(crate) fn new(toks: &Tokens) -> CueMemo {
        CueMemo { memo: std::cell::RefCell::new(vec![None; 2 * toks.len()]) }
    }
}

/// [`cue_of`] through the document's memo.
fn cue(memo: &CueMemo, toks: &Tokens, i: usize, left: bool, hint: Option<&dyn TenseHint>) -> Option<Tense> {
    let k = 2 * i + usize::from(!left);
    if let Some(&Some(t)) = memo.memo.borrow().get(k) {
        return t;
    }
    let t = cue_of(toks, i, left, hint);
    if let Some(c) = memo.memo.borrow_mut().get_mut(k) {
        *c = Some(t);
    }
    t
}

/// The tense cue at token `i`; `left`: the cue stands before the expression. `hint`, when
/// a tagger ran, tells verbs from nouns and past tenses from participles.
fn cue_of(toks: &Tokens, i: usize, left: bool, hint: Option<&dyn TenseHint>) -> Option<Tense> {
    let t = word_cue(toks, i, left, hint);
    // "were likely to buy as soon as trading opened Monday": a past verb in the clause "as
    // soon as" opens follows the clause it hangs on (a future told in the past), and "as
    // soon as" before a clause is no earliest time ("as soon as Tuesday" is)
    match t {
        Some(Tense::Past) if soon_clause(toks, i) => None,
        Some(Tense::Future)
            if toks.w(i) == "soon"
                && (i + 3..i + 7)
                    .any(|k| soon_clause(toks, k) && word_cue(toks, k, left, hint) == Some(Tense::Past)) =>
        {
            None
        }
        t => t,
    }
}

/// Token `k` is a word in the clause that "as soon as" opens, within four words of it.
fn soon_clause(toks: &Tokens, k: usize) -> bool {
    (2..=5).any(|d| {
        let a = k.wrapping_sub(d);
        toks.w(a) == "as"
            && toks.w(a.wrapping_sub(1)) == "soon"
            && toks.w(a.wrapping_sub(2)) == "as"
            && (a + 1..=k).all(|x| toks.kind(x) == Some(Kind::Word))
    })
}

fn word_cue(toks: &Tokens, i: usize, left: bool, hint: Option<&dyn TenseHint>) -> Option<Tense> {
    let w = toks.w(i);
    if toks.kind(i) != Some(Kind::Word) {
        return None;
    }
    let form = |k: usize| hint.and_then(|h| h.form(toks.toks.get(k)?.start));
    let f = form(i);
    if w == "won" && toks.w(i + 1) == "'" {
        return Some(Tense::Future); // won't
    }
    if w == "ll" && toks.w(i.wrapping_sub(1)) == "'" {
        return Some(Tense::Future); // 'll
    }
    // "Will Smith", "in May": a capitalized cue word is a name (news seldom opens a
    // sentence with a modal)
    let named = toks.cap(i);
    if let Some(nexts) = LEX.future_cues.get(w).filter(|_| !named) {
        // "going to", "expected to", "as soon as": only future when the next word agrees.
        if nexts.iter().any(|next| next.is_none_or(|n| toks.w(i + 1) == n)) {
            // "had been due to expire Friday": a plan told in the past perfect is over
            if past_perfect(toks, i) {
                return Some(Tense::Past);
            }
            // "On Friday, the government planned to pay …": a plan told in the past after
            // the expression is what happened on that day (the tagger's past tense, else a
            // form in "-ed"); before it, the plan looks ahead ("planned to meet on Friday")
            if !left && w.ends_with("ed") && f.is_none_or(|f| f == VerbForm::Past) {
                return Some(Tense::Past);
            }
            return Some(Tense::Future);
        }
    }
    // "the summit opens Monday": a finite verb of a schedule looks ahead; "failed to meet
    // Friday's deadline", "did not meet" leave the tense to the words further out.
    // ("home runs", "fits and starts" are nouns)
    if LEX.schedule_verbs.contains(w)
        && !named
        && !LEX.schedule_blockers.contains(toks.w(i.wrapping_sub(1)))
        && !matches!(f, Some(VerbForm::Noun | VerbForm::Other))
    {
        return Some(Tense::Future);
    }
    // A participle after "be" ("will be named") or an adjective after a determiner ("a
    // still unspecified date") is no past tense: the words further out decide.
    // So is a participle before "by" ("markets untouched by the crisis").
    // An adverb in "-ly" may stand between ("is usually conducted", "were newly built").
    let participle = || {
        let before = toks.w(i.wrapping_sub(1));
        LEX.nonfinite_before.contains(before)
            || (before.len() > 3
                && before.ends_with("ly")
                && LEX.nonfinite_before.contains(toks.w(i.wrapping_sub(2))))
            || toks.w(i + 1) == "by"
    };
    if LEX.past_aux.contains(w) {
        return Some(Tense::Past);
    }
    // the tagger's past tense, whatever the word lists know ("it cost", "they fled")
    if f == Some(VerbForm::Past) && !named {
        return Some(Tense::Past);
    }
    // "the planned merger", "a detailed plan": no verb
    let verb = !matches!(f, Some(VerbForm::Noun | VerbForm::Other | VerbForm::Gerund));
    if verb && LEX.irregular_past.contains(w) && !participle() {
        return Some(Tense::Past);
    }
    if verb && w.len() > 4 && w.ends_with("ed") && !LEX.ed_exceptions.contains(w) && !named && !participle() {
        return Some(Tense::Past);
    }
    // An infinitive before the expression ("agreed to acquire it in January", "to be
    // completed by Dec. 15") looks ahead of the verb that governs it.
    let verb_next = match form(i + 1) {
        Some(VerbForm::Base) => true,
        Some(_) => false,
        None => infinitive(toks, i + 1),
    };
    if left && w == "to" && verb_next && !LEX.implicatives.contains(toks.w(i.wrapping_sub(1))) {
        let head = i.wrapping_sub(1);
        if past_perfect(toks, head) {
            return Some(Tense::Past);
        }
        return Some(Tense::Future);
    }
    // "The minister is travelling to Paris on Friday": the present progressive of a plan
    if matches!(w, "is" | "are" | "am") {
        let next = toks.w(i + 1);
        let gerund = match form(i + 1) {
            Some(f) => f == VerbForm::Gerund,
            None => next.len() > 4 && next.ends_with("ing"),
        };
        if gerund && toks.kind(i + 1) == Some(Kind::Word) {
            return Some(Tense::Future);
        }
    }
    if matches!(w, "is" | "are" | "am" | "says" | "say" | "does" | "do") {
        return Some(Tense::Present);
    }
    None
}

/// A month, or a month and day, with no year, between a determiner and a noun of a scheduled
/// happening ("the June 7 election", "a March runoff"; data/scheduled_nouns.txt): the year is
/// the nearest one, whatever the clause's tense. `s`: the sentence's first token.
pub(crate) fn scheduled(toks: &Tokens, s: usize, c: &Cand) -> bool {
    let dated = matches!(&c.val, Under::Month { rel: None, .. } | Under::Cal { y: None, m: Some(_), .. });
    dated
        && c.lo > s
        && LEX.attributive_before.contains(toks.w(c.lo - 1))
        && LEX.scheduled_nouns.contains(toks.w(c.hi))
}

/// A bare month or weekday (no "last"/"next") that modifies the noun after it: possessive
/// ("Wednesday's ruling") or between a determiner and a lowercase word that is no
/// preposition ("a June agreement", "the Monday meeting"). `s`: the sentence's first token.
pub(crate) fn attributive(toks: &Tokens, s: usize, c: &Cand) -> bool {
    if !matches!(c.val, Under::Weekday { rel: None, .. } | Under::Month { rel: None, .. }) {
        return false;
    }
    let hi = c.hi;
    if matches!(toks.w(hi), "'" | "’") && toks.w(hi + 1) == "s" && toks.adj(hi - 1) && toks.adj(hi) {
        return true;
    }
    let det = c.lo > s && LEX.attributive_before.contains(toks.w(c.lo - 1));
    det && toks.kind(hi) == Some(Kind::Word)
        && !toks.cap(hi)
        && !LEX.prepositions.contains(toks.w(hi))
        && !LEX.clause_openers.contains(toks.w(hi))
        && !matches!(toks.w(hi), "and" | "or" | "when" | "that" | "which")
}

/// A weekday after a plan told in the past ("Protesters planned a rally on Saturday") looks
/// ahead: the nearest tense cue on the left, within the clause (no comma between), is a plan
/// word not kept ("as planned"). `s`: the sentence's first token; `lo`: the expression's.
pub(crate) fn plan_ahead(
    memo: &CueMemo,
    toks: &Tokens,
    s: usize,
    lo: usize,
    hint: Option<&dyn TenseHint>,
) -> bool {
    for i in (s..lo).rev().take(10) {
        if matches!(toks.w(i), "," | ";" | ":") {
            return false;
        }
        if LEX.plan_words.contains(toks.w(i)) {
            // "a memorial service planned for Saturday was cancelled": a participle after
            // its noun is no plan told, the clause's own verb decides
            // (without a tagger: a preposition right after it, no object)
            let participle = match hint.and_then(|h| h.form(toks.toks[i].start)) {
                Some(f) => f == VerbForm::Participle,
                None => LEX.prepositions.contains(toks.w(i + 1)),
            };
            return !participle
                && !LEX.plan_kept.contains(toks.w(i.wrapping_sub(1)))
                && !past_perfect(toks, i);
        }
        if cue(memo, toks, i, true, hint).is_some() {
            return false;
        }
    }
    false
}

/// The word at `i` is told in the past perfect: "had scheduled", "had been due".
fn past_perfect(toks: &Tokens, i: usize) -> bool {
    let w = |k: usize| toks.w(i.wrapping_sub(k));
    w(1) == "had" || (w(1) == "been" && w(2) == "had")
}

/// Token `i` looks like the bare verb of an infinitive: a lowercase word that is no
/// determiner, pronoun, number or plural noun ("to holders"), nor a form ending in
/// "-ed"/"-ing".
fn infinitive(toks: &Tokens, i: usize) -> bool {
    let w = toks.w(i);
    let plural = w.ends_with('s') && !w.ends_with("ss");
    let inflected = plural || w.ends_with("ed") || w.ends_with("ing");
    toks.kind(i) == Some(Kind::Word) && !toks.cap(i) && !LEX.not_verbs.contains(w) && !inflected
}

/// The tense of the clause around tokens `lo..hi` (the expression) within the sentence
/// tokens `s..e`: the nearest cue, scanning outwards, left first on a tie.
pub(crate) fn tense_near(
    memo: &CueMemo,
    toks: &Tokens,
    s: usize,
    e: usize,
    lo: usize,
    hi: usize,
    hint: Option<&dyn TenseHint>,
) -> Tense {
    let mut found: Option<(usize, Tense)> = None;
    let mut d = 1;
    // "said in a statement on Thursday that the ban would hurt hunters": the clause a
    // complementizer opens after the expression has a tense of its own.
    let mut right_open = true;
    // "Wouters, who visited the site on Saturday, will meet …": a comma after the expression
    // closes its clause when a past verb before it, in reach, gives the tense.
    // Looked for only when a comma is met on the right.
    let left_verb = || {
        (1..=6)
            .filter_map(|d| lo.checked_sub(d).filter(|&i| i >= s))
            .take_while(|&i| !matches!(toks.w(i), "," | ";" | ":"))
            .any(|i| cue(memo, toks, i, true, hint) == Some(Tense::Past))
    };
    // The nearest cue on the left, in the clause, is a finite verb that is no past tense
    // ("will pay", "is travelling"; not an infinitive's "to"): the clause has its own tense
    let left_finite = || {
        (1..=8)
            .filter_map(|d| lo.checked_sub(d).filter(|&i| i >= s))
            .take_while(|&i| !matches!(toks.w(i), "," | ";" | ":"))
            .find_map(|i| cue(memo, toks, i, true, hint).map(|t| (i, t)))
            .is_some_and(|(i, t)| t != Tense::Past && toks.w(i) != "to")
    };
    while found.is_none() {
        let left = lo.checked_sub(d).filter(|&i| i >= s);
        let right = Some(hi + d - 1).filter(|&i| i < e);
        // '"We will meet on Friday," she said': a quotation mark after the expression
        // closes (or opens) another clause; the reporting verb beyond it is not its tense.
        // ("Friday's vote" is a possessive, no quotation).
        let quote = |i: usize| match toks.w(i) {
            "\"" | "”" | "“" | "`" => true,
            "'" => toks.w(i + 1) != "s",
            _ => false,
        };
        // "planned a rally on Saturday and were planning to …": a verb after "and" opens
        // a clause of its own
        let coordinated = |i: usize| {
            matches!(toks.w(i), "and" | "but") && i + 1 < e && cue(memo, toks, i + 1, false, hint).is_some()
        };
        // "… in the fourth quarter, it said.", "…, said a spokesman.": a reporting clause
        // closing the sentence after a comma reports it; its verb is not the tense
        let reporting = |i: usize| {
            toks.w(i) == ","
                && (i + 1..(i + 5).min(e)).any(|k| {
                    let closes =
                        |j: usize| j >= e || matches!(toks.w(j), "." | "," | ";" | ":" | "\"" | "”" | "'");
                    // "…, officials said.", "…, a spokesman told reporters.", "…, said a spokesman"
                    LEX.reporting_verbs.contains(toks.w(k)) && (closes(k + 1) || closes(k + 2) || k == i + 1)
                })
        };
        if right.is_some_and(|i| {
            toks.w(i) == "that"
                || quote(i)
                || coordinated(i)
                || (toks.w(i) == "," && (left_verb() || (reporting(i) && left_finite())))
        }) {
            right_open = false;
        }
        let right = right.filter(|_| right_open);
        if left.is_none() && right.is_none() {
            break;
        }
        if let Some(t) = left.and_then(|i| cue(memo, toks, i, true, hint)) {
            found = Some((d, t));
        } else if let Some(t) = right.and_then(|i| cue(memo, toks, i, false, hint)) {
            found = Some((d, t));
        }
        d += 1;
    }
    found.map(|f| f.1).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memo_answers_as_the_cue_it_keeps() {
        let text = "The board had planned to vote on Friday, but it will meet on Monday and \
                    says the plan was delayed as soon as talks resumed.";
        let toks = Tokens::new(text);
        let memo = CueMemo::new(&toks);
        let found: usize = (0..2)
            .flat_map(|_| (0..toks.len()).flat_map(|i| [(i, true), (i, false)]))
            .map(|(i, left)| {
                let want = cue_of(&toks, i, left, None);
                assert_eq!(cue(&memo, &toks, i, left, None), want, "token {i} left {left}");
                usize::from(want.is_some())
            })
            .sum();
        assert!(found > 4, "only {found} cues");
    }
}
