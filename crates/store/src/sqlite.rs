//! The SQLite store: one file, WAL journal, FTS5 over titles and texts.
//!
//! The schema version lives in `PRAGMA user_version` and is checked before anything is
//! written: a newer file is refused, a version 1 or 2 file is migrated in one transaction (see
//! [`migrate_v1`], [`migrate_v2`]; if that fails the file is left as it was and the error says
//! why), a file that is not a dossier database is refused; a refused file is never touched.
//!
//! Everything a query reads is maintained in the write transaction of each batch: counters
//! for `stats`, entity components with their summary row for `entities`, claim groups (and
//! the per-document independence key, and per claim its documents, outlets, independence keys
//! and source spellings) for `claims`, so no query scans the corpus and a claim costs one range
//! read per list it outputs.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

use dossier_link::tokens::{fold_name, hashes_from_bytes, hashes_to_bytes, words};
use dossier_link::{
    about_matches, by_matches, claim_class, contradicts, independence_key, same_claim, trace, Claim,
    ClaimFilter, ClaimOptions, Contradiction, DupThresholds, EntitySummary, Member, OriginHint, Signature,
    SIGNATURE_VERSION,
};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};

use crate::prepare::{compress, Prepared, PreparedAttribution, PreparedDoc, PreparedEntity};
use crate::{DocSummary, PutOutcome, Result, SearchHit, Stats, Store, StoreError, TimelineItem};

/// The schema this version writes (and the newest it reads).
pub const SCHEMA_VERSION: i64 = 5;

const SCHEMA: &str = include_str!("schema.sql");
/// The tables version 3 added (a new store runs all three files; [`migrate_v2`] runs this one).
const SCHEMA_CLAIMS: &str = include_str!("schema_claims.sql");
/// The indexes version 4 added (the migrations run this one and fill `timeline_fts`).
const SCHEMA_SEARCH: &str = include_str!("schema_search.sql");
/// The claim content index of version 5 (rowid = claim group and attribution row).
const SCHEMA_ABOUT: &str = include_str!("schema_about.sql");

/// The rowid of an attribution in `claim_fts`: its claim group in the high 32 bits, its row
/// in the low 32, so that the hits of a query come grouped by claim group. `None` past what
/// that can hold (2^31 groups, 2^32 attribution rows).
fn about_rowid(grp: i64, arow: i64) -> Option<i64> {
    ((0..=i64::from(i32::MAX)).contains(&grp) && (0..=i64::from(u32::MAX)).contains(&arow))
        .then_some((grp << 32) | arow)
}

/// The claim group and the attribution row of a `claim_fts` rowid ([`about_rowid`]).
fn about_parts(rowid: i64) -> (i64, i64) {
    (rowid >> 32, rowid & i64::from(u32::MAX))
}

/// Indexes the timeline texts of documents in `timeline_fts`, one entry per document with
/// timeline rows: the texts the `LIKE` of [`SqliteStore::timeline`] reads, joined by line
/// breaks (the index only finds candidates, so a trigram across two texts costs nothing but a
/// rare extra candidate). The migrations index every document; ingest puts `{doc}` = `?1`.
const TIMELINE_FTS_FILL: &str = "INSERT INTO timeline_fts(rowid, texts)
     SELECT t.doc, group_concat(t.summary || char(10) || coalesce(ev.json, '') || char(10)
                                || coalesce(t.attribution_json, ''), char(10))
                   || char(10) || coalesce(d.title, '')
     FROM timeline t JOIN documents d ON d.doc = t.doc
     LEFT JOIN events ev ON ev.doc = t.doc AND ev.vid = t.event
     WHERE {doc} GROUP BY t.doc";

/// The trigrams of a `timeline --about` text looked up: any subset finds a superset of the
/// documents that hold the text, and a long text would make a long query.
const MAX_TRIGRAMS: usize = 48;

/// Candidates examined per band key: a band shared by very many documents (boilerplate-only
/// bodies) would otherwise make linking quadratic.
const MAX_BAND_CANDIDATES: i64 = 200;

pub struct SqliteStore {
    conn: Connection,
    path: String,
    thresholds: DupThresholds,
    seeds: SeedCache,
    /// The denial sets in memory, loaded by the first claim that looks for contradictions
    /// (dropped by every `put`).
    denials: std::cell::RefCell<Option<DenialIndex>>,
    /// Set once a long `claims` listing has turned on reads through a memory map.
    mapped: std::cell::Cell<bool>,
}

/// Prefix filter over word postings: a set sharing at least `m = ⌈threshold·|words|⌉` of
/// `words` holds one of any `|words| − m + 1` of them, so only the words in the fewest sets
/// are looked up. The ids of every set that can reach the threshold, sorted, once each.
fn candidates(postings: &HashMap<u64, Vec<u32>>, words: &[u64], threshold: f64) -> Vec<u32> {
    let mut by_df: Vec<(usize, u64)> =
        words.iter().map(|w| (postings.get(w).map_or(0, Vec::len), *w)).collect();
    by_df.sort_unstable();
    let min_overlap = ((threshold * words.len() as f64 - 1e-9).ceil() as usize).max(1);
    let probe = words.len().saturating_sub(min_overlap) + 1;
    let mut at: Vec<u32> =
        by_df.iter().take(probe).filter_map(|(_, w)| postings.get(w)).flatten().copied().collect();
    at.sort_unstable();
    at.dedup();
    at
}

/// Distinct denial word sets with an inverted index: word → sets holding it. A few thousand
/// sets per 100,000 documents (a quote repeated in many documents is one set).
#[derive(Default)]
struct DenialIndex {
    /// (dset, words) in dset order.
    sets: Vec<(i64, Vec<u64>)>,
    /// word → positions in `sets`.
    postings: HashMap<u64, Vec<u32>>,
    /// The members of the sets read so far, in date order (a quote denied in many documents
    /// contradicts many claims: its members are read once per store, not once per claim).
    members: HashMap<i64, std::sync::Arc<[DenialMember]>>,
}

/// One denial of a set, as a contradiction lists it.
struct DenialMember {
    arow: i64,
    /// The source id of its claim group (a denial by the claim's own source is no contradiction).
    sid: i64,
    source: String,
    content: String,
    key: String,
    published: Option<String>,
}

impl DenialIndex {
    fn load(conn: &Connection) -> Result<DenialIndex> {
        let mut idx = DenialIndex::default();
        let mut st = conn.prepare_cached("SELECT dset, words FROM denial_sets ORDER BY dset")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let words = hashes_from_bytes(
                r.get_ref(1)?.as_blob().map_err(|e| StoreError::Corrupt(e.to_string()))?,
            )
            .ok_or_else(|| StoreError::Corrupt("a denial set is not a list of 64-bit hashes".into()))?;
            let at = idx.sets.len() as u32;
            for &w in &words {
                idx.postings.entry(w).or_default().push(at);
            }
            idx.sets.push((r.get(0)?, words));
        }
        Ok(idx)
    }

    /// The sets similar to `seed` (`contradicts`). A similar set shares at least
    /// `m = ⌈t·|seed|⌉` words with the seed, so it holds one of any `|seed| − m + 1` of them:
    /// only the seed words in the fewest sets are looked up.
    fn similar(&self, seed: &[u64], opts: ClaimOptions) -> Vec<i64> {
        candidates(&self.postings, seed, opts.contradiction)
            .into_iter()
            .map(|i| &self.sets[i as usize])
            .filter(|(_, words)| contradicts(seed, words, opts))
            .map(|(d, _)| *d)
            .collect()
    }
}

/// Claim groups with many members are looked up once per new attribution of their source:
/// their seeds are kept in memory by (source id, class) for the life of the store, checked
/// against the database (the newest group id) before each use, so another writer or a
/// rolled-back batch can only cost a reload, never a wrong answer. Sources with few groups
/// are read from the database each time (the cache stays small: only busy sources).
#[derive(Default)]
struct SeedCache {
    map: HashMap<(i64, i64), SourceSeeds>,
}

/// The seeds of one busy source and class, in group order, with an inverted index
/// (word → positions) so that finding the group an attribution joins does not compare it with
/// every seed.
#[derive(Default)]
struct SourceSeeds {
    seeds: Vec<Seed>,
    postings: HashMap<u64, Vec<u32>>,
    /// Positions of the seeds without content words.
    empty: Vec<u32>,
}

impl SourceSeeds {
    fn push(&mut self, grp: i64, seed: Vec<u64>) {
        let at = self.seeds.len() as u32;
        if seed.is_empty() {
            self.empty.push(at);
        }
        for &w in &seed {
            self.postings.entry(w).or_default().push(at);
        }
        self.seeds.push((grp, seed));
    }

