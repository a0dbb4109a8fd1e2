-- dossier store, schema version 3 (PRAGMA user_version = 3); the claim aggregates of
-- version 3 are in schema_claims.sql (run after this file).
-- Documents are keyed by a hash of their text; every other table hangs on documents.doc.
-- Version 2 keeps what the queries read precomputed at ingest (counters, entity components,
-- claim groups, independence keys) and stores the record compressed; version 3 adds per-claim
-- aggregates (documents, outlets, independence keys, source spellings) and indexes denials
-- by distinct word set. `migrate_v1` and `migrate_v2` (sqlite.rs) turn older files into this.
CREATE TABLE meta (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- `dossier stats`, kept in the write transactions.
CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO counters(name, value) VALUES
    ('documents', 0), ('errors', 0), ('entities', 0), ('attributions', 0), ('events', 0), ('clusters', 0);

CREATE TABLE documents (
    doc       INTEGER PRIMARY KEY,
    key       TEXT NOT NULL UNIQUE,      -- blake3 of the text, first 128 bits, hex
    input_id  TEXT NOT NULL,             -- the id of the first input record that gave this text
    title     TEXT,
    url       TEXT,
    outlet    TEXT,
    published TEXT,                      -- YYYY-MM-DD
    text      TEXT NOT NULL,
    record    BLOB NOT NULL              -- zstd of the contract record JSON with "text" emptied
);

-- Every input id that yielded a document (the same text may arrive from several inputs).
CREATE TABLE doc_inputs (
    input_id TEXT NOT NULL,
    doc      INTEGER NOT NULL REFERENCES documents(doc),
    PRIMARY KEY (input_id, doc)
) WITHOUT ROWID;

CREATE TABLE errors (
    input_id TEXT NOT NULL,
    message  TEXT NOT NULL,
    PRIMARY KEY (input_id, message)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE doc_fts USING fts5(
    title, text, content = 'documents', content_rowid = 'doc', tokenize = 'unicode61 remove_diacritics 2'
);

-- Attributions with a source, in storage order (arow), each in one claim group.
CREATE TABLE attributions (
    arow    INTEGER PRIMARY KEY,
    doc     INTEGER NOT NULL REFERENCES documents(doc),
    aid     TEXT NOT NULL,
    source  TEXT NOT NULL,               -- canonical name: the linked entity's name, else the source text
    content TEXT NOT NULL,               -- fragments joined by " … "
    stance  TEXT NOT NULL,
    grp     INTEGER NOT NULL,            -- claim_groups.grp
    nwords  INTEGER NOT NULL             -- distinct content words (dossier_link::tokens::content_hashes)
);
CREATE INDEX attributions_grp ON attributions(grp);
CREATE INDEX attributions_doc ON attributions(doc);
-- Content words of the attributions for `claims --about`: `claim_fts`, in schema_about.sql.

-- Distinct folded source names (`claims --by` through source_fts, rowid = sid).
CREATE TABLE claim_sources (
    sid  INTEGER PRIMARY KEY,
    fold TEXT NOT NULL UNIQUE
);
CREATE VIRTUAL TABLE source_fts USING fts5(fold, content = '', tokenize = 'unicode61 remove_diacritics 2');

-- Claims: attributions of one source and class (1 = denial) whose content is similar to the
-- seed (the first attribution of the group); see dossier_link::group_claims.
CREATE TABLE claim_groups (
    grp        INTEGER PRIMARY KEY,
    sid        INTEGER NOT NULL REFERENCES claim_sources(sid),
    class      INTEGER NOT NULL,
    seed       BLOB NOT NULL,            -- content word hashes of the seed, u64 little endian
    undated    INTEGER NOT NULL,         -- the earliest member: 1 when undated
    first_seen TEXT NOT NULL,            -- its date ('' when undated)
    first_key  TEXT NOT NULL             -- its document key
);
CREATE INDEX claim_groups_sid ON claim_groups(sid, class);
CREATE INDEX claim_groups_order ON claim_groups(undated, first_seen, first_key);

-- Entities merged across documents: nodes are (folded canonical name, label), joined into
-- components by aliases; the aggregates of each component are kept up to date at ingest.
CREATE TABLE ent_nodes (
    node  INTEGER PRIMARY KEY,
    fold  TEXT NOT NULL,
    label TEXT NOT NULL,
    comp  INTEGER NOT NULL,
    UNIQUE (fold, label)
);
CREATE INDEX ent_nodes_comp ON ent_nodes(comp);
-- Alias folds of each node (other than its own name): a node created later with that name joins.
CREATE TABLE ent_aliases (
    fold  TEXT NOT NULL,
    label TEXT NOT NULL,
    node  INTEGER NOT NULL,
    PRIMARY KEY (fold, label, node)
) WITHOUT ROWID;
CREATE TABLE ent_docs (
    comp INTEGER NOT NULL,
    doc  INTEGER NOT NULL,
    PRIMARY KEY (comp, doc)
) WITHOUT ROWID;
-- Canonical-name spellings: count and first occurrence (document, entity id).
CREATE TABLE ent_names (
    comp      INTEGER NOT NULL,
    name      TEXT NOT NULL,
    n         INTEGER NOT NULL,
    first_doc INTEGER NOT NULL,
    first_eid TEXT NOT NULL,
    PRIMARY KEY (comp, name)
) WITHOUT ROWID;
-- The first spelling of every folded name or alias of a component.
CREATE TABLE ent_spellings (
    comp      INTEGER NOT NULL,
    fold      TEXT NOT NULL,
    text      TEXT NOT NULL,
    first_doc INTEGER NOT NULL,
    first_eid TEXT NOT NULL,
    first_pos INTEGER NOT NULL,
    PRIMARY KEY (comp, fold)
) WITHOUT ROWID;
-- `dossier entities`, one row per component.
CREATE TABLE ent_summary (
    comp      INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    label     TEXT NOT NULL,
    aliases   TEXT NOT NULL,             -- JSON array
    documents INTEGER NOT NULL
);
CREATE INDEX ent_summary_order ON ent_summary(documents DESC, name, label);

CREATE TABLE events (
    doc  INTEGER NOT NULL REFERENCES documents(doc),
    vid  TEXT NOT NULL,
    type TEXT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (doc, vid)
) WITHOUT ROWID;

CREATE TABLE timeline (
    doc         INTEGER NOT NULL REFERENCES documents(doc),
    seq         INTEGER NOT NULL,
    value       TEXT NOT NULL,
    event       TEXT,
    attribution TEXT,
    summary     TEXT NOT NULL,
    attribution_json TEXT,               -- the contract object of `attribution`
    PRIMARY KEY (doc, seq)
) WITHOUT ROWID;
CREATE INDEX timeline_value ON timeline(value);

CREATE TABLE origins (
    doc      INTEGER NOT NULL REFERENCES documents(doc),
    seq      INTEGER NOT NULL,
    outlet   TEXT NOT NULL,
    kind     TEXT NOT NULL,
    evidence TEXT NOT NULL,
    PRIMARY KEY (doc, seq)
) WITHOUT ROWID;

-- Near-duplicates: MinHash signature per document, LSH band keys, verified pairs, groups.
CREATE TABLE minhash (
    doc      INTEGER PRIMARY KEY REFERENCES documents(doc),
    shingles INTEGER NOT NULL,
    sig      BLOB NOT NULL
);
CREATE TABLE lsh (
    band_key INTEGER NOT NULL,
    doc      INTEGER NOT NULL,
    PRIMARY KEY (band_key, doc)
) WITHOUT ROWID;
CREATE TABLE dup_pairs (
    a           INTEGER NOT NULL,        -- a < b
    b           INTEGER NOT NULL,
    jaccard     REAL NOT NULL,
    containment REAL NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
-- cluster = the smallest doc of the document's group (its own doc when alone);
-- indep = the unit counted once in independent_outlets (dossier_link::independence_key).
CREATE TABLE clusters (
    doc     INTEGER PRIMARY KEY REFERENCES documents(doc),
    cluster INTEGER NOT NULL,
    indep   TEXT NOT NULL
);
CREATE INDEX clusters_cluster ON clusters(cluster);
