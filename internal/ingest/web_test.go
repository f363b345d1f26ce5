package ingest

import (
	"context"
	"strings"
	"testing"
	"time"

	"entente/internal/ingest/fetch"
	"entente/internal/ingest/webtest"
	"entente/internal/model"
)

func testWeb(feeds bool) *Web {
	f := fetch.New(fetch.Config{UserAgent: "entente-test/1.0", Delay: time.Millisecond, Backoff: time.Millisecond, Retries: 1, Timeout: 2 * time.Second})
	return &Web{Parser: std(), Fetcher: f, Feeds: feeds}
}

func TestWebPage(t *testing.T) {
	site := webtest.New()
	defer site.Close()
	w := testWeb(false)
	a := webtest.Articles[0]
	docs, errs := collect(t, []string{site.PageURL(a.Slug) + "?utm_campaign=x#frag", site.URL + "/news/missing", site.URL + "/admin/x"},
		Options{Fetch: w.Fetch, Context: context.Background()})
	if len(docs) != 1 || len(errs) != 2 {
		t.Fatalf("docs %d, errors %q", len(docs), errs)
	}
	if !strings.Contains(errs[0], "404") || !strings.Contains(errs[1], "robots.txt") {
		t.Errorf("errors %q: want a 404 and a robots.txt refusal", errs)
	}
	d := docs[0]
	if d.ID != site.PageURL(a.Slug) || d.Meta["url"] != d.ID {
		t.Errorf("id %q url %q, want the canonical %q", d.ID, d.Meta["url"], site.PageURL(a.Slug))
	}
	if d.Published != (model.Point{Year: 2024, Month: 4, Day: 26}) {
		t.Errorf("published %v", d.Published)
	}
	for _, bad := range []string{"attacked", "cookies", "declared war"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("boilerplate %q kept:\n%s", bad, d.Text)
		}
	}
	if !strings.Contains(d.Text, a.Paragraphs[1]) {
		t.Errorf("text lost the article:\n%s", d.Text)
	}
}

func TestWebFeeds(t *testing.T) {
	site := webtest.New()
	defer site.Close()
	site.Add(webtest.Article{Slug: "no-page-date", Title: "Japan and South Korea agree to share missile data", Date: "2023-10-18", NoPageDate: true,
		Paragraphs: []string{"Japan and South Korea agreed on Wednesday to share missile data."}})
	site.Fail(webtest.Articles[1].Slug, true)
	for _, path := range webtest.Feeds {
		t.Run(path, func(t *testing.T) {
			docs, errs := collect(t, []string{site.URL + path}, Options{Fetch: testWeb(true).Fetch})
			// The failing page is reported (and read again on the next
			// poll), not replaced by the item's summary.
			if len(docs) != 3 || len(errs) != 1 || !strings.Contains(errs[0], "500") {
				t.Fatalf("docs %d, errors %q", len(docs), errs)
			}
			byID := map[string]*model.Document{}
			for _, d := range docs {
				byID[d.ID] = d
			}
			first := byID[site.PageURL(webtest.Articles[0].Slug)]
			if first == nil || first.Published != (model.Point{Year: 2024, Month: 4, Day: 26}) {
				t.Fatalf("first article: %+v", first)
			}
			// A page without a date takes its item's, where the feed has one.
			nd := byID[site.PageURL("no-page-date")]
			if nd == nil {
				t.Fatalf("no document for the undated page")
			}
			want := model.Point{Year: 2023, Month: 10, Day: 18}
			if path == "/rss091.xml" { // RSS 0.91 items have no date
				want = model.Point{}
			}
			if nd.Published != want {
				t.Errorf("undated page: published %v, want %v", nd.Published, want)
			}
		})
	}
}

func TestWebSniffsFeed(t *testing.T) {
	site := webtest.New()
	defer site.Close()
	docs, errs := collect(t, []string{site.URL + "/atom.xml"}, Options{Fetch: testWeb(false).Fetch})
	if len(docs) != 3 || len(errs) != 0 {
		t.Errorf("docs %d, errors %q: a feed URL without --feed is read as a feed", len(docs), errs)
	}
}
