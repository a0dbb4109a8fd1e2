//! The corpus commands: `ingest`, `stats`, `search`, `entities`, `claims`, `timeline`,
//! `provenance` (see "Corpus commands" in CONTRACT.md). Storage and answers live in
//! `dossier-store` / `dossier-link`; this file parses arguments, drives the ingest loop and
//! prints.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};
use dossier_ingest::{FileKind, IngestOptions, InputRecord, InputSpec, RecordError, Records};
use dossier_link::ClaimFilter;
use dossier_pipeline::{Pipeline, PipelineOptions};
use dossier_store::warc::{is_warc, WarcRecords};
use dossier_store::{Prepared, SqliteStore, Store};
use rayon::prelude::*;
use serde::Serialize;

use crate::print::clip;

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CorpusFormat {
    /// A table a person reads.
    Text,
    /// JSON for programs (the contract's shapes).
    Json,
}

#[derive(Args, Debug)]
pub struct DbArgs {
    /// The store file (created by `ingest` when missing).
    #[arg(long, default_value = "dossier.db")]
    pub db: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CorpusFormat::Text)]
    pub format: CorpusFormat,
}

#[derive(Args, Debug)]
pub struct IngestArgs {
    /// Files (.txt, .md, .html, .jsonl, .warc, .warc.gz), directories (walked recursively,
    /// sorted), or - for JSONL on stdin.
    #[arg(required = true)]
    pub paths: Vec<String>,
    #[command(flatten)]
    pub common: DbArgs,
    /// Publication date (YYYY-MM-DD or RFC 3339) for documents that have none of their own.
    #[arg(long, value_parser = parse_date)]
    pub published: Option<chrono::NaiveDate>,
    /// Records larger than this many bytes become error records.
    #[arg(long, default_value_t = dossier_ingest::DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,
    /// Worker threads (0: one per core).
    #[arg(long, short = 'j', default_value_t = 0)]
    pub jobs: usize,
    /// Records analyzed and written per transaction.
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u64).range(1..=100_000))]
    pub batch: u64,
}

#[derive(Args, Debug)]
pub struct StatsArgs {
    #[command(flatten)]
    pub common: DbArgs,
}

#[derive(Args, Debug)]
pub struct SearchArgs {
    /// Words to find (all required; no query syntax).
    pub query: String,
    /// At most this many results.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    #[command(flatten)]
    pub common: DbArgs,
}

#[derive(Args, Debug)]
pub struct EntitiesArgs {
    /// Only the first N entities (most documents first); all when absent.
    #[arg(long)]
    pub limit: Option<usize>,
    #[command(flatten)]
    pub common: DbArgs,
}

#[derive(Args, Debug)]
pub struct ClaimsArgs {
    /// Only claims whose source's name contains these words.
    #[arg(long)]
    pub by: Option<String>,
    /// Only claims whose content contains every content word of this text.
    #[arg(long)]
    pub about: Option<String>,
    /// Only the first N claims (earliest first); all when absent.
    #[arg(long)]
    pub limit: Option<usize>,
    #[command(flatten)]
    pub common: DbArgs,
}

#[derive(Args, Debug)]
pub struct TimelineArgs {
    /// Files or folders to analyze now (as for `analyze`) instead of reading the store.
    pub paths: Vec<String>,
    /// Only rows whose summary, event, attribution or document title mentions this text.
    #[arg(long)]
    pub about: Option<String>,
    /// With files: publication date for documents that have none of their own.
    #[arg(long, value_parser = parse_published_arg)]
    pub published: Option<chrono::NaiveDate>,
    /// The store file (without files).
    #[arg(long, default_value = "dossier.db")]
    pub db: PathBuf,
    /// `text` (a table), `json`, or with files also `timelinejs` (TimelineJS3 JSON).
    #[arg(long, value_enum, default_value_t = crate::timeline::TimelineFormat::Text)]
    pub format: crate::timeline::TimelineFormat,
}

fn parse_published_arg(s: &str) -> Result<chrono::NaiveDate, String> {
    dossier_ingest::parse_published(s).ok_or_else(|| format!("{s:?} is neither YYYY-MM-DD nor RFC 3339"))
}

