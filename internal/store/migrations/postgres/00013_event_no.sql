-- +goose Up
-- Every event gets a number in the order it was stored (events.no; its
-- public id stays events.id), and the tables of its reports, sources,
-- actors, dyads and persons reach it by that number (event_no, indexed and
-- referenced) where they used the id, a hash: an event's rows go to the
-- right edge of each index instead of a random leaf (see the SQLite
-- migration). The id stays in each row for reading. events_date goes: no
-- query reads it. Events stored before are numbered in the table's order.
ALTER TABLE events ADD COLUMN no BIGSERIAL;
ALTER TABLE events ADD CONSTRAINT events_no_key UNIQUE (no);

ALTER TABLE reports ADD COLUMN event_no BIGINT;
UPDATE reports r SET event_no = e.no FROM events e WHERE e.id = r.event_id;
ALTER TABLE reports ALTER COLUMN event_no SET NOT NULL;
ALTER TABLE reports DROP CONSTRAINT reports_event_id_fkey;
ALTER TABLE reports ADD CONSTRAINT reports_event_no_fkey FOREIGN KEY (event_no) REFERENCES events(no);
DROP INDEX reports_event;
CREATE INDEX reports_event ON reports(event_no);

ALTER TABLE event_sources ADD COLUMN event_no BIGINT;
UPDATE event_sources s SET event_no = e.no FROM events e WHERE e.id = s.event_id;
ALTER TABLE event_sources ALTER COLUMN event_no SET NOT NULL;
ALTER TABLE event_sources DROP CONSTRAINT event_sources_event_id_fkey;
ALTER TABLE event_sources ADD CONSTRAINT event_sources_event_no_fkey FOREIGN KEY (event_no) REFERENCES events(no) ON DELETE CASCADE;
DROP INDEX event_sources_event;
CREATE INDEX event_sources_event ON event_sources(event_no, doc COLLATE "C", start_off);

ALTER TABLE event_actors ADD COLUMN event_no BIGINT;
UPDATE event_actors a SET event_no = e.no FROM events e WHERE e.id = a.event_id;
ALTER TABLE event_actors ALTER COLUMN event_no SET NOT NULL;
ALTER TABLE event_actors DROP CONSTRAINT event_actors_event_id_fkey;
ALTER TABLE event_actors ADD CONSTRAINT event_actors_event_no_fkey FOREIGN KEY (event_no) REFERENCES events(no) ON DELETE CASCADE;
DROP INDEX event_actors_event;
DROP INDEX event_actors_code;
DROP INDEX event_actors_entity;
CREATE INDEX event_actors_event ON event_actors(event_no, code, kind, role);
CREATE INDEX event_actors_code ON event_actors(code, event_no);
CREATE INDEX event_actors_entity ON event_actors(entity_id, event_no);

ALTER TABLE event_dyads ADD COLUMN event_no BIGINT;
UPDATE event_dyads d SET event_no = e.no FROM events e WHERE e.id = d.event_id;
ALTER TABLE event_dyads ALTER COLUMN event_no SET NOT NULL;
ALTER TABLE event_dyads DROP CONSTRAINT event_dyads_event_id_fkey;
ALTER TABLE event_dyads ADD CONSTRAINT event_dyads_event_no_fkey FOREIGN KEY (event_no) REFERENCES events(no) ON DELETE CASCADE;
DROP INDEX event_dyads_event;
CREATE INDEX event_dyads_event ON event_dyads(event_no);

ALTER TABLE event_persons ADD COLUMN event_no BIGINT;
UPDATE event_persons p SET event_no = e.no FROM events e WHERE e.id = p.event_id;
ALTER TABLE event_persons ALTER COLUMN event_no SET NOT NULL;
ALTER TABLE event_persons DROP CONSTRAINT event_persons_event_id_fkey;
ALTER TABLE event_persons ADD CONSTRAINT event_persons_event_no_fkey FOREIGN KEY (event_no) REFERENCES events(no) ON DELETE CASCADE;
DROP INDEX event_persons_event;
CREATE INDEX event_persons_event ON event_persons(event_no);

DROP INDEX events_date;

-- +goose Down
CREATE INDEX events_date ON events(date_start);
ALTER TABLE reports DROP COLUMN event_no;
ALTER TABLE reports ADD CONSTRAINT reports_event_id_fkey FOREIGN KEY (event_id) REFERENCES events(id);
CREATE INDEX reports_event ON reports(event_id);
ALTER TABLE event_sources DROP COLUMN event_no;
ALTER TABLE event_sources ADD CONSTRAINT event_sources_event_id_fkey FOREIGN KEY (event_id) REFERENCES events(id) ON DELETE CASCADE;
CREATE INDEX event_sources_event ON event_sources(event_id, doc COLLATE "C", start_off);
ALTER TABLE event_actors DROP COLUMN event_no;
ALTER TABLE event_actors ADD CONSTRAINT event_actors_event_id_fkey FOREIGN KEY (event_id) REFERENCES events(id) ON DELETE CASCADE;
CREATE INDEX event_actors_event ON event_actors(event_id, code, kind, role);
CREATE INDEX event_actors_code ON event_actors(code, event_id);
CREATE INDEX event_actors_entity ON event_actors(entity_id);
ALTER TABLE event_dyads DROP COLUMN event_no;
ALTER TABLE event_dyads ADD CONSTRAINT event_dyads_event_id_fkey FOREIGN KEY (event_id) REFERENCES events(id) ON DELETE CASCADE;
CREATE INDEX event_dyads_event ON event_dyads(event_id);
ALTER TABLE event_persons DROP COLUMN event_no;
ALTER TABLE event_persons ADD CONSTRAINT event_persons_event_id_fkey FOREIGN KEY (event_id) REFERENCES events(id) ON DELETE CASCADE;
CREATE INDEX event_persons_event ON event_persons(event_id);
ALTER TABLE events DROP COLUMN no;
