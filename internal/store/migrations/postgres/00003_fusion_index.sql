-- +goose Up
-- Fusion reads a report's candidates from indexes bounded on both sides
-- (fuse.Document): an event's class says how its days are indexed (0 no
-- date, 1 one day, 2 at most 62 days, 3 longer, 4 no year), and
-- event_persons indexes every event by block and named person, dated or
-- not, for the reports that have no date or find an undated event.
ALTER TABLE events ADD COLUMN cls INTEGER NOT NULL DEFAULT 0;
UPDATE events SET cls = CASE
    WHEN day_first = 0 THEN 0
    WHEN day_first < 10000 THEN 4
    WHEN day_first = day_last THEN 1
    WHEN to_date(lpad(day_last::text, 8, '0'), 'YYYYMMDD') - to_date(lpad(day_first::text, 8, '0'), 'YYYYMMDD') < 62 THEN 2
    ELSE 3 END;
DROP INDEX events_block;
CREATE INDEX events_fuse ON events(block, cls, day_first, day_last, id);

CREATE TABLE event_persons (
    block    TEXT NOT NULL,
    person   TEXT NOT NULL,
    dated    INTEGER NOT NULL,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    PRIMARY KEY (block, person, dated, event_id)
);
CREATE INDEX event_persons_event ON event_persons(event_id);
INSERT INTO event_persons (block, person, dated, event_id)
    SELECT DISTINCT e.block, a.entity_id, CASE WHEN e.day_first <> 0 THEN 1 ELSE 0 END, e.id
    FROM events e JOIN event_actors a ON a.event_id = e.id
    WHERE a.kind = 'person' AND a.entity_id <> '';

-- +goose Down
DROP TABLE event_persons;
DROP INDEX events_fuse;
CREATE INDEX events_block ON events(block, day_first);
ALTER TABLE events DROP COLUMN cls;
