package fuse

import (
	"slices"
	"testing"

	"entente/internal/model"
)

func person(id, code string) model.Actor {
	return model.Actor{Code: code, Name: id, Kind: "person", ID: id}
}

func ev(typ string, date model.DateRange, doc string, actors ...model.Actor) model.Event {
	return model.Event{Type: typ, Status: model.StatusReported, Actors: actors, Date: date,
		Sources: []model.Source{{Doc: doc, Start: len(actors)}}}
}

// saying sets the sentence an event cites.
func saying(e model.Event, sentence string) model.Event {
	e.Sources[0].Sentence = sentence
	return e
}

// published sets the publication date of an event's document.
func published(e model.Event, y, m, d int) model.Event {
	e.Published = model.Point{Year: y, Month: m, Day: d}
	return e
}

func TestCompatible(t *testing.T) {
	d26 := model.PointRange(model.Point{Year: 2024, Month: 4, Day: 26})
	d27 := model.PointRange(model.Point{Year: 2024, Month: 4, Day: 27})
	april := model.PointRange(model.Point{Year: 2024, Month: 4})
	lav, luk, ale := person("lavrov", "RUS"), person("lukashenko", "BLR"), person("aleinik", "BLR")
	tests := []struct {
		name    string
		a, b    model.Event
		sameDoc bool
		want    bool
	}{
		{"same day, same people", ev("CONSULT", d26, "a", lav, luk), ev("CONSULT", d26, "b", lav, luk), false, true},
		{"a day inside a month", ev("CONSULT", d26, "a", lav, luk), ev("CONSULT", april, "b", lav), false, true},
		{"different days", ev("CONSULT", d26, "a", lav, luk), ev("CONSULT", d27, "b", lav, luk), false, false},
		{"two meetings of one minister", ev("CONSULT", d26, "a", lav, luk), ev("CONSULT", d26, "a", lav, ale), true, false},
		{"undated across documents: a shared person, published that week", published(ev("CONSULT", model.DateRange{}, "a", lav), 2024, 4, 28), ev("CONSULT", d26, "b", lav, luk), false, true},
		{"undated across documents: a shared person, published years apart", published(ev("CONSULT", model.DateRange{}, "a", lav), 2016, 4, 28), ev("CONSULT", d26, "b", lav, luk), false, false},
		{"undated across documents: one shared person, time unknown", ev("CONSULT", model.DateRange{}, "a", lav), ev("CONSULT", d26, "b", lav, luk), false, false},
		{"undated across documents: two shared people, time unknown", ev("CONSULT", model.DateRange{}, "a", lav, luk), ev("CONSULT", model.DateRange{}, "b", lav, luk), false, true},
		{"undated across documents without people", ev("CONSULT", model.DateRange{}, "a"), ev("CONSULT", d26, "b"), false, false},
		{"undated within a document", ev("CONSULT", model.DateRange{}, "a"), ev("CONSULT", d26, "a"), true, true},
		{"undated across documents: the same sentence, years apart", saying(published(ev("CONSULT", model.DateRange{}, "a", lav), 2016, 4, 28), "Lavrov met Lukashenko in Minsk."),
			saying(published(ev("CONSULT", d26, "b", lav), 2024, 4, 26), "LAVROV met Lukashenko in Minsk"), false, true},
		{"undated across documents: another sentence, no time", saying(ev("CONSULT", model.DateRange{}, "a"), "Lavrov met Lukashenko in Minsk."),
			saying(ev("CONSULT", d26, "b"), "Lavrov met Lukashenko in Brest."), false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Compatible(&tt.a, &tt.b, tt.sameDoc); got != tt.want {
				t.Errorf("Compatible = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestAbsorb(t *testing.T) {
	planned := ev("CONSULT", model.PointRange(model.Point{Year: 2025, Month: 3}), "a", person("putin", "RUS"))
	planned.Status = model.StatusPlanned
	reported := ev("CONSULT", model.PointRange(model.Point{Year: 2025, Month: 3, Day: 4}), "b", person("putin", "RUS"), model.Actor{Code: "MMR", Kind: "state", Name: "Myanmar"})
	reported.Location = &model.Location{Name: "Moscow", Code: "RUS"}
	Absorb(&planned, &reported)
	if planned.Status != model.StatusReported {
		t.Errorf("status = %s, want reported", planned.Status)
	}
	if got := planned.Date.From.String(); got != "2025-03-04" {
		t.Errorf("date = %s, want the finer 2025-03-04", got)
	}
	if len(planned.Sources) != 2 || planned.Location == nil || len(planned.Actors) != 2 {
		t.Errorf("sources %d, location %v, actors %d: want 2, Moscow, 2", len(planned.Sources), planned.Location, len(planned.Actors))
	}
}

func TestMergeKeepsDistinctTypes(t *testing.T) {
	d := model.PointRange(model.Point{Year: 2024, Month: 3, Day: 19})
	a, b := person("rudenko", "RUS"), person("liu", "CHN")
	later := ev("CONSULT", model.DateRange{}, "x", a, b)
	later.Sources[0].Start = 100
	got := Merge([]model.Event{ev("CONSULT", d, "x", a, b), ev("ACCUSE", d, "x", a, b), later})
	if len(got) != 2 {
		t.Fatalf("Merge: %d events, want 2 (CONSULT twice merges, ACCUSE stays)", len(got))
	}
	if len(got[0].Sources) != 2 {
		t.Errorf("merged CONSULT has %d sources, want 2", len(got[0].Sources))
	}
}

func TestIDStable(t *testing.T) {
	d := model.PointRange(model.Point{Year: 2024, Month: 3, Day: 19})
	a := ev("CONSULT", d, "x", person("rudenko", "RUS"))
	b := a
	b.Actors = append(b.Actors, person("lavrov", "RUS"))
	b.Date = model.DateRange{}
	if ID(Key(&a), "h", &a) != ID(Key(&b), "h", &b) {
		t.Errorf("ids differ: an event's id rests on its block, document and first sentence only")
	}
	c := a
	c.Sources = []model.Source{{Doc: "x", Start: 7}}
	if ID(Key(&a), "h", &a) == ID(Key(&c), "h", &c) || ID(Key(&a), "h", &a) == ID(Key(&a), "h2", &a) {
		t.Errorf("ids equal for another sentence or document")
	}
}

// TestMergeManySources: an event reported many times by one long document
// (the run-renamed documents of pipeline.Process, duplicates among them)
// keeps the sources Absorb's scan keeps, in the same order, once the
// sources are indexed.
func TestMergeManySources(t *testing.T) {
	lav, wang := person("lavrov", "RUS"), person("wang-yi", "CHN")
	d := model.PointRange(model.Point{Year: 2024, Month: 5, Day: 6})
	var evs []model.Event
	for i := range 5 * indexFrom {
		e := ev("CONSULT", d, "doc\x000", lav, wang)
		if i >= 3*indexFrom {
			e.Sources[0].Doc = "doc\x00100" // the next run
		}
		// Two reports of each sentence, and a sentence of the first run
		// again; in the next run, one of the first at the same offset.
		e.Sources = []model.Source{{Doc: e.Sources[0].Doc, Start: 10 * (i / 2)}, {Doc: e.Sources[0].Doc, Start: 10 * (i % 7)}}
		if i >= 4*indexFrom {
			e.Sources[1] = model.Source{Doc: "doc\x000", Start: e.Sources[0].Start}
		}
		evs = append(evs, e)
	}
	want := []model.Event{evs[0]}
	want[0].Sources = append([]model.Source(nil), evs[0].Sources...)
	for i := range evs[1:] {
		Absorb(&want[0], &evs[1+i])
	}
	got := Merge(evs)
	if len(got) != 1 || !slices.Equal(got[0].Sources, want[0].Sources) {
		t.Fatalf("Merge kept %d events, %d sources; Absorb's scan %d sources", len(got), len(got[0].Sources), len(want[0].Sources))
	}
	if n := len(want[0].Sources); n < 3*indexFrom/2 || n >= 2*len(evs) {
		t.Fatalf("%d sources of %d reports: the test no longer has duplicates and distinct sources both", n, 2*len(evs))
	}
}

func TestSentenceKey(t *testing.T) {
	tests := []struct {
		x, y string
		want bool
	}{
		{"Putin met Xi.", "putin  met XI", true},
		{"Путин встретился с Си.", "ПУТИН ВСТРЕТИЛСЯ С СИ", true},
		{"Putin met Xi.", "Putin met Xi Jinping.", false},
		{"", "", false},
		{"…", "—", false},
		{"a", "", false},
	}
	for _, tt := range tests {
		kx, ky := SentenceKey(tt.x), SentenceKey(tt.y)
		if got := kx != 0 && kx == ky; got != tt.want {
			t.Errorf("SentenceKey(%q) = %x, SentenceKey(%q) = %x: same %v, want %v", tt.x, kx, tt.y, ky, got, tt.want)
		}
		parked := &model.Event{Sources: []model.Source{{Key: kx}}}
		if got := sameSentence(parked, &model.Event{Sources: []model.Source{{Sentence: tt.y}}}); got != tt.want {
			t.Errorf("a parked %q and %q: same sentence %v, want %v", tt.x, tt.y, got, tt.want)
		}
	}
}
