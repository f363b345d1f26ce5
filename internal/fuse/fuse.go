// Package fuse merges events from different documents that report the same
// real-world event, across languages.
//
// In: the events of each document, one document at a time (Add). Out: the
// fused events (Events), each citing every source, with the most precise
// date and place of its reports.
//
// Events are blocked by type and sorted actor codes, so a new event is only
// compared with earlier events of the same block; within a block they are
// indexed by month, so a dated event is only compared with the events whose
// dates can overlap its own (and with those that have no date or no year).
// The cost of a new event does not grow with the number of events of other
// blocks or of other months. Two events merge when events.Compatible says so
// and they come from different documents (merges within a document are
// events.Merge's).
package fuse

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"runtime"
	"slices"
	"sort"
	"sync"

	"entente/internal/events"
	"entente/internal/model"
)

// wide is the longest span, in months, indexed month by month; events
// spanning more are kept in the block's open list.
const wide = 24

// Fuser accumulates events. It is not safe for concurrent use: feed it from
// one goroutine, in document order, for deterministic output.
type Fuser struct {
	evs    []*model.Event
	blocks map[string]*block
	// compared counts the events.Compatible calls (tests check the index).
	compared int
	// spill, when set, receives the source sentences (SpillTo), through
	// spillW: one write per sentence would cost a system call each.
	spill    *os.File
	spillW   *bufio.Writer
	spillOff int64
	err      error // the first spill error
}

// SpillTo makes the Fuser keep source sentences in file rather than in
// memory: what it holds per source is then a few words, and memory follows
// the number of events, not the text of every report. Each reads the
// sentences back. The caller creates and removes the file.
func (f *Fuser) SpillTo(file *os.File) {
	f.spill, f.spillW, f.spillOff = file, bufio.NewWriterSize(file, 1<<20), 0
}

// park writes the sentences of e's sources to the spill file.
func (f *Fuser) park(e *model.Event) {
	if f.spill == nil || f.err != nil {
		return
	}
	e.Sources = append([]model.Source(nil), e.Sources...) // the caller's stay whole
	for i := range e.Sources {
		s := &e.Sources[i]
		if s.Spill != 0 || s.Sentence == "" {
			continue
		}
		n, err := f.spillW.WriteString(s.Sentence)
		if err != nil {
			f.err = fmt.Errorf("fuse: spill: %w", err)
			return
		}
		s.Spill = f.spillOff + 1
		f.spillOff += int64(n)
		s.Sentence = ""
	}
}

