package store

import (
	"fmt"
	"os"
	"sync"
	"testing"

	"entente/internal/pgtest"
)

// The PostgreSQL server of the tests, started once (pgtest.Start) and
// stopped when they end.
var pg struct {
	once sync.Once
	base string
	stop func()
	err  error
}

var dbSeq int

// newPG creates a fresh database on the test server and returns its URL.
// Without a server the test is skipped, except in CI, where it fails.
func newPG(t testing.TB) string {
	t.Helper()
	pg.once.Do(func() { pg.base, pg.stop, pg.err = pgtest.Start() })
	if pg.err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("PostgreSQL: %v", pg.err)
		}
		t.Skipf("PostgreSQL tests skipped: %v", pg.err)
	}
	dbSeq++
	url, err := pgtest.CreateDB(pg.base, fmt.Sprintf("entente_test_%d_%d", os.Getpid(), dbSeq))
	if err != nil {
		t.Fatal(err)
	}
	return url
}

func TestMain(m *testing.M) {
	code := m.Run()
	if pg.stop != nil {
		pg.stop()
	}
	os.Exit(code)
}
