//! Schema versions: refusal of newer files, of foreign files, and the compat fixture.

mod common;

use std::path::Path;

use dossier_link::ClaimFilter;
use dossier_store::{Prepared, SqliteStore, Store, StoreError, SCHEMA_VERSION};

#[test]
fn a_newer_schema_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE x(a); INSERT INTO x VALUES (1);").unwrap();
        c.pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = SqliteStore::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::TooNew { .. }), "{err}");
    assert!(err.to_string().contains("newer dossier"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(!dir.path().join("future.db-wal").exists());
}

#[test]
fn a_foreign_sqlite_file_and_a_non_database_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    rusqlite::Connection::open(&path).unwrap().execute_batch("CREATE TABLE notes(t)").unwrap();
    let err = SqliteStore::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::NotDossier { .. }), "{err}");
    let junk = dir.path().join("junk.db");
    std::fs::write(
        &junk,
        b"this is not a database, only some text that is long enough to have a header.....",
    )
    .unwrap();
    let before = std::fs::read(&junk).unwrap();
    let err = SqliteStore::open(&junk).unwrap_err();
    assert!(matches!(err, StoreError::NotDossier { .. }), "{err}");
    assert_eq!(std::fs::read(&junk).unwrap(), before);
    let missing = SqliteStore::open_existing(&dir.path().join("none.db")).unwrap_err();
    assert!(missing.to_string().contains("dossier ingest"), "{missing}");
}

const FIXTURE_V1: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schema-v1.db");

/// The fixture of the current schema version (written when missing, then committed: the
/// next version's migration is tested on it).
fn current_fixture() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/schema-v{SCHEMA_VERSION}.db"))
}

fn fresh() -> SqliteStore {
    let mut s = SqliteStore::open_in_memory().unwrap();
    let batch: Vec<Prepared> = common::corpus().into_iter().map(Prepared::from_record).collect();
    s.put(&batch).unwrap();
    s
}

/// Everything the queries answer, for comparing two stores.
fn answers(s: &SqliteStore) -> String {
    let mut out = format!("{:?}\n", s.stats().unwrap());
    out += &format!("{:?}\n", s.claims(&ClaimFilter::default()).unwrap());
    out += &format!(
        "{:?}\n",
        s.claims(&ClaimFilter { by: Some("quist".into()), ..Default::default() }).unwrap()
    );
    out += &format!("{:?}\n", s.entities(None).unwrap());
    out += &format!("{:?}\n", s.timeline(None).unwrap());
    // Through the trigram index (three characters or more) and without it.
    for about in ["quist", "FARE", "2024-03", "\"type\"", "Bluewake denies", "qu", "nowhere"] {
        let rows = s.timeline(Some(about)).unwrap();
        assert_eq!(rows, s.timeline_scan(Some(about)).unwrap(), "{about}");
        out += &format!("{about}: {rows:?}\n");
    }
    out += &format!(
        "{:?}\n",
        s.claims(&ClaimFilter { about: Some("fares frozen".into()), ..Default::default() }).unwrap()
    );
    for id in ["orig.txt", "copy.txt", "trunc.txt", "deny.txt", "lib.txt"] {
        out += &format!("{:?}\n", s.provenance(id).unwrap());
    }
    let hits: Vec<String> = s.search("ferry", 10).unwrap().into_iter().map(|h| h.id).collect();
    out += &format!("{hits:?}\n");
    out
}

#[test]
fn the_v1_fixture_is_migrated_and_answers_like_a_fresh_store() {
    // Work on a copy: migrating writes.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("v1.db");
    std::fs::copy(FIXTURE_V1, &copy).unwrap();
    assert_eq!(user_version(&copy), 1);
    let s = SqliteStore::open_existing(&copy).unwrap();
    let stats = s.stats().unwrap();
    assert_eq!((stats.documents, stats.errors, stats.clusters, stats.attributions), (5, 1, 1, 3));
    let p = s.provenance("copy.txt").unwrap().unwrap();
    assert_eq!(p.origin.outlet.as_deref(), Some("Harbour Wire"));
    assert_eq!(s.search("library", 5).unwrap().len(), 1);
    assert_eq!(answers(&s), answers(&fresh()));
    let record = s.record_json(&p.id).unwrap().unwrap();
    assert!(record.contains("\"id\":\"copy.txt\""), "{record}");
    drop(s);
    assert_eq!(user_version(&copy), SCHEMA_VERSION);
    // Opens again without migrating.
    let again = SqliteStore::open_existing(&copy).unwrap();
    assert_eq!(answers(&again), answers(&fresh()));
}