#[derive(Args, Debug)]
pub struct ProvenanceArgs {
    /// A document id: its key (or a unique prefix of 6+ chars) or an input id.
    pub id: String,
    #[command(flatten)]
    pub common: DbArgs,
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    dossier_ingest::parse_published(s).ok_or_else(|| format!("{s:?} is neither YYYY-MM-DD nor RFC 3339"))
}

// ---------------------------------------------------------------------------------------
// ingest

/// One input source: plain inputs read by `dossier_ingest::Records`, or a WARC file.
enum Source {
    Plain(Vec<InputSpec>),
    Warc(PathBuf),
    Error(RecordError),
}

fn sources(paths: &[String]) -> Vec<Source> {
    let mut out: Vec<Source> = Vec::new();
    let push_plain = |out: &mut Vec<Source>, spec: InputSpec| match out.last_mut() {
        Some(Source::Plain(v)) => v.push(spec),
        _ => out.push(Source::Plain(vec![spec])),
    };
    for p in paths {
        let spec = InputSpec::parse(p);
        let path = match &spec {
            InputSpec::Path(path) => path.clone(),
            InputSpec::Stdin => {
                push_plain(&mut out, spec);
                continue;
            }
        };
        if path.is_dir() {
            // Walked here rather than by `Records` so that WARC files inside are read too.
            for entry in walkdir::WalkDir::new(&path).sort_by_file_name() {
                match entry {
                    Ok(e) if e.file_type().is_file() => {
                        if is_warc(e.path()) {
                            out.push(Source::Warc(e.path().to_path_buf()));
                        } else if FileKind::from_path(e.path()).is_some() {
                            push_plain(&mut out, InputSpec::Path(e.path().to_path_buf()));
                        } else {
                            tracing::debug!(path = %e.path().display(), "skipped: not a kind we read");
                        }
                    }
                    Ok(_) => {}
                    Err(e) => {
                        let id =
                            e.path().map_or_else(|| path.display().to_string(), |p| p.display().to_string());
                        out.push(Source::Error(RecordError::new(
                            id,
                            format!("cannot read directory entry: {e}"),
                        )));
                    }
                }
            }
        } else if is_warc(&path) {
            out.push(Source::Warc(path));
        } else {
            push_plain(&mut out, spec);
        }
    }
    out
}

fn input_stream(paths: &[String], opts: IngestOptions) -> Box<dyn Iterator<Item = InputRecord>> {
    let max = opts.max_bytes;
    Box::new(sources(paths).into_iter().flat_map(move |s| -> Box<dyn Iterator<Item = InputRecord>> {
        match s {
            Source::Plain(specs) => Box::new(Records::new(&specs, opts.clone())),
            Source::Warc(p) => Box::new(WarcRecords::open(&p, max)),
            Source::Error(e) => Box::new(std::iter::once(Err(e))),
        }
    }))
}

#[derive(Debug, Default, Serialize)]
struct IngestSummary {
    records: usize,
    added: usize,
    already_stored: usize,
    errors: usize,
    errors_new: usize,
    near_duplicate_pairs: usize,
}

