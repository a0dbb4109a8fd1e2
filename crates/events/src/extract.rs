//! Triggers, event coreference, times, counts, places and participants.

use std::borrow::Cow;

use dossier_doc::Span;

use crate::lexicon::{Lexicon, NumKind, PosReq, Side};
use crate::{
    CountHit, CountPart, EventHit, EventInput, EventTime, EventType, Location, Participant, Qualifier,
    Relation, Role,
};

/// The document as the rules see it: lowercase words, coarse tags, sentences and regions.
pub(crate) struct Doc<'a> {
    pub input: &'a EventInput<'a>,
    pub words: Vec<Cow<'a, str>>,
    /// A light document's lowercased words per sentence, made the first time
    /// [`Doc::sentence_words`] asks for the sentence (a full document's are `words`).
    lazy_words: Vec<std::cell::OnceCell<Vec<Cow<'a, str>>>>,
    /// UPOS per token ("" when unknown).
    pub upos: Vec<&'static str>,
    pub xpos: Vec<&'static str>,
    /// Word-class bits per token (`Lexicon::bits`).
    pub bits: Vec<u64>,
    /// Quotations and attributed contents: a trigger and a time expression must share the
    /// innermost one to go together.
    regions: Vec<Span>,
    /// Per sentence, the regions overlapping it.
    sent_regions: Vec<Vec<usize>>,
    /// Token index ranges per sentence (clamped to the tokens).
    pub sent_toks: Vec<std::ops::Range<usize>>,
    /// Entity mentions, time expression spans and attribution cues by start, for windowed
    /// lookups (the rules stay linear on long documents).
    ents: Vec<crate::EntityRef>,
    timex_spans: Vec<Span>,
    cues: Vec<(Span, usize)>,
    /// Sentences of a headline line at the top (no closing punctuation, a line of its own).
    pub headline_sents: usize,
}

/// Entity names are shorter than this many bytes: a window that finds every mention
/// overlapping a span.
const NAME_WINDOW: usize = 256;

fn lower(s: &str) -> Cow<'_, str> {
    let (mut upper, mut ascii) = (false, true);
    for b in s.bytes() {
        upper |= b.is_ascii_uppercase();
        ascii &= b.is_ascii();
    }
    if ascii {
        if upper {
            Cow::Owned(s.to_ascii_lowercase())
        } else {
            Cow::Borrowed(s)
        }
    } else {
        Cow::Owned(s.to_lowercase().replace('\u{2019}', "'"))
    }
}

impl<'a> Doc<'a> {
    pub(crate) fn new(input: &'a EventInput<'a>) -> Doc<'a> {
        Doc::build(input, true)
    }

    /// Sentences and regions only (no per-token words or tags): what the timeline needs.
    pub(crate) fn light(input: &'a EventInput<'a>) -> Doc<'a> {
        Doc::build(input, false)
    }

    fn build(input: &'a EventInput<'a>, full: bool) -> Doc<'a> {
        let text = input.text;
        let toks = if full { &input.seg.tokens[..] } else { &[] };
        let ok = |s: Span| {
            s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        };
        let words: Vec<Cow<str>> = toks
            .iter()
            .map(|t| if ok(t.span) { lower(t.span.of(text)) } else { Cow::Borrowed("") })
            .collect();
        let lex = &*crate::lexicon::LEX;
        let bits = words
            .iter()
            .map(|w| match lex.bits(w) {
                // "twenty-five": a number when its first part is one.
                0 if w.contains('-') => lex.bits(w.split('-').next().unwrap_or("")) & crate::lexicon::NUMBER,
                b => b,
            })
            .collect();
        let tags_ok = input.pos.len() == toks.len();
        let upos = (0..toks.len())
            .map(|i| if tags_ok { input.pos[i].map_or("", |t| t.upos()) } else { "" })
            .collect();
        let xpos = (0..toks.len())
            .map(|i| if tags_ok { input.pos[i].map_or("", |t| t.xpos()) } else { "" })
            .collect();
        let mut sent_toks = Vec::with_capacity(input.seg.sentence_tokens.len());
        let n = input.seg.tokens.len();
        for r in input.seg.sentence_tokens.iter() {
            let r = r.start.min(n)..r.end.min(n);
            sent_toks.push(r);
        }
        let mut regions: Vec<Span> = input.seg.quotes.iter().map(|q| q.span).collect();
        for a in input.attributions {
            // A "cue" that is an event word ("Gunmen opened fire …") is no speech: its
            // "content" is the event's own clause.
            if cue_is_event(input, a.cue) {
                continue;
            }
            // A content with no verb ("denied any part in the attack the same day", "claimed
            // responsibility in a message sent on Tuesday") is the cue's object, not a reported
            // clause: its times belong to the clause of the cue.
            regions.extend(a.content.iter().copied().filter(|&c| !verbless(input, a.cue, c)));
        }
        regions.retain(|r| ok(*r) && !r.is_empty());
        let sents = &input.seg.sentences;
        let mut sent_regions = vec![Vec::new(); sents.len()];
        for (ri, r) in regions.iter().enumerate() {
            let first = sents.partition_point(|s| s.end <= r.start);
            for (si, s) in sents.iter().enumerate().skip(first) {
                if s.start >= r.end {
                    break;
                }
                sent_regions[si].push(ri);
            }
        }
        let mut ents = input.entities.to_vec();
        ents.sort_by_key(|e| e.span.start);
        let mut timex_spans: Vec<Span> = input.timexes.iter().map(|t| t.span).collect();
        timex_spans.sort_by_key(|s| s.start);
        let mut cues: Vec<(Span, usize)> =
            input.attributions.iter().enumerate().map(|(i, a)| (a.cue, i)).collect();
        cues.sort_by_key(|c| c.0.start);
        let headline_sents = headline_sentences(input);
        Doc {
            input,
            words,
            lazy_words: if full { Vec::new() } else { vec![std::cell::OnceCell::new(); sent_toks.len()] },
            upos,
            xpos,
            bits,
            regions,
            sent_regions,
            sent_toks,
            ents,
            timex_spans,
            cues,
            headline_sents,
        }
    }

    pub(crate) fn text(&self) -> &'a str {
        self.input.text
    }

    pub(crate) fn tok(&self, i: usize) -> Span {
        self.input.seg.tokens[i].span
    }

    pub(crate) fn n_toks(&self) -> usize {
        self.input.seg.tokens.len()
    }

    /// Token `i` in lowercase (computed when the document was built light).
    pub(crate) fn word(&self, i: usize) -> Option<Cow<'a, str>> {
        if let Some(w) = self.words.get(i) {
            return Some(w.clone());
        }
        let s = self.input.seg.tokens.get(i)?.span;
        self.text().get(s.range()).map(lower)
    }

    /// The lowercased words of sentence `sent`'s tokens (`sent_toks`; "" for a token whose
    /// span is no slice of the text), as [`Doc::word`] gives them: a full document's `words`,
    /// a light one's made once per sentence asked for.
    pub(crate) fn sentence_words(&self, sent: usize) -> Option<&[Cow<'a, str>]> {
        let toks = self.sent_toks.get(sent)?.clone();
        if self.words.len() == self.input.seg.tokens.len() {
            return self.words.get(toks);
        }
        let words = self.lazy_words.get(sent)?.get_or_init(|| {
            let text = self.text();
            (self.input.seg.tokens.get(toks))
                .unwrap_or_default()
                .iter()
                .map(|t| text.get(t.span.range()).map(lower).unwrap_or_default())
                .collect()
        });
        Some(words)
    }

    /// The sentence holding byte `at` (the nearest before it when between sentences).
    pub(crate) fn sentence_of(&self, at: usize) -> Option<usize> {
        let s = &self.input.seg.sentences;
        if s.is_empty() {
            return None;
        }
        Some(s.partition_point(|x| x.end <= at).min(s.len() - 1))
    }

    /// The time expressions starting inside sentence `s`, as indices into the timexes (which
    /// are in text order); empty when there is no such sentence.
    pub(crate) fn timexes_in(&self, s: usize) -> std::ops::Range<usize> {
        let t = self.input.timexes;
        let Some(sent) = self.input.seg.sentences.get(s) else { return 0..0 };
        let lo = t.partition_point(|x| x.span.start < sent.start);
        lo..lo + t[lo..].partition_point(|x| x.span.start < sent.end)
    }

    /// The first token starting at or after `at`.
    pub(crate) fn tok_at(&self, at: usize) -> usize {
        self.input.seg.tokens.partition_point(|t| t.span.start < at)
    }

    /// The innermost region holding `span`, if any (usize::MAX for none).
    pub(crate) fn region(&self, sentence: usize, span: Span) -> usize {
        let mut best = usize::MAX;
        let mut best_len = usize::MAX;
        for &ri in self.sent_regions.get(sentence).map(|v| v.as_slice()).unwrap_or(&[]) {
            let r = self.regions[ri];
            if r.start <= span.start && span.end <= r.end && r.len() < best_len {
                best = ri;
                best_len = r.len();
            }
        }
        // Identical spans (a quote that is also a content) are one region.
        if best != usize::MAX {
            let r = self.regions[best];
            if let Some(first) = self.regions.iter().position(|x| *x == r) {
                best = first;
            }
        }
        best
    }

    /// As [`region`](Self::region) for a time expression, except that one opening an
    /// attributed content ("announced yesterday that …") belongs to the clause around it.
    pub(crate) fn region_of_time(&self, sentence: usize, span: Span) -> usize {
        let mut best = usize::MAX;
        let mut best_len = usize::MAX;
        for &ri in self.sent_regions.get(sentence).map(|v| v.as_slice()).unwrap_or(&[]) {
            let r = self.regions[ri];
            let opens = span.start == r.start;
            if r.start <= span.start && span.end <= r.end && r.len() < best_len && !opens {
                best = ri;
                best_len = r.len();
            }
        }
        if best != usize::MAX {
            let r = self.regions[best];
            if let Some(first) = self.regions.iter().position(|x| *x == r) {
                best = first;
            }
        }
        best
    }

    /// Entity mentions starting in `lo - NAME_WINDOW .. hi`: every one that overlaps `lo..hi`.
    pub(crate) fn ents_near(&self, lo: usize, hi: usize) -> &[crate::EntityRef] {
        let a = self.ents.partition_point(|e| e.span.start < lo.saturating_sub(NAME_WINDOW));
        let b = self.ents.partition_point(|e| e.span.start < hi);
        &self.ents[a..b.max(a)]
    }

    /// Whether a time expression covers `s`.
    pub(crate) fn in_timex(&self, s: Span) -> bool {
        let b = self.timex_spans.partition_point(|t| t.start <= s.start);
        self.timex_spans[..b].iter().rev().take(4).any(|t| t.contains(&s))
    }

    /// Whether a time expression overlaps `s`.
    pub(crate) fn touches_timex(&self, s: Span) -> bool {
        let b = self.timex_spans.partition_point(|t| t.start < s.end);
        self.timex_spans[..b].iter().rev().take(4).any(|t| overlaps(*t, s))
    }

    /// Attributions whose cue overlaps `s`.
    pub(crate) fn cues_over(&self, s: Span) -> impl Iterator<Item = usize> + '_ {
        let b = self.cues.partition_point(|c| c.0.start < s.end);
        let a = self.cues[..b].partition_point(|c| c.0.start < s.start.saturating_sub(NAME_WINDOW));
        self.cues[a..b].iter().filter(move |c| overlaps(c.0, s)).map(|c| c.1)
    }

    /// Whether token `i` is in a class of `words.tsv`.
    pub(crate) fn is(&self, i: usize, class: &str) -> bool {
        self.bits.get(i).is_some_and(|b| b & crate::lexicon::class_bit(class) != 0)
    }

    fn is_noun(&self, i: usize) -> bool {
        matches!(self.upos.get(i), Some(&"NOUN") | Some(&"PROPN"))
    }

    fn is_punct(&self, i: usize) -> bool {
        match self.upos.get(i) {
            Some(&"PUNCT") => self.xpos.get(i) != Some(&"HYPH"),
            Some(&"") | None => {
                self.words.get(i).is_some_and(|w| w.chars().all(|c| c.is_ascii_punctuation()))
            }
            _ => false,
        }
    }

    fn capitalized(&self, i: usize) -> bool {
        self.text().get(self.tok(i).range()).and_then(|s| s.chars().next()).is_some_and(|c| c.is_uppercase())
    }
}

/// Whether an attribution cue starts with a trigger of a happening (not of speech).
fn cue_is_event(input: &EventInput, cue: Span) -> bool {
    let toks = &input.seg.tokens;
    let i = toks.partition_point(|t| t.span.start < cue.start);
    let words: Vec<Cow<str>> = toks[i..(i + 4).min(toks.len())]
        .iter()
        .filter_map(|t| input.text.get(t.span.range()).map(lower))
        .collect();
    let Some((_, trig)) = crate::lexicon::LEX.triggers.longest(&words, 0) else { return false };
    trig.ty.is_some_and(|t| !is_speech(t))
}

/// Whether `span`, the content of `cue`, is a phrase, not a clause: it holds no verb ("any
/// part in the attack"), or it is the object of a preposition (its first word, or the cue's
/// last: "claimed responsibility for") and holds no verb but past participles ("in a message
/// sent to reporters"). Unknown tags count as a verb.
fn verbless(input: &EventInput, cue: Span, span: Span) -> bool {
    let toks = &input.seg.tokens;
    if input.pos.len() != toks.len() {
        return false;
    }
    let i = toks.partition_point(|t| t.span.start < span.start);
    let j = toks.partition_point(|t| t.span.start < span.end);
    let tags = &input.pos[i..j];
    let is_adp = |p: &Option<dossier_tag::PosTag>| p.is_some_and(|t| t.upos() == "ADP");
    let cue_last = toks.partition_point(|t| t.span.start < cue.end).checked_sub(1);
    let cue_ends_pp = cue_last.is_some_and(|k| toks[k].span.start >= cue.start && is_adp(&input.pos[k]));
    let opens_pp = cue_ends_pp || tags.first().is_some_and(is_adp);
    // A gerund right after a determiner is a noun: "rejected that finding on Tuesday", "denied
    // the killing" (`definite` / `indefinite` in words.tsv).
    let lex = &crate::lexicon::LEX;
    let determined = |k: usize| {
        k > i
            && input
                .text
                .get(toks[k - 1].span.range())
                .is_some_and(|w| lex.is("definite", &lower(w)) || lex.is("indefinite", &lower(w)))
    };
    tags.iter().enumerate().all(|(k, p)| match p {
        Some(t) => {
            !matches!(t.upos(), "VERB" | "AUX")
                || (opens_pp && t.xpos() == "VBN")
                || (t.xpos() == "VBG" && determined(i + k))
        }
        None => false,
    })
}

/// The part of attribution cue `cue` before the first time expression it holds: a cue grown
/// over its time ("said on Sunday") is dated by it as a cue next to it is.
pub(crate) fn cue_before_time(doc: &Doc, cue: Span) -> Span {
    let k = doc.timex_spans.partition_point(|t| t.start <= cue.start);
    match doc.timex_spans.get(k) {
        Some(t) if t.start < cue.end => {
            let head = doc.text().get(cue.start..t.start).unwrap_or("").trim_end();
            if head.is_empty() {
                return cue;
            }
            Span::new(cue.start, cue.start + head.len())
        }
        _ => cue,
    }
}

/// The types that are something said or published (a warning, statement, report, claim or
/// denial) rather than a happening.
fn is_speech(t: EventType) -> bool {
    matches!(
        t,
        EventType::Warning
            | EventType::Statement
            | EventType::Report
            | EventType::ClaimResponsibility
            | EventType::Denial
    )
}

/// A trigger occurrence.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    pub span: Span,
    pub ty: EventType,
    /// First and last token.
    pub t0: usize,
    pub t1: usize,
    pub sent: usize,
    pub region: usize,
    pub casualty: bool,
    /// Joins an event of its type but never starts one (also when hypothetical: "could cause
    /// flooding", or a verb denied: "has not been charged").
    pub nonew: bool,
    /// Followed by its verb ("Floods swept through …").
    pub subject: bool,
    pub noun: bool,
    pub definite: bool,
    pub bare_plural: bool,
    pub distinct: bool,
    pub negated: bool,
    pub attribution: Option<usize>,
    /// Index into the timexes of the time expression assigned to this mention.
    pub timex: Option<usize>,
    /// A casualty figure's update dated by that time ("the toll climbed to 27 on Tuesday").
    pub update: bool,
}