const FIXTURE_V2: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schema-v2.db");

#[test]
fn the_v2_fixture_is_migrated_and_answers_like_a_fresh_store() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("v2.db");
    std::fs::copy(FIXTURE_V2, &copy).unwrap();
    assert_eq!(user_version(&copy), 2);
    let s = SqliteStore::open_existing(&copy).unwrap();
    assert_eq!(answers(&s), answers(&fresh()));
    // The aggregates equal those of a fresh store (independence counts, spellings, denial sets).
    for sql in [
        "SELECT grp, indep, n FROM claim_indep ORDER BY 1, 2",
        "SELECT grp, name, n, first_arow FROM claim_names ORDER BY 1, 2",
        "SELECT grp, key FROM claim_docs ORDER BY 1, 2",
        "SELECT m.arow, s.words FROM denial_members m JOIN denial_sets s ON s.dset = m.dset ORDER BY 1",
    ] {
        assert_eq!(rows(&s, sql), rows(&fresh(), sql), "{sql}");
    }
    drop(s);
    assert_eq!(user_version(&copy), SCHEMA_VERSION);
    let again = SqliteStore::open_existing(&copy).unwrap();
    assert_eq!(answers(&again), answers(&fresh()));
}

#[test]
fn a_v2_file_that_cannot_be_migrated_is_refused_and_untouched() {
    refused_and_untouched(FIXTURE_V2, "denial_words", 2);
}

const FIXTURE_V3: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schema-v3.db");

#[test]
fn the_v3_fixture_is_migrated_and_answers_like_a_fresh_store() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("v3.db");
    std::fs::copy(FIXTURE_V3, &copy).unwrap();
    assert_eq!(user_version(&copy), 3);
    let s = SqliteStore::open_existing(&copy).unwrap();
    assert_eq!(answers(&s), answers(&fresh()));
    // The trigram index holds the same documents per trigram as a fresh store's.
    for trigram in ["202", "qui", "blu", "\"\"ty", "zzz"] {
        let sql =
            format!("SELECT rowid FROM timeline_fts WHERE timeline_fts MATCH '\"{trigram}\"' ORDER BY 1");
        assert_eq!(rows(&s, &sql), rows(&fresh(), &sql), "{sql}");
    }
    drop(s);
    assert_eq!(user_version(&copy), SCHEMA_VERSION);
    let again = SqliteStore::open_existing(&copy).unwrap();
    assert_eq!(answers(&again), answers(&fresh()));
    assert_eq!(again.digest().unwrap(), fresh().digest().unwrap());
}

#[test]
fn a_v3_file_that_cannot_be_migrated_is_refused_and_untouched() {
    refused_and_untouched(FIXTURE_V3, "events", 3);
}

const FIXTURE_V4: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schema-v4.db");

