//! Command-line arguments (clap derive; doc comments are the help text).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(name = "dossier", version, about = "Reads news and answers who said what, when, citing whom")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// More log output on stderr (-v info, -vv debug); DOSSIER_LOG overrides.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Analyze documents: one output record per input record, in input order.
    Analyze(AnalyzeArgs),
    /// Score a stage against an annotated corpus.
    #[command(subcommand)]
    Eval(crate::models::EvalCommand),
    /// Tag a corpus file with the shipped models (for outside scorers).
    Tag(crate::models::TagArgs),
    /// Retrain models from the shared data (deterministic for a given --seed).
    Train(crate::models::TrainArgs),
    /// Analyze documents and store them in the corpus database (idempotent, crash-safe).
    Ingest(crate::corpus::IngestArgs),
    /// Counts of what the corpus database holds.
    Stats(crate::corpus::StatsArgs),
    /// Where a document comes from: its near-duplicates, their origin and the evidence.
    Provenance(crate::corpus::ProvenanceArgs),
    /// Claims across documents: who said what, in which outlets, how independently, contradicted by whom.
    Claims(crate::corpus::ClaimsArgs),
    /// Dated events and statements across the corpus, in date order.
    Timeline(crate::corpus::TimelineArgs),
    /// Full-text search over titles and texts.
    Search(crate::corpus::SearchArgs),
    /// Entities across documents, merged by canonical name and alias.
    Entities(crate::corpus::EntitiesArgs),
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A JSON array of records.
    Json,
    /// One JSON record per line.
    Jsonl,
    /// A summary a person reads on a terminal.
    Text,
}

#[derive(Args, Debug)]
pub struct AnalyzeArgs {
    /// Files (.txt, .md, .html, .jsonl), directories (walked recursively, sorted), or - for JSONL on stdin.
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// Publication date (YYYY-MM-DD or RFC 3339) for documents that have none of their own.
    #[arg(long, value_parser = parse_date)]
    pub published: Option<chrono::NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Write output to this file instead of stdout.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Records larger than this many bytes become error records.
    #[arg(long, default_value_t = dossier_ingest::DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,
    /// Worker threads (0: one per core).
    #[arg(long, short = 'j', default_value_t = 0)]
    pub jobs: usize,
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    dossier_ingest::parse_published(s).ok_or_else(|| format!("{s:?} is neither YYYY-MM-DD nor RFC 3339"))
}
