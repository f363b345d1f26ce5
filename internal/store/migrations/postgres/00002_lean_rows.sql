-- +goose Up
-- Mentions are keyed by document and place (idx: the mention's ordinal in
-- its document), as in the SQLite schema: the primary key replaces the
-- index on doc_id.
ALTER TABLE mentions ADD COLUMN idx INTEGER;
UPDATE mentions m SET idx = n.i
    FROM (SELECT ctid, row_number() OVER (PARTITION BY doc_id ORDER BY ctid) - 1 AS i FROM mentions) n
    WHERE m.ctid = n.ctid;
ALTER TABLE mentions ALTER COLUMN idx SET NOT NULL;
ALTER TABLE mentions ADD PRIMARY KEY (doc_id, idx);
DROP INDEX mentions_doc;

-- +goose Down
ALTER TABLE mentions DROP CONSTRAINT mentions_pkey;
ALTER TABLE mentions DROP COLUMN idx;
CREATE INDEX mentions_doc ON mentions(doc_id);