/// Finds the lexicon's triggers and the events attributions make.
pub(crate) fn mentions(doc: &Doc, lex: &Lexicon) -> Vec<Mention> {
    let input = doc.input;
    let mut out = Vec::new();
    for (si, r) in doc.sent_toks.iter().enumerate() {
        let words = &doc.words[..r.end];
        let mut i = r.start;
        while i < r.end {
            if doc.bits[i] & crate::lexicon::TRIGGER == 0 {
                i += 1;
                continue;
            }
            let Some((len, trig)) = lex.triggers.longest(words, i) else {
                i += 1;
                continue;
            };
            let (t0, t1) = (i, i + len - 1);
            i += len;
            let Some(ty) = trig.ty else { continue };
            let up = doc.upos[t0];
            let pos_ok = match trig.pos {
                PosReq::Any => true,
                // A proper-noun tag outside every longer name is a tagging slip ("Floods swept
                // …"; a name of the trigger word alone, "— Landslides buried …", is one too).
                PosReq::Noun => {
                    up.is_empty()
                        || up == "NOUN"
                        // A lexicon noun tagged adjective or adverb where only a noun fits is a
                        // tagging slip: right after an article ("A landslide buried …") or
                        // heading its phrase, with no noun after it ("the worst landslide in …").
                        || (matches!(up, "ADJ" | "ADV")
                            && len == 1
                            && (t0 > r.start && doc.upos[t0 - 1] == "DET"
                                || !matches!(doc.upos.get(t0 + 1), Some(&("NOUN" | "PROPN" | "ADJ" | "NUM")))))
                        || (up == "PROPN"
                            && !doc
                                .ents_near(doc.tok(t0).start, doc.tok(t0).end)
                                .iter()
                                .any(|e| e.span.contains(&doc.tok(t0)) && e.span != doc.tok(t0)))
                }
                PosReq::Verb => up.is_empty() || up == "VERB",
            };
            if !pos_ok {
                continue;
            }
            let span = Span::new(doc.tok(t0).start, doc.tok(t1).end);
            // A month name in a time expression ("in March").
            if doc.capitalized(t0) && doc.in_timex(span) {
                continue;
            }
            let noun_use = matches!(doc.upos[t1], "NOUN" | "PROPN" | "");
            // A plural ("Sabaki River floods villages") seldom modifies a noun: a verb use.
            let plural = doc.xpos[t1] == "NNS" && len == 1;
            if trig.nomod && noun_use && !plural && t1 + 1 < r.end && doc.is_noun(t1 + 1) {
                let next = doc.tok(t1 + 1);
                let timex = doc.in_timex(next);
                if !timex {
                    continue;
                }
            }
            // A verb that is an event only on people: "captured two suspects", not "captured
            // the town" (`persons.tsv`, or a person's name).
            if trig.person && !people_object(doc, lex, t1 + 1, r.end) {
                continue;
            }
            // Part of a name ("the Election Commission").
            if doc.capitalized(t0)
                && doc
                    .ents_near(span.start, span.end)
                    .iter()
                    .any(|e| e.label != crate::EntityLabel::Per && e.span.contains(&span) && e.span != span)
            {
                continue;
            }
            let info = lex.types.get(&ty);
            let attribution = doc.cues_over(span).find(|&a| {
                let stance = input.attributions[a].stance.as_str();
                info.is_some_and(|t| t.stances.iter().any(|s| s == stance))
            });
            if trig.attr && attribution.is_none() {
                continue;
            }
            let noun = match up {
                "" => trig.pos == PosReq::Noun,
                u => u == "NOUN" || u == "PROPN" || (trig.pos == PosReq::Noun && matches!(u, "ADJ" | "ADV")),
            } && len == 1
                // A phrase headed by a noun and not opened by a verb: "a roadside bomb", "the
                // car bomb" (not "opened fire", "claimed responsibility").
                || len > 1
                    && matches!(doc.upos[t1], "NOUN" | "PROPN")
                    && !matches!(doc.upos[t0], "VERB" | "AUX" | "")
                    && trig.pos != PosReq::Verb
                    && !trig.casualty;
            let mut m = describe(doc, lex, si, t0, t1, span, ty, trig.casualty, noun, attribution);
            m.nonew |= trig.nonew;
            out.push(m);
        }
    }
    // The lexicon's mentions are in text order: windows by binary search.
    let n_lex = out.len();
    let window = |out: &[Mention], lo: usize, hi: usize| {
        let a = out[..n_lex].partition_point(|m| m.span.end <= lo);
        let b = out[..n_lex].partition_point(|m| m.span.start < hi);
        a..b.max(a)
    };
    // Attributions whose stance makes an event.
    for (ai, a) in input.attributions.iter().enumerate() {
        let Some(ty) = EventType::ALL.into_iter().find(|t| {
            lex.types.get(t).is_some_and(|info| info.stances.iter().any(|s| s == a.stance.as_str()))
        }) else {
            continue;
        };
        let w = window(&out, a.cue.start, a.cue.end);
        if let Some(m) = out[w].iter_mut().find(|m| m.ty == ty && overlaps(m.span, a.cue)) {
            m.attribution.get_or_insert(ai);
            continue;
        }
        let (Some(si), true) = (doc.sentence_of(a.cue.start), a.cue.end <= doc.text().len()) else {
            continue;
        };
        let t0 = doc.tok_at(a.cue.start).min(doc.n_toks().saturating_sub(1));
        let t1 = doc.tok_at(a.cue.end).saturating_sub(1).max(t0);
        if doc.n_toks() == 0 || a.cue.is_empty() {
            continue;
        }
        let m = describe(doc, lex, si, t0, t1, a.cue, ty, false, false, Some(ai));
        out.push(m);
    }
    // Reports and statements that are the source of an attribution ("the report said").
    for (ai, a) in input.attributions.iter().enumerate() {
        let Some(src) = a.source else { continue };
        let w = window(&out, src.start.min(a.cue.start), src.end.max(a.cue.end));
        if let Some(m) = out[w].iter_mut().find(|m| {
            matches!(m.ty, EventType::Report | EventType::Statement)
                && m.attribution.is_none()
                && (src.contains(&m.span) || overlaps(m.span, a.cue))
        }) {
            m.attribution = Some(ai);
        }
    }
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out.dedup_by(|b, a| a.span == b.span);
    out
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

#[allow(clippy::too_many_arguments)]
fn describe(
    doc: &Doc,
    lex: &Lexicon,
    si: usize,
    t0: usize,
    t1: usize,
    span: Span,
    ty: EventType,
    casualty: bool,
    noun: bool,
    attribution: Option<usize>,
) -> Mention {
    let start = doc.sent_toks.get(si).map_or(0, |r| r.start);
    let (mut definite, mut bare, mut distinct) = (false, true, false);
    if noun {
        let mut j = t0;
        let mut steps = 0;
        while j > start && steps < 5 {
            j -= 1;
            steps += 1;
            let w = doc.words[j].as_ref();
            if lex.is("distinct", w) {
                distinct = true;
            }
            if lex.is("definite", w) || doc.xpos[j] == "POS" || doc.xpos[j] == "PRP$" || w == "'s" {
                definite = true;
                bare = false;
                break;
            }
            // A date before the noun ("the March 4 ballot") is a modifier, not a count.
            if doc.in_timex(doc.tok(j)) {
                continue;
            }
            if lex.is("indefinite", w) || doc.upos[j] == "NUM" {
                bare = false;
                break;
            }
            if doc.upos[j] == "PROPN" || (doc.upos[j].is_empty() && doc.capitalized(j)) {
                definite = true;
                bare = false;
                continue;
            }
            if matches!(doc.upos[j], "ADJ" | "NOUN" | "ADV") || doc.xpos[j] == "HYPH" || lex.is("distinct", w)
            {
                continue;
            }
            break;
        }
    } else {
        bare = false;
    }
    let plural = doc.xpos[t1] == "NNS" || (doc.xpos[t1].is_empty() && doc.words[t1].ends_with('s'));
    let neg_from = t0.saturating_sub(3).max(start);
    // "a no-confidence vote", "a no-fly zone": a negation word joined by a hyphen to the next
    // one is part of a modifier and denies nothing.
    let negation = |j: usize| doc.is(j, "negation") && doc.words.get(j + 1).is_none_or(|w| w != "-");
    let negated = (neg_from..t0).any(negation);
    // "said they would meet again in Hanoi": a plan, for the types that are planned.
    let planned = !noun && lex.types.get(&ty).is_some_and(|t| t.planned);
    let hypothetical =
        (neg_from..t0).any(|j| doc.is(j, "hypothetical") && !(planned && doc.is(j, "plan_modal")));
    // "has not yet been charged", "was never arrested": a verb denied by a negation that only
    // auxiliaries and adverbs separate from it tells no happening.
    let denied = if noun {
        negated_noun(doc, start, t0)
    } else {
        (neg_from..t0)
            .any(|j| negation(j) && (j + 1..t0).all(|k| matches!(doc.upos[k], "AUX" | "ADV" | "PART")))
            || negative_subject(doc, start, t0)
    };
    let region = doc.region(si, span);
    Mention {
        span,
        ty,
        t0,
        t1,
        sent: si,
        region,
        casualty,
        nonew: hypothetical || denied,
        subject: matches!(doc.upos.get(t1 + 1), Some(&"VERB") | Some(&"AUX")),
        noun,
        definite,
        bare_plural: noun && bare && plural,
        distinct,
        negated,
        attribution,
        timex: None,
        update: false,
    }
}

/// "no (immediate) claim of responsibility", "there were no arrests": a noun trigger that a
/// negative determiner governs, with only adjectives and adverbs between, names nothing that
/// happened. "no such warning" still points back at a warning told before.
fn negated_noun(doc: &Doc, start: usize, t0: usize) -> bool {
    (t0.saturating_sub(3).max(start)..t0).any(|j| {
        doc.is(j, "negative_determiner")
            && (j + 1..t0).all(|k| matches!(doc.upos[k], "ADJ" | "ADV") && !doc.is(k, "anaphoric"))
    })
}

/// "No group has so far claimed …", "nobody was arrested", "no one was hurt": a verb trigger
/// whose subject a negative determiner or pronoun opens — the determiner, at most two words
/// of its noun phrase, then only auxiliaries and adverbs up to the verb.
fn negative_subject(doc: &Doc, start: usize, t0: usize) -> bool {
    (t0.saturating_sub(7).max(start)..t0).any(|j| {
        if !doc.is(j, "negative_determiner") {
            return false;
        }
        let mut k = j + 1;
        while k < t0 && k < j + 3 && matches!(doc.upos[k], "NOUN" | "PROPN" | "ADJ" | "NUM" | "PRON") {
            k += 1;
        }
        (k..t0).all(|k| matches!(doc.upos[k], "AUX" | "ADV" | "PART"))
    })
}

/// How many sentences the text's headline has: its first line when that line is followed by a
/// line break, has no closing sentence punctuation and is short.
fn headline_sentences(input: &EventInput) -> usize {
    let text = input.text;
    let Some(end) = text.find('\n') else { return 0 };
    let line = text[..end].trim();
    let closed = line.ends_with(['.', '!', '?', '"', '\u{201d}']);
    if line.is_empty() || closed || line.split_whitespace().count() > HEADLINE_WORDS {
        return 0;
    }
    input.seg.sentences.iter().take_while(|s| s.start < end).count()
}

/// Words a headline has at most.
const HEADLINE_WORDS: usize = 25;

/// A time expression that can date an event: a calendar DATE/TIME value, or one anchored
/// on an event.
pub(crate) fn datable(text: &str, t: &dossier_time::TimexHit) -> bool {
    t.anchor.is_some()
        || (matches!(t.kind, dossier_time::TimexType::Date | dossier_time::TimexType::Time)
            && calendar(&t.value)
            && !clock_only(text, t))
}

/// A time of day with no day of its own ("shortly after noon", "at 3 a.m."): the time stage
/// puts it on the publication date, but in a story it happens on the day being told about, so
/// it dates nothing.
fn clock_only(text: &str, t: &dossier_time::TimexHit) -> bool {
    let lex = &*crate::lexicon::LEX;
    t.kind == dossier_time::TimexType::Time
        && text.get(t.span.range()).is_some_and(|s| {
            s.split_whitespace().all(|w| {
                let w = w.trim_matches(|c: char| matches!(c, ',' | ';' | '(' | ')'));
                w.bytes().any(|b| b.is_ascii_digit()) || lex.is("clock", &w.to_lowercase())
            })
        })
}

pub(crate) fn calendar(v: &str) -> bool {
    v.as_bytes().first().is_some_and(|b| b.is_ascii_digit()) || v.starts_with("XXXX-")
}

/// Something a time expression can belong to: a trigger or an attribution cue.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Taker {
    pub span: Span,
    pub sent: usize,
    pub region: usize,
    /// A definite back-reference ("the bombing"): a time of its clause usually dates the
    /// clause's own predicate ("claimed responsibility for the bombing on Sunday"), so it
    /// counts as farther.
    pub weak: bool,
}

/// Whether the first token at or after byte `a` opens another clause ("and", "while", …).
fn is_clause_start(doc: &Doc, a: usize) -> bool {
    doc.is(doc.tok_at(a), "clause_start")
}

/// The mention an indefinite noun mention `mi` renames — by apposition ("the last attack in
/// the capital, a truck bombing") or a copula ("the last attack … was an ambush"): the one
/// before it in its sentence, with the same type, when the words between end in ", a" or a form
/// of "be" and an article, with at most [`RENAME_WORDS`] modifiers after it.
fn renames(doc: &Doc, ms: &[Mention], mi: usize) -> Option<usize> {
    let m = &ms[mi];
    let p = mi.checked_sub(1)?;
    let prev = &ms[p];
    if prev.sent != m.sent || prev.ty != m.ty || !prev.noun || m.definite || m.bare_plural {
        return None;
    }
    let k = (prev.t1 + 1..m.t0).rev().find(|&k| matches!(doc.words[k].as_ref(), "a" | "an"))?;
    if m.t0 - k > RENAME_WORDS + 1 || (k + 1..m.t0).any(|j| doc.is_punct(j)) {
        return None;
    }
    let before = doc.words.get(k.checked_sub(1)?)?;
    (before == "," || matches!(before.as_ref(), "was" | "is" | "were" | "are")).then_some(p)
}

/// Modifiers allowed between the article and the renaming noun ("a **truck** bombing").
const RENAME_WORDS: usize = 3;

/// Whether the mention at `m` is in a clause told of time `t`: "since 2012, when a quake …".
fn when_clause(doc: &Doc, t: Span, m: Span) -> bool {
    t.end <= m.start
        && doc.text().get(t.end..m.start).is_some_and(|w| {
            let w = w.trim_start_matches(',').trim_start();
            w.get(..5).is_some_and(|h| h.eq_ignore_ascii_case("when ")) && !w.contains(CLAUSE_MARKS)
        })
}

/// Whether time `t` follows `span` with at most a preposition between ("the blast on April 28").
fn adjacent(doc: &Doc, span: Span, t: Span) -> bool {
    span.end <= t.start
        && doc
            .text()
            .get(span.end..t.start)
            .is_some_and(|w| matches!(w.trim(), "" | "on" | "in" | "at" | "of"))
}

/// Punctuation and quote marks that end a clause between two words.
const CLAUSE_MARKS: [char; 9] = [',', ';', ':', '(', ')', '"', '\u{201c}', '\u{201d}', '\u{2014}'];

/// The extra distance of a taker in the clause after a time.
const CLAUSE_AFTER_GAP: usize = 80;

/// The bytes between two spans that do not overlap, in text order.
fn gap_of(x: Span, y: Span) -> (usize, usize) {
    if x.end <= y.start {
        (x.end, y.start)
    } else {
        (y.end, x.start)
    }
}

/// What a definite back-reference adds to its distance from a time (bytes).
const WEAK_GAP: usize = 30;

/// Words between a trigger and a time after it that still make the time its own.
const NEXT_TO_WORDS: usize = 6;

/// Whether a verb other than a participle right after the trigger lies in `a..b` (the time
/// then belongs to it: "the bombing in a message posted on Sunday"; but "a statement released
/// Tuesday").
fn verb_between(doc: &Doc, a: usize, b: usize) -> bool {
    let (t0, t1) = (doc.tok_at(a), doc.tok_at(b));
    (t0..t1).any(|j| {
        matches!(doc.upos.get(j), Some(&"VERB") | Some(&"AUX"))
            && !(j == t0 && doc.xpos.get(j) == Some(&"VBN"))
            // "rejected that finding on Tuesday": a gerund after a determiner is a noun.
            && !(j > t0 && doc.upos.get(j - 1) == Some(&"DET") && doc.xpos.get(j) == Some(&"VBG"))
    })
}

