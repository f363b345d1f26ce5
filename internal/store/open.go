package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// OpenExisting opens a database that must exist already: a query never
// creates one. A SQLite path that names no file is refused with a message
// that says to ingest first; a PostgreSQL database is opened as by Open.
func OpenExisting(ctx context.Context, dsn string) (*Store, error) {
	if dsn == "" {
		dsn = DefaultPath
	}
	if !isPostgres(dsn) {
		if _, err := os.Stat(dsn); err != nil {
			shown := dsn
			if !filepath.IsAbs(shown) && !strings.HasPrefix(shown, ".") {
				shown = "./" + shown
			}
			return nil, fmt.Errorf("%w at %s — run `entente ingest` first", ErrNoDatabase, shown)
		}
	}
	return Open(ctx, dsn)
}

// ErrNoDatabase is returned by OpenExisting for a database that does not exist.
var ErrNoDatabase = errors.New("store: no database")

func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}
