package feed

import (
	"io"
	"net/http"
	"testing"

	"entente/internal/ingest/webtest"
)

func TestParseFormats(t *testing.T) {
	site := webtest.New()
	defer site.Close()
	for _, path := range webtest.Feeds {
		t.Run(path, func(t *testing.T) {
			resp, err := http.Get(site.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if !Sniff(b, resp.Header.Get("Content-Type")) || !Sniff(b, "") && path != "/feed.json" {
				t.Errorf("not sniffed as a feed")
			}
			f, err := Parse(b)
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != "Test News" || len(f.Items) != len(webtest.Articles) {
				t.Fatalf("title %q, %d items", f.Title, len(f.Items))
			}
			keys := map[string]bool{}
			for i, it := range f.Items {
				a := webtest.Articles[i]
				if it.Title != a.Title || it.Link == "" || it.Key == "" || keys[it.Key] {
					t.Errorf("item %d: %+v", i, it)
				}
				keys[it.Key] = true
				want := a.Date
				switch {
				case path == "/rss091.xml": // RSS 0.91 items have no date
					want = ""
				case a.NoFeedDate && path == "/atom.xml": // the entry's <updated> stands in
					want = "2024-06-01"
				case a.NoFeedDate:
					want = ""
				}
				if it.Published != want {
					t.Errorf("item %d: published %q, want %q", i, it.Published, want)
				}
			}
			// The same feed read again gives the same keys.
			again, _ := Parse(b)
			for i := range again.Items {
				if again.Items[i].Key != f.Items[i].Key {
					t.Errorf("key %d changed", i)
				}
			}
		})
	}
}

func TestParseBad(t *testing.T) {
	for _, s := range []string{"", "<html><body>no feed</body></html>", "{\"a\":1}", "<rss><channel><item>"} {
		if f, err := Parse([]byte(s)); err == nil && len(f.Items) > 0 {
			t.Errorf("%q: %+v", s, f)
		}
	}
	if Sniff([]byte("<!DOCTYPE html><html>"), "text/html") {
		t.Error("a page sniffed as a feed")
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(`<rss version="2.0"><channel><item><title>a</title><link>http://x/</link></item></channel></rss>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","content_text":"x"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		fd, err := Parse(b)
		if err != nil {
			return
		}
		for _, it := range fd.Items {
			if it.Key == "" || it.Link == "" && it.Content == "" {
				t.Fatalf("item %+v", it)
			}
		}
	})
}
