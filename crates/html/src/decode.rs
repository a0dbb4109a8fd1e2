//! Character encoding: BOM, the declared (HTTP) charset, `<meta charset>` and a statistical guess.
//!
//! Order of trust, as in browsers: a BOM wins; then the declared charset, then the meta charset — but a
//! declaration is checked against the bytes: a page declared as UTF-8 that is not valid UTF-8 is decoded
//! with chardetng's guess, and a page declared in a legacy encoding whose bytes are valid,
//! non-ASCII UTF-8 is decoded as UTF-8 (the usual lie of templates copied from old sites). Each
//! disagreement becomes a warning.

use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_8};
use regex::bytes::Regex;

use crate::HtmlError;

/// A decoded page.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    pub warnings: Vec<String>,
}

/// How many bytes are searched for a `<meta charset>` (browsers use 1024; real pages put long scripts first).
const META_PRESCAN: usize = 8 * 1024;
/// How many bytes chardetng sees: enough for a confident guess, bounded for speed.
const DETECT_PRESCAN: usize = 256 * 1024;

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)<meta[^>]+?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#).expect("valid regex")
});

/// The charset named by a `<meta charset>` or `<meta http-equiv content="…; charset=…">` near the top.
pub fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(META_PRESCAN)];
    let caps = META_CHARSET.captures(head)?;
    let enc = Encoding::for_label(caps.get(1)?.as_bytes())?;
    // A page that reached us as bytes and calls itself UTF-16 is not (it would have a BOM): HTML says UTF-8.
    Some(if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE { UTF_8 } else { enc })
}

fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(&bytes[..bytes.len().min(DETECT_PRESCAN)], true);
    det.guess(None, chardetng::Utf8Detection::Allow)
}

/// Refuses input that is plainly not text: NUL bytes where no UTF-16 BOM explains them.
fn check_binary(bytes: &[u8]) -> Result<(), HtmlError> {
    let head = &bytes[..bytes.len().min(4096)];
    let nuls = head.iter().filter(|&&b| b == 0).count();
    if nuls * 50 > head.len() {
        return Err(HtmlError::Binary { reason: "NUL bytes" });
    }
    let controls = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f)
        .count();
    if controls * 20 > head.len() {
        return Err(HtmlError::Binary { reason: "control characters" });
    }
    Ok(())
}

/// Decides the encoding of `bytes` and decodes them (malformed sequences become U+FFFD, with a warning).
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<Decoded, HtmlError> {
    let mut warnings = Vec::new();
    let declared_enc = declared.and_then(|label| {
        let enc = Encoding::for_label(label.trim().as_bytes());
        if enc.is_none() {
            warnings.push(format!("unknown declared charset {label:?}"));
        }
        enc
    });
    let (encoding, body) = if let Some((bom_enc, bom_len)) = Encoding::for_bom(bytes) {
        if let Some(d) = declared_enc.filter(|&d| d != bom_enc) {
            warnings.push(format!(
                "declared charset {} contradicted by a {} byte order mark; using the BOM",
                d.name(),
                bom_enc.name()
            ));
        }
        (bom_enc, &bytes[bom_len..])
    } else {
        check_binary(bytes)?;
        let meta_enc = meta_charset(bytes);
        if let (Some(d), Some(m)) = (declared_enc, meta_enc) {
            if d != m {
                warnings.push(format!(
                    "declared charset {} disagrees with <meta charset> {}; using the declared one",
                    d.name(),
                    m.name()
                ));
            }
        }
        let valid_utf8 = std::str::from_utf8(bytes).is_ok();
        let enc = match declared_enc.or(meta_enc) {
            Some(enc) if enc == UTF_8 && !valid_utf8 => {
                let g = guess(bytes);
                warnings.push(format!(
                    "page says UTF-8 but is not valid UTF-8; decoding as {} (detected)",
                    g.name()
                ));
                g
            }
            // Non-ASCII text in a legacy encoding (single- or multi-byte) is practically never valid UTF-8.
            Some(enc) if enc != UTF_8 && valid_utf8 && !bytes.is_ascii() => {
                warnings.push(format!(
                    "page says {} but its bytes are valid UTF-8; decoding as UTF-8",
                    enc.name()
                ));
                UTF_8
            }
            Some(enc) => enc,
            None if valid_utf8 => UTF_8,
            None => {
                let g = guess(bytes);
                warnings.push(format!("no charset declared; detected {}", g.name()));
                g
            }
        };
        (enc, bytes)
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors {
        warnings.push(format!("malformed {} sequences replaced with U+FFFD", encoding.name()));
    }
    if !warnings.is_empty() {
        tracing::debug!(?warnings, "charset");
    }
    Ok(Decoded { text: text.into_owned(), encoding, warnings })
}
