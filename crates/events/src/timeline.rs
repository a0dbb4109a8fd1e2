//! The timeline: events with a date and attributions with a time of their own, in order.

use dossier_attribution::AttributionHit;
use dossier_doc::Span;

use crate::extract::{
    assign_times, calendar, cue_before_time, datable, dated, relation_of, same_day_date, Doc, Taker,
};
use crate::lexicon::Lexicon;
use crate::{EventHit, EventInput, EventType, Qualifier, Relation, TimelineItem};

pub(crate) fn build(input: &EventInput, events: &[EventHit], lex: &Lexicon) -> Vec<TimelineItem> {
    let text = input.text;
    let fits = |s: Span| s.start <= s.end && s.end <= text.len();
    let mut items: Vec<(usize, TimelineItem)> = Vec::new();
    for (ei, e) in events.iter().enumerate() {
        let Some(t) = &e.time else { continue };
        let Some(value) = t.value.as_ref().filter(|v| calendar(v)) else { continue };
        items.push((
            e.trigger.start,
            TimelineItem {
                value: value.clone(),
                relation: t.relation,
                event: Some(ei),
                attribution: e.attribution,
                summary: event_summary(input, e, lex),
            },
        ));
    }
    // Attributions that are no event: the time of their own clause.
    let mut linked = vec![false; input.attributions.len()];
    for a in events.iter().filter_map(|e| e.attribution) {
        if let Some(l) = linked.get_mut(a) {
            *l = true;
        }
    }
    let mut spans: Vec<Span> = events.iter().flat_map(|e| e.mentions.iter().copied()).collect();
    spans.sort_by_key(|s| s.start);
    let on_mention = |s: Span| {
        let b = spans.partition_point(|m| m.start < s.end);
        spans[..b].iter().rev().take(4).any(|m| overlap(*m, s))
    };
    let pending: Vec<usize> = (0..input.attributions.len())
        .filter(|&ai| {
            let a = &input.attributions[ai];
            !linked[ai] && fits(a.cue) && !on_mention(a.cue)
        })
        .collect();
    if !pending.is_empty()
        && !input.seg.tokens.is_empty()
        && input.timexes.iter().any(|t| datable(input.text, t))
    {
        let doc = Doc::light(input);
        let mut takers = Vec::new();
        for e in events {
            for &m in &e.mentions {
                if let (true, Some(si)) = (fits(m), doc.sentence_of(m.start)) {
                    takers.push(Taker { span: m, sent: si, region: doc.region(si, m), weak: false });
                }
            }
        }
        let first_cue = takers.len();
        let mut cue_of = Vec::new();
        for &ai in &pending {
            let cue = cue_before_time(&doc, input.attributions[ai].cue);
            if let Some(si) = doc.sentence_of(cue.start) {
                takers.push(Taker { span: cue, sent: si, region: doc.region(si, cue), weak: false });
                cue_of.push(ai);
            }
        }
        // Anchors a cue's time may name: the events' mentions, and the court rulings the text
        // dates ("said hours after the verdict").
        let mut named = spans.clone();
        named.extend(
            input
                .timexes
                .iter()
                .filter_map(|t| t.anchor)
                .filter(|&a| fits(a) && ruling_date(&doc, lex, a).is_some()),
        );
        named.sort_by_key(|s| s.start);
        let times = assign_times(&doc, &takers, &named);
        for (k, &ai) in cue_of.iter().enumerate() {
            // A participial cue ("…, saying …") shares the time of the clause it hangs on.
            let participle = || {
                let a = &input.attributions[ai];
                let cue = text.get(a.cue.range()).unwrap_or("");
                if !cue.ends_with("ing") {
                    return None;
                }
                let tk = takers[first_cue + k];
                doc.timexes_in(tk.sent).find(|&ti| {
                    let t = &input.timexes[ti];
                    let inside = a.content.iter().any(|c| c.contains(&t.span));
                    datable(text, t)
                        && !inside
                        && t.span.end <= a.cue.start
                        && doc.region(tk.sent, t.span) == tk.region
                })
            };
            if let Some((value, relation)) = said_afterwards(&doc, lex, events, input.attributions[ai].cue) {
                items.push(attr_item(input, lex, ai, value, relation));
                continue;
            }
            let Some(ti) = times[first_cue + k].or_else(participle) else {
                // "the ministry said the same day": the date told just before.
                let tk = takers[first_cue + k];
                if let Some(value) = same_day_date(&doc, lex, tk.sent, input.attributions[ai].cue) {
                    items.push(attr_item(input, lex, ai, value, Relation::On));
                } else if let Some((value, relation)) =
                    statement_date(&doc, events, tk.sent, input.attributions[ai].cue)
                {
                    items.push(attr_item(input, lex, ai, value, relation));
                } else if let Some((value, relation)) =
                    placed_cue(&doc, lex, events, input.attributions[ai].cue)
                {
                    items.push(attr_item(input, lex, ai, value, relation));
                } else if let Some((value, relation)) =
                    toll_date(&doc, lex, tk.sent, tk.region, &input.attributions[ai].content)
                {
                    items.push(attr_item(input, lex, ai, value, relation));
                }
                continue;
            };
            let t = &input.timexes[ti];
            let relation = relation_of(&doc, lex, t);
            let (value, relation) = match t.anchor {
                None => {
                    let (v, r) = dated(&t.value, relation);
                    (Some(v), r)
                }
                Some(anchor) => {
                    (anchored_value(events, anchor).or_else(|| ruling_date(&doc, lex, anchor)), relation)
                }
            };
            let Some(value) = value.filter(|v| calendar(v)) else { continue };
            items.push(attr_item(input, lex, ai, value, relation));
        }
    }
    continuations(input, lex, &mut items);
    items.sort_by(|(pa, a), (pb, b)| {
        a.value.cmp(&b.value).then(a.relation.rank().cmp(&b.relation.rank())).then(pa.cmp(pb))
    });
    items.into_iter().map(|(_, i)| i).collect()
}

