package store

import (
	"context"
	"database/sql"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pressly/goose/v3"

	"entente/internal/fuse"
	"entente/internal/model"
	"entente/internal/pipeline"
)

// TestMigrateFromFirstSchema opens a database written under the first schema
// (mentions without idx, a full-text table holding its own copy of each
// sentence): the upgrade keeps its rows, numbers its mentions per document,
// and search finds the old sentences and new ones alike.
func TestMigrateFromFirstSchema(t *testing.T) {
	ctx := context.Background()
	path, db := oldSchema(t, 1)
	for _, stmt := range []string{
		`INSERT INTO documents (id, name, ident, hash, text, ingested_at) VALUES (1, 'a.txt', 'a.txt', 'h1', 'x', '')`,
		`INSERT INTO mentions (doc_id, sent_idx, start_off, end_off, text) VALUES (1, 0, 0, 5, 'Tusk'), (1, 0, 9, 14, 'Kyiv')`,
		`INSERT INTO events (id, block, type, status, body) VALUES ('ev_1', 'CONSULT POL UKR', 'CONSULT', 'reported', '{}')`,
		`INSERT INTO event_sources (event_id, doc_id, doc, start_off, end_off, sentence) VALUES ('ev_1', 1, 'a.txt', 0, 20, 'Tusk arrived in Kyiv')`,
		`INSERT INTO source_fts (sentence, event_id, doc_id) VALUES ('Tusk arrived in Kyiv', 'ev_1', 1)`,
	} {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			t.Fatal(stmt, err)
		}
	}
	db.Close()

	st := open(t, path)
	var n, maxIdx int
	if err := st.db.QueryRowContext(ctx, `SELECT count(*), max(idx) FROM mentions WHERE doc_id = 1`).Scan(&n, &maxIdx); err != nil {
		t.Fatal(err)
	}
	if n != 2 || maxIdx != 1 {
		t.Errorf("mentions after the upgrade: %d, last idx %d; want 2, 1", n, maxIdx)
	}
	if evs := eventsOf(t, st, Filter{Text: "Kyiv"}); len(evs) != 1 {
		t.Errorf("search over a sentence stored before the upgrade: %d events, want 1", len(evs))
	}
	ingest(t, st, doc{"tusk.txt", tuskUK})
	if evs := eventsOf(t, st, Filter{Text: "Києва"}); len(evs) != 1 {
		t.Errorf("search over a sentence stored after the upgrade: %d events, want 1", len(evs))
	}
}

