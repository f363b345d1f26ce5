package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
)

func TestWatchState(t *testing.T) {
	for _, backend := range []string{"sqlite", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			dsn := filepath.Join(t.TempDir(), "w.db")
			if backend == "postgres" {
				dsn = newPG(t)
			}
			ctx := context.Background()
			s, err := Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			const feed = "https://news.example/rss.xml"
			keys := make([]string, 450) // more than one IN list
			for i := range keys {
				keys[i] = fmt.Sprintf("item-%d", i)
			}
			seen, err := s.Seen(ctx, feed, keys)
			if err != nil || len(seen) != 0 {
				t.Fatalf("fresh: %v, %v", seen, err)
			}
			for _, k := range []string{"item-0", "item-449", "item-0"} { // twice: no error
				if err := s.MarkSeen(ctx, feed, k, "https://news.example/a"); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.MarkSeen(ctx, "https://other.example/feed", "item-1", ""); err != nil {
				t.Fatal(err)
			}
			seen, err = s.Seen(ctx, feed, keys)
			if err != nil || len(seen) != 2 || !seen["item-0"] || !seen["item-449"] {
				t.Errorf("seen %v, %v; want item-0 and item-449 only", seen, err)
			}
			if e, l, err := s.FeedState(ctx, feed); e != "" || l != "" || err != nil {
				t.Errorf("fresh feed state %q %q %v", e, l, err)
			}
			for _, v := range [][2]string{{`"v1"`, ""}, {`"v2"`, "Tue, 12 Mar 2024 09:30:00 GMT"}} {
				if err := s.SaveFeedState(ctx, feed, v[0], v[1]); err != nil {
					t.Fatal(err)
				}
				if e, l, err := s.FeedState(ctx, feed); e != v[0] || l != v[1] || err != nil {
					t.Errorf("feed state %q %q %v, want %q %q", e, l, err, v[0], v[1])
				}
			}
		})
	}
}