    /// The first group (by id) whose seed `words` joins ([`same_claim`]). A joinable seed
    /// shares at least `m = ⌈t·|words|⌉` words with `words` (the union is at least `|words|`),
    /// so it holds one of any `|words| − m + 1` of them: only the words in the fewest seeds are
    /// looked up, and the candidates checked in group order.
    fn find(&self, words: &[u64], opts: ClaimOptions) -> Option<i64> {
        if words.is_empty() {
            return self.empty.first().map(|&i| self.seeds[i as usize].0);
        }
        candidates(&self.postings, words, opts.same_content)
            .into_iter()
            .map(|i| &self.seeds[i as usize])
            .find(|(_, seed)| same_claim(seed, words, opts))
            .map(|x| x.0)
    }
}

/// `claims --about`: the candidate groups (FTS hits by group) and the exact check, done once
/// per group and only for the groups a query reaches (a `--limit` query checks about as many
/// groups as it returns).
struct AboutHits {
    about: HashSet<String>,
    /// The attribution rows the FTS index matched, by group then row (each group's are a run).
    arows: Vec<i64>,
    /// The candidate groups, ascending, each with the start of its run in `arows`.
    groups: Vec<(i64, usize)>,
    /// Groups already checked, with the answer.
    checked: HashMap<i64, bool>,
}

impl AboutHits {
    /// From `claim_fts` rowids ([`about_rowid`]), in any order.
    fn new(about: HashSet<String>, mut rowids: Vec<i64>) -> AboutHits {
        if !rowids.is_sorted() {
            rowids.sort_unstable();
        }
        let mut groups: Vec<(i64, usize)> = Vec::new();
        let arows = rowids
            .into_iter()
            .enumerate()
            .map(|(i, rowid)| {
                let (grp, arow) = about_parts(rowid);
                if groups.last().is_none_or(|g| g.0 != grp) {
                    groups.push((grp, i));
                }
                arow
            })
            .collect();
        AboutHits { about, arows, groups, checked: Default::default() }
    }

    /// The FTS hits of a candidate group (empty for any other group).
    fn hits_of(&self, grp: i64) -> &[i64] {
        match self.groups.binary_search_by_key(&grp, |g| g.0) {
            Ok(i) => {
                let end = self.groups.get(i + 1).map_or(self.arows.len(), |g| g.1);
                &self.arows[self.groups[i].1..end]
            }
            Err(_) => &[],
        }
    }

    fn may_match(&self, grp: i64) -> bool {
        self.groups.binary_search_by_key(&grp, |g| g.0).is_ok()
    }

    /// True when one of the group's hits has every word of `about` ([`about_matches`], the
    /// rule of [`dossier_link::group_claims`]; the FTS index folds diacritics and splits words
    /// a little differently, so a hit is a candidate only).
    fn matches(&mut self, conn: &Connection, grp: i64) -> Result<bool> {
        if let Some(&m) = self.checked.get(&grp) {
            return Ok(m);
        }
        let mut content = conn.prepare_cached("SELECT content FROM attributions WHERE arow = ?1")?;
        let mut found = false;
        for &arow in self.hits_of(grp) {
            let text: String = content.query_row([arow], |r| r.get(0))?;
            if about_matches(&text, &self.about) {
                found = true;
                break;
            }
        }
        self.checked.insert(grp, found);
        Ok(found)
    }
}

/// The next group id of a statement that selects group ids.
fn next_grp(rows: &mut rusqlite::Rows<'_>) -> Option<Result<i64>> {
    match rows.next() {
        Ok(Some(r)) => Some(r.get(0).map_err(StoreError::from)),
        Ok(None) => None,
        Err(e) => Some(Err(e.into())),
    }
}

/// A claim group id and its seed's content-word hashes.
type Seed = (i64, Vec<u64>);

/// `claims` with a limit above this (or none) reads through a memory map (see `claims`).
const MAP_ABOVE: usize = 1000;

/// Sources with at least this many groups (of one class) are cached.
const CACHE_MIN_GROUPS: usize = 32;

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

    fn init(mut conn: Connection, path: String) -> Result<SqliteStore> {
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
        }
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        if (1..SCHEMA_VERSION).contains(&version) {
            // Migrated in the file's own journal mode, in one transaction: on any error the
            // transaction rolls back and the file is as it was.
            let started = std::time::Instant::now();
            let migrated = match version {
                1 => migrate_v1(&mut conn),
                2 => migrate_v2(&mut conn),
                3 => migrate_v3(&mut conn),
                _ => migrate_v4(&mut conn),
            };
            migrated.map_err(|e| StoreError::TooOld {
                path: path.clone(),
                found: version,
                supported: SCHEMA_VERSION,
                reason: e.to_string(),
            })?;
            tracing::info!(path = %path, from = version, seconds = started.elapsed().as_secs_f64(), "store migrated");
        }
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // WAL + NORMAL: a killed process loses nothing committed; power loss may lose the
        // last transactions but never corrupts the file.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // Page cache: an ingest batch touches index pages all over the file (LSH bands, entity
        // nodes, claim tables); 32 MB missed often enough at 20,000 documents for reading
        // pages back from the OS to cost 0.8 ms of CPU per document (ingest peak RSS +100 MB).
        conn.pragma_update(None, "cache_size", -128_000)?;
        if version == 0 {
            let tx = conn.unchecked_transaction()?;
            tx.execute_batch(SCHEMA)?;
            tx.execute_batch(SCHEMA_CLAIMS)?;
            tx.execute_batch(SCHEMA_SEARCH)?;
            tx.execute_batch(SCHEMA_ABOUT)?;
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
        Ok(SqliteStore {
            conn,
            path,
            thresholds: DupThresholds::default(),
            seeds: SeedCache::default(),
            denials: Default::default(),
            mapped: Default::default(),
        })
    }

    /// The near-duplicate thresholds used for new documents.
    pub fn set_thresholds(&mut self, t: DupThresholds) {
        self.thresholds = t;
    }

    /// A hash of every table's content in a fixed order: two stores with the same digest hold
    /// the same data (used to check that an interrupted and resumed ingest equals a clean one).
    pub fn digest(&self) -> Result<String> {
        let mut h = blake3::Hasher::new();
        for t in TABLES {
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

    /// The record a document was stored with (contract JSON, `"text"` emptied).
    pub fn record_json(&self, key: &str) -> Result<Option<String>> {
        let blob: Option<Vec<u8>> = self
            .conn
            .query_row("SELECT record FROM documents WHERE key = ?1", [key], |r| r.get(0))
            .optional()?;
        blob.map(|b| {
            let bytes = crate::prepare::decompress(&b)
                .map_err(|e| StoreError::Corrupt(format!("record of {key}: {e}")))?;
            String::from_utf8(bytes).map_err(|e| StoreError::Corrupt(format!("record of {key}: {e}")))
        })
        .transpose()
    }

    /// Claim groups whose folded source contains `by` (a folded word run).
    fn sources_by(&self, by: &str) -> Result<Vec<i64>> {
        let q = format!("\"{by}\"");
        let mut st = self.conn.prepare_cached(
            "SELECT s.sid, s.fold FROM source_fts f JOIN claim_sources s ON s.sid = f.rowid
             WHERE source_fts MATCH ?1",
        )?;
        let rows = st.query_map([q], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (sid, fold) = row?;
            if by_matches(&fold, by) {
                out.push(sid);
            }
        }
        Ok(out)
    }

    /// The claim groups that may match `about`: every group with an attribution that the FTS
    /// index says holds all of `about`'s words (a group without such a hit cannot match), with
    /// those attributions. The group of a hit is in its rowid (schema 5); no attribution row
    /// is read here ([`AboutHits::matches`] reads contents when asked).
    fn about_hits(&self, about: HashSet<String>) -> Result<AboutHits> {
        let mut words: Vec<&String> = about.iter().collect();
        words.sort();
        let q = words.iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>().join(" ");
        let mut st = self.conn.prepare_cached("SELECT rowid FROM claim_fts WHERE claim_fts MATCH ?1")?;
        let rowids = st.query_map([q], |r| r.get(0))?.collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok(AboutHits::new(about, rowids))
    }

    /// True when the first `limit` of `matches` groups are found sooner by walking all groups
    /// in output order (expected `limit × groups / matches` index entries, about 15 times
    /// cheaper each) than by reading the order key of every match.
    fn scan_is_cheaper(&self, matches: usize, limit: usize) -> Result<bool> {
        if limit == usize::MAX || matches == 0 {
            return Ok(false);
        }
        let groups: i64 = self
            .conn
            .prepare_cached("SELECT max(grp) FROM claim_groups")?
            .query_row([], |r| r.get::<_, Option<i64>>(0))?
            .unwrap_or(0);
        let walk = limit as f64 * groups as f64 / matches as f64;
        Ok(walk < 15.0 * matches as f64)
    }

    /// One claim group as a contract claim, from the group's aggregates (`schema_claims.sql`).
    fn claim_of(&self, grp: i64, opts: ClaimOptions) -> Result<Claim> {
        let c = &self.conn;
        // The group, its seed (the first attribution) and the number of independence keys.
        type Head = (i64, i64, bool, String, Vec<u8>, String, String, i64);
        let (sid, class, undated, first_seen, seed, content, stance, independent): Head = c
            .prepare_cached(
                "SELECT g.sid, g.class, g.undated, g.first_seen, g.seed, a.content, a.stance,
                   (SELECT count(*) FROM claim_indep WHERE grp = g.grp)
                 FROM claim_groups g
                 JOIN attributions a ON a.arow = (SELECT min(arow) FROM attributions WHERE grp = g.grp)
                 WHERE g.grp = ?1",
            )?
            .query_row([grp], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?))
            })?;
        // The display name: the most frequent spelling; ties: the longest, then the first
        // stored (picked here: an ORDER BY would start a sorter for a handful of rows).
        let mut names = c.prepare_cached("SELECT name, n, first_arow FROM claim_names WHERE grp = ?1")?;
        let mut rows = names.query([grp])?;
        let mut best: Option<(i64, usize, i64, String)> = None;
        while let Some(r) = rows.next()? {
            let name: String = r.get(0)?;
            let (n, first): (i64, i64) = (r.get(1)?, r.get(2)?);
            // As SQLite's length(): the characters before the first NUL.
            let len = name.split('\0').next().unwrap_or("").chars().count();
            if best.as_ref().is_none_or(|b| (n, len, -first) > (b.0, b.1, -b.2)) {
                best = Some((n, len, first, name));
            }
        }
        let source = best.map(|b| b.3).unwrap_or_default();
        // The documents in date order and the outlets: range reads in primary-key order (an
        // aggregate with its own ORDER BY, as `group_concat(key ORDER BY …)`, would copy every
        // row into a temporary b-tree first — most of a big claim's cost).
        let list = |sql: &str| -> Result<Vec<String>> {
            let mut st = c.prepare_cached(sql)?;
            let rows = st.query_map([grp], |r| r.get(0))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        let documents = list("SELECT key FROM claim_docs WHERE grp = ?1 ORDER BY undated, published, key")?;
        let outlets = list("SELECT outlet FROM claim_outlets WHERE grp = ?1 ORDER BY outlet")?;
        let seed = hashes_from_bytes(&seed)
            .ok_or_else(|| StoreError::Corrupt("a claim seed is not a list of 64-bit hashes".into()))?;
        let contradicted_by =
            if class == 1 || seed.is_empty() { Vec::new() } else { self.contradictions(sid, &seed, opts)? };
        Ok(Claim {
            source,
            content,
            documents,
            outlets,
            independent_outlets: independent as usize,
            contradicted_by,
            first_seen: (!undated).then_some(first_seen),
            stance,
        })
    }

    /// Denials by other sources whose content is similar to `seed` (Jaccard at least
    /// `opts.contradiction`), in date order.
    fn contradictions(&self, sid: i64, seed: &[u64], opts: ClaimOptions) -> Result<Vec<Contradiction>> {
        let c = &self.conn;
        let mut cell = self.denials.borrow_mut();
        let index = match cell.as_mut() {
            Some(i) => i,
            None => cell.insert(DenialIndex::load(c)?),
        };
        let sets = index.similar(seed, opts);
        if sets.is_empty() {
            return Ok(Vec::new());
        }
        let mut found: Vec<&DenialMember> = Vec::new();
        let mut lists = Vec::with_capacity(sets.len());
        for dset in sets {
            let list = match index.members.get(&dset) {
                Some(list) => list.clone(),
                None => {
                    let list = denial_members(c, dset)?;
                    index.members.insert(dset, list.clone());
                    list
                }
            };
            lists.push(list);
        }
        for list in &lists {
            found.extend(list.iter().filter(|m| m.sid != sid));
        }
        if lists.len() > 1 {
            // Each list is in date order; a member is in one set only.
            let order =
                |m: &DenialMember| (m.published.is_none(), m.published.clone(), m.key.clone(), m.arow);
            found.sort_by_cached_key(|m| order(m));
        }
        Ok(found
            .into_iter()
            .map(|m| Contradiction {
                source: m.source.clone(),
                document: m.key.clone(),
                content: m.content.clone(),
            })
            .collect())
    }
}

