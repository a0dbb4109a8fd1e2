//! `cargo +nightly fuzz run warc_records`: any bytes as an (uncompressed) WARC file: records
//! or error records, never a panic, and the reader always terminates.
#![no_main]

use std::io::Cursor;

use dossier_store::warc::WarcRecords;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let records = WarcRecords::from_reader(Box::new(Cursor::new(data.to_vec())), "fuzz", 1 << 20);
    for r in records.take(10_000) {
        let _ = r;
    }
});
