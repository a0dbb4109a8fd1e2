//! Schema versions: refusal of newer files, of foreign files, and the compat fixture.

mod common;

use std::path::Path;

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

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schema-v1.db");

/// Writes the fixture when it is missing (run once per schema version, then committed).
fn write_fixture(path: &Path) {
    let mut s = SqliteStore::open(path).unwrap();
    let batch: Vec<Prepared> = common::corpus().into_iter().map(Prepared::from_record).collect();
    s.put(&batch).unwrap();
    s.checkpoint().unwrap();
}

#[test]
fn the_fixture_written_by_schema_v1_still_opens() {
    let path = Path::new(FIXTURE);
    if !path.exists() {
        write_fixture(path);
    }
    // Work on a copy: opening sets WAL mode and may write.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("v1.db");
    std::fs::copy(path, &copy).unwrap();
    let s = SqliteStore::open_existing(&copy).unwrap();
    let stats = s.stats().unwrap();
    assert_eq!((stats.documents, stats.errors, stats.clusters), (5, 1, 1));
    let p = s.provenance("copy.txt").unwrap().unwrap();
    assert_eq!(p.origin.outlet.as_deref(), Some("Harbour Wire"));
    assert_eq!(s.search("library", 5).unwrap().len(), 1);
}
