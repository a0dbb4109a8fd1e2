//! The SQLite store: one file, WAL journal, FTS5 over titles and texts.
//!
//! The schema version lives in `PRAGMA user_version` and is checked before anything is
//! written: a newer file is refused, an older one migrated (no older version exists yet, so
//! it is refused), a file that is not a dossier database is refused; a refused file is never
//! touched.

use std::collections::BTreeSet;
use std::path::Path;

use dossier_link::{DupThresholds, EntityRow, Member, OriginHint, Signature, SIGNATURE_VERSION};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, Transaction};

use crate::prepare::{Prepared, PreparedDoc};
use crate::{
    DocSummary, PutOutcome, Result, SearchHit, Stats, Store, StoreError, StoredAttribution, TimelineItem,
};

/// The schema this version writes (and the newest it reads).
pub const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = include_str!("schema.sql");

/// Candidates examined per band key: a band shared by very many documents (boilerplate-only
/// bodies) would otherwise make linking quadratic.
const MAX_BAND_CANDIDATES: i64 = 200;

pub struct SqliteStore {
    conn: Connection,
    path: String,
    thresholds: DupThresholds,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore").field("path", &self.path).finish()
    }
}

impl SqliteStore {
    /// Opens the store at `path`, creating it when the file does not exist.
    pub fn open(path: &Path) -> Result<SqliteStore> {
        let conn = Connection::open(path)?;
        SqliteStore::init(conn, path.display().to_string())
    }

