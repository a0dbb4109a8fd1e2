//! The pipeline: one [`RawDoc`] in, one contract [`Record`] out.
//!
//! ```text
//! ingest (RawDoc) → [html extraction] → clean → segment → tag (POS, NER) → time → attribution → Record
//! ```
//!
//! Each stage works on byte spans of the document's original text and adds a layer to the
//! [`Analysis`]; [`Analysis::to_record`] converts the layers to the JSON contract (char
//! offsets). Stages of later issues add their layers here as they land.

use chrono::{Datelike, NaiveDate};
use dossier_attribution::{AttributionHit, Attributor, EntityMention};
use dossier_clean::{Cleaned, Cleaner};
use dossier_doc::contract::{self, ErrorRecord, OkRecord, Record, CONTRACT_VERSION};
use dossier_doc::{Span, Text};
use dossier_events::{EntityRef, EventExtractor, EventHit, EventInput, TimelineItem};
use dossier_html::HtmlOptions;
use dossier_ingest::{Content, InputRecord, RawDoc};
use dossier_segment::{Segmentation, Segmenter};
use dossier_tag::{NerModel, PosTag, Tagger};
use dossier_time::{TimeTagger, TimexHit};

mod entities;
pub mod eval;
pub use entities::{EntityGroup, Mention};

/// Why the pipeline could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PipelineError {
    #[error("cannot load a shipped model")]
    Model(#[from] dossier_tag::ModelError),
}

/// Settings that apply to every document of a run.
#[derive(Clone, Debug, Default)]
pub struct PipelineOptions {
    /// Publication date for documents that have none of their own (`--published`).
    pub default_published: Option<NaiveDate>,
}

/// Where a document's publication date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PublishedFrom {
    /// The input record's `published` field.
    Record,
    /// The page's metadata; holds the strategy that found it (`json-ld`, `url`, …).
    Html(&'static str),
    /// A "Published …" line near the top of the text.
    DateLine,
    /// The dateline of the first paragraph ("WASHINGTON, March 3 (Reuters) -").
    Dateline,
    /// `--published` (documents with no date of their own).
    Option,
}

impl PublishedFrom {
    pub fn describe(&self) -> String {
        match self {
            PublishedFrom::Record => "record".into(),
            PublishedFrom::Html(how) => format!("html:{how}"),
            PublishedFrom::DateLine => "date_line".into(),
            PublishedFrom::Dateline => "dateline".into(),
            PublishedFrom::Option => "option".into(),
        }
    }
}

/// Everything the stages found in one document, as byte spans over `text`.
#[derive(Debug)]
pub struct Analysis {
    pub id: String,
    pub text: Text,
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub published_from: Option<PublishedFrom>,
    pub warnings: Vec<String>,
    pub cleaned: Cleaned,
    pub seg: Segmentation,
    pub timexes: Vec<TimexHit>,
    /// Part-of-speech tags aligned with `seg.tokens`.
    pub pos: Vec<Option<PosTag>>,
    pub mentions: Vec<Mention>,
    pub entities: Vec<EntityGroup>,
    pub attributions: Vec<AttributionHit>,
    pub events: Vec<EventHit>,
    pub timeline: Vec<TimelineItem>,
}

/// The stages, built once and shared by every document (and thread) of a run.
pub struct Pipeline {
    opts: PipelineOptions,
    cleaner: Cleaner,
    segmenter: Segmenter,
    tagger: &'static Tagger,
    ner: &'static NerModel,
}

impl Pipeline {
    /// Builds every stage; the shipped models are loaded (and their checksums verified) once
    /// per process.
    pub fn new(opts: PipelineOptions) -> Result<Pipeline, PipelineError> {
        Ok(Pipeline {
            opts,
            cleaner: Cleaner::new(),
            segmenter: Segmenter::new(),
            tagger: Tagger::global()?,
            ner: NerModel::global()?,
        })
    }

    /// One input record (good or bad) → one output record.
    pub fn run(&self, input: InputRecord) -> Record {
        match input {
            Err(e) => Record::Error(ErrorRecord::new(e.id, e.message)),
            Ok(doc) => match self.analyze(doc) {
                Ok(a) => Record::Ok(Box::new(a.to_record())),
                Err(e) => Record::Error(e),
            },
        }
    }

