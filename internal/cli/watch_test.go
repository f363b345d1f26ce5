package cli

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"entente/internal/ingest/fetch"
	"entente/internal/ingest/webtest"
	"entente/internal/store"
)

// storedDocs returns the URLs of the stored documents, each as often as it
// is stored.
func storedDocs(t *testing.T, db string) map[string]int {
	t.Helper()
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	docs, err := st.Docs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, d := range docs {
		out[d.Ident]++
	}
	return out
}

func writeFeeds(t *testing.T, lines ...string) string {
	p := filepath.Join(t.TempDir(), "feeds.txt")
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestWatchOnce(t *testing.T) {
	site := webtest.New()
	defer site.Close()
	db := filepath.Join(t.TempDir(), "w.db")
	feeds := writeFeeds(t, "# test feeds", site.URL+"/rss.xml", "", site.URL+"/atom.xml  # the same items again")
	args := []string{"watch", "--once", "--feeds", feeds, "--db", db, "--delay", "1ms", "--user-agent", "entente-test/1.0"}
	pages := func() int {
		n := 0
		for _, a := range webtest.Articles {
			n += site.Hits("/news/" + a.Slug)
		}
		return n
	}

	code, _, errs := run(t, "", args...)
	if code != 0 || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "poll done: 2 feeds (0 not modified), 6 new items: documents 3 new, 3 unchanged, 0 updated, 0 failed") {
		t.Fatalf("first poll: exit %d, log %q", code, errs)
	}
	if got := storedDocs(t, db); len(got) != 3 {
		t.Fatalf("stored %v", got)
	}
	before := pages()
	code, _, errs = run(t, "", args...)
	if code != 0 || !strings.Contains(errs, "2 feeds (1 not modified), 0 new items: documents 0 new") {
		t.Fatalf("second poll: exit %d, log %q", code, errs)
	}
	if pages() != before {
		t.Errorf("second poll fetched %d pages again", pages()-before)
	}

	site.Add(webtest.Article{Slug: "tusk-kyiv", Title: "Tusk visits Kyiv", Date: "2024-01-22",
		Paragraphs: []string{"Polish Prime Minister Donald Tusk met Ukrainian President Volodymyr Zelensky in Kyiv on Monday."}})
	code, _, errs = run(t, "", args...)
	if code != 0 || !strings.Contains(errs, "2 new items: documents 1 new, 1 unchanged") {
		t.Fatalf("third poll: exit %d, log %q", code, errs)
	}
	got := storedDocs(t, db)
	if len(got) != 4 || got[site.PageURL("tusk-kyiv")] != 1 {
		t.Errorf("stored %v", got)
	}

	t.Run("bad feed list", func(t *testing.T) {
		code, _, errs := run(t, "", "watch", "--once", "--feeds", writeFeeds(t, "not a url"), "--db", db)
		if code != 2 || !strings.Contains(errs, "feeds.txt:1") {
			t.Errorf("exit %d, %q", code, errs)
		}
		code, _, _ = run(t, "", "watch", "--once", "--db", db)
		if code != 2 {
			t.Errorf("no --feeds: exit %d", code)
		}
	})
}

// TestWatchInterrupted stops a poll in the middle (as SIGINT does) and
// polls again: every item is stored once, none lost; a failing page is
// reported and read at the next poll.
func TestWatchInterrupted(t *testing.T) {
	site := webtest.New()
	defer site.Close()
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "w.db")
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard}
	p, err := e.pipeline(false, false, 1, "")
	if err != nil {
		t.Fatal(err)
	}
	var log strings.Builder
	w := &watcher{st: st, p: p, feeds: []string{site.URL + "/rss.xml"}, log: &log,
		fetcher: fetch.New(fetch.Config{UserAgent: "entente-test/1.0", Delay: time.Millisecond, Backoff: time.Millisecond, Retries: 1})}

	// Stop when the second page is asked for: the first is stored, the
	// second's fetch is cut, the third never starts. The page is served
	// only after the cancel has reached the client (which gives up on a
	// cancelled context at once): served at once, a fast machine read it
	// before the client saw the cancel, and the test failed on timing.
	stopCtx, cancel := context.WithCancel(ctx)
	var once sync.Once
	site.OnRequest(func(path string) {
		if path == "/news/"+webtest.Articles[1].Slug {
			once.Do(func() {
				cancel()
				time.Sleep(200 * time.Millisecond)
			})
		}
	})
	sum := w.poll(stopCtx)
	site.OnRequest(nil)
	if !strings.Contains(log.String(), "poll stopped") || sum.docNew != 1 {
		t.Fatalf("interrupted poll: %+v, log %q", sum, log.String())
	}
	if got := storedDocs(t, db); len(got) != 1 || got[site.PageURL(webtest.Articles[0].Slug)] != 1 {
		t.Fatalf("after the interrupted poll: %v", got)
	}

	site.Fail(webtest.Articles[2].Slug, true)
	sum = w.poll(ctx)
	if sum.docNew != 1 || sum.failed != 1 {
		t.Fatalf("second poll: %+v, log %q", sum, log.String())
	}
	site.Fail(webtest.Articles[2].Slug, false)
	sum = w.poll(ctx)
	if sum.docNew != 1 || sum.failed != 0 || sum.unchanged != 0 {
		t.Fatalf("third poll: %+v: want the failed item read again (the feed's validators were not saved)", sum)
	}
	sum = w.poll(ctx)
	if sum.items != 0 || sum.unchanged != 1 {
		t.Fatalf("fourth poll: %+v: want the feed not modified", sum)
	}
	got := storedDocs(t, db)
	if len(got) != 3 {
		t.Fatalf("stored %v", got)
	}
	for u, n := range got {
		if n != 1 {
			t.Errorf("%s stored %d times", u, n)
		}
	}
}