/// The members of a denial set in date order (dated first, by date, then document key, then
/// attribution row).
fn denial_members(c: &Connection, dset: i64) -> Result<std::sync::Arc<[DenialMember]>> {
    let mut st = c.prepare_cached(
        "SELECT m.arow, g.sid, a.source, a.content, d.key, d.published
         FROM denial_members m JOIN attributions a ON a.arow = m.arow
         JOIN claim_groups g ON g.grp = a.grp JOIN documents d ON d.doc = a.doc
         WHERE m.dset = ?1
         ORDER BY d.published IS NULL, d.published, d.key, m.arow",
    )?;
    let rows = st.query_map([dset], |r| {
        Ok(DenialMember {
            arow: r.get(0)?,
            sid: r.get(1)?,
            source: r.get(2)?,
            content: r.get(3)?,
            key: r.get(4)?,
            published: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?.into())
}

/// Tables compared by [`SqliteStore::digest`] (everything but the FTS indexes, which are
/// functions of the tables).
const TABLES: [&str; 27] = [
    "meta",
    "counters",
    "documents",
    "doc_inputs",
    "errors",
    "attributions",
    "claim_sources",
    "claim_groups",
    "claim_docs",
    "claim_outlets",
    "claim_indep",
    "claim_names",
    "denial_sets",
    "denial_members",
    "ent_nodes",
    "ent_aliases",
    "ent_docs",
    "ent_names",
    "ent_spellings",
    "ent_summary",
    "events",
    "timeline",
    "origins",
    "minhash",
    "lsh",
    "dup_pairs",
    "clusters",
];

/// What a batch changed, applied at its end.
#[derive(Default)]
struct BatchState {
    documents: i64,
    errors: i64,
    attributions: i64,
    events: i64,
    entities: i64,
    clusters: i64,
    /// Entity components whose summary row must be rewritten.
    comps: BTreeSet<i64>,
    /// Documents added (their clusters' independence keys are refreshed).
    docs: Vec<i64>,
    /// `claim_fts` rows of the batch ([`about_rowid`], content), written in rowid order at its end.
    about_rows: Vec<(i64, String)>,
}

fn put_doc(
    tx: &Connection,
    d: &PreparedDoc,
    th: &DupThresholds,
    out: &mut PutOutcome,
    st: &mut BatchState,
    seeds: &mut SeedCache,
) -> Result<()> {
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
        d.record_zstd
    ])?;
    let doc = tx.last_insert_rowid();
    out.added += 1;
    st.documents += 1;
    st.attributions += d.attributions.len() as i64;
    st.events += d.events.len() as i64;
    st.docs.push(doc);
    tx.prepare_cached("INSERT INTO doc_inputs(input_id, doc) VALUES (?1, ?2)")?
        .execute(params![d.input_id, doc])?;
    tx.prepare_cached("INSERT INTO doc_fts(rowid, title, text) VALUES (?1, ?2, ?3)")?
        .execute(params![doc, d.title, d.text])?;
    {
        let mut ins =
            tx.prepare_cached("INSERT OR REPLACE INTO events(doc, vid, type, json) VALUES (?1, ?2, ?3, ?4)")?;
        for (vid, kind, json) in &d.events {
            ins.execute(params![doc, vid, kind, json])?;
        }
        let mut ins = tx.prepare_cached(
            "INSERT INTO timeline(doc, seq, value, event, attribution, summary, attribution_json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for (i, t) in d.timeline.iter().enumerate() {
            ins.execute(params![
                doc,
                i as i64,
                t.value,
                t.event,
                t.attribution,
                t.summary,
                t.attribution_json
            ])?;
        }
        let mut ins = tx.prepare_cached(
            "INSERT INTO origins(doc, seq, outlet, kind, evidence) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (i, o) in d.origins.iter().enumerate() {
            ins.execute(params![doc, i as i64, o.outlet, o.kind, o.evidence])?;
        }
    }
    if !d.timeline.is_empty() {
        tx.prepare_cached(&TIMELINE_FTS_FILL.replace("{doc}", "t.doc = ?1"))?.execute([doc])?;
    }
    tx.prepare_cached("INSERT INTO minhash(doc, shingles, sig) VALUES (?1, ?2, ?3)")?.execute(params![
        doc,
        d.signature.shingles,
        d.signature.to_bytes()
    ])?;
    tx.prepare_cached("INSERT INTO clusters(doc, cluster, indep) VALUES (?1, ?1, '')")?.execute([doc])?;
    link(tx, doc, &d.signature, th, out, st)?;
    let at = DocAt { doc, key: &d.key, published: d.published.as_deref(), outlet: d.outlet.as_deref() };
    add_claims(tx, &at, &d.attributions, seeds, &mut st.about_rows)?;
    add_entities(tx, doc, &d.entities, st)
}

/// Finds the near-duplicates of a new document among the stored ones and merges groups.
fn link(
    tx: &Connection,
    doc: i64,
    sig: &Signature,
    th: &DupThresholds,
    out: &mut PutOutcome,
    st: &mut BatchState,
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
        // Groups of more than one member before the merge (the new document is alone).
        let mut size = tx.prepare_cached("SELECT count(*) FROM clusters WHERE cluster = ?1")?;
        let mut multi = 0;
        for &r in roots.iter().filter(|&&r| r != doc) {
            if size.query_row([r], |x| x.get::<_, i64>(0))? > 1 {
                multi += 1;
            }
        }
        st.clusters += 1 - multi;
        let target = *roots.iter().next().unwrap_or(&doc);
        let mut relabel = tx.prepare_cached("UPDATE clusters SET cluster = ?1 WHERE cluster = ?2")?;
        for &r in roots.iter().skip(1) {
            relabel.execute(params![target, r])?;
        }
    }
    Ok(())
}

