package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"entente/internal/pipeline"
)

func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		stdin    string
		wantCode int
		wantOut  string
		wantErr  string
	}{
		{"no input, exit 2", []string{"extract"}, "", 2, "", "no input"},
		{"stdin jsonl", []string{"extract", "--format", "jsonl", "--published", "2024-01-22", "-"},
			"Der polnische Ministerpräsident Donald Tusk traf sich am Montag in Kiew mit dem ukrainischen Präsidenten Wolodymyr Selenskyj.\n",
			0, `"type":"CONSULT"`, ""},
		{"missing file reported, exit 1", []string{"extract", "--format", "jsonl", "does-not-exist.txt"}, "", 1, "", "does-not-exist.txt"},
		{"bad format, exit 2 with the list", []string{"extract", "--format", "xml", "-"}, "Text.", 2, "", "want one of jsonl, json, csv, table"},
		{"bad flag, exit 2", []string{"extract", "--no-such-flag", "-"}, "Text.", 2, "", "unknown flag"},
		{"bad date, exit 2", []string{"extract", "--published", "April", "-"}, "Text.", 2, "", "--published"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, tt.stdin, tt.args...)
			if code != tt.wantCode || !strings.Contains(out, tt.wantOut) || !strings.Contains(errs, tt.wantErr) {
				t.Errorf("exit %d, stdout %q, stderr %q; want %d, %q, %q", code, out, errs, tt.wantCode, tt.wantOut, tt.wantErr)
			}
		})
	}
}

// TestEveryCommandHasHelp: every command has a description and at least
// one example in its help (cobra's own help and completion aside).
func TestEveryCommandHasHelp(t *testing.T) {
	code, out, _ := run(t, "", "--help")
	if code != 0 {
		t.Fatalf("entente --help: exit %d", code)
	}
	var check func(path []string, help string)
	check = func(path []string, help string) {
		cmds := commandsIn(help)
		if len(path) > 0 && !strings.Contains(help, "Examples:") {
			t.Errorf("entente %s --help has no example", strings.Join(path, " "))
		}
		for _, c := range cmds {
			if c == "help" || c == "completion" {
				continue
			}
			sub := append(append([]string(nil), path...), c)
			code, out, _ := run(t, "", append(sub, "--help")...)
			if code != 0 {
				t.Errorf("entente %s --help: exit %d", strings.Join(sub, " "), code)
				continue
			}
			check(sub, out)
		}
	}
	check(nil, out)
}

// commandsIn lists the commands a help text offers.
func commandsIn(help string) []string {
	_, rest, ok := strings.Cut(help, "Available Commands:\n")
	if !ok {
		return nil
	}
	var out []string
	for _, line := range strings.Split(rest, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			break
		}
		out = append(out, f[0])
	}
	return out
}

// TestUsageExits2: every mistake in the command line exits 2 with a
// message; flags sit only on the commands they act on.
func TestUsageExits2(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"unknown kb subcommand", []string{"kb", "frob"}, `unknown command "frob"`},
		{"missing argument", []string{"show"}, "arg"},
		{"extra argument", []string{"events", "x"}, "unknown command"},
		{"ingest without input", []string{"ingest"}, "no input"},
		{"data flag on a query command", []string{"events", "--kb", "x.yaml"}, "unknown flag: --kb"},
		{"input flag on a query command", []string{"docs", "--published", "2024"}, "unknown flag: --published"},
		{"bad size", []string{"extract", "--max-size", "lots", "-"}, "--max-size"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := run(t, "", tt.args...)
			if code != 2 || !strings.Contains(errs, tt.wantErr) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errs, tt.wantErr)
			}
		})
	}
	if code, out, _ := run(t, ""); code != 0 || !strings.Contains(out, "Available Commands") {
		t.Errorf("entente alone: exit %d, %q; want its help", code, out)
	}
}

