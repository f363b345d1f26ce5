package store

import (
	"context"
	"crypto/sha1"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"entente/internal/events"
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
	doc := r.Doc
	hash := Hash(doc.Text)
	ident := doc.Meta["url"]
	if ident == "" {
		ident = doc.Path
	}
	if ident == "" || ident == "-" {
		ident = "sha256:" + hash // standard input: known by its text alone
	}
	var out Outcome
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return out, fmt.Errorf("store: %s: %w", doc.ID, err)
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, s.q(`SELECT count(*) FROM documents WHERE hash = ?`), hash).Scan(&n); err != nil {
		return out, fmt.Errorf("store: %s: %w", doc.ID, err)
	}
	if n > 0 {
		out.Doc = DocUnchanged
		return out, nil
	}
	var old int64
	switch err := tx.QueryRowContext(ctx, s.q(`SELECT id FROM documents WHERE ident = ?`), ident).Scan(&old); {
	case err == nil:
		out.Doc = DocUpdated
		if err := s.removeDoc(ctx, tx, old); err != nil {
			return out, fmt.Errorf("store: %s: replacing the old version: %w", doc.ID, err)
		}
	case !errors.Is(err, sql.ErrNoRows):
		return out, fmt.Errorf("store: %s: %w", doc.ID, err)
	}
	var id int64
	pub := ""
	if !doc.Published.IsZero() {
		pub = doc.Published.String()
	}
	err = tx.QueryRowContext(ctx, s.q(`INSERT INTO documents (name, ident, hash, url, title, lang, published, text, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		doc.ID, ident, hash, doc.Meta["url"], doc.Meta["title"], doc.Lang, pub, doc.Text, time.Now().UTC().Format(time.RFC3339)).Scan(&id)
	if err != nil {
		return out, fmt.Errorf("store: %s: %w", doc.ID, err)
	}
	if err := s.insertText(ctx, tx, id, r); err != nil {
		return out, fmt.Errorf("store: %s: %w", doc.ID, err)
	}
	founded := map[string]bool{}
	for i := range r.Events {
		merged, err := s.fuse(ctx, tx, id, hash, &r.Events[i], founded)
		if err != nil {
			return out, fmt.Errorf("store: %s: %w", doc.ID, err)
		}
		if merged {
			out.EventsMerged++
		} else {
			out.EventsNew++
		}
	}
	if err := tx.Commit(); err != nil {
		return out, fmt.Errorf("store: %s: %w", doc.ID, err)
	}
	return out, nil
}

// insertText stores a document's sentences and mentions.
func (s *Store) insertText(ctx context.Context, tx *sql.Tx, id int64, r *pipeline.Result) error {
	sent, err := tx.PrepareContext(ctx, s.q(`INSERT INTO sentences (doc_id, idx, start_off, end_off, lang) VALUES (?, ?, ?, ?, ?)`))
	if err != nil {
		return err
	}
	defer sent.Close()
	ment, err := tx.PrepareContext(ctx, s.q(`INSERT INTO mentions (doc_id, sent_idx, start_off, end_off, text, entity_id, name, code, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`))
	if err != nil {
		return err
	}
	defer ment.Close()
	for i, st := range r.Sentences {
		if _, err := sent.ExecContext(ctx, id, i, st.Start, st.End, st.Lang); err != nil {
			return err
		}
		for _, m := range r.Mentions[i] {
			if _, err := ment.ExecContext(ctx, id, i, m.Start, m.End, m.Text, m.ID, m.Name, m.Code, string(m.Kind)); err != nil {
				return err
			}
		}
	}
	return nil
}

// fuse adds one report of the document to the first compatible stored event
// of its block, or founds an event. founded holds the events this document
// founded: a document's own events were merged already (events.Merge), so
// they are not candidates.
func (s *Store) fuse(ctx context.Context, tx *sql.Tx, docID int64, hash string, e *model.Event, founded map[string]bool) (bool, error) {
	key := events.Key(e)
	rows, err := tx.QueryContext(ctx, s.q(`SELECT id, body FROM events WHERE block = ? ORDER BY id`), key)
	if err != nil {
		return false, err
	}
	var target *model.Event
	for rows.Next() {
		var id, body string
		if err := rows.Scan(&id, &body); err != nil {
			rows.Close()
			return false, err
		}
		if founded[id] {
			continue
		}
		var cand model.Event
		if err := json.Unmarshal([]byte(body), &cand); err != nil {
			rows.Close()
			return false, fmt.Errorf("event %s: %w", id, err)
		}
		if events.Compatible(&cand, e, false) {
			target = &cand
			break
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return false, err
	}
	merged := target != nil
	if merged {
		events.Absorb(target, e)
	} else {
		founded[eventID(key, hash, e)] = true
		cp := *e
		cp.ID = eventID(key, hash, e)
		target = &cp
	}
	if err := s.putEvent(ctx, tx, target); err != nil {
		return false, err
	}
	body, err := json.Marshal(e)
	if err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO reports (event_id, doc_id, body) VALUES (?, ?, ?)`), target.ID, docID, string(body)); err != nil {
		return false, err
	}
	return merged, s.addSources(ctx, tx, target.ID, docID, e.Sources)
}

