package fuse

import (
	"fmt"
	"testing"

	"entente/internal/model"
)

// briefPool is a Pool of a few stored, source-less undated events that
// offers them as Brief candidates (or not) and counts what it reads.
type briefPool struct {
	evs   map[string]*model.Event
	brief bool
	read  []string
}

func (p *briefPool) Candidates(key string, e *model.Event) ([]Candidate, error) {
	var out []Candidate
	for id, ev := range p.evs {
		out = append(out, Candidate{ID: id, Persons: PersonList(ev), Brief: p.brief, Pub: ev.Published, Seen: Day(model.Point{Year: 2024, Month: 3, Day: 1})})
	}
	return out, nil
}

func (p *briefPool) Event(c Candidate) (*model.Event, error) {
	p.read = append(p.read, c.ID)
	return p.evs[c.ID], nil
}

func (p *briefPool) Put(string, *model.Event, Change) error { return nil }
func (p *briefPool) Mark() (int, error)                     { return 0, nil }
func (p *briefPool) SetMark(int) error                      { return nil }

// TestBriefCandidates: undated candidates a pool describes (Brief) are
// tested on their persons and publication date before they are read: a
// report joins the same event as when every candidate is read, and only
// that event is read.
func TestBriefCandidates(t *testing.T) {
	stored := func() map[string]*model.Event {
		evs := map[string]*model.Event{}
		for i, pub := range []model.Point{{Year: 2020, Month: 5, Day: 1}, {Year: 2024, Month: 3, Day: 2}, {}, {Year: 2024, Month: 2, Day: 1}} {
			e := event("x", "CONSULT", model.Point{}, "lavrov")
			e.Sources, e.Published = nil, pub
			e.ID = fmt.Sprintf("ev_%016x", i+1)
			evs[e.ID] = &e
		}
		return evs
	}
	report := event("new.txt", "CONSULT", model.Point{Year: 2024, Month: 3, Day: 1}, "lavrov")
	report.Published = model.Point{Year: 2024, Month: 3, Day: 1}
	var joined [2]Joined
	var reads [2][]string
	for i, brief := range []bool{false, true} {
		p := &briefPool{evs: stored(), brief: brief}
		js, err := Document(p, "new", report.Published, []model.Event{report})
		if err != nil {
			t.Fatal(err)
		}
		joined[i], reads[i] = js[0], p.read
	}
	if joined[0] != joined[1] || !joined[1].Merged || joined[1].ID != "ev_0000000000000002" {
		t.Errorf("joined %+v reading every candidate, %+v with briefs; want ev_0000000000000002 both times", joined[0], joined[1])
	}
	if len(reads[1]) != 1 || reads[1][0] != "ev_0000000000000002" || len(reads[0]) != 2 {
		t.Errorf("read %v reading every candidate (want 2: the first stops at the match) and %v with briefs (want only ev_0000000000000002)", reads[0], reads[1])
	}
}
