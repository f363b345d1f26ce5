package fuse

import (
	"fmt"
	"testing"
	"time"

	"entente/internal/model"
)

// TestAddFlat checks that fusion does not go quadratic: adding one event to
// a Fuser that holds 100,000 events of other blocks (other types and
// dyads) costs exactly as many comparisons as adding it to a Fuser holding
// only the events of its own block. Counted, not timed.
func TestAddFlat(t *testing.T) {
	// The new event's own block: three earlier reports of its day with other
	// people, which it is compared with but does not join.
	own := func(f *Fuser) {
		for d := 1; d <= 3; d++ {
			add(f, []model.Event{event(fmt.Sprintf("own%d", d), "CONSULT", model.Point{Year: 2024, Month: 4, Day: 26}, fmt.Sprint("minister", d))})
		}
	}
	newEvent := func() []model.Event {
		return []model.Event{event("new", "CONSULT", model.Point{Year: 2024, Month: 4, Day: 26}, "lavrov")}
	}

	small := New()
	own(small)
	before := small.mem.compared
	add(small, newEvent())
	want := small.mem.compared - before
	if want != 3 {
		t.Fatalf("adding to a Fuser holding its own block of 3: %d comparisons, want 3", want)
	}

	empty := New()
	add(empty, newEvent())
	if empty.mem.compared != 0 {
		t.Errorf("adding to an empty Fuser: %d comparisons, want 0", empty.mem.compared)
	}

	// 100,000 events of other blocks: RUS with 500 other parties and four
	// types, each on its own day from 1990 on (so none merge, and some share
	// the new event's day).
	others := func(f *Fuser) {
		types := []string{"CONSULT", "ACCUSE", "AGREE", "SUPPORT"}
		base := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
		for i := 0; i < 100000; i++ {
			d := base.AddDate(0, 0, i)
			e := event(fmt.Sprint(i), types[(i/500)%4], model.Point{Year: d.Year(), Month: int(d.Month()), Day: d.Day()})
			e.Actors[1].Code = fmt.Sprintf("X%03d", i%500)
			add(f, []model.Event{e})
		}
	}

	big := New()
	own(big)
	others(big)
	if big.Len() != 100003 {
		t.Fatalf("%d fused events, want 100,003", big.Len())
	}
	before = big.mem.compared
	add(big, newEvent())
	if got := big.mem.compared - before; got != want {
		t.Errorf("adding to a Fuser holding 100,000 events of other blocks: %d comparisons, want %d (as without them)", got, want)
	}

	other := New()
	others(other)
	before = other.mem.compared
	add(other, newEvent())
	if got := other.mem.compared - before; got != empty.mem.compared {
		t.Errorf("adding to a Fuser holding only 100,000 events of other blocks: %d comparisons, want %d (as to an empty one)", got, empty.mem.compared)
	}
}

// TestAddFlatInBlock checks the index by day: adding an event to a block
// that holds 100,000 events of other days costs as many comparisons as
// adding it to the events of its own day alone.
func TestAddFlatInBlock(t *testing.T) {
	newEvent := []model.Event{event("new", "CONSULT", model.Point{Year: 2024, Month: 4, Day: 26}, "lavrov")}
	f := New()
	base := time.Date(1700, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 100000; i++ { // 1700 to 1973, one a day
		d := base.AddDate(0, 0, i)
		add(f, []model.Event{event(fmt.Sprint(i), "CONSULT", model.Point{Year: d.Year(), Month: int(d.Month()), Day: d.Day()}, "lavrov")})
	}
	add(f, []model.Event{event("april", "CONSULT", model.Point{Year: 2024, Month: 4, Day: 26}, "wang-yi")})
	before := f.mem.compared
	add(f, newEvent)
	if got := f.mem.compared - before; got != 1 {
		t.Errorf("adding to a block of 100,000 events of other days and one of its own: %d comparisons, want 1", got)
	}
}
