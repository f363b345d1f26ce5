package html

import (
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"entente/internal/ingest/canon"
)

func TestParseDate(t *testing.T) {
	tests := map[string]string{
		"2024-03-12":                      "2024-03-12",
		"2024-03-12T09:30:00+01:00":       "2024-03-12",
		"2024-03-12 23:30:00":             "2024-03-12",
		"2024-03":                         "2024-03",
		"2024":                            "2024",
		"Tue, 12 Mar 2024 09:30:00 GMT":   "2024-03-12",
		"Tue, 12 Mar 2024 09:30:00 +0300": "2024-03-12",
		"2024/03/12":                      "2024-03-12",
		"12.03.2024":                      "2024-03-12",
		"2024-02-30":                      "",
		"2024-03-12x":                     "",
		"gestern":                         "",
		"":                                "",
		"--03-12":                         "",
	}
	for in, want := range tests {
		if got := ParseDate(in); got != want {
			t.Errorf("ParseDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSniff(t *testing.T) {
	for s, want := range map[string]bool{
		"<!DOCTYPE html><html>":            true,
		"\ufeff  <html lang=de>":           true,
		"<!-- saved from url -->\n<HTML>":  true,
		"<body><p>x":                       true,
		"Text about <html> tags.":          false,
		"date 2024-01-01\n<html>":          false,
		"<!-- unterminated comment <html>": false,
	} {
		if got := Sniff([]byte(s)); got != want {
			t.Errorf("Sniff(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestMetadataSources(t *testing.T) {
	page := `<html lang="uk-UA"><head>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Сайт","url":"https://site.example/"},
 {"@type":["NewsArticle"],"headline":"Заголовок статті","datePublished":"2023-11-07T08:00:00+02:00",
  "mainEntityOfPage":{"@id":"https://site.example/news/1"},"publisher":{"@type":"Organization","name":"Видання"}}]}</script>
<script type="application/ld+json">{not json</script>
<meta property="og:title" content="Інший заголовок">
<meta name="date" content="2020-01-01">
</head><body><article><h1>Заголовок статті</h1><p>Міністр закордонних справ закликав ухвалити новий пакет санкцій проти агресора.</p></article></body></html>`
	pg, err := Default().Extract([]byte(page), "", "https://site.example/news/1?utm_source=tg")
	if err != nil {
		t.Fatal(err)
	}
	if pg.Title != "Заголовок статті" || pg.Date != "2023-11-07" || pg.Lang != "uk" || pg.Site != "Видання" || pg.URL != "https://site.example/news/1" {
		t.Errorf("got %+v", pg)
	}
	if len(pg.Paragraphs) != 2 || pg.Paragraphs[0] != "Заголовок статті" {
		t.Errorf("paragraphs %q: want the headline once, then the text", pg.Paragraphs)
	}
	text := pg.Text()
	want := "title Заголовок статті\ndate 2023-11-07\nlang uk\nurl https://site.example/news/1\nsource Видання\n\nЗаголовок статті\n\n"
	if !strings.HasPrefix(text, want) {
		t.Errorf("Text() = %q, want it to start %q", text, want)
	}
}

func TestOverlayRules(t *testing.T) {
	c, _ := canon.New()
	x, err := New(c, fstest.MapFS{
		"clean/html_meta.tsv":        {Data: []byte("meta\tx-published\tdate\n")},
		"clean/html_boilerplate.txt": {Data: []byte("zzjunk\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	page := `<html><head><meta name="date" content="2020-01-01"><meta name="X-Published" content="2021-02-03"></head><body><div class="zzjunk">Junk sentence here.</div><div><p>An article sentence long enough to be the article of this page, with more words.</p></div></body></html>`
	pg, err := x.Extract([]byte(page), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if pg.Date != "2021-02-03" || strings.Contains(pg.Text(), "Junk") {
		t.Errorf("overlay not applied: %+v", pg)
	}
	for _, bad := range []string{"meta\tx\tcolour\n", "tag\tx\tdate\n", "meta\t\tdate\n", "meta\tx\n"} {
		if _, err := New(c, fstest.MapFS{"clean/html_meta.tsv": {Data: []byte(bad)}}); err == nil || !strings.HasPrefix(err.Error(), "html: ") {
			t.Errorf("rule %q: err %v", bad, err)
		}
	}
}

// FuzzExtract: whatever the bytes, Extract does not panic; a script's text
// never reaches the article; each paragraph is non-empty, trimmed and free
// of blank lines; the date, if any, is one ParseDate accepts; Decode gives
// valid UTF-8.
func FuzzExtract(f *testing.F) {
	f.Add([]byte(`<p>Ein Satz.</p><p>Noch einer <b>fett</b></p>`), "")
	f.Add([]byte("<html><head><meta charset=koi8-r></head><body>\xf0\xd2\xc9\xd7\xc5\xd4</body></html>"), "text/html")
	f.Add([]byte(`<time datetime="2024-13-45">x</time><div class="comments"><p>c</p></div><br><br>a<br>b`), "text/html; charset=windows-1251")
	f.Fuzz(func(t *testing.T, b []byte, ct string) {
		if s, err := Decode(b, ct); err == nil && !utf8.ValidString(s) {
			t.Fatalf("Decode gave invalid UTF-8")
		}
		page := append([]byte("<html><head><script>SECRETSCRIPT</script></head><body>"), b...)
		pg, err := Default().Extract(page, ct, "https://a.example/x")
		if err != nil {
			return
		}
		for _, p := range pg.Paragraphs {
			if p == "" || strings.TrimSpace(p) != p || strings.Contains(p, "\n\n") {
				t.Fatalf("paragraph %q", p)
			}
			if strings.Contains(p, "SECRETSCRIPT") {
				t.Fatalf("script text kept: %q", p)
			}
		}
		if pg.Date != "" && ParseDate(pg.Date) != pg.Date {
			t.Fatalf("date %q", pg.Date)
		}
		if !utf8.ValidString(pg.Text()) {
			t.Fatal("Text() not UTF-8")
		}
	})
}

// Default is an extractor with the embedded data, for tests.
func Default() *Extractor {
	c, err := canon.New()
	if err != nil {
		panic(err)
	}
	x, err := New(c)
	if err != nil {
		panic(err)
	}
	return x
}

func TestIsPart(t *testing.T) {
	for _, c := range []struct {
		title, h string
		first    bool
		want     bool
	}{
		{"Headline | Site", "Headline", true, true},
		{"Site :: Headline", "Headline", false, true},
		{"Site — Headline", "Headline", false, true},
		{"Headline continues here", "Headline", true, false},
		{"Headline", "Headline", true, false},
		{"Headline |", "Headline", true, false},
		{"Headline, Site", "Headline", true, false},
	} {
		if got := isPart(c.title, c.h, c.first); got != c.want {
			t.Errorf("isPart(%q, %q, %v) = %v", c.title, c.h, c.first, got)
		}
	}
}

// TestReadabilityPath: a page without paragraphs, markup or a title is
// left to Readability, which keeps its text blocks and drops a list of
// links.
func TestReadabilityPath(t *testing.T) {
	block := func(s string) string { return "<div>" + s + "</div>" }
	page := "<html><body><div class=\"x1\"><ul>" + strings.Repeat(`<li><a href="/a">Another headline of the day, with a link</a></li>`, 8) + "</ul></div><div class=\"x2\">" +
		block("The foreign ministers of both countries met on Monday in the capital, where they discussed trade, energy and the war.") +
		block("Both sides agreed, after long talks, to open a new consulate and to meet again in the spring, the ministry said.") +
		block("Observers called the meeting, the first in three years, a careful step towards better relations between the two.") +
		"</div></body></html>"
	pg, err := Default().Extract([]byte(page), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if pg.Method != MethodReadability {
		t.Errorf("method %q, want readability", pg.Method)
	}
	text := pg.Text()
	if !strings.Contains(text, "open a new consulate") || strings.Contains(text, "Another headline") {
		t.Errorf("text %q", text)
	}
}
