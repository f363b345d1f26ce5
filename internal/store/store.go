// Package store persists what entente reads: documents, their sentences and
// mentions, and the events fused from every document's reports.
//
// In: one pipeline.Result per document (Ingest), in the order documents
// arrive. Out: queries over documents and fused events (Events, Event,
// Docs), in the event contract's shape.
//
// Two backends share one schema (migrations/, applied with goose): SQLite
// (modernc.org/sqlite, pure Go, WAL) for a file path, and PostgreSQL (pgx) for
// a postgres:// URL. Each document is one transaction: a crash leaves every
// document either stored whole or not at all, and ingesting again resumes
// where it stopped.
//
// A document is known by the hash of its text: the same text is never read
// twice. It is also known by its identity (its URL when its metadata gives
// one, else its path): a new text under a known identity replaces the old
// version, whose reports leave their events. An event is the fusion of its
// reports (one document's account each, fuse.Merge's output) in the order
// they arrived, fused by fuse.Document exactly as extract fuses them: the
// store is the fuse.Pool (pool.go) that finds a report's candidates in
// indexes bounded by date and person. An event's id derives from its first
// report (fuse.ID) and never changes. Inside the store an event is also
// known by its number (events.no, in the order events were stored): the
// rows of its reports, sources, actors, dyads and persons point at it by
// number (event_no; migration 00013), so a new event's rows go to the end
// of each index rather than to a random page keyed by its hashed id. A
// report that joins an event writes only what changed: the columns of its
// row outside the indexes when nothing indexed changed, and its
// event_persons rows only when fusion reads what changed there (the seen
// mark; for an undated event also the publication date and keys). A
// stored event keeps no sentences, only their keys (events.sents, and a
// copy in the event_persons rows of an undated event; migration 00014):
// fusion's same-sentence rule compares those.
//
// A store holds events of the Statuses only: a report the text only
// supposes (hypothetical) or only names (background), which extract prints
// on request, is not stored.
package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
	_ "modernc.org/sqlite" // database/sql driver "sqlite"

	"entente/internal/fuse"
	"entente/internal/model"
)

//go:embed migrations
var migrations embed.FS

// Statuses are the statuses of the events a store holds, and so the only
// ones a query may ask for (package query): Ingest stores no hypothetical
// or background report.
var Statuses = []string{model.StatusReported, model.StatusPlanned, model.StatusDenied}

// DefaultPath is the SQLite file used when no --db is given.
const DefaultPath = "entente.db"

// Store is an open database. It is safe for concurrent use, but documents
// should be ingested from one goroutine, in order, for deterministic fusion.
type Store struct {
	db    *sql.DB
	pg    bool
	stmts map[string]*sql.Stmt // prepared batch INSERTs (SQLite), by query

	actorsMu    sync.Mutex
	actorsKnown map[string]bool // knowledge-base ids known to be in actors (noteActors)
}

// Open opens (creating if needed) the database named by dsn: a postgres:// or
// postgresql:// URL, else the path of a SQLite file. It applies every
// migration not yet applied.
func Open(ctx context.Context, dsn string) (*Store, error) {
	if dsn == "" {
		dsn = DefaultPath
	}
	s := &Store{actorsKnown: map[string]bool{}, pg: strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")}
	var err error
	dialect, dir := goose.DialectSQLite3, "migrations/sqlite"
	if s.pg {
		dialect, dir = goose.DialectPostgres, "migrations/postgres"
		s.db, err = sql.Open("pgx", dsn)
	} else {
		path := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(dsn) // a URI: "#" would cut the path
		s.db, err = sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=cache_size(-65536)&_pragma=wal_autocheckpoint(65536)&_pragma=temp_store(MEMORY)&_txlock=immediate")
		// One writer at a time; WAL lets readers in other processes go on.
		// Transactions begin immediately: a second writer waits for the
		// lock (busy_timeout) rather than failing when it would upgrade.
		// The log is copied back into the file every 65,536 pages (256 MiB)
		// rather than SQLite's 1,000: a page that many transactions change,
		// an event's row, an index leaf or the full-text index's, is copied
		// back once for many changes. In a large store each batch changes
		// pages all over the file (random publication dates, reports joining
		// old events), and at 8,192 pages half of each batch's pages were
		// copied back more than once (BENCHMARKS.md, issue 13, fourth round).
		s.db.SetMaxOpenConns(1)
	}
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", redact(dsn), err)
	}
	if err := s.ping(ctx); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("store: open %s: %w", redact(dsn), err)
	}
	sub, err := fs.Sub(migrations, dir)
	if err != nil {
		s.db.Close()
		return nil, fmt.Errorf("store: %w", err)
	}
	if err := s.migrate(ctx, dialect, sub); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("store: migrate %s: %w", redact(dsn), err)
	}
	if err := s.fillKeys(ctx); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("store: sentence keys %s: %w", redact(dsn), err)
	}
	if err := s.prepare(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// migrate applies the migrations not yet applied, under a lock: two
// processes opening a new database at once must not both apply one.
// PostgreSQL: goose's session lock (an advisory lock). SQLite: each
// migration is an immediate transaction, so a second process waits, and
// when it then fails on what the first applied meanwhile, nothing is left
// pending and it goes on.
func (s *Store) migrate(ctx context.Context, dialect goose.Dialect, migs fs.FS) error {
	var opts []goose.ProviderOption
	if s.pg {
		l, err := lock.NewPostgresSessionLocker(lock.WithLockTimeout(1, 600))
		if err != nil {
			return err
		}
		opts = append(opts, goose.WithSessionLocker(l))
	}
	p, err := goose.NewProvider(dialect, s.db, migs, opts...)
	if err != nil {
		return err
	}
	_, err = p.Up(ctx)
	for try := 0; err != nil && !s.pg && try < 3; try++ {
		if pending, perr := p.HasPending(ctx); perr == nil && !pending {
			return nil
		}
		_, err = p.Up(ctx)
	}
	return err
}

// ping connects. A new SQLite file that other processes open at the same
// moment can refuse the switch to WAL mode at once (SQLITE_BUSY without
// waiting for busy_timeout): the connection is tried again for a while.
func (s *Store) ping(ctx context.Context) error {
	for try := 0; ; try++ {
		err := s.db.PingContext(ctx)
		if err == nil || s.pg || try == 100 || !strings.Contains(err.Error(), "SQLITE_BUSY") {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// Close closes the database.
func (s *Store) Close() error {
	for _, st := range s.stmts {
		st.Close()
	}
	return s.db.Close()
}

// Backend names the database kind: "sqlite" or "postgres".
func (s *Store) Backend() string {
	if s.pg {
		return "postgres"
	}
	return "sqlite"
}

// q rewrites a query's ? placeholders as $1, $2, … for PostgreSQL.
func (s *Store) q(query string) string {
	if !s.pg {
		return query
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

// redact hides a password in a database URL for error messages.
func redact(dsn string) string {
	at := strings.LastIndexByte(dsn, '@')
	scheme := strings.Index(dsn, "://")
	if at < 0 || scheme < 0 {
		return dsn
	}
	cred := dsn[scheme+3 : at]
	if c := strings.IndexByte(cred, ':'); c >= 0 {
		return dsn[:scheme+3] + cred[:c] + ":***" + dsn[at:]
	}
	return dsn
}

// Hash returns the content hash that identifies a document's text.
func Hash(text string) string { return fuse.Hash(text) }