// TestMaxSizeAndEncoding: a document over --max-size is reported and
// skipped (exit 1), and a windows-1251 file is decoded, saying so.
func TestMaxSizeAndEncoding(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, []byte(strings.Repeat("Lavrov met Wang Yi in Beijing. ", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	cp1251 := filepath.Join(dir, "ru.txt")
	// "Россия и Китай подписали соглашение." in windows-1251.
	b := []byte{0xd0, 0xee, 0xf1, 0xf1, 0xe8, 0xff, 0x20, 0xe8, 0x20, 0xca, 0xe8, 0xf2, 0xe0, 0xe9, 0x20, 0xef, 0xee, 0xe4, 0xef, 0xe8, 0xf1, 0xe0, 0xeb, 0xe8, 0x20,
		0xf1, 0xee, 0xe3, 0xeb, 0xe0, 0xf8, 0xe5, 0xed, 0xe8, 0xe5, 0x2e, 0x0a}
	if err := os.WriteFile(cp1251, b, 0o644); err != nil {
		t.Fatal(err)
	}
	// One run (a pipeline load is slow under -race): the big file fails,
	// the windows-1251 one is read.
	code, out, errs := run(t, "", "extract", "--max-size", "1KB", "--format", "jsonl", "--published", "2024-05-10", big, cp1251)
	if code != 1 || !strings.Contains(errs, "too large") || !strings.Contains(errs, "1.0 kB") {
		t.Errorf("over the limit: exit %d, %q, %q", code, out, errs)
	}
	if !strings.Contains(out, `"type":"AGREE"`) || !strings.Contains(out, "Россия и Китай") || !strings.Contains(errs, "decoded from windows-1251") || strings.Contains(out, "Beijing") {
		t.Errorf("windows-1251: exit %d, %q, %q", code, out, errs)
	}
}

// TestUnsupportedLanguage: an unsupported --lang is a usage error (exit 2)
// that lists the supported languages, never a panic.
func TestUnsupportedLanguage(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		stdin string
	}{
		{"link pl", []string{"link", "--lang", "pl", "Ławrowa"}, ""},
		{"extract xx", []string{"extract", "--lang", "xx", "-"}, "Putin met Xi Jinping."},
		{"kb lookup pl", []string{"kb", "lookup", "--lang", "pl", "Lavrov"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, tt.stdin, tt.args...)
			if code != 2 || out != "" || !strings.Contains(errs, "unsupported language") || !strings.Contains(errs, "de, en, ru, uk") {
				t.Errorf("exit %d, stdout %q, stderr %q; want 2 and the supported languages", code, out, errs)
			}
		})
	}
	code, out, errs := run(t, "Путин встретился с Си Цзиньпином в Пекине 16 мая 2024 года.", "extract", "--lang", "ru", "--format", "jsonl", "-")
	if code != 0 || !strings.Contains(out, `"lang":"ru"`) {
		t.Errorf("extract --lang ru: exit %d, %q, %q", code, out, errs)
	}
}

func TestLinkJSONL(t *testing.T) {
	code, out, errs := run(t, "", "link", "--lang", "de", "--date", "2024-04-26", "--format", "jsonl", "der russische Verteidigungsminister")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var m struct{ Name, Code, Kind, ID, Text string }
	if err := json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &m); err != nil {
		t.Fatalf("%v: %q", err, out)
	}
	if m.Name != "Sergei Shoigu" || m.Code != "RUS" || m.Kind != "person" || m.ID == "" {
		t.Errorf("got %+v, want Sergei Shoigu (RUS, person, with id)", m)
	}
}

