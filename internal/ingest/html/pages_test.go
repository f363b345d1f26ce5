package html

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"text/template"

	"gopkg.in/yaml.v3"
)

var update = flag.Bool("update", false, "write testdata/pages anew from articles.yaml, boilerplate.yaml and layouts/")

// article is one entry of testdata/articles.yaml.
type article struct {
	ID         string   `yaml:"id"`
	Lang       string   `yaml:"lang"`
	Date       string   `yaml:"date"`
	Only       bool     `yaml:"only"`
	Title      string   `yaml:"title"`
	Paragraphs []string `yaml:"paragraphs"`
}

// boiler is one language's entry of testdata/boilerplate.yaml.
type boiler struct {
	Site       string   `yaml:"site"`
	Menu       []string `yaml:"menu"`
	Cookie     []string `yaml:"cookie"`
	Newsletter string   `yaml:"newsletter"`
	Related    []string `yaml:"related"`
	Comments   []string `yaml:"comments"`
	Footer     []string `yaml:"footer"`
	Share      string   `yaml:"share"`
	Ad         string   `yaml:"ad"`
}

// sentences of boilerplate that extraction must drop.
func (b boiler) sentences() []string {
	s := append([]string{b.Newsletter, b.Share, b.Ad}, b.Cookie...)
	s = append(s, b.Related...)
	s = append(s, b.Comments...)
	return append(s, b.Footer...)
}

