package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"entente/internal/model"
)

// This file holds the reads of the web workbench and the REST API: a
// document with its text and mentions, pages of documents, actors and
// their partners, and events without their sentences for counting.

// Document is a stored document with its text.
type Document struct {
	Doc
	URL  string
	Text string
}

// Document returns one stored document by id, or ErrNotFound.
func (s *Store) Document(ctx context.Context, id int64) (*Document, error) {
	d := &Document{}
	err := s.db.QueryRowContext(ctx, s.q(`SELECT d.id, d.name, d.ident, d.lang, d.published, d.title, d.url, d.text,
		(SELECT count(DISTINCT event_id) FROM event_sources r WHERE r.doc_id = d.id)
		FROM documents d WHERE d.id = ?`), id).Scan(&d.ID, &d.Name, &d.Ident, &d.Lang, &d.Published, &d.Title, &d.URL, &d.Text, &d.Events)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: document %d", ErrNotFound, id)
	}
	if err != nil {
		return nil, fmt.Errorf("store: document %d: %w", id, err)
	}
	return d, nil
}

// DocPage lists up to limit documents stored after the document afterID
// (0: from the first), in the order they were stored.
func (s *Store) DocPage(ctx context.Context, afterID int64, limit int) ([]Doc, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT d.id, d.name, d.ident, d.lang, d.published, d.title,
		(SELECT count(DISTINCT event_id) FROM event_sources r WHERE r.doc_id = d.id)
		FROM documents d WHERE d.id > ? ORDER BY d.id LIMIT ?`), afterID, limit)
	if err != nil {
		return nil, fmt.Errorf("store: docs: %w", err)
	}
	defer rows.Close()
	out := []Doc{}
	for rows.Next() {
		var d Doc
		if err := rows.Scan(&d.ID, &d.Name, &d.Ident, &d.Lang, &d.Published, &d.Title, &d.Events); err != nil {
			return nil, fmt.Errorf("store: docs: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Mention is a stored mention: a span of a document that names an actor.
type Mention struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	EntityID string `json:"id,omitempty"`
	Name     string `json:"name,omitempty"`
	Code     string `json:"code,omitempty"`
	Kind     string `json:"kind,omitempty"`
}

// Mentions returns a document's mentions in the order of the text.
func (s *Store) Mentions(ctx context.Context, docID int64) ([]Mention, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT start_off, end_off, text, entity_id, name, code, kind
		FROM mentions WHERE doc_id = ? ORDER BY start_off, end_off`), docID)
	if err != nil {
		return nil, fmt.Errorf("store: mentions: %w", err)
	}
	defer rows.Close()
	out := []Mention{}
	for rows.Next() {
		var m Mention
		if err := rows.Scan(&m.Start, &m.End, &m.Text, &m.EntityID, &m.Name, &m.Code, &m.Kind); err != nil {
			return nil, fmt.Errorf("store: mentions: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// SourceDoc is the stored document behind one source of an event.
type SourceDoc struct {
	DocID      int64
	Doc        string
	Start, End int
}

// SourceDocs returns the stored documents of an event's sources, sorted
// as Event sorts its sources (by document name and offset).
func (s *Store) SourceDocs(ctx context.Context, eventID string) ([]SourceDoc, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT doc_id, doc, start_off, end_off FROM event_sources
		WHERE event_no = (SELECT no FROM events WHERE id = ?) ORDER BY doc, start_off`), eventID)
	if err != nil {
		return nil, fmt.Errorf("store: sources: %w", err)
	}
	defer rows.Close()
	var out []SourceDoc
	for rows.Next() {
		var d SourceDoc
		if err := rows.Scan(&d.DocID, &d.Doc, &d.Start, &d.End); err != nil {
			return nil, fmt.Errorf("store: sources: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// ActorCount is an actor as events name it, with the number of its events.
type ActorCount struct {
	ID     string `json:"id"`
	Code   string `json:"code"`
	Name   string `json:"name"`
	Kind   string `json:"kind,omitempty"`
	Events int    `json:"events"`
}

// Actors returns up to limit actors whose name contains q (case folded,
// literally), or whose code or id is q, most events first. An empty q
// lists every actor.
func (s *Store) Actors(ctx context.Context, q string, limit int) ([]ActorCount, error) {
	where, args := ``, []any{}
	if q != "" {
		where = `WHERE lower(name) LIKE ? ESCAPE '\' OR code = ? OR entity_id = ?`
		args = append(args, "%"+likeEscape(strings.ToLower(q))+"%", strings.ToUpper(q), q)
	}
	args = append(args, limit)
	return s.actorCounts(ctx, `SELECT entity_id, code, max(name), max(kind), count(DISTINCT event_no) AS n
		FROM event_actors `+where+` GROUP BY entity_id, code ORDER BY n DESC, code, entity_id LIMIT ?`, args...)
}

// PartnerType counts the events of one type that an actor shares with
// the actors of another code.
type PartnerType struct {
	Code, Name, Type string
	Events           int
}

// PartnerTypes returns, for the actor of a knowledge-base id, the events
// it shares with each other code, by type.
func (s *Store) PartnerTypes(ctx context.Context, id string) ([]PartnerType, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT b.code, max(CASE WHEN b.kind IN ('state', 'org') THEN b.name ELSE '' END), e.type, count(DISTINCT b.event_no)
		FROM event_actors a JOIN event_actors b ON b.event_no = a.event_no JOIN events e ON e.no = a.event_no
		WHERE a.entity_id = ? AND b.entity_id <> a.entity_id AND b.code <> '' AND b.code <> a.code
		GROUP BY b.code, e.type`), id)
	if err != nil {
		return nil, fmt.Errorf("store: partners: %w", err)
	}
	defer rows.Close()
	var out []PartnerType
	for rows.Next() {
		var p PartnerType
		if err := rows.Scan(&p.Code, &p.Name, &p.Type, &p.Events); err != nil {
			return nil, fmt.Errorf("store: partners: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Actor returns the actor of a knowledge-base id as events name it, or
// ErrNotFound when no event names it.
func (s *Store) Actor(ctx context.Context, id string) (*ActorCount, error) {
	out, err := s.actorCounts(ctx, `SELECT entity_id, max(code), max(name), max(kind), count(DISTINCT event_no)
		FROM event_actors WHERE entity_id = ? GROUP BY entity_id`, id)
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: actor %s", ErrNotFound, id)
	}
	return &out[0], nil
}

func (s *Store) actorCounts(ctx context.Context, query string, args ...any) ([]ActorCount, error) {
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, fmt.Errorf("store: actors: %w", err)
	}
	defer rows.Close()
	out := []ActorCount{}
	for rows.Next() {
		var a ActorCount
		if err := rows.Scan(&a.ID, &a.Code, &a.Name, &a.Kind, &a.Events); err != nil {
			return nil, fmt.Errorf("store: actors: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Skeletons returns the events the filter selects with their type, mode,
// days and actors (code, kind and role only; no status, confidence, names,
// sources or explanations), in no particular order (Limit, After and Desc
// are ignored): what counting needs, at a fraction of Events' cost. An
// event's date is the range of days its date can mean (a month becomes
// its first to its last day).
func (s *Store) Skeletons(ctx context.Context, f Filter) ([]model.Event, error) {
	where, args, err := s.where(f)
	if err != nil {
		return nil, err
	}
	agg := `group_concat(a.code || ' ' || a.kind || ' ' || a.role, ',')`
	if s.pg {
		agg = `string_agg(a.code || ' ' || a.kind || ' ' || a.role, ',')`
	}
	query := `SELECT e.id, e.type, e.mode, e.day_first, e.day_last, ` + agg + `
		FROM events e JOIN event_actors a ON a.event_no = e.no`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, ` AND `)
	}
	query += ` GROUP BY e.id`
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, fmt.Errorf("store: skeletons: %w", err)
	}
	defer rows.Close()
	var out []model.Event
	for rows.Next() {
		var e model.Event
		var first, last int
		var actors string
		if err := rows.Scan(&e.ID, &e.Type, &e.Mode, &first, &last, &actors); err != nil {
			return nil, fmt.Errorf("store: skeletons: %w", err)
		}
		if first != 0 {
			e.Date = model.DateRange{From: pointOf(first), To: pointOf(last)}
		}
		for _, a := range strings.Split(actors, ",") {
			f := strings.Split(a, " ")
			if len(f) == 3 {
				e.Actors = append(e.Actors, model.Actor{Code: f[0], Kind: f[1], Role: f[2]})
			}
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// NetCode is one actor code of an event as /network counts it: whether
// an actor of the code is an organisation, and whether one is a state or
// an organisation.
type NetCode struct {
	Code       string
	Org        bool
	StateOrOrg bool
}

// NetCount is the number of events the filter selects that have one type
// and one set of actor codes (in byte order, each once).
type NetCount struct {
	Codes  []NetCode
	Type   string
	Events int
}

// NetOf encodes an event's actor codes as the column events.net: the
// distinct non-empty codes in byte order, space-separated, each followed
// by '/' and a digit (1 when an actor of the code is an organisation, plus
// 2 when one is a state or an organisation); "" without codes.
func NetOf(e *model.Event) string {
	flags := map[string]int{}
	for _, a := range e.Actors {
		if a.Code == "" {
			continue
		}
		f := flags[a.Code]
		if a.Kind == string(model.KindOrg) {
			f |= 1
		}
		if a.Kind == string(model.KindState) || a.Kind == string(model.KindOrg) {
			f |= 2
		}
		flags[a.Code] = f
	}
	codes := make([]string, 0, len(flags))
	for c := range flags {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	var b strings.Builder
	for i, c := range codes {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(c)
		b.WriteByte('/')
		b.WriteByte(byte('0' + flags[c]))
	}
	return b.String()
}

// parseNet decodes a value of events.net (NetOf).
func parseNet(net string) ([]NetCode, error) {
	var out []NetCode
	for _, f := range strings.Fields(net) {
		code, digit, ok := strings.Cut(f, "/")
		if !ok || len(digit) != 1 || digit[0] < '0' || digit[0] > '3' {
			return nil, fmt.Errorf("store: events.net %q: bad code %q", net, f)
		}
		d := digit[0] - '0'
		out = append(out, NetCode{Code: code, Org: d&1 != 0, StateOrOrg: d&2 != 0})
	}
	return out, nil
}

// NetCounts counts the events the filter selects by type and set of actor
// codes (events without codes are left out), in no particular order: what
// the actor network needs, grouped by the database from the index
// events_days (cls, days, type, …, net) alone when only dates and types
// filter. Limit, After and Desc are ignored, as in Skeletons.
func (s *Store) NetCounts(ctx context.Context, f Filter) ([]NetCount, error) {
	f.After = nil
	where, args, err := s.where(f)
	if err != nil {
		return nil, err
	}
	where = append(where, `net <> ''`)
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT net, type, count(*) FROM events WHERE `+strings.Join(where, ` AND `)+` GROUP BY net, type`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: net counts: %w", err)
	}
	defer rows.Close()
	var out []NetCount
	for rows.Next() {
		var n NetCount
		var net string
		if err := rows.Scan(&net, &n.Type, &n.Events); err != nil {
			return nil, fmt.Errorf("store: net counts: %w", err)
		}
		if n.Codes, err = parseNet(net); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// pointOf turns a day as YYYYMMDD (MMDD without a year) into a Point.
func pointOf(v int) model.Point {
	return model.Point{Year: v / 10000, Month: v / 100 % 100, Day: v % 100}
}
