package store

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"entente/internal/fuse"
	"entente/internal/model"
)

// pool is fuse.Pool over the stored events, within one write transaction:
// candidates come from the indexes of migration 00003 (events_fuse by block,
// date class and days; event_persons by block and person), each query
// bounded on both sides and cut at fuse.Cap, so a report's cost does not
// grow with the store. An event is read and decoded only when fusion
// compares a report with it; an undated one found by a person not even
// then, unless what its event_persons row says of it (fuse.Candidate.Brief,
// migration 00012) lets it join. An event found by date comes with its body
// (the query reads its row for the seen mark anyway), so comparing it reads
// nothing more. What is decoded is kept decoded for the
// transaction's other documents (what it has read stays true: the
// transaction is the only writer, and its own writes go through the pool).
//
// The watermark (fuse_mark) is read once per transaction. SQLite's write
// transactions run one at a time, so each sees the mark of the last; two
// PostgreSQL ingests at once each read it when they begin and raise it with
// greatest(): one may fuse with the mark as it was before the other's
// documents (it matters only for events a year behind the newest date).
type pool struct {
	s        *Store
	ctx      context.Context
	w        *wtx
	read     map[string]*stored // the events decoded in this transaction, by id
	fetched  map[string]stored  // the bodies (undecoded) of the last Candidates call's events found by date
	mark     int
	markRead bool
}

// stored is an event as the transaction has read or written it.
type stored struct {
	e    *model.Event
	body string // as stored
	seen int    // its seen mark as stored
	no   int64  // its number (events.no)
	keys string // its sentence keys as stored (events.sents, encodeKeys)
	row  rowKey // its indexed columns as stored
	// doc and starts are the document whose sources the event took last
	// and their offsets: a source cited twice counts once (fuseDoc).
	doc    string
	starts []int
}

var _ fuse.Pool = (*pool)(nil)

// candCols are the columns of a candidate found by date (SQLite): the
// event, its days and seen mark, and what Event reads of it.
const candCols = `id, day_first, day_last, seen, body, no, sents`

// candColsPG are the columns of candidatesPG's rows: the event, its days,
// its seen mark, the person it was found by (empty: by date) and its
// body, then the columns of a person's row (personCandidate), empty.
const candColsPG = `id, day_first, day_last, seen, '' AS person, body, 0 AS pub, '' AS persons, 0 AS dated, no, sents`

// The date classes of events.cls, and how far back a class-2 event may
// start and still reach a day.
const (
	clsUndated = iota
	clsDay
	clsNarrow
	clsWide
	clsNoYear
)

// narrowDays is the longest span of class clsNarrow, in days.
const narrowDays = 62

// dateClass returns the class of days [first, last] (model.DateRange.Bounds).
func dateClass(first, last int) int {
	switch {
	case first == 0:
		return clsUndated
	case first < 10000:
		return clsNoYear
	case first == last:
		return clsDay
	case dayOf(last).Sub(dayOf(first)) < narrowDays*24*time.Hour:
		return clsNarrow
	}
	return clsWide
}

func dayOf(v int) time.Time {
	return time.Date(v/10000, time.Month(v/100%100), v%100, 0, 0, 0, 0, time.UTC)
}

// daysBefore returns the day n days before day v, as YYYYMMDD.
func daysBefore(v, n int) int {
	t := dayOf(v).AddDate(0, 0, -n)
	return t.Year()*10000 + int(t.Month())*100 + t.Day()
}

