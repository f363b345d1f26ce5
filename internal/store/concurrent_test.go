package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"entente/internal/pipeline"
)

var (
	concOnce sync.Once
	concRes  []*pipeline.Result
)

// concurrentCorpus analyses the generated articles of the concurrency test
// once.
func concurrentCorpus(t *testing.T) []*pipeline.Result {
	concOnce.Do(func() {
		p := testPipeline(t)
		for _, d := range generated(200) {
			concRes = append(concRes, p.Process(p.ParseText(d.name, d.text)))
		}
	})
	return concRes
}

// TestConcurrentIngest runs N ingests at once (N = 2, 4), each opening the
// brand-new database itself, over disjoint and over overlapping parts of a
// corpus, and checks that the database ends exactly as one sequential run
// that ingests the documents in the order they were stored (in batches of
// 8, as the writers do: a batch stores its documents in order): every
// document once, no duplicate event, the same event ids. SQLite, whose
// writers take turns on one lock, gets the first 96 documents (still
// several batches a writer); PostgreSQL, whose writers run at once under
// advisory locks, all 200.
func TestConcurrentIngest(t *testing.T) {
	all := concurrentCorpus(t)
	byName := map[string]*pipeline.Result{}
	for _, r := range all {
		byName[r.Doc.ID] = r
	}
	backends(t, func(t *testing.T, dsn string) {
		rs := all
		if !strings.HasPrefix(dsn, "postgres") {
			rs = all[:96]
		}
		for _, n := range []int{2, 4} {
			for _, overlap := range []bool{false, true} {
				name := fmt.Sprintf("%d-disjoint", n)
				if overlap {
					name = fmt.Sprintf("%d-overlapping", n)
				}
				t.Run(name, func(t *testing.T) {
					db := filepath.Join(t.TempDir(), "conc.db")
					if strings.HasPrefix(dsn, "postgres") {
						db = newPG(t)
					}
					stored := ingestConcurrently(t, db, rs, n, overlap)
					st := open(t, db)
					var names []string
					rows, err := st.db.Query(`SELECT name FROM documents ORDER BY id`)
					if err != nil {
						t.Fatal(err)
					}
					for rows.Next() {
						var s string
						rows.Scan(&s)
						names = append(names, s)
					}
					rows.Close()
					if len(names) != len(rs) || stored != len(rs) {
						t.Fatalf("%d documents in the database, %d said new; want %d", len(names), stored, len(rs))
					}
					ref := filepath.Join(t.TempDir(), "ref.db")
					if strings.HasPrefix(dsn, "postgres") {
						ref = newPG(t)
					}
					seq := open(t, ref)
					for lo := 0; lo < len(names); lo += 8 {
						var batch []*pipeline.Result
						for _, name := range names[lo:min(lo+8, len(names))] {
							batch = append(batch, byName[name])
						}
						if _, errs := seq.IngestBatch(context.Background(), batch); errs[0] != nil {
							t.Fatal(errs[0])
						}
					}
					if got, want := dump(t, st), dump(t, seq); got != want {
						t.Errorf("concurrent ingests differ from a sequential run in their order:\n%s", firstDiff(got, want))
					}
				})
			}
		}
	})
}

// ingestConcurrently runs n writers at once, each with its own Store, over
// parts of rs in batches of 8: disjoint parts, or overlapping ones (each a
// window of 1.5/n of the corpus, so that a quarter to a half of the
// documents come twice). It returns how many documents were new.
func ingestConcurrently(t *testing.T, dsn string, rs []*pipeline.Result, n int, overlap bool) int {
	t.Helper()
	var wg sync.WaitGroup
	var mu sync.Mutex
	stored := 0
	errs := make(chan error, n)
	for k := 0; k < n; k++ {
		size := len(rs) / n
		if overlap {
			size = size * 3 / 2
		}
		var part []*pipeline.Result
		for j := 0; j < size; j++ {
			part = append(part, rs[(k*len(rs)/n+j)%len(rs)])
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			st, err := Open(context.Background(), dsn)
			if err != nil {
				errs <- err
				return
			}
			defer st.Close()
			for lo := 0; lo < len(part); lo += 8 {
				outs, es := st.IngestBatch(context.Background(), part[lo:min(lo+8, len(part))])
				for i, err := range es {
					if err != nil {
						errs <- err
						return
					}
					if outs[i].Doc == DocNew {
						mu.Lock()
						stored++
						mu.Unlock()
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	return stored
}
