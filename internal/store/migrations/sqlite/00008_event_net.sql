-- +goose Up
-- /network counts events per set of actor codes and type: events.net is
-- the event's distinct actor codes in byte order, each with its kinds as
-- a digit (1: an actor of the code is an organisation, 2: one is a state
-- or an organisation; summed), e.g. 'CHN/2 NATO/3 RUS/2'; '' without
-- codes. Ingest writes it with the event; events_days carries it so that
-- a year's network is one index range grouped by (net, type), not a join
-- of every event with its actors (/network for a year over 100,000
-- events: see BENCHMARKS.md).
ALTER TABLE events ADD COLUMN net TEXT NOT NULL DEFAULT '';
UPDATE events SET net = coalesce((
    SELECT group_concat(code || '/' || flags, ' ' ORDER BY code) FROM (
        SELECT code, max(CASE WHEN kind = 'org' THEN 1 ELSE 0 END) + 2 * max(CASE WHEN kind IN ('state', 'org') THEN 1 ELSE 0 END) AS flags
        FROM event_actors WHERE event_id = events.id AND code <> '' GROUP BY code)), '');
DROP INDEX events_days;
CREATE INDEX events_days ON events(cls, day_first, day_last, type, mode, id, net);

-- +goose Down
DROP INDEX events_days;
CREATE INDEX events_days ON events(cls, day_first, day_last, type, mode, id);
ALTER TABLE events DROP COLUMN net;