var (
	// qCandDated reads the dated events of a block that share a day with a
	// report of days [first, last], class by class, each in id order and
	// cut at fuse.Cap; all these queries read only open events (seen at or
	// after the horizon, the last argument). Each row comes with what
	// Event reads (candCols): the row is read for its seen mark anyway.
	qCandDated = strings.NewReplacer("COLS", candCols).Replace(fmt.Sprintf(`SELECT COLS FROM (SELECT COLS FROM events
			WHERE block = ? AND cls = 1 AND day_first BETWEEN ? AND ? AND seen >= ? ORDER BY id LIMIT %[1]d) a
		UNION ALL SELECT COLS FROM (SELECT COLS FROM events
			WHERE block = ? AND cls = 2 AND day_first BETWEEN ? AND ? AND day_last >= ? AND seen >= ? ORDER BY id LIMIT %[1]d) b
		UNION ALL SELECT COLS FROM (SELECT COLS FROM events
			WHERE block = ? AND cls = 3 AND day_first <= ? AND day_last >= ? AND seen >= ? ORDER BY id LIMIT %[1]d) c
		UNION ALL SELECT COLS FROM (SELECT COLS FROM events
			WHERE block = ? AND cls = 4 AND day_first <= ? AND day_last >= ? AND seen >= ? ORDER BY id LIMIT %[1]d) d`, fuse.Cap))
	// qCandDatedPG is qCandDated for PostgreSQL, a part of candidatesPG's
	// statement (which runs with a generic plan, qBegin): $1 is the block,
	// $2 the horizon, and the %s verbs the report's first and last day,
	// the earliest first day of a narrow event that can reach the first
	// day, and the last and first day's month and day. Each class's range
	// is a row comparison on (block, cls, day_first), the leading columns
	// of events_fuse, which no other index can use: a generic plan made
	// while the table was empty, without statistics, took events_days
	// (cls, day_first, …) instead and read the class's events of those
	// days in every block (4.5 times the buffers per call, growing with
	// the number of blocks).
	qCandDatedPG = strings.NewReplacer("FIRST", "%[1]s", "LAST", "%[2]s", "LO", "%[3]s", "MDLAST", "%[4]s", "MDFIRST", "%[5]s", "CAP", strconv.Itoa(fuse.Cap), "MIN", strconv.Itoa(math.MinInt32), "COLS", candColsPG).Replace(`(SELECT COLS FROM events
			WHERE block = $1 AND (block, cls, day_first) BETWEEN ($1, 1, FIRST) AND ($1, 1, LAST) AND seen >= $2 ORDER BY id LIMIT CAP)
		UNION ALL (SELECT COLS FROM events
			WHERE block = $1 AND (block, cls, day_first) BETWEEN ($1, 2, LO) AND ($1, 2, LAST) AND day_last >= FIRST AND seen >= $2 ORDER BY id LIMIT CAP)
		UNION ALL (SELECT COLS FROM events
			WHERE block = $1 AND (block, cls, day_first) BETWEEN ($1, 3, MIN) AND ($1, 3, LAST) AND day_last >= FIRST AND seen >= $2 ORDER BY id LIMIT CAP)
		UNION ALL (SELECT COLS FROM events
			WHERE block = $1 AND (block, cls, day_first) BETWEEN ($1, 4, MIN) AND ($1, 4, MDLAST) AND day_last >= MDFIRST AND seen >= $2 ORDER BY id LIMIT CAP)`)
	// qCandNoYear reads the dated events of a block that share a month and
	// day with a report whose date has no year (?2 the last day's month and
	// day, ?3 the first's). A one-day event does when its day falls in the
	// report's days of some year: those are read year by year, from the
	// block's first year to its last, each a range of events_fuse; the
	// few events of the other classes are read whole and tested. (Read
	// with a condition on day_first %% 10000, every dated event of the
	// block was read for each such report.)
	qCandNoYear = strings.NewReplacer("COLS", candCols).Replace(fmt.Sprintf(`WITH RECURSIVE y(v) AS (
			SELECT (SELECT min(day_first) FROM events WHERE block = ?1 AND cls = 1) / 10000
			UNION ALL SELECT v + 1 FROM y WHERE v < (SELECT max(day_first) FROM events WHERE block = ?1 AND cls = 1) / 10000)
		SELECT COLS FROM (
			SELECT e.id, e.day_first, e.day_last, e.seen, e.body, e.no, e.sents FROM y JOIN events e
				ON e.block = ?1 AND e.cls = 1 AND e.day_first BETWEEN y.v * 10000 + ?3 AND y.v * 10000 + ?2 WHERE e.seen >= ?4
			UNION ALL SELECT COLS FROM events
				WHERE block = ?1 AND cls > 1 AND day_first %% 10000 <= ?2 AND day_last %% 10000 >= ?3 AND seen >= ?4)
		ORDER BY id LIMIT %d`, fuse.Cap))
	// qCandNoYearPG is qCandNoYear for PostgreSQL, a part of
	// candidatesPG's statement (the %s verbs: the last and first day's
	// month and day), with the class as a row comparison for the reason
	// of qCandDatedPG.
	qCandNoYearPG = `(SELECT ` + candColsPG + ` FROM events
		WHERE block = $1 AND (block, cls) > ($1, 0) AND day_first %% 10000 <= %s AND day_last %% 10000 >= %s AND seen >= $2 ORDER BY id LIMIT ` + strconv.Itoa(fuse.Cap) + `)`
	// qCandPersonPG is qCandPerson for PostgreSQL, a part of
	// candidatesPG's statement (the verbs: the person's parameter, and
	// 0 for undated events or 1 for dated ones), without bodies.
	qCandPersonPG = `(SELECT event_id, 0, 0, seen, person, '', pub, persons, %[2]d, event_no, sents FROM event_persons
		WHERE block = $1 AND person = %[1]s AND dated = %[2]d AND seen >= $2 ORDER BY event_id LIMIT ` + strconv.Itoa(fuse.Cap) + `)`
	// qCandPerson reads the events of a block, undated (0) or dated (1),
	// that name a person, from event_persons alone (migration 00012: each
	// row carries the event's seen mark, publication date and persons).
	qCandPerson = fmt.Sprintf(`SELECT event_id, seen, pub, persons, sents FROM event_persons
		WHERE block = ? AND person = ? AND dated = ? AND seen >= ? ORDER BY event_id LIMIT %d`, fuse.Cap)
	qEventBody = `SELECT body, seen, no, sents FROM events WHERE id = ?`
	// qSetSeen raises an event's seen mark and sets its sentence keys.
	qSetSeen    = `UPDATE events SET seen = CASE WHEN ? > seen THEN ? ELSE seen END, sents = ? WHERE no = ?`
	qMark       = `SELECT day FROM fuse_mark WHERE id = 1`
	qSetMark    = `UPDATE fuse_mark SET day = ? WHERE id = 1 AND day < ?`
	qFirstMark  = `UPDATE events SET seen = ? WHERE seen = 0`
	qFirstMarkP = `UPDATE event_persons SET seen = ? WHERE seen = 0`
	qDelPersons = `DELETE FROM event_persons WHERE event_no = ?`
	// qInsertPerson writes an event's row of a person, with its seen mark
	// as the events row holds it (written first) and, when undated (the
	// second dated argument 0), its sentence keys.
	qInsertPerson = `INSERT INTO event_persons (block, person, dated, event_id, seen, pub, persons, event_no, sents)
		SELECT ?, ?, ?, id, seen, ?, ?, no, CASE WHEN ? = 0 THEN sents ELSE '' END FROM events WHERE no = ? ON CONFLICT DO NOTHING`
	// qPersonsSeen raises the seen mark of an event's person rows and sets
	// their publication date and sentence keys (personsSeen).
	qPersonsSeen = `UPDATE event_persons SET seen = CASE WHEN ? > seen THEN ? ELSE seen END, pub = ?, sents = ? WHERE event_no = ?`
)

