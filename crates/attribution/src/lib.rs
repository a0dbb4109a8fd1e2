//! Attribution: who said what, citing whom, with what evidence.
//!
//! [`Attributor::extract`] takes a document's text, its segmentation (sentences, tokens,
//! quotations), optional POS tags and NER mentions, and returns [`AttributionHit`]s:
//! source, cue and content spans (byte ranges into the text), the kind of speech, nesting
//! (`parent`) and sourcing chains, the stance of the source and the evidence offered.
//!
//! How:
//! 1. [`model`]: a learned cue tagger and a per-cue role tagger (averaged structured
//!    perceptrons trained on PolNeAR, shipped in `models/attribution.bin`);
//! 2. [`rules`](crate::rules): quotations the model left unattributed, "according to",
//!    "declined to comment"-type cues without content, "cited by" / "citing" / "told X"
//!    nesting, pronoun and description sources resolved to earlier mentions, stance and
//!    evidence from the lexicons in `data/`.
//!
//! [`eval::polnear`] scores the extractor on a PolNeAR split; [`train`] retrains the model.

pub mod draw;
mod ends;
pub mod eval;
mod extend;
mod lexicon;
pub mod model;
pub mod polnear;
mod recall;
mod rules;

use std::sync::LazyLock;

use dossier_doc::Span;
use dossier_segment::Segmentation;
pub use dossier_tag::EntityLabel;
use dossier_tag::{ModelError, PosTag};

pub use model::{
    pos_tags, train, train_ends, train_full, train_recall, train_with, AttrModel, TrainOptions, SHIPPED_SEED,
};

/// Direct (quoted), indirect (paraphrased) or mixed speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Direct,
    Indirect,
    Mixed,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Indirect => "indirect",
            Kind::Mixed => "mixed",
        }
    }
}

/// What the source does with the content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Stance {
    Asserts,
    Denies,
    NoComment,
    ClaimsResponsibility,
    Warns,
    Dismisses,
    Questions,
    Believes,
    Knows,
    Announces,
    Confirms,
    Accuses,
}

impl Stance {
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Asserts => "asserts",
            Stance::Denies => "denies",
            Stance::NoComment => "no_comment",
            Stance::ClaimsResponsibility => "claims_responsibility",
            Stance::Warns => "warns",
            Stance::Dismisses => "dismisses",
            Stance::Questions => "questions",
            Stance::Believes => "believes",
            Stance::Knows => "knows",
            Stance::Announces => "announces",
            Stance::Confirms => "confirms",
            Stance::Accuses => "accuses",
        }
    }
    pub fn parse(s: &str) -> Option<Stance> {
        Some(match s {
            "asserts" => Stance::Asserts,
            "denies" => Stance::Denies,
            "no_comment" => Stance::NoComment,
            "claims_responsibility" => Stance::ClaimsResponsibility,
            "warns" => Stance::Warns,
            "dismisses" => Stance::Dismisses,
            "questions" => Stance::Questions,
            "believes" => Stance::Believes,
            "knows" => Stance::Knows,
            "announces" => Stance::Announces,
            "confirms" => Stance::Confirms,
            "accuses" => Stance::Accuses,
            _ => return None,
        })
    }
}

/// What backs the content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Evidence {
    Stated,
    Unsupported,
    Hedged,
}

impl Evidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Evidence::Stated => "stated",
            Evidence::Unsupported => "unsupported",
            Evidence::Hedged => "hedged",
        }
    }
    pub fn parse(s: &str) -> Option<Evidence> {
        Some(match s {
            "stated" => Evidence::Stated,
            "unsupported" => Evidence::Unsupported,
            "hedged" => Evidence::Hedged,
            _ => return None,
        })
    }
}

/// A named-entity mention from the NER stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntityMention {
    pub span: Span,
    pub label: EntityLabel,
}

