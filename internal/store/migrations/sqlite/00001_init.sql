-- +goose Up
-- entente's store: documents and what was read in them, and the events fused
-- from every document's reports. The PostgreSQL schema (../postgres) is the
-- same but for types and full-text search.
CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,            -- the file's base name (sources[].doc)
    ident       TEXT NOT NULL UNIQUE,     -- url when known, else the path: a new version replaces the old
    hash        TEXT NOT NULL UNIQUE,     -- sha256 of the text: the same text is never read twice
    url         TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL DEFAULT '',
    lang        TEXT NOT NULL DEFAULT '',
    published   TEXT NOT NULL DEFAULT '',
    text        TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);

CREATE TABLE sentences (
    doc_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,
    start_off INTEGER NOT NULL,
    end_off   INTEGER NOT NULL,
    lang      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;

CREATE TABLE mentions (
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
CREATE INDEX mentions_doc ON mentions(doc_id);

-- An event is the fusion of its reports, in the order they arrived.
CREATE TABLE events (
    id          TEXT PRIMARY KEY,
    block       TEXT NOT NULL,            -- type and sorted actor codes (events.Key)
    type        TEXT NOT NULL,
    mode        TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL,
    date_start  TEXT NOT NULL DEFAULT '',
    date_end    TEXT NOT NULL DEFAULT '',
    day_first   INTEGER NOT NULL DEFAULT 0,   -- first and last day as YYYYMMDD (MMDD without a year, 0 undated)
    day_last    INTEGER NOT NULL DEFAULT 0,
    location    TEXT NOT NULL DEFAULT '',
    confidence  REAL NOT NULL DEFAULT 0,
    body        TEXT NOT NULL             -- the fused event as JSON, without its sources (event_sources)
);
CREATE INDEX events_block ON events(block, day_first);
CREATE INDEX events_date ON events(date_start);

-- A report is one document's account of an event (events.Merge's output).
CREATE TABLE reports (
    id       INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id),
    doc_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    body     TEXT NOT NULL
);
CREATE INDEX reports_event ON reports(event_id);
CREATE INDEX reports_doc ON reports(doc_id);

CREATE TABLE event_actors (
    event_id  TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    code      TEXT NOT NULL,
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL DEFAULT '',
    role      TEXT NOT NULL DEFAULT '',
    entity_id TEXT NOT NULL DEFAULT ''
);
CREATE INDEX event_actors_event ON event_actors(event_id);
CREATE INDEX event_actors_code ON event_actors(code);

CREATE TABLE event_sources (
    event_id  TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    doc_id    INTEGER NOT NULL,
    doc       TEXT NOT NULL,
    lang      TEXT NOT NULL DEFAULT '',
    start_off INTEGER NOT NULL,
    end_off   INTEGER NOT NULL,
    sentence  TEXT NOT NULL,
    attribution TEXT NOT NULL DEFAULT ''
);
CREATE INDEX event_sources_event ON event_sources(event_id);

-- Full-text search over the sentences events rest on.
CREATE VIRTUAL TABLE source_fts USING fts5(sentence, event_id UNINDEXED, doc_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');

-- +goose Down
DROP TABLE source_fts;
DROP TABLE event_sources;
DROP TABLE event_actors;
DROP TABLE reports;
DROP TABLE events;
DROP TABLE mentions;
DROP TABLE sentences;
DROP TABLE documents;