/// Puts a document's attributions (with a source) into claim groups: each joins the first
/// group of its folded source and class whose seed is similar enough, else starts one — the
/// rule of [`dossier_link::group_claims`] over documents in storage order.
fn add_claims(
    tx: &Connection,
    at: &DocAt<'_>,
    attrs: &[PreparedAttribution],
    seeds: &mut SeedCache,
    about_rows: &mut Vec<(i64, String)>,
) -> Result<()> {
    let opts = ClaimOptions::default();
    let (doc, key) = (at.doc, at.key);
    let (undated, date) = (at.published.is_none(), at.published.unwrap_or(""));
    for a in attrs {
        let Some(source) = &a.source else { continue };
        let sid = source_id(tx, &a.source_fold)?;
        let class = i64::from(claim_class(&a.stance));
        let found = seeds.find(tx, sid, class, &a.words, opts)?;
        let grp = match found {
            Some(g) => {
                tx.prepare_cached(
                    "UPDATE claim_groups SET undated = ?2, first_seen = ?3, first_key = ?4
                     WHERE grp = ?1 AND (undated, first_seen, first_key) > (?2, ?3, ?4)",
                )?
                .execute(params![g, undated, date, key])?;
                g
            }
            None => {
                tx.prepare_cached(
                    "INSERT INTO claim_groups(sid, class, seed, undated, first_seen, first_key)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )?
                .execute(params![
                    sid,
                    class,
                    hashes_to_bytes(&a.words),
                    undated,
                    date,
                    key
                ])?;
                let g = tx.last_insert_rowid();
                seeds.push(sid, class, g, &a.words);
                g
            }
        };
        tx.prepare_cached(
            "INSERT INTO attributions(doc, aid, source, content, stance, grp, nwords)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![doc, a.aid, source, a.content, a.stance, grp, a.words.len() as i64])?;
        let arow = tx.last_insert_rowid();
        let rowid = about_rowid(grp, arow).ok_or_else(|| {
            StoreError::Full(format!(
                "claim group {grp} or attribution row {arow} is past what the claim index addresses"
            ))
        })?;
        about_rows.push((rowid, a.content.clone()));
        tx.prepare_cached(
            "INSERT OR IGNORE INTO claim_docs(grp, undated, published, key) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![grp, undated, date, key])?;
        if let Some(outlet) = at.outlet {
            tx.prepare_cached("INSERT OR IGNORE INTO claim_outlets(grp, outlet) VALUES (?1, ?2)")?
                .execute(params![grp, outlet])?;
        }
        tx.prepare_cached(
            "INSERT INTO claim_names(grp, name, n, first_arow) VALUES (?1, ?2, 1, ?3)
             ON CONFLICT(grp, name) DO UPDATE SET n = n + 1",
        )?
        .execute(params![grp, source, arow])?;
        if a.stance == "denies" {
            add_denial(tx, arow, &a.words)?;
        }
    }
    Ok(())
}

/// Where a document's attributions come from (what a claim lists of its documents).
struct DocAt<'a> {
    doc: i64,
    key: &'a str,
    published: Option<&'a str>,
    outlet: Option<&'a str>,
}

/// Files a denial under its distinct content-word set (a set without words contradicts
/// nothing and is not filed).
fn add_denial(tx: &Connection, arow: i64, words: &[u64]) -> Result<()> {
    if words.is_empty() {
        return Ok(());
    }
    let blob = hashes_to_bytes(words);
    let found: Option<i64> = tx
        .prepare_cached("SELECT dset FROM denial_sets WHERE words = ?1")?
        .query_row([&blob], |r| r.get(0))
        .optional()?;
    let dset = match found {
        Some(d) => d,
        None => {
            tx.prepare_cached("INSERT INTO denial_sets(words) VALUES (?1)")?.execute([&blob])?;
            tx.last_insert_rowid()
        }
    };
    tx.prepare_cached("INSERT OR IGNORE INTO denial_members(dset, arow) VALUES (?1, ?2)")?
        .execute(params![dset, arow])?;
    Ok(())
}

impl SeedCache {
    /// The first group (by id) of source `sid` and `class` that an attribution with content
    /// `words` joins.
    fn find(
        &mut self,
        tx: &Connection,
        sid: i64,
        class: i64,
        words: &[u64],
        opts: ClaimOptions,
    ) -> Result<Option<i64>> {
        if let Some(list) = self.map.get(&(sid, class)) {
            let newest: Option<i64> = tx
                .prepare_cached("SELECT max(grp) FROM claim_groups WHERE sid = ?1 AND class = ?2")?
                .query_row(params![sid, class], |r| r.get(0))?;
            if newest == list.seeds.last().map(|x| x.0) {
                return Ok(list.find(words, opts));
            }
            self.map.remove(&(sid, class));
        }
        let mut groups = tx.prepare_cached(
            "SELECT grp, seed FROM claim_groups WHERE sid = ?1 AND class = ?2 ORDER BY grp",
        )?;
        let mut rows = groups.query(params![sid, class])?;
        let mut all: Vec<Seed> = Vec::new();
        let mut found = None;
        while let Some(r) = rows.next()? {
            let seed = hashes_from_bytes(
                r.get_ref(1)?.as_blob().map_err(|e| StoreError::Corrupt(e.to_string()))?,
            )
            .ok_or_else(|| StoreError::Corrupt("a claim seed is not a list of 64-bit hashes".into()))?;
            let g: i64 = r.get(0)?;
            if found.is_none() && same_claim(&seed, words, opts) {
                found = Some(g);
            }
            all.push((g, seed));
        }
        if all.len() >= CACHE_MIN_GROUPS {
            let mut list = SourceSeeds::default();
            for (g, seed) in all {
                list.push(g, seed);
            }
            self.map.insert((sid, class), list);
        }
        Ok(found)
    }

    /// A group just created (the newest of its source and class).
    fn push(&mut self, sid: i64, class: i64, grp: i64, seed: &[u64]) {
        if let Some(list) = self.map.get_mut(&(sid, class)) {
            list.push(grp, seed.to_vec());
        }
    }
}

fn source_id(tx: &Connection, fold: &str) -> Result<i64> {
    let sid: Option<i64> = tx
        .prepare_cached("SELECT sid FROM claim_sources WHERE fold = ?1")?
        .query_row([fold], |r| r.get(0))
        .optional()?;
    if let Some(sid) = sid {
        return Ok(sid);
    }
    tx.prepare_cached("INSERT INTO claim_sources(fold) VALUES (?1)")?.execute([fold])?;
    let sid = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO source_fts(rowid, fold) VALUES (?1, ?2)")?.execute(params![sid, fold])?;
    Ok(sid)
}

/// Adds a document's entities to the components: a node per (folded name, label), joined to
/// the nodes its aliases name and to the nodes whose aliases name it — the rule of
/// [`dossier_link::merge_entities`], kept up to date one document at a time.
fn add_entities(tx: &Connection, doc: i64, ents: &[PreparedEntity], st: &mut BatchState) -> Result<()> {
    for e in ents {
        let node = match tx
            .prepare_cached("SELECT node FROM ent_nodes WHERE fold = ?1 AND label = ?2")?
            .query_row(params![e.fold, e.label], |r| r.get::<_, i64>(0))
            .optional()?
        {
            Some(n) => n,
            None => {
                tx.prepare_cached("INSERT INTO ent_nodes(fold, label, comp) VALUES (?1, ?2, 0)")?
                    .execute(params![e.fold, e.label])?;
                let n = tx.last_insert_rowid();
                tx.prepare_cached("UPDATE ent_nodes SET comp = ?1 WHERE node = ?1")?.execute([n])?;
                st.entities += 1;
                let named_by: Vec<i64> = tx
                    .prepare_cached("SELECT node FROM ent_aliases WHERE fold = ?1 AND label = ?2")?
                    .query_map(params![e.fold, e.label], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                for other in named_by {
                    union_nodes(tx, n, other, st)?;
                }
                n
            }
        };
        for a in &e.aliases {
            let fa = fold_name(a);
            if fa == e.fold {
                continue;
            }
            tx.prepare_cached("INSERT OR IGNORE INTO ent_aliases(fold, label, node) VALUES (?1, ?2, ?3)")?
                .execute(params![fa, e.label, node])?;
            let other: Option<i64> = tx
                .prepare_cached("SELECT node FROM ent_nodes WHERE fold = ?1 AND label = ?2")?
                .query_row(params![fa, e.label], |r| r.get(0))
                .optional()?;
            if let Some(other) = other {
                union_nodes(tx, node, other, st)?;
            }
        }
        let comp = comp_of(tx, node)?;
        tx.prepare_cached("INSERT OR IGNORE INTO ent_docs(comp, doc) VALUES (?1, ?2)")?
            .execute(params![comp, doc])?;
        tx.prepare_cached(
            "INSERT INTO ent_names(comp, name, n, first_doc, first_eid) VALUES (?1, ?2, 1, ?3, ?4)
             ON CONFLICT(comp, name) DO UPDATE SET n = n + 1",
        )?
        .execute(params![comp, e.name, doc, e.eid])?;
        let mut spell = tx.prepare_cached(
            "INSERT OR IGNORE INTO ent_spellings(comp, fold, text, first_doc, first_eid, first_pos)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for (pos, text) in std::iter::once(&e.name).chain(&e.aliases).enumerate() {
            let f = fold_name(text);
            if !f.is_empty() {
                spell.execute(params![comp, f, text.trim(), doc, e.eid, pos as i64])?;
            }
        }
        st.comps.insert(comp);
    }
    Ok(())
}

fn comp_of(tx: &Connection, node: i64) -> Result<i64> {
    Ok(tx.prepare_cached("SELECT comp FROM ent_nodes WHERE node = ?1")?.query_row([node], |r| r.get(0))?)
}

/// Joins the components of two nodes: the higher component id is folded into the lower.
fn union_nodes(tx: &Connection, a: i64, b: i64, st: &mut BatchState) -> Result<()> {
    let (ca, cb) = (comp_of(tx, a)?, comp_of(tx, b)?);
    if ca == cb {
        return Ok(());
    }
    let (keep, gone) = (ca.min(cb), ca.max(cb));
    let p = params![keep, gone];
    tx.prepare_cached("UPDATE ent_nodes SET comp = ?1 WHERE comp = ?2")?.execute(p)?;
    tx.prepare_cached(
        "INSERT OR IGNORE INTO ent_docs(comp, doc) SELECT ?1, doc FROM ent_docs WHERE comp = ?2",
    )?
    .execute(p)?;
    tx.prepare_cached(
        "INSERT INTO ent_names(comp, name, n, first_doc, first_eid)
         SELECT ?1, name, n, first_doc, first_eid FROM ent_names WHERE comp = ?2 AND true
         ON CONFLICT(comp, name) DO UPDATE SET
           n = n + excluded.n,
           first_doc = CASE WHEN (excluded.first_doc, excluded.first_eid) < (first_doc, first_eid)
                            THEN excluded.first_doc ELSE first_doc END,
           first_eid = CASE WHEN (excluded.first_doc, excluded.first_eid) < (first_doc, first_eid)
                            THEN excluded.first_eid ELSE first_eid END",
    )?
    .execute(p)?;
    tx.prepare_cached(
        "INSERT INTO ent_spellings(comp, fold, text, first_doc, first_eid, first_pos)
         SELECT ?1, fold, text, first_doc, first_eid, first_pos FROM ent_spellings WHERE comp = ?2 AND true
         ON CONFLICT(comp, fold) DO UPDATE SET
           text = CASE WHEN (excluded.first_doc, excluded.first_eid, excluded.first_pos) < (first_doc, first_eid, first_pos)
                       THEN excluded.text ELSE text END,
           first_doc = CASE WHEN (excluded.first_doc, excluded.first_eid, excluded.first_pos) < (first_doc, first_eid, first_pos)
                            THEN excluded.first_doc ELSE first_doc END,
           first_eid = CASE WHEN (excluded.first_doc, excluded.first_eid, excluded.first_pos) < (first_doc, first_eid, first_pos)
                            THEN excluded.first_eid ELSE first_eid END,
           first_pos = CASE WHEN (excluded.first_doc, excluded.first_eid, excluded.first_pos) < (first_doc, first_eid, first_pos)
                            THEN excluded.first_pos ELSE first_pos END",
    )?
    .execute(p)?;
    for t in ["ent_docs", "ent_names", "ent_spellings", "ent_summary"] {
        tx.prepare_cached(&format!("DELETE FROM {t} WHERE comp = ?1"))?.execute([gone])?;
    }
    st.comps.remove(&gone);
    st.comps.insert(keep);
    Ok(())
}

/// Rewrites the `entities` row of a component from its aggregates.
fn refresh_entity(tx: &Connection, comp: i64) -> Result<()> {
    let label: Option<String> = tx
        .prepare_cached("SELECT label FROM ent_nodes WHERE comp = ?1 LIMIT 1")?
        .query_row([comp], |r| r.get(0))
        .optional()?;
    let Some(label) = label else {
        tx.prepare_cached("DELETE FROM ent_summary WHERE comp = ?1")?.execute([comp])?;
        return Ok(());
    };
    // The most frequent spelling; ties: the longest, then the first seen.
    let name: String = tx
        .prepare_cached(
            "SELECT name FROM ent_names WHERE comp = ?1
             ORDER BY n DESC, length(name) DESC, first_doc, first_eid LIMIT 1",
        )?
        .query_row([comp], |r| r.get(0))?;
    let aliases: Vec<String> = tx
        .prepare_cached("SELECT text FROM ent_spellings WHERE comp = ?1 AND fold != ?2 ORDER BY text")?
        .query_map(params![comp, fold_name(&name)], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let documents: i64 = tx
        .prepare_cached("SELECT count(*) FROM ent_docs WHERE comp = ?1")?
        .query_row([comp], |r| r.get(0))?;
    tx.prepare_cached(
        "INSERT OR REPLACE INTO ent_summary(comp, name, label, aliases, documents) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![comp, name, label, serde_json::to_string(&aliases)?, documents])?;
    Ok(())
}

/// The members of a near-duplicate group with their origin hints.
fn cluster_members(conn: &Connection, cluster: i64) -> Result<Vec<(i64, Member)>> {
    let mut st = conn.prepare_cached(
        "SELECT d.doc, d.key, d.outlet, d.published FROM clusters c JOIN documents d ON d.doc = c.doc
         WHERE c.cluster = ?1 ORDER BY d.doc",
    )?;
    let rows: Vec<(i64, Member)> = st
        .query_map([cluster], |r| {
            Ok((
                r.get(0)?,
                Member { id: r.get(1)?, outlet: r.get(2)?, published: r.get(3)?, hints: Vec::new() },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut hints =
        conn.prepare_cached("SELECT outlet, kind, evidence FROM origins WHERE doc = ?1 ORDER BY seq")?;
    let mut out = Vec::with_capacity(rows.len());
    for (doc, mut m) in rows {
        m.hints = hints
            .query_map([doc], |r| Ok(OriginHint { outlet: r.get(0)?, kind: r.get(1)?, evidence: r.get(2)? }))?
            .collect::<rusqlite::Result<_>>()?;
        out.push((doc, m));
    }
    Ok(out)
}

/// Recomputes the independence key of every member of a group (its origin may have changed),
/// and moves each changed document between the keys of its claims (`claim_indep`; a new
/// document's key is '' and was not counted yet).
fn refresh_independence(tx: &Connection, cluster: i64) -> Result<()> {
    let members = cluster_members(tx, cluster)?;
    let plain: Vec<Member> = members.iter().map(|(_, m)| m.clone()).collect();
    let origin = trace(&plain).origin;
    let mut old_of = tx.prepare_cached("SELECT indep FROM clusters WHERE doc = ?1")?;
    let mut up = tx.prepare_cached("UPDATE clusters SET indep = ?2 WHERE doc = ?1")?;
    let mut groups = tx.prepare_cached("SELECT DISTINCT grp FROM attributions WHERE doc = ?1")?;
    let mut dec = tx.prepare_cached("UPDATE claim_indep SET n = n - 1 WHERE grp = ?1 AND indep = ?2")?;
    let mut drop = tx.prepare_cached("DELETE FROM claim_indep WHERE grp = ?1 AND indep = ?2 AND n <= 0")?;
    let mut inc = tx.prepare_cached(
        "INSERT INTO claim_indep(grp, indep, n) VALUES (?1, ?2, 1)
         ON CONFLICT(grp, indep) DO UPDATE SET n = n + 1",
    )?;
    for (doc, m) in &members {
        let new = independence_key(&origin, m.outlet.as_deref(), &m.id);
        let old: String = old_of.query_row([doc], |r| r.get(0))?;
        if old == new {
            continue;
        }
        up.execute(params![doc, new])?;
        let grps: Vec<i64> = groups.query_map([doc], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        for g in grps {
            if !old.is_empty() {
                dec.execute(params![g, old])?;
                drop.execute(params![g, old])?;
            }
            inc.execute(params![g, new])?;
        }
    }
    Ok(())
}

/// The end of a batch: independence keys of the groups that changed, entity summaries,
/// counters.
fn finish_batch(tx: &Connection, st: &mut BatchState) -> Result<()> {
    // The batch's claim contents, in rowid order: FTS5 flushes its pending terms to a new
    // segment whenever a rowid is lower than the last one written, and a batch's attributions
    // join groups of every age (in arrival order that would be a segment per attribution).
    let mut about = std::mem::take(&mut st.about_rows);
    about.sort_unstable_by_key(|r| r.0);
    {
        let mut put = tx.prepare_cached("INSERT INTO claim_fts(rowid, content) VALUES (?1, ?2)")?;
        for (rowid, content) in &about {
            put.execute(params![rowid, content])?;
        }
    }
    let mut clusters = BTreeSet::new();
    {
        let mut of = tx.prepare_cached("SELECT cluster FROM clusters WHERE doc = ?1")?;
        for &d in &st.docs {
            clusters.insert(of.query_row([d], |r| r.get::<_, i64>(0))?);
        }
    }
    for c in clusters {
        refresh_independence(tx, c)?;
    }
    for &c in &st.comps {
        refresh_entity(tx, c)?;
    }
    let mut up = tx.prepare_cached("UPDATE counters SET value = value + ?2 WHERE name = ?1")?;
    for (name, v) in [
        ("documents", st.documents),
        ("errors", st.errors),
        ("entities", st.entities),
        ("attributions", st.attributions),
        ("events", st.events),
        ("clusters", st.clusters),
    ] {
        if v != 0 {
            up.execute(params![name, v])?;
        }
    }
    Ok(())
}

/// Schema 1 → 2, in one transaction: the old tables are renamed, the version 2 schema is
/// created, the data copied (records compressed), and the aggregates version 2 keeps are
/// built by replaying every document's entities and attributions in storage order — the same
/// code as ingest, so a migrated store answers as if it had been ingested by this version.
pub fn migrate_v1(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction()?;
    // Tables are filled in dependency-free order; references are checked at commit.
    tx.pragma_update(None, "defer_foreign_keys", true)?;
    let v1_tables = [
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
    tx.execute_batch(
        "DROP TABLE doc_fts;
         DROP INDEX documents_input; DROP INDEX entities_name; DROP INDEX timeline_value; DROP INDEX clusters_cluster;",
    )?;
    for t in v1_tables {
        tx.execute_batch(&format!("ALTER TABLE {t} RENAME TO v1_{t}"))?;
    }
    tx.execute_batch(SCHEMA)?;
    tx.execute_batch(SCHEMA_CLAIMS)?;
    tx.execute_batch(SCHEMA_SEARCH)?;
    tx.execute_batch(SCHEMA_ABOUT)?;
    tx.execute_batch(
        "INSERT INTO meta SELECT * FROM v1_meta;
         INSERT INTO doc_inputs SELECT * FROM v1_doc_inputs;
         INSERT INTO errors SELECT * FROM v1_errors;
         INSERT INTO events SELECT * FROM v1_events;
         INSERT INTO timeline(doc, seq, value, event, attribution, summary, attribution_json)
           SELECT t.doc, t.seq, t.value, t.event, t.attribution, t.summary, a.json
           FROM v1_timeline t LEFT JOIN v1_attributions a ON a.doc = t.doc AND a.aid = t.attribution;
         INSERT INTO origins SELECT * FROM v1_origins;
         INSERT INTO minhash SELECT * FROM v1_minhash;
         INSERT INTO lsh SELECT * FROM v1_lsh;
         INSERT INTO dup_pairs SELECT * FROM v1_dup_pairs;
         INSERT INTO clusters(doc, cluster, indep) SELECT doc, cluster, '' FROM v1_clusters;",
    )?;
    let mut st = BatchState::default();
    let mut seeds = SeedCache::default();
    {
        let mut docs = tx.prepare("SELECT doc, key, input_id, title, url, outlet, published, text, record FROM v1_documents ORDER BY doc")?;
        let mut ins = tx.prepare(
            "INSERT INTO documents(doc, key, input_id, title, url, outlet, published, text, record)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        let mut ents = tx.prepare(
            "SELECT eid, name, label, type, aliases, mentions FROM v1_entities WHERE doc = ?1 ORDER BY eid",
        )?;
        let mut attrs = tx.prepare(
            "SELECT aid, source, content, stance FROM v1_attributions WHERE doc = ?1 ORDER BY aid",
        )?;
        let mut rows = docs.query([])?;
        while let Some(r) = rows.next()? {
            let doc: i64 = r.get(0)?;
            let key: String = r.get(1)?;
            let published: Option<String> = r.get(6)?;
            let record: String = r.get(8)?;
            ins.execute(params![
                doc,
                key,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<String>>(5)?,
                published,
                r.get::<_, String>(7)?,
                compress(record.as_bytes())
            ])?;
            st.documents += 1;
            let entities: Vec<PreparedEntity> = ents
                .query_map([doc], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, i64>(5)?,
                    ))
                })?
                .map(|x| {
                    let (eid, name, label, kind, aliases, mentions): (
                        String,
                        String,
                        String,
                        Option<String>,
                        String,
                        i64,
                    ) = x?;
                    Ok(PreparedEntity {
                        eid,
                        fold: fold_name(&name),
                        name,
                        label,
                        kind,
                        aliases: serde_json::from_str(&aliases)?,
                        mentions: mentions as usize,
                    })
                })
                .collect::<Result<_>>()?;
            let attributions: Vec<PreparedAttribution> = attrs
                .query_map([doc], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                .map(|x| {
                    let (aid, source, content, stance): (String, Option<String>, String, String) = x?;
                    Ok(PreparedAttribution {
                        aid,
                        source_fold: source.as_deref().map(fold_name).unwrap_or_default(),
                        source,
                        words: dossier_link::tokens::content_hashes(&content),
                        content,
                        stance,
                    })
                })
                .collect::<Result<_>>()?;
            let outlet: Option<String> = r.get(5)?;
            let at = DocAt { doc, key: &key, published: published.as_deref(), outlet: outlet.as_deref() };
            add_claims(&tx, &at, &attributions, &mut seeds, &mut st.about_rows)?;
            add_entities(&tx, doc, &entities, &mut st)?;
            st.docs.push(doc);
        }
    }
    tx.execute_batch("INSERT INTO doc_fts(doc_fts) VALUES ('rebuild');")?;
    let count = |sql: &str| -> Result<i64> { Ok(tx.query_row(sql, [], |r| r.get(0))?) };
    st.errors = count("SELECT count(*) FROM errors")?;
    st.attributions = count("SELECT count(*) FROM v1_attributions")?;
    st.events = count("SELECT count(*) FROM events")?;
    st.clusters =
        count("SELECT count(*) FROM (SELECT cluster FROM clusters GROUP BY cluster HAVING count(*) > 1)")?;
    finish_batch(&tx, &mut st)?;
    fill_timeline_fts(&tx)?;
    for t in v1_tables {
        tx.execute_batch(&format!("DROP TABLE v1_{t}"))?;
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    Ok(())
}

/// Schema 2 → 4, in one transaction: schema 2 → 3 (the claim aggregates of
/// `schema_claims.sql` are built from the attributions, documents and independence keys
/// version 2 keeps — the same rows ingest writes —, denials are filed by word set, and
/// `denial_words` is dropped), then 3 → 4 ([`migrate_v3`]).
pub fn migrate_v2(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction()?;
    v2_to_v3(&tx)?;
    v3_to_v4(&tx)?;
    v4_to_v5(&tx)?;
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    Ok(())
}

/// Schema 3 → 4, in one transaction: the indexes of `schema_search.sql` (the trigram index
/// of the timeline texts, filled from the tables; the attribution → claim group index).
pub fn migrate_v3(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction()?;
    v3_to_v4(&tx)?;
    v4_to_v5(&tx)?;
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    Ok(())
}

/// Schema 4 → 5, in one transaction: `claim_fts` is rebuilt with the claim group in its rowid
/// (`schema_about.sql`), and the index of attributions by (arow, grp) it replaces is dropped.
pub fn migrate_v4(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction()?;
    v4_to_v5(&tx)?;
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    Ok(())
}

fn v4_to_v5(tx: &Connection) -> Result<()> {
    let (max_grp, max_arow): (Option<i64>, Option<i64>) =
        tx.query_row("SELECT max(grp), max(arow) FROM attributions", [], |r| Ok((r.get(0)?, r.get(1)?)))?;
    if about_rowid(max_grp.unwrap_or(0), max_arow.unwrap_or(0)).is_none() {
        return Err(StoreError::Full(format!(
            "claim group {max_grp:?} or attribution row {max_arow:?} is past what the claim index addresses"
        )));
    }
    tx.execute_batch("DROP INDEX IF EXISTS attributions_arow_grp; DROP TABLE IF EXISTS claim_fts;")?;
    tx.execute_batch(SCHEMA_ABOUT)?;
    tx.execute_batch(
        "INSERT INTO claim_fts(rowid, content) SELECT (grp << 32) | arow, content FROM attributions ORDER BY grp, arow",
    )?;
    Ok(())
}

fn v3_to_v4(tx: &Connection) -> Result<()> {
    tx.execute_batch(SCHEMA_SEARCH)?;
    fill_timeline_fts(tx)
}

/// Indexes the timeline of every document (an empty `timeline_fts`; documents and events stored).
fn fill_timeline_fts(tx: &Connection) -> Result<()> {
    tx.execute_batch(&TIMELINE_FTS_FILL.replace("{doc}", "true"))?;
    Ok(())
}

fn v2_to_v3(tx: &Connection) -> Result<()> {
    tx.execute_batch(SCHEMA_CLAIMS)?;
    tx.execute_batch(
        "CREATE INDEX attributions_doc ON attributions(doc);
         INSERT OR IGNORE INTO claim_docs(grp, undated, published, key)
           SELECT a.grp, d.published IS NULL, coalesce(d.published, ''), d.key
           FROM attributions a JOIN documents d ON d.doc = a.doc;
         INSERT OR IGNORE INTO claim_outlets(grp, outlet)
           SELECT a.grp, d.outlet FROM attributions a JOIN documents d ON d.doc = a.doc
           WHERE d.outlet IS NOT NULL;
         INSERT INTO claim_indep(grp, indep, n)
           SELECT grp, indep, count(*) FROM (
             SELECT DISTINCT a.grp, a.doc, c.indep FROM attributions a JOIN clusters c ON c.doc = a.doc
             WHERE c.indep != '')
           GROUP BY grp, indep;
         INSERT INTO claim_names(grp, name, n, first_arow)
           SELECT grp, source, count(*), min(arow) FROM attributions GROUP BY grp, source;",
    )?;
    {
        let mut denials =
            tx.prepare("SELECT arow, content FROM attributions WHERE stance = 'denies' ORDER BY arow")?;
        let rows: Vec<(i64, String)> =
            denials.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        for (arow, content) in rows {
            add_denial(tx, arow, &dossier_link::tokens::content_hashes(&content))?;
        }
    }
    tx.execute_batch("DROP TABLE denial_words;")?;
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

/// `about` as a query of the trigram index of the timeline texts: its trigrams (at most
/// [`MAX_TRIGRAMS`], spread over it), each an FTS5 string (`"` doubled), all required. A
/// document holds `about` (case folded) only if it holds them. `None` when the index cannot
/// answer: fewer than three characters (no trigram), or a NUL (which the `LIKE` of SQLite
/// reads as the end of the pattern).
fn trigram_query(about: &str) -> Option<String> {
    let chars: Vec<char> = about.chars().collect();
    if chars.len() < 3 || about.contains('\0') {
        return None;
    }
    let n = chars.len() - 2;
    let step = n.div_ceil(MAX_TRIGRAMS);
    let mut q: Vec<String> = (0..n)
        .step_by(step)
        .map(|i| format!("\"{}\"", chars[i..i + 3].iter().collect::<String>().replace('"', "\"\"")))
        .collect();
    q.sort();
    q.dedup();
    Some(q.join(" "))
}

/// A user's words as an FTS5 query: every word quoted (no query syntax), all required.
pub fn fts_query(q: &str) -> String {
    words(q).iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>().join(" ")
}

impl SqliteStore {
    /// `timeline --about` without the trigram index: the `LIKE` over every timeline row (what
    /// [`Store::timeline`] answers for texts under three characters; tests and benchmarks
    /// compare the two).
    pub fn timeline_scan(&self, about: Option<&str>) -> Result<Vec<TimelineItem>> {
        self.timeline_rows(
            "FROM timeline t JOIN documents d ON d.doc = t.doc
             LEFT JOIN events ev ON ev.doc = t.doc AND ev.vid = t.event
             WHERE",
            about,
            None,
        )
    }

    /// Timeline rows `from` (joins ending in `WHERE`, `?2` the trigram query if any) whose
    /// texts contain `about` (`LIKE`: ASCII case folded), in date order.
    fn timeline_rows(
        &self,
        from: &str,
        about: Option<&str>,
        trigrams: Option<String>,
    ) -> Result<Vec<TimelineItem>> {
        let pattern = about.map(like_pattern);
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT t.value, d.key, t.summary, ev.json, t.attribution_json {from}
               (?1 IS NULL OR t.summary LIKE ?1 ESCAPE '\\' OR ev.json LIKE ?1 ESCAPE '\\'
                OR t.attribution_json LIKE ?1 ESCAPE '\\' OR d.title LIKE ?1 ESCAPE '\\')
             ORDER BY t.value, d.published, d.key, t.seq"
        ))?;
        let mut rows = match trigrams {
            Some(q) => st.query(params![pattern, q])?,
            None => st.query(params![pattern])?,
        };
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let json = |i| -> Result<Option<serde_json::Value>> {
                match r.get_ref(i)?.as_str_or_null().map_err(|e| StoreError::Corrupt(e.to_string()))? {
                    Some(j) => Ok(Some(serde_json::from_str(j)?)),
                    None => Ok(None),
                }
            };
            out.push(TimelineItem {
                value: r.get(0)?,
                document: r.get(1)?,
                summary: r.get(2)?,
                event: json(3)?,
                attribution: json(4)?,
            });
        }
        Ok(out)
    }

    fn put_batch(&mut self, batch: &[Prepared]) -> Result<PutOutcome> {
        let th = self.thresholds;
        let SqliteStore { conn, seeds, .. } = self;
        let tx = conn.transaction()?;
        let mut out = PutOutcome::default();
        let mut st = BatchState::default();
        for p in batch {
            match p {
                Prepared::Error { input_id, message } => {
                    let n = tx
                        .prepare_cached("INSERT OR IGNORE INTO errors(input_id, message) VALUES (?1, ?2)")?
                        .execute(params![input_id, message])?;
                    if n == 1 {
                        out.errors_added += 1;
                        st.errors += 1;
                    } else {
                        out.errors_existing += 1;
                    }
                }
                Prepared::Doc(d) => put_doc(&tx, d, &th, &mut out, &mut st, seeds)?,
            }
        }
        finish_batch(&tx, &mut st)?;
        tx.commit()?;
        Ok(out)
    }
}

impl Store for SqliteStore {
    fn put(&mut self, batch: &[Prepared]) -> Result<PutOutcome> {
        self.denials.get_mut().take();
        let result = self.put_batch(batch);
        if result.is_err() {
            // The transaction rolled back: groups it created are not in the file.
            self.seeds.map.clear();
        }
        result
    }

    fn stats(&self) -> Result<Stats> {
        let mut st = self.conn.prepare_cached("SELECT name, value FROM counters")?;
        let map: BTreeMap<String, i64> =
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        let get = |k: &str| map.get(k).copied().unwrap_or(0).max(0) as u64;
        Ok(Stats {
            documents: get("documents"),
            errors: get("errors"),
            entities: get("entities"),
            attributions: get("attributions"),
            events: get("events"),
            clusters: get("clusters"),
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
        match about.and_then(trigram_query) {
            // The rows of the documents whose texts hold every trigram of `about`, then the LIKE.
            Some(q) => self.timeline_rows(
                "FROM timeline_fts f CROSS JOIN timeline t ON t.doc = f.rowid
                 JOIN documents d ON d.doc = t.doc LEFT JOIN events ev ON ev.doc = t.doc AND ev.vid = t.event
                 WHERE timeline_fts MATCH ?2 AND",
                about,
                Some(q),
            ),
            // Shorter than a trigram (or no filter): every row is read.
            None => self.timeline_scan(about),
        }
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
        let cluster: Option<i64> = self
            .conn
            .prepare_cached(
                "SELECT c.cluster FROM clusters c JOIN documents d ON d.doc = c.doc WHERE d.key = ?1",
            )?
            .query_row([key], |r| r.get(0))
            .optional()?;
        let Some(cluster) = cluster else { return Ok(Vec::new()) };
        Ok(cluster_members(&self.conn, cluster)?.into_iter().map(|(_, m)| m).collect())
    }

    fn entities(&self, limit: Option<usize>) -> Result<Vec<EntitySummary>> {
        let mut st = self.conn.prepare_cached(
            "SELECT name, label, aliases, documents FROM ent_summary
             ORDER BY documents DESC, name, label LIMIT ?1",
        )?;
        let limit = limit.map_or(-1, |l| l.min(i64::MAX as usize) as i64);
        let rows = st.query_map([limit], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get::<_, String>(2)?, r.get::<_, i64>(3)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (name, label, aliases, documents) = row?;
            out.push(EntitySummary {
                name,
                label,
                aliases: serde_json::from_str(&aliases)?,
                documents: documents as usize,
            });
        }
        Ok(out)
    }

    fn claims(&self, filter: &ClaimFilter) -> Result<Vec<Claim>> {
        // A long listing reads through a memory map (no read() copy per page, and its pages
        // outnumber the 128 MB page cache); a short one through the page cache, where the map
        // costs more than the copies it saves (a fault per scattered page, the unmapping at
        // close). At 100,000 documents on a loaded machine, CPU: `claims --about WORD --limit
        // 50` p95 80 ms mapped, 58 ms read; `claims --limit 50` 44 and 31 ms; but `claims
        // --limit 100000` 3.1 s mapped, 4.1 s read, and `claims --about european` (11,431
        // claims) 1.0 and 1.2 s. Only for queries: mapped pages count in an ingest's resident size.
        if filter.limit.is_none_or(|n| n > MAP_ABOVE) && !self.mapped.get() {
            self.conn.pragma_update(None, "mmap_size", 1_i64 << 32)?;
            self.mapped.set(true);
        }
        let opts = ClaimOptions::default();
        let limit = filter.limit.unwrap_or(usize::MAX);
        let mut out = Vec::new();
        if limit == 0 {
            return Ok(out);
        }
        let mut about = filter.about_words().map(|a| self.about_hits(a)).transpose()?;
        // Candidate groups in output order, streamed: stop once `limit` claims are out.
        let mut st_order;
        let mut walk;
        let order: Box<dyn Iterator<Item = Result<i64>> + '_> = match (filter.by_fold(), &about) {
            (None, None) => {
                st_order = self.conn.prepare_cached(
                    "SELECT grp FROM claim_groups ORDER BY undated, first_seen, first_key, grp",
                )?;
                walk = st_order.query([])?;
                Box::new(std::iter::from_fn(|| next_grp(&mut walk)))
            }
            (None, Some(h)) if self.scan_is_cheaper(h.groups.len(), limit)? => {
                // Many groups may match and few are wanted: walk the output order (a covering
                // index) instead of reading every candidate's order key.
                st_order = self.conn.prepare_cached(
                    "SELECT grp FROM claim_groups ORDER BY undated, first_seen, first_key, grp",
                )?;
                walk = st_order.query([])?;
                let h: Vec<i64> =
                    about.as_ref().map(|h| h.groups.iter().map(|g| g.0).collect()).unwrap_or_default();
                Box::new(
                    std::iter::from_fn(|| next_grp(&mut walk))
                        .filter(move |g| !matches!(g, Ok(g) if h.binary_search(g).is_err())),
                )
            }
            (by, h) => {
                let candidates: Vec<i64> = match (by, h) {
                    (Some(by), _) => {
                        let mut st =
                            self.conn.prepare_cached("SELECT grp FROM claim_groups WHERE sid = ?1")?;
                        let mut v = Vec::new();
                        for sid in self.sources_by(&by)? {
                            for g in st.query_map([sid], |r| r.get::<_, i64>(0))? {
                                let g = g?;
                                if h.as_ref().is_none_or(|h| h.may_match(g)) {
                                    v.push(g);
                                }
                            }
                        }
                        v
                    }
                    (None, Some(h)) => h.groups.iter().map(|g| g.0).collect(),
                    (None, None) => Vec::new(),
                };
                let mut key_of = self.conn.prepare_cached(
                    "SELECT undated, first_seen, first_key FROM claim_groups WHERE grp = ?1",
                )?;
                let mut keyed: Vec<((bool, String, String), i64)> = Vec::with_capacity(candidates.len());
                for g in candidates {
                    let k = key_of.query_row([g], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
                    keyed.push((k, g));
                }
                keyed.sort();
                Box::new(keyed.into_iter().map(|x| Ok(x.1)))
            }
        };
        for g in order {
            let g = g?;
            if let Some(h) = about.as_mut() {
                if !h.matches(&self.conn, g)? {
                    continue;
                }
            }
            out.push(self.claim_of(g, opts)?);
            if out.len() >= limit {
                break;
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Small word sets over a small vocabulary (many overlaps), from a fixed xorshift stream.
    fn sets(n: usize, seed: u64) -> Vec<Vec<u64>> {
        let mut x = seed;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        (0..n)
            .map(|_| {
                let len = (next() % 9) as usize;
                let mut v: Vec<u64> = (0..len).map(|_| next() % 24).collect();
                v.sort_unstable();
                v.dedup();
                v
            })
            .collect()
    }

    #[test]
    fn about_texts_become_trigram_queries() {
        assert_eq!(trigram_query("ab"), None);
        assert_eq!(trigram_query("a\0bcd"), None);
        assert_eq!(trigram_query("Vale").as_deref(), Some("\"Val\" \"ale\""));
        assert_eq!(trigram_query("a\"b\"").as_deref(), Some("\"\"\"b\"\"\" \"a\"\"b\""));
        assert_eq!(trigram_query("ééé").as_deref(), Some("\"ééé\""));
        let long: String = (0..500).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
        let q = trigram_query(&long).unwrap();
        assert!(q.split(' ').count() <= MAX_TRIGRAMS, "{q}");
    }

    #[test]
    fn the_seed_index_finds_what_a_scan_finds() {
        let opts = ClaimOptions::default();
        let seeds = sets(400, 7);
        let mut idx = SourceSeeds::default();
        for (i, s) in seeds.iter().enumerate() {
            idx.push(i as i64 * 3 + 1, s.clone());
        }
        for words in sets(2000, 11) {
            let scan = idx.seeds.iter().find(|(_, s)| same_claim(s, &words, opts)).map(|x| x.0);
            assert_eq!(idx.find(&words, opts), scan, "{words:?}");
        }
    }

    #[test]
    fn about_rowids_hold_the_group_and_the_row() {
        for (grp, arow) in [(0, 0), (1, 1), (7, 123_456), (i64::from(i32::MAX), i64::from(u32::MAX))] {
            let rowid = about_rowid(grp, arow).unwrap();
            assert!(rowid >= 0);
            assert_eq!(about_parts(rowid), (grp, arow));
        }
        // Rowids order by group, then row.
        assert!(about_rowid(1, i64::from(u32::MAX)).unwrap() < about_rowid(2, 0).unwrap());
        for (grp, arow) in [(-1, 1), (1, -1), (i64::from(i32::MAX) + 1, 1), (1, i64::from(u32::MAX) + 1)] {
            assert_eq!(about_rowid(grp, arow), None, "{grp} {arow}");
        }
    }

    #[test]
    fn about_hits_are_runs_by_group() {
        let rows = [(9, 4), (2, 30), (9, 1), (2, 3), (5, 8)];
        let rowids = rows.iter().map(|&(g, a)| about_rowid(g, a).unwrap()).collect();
        let h = AboutHits::new(HashSet::new(), rowids);
        assert_eq!(h.groups.iter().map(|g| g.0).collect::<Vec<_>>(), [2, 5, 9]);
        assert_eq!(h.hits_of(2), [3, 30]);
        assert_eq!(h.hits_of(5), [8]);
        assert_eq!(h.hits_of(9), [1, 4]);
        assert!(h.hits_of(4).is_empty() && !h.may_match(4) && h.may_match(9));
        assert!(AboutHits::new(HashSet::new(), Vec::new()).hits_of(1).is_empty());
    }

    #[test]
    fn the_denial_index_finds_what_a_scan_finds() {
        let opts = ClaimOptions::default();
        let mut idx = DenialIndex::default();
        for (i, s) in sets(300, 5).into_iter().filter(|s| !s.is_empty()).enumerate() {
            for &w in &s {
                idx.postings.entry(w).or_default().push(idx.sets.len() as u32);
            }
            idx.sets.push((i as i64 + 1, s));
        }
        for seed in sets(2000, 13) {
            let scan: Vec<i64> =
                idx.sets.iter().filter(|(_, s)| contradicts(&seed, s, opts)).map(|x| x.0).collect();
            assert_eq!(idx.similar(&seed, opts), scan, "{seed:?}");
        }
    }
}
