//! A light tense heuristic over the words of a clause, used to decide which occurrence of a
//! weekday or month is meant. A POS tagger can replace it through [`TenseHint`].

use dossier_doc::Span;

use crate::lexicon::LEX;
use crate::token::{Kind, Tokens};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
    /// No verb cue found: news defaults to the past.
    #[default]
    Unknown,
}

/// A source of tense better than the word heuristic (for example a POS tagger): given the
/// sentence and the span of a temporal expression, the tense of the verb governing it.
pub trait TenseHint: Sync {
    fn tense(&self, sentence: Span, timex: Span) -> Option<Tense>;
}

/// The tense cue at token `i`; `left`: the cue stands before the expression.
fn cue(toks: &Tokens, i: usize, left: bool) -> Option<Tense> {
    let w = toks.w(i);
    if toks.kind(i) != Some(Kind::Word) {
        return None;
    }
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
            return Some(Tense::Future);
        }
    }
    // "the summit opens Monday": a finite verb of a schedule looks ahead; "failed to meet
    // Friday's deadline", "did not meet" leave the tense to the words further out.
    if LEX.schedule_verbs.contains(w) && !named && !LEX.schedule_blockers.contains(toks.w(i.wrapping_sub(1)))
    {
        return Some(Tense::Future);
    }
    // A participle after "be" ("will be named") or an adjective after a determiner ("a
    // still unspecified date") is no past tense: the words further out decide.
    // So is a participle before "by" ("markets untouched by the crisis").
    let participle = || LEX.nonfinite_before.contains(toks.w(i.wrapping_sub(1))) || toks.w(i + 1) == "by";
    if LEX.past_aux.contains(w) {
        return Some(Tense::Past);
    }
    if LEX.irregular_past.contains(w) && !participle() {
        return Some(Tense::Past);
    }
    if w.len() > 4 && w.ends_with("ed") && !LEX.ed_exceptions.contains(w) && !toks.cap(i) && !participle() {
        return Some(Tense::Past);
    }
    // An infinitive before the expression ("agreed to acquire it in January", "to be
    // completed by Dec. 15") looks ahead of the verb that governs it.
    if left && w == "to" && infinitive(toks, i + 1) && !LEX.implicatives.contains(toks.w(i.wrapping_sub(1))) {
        let head = i.wrapping_sub(1);
        if past_perfect(toks, head) {
            return Some(Tense::Past);
        }
        return Some(Tense::Future);
    }
    if matches!(w, "is" | "are" | "am" | "says" | "say" | "does" | "do") {
        return Some(Tense::Present);
    }
    None
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
pub(crate) fn tense_near(toks: &Tokens, s: usize, e: usize, lo: usize, hi: usize) -> Tense {
    let mut found: Option<(usize, Tense)> = None;
    let mut d = 1;
    // "said in a statement on Thursday that the ban would hurt hunters": the clause a
    // complementizer opens after the expression has a tense of its own.
    let mut right_open = true;
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
        if right.is_some_and(|i| toks.w(i) == "that" || quote(i)) {
            right_open = false;
        }
        let right = right.filter(|_| right_open);
        if left.is_none() && right.is_none() {
            break;
        }
        if let Some(t) = left.and_then(|i| cue(toks, i, true)) {
            found = Some((d, t));
        } else if let Some(t) = right.and_then(|i| cue(toks, i, false)) {
            found = Some((d, t));
        }
        d += 1;
    }
    found.map(|f| f.1).unwrap_or_default()
}
