package store

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// dump writes a store's whole state (Store.Dump).
func dump(t *testing.T, st *Store) string {
	t.Helper()
	d, err := st.Dump(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// buildEntente builds the command once per test binary.
func buildEntente(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "entente")
	cmd := exec.Command("go", "build", "-o", bin, "entente/cmd/entente")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestKill9 kills an ingest with SIGKILL in the middle of a batch, runs the
// same command again, and checks that the database ends exactly as after an
// uninterrupted run.
func TestKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("builds entente and ingests a corpus twice")
	}
	bin := buildEntente(t)
	dir := t.TempDir()
	const n = 240
	for _, d := range generated(n) {
		if err := os.WriteFile(filepath.Join(dir, d.name), []byte(d.text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ingestCmd := func(dsn string) *exec.Cmd {
		return exec.Command(bin, "ingest", "--workers", "1", "--db", dsn, dir)
	}
	backends(t, func(t *testing.T, dsn string) {
		ref := dsn + "_ref"
		if strings.HasPrefix(dsn, "postgres") {
			ref = newPG(t)
		}
		if out, err := ingestCmd(ref).CombinedOutput(); err != nil {
			t.Fatalf("reference ingest: %v\n%s", err, out)
		}
		st := open(t, dsn) // creates the schema, so the poll below can count
		cmd := ingestCmd(dsn)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(60 * time.Second)
		killedAt := -1
		for time.Now().Before(deadline) {
			var docs int
			if err := st.db.QueryRowContext(context.Background(), `SELECT count(*) FROM documents`).Scan(&docs); err == nil && docs >= 10 {
				cmd.Process.Kill()
				killedAt = docs
				break
			}
			time.Sleep(2 * time.Millisecond)
		}
		cmd.Wait()
		if killedAt < 0 {
			t.Fatal("the ingest stored no 10 documents within a minute")
		}
		c := counts(t, st)
		if c.Documents >= n {
			t.Skipf("the ingest finished before it could be killed (%d documents)", c.Documents)
		}
		t.Logf("killed with %d documents stored", c.Documents)
		if out, err := ingestCmd(dsn).CombinedOutput(); err != nil {
			t.Fatalf("ingest after the kill: %v\n%s", err, out)
		}
		want := dump(t, open(t, ref))
		if got := dump(t, st); got != want {
			t.Errorf("state after kill and rerun differs from an uninterrupted run:\n%s", firstDiff(got, want))
		}
	})
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n got  %.300s\n want %.300s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(al), len(bl))
}
