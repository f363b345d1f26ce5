package fuse

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"runtime"
	"sort"
	"sync"

	"entente/internal/model"
)

// Fuser fuses the documents of one run in memory (extract): it is
// Document over a Memory pool, with the sentences optionally parked in a
// file. It is not safe for concurrent use: feed it from one goroutine, in
// document order, for deterministic output.
type Fuser struct {
	mem *Memory
	// spill, when set, receives the source sentences (SpillTo), through
	// spillW: one write per sentence would cost a system call each.
	spill    *os.File
	spillW   *bufio.Writer
	spillOff int64
	emit     func(*model.Event) error // Stream's
	err      error                    // the first spill, fusion or emit error
}

// New returns an empty Fuser.
func New() *Fuser { return &Fuser{mem: NewMemory()} }

// Add fuses one document's events; hash is the Hash of its text (the
// caller gives each text once, as ingest stores it once) and pub its
// publication date. Add returns the number of events that joined an
// existing event. With Stream, the events the document's date closed are
// handed out before Add returns.
func (f *Fuser) Add(hash string, pub model.Point, evs []model.Event) int {
	if f.err != nil {
		return 0
	}
	own := make([]model.Event, len(evs))
	copy(own, evs)
	for i := range own {
		f.park(&own[i])
	}
	joined, err := Document(f.mem, hash, pub, own)
	if err != nil {
		f.err = err
	}
	if f.emit != nil && f.err == nil {
		if err := f.flushSpill(); err != nil {
			f.err = err
		} else if err := f.mem.sweep(f.out(f.emit)); err != nil {
			f.err = err
		}
	}
	merged := 0
	for _, j := range joined {
		if j.Merged {
			merged++
		}
	}
	return merged
}

// SpillTo makes the Fuser keep source sentences in file rather than in
// memory: what it holds per source is then a few words, and memory follows
// the number of events, not the text of every report. Each reads the
// sentences back. A parked sentence keeps its key (SentenceKey), which is
// what fusion's same-sentence rule compares. The caller creates and
// removes the file.
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
		s.Key = SentenceKey(s.Sentence) // what fusion compares of it meanwhile
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
			s.Sentence, s.Spill, s.Key = string(buf), 0, 0
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

// ParkEventsTo makes the Fuser keep at most hot events in memory whole and
// park the others in file (Memory.ParkTo): with SpillTo, memory then
// follows the index of the events, a few words each, not the events. The
// caller creates and removes the file.
func (f *Fuser) ParkEventsTo(file *os.File, hot int) { f.mem.ParkTo(file, hot) }

// Stream makes Add hand each event to fn as soon as it is closed (see the
// package doc), with its stable id and sentences, and forget it: memory then
// follows the open events. The events a sweep closes go out in order of
// first report; Each hands out the rest at the end, in the same order.
func (f *Fuser) Stream(fn func(*model.Event) error) { f.emit = fn }

// Len returns the number of fused events, handed out or not.
func (f *Fuser) Len() int { return f.mem.total }

// Events returns the fused events with stable ids, in order of first report.
func (f *Fuser) Events() []model.Event {
	out := make([]model.Event, 0, f.mem.evs.len())
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
	if err := f.flushSpill(); err != nil {
		return err
	}
	return f.mem.each(f.out(fn))
}

// flushSpill writes the buffered sentences to the spill file.
func (f *Fuser) flushSpill() error {
	if f.spillW != nil {
		if err := f.spillW.Flush(); err != nil {
			return fmt.Errorf("fuse: spill: %w", err)
		}
	}
	return nil
}

// out returns what hands an event to fn: a copy with its sentences read
// back and its sources in document order.
func (f *Fuser) out(fn func(*model.Event) error) func(*model.Event) error {
	return func(p *model.Event) error {
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
		return fn(&e)
	}
}
