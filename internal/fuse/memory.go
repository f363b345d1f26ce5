package fuse

import (
	"bufio"
	"cmp"
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
//
// Closed events (see the package doc) are no candidates. sweep hands them
// out and forgets them, index entries included, so that memory follows the
// open events.
type Memory struct {
	evs    evTable // in founding order
	blocks map[string]*memBlock
	// slots hold the events in memory (memEvent.slot), free the slots
	// given up; plists the persons of the events that name some
	// (memEvent.pl). The index itself (evs) holds no pointers, so the
	// garbage collector does not scan it.
	slots  []*model.Event
	free   []int32
	plists [][]string
	mark   int               // the watermark
	bySeen map[int32][]int32 // seen mark → events given it (some have moved on since)
	swept  int               // the horizon of the last sweep
	gone   int               // forgotten entries of evs, not yet compacted away
	total  int               // events founded
	// minCompact is the fewest forgotten entries worth a compaction.
	minCompact int
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

// memEvent is one event of a Memory: its index entry, and where the event
// itself is, in memory (slot) or parked. It holds no pointer: a million of
// them are one array the garbage collector need not scan.
type memEvent struct {
	id          uint64 // the id's hex digits (ev_%016x)
	first, last int32  // model.DateRange.Bounds
	park        int64  // one past the offset of its last parked copy (0: none)
	plen        int32  // and that copy's length
	used        uint32 // clock of its last use
	seen        int32  // its seen mark
	slot        int32  // one past its index in Memory.slots (0: parked)
	pl          int32  // one past the index of its persons in Memory.plists (0: none)
	gone        bool   // closed, handed out and forgotten
}

// evTable is the events of a Memory in chunks of a fixed size: growing it
// copies nothing, and it holds no more than a chunk it does not use.
type evTable struct {
	chunks [][]memEvent
	n      int
}

// evChunk is the number of events of a chunk (a power of two).
const evChunk = 1 << 14

func (t *evTable) at(i int32) *memEvent { return &t.chunks[i/evChunk][i%evChunk] }
func (t *evTable) len() int             { return t.n }

// add appends an event and returns its index.
func (t *evTable) add(me memEvent) int32 {
	if t.n == len(t.chunks)*evChunk {
		t.chunks = append(t.chunks, make([]memEvent, evChunk))
	}
	*t.at(int32(t.n)) = me
	t.n++
	return int32(t.n - 1)
}

// ev returns the event of me when it is in memory (nil when parked).
func (m *Memory) ev(me *memEvent) *model.Event {
	if me.slot == 0 {
		return nil
	}
	return m.slots[me.slot-1]
}

// setEv keeps e in memory as me's event; nil gives up its slot.
func (m *Memory) setEv(me *memEvent, e *model.Event) {
	switch {
	case e == nil && me.slot != 0:
		m.slots[me.slot-1] = nil
		m.free = append(m.free, me.slot-1)
		me.slot = 0
	case e == nil:
	case me.slot != 0:
		m.slots[me.slot-1] = e
	default:
		var s int32
		if n := len(m.free); n > 0 {
			s, m.free = m.free[n-1], m.free[:n-1]
		} else {
			s = int32(len(m.slots))
			m.slots = append(m.slots, nil)
		}
		m.slots[s], me.slot = e, s+1
	}
}

// persons returns the persons of an event (Persons).
func (m *Memory) persons(me *memEvent) []string {
	if me.pl == 0 {
		return nil
	}
	return m.plists[me.pl-1]
}

// setPersons sets the persons of an event.
func (m *Memory) setPersons(me *memEvent, ps []string) {
	switch {
	case me.pl != 0:
		m.plists[me.pl-1] = ps
	case len(ps) > 0:
		m.plists = append(m.plists, ps)
		me.pl = int32(len(m.plists))
	}
}

// dayList is a block's events by day: (day number, event) pairs in day
// order, and in the order they were added within a day. Eight bytes a
// pair and no pointer, where a map of lists took several times that and
// was scanned by every garbage collection.
type dayList []dayRef

type dayRef struct{ day, i int32 }

// from returns the index of the first pair of day d or later.
func (l dayList) from(d int32) int {
	lo, _ := slices.BinarySearchFunc(l, d, func(r dayRef, d int32) int { return cmp.Compare(r.day, d) })
	return lo
}

// add puts event i under day d, after the events already there.
func (l *dayList) add(d, i int32) {
	*l = slices.Insert(*l, (*l).from(d+1), dayRef{d, i})
}

// narrowDays is the longest date, in days, indexed day by day.
const narrowDays = 62

type memBlock struct {
	days    dayList            // events by the day numbers their dates cover
	wide    []int32            // events with longer or year-less dates
	all     []int32            // every dated event (year-less reports)
	dated   map[string][]int32 // person → the dated events naming them, by id
	undated map[string][]int32 // person → events undated when they named them, by id
}

var _ Pool = (*Memory)(nil)

// NewMemory returns an empty Memory.
func NewMemory() *Memory {
	return &Memory{blocks: map[string]*memBlock{}, hotIdx: map[*model.Event]int32{}, bySeen: map[int32][]int32{}, minCompact: 1024}
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

// Mark returns the watermark.
func (m *Memory) Mark() (int, error) { return m.mark, nil }

// SetMark moves the watermark; the first mark is also the seen mark of
// the events seen before it (at 0).
func (m *Memory) SetMark(day int) error {
	if m.mark == 0 && day > 0 {
		for _, i := range m.bySeen[0] {
			if me := m.evs.at(i); !me.gone && me.seen == 0 {
				me.seen = int32(day)
				m.bySeen[int32(day)] = append(m.bySeen[int32(day)], i)
			}
		}
		delete(m.bySeen, 0)
	}
	m.mark = day
	return nil
}

// Candidates returns the open events of block key indexed under e's days
// and persons (a superset of what mayJoin accepts).
func (m *Memory) Candidates(key string, e *model.Event) ([]Candidate, error) {
	b := m.blocks[key]
	if b == nil {
		return nil, nil
	}
	var out []Candidate
	horizon := Horizon(m.mark)
	open := func(i int32) bool {
		me := m.evs.at(i)
		return !me.gone && int(me.seen) >= horizon
	}
	add := func(i int32) {
		if !open(i) {
			return
		}
		me := m.evs.at(i)
		out = append(out, Candidate{ID: idString(me.id), First: int(me.first), Last: int(me.last), Persons: m.persons(me), Seen: int(me.seen), ref: i + 1})
	}
	first, last := e.Date.Bounds()
	pe := Persons(e)
	switch {
	case first >= 10000 && dayNum(last)-dayNum(first) < 400:
		hi := dayNum(last)
		for k := b.days.from(dayNum(first)); k < len(b.days) && b.days[k].day <= hi; k++ {
			add(b.days[k].i)
		}
		for _, i := range b.wide {
			add(i)
		}
	case first != 0: // no year, or years long
		for _, i := range b.all {
			add(i)
		}
	default: // undated: the first Cap open events that name its people
		for _, p := range pe {
			n := 0
			for _, i := range b.dated[p] {
				if open(i) {
					add(i)
					if n++; n == Cap {
						break
					}
				}
			}
		}
	}
	// Events still undated that name its people: the first Cap open ones of
	// each list (those that got a date since are in dated too).
	for _, p := range pe {
		n := 0
		for _, i := range b.undated[p] {
			if m.evs.at(i).first == 0 && open(i) {
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
	if i < 0 || int(i) >= m.evs.len() || idString(m.evs.at(i).id) != c.ID {
		return nil, fmt.Errorf("fuse: event %s is no candidate of this pool", c.ID)
	}
	me := m.evs.at(i)
	m.clock++
	me.used = m.clock
	e := m.ev(me)
	if e == nil {
		var err error
		if e, err = m.load(me); err != nil {
			return nil, err
		}
		m.setEv(me, e)
		m.hotIdx[e] = i
		m.hot++
	}
	return e, nil
}

// Put keeps a founded event and indexes what changed in one.
func (m *Memory) Put(key string, e *model.Event, ch Change) error {
	b := m.blocks[key]
	if b == nil {
		b = &memBlock{dated: map[string][]int32{}, undated: map[string][]int32{}}
		m.blocks[key] = b
	}
	i, ok := m.hotIdx[e]
	if !ok || ch.Founded {
		i = m.evs.add(memEvent{id: idNum(e.ID), seen: -1})
		m.setEv(m.evs.at(i), e)
		m.hotIdx[e] = i
		m.hot++
		m.total++
	}
	me := m.evs.at(i)
	m.clock++
	me.used = m.clock
	if s := int32(ch.Seen); s != me.seen {
		me.seen = s
		m.bySeen[s] = append(m.bySeen[s], i)
	}
	first, last := e.Date.Bounds()
	me.first, me.last = int32(first), int32(last)
	if ch.Actors || ch.Founded {
		m.setPersons(me, Persons(e))
	}
	if ch.Date && first != 0 {
		// A date or a finer one: the old entries stay and only cost a look.
		b.all = append(b.all, i)
		if first >= 10000 && dayNum(last)-dayNum(first) < narrowDays {
			for d := dayNum(first); d <= dayNum(last); d++ {
				b.days.add(d, i)
			}
		} else {
			b.wide = append(b.wide, i)
		}
	}
	if ch.Date || ch.Actors {
		for _, p := range m.persons(me) {
			if first != 0 {
				b.dated[p] = m.insert(b.dated[p], i)
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
	return slices.DeleteFunc(list, func(i int32) bool { me := m.evs.at(i); return me.first != 0 || me.gone })
}

// insert puts event i into a list kept in id order, once.
func (m *Memory) insert(list []int32, i int32) []int32 {
	id := m.evs.at(i).id
	at, found := slices.BinarySearchFunc(list, id, func(j int32, id uint64) int {
		switch a := m.evs.at(j).id; {
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
// sources' Spill offsets and sentence keys out, so they go beside it
// (keys of the first SentenceSources sources, the only ones compared).
type parked struct {
	E      *model.Event
	Spills []int64  `json:",omitempty"`
	Keys   []uint64 `json:",omitempty"`
}

// evict parks the least recently used half of the events in memory.
func (m *Memory) evict() error {
	var hot []int32
	for _, i := range m.hotIdx {
		hot = append(hot, i)
	}
	slices.SortFunc(hot, func(a, b int32) int { return int(int64(m.evs.at(a).used) - int64(m.evs.at(b).used)) })
	for _, i := range hot[:len(hot)/2] {
		me := m.evs.at(i)
		e := m.ev(me)
		p := parked{E: e}
		for k, s := range e.Sources {
			p.Spills = append(p.Spills, s.Spill)
			if k < SentenceSources {
				p.Keys = append(p.Keys, s.Key)
			}
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
		delete(m.hotIdx, e)
		m.setEv(me, nil)
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
		if k < len(p.Keys) {
			p.E.Sources[k].Key = p.Keys[k]
		}
	}
	return p.E, nil
}

// each calls fn with every event not yet handed out, in founding order; a
// parked one is read back for the call only.
func (m *Memory) each(fn func(*model.Event) error) error {
	for i := range int32(m.evs.len()) {
		me := m.evs.at(i)
		if me.gone {
			continue
		}
		e := m.ev(me)
		if e == nil {
			var err error
			if e, err = m.load(me); err != nil {
				return err
			}
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

// sweep calls fn with each event closed since the last sweep (seen before
// the horizon of the watermark), in founding order, and forgets them: their
// index entries go at the next compaction, which comes once they are as
// many as the events kept.
func (m *Memory) sweep(fn func(*model.Event) error) error {
	horizon := Horizon(m.mark)
	if horizon <= m.swept {
		return nil
	}
	var closed []int32
	for s := m.swept; s < horizon; s++ {
		for _, i := range m.bySeen[int32(s)] {
			if me := m.evs.at(i); !me.gone && int(me.seen) == s {
				closed = append(closed, i)
			}
		}
		delete(m.bySeen, int32(s))
	}
	m.swept = horizon
	slices.Sort(closed)
	closed = slices.Compact(closed)
	for _, i := range closed {
		me := m.evs.at(i)
		e := m.ev(me)
		if e == nil {
			var err error
			if e, err = m.load(me); err != nil {
				return err
			}
		} else {
			delete(m.hotIdx, e)
			m.setEv(me, nil)
			m.hot--
		}
		if err := fn(e); err != nil {
			return err
		}
		if me.pl != 0 {
			m.plists[me.pl-1] = nil
		}
		*me = memEvent{id: me.id, gone: true} // lists stay in id order
		m.gone++
	}
	if m.gone > m.minCompact && 2*m.gone > m.evs.len() {
		m.compact()
	}
	return nil
}

// compact drops the forgotten events from evs and from every index list,
// renumbering the others (in the same order).
func (m *Memory) compact() {
	remap := make([]int32, m.evs.len())
	var evs evTable
	var plists [][]string
	for i := range int32(m.evs.len()) {
		me := *m.evs.at(i)
		if me.gone {
			remap[i] = -1
			continue
		}
		if me.pl != 0 {
			plists = append(plists, m.plists[me.pl-1])
			me.pl = int32(len(plists))
		}
		remap[i] = evs.add(me)
	}
	keep := func(list []int32) []int32 {
		var out []int32
		for _, i := range list {
			if r := remap[i]; r >= 0 {
				out = append(out, r)
			}
		}
		return out
	}
	keepAll := func(lists map[string][]int32) map[string][]int32 {
		out := make(map[string][]int32, len(lists))
		for k, l := range lists {
			if l = keep(l); len(l) > 0 {
				out[k] = l
			}
		}
		return out
	}
	for key, b := range m.blocks {
		var days dayList
		for _, r := range b.days {
			if n := remap[r.i]; n >= 0 {
				days = append(days, dayRef{r.day, n})
			}
		}
		b.days, b.wide, b.all = days, keep(b.wide), keep(b.all)
		b.dated, b.undated = keepAll(b.dated), keepAll(b.undated)
		if len(b.days)+len(b.wide)+len(b.all)+len(b.dated)+len(b.undated) == 0 {
			delete(m.blocks, key)
		}
	}
	bySeen := make(map[int32][]int32, len(m.bySeen))
	for s, l := range m.bySeen {
		if l = keep(l); len(l) > 0 {
			bySeen[s] = l
		}
	}
	m.bySeen = bySeen
	for e, i := range m.hotIdx {
		m.hotIdx[e] = remap[i]
	}
	m.evs, m.plists, m.gone = evs, plists, 0
}
