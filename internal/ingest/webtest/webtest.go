// Package webtest serves a small news site for tests on the loopback
// interface (net/http/httptest): article pages with boilerplate, and one
// feed of them in each format (RSS 2.0, RSS 0.91, RSS 1.0, Atom, JSON
// Feed). It counts the requests of each path, and a test can add items.
//
// In: nothing (the articles are written here, for tests). Out: a running
// server, its feed URLs and the texts and dates tests should find.
package webtest

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
)

// Article is one page of the site.
type Article struct {
	Slug  string
	Title string
	// Date is the publication date; the page carries it in its metadata
	// only (JSON-LD), the feeds in their item dates unless NoFeedDate.
	Date       string
	NoFeedDate bool
	// NoPageDate leaves the date out of the page's metadata.
	NoPageDate bool
	Paragraphs []string
}

// Articles are the site's first articles.
var Articles = []Article{
	{Slug: "blinken-beijing", Title: "Blinken meets Xi in Beijing", Date: "2024-04-26",
		Paragraphs: []string{"Secretary of State Antony Blinken met Chinese President Xi Jinping in Beijing on Friday.",
			"The two sides discussed trade and the war in Ukraine."}},
	{Slug: "scholz-vilnius", Title: "Scholz besucht Litauen", Date: "2024-05-06", NoFeedDate: true,
		Paragraphs: []string{"Bundeskanzler Olaf Scholz hat am Montag Vilnius besucht und den litauischen Präsidenten Gitanas Nausėda getroffen.",
			"Beide Politiker sprachen über die deutsche Brigade in Litauen."}},
	{Slug: "putin-beijing", Title: "Путин прибыл в Пекин", Date: "2024-05-16",
		Paragraphs: []string{"Президент России Владимир Путин в четверг провел переговоры с Си Цзиньпином в Пекине.",
			"Стороны обсудили экономическое сотрудничество."}},
}

// Site is a running test site.
type Site struct {
	*httptest.Server
	mu       sync.Mutex
	articles []Article
	hits     map[string]int
	// Fail makes the pages of these slugs answer 500.
	fail map[string]bool
	// onRequest, when set, is called with each request's path first.
	onRequest func(path string)
}

// OnRequest sets a function called with the path of each request before
// it is served (a test's hook: cancel a context mid-poll).
func (s *Site) OnRequest(fn func(path string)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onRequest = fn
}

// New starts a site with the Articles. Close it when done.
func New() *Site {
	s := &Site{articles: append([]Article(nil), Articles...), hits: map[string]int{}, fail: map[string]bool{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// Add publishes another article.
func (s *Site) Add(a Article) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.articles = append(s.articles, a)
}

// Update replaces the paragraphs of a published article.
func (s *Site) Update(slug string, paragraphs []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.articles {
		if s.articles[i].Slug == slug {
			s.articles[i].Paragraphs = paragraphs
		}
	}
}

// Fail makes an article's page answer 500 (or serve again when false).
func (s *Site) Fail(slug string, fail bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fail[slug] = fail
}

// Hits returns how often a path was requested.
func (s *Site) Hits(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// PageURL is the address of an article's page.
func (s *Site) PageURL(slug string) string { return s.URL + "/news/" + slug }

// Feeds are the paths of the site's feeds, one per format.
var Feeds = []string{"/rss.xml", "/rss091.xml", "/rdf.xml", "/atom.xml", "/feed.json"}

func (s *Site) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	arts := append([]Article(nil), s.articles...)
	hook := s.onRequest
	s.mu.Unlock()
	if hook != nil {
		hook(r.URL.Path)
	}
	switch {
	case r.URL.Path == "/robots.txt":
		w.Write([]byte("User-agent: *\nDisallow: /admin/\n"))
	case strings.HasPrefix(r.URL.Path, "/news/"):
		slug := strings.TrimPrefix(r.URL.Path, "/news/")
		for _, a := range arts {
			if a.Slug == slug {
				s.mu.Lock()
				fail := s.fail[slug]
				s.mu.Unlock()
				if fail {
					http.Error(w, "broken", http.StatusInternalServerError)
					return
				}
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				w.Write([]byte(s.page(a)))
				return
			}
		}
		http.NotFound(w, r)
	case r.URL.Path == "/rss.xml":
		s.rss(w, r, arts, "2.0")
	case r.URL.Path == "/rss091.xml":
		s.rss(w, r, arts, "0.91")
	case r.URL.Path == "/rdf.xml":
		s.rdf(w, arts)
	case r.URL.Path == "/atom.xml":
		s.atom(w, arts)
	case r.URL.Path == "/feed.json":
		s.jsonFeed(w, arts)
	default:
		http.NotFound(w, r)
	}
}

func (s *Site) page(a Article) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s | Test News</title>
<link rel="canonical" href="%s?utm_source=canonical">
<script type="application/ld+json">{"@type":"NewsArticle","headline":%q%s}</script>
<script>var teaser = "Russia attacked Poland.";</script></head><body>
<div class="cookie-banner"><p>We use cookies to make this site work better for you.</p></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>%s</h1>`, html.EscapeString(a.Title), s.PageURL(a.Slug), a.Title, pageDate(a), html.EscapeString(a.Title))
	for _, p := range a.Paragraphs {
		fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
	}
	b.WriteString(`</article><aside class="related"><a href="/news/x">Germany declared war on France in a novel.</a></aside>
<section class="comments"><p>Great article, Turkey attacked Greece in my opinion.</p></section></body></html>`)
	return b.String()
}

func pageDate(a Article) string {
	if a.NoPageDate {
		return ""
	}
	return `,"datePublished":"` + a.Date + `T08:00:00Z"`
}

// rfc822 writes a date as RSS does.
func rfc822(d string) string {
	var y, m, day int
	fmt.Sscanf(d, "%d-%d-%d", &y, &m, &day)
	months := []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	return fmt.Sprintf("%02d %s %d 08:00:00 GMT", day, months[m-1], y)
}

func (s *Site) rss(w http.ResponseWriter, r *http.Request, arts []Article, version string) {
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?><rss version="%s"><channel><title>Test News</title><link>%s/</link><description>Tests</description>`, version, s.URL)
	for _, a := range arts {
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s?utm_source=rss</link>", html.EscapeString(a.Title), s.PageURL(a.Slug))
		if version == "2.0" {
			fmt.Fprintf(&b, "<guid isPermaLink=\"false\">id-%s</guid>", a.Slug)
			if !a.NoFeedDate {
				fmt.Fprintf(&b, "<pubDate>%s</pubDate>", rfc822(a.Date))
			}
		}
		fmt.Fprintf(&b, "<description>%s</description></item>", html.EscapeString(a.Paragraphs[0]))
	}
	b.WriteString("</channel></rss>")
	serveETag(w, r, b.String())
}

