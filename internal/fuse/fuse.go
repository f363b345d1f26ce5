// Package fuse merges events from different documents that report the same
// real-world event, across languages.
//
// In: the events of each document, one document at a time (Add). Out: the
// fused events (Events), each citing every source, with the most precise
// date and place of its reports.
//
// Events are blocked by type and sorted actor codes, so a new event is only
// compared with earlier events of the same block, and within a block by
// date: the cost of a new event does not grow with the number of unrelated
// events. Two events merge when events.Compatible says so and they come
// from different documents (merges within a document are events.Merge's).
package fuse

import (
	"sort"

	"entente/internal/events"
	"entente/internal/model"
)

// Fuser accumulates events. It is not safe for concurrent use: feed it from
// one goroutine, in document order, for deterministic output.
type Fuser struct {
	evs    []*model.Event
	blocks map[string][]int
	// compared counts calls of events.Compatible, for the test that fusion
	// stays flat as unrelated events accumulate.
	compared int
}

// New returns an empty Fuser.
func New() *Fuser { return &Fuser{blocks: map[string][]int{}} }

// Add merges one document's events into the fused set. It returns the
// number of events that joined an existing event.
func (f *Fuser) Add(evs []model.Event) int {
	merged := 0
	start := len(f.evs)
	for i := range evs {
		e := evs[i]
		k := events.Key(&e)
		joined := false
		for _, j := range f.blocks[k] {
			if j >= start {
				continue // the same document: already merged by events.Merge
			}
			f.compared++
			if events.Compatible(f.evs[j], &e, false) {
				events.Absorb(f.evs[j], &e)
				joined = true
				merged++
				break
			}
		}
		if !joined {
			f.blocks[k] = append(f.blocks[k], len(f.evs))
			f.evs = append(f.evs, &e)
		}
	}
	return merged
}

// Len returns the number of fused events.
func (f *Fuser) Len() int { return len(f.evs) }

// Events returns the fused events with stable ids, in order of first report.
func (f *Fuser) Events() []model.Event {
	out := make([]model.Event, len(f.evs))
	for i, e := range f.evs {
		out[i] = *e
		sort.SliceStable(out[i].Sources, func(a, b int) bool {
			sa, sb := out[i].Sources[a], out[i].Sources[b]
			if sa.Doc != sb.Doc {
				return sa.Doc < sb.Doc
			}
			return sa.Start < sb.Start
		})
		events.SetID(&out[i])
	}
	return out
}
