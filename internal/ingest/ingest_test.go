package ingest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"entente/internal/model"
)

// bodies returns the texts of doc's body spans.
func bodies(doc *model.Document) []string {
	var out []string
	for _, s := range doc.Body {
		out = append(out, doc.Text[s.Start:s.End])
	}
	return out
}

func TestParse(t *testing.T) {
	arg := model.Point{Year: 2020, Month: 1, Day: 2}
	tests := []struct {
		name string
		text string
		meta map[string]string
		pub  model.Point
		body []string
	}{
		// Normal cases.
		{
			name: "plain paragraphs",
			text: "Erster Absatz.\n\nZweiter Absatz.\n",
			pub:  arg,
			body: []string{"Erster Absatz.", "Zweiter Absatz."},
		},
		{
			name: "single newlines stay in one block",
			text: "Überschrift ohne Punkt\nAm 28.\nFebruar traf er ihn.\n\n  Weiter.  ",
			pub:  arg,
			body: []string{"Überschrift ohne Punkt\nAm 28.\nFebruar traf er ihn.", "Weiter."},
		},
		{
			name: "date line then body",
			text: "date 2022-10-10\nRussian forces struck Kyiv on October 10.\n",
			meta: map[string]string{"date": "2022-10-10"},
			pub:  model.Point{Year: 2022, Month: 10, Day: 10},
			body: []string{"Russian forces struck Kyiv on October 10."},
		},
		{
			name: "inline date with body on the same line",
			text: " date 2024-07 Die Beziehungen sind gut.\n\nZweiter Absatz.",
			meta: map[string]string{"date": "2024-07"},
			pub:  model.Point{Year: 2024, Month: 7},
			body: []string{"Die Beziehungen sind gut.", "Zweiter Absatz."},
		},
		{
			name: "several keys, colon form, blank lines between",
			text: "Title: Встреча в Кремле\nurl https://example.org/a/1\n\nsource Example News\ndate: 2025-03-04\n\nСостоялась встреча.",
			meta: map[string]string{"title": "Встреча в Кремле", "url": "https://example.org/a/1", "source": "Example News", "date": "2025-03-04"},
			pub:  model.Point{Year: 2025, Month: 3, Day: 4},
			body: []string{"Состоялась встреча."},
		},
		{
			name: "a Stand line after the title dates the article",
			text: "Gipfel in Brüssel\nDie EU berät\n\nStand: 28.02.2025 22:44 Uhr\n\nDie Minister trafen sich am Freitag.",
			pub:  model.Point{Year: 2025, Month: 2, Day: 28},
			body: []string{"Gipfel in Brüssel\nDie EU berät", "Stand: 28.02.2025 22:44 Uhr", "Die Minister trafen sich am Freitag."},
		},
		{
			name: "a dated line too far down does not",
			text: "1\n\n2\n\n3\n\n4\n\n5\n\n6\n\n7\n\n8\n\nStand: 28.02.2025",
			pub:  arg,
			body: []string{"1", "2", "3", "4", "5", "6", "7", "8", "Stand: 28.02.2025"},
		},
		{
			name: "published key used when no date",
			text: "published 2023-05-01T08:30:00Z\nText.",
			meta: map[string]string{"published": "2023-05-01T08:30:00Z"},
			pub:  model.Point{Year: 2023, Month: 5, Day: 1},
			body: []string{"Text."},
		},
		{
			name: "CRLF line ends",
			text: "date 2021\r\nOne.\r\n\r\nTwo.\r\n",
			meta: map[string]string{"date": "2021"},
			pub:  model.Point{Year: 2021},
			body: []string{"One.", "Two."},
		},
		// Lines that look like metadata but are body.
		{
			name: "capitalised text key with space is body",
			text: "Title IX funding was cut.\n",
			pub:  arg,
			body: []string{"Title IX funding was cut."},
		},
		{
			name: "date key with a non-date value is body",
			text: "Date of the summit is unknown.",
			pub:  arg,
			body: []string{"Date of the summit is unknown."},
		},
		{
			name: "url key with text value is body",
			text: "url is a word",
			pub:  arg,
			body: []string{"url is a word"},
		},
		{
			name: "Russian date line in prose is body",
			text: "Дата публикации: 3 мая 2025 года",
			pub:  arg,
			body: []string{"Дата публикации: 3 мая 2025 года"},
		},
		{
			name: "metadata only after the top is body",
			text: "Text first.\ndate 2024-07\n",
			pub:  arg,
			body: []string{"Text first.\ndate 2024-07"},
		},
		{
			name: "invalid month falls back to argument",
			text: "date 2024-13\nText.",
			pub:  arg,
			body: []string{"date 2024-13\nText."},
		},
		// Edge cases.
		{name: "empty", text: "", pub: arg},
		{name: "only white space", text: " \n\t\n \u00a0\n", pub: arg},
		{
			name: "only metadata",
			text: "date 2024-07-01\n",
			meta: map[string]string{"date": "2024-07-01"},
			pub:  model.Point{Year: 2024, Month: 7, Day: 1},
		},
		{
			name: "first value of a repeated key wins",
			text: "date 2024-07-01\ndate 2023\nText.",
			meta: map[string]string{"date": "2024-07-01"},
			pub:  model.Point{Year: 2024, Month: 7, Day: 1},
			body: []string{"Text."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := std().Parse("id", "p", tt.text, arg)
			if doc.Text != tt.text || doc.ID != "id" || doc.Path != "p" {
				t.Fatalf("ID, Path or Text changed: %+v", doc)
			}
			if len(doc.Meta) != 0 || len(tt.meta) != 0 {
				if !reflect.DeepEqual(doc.Meta, tt.meta) {
					t.Errorf("Meta = %v, want %v", doc.Meta, tt.meta)
				}
			}
			if doc.Published != tt.pub {
				t.Errorf("Published = %v, want %v", doc.Published, tt.pub)
			}
			if got := bodies(doc); !reflect.DeepEqual(got, tt.body) {
				t.Errorf("Body = %q, want %q", got, tt.body)
			}
		})
	}
}

