-- +goose Up
-- The fusion window (fuse package doc): fuse_mark holds the watermark, the
-- latest publication day (fuse.Day) of the documents fused so far, and
-- events.seen the watermark when each event last received a report. An
-- event seen more than fuse.Lookback days before the watermark takes no
-- more reports. Events stored before this migration have seen 0 and mark
-- 0: the first dated document after it gives them its day, as if they had
-- been seen then.
ALTER TABLE events ADD COLUMN seen INTEGER NOT NULL DEFAULT 0;
CREATE TABLE fuse_mark (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    day INTEGER NOT NULL
);
INSERT INTO fuse_mark (id, day) VALUES (1, 0);

-- +goose Down
DROP TABLE fuse_mark;
ALTER TABLE events DROP COLUMN seen;
