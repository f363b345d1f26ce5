-- +goose Up
-- Queries whose cost follows what they return. An actor's name is looked
-- up among the distinct actors (actors: one row per knowledge-base id),
-- whose events are then found by id (event_actors_entity), instead of a
-- LIKE over every event's actors; an event's first sources in document
-- order come from the index without reading the others.
CREATE TABLE actors (
    entity_id TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    code      TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO actors (entity_id, name, code)
    SELECT entity_id, min(name), min(code) FROM event_actors WHERE entity_id <> '' GROUP BY entity_id;
CREATE INDEX event_actors_entity ON event_actors(entity_id);
DROP INDEX event_sources_event;
CREATE INDEX event_sources_event ON event_sources(event_id, doc, start_off);

-- +goose Down
DROP INDEX event_sources_event;
CREATE INDEX event_sources_event ON event_sources(event_id);
DROP INDEX event_actors_entity;
DROP TABLE actors;
