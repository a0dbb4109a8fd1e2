-- dossier store, schema version 1 (PRAGMA user_version = 1).
-- Documents are keyed by a hash of their text; every other table hangs on documents.doc.
CREATE TABLE meta (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE documents (
    doc       INTEGER PRIMARY KEY,
    key       TEXT NOT NULL UNIQUE,      -- blake3 of the text, first 128 bits, hex
    input_id  TEXT NOT NULL,             -- the id of the first input record that gave this text
    title     TEXT,
    url       TEXT,
    outlet    TEXT,
    published TEXT,                      -- YYYY-MM-DD
    text      TEXT NOT NULL,
    record    TEXT NOT NULL              -- contract record JSON with "text" emptied (it is the column above)
);
CREATE INDEX documents_input ON documents(input_id);

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

CREATE TABLE entities (
    doc       INTEGER NOT NULL REFERENCES documents(doc),
    eid       TEXT NOT NULL,
    name      TEXT NOT NULL,
    name_fold TEXT NOT NULL,
    label     TEXT NOT NULL,
    type      TEXT,
    aliases   TEXT NOT NULL,             -- JSON array of distinct mention texts
    mentions  INTEGER NOT NULL,
    PRIMARY KEY (doc, eid)
) WITHOUT ROWID;
CREATE INDEX entities_name ON entities(name_fold, label);

CREATE TABLE attributions (
    doc      INTEGER NOT NULL REFERENCES documents(doc),
    aid      TEXT NOT NULL,
    source   TEXT,                       -- canonical name: the linked entity's name, else the source text
    cue      TEXT NOT NULL,
    content  TEXT NOT NULL,              -- fragments joined by " … "
    kind     TEXT NOT NULL,
    stance   TEXT NOT NULL,
    evidence TEXT NOT NULL,
    json     TEXT NOT NULL,              -- the contract object
    PRIMARY KEY (doc, aid)
) WITHOUT ROWID;

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
-- cluster = the smallest doc of the document's group (its own doc when alone).
CREATE TABLE clusters (
    doc     INTEGER PRIMARY KEY REFERENCES documents(doc),
    cluster INTEGER NOT NULL
);
CREATE INDEX clusters_cluster ON clusters(cluster);