// unpark reads back the sentences of e's sources (e's own copy of them).
// The sources of a much-reported event are read by one goroutine per CPU,
// each a stretch of them: reading back follows the whole corpus, and one
// event at a time keeps memory to that event's sentences.
func (f *Fuser) unpark(e *model.Event) error {
	if f.spill == nil {
		return nil
	}
	srcs := make([]model.Source, len(e.Sources))
	copy(srcs, e.Sources)
	read := func(part []model.Source) error {
		for i := range part {
			s := &part[i]
			if s.Spill == 0 {
				continue
			}
			buf := make([]byte, s.End-s.Start)
			if _, err := f.spill.ReadAt(buf, s.Spill-1); err != nil {
				return fmt.Errorf("fuse: spill: %w", err)
			}
			s.Sentence, s.Spill = string(buf), 0
		}
		return nil
	}
	workers := runtime.GOMAXPROCS(0)
	if workers == 1 || len(srcs) < parallelUnpark {
		if err := read(srcs); err != nil {
			return err
		}
		e.Sources = srcs
		return nil
	}
	errs := make([]error, workers)
	var wg sync.WaitGroup
	per := (len(srcs) + workers - 1) / workers
	for w := 0; w < workers; w++ {
		lo, hi := min(w*per, len(srcs)), min((w+1)*per, len(srcs))
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[w] = read(srcs[lo:hi])
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	e.Sources = srcs
	return nil
}

// parallelUnpark is the number of sources from which an event's sentences
// are read back by several goroutines.
const parallelUnpark = 256

// block holds the indices of one block's events: by month (YYYY*12+M-1) for
// dated events, and in open for undated, year-less and very long ones.
type block struct {
	months map[int][]int
	open   []int
}

// New returns an empty Fuser.
func New() *Fuser { return &Fuser{blocks: map[string]*block{}} }

// span returns the months an event's date covers, or ok=false when it has
// no date, no year, or spans more than wide months.
func span(e *model.Event) (from, to int, ok bool) {
	first, last := e.Date.Bounds()
	if first < 10000 {
		return 0, 0, false
	}
	from = first/10000*12 + first/100%100 - 1
	to = last/10000*12 + last/100%100 - 1
	return from, to, to-from < wide
}

// candidates returns, in the order they were added, the indices of the
// block's events that may be compatible with e.
func (b *block) candidates(e *model.Event) []int {
	from, to, ok := span(e)
	if !ok {
		// Without a date (or a year) any event of the block may do.
		var all []int
		for _, ix := range b.months {
			all = append(all, ix...)
		}
		all = append(all, b.open...)
		slices.Sort(all)
		return slices.Compact(all)
	}
	out := append([]int(nil), b.open...)
	for m := from; m <= to; m++ {
		out = append(out, b.months[m]...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func (b *block) add(i int, e *model.Event) {
	from, to, ok := span(e)
	if !ok {
		b.open = append(b.open, i)
		return
	}
	for m := from; m <= to; m++ {
		b.months[m] = append(b.months[m], i)
	}
}

// Add merges one document's events into the fused set. It returns the
// number of events that joined an existing event.
func (f *Fuser) Add(evs []model.Event) int {
	merged := 0
	start := len(f.evs)
	for i := range evs {
		e := evs[i]
		f.park(&e)
		k := events.Key(&e)
		b := f.blocks[k]
		if b == nil {
			b = &block{months: map[int][]int{}}
			f.blocks[k] = b
		}
		joined := false
		for _, j := range b.candidates(&e) {
			if j >= start {
				continue // the same document: already merged by events.Merge
			}
			f.compared++
			if events.Compatible(f.evs[j], &e, false) {
				before, _, _ := span(f.evs[j])
				events.Absorb(f.evs[j], &e)
				// A finer date narrows the months; the old entries stay and
				// only cost a comparison. A date where there was none indexes it.
				if after, _, ok := span(f.evs[j]); ok && after != before {
					b.add(j, f.evs[j])
				}
				joined = true
				merged++
				break
			}
		}
		if !joined {
			b.add(len(f.evs), &e)
			f.evs = append(f.evs, &e)
		}
	}
	return merged
}

// Len returns the number of fused events.
func (f *Fuser) Len() int { return len(f.evs) }

// Events returns the fused events with stable ids, in order of first report.
func (f *Fuser) Events() []model.Event {
	out := make([]model.Event, 0, len(f.evs))
	f.Each(func(e *model.Event) error {
		out = append(out, *e)
		return nil
	})
	return out
}

// Each calls fn with each fused event, with its stable id and sentences, in
// order of first report, one at a time: a spilling Fuser holds only one
// event's sentences in memory. It stops at fn's first error, and returns it
// or the first spill error.
func (f *Fuser) Each(fn func(*model.Event) error) error {
	if f.err != nil {
		return f.err
	}
	if f.spillW != nil {
		if err := f.spillW.Flush(); err != nil {
			return fmt.Errorf("fuse: spill: %w", err)
		}
	}
	for _, p := range f.evs {
		e := *p
		if err := f.unpark(&e); err != nil {
			return err
		}
		if f.spill == nil {
			e.Sources = append([]model.Source(nil), e.Sources...)
		}
		sort.SliceStable(e.Sources, func(a, b int) bool {
			sa, sb := e.Sources[a], e.Sources[b]
			if sa.Doc != sb.Doc {
				return sa.Doc < sb.Doc
			}
			return sa.Start < sb.Start
		})
		events.SetID(&e)
		if err := fn(&e); err != nil {
			return err
		}
	}
	return nil
}