func readYAML(t testing.TB, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// pageURL is where a test page is said to live.
func pageURL(a article) string { return "https://news.example/" + a.Lang + "/" + a.ID }

// renderPages writes testdata/pages/ID.html and ID.want for every article.
func renderPages(t *testing.T) {
	var arts []article
	var boil map[string]boiler
	readYAML(t, "articles.yaml", &arts)
	readYAML(t, "boilerplate.yaml", &boil)
	funcs := template.FuncMap{
		"esc":   escape,
		"upper": strings.ToUpper,
		"json":  func(s string) string { b, _ := json.Marshal(s); return string(b) },
		"upperhost": func(s string) string {
			return strings.Replace(s, "news.example", "NEWS.Example", 1)
		},
	}
	layouts, err := filepath.Glob("testdata/layouts/*.tmpl")
	if err != nil || len(layouts) == 0 {
		t.Fatalf("layouts: %v", err)
	}
	slices.Sort(layouts)
	if err := os.MkdirAll("testdata/pages", 0o755); err != nil {
		t.Fatal(err)
	}
	for i, a := range arts {
		b := boil[a.Lang]
		l := layouts[i%len(layouts)]
		tm, err := template.New(filepath.Base(l)).Funcs(funcs).ParseFiles(l)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		err = tm.Execute(&out, map[string]any{"Lang": a.Lang, "Title": a.Title, "Date": a.Date, "Only": a.Only,
			"URL": pageURL(a), "Paragraphs": a.Paragraphs, "B": b})
		if err != nil {
			t.Fatalf("%s: %v", a.ID, err)
		}
		var want strings.Builder
		fmt.Fprintf(&want, "# page %s, layout %s: + article sentence, - boilerplate sentence\n", a.ID, filepath.Base(l))
		fmt.Fprintf(&want, "title %s\ndate %s\nurl %s\n", a.Title, a.Date, pageURL(a))
		fmt.Fprintf(&want, "+ %s\n", a.Title)
		for _, p := range a.Paragraphs {
			for _, s := range splitSentences(p) {
				fmt.Fprintf(&want, "+ %s\n", s)
			}
		}
		for _, s := range b.sentences() {
			fmt.Fprintf(&want, "- %s\n", s)
		}
		if err := os.WriteFile(filepath.Join("testdata/pages", a.ID+".html"), out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join("testdata/pages", a.ID+".want"), []byte(want.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// splitSentences splits a paragraph after '.', '!' or '?' followed by a
// space and an upper-case letter (the test articles are written so).
func splitSentences(p string) []string {
	var out []string
	rs := []rune(p)
	start := 0
	for i := 0; i+2 < len(rs); i++ {
		if (rs[i] == '.' || rs[i] == '!' || rs[i] == '?') && rs[i+1] == ' ' && strings.ToUpper(string(rs[i+2])) == string(rs[i+2]) && strings.ToLower(string(rs[i+2])) != string(rs[i+2]) {
			out = append(out, strings.TrimSpace(string(rs[start:i+1])))
			start = i + 2
		}
	}
	return append(out, strings.TrimSpace(string(rs[start:])))
}

// wantPage is a parsed testdata/pages/*.want.
type wantPage struct {
	name             string
	title, date, url string
	keep, drop       []string
	lang             string
	html             []byte
}

func loadPages(t testing.TB) []wantPage {
	t.Helper()
	files, err := filepath.Glob("testdata/pages/*.want")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test pages (%v): run go test -run TestPages -update", err)
	}
	var out []wantPage
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		w := wantPage{name: strings.TrimSuffix(filepath.Base(f), ".want")}
		w.lang, _, _ = strings.Cut(w.name, "_")
		for _, line := range strings.Split(string(b), "\n") {
			k, v, _ := strings.Cut(line, " ")
			switch k {
			case "title":
				w.title = v
			case "date":
				w.date = v
			case "url":
				w.url = v
			case "+":
				w.keep = append(w.keep, v)
			case "-":
				w.drop = append(w.drop, v)
			}
		}
		if w.html, err = os.ReadFile(strings.TrimSuffix(f, ".want") + ".html"); err != nil {
			t.Fatal(err)
		}
		out = append(out, w)
	}
	return out
}

// score is the share of sentences kept.
type score struct{ keep, keepAll, drop, dropAll int }

func (s *score) add(text string, w wantPage) (missed, leaked []string) {
	norm := oneLine(text)
	for _, k := range w.keep {
		s.keepAll++
		if strings.Contains(norm, k) {
			s.keep++
		} else {
			missed = append(missed, k)
		}
	}
	for _, d := range w.drop {
		s.dropAll++
		if strings.Contains(norm, d) {
			s.drop++
			leaked = append(leaked, d)
		}
	}
	return missed, leaked
}

func (s score) kept() float64   { return float64(s.keep) / float64(max(s.keepAll, 1)) }
func (s score) leaked() float64 { return float64(s.drop) / float64(max(s.dropAll, 1)) }
func (s score) String() string {
	return fmt.Sprintf("kept %d/%d = %.3f, boilerplate %d/%d = %.3f", s.keep, s.keepAll, s.kept(), s.drop, s.dropAll, s.leaked())
}

// TestPages extracts every test page and measures how much of the article
// and of the boilerplate is kept; it checks each page's metadata too. The
// log holds the quality table (go test -v -run TestPages), with
// Readability alone for comparison.
func TestPages(t *testing.T) {
	if *update {
		renderPages(t)
	}
	pages := loadPages(t)
	if len(pages) < 30 {
		t.Fatalf("%d test pages, want 30 or more", len(pages))
	}
	x := Default()
	alone := Default()
	alone.readabilityOnly = true
	total, totalAlone := score{}, score{}
	byLang := map[string]*[2]score{}
	methods := map[string]int{}
	for _, w := range pages {
		pg, err := x.Extract(w.html, "text/html", "https://news.example/"+w.lang+"/"+w.name+"?utm_source=test")
		if err != nil {
			t.Errorf("%s: %v", w.name, err)
			continue
		}
		methods[pg.Method]++
		if byLang[w.lang] == nil {
			byLang[w.lang] = &[2]score{}
		}
		missed, leaked := total.add(pg.Text(), w)
		byLang[w.lang][0].add(pg.Text(), w)
		for _, m := range missed {
			t.Logf("%s: missed %q", w.name, m)
		}
		for _, l := range leaked {
			t.Logf("%s: kept boilerplate %q", w.name, l)
		}
		if pg.Title != w.title {
			t.Errorf("%s: title %q, want %q", w.name, pg.Title, w.title)
		}
		if pg.Date != w.date {
			t.Errorf("%s: date %q, want %q", w.name, pg.Date, w.date)
		}
		if pg.URL != w.url {
			t.Errorf("%s: url %q, want %q", w.name, pg.URL, w.url)
		}
		if pg.Lang != "" && pg.Lang != w.lang {
			t.Errorf("%s: lang %q, want %q", w.name, pg.Lang, w.lang)
		}
		if pa, err := alone.Extract(w.html, "text/html", "https://news.example/"+w.lang+"/"+w.name); err == nil {
			totalAlone.add(pa.Text(), w)
			byLang[w.lang][1].add(pa.Text(), w)
		}
	}
	t.Logf("%-5s %-56s %s", "lang", "entente (markup, paragraphs, headline, Readability)", "Readability alone")
	for _, l := range []string{"de", "en", "ru", "uk"} {
		if s := byLang[l]; s != nil {
			t.Logf("%-5s %-56s %s", l, s[0], s[1])
		}
	}
	t.Logf("%-5s %-56s %s", "all", total, totalAlone)
	t.Logf("content found by: %v", methods)
	if total.kept() < 0.95 {
		t.Errorf("article sentences kept %.3f, want ≥ 0.95", total.kept())
	}
	if total.leaked() > 0.05 {
		t.Errorf("boilerplate sentences kept %.3f, want ≤ 0.05", total.leaked())
	}
}
