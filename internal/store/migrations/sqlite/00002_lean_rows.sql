-- +goose Up
-- Fewer b-trees per stored row: ingest writes ~90 mentions and a few dozen
-- cited sentences per article, so each index and each copy of a sentence
-- costs.

-- Mentions are keyed by document and place (idx: the mention's ordinal in
-- its document), one b-tree where a rowid table and an index on doc_id were.
CREATE TABLE mentions_new (
    doc_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,
    sent_idx  INTEGER NOT NULL,
    start_off INTEGER NOT NULL,
    end_off   INTEGER NOT NULL,
    text      TEXT NOT NULL,
    entity_id TEXT NOT NULL DEFAULT '',
    name      TEXT NOT NULL DEFAULT '',
    code      TEXT NOT NULL DEFAULT '',
    kind      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;
INSERT INTO mentions_new
    SELECT doc_id, row_number() OVER (PARTITION BY doc_id ORDER BY rowid) - 1,
           sent_idx, start_off, end_off, text, entity_id, name, code, kind
    FROM mentions;
DROP TABLE mentions;
ALTER TABLE mentions_new RENAME TO mentions;

-- Cited sentences get a stable id, and full-text search indexes them in
-- place (FTS5 external content) instead of holding a second copy of every
-- sentence. Ingest indexes the rows it adds once per transaction (one
-- INSERT … SELECT: FTS5 writes its pending index out after every statement
-- that touches it, so a trigger per row cost a flush per statement); the
-- trigger takes deleted rows out of the index.
DROP TABLE source_fts;
CREATE TABLE event_sources_new (
    id        INTEGER PRIMARY KEY,
    event_id  TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    doc_id    INTEGER NOT NULL,
    doc       TEXT NOT NULL,
    lang      TEXT NOT NULL DEFAULT '',
    start_off INTEGER NOT NULL,
    end_off   INTEGER NOT NULL,
    sentence  TEXT NOT NULL,
    attribution TEXT NOT NULL DEFAULT ''
);
INSERT INTO event_sources_new (event_id, doc_id, doc, lang, start_off, end_off, sentence, attribution)
    SELECT event_id, doc_id, doc, lang, start_off, end_off, sentence, attribution FROM event_sources ORDER BY rowid;
DROP TABLE event_sources;
ALTER TABLE event_sources_new RENAME TO event_sources;
CREATE INDEX event_sources_event ON event_sources(event_id);

CREATE VIRTUAL TABLE source_fts USING fts5(sentence, content = 'event_sources', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO source_fts(source_fts) VALUES ('rebuild');

-- +goose StatementBegin
CREATE TRIGGER event_sources_fts_delete AFTER DELETE ON event_sources BEGIN
    INSERT INTO source_fts(source_fts, rowid, sentence) VALUES ('delete', old.id, old.sentence);
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER event_sources_fts_delete;
DROP TABLE source_fts;
CREATE VIRTUAL TABLE source_fts USING fts5(sentence, event_id UNINDEXED, doc_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO source_fts (sentence, event_id, doc_id) SELECT sentence, event_id, doc_id FROM event_sources;
CREATE TABLE mentions_old (
    doc_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sent_idx  INTEGER NOT NULL,
    start_off INTEGER NOT NULL,
    end_off   INTEGER NOT NULL,
    text      TEXT NOT NULL,
    entity_id TEXT NOT NULL DEFAULT '',
    name      TEXT NOT NULL DEFAULT '',
    code      TEXT NOT NULL DEFAULT '',
    kind      TEXT NOT NULL DEFAULT ''
);
INSERT INTO mentions_old SELECT doc_id, sent_idx, start_off, end_off, text, entity_id, name, code, kind FROM mentions ORDER BY doc_id, idx;
DROP TABLE mentions;
ALTER TABLE mentions_old RENAME TO mentions;
CREATE INDEX mentions_doc ON mentions(doc_id);
