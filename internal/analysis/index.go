// Package analysis turns stored events into what an analyst asks first:
// how often each dyad or actor acts per period (Series), what rose this
// period against its baseline and which dyads and actors are new (Surges),
// and which states stand together (Blocs, with an alignment score per pair
// and the changes between two periods).
//
// In: a slice of model.Event (the store's Events output) turned into an
// Index, a compact column-wise view that aggregates a million events in well
// under a second. Out: plain structs, JSON-ready, in a deterministic order;
// every number carries the ids of the events behind it, so a brief can cite
// their sentences. The functions are pure: the CLI and the API call the same
// ones.
//
// Dates: an event counts on the first day of its date (a month-precision
// date on the month's first day); undated events and events without a year
// are left out of every time-based result.
package analysis

import (
	"sort"
	"strings"
	"time"

	"entente/internal/model"
	"entente/internal/plover"
)

// NoDay marks an event without a usable date in Index.Day.
const NoDay = int32(-1 << 31)

// Index is a column-wise view of events: entry i of every slice describes
// event i. Build it with NewIndex or Add; it is read-only afterwards and
// safe for concurrent use.
type Index struct {
	Table *plover.Table
	// IDs are the event ids.
	IDs []string
	// Day is the event's first day as days since 1970-01-01, or NoDay.
	Day []int32
	// Type indexes Types; Quad is the type's quad category (0 unknown).
	Type []uint8
	Quad []uint8
	// Intensity is the PLOVER intensity of the event's type and mode.
	Intensity []float32
	// Weight is the number of documents that report the event (at least 1).
	Weight []uint16
	// Types are the type names Type indexes; Codes the actor codes.
	Types []string
	Codes []string
	// NameOf, when set, names an actor code (the knowledge base's state or
	// organisation name) before the names the events give; "" defers.
	NameOf func(code string) string

	typeIdx map[string]uint8
	codeIdx map[string]uint16
	actOff  []uint32 // event i's actor codes are act[actOff[i]:actOff[i+1]]
	act     []uint16 // distinct code ids per event, ascending
	names   map[uint16]string
}

// NewIndex indexes events.
func NewIndex(t *plover.Table, evs []model.Event) *Index {
	ix := newIndex(t, len(evs))
	var codes []string
	for i := range evs {
		e := &evs[i]
		codes = codes[:0]
		for _, a := range e.Actors {
			if a.Code == "" {
				continue
			}
			codes = append(codes, a.Code)
			if a.Kind == string(model.KindState) || a.Kind == string(model.KindOrg) {
				id := ix.code(a.Code)
				if _, ok := ix.names[id]; !ok {
					ix.names[id] = a.Name
				}
			}
		}
		ix.add(e.ID, DayOf(e.Date), e.Type, e.Mode, codes, len(e.Docs()))
	}
	return ix
}

func newIndex(t *plover.Table, n int) *Index {
	return &Index{Table: t, IDs: make([]string, 0, n), Day: make([]int32, 0, n), Type: make([]uint8, 0, n),
		Quad: make([]uint8, 0, n), Intensity: make([]float32, 0, n), Weight: make([]uint16, 0, n),
		typeIdx: map[string]uint8{}, codeIdx: map[string]uint16{}, actOff: append(make([]uint32, 0, n+1), 0),
		act: make([]uint16, 0, 2*n), names: map[uint16]string{}}
}

// NewEmpty returns an empty index to fill with Add.
func NewEmpty(t *plover.Table) *Index { return newIndex(t, 0) }

// Add appends one event: its id, first day (NoDay if unknown), type, mode,
// actor codes (duplicates are dropped) and number of reporting documents.
func (ix *Index) Add(id string, day int32, typ, mode string, codes []string, docs int) {
	ix.add(id, day, typ, mode, codes, docs)
}

func (ix *Index) add(id string, day int32, typ, mode string, codes []string, docs int) {
	ti, ok := ix.typeIdx[typ]
	if !ok {
		ti = uint8(len(ix.Types))
		ix.Types = append(ix.Types, typ)
		ix.typeIdx[typ] = ti
	}
	ix.IDs = append(ix.IDs, id)
	ix.Day = append(ix.Day, day)
	ix.Type = append(ix.Type, ti)
	ix.Quad = append(ix.Quad, uint8(ix.Table.Quad(typ)))
	ix.Intensity = append(ix.Intensity, float32(ix.Table.Intensity(typ, mode)))
	ix.Weight = append(ix.Weight, uint16(min(max(docs, 1), 65535)))
	start := len(ix.act)
	for _, c := range codes {
		id := ix.code(c)
		dup := false
		for _, x := range ix.act[start:] {
			if x == id {
				dup = true
				break
			}
		}
		if !dup {
			ix.act = append(ix.act, id)
		}
	}
	s := ix.act[start:]
	sort.Slice(s, func(a, b int) bool { return s[a] < s[b] })
	ix.actOff = append(ix.actOff, uint32(len(ix.act)))
}

