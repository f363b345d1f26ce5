package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"entente/internal/corpus"
	"entente/internal/pgtest"
)

// sharedSets are the article folders beside the repository (../shared).
var sharedSets = []struct{ name, dir string }{
	{"seeds", "../../../shared/seeds"},
	{"dev", "../../../shared/eval/dev/docs"},
}

// TestExtractEqualsIngest: extract and ingest fuse with one mechanism
// (fuse.Document), so `extract --format jsonl DIR` and a fresh `ingest DIR`
// followed by `events --format jsonl` print the same events, byte for byte
// once sorted, ids included. The seeds also go through PostgreSQL, and
// extract of the dev set runs again keeping only 16 events in memory (the others parked
// in a file): the same events again.
func TestExtractEqualsIngest(t *testing.T) {
	for _, set := range sharedSets {
		t.Run(set.name, func(t *testing.T) {
			t.Parallel() // the seeds and the dev set share nothing
			if _, err := os.Stat(set.dir); err != nil {
				t.Skipf("%s not found at %s (the shared folder beside the repository): %v", set.name, set.dir, err)
			}
			code, out, errs := run(t, "", "extract", "--format", "jsonl", set.dir)
			if code != 0 {
				t.Fatalf("extract: exit %d: %s", code, errs)
			}
			want := sortedLines(out)
			checkFused(t, want)
			// The runs compared with extract's share nothing: in parallel.
			if set.name == "dev" {
				t.Run("hot-events", func(t *testing.T) {
					t.Parallel()
					code, out, errs := run(t, "", "extract", "--format", "jsonl", "--hot-events", "16", set.dir)
					if got := sortedLines(out); code != 0 || !slices.Equal(got, want) {
						t.Errorf("extract keeping 16 events in memory: exit %d (%s), and the events differ:\n%s", code, errs, diffLines(want, got))
					}
				})
			}
			dbs := []string{filepath.Join(t.TempDir(), "fusion.db")}
			if set.name == "seeds" {
				if url := pgURL(t); url != "" {
					dbs = append(dbs, url)
				}
			}
			for _, db := range dbs {
				t.Run("ingest", func(t *testing.T) {
					t.Parallel()
					if code, _, errs := run(t, "", "ingest", "--db", db, set.dir); code != 0 {
						t.Fatalf("ingest: exit %d: %s", code, errs)
					}
					code, out, errs := run(t, "", "events", "--db", db, "--format", "jsonl")
					if code != 0 {
						t.Fatalf("events: exit %d: %s", code, errs)
					}
					got := sortedLines(out)
					if !slices.Equal(got, want) {
						t.Errorf("%s: ingest+events gives %d events, extract %d; they differ:\n%s", db, len(got), len(want), diffLines(want, got))
					}
				})
			}
		})
	}
}

// checkFused makes sure the comparison means something: events parse, have
// ids, and some cite more than one document.
func checkFused(t *testing.T, lines []string) {
	t.Helper()
	multi := 0
	for _, l := range lines {
		var e struct {
			ID      string
			Sources []struct{ Doc string }
		}
		if err := json.Unmarshal([]byte(l), &e); err != nil || !strings.HasPrefix(e.ID, "ev_") {
			t.Fatalf("event %q: %v (want an id)", l, err)
		}
		docs := map[string]bool{}
		for _, s := range e.Sources {
			docs[s.Doc] = true
		}
		if len(docs) > 1 {
			multi++
		}
	}
	if len(lines) == 0 || multi == 0 {
		t.Fatalf("%d events, %d fused across documents: want some of each", len(lines), multi)
	}
}

func sortedLines(s string) []string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	slices.Sort(lines)
	return lines
}

// diffLines lists the lines only one side has.
func diffLines(want, got []string) string {
	var b strings.Builder
	for _, l := range want {
		if !slices.Contains(got, l) {
			fmt.Fprintf(&b, "- %s\n", l)
		}
	}
	for _, l := range got {
		if !slices.Contains(want, l) {
			fmt.Fprintf(&b, "+ %s\n", l)
		}
	}
	return b.String()
}

// pgURL starts a throwaway PostgreSQL server and returns a fresh database's
// URL, or "" (and says so) where none can start; in CI it must.
func pgURL(t *testing.T) string {
	t.Helper()
	base, stop, err := pgtest.Start()
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("PostgreSQL: %v", err)
		}
		t.Logf("PostgreSQL part skipped: %v", err)
		return ""
	}
	t.Cleanup(stop)
	url, err := pgtest.CreateDB(base, "entente_fusion")
	if err != nil {
		t.Fatal(err)
	}
	return url
}

