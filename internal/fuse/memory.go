package fuse

import (
	"slices"
	"strings"
	"time"

	"entente/internal/model"
)

// Memory is a Pool that holds its events in memory, in the order they were
// founded (extract's). Within a block they are indexed by day (events of at
// most narrowDays days), as wide (longer or year-less dates), and by person
// (sorted by id, dated and undated apart), so that finding a report's
// candidates costs what its own days and people hold.
type Memory struct {
	evs    []*model.Event // in founding order; nil once dropped
	ids    map[string]int
	blocks map[string]*memBlock
	// compared counts Event calls: the events a report was compared with
	// (tests check the index with it).
	compared int
}

// narrowDays is the longest date, in days, indexed day by day.
const narrowDays = 62

type memBlock struct {
	days    map[int][]int    // day number → events whose dates cover it
	wide    []int            // events with longer or year-less dates
	all     []int            // every dated event (year-less reports)
	dated   map[string][]int // person → the first Cap dated events naming them, by id
	undated map[string][]int // person → events undated when they named them, by id
}

var _ Pool = (*Memory)(nil)

// NewMemory returns an empty Memory.
func NewMemory() *Memory {
	return &Memory{ids: map[string]int{}, blocks: map[string]*memBlock{}}
}

// dayNum turns YYYYMMDD into a day number.
func dayNum(v int) int {
	return int(time.Date(v/10000, time.Month(v/100%100), v%100, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// Candidates returns the events of block key indexed under e's days and
// persons (a superset of what mayJoin accepts).
func (m *Memory) Candidates(key string, e *model.Event) ([]Candidate, error) {
	b := m.blocks[key]
	if b == nil {
		return nil, nil
	}
	var out []Candidate
	add := func(i int) {
		if ev := m.evs[i]; ev != nil {
			f, l := ev.Date.Bounds()
			out = append(out, Candidate{ID: ev.ID, First: f, Last: l, Persons: Persons(ev)})
		}
	}
	first, last := e.Date.Bounds()
	pe := Persons(e)
	switch {
	case first >= 10000 && dayNum(last)-dayNum(first) < 400:
		for d := dayNum(first); d <= dayNum(last); d++ {
			for _, i := range b.days[d] {
				add(i)
			}
		}
		for _, i := range b.wide {
			add(i)
		}
	case first != 0: // no year, or years long
		for _, i := range b.all {
			add(i)
		}
	default: // undated: the events that name its people
		for _, p := range pe {
			for _, i := range b.dated[p] {
				add(i)
			}
		}
	}
	// Events still undated that name its people: the first Cap of each list
	// (those that got a date since are in dated too).
	for _, p := range pe {
		n := 0
		for _, i := range b.undated[p] {
			if ev := m.evs[i]; ev != nil && ev.Date.IsZero() {
				add(i)
				if n++; n == Cap {
					break
				}
			}
		}
	}
	return out, nil
}

// Event returns the event with the given id.
func (m *Memory) Event(id string) (*model.Event, error) {
	m.compared++
	return m.evs[m.ids[id]], nil
}

// Put keeps a founded event and indexes what changed in one.
func (m *Memory) Put(key string, e *model.Event, ch Change) error {
	b := m.blocks[key]
	if b == nil {
		b = &memBlock{days: map[int][]int{}, dated: map[string][]int{}, undated: map[string][]int{}}
		m.blocks[key] = b
	}
	i, ok := m.ids[e.ID]
	if !ok || ch.Founded {
		i = len(m.evs)
		m.evs = append(m.evs, e)
		m.ids[e.ID] = i
	}
	first, last := e.Date.Bounds()
	if ch.Date && first != 0 {
		// A date or a finer one: the old entries stay and only cost a look.
		b.all = append(b.all, i)
		if first >= 10000 && dayNum(last)-dayNum(first) < narrowDays {
			for d := dayNum(first); d <= dayNum(last); d++ {
				b.days[d] = append(b.days[d], i)
			}
		} else {
			b.wide = append(b.wide, i)
		}
	}
	if ch.Date || ch.Actors {
		for _, p := range Persons(e) {
			if first != 0 {
				// Only the first Cap by id can be a report's candidates:
				// a dated event stays dated and keeps its people.
				if l := b.dated[p]; len(l) < Cap || m.evs[i].ID < m.evs[l[len(l)-1]].ID {
					l = m.insert(l, i)
					b.dated[p] = l[:min(Cap, len(l))]
				}
			} else {
				b.undated[p] = m.insert(m.undatedOnly(b.undated[p]), i)
			}
		}
	}
	return nil
}

// undatedOnly drops from a long list of undated[p] the events that got a
// date since (they are in dated), so that it follows the undated events.
func (m *Memory) undatedOnly(list []int) []int {
	if len(list) < 2*Cap {
		return list
	}
	return slices.DeleteFunc(list, func(i int) bool { return m.evs[i] == nil || !m.evs[i].Date.IsZero() })
}

// insert puts event i into a list kept in id order, once.
func (m *Memory) insert(list []int, i int) []int {
	id := m.evs[i].ID
	at, found := slices.BinarySearchFunc(list, id, func(j int, id string) int { return strings.Compare(m.evs[j].ID, id) })
	if found {
		return list
	}
	return slices.Insert(list, at, i)
}
