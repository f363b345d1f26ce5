package pipeline

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"

	"entente/internal/ingest"
	"entente/internal/model"
	"entente/internal/output"
)

// hostileArticle is a short article written for the tests.
const hostileArticle = "date 2024-05-10\n\nСергей Лавров в понедельник встретился с Ван И в Пекине. Россия обвинила США в разжигании конфликта.\n"

// hostileCorpus writes the inputs a reader meets and a tester fears into
// dir and returns their names: empty, binary, a byte order mark, UTF-16,
// windows-1251 and KOI8-R twins of a UTF-8 article, a 1 MB token, deep
// nesting of quotes and brackets, 10,000 short lines, and a web page whose
// script holds a sentence that must not count.
func hostileCorpus(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	rnd := rand.New(rand.NewSource(1))
	binary := make([]byte, 4096)
	rnd.Read(binary)
	binary[7] = 0
	u16 := []uint16{0xFEFF}
	u16 = append(u16, utf16.Encode([]rune(hostileArticle))...)
	var le []byte
	for _, u := range u16 {
		le = append(le, byte(u), byte(u>>8))
	}
	enc := func(cm *charmap.Charmap) []byte {
		b, err := cm.NewEncoder().Bytes([]byte(hostileArticle))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	token := make([]byte, 1<<20)
	for i := range token {
		token[i] = 'a' + byte(rnd.Intn(26))
	}
	var lines strings.Builder
	for i := range 10000 {
		lines.WriteString([]string{"Ja.", "Nein.", "Moskau", "—", "1.", "Putin traf Xi."}[i%6])
		lines.WriteByte('\n')
	}
	files := map[string][]byte{
		"empty.txt":      nil,
		"binary.txt":     binary,
		"bom.txt":        append([]byte("\uFEFF"), hostileArticle...),
		"utf8.txt":       []byte(hostileArticle),
		"utf16.txt":      le,
		"cp1251.txt":     enc(charmap.Windows1251),
		"koi8r.txt":      enc(charmap.KOI8R),
		"token.txt":      append(append([]byte("Lavrov met Wang Yi in Beijing on Monday. "), token...), " Russia accused the United States."...),
		"nesting.txt":    []byte(strings.Repeat("«(„[\"", 5000) + "Putin traf Xi in Peking." + strings.Repeat("\"]“)»", 5000)),
		"lines.txt":      []byte(lines.String()),
		"whitespace.txt": []byte(strings.Repeat(" \t\n\r\n", 20000)),
		"page.html": []byte(`<!DOCTYPE html><html><head><title>Talks</title><script>var s = "Putin met Xi Jinping in Moscow on Monday.";</script></head>` +
			`<body><article><h1>Talks</h1><p>Lavrov met Wang Yi in Beijing on Monday.</p><script>document.write("Biden met Xi.")</script></article></body></html>`),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return files
}

// checkResult checks what the pipeline made of one document: every
// source's offsets lie inside the document and point at its sentence, in
// the file's own bytes where the file is UTF-8.
func checkResult(t *testing.T, r *Result, raw []byte) {
	t.Helper()
	utf8File := r.Doc.Meta["encoding"] == "" && raw != nil
	for _, e := range r.Events {
		for _, s := range e.Sources {
			if s.Start < 0 || s.End > len(r.Doc.Text) || s.Start > s.End {
				t.Fatalf("%s: source %d-%d outside the document (%d bytes)", r.Doc.ID, s.Start, s.End, len(r.Doc.Text))
			}
			if got := r.Doc.Text[s.Start:s.End]; got != s.Sentence {
				t.Errorf("%s: text at %d-%d is %q, the source says %q", r.Doc.ID, s.Start, s.End, got, s.Sentence)
			}
			if utf8File && string(raw[s.Start:s.End]) != s.Sentence {
				t.Errorf("%s: file bytes at %d-%d are %q, the source says %q", r.Doc.ID, s.Start, s.End, raw[s.Start:s.End], s.Sentence)
			}
		}
	}
}

// TestHostileCorpus runs the hostile corpus through the whole pipeline:
// no panic, only the binary file fails, offsets are true, every output
// format parses, the legacy and UTF-16 twins give the UTF-8 article's
// events, and a page's scripts give none.
func TestHostileCorpus(t *testing.T) {
	dir := t.TempDir()
	files := hostileCorpus(t, dir)
	p := testPipeline(t)
	lines := map[string][]string{}
	var all []model.Event
	var failed []string
	p.Stream([]string{dir}, nil, func(r *Result) {
		var raw []byte
		if strings.HasSuffix(r.Doc.ID, ".txt") {
			raw = files[r.Doc.ID]
		}
		checkResult(t, r, raw)
		for i := range r.Events {
			lines[r.Doc.ID] = append(lines[r.Doc.ID], r.Events[i].Line())
		}
		slices.Sort(lines[r.Doc.ID])
		all = append(all, r.Events...)
	}, func(err error) {
		failed = append(failed, err.Error())
		if !errors.Is(err, ingest.ErrBinary) {
			t.Errorf("unexpected failure: %v", err)
		}
	})
	if len(failed) != 1 || !strings.Contains(failed[0], "binary.txt") {
		t.Errorf("failures %q, want only binary.txt", failed)
	}
	want := lines["utf8.txt"]
	if len(want) != 2 {
		t.Fatalf("the UTF-8 article gives %q, want a meeting and an accusation", want)
	}
	for _, twin := range []string{"bom.txt", "utf16.txt", "cp1251.txt", "koi8r.txt"} {
		if !slices.Equal(lines[twin], want) {
			t.Errorf("%s gives %q, its UTF-8 twin %q", twin, lines[twin], want)
		}
	}
	if got := strings.Join(lines["token.txt"], "; "); !strings.Contains(got, "CONSULT") || !strings.Contains(got, "ACCUSE") {
		t.Errorf("around a 1 MB token: %q, want the meeting and the accusation", got)
	}
	for _, l := range lines["page.html"] {
		if strings.Contains(l, "USA") || strings.Contains(l, "RUS") {
			t.Errorf("a page's script made an event: %s", l)
		}
	}
	// Every format parses back.
	var buf bytes.Buffer
	if err := output.Write(&buf, "json", all); err != nil {
		t.Fatal(err)
	}
	if !json.Valid(buf.Bytes()) {
		t.Errorf("json output does not parse")
	}
	buf.Reset()
	if err := output.Write(&buf, "jsonl", all); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if !json.Valid(sc.Bytes()) {
			t.Errorf("jsonl line does not parse: %s", sc.Text())
		}
	}
}

// TestLinearInSize: doubling a document about doubles the memory its
// analysis allocates (a size-doubling property; bytes allocated stand for
// time, which a test cannot measure reliably).
func TestLinearInSize(t *testing.T) {
	p := testPipeline(t)
	para := "Сергей Лавров в понедельник встретился с Ван И в Пекине. Die USA lieferten der Ukraine weitere Patriot-Raketen. " +
		"Russia accused the United States of provoking the conflict in a long statement on Tuesday.\n\n"
	alloc := func(n int) uint64 {
		doc := p.ParseText("big.txt", "date 2024-05-10\n\n"+strings.Repeat(para, n))
		var a, b runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&a)
		p.Process(doc)
		runtime.ReadMemStats(&b)
		return b.TotalAlloc - a.TotalAlloc
	}
	alloc(50) // warm the caches
	small, large := alloc(400), alloc(800)
	if ratio := float64(large) / float64(small); ratio > 2.6 {
		t.Errorf("doubling the document multiplies allocation by %.2f (%d → %d bytes), want about 2", ratio, small, large)
	}
}