// TestFullTextIndexInStep edits a document inside the batch that stored it,
// then again in a later batch: SQLite's full-text index, written once per
// transaction, stays exactly the index of event_sources (FTS5's own
// integrity check), and search finds the latest version only.
func TestFullTextIndexInStep(t *testing.T) {
	ctx := context.Background()
	st := open(t, filepath.Join(t.TempDir(), "fts.db"))
	p := testPipeline(t)
	batch := func(docs ...doc) {
		var rs []*pipeline.Result
		for _, d := range docs {
			rs = append(rs, p.Process(p.ParseText(d.name, d.text)))
		}
		_, errs := st.IngestBatch(ctx, rs)
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		if _, err := st.db.ExecContext(ctx, `INSERT INTO source_fts(source_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
			t.Fatalf("full-text index out of step: %v", err)
		}
	}
	batch(doc{"tusk.txt", tuskUK}, doc{"lavrov_de.txt", lavrovDE}, doc{"tusk.txt", tuskEdit})
	if n := len(eventsOf(t, st, Filter{Text: "Києва"})); n != 0 {
		t.Errorf("text replaced in the same batch: %d events, want 0", n)
	}
	if n := len(eventsOf(t, st, Filter{Text: "Макроном"})); n != 1 {
		t.Errorf("text of the edit: %d events, want 1", n)
	}
	batch(doc{"tusk.txt", tuskUK})
	if n := len(eventsOf(t, st, Filter{Text: "Києва"})); n != 1 {
		t.Errorf("text restored in a later batch: %d events, want 1", n)
	}
	if n := len(eventsOf(t, st, Filter{Text: "Peking"})); n != 1 {
		t.Errorf("text of the untouched document: %d events, want 1", n)
	}
}

// TestMigrateFusionIndex: migration 00003 classes the stored events by
// their days and indexes their named persons, so that reports ingested
// after the upgrade find them (a report of the same meeting joins).
func TestMigrateFusionIndex(t *testing.T) {
	ctx := context.Background()
	path, db := oldSchema(t, 2)
	for _, stmt := range []string{
		`INSERT INTO events (id, block, type, status, day_first, day_last, body) VALUES
			('ev_day', 'CONSULT|RUS', 'CONSULT', 'reported', 20240301, 20240301, '{}'),
			('ev_month', 'CONSULT|RUS', 'CONSULT', 'reported', 20240301, 20240331, '{}'),
			('ev_year', 'CONSULT|RUS', 'CONSULT', 'reported', 20240101, 20241231, '{}'),
			('ev_noyear', 'CONSULT|RUS', 'CONSULT', 'reported', 301, 301, '{}'),
			('ev_none', 'CONSULT|RUS', 'CONSULT', 'reported', 0, 0, '{}')`,
		`INSERT INTO event_actors (event_id, code, name, kind, entity_id) VALUES
			('ev_none', 'RUS', 'Sergei Lavrov', 'person', 'sergei-lavrov'), ('ev_none', 'RUS', 'Russia', 'state', 'state:RUS'),
			('ev_day', 'RUS', 'Sergei Lavrov', 'person', 'sergei-lavrov')`,
	} {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			t.Fatal(stmt, err)
		}
	}
	db.Close()

	st := open(t, path)
	want := map[string]int{"ev_day": clsDay, "ev_month": clsNarrow, "ev_year": clsWide, "ev_noyear": clsNoYear, "ev_none": clsUndated}
	for id, cls := range want {
		var got int
		if err := st.db.QueryRowContext(ctx, `SELECT cls FROM events WHERE id = ?`, id).Scan(&got); err != nil || got != cls {
			t.Errorf("%s: class %d (%v), want %d", id, got, err, cls)
		}
	}
	var rows []string
	r, err := st.db.QueryContext(ctx, `SELECT block || ' ' || person || ' ' || dated || ' ' || event_id FROM event_persons ORDER BY event_id`)
	if err != nil {
		t.Fatal(err)
	}
	for r.Next() {
		var s string
		r.Scan(&s)
		rows = append(rows, s)
	}
	r.Close()
	if got, want := strings.Join(rows, "; "), "CONSULT|RUS sergei-lavrov 1 ev_day; CONSULT|RUS sergei-lavrov 0 ev_none"; got != want {
		t.Errorf("event_persons after the upgrade: %q, want %q", got, want)
	}
}

// oldSchema creates a SQLite database migrated up to version and returns
// its path and handle (the caller closes it).
func oldSchema(t *testing.T, version int64) (string, *sql.DB) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	sub, _ := fs.Sub(migrations, "migrations/sqlite")
	p, err := goose.NewProvider(goose.DialectSQLite3, db, sub)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(context.Background(), version); err != nil {
		t.Fatal(err)
	}
	return path, db
}

// TestMigrateFusionMark: a store filled before the fusion window starts
// with the watermark at its newest publication day (a month counts as its
// first day; undated documents do not count), and its events as seen then.
func TestMigrateFusionMark(t *testing.T) {
	ctx := context.Background()
	path, db := oldSchema(t, 8)
	for _, stmt := range []string{
		`INSERT INTO documents (name, ident, hash, published, text, ingested_at) VALUES
			('a', 'a', 'h1', '2024-07-28', '', ''), ('b', 'b', 'h2', '2025-02', '', ''), ('c', 'c', 'h3', '', '', ''), ('d', 'd', 'h4', '--03-05', '', '')`,
		`INSERT INTO events (id, block, type, status, day_first, day_last, body) VALUES
			('ev_a', 'CONSULT|RUS', 'CONSULT', 'reported', 20240728, 20240728, '{}'), ('ev_b', 'CONSULT|RUS', 'CONSULT', 'reported', 0, 0, '{}')`,
	} {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			t.Fatal(stmt, err)
		}
	}
	db.Close()
	st := open(t, path)
	want := fuse.Day(model.Point{Year: 2025, Month: 2})
	var mark, lo, hi int
	if err := st.db.QueryRowContext(ctx, `SELECT day FROM fuse_mark`).Scan(&mark); err != nil || mark != want {
		t.Errorf("watermark %d (%v), want %d (2025-02-01)", mark, err, want)
	}
	if err := st.db.QueryRowContext(ctx, `SELECT min(seen), max(seen) FROM events`).Scan(&lo, &hi); err != nil || lo != want || hi != want {
		t.Errorf("events seen %d to %d (%v), want %d", lo, hi, err, want)
	}
}

// TestMigrateEventNumbers takes a store written under the schema before
// event numbers (migration 00013, event_no) down to it and up again: every
// row of an event's reports, sources, actors, dyads and persons points at
// its event by number, the store's content is what it was, and ingest,
// queries and a replaced document (events rebuilt and deleted) work on it.
func TestMigrateEventNumbers(t *testing.T) {
	backends(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		st := open(t, dsn)
		ingest(t, st, doc{"lavrov_de.txt", lavrovDE}, doc{"tusk.txt", tuskUK}, doc{"lavrov_ru.txt", lavrovRU})
		before, err := st.Dump(ctx)
		if err != nil {
			t.Fatal(err)
		}
		p, numbers := migrationOf(t, st, "_event_no.sql")
		v, err := p.GetDBVersion(ctx)
		if err != nil || numbers == 0 {
			t.Fatalf("version %d (%v), migration *_event_no.sql %d", v, err, numbers)
		}
		if _, err := p.DownTo(ctx, numbers-1); err != nil {
			t.Fatal(err)
		}
		if err := st.db.QueryRowContext(ctx, `SELECT count(*) FROM reports WHERE event_no > 0`).Scan(new(int)); err == nil {
			t.Fatal("the schema before event numbers has reports.event_no")
		}
		if _, err := p.UpTo(ctx, v); err != nil {
			t.Fatal(err)
		}
		if after, err := st.Dump(ctx); err != nil || after != before {
			t.Errorf("the store changed in the migration (%v):\n%s\nwant\n%s", err, after, before)
		}
		for _, table := range []string{"reports", "event_sources", "event_actors", "event_dyads", "event_persons"} {
			var rows, linked int
			q := `SELECT count(*), count(e.id) FROM ` + table + ` c LEFT JOIN events e ON e.no = c.event_no AND e.id = c.event_id`
			if err := st.db.QueryRowContext(ctx, q).Scan(&rows, &linked); err != nil || rows == 0 || linked != rows {
				t.Errorf("%s: %d rows, %d linked to their event by number (%v)", table, rows, linked, err)
			}
		}
		if !st.pg {
			// The numbers are the order the events were stored in.
			var first string
			if err := st.db.QueryRowContext(ctx, `SELECT id FROM events ORDER BY no LIMIT 1`).Scan(&first); err != nil {
				t.Fatal(err)
			}
			if evs := eventsOf(t, st, Filter{Dyad: "CHN-RUS"}); len(evs) != 1 || evs[0].ID != first {
				t.Errorf("first event by number %s, want the CHN-RUS one: %+v", first, evs)
			}
		}
		ingest(t, st, doc{"tusk.txt", tuskEdit})
		if n := len(eventsOf(t, st, Filter{Dyad: "POL-UKR"})); n != 0 {
			t.Errorf("replaced document: %d POL-UKR events left, want 0", n)
		}
		if evs := eventsOf(t, st, Filter{Dyad: "POL-FRA", Text: "Макроном"}); len(evs) != 1 {
			t.Errorf("%d POL-FRA events of the new version, want 1", len(evs))
		}
		evs := eventsOf(t, st, Filter{Actor: "Lavrov"})
		if len(evs) != 1 || len(docsOf(evs[0])) != 2 {
			t.Fatalf("Lavrov's meeting after the migration: %+v", evs)
		}
		e, err := st.Event(ctx, evs[0].ID)
		if err != nil || len(e.Sources) < 2 {
			t.Errorf("Event(%s): %+v, %v", evs[0].ID, e, err)
		}
	})
}

// TestSentenceKeys: a stored event keeps the keys of its sentences
// (migration 00014), so an undated syndicated copy ingested later joins it
// by the same-sentence rule, a report naming the same person in another
// sentence stays apart, and so it goes in a store whose events were stored
// before the keys (the migration leaves them empty), once Open has computed
// them.
func TestSentenceKeys(t *testing.T) {
	const sentence = "Russian Foreign Minister Sergei Lavrov met the Chinese foreign minister in Beijing to discuss the war."
	original, copied := doc{"original.txt", "Agency copy.\n\n" + sentence}, doc{"copy.txt", "A reprint elsewhere.\n\n" + sentence}
	other := doc{"other.txt", "Another report.\n\nRussian Foreign Minister Sergei Lavrov met the Chinese foreign minister in Beijing to talk about trade."}
	check := func(t *testing.T, st *Store, want ...string) {
		t.Helper()
		var groups []string
		for _, e := range eventsOf(t, st, Filter{}) {
			groups = append(groups, strings.Join(docsOf(e), "+"))
		}
		slices.Sort(groups)
		if !slices.Equal(groups, want) {
			t.Errorf("events cite %q, want %q", groups, want)
		}
	}
	backends(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		st, err := Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		ingest(t, st, original, other)
		ingest(t, st, copied)
		check(t, st, "copy.txt+original.txt", "other.txt")
		personRowsInStep(t, st) // the undated event's rows took the copy's key

		st.Close()

		// A store whose events were stored before the keys: as migration
		// 00014 leaves it.
		dsn2 := filepath.Join(t.TempDir(), "old.db")
		if strings.HasPrefix(dsn, "postgres") {
			dsn2 = newPG(t)
		}
		st2, err := Open(ctx, dsn2)
		if err != nil {
			t.Fatal(err)
		}
		ingest(t, st2, original, other)
		for _, q := range []string{`UPDATE events SET sents = ''`, `UPDATE event_persons SET sents = ''`, `UPDATE fuse_mark SET keyed = 0`} {
			if _, err := st2.db.ExecContext(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		st2.Close()
		st3 := open(t, dsn2)
		var empty int
		if err := st3.db.QueryRowContext(ctx, `SELECT count(*) FROM events WHERE sents = ''`).Scan(&empty); err != nil || empty != 0 {
			t.Errorf("%d events without keys after Open (%v), want 0", empty, err)
		}
		ingest(t, st3, copied)
		check(t, st3, "copy.txt+original.txt", "other.txt")
		personRowsInStep(t, st3)
	})
}

// migrationOf returns a goose provider over the store's own migrations and
// the version of the one whose file name ends in suffix (0 for none).
func migrationOf(t *testing.T, st *Store, suffix string) (*goose.Provider, int64) {
	t.Helper()
	dialect, dir := goose.DialectSQLite3, "migrations/sqlite"
	if st.pg {
		dialect, dir = goose.DialectPostgres, "migrations/postgres"
	}
	sub, _ := fs.Sub(migrations, dir)
	p, err := goose.NewProvider(dialect, st.db, sub)
	if err != nil {
		t.Fatal(err)
	}
	var version int64
	for _, m := range p.ListSources() {
		if strings.HasSuffix(m.Path, suffix) {
			version = m.Version
		}
	}
	return p, version
}
