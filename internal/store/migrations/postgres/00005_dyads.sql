-- +goose Up
-- Listing events in date order reads them from an index in that order and
-- stops at the limit: for every event (events_order, on the expression the
-- queries order by) and for each pair of its actor codes (event_dyads,
-- kept by ingest), so `events --dyad RUS-UKR --limit 50` reads 50 rows
-- however many the store holds.
CREATE INDEX events_order ON events((CASE WHEN date_start = '' THEN 1 ELSE 0 END), date_start, id);
CREATE TABLE event_dyads (
    code_a   TEXT NOT NULL,             -- the pair's codes, code_a < code_b
    code_b   TEXT NOT NULL,
    undated  INTEGER NOT NULL,          -- 1 when the event has no date_start
    day      TEXT NOT NULL,             -- the event's date_start
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    PRIMARY KEY (code_a, code_b, undated, day, event_id)
);
CREATE INDEX event_dyads_event ON event_dyads(event_id);
INSERT INTO event_dyads (code_a, code_b, undated, day, event_id)
    SELECT DISTINCT a.code, b.code, CASE WHEN e.date_start = '' THEN 1 ELSE 0 END, e.date_start, e.id
    FROM events e JOIN event_actors a ON a.event_id = e.id JOIN event_actors b ON b.event_id = e.id
    WHERE a.code COLLATE "C" < b.code COLLATE "C" AND a.code <> '';

-- +goose Down
DROP TABLE event_dyads;
DROP INDEX events_order;
