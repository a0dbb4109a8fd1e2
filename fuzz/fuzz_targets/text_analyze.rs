//! `cargo +nightly fuzz run text_analyze`: any bytes, as a plain-text file would be read,
//! through the whole pipeline: an ok or error record, never a panic, and every span of an ok
//! record indexes its text.
#![no_main]

use std::sync::LazyLock;

use dossier_ingest::{decode_text, Decoded, RawDoc};
use dossier_pipeline::{Pipeline, PipelineOptions};
use libfuzzer_sys::fuzz_target;

static PIPELINE: LazyLock<Pipeline> =
    LazyLock::new(|| Pipeline::new(PipelineOptions::default()).expect("shipped models load"));

fuzz_target!(|data: &[u8]| {
    let Decoded::Text { text, .. } = decode_text(data) else { return };
    let rec = PIPELINE.run(Ok(RawDoc::text("fuzz", text)));
    if let dossier_doc::contract::Record::Ok(r) = rec {
        let chars: Vec<char> = r.text.chars().collect();
        for s in r.sentences.iter().chain(&r.body) {
            let got: String = chars[s.start..s.end].iter().collect();
            assert_eq!(got, s.text);
        }
    }
});
