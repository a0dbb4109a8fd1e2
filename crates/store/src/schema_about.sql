-- dossier store, schema version 5: the content words of the attributions for
-- `claims --about`, contentless, one row per attribution with rowid = grp << 32 | arow (its
-- claim group, then the attribution row; `about_rowid` in sqlite.rs). A query's hits come in
-- rowid order, so grouped by claim group, and give the group without reading anything else.
-- Version 4 keyed this table by arow alone (and looked the group up in an index of the
-- attributions, one lookup per hit: tens of thousands for a common word at 100,000 documents);
-- `migrate_v4` drops it and fills this one from the attributions.
CREATE VIRTUAL TABLE claim_fts USING fts5(content, content = '', tokenize = 'unicode61 remove_diacritics 2');
