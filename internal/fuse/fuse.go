// Package fuse merges the reports of one real-world event: within a
// document (Merge) and across documents and languages (Document).
//
// In: the events of each document (fuse.Merge's output), one document at
// a time, in the order documents arrive. Out: fused events, each citing
// every source, with the most precise date and place of its reports, and an
// id that its founding report fixes once (ID).
//
// Fusion is one mechanism with one small interface over where the events
// already fused live (Pool): in memory for `entente extract` (Memory, under
// Fuser) and in the database for `entente ingest` (store). Everything that
// decides the result is here: the blocking key (Key), the test of two
// reports being one event (Compatible), how a report joins (Absorb), the id
// (ID) and the candidate order. A report is compared only with events of its
// block that can join it by date or person (mayJoin), at most Cap of them,
// in id order; it joins the first that Compatible accepts and otherwise
// founds an event. A pool only has to find those candidates, so the cost of
// a report follows the events of its own block and days, not the size of
// the store, and extract and ingest fuse identically.
//
// The fusion window. Fusion keeps a watermark: the latest publication day
// (Day) of the documents fused so far, in the order they are fused. Each
// event remembers the watermark when it last received a report (its seen
// mark). An event whose seen mark is more than Lookback days behind the
// watermark is closed: it takes no more reports (a report that would have
// joined it founds an event of its own). So an event stays open while it
// keeps being reported and for a year of newer publications after its last
// report; in a corpus read in publication order that closes every event a
// year after its last report, and `extract` writes closed events out and
// forgets them (Fuser.Stream), so its memory follows a year of news, not
// the corpus. Events fused before the first dated document count as seen
// at its date. Read out of order, the watermark jumps near the newest date
// within the first documents and stays there: the events of those first
// documents close early, and the others stay open as if there were no
// window. Documents without a publication date do not move the watermark,
// so a corpus without dates never closes an event; but an undated report
// no longer joins an event a year stale (without the window, two shared
// names let it join one of any age).
package fuse

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"entente/internal/model"
)

// Cap is the most candidates one report is compared with: the first Cap, in
// id order, of the events of its block that can join it.
const Cap = 64

// Candidate is an event a report may join, as a pool finds it: its id, its
// days (model.DateRange.Bounds; 0, 0 when undated) and the knowledge-base
// ids of its persons, or at least of those it shares with the report.
type Candidate struct {
	ID          string
	First, Last int
	Persons     []string
	Seen        int // the watermark when the event last received a report
	// Brief says that the pool vouches for what Compatible reads of an
	// undated event (First 0) that carries no source sentences: Persons
	// are all its persons as persons() lists them (repeats included), Pub
	// its publication date and Keys its sentences. Document then tests Compatible on these
	// before it reads the event, and reads only the one that joins.
	Brief bool
	Pub   model.Point
	// Keys, with Brief, are the sentence keys (SourceKey) of the event's
	// first SentenceSources sources, in the order they joined.
	Keys []uint64
	ref  int32 // Memory's index of the event, plus one
}

// brief returns the event a Brief candidate stands for, as far as
// Compatible reads it.
func (c *Candidate) brief() *model.Event {
	e := &model.Event{Published: c.Pub, Actors: make([]model.Actor, len(c.Persons)), Sources: KeySources(c.Keys)}
	for i, p := range c.Persons {
		e.Actors[i] = model.Actor{Kind: string(model.KindPerson), ID: p}
	}
	return e
}

// KeySources returns sources that stand for sentences by their keys alone
// (no document, no text), as an event kept without its sentences carries
// them for Compatible.
func KeySources(keys []uint64) []model.Source {
	if len(keys) == 0 {
		return nil
	}
	out := make([]model.Source, len(keys))
	for i, k := range keys {
		out[i].Key = k
	}
	return out
}

// Lookback is how many days the watermark may move past an event's seen
// mark before the event is closed (see the package doc).
const Lookback = 365

// Day returns the day number of a publication date for the watermark: days
// from 1 January 1900, counting it as 1; a date of a month or a year counts
// as its first day. It is 0 for an unknown or year-less date.
func Day(p model.Point) int {
	if p.Year == 0 {
		return 0
	}
	m, d := max(p.Month, 1), max(p.Day, 1)
	return int(time.Date(p.Year, time.Month(m), d, 0, 0, 0, 0, time.UTC).Sub(epoch).Hours()/24) + 1
}

var epoch = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)

// Horizon returns the least seen mark of an open event under watermark
// mark: events seen before it are closed.
func Horizon(mark int) int {
	if mark <= Lookback {
		return 0
	}
	return mark - Lookback
}

// Change says what joining a report changed in an event.
type Change struct {
	Founded bool // the report founded the event
	Actors  bool // its actors changed
	Date    bool // its date changed
	// Published: its publication date (the earliest of its reports') changed.
	Published bool
	Seen      int // the watermark, the event's seen mark from now on
}

