package pipeline

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"entente/internal/model"
	"entente/internal/output"
)

var update = flag.Bool("update", false, "rewrite golden files")

var (
	once    sync.Once
	shared  *Pipeline
	initErr error
)

func testPipeline(t testing.TB) *Pipeline {
	t.Helper()
	once.Do(func() { shared, initErr = New(Config{Workers: 2}) })
	if initErr != nil {
		t.Fatal(initErr)
	}
	return shared
}

func run(t *testing.T, p *Pipeline, paths ...string) ([]model.Event, []error) {
	t.Helper()
	var errs []error
	f := p.Run(paths, nil, nil, func(err error) { errs = append(errs, err) })
	return f.Events(), errs
}

// TestGolden runs whole documents written for the tests and compares the
// events with testdata/*.golden (rewrite with -update).
func TestGolden(t *testing.T) {
	p := testPipeline(t)
	for _, dir := range []string{"../../examples"} {
		evs, errs := run(t, p, dir)
		if len(errs) > 0 {
			t.Fatalf("errors: %v", errs)
		}
		var buf bytes.Buffer
		if err := output.Write(&buf, "jsonl", evs); err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", filepath.Base(dir)+".golden")
		if *update {
			if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s: events differ from %s (run go test ./internal/pipeline -update and review the diff)\n%s", dir, golden, buf.String())
		}
	}
}

// TestSourcesCiteExactText checks that every source's offsets give back its
// sentence in the original file.
func TestSourcesCiteExactText(t *testing.T) {
	p := testPipeline(t)
	evs, _ := run(t, p, "../../examples")
	if len(evs) == 0 {
		t.Fatal("no events from the examples")
	}
	for _, e := range evs {
		for _, s := range e.Sources {
			b, err := os.ReadFile(filepath.Join("../../examples", s.Doc))
			if err != nil {
				t.Fatal(err)
			}
			if got := string(b)[s.Start:s.End]; got != s.Sentence {
				t.Errorf("%s %d-%d: text %q, sentence %q", s.Doc, s.Start, s.End, got, s.Sentence)
			}
		}
	}
}

// TestBadFileDoesNotStopTheBatch feeds a binary file, a non-UTF-8 file and a
// missing path next to a good article.
func TestBadFileDoesNotStopTheBatch(t *testing.T) {
	p := testPipeline(t)
	dir := t.TempDir()
	good := "date 2024-01-22\nDer polnische Ministerpräsident Donald Tusk traf sich am Montag in Kiew mit dem ukrainischen Präsidenten Wolodymyr Selenskyj.\n"
	files := map[string][]byte{
		"a_binary.txt": {0x7f, 'E', 'L', 'F', 0, 0, 1},
		"b_latin1.txt": []byte("Gr\xfc\xdfe aus K\xf6ln"),
		"c_good.txt":   []byte(good),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	evs, errs := run(t, p, dir, filepath.Join(dir, "missing.txt"))
	if len(errs) != 3 {
		t.Errorf("%d errors, want 3 (binary, not UTF-8, missing): %v", len(errs), errs)
	}
	for _, err := range errs {
		if !strings.Contains(err.Error(), dir) {
			t.Errorf("error %q does not name the file", err)
		}
	}
	found := false
	for _, e := range evs {
		if e.Type == "CONSULT" && strings.Join(e.Codes(), ",") != "" {
			found = true
		}
	}
	if !found {
		t.Errorf("the good article's meeting was lost: %+v", evs)
	}
}

// TestLexiconOverlay extends the embedded data with a user folder laid out
// like data/: a new trigger and a new boilerplate line take effect.
func TestLexiconOverlay(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"lexicon/triggers/en.tsv": "parleyed with\tCONSULT\n",
		"clean/boilerplate.tsv":   "*\tline\tClick here for more\n",
	} {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := New(Config{LexiconDirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	doc := p.ParseText("o.txt", "date 2024-04-09\nSergei Lavrov parleyed with Wang Yi in Beijing on April 9.\n\nClick here for more\n")
	r := p.Process(doc)
	if len(r.Events) != 1 || r.Events[0].Type != "CONSULT" {
		t.Errorf("events %+v: want the overlay trigger to give one CONSULT", r.Events)
	}
	for _, sp := range doc.Body {
		if strings.Contains(doc.Text[sp.Start:sp.End], "Click here") {
			t.Errorf("overlay boilerplate line kept")
		}
	}
}

// TestSameTextTwice: a file given twice, or a copy of it under another
// name, reports its events once, with the same ids.
func TestSameTextTwice(t *testing.T) {
	p := testPipeline(t)
	const a = "../../examples/ru_xi_moscow.txt"
	body, err := os.ReadFile(a)
	if err != nil {
		t.Fatal(err)
	}
	cp := filepath.Join(t.TempDir(), "copy.txt")
	if err := os.WriteFile(cp, body, 0o644); err != nil {
		t.Fatal(err)
	}
	once, _ := run(t, p, a)
	if len(once) == 0 {
		t.Fatal("no events in the example article")
	}
	for _, paths := range [][]string{{a, a}, {a, cp}} {
		twice, _ := run(t, p, paths...)
		if len(twice) != len(once) {
			t.Errorf("%v: %d events, want %d as from one copy", paths, len(twice), len(once))
			continue
		}
		for i := range once {
			if twice[i].ID != once[i].ID || len(twice[i].Sources) != len(once[i].Sources) {
				t.Errorf("%v: event %d is %s with %d sources, want %s with %d", paths, i, twice[i].ID, len(twice[i].Sources), once[i].ID, len(once[i].Sources))
			}
		}
	}
}
