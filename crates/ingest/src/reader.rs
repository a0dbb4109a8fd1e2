//! The record stream over files, directories, JSONL and standard input.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::jsonl::{parse_record, read_line_bounded, Line};
use crate::{decode_text, Content, Decoded, FileKind, IngestOptions, InputRecord, RawDoc, RecordError};

/// One command-line input: a path (file or directory) or `-` for JSONL on standard input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputSpec {
    Path(PathBuf),
    Stdin,
}

impl InputSpec {
    pub fn parse(arg: &str) -> InputSpec {
        if arg == "-" {
            InputSpec::Stdin
        } else {
            InputSpec::Path(PathBuf::from(arg))
        }
    }
}

enum Pending {
    /// A file; `explicit` when named on the command line (so any extension is read).
    File {
        path: PathBuf,
        explicit: bool,
    },
    Dir(PathBuf),
    Stdin,
}

struct JsonlStream {
    reader: Box<dyn BufRead>,
    /// `<path>` or `stdin`: ids are `<prefix>:<line>`.
    prefix: String,
    line: usize,
}

/// Iterator over input records, lazily reading one file (or JSONL line) at a time.
pub struct Records {
    queue: VecDeque<Pending>,
    /// Directory entries expanded but not yet read.
    expanded: VecDeque<Result<PathBuf, RecordError>>,
    jsonl: Option<JsonlStream>,
    opts: IngestOptions,
}

impl Records {
    pub fn new(inputs: &[InputSpec], opts: IngestOptions) -> Records {
        let queue = inputs
            .iter()
            .map(|i| match i {
                InputSpec::Stdin => Pending::Stdin,
                InputSpec::Path(p) if p.is_dir() => Pending::Dir(p.clone()),
                InputSpec::Path(p) => Pending::File { path: p.clone(), explicit: true },
            })
            .collect();
        Records { queue, expanded: VecDeque::new(), jsonl: None, opts }
    }

    /// Reads a JSONL stream from any reader (ids `<prefix>:<line>`).
    pub fn from_jsonl_reader(reader: Box<dyn BufRead>, prefix: &str, opts: IngestOptions) -> Records {
        Records {
            queue: VecDeque::new(),
            expanded: VecDeque::new(),
            jsonl: Some(JsonlStream { reader, prefix: prefix.to_string(), line: 0 }),
            opts,
        }
    }

    fn next_jsonl(&mut self) -> Option<InputRecord> {
        let stream = self.jsonl.as_mut()?;
        loop {
            stream.line += 1;
            let id = format!("{}:{}", stream.prefix, stream.line);
            match read_line_bounded(&mut stream.reader, self.opts.max_bytes) {
                Ok(None) => {
                    self.jsonl = None;
                    return None;
                }
                Ok(Some(Line::TooLong(n))) => {
                    return Some(Err(RecordError::new(id, too_big(n, self.opts.max_bytes))));
                }
                Ok(Some(Line::Bytes(b))) => {
                    if b.iter().all(u8::is_ascii_whitespace) {
                        continue; // a blank line holds no record
                    }
                    return Some(parse_record(&b, &id).and_then(check_content));
                }
                Err(e) => {
                    // The rest of this stream cannot be read: one error record, then move on.
                    self.jsonl = None;
                    return Some(Err(RecordError::new(id, format!("read error: {e}"))));
                }
            }
        }
    }

    fn read_file(&mut self, path: PathBuf, explicit: bool) -> Option<InputRecord> {
        let id = path.display().to_string();
        let kind = match FileKind::from_path(&path) {
            Some(k) => k,
            None if explicit => FileKind::Text,
            None => return None,
        };
        if kind == FileKind::Jsonl {
            match File::open(&path) {
                Ok(f) => {
                    self.jsonl = Some(JsonlStream {
                        reader: Box::new(BufReader::with_capacity(1 << 16, f)),
                        prefix: id,
                        line: 0,
                    });
                    return self.next_jsonl().or_else(|| self.next());
                }
                Err(e) => return Some(Err(RecordError::new(id, format!("cannot open: {e}")))),
            }
        }
        Some(read_document(&path, id, kind, explicit, &self.opts))
    }
}