/// `events`: the event mentions, sorted by start.
/// For each taker, the nearest time expression of its sentence and region that is nearer to
/// it than to any other taker (an expression anchored on a taker never dates it).
pub(crate) fn assign_times(doc: &Doc, takers: &[Taker], events: &[Span]) -> Vec<Option<usize>> {
    let input = doc.input;
    let mut best: Vec<Option<(usize, usize)>> = vec![None; takers.len()];
    // Takers by sentence.
    let mut order: Vec<usize> = (0..takers.len()).collect();
    order.sort_by_key(|&k| (takers[k].sent, takers[k].span.start));
    let first_of = |s: usize| order.partition_point(|&k| takers[k].sent < s);
    for (ti, t) in input.timexes.iter().enumerate() {
        if t.span.end > doc.text().len() || !datable(doc.text(), t) {
            continue;
        }
        // An anchor that names no event ("hours before bringing it under control") dates nothing.
        let names_event = |a: Span| {
            let b = events.partition_point(|m| m.start < a.end);
            let lo = events[..b].partition_point(|m| m.start < a.start.saturating_sub(NAME_WINDOW));
            events[lo..b].iter().any(|m| overlaps(a, *m))
        };
        if t.anchor.is_some_and(|a| !names_event(a)) {
            continue;
        }
        let Some(si) = doc.sentence_of(t.span.start) else { continue };
        // Inside its content, or (opening an attributed content) in the clause around it.
        let (region, outer) = (doc.region(si, t.span), doc.region_of_time(si, t.span));
        let mut chosen: Option<(usize, usize)> = None;
        for &k in &order[first_of(si)..] {
            let tk = takers[k];
            if tk.sent != si {
                break;
            }
            if overlaps(tk.span, t.span) || t.anchor.is_some_and(|a| overlaps(a, tk.span)) {
                continue;
            }
            let (a, b) = gap_of(tk.span, t.span);
            // "claimed responsibility on Sunday": a time right after its trigger dates it even
            // when the attribution stage put the time into the claim's content.
            // So does one a few words after it in the same clause ("detained 42 people at the
            // site on Monday", "a statement released Tuesday") when no other taker comes between:
            // an attributed content cut short of its time must not hand the time to the cue.
            let next_to = tk.span.end <= t.span.start
                && doc.text().get(a..b).is_some_and(|w| {
                    matches!(w.trim(), "" | "on" | "in" | "at" | "last" | "this" | "late" | "early")
                        // (the preposition of the time itself is not counted)
                        || (w.split_whitespace().filter(|x| !matches!(*x, "on" | "in" | "at")).count()
                            <= NEXT_TO_WORDS
                            && !w.contains(CLAUSE_MARKS)
                            && !takers
                                .iter()
                                .any(|o| !o.weak && o.sent == si && o.span.start >= a && o.span.end <= b)
                            && !verb_between(doc, a, b))
                });
            if tk.region != region && tk.region != outer && !next_to {
                continue;
            }
            // Across a clause boundary counts as farther.
            let between = doc.text().get(a.min(b)..b).unwrap_or("");
            let gap = (b.saturating_sub(a))
                + if between.contains([',', ';', ':', '(', ')', '\u{2014}']) {
                    // A time closing its clause ("met … in Rabat on Wednesday, as a strike …")
                    // dates the clause before it more often than the one after.
                    if t.span.end <= tk.span.start { CLAUSE_AFTER_GAP } else { 40 }
                } else {
                    0
                }
                // ("the March 4 ballot": a date inside the back-reference is its own)
                + if tk.weak && !between.trim().is_empty() { WEAK_GAP } else { 0 }
                // "visited the site on Thursday and announced …": a taker in the next clause.
                + if t.span.end <= tk.span.start && is_clause_start(doc, a) {
                    40
                } else {
                    0
                }
                // "died in hospital on Sunday from head injuries": a noun in a phrase after the
                // time hangs from the verb before it.
                + if t.span.end <= tk.span.start
                    && doc.upos.get(doc.tok_at(a)) == Some(&"ADP")
                    && doc.tok_at(a) < doc.tok_at(tk.span.start)
                {
                    40
                } else {
                    0
                };
            if chosen.is_none_or(|(_, g)| gap < g) {
                chosen = Some((k, gap));
            }
        }
        if let Some((k, gap)) = chosen {
            if best[k].is_none_or(|(_, g)| gap < g) {
                best[k] = Some((ti, gap));
            }
        }
    }
    best.into_iter().map(|b| b.map(|(ti, _)| ti)).collect()
}

/// The relation a dated expression has to what it dates, from the word before it (a direct
/// date: "before March 3") or after it (an anchored duration: "days before the attack").
pub(crate) fn relation_of(doc: &Doc, lex: &Lexicon, t: &dossier_time::TimexHit) -> Relation {
    use dossier_time::Mod;
    // A possessive date names the day of the noun after it ("killed by Tuesday's blast"): the
    // word before it relates the clause, not that noun.
    let possessive = || {
        let k = doc.tok_at(t.span.end);
        doc.word(k).is_some_and(|w| matches!(w.as_ref(), "'s" | "\u{2019}s"))
    };
    let word = if t.anchor.is_some() {
        doc.word(doc.tok_at(t.span.end))
    } else if possessive() {
        None
    } else {
        doc.tok_at(t.span.start).checked_sub(1).and_then(|k| doc.word(k))
    };
    if let Some(w) = word.as_deref() {
        if lex.is("relation_before", w) {
            return Relation::Before;
        }
        if lex.is("relation_after", w) {
            return Relation::After;
        }
        if lex.is("relation_during", w) {
            return Relation::During;
        }
    }
    match t.mod_ {
        Some(Mod::Before | Mod::OnOrBefore) => Relation::Before,
        Some(Mod::After | Mod::OnOrAfter) => Relation::After,
        _ if t.anchor.is_some() => Relation::Before,
        _ => Relation::On,
    }
}

/// The value an event or statement is dated with: a clock time's day ("2025-06-10TMO" →
/// "2025-06-10"), and `during` for a period longer than a day ("2024-03", "2025-W17").
pub(crate) fn dated(value: &str, relation: Relation) -> (String, Relation) {
    let day = value.split('T').next().unwrap_or(value);
    let b = day.as_bytes();
    let is_day = b.len() == 10 && b[4] == b'-' && b[7] == b'-' && b[8..].iter().all(u8::is_ascii_digit);
    let relation = if relation == Relation::On && !is_day { Relation::During } else { relation };
    (day.to_owned(), relation)
}

/// An event under construction.
struct Ev {
    ty: EventType,
    mentions: Vec<usize>,
    attribution: Option<usize>,
    /// Value of the first direct date of its mentions.
    date: Option<String>,
}

pub(crate) fn run(input: &EventInput, lex: &Lexicon) -> Vec<EventHit> {
    if input.text.is_empty() || input.seg.tokens.is_empty() {
        return Vec::new();
    }
    let doc = Doc::new(input);
    let mut ms = mentions(&doc, lex);
    // Times: mentions and the cues of attributions that are no mention compete for them.
    let mut takers: Vec<Taker> = ms
        .iter()
        .map(|m| Taker { span: m.span, sent: m.sent, region: m.region, weak: m.noun && m.definite })
        .collect();
    let near = |ms: &[Mention], lo: usize, hi: usize| {
        let a = ms.partition_point(|m| m.span.end <= lo.saturating_sub(NAME_WINDOW));
        let b = ms.partition_point(|m| m.span.start < hi);
        a..b.max(a)
    };
    for a in input.attributions {
        if ms[near(&ms, a.cue.start, a.cue.end)].iter().any(|m| overlaps(m.span, a.cue))
            || a.cue.end > input.text.len()
        {
            continue;
        }
        if let Some(si) = doc.sentence_of(a.cue.start) {
            let cue = cue_before_time(&doc, a.cue);
            takers.push(Taker { span: cue, sent: si, region: doc.region(si, cue), weak: false });
        }
    }
    let n_cues = takers.len();
    // A court's decision is no event, but it takes the time of its clause: "a court on
    // Wednesday sentenced three men for a grenade attack in 2019" dates the sentencing, not
    // the attack.
    for (si, r) in doc.sent_toks.iter().enumerate() {
        for k in r.clone() {
            let span = doc.tok(k);
            if doc.upos[k] == "VERB"
                && doc.is(k, "ruling")
                && !takers[ms.len()..].iter().any(|t| overlaps(t.span, span))
                && !ms[near(&ms, span.start, span.end)].iter().any(|m| overlaps(m.span, span))
            {
                takers.push(Taker { span, sent: si, region: doc.region(si, span), weak: false });
            }
        }
    }
    let spans: Vec<Span> = ms.iter().map(|m| m.span).collect();
    let times = assign_times(&doc, &takers, &spans);
    let times = share_times(&doc, &takers, times);
    // Times an attribution cue or a ruling took ("police said yesterday that …").
    let mut cue_times = vec![false; input.timexes.len()];
    for t in times[ms.len()..].iter().flatten() {
        cue_times[*t] = true;
    }
    // Times a ruling took: no happening of the clause falls back on them.
    let mut ruling_times = vec![false; input.timexes.len()];
    for t in times[n_cues..].iter().flatten() {
        ruling_times[*t] = true;
    }
    for (m, t) in ms.iter_mut().zip(&times) {
        m.timex = *t;
        m.update = t.is_some_and(|t| toll_update(&doc, m, t));
    }

    // Coreference: first everything but casualties, in text order.
    let mut evs: Vec<Ev> = Vec::new();
    let mut of_mention: Vec<Option<usize>> = vec![None; ms.len()];
    for (mi, m) in ms.iter().enumerate() {
        if m.casualty {
            continue;
        }
        of_mention[mi] = join(&ms, mi, &mut evs, &doc, lex);
    }
    // Casualties: into an attack or disaster in the same or an adjacent sentence.
    for (mi, m) in ms.iter().enumerate() {
        if !m.casualty {
            continue;
        }
        let mut host: Option<(usize, usize)> = None; // (event, distance rank)
        let lo = ms.partition_point(|o| o.sent + 1 < m.sent);
        let hi = ms.partition_point(|o| o.sent <= m.sent + 1);
        for (mj, o) in ms.iter().enumerate().take(hi.max(lo)).skip(lo) {
            let Some(e) = of_mention[mj] else { continue };
            if !lex.types.get(&evs[e].ty).is_some_and(|t| t.hosts) {
                continue;
            }
            let rank = if o.sent == m.sent {
                0
            } else if o.sent + 1 == m.sent {
                1
            } else if m.sent + 1 == o.sent {
                2
            } else {
                continue;
            };
            let rank = rank * 100_000 + o.span.start.abs_diff(m.span.start).min(99_999);
            if host.is_none_or(|(_, r)| rank < r) {
                host = Some((e, rank));
            }
        }
        of_mention[mi] = match host {
            Some((e, _)) => {
                evs[e].mentions.push(mi);
                Some(e)
            }
            None if m.negated => None,
            // "the wounded", "the death toll": the latest attack or disaster.
            None if m.definite
                || doc.words.get(m.t0.wrapping_sub(1)).is_some_and(|w| lex.is("definite", w)) =>
            {
                let e = evs.iter().rposition(|e| lex.types.get(&e.ty).is_some_and(|t| t.hosts));
                if let Some(e) = e {
                    evs[e].mentions.push(mi);
                }
                e.or_else(|| join(&ms, mi, &mut evs, &doc, lex))
            }
            // "More than a dozen people were wounded" paragraphs later: the story's attack or
            // disaster, the latest one told before, unless it is an earlier happening or the
            // casualty is dated otherwise. A participle ("…, killing around 70") hangs on the
            // verb of its own clause, another happening when that verb is no trigger.
            None if !doc.words.get(m.t0).is_some_and(|w| w.ends_with("ing")) => {
                let own = m.timex.and_then(|t| input.timexes.get(t)).map(|t| t.value.as_str());
                let e = evs.iter().rposition(|e| {
                    lex.types.get(&e.ty).is_some_and(|t| t.hosts)
                        && e.mentions.first().is_some_and(|&f| ms[f].span.start < m.span.start)
                        && e.date.as_deref().is_none_or(|d| !long_before(d, input.published))
                        && own.is_none_or(|o| {
                            e.date.as_deref().is_some_and(|d| d.starts_with(o) || o.starts_with(d))
                        })
                });
                match e {
                    Some(e) => {
                        evs[e].mentions.push(mi);
                        Some(e)
                    }
                    None => join(&ms, mi, &mut evs, &doc, lex),
                }
            }
            None => join(&ms, mi, &mut evs, &doc, lex),
        };
    }

    // Events in order of their first mention.
    for e in &mut evs {
        e.mentions.sort_by_key(|&mi| ms[mi].span.start);
    }
    evs.retain(|e| !e.mentions.is_empty());
    evs.sort_by_key(|e| ms[e.mentions[0]].span.start);
    let mut event_of_mention = vec![None; ms.len()];
    for (ei, e) in evs.iter().enumerate() {
        for &mi in &e.mentions {
            event_of_mention[mi] = Some(ei);
        }
    }

    let mut out: Vec<EventHit> = evs
        .iter()
        .map(|e| {
            let mentions: Vec<Span> = e.mentions.iter().map(|&mi| ms[mi].span).collect();
            EventHit {
                kind: e.ty,
                trigger: mentions[0],
                mentions,
                time: None,
                location: None,
                participants: Vec::new(),
                counts: Vec::new(),
                attribution: e.attribution,
            }
        })
        .collect();

    event_times(&doc, lex, &ms, &evs, &event_of_mention, (&cue_times, &ruling_times), &mut out);
    counts(&doc, lex, &ms, &event_of_mention, &mut out);
    two_people(&doc, lex, &ms, &event_of_mention, &mut out);
    let used = places(&doc, lex, &ms, &evs, &mut out);
    participants(&doc, &ms, &evs, &used, &mut out);
    out
}

