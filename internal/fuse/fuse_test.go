package fuse

import (
	"fmt"
	"os"
	"reflect"
	"testing"

	"entente/internal/model"
)

func event(doc, typ string, date model.Point, persons ...string) model.Event {
	e := model.Event{Type: typ, Status: model.StatusReported, Sources: []model.Source{{Doc: doc}}}
	if !date.IsZero() {
		e.Date = model.PointRange(date)
	}
	e.Actors = append(e.Actors, model.Actor{Code: "RUS", Kind: "state", Name: "Russia"}, model.Actor{Code: "CHN", Kind: "state", Name: "China"})
	for _, p := range persons {
		e.Actors = append(e.Actors, model.Actor{Code: "RUS", Kind: "person", ID: p, Name: p})
	}
	return e
}

func TestFuseAcrossDocuments(t *testing.T) {
	day := model.Point{Year: 2025, Month: 2, Day: 28}
	f := New()
	add(f, []model.Event{event("002.txt", "CONSULT", day, "shoigu")})
	undated := event("003.txt", "CONSULT", model.Point{}, "shoigu")
	undated.Published = model.Point{Year: 2025, Month: 3, Day: 1}
	if n := add(f, []model.Event{undated}); n != 1 {
		t.Errorf("undated report with the same person, published the next day: %d merged, want 1", n)
	}
	old := event("003b.txt", "CONSULT", model.Point{}, "shoigu")
	old.Published = model.Point{Year: 2021, Month: 3, Day: 1}
	if n := add(f, []model.Event{old}); n != 0 {
		t.Errorf("undated report with the same person, published four years before: %d merged, want 0", n)
	}
	add(f, []model.Event{event("004.txt", "CONSULT", model.Point{Year: 2024, Month: 7}, "putin")})
	add(f, []model.Event{event("005.txt", "ACCUSE", day, "shoigu")})
	evs := f.Events()
	if len(evs) != 4 {
		t.Fatalf("%d events, want 4", len(evs))
	}
	if len(evs[0].Sources) != 2 || evs[0].Date.From != day {
		t.Errorf("fused event: %d sources, date %v; want 2 and %v", len(evs[0].Sources), evs[0].Date.From, day)
	}
}

func BenchmarkFuseAdd(b *testing.B) {
	// Many unrelated blocks: the cost of one Add must not grow with them.
	f := New()
	types := []string{"CONSULT", "ACCUSE", "AGREE", "SUPPORT"}
	for i := 0; i < 100000; i++ {
		e := event(fmt.Sprint(i), types[i%4], model.Point{Year: 2000 + i%25, Month: 1 + i%12, Day: 1 + i%28})
		e.Actors[1].Code = fmt.Sprintf("X%03d", i%500)
		add(f, []model.Event{e})
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		add(f, []model.Event{event("new", "CONSULT", model.Point{Year: 2024, Month: 4, Day: 26})})
	}
}

// TestSpill checks that a Fuser that parks sentences in a file gives back
// the same events as one that keeps them.
func TestSpill(t *testing.T) {
	day := model.Point{Year: 2025, Month: 2, Day: 28}
	docs := [][]model.Event{}
	for i, s := range []string{"Шойгу встретился с Си Цзиньпином.", "Shoigu traf Xi Jinping.", "Lavrov met Wang Yi."} {
		e := event(fmt.Sprintf("d%d.txt", i), "CONSULT", day, "shoigu")
		e.Sources[0].Sentence, e.Sources[0].Start, e.Sources[0].End = s, 10, 10+len(s)
		docs = append(docs, []model.Event{e})
	}
	mem, spilled := New(), spilling(t)
	for _, d := range docs {
		add(mem, d)
		add(spilled, d)
	}
	a, b := mem.Events(), spilled.Events()
	if !reflect.DeepEqual(a, b) {
		t.Errorf("spilled events differ:\n%+v\n%+v", b, a)
	}
	if len(b) == 0 || b[0].Sources[0].Sentence == "" {
		t.Errorf("no sentence read back: %+v", b)
	}
}

// manyEvents fuses n events of distinct days, each cited by two documents,
// into f.
func manyEvents(f *Fuser, n int) {
	for i := 0; i < n; i++ {
		day := model.Point{Year: 2020 + i/300, Month: 1 + i/28%12, Day: 1 + i%28}
		for d := 0; d < 2; d++ {
			e := event(fmt.Sprintf("d%d_%d.txt", i, d), "CONSULT", day)
			s := fmt.Sprintf("Sentence %d of document %d.", i, d)
			e.Sources[0].Sentence, e.Sources[0].Start, e.Sources[0].End = s, 5, 5+len(s)
			add(f, []model.Event{e})
		}
	}
}

