-- dossier store, schema version 4: indexes that let `timeline --about` and `claims --about`
-- read only what matches (run after schema.sql and schema_claims.sql; `migrate_v3` runs it
-- on a version 3 file and fills it).

-- `timeline --about TEXT` keeps the substring semantics of SQL `LIKE '%TEXT%'` (ASCII case
-- folded) over a row's summary, event JSON, attribution JSON and document title. This index
-- holds, per document with timeline rows (rowid = doc), the trigrams of all those texts
-- (case folded, at least as much as LIKE folds): a document whose rows can match holds every
-- trigram of TEXT, so the query reads the rows of the documents that hold them all and applies
-- the LIKE to those rows only. Contentless and without positions (detail = none): the index
-- only has to find a superset, and it is 10 times smaller than a per-row positional one.
CREATE VIRTUAL TABLE timeline_fts USING fts5(
    texts, content = '', detail = none, columnsize = 0, tokenize = 'trigram case_sensitive 0'
);

-- (Version 4 also indexed attributions(arow, grp) for `claims --about`; version 5 puts the
-- group in the FTS rowid instead, see schema_about.sql, and drops that index.)
