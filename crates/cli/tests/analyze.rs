//! End-to-end tests of `dossier analyze`: exit codes, error records, stdin, ordering, and
//! the span invariant on every record the command prints.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use dossier_doc::contract::CONTRACT_FIELDS;
use serde_json::Value;

fn dossier() -> Command {
    Command::cargo_bin("dossier").unwrap()
}

fn examples() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// Parses JSONL output into records.
fn records(stdout: &[u8]) -> Vec<Value> {
    std::str::from_utf8(stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// Every object with integer `start`/`end` and a `text` must satisfy
/// `text == record.text[start:end]` in chars.
fn check_spans(rec: &Value) {
    let chars: Vec<char> = rec["text"].as_str().unwrap().chars().collect();
    fn walk(v: &Value, chars: &[char], path: &str) {
        match v {
            Value::Object(m) => {
                if let (Some(s), Some(e), Some(t)) = (
                    m.get("start").and_then(Value::as_u64),
                    m.get("end").and_then(Value::as_u64),
                    m.get("text"),
                ) {
                    let (s, e) = (s as usize, e as usize);
                    assert!(s <= e && e <= chars.len(), "{path}: {s}..{e} out of {}", chars.len());
                    let got: String = chars[s..e].iter().collect();
                    assert_eq!(Some(got.as_str()), t.as_str(), "{path}");
                }
                for (k, x) in m {
                    if k != "text" {
                        walk(x, chars, &format!("{path}.{k}"));
                    }
                }
            }
            Value::Array(a) => {
                a.iter().enumerate().for_each(|(i, x)| walk(x, chars, &format!("{path}[{i}]")))
            }
            _ => {}
        }
    }
    walk(rec, &chars, "record");
}

#[test]
fn examples_analyze_ok_in_sorted_order() {
    let out = dossier().arg("analyze").arg(examples()).assert().success().get_output().stdout.clone();
    let recs = records(&out);
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 4, "{ids:?}");
    assert!(ids[0].ends_with("01-harbour-strike.txt"));
    assert!(ids[1].ends_with("02-reservoir-leak.md"));
    assert_eq!(ids[2], "wire-0415");
    assert_eq!(ids[3], "wire-0416");
    for r in &recs {
        assert_eq!(r["status"], "ok");
        assert_eq!(r["contract"], 1);
        for f in CONTRACT_FIELDS {
            assert!(r.get(f).is_some(), "{} lacks {f}", r["id"]);
        }
        assert!(!r["sentences"].as_array().unwrap().is_empty());
        check_spans(r);
    }
    assert_eq!(recs[2]["published"], "2024-04-15");
    assert_eq!(recs[2]["outlet"], "Northern Wire");
}

#[test]
fn bad_inputs_become_error_records_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("a-good.txt"), "A headline\n\nThe mayor said the plan would work.").unwrap();
    fs::write(p.join("b-empty.txt"), "  \n\n").unwrap();
    fs::write(p.join("c-binary.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    fs::write(p.join("d-latin1.txt"), b"The caf\xE9 opened on Monday.").unwrap();
    fs::write(
        p.join("e.jsonl"),
        concat!(
            "{\"id\":\"j1\",\"text\":\"Fine record.\"}\n",
            "{\"id\":\"j2\",\"text\": broken\n",
            "\n",
            "{\"id\":\"j4\",\"title\":\"no body\"}\n",
            "{\"id\":\"j5\",\"text\":\"x\",\"html\":\"<p>y</p>\"}\n",
            "{\"id\":\"j6\",\"text\":\"Last one.\"}\n",
        ),
    )
    .unwrap();
    let out = dossier().arg("analyze").arg(p).assert().code(1).get_output().stdout.clone();
    let recs = records(&out);
    let summary: Vec<(String, String)> = recs
        .iter()
        .map(|r| {
            let id = r["id"].as_str().unwrap();
            let id = Path::new(id).file_name().map_or(id.to_string(), |f| f.to_string_lossy().into_owned());
            (id, r["status"].as_str().unwrap().to_string())
        })
        .collect();
    let expect = [
        ("a-good.txt", "ok"),
        ("b-empty.txt", "error"),
        ("c-binary.txt", "error"),
        ("d-latin1.txt", "ok"),
        ("j1", "ok"),
        ("e.jsonl:2", "error"),
        ("j4", "error"),
        ("j5", "error"),
        ("j6", "ok"),
    ];
    let expect: Vec<(String, String)> = expect.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    assert_eq!(summary, expect);
    let err = |i: usize| recs[i]["error"].as_str().unwrap().to_string();
    assert!(err(1).contains("empty text"), "{}", err(1));
    assert!(err(2).contains("binary content"), "{}", err(2));
    assert!(err(5).contains("malformed JSON line"), "{}", err(5));
    assert!(err(6).contains("neither \"text\" nor \"html\""), "{}", err(6));
    assert!(err(7).contains("both"), "{}", err(7));
    // Lossy decoding keeps the record and says so.
    assert!(recs[3]["text"].as_str().unwrap().contains('\u{FFFD}'));
    assert!(recs[3]["warnings"][0].as_str().unwrap().contains("invalid UTF-8"));
    for r in recs.iter().filter(|r| r["status"] == "ok") {
        check_spans(r);
    }
}

#[test]
fn oversized_record_is_an_error_record() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("big.txt");
    fs::write(&f, "Words and more words. ".repeat(100)).unwrap();
    let out = dossier()
        .args(["analyze", "--max-bytes", "1000"])
        .arg(&f)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let r = &records(&out)[0];
    assert_eq!(r["status"], "error");
    assert!(r["error"].as_str().unwrap().contains("over the limit of 1000 bytes"));
}