func TestNewParserOverlay(t *testing.T) {
	overlay := fstest.MapFS{"clean/meta_keys.txt": {Data: []byte("# mine\nrubrik\ttext\tsection\nstand\tdate\tdate\n")}}
	p, err := NewParser(overlay)
	if err != nil {
		t.Fatal(err)
	}
	doc := p.Parse("a", "a", "rubrik Politik\nStand 2024-02-03 Der Text.", model.Point{})
	want := map[string]string{"section": "Politik", "date": "2024-02-03"}
	if !reflect.DeepEqual(doc.Meta, want) {
		t.Errorf("Meta = %v, want %v", doc.Meta, want)
	}
	if got := bodies(doc); !reflect.DeepEqual(got, []string{"Der Text."}) {
		t.Errorf("Body = %q", got)
	}

	for _, tt := range []struct{ name, data string }{
		{"bad shape", "key\tnumber\n"},
		{"bad key", "two words\tdate\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewParser(fstest.MapFS{"clean/meta_keys.txt": {Data: []byte(tt.data)}})
			if err == nil || !strings.HasPrefix(err.Error(), "ingest: ") {
				t.Errorf("err = %v, want an ingest error", err)
			}
		})
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		content string
		wantErr error
		text    string
	}{
		{name: "plain", content: "Hallo.\n", text: "Hallo.\n"},
		{name: "bom kept and skipped", content: "\uFEFFdate 2024\nПривіт.", text: "\uFEFFdate 2024\nПривіт."},
		{name: "binary", content: "abc\x00def", wantErr: ErrBinary},
		{name: "latin1", content: "Gr\xfc\xdfe", wantErr: ErrNotUTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "_")+".txt")
			writeFile(t, path, tt.content)
			doc, err := std().ReadFile(path, model.Point{})
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), path) || !strings.HasPrefix(err.Error(), "ingest: ") {
					t.Fatalf("err = %v, want %v naming %s", err, tt.wantErr, path)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tt.text || doc.ID != filepath.Base(path) || doc.Path != path {
				t.Errorf("doc = %+v", doc)
			}
		})
	}
	t.Run("missing", func(t *testing.T) {
		path := filepath.Join(dir, "nope.txt")
		_, err := std().ReadFile(path, model.Point{})
		if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), path) {
			t.Errorf("err = %v", err)
		}
	})
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "b.txt"), "B.")
	writeFile(t, filepath.Join(dir, "a.md"), "A.")
	writeFile(t, filepath.Join(dir, "c"), "C.")
	writeFile(t, filepath.Join(dir, "d.html"), "<p>D.</p>")
	writeFile(t, filepath.Join(dir, ".hidden.txt"), "H.")
	writeFile(t, filepath.Join(dir, ".git", "x.txt"), "G.")
	writeFile(t, filepath.Join(dir, "sub", "e.TEXT"), "E.")
	writeFile(t, filepath.Join(dir, "sub", "bin.txt"), "\x00")
	explicit := filepath.Join(dir, "d.html")

	var got []string
	err := std().Walk([]string{dir, "-", explicit, filepath.Join(dir, "missing")}, model.Point{Year: 2000}, strings.NewReader("S."),
		func(doc *model.Document, err error) error {
			if err != nil {
				if !strings.HasPrefix(err.Error(), "ingest: ") {
					t.Errorf("error without prefix: %v", err)
				}
				switch {
				case errors.Is(err, ErrBinary):
					got = append(got, "ERR binary")
				case errors.Is(err, fs.ErrNotExist):
					got = append(got, "ERR missing")
				default:
					got = append(got, "ERR "+err.Error())
				}
				return nil
			}
			if doc.Published != (model.Point{Year: 2000}) {
				t.Errorf("%s: Published = %v", doc.ID, doc.Published)
			}
			got = append(got, doc.ID+"="+strings.TrimSpace(doc.Text))
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	// Web pages are read from folders too, through content extraction.
	want := []string{"a.md=A.", "b.txt=B.", "c=C.", "d.html=D.", "ERR binary", "sub/e.TEXT=E.", "stdin=S.", "d.html=D.", "ERR missing"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}

	t.Run("fn error stops", func(t *testing.T) {
		stopErr := errors.New("enough")
		n := 0
		err := std().Walk([]string{dir, dir}, model.Point{}, nil, func(*model.Document, error) error {
			n++
			if n == 2 {
				return stopErr
			}
			return nil
		})
		if err != stopErr || n != 2 {
			t.Errorf("err = %v after %d calls, want %v after 2", err, n, stopErr)
		}
	})
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "date 2024-07 Text.", " date 2024-07-01\n\ntitle x\nBody\n\n\nMore", "url https://a.b/c Body",
		"Title: T\r\n\r\nA\nB", "date\n", "date 2024-07-01T", "\u00a0\n\u2028x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc := std().Parse("id", "p", text, model.Point{})
		if doc.Text != text {
			t.Fatal("Text changed")
		}
		prev := 0
		for i, s := range doc.Body {
			if s.Start < prev || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("span %d %v out of order or bounds (prev end %d, len %d)", i, s, prev, len(text))
			}
			seg := text[s.Start:s.End]
			if strings.TrimSpace(seg) != seg {
				t.Fatalf("span %d %q not trimmed", i, seg)
			}
			prev = s.End
		}
	})
}

func BenchmarkParse(b *testing.B) {
	para := "Der Außenminister reiste am Montag nach Astana, wo er seinen chinesischen Amtskollegen traf.\nBeide Seiten teilen die Sorge über die Lage.\n\n"
	text := " date 2024-07 " + strings.Repeat(para, 3000/len(para)+1)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		std().Parse("b", "b", text, model.Point{})
	}
}