fn too_big(n: usize, max: usize) -> String {
    format!("record is {n} bytes, over the limit of {max} bytes (raise it with --max-bytes)")
}

fn read_document(
    path: &Path,
    id: String,
    kind: FileKind,
    explicit: bool,
    opts: &IngestOptions,
) -> InputRecord {
    let file = File::open(path).map_err(|e| RecordError::new(&id, format!("cannot open: {e}")))?;
    let meta = file.metadata().map_err(|e| RecordError::new(&id, format!("cannot read: {e}")))?;
    if meta.len() > opts.max_bytes as u64 {
        return Err(RecordError::new(&id, too_big(meta.len() as usize, opts.max_bytes)));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // Read one byte past the limit so a file that grew after stat() is still caught.
    file.take(opts.max_bytes as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| RecordError::new(&id, format!("cannot read: {e}")))?;
    if bytes.len() > opts.max_bytes {
        return Err(RecordError::new(&id, too_big(bytes.len(), opts.max_bytes)));
    }
    if kind == FileKind::Html {
        // Charset detection belongs to the HTML extractor, which sees the raw bytes.
        let mut doc = RawDoc::text(id, String::new());
        doc.content = Content::Html { bytes, charset: None };
        return check_content(doc);
    }
    let (text, mut warnings) = match decode_text(&bytes) {
        Decoded::Text { text, warnings } => (text, warnings),
        Decoded::Binary(msg) => return Err(RecordError::new(&id, msg)),
    };
    if explicit && FileKind::from_path(path).is_none() {
        warnings.push("unknown file extension: read as plain text".into());
    }
    let mut doc = RawDoc::text(id, text);
    doc.warnings = warnings;
    check_content(doc)
}

/// Rejects records with nothing to analyze.
fn check_content(doc: RawDoc) -> InputRecord {
    match &doc.content {
        Content::Text(s) => {
            if s.trim().is_empty() {
                return Err(RecordError::new(doc.id, "empty text: nothing to analyze"));
            }
            if s.contains('\0') {
                return Err(RecordError::new(doc.id, "binary content (NUL characters) in text"));
            }
        }
        Content::Html { bytes, .. } => {
            if bytes.iter().all(u8::is_ascii_whitespace) {
                return Err(RecordError::new(doc.id, "empty html: nothing to analyze"));
            }
        }
    }
    Ok(doc)
}

fn expand_dir(dir: &Path) -> VecDeque<Result<PathBuf, RecordError>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|entry| match entry {
            Ok(e) if e.file_type().is_file() => {
                if FileKind::from_path(e.path()).is_some() {
                    Some(Ok(e.into_path()))
                } else {
                    tracing::debug!(path = %e.path().display(), "skipped: not a kind analyze reads");
                    None
                }
            }
            Ok(_) => None,
            Err(e) => {
                let id = e.path().unwrap_or(dir).display().to_string();
                Some(Err(RecordError::new(id, format!("cannot read directory entry: {e}"))))
            }
        })
        .collect()
}

impl Iterator for Records {
    type Item = InputRecord;

