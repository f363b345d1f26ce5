-- +goose Up
-- Every event gets a number in the order it was stored (events.no, the
-- table's rowid; its public id stays events.id), and the tables of its
-- reports, sources, actors, dyads and persons reach it by that number
-- (event_no, indexed and referenced) where they used the id, a hash: an
-- event's rows then go to the right edge of each index instead of a random
-- leaf, and a batch of new events writes a few pages of an index, not one
-- page per event (BENCHMARKS.md, third round). The id stays in each row
-- for reading. events_date (date_start) goes: no query reads it
-- (events_order orders by date).
--
-- SQLite cannot change a table's key or constraints in place, so each
-- table is copied. The children are copied first, referencing the new
-- events table; the old one is dropped once nothing references it (with
-- foreign keys on, dropping a table deletes its rows, and a cascade would
-- reach the children); the renames then point the children at "events".
-- Rows keep their rowids (the order of an event's actors, the full-text
-- index's rows).
--
-- The first statement fails when the migration has been applied: a second
-- process that opened the store with this migration pending waits for the
-- first one's transaction and must then fail (Store.migrate), not copy the
-- tables again.
DROP INDEX events_date;
CREATE TABLE events_new (
    no          INTEGER PRIMARY KEY,      -- the order events were stored in
    id          TEXT NOT NULL UNIQUE,     -- the public id (fuse.ID)
    block       TEXT NOT NULL,
    type        TEXT NOT NULL,
    mode        TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL,
    date_start  TEXT NOT NULL DEFAULT '',
    date_end    TEXT NOT NULL DEFAULT '',
    day_first   INTEGER NOT NULL DEFAULT 0,
    day_last    INTEGER NOT NULL DEFAULT 0,
    location    TEXT NOT NULL DEFAULT '',
    confidence  REAL NOT NULL DEFAULT 0,
    body        TEXT NOT NULL,
    cls         INTEGER NOT NULL DEFAULT 0,
    net         TEXT NOT NULL DEFAULT '',
    seen        INTEGER NOT NULL DEFAULT 0
);
INSERT INTO events_new (no, id, block, type, mode, status, date_start, date_end, day_first, day_last, location, confidence, body, cls, net, seen)
    SELECT rowid, id, block, type, mode, status, date_start, date_end, day_first, day_last, location, confidence, body, cls, net, seen
    FROM events ORDER BY rowid;

CREATE TABLE reports_new (
    id       INTEGER PRIMARY KEY,
    event_no INTEGER NOT NULL REFERENCES events_new(no),
    event_id TEXT NOT NULL,
    doc_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    body     TEXT NOT NULL
);
INSERT INTO reports_new (id, event_no, event_id, doc_id, body)
    SELECT r.id, e.no, r.event_id, r.doc_id, r.body FROM reports r JOIN events_new e ON e.id = r.event_id ORDER BY r.id;
DROP TABLE reports;
ALTER TABLE reports_new RENAME TO reports;
CREATE INDEX reports_event ON reports(event_no);
CREATE INDEX reports_doc ON reports(doc_id);

DROP TRIGGER event_sources_fts_delete;
CREATE TABLE event_sources_new (
    id        INTEGER PRIMARY KEY,
    event_no  INTEGER NOT NULL REFERENCES events_new(no) ON DELETE CASCADE,
    event_id  TEXT NOT NULL,
    doc_id    INTEGER NOT NULL,
    doc       TEXT NOT NULL,
    lang      TEXT NOT NULL DEFAULT '',
    start_off INTEGER NOT NULL,
    end_off   INTEGER NOT NULL,
    sentence  TEXT NOT NULL,
    attribution TEXT NOT NULL DEFAULT ''
);
INSERT INTO event_sources_new (id, event_no, event_id, doc_id, doc, lang, start_off, end_off, sentence, attribution)
    SELECT s.id, e.no, s.event_id, s.doc_id, s.doc, s.lang, s.start_off, s.end_off, s.sentence, s.attribution
    FROM event_sources s JOIN events_new e ON e.id = s.event_id ORDER BY s.id;
DROP TABLE event_sources;
ALTER TABLE event_sources_new RENAME TO event_sources;
CREATE INDEX event_sources_event ON event_sources(event_no, doc, start_off);
-- +goose StatementBegin
CREATE TRIGGER event_sources_fts_delete AFTER DELETE ON event_sources BEGIN
    INSERT INTO source_fts(source_fts, rowid, sentence) VALUES ('delete', old.id, old.sentence);
END;
-- +goose StatementEnd

CREATE TABLE event_actors_new (
    event_no  INTEGER NOT NULL REFERENCES events_new(no) ON DELETE CASCADE,
    event_id  TEXT NOT NULL,
    code      TEXT NOT NULL,
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL DEFAULT '',
    role      TEXT NOT NULL DEFAULT '',
    entity_id TEXT NOT NULL DEFAULT ''
);
INSERT INTO event_actors_new (rowid, event_no, event_id, code, name, kind, role, entity_id)
    SELECT a.rowid, e.no, a.event_id, a.code, a.name, a.kind, a.role, a.entity_id
    FROM event_actors a JOIN events_new e ON e.id = a.event_id ORDER BY a.rowid;
DROP TABLE event_actors;
ALTER TABLE event_actors_new RENAME TO event_actors;
CREATE INDEX event_actors_event ON event_actors(event_no, code, kind, role);
CREATE INDEX event_actors_code ON event_actors(code, event_no);
CREATE INDEX event_actors_entity ON event_actors(entity_id, event_no);

CREATE TABLE event_dyads_new (
    code_a   TEXT NOT NULL,
    code_b   TEXT NOT NULL,
    undated  INTEGER NOT NULL,
    day      TEXT NOT NULL,
    event_id TEXT NOT NULL,
    event_no INTEGER NOT NULL REFERENCES events_new(no) ON DELETE CASCADE,
    PRIMARY KEY (code_a, code_b, undated, day, event_id)
) WITHOUT ROWID;
INSERT INTO event_dyads_new (code_a, code_b, undated, day, event_id, event_no)
    SELECT d.code_a, d.code_b, d.undated, d.day, d.event_id, e.no FROM event_dyads d JOIN events_new e ON e.id = d.event_id;
DROP TABLE event_dyads;
ALTER TABLE event_dyads_new RENAME TO event_dyads;
CREATE INDEX event_dyads_event ON event_dyads(event_no);

CREATE TABLE event_persons_new (
    block    TEXT NOT NULL,
    person   TEXT NOT NULL,
    dated    INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    seen     INTEGER NOT NULL DEFAULT 0,
    pub      INTEGER NOT NULL DEFAULT 0,
    persons  TEXT NOT NULL DEFAULT '',
    event_no INTEGER NOT NULL REFERENCES events_new(no) ON DELETE CASCADE,
    PRIMARY KEY (block, person, dated, event_id)
) WITHOUT ROWID;
INSERT INTO event_persons_new (block, person, dated, event_id, seen, pub, persons, event_no)
    SELECT p.block, p.person, p.dated, p.event_id, p.seen, p.pub, p.persons, e.no FROM event_persons p JOIN events_new e ON e.id = p.event_id;
DROP TABLE event_persons;
ALTER TABLE event_persons_new RENAME TO event_persons;
CREATE INDEX event_persons_event ON event_persons(event_no);

DROP TABLE events;
ALTER TABLE events_new RENAME TO events;
CREATE INDEX events_fuse ON events(block, cls, day_first, day_last, id);
CREATE INDEX events_order ON events((CASE WHEN date_start = '' THEN 1 ELSE 0 END), date_start, id);
CREATE INDEX events_days ON events(cls, day_first, day_last, type, mode, id, net);

-- +goose Down
CREATE TABLE events_old (
    id          TEXT PRIMARY KEY,
    block       TEXT NOT NULL,
    type        TEXT NOT NULL,
    mode        TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL,
    date_start  TEXT NOT NULL DEFAULT '',
    date_end    TEXT NOT NULL DEFAULT '',
    day_first   INTEGER NOT NULL DEFAULT 0,
    day_last    INTEGER NOT NULL DEFAULT 0,
    location    TEXT NOT NULL DEFAULT '',
    confidence  REAL NOT NULL DEFAULT 0,
    body        TEXT NOT NULL,
    cls         INTEGER NOT NULL DEFAULT 0,
    net         TEXT NOT NULL DEFAULT '',
    seen        INTEGER NOT NULL DEFAULT 0
);
INSERT INTO events_old (rowid, id, block, type, mode, status, date_start, date_end, day_first, day_last, location, confidence, body, cls, net, seen)
    SELECT no, id, block, type, mode, status, date_start, date_end, day_first, day_last, location, confidence, body, cls, net, seen FROM events ORDER BY no;

CREATE TABLE reports_old (
    id       INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events_old(id),
    doc_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    body     TEXT NOT NULL
);
INSERT INTO reports_old (id, event_id, doc_id, body) SELECT id, event_id, doc_id, body FROM reports ORDER BY id;
DROP TABLE reports;
ALTER TABLE reports_old RENAME TO reports;
CREATE INDEX reports_event ON reports(event_id);
CREATE INDEX reports_doc ON reports(doc_id);

DROP TRIGGER event_sources_fts_delete;
CREATE TABLE event_sources_old (
    id        INTEGER PRIMARY KEY,
    event_id  TEXT NOT NULL REFERENCES events_old(id) ON DELETE CASCADE,
    doc_id    INTEGER NOT NULL,
    doc       TEXT NOT NULL,
    lang      TEXT NOT NULL DEFAULT '',
    start_off INTEGER NOT NULL,
    end_off   INTEGER NOT NULL,
    sentence  TEXT NOT NULL,
    attribution TEXT NOT NULL DEFAULT ''
);
INSERT INTO event_sources_old (id, event_id, doc_id, doc, lang, start_off, end_off, sentence, attribution) SELECT id, event_id, doc_id, doc, lang, start_off, end_off, sentence, attribution FROM event_sources ORDER BY id;
DROP TABLE event_sources;
ALTER TABLE event_sources_old RENAME TO event_sources;
CREATE INDEX event_sources_event ON event_sources(event_id, doc, start_off);
-- +goose StatementBegin
CREATE TRIGGER event_sources_fts_delete AFTER DELETE ON event_sources BEGIN
    INSERT INTO source_fts(source_fts, rowid, sentence) VALUES ('delete', old.id, old.sentence);
END;
-- +goose StatementEnd

CREATE TABLE event_actors_old (
    event_id  TEXT NOT NULL REFERENCES events_old(id) ON DELETE CASCADE,
    code      TEXT NOT NULL,
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL DEFAULT '',
    role      TEXT NOT NULL DEFAULT '',
    entity_id TEXT NOT NULL DEFAULT ''
);
INSERT INTO event_actors_old (rowid, event_id, code, name, kind, role, entity_id) SELECT rowid, event_id, code, name, kind, role, entity_id FROM event_actors ORDER BY rowid;
DROP TABLE event_actors;
ALTER TABLE event_actors_old RENAME TO event_actors;
CREATE INDEX event_actors_event ON event_actors(event_id, code, kind, role);
CREATE INDEX event_actors_code ON event_actors(code, event_id);
CREATE INDEX event_actors_entity ON event_actors(entity_id);

CREATE TABLE event_dyads_old (
    code_a   TEXT NOT NULL,
    code_b   TEXT NOT NULL,
    undated  INTEGER NOT NULL,
    day      TEXT NOT NULL,
    event_id TEXT NOT NULL REFERENCES events_old(id) ON DELETE CASCADE,
    PRIMARY KEY (code_a, code_b, undated, day, event_id)
) WITHOUT ROWID;
INSERT INTO event_dyads_old (code_a, code_b, undated, day, event_id) SELECT code_a, code_b, undated, day, event_id FROM event_dyads;
DROP TABLE event_dyads;
ALTER TABLE event_dyads_old RENAME TO event_dyads;
CREATE INDEX event_dyads_event ON event_dyads(event_id);

CREATE TABLE event_persons_old (
    block    TEXT NOT NULL,
    person   TEXT NOT NULL,
    dated    INTEGER NOT NULL,
    event_id TEXT NOT NULL REFERENCES events_old(id) ON DELETE CASCADE,
    seen     INTEGER NOT NULL DEFAULT 0,
    pub      INTEGER NOT NULL DEFAULT 0,
    persons  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (block, person, dated, event_id)
) WITHOUT ROWID;
INSERT INTO event_persons_old (block, person, dated, event_id, seen, pub, persons) SELECT block, person, dated, event_id, seen, pub, persons FROM event_persons;
DROP TABLE event_persons;
ALTER TABLE event_persons_old RENAME TO event_persons;
CREATE INDEX event_persons_event ON event_persons(event_id);

DROP TABLE events;
ALTER TABLE events_old RENAME TO events;
CREATE INDEX events_fuse ON events(block, cls, day_first, day_last, id);
CREATE INDEX events_date ON events(date_start);
CREATE INDEX events_order ON events((CASE WHEN date_start = '' THEN 1 ELSE 0 END), date_start, id);
CREATE INDEX events_days ON events(cls, day_first, day_last, type, mode, id, net);
