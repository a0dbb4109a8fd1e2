//! WARC / WARC.gz input (Common Crawl CC-NEWS layout): each `response` record carrying an
//! HTTP response with an HTML payload becomes one input record with HTML content.
//!
//! A small reader over `flate2::MultiGzDecoder` (each WARC record is its own gzip member)
//! rather than the `warc` crate: we need to turn a truncated or corrupt gzip stream into one
//! error record and carry on with the next input, and to bound the memory of a record by its
//! declared length. Records of other types (`warcinfo`, `request`, `metadata`) hold no
//! document and are skipped (logged at debug level).

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use dossier_ingest::{Content, InputRecord, RawDoc, RecordError};

/// True for paths this module reads (`.warc`, `.warc.gz`).
pub fn is_warc(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_ascii_lowercase();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

/// Iterator over the input records of one WARC file.
pub struct WarcRecords {
    reader: Option<Box<dyn BufRead>>,
    prefix: String,
    /// WARC records seen so far (ids are `<path>:<n>`).
    n: usize,
    max_bytes: usize,
    /// Why the file could not be opened (yielded once, as an error record).
    open_error: Option<String>,
}

impl WarcRecords {
    /// Opens `path` (gzip when its name ends in `.gz`). An unreadable file yields one error record.
    pub fn open(path: &Path, max_bytes: usize) -> WarcRecords {
        let prefix = path.display().to_string();
        match File::open(path) {
            Ok(f) => {
                let gz = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("gz"));
                let inner: Box<dyn Read> = if gz {
                    Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(f)))
                } else {
                    Box::new(f)
                };
                WarcRecords::from_reader(
                    Box::new(BufReader::with_capacity(1 << 16, inner)),
                    &prefix,
                    max_bytes,
                )
            }
            Err(e) => WarcRecords { reader: None, prefix, n: 0, max_bytes, open_error: Some(e.to_string()) },
        }
    }

    pub fn from_reader(reader: Box<dyn BufRead>, prefix: &str, max_bytes: usize) -> WarcRecords {
        WarcRecords { reader: Some(reader), prefix: prefix.to_string(), n: 0, max_bytes, open_error: None }
    }

    fn fail(&mut self, message: String) -> Option<InputRecord> {
        self.reader = None;
        Some(Err(RecordError::new(format!("{}:{}", self.prefix, self.n.max(1)), message)))
    }
}

fn read_line(r: &mut dyn BufRead, buf: &mut Vec<u8>) -> io::Result<usize> {
    buf.clear();
    // Header lines are short; a line over 64 KiB means this is not a WARC header.
    let n = r.take(1 << 16).read_until(b'\n', buf)?;
    Ok(n)
}

fn trim_eol(b: &[u8]) -> &[u8] {
    let b = b.strip_suffix(b"\n").unwrap_or(b);
    b.strip_suffix(b"\r").unwrap_or(b)
}

impl Iterator for WarcRecords {
    type Item = InputRecord;