// FuzzExtract runs arbitrary bytes through reading and the whole
// pipeline: no panic, every source inside its document and pointing at its
// sentence, and output that parses as JSON.
func FuzzExtract(f *testing.F) {
	f.Add([]byte(hostileArticle))
	f.Add([]byte("\uFEFF" + hostileArticle))
	f.Add([]byte("Putin traf Xi.\n\nLavrov met Wang Yi on Monday (in Beijing)."))
	f.Add([]byte("<html><body><p>Lavrov met Wang Yi.</p></body></html>"))
	f.Add([]byte{0xd0, 0xee, 0xf1, 0xf1, 0xe8, 0xff, 0x20, 0xe8, 0x20, 0xca, 0xe8, 0xf2, 0xe0, 0xe9})
	f.Add([]byte(strings.Repeat("«(", 50) + "Putin met Xi." + strings.Repeat(")»", 50)))
	p, err := New(Config{Workers: 1})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var results []*Result
		p.StreamFrom(func(fn func(*model.Document, error) error) error {
			return p.Parser.WalkWith([]string{"-"}, ingest.Options{Stdin: bytes.NewReader(b)}, fn)
		}, func(r *Result) { results = append(results, r) }, func(error) {})
		for _, r := range results {
			checkResult(t, r, nil)
			var buf bytes.Buffer
			if err := output.Write(&buf, "json", r.Events); err != nil {
				t.Fatal(err)
			}
			if !json.Valid(buf.Bytes()) {
				t.Fatalf("json output does not parse: %s", buf.Bytes())
			}
		}
	})
}

// TestLongDocumentInRuns: a document longer than a run is analysed in runs
// of paragraphs whose reports of one event are merged again: the same
// events as one paragraph gives, citing every paragraph, with true offsets.
func TestLongDocumentInRuns(t *testing.T) {
	q := *testPipeline(t)
	q.chunk = 600
	para := "Lavrov met Wang Yi in Beijing on Monday. Russia accused the United States of provoking the conflict.\n\n"
	text := "date 2024-05-10\n\n" + strings.Repeat(para, 40)
	one := sentenceLines(&q, para)
	r := q.Process(q.ParseText("long.txt", text))
	checkResult(t, r, []byte(text))
	var got []string
	for i := range r.Events {
		e := &r.Events[i]
		got = append(got, e.Line())
		if len(e.Sources) != 40 || e.Sources[0].Doc != "long.txt" {
			t.Errorf("%s: %d sources of %q, want 40 of long.txt", e.Line(), len(e.Sources), e.Sources[0].Doc)
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, one) || len(r.Sentences) != 80 || r.Sentences[79].Para != 39 {
		t.Errorf("runs give %q (%d sentences), one paragraph %q", got, len(r.Sentences), one)
	}
	// extract keeps only the events: the same ones, their sentences cut
	// from the text.
	q.cfg.EventsOnly = true
	lean := q.Process(q.ParseText("long.txt", text))
	if lean.Sentences != nil || lean.Mentions != nil || lean.Dates != nil || !reflect.DeepEqual(lean.Events, r.Events) {
		t.Errorf("EventsOnly: %d sentences, events equal: %v", len(lean.Sentences), reflect.DeepEqual(lean.Events, r.Events))
	}
}