// Candidates returns the events of block key that can join e by date or by
// a shared person, the first fuse.Cap of each kind in id order.
func (p *pool) Candidates(key string, e *model.Event) ([]fuse.Candidate, error) {
	var out []fuse.Candidate
	first, last := e.Date.Bounds()
	persons := fuse.Persons(e)
	mark, err := p.Mark()
	if err != nil {
		return nil, err
	}
	h := fuse.Horizon(mark)
	scan := func(query string, args ...any) error {
		rows, err := p.s.query(p.ctx, p.w, query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c fuse.Candidate
			var f stored
			if err := rows.Scan(&c.ID, &c.First, &c.Last, &c.Seen, &f.body, &f.no, &f.keys); err != nil {
				return err
			}
			f.seen = c.Seen
			p.fetched[c.ID] = f
			out = append(out, c)
		}
		return rows.Err()
	}
	person := func(who string, dated int) error {
		rows, err := p.s.query(p.ctx, p.w, qCandPerson, key, who, dated, h)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c fuse.Candidate
			var pub int
			var ps, keys string
			if err := rows.Scan(&c.ID, &c.Seen, &pub, &ps, &keys); err != nil {
				return err
			}
			personCandidate(&c, who, dated, pub, ps, keys)
			out = append(out, c)
		}
		return rows.Err()
	}
	if p.s.pg {
		return p.candidatesPG(key, first, last, persons, h)
	}
	clear(p.fetched)
	if p.fetched == nil {
		p.fetched = map[string]stored{}
	}
	switch {
	case first >= 10000:
		lo := daysBefore(first, narrowDays-1)
		if err := scan(qCandDated, key, first, last, h, key, lo, last, first, h, key, last, first, h, key, last%10000, first%10000, h); err != nil {
			return nil, err
		}
	case first != 0:
		if err := scan(qCandNoYear, key, last%10000, first%10000, h); err != nil {
			return nil, err
		}
	default:
		for _, who := range persons {
			if err := person(who, 1); err != nil {
				return nil, err
			}
		}
	}
	for _, who := range persons {
		if err := person(who, 0); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// personCandidate completes a candidate found by person who in
// event_persons (dated: 0 for undated events, 1 for dated ones) from the
// row's publication date, persons and sentence keys.
func personCandidate(c *fuse.Candidate, who string, dated, pub int, persons, keys string) {
	if c.Persons = strings.Fields(persons); len(c.Persons) == 0 {
		c.Persons = []string{who}
	} else if dated == 0 {
		// A stored event keeps no sentences (Put): what
		// Compatible reads of an undated one is all here.
		c.Brief, c.Pub, c.Keys = true, model.Point{Year: pub / 10000, Month: pub / 100 % 100, Day: pub % 100}, decodeKeys(keys)
	}
}

// encodeKeys writes sentence keys as events.sents holds them: 16
// hexadecimal digits each, separated by spaces.
func encodeKeys(keys []uint64) string {
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%016x", k)
	}
	return b.String()
}