/// "In a statement on Sunday, the spokesman said …": a cue with no time of its own after a
/// dated statement (or report) of its own sentence speaks at that statement's date.
fn statement_date(doc: &Doc, events: &[EventHit], sent: usize, cue: Span) -> Option<(String, Relation)> {
    events
        .iter()
        .filter(|e| matches!(e.kind, EventType::Statement | EventType::Report))
        .filter(|e| e.mentions.iter().any(|m| m.end <= cue.start && doc.sentence_of(m.start) == Some(sent)))
        .find_map(|e| {
            let t = e.time.as_ref()?;
            let v = t.value.as_ref().filter(|v| calendar(v))?;
            Some((v.clone(), t.relation))
        })
}

/// "met the commanders on Tuesday and said afterwards that …", "… on Wednesday. She said
/// afterwards …": a cue with an `afterwards` word (`words.tsv`) at its end, right after it or
/// right before it is `after` the date of the nearest dated happening told before it, in its
/// sentence or the one before.
fn said_afterwards(doc: &Doc, lex: &Lexicon, events: &[EventHit], cue: Span) -> Option<(String, Relation)> {
    let n = doc.input.seg.tokens.len();
    let (first, after) = (doc.tok_at(cue.start), doc.tok_at(cue.end));
    let marked = [after.checked_sub(1), Some(after), first.checked_sub(1)]
        .into_iter()
        .flatten()
        .filter(|&k| k < n)
        .any(|k| doc.word(k).is_some_and(|w| lex.is("afterwards", &w)));
    if !marked {
        return None;
    }
    let sent = doc.sentence_of(cue.start)?;
    let lo = doc.input.seg.sentences.get(sent.saturating_sub(1))?.start;
    events
        .iter()
        .filter_map(|e| {
            let t = e.time.as_ref().filter(|t| matches!(t.relation, Relation::On | Relation::During))?;
            let v = t.value.as_deref().filter(|v| calendar(v))?;
            let m =
                e.mentions.iter().filter(|m| m.start >= lo && m.end <= cue.start).map(|m| m.start).max()?;
            Some((m, v.split('T').next().unwrap_or(v).to_owned()))
        })
        .max_by_key(|(m, _)| *m)
        .map(|(_, v)| (v, Relation::After))
}

/// Words from a toll verb to the date of its update ("rose to forty-two on Thursday").
const TOLL_DATE_WORDS: usize = 6;

