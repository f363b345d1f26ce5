package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEventsRefusesBadQueries checks issue 12's bad queries: each exits 2
// with a message that says what is accepted, and none reaches the store.
func TestEventsRefusesBadQueries(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	art := filepath.Join(dir, "tusk.txt")
	if err := os.WriteFile(art, []byte("date 2024-01-22\nDer polnische Ministerpräsident Donald Tusk traf sich am Montag in Kiew mit dem ukrainischen Präsidenten Wolodymyr Selenskyj.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, "", "ingest", "--db", db, art); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	if code, out, errs := run(t, "", "events", "--db", db, "--dyad", "ukr-pol", "--from", "2024-01", "--format", "jsonl"); code != 0 || !strings.Contains(out, `"CONSULT"`) {
		t.Fatalf("a good query: exit %d, %q, %s", code, out, errs)
	}
	tests := []struct {
		name string
		args []string
		says string
	}{
		{"month 13", []string{"--from", "2024-13-45"}, "--from \"2024-13-45\": want a date YYYY, YYYY-MM or YYYY-MM-DD"},
		{"not a date", []string{"--to", "abc"}, "--to \"abc\": want a date"},
		{"unknown type", []string{"--type", "FOO"}, "want PLOVER types: AGREE, CONSULT"},
		{"unknown status", []string{"--status", "bogus"}, "want one of reported, planned, denied"},
		{"hypothetical is not stored", []string{"--status", "hypothetical"}, "want one of reported, planned, denied (hypothetical and background events are not stored"},
		{"background is not stored", []string{"--status", "background"}, "extract --hypothetical and --background print them"},
		{"unknown language", []string{"--lang", "xx"}, "want one of de, en, ru, uk"},
		{"three codes", []string{"--dyad", "RUS-CHN-IRN"}, "want two actor codes joined by a dash"},
		{"long actor", []string{"--actor", strings.Repeat("x", 100000)}, "at most 200 characters"},
		{"bad limit", []string{"--limit", "ten"}, "--limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, "", append([]string{"events", "--db", db}, tt.args...)...)
			if code != 2 || out != "" || !strings.Contains(errs, tt.says) {
				t.Errorf("exit %d, stdout %q, stderr %.200q; want 2, nothing, %q", code, out, errs, tt.says)
			}
		})
	}
	if code, out, _ := run(t, "", "events", "--db", db, "--actor", "%", "--format", "jsonl"); code != 0 || out != "" {
		t.Errorf("--actor %%: exit %d, %q; want no event (no name contains %%)", code, out)
	}
}

func TestQueryCommandsCreateNoDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "entente.db")
	for _, args := range [][]string{{"events"}, {"show", "ev_1"}, {"docs"}} {
		code, _, errs := run(t, "", append(args, "--db", db)...)
		if code == 0 || !strings.Contains(errs, "no database at "+db+" — run `entente ingest` first") {
			t.Errorf("%v: exit %d, %q; want the no-database message", args, code, errs)
		}
		if _, err := os.Stat(db); !os.IsNotExist(err) {
			t.Fatalf("%v created %s", args, db)
		}
	}
}
