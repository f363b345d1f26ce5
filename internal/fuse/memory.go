package fuse

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strconv"
	"time"

	"entente/internal/model"
)

// Memory is a Pool that holds its events in memory, in the order they were
// founded (extract's). Within a block they are indexed by day (events of at
// most narrowDays days), as wide (longer or year-less dates), and by person
// (in id order, dated and undated apart), so that finding a report's
// candidates costs what its own days and people hold; the index keeps a few
// words per event (its id, days and people), enough to choose candidates
// without the event itself.
//
// With ParkTo, at most a given number of events stay in memory whole: the
// least recently used of the others are written to a file and read back
// when a report is compared with them (or by Each), so memory follows the
// index, not the events.
type Memory struct {
	evs    []memEvent // in founding order
	ids    map[uint64]int32
	blocks map[string]*memBlock
	// compared counts Event calls: the events a report was compared with
	// (tests check the index with it).
	compared int

	park              *os.File // where events are parked (ParkTo)
	parkW             *bufio.Writer
	parkOff, parkSync int64 // bytes written; bytes flushed to the file
	hot, maxHot       int   // events in memory; their limit (0: all)
	clock             uint32
	hotIdx            map[*model.Event]int32
}

// memEvent is one event of a Memory: its index entry, and the event itself
// unless it is parked.
type memEvent struct {
	e           *model.Event // nil while parked
	id          uint64       // the id's hex digits (ev_%016x)
	first, last int32        // model.DateRange.Bounds
	persons     []string
	park        int64  // one past the offset of its last parked copy (0: none)
	plen        int32  // and that copy's length
	used        uint32 // clock of its last use
}

// narrowDays is the longest date, in days, indexed day by day.
const narrowDays = 62

type memBlock struct {
	days    map[int32][]int32 // day number → events whose dates cover it
	wide    []int32           // events with longer or year-less dates
	all     []int32           // every dated event (year-less reports)
	dated   map[string][]int32
	undated map[string][]int32 // person → the first Cap dated events naming them, by id; events undated when they named them, by id
}

var _ Pool = (*Memory)(nil)

// NewMemory returns an empty Memory.
func NewMemory() *Memory {
	return &Memory{ids: map[uint64]int32{}, blocks: map[string]*memBlock{}, hotIdx: map[*model.Event]int32{}}
}

// ParkTo makes m keep at most hot events in memory and park the others in
// file (which the caller creates and removes).
func (m *Memory) ParkTo(file *os.File, hot int) {
	m.park, m.parkW, m.maxHot = file, bufio.NewWriterSize(file, 1<<20), hot
}

