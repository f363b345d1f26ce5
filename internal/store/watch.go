package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// What entente watch keeps between polls: the feed items already ingested
// and each feed's validators. Writes here are separate from documents':
// the watcher marks an item only after its document is committed, so a
// crash between the two reads the item again, and the document's hash
// makes that second reading add nothing.

// Seen returns which of the keys of a feed's items are marked.
func (s *Store) Seen(ctx context.Context, feed string, keys []string) (map[string]bool, error) {
	seen := make(map[string]bool, len(keys))
	const chunk = 200
	for start := 0; start < len(keys); start += chunk {
		part := keys[start:min(start+chunk, len(keys))]
		q := "SELECT item FROM watch_items WHERE feed = ? AND item IN (?" + strings.Repeat(",?", len(part)-1) + ")"
		args := append([]any{feed}, anys(part)...)
		rows, err := s.db.QueryContext(ctx, s.q(q), args...)
		if err != nil {
			return nil, fmt.Errorf("store: watch items of %s: %w", feed, err)
		}
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: watch items of %s: %w", feed, err)
			}
			seen[k] = true
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("store: watch items of %s: %w", feed, err)
		}
	}
	return seen, nil
}

// MarkSeen marks a feed's item as ingested, with the URL of its document.
func (s *Store) MarkSeen(ctx context.Context, feed, key, docURL string) error {
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO watch_items (feed, item, doc_url, seen_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (feed, item) DO NOTHING`), feed, key, docURL, time.Now().UTC().Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("store: mark %s of %s: %w", key, feed, err)
	}
	return nil
}

// FeedState returns a feed's validators ("" when never polled).
func (s *Store) FeedState(ctx context.Context, feed string) (etag, lastModified string, err error) {
	err = s.db.QueryRowContext(ctx, s.q("SELECT etag, last_modified FROM watch_feeds WHERE feed = ?"), feed).Scan(&etag, &lastModified)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil
	}
	if err != nil {
		return "", "", fmt.Errorf("store: feed %s: %w", feed, err)
	}
	return etag, lastModified, nil
}

// SaveFeedState records a feed's validators after a poll.
func (s *Store) SaveFeedState(ctx context.Context, feed, etag, lastModified string) error {
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO watch_feeds (feed, etag, last_modified, polled_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (feed) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, polled_at = excluded.polled_at`),
		feed, etag, lastModified, time.Now().UTC().Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("store: feed %s: %w", feed, err)
	}
	return nil
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