/// The event mention `mi` joins (pushing it), or a new one.
fn join(ms: &[Mention], mi: usize, evs: &mut Vec<Ev>, doc: &Doc, lex: &Lexicon) -> Option<usize> {
    let (input, headline_sents) = (doc.input, doc.headline_sents);
    let timexes = input.timexes;
    let m = &ms[mi];
    let merge_all = lex.types.get(&m.ty).is_some_and(|t| t.merge_all);
    // A date of its own (or of a casualty beside it, which will join it): another happening
    // when it differs from the event's.
    let direct = |k: &Mention| {
        k.timex
            .filter(|_| !k.update)
            .and_then(|t| timexes.get(t))
            .filter(|t| t.anchor.is_none())
            .map(|t| t.value.as_str())
    };
    let (lo, hi) = (ms.partition_point(|k| k.sent < m.sent), ms.partition_point(|k| k.sent <= m.sent));
    // A casualty is beside it when no other happening's word comes between them.
    let beside = |k: &Mention| {
        let (a, b) = gap_of(k.span, m.span);
        !ms[lo..hi.max(lo)].iter().any(|o| !o.casualty && o.span.start >= a && o.span.end <= b)
    };
    let date =
        direct(m).or_else(|| ms[lo..hi.max(lo)].iter().filter(|k| k.casualty && beside(k)).find_map(direct));
    // "the blast", "the explosion" in a story of a bombing: the attack, when no disaster of its
    // own was reported.
    // A happening told only by bare plurals dated long ago ("sporadic bombings since 2017") is
    // a generic past: no singular mention refers back to it.
    let generic = |e: &Ev| {
        doc.xpos[m.t1] != "NNS"
            && e.mentions.iter().all(|&o| ms[o].bare_plural)
            && e.date.as_deref().is_some_and(|d| long_before(d, input.published))
    };
    let latest = evs.iter().rposition(|e| e.ty == m.ty && !generic(e)).or_else(|| {
        (m.ty == EventType::Disaster && m.noun && m.definite)
            .then(|| evs.iter().rposition(|e| e.ty == EventType::Attack && !generic(e)))
            .flatten()
    });
    let same_sentence =
        evs.iter().rposition(|e| e.ty == m.ty && e.mentions.last().is_some_and(|&o| ms[o].sent == m.sent));
    let target = if m.distinct {
        None
    } else if m.bare_plural && !(merge_all && m.subject) && date.is_none() {
        // A bare plural is generic ("talks", "attacks") unless it has a date of its own
        // ("during talks in Vilnius on Monday").
        match latest {
            Some(e) => Some(e),
            None => return None,
        }
    } else if merge_all || (m.noun && m.definite) {
        latest
    } else if !m.noun {
        same_sentence
    } else {
        None
    };
    // "In 2016, a landslide at …": an indefinite mention dated months before the
    // publication is an earlier happening, not the undated one the article reports.
    // The date may be held by another word of its clause ("since a blaze at a workshop killed
    // 14 in 2022"): a date later in the sentence, in the same region, counts too.
    // So may a date the clause is told of: "the worst since 2012, when a quake killed dozens".
    let clause_date = date.or_else(|| {
        let sent = input.seg.sentences.get(m.sent)?;
        let when_clause = |t: &dossier_time::TimexHit| when_clause(doc, t.span, m.span);
        doc.timexes_in(m.sent)
            .map(|k| &timexes[k])
            .filter(|t| {
                (t.span.start >= m.span.end || when_clause(t)) && t.span.end <= sent.end && t.anchor.is_none()
            })
            .find(|t| datable(doc.text(), t) && (when_clause(t) || doc.region(m.sent, t.span) == m.region))
            .map(|t| t.value.as_str())
    });
    // "the 2021 election", "the December 2014 floods": a back-reference dated long ago by a
    // date of its own is another happening than the story's.
    let old_named = m.noun
        && m.definite
        && date.is_some_and(|d| long_before(d, input.published))
        && m.timex.and_then(|t| timexes.get(t)).is_some_and(|t| {
            t.span.end <= m.span.start
                && doc.text().get(t.span.end..m.span.start).is_some_and(|w| w.trim().is_empty())
        });
    // A headline's happening is the story's, however long ago the text dates it.
    let earlier = |ev: &Ev| {
        let headline_event = ev.mentions.iter().all(|&o| ms[o].sent < headline_sents);
        (m.noun
            && !m.definite
            && !headline_event
            && clause_date.is_some_and(|d| {
                long_before(d, input.published)
                    && ev.date.as_deref().is_none_or(|e| !(e.starts_with(d) || d.starts_with(e)))
            }))
            || (old_named && ev.date.as_deref() != date && (ev.date.is_some() || !headline_event))
    };
    let target = target.filter(|&e| {
        let ev = &evs[e];
        let other_source = matches!((ev.attribution, m.attribution), (Some(a), Some(b)) if a != b);
        // Days compared: a back-reference ("the blaze") never starts another happening.
        let day =
            |v: &str| v.split('T').next().filter(|d| calendar(d) && !d.starts_with('X')).map(str::to_owned);
        let other_date = !m.definite
            && match (ev.date.as_deref().and_then(day), date.and_then(day)) {
                (Some(a), Some(b)) => !(a.starts_with(&b) || b.starts_with(&a)),
                _ => false,
            };
        !other_source && !other_date && !earlier(ev)
    });
    // The story's happening announced by the headline ("… at Accra summit", "dozens
    // arrested") is the one the text then introduces ("at a summit in Accra on Thursday", "41
    // people were arrested on Saturday"), by a noun or a verb.
    let target = target.or_else(|| {
        let e = latest.filter(|&e| !earlier(&evs[e]))?;
        (!m.distinct
            && !m.negated
            && m.sent >= headline_sents
            && evs[e].mentions.iter().all(|&o| ms[o].sent < headline_sents)
            && evs[e].attribution.is_none())
        .then_some(e)
    });
    // "The group's last attack, a truck bombing in 2025, …", "The last attack was an ambush":
    // an indefinite noun that renames the mention before it is that mention's happening.
    let target = if m.noun && !m.distinct {
        renames(doc, ms, mi).and_then(|p| evs.iter().rposition(|e| e.mentions.contains(&p))).or(target)
    } else {
        target
    };
    let e = match target {
        Some(e) => e,
        None if m.nonew => return None,
        None => {
            evs.push(Ev { ty: m.ty, mentions: Vec::new(), attribution: None, date: None });
            evs.len() - 1
        }
    };
    evs[e].mentions.push(mi);
    if evs[e].attribution.is_none() {
        evs[e].attribution = m.attribution;
    }
    if evs[e].date.is_none() {
        evs[e].date = date.map(str::to_owned);
    }
    Some(e)
}

/// Coordinated predicates share a time: "37 were arrested and dozens hurt on Saturday",
/// "visited the village on Thursday and announced payments". A taker without a time takes the
/// time of a taker of its sentence joined to it by "and" with no clause punctuation between, or
/// one that a reporting participle after a comma follows ("denied it on Monday, saying …").
fn share_times(doc: &Doc, takers: &[Taker], mut times: Vec<Option<usize>>) -> Vec<Option<usize>> {
    let text = doc.text();
    for k in 0..takers.len() {
        if times[k].is_some() {
            continue;
        }
        let tk = takers[k];
        let donor = (0..takers.len())
            .filter(|&o| o != k && takers[o].sent == tk.sent && times[o].is_some())
            .filter(|&o| {
                let (a, b) = gap_of(takers[o].span, tk.span);
                let between = text.get(a.min(b)..b).unwrap_or("");
                let near = between.split_whitespace().count() <= 2 * NEXT_TO_WORDS;
                let coordinated =
                    !between.contains(CLAUSE_MARKS) && between.split_whitespace().any(|w| w == "and");
                // "denied the account on Monday, saying in a statement …": a reporting participle
                // after the dated predicate speaks at its time.
                let participle = takers[o].span.end <= tk.span.start
                    && between.matches(CLAUSE_MARKS).count() == 1
                    && between.rfind(',').is_some_and(|c| {
                        let after = a + c + 1;
                        let t = doc.tok_at(after);
                        t < doc.n_toks() && doc.is(t, "report_participle")
                    });
                near && (coordinated || participle)
            })
            .min_by_key(|&o| takers[o].span.start.abs_diff(tk.span.start));
        if let Some(o) = donor {
            times[k] = times[o];
        }
    }
    times
}

/// Whether calendar value `v` has an unknown part in its date ("2025-06-XX", "2025-06-XXTNI").
fn unknown_day(v: &str) -> bool {
    v.split('T').next().unwrap_or(v).contains('X')
}

/// Whether calendar value `v` ("2025-08-09", "2025-08-09TEV", "2025-08") lies inside the
/// coarser period `coarse` ("2025", "2025-08", a season "2025-SU", a week "2025-W32").
fn within(coarse: &str, v: &str) -> bool {
    use chrono::{Datelike, NaiveDate};
    if v.starts_with(coarse) && v.as_bytes().get(coarse.len()) == Some(&b'-') {
        return true;
    }
    let (Some((cy, unit)), Some((vy, rest))) = (coarse.split_once('-'), v.split_once('-')) else {
        return false;
    };
    let month = rest.get(..2).and_then(|m| m.parse::<u32>().ok());
    match unit {
        // Seasons of the northern hemisphere, as TIMEX3 writes them; winter runs into the next
        // year ("2024-WI" holds January 2025).
        "SP" | "SU" | "FA" => {
            let months = match unit {
                "SP" => 3..=5,
                "SU" => 6..=8,
                _ => 9..=11,
            };
            cy == vy && month.is_some_and(|m| months.contains(&m))
        }
        "WI" => {
            let (Ok(cy), Ok(vy)) = (cy.parse::<i32>(), vy.parse::<i32>()) else { return false };
            month.is_some_and(|m| (vy == cy && m == 12) || (vy == cy + 1 && m <= 2))
        }
        w if w.starts_with('W') => {
            let day = v.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            let (Ok(cy), Ok(week)) = (cy.parse::<i32>(), w[1..].parse::<u32>()) else { return false };
            day.is_some_and(|d| d.iso_week().year() == cy && d.iso_week().week() == week)
        }
        _ => false,
    }
}

/// "announced on Tuesday, two days after the vote", "warned on Wednesday, two days before the
/// summit": a day told in apposition with a count of days from another happening dates that
/// happening (Sunday, Friday), unless it has a date of its own.
fn apposed_offsets(
    doc: &Doc,
    lex: &Lexicon,
    ms: &[Mention],
    evs: &[Ev],
    by_fallback: &[bool],
    out: &mut [EventHit],
) {
    use chrono::NaiveDate;
    let timexes = doc.input.timexes;
    for (ti, t) in timexes.iter().enumerate() {
        let Some(anchor) = t.anchor else { continue };
        let Some(days) = day_count(&t.value) else { continue };
        let Some(si) = doc.sentence_of(t.span.start) else { continue };
        let Some(di) = doc.timexes_in(si).rev().find(|&k| timexes[k].span.end <= t.span.start) else {
            continue;
        };
        let d = &timexes[di];
        if doc.text().get(d.span.end..t.span.start).map(str::trim) != Some(",") {
            continue;
        }
        let day =
            d.value.get(..10).filter(|_| d.value.len() == 10 || d.value.as_bytes().get(10) == Some(&b'T'));
        let Some(day) = day.and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()) else { continue };
        let date = match relation_of(doc, lex, t) {
            Relation::After => day.checked_sub_days(chrono::Days::new(days)),
            Relation::Before => day.checked_add_days(chrono::Days::new(days)),
            _ => None,
        };
        let Some(date) = date else { continue };
        for (ei, e) in evs.iter().enumerate() {
            let named = e
                .mentions
                .iter()
                .any(|&mi| anchor.start <= ms[mi].span.start && ms[mi].span.end <= anchor.end);
            // Its own date stays; one taken from the apposed day (which is the other act's) goes,
            // and so does one it only took for want of a better from its sentence (a dateline's).
            let own = !by_fallback[ei]
                && out[ei].time.as_ref().is_some_and(|x| x.timex != Some(di) && x.timex != Some(ti));
            if named && !own {
                let value = date.format("%Y-%m-%d").to_string();
                out[ei].time = Some(EventTime {
                    timex: Some(ti),
                    value: Some(value),
                    relation: Relation::On,
                    anchor_event: None,
                });
            }
        }
    }
}

/// Days in a TIMEX3 duration of whole days or weeks ("P2D" → 2, "P1W" → 7).
fn day_count(v: &str) -> Option<u64> {
    let n = v.strip_prefix('P')?;
    let (num, unit) = n.split_at(n.len().checked_sub(1)?);
    let k: u64 = num.parse().ok()?;
    match unit {
        "D" => Some(k),
        "W" => Some(7 * k),
        _ => None,
    }
}

/// Days before the publication date beyond which a dated mention is an earlier happening.
const EARLIER_DAYS: i64 = 60;

/// Whether TIMEX3 value `v` ("2016", "2025-06", "2025-06-03") ends more than [`EARLIER_DAYS`]
/// before `published`.
fn long_before(v: &str, published: Option<chrono::NaiveDate>) -> bool {
    use chrono::NaiveDate;
    let Some(p) = published else { return false };
    let mut parts = v.split('T').next().unwrap_or(v).split('-');
    let Some(y) = parts.next().and_then(|y| (y.len() == 4).then(|| y.parse::<i32>().ok()).flatten()) else {
        return false;
    };
    let last = match (parts.next().and_then(|m| m.parse::<u32>().ok()), parts.next()) {
        (None, _) => NaiveDate::from_ymd_opt(y, 12, 31),
        (Some(m), None) => NaiveDate::from_ymd_opt(y, m, 1)
            .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
            .and_then(|d| d.pred_opt()),
        (Some(m), Some(d)) => d.parse::<u32>().ok().and_then(|d| NaiveDate::from_ymd_opt(y, m, d)),
    };
    last.is_some_and(|l| (p - l).num_days() > EARLIER_DAYS)
}

fn event_times(
    doc: &Doc,
    lex: &Lexicon,
    ms: &[Mention],
    evs: &[Ev],
    event_of_mention: &[Option<usize>],
    (cue_times, ruling_times): (&[bool], &[bool]),
    out: &mut [EventHit],
) {
    let timexes = doc.input.timexes;
    let assigned: Vec<bool> = {
        // Only by mentions in an event: a time taken by a mention that joined none ("released" in
        // "a statement released Tuesday") is free again.
        let mut v = vec![false; timexes.len()];
        for (m, _) in ms.iter().zip(event_of_mention).filter(|(_, e)| e.is_some()) {
            if let Some(t) = m.timex {
                v[t] = true;
            }
        }
        v
    };
    let mut anchors: Vec<Option<Span>> = vec![None; out.len()];
    // Events dated only by an unclaimed time of their sentence (weaker than a phrase naming them).
    let mut by_fallback = vec![false; out.len()];
    for (ei, e) in evs.iter().enumerate() {
        // The happening's own date first; a casualty's next ("twelve died on Monday"); then a
        // definite back-reference's ("the bombing"); a toll's update ("the toll from the
        // collapse climbed to 27 on Tuesday") dates the figure, so it comes last.
        let own = |mi: usize| ms[mi].timex.filter(|&t| timexes[t].anchor.is_none());
        let rank = |m: &Mention| {
            if m.update {
                3
            } else if m.noun && m.definite && !m.timex.is_some_and(|t| adjacent(doc, m.span, timexes[t].span))
            {
                2
            } else {
                usize::from(m.casualty)
            }
        };
        let dated_mentions: Vec<(usize, usize)> =
            e.mentions.iter().filter_map(|&mi| own(mi).map(|t| (rank(&ms[mi]), t))).collect();
        // The best-ranked date, made finer by another mention's date inside it ("a shooting in
        // 2024" … "fired into the shop on 3 March 2024"): the same happening, told more exactly.
        let direct = dated_mentions.iter().min_by_key(|x| x.0).map(|&(_, t)| {
            let coarse = timexes[t].value.as_str();
            let finer = |t2: usize| {
                let v = timexes[t2].value.as_str();
                // ("that night" after "in June" is 2025-06-XXTNI: no day more than June)
                calendar(v) && v.len() > coarse.len() && within(coarse, v) && !unknown_day(v)
            };
            // Else an unclaimed date in the clause of one of its own (non-update) mentions.
            let unclaimed = || {
                e.mentions.iter().filter(|&&mi| !ms[mi].update && rank(&ms[mi]) < 2).find_map(|&mi| {
                    let m = &ms[mi];
                    doc.timexes_in(m.sent).find(|&k| {
                        !assigned[k]
                            && !cue_times[k]
                            && timexes[k].anchor.is_none()
                            && finer(k)
                            && doc.region(m.sent, timexes[k].span) == m.region
                    })
                })
            };
            dated_mentions
                .iter()
                .filter(|&&(r2, t2)| r2 < 3 && finer(t2))
                .max_by_key(|&&(_, t2)| timexes[t2].value.len())
                .map(|&(_, t2)| t2)
                .or_else(unclaimed)
                .unwrap_or(t)
        });
        let anchored =
            e.mentions.iter().find_map(|&mi| ms[mi].timex.filter(|&t| timexes[t].anchor.is_some()));
        // Else an unclaimed date of the first mention's sentence, or the date its clause is
        // told of ("since 2012, when a quake …").
        let fallback = || {
            let m = &ms[e.mentions[0]];
            doc.timexes_in(m.sent).find(|&ti| {
                let t = &timexes[ti];
                t.anchor.is_none()
                    && datable(doc.text(), t)
                    && !ruling_times[ti]
                    && ((!assigned[ti] && doc.region(m.sent, t.span) == m.region)
                        || when_clause(doc, t.span, m.span))
            })
        };
        let sure = direct.or(anchored);
        let Some(ti) = sure.or_else(fallback) else { continue };
        by_fallback[ei] = sure.is_none();
        let t = &timexes[ti];
        // "since 2012, when a quake …": the quake is of 2012, not after it.
        let relation = if when_clause(doc, t.span, ms[e.mentions[0]].span) {
            Relation::On
        } else {
            relation_of(doc, lex, t)
        };
        if t.anchor.is_some() {
            anchors[ei] = t.anchor;
            out[ei].time = Some(EventTime { timex: Some(ti), value: None, relation, anchor_event: None });
        } else {
            let (value, relation) = dated(&t.value, relation);
            out[ei].time =
                Some(EventTime { timex: Some(ti), value: Some(value), relation, anchor_event: None });
        }
    }
    apposed_offsets(doc, lex, ms, evs, &by_fallback, out);
    // A denial, warning or claim made "in a statement on Monday" (or "in the report, released
    // on Monday"): the statement's or report's date.
    for ei in 0..out.len() {
        let speech =
            matches!(out[ei].kind, EventType::Denial | EventType::Warning | EventType::ClaimResponsibility);
        if out[ei].time.is_some() || !speech {
            continue;
        }
        let sents: Vec<usize> = evs[ei].mentions.iter().map(|&mi| ms[mi].sent).collect();
        let donor = (0..out.len()).find(|&k| {
            matches!(out[k].kind, EventType::Statement | EventType::Report)
                && out[k].time.as_ref().is_some_and(|t| t.value.is_some())
                && evs[k].mentions.iter().any(|&mi| sents.contains(&ms[mi].sent))
        });
        if let Some(k) = donor {
            out[ei].time = out[k].time.clone();
        }
    }
    // An event with no time of its own and the same attribution as one with a time ("an
    // inspection report had warned", the report dated) shares it.
    for ei in 0..out.len() {
        if out[ei].time.is_some() {
            continue;
        }
        let Some(a) = out[ei].attribution else { continue };
        if let Some(k) =
            (0..out.len()).find(|&k| k != ei && out[k].attribution == Some(a) && out[k].time.is_some())
        {
            out[ei].time = out[k].time.clone();
            anchors[ei] = anchors[k];
        }
    }
    // Anchored times take their anchor event's date (chains resolve in a few rounds).
    for _ in 0..3 {
        for ei in 0..out.len() {
            let Some(anchor) = anchors[ei] else { continue };
            let Some(ae) = anchor_event(ms, event_of_mention, anchor) else { continue };
            if ae == ei {
                continue;
            }
            let value = out[ae]
                .time
                .as_ref()
                .filter(|t| t.anchor_event.is_none() || t.value.is_some())
                .and_then(|t| {
                    matches!(t.relation, Relation::On | Relation::During).then(|| t.value.clone()).flatten()
                });
            if let Some(time) = out[ei].time.as_mut() {
                time.anchor_event = Some(ae);
                time.value = value;
            }
        }
    }
    // An undated happening placed by a phrase naming another, dated one: "a statement issued
    // after the talks", "arrested following the shooting".
    for ei in 0..out.len() {
        if out[ei].time.is_some() {
            continue;
        }
        let placed = evs[ei].mentions.iter().find_map(|&mi| {
            let m = &ms[mi];
            let end = doc.sent_toks.get(m.sent)?.end;
            let (k, relation) = (m.t1 + 1..(m.t1 + 1 + EVENT_PP_WORDS).min(end))
                .take_while(|&k| !doc.is_punct(k))
                .find_map(|k| Some((k, crate::lexicon::placing(*doc.bits.get(k)?)?)))?;
            // The named happening: a mention starting within three words, in another event.
            let (lo, hi) = (doc.tok(k).end, doc.tok((k + 3).min(end - 1)).end);
            let named = ms.partition_point(|o| o.span.start < lo);
            (ms.get(named)?.span.start < hi).then_some(())?;
            let ae = event_of_mention[named].filter(|&ae| ae != ei)?;
            let t =
                out[ae].time.as_ref().filter(|t| matches!(t.relation, Relation::On | Relation::During))?;
            Some(EventTime { timex: None, value: Some(t.value.clone()?), relation, anchor_event: Some(ae) })
        });
        if placed.is_some() {
            out[ei].time = placed;
        }
    }
    when_clauses(doc, ms, evs, out);
    // "visited the hospital the same day": the date told just before.
    for ei in 0..out.len() {
        if out[ei].time.is_some() {
            continue;
        }
        let value = evs[ei].mentions.iter().find_map(|&mi| same_day_date(doc, lex, ms[mi].sent, ms[mi].span));
        if value.is_some() {
            out[ei].time = value.map(on_day);
        }
    }
    narrated_on(doc, ms, evs, out);
    lede_retold(doc, ms, evs, &by_fallback, out);
}

