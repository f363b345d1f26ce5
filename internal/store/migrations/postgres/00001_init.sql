-- +goose Up
-- entente's store: the same schema as ../sqlite, with PostgreSQL types and a
-- tsvector for full-text search.
CREATE TABLE documents (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT NOT NULL,
    ident       TEXT NOT NULL UNIQUE,
    hash        TEXT NOT NULL UNIQUE,
    url         TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL DEFAULT '',
    lang        TEXT NOT NULL DEFAULT '',
    published   TEXT NOT NULL DEFAULT '',
    text        TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);

CREATE TABLE sentences (
    doc_id    BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,
    start_off INTEGER NOT NULL,
    end_off   INTEGER NOT NULL,
    lang      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE mentions (
    doc_id    BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
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

CREATE TABLE events (
    id          TEXT PRIMARY KEY,
    block       TEXT NOT NULL,
    type        TEXT NOT NULL,
    mode        TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL,
    date_start  TEXT NOT NULL DEFAULT '',
    date_end    TEXT NOT NULL DEFAULT '',
    day_first   INTEGER NOT NULL DEFAULT 0,   -- first and last day as YYYYMMDD (MMDD without a year, 0 undated)
    day_last    INTEGER NOT NULL DEFAULT 0,
    location    TEXT NOT NULL DEFAULT '',
    confidence  DOUBLE PRECISION NOT NULL DEFAULT 0,
    body        TEXT NOT NULL
);
CREATE INDEX events_block ON events(block, day_first);
CREATE INDEX events_date ON events(date_start);

CREATE TABLE reports (
    id       BIGSERIAL PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id),
    doc_id   BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
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
    doc_id    BIGINT NOT NULL,
    doc       TEXT NOT NULL,
    lang      TEXT NOT NULL DEFAULT '',
    start_off INTEGER NOT NULL,
    end_off   INTEGER NOT NULL,
    sentence  TEXT NOT NULL,
    attribution TEXT NOT NULL DEFAULT '',
    tsv       tsvector GENERATED ALWAYS AS (to_tsvector('simple', sentence)) STORED
);
CREATE INDEX event_sources_event ON event_sources(event_id);
CREATE INDEX event_sources_tsv ON event_sources USING GIN (tsv);

-- +goose Down
DROP TABLE event_sources;
DROP TABLE event_actors;
DROP TABLE reports;
DROP TABLE events;
DROP TABLE mentions;
DROP TABLE sentences;
DROP TABLE documents;