    fn next(&mut self) -> Option<InputRecord> {
        if let Some(e) = self.open_error.take() {
            return Some(Err(RecordError::new(self.prefix.clone(), format!("cannot open: {e}"))));
        }
        loop {
            let reader = self.reader.as_mut()?;
            let mut line = Vec::new();
            // Skip blank lines between records; EOF here is the clean end of the file.
            let first = loop {
                match read_line(reader.as_mut(), &mut line) {
                    Ok(0) => {
                        self.reader = None;
                        return None;
                    }
                    Ok(_) if trim_eol(&line).is_empty() => continue,
                    Ok(_) => break trim_eol(&line).to_vec(),
                    Err(e) => {
                        self.n += 1;
                        return self.fail(format!("read error (corrupt or truncated file?): {e}"));
                    }
                }
            };
            self.n += 1;
            if !first.starts_with(b"WARC/") {
                return self.fail(format!(
                    "not a WARC record header: {:?}",
                    String::from_utf8_lossy(&first[..first.len().min(40)])
                ));
            }
            let mut headers: HashMap<String, String> = HashMap::new();
            loop {
                match read_line(reader.as_mut(), &mut line) {
                    Ok(0) => {
                        return self.fail("truncated WARC record (end of file inside the headers)".into())
                    }
                    Ok(_) => {
                        let l = trim_eol(&line);
                        if l.is_empty() {
                            break;
                        }
                        let s = String::from_utf8_lossy(l);
                        if let Some((k, v)) = s.split_once(':') {
                            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
                        }
                    }
                    Err(e) => return self.fail(format!("read error (corrupt or truncated file?): {e}")),
                }
            }
            let Some(len) = headers.get("content-length").and_then(|v| v.parse::<u64>().ok()) else {
                return self.fail("WARC record without a valid Content-Length".into());
            };
            let id = format!("{}:{}", self.prefix, self.n);
            let kind = headers.get("warc-type").map(|s| s.to_ascii_lowercase()).unwrap_or_default();
            if kind != "response" || len as usize > self.max_bytes {
                // Skip the block without keeping it.
                match io::copy(&mut reader.as_mut().take(len), &mut io::sink()) {
                    Ok(n) if n == len => {}
                    Ok(_) => return self.fail("truncated WARC record (end of file inside the block)".into()),
                    Err(e) => return self.fail(format!("read error (corrupt or truncated file?): {e}")),
                }
                if kind == "response" {
                    return Some(Err(RecordError::new(
                        id,
                        format!("record of {len} bytes is over the limit of {} bytes", self.max_bytes),
                    )));
                }
                tracing::debug!(id, kind, "WARC record skipped (not a response)");
                continue;
            }
            let mut block = Vec::with_capacity(len as usize);
            match reader.as_mut().take(len).read_to_end(&mut block) {
                Ok(n) if n as u64 == len => {}
                Ok(_) => return self.fail("truncated WARC record (end of file inside the block)".into()),
                Err(e) => return self.fail(format!("read error (corrupt or truncated file?): {e}")),
            }
            let url = headers.get("warc-target-uri").cloned();
            return Some(http_to_doc(id, url, &block));
        }
    }
}

/// An HTTP response (status line, headers, body) → an HTML input record.
pub fn http_to_doc(id: String, url: Option<String>, block: &[u8]) -> InputRecord {
    let Some(end) = memchr_find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| memchr_find(block, b"\n\n").map(|i| (i, i + 2)))
    else {
        return Err(RecordError::new(id, "HTTP response without an end of headers"));
    };
    let head = String::from_utf8_lossy(&block[..end.0]);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    if !status.starts_with("HTTP/") {
        return Err(RecordError::new(id, format!("not an HTTP response: {:?}", clip(status))));
    }
    let mut content_type = None;
    let mut encoding = None;
    let mut chunked = false;
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            match k.trim().to_ascii_lowercase().as_str() {
                "content-type" => content_type = Some(v.trim().to_string()),
                "content-encoding" => encoding = Some(v.trim().to_ascii_lowercase()),
                "transfer-encoding" => chunked = v.to_ascii_lowercase().contains("chunked"),
                _ => {}
            }
        }
    }
    let ct = content_type.unwrap_or_default();
    let mime = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if mime != "text/html" && mime != "application/xhtml+xml" {
        return Err(RecordError::new(
            id,
            format!("not HTML (Content-Type: {})", if ct.is_empty() { "none" } else { ct.as_str() }),
        ));
    }
    let mut body = block[end.1..].to_vec();
    if chunked {
        body = dechunk(&body);
    }
    if matches!(encoding.as_deref(), Some("gzip") | Some("x-gzip")) {
        let mut out = Vec::new();
        if let Err(e) = flate2::read::MultiGzDecoder::new(&body[..]).read_to_end(&mut out) {
            return Err(RecordError::new(id, format!("gzip-encoded HTTP body cannot be decoded: {e}")));
        }
        body = out;
    }
    let charset = ct
        .split(';')
        .skip(1)
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
        .map(|(_, v)| v.trim().trim_matches('"').to_string());
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(RecordError::new(id, "empty HTML payload"));
    }
    Ok(RawDoc {
        id,
        content: Content::Html { bytes: body, charset },
        title: None,
        url,
        published: None,
        outlet: None,
        warnings: Vec::new(),
    })
}

fn clip(s: &str) -> String {
    s.chars().take(40).collect()
}

fn memchr_find(h: &[u8], n: &[u8]) -> Option<usize> {
    h.windows(n.len()).position(|w| w == n)
}

