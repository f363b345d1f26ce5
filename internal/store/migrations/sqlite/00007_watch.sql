-- +goose Up
-- entente watch remembers, across restarts, which feed items it has
-- ingested (an item is marked only after its document is committed) and
-- each feed's validators for conditional GET (saved only after all of the
-- poll's new items are marked).
CREATE TABLE watch_items (
    feed    TEXT NOT NULL,             -- the feed's URL as given
    item    TEXT NOT NULL,             -- the item's key (GUID, id or link)
    doc_url TEXT NOT NULL DEFAULT '',  -- the document it became
    seen_at TEXT NOT NULL,             -- RFC 3339, UTC
    PRIMARY KEY (feed, item)
);
CREATE TABLE watch_feeds (
    feed          TEXT PRIMARY KEY,
    etag          TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    polled_at     TEXT NOT NULL DEFAULT ''
);

-- +goose Down
DROP TABLE watch_feeds;
DROP TABLE watch_items;