// decodeKeys reads what encodeKeys wrote (a malformed key reads as 0,
// which matches nothing).
func decodeKeys(s string) []uint64 {
	var out []uint64
	for _, f := range strings.Fields(s) {
		k, _ := strconv.ParseUint(f, 16, 64)
		out = append(out, k)
	}
	return out
}

// addKeys returns the sentence keys of an event stored with keys and now
// given e's sources (those with a document: the new ones), up to
// fuse.SentenceSources, and whether they grew. A source of the document
// the event took sources from last, at an offset it took already, is the
// same source (as fuseDoc stores it once).
func (st *stored) addKeys(e *model.Event) (string, bool) {
	n := strings.Count(st.keys, " ") + 1
	if st.keys == "" {
		n = 0
	}
	var add []uint64
	for i := range e.Sources {
		src := &e.Sources[i]
		if src.Doc == "" || n+len(add) >= fuse.SentenceSources {
			continue // a stored sentence's key (fuse.KeySources), or enough
		}
		if src.Doc == st.doc && slices.Contains(st.starts, src.Start) {
			continue
		}
		if src.Doc != st.doc {
			st.doc, st.starts = src.Doc, nil
		}
		st.starts = append(st.starts, src.Start)
		add = append(add, fuse.SourceKey(src))
	}
	if len(add) == 0 {
		return st.keys, false
	}
	if st.keys == "" {
		return encodeKeys(add), true
	}
	return st.keys + " " + encodeKeys(add), true
}

