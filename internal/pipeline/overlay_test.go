package pipeline

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"entente/internal/model"
)

// writeFiles writes files (path relative to dir → content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// typeCodes writes events as "TYPE codes".
func typeCodes(evs []model.Event) []string {
	var out []string
	for i := range evs {
		out = append(out, evs[i].Type+" "+strings.Join(evs[i].Codes(), "-"))
	}
	return out
}

// summary is what the overlay test compares of one run: the document's
// publication date and its events as "TYPE codes names".
func summary(t *testing.T, p *Pipeline, path string) (model.Point, []string) {
	t.Helper()
	var pub model.Point
	var evs []string
	p.Stream([]string{path}, nil, func(r *Result) {
		pub = r.Doc.Published
		for _, e := range r.Events {
			var names []string
			for _, a := range e.Actors {
				names = append(names, a.Code+":"+a.Name)
			}
			evs = append(evs, e.Type+" "+strings.Join(names, ","))
		}
	}, func(err error) { t.Fatal(err) })
	return pub, evs
}

// TestLexiconOverlayReachesEveryPath: one --lexicon folder changes the
// result on every path that reads words: the document parser (a metadata
// key), normalisation (a character folded), and through it the linking of
// names and of titles (roles), and the event triggers. Each sentence gives
// nothing (or less) with the embedded data alone.
func TestLexiconOverlayReachesEveryPath(t *testing.T) {
	if testing.Short() {
		t.Skip("loads two pipelines")
	}
	overlay := t.TempDir()
	writeFiles(t, overlay, map[string]string{
		"clean/meta_keys.txt":     "stardate\tdate\tdate\n",
		"text/normalize.tsv":      "ɑ\ta\n",
		"lexicon/triggers/en.tsv": "zorble\tCONSULT\n",
	})
	docs := t.TempDir()
	cases := []struct {
		name, text, want string
	}{
		{"linking: a name with a folded letter", "Sergei Lɑvrov met Wang Yi in Beijing on Monday.", "RUS:Sergei Lavrov"},
		{"roles: a title with a folded letter", "The Russiɑn foreign minister met Wang Yi in Beijing on Monday.", "RUS:Sergei Lavrov"},
		{"events: a new trigger", "Sergei Lavrov zorbled Wang Yi in Beijing on Monday.", "CONSULT "},
	}
	files := map[string]string{}
	for i, c := range cases {
		files[string(rune('a'+i))+".txt"] = "stardate 2024-05-03\n\n" + c.text + "\n"
	}
	writeFiles(t, docs, files)

	plain := testPipeline(t)
	over, err := New(Config{LexiconDirs: []string{overlay}, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(docs, string(rune('a'+i))+".txt")
			pub0, ev0 := summary(t, plain, path)
			pub1, ev1 := summary(t, over, path)
			if want := (model.Point{Year: 2024, Month: 5, Day: 3}); pub1 != want || pub0 == want {
				t.Errorf("parser: published %v without the overlay, %v with it; want the overlay's key to set %v", pub0, pub1, want)
			}
			has := func(evs []string) bool {
				for _, e := range evs {
					if strings.Contains(e, c.want) {
						return true
					}
				}
				return false
			}
			if has(ev0) || !has(ev1) {
				t.Errorf("events without the overlay %q, with it %q; want %q only with it", ev0, ev1, c.want)
			}
		})
	}
}

// TestNewLanguageFromData: a language is added with data files and one row
// of text/languages.tsv naming its stemmer, no Go: French here, with a few
// words of evidence for the identifier and one trigger.
func TestNewLanguageFromData(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a pipeline")
	}
	overlay := t.TempDir()
	writeFiles(t, overlay, map[string]string{
		"text/languages.tsv":      "fr\tFrench\tlatin\tsnowball-french\n",
		"text/langid.tsv":         "fr\tword\tle\t1\nfr\tword\tla\t1\nfr\tword\tà\t1\nfr\tchar\té\t2\n",
		"lexicon/triggers/fr.tsv": "rencontrer\tCONSULT\n",
	})
	docs := t.TempDir()
	writeFiles(t, docs, map[string]string{"a.txt": "Le ministre Sergueï Lavrov a rencontré Wang Yi à Pékin.\n"})
	path := filepath.Join(docs, "a.txt")
	_, plain := summary(t, testPipeline(t), path)
	p, err := New(Config{LexiconDirs: []string{overlay}, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	var lang string
	var evs []string
	p.Stream([]string{path}, nil, func(r *Result) {
		lang = r.Doc.Lang
		evs = append(evs, typeCodes(r.Events)...)
	}, func(err error) { t.Fatal(err) })
	if lang != "fr" || strings.Join(evs, ";") != "CONSULT RUS-CHN" || len(plain) != 0 {
		t.Errorf("with French: lang %q, events %q; without: %q; want fr, CONSULT RUS-CHN, none", lang, evs, plain)
	}
	if _, err := New(Config{Lang: "fr"}); err == nil || !strings.Contains(err.Error(), "supported: de, en, ru, uk") {
		t.Errorf("Lang fr without its row: err %v, want the supported languages", err)
	}
}

// TestSentenceLanguage: a sentence in another script than its paragraph's
// language is read in its own language, with its own lexicon.
func TestSentenceLanguage(t *testing.T) {
	p := testPipeline(t)
	r := p.Process(p.ParseText("mixed.txt", "date 2024-05-10\n\nПутин в понедельник встретился с Си Цзиньпином в Пекине, сообщили в Кремле. Lavrov met Wang Yi in Beijing on Tuesday.\n"))
	var got []string
	for _, e := range r.Events {
		got = append(got, e.Sources[0].Lang+" "+e.Line())
	}
	slices.Sort(got)
	want := []string{"en CHN=RUS CONSULT reported 2024-05-07", "ru CHN=RUS CONSULT reported 2024-05-06"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
