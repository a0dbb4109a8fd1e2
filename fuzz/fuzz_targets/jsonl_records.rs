//! `cargo +nightly fuzz run jsonl_records`: any bytes as a JSONL stream: every non-blank line
//! becomes exactly one record (ok or error), never a panic.
#![no_main]

use std::io::Cursor;

use dossier_ingest::{IngestOptions, Records};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let lines = data.split(|&b| b == b'\n').filter(|l| !l.iter().all(u8::is_ascii_whitespace)).count();
    let records = Records::from_jsonl_reader(
        Box::new(Cursor::new(data.to_vec())),
        "fuzz",
        IngestOptions { max_bytes: 1 << 16 },
    );
    assert_eq!(records.count(), lines);
});
