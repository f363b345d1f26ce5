// Package seedstest builds, for tests, a SQLite database of the seed
// articles in ../shared/seeds: the pipeline reads each seed and the store
// ingests it, as `entente ingest` would. In: the repository's test working
// directory. Out: an open store and its events, or a skip when the seeds
// are absent.
package seedstest

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"entente/internal/model"
	"entente/internal/pipeline"
	"entente/internal/store"
)

// Dir returns the seeds folder (../shared/seeds from the repository root),
// or "" when it is absent.
func Dir() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return ""
	}
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "seeds")
	if names, _ := filepath.Glob(filepath.Join(dir, "*.txt")); len(names) == 0 {
		return ""
	}
	return dir
}

var (
	once sync.Once
	pipe *pipeline.Pipeline
	perr error
)

// Open ingests the seeds into a fresh SQLite file in a temporary folder and
// returns the open store; it skips the test when ../shared/seeds is absent.
func Open(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), DB(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// Events returns every event of the seeds database (sources filled) and its
// documents; it skips the test when ../shared/seeds is absent.
func Events(t testing.TB) ([]model.Event, []store.Doc) {
	t.Helper()
	st := Open(t)
	ctx := context.Background()
	evs, err := st.Events(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	docs, err := st.Docs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return evs, docs
}

// DB ingests the seeds into a fresh SQLite file in a temporary folder and
// returns its path, closed; it skips the test when ../shared/seeds is absent.
func DB(t testing.TB) string {
	t.Helper()
	dir := Dir()
	if dir == "" {
		t.Skip("../shared/seeds is absent: seed tests skipped")
	}
	once.Do(func() { pipe, perr = pipeline.New(pipeline.Config{Workers: 1}) })
	if perr != nil {
		t.Fatal(perr)
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "seeds.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.Ingest(ctx, pipe.Process(pipe.ParseText(filepath.Base(n), string(b)))); err != nil {
			t.Fatal(err)
		}
	}
	return path
}
