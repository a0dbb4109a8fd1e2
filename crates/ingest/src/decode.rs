//! Bytes → text: BOMs, UTF-16, lossy UTF-8, and telling text from binary.

/// The outcome of decoding one record's bytes.
#[derive(Debug, PartialEq)]
pub enum Decoded {
    Text { text: String, warnings: Vec<String> },
    Binary(String),
}

/// Decodes bytes that should be text.
///
/// - A UTF-8 BOM is dropped; UTF-16 with a BOM is decoded (noted in the warnings).
/// - Invalid UTF-8 is replaced by U+FFFD, with a warning saying how many bytes were bad.
/// - NUL bytes or a high share of control characters mean binary content: an error, since
///   analysing it would produce garbage rather than a record anyone can trust.
pub fn decode_text(bytes: &[u8]) -> Decoded {
    let mut warnings = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return finish(rest, warnings);
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let le = bytes[0] == 0xFF;
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| {
                let (a, b) = (c[0], *c.get(1).unwrap_or(&0));
                if le {
                    u16::from_le_bytes([a, b])
                } else {
                    u16::from_be_bytes([a, b])
                }
            })
            .collect();
        warnings.push(format!("decoded from UTF-16{}", if le { "LE" } else { "BE" }));
        String::from_utf16_lossy(&units)
    } else {
        return finish(bytes, warnings);
    };
    check_binary(text, warnings)
}

fn finish(bytes: &[u8], mut warnings: Vec<String>) -> Decoded {
    if memchr::memchr(0, bytes).is_some() {
        return Decoded::Binary("binary content (NUL bytes); expected text".into());
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let s = String::from_utf8_lossy(bytes).into_owned();
            let bad = s.chars().filter(|&c| c == char::REPLACEMENT_CHARACTER).count();
            warnings.push(format!("invalid UTF-8: {bad} byte sequence(s) replaced with U+FFFD"));
            s
        }
    };
    check_binary(text, warnings)
}

fn check_binary(text: String, warnings: Vec<String>) -> Decoded {
    if text.contains('\0') {
        return Decoded::Binary("binary content (NUL characters); expected text".into());
    }
    // Control characters other than tab, newline, carriage return, form feed: a few occur in
    // scraped text, a lot means this is not text at all. Replacement characters count too:
    // bytes of an image decoded lossily are mostly U+FFFD.
    let mut total = 0usize;
    let mut odd = 0usize;
    for c in text.chars().take(1 << 16) {
        total += 1;
        if (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C')) || c == char::REPLACEMENT_CHARACTER {
            odd += 1;
        }
    }
    if total >= 16 && odd * 10 > total * 3 {
        return Decoded::Binary(format!(
            "binary content ({odd} of the first {total} characters are control or undecodable bytes); expected text"
        ));
    }
    Decoded::Text { text, warnings }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(d: Decoded) -> (String, Vec<String>) {
        match d {
            Decoded::Text { text, warnings } => (text, warnings),
            Decoded::Binary(m) => panic!("binary: {m}"),
        }
    }

    #[test]
    fn plain_utf8() {
        assert_eq!(text(decode_text("héllo".as_bytes())), ("héllo".into(), vec![]));
    }

    #[test]
    fn bom_dropped() {
        assert_eq!(text(decode_text(b"\xEF\xBB\xBFhi")).0, "hi");
    }

    #[test]
    fn invalid_utf8_is_lossy_with_warning() {
        let (t, w) = text(decode_text(b"caf\xE9 au lait"));
        assert_eq!(t, "caf\u{FFFD} au lait");
        assert_eq!(w.len(), 1);
        assert!(w[0].contains("invalid UTF-8"));
    }

    #[test]
    fn utf16_with_bom() {
        let mut b = vec![0xFF, 0xFE];
        for u in "Hi there".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        let (t, w) = text(decode_text(&b));
        assert_eq!(t, "Hi there");
        assert!(w[0].contains("UTF-16"));
    }

    #[test]
    fn nul_bytes_are_binary() {
        assert!(matches!(decode_text(b"abc\0def"), Decoded::Binary(_)));
    }

    #[test]
    fn image_bytes_are_binary() {
        let png: Vec<u8> = (0..400u32).map(|i| (i * 37 % 256) as u8).filter(|&b| b != 0).collect();
        assert!(matches!(decode_text(&png), Decoded::Binary(_)));
    }
}