/// "Workers vowed on Friday to keep up the strike, after a march ended in clashes" … "On
/// Wednesday, about 3,000 strikers marched …": a happening the lead paragraph sums up with no
/// date of its own (or only one it took from its sentence) is the one of its type the body tells
/// with a day, when the body tells exactly one. A date the lead's happening took from the
/// dateline ("BUCHAREST, Nov 6 (Wire) – Prosecutors have detained …") is no date of its own.
/// Statements, reports and other speech are not summed up this way.
fn lede_retold(doc: &Doc, ms: &[Mention], evs: &[Ev], by_fallback: &[bool], out: &mut [EventHit]) {
    let text = doc.text();
    let sentences = &doc.input.seg.sentences;
    let first = headline_sentences(doc.input);
    let Some(lede_end) = (first + 1..sentences.len())
        .find(|&s| text.get(sentences[s - 1].end..sentences[s].start).is_none_or(|g| g.contains('\n')))
    else {
        return;
    };
    for ei in 0..out.len() {
        let in_lede = |mi: &usize| (first..lede_end).contains(&ms[*mi].sent);
        // A time across a comma is another clause's ("vowed on Friday …, after a march").
        let m0 = ms[evs[ei].mentions[0]].span;
        let across = |t: &EventTime| {
            t.timex.and_then(|ti| doc.input.timexes.get(ti)).is_some_and(|x| {
                let (a, b) = gap_of(x.span, m0);
                text.get(a..b).is_some_and(|g| g.contains(','))
            })
        };
        // A time in the dateline is the day the story was filed: it tells no happening's day.
        let filed = |t: &EventTime| {
            let dl = doc.input.dateline;
            t.timex
                .and_then(|ti| doc.input.timexes.get(ti))
                .is_some_and(|x| dl.is_some_and(|d| d.contains(&x.span)))
        };
        let loose = out[ei].time.as_ref().is_none_or(|t| by_fallback[ei] || across(t) || filed(t));
        if is_speech(out[ei].kind) || !loose || !evs[ei].mentions.iter().all(in_lede) {
            continue;
        }
        // The body's happenings of the type told with a day ("charged a customs officer last
        // month" is another, older one, and no rival).
        let day = |k: usize| {
            out[k].time.as_ref().filter(|t| {
                t.relation == Relation::On && !by_fallback[k] && t.value.as_deref().is_some_and(full_day)
            })
        };
        let mut told = (0..out.len()).filter(|&k| {
            k != ei && out[k].kind == out[ei].kind && !evs[k].mentions.iter().any(in_lede) && day(k).is_some()
        });
        let (Some(k), None) = (told.next(), told.next()) else { continue };
        if let Some(day) = day(k).and_then(|t| t.value.clone()) {
            out[ei].time = Some(on_day(day));
        }
    }
}

/// "On Wednesday, strikers marched to the governor's office. Nineteen people were detained.":
/// an undated arrest, injury or death told in the past tense, in a sentence with no time of its
/// own right after one (of the same paragraph) whose happening is dated to a day, happened that
/// day — the narration goes on. Statements and reports never take a date this way.
fn narrated_on(doc: &Doc, ms: &[Mention], evs: &[Ev], out: &mut [EventHit]) {
    let text = doc.text();
    let sentences = &doc.input.seg.sentences;
    for ei in 0..out.len() {
        if out[ei].time.is_some()
            || !matches!(out[ei].kind, EventType::Arrest | EventType::Injury | EventType::Death)
        {
            continue;
        }
        let m = &ms[evs[ei].mentions[0]];
        let past = (m.t0..=m.t1).any(|k| matches!(doc.xpos[k], "VBD" | "VBN"));
        if !past || m.sent == 0 || doc.timexes_in(m.sent).next().is_some() {
            continue;
        }
        let (prev, cur) = (sentences[m.sent - 1], sentences[m.sent]);
        if text.get(prev.end..cur.start).is_none_or(|gap| gap.contains('\n')) {
            continue;
        }
        let donor = (0..out.len()).find_map(|k| {
            let t =
                out[k].time.as_ref().filter(|t| t.relation == Relation::On && t.anchor_event.is_none())?;
            let day = t.value.as_ref().filter(|v| full_day(v))?;
            evs[k]
                .mentions
                .iter()
                .any(|&mk| ms[mk].sent + 1 == m.sent && ms[mk].timex.is_some())
                .then_some(day)
        });
        if let Some(day) = donor {
            out[ei].time = Some(on_day(day.clone()));
        }
    }
}

/// "was detained on Jan. 4 with 30 others when police broke up a rally": an undated happening
/// in a clause opened by "when" (`when_clause` in words.tsv) after a clause of the same sentence
/// whose happening is dated to a day by a time of that sentence took place that day. The
/// word is at most [`WHEN_CLAUSE_WORDS`] words before the mention, with no punctuation between.
fn when_clauses(doc: &Doc, ms: &[Mention], evs: &[Ev], out: &mut [EventHit]) {
    for ei in 0..out.len() {
        if out[ei].time.is_some() {
            continue;
        }
        let m = &ms[evs[ei].mentions[0]];
        let Some(toks) = doc.sent_toks.get(m.sent) else { continue };
        let Some(w) = (toks.start..m.t0)
            .rev()
            .take(WHEN_CLAUSE_WORDS)
            .take_while(|&k| !doc.is_punct(k))
            .find(|&k| doc.is(k, "when_clause"))
        else {
            continue;
        };
        let opens = doc.tok(w).start;
        let donor = (0..out.len()).find_map(|k| {
            let t = out[k]
                .time
                .as_ref()
                .filter(|t| t.relation == Relation::On && t.anchor_event.is_none() && t.timex.is_some())?;
            let day = t.value.as_ref().filter(|v| full_day(v))?;
            let tx = doc.input.timexes.get(t.timex?)?;
            (tx.span.end <= opens
                && doc.sentence_of(tx.span.start) == Some(m.sent)
                && evs[k].mentions.iter().any(|&mk| ms[mk].sent == m.sent && ms[mk].span.end <= opens))
            .then(|| day.clone())
        });
        if let Some(day) = donor {
            out[ei].time = Some(on_day(day));
        }
    }
}

/// Whether a TIMEX3 value is one calendar day ("2025-03-09").
fn full_day(v: &str) -> bool {
    v.len() == 10 && calendar(v)
}

/// The time of a happening placed on `day` by the text around it, not by a time expression.
fn on_day(day: String) -> EventTime {
    EventTime { timex: None, value: Some(day), relation: Relation::On, anchor_event: None }
}

/// How many words before a mention the "when" opening its clause may be.
const WHEN_CLAUSE_WORDS: usize = 6;

/// How many words after a mention a phrase placing it after another happening may start.
const EVENT_PP_WORDS: usize = 4;

/// How many sentences back a same-day phrase ("the same day") looks for the date it repeats.
const SAME_DAY_SENTENCES: usize = 3;

/// "Police detained a dozen of them later that night": the date a same-day phrase of sentence
/// `sent` (`same_day.tsv`, in the region of `near`, the nearest one to it) points back to — the
/// last full date told before the phrase (not a bound: "until Friday"), within
/// [`SAME_DAY_SENTENCES`] sentences, moved by the phrase's days. A phrase the time stage already tagged is left to it.
pub(crate) fn same_day_date(doc: &Doc, lex: &Lexicon, sent: usize, near: Span) -> Option<String> {
    let toks = doc.sent_toks.get(sent)?.clone();
    let text = doc.text();
    // The sentence's lowercased words (a light document makes them once).
    let words = doc.sentence_words(sent)?;
    let region = doc.region(sent, near);
    let dist =
        |s: Span| if s.start >= near.end { s.start - near.end } else { near.start.saturating_sub(s.end) };
    let mut found: Option<(Span, i64)> = None;
    let mut i = 0;
    while i < words.len() {
        let Some((len, &days)) = lex.same_day.longest(words, i) else {
            i += 1;
            continue;
        };
        let span = Span::new(doc.tok(toks.start + i).start, doc.tok(toks.start + i + len - 1).end);
        // (one opening an attributed content, "announced the same day a review …", belongs to
        // the clause around it, as a time does; but in "told reporters that night patrols …"
        // the content's "that" is no part of a phrase)
        let opens = || words[i] != "that" && doc.region_of_time(sent, span) == region;
        if (doc.region(sent, span) == region || opens())
            && !doc.touches_timex(span)
            && found.is_none_or(|(f, _)| dist(f) > dist(span))
        {
            found = Some((span, days));
        }
        i += len;
    }
    let (phrase, days) = found?;
    let lo = doc.input.seg.sentences.get(sent.saturating_sub(SAME_DAY_SENTENCES))?.start;
    let timexes = doc.input.timexes;
    let before = timexes.partition_point(|t| t.span.start < phrase.start);
    let day = timexes[..before]
        .iter()
        .rev()
        .take_while(|t| t.span.start >= lo)
        .filter(|t| t.span.end <= phrase.start && t.anchor.is_none() && datable(text, t))
        // A bound ("until Friday", "since Monday") is no day a happening was told of.
        .filter(|t| matches!(relation_of(doc, lex, t), Relation::On | Relation::During))
        .find_map(|t| chrono::NaiveDate::parse_from_str(t.value.get(..10)?, "%Y-%m-%d").ok())?;
    Some((day + chrono::Duration::days(days)).format("%Y-%m-%d").to_string())
}

/// Whether mention `m` is dated by time `ti` through a toll verb between them ("the death toll
/// from the collapse climbed to 27 on Tuesday"): the date of the figure, not of the happening.
fn toll_update(doc: &Doc, m: &Mention, ti: usize) -> bool {
    let Some(t) = doc.input.timexes.get(ti) else { return false };
    let (a, b) = gap_of(m.span, t.span);
    // "to" and "at" count only after a toll ("the toll stood at 30 on Monday"), not after any
    // happening ("opened fire at the bar on Monday").
    let toll = doc.words.get(m.t0..=m.t1).is_some_and(|ws| ws.iter().any(|w| w.contains("toll")));
    (doc.tok_at(a)..doc.tok_at(b))
        .any(|j| doc.is(j, "toll_verb") && (toll || !matches!(doc.words[j].as_ref(), "to" | "at")))
}

/// The event a time expression's anchor phrase names: one with a mention inside the anchor.
pub(crate) fn anchor_event(
    ms: &[Mention],
    event_of_mention: &[Option<usize>],
    anchor: Span,
) -> Option<usize> {
    ms.iter()
        .enumerate()
        .filter(|(_, m)| anchor.contains(&m.span))
        .find_map(|(mi, _)| event_of_mention[mi])
        .or_else(|| {
            ms.iter()
                .enumerate()
                .filter(|(_, m)| overlaps(anchor, m.span))
                .find_map(|(mi, _)| event_of_mention[mi])
        })
}

/// A number phrase: value, token range, qualifier, range maximum.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Number {
    pub value: u64,
    pub max: Option<u64>,
    pub qualifier: Qualifier,
    /// Tokens of the whole phrase with its qualifier.
    pub t0: usize,
    pub t1: usize,
}

fn digits(w: &str) -> Option<u64> {
    if w.is_empty() || !w.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let mut v: u64 = 0;
    let mut seen_comma_group = 0usize;
    let mut in_group = false;
    for b in w.bytes() {
        match b {
            b'0'..=b'9' => {
                v = v.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
                if in_group {
                    seen_comma_group += 1;
                }
            }
            b',' => {
                if in_group && seen_comma_group != 3 {
                    return None;
                }
                in_group = true;
                seen_comma_group = 0;
            }
            _ => return None,
        }
    }
    if in_group && seen_comma_group != 3 {
        return None;
    }
    Some(v)
}

/// A decimal with a scale word after it: "1.2 million".
fn decimal(w: &str) -> Option<f64> {
    if !w.as_bytes().first()?.is_ascii_digit() || !w.contains('.') {
        return None;
    }
    w.parse::<f64>().ok()
}

/// The number written at token `i` (digits or words): (value, tokens used, qualifier).
pub(crate) fn number_at(doc: &Doc, lex: &Lexicon, i: usize, end: usize) -> Option<(u64, usize, Qualifier)> {
    let words = &doc.words[..end];
    let w = words.get(i)?.as_ref();
    let scale_after = |k: usize| -> Option<u64> {
        let n = lex.numbers.longest(words, k)?;
        (n.1.kind == NumKind::Scale && n.0 == 1 && n.1.value >= 1000).then_some(n.1.value)
    };
    if let Some(v) = digits(w) {
        if let Some(s) = scale_after(i + 1) {
            return Some((v.saturating_mul(s), 2, Qualifier::Exact));
        }
        return Some((v, 1, Qualifier::Exact));
    }
    if let (Some(f), Some(s)) = (decimal(w), scale_after(i + 1)) {
        return Some(((f * s as f64).round() as u64, 2, Qualifier::Exact));
    }
    if let Some((len, n)) = lex.numbers.longest(words, i) {
        if n.kind == NumKind::Alone {
            return Some((n.value, len, n.qualifier));
        }
    }
    // Composed number words: "twenty-five", "one hundred and twenty", "three thousand".
    let (mut total, mut current, mut used, mut any) = (0u64, 0u64, 0usize, false);
    let mut k = i;
    while k < end {
        let word = words[k].as_ref();
        let parts: Vec<&str> = if word.contains('-') { word.split('-').collect() } else { vec![word] };
        let mut ok = true;
        let mut vals = Vec::with_capacity(parts.len());
        for p in &parts {
            match lex.numbers.longest(&[*p], 0) {
                Some((1, n)) if n.kind != NumKind::Alone => vals.push(*n),
                _ => ok = false,
            }
        }
        if !ok || vals.is_empty() {
            // "and" and a hyphen token inside a number.
            if any && (word == "and" || word == "-") && k + 1 < end {
                if let Some(Some((1, n))) = Some(lex.numbers.longest(words, k + 1)) {
                    if n.kind != NumKind::Alone {
                        k += 1;
                        continue;
                    }
                }
            }
            break;
        }
        for n in vals {
            match n.kind {
                NumKind::Unit | NumKind::Ten => current = current.saturating_add(n.value),
                NumKind::Scale if n.value < 1000 => current = current.max(1).saturating_mul(n.value),
                NumKind::Scale => {
                    total = total.saturating_add(current.max(1).saturating_mul(n.value));
                    current = 0;
                }
                NumKind::Alone => {}
            }
        }
        any = true;
        k += 1;
        used = k - i;
    }
    any.then_some((total.saturating_add(current), used, Qualifier::Exact))
}

