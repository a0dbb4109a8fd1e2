//! `dossier`: reads news and answers who said what, when, citing whom.
//!
//! This binary is glue: argument parsing ([`args`]), running the library pipeline, and
//! printing ([`print`]). Data goes to stdout, diagnostics to stderr.

mod analyze;
mod args;
mod corpus;
mod models;
mod print;
mod timeline;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc instead of the system allocator: the pipeline allocates many small, short-lived
/// vectors and strings, and glibc's malloc/free took about 8% of its instructions and ~19% of
/// its CPU time (`crates/pipeline/examples/profile_analyze.rs`, 30 passes: 75 → 61 ms per pass).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match args::Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    init_tracing(cli.verbose);
    let result = match cli.command {
        args::Command::Analyze(a) => analyze::run(a),
        args::Command::Eval(e) => models::eval(e),
        args::Command::Tag(t) => models::tag(t),
        args::Command::Train(t) => models::train(t),
        args::Command::Ingest(a) => corpus::ingest(a),
        args::Command::Stats(a) => corpus::stats(a),
        args::Command::Provenance(a) => corpus::provenance(a),
        args::Command::Claims(a) => corpus::claims(a),
        args::Command::Timeline(a) => corpus::timeline(a),
        args::Command::Search(a) => corpus::search(a),
        args::Command::Entities(a) => corpus::entities(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("dossier: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn init_tracing(verbose: u8) {
    let default = match verbose {
        0 => "warn",
        1 => "info",
        2 => "debug",
        _ => "trace",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("DOSSIER_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
}
