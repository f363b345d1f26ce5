-- +goose Up
-- Fusion's same-sentence rule (fuse.Compatible: an undated report joins an
-- event that cites a sentence with the same words, a syndicated copy)
-- needs the sentences of a stored event, which its row leaves out: sents
-- holds the keys of its first fuse.SentenceSources sources, in the order
-- they joined (fuse.SentenceKey, 16 hexadecimal digits each, separated by
-- spaces), and event_persons a copy, so that an undated candidate found
-- by a person is tested without reading its event (fuse.Candidate.Brief).
-- The keys are hashes Go computes: Open fills them in for the events
-- stored before (fuse_mark.keyed is 0 until it has).
ALTER TABLE events ADD COLUMN sents TEXT NOT NULL DEFAULT '';
ALTER TABLE event_persons ADD COLUMN sents TEXT NOT NULL DEFAULT '';
ALTER TABLE fuse_mark ADD COLUMN keyed INTEGER NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE fuse_mark DROP COLUMN keyed;
ALTER TABLE event_persons DROP COLUMN sents;
ALTER TABLE events DROP COLUMN sents;
