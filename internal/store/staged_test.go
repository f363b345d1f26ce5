package store

import (
	"context"
	"errors"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"entente/internal/pipeline"
)

// TestStagedMatchesSequential stages the batches of a corpus in reverse
// order, then fuses them from four goroutines in a shuffled order: the
// store ends exactly as after one sequential ingest of the batches in
// their order (events and ids included), with nothing left staged, on
// both backends. Fusing a batch twice (a rerun) changes nothing.
func TestStagedMatchesSequential(t *testing.T) {
	rs := concurrentCorpus(t)[:120]
	var batches [][]*pipeline.Result
	for lo := 0; lo < len(rs); lo += 6 {
		batches = append(batches, rs[lo:min(lo+6, len(rs))])
	}
	backends(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		seq := open(t, dsn)
		for _, b := range batches {
			if _, errs := seq.IngestBatch(ctx, b); errs[0] != nil {
				t.Fatal(errs[0])
			}
		}
		want := dump(t, seq)
		seq.Close()

		fresh := filepath.Join(t.TempDir(), "staged.db")
		if strings.HasPrefix(dsn, "postgres") {
			fresh = newPG(t)
		}
		st := open(t, fresh)
		docs := make([][]StagedDoc, len(batches))
		for i := len(batches) - 1; i >= 0; i-- {
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
			wg.Add(1)
			go func() {
				defer wg.Done()
				outs, fs, err := st.FuseStaged(ctx, int64(i+1), batches[i], docs[i], func(ctx context.Context, _ int64) error {
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
		if got := dump(t, st); got != want {
			t.Errorf("staged batches differ from a sequential ingest:\n%s", firstDiff(got, want))
		}
		var left int
		if err := st.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM staged_blocks) + (SELECT count(*) FROM staged_docs)`).Scan(&left); err != nil || left != 0 {
			t.Errorf("%d staged rows left (%v)", left, err)
		}
		if events == 0 || rounds < len(batches) {
			t.Errorf("%d reports fused in %d rounds for %d batches", events, rounds, len(batches))
		}
		// A rerun of a fused batch: its documents are stored, and not its
		// own any more; nothing changes.
		d, err := st.StageBatch(ctx, 1, batches[0])
		if err != nil {
			t.Fatal(err)
		}
		if d[0].State != DocUnchanged {
			t.Errorf("rerun of a fused batch: %+v, want unchanged", d[0])
		}
		if _, _, err := st.FuseStaged(ctx, 1, batches[0], d, nil); err != nil {
			t.Fatal(err)
		}
		if got := dump(t, st); got != want {
			t.Errorf("a rerun changed the store:\n%s", firstDiff(got, want))
		}
	})
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