    fn next(&mut self) -> Option<InputRecord> {
        loop {
            if self.jsonl.is_some() {
                if let Some(r) = self.next_jsonl() {
                    return Some(r);
                }
                continue;
            }
            if let Some(entry) = self.expanded.pop_front() {
                match entry {
                    Ok(path) => {
                        if let Some(r) = self.read_file(path, false) {
                            return Some(r);
                        }
                        continue;
                    }
                    Err(e) => return Some(Err(e)),
                }
            }
            match self.queue.pop_front()? {
                Pending::Stdin => {
                    self.jsonl = Some(JsonlStream {
                        reader: Box::new(BufReader::with_capacity(1 << 16, io::stdin())),
                        prefix: "stdin".into(),
                        line: 0,
                    });
                }
                Pending::Dir(d) => self.expanded = expand_dir(&d),
                Pending::File { path, explicit } => {
                    if !path.exists() {
                        let id = path.display().to_string();
                        return Some(Err(RecordError::new(id, "no such file or directory")));
                    }
                    if let Some(r) = self.read_file(path, explicit) {
                        return Some(r);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn ids(recs: Vec<InputRecord>) -> Vec<String> {
        recs.into_iter()
            .map(|r| match r {
                Ok(d) => format!("ok {}", d.id),
                Err(e) => format!("err {}: {}", e.id, e.message),
            })
            .collect()
    }

    #[test]
    fn directory_walk_is_recursive_sorted_and_complete() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        fs::create_dir(p.join("b")).unwrap();
        fs::write(p.join("b/z.txt"), "Zed.").unwrap();
        fs::write(p.join("a.md"), "# A\n\nText.").unwrap();
        fs::write(p.join("c.jsonl"), "{\"text\":\"one\"}\n\n{broken\n{\"id\":\"x\",\"text\":\"\"}\n")
            .unwrap();
        fs::write(p.join("d.txt"), "").unwrap();
        fs::write(p.join("e.bin"), [0u8, 1, 2]).unwrap();
        fs::write(p.join("f.txt"), b"abc\0def").unwrap();
        let recs: Vec<_> =
            Records::new(&[InputSpec::Path(p.to_path_buf())], IngestOptions::default()).collect();
        let got = ids(recs);
        let root = p.display().to_string();
        let exp = [
            format!("ok {root}/a.md"),
            format!("ok {root}/b/z.txt"),
            format!("ok {root}/c.jsonl:1"),
            format!("err {root}/c.jsonl:3: malformed JSON line"),
            "err x: empty text: nothing to analyze".to_string(),
            format!("err {root}/d.txt: empty text: nothing to analyze"),
            format!("err {root}/f.txt: binary content (NUL bytes); expected text"),
        ];
        assert_eq!(got.len(), exp.len(), "{got:#?}");
        for (g, e) in got.iter().zip(&exp) {
            assert!(g.starts_with(e.as_str()), "{g} !~ {e}");
        }
    }

    #[test]
    fn missing_file_and_size_limit() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.txt");
        fs::write(&big, "x".repeat(100)).unwrap();
        let inputs = [InputSpec::Path(dir.path().join("nope.txt")), InputSpec::Path(big)];
        let got = ids(Records::new(&inputs, IngestOptions { max_bytes: 50 }).collect());
        assert!(got[0].ends_with("nope.txt: no such file or directory"), "{got:?}");
        assert!(got[1].contains("100 bytes, over the limit of 50"), "{got:?}");
    }

    #[test]
    fn oversized_jsonl_line_is_one_error_and_the_rest_goes_on() {
        let data = format!("{{\"text\":\"{}\"}}\n{{\"text\":\"fine\"}}\n", "y".repeat(200));
        let r = Records::from_jsonl_reader(
            Box::new(io::Cursor::new(data)),
            "stdin",
            IngestOptions { max_bytes: 100 },
        );
        let got = ids(r.collect());
        assert!(got[0].starts_with("err stdin:1: record is 211 bytes"), "{got:?}");
        assert_eq!(got[1], "ok stdin:2");
    }

    #[test]
    fn unknown_extension_named_explicitly_is_read_as_text() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("story");
        fs::write(&f, "Some story.").unwrap();
        let recs: Vec<_> = Records::new(&[InputSpec::Path(f)], IngestOptions::default()).collect();
        let doc = recs.into_iter().next().unwrap().unwrap();
        assert!(doc.warnings[0].contains("unknown file extension"));
    }

    #[test]
    fn invalid_utf8_file_gets_warning() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("latin1.txt");
        fs::write(&f, b"Caf\xE9 society.").unwrap();
        let doc = Records::new(&[InputSpec::Path(f)], IngestOptions::default()).next().unwrap().unwrap();
        assert_eq!(doc.content, Content::Text("Caf\u{FFFD} society.".into()));
        assert!(doc.warnings[0].contains("invalid UTF-8"));
    }
}