// TestEachInOrder: events made ready ahead by several goroutines still reach
// fn in order of first report, spilled or not, whatever GOMAXPROCS is
// (go test -cpu 1,2,4).
func TestEachInOrder(t *testing.T) {
	mem, spilled := New(), spilling(t)
	manyEvents(mem, 500)
	manyEvents(spilled, 500)
	a, b := mem.Events(), spilled.Events()
	if len(a) != 500 || !reflect.DeepEqual(a, b) {
		t.Fatalf("%d events in memory, %d spilled, or they differ", len(a), len(b))
	}
	for i, e := range b {
		if want := fmt.Sprintf("Sentence %d of document 0.", i); e.Sources[0].Sentence != want || len(e.Sources) != 2 {
			t.Fatalf("event %d: %+v, want first sentence %q", i, e.Sources, want)
		}
	}
}

// TestEachStops: fn's error ends Each at once and is returned.
func TestEachStops(t *testing.T) {
	f := New()
	manyEvents(f, 100)
	stop := fmt.Errorf("stop")
	n := 0
	err := f.Each(func(*model.Event) error {
		if n++; n == 7 {
			return stop
		}
		return nil
	})
	if err != stop || n != 7 {
		t.Errorf("Each = %v after %d events, want %v after 7", err, n, stop)
	}
}

// TestSpillManySources: the sentences of an event cited by more documents
// than parallelUnpark are read back whole and in place (several goroutines
// read them at -cpu 2,4).
func TestSpillManySources(t *testing.T) {
	day := model.Point{Year: 2025, Month: 2, Day: 28}
	mem, spilled := New(), spilling(t)
	n := 3*parallelUnpark + 7
	for i := 0; i < n; i++ {
		e := event(fmt.Sprintf("d%05d.txt", i), "CONSULT", day, "shoigu")
		s := fmt.Sprintf("Report %d of the meeting.", i)
		e.Sources[0].Sentence, e.Sources[0].Start, e.Sources[0].End = s, 3, 3+len(s)
		add(mem, []model.Event{e})
		add(spilled, []model.Event{e})
	}
	a, b := mem.Events(), spilled.Events()
	if len(b) != 1 || len(b[0].Sources) != n || !reflect.DeepEqual(a, b) {
		t.Fatalf("%d events; spilled and in-memory equal: %v", len(b), reflect.DeepEqual(a, b))
	}
	for i, s := range b[0].Sources {
		if want := fmt.Sprintf("Report %d of the meeting.", i); s.Sentence != want {
			t.Fatalf("source %d: %q, want %q", i, s.Sentence, want)
		}
	}
}

// spilling returns a Fuser that spills its sentences to a temporary file.
func spilling(t *testing.T) *Fuser {
	t.Helper()
	file, err := os.CreateTemp(t.TempDir(), "spill")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { file.Close() })
	f := New()
	f.SpillTo(file)
	return f
}

// add fuses one document's events into f, the document known by the name
// its first event cites.
func add(f *Fuser, evs []model.Event) int {
	return f.Add(evs[0].Sources[0].Doc, evs[0].Published, evs)
}

// TestParkEvents: a Fuser that keeps only 8 events in memory and parks the
// others (with their sentences spilled) fuses exactly as one that keeps
// them all: reports keep joining parked events, by day and by person.
func TestParkEvents(t *testing.T) {
	mem, parking := New(), spilling(t)
	file, err := os.CreateTemp(t.TempDir(), "park")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { file.Close() })
	parking.ParkEventsTo(file, 8)
	for _, f := range []*Fuser{mem, parking} {
		manyEvents(f, 200)
		// Undated reports naming a person join the dated event that names
		// them, parked long ago.
		add(f, []model.Event{event("first.txt", "ACCUSE", model.Point{Year: 2020, Month: 1, Day: 2}, "lavrov")})
		manyEvents(f, 50)
		for i := range 3 {
			e := event(fmt.Sprintf("later%d.txt", i), "ACCUSE", model.Point{}, "lavrov")
			e.Published = model.Point{Year: 2020, Month: 1, Day: 3}
			add(f, []model.Event{e})
		}
	}
	a, b := mem.Events(), parking.Events()
	if len(a) != 201 || !reflect.DeepEqual(a, b) {
		t.Fatalf("%d events in memory, %d parked, or they differ", len(a), len(b))
	}
	if parking.mem.hot > 8 {
		t.Errorf("%d events in memory, want at most 8", parking.mem.hot)
	}
	for _, e := range b {
		if e.Type == "ACCUSE" && len(e.Sources) != 4 {
			t.Errorf("ACCUSE event: %d sources, want 4 (the undated reports joined it)", len(e.Sources))
		}
	}
}
