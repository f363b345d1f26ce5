package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"entente/internal/model"
)

// collect runs WalkWith and returns the documents and the error texts.
func collect(t *testing.T, args []string, o Options) (docs []*model.Document, errs []string) {
	t.Helper()
	err := std().WalkWith(args, o, func(d *model.Document, err error) error {
		if err != nil {
			if !strings.HasPrefix(err.Error(), "ingest: ") {
				t.Errorf("error without prefix: %v", err)
			}
			errs = append(errs, err.Error())
			return nil
		}
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs, errs
}

const metaOnlyPage = `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Treffen in Berlin | Zeitung</title>
<meta property="og:site_name" content="Zeitung">
<link rel="canonical" href="HTTPS://Zeitung.Example/politik/treffen?utm_source=x&id=7#oben">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Treffen in Berlin","datePublished":"2024-03-12T09:30:00+01:00"}</script>
<script>var x = "Russland griff die Ukraine an.";</script></head>
<body><nav><a href="/">Start</a></nav><div class="cookie-banner">Wir verwenden Cookies auf dieser Seite.</div>
<article><h1>Treffen in Berlin</h1><p>Außenministerin Annalena Baerbock hat am Dienstag ihren chinesischen Amtskollegen in Berlin empfangen.</p>
<p>Die beiden Minister sprachen über den Handel zwischen beiden Ländern und über das Klima.</p></article>
<section class="comments"><p>Ein schlechter Kommentar eines Lesers.</p></section></body></html>`

func TestHTMLFile(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "page.html"), metaOnlyPage)
	writeFile(t, filepath.Join(dir, "saved.txt"), "\n  <!-- saved -->\n"+metaOnlyPage) // sniffed
	docs, errs := collect(t, []string{dir}, Options{Published: model.Point{Year: 2000}})
	if len(errs) > 0 || len(docs) != 2 {
		t.Fatalf("docs %d, errors %v", len(docs), errs)
	}
	for _, d := range docs {
		if d.Published != (model.Point{Year: 2024, Month: 3, Day: 12}) {
			t.Errorf("%s: published %v, want the JSON-LD date 2024-03-12", d.ID, d.Published)
		}
		if got, want := d.Meta["url"], "https://zeitung.example/politik/treffen?id=7"; got != want {
			t.Errorf("%s: url %q, want %q", d.ID, got, want)
		}
		if d.Meta["title"] != "Treffen in Berlin" || d.Meta["source"] != "Zeitung" || d.Meta["lang"] != "de" {
			t.Errorf("%s: meta %v", d.ID, d.Meta)
		}
		body := bodies(d)
		want := []string{"Treffen in Berlin",
			"Außenministerin Annalena Baerbock hat am Dienstag ihren chinesischen Amtskollegen in Berlin empfangen.",
			"Die beiden Minister sprachen über den Handel zwischen beiden Ländern und über das Klima."}
		if strings.Join(body, "|") != strings.Join(want, "|") {
			t.Errorf("%s: body %q\nwant %q", d.ID, body, want)
		}
		for _, bad := range []string{"griff", "Cookies", "Kommentar", "Start"} {
			if strings.Contains(d.Text, bad) {
				t.Errorf("%s: text keeps boilerplate %q:\n%s", d.ID, bad, d.Text)
			}
		}
	}
}

