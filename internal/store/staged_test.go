package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"entente/internal/corpus"
	"entente/internal/fuse"
	"entente/internal/model"
	"entente/internal/pipeline"
)

// TestStagedMatchesSequential stores the first batches of a corpus (before
// any fusion watermark) whole, stages the others in reverse order, then
// fuses them from a goroutine each, started in a shuffled order, each
// under the watermark before it: the
// store ends exactly as after one sequential ingest of the batches in
// their order (events and ids included), with nothing left staged, on
// both backends. Fusing a batch twice (a rerun) changes nothing.
func TestStagedMatchesSequential(t *testing.T) {
	// Generated articles: every batch shares every block with the one
	// before it (120 articles in 20 batches on PostgreSQL, the queue's
	// backend; 72 in 12 on SQLite, whose writes are slow under -race).
	t.Run("generated", func(t *testing.T) { stagedMatchesSequential(t, concurrentCorpus(t)[:120], 72) })
	// Realistic articles: many blocks, publication dates over eight years,
	// one in ten undated.
	p := testPipeline(t)
	var rs []*pipeline.Result
	for i, text := range corpus.Realistic(240, 5, corpus.Shape{From: time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC), Years: 8, Undated: 0.1, Zipf: 1.2}) {
		rs = append(rs, p.Process(p.ParseText(fmt.Sprintf("real_%03d.txt", i), text)))
	}
	// In publication order, as a back-fill would read them: the watermark
	// moves on and closes events, so a document fused under another
	// watermark than a sequential ingest's would fuse differently.
	slices.SortStableFunc(rs, func(a, b *pipeline.Result) int { return fuse.Day(a.Doc.Published) - fuse.Day(b.Doc.Published) })
	t.Run("realistic", func(t *testing.T) { stagedMatchesSequential(t, rs, len(rs)) })
}