/// The number phrase at `i` with its qualifier and range, inside tokens `start..end`.
pub(crate) fn number_phrase(doc: &Doc, lex: &Lexicon, i: usize, start: usize, end: usize) -> Option<Number> {
    let (value, len, base) = number_at(doc, lex, i, end)?;
    let mut n = Number { value, max: None, qualifier: base, t0: i, t1: i + len - 1 };
    // Ranges: "between 10 and 20", "10 to 20", "10-20".
    let w = doc.words[i].as_ref();
    if len == 1 {
        if let Some((a, b)) = w.split_once('-') {
            if let (Some(a), Some(b)) = (digits(a), digits(b)) {
                if a < b {
                    return Some(Number {
                        value: a,
                        max: Some(b),
                        qualifier: Qualifier::Range,
                        t0: i,
                        t1: i,
                    });
                }
            }
        }
    }
    let after = n.t1 + 1;
    let between = i > start && doc.words[i - 1] == "between";
    if after + 1 < end {
        let c = doc.words[after].as_ref();
        let connects = matches!(c, "to" | "-" | "\u{2013}") || (between && c == "and");
        if connects {
            if let Some((max, len2, _)) = number_at(doc, lex, after + 1, end) {
                if max > value {
                    n.max = Some(max);
                    n.qualifier = Qualifier::Range;
                    n.t1 = after + len2;
                    if between {
                        n.t0 = i - 1;
                    }
                    return Some(n);
                }
            }
        }
    }
    if let Some((q0, q)) = lex.qualifiers.ending_at(&doc.words[..i], i, 3) {
        if q0 >= start {
            n.qualifier = q.qualifier;
            n.value = (n.value as i64).saturating_add(q.adjust).max(0) as u64;
            n.t0 = q0;
        }
    }
    Some(n)
}

fn counts(
    doc: &Doc,
    lex: &Lexicon,
    ms: &[Mention],
    event_of_mention: &[Option<usize>],
    out: &mut [EventHit],
) {
    let text = doc.text();
    // (event, what) → index into its counts: the latest figure replaces an earlier one.
    for (si, r) in doc.sent_toks.iter().enumerate() {
        let mut i = r.start;
        while i < r.end {
            if !starts_number(doc, i) {
                i += 1;
                continue;
            }
            let Some(n) = number_phrase(doc, lex, i, r.start, r.end) else {
                i += 1;
                continue;
            };
            i = n.t1 + 1;
            let span = Span::new(doc.tok(n.t0).start, doc.tok(n.t1).end);
            // Not a date, time, money or percentage.
            if doc.touches_timex(span) {
                continue;
            }
            let before = n.t0.checked_sub(1).map(|k| doc.words[k].as_ref());
            let after_w = doc.words.get(n.t1 + 1).map(|w| w.as_ref());
            if before.is_some_and(|b| b.starts_with(['$', '\u{20ac}', '\u{a3}']) || b == "no.")
                || after_w.is_some_and(|a| matches!(a, "%" | "percent" | "per"))
                || text[span.range()].contains('$')
            {
                continue;
            }
            // An increment ("six more workers died") is no total. "Seven others were wounded" is
            // one when the event has no figure of that kind yet ("killed one passenger and
            // wounded seven others"), and an increment when it has ("three others died later").
            if after_w.is_some_and(|a| matches!(a, "more" | "additional" | "further")) {
                continue;
            }
            let others = after_w.is_some_and(|a| matches!(a, "other" | "others"));
            // A measure joined to its unit is a modifier, not a count: "a 19-year-old fan died",
            // "the five-storey block", "a 180-tonne trawler".
            let unit_after = doc.words.get(n.t1 + 2).is_some_and(|u| u.chars().all(char::is_alphabetic));
            if after_w.is_some_and(|a| matches!(a, "-" | "\u{2010}" | "\u{2011}")) && unit_after {
                continue;
            }
            // A number in an "of" phrase of a counted noun counts the phrase's noun, not the
            // happening's people: "200 residents of two nearby villages".
            if of_counted_noun(doc, n.t0, r.start) {
                continue;
            }
            let Some(Cue { tok: cue_tok, entry: cue, before: one_before, after: and_group, own_end }) =
                count_cue(doc, lex, &n, others, r.start, r.end)
            else {
                continue;
            };
            // The groups joined to the figure are counted with it, never again by themselves.
            if let Some(g) = and_group {
                i = i.max(g.t1 + 1);
            }
            // The event: the mention at the cue, else the nearest fitting mention.
            let (lo, hi) = (0, ms.partition_point(|m| m.sent <= si + 1));
            let at_cue = (lo..hi.max(lo))
                .find(|&mi| ms[mi].t0 <= cue_tok && cue_tok <= ms[mi].t1 && cue.events.contains(&ms[mi].ty));
            let at_cue = at_cue.and_then(|mi| event_of_mention[mi]);
            let ev = at_cue.or_else(|| {
                let mut best: Option<(usize, usize)> = None;
                for (mi, m) in ms.iter().enumerate().take(hi.max(lo)).skip(lo) {
                    let Some(e) = event_of_mention[mi] else { continue };
                    if !cue.events.contains(&out[e].kind) {
                        continue;
                    }
                    // The same or an adjacent sentence, else one of the three before.
                    let rank = match m.sent {
                        s if s == si => 0,
                        s if s + 1 == si => 1,
                        s if si + 1 == s => 2,
                        s if s < si && si - s <= 3 => 3,
                        // Further back, the latest happening of a fitting type.
                        s if s < si => 4,
                        _ => continue,
                    };
                    let rank = rank * 100_000 + m.span.start.abs_diff(span.start).min(99_999);
                    if best.is_none_or(|(_, b)| rank < b) {
                        best = Some((e, rank));
                    }
                }
                best.map(|b| b.0)
            });
            let Some(e) = ev else { continue };
            // "X and four other people were detained", "detained with at least 30 other
            // supporters": the others and the one named with them.
            // (", and 30 others were missing" joins a clause, not a person: no one added)
            let joined = n.t0 >= 2 && doc.words[n.t0 - 2] != ",";
            let with_one = others && joined && before.is_some_and(|b| matches!(b, "and" | "with"));
            let plus = u64::from(with_one);
            let own = Group {
                value: n.value + plus,
                qualifier: n.qualifier,
                max: n.max.map(|m| m + plus),
                t0: n.t0,
                t1: own_end,
            };
            let groups: Vec<Group> = one_before.into_iter().chain([own]).chain(and_group).collect();
            let hit = summed(doc, cue.what, &groups, span);
            // A later figure replaces an earlier one when the text updates it ("the toll rose
            // to 31"); a figure restated or about a part ("two of the wounded") does not.
            // An earlier figure never replaces one: "raising the toll from 19", "the toll was
            // initially put at seven", "officials had put the toll at seven".
            let earlier = {
                let mut k = n.t0;
                while k > r.start && doc.upos[k - 1] == "DET" {
                    k -= 1;
                }
                let from = k > r.start && doc.words[k - 1] == "from";
                let marked = (r.clone()).any(|j| doc.is(j, "earlier_figure"));
                let rising = (n.t0.saturating_sub(2).max(r.start)..n.t0)
                    .any(|j| doc.is(j, "toll_verb") && !matches!(doc.words[j].as_ref(), "to" | "at"));
                let toll = (r.clone()).any(|j| doc.words[j] == "toll" || doc.is(j, "tally"));
                let pluperfect = toll
                    && (r.start..r.end.saturating_sub(1)).any(|j| {
                        doc.words[j] == "had" && doc.xpos[j + 1] == "VBN" && !doc.is(j + 1, "update")
                    });
                // "The toll, which stood at 11 on Wednesday night, rose after soldiers reached
                // the village": a toll that rises after the figure rose from it, with or
                // without a new one. (A verb both of `update` and `toll_verb`; the tagger may
                // call "rose" a noun.)
                let rose_past = toll
                    && (n.t1 + 1..r.end)
                        .any(|j| doc.is(j, "update") && doc.is(j, "toll_verb") && doc.upos[j - 1] != "DET");
                from || rose_past || (!rising && (marked || pluperfect))
            };
            let update = !earlier && doc.words[r.clone()].iter().any(|w| lex.is("update", w));
            // A round word ("dozens", "scores of") yields to the figure the text gives later
            // ("between 30 and 40 are missing"): the analyst wants the most precise count. A part
            // ("eleven of the most badly hurt") is no count of the whole.
            let part = after_w == Some("of");
            let vague = |c: &CountHit| {
                c.qualifier == Qualifier::About
                    && !text[c.span.range()].contains(|ch: char| ch.is_ascii_digit())
            };
            let counts = &mut out[e].counts;
            match counts.iter_mut().find(|c| c.what == hit.what) {
                Some(c) if (update || (vague(c) && !vague(&hit) && !part)) && !others => *c = hit,
                Some(_) => {}
                None => counts.push(hit),
            }
        }
    }
}

/// Two people named by singular noun phrases joined by "and" as a counting verb's object are
/// a count of two, its parts the two: "Police detained the pit's director and its chief safety
/// engineer" = 2 detained; "the technical director of the operator and a mechanic" (an "of"
/// phrase of names or nouns after the first is stepped over). On the verb's own event, when it
/// has no count of that kind.
fn two_people(
    doc: &Doc,
    lex: &Lexicon,
    ms: &[Mention],
    event_of_mention: &[Option<usize>],
    out: &mut [EventHit],
) {
    for r in &doc.sent_toks {
        for v in r.clone() {
            let Some(cue) = lex.counts.get(doc.words[v].as_ref()) else { continue };
            if cue.side == Side::After || doc.upos[v] != "VERB" {
                continue;
            }
            let Some(h1) = one_person_at(doc, lex, v + 1, r.end) else { continue };
            let mut k = h1 + 1;
            // "the technical director of Kvirila Ropeways": an "of" phrase of the first person.
            if doc.words.get(k).is_some_and(|w| w == "of") {
                let mut j = k + 1;
                if j < r.end && doc.upos[j] == "DET" {
                    j += 1;
                }
                let s0 = j;
                while j < r.end.min(s0 + 4) && matches!(doc.upos[j], "PROPN" | "NOUN" | "ADJ") {
                    j += 1;
                }
                if j == s0 {
                    continue;
                }
                k = j;
            }
            if k >= r.end || doc.words[k] != "and" {
                continue;
            }
            let Some(h2) = one_person_at(doc, lex, k + 1, r.end) else { continue };
            let Some(mi) = ms.iter().position(|m| m.t0 <= v && v <= m.t1 && cue.events.contains(&m.ty))
            else {
                continue;
            };
            let Some(e) = event_of_mention[mi] else { continue };
            if out[e].counts.iter().any(|c| c.what == cue.what) {
                continue;
            }
            let groups = [Group::one(v + 1, k - 1), Group::one(k + 1, h2)];
            let span = Span::new(doc.tok(v + 1).start, doc.tok(h2).end);
            out[e].counts.push(summed(doc, cue.what, &groups, span));
        }
    }
}

/// Whether the object starting at token `k` names people: its first noun, past determiners,
/// numbers, adjectives and a qualifier ("at least"), is a person noun or a person's name.
fn people_object(doc: &Doc, lex: &Lexicon, mut k: usize, end: usize) -> bool {
    let stop = end.min(k + 6);
    while k < stop {
        let w = doc.words[k].as_ref();
        if doc.is_noun(k) {
            let at = doc.tok(k);
            return lex.persons.contains_key(w)
                || doc
                    .ents_near(at.start, at.end)
                    .iter()
                    .any(|e| e.label == crate::EntityLabel::Per && e.span.contains(&at));
        }
        let skip =
            matches!(doc.upos[k], "DET" | "NUM" | "ADJ" | "ADV") || matches!(w, "at" | "least" | "than");
        if !skip {
            return false;
        }
        k += 1;
    }
    false
}

/// The closing comma of an apposition opened by the comma at `open`: words of a noun phrase
/// only ("a woman and her nine-year-old son"), and a verb or auxiliary right after it.
fn apposition_end(doc: &Doc, open: usize, end: usize) -> Option<usize> {
    let close = (open + 2..end.min(open + 12)).find(|&j| doc.words[j] == ",")?;
    let np = (open + 1..close).all(|j| {
        matches!(doc.upos[j], "DET" | "NOUN" | "PROPN" | "ADJ" | "NUM" | "CCONJ" | "PRON")
            || doc.xpos[j] == "HYPH"
            || doc.words[j] == "of"
    });
    let verb_after = doc.upos.get(close + 1).is_some_and(|u| matches!(*u, "AUX" | "VERB"));
    (np && verb_after).then_some(close)
}

/// Whether the number at token `t0` opens the "of" phrase of a noun another number counts
/// ("200 residents of two villages": the "two"; not "a group of 30 protesters").
fn of_counted_noun(doc: &Doc, t0: usize, start: usize) -> bool {
    if t0 < start + 3 || doc.words[t0 - 1] != "of" || !doc.is_noun(t0 - 2) {
        return false;
    }
    let mut k = t0 - 2;
    while k > start && (doc.is_noun(k - 1) || doc.upos[k - 1] == "ADJ") && t0 - k < 5 {
        k -= 1;
    }
    k > start && doc.upos[k - 1] == "NUM"
}

/// The figure a count word reaches past the number (see [`count_cue`]).
struct Cue<'l> {
    /// The token of the count word.
    tok: usize,
    entry: &'l crate::lexicon::CountCue,
    /// One person named before the figure and counted with it: "the captain" of "the captain
    /// and two crew members", "a woman" of "a woman and two children were killed".
    before: Option<Group>,
    /// A group joined to the figure by "and" that the same word counts: "between 30 and 40
    /// fans" of "23 officers and between 30 and 40 fans were hurt", "a guard" of "two
    /// inmates and a guard were wounded".
    after: Option<Group>,
    /// The last token of the figure's own group ("23 officers").
    own_end: usize,
}

/// One group of people a count word counts: its figure and its tokens, the figure first.
#[derive(Clone, Copy, Debug)]
struct Group {
    value: u64,
    qualifier: Qualifier,
    max: Option<u64>,
    t0: usize,
    t1: usize,
}

impl Group {
    /// One person named by a noun phrase over tokens `t0..=t1` ("a woman", "the driver").
    fn one(t0: usize, t1: usize) -> Group {
        Group { value: 1, qualifier: Qualifier::Exact, max: None, t0, t1 }
    }
}

/// One count of several groups: their sum, with the weakest qualifier (a range adds its bounds),
/// and the groups as its parts; one group is a plain count.
fn summed(doc: &Doc, what: &str, groups: &[Group], span: Span) -> CountHit {
    let value = groups.iter().map(|g| g.value).sum();
    let qualifier = groups.iter().map(|g| g.qualifier).reduce(Qualifier::sum).unwrap_or(Qualifier::Exact);
    let max = if groups.len() == 1 {
        groups[0].max
    } else if qualifier == Qualifier::Range {
        Some(groups.iter().map(|g| g.max.unwrap_or(g.value)).sum())
    } else {
        None
    };
    let parts = if groups.len() > 1 {
        groups
            .iter()
            .map(|g| CountPart {
                value: g.value,
                qualifier: g.qualifier,
                max: g.max,
                span: Span::new(doc.tok(g.t0).start, doc.tok(g.t1).end),
            })
            .collect()
    } else {
        Vec::new()
    };
    CountHit { what: what.to_owned(), value, qualifier, max, span, parts }
}

/// The last token of the noun phrase a figure ending at `t1` opens: its nouns, adjectives and
/// hyphens up to a count word ("two police officers", "32 inmates"; "12 dead" is `t1`).
fn group_end(doc: &Doc, lex: &Lexicon, t1: usize, end: usize) -> usize {
    let mut k = t1;
    while k + 1 < end
        && (doc.is_noun(k + 1) || doc.upos[k + 1] == "ADJ" || doc.xpos[k + 1] == "HYPH")
        && !lex.counts.contains_key(doc.words[k + 1].as_ref())
    {
        k += 1;
    }
    k
}

/// Whether token `k` is a singular noun naming one person (`persons.tsv`: "woman", "captain").
fn person_head(doc: &Doc, lex: &Lexicon, k: usize) -> bool {
    doc.xpos[k] == "NN" && lex.persons.contains_key(doc.words[k].as_ref())
}