// TestExtractEqualsIngestAcrossWindow: on three years of generated news
// read in publication order, extract hands events out as they close (the
// fusion window of internal/fuse) and ingest closes the same events, so
// both give the same events again, ids included. Copies of the five
// earliest articles read at the end, a year and more after their events
// closed, found events of their own in both; read next to their originals,
// they join them (so the window is what keeps them apart).
func TestExtractEqualsIngestAcrossWindow(t *testing.T) {
	type article struct{ key, text string }
	var arts []article
	shape := corpus.Shape{From: time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC), Years: 3, Undated: 0.1, Zipf: 1.2}
	last := ""
	corpus.EachRealistic(240, 7, shape, func(_ int, text string) {
		if strings.HasPrefix(text, "date ") {
			last = text[5:15]
		}
		arts = append(arts, article{last, text}) // an undated one goes beside the one before it
	})
	sort.SliceStable(arts, func(i, j int) bool { return arts[i].key < arts[j].key })
	write := func(dir string, lateNextToOriginal bool) {
		for i, a := range arts {
			name := fmt.Sprintf("%03d.txt", i)
			if err := os.WriteFile(filepath.Join(dir, name), []byte(a.text), 0o644); err != nil {
				t.Fatal(err)
			}
			if i < 5 && strings.HasPrefix(a.text, "date ") {
				late := "zzz-late-" + name
				if lateNextToOriginal {
					late = fmt.Sprintf("%03d-late.txt", i)
				}
				if err := os.WriteFile(filepath.Join(dir, late), []byte(a.text+"Copy.\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	// joinedLate counts the events citing both a late copy and another
	// document.
	joinedLate := func(lines []string) int {
		n := 0
		for _, l := range lines {
			var e struct{ Sources []struct{ Doc string } }
			if err := json.Unmarshal([]byte(l), &e); err != nil {
				t.Fatal(err)
			}
			late, other := false, false
			for _, s := range e.Sources {
				if strings.Contains(s.Doc, "late") {
					late = true
				} else {
					other = true
				}
			}
			if late && other {
				n++
			}
		}
		return n
	}

	dir := t.TempDir()
	write(dir, false)
	code, out, errs := run(t, "", "extract", "--format", "jsonl", dir)
	if code != 0 {
		t.Fatalf("extract: exit %d: %s", code, errs)
	}
	want := sortedLines(out)
	checkFused(t, want)
	if n := joinedLate(want); n != 0 {
		t.Errorf("%d events join a copy read after the window closed with its original", n)
	}
	db := filepath.Join(t.TempDir(), "window.db")
	if code, _, errs := run(t, "", "ingest", "--db", db, dir); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	code, out, errs = run(t, "", "events", "--db", db, "--format", "jsonl")
	if got := sortedLines(out); code != 0 || !slices.Equal(got, want) {
		t.Errorf("ingest+events: exit %d (%s); %d events, extract %d; they differ:\n%s", code, errs, len(got), len(want), diffLines(want, got))
	}

	near := t.TempDir()
	write(near, true)
	code, out, errs = run(t, "", "extract", "--format", "jsonl", near)
	if code != 0 {
		t.Fatalf("extract: exit %d: %s", code, errs)
	}
	if n := joinedLate(sortedLines(out)); n == 0 {
		t.Errorf("copies read next to their originals join none of their events: the test means nothing")
	}
}

// TestExtractEqualsIngestSyndicated: an undated copy of a report (the same
// sentence in another document, one named person in common, no date to
// tell whether they are close in time) joins the original by fusion's
// same-sentence rule in extract, whose sentences wait in a spill file, and
// in ingest, which keeps only their keys, whether the original is undated
// or dated and whether the copy comes in the same batch or a later run;
// a report naming the same person in another sentence stays apart.
func TestExtractEqualsIngestSyndicated(t *testing.T) {
	dir := t.TempDir()
	lavrov := "Russian Foreign Minister Sergei Lavrov met the Chinese foreign minister in Beijing to discuss the war."
	zelensky := "On Monday, Ukrainian President Volodymyr Zelensky met the Polish prime minister in Warsaw."
	files := map[string]string{
		"a_original.txt": "Agency copy.\n\n" + lavrov + "\n",
		"b_other.txt":    "Another report.\n\nRussian Foreign Minister Sergei Lavrov met the Chinese foreign minister in Beijing to talk about trade.\n",
		"c_dated.txt":    "date 2025-03-04\n" + zelensky + "\n",
		"x_copy.txt":     "A reprint elsewhere.\n\n" + lavrov + "\n",
		"y_copy.txt":     "Reprint.\n\n" + zelensky + "\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	docsOf := func(out string) []string {
		var groups []string
		for _, l := range sortedLines(out) {
			var e struct{ Sources []struct{ Doc string } }
			if err := json.Unmarshal([]byte(l), &e); err != nil {
				t.Fatalf("event %q: %v", l, err)
			}
			var docs []string
			for _, s := range e.Sources {
				docs = append(docs, s.Doc)
			}
			sort.Strings(docs)
			groups = append(groups, strings.Join(docs, "+"))
		}
		sort.Strings(groups)
		return groups
	}
	code, out, errs := run(t, "", "extract", "--format", "jsonl", dir)
	if code != 0 {
		t.Fatalf("extract: exit %d: %s", code, errs)
	}
	want := sortedLines(out)
	if got, w := docsOf(out), []string{"a_original.txt+x_copy.txt", "b_other.txt", "c_dated.txt+y_copy.txt"}; !slices.Equal(got, w) {
		t.Fatalf("extract's events cite %q, want %q", got, w)
	}
	if code, out, _ := run(t, "", "extract", "--format", "jsonl", "--hot-events", "1", dir); code != 0 || !slices.Equal(sortedLines(out), want) {
		t.Errorf("extract keeping one event in memory: exit %d, events differ:\n%s", code, diffLines(want, sortedLines(out)))
	}
	batch, runs := filepath.Join(t.TempDir(), "batch.db"), filepath.Join(t.TempDir(), "runs.db")
	if code, _, errs := run(t, "", "ingest", "--db", batch, dir); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	for _, name := range []string{"a_original.txt", "b_other.txt", "c_dated.txt", "x_copy.txt", "y_copy.txt"} {
		if code, _, errs := run(t, "", "ingest", "--db", runs, filepath.Join(dir, name)); code != 0 {
			t.Fatalf("ingest %s: exit %d: %s", name, code, errs)
		}
	}
	for _, db := range []string{batch, runs} {
		code, out, errs := run(t, "", "events", "--db", db, "--format", "jsonl")
		if got := sortedLines(out); code != 0 || !slices.Equal(got, want) {
			t.Errorf("%s: exit %d (%s); ingest+events differs from extract:\n%s", filepath.Base(db), code, errs, diffLines(want, got))
		}
	}
}