fn dechunk(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let Some(eol) = memchr_find(&b[i..], b"\r\n") else { break };
        let size_str = String::from_utf8_lossy(&b[i..i + eol]);
        let Ok(size) = usize::from_str_radix(size_str.split(';').next().unwrap_or("").trim(), 16) else {
            break;
        };
        i += eol + 2;
        if size == 0 {
            break;
        }
        let end = (i + size).min(b.len());
        out.extend_from_slice(&b[i..end]);
        i = end + 2;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn record(kind: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: https://example.org/a\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn http(ct: &str, body: &[u8]) -> Vec<u8> {
        let mut r = format!("HTTP/1.1 200 OK\r\nContent-Type: {ct}\r\n\r\n").into_bytes();
        r.extend_from_slice(body);
        r
    }

    fn gz(members: &[Vec<u8>]) -> Vec<u8> {
        let mut out = Vec::new();
        for m in members {
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            e.write_all(m).unwrap();
            out.extend(e.finish().unwrap());
        }
        out
    }

    fn read(bytes: Vec<u8>, gzip: bool) -> Vec<InputRecord> {
        let inner: Box<dyn Read> = if gzip {
            Box::new(flate2::read::MultiGzDecoder::new(io::Cursor::new(bytes)))
        } else {
            Box::new(io::Cursor::new(bytes))
        };
        WarcRecords::from_reader(Box::new(BufReader::new(inner)), "x.warc", 1 << 20).collect()
    }

    fn members() -> Vec<Vec<u8>> {
        vec![
            record("warcinfo", b"software: test\r\n"),
            record(
                "response",
                &http(
                    "text/html; charset=ISO-8859-1",
                    b"<html><body><p>Caf\xe9 prices rose.</p></body></html>",
                ),
            ),
            record("request", b"GET / HTTP/1.1\r\n\r\n"),
            record("response", &http("application/pdf", b"%PDF-1.4")),
            record("response", &http("text/html", b"<p>Second page.</p>")),
        ]
    }

    #[test]
    fn responses_become_html_records_and_others_errors() {
        for gzip in [false, true] {
            let bytes = if gzip { gz(&members()) } else { members().concat() };
            let recs = read(bytes, gzip);
            assert_eq!(recs.len(), 3, "{recs:?}");
            let first = recs[0].as_ref().unwrap();
            assert_eq!(first.id, "x.warc:2");
            assert_eq!(first.url.as_deref(), Some("https://example.org/a"));
            assert!(matches!(&first.content, Content::Html { bytes, charset }
                if bytes.starts_with(b"<html>") && charset.as_deref() == Some("ISO-8859-1")));
            let err = recs[1].as_ref().unwrap_err();
            assert_eq!(err.id, "x.warc:4");
            assert!(err.message.contains("not HTML"), "{}", err.message);
            assert!(recs[2].is_ok());
        }
    }

    #[test]
    fn truncated_gzip_gives_an_error_record_after_the_good_ones() {
        let mut bytes = gz(&members());
        bytes.truncate(bytes.len() - 20);
        let recs = read(bytes, true);
        assert!(recs.len() >= 2, "{recs:?}");
        assert!(recs[0].is_ok());
        let last = recs.last().unwrap().as_ref().unwrap_err();
        assert!(
            last.message.contains("truncated") || last.message.contains("read error"),
            "{}",
            last.message
        );
    }

    #[test]
    fn an_unopenable_file_is_one_error_record_with_the_reason() {
        let dir = std::env::temp_dir().join(format!("dossier-warc-missing-{}", std::process::id()));
        let path = dir.join("none.warc.gz");
        let got: Vec<InputRecord> = WarcRecords::open(&path, 1 << 20).collect();
        assert_eq!(got.len(), 1);
        let err = got[0].as_ref().unwrap_err();
        assert!(
            err.message.contains("cannot open: ") && err.message.len() > "cannot open: ".len(),
            "{err:?}"
        );
        assert_eq!(err.id, path.display().to_string());
    }

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(dechunk(b"4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n"), b"Wikipedia");
    }

    proptest::proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
            let mut input = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 50\r\n\r\n".to_vec();
            input.extend(bytes);
            let _ = read(input.clone(), false);
            let _ = http_to_doc("x".into(), None, &input);
        }
    }
}