/// Whether token `j` may stand between a person's determiner and head: "campaign",
/// "12-year-old", "ferry's".
fn person_modifier(doc: &Doc, j: usize) -> bool {
    matches!(doc.upos[j], "ADJ" | "NOUN" | "PROPN")
        || matches!(doc.xpos[j], "HYPH" | "POS")
        || (doc.upos[j] == "NUM" && doc.xpos.get(j + 1) == Some(&"HYPH"))
}

/// One person named by a singular noun phrase opening at token `k`: a determiner, then
/// modifiers ("campaign", "12-year-old") and a head of `persons.tsv` ("a woman", "the
/// driver", "one guard"). Returns its last token.
fn one_person_at(doc: &Doc, lex: &Lexicon, k: usize, end: usize) -> Option<usize> {
    if k >= end || !(doc.is(k, "indefinite") || doc.is(k, "definite")) {
        return None;
    }
    let mut j = k + 1;
    while j < end.min(k + 7) {
        if !person_modifier(doc, j) {
            break;
        }
        j += 1;
    }
    let head = j.checked_sub(1).filter(|&h| h > k)?;
    person_head(doc, lex, head).then_some(head)
}

/// The first token of a noun phrase of one person ending at token `head` (see
/// [`one_person_at`]), its determiner or possessor ("the ferry's captain") included.
fn one_person_ending_at(doc: &Doc, lex: &Lexicon, head: usize, start: usize) -> Option<usize> {
    if head <= start || !person_head(doc, lex, head) {
        return None;
    }
    let mut k = head;
    while k > start && head - k < 6 {
        let j = k - 1;
        if doc.is(j, "indefinite") || doc.is(j, "definite") {
            return one_person_at(doc, lex, j, head + 1).filter(|&h| h == head).map(|_| j);
        }
        if !person_modifier(doc, j) {
            return None;
        }
        k = j;
    }
    None
}

/// Whether token `k` opens a number: a digit, or a number word (`NUMBER` in words.tsv).
fn starts_number(doc: &Doc, k: usize) -> bool {
    doc.words[k].as_bytes().first().is_some_and(u8::is_ascii_digit)
        || doc.bits[k] & crate::lexicon::NUMBER != 0
}

/// A figure opening right at token `k` (its qualifier included): "between 30 and 40",
/// "at least 12", "nine".
fn figure_at(doc: &Doc, lex: &Lexicon, k: usize, start: usize, end: usize) -> Option<Number> {
    (k..end.min(k + 4))
        .find(|&j| starts_number(doc, j))
        .and_then(|j| number_phrase(doc, lex, j, start, end))
        .filter(|n2| n2.t0 == k)
}

/// What the number counts: the token of its word, the entry, and the groups joined to the
/// figure by "and" that the word counts with it. `others`: "other(s)" follows the number ("and
/// four other people").
fn count_cue<'l>(
    doc: &Doc,
    lex: &'l Lexicon,
    n: &Number,
    others: bool,
    start: usize,
    end: usize,
) -> Option<Cue<'l>> {
    // After the number: "143 people were killed", "12 dead", "two managers of the unit were
    // detained", "15 people, including four officers, were hurt".
    let mut k = n.t1 + 1;
    let mut limit = n.t1 + 6;
    let mut after: Option<Group> = None;
    let mut own_end = None;
    // One person named before the figure and "and", counted with it when the word follows:
    // "a woman and two children were killed" (with "other(s)" the one is added below).
    let one_before = || {
        let and = n.t0.checked_sub(1).filter(|&a| a > start && doc.words[a] == "and" && !others)?;
        let t0 = one_person_ending_at(doc, lex, and - 1, start)?;
        Some(Group::one(t0, and - 1))
    };
    let ahead = |tok, entry, after: Option<Group>, own_end: Option<usize>| {
        let own_end = own_end.unwrap_or_else(|| group_end(doc, lex, n.t1, tok));
        Some(Cue { tok, entry, before: one_before(), after, own_end })
    };
    while k < end && k <= limit {
        let w = doc.words[k].as_ref();
        // A cue of several words: "forcing about 600 people from their homes".
        if let Some((len, c)) = lex.count_phrases.longest(&doc.words, k) {
            if k + len <= end {
                return ahead(k, c, after, own_end);
            }
        }
        if let Some(c) = lex.counts.get(w) {
            if c.side != Side::Before {
                return ahead(k, c, after, own_end);
            }
        }
        // Another group joined by "and" after the counted noun is counted by the same word:
        // a figure ("23 police officers and between 30 and 40 fans were hurt") or one person
        // ("two inmates and a guard were wounded").
        if w == "and" && after.is_none() && k > n.t1 + 1 && doc.is_noun(k - 1) {
            if let Some(n2) = figure_at(doc, lex, k + 1, start, end) {
                let t1 = group_end(doc, lex, n2.t1, end);
                after = Some(Group { value: n2.value, qualifier: n2.qualifier, max: n2.max, t0: n2.t0, t1 });
                own_end = Some(k - 1);
                limit += n2.t1 + 1 - k;
                k = n2.t1 + 1;
                continue;
            }
            if let Some(t1) = one_person_at(doc, lex, k + 1, end).filter(|_| !others) {
                after = Some(Group::one(k + 1, t1));
                own_end = Some(k - 1);
                limit += t1 + 1 - k;
                k = t1 + 1;
                continue;
            }
        }
        // A relative clause of the counted noun is stepped over to the verb after it: "five
        // fishermen who waded in to help were injured", "12 people who were trapped were
        // rescued" (up to an auxiliary that a count word follows, no punctuation between).
        if matches!(w, "who" | "that") && k > n.t1 + 1 && doc.is_noun(k - 1) {
            let aux = (k + 1..end.min(k + 10)).take_while(|&j| !doc.is_punct(j)).find(|&j| {
                doc.upos[j] == "AUX"
                    && (j + 1..end.min(j + 3)).any(|c| {
                        lex.counts.get(doc.words[c].as_ref()).is_some_and(|c| c.side != Side::Before)
                    })
            });
            if let Some(j) = aux {
                limit += j - k;
                k = j;
                continue;
            }
        }
        // Two plural nouns of one group: "19 waiters and cooks were treated".
        if w == "and" && k > n.t1 && doc.is_noun(k - 1) && doc.xpos.get(k + 1).is_some_and(|x| *x == "NNS") {
            limit += 1;
            k += 1;
            continue;
        }
        // An aside between commas is stepped over whole.
        if w == "," && doc.is(k + 1, "aside") {
            let close = (k + 2..end.min(k + 12)).find(|&j| doc.words[j] == ",");
            let Some(close) = close else { break };
            limit += close + 1 - k;
            k = close + 1;
            continue;
        }
        // An apposition naming the people counted is stepped over whole: "Two passengers, a
        // woman and her son, were pulled alive" (no verb inside; a verb after it).
        if w == "," && k > n.t1 + 1 && doc.is_noun(k - 1) {
            if let Some(close) = apposition_end(doc, k, end) {
                limit += close + 1 - k;
                k = close + 1;
                continue;
            }
        }
        // "of the …": the phrase after "of" may name a determiner, and the window grows by it.
        if w == "of" && doc.upos.get(k + 1) == Some(&"DET") {
            // "two of the wounded died": a part of a group counted elsewhere, no figure.
            if doc.words.get(k + 2).is_some_and(|g| lex.counts.contains_key(g.as_ref())) {
                return None;
            }
            limit += 4;
            k += 2;
            continue;
        }
        // "a dozen workers from the night shift were still unaccounted for": a phrase of the
        // counted noun opened by a preposition and a determiner is stepped over like "of the".
        if k > n.t1 + 1
            && doc.is_noun(k - 1)
            && doc.is(k, "counted_pp")
            && doc.upos.get(k + 1) == Some(&"DET")
        {
            limit += 4;
            k += 2;
            continue;
        }
        // "200 residents of two nearby villages were evacuated": an "of" phrase after the
        // counted noun, a number in it included, is stepped over.
        if w == "of" && k > n.t1 + 1 && doc.is_noun(k - 1) {
            limit += 3;
            if doc.upos.get(k + 1) == Some(&"NUM") {
                k += 2;
                continue;
            }
        }
        let up = doc.upos[k];
        // ("more than 40 of the party's members had been arrested"; a participle before the
        // counted noun is its adjective: "two suspected gang members were killed")
        let participle = doc.xpos[k] == "VBN"
            && k == n.t1 + 1
            && doc.upos.get(k + 1).is_some_and(|u| matches!(*u, "NOUN" | "ADJ"));
        let filler = lex.is("count_filler", w)
            || matches!(up, "NOUN" | "PROPN" | "ADJ" | "AUX" | "ADV")
            || matches!(doc.xpos[k], "HYPH" | "POS")
            || participle;
        if !filler || doc.is_punct(k) {
            break;
        }
        k += 1;
    }
    // Just before it: "killing at least 12", "injuring some 40", "arrested the 12"; and before
    // the one named with them: "detained a port official and four other people".
    // One person named with a role noun before "and" is counted too: "detained the ferry's
    // captain and two crew members" (`persons.tsv`).
    let own_end = own_end.unwrap_or_else(|| group_end(doc, lex, n.t1, end));
    let behind = |tok, entry, before| Some(Cue { tok, entry, before, after, own_end });
    let mut k = n.t0;
    let mut steps = 0;
    let mut limit = 2;
    let mut named = None;
    while k > start && steps < limit {
        k -= 1;
        steps += 1;
        if let Some(c) = lex.counts.get(doc.words[k].as_ref()) {
            if c.side != Side::After {
                // The person named before "and" from the word on: "detained the ferry's
                // captain and two crew members".
                let before = named.map(|h: usize| {
                    let t0 = one_person_ending_at(doc, lex, h, start).filter(|&t| t > k).unwrap_or(k + 1);
                    Group::one(t0, h)
                });
                return behind(k, c, before);
            }
        }
        if steps == 1 && doc.words[k] == "and" {
            if others {
                limit = 6;
                continue;
            }
            if k > start && person_head(doc, lex, k - 1) {
                limit = 6;
                named = Some(k - 1);
                continue;
            }
        }
        // "was detained on Jan. 21 with at least 30 other supporters": a time between the verb
        // and "with" is stepped over.
        if others && steps == 1 && doc.words[k] == "with" {
            limit = 8;
            continue;
        }
        let np = limit > 2 && (matches!(doc.upos[k], "NOUN" | "PROPN" | "ADJ") || doc.xpos[k] == "POS");
        let time = limit > 2 && (doc.in_timex(doc.tok(k)) || doc.words[k] == "on");
        if !(np || time || doc.upos[k] == "DET" || matches!(doc.words[k].as_ref(), "of" | "to" | "at")) {
            break;
        }
    }
    // A death toll that rose to it: "the death toll from …, rose to 31".
    let toll_verb = (n.t0.saturating_sub(2).max(start)..n.t0).any(|j| doc.is(j, "toll_verb"));
    if toll_verb {
        let mut k = n.t0;
        while k > start {
            k -= 1;
            if doc.upos[k] == "NUM" && doc.words[k].as_bytes().first().is_some_and(u8::is_ascii_digit) {
                break;
            }
            if doc.words[k] == "toll" {
                if let Some(c) = lex.counts.get("toll") {
                    return behind(k, c, None);
                }
            }
            // "the number of people killed by … rose to 11", "the number of dead reached 40",
            // "the number of people who have died after … rose to 31" (a relative clause's
            // pronoun and auxiliary between).
            if let Some(c) = lex.counts.get(doc.words[k].as_ref()).filter(|c| c.side != Side::Before) {
                let relative = (k.saturating_sub(3).max(start)..k)
                    .any(|j| matches!(doc.words[j].as_ref(), "who" | "that"));
                let reach = if relative { 5 } else { 3 };
                if (k.saturating_sub(reach).max(start)..k).any(|j| doc.is(j, "tally")) {
                    return behind(k, c, None);
                }
            }
        }
    }
    None
}

/// Place of each event; returns the entity mentions used as places.
fn places(doc: &Doc, lex: &Lexicon, ms: &[Mention], evs: &[Ev], out: &mut [EventHit]) -> Vec<Span> {
    let mut used = Vec::new();
    for (ei, e) in evs.iter().enumerate() {
        // The body's place over the headline's: a headline's capitalised words run together.
        let mut best: Option<((bool, u8), Span, Option<usize>)> = None;
        for &mi in &e.mentions {
            let m = &ms[mi];
            if let Some((rank, span, ent)) = place_near(doc, lex, m) {
                let rank = (m.sent >= doc.headline_sents, rank);
                if best.is_none_or(|(r, _, _)| rank > r) {
                    best = Some((rank, span, ent));
                }
            }
        }
        if let Some((_, span, entity)) = best {
            used.push(span);
            out[ei].location = Some(Location { entity, span });
        }
    }
    used
}

/// Specificity of a place: a named facility or site 4, one described 3 ("the main prison"), a
/// named area or a facility told indefinitely 2, a country or city 1.
fn place_near(doc: &Doc, lex: &Lexicon, m: &Mention) -> Option<(u8, Span, Option<usize>)> {
    let r = doc.sent_toks.get(m.sent)?.clone();
    let adjacent = lex.types.get(&m.ty).is_some_and(|t| t.adjacent_place);
    let mut best: Option<(u8, usize, Span, Option<usize>)> = None; // rank, distance, span, entity
    let mut consider = |rank: u8, span: Span, entity: Option<usize>| {
        if doc.region(m.sent, span) != m.region || overlaps(span, m.span) {
            return;
        }
        if adjacent && !(span.start >= m.span.end && doc.tok_at(span.start) <= m.t1 + 3) {
            return;
        }
        let dist = if span.start >= m.span.end {
            span.start - m.span.end
        } else {
            m.span.start.saturating_sub(span.end)
        };
        if best.is_none_or(|(r, d, _, _)| rank > r || (rank == r && dist < d)) {
            best = Some((rank, dist, span, entity));
        }
    };
    let entity_rank = |e: &crate::EntityRef| -> Option<u8> {
        match e.kind {
            Some("FAC") => Some(4),
            Some("LOC") => Some(2),
            Some("GPE") => Some(1),
            None if e.label == crate::EntityLabel::Loc => Some(1),
            _ => None,
        }
    };
    let ent_at = |span: Span| -> Option<&crate::EntityRef> {
        let near = doc.ents_near(span.start, span.end);
        near.iter()
            .find(|e| e.span.contains(&span))
            .or_else(|| near.iter().find(|e| span.contains(&e.span) && e.span.end == span.end))
    };
    // "at / in / near X", and what a visit's verb visits ("toured the site", "visited Quetta").
    let visited = (!m.noun && doc.is(m.t0, "visit")).then_some(m.t1);
    for p in r.clone() {
        if !doc.is(p, "locative") && visited != Some(p) {
            continue;
        }
        let mut k = p + 1;
        let mut indefinite = false;
        while k < r.end && (doc.is(k, "definite") || doc.is(k, "indefinite")) {
            indefinite |= doc.is(k, "indefinite");
            k += 1;
        }
        let np0 = k;
        // The phrase stops at a happening's word ("in Constanța port blast rises").
        loop {
            while k < r.end
                && (matches!(doc.upos[k], "PROPN" | "NOUN" | "ADJ" | "NUM") || doc.xpos[k] == "HYPH")
                && !doc.in_timex(doc.tok(k))
                && (k == np0 || doc.bits.get(k).is_none_or(|b| b & crate::lexicon::TRIGGER == 0))
            {
                k += 1;
            }
            // A named place's part: "in Sri Lanka's Ratnapura district", "Cambodia's Stung
            // Treng province" (the possessor alone says less).
            let possessor = k > np0 && (np0..k).all(|j| doc.upos[j] == "PROPN" || doc.capitalized(j));
            if possessor
                && k + 1 < r.end
                && doc.xpos[k] == "POS"
                && matches!(doc.upos[k + 1], "PROPN" | "ADJ")
            {
                k += 1;
                continue;
            }
            break;
        }
        // Drop trailing adjectives (a place word tagged as one stays).
        while k > np0 && doc.upos[k - 1] == "ADJ" && !doc.is(k - 1, "place_head") {
            k -= 1;
        }
        if k == np0 {
            continue;
        }
        // "the town of Mora", "the island of Geomun-do": the name after "of" is the place's.
        let mut of_name = false;
        if k + 1 < r.end && doc.words[k] == "of" && doc.is(k - 1, "named_place") {
            let mut j = k + 1;
            while j < r.end && (doc.upos[j] == "PROPN" || doc.capitalized(j)) {
                j += 1;
                // A hyphenated name, split by the segmenter: "Geomun - do".
                if j + 1 < r.end && doc.xpos[j] == "HYPH" {
                    j += 2;
                }
            }
            if j > k + 1 {
                k = j;
                of_name = true;
            }
        }
        let span = Span::new(doc.tok(np0).start, doc.tok(k - 1).end);
        let head = doc.words[k - 1].as_ref();
        let named = (np0..k).any(|j| doc.upos[j] == "PROPN" || doc.capitalized(j));
        let ent = ent_at(span);
        let rank = if of_name {
            // A named settlement: more than a region, less than a facility in it.
            Some(2)
        } else if lex.is("place_head", head)
            // What a visit visits may be a bare place noun: "toured the site".
            && (named || k - np0 > 1 || visited == Some(p))
        {
            // "at a concert hall" says less than the name the text gives it, and so does "at
            // the main prison" than "the Esmeraldas Regional Detention Centre".
            Some(if named {
                4
            } else if indefinite {
                2
            } else {
                3
            })
        } else if let Some(e) = ent {
            entity_rank(e)
        } else if named {
            Some(1)
        } else {
            None
        };
        if let Some(rank) = rank {
            let entity = ent.filter(|e| e.span.contains(&span) || e.span == span).map(|e| e.entity);
            consider(rank, span, entity);
        }
    }
    // Facilities anywhere in the clause ("stormed Crocus City Hall").
    let (s0, s1) = (doc.tok(r.start).start, doc.tok(r.end.saturating_sub(1).max(r.start)).end);
    for e in doc.ents_near(s0, s1) {
        if e.kind == Some("FAC") && s0 <= e.span.start && e.span.end <= s1 {
            consider(4, e.span, Some(e.entity));
        }
    }
    best.map(|(rank, _, span, entity)| (rank, span, entity))
}

