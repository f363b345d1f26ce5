package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"entente/internal/model"
)

// Filter selects events. Empty fields select everything.
type Filter struct {
	// Actor is an actor's code (RUS) or a part of its name ("Lavrov").
	Actor string
	// Dyad is two codes joined by a dash ("RUS-CHN"): events with both.
	Dyad string
	// Type is a PLOVER type (CONSULT); Status one of Statuses.
	Type, Status string
	// From and To bound the event's date (YYYY, YYYY-MM or YYYY-MM-DD);
	// undated events are left out when either is set.
	From, To string
	// Lang keeps events with a source in that language.
	Lang string
	// Text is a full-text query over the source sentences.
	Text string
	// Limit caps the number of events and of each event's sources (0: no
	// cap); an event whose sources were cut counts the others in
	// SourcesMore.
	Limit int

	// ActorID keeps events with an actor of that knowledge-base id.
	ActorID string
	// Types keeps events of any of these PLOVER types (and Type, if set).
	Types []string
	// MinConfidence keeps events of at least this confidence.
	MinConfidence float64
	// After, when set, starts after this position in the order (a page's
	// last event: keyset pagination).
	After *Cursor
	// Desc orders by date descending (undated events still last).
	Desc bool
	// DocID keeps the events a stored document reports.
	DocID int64
}

// Cursor is a position in the order of Events: an event's date_start (its
// first date as written) and id.
type Cursor struct {
	Undated bool
	Date    string
	ID      string
}

// CursorOf returns the position of an event in the order of Events.
func CursorOf(e *model.Event) Cursor {
	return Cursor{Undated: e.Date.IsZero(), Date: e.Date.From.String(), ID: e.ID}
}

// likeEscape escapes LIKE's wildcards (with \ as the escape character).
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// ErrNotFound is returned for an unknown event id.
var ErrNotFound = errors.New("store: not found")

// Events returns the events the filter selects, oldest date first (undated
// last), with their sources sorted by document and offset.
func (s *Store) Events(ctx context.Context, f Filter) ([]model.Event, error) {
	return s.page(ctx, f, f.Limit, nil)
}

// eventPage is how many events EachEvent reads at a time (tests lower it).
var eventPage = 256

// EachEvent calls fn with each event the filter selects, in the order of
// Events and as Events gives it (Limit caps events and each one's
// sources), reading them a page at a time from where the last page ended:
// memory follows a page, not the result. It stops at fn's first error and
// returns it.
//
// The dated events are read first, then the undated ones, each page from an
// index at the last page's date and id (f.After, when set, is where the
// first page starts).
func (s *Store) EachEvent(ctx context.Context, f Filter, fn func(*model.Event) error) error {
	total := f.Limit
	seg := &segment{}
	if c := f.After; c != nil {
		*seg = segment{undated: c.Undated, date: c.Date, id: c.ID, set: true}
		f.After = nil
	}
	for done := 0; ; {
		p := f
		p.Limit = eventPage
		if total > 0 {
			p.Limit = min(eventPage, total-done)
		}
		evs, err := s.page(ctx, p, total, seg)
		if err != nil {
			return err
		}
		for i := range evs {
			if err := fn(&evs[i]); err != nil {
				return err
			}
		}
		done += len(evs)
		switch {
		case total > 0 && done >= total:
			return nil
		case len(evs) < p.Limit && seg.undated:
			return nil
		case len(evs) < p.Limit:
			seg = &segment{undated: true}
		default:
			last := &evs[len(evs)-1]
			seg.date, seg.id, seg.set = last.Date.From.String(), last.ID, true
		}
	}
}

// segment is a stretch of the order that EachEvent reads a page of: the
// dated or the undated events, after a date and id when set.
type segment struct {
	undated  bool
	date, id string
	set      bool
}

