//! The pipeline: one [`RawDoc`] in, one contract [`Record`] out.
//!
//! ```text
//! ingest (RawDoc) → [html extraction] → clean → segment → tag → extract → link → Record
//! ```
//!
//! Each stage works on byte spans of the document's original text and adds a layer to the
//! [`Analysis`]; [`Analysis::to_record`] converts the layers to the JSON contract (char
//! offsets). Stages of later issues add their layers here as they land.

use chrono::NaiveDate;
use dossier_clean::{Cleaned, Cleaner};
use dossier_doc::contract::{self, ErrorRecord, OkRecord, Record, CONTRACT_VERSION};
use dossier_doc::Text;
use dossier_ingest::{Content, InputRecord, RawDoc};
use dossier_segment::{Segmentation, Segmenter};

/// Settings that apply to every document of a run.
#[derive(Clone, Debug, Default)]
pub struct PipelineOptions {
    /// Publication date for documents that have none of their own (`--published`).
    pub default_published: Option<NaiveDate>,
}

/// Where a document's publication date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PublishedFrom {
    Record,
    Option,
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
}

/// The stages, built once and shared by every document (and thread) of a run.
#[derive(Debug, Default)]
pub struct Pipeline {
    opts: PipelineOptions,
    cleaner: Cleaner,
    segmenter: Segmenter,
}

impl Pipeline {
    pub fn new(opts: PipelineOptions) -> Pipeline {
        Pipeline { opts, cleaner: Cleaner::new(), segmenter: Segmenter::new() }
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
        let RawDoc { id, content, title, url, published, outlet, warnings } = doc;
        let text = match content {
            Content::Text(t) => t,
            Content::Html { .. } => {
                return Err(ErrorRecord::new(
                    id,
                    "HTML input is not supported yet (issue 8): give the text instead",
                ))
            }
        };
        let published_from = match (published, self.opts.default_published) {
            (Some(_), _) => Some(PublishedFrom::Record),
            (None, Some(_)) => Some(PublishedFrom::Option),
            (None, None) => None,
        };
        let published = published.or(self.opts.default_published);
        let cleaned = self.cleaner.clean(&text);
        let seg = self.segmenter.segment(&text);
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
        })
    }
}

impl Analysis {
    /// The contract form of this analysis.
    pub fn to_record(&self) -> OkRecord {
        let t = &self.text;
        let title = self.title.clone().or_else(|| self.cleaned.title.map(|s| t.slice(s).trim().to_string()));
        let outlet = self.outlet.clone().or_else(|| self.cleaned.origin.first().map(|o| o.outlet.clone()));
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
            entities: Vec::new(),
            timexes: Vec::new(),
            attributions: Vec::new(),
            events: Vec::new(),
            timeline: Vec::new(),
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
        }
    }
}
