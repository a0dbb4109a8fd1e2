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

fn cue(toks: &Tokens, i: usize) -> Option<Tense> {
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
    if let Some(&needs_to) = LEX.future_cues.get(w) {
        // "going to", "expected to": only future when "to" follows.
        if !needs_to || toks.w(i + 1) == "to" {
            return Some(Tense::Future);
        }
    }
    if LEX.past_aux.contains(w) || LEX.irregular_past.contains(w) {
        return Some(Tense::Past);
    }
    if w.len() > 4 && w.ends_with("ed") && !LEX.ed_exceptions.contains(w) && !toks.cap(i) {
        return Some(Tense::Past);
    }
    if matches!(w, "is" | "are" | "am" | "says" | "say" | "does" | "do") {
        return Some(Tense::Present);
    }
    None
}

/// The tense of the clause around tokens `lo..hi` (the expression) within the sentence
/// tokens `s..e`: the nearest cue, scanning outwards, left first on a tie.
pub(crate) fn tense_near(toks: &Tokens, s: usize, e: usize, lo: usize, hi: usize) -> Tense {
    let mut found: Option<(usize, Tense)> = None;
    let mut d = 1;
    while found.is_none() {
        let left = lo.checked_sub(d).filter(|&i| i >= s);
        let right = Some(hi + d - 1).filter(|&i| i < e);
        if left.is_none() && right.is_none() {
            break;
        }
        if let Some(t) = left.and_then(|i| cue(toks, i)) {
            found = Some((d, t));
        } else if let Some(t) = right.and_then(|i| cue(toks, i)) {
            found = Some((d, t));
        }
        d += 1;
    }
    found.map(|f| f.1).unwrap_or_default()
}