// page returns at most f.Limit events of the filter (0: all), each with at
// most srcCap sources (0: all); with seg, only those of the segment.
func (s *Store) page(ctx context.Context, f Filter, srcCap int, seg *segment) ([]model.Event, error) {
	// A dyad's events come from event_dyads in the order of the list, so
	// a limit stops the reading (the other filters check each row), and a
	// page after a cursor starts where the list's index says.
	from, order := `events`, undated+`, date_start, id`
	if f.Desc {
		order = undated + `, date_start DESC, id DESC`
	}
	var pre []any
	und, day, id := undated, `date_start`, `id`
	if a, b, ok := strings.Cut(strings.ToUpper(f.Dyad), "-"); ok && a != "" && b != "" && a != b {
		if b < a {
			a, b = b, a
		}
		f.Dyad = ""
		from = `event_dyads d JOIN events ON events.no = d.event_no AND d.code_a = ? AND d.code_b = ?`
		pre = []any{a, b}
		if f.After != nil {
			w, args := after(f.After, f.Desc, `d.undated`, `d.day`, `d.event_id`)
			from += ` AND ` + w
			pre = append(pre, args...)
			f.After = nil
		}
		order = `d.undated, d.day, d.event_id`
		if f.Desc {
			order = `d.undated, d.day DESC, d.event_id DESC`
		}
		und, day, id = `d.undated`, `d.day`, `d.event_id`
	}
	where, args, err := s.where(f)
	if err != nil {
		return nil, err
	}
	if seg != nil {
		// Within a segment the order is by day and id: a row value seeks
		// the index (SQLite sorts when the order names the undated
		// expression, and reads every earlier row for an OR of positions).
		u := 0
		if seg.undated {
			u = 1
		}
		where = append(where, und+` = ?`)
		args = append(args, u)
		cmp, desc := ">", ""
		if f.Desc {
			cmp, desc = "<", " DESC"
		}
		if seg.set {
			where = append(where, `(`+day+`, `+id+`) `+cmp+` (?, ?)`)
			args = append(args, seg.date, seg.id)
		}
		order = day + desc + `, ` + id + desc
	}
	args = append(pre, args...)
	query := `SELECT body FROM ` + from
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, ` AND `)
	}
	query += ` ORDER BY ` + order
	if f.Limit > 0 {
		query += fmt.Sprintf(` LIMIT %d`, f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, fmt.Errorf("store: events: %w", err)
	}
	defer rows.Close()
	var out []model.Event
	for rows.Next() {
		var body string
		if err := rows.Scan(&body); err != nil {
			return nil, fmt.Errorf("store: events: %w", err)
		}
		var e model.Event
		if err := json.Unmarshal([]byte(body), &e); err != nil {
			return nil, fmt.Errorf("store: events: %w", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: events: %w", err)
	}
	rows.Close()
	if srcCap > 0 {
		err = s.firstSources(ctx, out, srcCap)
	} else {
		err = s.loadSources(ctx, out)
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

// firstSources fills each event's first n sources by document and offset,
// read from the index without the others, and counts the rest in
// SourcesMore: a much-reported event costs what is shown of it.
func (s *Store) firstSources(ctx context.Context, evs []model.Event, n int) error {
	order := `doc, start_off`
	if s.pg {
		order = `doc COLLATE "C", start_off` // bytewise, as the index and Go sort
	}
	q := s.q(`SELECT doc, lang, start_off, end_off, sentence, attribution FROM event_sources
		WHERE event_no = (SELECT no FROM events WHERE id = ?) ORDER BY ` + order + ` LIMIT ?`)
	qn := s.q(`SELECT count(*) FROM event_sources WHERE event_no = (SELECT no FROM events WHERE id = ?)`)
	for i := range evs {
		e := &evs[i]
		rows, err := s.db.QueryContext(ctx, q, e.ID, n)
		if err != nil {
			return fmt.Errorf("store: sources: %w", err)
		}
		for rows.Next() {
			var src model.Source
			if err := rows.Scan(&src.Doc, &src.Lang, &src.Start, &src.End, &src.Sentence, &src.Attribution); err != nil {
				rows.Close()
				return fmt.Errorf("store: sources: %w", err)
			}
			e.Sources = append(e.Sources, src)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("store: sources: %w", err)
		}
		if len(e.Sources) == n {
			var all int
			if err := s.db.QueryRowContext(ctx, qn, e.ID).Scan(&all); err != nil {
				return fmt.Errorf("store: sources: %w", err)
			}
			e.SourcesMore = all - n
		}
		sortSources(e)
	}
	return nil
}

// undated sorts undated events last.
const undated = `CASE WHEN date_start = '' THEN 1 ELSE 0 END`

// where returns the conditions on the events table that select the
// filter's events, and their arguments.
func (s *Store) where(f Filter) ([]string, []any, error) {
	var where []string
	var args []any
	if f.DocID != 0 {
		where = append(where, `no IN (SELECT event_no FROM event_sources WHERE doc_id = ?)`)
		args = append(args, f.DocID)
	}
	if f.Actor != "" {
		// A name is looked up among the distinct actors (one row per
		// knowledge-base id), and their events by id, both indexed.
		where = append(where, `no IN (SELECT event_no FROM event_actors WHERE code = ? OR entity_id IN (SELECT entity_id FROM actors WHERE lower(name) LIKE ? ESCAPE '\'))`)
		args = append(args, strings.ToUpper(f.Actor), "%"+likeEscape(strings.ToLower(f.Actor))+"%")
	}
	if f.ActorID != "" {
		where = append(where, `no IN (SELECT event_no FROM event_actors WHERE entity_id = ?)`)
		args = append(args, f.ActorID)
	}
	if f.Dyad != "" {
		a, b, ok := strings.Cut(strings.ToUpper(f.Dyad), "-")
		if !ok || a == "" || b == "" {
			return nil, nil, fmt.Errorf("store: dyad %q: want two codes such as RUS-CHN", f.Dyad)
		}
		where = append(where, `no IN (SELECT event_no FROM event_actors WHERE code = ?)`, `no IN (SELECT event_no FROM event_actors WHERE code = ?)`)
		args = append(args, a, b)
	}
	types := f.Types
	if f.Type != "" {
		types = append([]string{f.Type}, types...)
	}
	if len(types) > 0 {
		marks := strings.TrimSuffix(strings.Repeat("?,", len(types)), ",")
		where = append(where, `type IN (`+marks+`)`)
		for _, t := range types {
			args = append(args, strings.ToUpper(t))
		}
	}
	if f.MinConfidence > 0 {
		where = append(where, `confidence >= ?`)
		args = append(args, f.MinConfidence)
	}
	if f.Status != "" {
		where = append(where, `status = ?`)
		args = append(args, strings.ToLower(f.Status))
	}
	if f.From != "" || f.To != "" {
		w, a, err := dateWhere(f.From, f.To)
		if err != nil {
			return nil, nil, err
		}
		where = append(where, w)
		args = append(args, a...)
	}
	if f.Lang != "" {
		where = append(where, `no IN (SELECT event_no FROM event_sources WHERE lang = ?)`)
		args = append(args, f.Lang)
	}
	if f.Text != "" {
		if s.pg {
			where = append(where, `no IN (SELECT event_no FROM event_sources WHERE tsv @@ plainto_tsquery('simple', ?))`)
		} else {
			where = append(where, `no IN (SELECT event_no FROM event_sources WHERE id IN (SELECT rowid FROM source_fts WHERE source_fts MATCH ?))`)
		}
		args = append(args, ftsQuery(f.Text, s.pg))
	}
	if c := f.After; c != nil {
		w, a := after(c, f.Desc, undated, `date_start`, `id`)
		where = append(where, w)
		args = append(args, a...)
	}
	return where, args, nil
}

// after returns the condition that keeps the positions after cursor c in
// the order of columns undated (ascending), day and id (descending when
// desc), and its arguments.
func after(c *Cursor, desc bool, undated, day, id string) (string, []any) {
	u := 0
	if c.Undated {
		u = 1
	}
	cmp := ">"
	if desc {
		cmp = "<"
	}
	return `(` + undated + ` > ? OR (` + undated + ` = ? AND (` + day + ` ` + cmp + ` ? OR (` + day + ` = ? AND ` + id + ` ` + cmp + ` ?))))`,
		[]any{u, u, c.Date, c.Date, c.ID}
}

// dateWhere selects the events whose days overlap [from, to] (either may
// be empty), through the index on (cls, day_first): a one-day event starts
// inside the bounds, a narrow one at most narrowDays before them, and only
// the few wide ones are read by their start alone. Undated events and
// events without a year are left out.
func dateWhere(from, to string) (string, []any, error) {
	first, last := 10000, 99991231
	if from != "" {
		p, err := model.ParsePoint(from)
		if err != nil || p.Year == 0 {
			return "", nil, fmt.Errorf("store: from %q: want YYYY, YYYY-MM or YYYY-MM-DD", from)
		}
		first, _ = model.PointRange(p).Bounds()
	}
	if to != "" {
		p, err := model.ParsePoint(to)
		if err != nil || p.Year == 0 {
			return "", nil, fmt.Errorf("store: to %q: want YYYY, YYYY-MM or YYYY-MM-DD", to)
		}
		_, last = model.PointRange(p).Bounds()
	}
	narrowFrom := first
	if first > 10000 {
		narrowFrom = daysBefore(first, narrowDays)
	}
	return `((cls = ? AND day_first BETWEEN ? AND ?) OR (cls = ? AND day_first BETWEEN ? AND ? AND day_last >= ?) OR (cls = ? AND day_first <= ? AND day_last >= ?))`,
		[]any{clsDay, first, last, clsNarrow, narrowFrom, last, first, clsWide, last, first}, nil
}

// loadSources fills the events' sources from event_sources, sorted by
// document and offset.
func (s *Store) loadSources(ctx context.Context, evs []model.Event) error {
	idx := make(map[string]int, len(evs))
	for i := range evs {
		idx[evs[i].ID] = i
	}
	const chunk = 500
	for lo := 0; lo < len(evs); lo += chunk {
		hi := min(lo+chunk, len(evs))
		args := make([]any, 0, hi-lo)
		marks := make([]string, 0, hi-lo)
		for _, e := range evs[lo:hi] {
			args = append(args, e.ID)
			marks = append(marks, "?")
		}
		rows, err := s.db.QueryContext(ctx, s.q(`SELECT event_id, doc, lang, start_off, end_off, sentence, attribution
			FROM event_sources WHERE event_no IN (SELECT no FROM events WHERE id IN (`+strings.Join(marks, ",")+`))`), args...)
		if err != nil {
			return fmt.Errorf("store: sources: %w", err)
		}
		for rows.Next() {
			var id string
			var src model.Source
			if err := rows.Scan(&id, &src.Doc, &src.Lang, &src.Start, &src.End, &src.Sentence, &src.Attribution); err != nil {
				rows.Close()
				return fmt.Errorf("store: sources: %w", err)
			}
			e := &evs[idx[id]]
			e.Sources = append(e.Sources, src)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("store: sources: %w", err)
		}
	}
	for i := range evs {
		sortSources(&evs[i])
	}
	return nil
}

// ftsQuery turns free text into a query: every word must occur. SQLite's
// FTS5 gets each word quoted, so no word is read as an operator.
func ftsQuery(text string, pg bool) string {
	if pg {
		return text
	}
	var words []string
	for _, w := range strings.Fields(text) {
		words = append(words, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
	}
	return strings.Join(words, " ")
}

func sortSources(e *model.Event) {
	sort.SliceStable(e.Sources, func(a, b int) bool {
		sa, sb := e.Sources[a], e.Sources[b]
		if sa.Doc != sb.Doc {
			return sa.Doc < sb.Doc
		}
		return sa.Start < sb.Start
	})
}

// Event returns one event by id, or ErrNotFound.
func (s *Store) Event(ctx context.Context, id string) (*model.Event, error) {
	var body string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT body FROM events WHERE id = ?`), id).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: event %s", ErrNotFound, id)
	}
	if err != nil {
		return nil, fmt.Errorf("store: event %s: %w", id, err)
	}
	evs := make([]model.Event, 1)
	if err := json.Unmarshal([]byte(body), &evs[0]); err != nil {
		return nil, fmt.Errorf("store: event %s: %w", id, err)
	}
	if err := s.loadSources(ctx, evs); err != nil {
		return nil, err
	}
	return &evs[0], nil
}

// Doc describes a stored document.
type Doc struct {
	ID        int64
	Name      string
	Ident     string
	Lang      string
	Published string
	Title     string
	URL       string
	Events    int // events the document reports
	Mentions  int
}

// Docs lists the stored documents in the order they were stored.
func (s *Store) Docs(ctx context.Context) ([]Doc, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT d.id, d.name, d.ident, d.lang, d.published, d.title, d.url,
		(SELECT count(DISTINCT event_id) FROM reports r WHERE r.doc_id = d.id),
		(SELECT count(*) FROM mentions m WHERE m.doc_id = d.id)
		FROM documents d ORDER BY d.id`)
	if err != nil {
		return nil, fmt.Errorf("store: docs: %w", err)
	}
	defer rows.Close()
	var out []Doc
	for rows.Next() {
		var d Doc
		if err := rows.Scan(&d.ID, &d.Name, &d.Ident, &d.Lang, &d.Published, &d.Title, &d.URL, &d.Events, &d.Mentions); err != nil {
			return nil, fmt.Errorf("store: docs: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Counts are the sizes of a store's tables.
type Counts struct {
	Documents, Sentences, Mentions, Events, Reports, Sources int
}

// Counts counts the stored rows.
func (s *Store) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	for _, x := range []struct {
		table string
		n     *int
	}{{"documents", &c.Documents}, {"sentences", &c.Sentences}, {"mentions", &c.Mentions},
		{"events", &c.Events}, {"reports", &c.Reports}, {"event_sources", &c.Sources}} {
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM `+x.table).Scan(x.n); err != nil {
			return c, fmt.Errorf("store: count %s: %w", x.table, err)
		}
	}
	return c, nil
}
