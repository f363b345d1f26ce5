-- +goose Up
-- A store that was filled before the fusion window (00009) starts with the
-- watermark at the newest publication day it holds (fuse.Day: days from
-- 1 January 1900, counting it as 1; a month or a year counts as its first
-- day), and its events count as seen then: they stay open for a year of
-- newer publications, as if they had just been reported.
UPDATE fuse_mark SET day = coalesce((SELECT max((to_date(CASE length(published)
        WHEN 4 THEN published || '-01-01' WHEN 7 THEN published || '-01' ELSE substr(published, 1, 10) END, 'YYYY-MM-DD')
        - date '1900-01-01') + 1)
    FROM documents WHERE published ~ '^[0-9]{4}'), 0)
WHERE day = 0;
UPDATE events SET seen = (SELECT day FROM fuse_mark WHERE id = 1) WHERE seen = 0;

-- +goose Down
SELECT 1;
