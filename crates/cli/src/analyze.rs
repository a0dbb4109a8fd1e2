//! `dossier analyze`: stream records through the pipeline, in parallel, in input order.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::Context;
use dossier_doc::contract::Record;
use dossier_ingest::{IngestOptions, InputSpec, Records};
use dossier_pipeline::{Pipeline, PipelineOptions};
use rayon::prelude::*;

use crate::args::AnalyzeArgs;
use crate::print;

/// Records analyzed together; bounds memory while keeping both cores busy.
const BATCH: usize = 64;

pub fn run(args: AnalyzeArgs) -> anyhow::Result<ExitCode> {
    let inputs: Vec<InputSpec> = args.paths.iter().map(|p| InputSpec::parse(p)).collect();
    if inputs.iter().filter(|i| **i == InputSpec::Stdin).count() > 1 {
        anyhow::bail!("standard input (-) can be named only once");
    }
    let pool = rayon::ThreadPoolBuilder::new().num_threads(args.jobs).build().context("thread pool")?;
    let pipeline = Pipeline::new(PipelineOptions { default_published: args.published })?;
    let out: Box<dyn Write> = match &args.out {
        Some(p) => Box::new(File::create(p).with_context(|| format!("cannot create {}", p.display()))?),
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 16, out);
    let mut records = Records::new(&inputs, IngestOptions { max_bytes: args.max_bytes });
    let mut printer = print::Printer::new(args.format);
    let (mut ok, mut errors) = (0usize, 0usize);
    printer.begin(&mut out)?;
    loop {
        let batch: Vec<_> = records.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            break;
        }
        let results: Vec<Record> = pool.install(|| batch.into_par_iter().map(|r| pipeline.run(r)).collect());
        for rec in &results {
            if rec.is_ok() {
                ok += 1;
            } else {
                errors += 1;
            }
            printer.record(&mut out, rec)?;
        }
    }
    printer.end(&mut out)?;
    out.flush()?;
    tracing::info!(ok, errors, "analyze done");
    if errors > 0 {
        eprintln!(
            "dossier: {errors} of {} record(s) could not be analyzed (see their \"error\")",
            ok + errors
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