    /// Opens an existing store; a missing file is an error (queries never create one).
    pub fn open_existing(path: &Path) -> Result<SqliteStore> {
        if !path.exists() {
            return Err(StoreError::Missing(path.display().to_string()));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        SqliteStore::init(conn, path.display().to_string())
    }

    /// A store in memory (tests, benchmarks).
    pub fn open_in_memory() -> Result<SqliteStore> {
        SqliteStore::init(Connection::open_in_memory()?, ":memory:".into())
    }

    fn init(conn: Connection, path: String) -> Result<SqliteStore> {
        // Read-only checks first: nothing is written to a file we refuse.
        let not_dossier =
            |e: rusqlite::Error| StoreError::NotDossier { path: path.clone(), reason: e.to_string() };
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(not_dossier)?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew { path, found: version, supported: SCHEMA_VERSION });
        }
        if version == 0 {
            let objects: i64 = conn
                .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
                .map_err(not_dossier)?;
            if objects > 0 {
                return Err(StoreError::NotDossier {
                    path,
                    reason: format!("it holds {objects} schema objects but no dossier schema version"),
                });
            }
        } else if version < SCHEMA_VERSION {
            // Migrations from older schemas go here, each in its own transaction.
            return Err(StoreError::TooOld {
                path,
                found: version,
                supported: SCHEMA_VERSION,
                reason: "no migration is known for it".into(),
            });
        }
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // WAL + NORMAL: a killed process loses nothing committed; power loss may lose the
        // last transactions but never corrupts the file.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "cache_size", -32_000)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        if version == 0 {
            let tx = conn.unchecked_transaction()?;
            tx.execute_batch(SCHEMA)?;
            tx.execute(
                "INSERT INTO meta(name, value) VALUES ('signature_version', ?1), ('created_by', ?2)",
                params![SIGNATURE_VERSION.to_string(), concat!("dossier ", env!("CARGO_PKG_VERSION"))],
            )?;
            tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
            tx.commit()?;
        }
        let sig: Option<String> = conn
            .query_row("SELECT value FROM meta WHERE name = 'signature_version'", [], |r| r.get(0))
            .optional()?;
        if sig.as_deref() != Some(SIGNATURE_VERSION.to_string().as_str()) {
            return Err(StoreError::Corrupt(format!(
                "{path}: near-duplicate signatures are of version {sig:?}, this dossier computes version {SIGNATURE_VERSION}"
            )));
        }
        Ok(SqliteStore { conn, path, thresholds: DupThresholds::default() })
    }

    /// The near-duplicate thresholds used for new documents.
    pub fn set_thresholds(&mut self, t: DupThresholds) {
        self.thresholds = t;
    }

    /// A hash of every table's content in a fixed order: two stores with the same digest hold
    /// the same data (used to check that an interrupted and resumed ingest equals a clean one).
    pub fn digest(&self) -> Result<String> {
        let mut h = blake3::Hasher::new();
        let tables = [
            "meta",
            "documents",
            "doc_inputs",
            "errors",
            "entities",
            "attributions",
            "events",
            "timeline",
            "origins",
            "minhash",
            "lsh",
            "dup_pairs",
            "clusters",
        ];
        for t in tables {
            h.update(t.as_bytes());
            let stmt = self.conn.prepare(&format!("SELECT * FROM {t}"))?;
            let n = stmt.column_count();
            let order: Vec<String> = (1..=n).map(|i| i.to_string()).collect();
            let mut stmt = self.conn.prepare(&format!("SELECT * FROM {t} ORDER BY {}", order.join(", ")))?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                for i in 0..n {
                    let v = row.get_ref(i)?;
                    h.update(format!("{v:?}\u{1F}").as_bytes());
                }
                h.update(b"\x1E");
            }
        }
        Ok(h.finalize().to_hex().to_string())
    }

    /// Bytes of the database file (0 in memory).
    pub fn file_size(&self) -> Result<u64> {
        let pages: i64 = self.conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
        let size: i64 = self.conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
        Ok((pages * size) as u64)
    }

    /// Folds the WAL back into the main file (done at the end of an ingest).
    pub fn checkpoint(&self) -> Result<()> {
        self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

fn put_doc(tx: &Transaction<'_>, d: &PreparedDoc, th: &DupThresholds, out: &mut PutOutcome) -> Result<()> {
    let existing: Option<i64> = tx
        .prepare_cached("SELECT doc FROM documents WHERE key = ?1")?
        .query_row([&d.key], |r| r.get(0))
        .optional()?;
    if let Some(doc) = existing {
        tx.prepare_cached("INSERT OR IGNORE INTO doc_inputs(input_id, doc) VALUES (?1, ?2)")?
            .execute(params![d.input_id, doc])?;
        out.existing += 1;
        return Ok(());
    }
    tx.prepare_cached(
        "INSERT INTO documents(key, input_id, title, url, outlet, published, text, record)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        d.key,
        d.input_id,
        d.title,
        d.url,
        d.outlet,
        d.published,
        d.text,
        d.record_json
    ])?;
    let doc = tx.last_insert_rowid();
    out.added += 1;
    tx.prepare_cached("INSERT INTO doc_inputs(input_id, doc) VALUES (?1, ?2)")?
        .execute(params![d.input_id, doc])?;
    tx.prepare_cached("INSERT INTO doc_fts(rowid, title, text) VALUES (?1, ?2, ?3)")?
        .execute(params![doc, d.title, d.text])?;
    {
        let mut st = tx.prepare_cached(
            "INSERT OR REPLACE INTO entities(doc, eid, name, name_fold, label, type, aliases, mentions)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for e in &d.entities {
            let aliases = serde_json::to_string(&e.aliases)?;
            st.execute(params![
                doc,
                e.eid,
                e.name,
                dossier_link::tokens::fold_name(&e.name),
                e.label,
                e.kind,
                aliases,
                e.mentions as i64
            ])?;
        }
        let mut st = tx.prepare_cached(
            "INSERT OR REPLACE INTO attributions(doc, aid, source, cue, content, kind, stance, evidence, json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for a in &d.attributions {
            st.execute(params![
                doc, a.aid, a.source, a.cue, a.content, a.kind, a.stance, a.evidence, a.json
            ])?;
        }
        let mut st =
            tx.prepare_cached("INSERT OR REPLACE INTO events(doc, vid, type, json) VALUES (?1, ?2, ?3, ?4)")?;
        for (vid, kind, json) in &d.events {
            st.execute(params![doc, vid, kind, json])?;
        }
        let mut st = tx.prepare_cached(
            "INSERT INTO timeline(doc, seq, value, event, attribution, summary) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for (i, t) in d.timeline.iter().enumerate() {
            st.execute(params![doc, i as i64, t.value, t.event, t.attribution, t.summary])?;
        }
        let mut st = tx.prepare_cached(
            "INSERT INTO origins(doc, seq, outlet, kind, evidence) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (i, o) in d.origins.iter().enumerate() {
            st.execute(params![doc, i as i64, o.outlet, o.kind, o.evidence])?;
        }
    }
    tx.prepare_cached("INSERT INTO minhash(doc, shingles, sig) VALUES (?1, ?2, ?3)")?.execute(params![
        doc,
        d.signature.shingles,
        d.signature.to_bytes()
    ])?;
    tx.prepare_cached("INSERT INTO clusters(doc, cluster) VALUES (?1, ?1)")?.execute([doc])?;
    link(tx, doc, &d.signature, th, out)
}