func (ix *Index) code(c string) uint16 {
	id, ok := ix.codeIdx[c]
	if !ok {
		id = uint16(len(ix.Codes))
		ix.Codes = append(ix.Codes, c)
		ix.codeIdx[c] = id
	}
	return id
}

// Len returns the number of events.
func (ix *Index) Len() int { return len(ix.IDs) }

// actors returns event i's distinct code ids, ascending.
func (ix *Index) actors(i int) []uint16 { return ix.act[ix.actOff[i]:ix.actOff[i+1]] }

// Name returns a display name for an actor code: NameOf's, else the name of
// the state or organisation as the events give it, else the code.
func (ix *Index) Name(code string) string {
	if ix.NameOf != nil {
		if n := ix.NameOf(code); n != "" {
			return n
		}
	}
	if id, ok := ix.codeIdx[code]; ok {
		if n, ok := ix.names[id]; ok {
			return n
		}
	}
	return code
}

// Dyad names the unordered pair of two codes: the codes in alphabetical
// order joined by a dash ("CHN-RUS").
func Dyad(a, b string) string {
	if b < a {
		a, b = b, a
	}
	return a + "-" + b
}

// dyadName names the pair of two code ids.
func (ix *Index) dyadName(a, b uint16) string { return Dyad(ix.Codes[a], ix.Codes[b]) }

// involves reports whether event i has one of the focus codes (all events
// when focus is empty).
func (ix *Index) involves(i int, focus map[uint16]bool) bool {
	if len(focus) == 0 {
		return true
	}
	for _, c := range ix.actors(i) {
		if focus[c] {
			return true
		}
	}
	return false
}

// focusSet maps focus codes to code ids; codes the index does not know
// select nothing (a set with no matching id).
func (ix *Index) focusSet(codes []string) map[uint16]bool {
	if len(codes) == 0 {
		return nil
	}
	m := map[uint16]bool{}
	for _, c := range codes {
		if id, ok := ix.codeIdx[strings.ToUpper(c)]; ok {
			m[id] = true
		}
	}
	if len(m) == 0 {
		m[1<<16-1] = true // matches no event
	}
	return m
}

var epoch = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

// DayOf returns the first day of a date range as days since 1970-01-01, or
// NoDay for no date or a date without a year.
func DayOf(r model.DateRange) int32 {
	p := r.From
	if p.Year == 0 {
		return NoDay
	}
	return DayNumber(p.Year, max(p.Month, 1), max(p.Day, 1))
}

// DayNumber returns the day number of a calendar date.
func DayNumber(y, m, d int) int32 {
	return int32(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Sub(epoch).Hours() / 24)
}

// ParseDay reads YYYY, YYYY-MM or YYYY-MM-DD as the first day it can mean;
// with last set, as the last.
func ParseDay(s string, last bool) (int32, error) {
	p, err := model.ParsePoint(s)
	if err != nil || p.Year == 0 {
		return NoDay, &DateError{s}
	}
	if !last {
		return DayNumber(p.Year, max(p.Month, 1), max(p.Day, 1)), nil
	}
	switch {
	case p.Month == 0:
		return DayNumber(p.Year+1, 1, 1) - 1, nil
	case p.Day == 0:
		return DayNumber(p.Year, p.Month+1, 1) - 1, nil
	}
	return DayNumber(p.Year, p.Month, p.Day), nil
}

// DateError is a date the analysis cannot read.
type DateError struct{ Text string }

func (e *DateError) Error() string {
	return "analysis: date " + quote(e.Text) + ": want YYYY, YYYY-MM or YYYY-MM-DD"
}

func quote(s string) string { return `"` + s + `"` }

// DayString formats a day number as YYYY-MM-DD.
func DayString(d int32) string {
	return epoch.AddDate(0, 0, int(d)).Format("2006-01-02")
}