// Pool is where fusion finds the events already fused and keeps what it
// fuses.
type Pool interface {
	// Candidates returns events of block key that may join e: at least the
	// first Cap, in id order, of the open ones (seen at or after
	// Horizon(Mark())) that mayJoin accepts (the pool may return more,
	// stale or duplicate ones: Document filters and orders them).
	Candidates(key string, e *model.Event) ([]Candidate, error)
	// Event returns the event of a candidate (one Candidates returned) for
	// a report to join; the caller changes it and hands it back with Put.
	Event(c Candidate) (*model.Event, error)
	// Put keeps an event a report founded or changed.
	Put(key string, e *model.Event, ch Change) error
	// Mark returns the watermark (0: no dated document yet), and SetMark
	// moves it forward. The first mark is also the seen mark of the events
	// seen before it (at 0): they count as seen when the first date came.
	Mark() (int, error)
	SetMark(day int) error
}

// Joined is what became of one report: the id of the event it joined or
// founded.
type Joined struct {
	ID     string
	Merged bool
}

// Document fuses one document's reports, in order, into the events of p;
// hash is the document's Hash and pub its publication date, which moves the
// watermark first. A report joins the first of its open candidates, in id
// order, that Compatible accepts, else it founds an event with ID. Events
// the same document founded are no candidates for its other reports: Merge
// merged those already.
func Document(p Pool, hash string, pub model.Point, evs []model.Event) ([]Joined, error) {
	out := make([]Joined, len(evs))
	mark, err := p.Mark()
	if err != nil {
		return out, err
	}
	if d := Day(pub); d > mark {
		mark = d
		if err := p.SetMark(mark); err != nil {
			return out, err
		}
	}
	horizon := Horizon(mark)
	var founded []string
	var cands []Candidate
	for i := range evs {
		e := &evs[i]
		key := Key(e)
		found, err := p.Candidates(key, e)
		if err != nil {
			return out, err
		}
		cands = order(cands[:0], found, e, founded, horizon)
		var target *model.Event
		for _, c := range cands {
			if c.Brief && !Compatible(c.brief(), e, false) {
				continue // what Compatible reads of it says no: not read
			}
			ev, err := p.Event(c)
			if err != nil {
				return out, err
			}
			if Compatible(ev, e, false) {
				target = ev
				break
			}
		}
		if target == nil {
			cp := *e
			cp.ID = ID(key, hash, e)
			for n := 1; slices.Contains(founded, cp.ID); n++ {
				// Two reports of one sentence and block that Merge kept
				// apart (different people): the second gets a derived id.
				cp.ID = ID(key, fmt.Sprintf("%s#%d", hash, n), e)
			}
			founded = append(founded, cp.ID)
			if err := p.Put(key, &cp, Change{Founded: true, Actors: true, Date: true, Published: true, Seen: mark}); err != nil {
				return out, err
			}
			out[i] = Joined{ID: cp.ID}
			continue
		}
		actors := slices.Clone(target.Actors)
		date, published := target.Date, target.Published
		Absorb(target, e)
		ch := Change{Actors: !slices.Equal(actors, target.Actors), Date: date != target.Date, Published: published != target.Published, Seen: mark}
		if err := p.Put(key, target, ch); err != nil {
			return out, err
		}
		out[i] = Joined{ID: target.ID, Merged: true}
	}
	return out, nil
}

// order puts into buf the candidates of found that are open (seen at or
// after horizon), can join e and were not founded by e's document
// (founded), without duplicates, in id order, at most Cap of them.
func order(buf, found []Candidate, e *model.Event, founded []string, horizon int) []Candidate {
	var pbuf [8]string
	pe := persons(e, pbuf[:0])
	first, last := e.Date.Bounds()
	for _, c := range found {
		if c.Seen < horizon || slices.Contains(founded, c.ID) || !mayJoin(c, first, last, pe) {
			continue
		}
		buf = append(buf, c)
	}
	slices.SortFunc(buf, func(a, b Candidate) int { return strings.Compare(a.ID, b.ID) })
	buf = slices.CompactFunc(buf, func(a, b Candidate) bool { return a.ID == b.ID })
	if len(buf) > Cap {
		buf = buf[:Cap]
	}
	return buf
}

// mayJoin reports whether candidate c can be Compatible with a report of
// days [first, last] (0, 0: undated) and persons pe: two dated events must
// share a day, and where either is undated they must share a named person.
// It needs no more than a pool can read from an index.
func mayJoin(c Candidate, first, last int, pe []string) bool {
	if first != 0 && c.First != 0 {
		return Overlap(first, last, c.First, c.Last)
	}
	return shared(pe, c.Persons) > 0
}

// Overlap reports whether two day spans (model.DateRange.Bounds) share a
// day, as model.DateRange.Overlaps does: where either has no year, month
// and day alone are compared.
func Overlap(af, al, bf, bl int) bool {
	if af < 10000 || bf < 10000 {
		return af%10000 <= bl%10000 && bf%10000 <= al%10000
	}
	return af <= bl && bf <= al
}

// PersonList returns the knowledge-base ids of e's named persons in
// actor order, repeats included: what a Brief candidate's Persons hold.
func PersonList(e *model.Event) []string { return persons(e, nil) }

// Persons returns the knowledge-base ids of e's named persons: what a pool
// indexes an event by for reports that have no date or find it undated.
func Persons(e *model.Event) []string {
	var out []string
	for _, p := range persons(e, nil) {
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}
