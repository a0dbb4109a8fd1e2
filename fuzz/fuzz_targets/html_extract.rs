//! `cargo +nightly fuzz run html_extract`: `extract` must return Ok or an error on any bytes, never panic.
#![no_main]

use dossier_html::{extract, HtmlOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = HtmlOptions { max_bytes: 1 << 20, max_depth: 64, url: None };
    // First byte picks a declared charset, to exercise the charset decisions too.
    let (declared, body) = match data.split_first() {
        Some((b, rest)) => {
            (["utf-8", "windows-1252", "shift_jis", "gbk", "bogus"].get(usize::from(*b) % 6).copied(), rest)
        }
        None => (None, data),
    };
    if let Ok(e) = extract(body, declared, &opts) {
        assert!(!e.text.trim().is_empty());
    }
});
