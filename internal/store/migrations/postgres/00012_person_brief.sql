-- +goose Up
-- A report's candidates found by a named person (event_persons) come with
-- what fusion needs to test an undated one without reading its event
-- (fuse.Candidate.Brief): the event's seen mark (kept equal to events.seen),
-- its publication date (pub: year * 10000 + month * 100 + day, 0 unknown)
-- and its persons, repeats included (space-separated knowledge-base ids).
-- The person query then needs no join, and an undated event that cannot
-- join is neither read nor decoded.
ALTER TABLE event_persons ADD COLUMN seen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_persons ADD COLUMN pub INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_persons ADD COLUMN persons TEXT NOT NULL DEFAULT '';
UPDATE event_persons p SET
    seen = e.seen,
    pub = coalesce((e.body::json -> 'Published' ->> 'Year')::int, 0) * 10000
        + coalesce((e.body::json -> 'Published' ->> 'Month')::int, 0) * 100
        + coalesce((e.body::json -> 'Published' ->> 'Day')::int, 0),
    persons = coalesce((SELECT string_agg(a.entity_id, ' ') FROM event_actors a
        WHERE a.event_id = p.event_id AND a.kind = 'person' AND a.entity_id <> ''), '')
FROM events e WHERE e.id = p.event_id;

-- +goose Down
ALTER TABLE event_persons DROP COLUMN persons;
ALTER TABLE event_persons DROP COLUMN pub;
ALTER TABLE event_persons DROP COLUMN seen;
