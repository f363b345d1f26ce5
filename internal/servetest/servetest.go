// Package servetest prepares stores for the tests of the API and the web
// pages: a fresh SQLite file and a fresh PostgreSQL database (Backends),
// filled with articles through the real pipeline (Fill).
package servetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"entente/internal/kb"
	"entente/internal/model"
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

// Codes are actor codes for Generate: states and, last, organisations.
var Codes = []string{"RUS", "CHN", "USA", "UKR", "IRN", "IND", "DEU", "FRA", "GBR", "POL", "TUR", "JPN", "KOR", "PRK",
	"BRA", "ZAF", "SAU", "ISR", "EGY", "KAZ", "BLR", "HUN", "ITA", "ESP", "CAN", "AUS", "PAK", "AFG", "SYR", "IRQ",
	"VNM", "IDN", "MNG", "ARM", "AZE", "GEO", "SRB", "NATO", "EU", "SCO"}

var genTypes = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

// Generate stores n events, ten per document, of random types between
// random pairs of the codes (the first ten five times as often), on random
// days of 2020–2025, from one seed. The documents carry no text analysis:
// only what the API reads. A code of three letters is a state's, others
// an organisation's.
func Generate(ctx context.Context, st *store.Store, n int, codes []string) error {
	rng := rand.New(rand.NewPCG(14, 2026))
	code := func() string {
		if rng.IntN(2) == 0 {
			return codes[rng.IntN(10)]
		}
		return codes[rng.IntN(len(codes))]
	}
	var batch []*pipeline.Result
	for d := 0; d*10 < n; d++ {
		name := fmt.Sprintf("gen_%06d.txt", d)
		text := ""
		var evs []model.Event
		for i := 0; i < 10; i++ {
			a, c := code(), code()
			for c == a {
				c = code()
			}
			sentence := fmt.Sprintf("Sentence %d of document %d: %s and %s.", i, d, a, c)
			start := len(text)
			text += sentence + "\n"
			day := model.Point{Year: 2020 + rng.IntN(6), Month: 1 + rng.IntN(12), Day: 1 + rng.IntN(28)}
			kind := func(x string) string {
				if len(x) == 3 {
					return "state"
				}
				return "org"
			}
			evs = append(evs, model.Event{
				Type: genTypes[rng.IntN(len(genTypes))], Status: model.StatusReported,
				Actors: []model.Actor{{Code: a, Name: a, Kind: kind(a), Role: model.RoleSource, ID: "state:" + a},
					{Code: c, Name: c, Kind: kind(c), Role: model.RoleTarget, ID: "state:" + c}},
				Date:       model.PointRange(day),
				Sources:    []model.Source{{Doc: name, Lang: "en", Start: start, End: start + len(sentence), Sentence: sentence}},
				Confidence: 0.5 + rng.Float64()/2,
			})
		}
		doc := &model.Document{ID: name, Path: "bench/" + name, Text: text, Lang: "en", Meta: map[string]string{}}
		batch = append(batch, &pipeline.Result{Doc: doc, Events: evs})
		if len(batch) == 200 {
			if _, errs := st.IngestBatch(ctx, batch); len(errs) > 0 && errs[0] != nil {
				return errs[0]
			}
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		if _, errs := st.IngestBatch(ctx, batch); len(errs) > 0 && errs[0] != nil {
			return errs[0]
		}
	}
	return nil
}

// Ingester returns a function that stores one text in a store through the
// pipeline, as serve --allow-ingest does (api.Ingester).
func Ingester(t testing.TB, st *store.Store) func(ctx context.Context, name, text string) (store.Outcome, error) {
	load(t)
	var mu sync.Mutex
	return func(ctx context.Context, name, text string) (store.Outcome, error) {
		mu.Lock()
		defer mu.Unlock()
		return st.Ingest(ctx, pipe.Process(pipe.ParseText(name, text)))
	}
}
