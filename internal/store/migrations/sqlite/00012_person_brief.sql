-- +goose Up
-- A report's candidates found by a named person (event_persons) come with
-- what fusion needs to test an undated one without reading its event
-- (fuse.Candidate.Brief): the event's seen mark (kept equal to events.seen),
-- its publication date (pub: year * 10000 + month * 100 + day, 0 unknown)
-- and its persons in actor order, repeats included (space-separated
-- knowledge-base ids). The person query then reads the index alone, and an
-- undated event that cannot join is neither read nor decoded.
ALTER TABLE event_persons ADD COLUMN seen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_persons ADD COLUMN pub INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_persons ADD COLUMN persons TEXT NOT NULL DEFAULT '';
UPDATE event_persons SET
    seen = coalesce((SELECT e.seen FROM events e WHERE e.id = event_persons.event_id), 0),
    pub = coalesce((SELECT coalesce(json_extract(e.body, '$.Published.Year'), 0) * 10000
        + coalesce(json_extract(e.body, '$.Published.Month'), 0) * 100
        + coalesce(json_extract(e.body, '$.Published.Day'), 0) FROM events e WHERE e.id = event_persons.event_id), 0),
    persons = coalesce((SELECT group_concat(entity_id, ' ') FROM (SELECT a.entity_id FROM event_actors a
        WHERE a.event_id = event_persons.event_id AND a.kind = 'person' AND a.entity_id <> '' ORDER BY a.rowid)), '');

-- +goose Down
ALTER TABLE event_persons DROP COLUMN persons;
ALTER TABLE event_persons DROP COLUMN pub;
ALTER TABLE event_persons DROP COLUMN seen;
