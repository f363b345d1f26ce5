package dates

import (
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"entente/internal/model"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Am 28.\nFebruar 2025 und vom 9. bis 11. Juli.",
		"с 22 по 26 апреля 2024 года, в 2023 году",
		"з 22 по 26 квітня, у п’ятницю, торік",
		"from January to February 2025, April 26, 2024, May 1-3",
		"28.02.2025 19.03. 2025-02-28 16:30 1.2.3.4 2024-07",
		"zwischen dem 22. und 26. April; Donnerstagabend",
		"31 февраля 30.02. 0.0. 99.99.9999 -- 1-го",
	} {
		f.Add(s)
	}
	fd, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, lang := range []string{"de", "en", "ru", "uk", "xx"} {
			const base = 7
			last := base
			for _, e := range fd.Find(text, base, lang) {
				if e.Start < last || e.End <= e.Start || e.End-base > len(text) {
					t.Fatalf("%s: span [%d,%d) after %d in %d bytes", lang, e.Start, e.End, last, len(text))
				}
				last = e.End
				if text[e.Start-base:e.End-base] != e.Text {
					t.Fatalf("%s: Text %q is not the slice", lang, e.Text)
				}
				if utf8.ValidString(text) && !utf8.ValidString(e.Text) {
					t.Fatalf("%s: Text %q splits a rune", lang, e.Text)
				}
				if e.Relative != e.Value.IsZero() {
					t.Fatalf("%s: %q relative %v with value %v", lang, e.Text, e.Relative, e.Value)
				}
				for _, p := range [2]struct{ y, m, d int }{
					{e.Value.From.Year, e.Value.From.Month, e.Value.From.Day},
					{e.Value.To.Year, e.Value.To.Month, e.Value.To.Day},
				} {
					if p.m < 0 || p.m > 12 || p.d < 0 || p.d > 31 || (p.d > 0 && p.m == 0) || p.y < 0 || p.y > 2199 {
						t.Fatalf("%s: %q has bad date %v", lang, e.Text, e.Value)
					}
				}
				if e.YearWritten != (e.Value.From.Year > 0) && !e.Relative {
					t.Fatalf("%s: %q YearWritten %v with %v", lang, e.Text, e.YearWritten, e.Value)
				}
			}
		}
	})
}

func TestNewOverlay(t *testing.T) {
	overlay := fstest.MapFS{
		"dates/de.tsv": {Data: []byte("# dialect\nHornung\tmonth\t2\n")},
		"dates/fr.tsv": {Data: []byte("avril\tmonth\t4\n")},
	}
	f, err := New(overlay)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, lang, text, want string }{
		{"added word", "de", "Am 3. Hornung kam er.", "3. Hornung=--02-03"},
		{"embedded words kept", "de", "Am 3. Februar kam er.", "3. Februar=--02-03"},
		{"new language", "fr", "Le 26 avril.", "26 avril=--04-26"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := showAll(f.Find(c.text, 0, c.lang)); got != c.want {
				t.Errorf("got %s, want %s", got, c.want)
			}
		})
	}
}

func TestNewErrors(t *testing.T) {
	cases := []struct{ name, data, want string }{
		{"unknown kind", "Mai\tmonat\t5\n", "unknown kind"},
		{"month out of range", "Mai\tmonth\t13\n", "bad value"},
		{"weekday not a number", "Montag\tweekday\tmo\n", "bad value"},
		{"bad relative", "gestern\trel\t-1x\n", "bad value"},
		{"missing kind", "Mai\n", "want word"},
		{"unknown option", "x\toption\tyes\n", "unknown option"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := New(fstest.MapFS{"dates/de.tsv": {Data: []byte(c.data)}})
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "dates: ") {
				t.Errorf("New error = %v, want %q", err, c.want)
			}
		})
	}
}

// benchText is about 3 KB of news-like text in each language.
func benchText(lang string) string {
	var s string
	switch lang {
	case "de":
		s = "Der Minister sagte am Donnerstag in Berlin, die Gespräche vom 9. bis 11. Juli seien gut verlaufen. " +
			"Seit Juli 2023 ist das Land Mitglied des Bündnisses, das im Jahr 2001 gegründet wurde. Rund 1000 Soldaten " +
			"nahmen an der Übung teil, die am 28. Februar 2025 begann und vergangene Woche endete. "
	case "ru":
		s = "Президент заявил в четверг, что переговоры с 22 по 26 апреля прошли успешно. В 2023 году товарооборот " +
			"вырос на 20 процентов, сообщили в министерстве. Встреча состоится 9 мая в Москве, где соберутся лидеры. "
	}
	var b strings.Builder
	for b.Len() < 3000 {
		b.WriteString(s)
	}
	return b.String()
}

func BenchmarkFind(b *testing.B) {
	f := testFinder(b)
	for _, lang := range []string{"de", "ru"} {
		text := benchText(lang)
		b.Run(lang, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				f.Find(text, 0, lang)
			}
		})
	}
}

func BenchmarkResolve(b *testing.B) {
	f := testFinder(b)
	text := benchText("de")
	es := f.Find(text, 0, "de")
	work := make([]Expr, len(es))
	b.ReportAllocs()
	for b.Loop() {
		copy(work, es)
		Resolve(work, model.Point{Year: 2025, Month: 3, Day: 1})
	}
}