func TestHTMLCharsets(t *testing.T) {
	const ru = "Министр иностранных дел России провел переговоры с иранским коллегой в Москве."
	page := func(meta string) string {
		return "<html><head>" + meta + "<title>Переговоры</title></head><body><article><p>" + ru + "</p><p>" + ru + "</p></article></body></html>"
	}
	enc := func(e *charmap.Charmap, s string) string {
		b, err := e.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	dir := t.TempDir()
	cases := map[string]string{
		"meta1251.html":  enc(charmap.Windows1251, page(`<meta charset="windows-1251">`)),
		"equiv1251.html": enc(charmap.Windows1251, page(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`)),
		"sniff1251.html": enc(charmap.Windows1251, page("")),
		"metakoi8.html":  enc(charmap.KOI8R, page(`<meta charset="koi8-r">`)),
		"sniffkoi8.html": enc(charmap.KOI8R, page("")),
		"lying.html":     enc(charmap.Windows1251, page(`<meta charset="utf-8">`)),
		"utf8.html":      page(""),
	}
	for name, b := range cases {
		writeFile(t, filepath.Join(dir, name), b)
	}
	docs, errs := collect(t, []string{dir}, Options{})
	if len(errs) > 0 || len(docs) != len(cases) {
		t.Fatalf("docs %d, errors %v", len(docs), errs)
	}
	for _, d := range docs {
		b := bodies(d)
		if len(b) < 2 || b[1] != ru {
			t.Errorf("%s: body %q", d.ID, b)
		}
	}
}

func TestBrokenHTML(t *testing.T) {
	dir := t.TempDir()
	broken := `<html><body><div class="menu"><a href=/>Start<div id=content><p>Der Minister reiste am Montag nach Paris.<p>Dort traf er seinen Amtskollegen <b>zu Gesprächen über den Handel.</div></table></span><p>An unclosed paragraph about the visit ends the page.`
	writeFile(t, filepath.Join(dir, "broken.html"), broken)
	writeFile(t, filepath.Join(dir, "empty.html"), "<html><head><script>var a;</script></head><body><nav>Menu</nav></body></html>")
	docs, errs := collect(t, []string{dir}, Options{})
	if len(docs) != 1 || len(errs) != 1 || !strings.Contains(errs[0], "empty.html") || !strings.Contains(errs[0], "no text") {
		t.Fatalf("docs %d, errors %q: want broken.html read and empty.html reported", len(docs), errs)
	}
	text := docs[0].Text
	for _, s := range []string{"Der Minister reiste am Montag nach Paris.", "zu Gesprächen über den Handel.", "An unclosed paragraph about the visit ends the page."} {
		if !strings.Contains(text, s) {
			t.Errorf("broken page lost %q:\n%s", s, text)
		}
	}
}

func TestJSONL(t *testing.T) {
	dir := t.TempDir()
	lines := []string{
		`{"text":"Scholz besuchte am Montag Vilnius.","url":"https://News.example/a?utm_medium=rss","title":"Scholz in Vilnius","published":"2024-05-06","lang":"de","source":"Agentur"}`,
		`{"text": 5}`,
		``,
		`not json`,
		`{"title":"no text"}`,
		`{"html":"<html><head><meta property=\"article:published_time\" content=\"2023-12-08T10:00:00Z\"></head><body><article><p>Frankreich will der Ukraine weitere Raketen liefern, kündigte Macron an.</p></article></body></html>"}`,
		`{"text":"Bad date.","published":"yesterday"}`,
		`{"text":"Two values."} {"text":"x"}`,
		`{"text":"Plain line without anything else."}`,
	}
	path := filepath.Join(dir, "dump.jsonl")
	writeFile(t, path, strings.Join(lines, "\n")+"\n")
	docs, errs := collect(t, []string{path}, Options{Published: model.Point{Year: 2020}})
	wantErrs := []string{path + ":2: ", path + ":4: ", path + ":5: ", path + ":7: ", path + ":8: "}
	if len(errs) != len(wantErrs) {
		t.Fatalf("errors %q, want one each for lines 2, 4, 5, 7, 8", errs)
	}
	for i, w := range wantErrs {
		if !strings.Contains(errs[i], w) {
			t.Errorf("error %q, want it to name %q", errs[i], w)
		}
	}
	if len(errs) > 2 && !strings.Contains(errs[2], ErrNoText.Error()) {
		t.Errorf("line 5: %q, want %q", errs[2], ErrNoText)
	}
	if len(docs) != 3 {
		t.Fatalf("%d documents, want 3", len(docs))
	}
	d := docs[0]
	if d.ID != "https://news.example/a" || d.Meta["url"] != d.ID || d.Path != path+":1" {
		t.Errorf("line 1: id %q path %q meta %v", d.ID, d.Path, d.Meta)
	}
	if d.Published != (model.Point{Year: 2024, Month: 5, Day: 6}) || d.Meta["source"] != "Agentur" || d.Meta["lang"] != "de" {
		t.Errorf("line 1: published %v meta %v", d.Published, d.Meta)
	}
	if b := bodies(d); len(b) != 2 || b[0] != "Scholz in Vilnius" || b[1] != "Scholz besuchte am Montag Vilnius." {
		t.Errorf("line 1: body %q", b)
	}
	if d := docs[1]; d.Published != (model.Point{Year: 2023, Month: 12, Day: 8}) || !strings.Contains(d.Text, "Raketen liefern") || d.ID != path+":6" {
		t.Errorf("line 6 (html): id %q published %v text %q", d.ID, d.Published, d.Text)
	}
	if d := docs[2]; d.Published != (model.Point{Year: 2020}) || strings.TrimSpace(d.Text) != "Plain line without anything else." {
		t.Errorf("line 9: published %v text %q", d.Published, d.Text)
	}

	t.Run("stdin with --input-format jsonl", func(t *testing.T) {
		docs, errs := collect(t, []string{"-"}, Options{Format: FormatJSONL, Stdin: strings.NewReader(lines[0] + "\n" + lines[3] + "\n")})
		if len(docs) != 1 || len(errs) != 1 || !strings.HasPrefix(errs[0], "ingest: -:2: ") {
			t.Errorf("docs %d, errors %q", len(docs), errs)
		}
	})
	t.Run("ndjson extension and forced format", func(t *testing.T) {
		nd := filepath.Join(dir, "x.ndjson")
		writeFile(t, nd, lines[8])
		other := filepath.Join(dir, "x.log")
		writeFile(t, other, lines[8])
		docs, errs := collect(t, []string{nd}, Options{})
		docs2, errs2 := collect(t, []string{other}, Options{Format: FormatJSONL})
		if len(docs) != 1 || len(docs2) != 1 || len(errs)+len(errs2) > 0 {
			t.Errorf("docs %d, %d; errors %q %q", len(docs), len(docs2), errs, errs2)
		}
	})
	t.Run("unknown format", func(t *testing.T) {
		_, errs := collect(t, []string{nd(t)}, Options{Format: "xml"})
		if len(errs) != 1 || !strings.Contains(errs[0], "unknown input format") {
			t.Errorf("errors %q", errs)
		}
	})
}

func nd(t *testing.T) string {
	p := filepath.Join(t.TempDir(), "a.txt")
	writeFile(t, p, "A.")
	return p
}

func TestURLWithoutFetcher(t *testing.T) {
	_, errs := collect(t, []string{"https://example.org/a"}, Options{})
	if len(errs) != 1 || !strings.Contains(errs[0], "https://example.org/a") {
		t.Errorf("errors %q", errs)
	}
}

// FuzzJSONL: whatever the input, every line is either a document or an
// error naming its line, never both, never a panic; a document's text
// holds its record's text.
func FuzzJSONL(f *testing.F) {
	f.Add(`{"text":"A.","url":"https://a.example/x?utm_source=1"}` + "\n" + `{"html":"<p>B</p>","published":"2024-01-02"}`)
	f.Add("not json\n\n{\"text\":\"\"}\n{\"title\":\"x\"}")
	f.Add(`{"text":"x","published":"Tue, 12 Mar 2024 09:30:00 GMT","lang":"de-AT"}`)
	f.Fuzz(func(t *testing.T, in string) {
		lines := 0
		for _, l := range strings.Split(in, "\n") {
			if strings.TrimSpace(l) != "" {
				lines++
			}
		}
		seen := 0
		err := std().ReadJSONL(strings.NewReader(in), "f.jsonl", model.Point{}, func(d *model.Document, err error) error {
			seen++
			if (d == nil) == (err == nil) {
				t.Fatalf("document %v and error %v", d, err)
			}
			if err != nil && !strings.HasPrefix(err.Error(), "ingest: f.jsonl:") {
				t.Fatalf("error %q does not name the line", err)
			}
			if d != nil && !strings.HasPrefix(d.Path, "f.jsonl:") {
				t.Fatalf("path %q", d.Path)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if seen != lines && !errors.Is(err, os.ErrNotExist) {
			// Scanner lines split at \n only: \r\n lines count the same.
			t.Fatalf("%d results for %d lines", seen, lines)
		}
	})
}