/// Finds the near-duplicates of a new document among the stored ones and merges groups.
fn link(
    tx: &Transaction<'_>,
    doc: i64,
    sig: &Signature,
    th: &DupThresholds,
    out: &mut PutOutcome,
) -> Result<()> {
    let mut candidates = BTreeSet::new();
    {
        let mut find = tx.prepare_cached("SELECT doc FROM lsh WHERE band_key = ?1 ORDER BY doc LIMIT ?2")?;
        let mut add = tx.prepare_cached("INSERT OR IGNORE INTO lsh(band_key, doc) VALUES (?1, ?2)")?;
        for k in sig.band_keys() {
            let docs = find.query_map(params![k, MAX_BAND_CANDIDATES], |r| r.get::<_, i64>(0))?;
            for c in docs {
                candidates.insert(c?);
            }
            add.execute(params![k, doc])?;
        }
    }
    candidates.remove(&doc);
    if candidates.is_empty() {
        return Ok(());
    }
    let mut roots = BTreeSet::from([doc]);
    let mut load = tx.prepare_cached("SELECT shingles, sig FROM minhash WHERE doc = ?1")?;
    let mut cluster_of = tx.prepare_cached("SELECT cluster FROM clusters WHERE doc = ?1")?;
    let mut pair = tx.prepare_cached(
        "INSERT OR IGNORE INTO dup_pairs(a, b, jaccard, containment) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for c in candidates {
        let (shingles, bytes): (u32, Vec<u8>) = load.query_row([c], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let other = Signature::from_bytes(&bytes, shingles).ok_or_else(|| {
            StoreError::Corrupt(format!("signature of document {c} has {} bytes", bytes.len()))
        })?;
        if let Some(s) = th.verify(sig, &other) {
            pair.execute(params![c.min(doc), c.max(doc), s.jaccard, s.containment])?;
            out.pairs += 1;
            roots.insert(cluster_of.query_row([c], |r| r.get::<_, i64>(0))?);
        }
    }
    if roots.len() > 1 {
        let target = *roots.iter().next().unwrap_or(&doc);
        let mut relabel = tx.prepare_cached("UPDATE clusters SET cluster = ?1 WHERE cluster = ?2")?;
        for &r in roots.iter().skip(1) {
            relabel.execute(params![target, r])?;
        }
    }
    Ok(())
}

fn like_pattern(s: &str) -> String {
    let mut p = String::from("%");
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

/// A user's words as an FTS5 query: every word quoted (no query syntax), all required.
pub fn fts_query(q: &str) -> String {
    dossier_link::tokens::words(q).iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>().join(" ")
}

impl Store for SqliteStore {
    fn put(&mut self, batch: &[Prepared]) -> Result<PutOutcome> {
        let th = self.thresholds;
        let tx = self.conn.transaction()?;
        let mut out = PutOutcome::default();
        for p in batch {
            match p {
                Prepared::Error { input_id, message } => {
                    let n = tx
                        .prepare_cached("INSERT OR IGNORE INTO errors(input_id, message) VALUES (?1, ?2)")?
                        .execute(params![input_id, message])?;
                    if n == 1 {
                        out.errors_added += 1;
                    } else {
                        out.errors_existing += 1;
                    }
                }
                Prepared::Doc(d) => put_doc(&tx, d, &th, &mut out)?,
            }
        }
        tx.commit()?;
        Ok(out)
    }

    fn stats(&self) -> Result<Stats> {
        let count =
            |sql: &str| -> Result<u64> { Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64) };
        Ok(Stats {
            documents: count("SELECT count(*) FROM documents")?,
            errors: count("SELECT count(*) FROM errors")?,
            entities: count("SELECT count(*) FROM (SELECT DISTINCT name_fold, label FROM entities)")?,
            attributions: count("SELECT count(*) FROM attributions")?,
            events: count("SELECT count(*) FROM events")?,
            clusters: count(
                "SELECT count(*) FROM (SELECT cluster FROM clusters GROUP BY cluster HAVING count(*) > 1)",
            )?,
        })
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let q = fts_query(query);
        if q.is_empty() {
            return Ok(Vec::new());
        }
        let mut st = self.conn.prepare_cached(
            "SELECT d.key, d.title, snippet(doc_fts, -1, '[', ']', '…', 16), bm25(doc_fts) AS score
             FROM doc_fts JOIN documents d ON d.doc = doc_fts.rowid
             WHERE doc_fts MATCH ?1 ORDER BY score, d.doc LIMIT ?2",
        )?;
        let rows = st.query_map(params![q, limit as i64], |r| {
            Ok(SearchHit {
                id: r.get(0)?,
                title: r.get(1)?,
                snippet: r.get::<_, String>(2)?.split_whitespace().collect::<Vec<_>>().join(" "),
                score: -r.get::<_, f64>(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn timeline(&self, about: Option<&str>) -> Result<Vec<TimelineItem>> {
        let pattern = about.map(like_pattern);
        let mut st = self.conn.prepare_cached(
            "SELECT t.value, d.key, t.summary, ev.json, at.json
             FROM timeline t JOIN documents d ON d.doc = t.doc
             LEFT JOIN events ev ON ev.doc = t.doc AND ev.vid = t.event
             LEFT JOIN attributions at ON at.doc = t.doc AND at.aid = t.attribution
             WHERE ?1 IS NULL OR t.summary LIKE ?1 ESCAPE '\\' OR ev.json LIKE ?1 ESCAPE '\\'
                OR at.json LIKE ?1 ESCAPE '\\' OR d.title LIKE ?1 ESCAPE '\\'
             ORDER BY t.value, d.published, d.key, t.seq",
        )?;
        let rows = st.query_map(params![pattern], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (value, document, summary, ev, at) = row?;
            out.push(TimelineItem {
                value,
                document,
                summary,
                event: ev.map(|j| serde_json::from_str(&j)).transpose()?,
                attribution: at.map(|j| serde_json::from_str(&j)).transpose()?,
            });
        }
        Ok(out)
    }

    fn resolve(&self, id: &str) -> Result<Option<String>> {
        let c = &self.conn;
        let exact: Option<String> =
            c.query_row("SELECT key FROM documents WHERE key = ?1", [id], |r| r.get(0)).optional()?;
        if exact.is_some() {
            return Ok(exact);
        }
        let by_input: Option<String> = c
            .query_row(
                "SELECT d.key FROM doc_inputs i JOIN documents d ON d.doc = i.doc WHERE i.input_id = ?1
                 ORDER BY d.doc DESC LIMIT 1",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        if by_input.is_some() || id.len() < 6 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(by_input);
        }
        let lower = id.to_ascii_lowercase();
        let mut st = c.prepare_cached("SELECT key FROM documents WHERE key >= ?1 AND key < ?2 LIMIT 2")?;
        let keys: Vec<String> = st
            .query_map(params![lower, format!("{lower}g")], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(if keys.len() == 1 { keys.into_iter().next() } else { None })
    }

    fn document(&self, key: &str) -> Result<Option<DocSummary>> {
        Ok(self
            .conn
            .query_row(
                "SELECT key, input_id, title, outlet, published FROM documents WHERE key = ?1",
                [key],
                |r| {
                    Ok(DocSummary {
                        id: r.get(0)?,
                        input_id: r.get(1)?,
                        title: r.get(2)?,
                        outlet: r.get(3)?,
                        published: r.get(4)?,
                    })
                },
            )
            .optional()?)
    }

    fn group(&self, key: &str) -> Result<Vec<Member>> {
        let mut st = self.conn.prepare_cached(
            "SELECT d.doc, d.key, d.outlet, d.published FROM clusters c JOIN documents d ON d.doc = c.doc
             WHERE c.cluster = (SELECT c2.cluster FROM clusters c2 JOIN documents d2 ON d2.doc = c2.doc
                                WHERE d2.key = ?1)
             ORDER BY d.doc",
        )?;
        let rows: Vec<(i64, Member)> = st
            .query_map([key], |r| {
                Ok((
                    r.get(0)?,
                    Member { id: r.get(1)?, outlet: r.get(2)?, published: r.get(3)?, hints: Vec::new() },
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut hints = self
            .conn
            .prepare_cached("SELECT outlet, kind, evidence FROM origins WHERE doc = ?1 ORDER BY seq")?;
        let mut out = Vec::with_capacity(rows.len());
        for (doc, mut m) in rows {
            m.hints = hints
                .query_map([doc], |r| {
                    Ok(OriginHint { outlet: r.get(0)?, kind: r.get(1)?, evidence: r.get(2)? })
                })?
                .collect::<rusqlite::Result<_>>()?;
            out.push(m);
        }
        Ok(out)
    }

    fn entity_rows(&self) -> Result<Vec<EntityRow>> {
        let mut st = self.conn.prepare_cached(
            "SELECT d.key, e.name, e.label, e.aliases FROM entities e JOIN documents d ON d.doc = e.doc
             ORDER BY e.doc, e.eid",
        )?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get::<_, String>(3)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (document, name, label, aliases) = row?;
            out.push(EntityRow { document, name, label, aliases: serde_json::from_str(&aliases)? });
        }
        Ok(out)
    }

    fn attribution_rows(&self) -> Result<Vec<StoredAttribution>> {
        let mut st = self.conn.prepare_cached(
            "SELECT d.key, d.outlet, d.published, a.source, a.content, a.stance
             FROM attributions a JOIN documents d ON d.doc = a.doc WHERE a.source IS NOT NULL
             ORDER BY a.doc, a.aid",
        )?;
        let rows = st.query_map([], |r| {
            Ok(StoredAttribution {
                document: r.get(0)?,
                outlet: r.get(1)?,
                published: r.get(2)?,
                source: r.get(3)?,
                content: r.get(4)?,
                stance: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