#[test]
fn the_v4_fixture_is_migrated_and_answers_like_a_fresh_store() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("v4.db");
    std::fs::copy(FIXTURE_V4, &copy).unwrap();
    assert_eq!(user_version(&copy), 4);
    let s = SqliteStore::open_existing(&copy).unwrap();
    assert_eq!(answers(&s), answers(&fresh()));
    // The claim content index holds the same rows (claim group and attribution) per word as a
    // fresh store's, and the index it replaces is gone.
    for word in ["fares", "frozen", "ferry", "denies", "zzz"] {
        let sql = format!("SELECT rowid >> 32, rowid & 4294967295 FROM claim_fts WHERE claim_fts MATCH '\"{word}\"' ORDER BY rowid");
        assert_eq!(rows(&s, &sql), rows(&fresh(), &sql), "{sql}");
        let groups = format!(
            "SELECT a.grp, a.arow FROM claim_fts f JOIN attributions a ON a.arow = f.rowid & 4294967295
             WHERE claim_fts MATCH '\"{word}\"' AND a.grp = f.rowid >> 32 ORDER BY 1, 2"
        );
        assert_eq!(rows(&s, &groups), rows(&s, &sql), "{groups}");
    }
    let index = "SELECT count(*) FROM sqlite_master WHERE name = 'attributions_arow_grp'";
    assert_eq!(rows(&s, index), vec!["Integer(0)".to_string()]);
    drop(s);
    assert_eq!(user_version(&copy), SCHEMA_VERSION);
    let again = SqliteStore::open_existing(&copy).unwrap();
    assert_eq!(answers(&again), answers(&fresh()));
    assert_eq!(again.digest().unwrap(), fresh().digest().unwrap());
}

#[test]
fn a_v4_file_that_cannot_be_migrated_is_refused_and_untouched() {
    // Damaged: the attributions the claim index is rebuilt from are missing.
    refused_and_untouched(FIXTURE_V4, "attributions", 4);
}

/// The `PRAGMA user_version` of the file at `p`.
fn user_version(p: &Path) -> i64 {
    rusqlite::Connection::open(p).unwrap().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap()
}

/// A copy of `fixture` (schema `found`) with table `table` dropped is refused with a message
/// naming the table, and left byte for byte as it was.
fn refused_and_untouched(fixture: &str, table: &str, found: i64) {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("old.db");
    std::fs::copy(fixture, &copy).unwrap();
    {
        let c = rusqlite::Connection::open(&copy).unwrap();
        c.execute_batch(&format!("DROP TABLE {table}; PRAGMA wal_checkpoint(TRUNCATE);")).unwrap();
    }
    let before = std::fs::read(&copy).unwrap();
    let err = SqliteStore::open_existing(&copy).unwrap_err();
    assert!(matches!(err, StoreError::TooOld { found: f, .. } if f == found), "{err}");
    assert!(err.to_string().contains(table), "{err}");
    assert_eq!(std::fs::read(&copy).unwrap(), before, "a refused file is left as it was");
}

fn rows(s: &SqliteStore, sql: &str) -> Vec<String> {
    let mut st = s.connection().prepare(sql).unwrap();
    let n = st.column_count();
    st.query_map([], |r| {
        Ok((0..n).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect::<Vec<_>>().join("|"))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

#[test]
fn a_v1_file_that_cannot_be_migrated_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("v1.db");
    std::fs::copy(FIXTURE_V1, &copy).unwrap();
    {
        // Damaged: a table of schema 1 is missing.
        let c = rusqlite::Connection::open(&copy).unwrap();
        c.execute_batch("DROP TABLE lsh; PRAGMA wal_checkpoint(TRUNCATE);").unwrap();
    }
    let before = std::fs::read(&copy).unwrap();
    let err = SqliteStore::open_existing(&copy).unwrap_err();
    assert!(matches!(err, StoreError::TooOld { found: 1, .. }), "{err}");
    let msg = err.to_string();
    assert!(msg.contains("cannot be migrated") && msg.contains("lsh") && msg.contains("untouched"), "{msg}");
    assert_eq!(std::fs::read(&copy).unwrap(), before, "a refused file is left as it was");
    let c = rusqlite::Connection::open(&copy).unwrap();
    let version: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, 1);
}

#[test]
fn the_fixture_of_the_current_schema_opens() {
    let path = current_fixture();
    if !path.exists() {
        let mut s = SqliteStore::open(&path).unwrap();
        let batch: Vec<Prepared> = common::corpus().into_iter().map(Prepared::from_record).collect();
        s.put(&batch).unwrap();
        s.checkpoint().unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("current.db");
    std::fs::copy(&path, &copy).unwrap();
    let s = SqliteStore::open_existing(&copy).unwrap();
    assert_eq!(answers(&s), answers(&fresh()));
}
