package fuse

import (
	"fmt"
	"os"
	"reflect"
	"testing"
	"time"

	"entente/internal/model"
)

// point turns a time into a model.Point.
func point(t time.Time) model.Point {
	return model.Point{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// TestWindowCloses: an event takes reports while the watermark (the
// newest publication date fused) is at most Lookback days past its last
// report, and none after, whatever pool holds it.
func TestWindowCloses(t *testing.T) {
	day := time.Date(2020, 3, 5, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		later int // days after the first report that a newer document moves the watermark to
		join  bool
	}{
		{Lookback, true},
		{Lookback + 1, false},
	} {
		f := New()
		first := event("a.txt", "CONSULT", point(day), "lavrov")
		first.Published = point(day)
		add(f, []model.Event{first})
		other := event("b.txt", "ACCUSE", point(day.AddDate(0, 0, tc.later)))
		other.Published = point(day.AddDate(0, 0, tc.later))
		add(f, []model.Event{other})
		// A late document (published the day after the first) reporting
		// the same meeting of the same day.
		late := event("c.txt", "CONSULT", point(day), "lavrov")
		late.Published = point(day.AddDate(0, 0, 1))
		if n := add(f, []model.Event{late}); (n == 1) != tc.join {
			t.Errorf("watermark %d days past the event's last report: %d merged, want join %v", tc.later, n, tc.join)
		}
	}
	// Documents without a publication date do not move the watermark, and
	// events fused before the first dated document count as seen at its
	// date.
	f := New()
	add(f, []model.Event{event("undated.txt", "CONSULT", point(day), "lavrov")})
	next := event("next.txt", "ACCUSE", point(day))
	next.Published = point(day.AddDate(0, 0, Lookback))
	add(f, []model.Event{next})
	again := event("again.txt", "CONSULT", point(day), "lavrov")
	if n := add(f, []model.Event{again}); n != 1 {
		t.Errorf("event fused before the first date, Lookback days later: %d merged, want 1", n)
	}
}

// dailyNews fuses into f days of news read in publication order: each day
// a document reports that day's meeting and, every tenth day, one a week
// old; every 30th document has no publication date. after (if not nil) is
// called after each day's document.
func dailyNews(f *Fuser, days int, after func(day int)) {
	start := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range days {
		d := start.AddDate(0, 0, i)
		var evs []model.Event
		for k, when := range []time.Time{d, d.AddDate(0, 0, -7)} {
			if k == 1 && (i%10 != 0 || i < 7) {
				continue
			}
			e := event(fmt.Sprintf("d%04d.txt", i), "CONSULT", point(when), fmt.Sprint("p", (i-7*k)%3))
			s := fmt.Sprintf("Sentence %d of document %d.", k, i)
			e.Sources[0].Sentence, e.Sources[0].Start, e.Sources[0].End = s, 5+40*k, 5+40*k+len(s)
			if i%30 != 29 {
				e.Published = point(d)
			}
			evs = append(evs, e)
		}
		f.Add(evs[0].Sources[0].Doc, evs[0].Published, evs)
		if after != nil {
			after(i)
		}
	}
}

// TestStream: a Fuser that streams hands out the events as they close, long
// before the end, forgets them, and hands out in all exactly the events
// (ids, sources, sentences) of one that keeps everything.
func TestStream(t *testing.T) {
	const days = 3 * 365
	whole := New()
	dailyNews(whole, days, nil)
	want := whole.Events()

	f := spilling(t)
	park, err := os.CreateTemp(t.TempDir(), "park")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { park.Close() })
	f.ParkEventsTo(park, 64)
	f.mem.minCompact = 16
	compactions := 0
	var got []model.Event
	maxKept := 0
	f.Stream(func(e *model.Event) error {
		got = append(got, *e)
		return nil
	})
	firstOut := -1
	dailyNews(f, days, func(i int) {
		if firstOut < 0 && len(got) > 0 {
			firstOut = i
		}
		if f.mem.evs.len() < maxKept {
			compactions++
		}
		maxKept = max(maxKept, f.mem.evs.len())
	})
	if compactions == 0 {
		t.Errorf("the index was never compacted")
	}
	if firstOut < 0 || firstOut > Lookback+2 {
		t.Errorf("first event handed out after document %d, want by %d", firstOut, Lookback+2)
	}
	if err := f.Each(func(e *model.Event) error {
		got = append(got, *e)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if f.Len() != len(want) || len(got) != len(want) {
		t.Fatalf("streamed %d events (Len %d), want %d", len(got), f.Len(), len(want))
	}
	joined := 0
	for _, e := range want {
		if len(e.Sources) == 2 {
			joined++
		}
	}
	if joined < days/10-1 {
		t.Fatalf("%d events with two reports, want %d: the test means nothing", joined, days/10-1)
	}
	// The order: an event goes out when it closes, so one that was joined
	// late goes out after events founded after it.
	byID := func(evs []model.Event) map[string]model.Event {
		out := map[string]model.Event{}
		for _, e := range evs {
			out[e.ID] = e
		}
		return out
	}
	if !reflect.DeepEqual(byID(got), byID(want)) {
		t.Errorf("streamed events differ from those kept whole")
	}
	// Memory follows the open events: about Lookback days of them, plus
	// those not yet compacted away.
	if maxKept > 3*(Lookback+40) {
		t.Errorf("up to %d events kept at once, want about %d at most", maxKept, Lookback+40)
	}
	if f.mem.hot > 64 {
		t.Errorf("%d events in memory whole, want at most 64", f.mem.hot)
	}
}

// TestStreamUndated: where no document has a date nothing closes: every
// event goes out at the end, as without Stream.
func TestStreamUndated(t *testing.T) {
	f := New()
	n := 0
	f.Stream(func(*model.Event) error {
		n++
		return nil
	})
	manyEvents(f, 500)
	if n != 0 {
		t.Errorf("%d events handed out before the end of an undated corpus, want 0", n)
	}
	if err := f.Each(func(*model.Event) error { n++; return nil }); err != nil || n != 500 {
		t.Errorf("%d events at the end (%v), want 500", n, err)
	}
}

// TestIndexHoldsNoPointers: a Memory's entry per event holds no pointer,
// so that the garbage collector does not scan the index of a million
// events (extract of 1M articles read out of date order keeps them all).
func TestIndexHoldsNoPointers(t *testing.T) {
	typ := reflect.TypeFor[memEvent]()
	for i := range typ.NumField() {
		switch k := typ.Field(i).Type.Kind(); k {
		case reflect.Pointer, reflect.Slice, reflect.String, reflect.Map, reflect.Interface, reflect.Struct, reflect.Array, reflect.Chan, reflect.Func, reflect.UnsafePointer:
			t.Errorf("memEvent.%s is a %s: the index would be scanned by the GC", typ.Field(i).Name, k)
		}
	}
	if size := typ.Size(); size > 56 {
		t.Errorf("memEvent takes %d bytes, want at most 56", size)
	}
}