    /// Runs every stage over one document.
    pub fn analyze(&self, doc: RawDoc) -> Result<Analysis, ErrorRecord> {
        let RawDoc { id, content, mut title, mut url, published, mut outlet, mut warnings } = doc;
        let mut published_from = published.map(|_| PublishedFrom::Record);
        let mut published = published;
        let text = match content {
            Content::Text(t) => t,
            Content::Html { bytes, charset } => {
                let opts = HtmlOptions { url: url.clone(), ..HtmlOptions::default() };
                let page = dossier_html::extract(&bytes, charset.as_deref(), &opts)
                    .map_err(|e| ErrorRecord::new(&id, format!("html: {e}")))?;
                // What the record says wins over what the page says.
                title = title.or(page.title);
                outlet = outlet.or(page.outlet);
                url = url.or(page.canonical_url);
                if published.is_none() {
                    if let Some(d) = page.published {
                        published = Some(d);
                        published_from = Some(PublishedFrom::Html(page.published_source.unwrap_or("html")));
                    }
                }
                warnings.extend(page.warnings);
                if page.text.trim().is_empty() {
                    return Err(ErrorRecord::new(id, "html: no main text found"));
                }
                page.text
            }
        };
        let cleaned = self.cleaner.clean(&text);
        if published.is_none() {
            // The document's own date lines: "Published March 3, 2025", then the dateline
            // ("WASHINGTON, March 3 (Reuters) -"; a year it lacks comes from --published).
            let year = self.opts.default_published.map(|d| d.year());
            let lines =
                [(cleaned.published, PublishedFrom::DateLine), (cleaned.dateline, PublishedFrom::Dateline)];
            for (span, from) in lines {
                if let Some(d) = span.and_then(|s| dossier_time::dateline_date(&text, s, year)) {
                    published = Some(d);
                    published_from = Some(from);
                    break;
                }
            }
        }
        if published.is_none() {
            if let Some(d) = self.opts.default_published {
                published = Some(d);
                published_from = Some(PublishedFrom::Option);
            }
        }
        let seg = self.segmenter.segment(&text);
        let aside = aside_spans(&cleaned);
        let (pos, mentions) = entities::tag(&text, &seg, self.tagger, self.ner);
        // The tagger's word classes steer the tense cues (past tense, adjective in "-ed").
        let timexes = {
            let words = seg.tokens.iter().zip(&pos).filter_map(|(t, p)| p.map(|p| (t.span, p.xpos())));
            let hint = dossier_time::XposHint::new(words);
            let mut timexes =
                TimeTagger::global().extract_with(&text, &seg.sentences, published, Some(&hint));
            timexes.retain(|t| !within(&aside, t.span));
            timexes
        };
        let attributions = {
            let tags: Option<Vec<PosTag>> = pos.iter().copied().collect();
            let ents: Vec<EntityMention> =
                mentions.iter().map(|m| EntityMention { span: m.span, label: m.label }).collect();
            let mut attributions = Attributor::global().extract(&text, &seg, tags.as_deref(), &ents);
            drop_aside(&mut attributions, &aside);
            attributions
        };
        let entities = entities::link(&text, &seg, &pos, &mentions, &attributions, cleaned.title);
        let refs: Vec<EntityRef> = entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                e.mentions.iter().map(move |&span| EntityRef {
                    span,
                    entity: i,
                    label: e.label,
                    kind: e.kind,
                })
            })
            .collect();
        let (events, timeline) = {
            let input = EventInput {
                text: &text,
                seg: &seg,
                pos: &pos,
                entities: &refs,
                timexes: &timexes,
                attributions: &attributions,
                published,
                dateline: cleaned.dateline,
            };
            let x = EventExtractor::global();
            let events = x.extract(&input);
            let timeline = x.timeline(&input, &events);
            (events, timeline)
        };
        Ok(Analysis {
            id,
            text: Text::new(text),
            title,
            url,
            outlet,
            published,
            published_from,
            warnings,
            cleaned,
            seg,
            timexes,
            pos,
            mentions,
            entities,
            attributions,
            events,
            timeline,
        })
    }
}