// serveETag serves body with an ETag of its content, or 304 when the
// request already has it.
func serveETag(w http.ResponseWriter, r *http.Request, body string) {
	tag := fmt.Sprintf(`"%x"`, sha256.Sum256([]byte(body)))
	w.Header().Set("ETag", tag)
	if r.Header.Get("If-None-Match") == tag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Write([]byte(body))
}

func (s *Site) rdf(w http.ResponseWriter, arts []Article) {
	w.Header().Set("Content-Type", "application/rdf+xml")
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="%s/"><title>Test News</title><link>%s/</link></channel>`, s.URL, s.URL)
	for _, a := range arts {
		fmt.Fprintf(&b, `<item rdf:about="%s"><title>%s</title><link>%s</link>`, s.PageURL(a.Slug), html.EscapeString(a.Title), s.PageURL(a.Slug))
		if !a.NoFeedDate {
			fmt.Fprintf(&b, "<dc:date>%sT08:00:00Z</dc:date>", a.Date)
		}
		b.WriteString("</item>")
	}
	b.WriteString("</rdf:RDF>")
	w.Write([]byte(b.String()))
}

func (s *Site) atom(w http.ResponseWriter, arts []Article) {
	w.Header().Set("Content-Type", "application/atom+xml")
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Test News</title><id>urn:test</id><updated>2024-05-16T08:00:00Z</updated>`)
	for _, a := range arts {
		fmt.Fprintf(&b, `<entry><title>%s</title><id>urn:test:%s</id><link rel="alternate" href="%s#top"/>`, html.EscapeString(a.Title), a.Slug, s.PageURL(a.Slug))
		if !a.NoFeedDate {
			fmt.Fprintf(&b, "<published>%sT08:00:00Z</published>", a.Date)
		}
		fmt.Fprintf(&b, "<updated>2024-06-01T00:00:00Z</updated><summary>%s</summary></entry>", html.EscapeString(a.Paragraphs[0]))
	}
	b.WriteString("</feed>")
	w.Write([]byte(b.String()))
}

func (s *Site) jsonFeed(w http.ResponseWriter, arts []Article) {
	w.Header().Set("Content-Type", "application/feed+json")
	type item struct {
		ID            string `json:"id"`
		URL           string `json:"url"`
		Title         string `json:"title"`
		ContentHTML   string `json:"content_html"`
		DatePublished string `json:"date_published,omitempty"`
	}
	f := struct {
		Version string `json:"version"`
		Title   string `json:"title"`
		Items   []item `json:"items"`
	}{Version: "https://jsonfeed.org/version/1.1", Title: "Test News"}
	for _, a := range arts {
		it := item{ID: "json-" + a.Slug, URL: s.PageURL(a.Slug), Title: a.Title, ContentHTML: "<p>" + html.EscapeString(a.Paragraphs[0]) + "</p>"}
		if !a.NoFeedDate {
			it.DatePublished = a.Date + "T08:00:00Z"
		}
		f.Items = append(f.Items, it)
	}
	json.NewEncoder(w).Encode(f)
}
