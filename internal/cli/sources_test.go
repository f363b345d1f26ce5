package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"entente/internal/ingest/webtest"
)

// metaDatePage is a web page whose only date is in its metadata.
const metaDatePage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Talks in Beijing</title>
<meta property="article:published_time" content="2024-04-26T10:00:00Z">
<script>var s = "Russia attacked Ukraine on Friday.";</script></head><body>
<nav><ul><li><a href="/">Home</a></li></ul></nav>
<article><h1>Talks in Beijing</h1>
<p>Secretary of State Antony Blinken met Chinese President Xi Jinping in Beijing on Friday.</p>
<p>The two sides discussed trade and the war in Ukraine.</p></article>
<div class="comments"><p>Germany attacked France in my dream, great article.</p></div>
</body></html>`

// event is what the tests read of an output event.
type event struct {
	Type string `json:"type"`
	Date struct {
		Start string `json:"start"`
	} `json:"date"`
	Sources []struct {
		Doc, Sentence string
	} `json:"sources"`
}

func TestExtractHTMLAndJSONL(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "page.html"), []byte(metaDatePage), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "", "extract", "--format", "jsonl", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var evs []event
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var ev event
		if err := json.Unmarshal([]byte(l), &ev); err != nil {
			t.Fatalf("%q: %v", l, err)
		}
		evs = append(evs, ev)
	}
	found := false
	for _, ev := range evs {
		for _, s := range ev.Sources {
			if strings.Contains(s.Sentence, "attacked") {
				t.Errorf("event from a script or a comment: %+v", ev)
			}
		}
		if ev.Type == "CONSULT" {
			found = true
			// "on Friday" resolves against the publication date from the
			// page's metadata: Friday 2024-04-26.
			if ev.Date.Start != "2024-04-26" || ev.Sources[0].Doc != "page.html" {
				t.Errorf("CONSULT dated %q from %q, want 2024-04-26 from page.html", ev.Date.Start, ev.Sources[0].Doc)
			}
		}
	}
	if !found {
		t.Fatalf("no CONSULT event in %s", out)
	}

	t.Run("jsonl on stdin, a bad line reported", func(t *testing.T) {
		rec, _ := json.Marshal(map[string]string{"html": metaDatePage, "url": "https://news.example/beijing?utm_source=x"})
		code, out, errs := run(t, string(rec)+"\n{broken\n", "extract", "--format", "jsonl", "--input-format", "jsonl", "-")
		if code != 1 || !strings.Contains(errs, "-:2: ") || !strings.Contains(out, `"doc":"https://news.example/beijing"`) || !strings.Contains(out, `"start":"2024-04-26"`) {
			t.Errorf("exit %d, stderr %q, stdout %q", code, errs, out)
		}
	})
	t.Run("unknown input format is refused", func(t *testing.T) {
		code, _, errs := run(t, "", "extract", "--input-format", "xml", dir)
		if code != 2 || !strings.Contains(errs, "--input-format") {
			t.Errorf("exit %d, stderr %q", code, errs)
		}
	})
}

func TestIngestURLsAndFeeds(t *testing.T) {
	site := webtest.New()
	defer site.Close()
	db := filepath.Join(t.TempDir(), "e.db")
	fast := []string{"--db", db, "--delay", "1ms", "--user-agent", "entente-test/1.0"}
	a := webtest.Articles[0]
	code, _, errs := run(t, "", append([]string{"ingest", site.PageURL(a.Slug) + "?utm_source=x", site.URL + "/news/missing"}, fast...)...)
	if code != 1 || !strings.Contains(errs, "404") || !strings.Contains(errs, "documents: 1 new") {
		t.Fatalf("exit %d, stderr %q: want one page stored and the missing one reported", code, errs)
	}
	code, _, errs = run(t, "", append([]string{"ingest", "--feed", site.URL + "/rss.xml"}, fast...)...)
	if code != 0 || !strings.Contains(errs, "documents: 2 new, 1 unchanged") {
		t.Fatalf("exit %d, stderr %q: want the feed's two other items new", code, errs)
	}
	// The same page with a new text replaces the old version.
	site.Update(a.Slug, []string{"Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing on Friday."})
	code, _, errs = run(t, "", append([]string{"ingest", site.PageURL(a.Slug)}, fast...)...)
	if code != 0 || !strings.Contains(errs, "documents: 0 new, 0 unchanged, 1 updated") {
		t.Fatalf("exit %d, stderr %q: want the changed page to replace the old one", code, errs)
	}
	code, out, errs := run(t, "", "docs", "--db", db)
	if code != 0 || !strings.Contains(out, site.PageURL(a.Slug)) || strings.Contains(out, "utm_source") {
		t.Errorf("docs: exit %d, %s %s", code, out, errs)
	}
	code, out, _ = run(t, "", "extract", "--format", "jsonl", "--delay", "1ms", site.PageURL(a.Slug))
	if code != 0 || !strings.Contains(out, `"doc":"`+site.PageURL(a.Slug)+`"`) || !strings.Contains(out, `"start":"2024-04-26"`) {
		t.Errorf("extract URL: exit %d, %s", code, out)
	}
}