pub fn ingest(args: IngestArgs) -> anyhow::Result<ExitCode> {
    if args.paths.iter().filter(|p| *p == "-").count() > 1 {
        anyhow::bail!("standard input (-) can be named only once");
    }
    let mut store = open_store(&args.common.db, true)?;
    let pool = rayon::ThreadPoolBuilder::new().num_threads(args.jobs).build().context("thread pool")?;
    let pipeline = Pipeline::new(PipelineOptions { default_published: args.published })?;
    let mut records = input_stream(&args.paths, IngestOptions { max_bytes: args.max_bytes });
    let bar = if io::stderr().is_terminal() {
        let b = indicatif::ProgressBar::new_spinner();
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {elapsed_precise} {pos} records ({per_sec}) {msg}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        b
    } else {
        indicatif::ProgressBar::hidden()
    };
    // The writer runs beside the analysis: batch k is written while batch k+1 is analyzed.
    // Each batch is still one transaction, so a kill at any point loses at most the batches
    // not yet committed, and a rerun adds exactly those.
    let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Prepared>>(1);
    let db = args.common.db.clone();
    let writer_bar = bar.clone();
    let writer = std::thread::spawn(move || -> anyhow::Result<(SqliteStore, IngestSummary)> {
        let mut sum = IngestSummary::default();
        for prepared in receive {
            let out = store.put(&prepared).with_context(|| format!("writing to {}", db.display()))?;
            sum.records += prepared.len();
            sum.added += out.added;
            sum.already_stored += out.existing;
            sum.errors += out.errors_added + out.errors_existing;
            sum.errors_new += out.errors_added;
            sum.near_duplicate_pairs += out.pairs;
            writer_bar.inc(prepared.len() as u64);
            writer_bar.set_message(format!("{} new, {} errors", sum.added, sum.errors));
        }
        Ok((store, sum))
    });
    loop {
        let batch: Vec<InputRecord> = records.by_ref().take(args.batch as usize).collect();
        if batch.is_empty() {
            break;
        }
        let prepared: Vec<Prepared> =
            pool.install(|| batch.into_par_iter().map(|r| Prepared::from_record(pipeline.run(r))).collect());
        if send.send(prepared).is_err() {
            // The writer stopped on an error; it is reported below.
            break;
        }
    }
    drop(send);
    let (store, sum) = writer.join().map_err(|_| anyhow::anyhow!("the store writer panicked"))??;
    bar.finish_and_clear();
    store.checkpoint()?;
    match args.common.format {
        CorpusFormat::Json => print_json(&sum)?,
        CorpusFormat::Text => eprintln!(
            "dossier: {} record(s): {} new document(s), {} already stored, {} error record(s) ({} new), {} near-duplicate pair(s) → {}",
            sum.records,
            sum.added,
            sum.already_stored,
            sum.errors,
            sum.errors_new,
            sum.near_duplicate_pairs,
            args.common.db.display()
        ),
    }
    Ok(if sum.errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn open_store(path: &Path, create: bool) -> anyhow::Result<SqliteStore> {
    let s = if create { SqliteStore::open(path) } else { SqliteStore::open_existing(path) };
    Ok(s?)
}

fn print_json<T: Serialize + ?Sized>(v: &T) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, v)?;
    writeln!(out)?;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// queries

pub fn stats(args: StatsArgs) -> anyhow::Result<ExitCode> {
    let store = open_store(&args.common.db, false)?;
    let s = store.stats()?;
    match args.common.format {
        CorpusFormat::Json => print_json(&s)?,
        CorpusFormat::Text => {
            let mut out = io::stdout().lock();
            for (k, v) in [
                ("documents", s.documents),
                ("errors", s.errors),
                ("entities", s.entities),
                ("attributions", s.attributions),
                ("events", s.events),
                ("clusters", s.clusters),
            ] {
                writeln!(out, "{k:<13}{v:>10}")?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn search(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let store = open_store(&args.common.db, false)?;
    let hits = store.search(&args.query, args.limit)?;
    match args.common.format {
        CorpusFormat::Json => print_json(&hits)?,
        CorpusFormat::Text => {
            let mut out = io::stdout().lock();
            if hits.is_empty() {
                writeln!(out, "no document matches {:?}", args.query)?;
            }
            for h in &hits {
                let input = store.document(&h.id)?.map(|d| d.input_id).unwrap_or_default();
                writeln!(
                    out,
                    "{:>7.2}  {}  {}  {}",
                    h.score,
                    short(&h.id),
                    clip(h.title.as_deref().unwrap_or("—"), 60),
                    input
                )?;
                writeln!(out, "         {}", clip(&h.snippet, 100))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn entities(args: EntitiesArgs) -> anyhow::Result<ExitCode> {
    let store = open_store(&args.common.db, false)?;
    let list = store.entities(args.limit)?;
    match args.common.format {
        CorpusFormat::Json => print_json(&list)?,
        CorpusFormat::Text => {
            let mut out = io::stdout().lock();
            writeln!(out, "{:<32} {:<5} {:>5}  aliases", "name", "label", "docs")?;
            for e in &list {
                writeln!(
                    out,
                    "{:<32} {:<5} {:>5}  {}",
                    clip(&e.name, 32),
                    e.label,
                    e.documents,
                    clip(&e.aliases.join("; "), 60)
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn claims(args: ClaimsArgs) -> anyhow::Result<ExitCode> {
    let store = open_store(&args.common.db, false)?;
    let list = store.claims(&ClaimFilter { by: args.by, about: args.about, limit: args.limit })?;
    match args.common.format {
        CorpusFormat::Json => print_json(&list)?,
        CorpusFormat::Text => {
            let mut out = io::stdout().lock();
            if list.is_empty() {
                writeln!(out, "no claims")?;
            }
            for c in &list {
                writeln!(out, "{} ({}): “{}”", c.source, c.stance, clip(&c.content, 90))?;
                writeln!(
                    out,
                    "  first seen {}; {} document(s), outlets: {}; independent outlets: {}",
                    c.first_seen.as_deref().unwrap_or("unknown"),
                    c.documents.len(),
                    if c.outlets.is_empty() { "—".to_string() } else { c.outlets.join(", ") },
                    c.independent_outlets
                )?;
                for x in &c.contradicted_by {
                    writeln!(
                        out,
                        "  contradicted by {} in {}: “{}”",
                        x.source,
                        short(&x.document),
                        clip(&x.content, 70)
                    )?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn timeline(args: TimelineArgs) -> anyhow::Result<ExitCode> {
    use crate::timeline::TimelineFormat;
    if !args.paths.is_empty() {
        return crate::timeline::files(&args.paths, args.published, args.about.as_deref(), args.format, 0);
    }
    let store = open_store(&args.db, false)?;
    let rows = store.timeline(args.about.as_deref())?;
    match args.format {
        TimelineFormat::Timelinejs => {
            anyhow::bail!(
                "--format timelinejs needs files to analyze (dossier timeline FILE… --format timelinejs)"
            )
        }
        TimelineFormat::Json => print_json(&rows)?,
        TimelineFormat::Text => {
            let mut out = io::stdout().lock();
            if rows.is_empty() {
                writeln!(out, "no timeline rows")?;
            }
            for r in &rows {
                writeln!(out, "{:<16} {}  {}", r.value, short(&r.document), clip(&r.summary, 90))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn provenance(args: ProvenanceArgs) -> anyhow::Result<ExitCode> {
    let store = open_store(&args.common.db, false)?;
    let Some(p) = store.provenance(&args.id)? else {
        anyhow::bail!(
            "no document {:?} in {} (give a document key, a unique key prefix, or an input id)",
            args.id,
            args.common.db.display()
        );
    };
    match args.common.format {
        CorpusFormat::Json => print_json(&p)?,
        CorpusFormat::Text => {
            let mut out = io::stdout().lock();
            let describe = |id: &str| -> anyhow::Result<String> {
                Ok(match store.document(id)? {
                    Some(d) => format!(
                        "{}  {}  {}  {}",
                        short(id),
                        d.published.as_deref().unwrap_or("undated   "),
                        d.outlet.as_deref().unwrap_or("—"),
                        d.input_id
                    ),
                    None => id.to_string(),
                })
            };
            writeln!(out, "document     {}", describe(&p.id)?)?;
            writeln!(out, "origin       {}", p.origin.outlet.as_deref().unwrap_or("unknown"))?;
            match &p.origin.id {
                Some(o) => writeln!(out, "original     {}", describe(o)?)?,
                None => writeln!(out, "original     not in the corpus")?,
            }
            for e in &p.origin.evidence {
                writeln!(
                    out,
                    "  evidence   {} in {}: “{}”",
                    e.kind.replace('_', " "),
                    short(&e.document),
                    clip(&e.text, 60)
                )?;
            }
            match &p.copied_from {
                Some(c) => writeln!(out, "copied from  {}", short(c))?,
                None => writeln!(out, "copied from  —")?,
            }
            writeln!(out, "cluster      {} document(s)", p.cluster.len())?;
            for id in &p.cluster {
                writeln!(out, "  {}", describe(id)?)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The first 12 hex digits of a key: enough to tell documents apart and to resolve.
fn short(id: &str) -> &str {
    id.get(..12).unwrap_or(id)
}
