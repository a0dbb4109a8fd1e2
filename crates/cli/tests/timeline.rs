//! `dossier timeline FILE…` and `dossier eval dossier`.

use std::fs;

use assert_cmd::Command;
use serde_json::Value;

fn dossier() -> Command {
    Command::cargo_bin("dossier").unwrap()
}

const STORY: &str = "Dam breach floods valley town\n\
The Karsten Dam gave way on Saturday, flooding the town of Ellby and killing at least 14 people, \
regional officials said.\n\
Days before the breach, engineers from the Northern Water Board had warned that the spillway was \
cracked, according to a report released on Monday.\n\
Rescue teams evacuated about 300 residents on Sunday.\n";

fn story_file(dir: &tempfile::TempDir) -> String {
    let p = dir.path().join("dam.txt");
    fs::write(&p, STORY).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn timeline_json_rows_are_in_date_order_with_their_events() {
    let dir = tempfile::tempdir().unwrap();
    let out = dossier()
        .args(["timeline", &story_file(&dir), "--published", "2025-05-14", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!rows.is_empty());
    let values: Vec<&str> = rows.iter().map(|r| r["value"].as_str().unwrap()).collect();
    let mut sorted = values.clone();
    sorted.sort();
    assert_eq!(values, sorted, "date order");
    // The breach happened on the Saturday before publication.
    assert!(rows.iter().any(|r| r["value"] == "2025-05-10" && r["event"]["type"].is_string()), "{rows:#?}");
    for r in &rows {
        assert!(r["document"].as_str().unwrap().ends_with("dam.txt"));
        assert!(r["summary"].is_string() && r["relation"].is_string());
    }
}

#[test]
fn timeline_text_and_timelinejs() {
    let dir = tempfile::tempdir().unwrap();
    let file = story_file(&dir);
    let out = dossier().args(["timeline", &file, "--published", "2025-05-14"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().any(|l| l.starts_with("2025-05-10")), "{text}");
    let out = dossier()
        .args(["timeline", &file, "--published", "2025-05-14", "--format", "timelinejs"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let events = v["events"].as_array().unwrap();
    assert!(!events.is_empty());
    assert!(events.iter().all(|e| e["start_date"]["year"] == "2025" && e["text"]["headline"].is_string()));
}

#[test]
fn timeline_without_dates_says_so_and_bad_files_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("plain.txt");
    fs::write(&p, "The committee will review the plan.\n").unwrap();
    let missing = dir.path().join("missing.txt");
    let out = dossier().args(["timeline", p.to_str().unwrap(), missing.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("no dated events"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.txt"));
}

#[test]
fn eval_dossier_reports_metrics_on_the_gold_set() {
    let gold = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/gold");
    let out = dossier().args(["eval", "dossier", "--gold", gold.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    for m in
        ["mention_f1", "coref_b3_f1", "event_type_accuracy", "event_count_accuracy", "timeline_date_accuracy"]
    {
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("metric {m} ")))
            .unwrap_or_else(|| panic!("{m}: {text}"));
        let v: f64 = line.rsplit(' ').next().unwrap().parse().unwrap();
        assert!((0.0..=1.0).contains(&v));
    }
}

#[test]
fn eval_dossier_refuses_a_folder_without_gold() {
    let dir = tempfile::tempdir().unwrap();
    let out = dossier().args(["eval", "dossier", "--gold", dir.path().to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no gold articles"));
}