// stagedMatchesSequential runs the test on rs, on SQLite on the first
// nSQLite of them.
func stagedMatchesSequential(t *testing.T, rs []*pipeline.Result, nSQLite int) {
	backends(t, func(t *testing.T, dsn string) {
		rs := rs
		if !strings.HasPrefix(dsn, "postgres") {
			rs = rs[:nSQLite]
		}
		var batches [][]*pipeline.Result
		for lo := 0; lo < len(rs); lo += 6 {
			batches = append(batches, rs[lo:min(lo+6, len(rs))])
		}
		ctx := context.Background()
		seq := open(t, dsn)
		for _, b := range batches {
			if _, errs := seq.IngestBatch(ctx, b); errs[0] != nil {
				t.Fatal(errs[0])
			}
		}
		want := dump(t, seq) + seenMarks(t, seq)
		personRowsInStep(t, seq)
		seq.Close()

		fresh := filepath.Join(t.TempDir(), "staged.db")
		if strings.HasPrefix(dsn, "postgres") {
			fresh = newPG(t)
		}
		st := open(t, fresh)
		marks := make([]int, len(batches)) // the watermark before each batch
		for i := 1; i < len(batches); i++ {
			marks[i] = marks[i-1]
			for _, r := range batches[i-1] {
				marks[i] = max(marks[i], fuse.Day(r.Doc.Published))
			}
		}
		// The batches before any watermark are stored in turn, whole.
		first := 0
		for ; first < len(batches) && marks[first] == 0; first++ {
			if _, errs := st.IngestBatch(ctx, batches[first]); errs[0] != nil {
				t.Fatal(errs[0])
			}
		}
		if first > len(batches)/2 {
			t.Fatalf("%d of %d batches before the first publication date", first, len(batches))
		}
		docs := make([][]StagedDoc, len(batches))
		for i := len(batches) - 1; i >= first; i-- {
			var err error
			if docs[i], err = st.StageBatch(ctx, int64(i+1), batches[i]); err != nil {
				t.Fatal(err)
			}
		}
		// One goroutine per batch, started in a shuffled order: each waits
		// for the blocks earlier batches hold (a worker gives up its slot
		// instead when the earlier batch is not running; here all run).
		var wg sync.WaitGroup
		var mu sync.Mutex
		var rounds, events int
		var errs []error
		for _, i := range rand.New(rand.NewPCG(1, 7)).Perm(len(batches)) {
			if i < first {
				continue
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				outs, fs, err := st.FuseStaged(ctx, int64(i+1), marks[i], batches[i], docs[i], func(ctx context.Context, _ int64) error {
					time.Sleep(time.Millisecond)
					return ctx.Err()
				})
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					errs = append(errs, err)
				}
				rounds += fs.Rounds
				for _, o := range outs {
					events += o.EventsNew + o.EventsMerged
				}
			}()
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			t.Fatal(err)
		}
		if got := dump(t, st) + seenMarks(t, st); got != want {
			t.Errorf("staged batches differ from a sequential ingest:\n%s", firstDiff(got, want))
		}
		personRowsInStep(t, st)
		var left int
		if err := st.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM staged_blocks) + (SELECT count(*) FROM staged_docs)`).Scan(&left); err != nil || left != 0 {
			t.Errorf("%d staged rows left (%v)", left, err)
		}
		if events == 0 || rounds < len(batches)-first {
			t.Errorf("%d reports fused in %d rounds for %d batches", events, rounds, len(batches))
		}
		// A rerun of a fused batch: its documents are stored, and not its
		// own any more; nothing changes.
		d, err := st.StageBatch(ctx, int64(first+1), batches[first])
		if err != nil {
			t.Fatal(err)
		}
		if d[0].State != DocUnchanged {
			t.Errorf("rerun of a fused batch: %+v, want unchanged", d[0])
		}
		if _, _, err := st.FuseStaged(ctx, int64(first+1), marks[first], batches[first], d, nil); err != nil {
			t.Fatal(err)
		}
		if got := dump(t, st) + seenMarks(t, st); got != want {
			t.Errorf("a rerun changed the store:\n%s", firstDiff(got, want))
		}
	})
}

// seenMarks lists the fusion window's state: the watermark and each
// event's seen mark.
func seenMarks(t *testing.T, st *Store) string {
	t.Helper()
	var b strings.Builder
	rows, err := st.db.Query(`SELECT 'mark ' || day FROM fuse_mark UNION ALL SELECT * FROM (SELECT id || ' seen ' || seen FROM events ORDER BY id) e
		UNION ALL SELECT * FROM (SELECT event_id || ' ' || person || ' ' || dated || ' seen ' || seen || ' pub ' || pub || ' ' || persons
			FROM event_persons ORDER BY event_id, person) p`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			t.Fatal(err)
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// personRowsInStep checks that every event's rows of event_persons say what
// fusion reads of the event (fuse.Candidate.Brief): its seen mark and its
// persons, one row per distinct person, dated as the event is, and for an
// undated event its publication date and sentence keys (a dated one's rows
// carry none); a row out of step would make fusion skip an event it should
// have compared.
func personRowsInStep(t *testing.T, st *Store) {
	t.Helper()
	type row struct {
		person        string
		dated, seen   int
		pub           int
		persons, body string
		sents, keys   string
	}
	rows, err := st.db.Query(`SELECT e.id, e.body, e.seen, e.sents, coalesce(p.person, ''), coalesce(p.dated, -1), coalesce(p.seen, -1), coalesce(p.pub, -1), coalesce(p.persons, ''), coalesce(p.sents, '')
		FROM events e LEFT JOIN event_persons p ON p.event_id = e.id ORDER BY e.id, p.person`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[string][]string{}
	var events []string
	bodies, seens, sents := map[string]string{}, map[string]int{}, map[string]string{}
	for rows.Next() {
		var id string
		var r row
		var seen int
		if err := rows.Scan(&id, &r.body, &seen, &r.keys, &r.person, &r.dated, &r.seen, &r.pub, &r.persons, &r.sents); err != nil {
			t.Fatal(err)
		}
		if _, ok := bodies[id]; !ok {
			events = append(events, id)
			bodies[id], seens[id], sents[id] = r.body, seen, r.keys
		}
		if r.person != "" {
			got[id] = append(got[id], fmt.Sprintf("%s dated %d seen %d pub %d persons %q sents %q", r.person, r.dated, r.seen, r.pub, r.persons, r.sents))
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	withPersons := 0
	for _, id := range events {
		var e model.Event
		if err := json.Unmarshal([]byte(bodies[id]), &e); err != nil {
			t.Fatal(err)
		}
		var want []string
		dated, pub, keys := 0, pubNum(e.Published), sents[id]
		if !e.Date.IsZero() {
			dated, pub, keys = 1, 0, ""
		}
		ps := fuse.Persons(&e)
		slices.Sort(ps)
		for _, p := range ps {
			want = append(want, fmt.Sprintf("%s dated %d seen %d pub %d persons %q sents %q", p, dated, seens[id], pub, strings.Join(fuse.PersonList(&e), " "), keys))
		}
		if len(want) > 0 {
			withPersons++
		}
		if !slices.Equal(got[id], want) {
			t.Errorf("event %s: event_persons rows\n%s\nwant\n%s", id, strings.Join(got[id], "\n"), strings.Join(want, "\n"))
			return
		}
	}
	if withPersons == 0 {
		t.Errorf("no event of %d names a person: the check saw nothing", len(events))
	}
}

// TestStageRefusesReplacement: a batch with a new text under a stored
// document's path is not staged (ErrInTurn) and stores nothing.
func TestStageRefusesReplacement(t *testing.T) {
	backends(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		st := open(t, dsn)
		ingest(t, st, doc{"tusk.txt", tuskUK})
		before := dump(t, st)
		p := testPipeline(t)
		rs := []*pipeline.Result{p.Process(p.ParseText("lavrov_de.txt", lavrovDE)), p.Process(p.ParseText("tusk.txt", tuskEdit))}
		if _, err := st.StageBatch(ctx, 1, rs); !errors.Is(err, ErrInTurn) {
			t.Fatalf("StageBatch of a replacement: %v, want ErrInTurn", err)
		}
		if got := dump(t, st); got != before {
			t.Errorf("a refused batch changed the store:\n%s", firstDiff(got, before))
		}
	})
}

// TestPersonRowsInStep ingests realistic articles in their random
// publication order, a batch at a time, and checks that event_persons
// follows every event (personRowsInStep): reports join events that name
// persons with and without changing their actors, date or publication
// date, and move their seen marks.
func TestPersonRowsInStep(t *testing.T) {
	p := testPipeline(t)
	var rs []*pipeline.Result
	for i, text := range corpus.Realistic(600, 9, corpus.Shape{From: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Years: 1, Undated: 0.2, Zipf: 1.4}) {
		rs = append(rs, p.Process(p.ParseText(fmt.Sprintf("real_%03d.txt", i), text)))
	}
	st := open(t, filepath.Join(t.TempDir(), "persons.db"))
	for lo := 0; lo < len(rs); lo += 50 {
		if _, errs := st.IngestBatch(context.Background(), rs[lo:min(lo+50, len(rs))]); errs[0] != nil {
			t.Fatal(errs[0])
		}
	}
	personRowsInStep(t, st)
}
