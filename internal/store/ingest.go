package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"entente/internal/fuse"
	"entente/internal/model"
	"entente/internal/pipeline"
)

// DocState says what an ingest did with a document.
type DocState int

// Document outcomes.
const (
	DocNew       DocState = iota // not seen before
	DocUnchanged                 // the same text was stored already
	DocUpdated                   // a new text under a known URL or path
)

// Outcome is what ingesting one document did.
type Outcome struct {
	Doc          DocState
	EventsNew    int // events the document founded
	EventsMerged int // reports that joined a stored event
}

// Ingest stores one document's result in one transaction and fuses its
// events into the stored ones. A document whose text is stored already is
// left alone (DocUnchanged).
func (s *Store) Ingest(ctx context.Context, r *pipeline.Result) (Outcome, error) {
	outs, errs := s.IngestBatch(ctx, []*pipeline.Result{r})
	return outs[0], errs[0]
}

// IngestBatch stores several documents, in order, in one transaction: each
// document is still stored whole or not at all, and a commit per batch
// rather than per document is what makes ingest fast. When a document
// fails, the batch is stored again one document at a time, so the others
// are kept; errs[i] is the error of rs[i].
func (s *Store) IngestBatch(ctx context.Context, rs []*pipeline.Result) (outs []Outcome, errs []error) {
	outs, errs = make([]Outcome, len(rs)), make([]error, len(rs))
	what := fmt.Sprintf("a batch of %d documents", len(rs))
	if len(rs) == 1 {
		what = rs[0].Doc.ID
	}
	err := s.write(ctx, what, lockKeys(rs), func(w *wtx) error {
		for i, r := range rs {
			var err error
			if outs[i], err = s.ingest(ctx, w, r); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil || len(rs) == 1 {
		errs[0] = err
		if err != nil {
			outs[0] = Outcome{}
		}
		return outs, errs
	}
	for i, r := range rs {
		outs[i], errs[i] = s.Ingest(ctx, r)
	}
	return outs, errs
}

// wtx is a write transaction and what ingest keeps across its documents.
// While it runs it is the only writer (SQLite has one; PostgreSQL's
// concurrent ingests were never serialised against each other), so what
// it has read of the stored events stays true but for its own writes,
// which go through it.
type wtx struct {
	*sql.Tx
	pool    *pool                // fusion's view of the stored events
	ftsFrom int64                // SQLite: event_sources rows above this id are not yet in source_fts
	actors  map[string][2]string // actors (name, code) by knowledge-base id, for noteActors
	locked  time.Duration        // how long taking its advisory locks took
	rows    [4][][]any           // rows of batchTables (tSentences, …) not yet written (flushRows)
}

// The tables of batchTables, as indexes into it and wtx.rows.
const (
	tSentences = iota
	tMentions
	tReports
	tSources
)

// addRows keeps rows of table t (tSentences, …) for flushRows.
func (w *wtx) addRows(t int, rows [][]any) {
	w.rows[t] = append(w.rows[t], rows...)
}

// flushRows writes the rows the transaction's documents added to the
// tables of batchTables (their sentences, mentions, reports and sources),
// a few statements per table (insertRows), in the order they were added:
// once when the transaction's work is done, and before anything reads or
// deletes such rows. Written per document, they took a statement per
// table and document (on PostgreSQL, four of the 30 an article cost).
func (s *Store) flushRows(ctx context.Context, w *wtx) error {
	for t := range w.rows {
		if err := s.insertRows(ctx, w, batchTables[t].into, w.rows[t]); err != nil {
			return err
		}
		w.rows[t] = nil
	}
	return nil
}

// write runs fn in a transaction that holds the advisory locks keys (see
// lock.go) and commits it when fn succeeds; what names the transaction's
// documents in its own errors. A transaction that another one made fail
// (a deadlock) runs again.
func (s *Store) write(ctx context.Context, what string, keys []int64, fn func(*wtx) error) error {
	for try := 1; ; try++ {
		err := s.writeOnce(ctx, what, keys, fn)
		if err == nil || try == 5 || !retryable(err) {
			return err
		}
	}
}

func (s *Store) writeOnce(ctx context.Context, what string, keys []int64, fn func(*wtx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: %s: %w", what, err)
	}
	defer tx.Rollback()
	w := &wtx{Tx: tx, actors: map[string][2]string{}}
	w.pool = &pool{s: s, ctx: ctx, w: w, read: map[string]*stored{}}
	t0 := time.Now()
	if err := s.begin(ctx, w, keys); err != nil {
		return fmt.Errorf("store: %s: locks: %w", what, err)
	}
	w.locked = time.Since(t0)
	if !s.pg {
		if err := s.queryRow(ctx, w, qMaxSource).Scan(&w.ftsFrom); err != nil {
			return fmt.Errorf("store: %s: %w", what, err)
		}
	}
	if err := fn(w); err != nil {
		return err
	}
	if err := s.flushRows(ctx, w); err != nil {
		return fmt.Errorf("store: %s: %w", what, err)
	}
	if err := s.syncFTS(ctx, w); err != nil {
		return fmt.Errorf("store: %s: full-text index: %w", what, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: %s: %w", what, err)
	}
	s.noteActors(ctx, w.actors)
	return nil
}

// knownActor tells whether the actors table holds id already (as far as
// this process knows).
func (s *Store) knownActor(id string) bool {
	s.actorsMu.Lock()
	defer s.actorsMu.Unlock()
	return s.actorsKnown[id]
}

// noteActors adds the actors a committed transaction wrote events of to
// the actors table, which query.go looks names up in. It runs after the
// commit, one statement at a time: inside the transaction, two concurrent
// ingests (PostgreSQL) adding the same new actor would wait for each other
// while holding the locks of their blocks. The table is an index of names:
// a row that fails here is added by the next ingest that names the actor.
func (s *Store) noteActors(ctx context.Context, actors map[string][2]string) {
	for id, nc := range actors {
		if _, err := s.db.ExecContext(ctx, s.q(qKnownActor), id, nc[0], nc[1]); err == nil {
			s.actorsMu.Lock()
			s.actorsKnown[id] = true
			s.actorsMu.Unlock()
		}
	}
}

// syncFTS indexes the sources written since the last call (SQLite). One
// INSERT … SELECT per transaction, not a trigger per row: FTS5 writes its
// pending index out at the end of every statement that touches it.
func (s *Store) syncFTS(ctx context.Context, w *wtx) error {
	if s.pg {
		return nil
	}
	var hi int64
	if err := s.queryRow(ctx, w, qMaxSource).Scan(&hi); err != nil {
		return err
	}
	if hi == w.ftsFrom {
		return nil
	}
	if _, err := s.exec(ctx, w, qIndexSources, w.ftsFrom, hi); err != nil {
		return err
	}
	w.ftsFrom = hi
	return nil
}

// ingest stores one document in w.
func (s *Store) ingest(ctx context.Context, w *wtx, r *pipeline.Result) (Outcome, error) {
	doc := r.Doc
	hash := Hash(doc.Text)
	ident := docIdent(r, hash)
	var out Outcome
	var n int
	if err := s.queryRow(ctx, w, qDocByHash, hash).Scan(&n); err != nil {
		return out, fmt.Errorf("store: %s: %w", doc.ID, err)
	}
	if n > 0 {
		out.Doc = DocUnchanged
		return out, nil
	}
	var old int64
	switch err := s.queryRow(ctx, w, qDocByIdent, ident).Scan(&old); {
	case err == nil:
		out.Doc = DocUpdated
		if err := s.removeDoc(ctx, w, old); err != nil {
			return out, fmt.Errorf("store: %s: replacing the old version: %w", doc.ID, err)
		}
	case !errors.Is(err, sql.ErrNoRows):
		return out, fmt.Errorf("store: %s: %w", doc.ID, err)
	}
	id, err := s.insertDoc(ctx, w, r, ident, hash)
	if err != nil {
		return out, fmt.Errorf("store: %s: %w", doc.ID, err)
	}
	if err := s.fuseDoc(ctx, w, id, hash, doc.Published, r.Events, &out); err != nil {
		return out, fmt.Errorf("store: %s: %w", doc.ID, err)
	}
	return out, nil
}

// fuseDoc fuses reports of the stored document docID (content hash hash,
// published pub), in order, into the stored events, writes them with their reports and
// sources, and counts them in out. It is given all of the document's
// reports (ingest) or all of those in some blocks (FuseStaged): fusion
// never crosses blocks, so both give the same events. Reports of a status
// a store does not hold are left out (storable).
func (s *Store) fuseDoc(ctx context.Context, w *wtx, docID int64, hash string, pub model.Point, evs []model.Event, out *Outcome) error {
	evs = storable(evs)
	joined, err := fuse.Document(w.pool, hash, pub, evs)
	if err != nil {
		return err
	}
	cited := map[string]bool{} // event id and offset: a sentence cited once per event and document
	for i, j := range joined {
		if j.Merged {
			out.EventsMerged++
		} else {
			out.EventsNew++
		}
		// The report is stored without its sources: they are the
		// event_sources rows of its document and event, and an event's
		// body leaves them out.
		bare := evs[i]
		bare.Sources = nil
		rep, err := json.Marshal(&bare)
		if err != nil {
			return err
		}
		no := w.pool.read[j.ID].no
		w.addRows(tReports, [][]any{{j.ID, no, docID, string(rep)}})
		for _, src := range evs[i].Sources {
			if k := j.ID + "#" + strconv.Itoa(src.Start); !cited[k] {
				cited[k] = true
				w.addRows(tSources, [][]any{{j.ID, no, docID, src.Doc, src.Lang, src.Start, src.End, src.Sentence, src.Attribution}})
			}
		}
	}
	return nil
}

// Ident is a document's identity (docIdent): its URL, else its path,
// else the hash of its text.
func Ident(d *model.Document) string {
	return docIdent(&pipeline.Result{Doc: d}, Hash(d.Text))
}

// storable returns the reports of evs whose status a store holds (Statuses):
// a pipeline that keeps hypothetical or background reports keeps them for
// extract.
func storable(evs []model.Event) []model.Event {
	for i := range evs {
		if !slices.Contains(Statuses, evs[i].Status) {
			out := slices.Clone(evs[:i])
			for _, e := range evs[i+1:] {
				if slices.Contains(Statuses, e.Status) {
					out = append(out, e)
				}
			}
			return out
		}
	}
	return evs
}

// docIdent is a document's identity: its URL when its metadata gives one,
// else its path; a text from standard input is known by its hash alone.
func docIdent(r *pipeline.Result, hash string) string {
	ident := r.Doc.Meta["url"]
	if ident == "" {
		ident = r.Doc.Path
	}
	if ident == "" || ident == "-" {
		ident = "sha256:" + hash
	}
	return ident
}

// insertDoc stores a document with its sentences and mentions and returns
// its id.
func (s *Store) insertDoc(ctx context.Context, w *wtx, r *pipeline.Result, ident, hash string) (int64, error) {
	doc := r.Doc
	var id int64
	pub := ""
	if !doc.Published.IsZero() {
		pub = doc.Published.String()
	}
	err := s.queryRow(ctx, w, qInsertDoc, doc.ID, ident, hash, doc.Meta["url"], doc.Meta["title"], doc.Lang, pub, doc.Text, time.Now().UTC().Format(time.RFC3339)).Scan(&id)
	if err != nil {
		return 0, err
	}
	return id, s.insertText(ctx, w, id, r)
}

// insertText stores a document's sentences and mentions (when the
// transaction flushes its rows).
func (s *Store) insertText(ctx context.Context, tx *wtx, id int64, r *pipeline.Result) error {
	sents := make([][]any, 0, len(r.Sentences))
	var ments [][]any
	for i, st := range r.Sentences {
		sents = append(sents, []any{id, i, st.Start, st.End, st.Lang})
		for _, m := range r.Mentions[i] {
			ments = append(ments, []any{id, len(ments), i, m.Start, m.End, m.Text, m.ID, m.Name, m.Code, string(m.Kind)})
		}
	}
	tx.addRows(tSentences, sents)
	tx.addRows(tMentions, ments)
	return nil
}

// insertRows inserts rows many at a time. SQLite: in statements of 64,
// 32, …, 1 rows: one statement per many rows costs far less than one per
// row, and the few shapes are prepared once. PostgreSQL: all in one
// statement (insertUnnest).
func (s *Store) insertRows(ctx context.Context, tx *wtx, into string, rows [][]any) error {
	if s.pg && len(rows) > 0 {
		return s.insertUnnest(ctx, tx, into, rows)
	}
	for lo := 0; lo < len(rows); {
		n := maxBatch
		for n > len(rows)-lo {
			n /= 2
		}
		query := insertSQL(into, n, len(rows[lo]))
		args := make([]any, 0, n*len(rows[lo]))
		for _, row := range rows[lo : lo+n] {
			args = append(args, row...)
		}
		if _, err := s.exec(ctx, tx, query, args...); err != nil {
			return err
		}
		lo += n
	}
	return nil
}

// insertUnnest inserts rows into a table of batchTables in one
// statement, one array per column (INSERT … SELECT FROM unnest), in their
// order: one round trip per table and document, where INSERTs of 64, 32, …
// rows took three on average (a document's reports, sources, sentences
// and mentions took 16 statements of the 68 an article cost), and one
// statement text per table, so pgx prepares each once.
func (s *Store) insertUnnest(ctx context.Context, tx *wtx, into string, rows [][]any) error {
	var types []string
	for _, t := range batchTables {
		if t.into == into {
			types = t.pgTypes
		}
	}
	if len(types) != len(rows[0]) {
		return fmt.Errorf("insert into %s: no column types for %d columns", into, len(rows[0]))
	}
	var b strings.Builder
	args := make([]any, len(types))
	b.WriteString("INSERT INTO " + into + " SELECT * FROM unnest(")
	for j, typ := range types {
		if j > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "$%d::%s[]", j+1, typ)
		switch typ {
		case "text":
			col := make([]string, len(rows))
			for i, row := range rows {
				v, ok := row[j].(string)
				if !ok {
					return fmt.Errorf("insert into %s: column %d is %T, not a string", into, j+1, row[j])
				}
				col[i] = v
			}
			args[j] = col
		default:
			col := make([]int64, len(rows))
			for i, row := range rows {
				switch v := row[j].(type) {
				case int:
					col[i] = int64(v)
				case int64:
					col[i] = v
				default:
					return fmt.Errorf("insert into %s: column %d is %T, not an integer", into, j+1, v)
				}
			}
			args[j] = col
		}
	}
	b.WriteString(")")
	_, err := tx.ExecContext(ctx, b.String(), args...)
	return err
}

// maxBatch is the most rows one INSERT writes (a power of two).
const maxBatch = 64

// insertSQL returns the INSERT of n rows of cols values each.
func insertSQL(into string, n, cols int) string {
	var b strings.Builder
	b.WriteString("INSERT INTO ")
	b.WriteString(into)
	b.WriteString(" VALUES ")
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('(')
		for j := 0; j < cols; j++ {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteByte('?')
		}
		b.WriteByte(')')
	}
	return b.String()
}

// batchTables are the tables written with insertRows and their column
// counts, in the order of tSentences, tMentions, tReports and tSources.
// Event sources are the sentences reports cite, for search and display;
// both databases index them for full-text search (SQLite: the FTS5 table
// source_fts, synced per transaction by syncFTS; PostgreSQL: a generated
// tsvector column).
var batchTables = []struct {
	into    string
	cols    int
	pgTypes []string // PostgreSQL's types of the columns (insertUnnest)
}{
	{"sentences (doc_id, idx, start_off, end_off, lang)", 5, []string{"bigint", "int", "int", "int", "text"}},
	{"mentions (doc_id, idx, sent_idx, start_off, end_off, text, entity_id, name, code, kind)", 10, []string{"bigint", "int", "int", "int", "int", "text", "text", "text", "text", "text"}},
	{"reports (event_id, event_no, doc_id, body)", 4, []string{"text", "bigint", "bigint", "text"}},
	{"event_sources (event_id, event_no, doc_id, doc, lang, start_off, end_off, sentence, attribution)", 9, []string{"text", "bigint", "bigint", "text", "text", "int", "int", "text", "text"}},
}

// The statements ingest runs for every document.
const (
	qDocByHash  = `SELECT count(*) FROM documents WHERE hash = ?`
	qDocByIdent = `SELECT id FROM documents WHERE ident = ?`
	qInsertDoc  = `INSERT INTO documents (name, ident, hash, url, title, lang, published, text, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`
	// qPutEvent writes an event; its seen mark only grows.
	qPutEvent = `INSERT INTO events (id, block, type, mode, status, date_start, date_end, day_first, day_last, cls, location, confidence, body, net, seen, sents)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET block = excluded.block, type = excluded.type, mode = excluded.mode, net = excluded.net,
			status = excluded.status, date_start = excluded.date_start, date_end = excluded.date_end,
			day_first = excluded.day_first, day_last = excluded.day_last, cls = excluded.cls,
			location = excluded.location, confidence = excluded.confidence, body = excluded.body,
			seen = CASE WHEN excluded.seen > events.seen THEN excluded.seen ELSE events.seen END, sents = excluded.sents
		RETURNING no`
	// qPutBody writes the columns of an event's row that no index holds.
	qPutBody = `UPDATE events SET status = ?, date_end = ?, location = ?, confidence = ?, body = ?,
			seen = CASE WHEN ? > seen THEN ? ELSE seen END, sents = ? WHERE no = ?`
	qDeleteActors = `DELETE FROM event_actors WHERE event_no = ?`
	qMaxSource    = `SELECT coalesce(max(id), 0) FROM event_sources`
	qIndexSources = `INSERT INTO source_fts (rowid, sentence) SELECT id, sentence FROM event_sources WHERE id > ? AND id <= ?`
	qInsertActor  = `INSERT INTO event_actors (event_id, event_no, code, name, kind, role, entity_id) VALUES (?, ?, ?, ?, ?, ?, ?)`
	qDelDyads     = `DELETE FROM event_dyads WHERE event_no = ?`
	qInsertDyad   = `INSERT INTO event_dyads (code_a, code_b, undated, day, event_id, event_no) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`
	qKnownActor   = `INSERT INTO actors (entity_id, name, code) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`
)

// prepare prepares SQLite's per-document statements and batch INSERTs once,
// before any transaction holds its one connection: parsing them for every
// document cost more than running them. (pgx caches prepared statements by
// their text itself.)
func (s *Store) prepare(ctx context.Context) error {
	if s.pg {
		return nil
	}
	s.stmts = map[string]*sql.Stmt{}
	qs := []string{qDocByHash, qDocByIdent, qInsertDoc, qPutBody, qCandDated, qCandNoYear, qCandPerson, qEventBody, qDelPersons, qInsertPerson, qDelDyads, qInsertDyad, qPutEvent, qDeleteActors, qInsertActor, qMaxSource, qIndexSources, qSetSeen, qMark, qSetMark, qPersonsSeen}
	for _, t := range batchTables {
		for n := maxBatch; n >= 1; n /= 2 {
			qs = append(qs, insertSQL(t.into, n, t.cols))
		}
	}
	for _, q := range qs {
		st, err := s.db.PrepareContext(ctx, q)
		if err != nil {
			return fmt.Errorf("store: prepare: %w", err)
		}
		s.stmts[q] = st
	}
	return nil
}

// exec runs a statement in tx, prepared when prepare prepared it.
func (s *Store) exec(ctx context.Context, tx *wtx, query string, args ...any) (sql.Result, error) {
	if st := s.stmts[query]; st != nil {
		return tx.StmtContext(ctx, st).ExecContext(ctx, args...)
	}
	return tx.ExecContext(ctx, s.q(query), args...)
}

// query runs a query in tx, prepared when prepare prepared it.
func (s *Store) query(ctx context.Context, tx *wtx, query string, args ...any) (*sql.Rows, error) {
	if st := s.stmts[query]; st != nil {
		return tx.StmtContext(ctx, st).QueryContext(ctx, args...)
	}
	return tx.QueryContext(ctx, s.q(query), args...)
}

// queryRow runs a one-row query in tx, prepared when prepare prepared it.
func (s *Store) queryRow(ctx context.Context, tx *wtx, query string, args ...any) *sql.Row {
	if st := s.stmts[query]; st != nil {
		return tx.StmtContext(ctx, st).QueryRowContext(ctx, args...)
	}
	return tx.QueryRowContext(ctx, s.q(query), args...)
}

// putEvent writes an event's row, unless its body is old's already, and,
// when they changed, its actors and its entries in event_persons. The row's
// body leaves the sources out: they grow with every report and live in
// event_sources. old is the event as stored (its body, number, seen mark
// and indexed columns; zero for a new event). It returns the body and the
// event's number (events.no): old's when it wrote nothing, else as the row
// has it.
func (s *Store) putEvent(ctx context.Context, tx *wtx, key string, e *model.Event, old *stored, keys string, ch fuse.Change) (string, int64, error) {
	bare := *e
	bare.Sources = nil
	b, err := json.Marshal(&bare)
	body, no := string(b), old.no
	if err != nil || body == old.body && !ch.Founded {
		return body, no, err
	}
	row := rowOf(e)
	to, loc := "", ""
	if !e.Date.IsZero() {
		to = e.Date.To.String()
	}
	if e.Location != nil {
		loc = e.Location.Name
	}
	if !ch.Founded && old.row.set && old.row == row {
		// Nothing an index holds changed (most reports that change an
		// event): the columns outside them are set, and the indexes,
		// keyed by dates and ids that arrive in random order, are left
		// alone.
		_, err = s.exec(ctx, tx, qPutBody, e.Status, to, loc, e.Confidence, body, ch.Seen, ch.Seen, keys, no)
	} else {
		err = s.queryRow(ctx, tx, qPutEvent, e.ID, key, e.Type, e.Mode, e.Status, row.from, to, row.first, row.last, dateClass(row.first, row.last), loc, e.Confidence, body, row.net, ch.Seen, keys).Scan(&no)
	}
	if err != nil {
		return body, no, err
	}
	from, first := row.from, row.first
	if ch.Actors {
		if !ch.Founded {
			if _, err := s.exec(ctx, tx, qDeleteActors, no); err != nil {
				return body, no, err
			}
		}
		for _, a := range e.Actors {
			if _, err := s.exec(ctx, tx, qInsertActor, e.ID, no, a.Code, a.Name, a.Kind, a.Role, a.ID); err != nil {
				return body, no, err
			}
			if a.ID != "" && !s.knownActor(a.ID) {
				tx.actors[a.ID] = [2]string{a.Name, a.Code}
			}
		}
	}
	if ch.Actors || ch.Date {
		if err := s.putDyads(ctx, tx, e, no, from, ch.Founded); err != nil {
			return body, no, err
		}
		if !ch.Founded {
			if _, err := s.exec(ctx, tx, qDelPersons, no); err != nil {
				return body, no, err
			}
		}
		dated, pub := 0, pubNum(e.Published)
		if first != 0 {
			dated, pub = 1, 0 // no brief (personsSeen)
		}
		list := strings.Join(fuse.PersonList(e), " ")
		for _, p := range fuse.Persons(e) {
			if _, err := s.exec(ctx, tx, qInsertPerson, key, p, dated, pub, list, dated, no); err != nil {
				return body, no, err
			}
		}
		return body, no, nil
	}
	return body, no, s.personsSeen(ctx, tx, e, no, old.seen, ch.Seen, keys)
}

// rowKey is what the indexes of an events row hold of the event besides its
// block and id (which a report that joins it does not change).
type rowKey struct {
	typ, mode, net, from string
	first, last          int
	set                  bool // known: the event was read or written
}

// rowOf returns the indexed columns of e's row.
func rowOf(e *model.Event) rowKey {
	k := rowKey{typ: e.Type, mode: e.Mode, net: NetOf(e), set: true}
	if !e.Date.IsZero() {
		k.from = e.Date.From.String()
	}
	k.first, k.last = e.Date.Bounds()
	return k
}

// personsSeen brings an event's rows of event_persons up to its seen mark
// seen (from oldSeen) and, for an undated event, its publication date and
// sentence keys (Change.Published only comes with a new body, which
// putEvent writes). A dated event's rows carry only the seen mark (a dated
// candidate found by a person is never tested on a brief), so they are
// left alone unless the mark rises: most reports that join an event add a
// sentence key and nothing else, and rewriting its rows cost a random
// page of event_persons each.
func (s *Store) personsSeen(ctx context.Context, tx *wtx, e *model.Event, no int64, oldSeen, seen int, keys string) error {
	if len(fuse.PersonList(e)) == 0 {
		return nil
	}
	pub := pubNum(e.Published)
	if first, _ := e.Date.Bounds(); first != 0 {
		if seen <= oldSeen {
			return nil
		}
		pub, keys = 0, ""
	}
	_, err := s.exec(ctx, tx, qPersonsSeen, seen, seen, pub, keys, no)
	return err
}

// pubNum is a publication date as event_persons.pub holds it.
func pubNum(p model.Point) int { return p.Year*10000 + p.Month*100 + p.Day }

// putDyads writes the event's rows of event_dyads: one per pair of its
// actor codes, with its date_start for ordering.
func (s *Store) putDyads(ctx context.Context, tx *wtx, e *model.Event, no int64, dateStart string, founded bool) error {
	if !founded {
		if _, err := s.exec(ctx, tx, qDelDyads, no); err != nil {
			return err
		}
	}
	codes := e.Codes()
	slices.Sort(codes)
	undated := 0
	if dateStart == "" {
		undated = 1
	}
	for i, a := range codes {
		for _, b := range codes[i+1:] {
			if _, err := s.exec(ctx, tx, qInsertDyad, a, b, undated, dateStart, e.ID, no); err != nil {
				return err
			}
		}
	}
	return nil
}

// removeDoc deletes a document with its text and reports, and rebuilds each
// event it reported from the reports that remain (an event left with none is
// deleted).
func (s *Store) removeDoc(ctx context.Context, tx *wtx, docID int64) error {
	// The sources of documents ingested earlier in this transaction are
	// indexed before any is deleted (the delete trigger takes them out of
	// the index), and rebuilt events make what was read stale.
	if err := s.flushRows(ctx, tx); err != nil {
		return err
	}
	if err := s.syncFTS(ctx, tx); err != nil {
		return err
	}
	clear(tx.pool.read)
	rows, err := tx.QueryContext(ctx, s.q(`SELECT DISTINCT event_id FROM reports WHERE doc_id = ? ORDER BY event_id`), docID)
	if err != nil {
		return err
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := s.lockBlocksOf(ctx, tx, ids); err != nil {
		return err
	}
	stmts := []string{
		`DELETE FROM reports WHERE doc_id = ?`,
		`DELETE FROM event_sources WHERE doc_id = ?`,
		`DELETE FROM mentions WHERE doc_id = ?`,
		`DELETE FROM sentences WHERE doc_id = ?`,
		`DELETE FROM documents WHERE id = ?`,
	}
	for _, stmt := range stmts {
		if _, err := tx.ExecContext(ctx, s.q(stmt), docID); err != nil {
			return err
		}
	}
	if !s.pg {
		// Every row left is indexed; new rows may take the ids just freed.
		if err := s.queryRow(ctx, tx, qMaxSource).Scan(&tx.ftsFrom); err != nil {
			return err
		}
	}
	for _, id := range ids {
		if err := s.rebuild(ctx, tx, id); err != nil {
			return err
		}
	}
	return nil
}

// rebuild recomputes an event from its remaining reports in arrival order
// (its sources are those of the reports already); an event left without
// reports is deleted.
func (s *Store) rebuild(ctx context.Context, tx *wtx, id string) error {
	var no int64
	if err := tx.QueryRowContext(ctx, s.q(`SELECT no FROM events WHERE id = ?`), id).Scan(&no); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, s.q(`SELECT body FROM reports WHERE event_no = ? ORDER BY id`), no)
	if err != nil {
		return err
	}
	var e *model.Event
	for rows.Next() {
		var body string
		var r model.Event
		if err := rows.Scan(&body); err != nil {
			rows.Close()
			return err
		}
		if err := json.Unmarshal([]byte(body), &r); err != nil {
			rows.Close()
			return fmt.Errorf("report of %s: %w", id, err)
		}
		if e == nil {
			e = &r
			e.ID = id
		} else {
			fuse.Absorb(e, &r)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if e == nil {
		for _, stmt := range []string{qDeleteActors, qDelPersons, qDelDyads, `DELETE FROM events WHERE no = ?`} {
			if _, err := tx.ExecContext(ctx, s.q(stmt), no); err != nil {
				return err
			}
		}
		return nil
	}
	keys, err := s.sourceKeys(ctx, tx, no)
	if err != nil {
		return err
	}
	_, _, err = s.putEvent(ctx, tx, fuse.Key(e), e, &stored{no: no}, keys, fuse.Change{Actors: true, Date: true})
	return err
}

// sourceKeys returns the sentence keys of event no's first
// fuse.SentenceSources sources as stored (encodeKeys), for events.sents.
func (s *Store) sourceKeys(ctx context.Context, tx *wtx, no int64) (string, error) {
	keys, err := s.keysOf(ctx, tx.Tx, no, no)
	return keys[no], err
}

// keysOf returns the sentence keys (encodeKeys) of the events numbered
// from to to that have sources: of their first fuse.SentenceSources
// sources in the order they joined (SQLite: by id; PostgreSQL, whose
// sources have no id: by the first report of their document, then
// offset).
func (s *Store) keysOf(ctx context.Context, tx *sql.Tx, from, to int64) (map[int64]string, error) {
	q := `SELECT event_no, sentence FROM event_sources WHERE event_no BETWEEN ? AND ? ORDER BY event_no, id`
	if s.pg {
		q = `SELECT s.event_no, s.sentence FROM event_sources s
			JOIN (SELECT event_no, doc_id, min(id) AS r FROM reports WHERE event_no BETWEEN $1 AND $2 GROUP BY event_no, doc_id) f
				ON f.event_no = s.event_no AND f.doc_id = s.doc_id
			WHERE s.event_no BETWEEN $1 AND $2 ORDER BY s.event_no, f.r, s.start_off`
	}
	rows, err := tx.QueryContext(ctx, q, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	keys := map[int64][]uint64{}
	for rows.Next() {
		var no int64
		var sentence string
		if err := rows.Scan(&no, &sentence); err != nil {
			return nil, err
		}
		if len(keys[no]) < fuse.SentenceSources {
			keys[no] = append(keys[no], fuse.SentenceKey(sentence))
		}
	}
	out := make(map[int64]string, len(keys))
	for no, k := range keys {
		out[no] = encodeKeys(k)
	}
	return out, rows.Err()
}

// fillKeys computes the sentence keys of the events stored before
// migration 00014 (fuse_mark.keyed 0), a chunk of events at a time, in one
// transaction: SQL cannot hash as fuse.SentenceKey does.
func (s *Store) fillKeys(ctx context.Context) error {
	var keyed int
	if err := s.db.QueryRowContext(ctx, `SELECT keyed FROM fuse_mark WHERE id = 1`).Scan(&keyed); err != nil || keyed != 0 {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var hi int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(no), 0) FROM events`).Scan(&hi); err != nil {
		return err
	}
	const chunk = 4096
	for lo := int64(1); lo <= hi; lo += chunk {
		keys, err := s.keysOf(ctx, tx, lo, lo+chunk-1)
		if err != nil {
			return err
		}
		for no, k := range keys {
			for _, q := range []string{`UPDATE events SET sents = ? WHERE no = ?`, `UPDATE event_persons SET sents = ? WHERE event_no = ? AND dated = 0`} {
				if _, err := tx.ExecContext(ctx, s.q(q), k, no); err != nil {
					return err
				}
			}
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE fuse_mark SET keyed = 1 WHERE id = 1`); err != nil {
		return err
	}
	return tx.Commit()
}
