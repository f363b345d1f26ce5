package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"entente/internal/store"
)

func TestServeRefuses(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "none.db")
	if code, _, errs := run(t, "", "serve", "--db", missing); code == 0 || !strings.Contains(errs, "no database at "+missing) {
		t.Errorf("serve without a database: exit %d, %q", code, errs)
	}
	db := filepath.Join(dir, "t.db")
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	t.Setenv("ENTENTE_TOKEN", "short")
	if code, _, errs := run(t, "", "serve", "--db", db, "--allow-ingest"); code != 2 || !strings.Contains(errs, "ENTENTE_TOKEN") {
		t.Errorf("--allow-ingest with a short token: exit %d, %q; want 2 and the token's rule", code, errs)
	}
	if code, _, errs := run(t, "", "serve", "--db", db, "--addr", "256.0.0.1:99999"); code != 2 || !strings.Contains(errs, "--addr") {
		t.Errorf("a bad --addr: exit %d, %q; want 2", code, errs)
	}
}