func TestKBValidateOverlay(t *testing.T) {
	f := filepath.Join(t.TempDir(), "overlay.yaml")
	if err := os.WriteFile(f, []byte("persons:\n  - id: someone\n    name: Some One\n    state: XXX\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := run(t, "", "--kb", f, "kb", "validate")
	if code != 1 || !strings.Contains(out, f+`:2: person someone: unknown state "XXX"`) {
		t.Errorf("exit %d, %q: want 1 and the unknown state named at %s:2", code, out, f)
	}
	// A file that does not parse fails too, at its line.
	if err := os.WriteFile(f, []byte("- id: x\n  name: X\n  state: RUS\n  names: 5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, "", "--kb", f, "kb", "validate"); code != 1 || !strings.Contains(errs, f+":4:") {
		t.Errorf("exit %d, stderr %q: want 1 and %s:4", code, errs, f)
	}
	if code, out, _ := run(t, "", "kb", "validate"); code != 0 {
		t.Errorf("embedded KB: exit %d:\n%s", code, out)
	}
}

func TestKBLookup(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		wantFirst string // id of the first candidate
		wantWhy   string // in the first candidate's why
	}{
		{"exact alias first", []string{"kb", "lookup", "--lang", "ru", "Ван И"}, "wang-yi", `alias "Ван И"`},
		{"office on the date", []string{"kb", "lookup", "--lang", "ru", "--date", "2016-01-01", "Ван"}, "wang-yi", "foreign-minister CHN"},
		{"jsonl", []string{"kb", "lookup", "--lang", "de", "--date", "2024-06-01", "--format", "jsonl", "Schoigu"}, "sergei-shoigu", "security-council-secretary"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, "", tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			first := strings.SplitN(out, "\n", 2)[0]
			var id, why string
			var score float64
			if strings.HasPrefix(first, "{") {
				var l struct {
					ID    string
					Score float64
					Why   string
				}
				if err := json.Unmarshal([]byte(first), &l); err != nil {
					t.Fatalf("%v: %q", err, first)
				}
				id, score, why = l.ID, l.Score, l.Why
			} else {
				f := strings.Split(first, "\t")
				if len(f) != 6 {
					t.Fatalf("want 6 columns (id, kind, code, name, score, why): %q", first)
				}
				id, why = f[0], f[5]
				if _, err := fmt.Sscan(f[4], &score); err != nil {
					t.Fatalf("score %q: %v", f[4], err)
				}
			}
			if id != tt.wantFirst || !strings.Contains(why, tt.wantWhy) || score <= 0 {
				t.Errorf("first line %q: want %s first with %q in why and a score", first, tt.wantFirst, tt.wantWhy)
			}
		})
	}
}

// testArticle is an article written for the tests: undated reports, which
// fusion cannot match by date, so a second reading would show twice.
const testArticle = `Der russische Außenminister Sergej Lawrow traf sich mit dem chinesischen Außenminister Wang Yi.
Russland warf der Ukraine vor, Grenzdörfer beschossen zu haben.
Die Türkei droht Schweden mit einem Veto.
`

// TestExtractSameTextTwice: a file given twice, or its copy, reports its
// events once.
func TestExtractSameTextTwice(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	for _, p := range []string{a, b} {
		if err := os.WriteFile(p, []byte(testArticle), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, once, _ := run(t, "", "extract", "--format", "jsonl", a)
	if once == "" {
		t.Fatal("no events from the test article")
	}
	for _, args := range [][]string{{a, a}, {a, b}} {
		_, twice, _ := run(t, "", append([]string{"extract", "--format", "jsonl"}, args...)...)
		if n1, n2 := strings.Count(once, "\n"), strings.Count(twice, "\n"); n1 != n2 {
			t.Errorf("extract %v: %d events, want %d as from one copy", args, n2, n1)
		}
	}
}

// TestDefaultMinConfidence: without --min-confidence, extract and ingest
// leave out events below pipeline.DefaultMinConfidence; 0 keeps them. A
// confidence model whose bias sinks every event below the cut (a --lexicon
// overlay of confidence.tsv) must then report none by default.
func TestDefaultMinConfidence(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(a, []byte(testArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	low := filepath.Join(dir, "low")
	if err := os.MkdirAll(filepath.Join(low, "lexicon"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(low, "lexicon", "confidence.tsv"), []byte("bias\t-9\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	count := func(args ...string) int {
		t.Helper()
		code, out, errs := run(t, "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		return strings.Count(out, "\n")
	}
	if n := count("extract", "--format", "jsonl", "--lexicon", low, a); n != 0 {
		t.Errorf("extract with every confidence below %.1f printed %d events by default, want none", pipeline.DefaultMinConfidence, n)
	}
	if n := count("extract", "--format", "jsonl", "--lexicon", low, "--min-confidence", "0", a); n == 0 {
		t.Error("extract --min-confidence 0 printed no event")
	}
	if all, def := count("extract", "--format", "jsonl", "--min-confidence", "0", a), count("extract", "--format", "jsonl", a); def == 0 || def > all {
		t.Errorf("extract: %d events by default, %d with --min-confidence 0", def, all)
	}
	db := filepath.Join(dir, "low.db")
	if code, _, errs := run(t, "", "ingest", "--db", db, "--lexicon", low, a); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	if n := count("events", "--db", db, "--format", "jsonl"); n != 0 {
		t.Errorf("ingest stored %d events below the default confidence, want none", n)
	}
}

// TestMinConfidence: --min-confidence leaves out what is below it, on
// extract and ingest alike, and refuses a value outside 0..1.
func TestMinConfidence(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(a, []byte(testArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	confs := func(out string) []float64 {
		var cs []float64
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			if l == "" {
				continue
			}
			var e struct{ Confidence float64 }
			if err := json.Unmarshal([]byte(l), &e); err != nil {
				t.Fatalf("%q: %v", l, err)
			}
			cs = append(cs, e.Confidence)
		}
		return cs
	}
	_, all, _ := run(t, "", "extract", "--format", "jsonl", "--min-confidence", "0", a)
	cs := confs(all)
	if len(cs) < 2 {
		t.Fatalf("want at least two events from the test article, got %d", len(cs))
	}
	lo, hi := cs[0], cs[0]
	for _, c := range cs {
		lo, hi = min(lo, c), max(hi, c)
	}
	if lo == hi {
		t.Fatalf("all events have confidence %.2f: nothing to filter", lo)
	}
	cut := (lo + hi) / 2
	_, some, _ := run(t, "", "extract", "--format", "jsonl", "--min-confidence", fmt.Sprint(cut), a)
	for _, c := range confs(some) {
		if c < cut {
			t.Errorf("extract --min-confidence %.2f printed an event of %.2f", cut, c)
		}
	}
	if n := len(confs(some)); n == 0 || n == len(cs) {
		t.Errorf("extract --min-confidence %.2f kept %d of %d events", cut, n, len(cs))
	}
	db := filepath.Join(dir, "e.db")
	if code, _, errs := run(t, "", "ingest", "--db", db, "--min-confidence", fmt.Sprint(cut), a); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	_, stored, _ := run(t, "", "events", "--db", db, "--format", "jsonl")
	if got, want := len(confs(stored)), len(confs(some)); got != want {
		t.Errorf("ingest --min-confidence stored %d events, extract kept %d", got, want)
	}
	for _, args := range [][]string{{"extract", "--min-confidence", "1.5", a}, {"ingest", "--db", db, "--min-confidence", "-1", a}} {
		if code, _, errs := run(t, "", args...); code != 2 || !strings.Contains(errs, "min-confidence") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message", args, code, errs)
		}
	}
}