/// One attribution. Spans are byte ranges into the text given to [`Attributor::extract`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttributionHit {
    /// Who says / knows / denies; `None` when unsaid.
    pub source: Option<Span>,
    /// The earlier mention a pronoun or description source (or a document's owner, as in
    /// "the group's report") resolves to.
    pub source_resolved: Option<Span>,
    pub cue: Span,
    /// What is attributed, one span per fragment (may be empty).
    pub content: Vec<Span>,
    pub kind: Kind,
    /// Index (into the returned list) of the attribution this one is nested in.
    pub parent: Option<usize>,
    /// The sources from the outermost to this one (resolved mentions where known).
    pub chain: Vec<Span>,
    pub stance: Stance,
    pub evidence: Evidence,
}

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AttrError {
    #[error("attribution data file {file}, line {line}: malformed entry")]
    Data { file: &'static str, line: usize },
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}:{line}: {message}")]
    Format { path: String, line: usize, message: String },
    #[error("no annotated documents in {0}")]
    Empty(String),
    #[error(transparent)]
    Model(#[from] ModelError),
}

enum ModelRef {
    Static(&'static AttrModel),
    Owned(Box<AttrModel>),
}

/// The extractor: the model and lexicons, loaded once. `Send + Sync`.
pub struct Attributor {
    model: Option<ModelRef>,
}

static GLOBAL: LazyLock<Attributor> = LazyLock::new(|| match AttrModel::global() {
    Ok(m) => Attributor { model: Some(ModelRef::Static(m)) },
    Err(e) => {
        tracing::warn!("attribution model unavailable ({e}); using rules only");
        Attributor { model: None }
    }
});

impl Attributor {
    /// The extractor with the shipped model (rules only if the model cannot be loaded).
    pub fn global() -> &'static Attributor {
        &GLOBAL
    }

    /// An extractor with a given model (for example one just trained), or rules only.
    pub fn new(model: Option<AttrModel>) -> Attributor {
        Attributor { model: model.map(|m| ModelRef::Owned(Box::new(m))) }
    }

    pub fn has_model(&self) -> bool {
        self.model.is_some()
    }

    /// The owned model, to adjust it (tuning).
    pub fn model_mut(&mut self) -> Option<&mut AttrModel> {
        match &mut self.model {
            Some(ModelRef::Owned(m)) => Some(m),
            _ => None,
        }
    }

    fn model(&self) -> Option<&AttrModel> {
        match &self.model {
            Some(ModelRef::Static(m)) => Some(m),
            Some(ModelRef::Owned(m)) => Some(m),
            None => None,
        }
    }

    /// Attributions of `text`. `pos` holds one tag per token of `seg` (ignored when the
    /// length differs); `entities` may be empty. Never panics; every span lies on char
    /// boundaries of `text`.
    pub fn extract(
        &self,
        text: &str,
        seg: &Segmentation,
        pos: Option<&[PosTag]>,
        entities: &[EntityMention],
    ) -> Vec<AttributionHit> {
        let mut prep = model::prepare(text, seg, pos);
        let raw = match self.model() {
            Some(m) => m.hits(&prep),
            None => Vec::new(),
        };
        rules::finish(text, seg, &mut prep, raw, entities)
    }

    /// Diagnostics: the role tagger and rules run on the given cue spans (an oracle for the
    /// cue tagger), or the model alone without rules (`rules == false`, `cues == None`).
    #[doc(hidden)]
    pub fn extract_diag(
        &self,
        text: &str,
        seg: &Segmentation,
        pos: Option<&[PosTag]>,
        cues: Option<&[Span]>,
        rules: bool,
    ) -> Vec<AttributionHit> {
        let mut prep = model::prepare(text, seg, pos);
        let Some(m) = self.model() else { return Vec::new() };
        let cues: Vec<std::ops::Range<usize>> = match cues {
            None => {
                let raw = m.hits(&prep);
                return self.diag_out(text, seg, &mut prep, raw, rules);
            }
            Some(c) => {
                c.iter().map(|s| model::tokens_of(&prep.spans, *s)).filter(|r| !r.is_empty()).collect()
            }
        };
        let raw = m.roles(&prep, &cues);
        self.diag_out(text, seg, &mut prep, raw, rules)
    }

    fn diag_out(
        &self,
        text: &str,
        seg: &Segmentation,
        prep: &mut model::Prepared,
        raw: Vec<model::RawHit>,
        rules: bool,
    ) -> Vec<AttributionHit> {
        if rules {
            return rules::finish(text, seg, prep, raw, &[]);
        }
        let sp = |r: &std::ops::Range<usize>| Span::new(prep.spans[r.start].start, prep.spans[r.end - 1].end);
        raw.iter()
            .map(|h| AttributionHit {
                source: h.source.first().map(sp),
                source_resolved: None,
                cue: sp(&h.cue),
                content: h.content.iter().map(sp).collect(),
                kind: Kind::Indirect,
                parent: None,
                chain: vec![],
                stance: Stance::Asserts,
                evidence: Evidence::Stated,
            })
            .collect()
    }
}

/// Keeps the items `keep` marks (aligned with `items`), in order, and renumbers the nesting
/// indices of what stays; an item whose parent is dropped goes to the top level. Serves the
/// rules (hits emptied by a split) and the pipeline (hits in boilerplate) alike.
pub fn retain_nested<T>(items: &mut Vec<T>, keep: &[bool], parent: impl Fn(&mut T) -> &mut Option<usize>) {
    let mut new_index = Vec::with_capacity(keep.len());
    let mut n = 0;
    for &k in keep {
        new_index.push(k.then_some(n));
        n += usize::from(k);
    }
    let mut flags = keep.iter();
    items.retain(|_| flags.next().copied().unwrap_or(true));
    for item in items.iter_mut() {
        let p = parent(item);
        *p = p.and_then(|i| new_index.get(i).copied().flatten());
    }
}

/// Check the data files (for tests).
pub fn check_data() -> Result<(), AttrError> {
    lexicon::check()
}

/// The stages before attribution for a plain text: segmentation, POS tags and NER
/// mentions (tags and mentions empty when their models cannot be loaded).
pub fn prepare_stages(text: &str) -> (Segmentation, Option<Vec<PosTag>>, Vec<EntityMention>) {
    let seg = dossier_segment::Segmenter::new().segment(text);
    let pos = pos_tags(text, &seg);
    let mut ents = Vec::new();
    if let (Some(pos), Ok(ner)) = (&pos, dossier_tag::Ner::global()) {
        let sents: Vec<Vec<&str>> = seg
            .sentence_tokens
            .iter()
            .map(|r| seg.tokens[r.clone()].iter().map(|t| t.span.of(text)).collect())
            .collect();
        let tags: Vec<Vec<PosTag>> =
            seg.sentence_tokens.iter().map(|r| pos.get(r.clone()).unwrap_or(&[]).to_vec()).collect();
        for (k, spans) in ner.tag_document(&sents, &tags).into_iter().enumerate() {
            let r = &seg.sentence_tokens[k];
            for e in spans {
                let (a, b) = (r.start + e.start, r.start + e.end);
                if a < b && b <= seg.tokens.len() {
                    let span = Span::new(seg.tokens[a].span.start, seg.tokens[b - 1].span.end);
                    ents.push(EntityMention { span, label: e.label });
                }
            }
        }
    }
    (seg, pos, ents)
}

/// Segment, tag and attribute a plain text with the shipped models.
pub fn analyze(text: &str) -> Vec<AttributionHit> {
    let (seg, pos, ents) = prepare_stages(text);
    Attributor::global().extract(text, &seg, pos.as_deref(), &ents)
}

#[cfg(test)]
mod retain_tests {
    use super::retain_nested;

    #[test]
    fn retain_nested_renumbers_parents_and_lifts_orphans() {
        // (name, parent)
        let mut v = vec![("a", None), ("b", None), ("c", Some(1)), ("d", Some(0))];
        retain_nested(&mut v, &[false, true, true, true], |x| &mut x.1);
        assert_eq!(v, [("b", None), ("c", Some(0)), ("d", None)]);
        let mut v: Vec<(&str, Option<usize>)> = vec![("a", None)];
        retain_nested(&mut v, &[true], |x| &mut x.1);
        assert_eq!(v, [("a", None)]);
    }
}