// candidatesPG is Candidates on PostgreSQL: one statement reads what
// Candidates reads in several (the events by date, then those of each
// person, in the same order) and, with each event found by date, its body
// and seen mark, which Event then decodes instead of reading them again.
// A report cost up to five round trips before (a person query each, and a
// body for each candidate not yet read), 3.4 of the 68 statements an
// article took.
// The bodies are those of the events as stored now: until fusion calls
// Event for them, nothing else writes them (the transaction holds its
// blocks' locks, and its own writes go through Put, which Event looks up
// first).
func (p *pool) candidatesPG(key string, first, last int, persons []string, h int) ([]fuse.Candidate, error) {
	args := []any{key, h}
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	var parts []string
	switch {
	case first >= 10000:
		lo := daysBefore(first, narrowDays-1)
		parts = append(parts, fmt.Sprintf(qCandDatedPG, arg(first), arg(last), arg(lo), arg(last%10000), arg(first%10000)))
	case first != 0:
		parts = append(parts, fmt.Sprintf(qCandNoYearPG, arg(last%10000), arg(first%10000)))
	default:
		for _, who := range persons {
			parts = append(parts, fmt.Sprintf(qCandPersonPG, arg(who), 1))
		}
	}
	for _, who := range persons {
		parts = append(parts, fmt.Sprintf(qCandPersonPG, arg(who), 0))
	}
	clear(p.fetched)
	if len(parts) == 0 {
		return nil, nil
	}
	if p.fetched == nil {
		p.fetched = map[string]stored{}
	}
	rows, err := p.w.QueryContext(p.ctx, strings.Join(parts, "\nUNION ALL "), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []fuse.Candidate
	for rows.Next() {
		var c fuse.Candidate
		var who, body, ps, keys string
		var pub, dated int
		var no int64
		if err := rows.Scan(&c.ID, &c.First, &c.Last, &c.Seen, &who, &body, &pub, &ps, &dated, &no, &keys); err != nil {
			return nil, err
		}
		if who != "" {
			personCandidate(&c, who, dated, pub, ps, keys)
		} else {
			p.fetched[c.ID] = stored{body: body, seen: c.Seen, no: no, keys: keys}
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Event returns a stored event, decoded once per transaction.
func (p *pool) Event(c fuse.Candidate) (*model.Event, error) {
	id := c.ID
	if st := p.read[id]; st != nil {
		return st.e, nil
	}
	st := &stored{e: new(model.Event)}
	if f, ok := p.fetched[id]; ok {
		st.body, st.seen, st.no, st.keys = f.body, f.seen, f.no, f.keys
	} else if err := p.s.queryRow(p.ctx, p.w, qEventBody, id).Scan(&st.body, &st.seen, &st.no, &st.keys); err != nil {
		return nil, fmt.Errorf("event %s: %w", id, err)
	}
	if err := json.Unmarshal([]byte(st.body), st.e); err != nil {
		return nil, fmt.Errorf("event %s: %w", id, err)
	}
	st.row = rowOf(st.e)
	// Its sentences, for Compatible, are their keys.
	st.e.Sources = fuse.KeySources(decodeKeys(st.keys))
	p.read[id] = st
	return st.e, nil
}

// Put writes an event's row, without its sources (they are the
// event_sources rows of its reports), and what changed of its actors and
// indexes.
func (p *pool) Put(key string, e *model.Event, ch fuse.Change) error {
	st := p.read[e.ID]
	if st == nil || ch.Founded {
		st = &stored{e: e}
		p.read[e.ID] = st
	}
	keys, grew := st.addKeys(e)
	e.Sources = nil
	old := st.body
	body, no, err := p.s.putEvent(p.ctx, p.w, key, e, st, keys, ch)
	if err != nil {
		return err
	}
	if body != old || ch.Founded {
		st.row = rowOf(e)
	}
	if body == old && !ch.Founded && (ch.Seen > st.seen || grew) {
		// putEvent wrote nothing: the event is as it was but seen now,
		// or citing a new sentence.
		seen := max(st.seen, ch.Seen)
		if _, err := p.s.exec(p.ctx, p.w, qSetSeen, seen, seen, keys, no); err != nil {
			return err
		}
		if err := p.s.personsSeen(p.ctx, p.w, e, no, st.seen, seen, keys); err != nil {
			return err
		}
	}
	st.body, st.seen, st.no, st.keys = body, max(st.seen, ch.Seen), no, keys
	e.Sources = fuse.KeySources(decodeKeys(keys))
	return nil
}

// Mark returns the watermark, read once per transaction.
func (p *pool) Mark() (int, error) {
	if !p.markRead {
		if err := p.s.queryRow(p.ctx, p.w, qMark).Scan(&p.mark); err != nil {
			return 0, fmt.Errorf("fusion mark: %w", err)
		}
		p.markRead = true
	}
	return p.mark, nil
}

// SetMark raises the watermark; the first mark is also the seen mark of
// the events seen before it.
func (p *pool) SetMark(day int) error {
	old, err := p.Mark()
	if err != nil || day <= old {
		return err
	}
	if old == 0 {
		clear(p.fetched)
		for _, q := range []string{qFirstMark, qFirstMarkP} {
			if _, err := p.s.exec(p.ctx, p.w, q, day); err != nil {
				return fmt.Errorf("fusion mark: %w", err)
			}
		}
		for _, st := range p.read {
			if st.seen == 0 {
				st.seen = day
			}
		}
	}
	if _, err := p.s.exec(p.ctx, p.w, qSetMark, day, day); err != nil {
		return fmt.Errorf("fusion mark: %w", err)
	}
	p.mark = day
	return nil
}
