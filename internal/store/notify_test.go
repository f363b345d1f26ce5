package store

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"entente/internal/fuse"
)

// TestFuseRoundNotifies: on PostgreSQL every fusion round of FuseStaged
// notifies FusedChannel at its commit (the job queue's waiting batches
// wake on it), and nothing before the commit.
func TestFuseRoundNotifies(t *testing.T) {
	url := newPG(t)
	ctx := context.Background()
	st := open(t, url)
	rs := concurrentCorpus(t)[:12]
	before, batch := rs[:6], rs[6:]
	if _, errs := st.IngestBatch(ctx, before); errs[0] != nil {
		t.Fatal(errs[0])
	}
	mark := 0
	for _, r := range before {
		mark = max(mark, fuse.Day(r.Doc.Published))
	}
	if mark == 0 {
		t.Fatal("no publication date in the first batch")
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "LISTEN "+FusedChannel); err != nil {
		t.Fatal(err)
	}
	docs, err := st.StageBatch(ctx, 2, batch)
	if err != nil {
		t.Fatal(err)
	}
	// Staging is not a round: no notification yet.
	short, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	n, err := conn.WaitForNotification(short)
	cancel()
	if err == nil {
		t.Fatalf("a notification before any round: %+v", n)
	}
	_, fs, err := st.FuseStaged(ctx, 2, mark, batch, docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if fs.Rounds == 0 {
		t.Fatal("no fusion round")
	}
	// One notification per round (a round's repeats are folded into one).
	for i := range fs.Rounds {
		wait, cancel := context.WithTimeout(ctx, 10*time.Second)
		n, err := conn.WaitForNotification(wait)
		cancel()
		if err != nil {
			t.Fatalf("round %d of %d: no notification: %v", i+1, fs.Rounds, err)
		}
		if n.Channel != FusedChannel {
			t.Errorf("notified on %q, want %q", n.Channel, FusedChannel)
		}
	}
}