#[test]
fn stdin_records_get_stdin_ids_and_published_fallback() {
    let input = "{\"text\":\"First story.\"}\n{\"text\":\"Second story.\",\"published\":\"2023-12-31T22:00:00-05:00\"}\n";
    let out = dossier()
        .args(["analyze", "-", "--published", "2024-03-27"])
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["id"], "stdin:1");
    assert_eq!(recs[0]["published"], "2024-03-27");
    assert_eq!(recs[1]["id"], "stdin:2");
    assert_eq!(recs[1]["published"], "2023-12-31", "the record's own date wins, in its own offset");
}

#[test]
fn json_format_is_one_array() {
    let out = dossier()
        .args(["analyze", "--format", "json"])
        .arg(examples())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 4);
    let empty = dossier().args(["analyze", "--format", "json", "-"]).write_stdin("").assert().success();
    let v: Value = serde_json::from_slice(&empty.get_output().stdout).unwrap();
    assert_eq!(v, Value::Array(vec![]));
}

#[test]
fn text_format_is_a_readable_summary() {
    let f = examples().join("02-reservoir-leak.md");
    let out = dossier()
        .args(["analyze", "--format", "text"])
        .arg(&f)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let s = String::from_utf8(out).unwrap();
    assert!(s.contains("title"), "{s}");
    assert!(s.contains("Engineers warned of cracks"), "{s}");
    assert!(s.contains("sentences"), "{s}");
}

#[test]
fn missing_file_is_an_error_record_not_a_crash() {
    let out =
        dossier().args(["analyze", "/nonexistent/nope.txt"]).assert().code(1).get_output().stdout.clone();
    let r = &records(&out)[0];
    assert_eq!(r["id"], "/nonexistent/nope.txt");
    assert!(r["error"].as_str().unwrap().contains("no such file"));
}

#[test]
fn misuse_exits_2() {
    dossier().arg("analyze").assert().code(2);
    dossier().args(["analyze", "x.txt", "--published", "someday"]).assert().code(2);
    dossier().args(["analyze", "x.txt", "--format", "xml"]).assert().code(2);
    dossier().args(["analyze", "-", "-"]).assert().code(2);
    dossier().arg("frobnicate").assert().code(2);
}

#[test]
fn out_file_receives_the_records() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("o.jsonl");
    dossier()
        .args(["analyze", "-", "--out"])
        .arg(&out)
        .write_stdin("{\"text\":\"Hello there.\"}\n")
        .assert()
        .success();
    assert_eq!(records(&fs::read(out).unwrap()).len(), 1);
}
