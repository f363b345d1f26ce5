-- +goose Up
-- Staged storing (store/staged.go): the job queue's workers store a
-- batch's texts first, then fuse its reports block by block in the order
-- of the batches. staged_docs holds the documents a batch stored and has
-- not finished fusing; staged_blocks the blocks it has yet to fuse into
-- (a batch fuses into a block once no earlier batch has a row there).
CREATE TABLE staged_docs (
    ord    BIGINT NOT NULL,             -- the batch's order (the queue's sequence number)
    doc_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (ord, doc_id)
);
CREATE TABLE staged_blocks (
    block TEXT NOT NULL,                -- events.block
    ord   BIGINT NOT NULL,
    PRIMARY KEY (block, ord)
);
CREATE INDEX staged_blocks_ord ON staged_blocks(ord);

-- +goose Down
DROP TABLE staged_blocks;
DROP TABLE staged_docs;