/// Boilerplate that is no part of the story: an author's bio, navigation, share buttons. What
/// it says ("he brings a sharp eye to stories about …") is no finding of the article, so its
/// times and attributions (and the events they would make) are dropped; its names stay
/// entities (the author is one). Credit lines and datelines (clean's `Credit` and `Other`)
/// are read as before: a dateline's date is a time of the story.
fn aside_spans(cleaned: &Cleaned) -> Vec<Span> {
    use dossier_clean::BoilerplateKind as K;
    cleaned
        .boilerplate
        .iter()
        .filter(|b| matches!(b.kind, K::AuthorBio | K::Navigation | K::Share))
        .map(|b| b.span)
        .collect()
}

fn within(aside: &[Span], span: Span) -> bool {
    aside.iter().any(|a| a.contains(&span))
}

/// Drops the attributions whose cue is aside; the nesting indices of the rest follow.
fn drop_aside(attributions: &mut Vec<AttributionHit>, aside: &[Span]) {
    if aside.is_empty() {
        return;
    }
    let keep: Vec<bool> = attributions.iter().map(|a| !within(aside, a.cue)).collect();
    dossier_attribution::retain_nested(attributions, &keep, |a| &mut a.parent);
}

impl Analysis {
    /// The entity (index into `entities`) a source phrase names: one whose mention holds the
    /// phrase, or ends where the phrase (or its part before a comma) ends. English noun
    /// phrases are head-final: "National Security Council spokeswoman Jane Roe" is Jane Roe,
    /// while "Russian intelligence documents" is not the Russians; "Jane Roe, who chairs the
    /// committee" is Jane Roe.
    pub fn entity_at(&self, span: Span) -> Option<usize> {
        let text = self.text.as_str();
        let ends = span.head_ends(text);
        let span = span.trim(text);
        self.entities.iter().position(|e| {
            e.mentions.iter().any(|m| m.contains(&span) || (span.contains(m) && ends.contains(&m.end)))
        })
    }

    /// A source's name for chains: its entity's name, else its words.
    fn source_name(&self, span: Span) -> String {
        match self.entity_at(span) {
            Some(i) => self.entities[i].name.clone(),
            None => self.text.slice(span).split_whitespace().collect::<Vec<_>>().join(" "),
        }
    }

