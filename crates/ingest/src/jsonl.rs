//! JSONL records: `{"id"?, "text"? | "html"?, "title"?, "url"?, "published"?, "outlet"?}`.

use std::io::{self, BufRead};

use serde_json::Value;

use crate::{decode_text, parse_published, Content, Decoded, InputRecord, RawDoc, RecordError};

/// One line read with a length bound.
pub(crate) enum Line {
    /// The line's bytes, without the line terminator.
    Bytes(Vec<u8>),
    /// The line was longer than the bound; its bytes were skipped. Holds its length.
    TooLong(usize),
}

/// Reads the next line, never holding more than `max` bytes of it in memory.
pub(crate) fn read_line_bounded<R: BufRead>(r: &mut R, max: usize) -> io::Result<Option<Line>> {
    let mut buf = Vec::new();
    let mut len = 0usize;
    let mut seen_any = false;
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        seen_any = true;
        let (take, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i, true),
            None => (chunk.len(), false),
        };
        if len + take <= max {
            buf.extend_from_slice(&chunk[..take]);
        } else {
            buf = Vec::new();
        }
        len += take;
        r.consume(take + usize::from(done));
        if done {
            break;
        }
    }
    if !seen_any {
        return Ok(None);
    }
    if len > max {
        return Ok(Some(Line::TooLong(len)));
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Some(Line::Bytes(buf)))
}

fn field_str(
    obj: &serde_json::Map<String, Value>,
    key: &str,
    id: &str,
) -> Result<Option<String>, RecordError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => {
            Err(RecordError::new(id, format!("field \"{key}\" must be a string, found {}", json_kind(other))))
        }
    }
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Parses one JSONL line. `default_id` is `<path>:<line>` or `stdin:<line>`.
pub(crate) fn parse_record(bytes: &[u8], default_id: &str) -> InputRecord {
    let mut warnings = Vec::new();
    let line = match decode_text(bytes) {
        Decoded::Text { text, warnings: w } => {
            warnings.extend(w);
            text
        }
        Decoded::Binary(msg) => return Err(RecordError::new(default_id, msg)),
    };
    let value: Value = serde_json::from_str(&line)
        .map_err(|e| RecordError::new(default_id, format!("malformed JSON line: {e}")))?;
    let Value::Object(obj) = value else {
        return Err(RecordError::new(
            default_id,
            format!("a JSONL record must be an object, found {}", json_kind(&value)),
        ));
    };
    let id = match obj.get("id") {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => default_id.to_string(),
    };
    let text = field_str(&obj, "text", &id)?;
    let html = field_str(&obj, "html", &id)?;
    let content = match (text, html) {
        (Some(_), Some(_)) => {
            return Err(RecordError::new(id, "record has both \"text\" and \"html\"; exactly one is allowed"))
        }
        (None, None) => return Err(RecordError::new(id, "record has neither \"text\" nor \"html\"")),
        (Some(t), None) => Content::Text(t),
        (None, Some(h)) => Content::Html { bytes: h.into_bytes(), charset: Some("utf-8".into()) },
    };
    let published = match field_str(&obj, "published", &id)? {
        None => None,
        Some(p) if p.trim().is_empty() => None,
        Some(p) => match parse_published(&p) {
            Some(d) => Some(d),
            None => {
                warnings.push(format!("ignored \"published\": {p:?} is neither YYYY-MM-DD nor RFC 3339"));
                None
            }
        },
    };
    Ok(RawDoc {
        title: field_str(&obj, "title", &id)?.filter(|s| !s.trim().is_empty()),
        url: field_str(&obj, "url", &id)?.filter(|s| !s.trim().is_empty()),
        outlet: field_str(&obj, "outlet", &id)?.filter(|s| !s.trim().is_empty()),
        id,
        content,
        published,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(line: &str) -> String {
        parse_record(line.as_bytes(), "f.jsonl:3").unwrap_err().message
    }

    #[test]
    fn good_record() {
        let r = parse_record(br#"{"id":"a","text":"Hello.","published":"2024-03-27","outlet":"X"}"#, "f:1")
            .unwrap();
        assert_eq!(r.id, "a");
        assert_eq!(r.content, Content::Text("Hello.".into()));
        assert_eq!(r.published.unwrap().to_string(), "2024-03-27");
        assert_eq!(r.outlet.as_deref(), Some("X"));
    }

    #[test]
    fn default_and_numeric_ids() {
        assert_eq!(parse_record(br#"{"text":"a"}"#, "f.jsonl:7").unwrap().id, "f.jsonl:7");
        assert_eq!(parse_record(br#"{"id":42,"text":"a"}"#, "f.jsonl:7").unwrap().id, "42");
    }

    #[test]
    fn bad_records() {
        assert!(err("{not json").contains("malformed JSON"));
        assert!(err("[1,2]").contains("must be an object"));
        assert!(err(r#"{"title":"x"}"#).contains("neither"));
        assert!(err(r#"{"text":"a","html":"<p>a</p>"}"#).contains("both"));
        assert!(err(r#"{"text":5}"#).contains("\"text\" must be a string"));
    }

    #[test]
    fn bad_date_is_a_warning() {
        let r = parse_record(br#"{"text":"a","published":"yesterday"}"#, "f:1").unwrap();
        assert!(r.published.is_none());
        assert!(r.warnings[0].contains("published"));
    }

    #[test]
    fn bounded_lines() {
        let data = b"short\nthis line is far too long\r\nok\r\nlast";
        let mut r = io::BufReader::with_capacity(4, &data[..]);
        let mut out = vec![];
        while let Some(l) = read_line_bounded(&mut r, 10).unwrap() {
            out.push(match l {
                Line::Bytes(b) => String::from_utf8(b).unwrap(),
                Line::TooLong(n) => format!("<{n}>"),
            });
        }
        assert_eq!(out, ["short", "<26>", "ok", "last"]);
    }
}
