// Package servetest prepares stores for the tests of the API and the web
// pages: a fresh SQLite file and a fresh PostgreSQL database (Backends),
// filled with articles through the real pipeline (Fill).
package servetest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"entente/internal/kb"
	"entente/internal/pgtest"
	"entente/internal/pipeline"
	"entente/internal/store"
)

// Doc is a named article text.
type Doc struct{ Name, Text string }

var (
	pipeOnce sync.Once
	pipe     *pipeline.Pipeline
	kbase    *kb.KB
	pipeErr  error
)

func load(t testing.TB) {
	t.Helper()
	pipeOnce.Do(func() {
		pipe, pipeErr = pipeline.New(pipeline.Config{Workers: 1, Explain: true})
		if pipeErr == nil {
			kbase, pipeErr = kb.Load()
		}
	})
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
}

// KB returns the embedded knowledge base.
func KB(t testing.TB) *kb.KB {
	load(t)
	return kbase
}

// Fill ingests articles into a store, in order, with explanations (as
// ingest --explain does), so that triggers can be highlighted.
func Fill(t testing.TB, st *store.Store, docs ...Doc) {
	t.Helper()
	load(t)
	for _, d := range docs {
		if _, err := st.Ingest(context.Background(), pipe.Process(pipe.ParseText(d.Name, d.Text))); err != nil {
			t.Fatal(err)
		}
	}
}

var pg struct {
	once sync.Once
	base string
	stop func()
	err  error
	seq  int
	mu   sync.Mutex
}

// Stop stops the PostgreSQL server if one was started; call it from
// TestMain after the tests.
func Stop() {
	if pg.stop != nil {
		pg.stop()
	}
}

// Open opens a fresh store of a backend ("sqlite" or "postgres"); without
// a PostgreSQL server the test is skipped, except in CI, where it fails.
func Open(t testing.TB, backend string) *store.Store {
	t.Helper()
	dsn := filepath.Join(t.TempDir(), "t.db")
	if backend == "postgres" {
		pg.once.Do(func() { pg.base, pg.stop, pg.err = pgtest.Start() })
		if pg.err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("PostgreSQL: %v", pg.err)
			}
			t.Skipf("PostgreSQL tests skipped: %v", pg.err)
		}
		pg.mu.Lock()
		pg.seq++
		n := pg.seq
		pg.mu.Unlock()
		var err error
		if dsn, err = pgtest.CreateDB(pg.base, fmt.Sprintf("entente_serve_%d_%d", os.Getpid(), n)); err != nil {
			t.Fatal(err)
		}
	}
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// Backends runs a test on a fresh SQLite file and a fresh PostgreSQL
// database.
func Backends(t *testing.T, test func(t *testing.T, st *store.Store)) {
	for _, b := range []string{"sqlite", "postgres"} {
		t.Run(b, func(t *testing.T) { test(t, Open(t, b)) })
	}
}