    fn attribution_records(&self) -> Vec<contract::Attribution> {
        let t = &self.text;
        self.attributions
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let who = a.source_resolved.or(a.source);
                contract::Attribution {
                    id: format!("a{}", i + 1),
                    source: a.source.map(|s| contract::SourceSpan {
                        span: t.jspan(s),
                        entity: who.and_then(|w| self.entity_at(w)).map(|e| format!("e{}", e + 1)),
                    }),
                    cue: t.jspan(a.cue),
                    content: a.content.iter().map(|&c| t.jspan(c)).collect(),
                    kind: a.kind.as_str().into(),
                    parent: a.parent.map(|p| format!("a{}", p + 1)),
                    chain: a.chain.iter().map(|&s| self.source_name(s)).collect(),
                    stance: a.stance.as_str().into(),
                    evidence: a.evidence.as_str().into(),
                }
            })
            .collect()
    }

    fn event_records(&self) -> Vec<contract::Event> {
        let t = &self.text;
        let entity = |e: Option<usize>| e.map(|i| format!("e{}", i + 1));
        self.events
            .iter()
            .enumerate()
            .map(|(i, v)| contract::Event {
                id: format!("v{}", i + 1),
                kind: v.kind.as_str().into(),
                trigger: t.jspan(v.trigger),
                time: v.time.as_ref().map(|tm| contract::EventTime {
                    timex: tm.timex.map(|x| format!("t{}", x + 1)),
                    value: tm.value.clone(),
                    relation: tm.relation.as_str().into(),
                    anchor_event: tm.anchor_event.map(|x| format!("v{}", x + 1)),
                }),
                location: v.location.map(|l| contract::EventLocation {
                    entity: entity(l.entity),
                    text: t.slice(l.span).to_string(),
                }),
                participants: v
                    .participants
                    .iter()
                    .map(|p| contract::Participant {
                        role: p.role.as_str().into(),
                        entity: entity(p.entity),
                        text: t.slice(p.span).to_string(),
                    })
                    .collect(),
                counts: v
                    .counts
                    .iter()
                    .map(|c| contract::Count {
                        what: c.what.clone(),
                        value: c.value,
                        qualifier: c.qualifier.as_str().into(),
                        max: c.max,
                        parts: c
                            .parts
                            .iter()
                            .map(|p| contract::CountPart {
                                value: p.value,
                                qualifier: p.qualifier.as_str().into(),
                                max: p.max,
                                span: t.jspan(p.span),
                            })
                            .collect(),
                    })
                    .collect(),
                mentions: v.mentions.iter().map(|&m| t.jspan(m)).collect(),
                attribution: v.attribution.map(|a| format!("a{}", a + 1)),
            })
            .collect()
    }

    /// The contract form of this analysis.
    pub fn to_record(&self) -> OkRecord {
        let t = &self.text;
        let title = self.title.clone().or_else(|| self.cleaned.title.map(|s| t.slice(s).trim().to_string()));
        // The outlet is who published this copy; outlets the text credits are its `origin`, not
        // necessarily the publisher (a "Source: X" line names where the story came from).
        let outlet = self.outlet.clone();
        OkRecord {
            contract: CONTRACT_VERSION,
            id: self.id.clone(),
            status: "ok".into(),
            title,
            url: self.url.clone(),
            outlet,
            published: self.published.map(|d| d.format("%Y-%m-%d").to_string()),
            text: t.as_str().to_string(),
            body: self.cleaned.body.iter().map(|&s| t.jspan(s)).collect(),
            boilerplate: self
                .cleaned
                .boilerplate
                .iter()
                .map(|b| contract::Boilerplate { span: t.jspan(b.span), kind: b.kind.as_str().into() })
                .collect(),
            origin: self
                .cleaned
                .origin
                .iter()
                .map(|o| contract::Origin {
                    outlet: o.outlet.clone(),
                    kind: o.kind.as_str().into(),
                    evidence: t.jspan(o.evidence),
                })
                .collect(),
            sentences: self.seg.sentences.iter().map(|&s| t.jspan(s)).collect(),
            entities: self
                .entities
                .iter()
                .enumerate()
                .map(|(i, e)| contract::Entity {
                    id: format!("e{}", i + 1),
                    name: e.name.clone(),
                    label: e.label.as_str().into(),
                    kind: e.kind.map(str::to_string),
                    mentions: e.mentions.iter().map(|&s| t.jspan(s)).collect(),
                    aliases: e.aliases.clone(),
                    mention_kinds: e.mention_kinds.iter().map(|k| k.as_str().to_string()).collect(),
                })
                .collect(),
            timexes: self
                .timexes
                .iter()
                .enumerate()
                .map(|(i, h)| contract::Timex {
                    span: t.jspan(h.span),
                    id: format!("t{}", i + 1),
                    kind: h.kind.as_str().into(),
                    value: h.value.clone(),
                    anchor: h.anchor.map(|a| t.jspan(a)),
                    modifier: h.mod_.map(|m| m.as_str().to_string()),
                })
                .collect(),
            attributions: self.attribution_records(),
            events: self.event_records(),
            timeline: self
                .timeline
                .iter()
                .map(|t| contract::TimelineEntry {
                    value: t.value.clone(),
                    event: t.event.map(|i| format!("v{}", i + 1)),
                    attribution: t.attribution.map(|i| format!("a{}", i + 1)),
                    summary: t.summary.clone(),
                    relation: t.relation.as_str().into(),
                })
                .collect(),
            warnings: self.warnings.clone(),
            quotes: self
                .seg
                .quotes
                .iter()
                .map(|q| contract::Quote {
                    span: t.jspan(q.span),
                    inner: q.inner.iter().map(|&s| t.jspan(s)).collect(),
                    closed: q.closed,
                })
                .collect(),
            title_span: self.cleaned.title.map(|s| t.jspan(s)),
            published_source: self.published_from.map(|p| p.describe()),
            authors: self.cleaned.authors.clone(),
        }
    }
}