/// "The number of people killed … rose to 42 on Thursday, the agency said": a cue with no time of
/// its own in a sentence that updates a toll (a toll or tally word, and a toll verb with its new
/// figure right before a date of the cue's region or of its own content, or right after it with
/// the toll next: "on Monday revised the toll") speaks on the date of the update.
fn toll_date(
    doc: &Doc,
    lex: &Lexicon,
    sent: usize,
    region: usize,
    content: &[Span],
) -> Option<(String, Relation)> {
    let text = doc.text();
    let toks = doc.input.seg.sentence_tokens.get(sent)?.clone();
    // The sentence's lowercased words ("" past the last token: `sentence_words` reads the
    // range clamped to the tokens).
    let lower = doc.sentence_words(sent)?;
    let words: Vec<&str> = (0..toks.len()).map(|k| lower.get(k).map_or("", |w| w.as_ref())).collect();
    if !words.iter().any(|w| w.contains("toll") || lex.is("tally", w)) {
        return None;
    }
    let verb = |k: usize| {
        words.get(k - toks.start).is_some_and(|&w| !matches!(w, "to" | "at") && lex.is("toll_verb", w))
    };
    doc.timexes_in(sent).find_map(|ti| {
        let t = &doc.input.timexes[ti];
        let own = doc.region(sent, t.span) == region || content.iter().any(|c| c.contains(&t.span));
        if t.anchor.is_some() || !datable(text, t) || !own {
            return None;
        }
        let (a, b) = (doc.tok_at(t.span.start), doc.tok_at(t.span.end));
        let word = |k: usize| words.get(k - toks.start).copied();
        // "rose to 31 on Monday" (the new figure between), "on Monday revised the toll".
        let lo = a.saturating_sub(TOLL_DATE_WORDS).max(toks.start);
        let near = (lo..a).any(|k| verb(k) && (k + 1..a).any(|j| matches!(word(j), Some("to" | "at"))))
            || (b < toks.end
                && verb(b)
                && (b + 1..(b + TOLL_DATE_WORDS).min(toks.end))
                    .any(|j| word(j).is_some_and(|w| w.contains("toll") || lex.is("tally", w))));
        near.then(|| dated(&t.value, relation_of(doc, lex, t)))
    })
}

/// Words after a cue within which a placing word may stand ("told reporters after the walkout").
const PLACED_CUE_WORDS: usize = 3;

/// "Phouvong told reporters after the walkout that …": a cue with no time of its own placed by
/// a phrase naming a dated happening (`words.tsv` `placing_after` / `placing_before`) is
/// `after` / `before` its date.
fn placed_cue(doc: &Doc, lex: &Lexicon, events: &[EventHit], cue: Span) -> Option<(String, Relation)> {
    let toks = &doc.input.seg.tokens;
    let first = doc.tok_at(cue.end);
    for k in first..(first + PLACED_CUE_WORDS).min(toks.len()) {
        let w = doc.word(k)?;
        if w.chars().all(|c| c.is_ascii_punctuation()) {
            return None;
        }
        let Some(relation) = crate::lexicon::placing(lex.bits(&w)) else { continue };
        // The named happening: a mention starting within three words.
        let (lo, hi) = (toks[k].span.end, toks[(k + 3).min(toks.len() - 1)].span.end);
        let e = events.iter().find(|e| e.mentions.iter().any(|m| lo <= m.start && m.start < hi))?;
        let t = e.time.as_ref().filter(|t| matches!(t.relation, Relation::On | Relation::During))?;
        return Some((t.value.clone().filter(|v| calendar(v))?, relation));
    }
    None
}

