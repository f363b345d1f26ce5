package queue

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"entente/internal/store"
)

// TestLookWakesOnRing: a waiting batch looks again when the bell rings,
// however long its pause, and is armed again for the next ring.
func TestLookWakesOnRing(t *testing.T) {
	w := &Worker{bell: newBell()}
	w.bell.live.Store(true)
	l := w.newLook()
	l.pause = time.Hour
	done := make(chan error, 1)
	go func() { done <- l.next(context.Background()) }()
	w.bell.ring()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(time.Minute):
		t.Fatal("the bell rang and the look slept on")
	}
	select {
	case <-l.ring:
		t.Fatal("armed with a bell that rang already")
	default:
	}
	// Cancelled while waiting: the context's error.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := l.next(ctx); err == nil {
		t.Error("a cancelled wait returned nil")
	}
}

// TestListenerRings: a worker's listener rings its bell at a notification
// on store.FusedChannel (what fusion rounds, staging and done send).
func TestListenerRings(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	q, err := Open(ctx, newPG(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	w := &Worker{q: q, bell: newBell(), cfg: WorkerConfig{Logger: slog.New(slog.DiscardHandler)}}
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		w.listen(ctx)
	}()
	for deadline := time.Now().Add(time.Minute); !w.bell.live.Load(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the listener never listened")
		}
	}
	rung := w.bell.wait()
	if _, err := q.pool.Exec(ctx, `SELECT pg_notify($1, '')`, store.FusedChannel); err != nil {
		t.Fatal(err)
	}
	select {
	case <-rung:
	case <-time.After(time.Minute):
		t.Fatal("a notification did not ring the bell")
	}
	cancel()
	<-stopped
	if w.bell.live.Load() {
		t.Error("a stopped listener still counts as live")
	}
}