// eventID derives an event's id from its founding report: its block, the
// document's hash and the first sentence it cites.
func eventID(key, hash string, e *model.Event) string {
	h := sha1.New()
	h.Write([]byte(key))
	h.Write([]byte{0})
	h.Write([]byte(hash))
	if len(e.Sources) > 0 {
		h.Write([]byte{0})
		h.Write([]byte(strconv.Itoa(e.Sources[0].Start)))
	}
	return "ev_" + hex.EncodeToString(h.Sum(nil))[:16]
}

// putEvent writes an event's row and actors (not its sources).
func (s *Store) putEvent(ctx context.Context, tx *sql.Tx, e *model.Event) error {
	body, err := json.Marshal(e)
	if err != nil {
		return err
	}
	from, to, loc := "", "", ""
	if !e.Date.IsZero() {
		from, to = e.Date.From.String(), e.Date.To.String()
	}
	if e.Location != nil {
		loc = e.Location.Name
	}
	_, err = tx.ExecContext(ctx, s.q(`INSERT INTO events (id, block, type, mode, status, date_start, date_end, location, confidence, body)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET block = excluded.block, type = excluded.type, mode = excluded.mode,
			status = excluded.status, date_start = excluded.date_start, date_end = excluded.date_end,
			location = excluded.location, confidence = excluded.confidence, body = excluded.body`),
		e.ID, events.Key(e), e.Type, e.Mode, e.Status, from, to, loc, e.Confidence, string(body))
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM event_actors WHERE event_id = ?`), e.ID); err != nil {
		return err
	}
	for _, a := range e.Actors {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO event_actors (event_id, code, name, kind, role, entity_id) VALUES (?, ?, ?, ?, ?, ?)`),
			e.ID, a.Code, a.Name, a.Kind, a.Role, a.ID); err != nil {
			return err
		}
	}
	return nil
}

// addSources records the sentences a report cites, for search and display.
func (s *Store) addSources(ctx context.Context, tx *sql.Tx, eventID string, docID int64, srcs []model.Source) error {
	for _, src := range srcs {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO event_sources (event_id, doc_id, doc, lang, start_off, end_off, sentence) VALUES (?, ?, ?, ?, ?, ?, ?)`),
			eventID, docID, src.Doc, src.Lang, src.Start, src.End, src.Sentence); err != nil {
			return err
		}
		if !s.pg {
			if _, err := tx.ExecContext(ctx, `INSERT INTO source_fts (sentence, event_id) VALUES (?, ?)`, src.Sentence, eventID); err != nil {
				return err
			}
		}
	}
	return nil
}

// removeDoc deletes a document with its text and reports, and rebuilds each
// event it reported from the reports that remain (an event left with none is
// deleted).
func (s *Store) removeDoc(ctx context.Context, tx *sql.Tx, docID int64) error {
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
	for _, stmt := range []string{
		`DELETE FROM reports WHERE doc_id = ?`,
		`DELETE FROM mentions WHERE doc_id = ?`,
		`DELETE FROM sentences WHERE doc_id = ?`,
		`DELETE FROM documents WHERE id = ?`,
	} {
		if _, err := tx.ExecContext(ctx, s.q(stmt), docID); err != nil {
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

// rebuild recomputes an event from its reports in arrival order.
func (s *Store) rebuild(ctx context.Context, tx *sql.Tx, id string) error {
	rows, err := tx.QueryContext(ctx, s.q(`SELECT doc_id, body FROM reports WHERE event_id = ? ORDER BY id`), id)
	if err != nil {
		return err
	}
	type report struct {
		doc int64
		e   model.Event
	}
	var reps []report
	for rows.Next() {
		var r report
		var body string
		if err := rows.Scan(&r.doc, &body); err != nil {
			rows.Close()
			return err
		}
		if err := json.Unmarshal([]byte(body), &r.e); err != nil {
			rows.Close()
			return fmt.Errorf("report of %s: %w", id, err)
		}
		reps = append(reps, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, stmt := range []string{`DELETE FROM event_sources WHERE event_id = ?`, `DELETE FROM event_actors WHERE event_id = ?`} {
		if _, err := tx.ExecContext(ctx, s.q(stmt), id); err != nil {
			return err
		}
	}
	if !s.pg {
		if _, err := tx.ExecContext(ctx, `DELETE FROM source_fts WHERE event_id = ?`, id); err != nil {
			return err
		}
	}
	if len(reps) == 0 {
		_, err := tx.ExecContext(ctx, s.q(`DELETE FROM events WHERE id = ?`), id)
		return err
	}
	e := reps[0].e
	e.ID = id
	for _, r := range reps[1:] {
		events.Absorb(&e, &r.e)
	}
	if err := s.putEvent(ctx, tx, &e); err != nil {
		return err
	}
	for _, r := range reps {
		if err := s.addSources(ctx, tx, id, r.doc, r.e.Sources); err != nil {
			return err
		}
	}
	return nil
}