/// "…, she said on Monday. She added that …": a continuation cue with no time of its own
/// shares the time of the dated statement it continues — the speaker's previous attribution,
/// within [`CONTINUATION_SENTENCES`] sentences; any other cue of the same speaker does so in
/// the next sentence ("She said …"). A cue with a `habitual` word (`words.tsv`: "has
/// repeatedly said") in it or right before or after it continues nothing.
fn continuations(input: &EventInput, lex: &Lexicon, items: &mut Vec<(usize, TimelineItem)>) {
    let text = input.text;
    let attrs = input.attributions;
    let mut timed: Vec<Option<(String, Relation)>> = vec![None; attrs.len()];
    for (_, it) in items.iter() {
        if let Some(t) = it.attribution.and_then(|a| timed.get_mut(a)) {
            *t = Some((it.value.clone(), it.relation));
        }
    }
    let speaker = |a: &AttributionHit| {
        a.source_resolved.or(a.source).and_then(|s| text.get(s.range())).map(|s| {
            s.split_whitespace()
                .last()
                .unwrap_or("")
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
    };
    let sentence_of = |b: usize| input.seg.sentences.partition_point(|s| s.end <= b);
    let mut order: Vec<usize> = (0..attrs.len()).collect();
    order.sort_by_key(|&i| attrs[i].cue.start);
    for (k, &ai) in order.iter().enumerate() {
        let a = &attrs[ai];
        if timed[ai].is_some() || a.parent.is_some() {
            continue;
        }
        let cue = text.get(a.cue.range()).unwrap_or("");
        let continues =
            cue.split_whitespace().next().is_some_and(|w| lex.is("continuation", &w.to_lowercase()));
        // "has repeatedly said", "has said repeatedly": not said at one time with the other.
        let before = text.get(..a.cue.start).and_then(|r| r.split_whitespace().next_back()).unwrap_or("");
        let after = text.get(a.cue.end..).and_then(|r| r.split_whitespace().next()).unwrap_or("");
        if [before, cue, after]
            .iter()
            .flat_map(|s| s.split_whitespace())
            .any(|w| lex.is("habitual", &w.to_lowercase()))
        {
            continue;
        }
        // The statement continued: the previous top-level attribution.
        let Some(&pi) = order[..k].iter().rev().find(|&&p| attrs[p].parent.is_none()) else { continue };
        let p = &attrs[pi];
        let Some((value, relation)) = timed[pi].clone() else { continue };
        let who = speaker(a);
        if who.is_none() || who.as_deref() == Some("") || who != speaker(p) {
            continue;
        }
        // "She said …" (or "The minister said …") right after the speaker's dated statement
        // goes on with it: any cue of the same speaker in the next sentence.
        let reach = if continues { CONTINUATION_SENTENCES } else { 1 };
        if sentence_of(a.cue.start).saturating_sub(sentence_of(p.cue.start)) > reach {
            continue;
        }
        timed[ai] = Some((value.clone(), relation));
        items.push(attr_item(input, lex, ai, value, relation));
    }
}

/// The timeline item of attribution `ai`, keyed by its cue's start.
fn attr_item(
    input: &EventInput,
    lex: &Lexicon,
    ai: usize,
    value: String,
    relation: Relation,
) -> (usize, TimelineItem) {
    let a = &input.attributions[ai];
    let summary = attr_summary(input, a, lex);
    (a.cue.start, TimelineItem { value, relation, event: None, attribution: Some(ai), summary })
}

/// How far (in sentences) a continuation cue may be from the statement it continues.
const CONTINUATION_SENTENCES: usize = 3;

fn overlap(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// The date of the event an anchor phrase names ("the attack" in "days before the attack").
fn anchored_value(events: &[EventHit], anchor: Span) -> Option<String> {
    let e = events
        .iter()
        .find(|e| e.mentions.iter().any(|m| anchor.contains(m)))
        .or_else(|| events.iter().find(|e| e.mentions.iter().any(|m| overlap(*m, anchor))))?;
    let t = e.time.as_ref()?;
    matches!(t.relation, Relation::On | Relation::During).then(|| t.value.clone()).flatten()
}

/// "said hours after the verdict": a court's decision is no event, but the text dates it where
/// it tells it ("a court on Wednesday sentenced …"). When the anchor's last word is a ruling
/// (`words.tsv` `ruling`): the day nearest a ruling word outside the anchor, in the first
/// sentence up to the anchor that has both.
fn ruling_date(doc: &Doc, lex: &Lexicon, anchor: Span) -> Option<String> {
    let input = doc.input;
    let last = doc.tok_at(anchor.end).checked_sub(1)?;
    if !doc.word(last).is_some_and(|w| lex.is("ruling", &w)) {
        return None;
    }
    let upto = doc.sentence_of(anchor.start)?;
    for (si, sent) in input.seg.sentences.iter().enumerate().take(upto + 1) {
        let (lo, hi) = (doc.tok_at(sent.start), doc.tok_at(sent.end));
        let rulings: Vec<usize> = (lo..hi)
            .filter(|&k| {
                let at = input.seg.tokens[k].span;
                !overlap(at, anchor) && doc.word(k).is_some_and(|w| lex.is("ruling", &w))
            })
            .map(|k| input.seg.tokens[k].span.start)
            .collect();
        if rulings.is_empty() {
            continue;
        }
        let day = doc
            .timexes_in(si)
            .map(|ti| &input.timexes[ti])
            .filter(|t| t.anchor.is_none() && datable(input.text, t))
            .filter_map(|t| {
                let (v, r) = dated(&t.value, relation_of(doc, lex, t));
                let near = rulings.iter().map(|&r| r.abs_diff(t.span.start)).min()?;
                (r == Relation::On).then_some((near, v))
            })
            .min_by_key(|(near, _)| *near);
        if let Some((_, v)) = day {
            return Some(v);
        }
    }
    None
}

fn clip(text: &str, s: Span) -> &str {
    text.get(s.range()).unwrap_or("")
}

/// The first words of a span, without quotation marks.
fn snippet(text: &str, s: Span, words: usize) -> String {
    let t = clip(text, s)
        .trim_matches(|c: char| c.is_whitespace() || "\"'\u{201c}\u{201d}\u{2018}\u{2019},.".contains(c));
    let mut out: Vec<&str> = t.split_whitespace().take(words + 1).collect();
    let more = out.len() > words;
    out.truncate(words);
    let mut s = out.join(" ");
    if more {
        s.push('\u{2026}');
    }
    s
}

/// Who an attribution's source is, shortly: the last name in it, else its first words.
fn who(input: &EventInput, a: &AttributionHit) -> String {
    let Some(src) = a.source_resolved.or(a.source) else { return "unnamed source".into() };
    // Head-final: "the Russian security service" is not "Russian".
    let ends = src.head_ends(input.text);
    let name = input
        .entities
        .iter()
        .filter(|e| {
            src.contains(&e.span)
                && ends.contains(&e.span.end)
                && input.text.get(e.span.range()).is_some_and(|s| s.starts_with(char::is_uppercase))
        })
        .max_by_key(|e| e.span.end);
    match name {
        Some(e) => clip(input.text, e.span).to_owned(),
        None => snippet(input.text, src, 6),
    }
}

fn says(lex: &Lexicon, a: &AttributionHit) -> String {
    lex.stance_verbs.get(a.stance.as_str()).cloned().unwrap_or_else(|| "says".into())
}

fn attr_summary(input: &EventInput, a: &AttributionHit, lex: &Lexicon) -> String {
    let what = a.content.first().map(|c| snippet(input.text, *c, 10)).unwrap_or_default();
    if what.is_empty() {
        format!("{} {}", who(input, a), says(lex, a))
    } else {
        format!("{} {}: {}", who(input, a), says(lex, a), what)
    }
}

fn event_summary(input: &EventInput, e: &EventHit, lex: &Lexicon) -> String {
    let noun = lex.types.get(&e.kind).map_or(e.kind.as_str(), |t| t.summary.as_str());
    if let Some(a) = e.attribution.and_then(|a| input.attributions.get(a)) {
        if e.kind != EventType::Report {
            return attr_summary(input, a, lex);
        }
        let what = a.content.first().map(|c| snippet(input.text, *c, 10)).unwrap_or_default();
        return format!("{noun}: {what}");
    }
    let mut s = noun.to_owned();
    if let Some(l) = &e.location {
        s.push_str(" at ");
        s.push_str(clip(input.text, l.span));
    }
    let counts: Vec<String> = e
        .counts
        .iter()
        .map(|c| match (c.qualifier, c.max) {
            (Qualifier::Range, Some(max)) => format!("{}-{} {}", c.value, max, c.what),
            (Qualifier::Exact, _) => format!("{} {}", c.value, c.what),
            (q, _) => format!("{} {} {}", q.as_str().replace('_', " "), c.value, c.what),
        })
        .collect();
    if !counts.is_empty() {
        s.push_str(": ");
        s.push_str(&counts.join(", "));
    }
    if e.location.is_none() && counts.is_empty() && e.participants.is_empty() {
        // Nothing else says what happened: the words around the trigger do.
        let around = context(input, e.trigger, 5, 6);
        if !around.is_empty() {
            s.push_str(": ");
            s.push_str(&around);
        }
    }
    s
}

/// Up to `before` words before `span` and `after` words after it, within its sentence.
fn context(input: &EventInput, span: Span, before: usize, after: usize) -> String {
    let sentence = input.seg.sentences.iter().find(|s| s.contains(&span)).copied().unwrap_or(span);
    let (Some(head), Some(tail)) =
        (input.text.get(sentence.start..span.start), input.text.get(span.end..sentence.end))
    else {
        return String::new();
    };
    let head: Vec<&str> = head.split_whitespace().collect();
    let tail: Vec<&str> = tail.split_whitespace().collect();
    let mut words: Vec<&str> = head[head.len().saturating_sub(before)..].to_vec();
    words.push(clip(input.text, span));
    words.extend(tail.iter().take(after));
    let joined = words.join(" ");
    let mut out = joined.trim_matches(|c: char| "\"'\u{201c}\u{201d},.;:".contains(c)).to_string();
    if head.len() > before {
        out.insert(0, '\u{2026}');
    }
    if tail.len() > after {
        out.push('\u{2026}');
    }
    out
}