fn participants(doc: &Doc, ms: &[Mention], evs: &[Ev], used: &[Span], out: &mut [EventHit]) {
    let input = doc.input;
    let free = |e: &crate::EntityRef| !used.iter().any(|u| overlaps(*u, e.span));
    for (ei, e) in evs.iter().enumerate() {
        let mut found: Vec<Participant> = Vec::new();
        let mut add = |p: Participant| {
            if !found.iter().any(|q| {
                q.role == p.role && (q.span == p.span || (q.entity.is_some() && q.entity == p.entity))
            }) {
                found.push(p);
            }
        };
        // The source of the attribution the event is.
        if let Some(a) = e.attribution.and_then(|a| input.attributions.get(a)) {
            if out[ei].kind != crate::EventType::Report {
                if let Some(src) = a.source_resolved.or(a.source) {
                    let ent = doc
                        .ents_near(src.start, src.end)
                        .iter()
                        .filter(|x| src.contains(&x.span))
                        .max_by_key(|x| x.span.end);
                    let (span, entity) = match ent {
                        Some(x) => (x.span, Some(x.entity)),
                        None => (src, None),
                    };
                    if span.end <= doc.text().len() {
                        add(Participant { role: Role::Agent, entity, span });
                    }
                }
            }
        }
        for &mi in &e.mentions {
            let m = &ms[mi];
            let Some(r) = doc.sent_toks.get(m.sent) else { continue };
            let passive = (m.t0.saturating_sub(2).max(r.start)..m.t0).any(|j| doc.is(j, "passive"));
            let victim = matches!(m.ty, EventType::Death | EventType::Injury);
            let object_role = match m.ty {
                EventType::Warning | EventType::Statement => Role::Recipient,
                EventType::Death | EventType::Injury => Role::Victim,
                _ => Role::Target,
            };
            if !m.noun && m.attribution.is_none() {
                // The entity just before the verb: the agent (the patient when passive).
                let lo = doc.tok(m.t0.saturating_sub(6).max(r.start)).start;
                let left = doc
                    .ents_near(lo, m.span.start)
                    .iter()
                    .filter(|x| x.span.end <= m.span.start && x.span.start >= lo && free(x))
                    .max_by_key(|x| x.span.end);
                if let Some(x) = left {
                    let between = doc.tok_at(x.span.end)..m.t0;
                    let clean = between.clone().all(|j| !doc.is_punct(j) && doc.upos[j] != "VERB");
                    if clean {
                        let role = if passive {
                            if victim {
                                Role::Victim
                            } else {
                                Role::Target
                            }
                        } else {
                            Role::Agent
                        };
                        add(Participant { role, entity: Some(x.entity), span: x.span });
                    }
                }
            }
            // The entity right after: object of a verb, "on / against / of X" after a noun.
            let mut k = m.t1 + 1;
            if m.noun {
                if k < r.end && matches!(doc.words[k].as_ref(), "on" | "against" | "of") {
                    k += 1;
                } else {
                    continue;
                }
            }
            if k < r.end && doc.is(k, "definite") {
                k += 1;
            }
            if k >= r.end {
                continue;
            }
            let at = doc.tok(k).start;
            if let Some(x) = doc.ents_near(at, at + 1).iter().find(|x| x.span.start == at && free(x)) {
                let role = if passive && !m.noun { Role::Agent } else { object_role };
                if !(passive && !m.noun && doc.words[m.t1 + 1] != "by") {
                    add(Participant { role, entity: Some(x.entity), span: x.span });
                }
            }
        }
        out[ei].participants = found;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prepare::prepare;
    use crate::EventExtractor;

    fn events(text: &str) -> Vec<EventHit> {
        let p = prepare(text, chrono::NaiveDate::from_ymd_opt(2025, 6, 14));
        let ents = p.entity_refs();
        EventExtractor::global().extract(&p.input(text, &ents))
    }

    /// (what, value, qualifier, max) of the counts of the first event.
    fn counts_of(text: &str) -> Vec<(String, u64, &'static str, Option<u64>)> {
        let ev = events(text);
        ev.iter()
            .flat_map(|e| e.counts.iter().map(|c| (c.what.clone(), c.value, c.qualifier.as_str(), c.max)))
            .collect()
    }

    #[test]
    fn data_files_parse() {
        crate::check_data().unwrap();
    }

    /// A light document's lowercased words, made once per sentence, are the full document's
    /// and [`Doc::word`]'s, token for token.
    #[test]
    fn light_document_sentence_words_match_the_full_ones() {
        let text =
            "Rescuers in ÉLAN Valley said the TOLL rose to 12 on Monday. Officials’ update came later.";
        let p = prepare(text, chrono::NaiveDate::from_ymd_opt(2025, 6, 14));
        let ents = p.entity_refs();
        let input = p.input(text, &ents);
        let (full, light) = (Doc::new(&input), Doc::light(&input));
        assert!(light.words.is_empty() && !full.words.is_empty());
        assert_eq!(full.sent_toks.len(), 2);
        let mut all = Vec::new();
        for si in (0..full.sent_toks.len()).rev() {
            let words = light.sentence_words(si).expect("a sentence");
            assert_eq!(words, full.sentence_words(si).expect("a sentence"));
            assert_eq!(words, &full.words[full.sent_toks[si].clone()]);
            for (w, k) in words.iter().zip(light.sent_toks[si].clone()) {
                assert_eq!(Some(w.clone()), light.word(k));
            }
            all.extend(words.iter().cloned());
        }
        assert!(light.sentence_words(2).is_none());
        assert!(all.iter().any(|w| w == "élan") && all.iter().any(|w| w == "toll"));
    }

    #[test]
    fn digits_with_thousands_separators() {
        assert_eq!(digits("143"), Some(143));
        assert_eq!(digits("1,200"), Some(1200));
        assert_eq!(digits("12,00"), None);
        assert_eq!(digits("1,2000"), None);
        assert_eq!(digits("4+"), None);
        assert_eq!(digits(""), None);
    }

    #[test]
    fn a_day_unknown_value_is_no_finer() {
        assert!(unknown_day("2025-06-XX"));
        assert!(unknown_day("2025-06-XXTNI"));
        assert!(!unknown_day("2025-06-12TNI"));
        assert!(!unknown_day("2025-06"));
    }

    #[test]
    fn dated_values() {
        assert_eq!(dated("2025-06-10TMO", Relation::On), ("2025-06-10".to_owned(), Relation::On));
        assert_eq!(dated("2024-03", Relation::On), ("2024-03".to_owned(), Relation::During));
        assert_eq!(dated("2025-W17", Relation::On), ("2025-W17".to_owned(), Relation::During));
        assert_eq!(dated("2024-03", Relation::Before), ("2024-03".to_owned(), Relation::Before));
    }

    #[test]
    fn qualifiers_follow_the_conventions() {
        let k = |t: &str| counts_of(t).into_iter().next().map(|c| (c.0, c.1, c.2, c.3));
        let killed = |v, q| Some(("killed".to_owned(), v, q, None));
        assert_eq!(k("At least 12 people were killed in the attack on Monday."), killed(12, "at_least"));
        assert_eq!(k("More than 12 people were killed in the bombing."), killed(13, "at_least"));
        assert_eq!(k("More than a dozen people were killed in the shooting."), killed(13, "at_least"));
        assert_eq!(k("Fewer than 20 people were killed in the attack."), killed(19, "at_most"));
        assert_eq!(k("Nearly 40 people were killed in the blaze."), killed(40, "at_most"));
        assert_eq!(k("Up to 12 people were killed in the explosion."), killed(12, "at_most"));
        assert_eq!(k("About 30 people were killed in the attack."), killed(30, "about"));
        assert_eq!(k("Dozens of people were killed in the attack."), killed(24, "about"));
        assert_eq!(k("Twenty-five people were killed in the attack."), killed(25, "exact"));
        assert_eq!(k("A dozen people were killed in the attack."), killed(12, "exact"));
        assert_eq!(
            k("Between 10 and 20 people were killed in the attack."),
            Some(("killed".to_owned(), 10, "range", Some(20)))
        );
    }

    #[test]
    fn verbs_before_the_number_and_tolls() {
        let c =
            counts_of("Gunmen attacked the village on Monday, killing at least 9 people and wounding 30.");
        assert!(c.contains(&("killed".to_owned(), 9, "at_least", None)), "{c:?}");
        assert!(c.contains(&("injured".to_owned(), 30, "exact", None)), "{c:?}");
        let c = counts_of(
            "Twelve people were killed in the fire on Monday. By Wednesday the death toll had risen to 19.",
        );
        assert_eq!(c, vec![("killed".to_owned(), 19, "exact", None)]);
    }

    #[test]
    fn a_toll_told_rising_from_a_figure_keeps_the_later_one() {
        // The toll rose from the figure, with no new one: the lead's 23 stays.
        let lead = "Floods swept through the valley, killing at least 23 people, officials said on Friday.";
        for rise in [
            "The toll, which stood at 15 on Thursday evening, rose after divers reached the flooded mine.",
            "The toll of 15 given on Thursday climbed as rescuers searched the riverbanks.",
        ] {
            let c = counts_of(&format!("{lead} {rise}"));
            assert_eq!(c, vec![("killed".to_owned(), 23, "at_least", None)], "{rise:?}");
        }
        // A figure the toll rose from is no update, also when the rise gives a new one.
        let c = counts_of(&format!("{lead} The toll, which stood at 20 on Friday, rose to 31 on Saturday."));
        assert!(!c.iter().any(|c| c.1 == 20), "{c:?}");
        // A rise to a figure after it still updates the count.
        let c = counts_of(&format!("{lead} By Sunday the death toll had risen to 31."));
        assert_eq!(c, vec![("killed".to_owned(), 31, "exact", None)]);
    }

    #[test]
    fn a_round_word_yields_to_a_later_figure_but_not_to_a_part() {
        let c = counts_of(
            "A barge sank on the river on Monday and dozens of people were missing. \
             Between 25 and 35 people are still missing, the coast guard said.",
        );
        assert_eq!(c, vec![("missing".to_owned(), 25, "range", Some(35))]);
        let c = counts_of(
            "Gunmen attacked a market on Monday. Scores of people were wounded. \
             Medics flew nine of the wounded to the capital.",
        );
        assert!(c.contains(&("injured".to_owned(), 40, "about", None)), "{c:?}");
        // A figure given first is not replaced by a restatement.
        let c = counts_of(
            "Gunmen attacked a market on Monday, wounding 14 people. Dozens were wounded, a witness said.",
        );
        assert!(c.contains(&("injured".to_owned(), 14, "exact", None)), "{c:?}");
    }

    #[test]
    fn narration_dates_the_arrests_of_the_next_sentence() {
        let day = |text: &str, kind: EventType| {
            events(text).into_iter().find(|e| e.kind == kind).and_then(|e| e.time).and_then(|t| t.value)
        };
        let told = "On Tuesday, about 2,000 farmers marched to the ministry in the capital. \
                    Fourteen people were arrested, police said.";
        assert_eq!(day(told, EventType::Arrest).as_deref(), Some("2025-06-10"));
        // A new paragraph, or a sentence with a time of its own, is not carried on.
        let para = "On Tuesday, about 2,000 farmers marched to the ministry in the capital.\n\n\
                    Fourteen people were arrested, police said.";
        assert_eq!(day(para, EventType::Arrest), None);
        let own = "On Tuesday, about 2,000 farmers marched to the ministry in the capital. \
                   Fourteen people were arrested last year, police said.";
        assert_ne!(day(own, EventType::Arrest).as_deref(), Some("2025-06-10"));
    }

    #[test]
    fn money_percent_and_dates_are_no_counts() {
        let c =
            counts_of("The attack on Monday caused $12 million in damage and killed 5% of the herd in 2024.");
        assert!(c.iter().all(|k| k.1 != 12 && k.1 != 5 && k.1 != 2024), "{c:?}");
    }

    #[test]
    fn measures_joined_to_their_unit_are_no_counts() {
        let c = counts_of("A 19-year-old student died after the attack on the five-storey block on Monday.");
        assert!(c.is_empty(), "{c:?}");
        // The boy is one more killed (a summed count), his age no figure.
        let c = counts_of("The blast killed 7 people and a 12-year-old boy on Monday.");
        assert_eq!(c, vec![("killed".to_owned(), 8, "exact", None)]);
    }

    #[test]
    fn fire_as_blaze_as_attack_and_as_dismissal() {
        let kinds = |t: &str| events(t).iter().map(|e| e.kind.as_str()).collect::<Vec<_>>();
        assert_eq!(kinds("A fire destroyed the warehouse on Tuesday."), ["disaster"]);
        assert_eq!(kinds("Gunmen opened fire on the crowd on Tuesday."), ["attack"]);
        assert!(kinds("The board fired the manager on Tuesday.").is_empty());
        assert!(kinds("The fire chief spoke to reporters.").is_empty());
    }

    #[test]
    fn no_election_in_its_officials_and_no_disaster_in_a_fallen_coalition() {
        let kinds = |t: &str| events(t).iter().map(|e| e.kind.as_str()).collect::<Vec<_>>();
        assert!(kinds("Two election officials carried the ballot boxes to the hall.").is_empty());
        assert!(kinds("His coalition collapsed in August over fishing quotas.").is_empty());
        assert_eq!(kinds("The roof of the hall collapsed in August."), ["disaster"]);
        let ev = events("Voters backed the party in the election on Saturday. Turnout was lower than at the last election in 2019.");
        assert_eq!(ev.iter().filter(|e| e.kind == EventType::Election).count(), 2, "{ev:?}");
    }

    #[test]
    fn rare_verbs_of_accidents_are_triggers_whatever_their_tag() {
        let kinds = |t: &str| events(t).iter().map(|e| e.kind.as_str()).collect::<Vec<_>>();
        assert_eq!(kinds("A freight train derailed near Varna on Tuesday."), ["disaster"]);
        assert_eq!(kinds("A fishing boat capsized off Varna late on Saturday."), ["disaster"]);
        assert_eq!(kinds("Twelve wagons left the tracks on a curve on Tuesday."), ["disaster"]);
    }

    #[test]
    fn casualties_join_the_attack_next_to_them() {
        let ev = events("A gunman attacked a school in Tarm on Monday. Four pupils died.");
        assert_eq!(ev.len(), 1, "{ev:?}");
        assert_eq!(ev[0].kind, EventType::Attack);
        assert_eq!(ev[0].mentions.len(), 2);
        // With no attack or disaster near, a death is an event of its own.
        let ev = events("The former minister died in custody on Monday.");
        assert_eq!(ev.iter().map(|e| e.kind).collect::<Vec<_>>(), [EventType::Death]);
    }

    #[test]
    fn another_attack_is_another_event() {
        let ev = events("A bomb exploded at the market on Monday. Another attack hit the port on Friday.");
        assert_eq!(ev.iter().filter(|e| e.kind == EventType::Attack).count(), 2, "{ev:?}");
        let ev = events("A bomb exploded at the market on Monday. The attack was the worst in years.");
        assert_eq!(ev.iter().filter(|e| e.kind == EventType::Attack).count(), 1, "{ev:?}");
    }
}