// dayNum turns YYYYMMDD into a day number.
func dayNum(v int) int32 {
	return int32(time.Date(v/10000, time.Month(v/100%100), v%100, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// idNum and idString convert between an event id and its number.
func idNum(id string) uint64 {
	if len(id) != 19 || id[:3] != "ev_" {
		panic("fuse: event id " + id)
	}
	v, err := strconv.ParseUint(id[3:], 16, 64)
	if err != nil {
		panic("fuse: event id " + id)
	}
	return v
}

func idString(v uint64) string { return fmt.Sprintf("ev_%016x", v) }

// Candidates returns the events of block key indexed under e's days and
// persons (a superset of what mayJoin accepts).
func (m *Memory) Candidates(key string, e *model.Event) ([]Candidate, error) {
	b := m.blocks[key]
	if b == nil {
		return nil, nil
	}
	var out []Candidate
	add := func(i int32) {
		me := &m.evs[i]
		out = append(out, Candidate{ID: idString(me.id), First: int(me.first), Last: int(me.last), Persons: me.persons, ref: i + 1})
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
			if m.evs[i].first == 0 {
				add(i)
				if n++; n == Cap {
					break
				}
			}
		}
	}
	return out, nil
}

// Event returns the event of a candidate, read back if it was parked.
func (m *Memory) Event(c Candidate) (*model.Event, error) {
	m.compared++
	i := c.ref - 1
	if i < 0 {
		var ok bool
		if i, ok = m.ids[idNum(c.ID)]; !ok {
			return nil, fmt.Errorf("fuse: no event %s", c.ID)
		}
	}
	me := &m.evs[i]
	m.clock++
	me.used = m.clock
	if me.e == nil {
		e, err := m.load(me)
		if err != nil {
			return nil, err
		}
		me.e = e
		m.hotIdx[e] = i
		m.hot++
	}
	return me.e, nil
}

// Put keeps a founded event and indexes what changed in one.
func (m *Memory) Put(key string, e *model.Event, ch Change) error {
	b := m.blocks[key]
	if b == nil {
		b = &memBlock{days: map[int32][]int32{}, dated: map[string][]int32{}, undated: map[string][]int32{}}
		m.blocks[key] = b
	}
	i, ok := m.hotIdx[e]
	if !ok || ch.Founded {
		i = int32(len(m.evs))
		m.evs = append(m.evs, memEvent{e: e, id: idNum(e.ID)})
		m.ids[m.evs[i].id] = i
		m.hotIdx[e] = i
		m.hot++
	}
	me := &m.evs[i]
	m.clock++
	me.used = m.clock
	first, last := e.Date.Bounds()
	me.first, me.last = int32(first), int32(last)
	if ch.Actors || ch.Founded {
		me.persons = Persons(e)
	}
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
		for _, p := range me.persons {
			if first != 0 {
				// Only the first Cap by id can be a report's candidates:
				// a dated event stays dated and keeps its people.
				if l := b.dated[p]; len(l) < Cap || me.id < m.evs[l[len(l)-1]].id {
					l = m.insert(l, i)
					b.dated[p] = l[:min(Cap, len(l))]
				}
			} else {
				b.undated[p] = m.insert(m.undatedOnly(b.undated[p]), i)
			}
		}
	}
	if m.maxHot > 0 && m.hot > m.maxHot {
		return m.evict()
	}
	return nil
}

// undatedOnly drops from a long list of undated[p] the events that got a
// date since (they are in dated), so that it follows the undated events.
func (m *Memory) undatedOnly(list []int32) []int32 {
	if len(list) < 2*Cap {
		return list
	}
	return slices.DeleteFunc(list, func(i int32) bool { return m.evs[i].first != 0 })
}

// insert puts event i into a list kept in id order, once.
func (m *Memory) insert(list []int32, i int32) []int32 {
	id := m.evs[i].id
	at, found := slices.BinarySearchFunc(list, id, func(j int32, id uint64) int {
		switch a := m.evs[j].id; {
		case a < id:
			return -1
		case a > id:
			return 1
		}
		return 0
	})
	if found {
		return list
	}
	return slices.Insert(list, at, i)
}

// parked is how an event is written to the park file: JSON leaves the
// sources' Spill offsets out, so they go beside it.
type parked struct {
	E      *model.Event
	Spills []int64 `json:",omitempty"`
}

// evict parks the least recently used half of the events in memory.
func (m *Memory) evict() error {
	var hot []int32
	for _, i := range m.hotIdx {
		hot = append(hot, i)
	}
	slices.SortFunc(hot, func(a, b int32) int { return int(int64(m.evs[a].used) - int64(m.evs[b].used)) })
	for _, i := range hot[:len(hot)/2] {
		me := &m.evs[i]
		p := parked{E: me.e}
		for _, s := range me.e.Sources {
			p.Spills = append(p.Spills, s.Spill)
		}
		data, err := json.Marshal(&p)
		if err != nil {
			return fmt.Errorf("fuse: park: %w", err)
		}
		if _, err := m.parkW.Write(data); err != nil {
			return fmt.Errorf("fuse: park: %w", err)
		}
		me.park, me.plen = m.parkOff+1, int32(len(data))
		m.parkOff += int64(len(data))
		delete(m.hotIdx, me.e)
		me.e = nil
		m.hot--
	}
	return nil
}

// load reads a parked event back.
func (m *Memory) load(me *memEvent) (*model.Event, error) {
	if m.parkSync < m.parkOff {
		if err := m.parkW.Flush(); err != nil {
			return nil, fmt.Errorf("fuse: park: %w", err)
		}
		m.parkSync = m.parkOff
	}
	buf := make([]byte, me.plen)
	if _, err := m.park.ReadAt(buf, me.park-1); err != nil {
		return nil, fmt.Errorf("fuse: park: %w", err)
	}
	var p parked
	if err := json.Unmarshal(buf, &p); err != nil {
		return nil, fmt.Errorf("fuse: park: %w", err)
	}
	for k := range p.E.Sources {
		p.E.Sources[k].Spill = p.Spills[k]
	}
	return p.E, nil
}

// each calls fn with every event in founding order; a parked one is read
// back for the call only.
func (m *Memory) each(fn func(*model.Event) error) error {
	for i := range m.evs {
		e := m.evs[i].e
		if e == nil {
			var err error
			if e, err = m.load(&m.evs[i]); err != nil {
				return err
			}
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}
