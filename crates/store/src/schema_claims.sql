-- dossier store, schema version 3: what `dossier claims` reads for one claim, kept at ingest
-- so that a claim costs one range read per list (its documents, outlets, independence keys),
-- never a pass over its attributions.

-- The documents of a claim in output order (dated first, by date, then key); one row per document.
CREATE TABLE claim_docs (
    grp       INTEGER NOT NULL,
    undated   INTEGER NOT NULL,
    published TEXT NOT NULL,             -- '' when undated
    key       TEXT NOT NULL,
    PRIMARY KEY (grp, undated, published, key)
) WITHOUT ROWID;
-- The distinct outlets of a claim's documents.
CREATE TABLE claim_outlets (
    grp    INTEGER NOT NULL,
    outlet TEXT NOT NULL,
    PRIMARY KEY (grp, outlet)
) WITHOUT ROWID;
-- Documents of a claim per independence key (clusters.indep), rows with n > 0 only:
-- `independent_outlets` is the row count. Adjusted when a document's key changes.
CREATE TABLE claim_indep (
    grp   INTEGER NOT NULL,
    indep TEXT NOT NULL,
    n     INTEGER NOT NULL,
    PRIMARY KEY (grp, indep)
) WITHOUT ROWID;
-- Source spellings of a claim's attributions: count and first attribution (the display name).
CREATE TABLE claim_names (
    grp        INTEGER NOT NULL,
    name       TEXT NOT NULL,
    n          INTEGER NOT NULL,
    first_arow INTEGER NOT NULL,
    PRIMARY KEY (grp, name)
) WITHOUT ROWID;

-- Denials by distinct content-word set (a quote repeated in many documents is one set); a
-- query for claims reads the sets into memory once (word → sets) to find contradictions.
CREATE TABLE denial_sets (
    dset  INTEGER PRIMARY KEY,
    words BLOB NOT NULL UNIQUE           -- content word hashes, sorted, u64 little endian
);
CREATE TABLE denial_members (
    dset INTEGER NOT NULL,
    arow INTEGER NOT NULL,
    PRIMARY KEY (dset, arow)
) WITHOUT ROWID;
