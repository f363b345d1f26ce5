package analysis

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"entente/internal/model"
)

func TestPeriods(t *testing.T) {
	tests := []struct {
		name  string
		unit  Unit
		day   string
		label string
		end   string
	}{
		{"week of a Friday starts on Monday", Week, "2024-04-26", "2024-04-22", "2024-04-28"},
		{"week of a Monday", Week, "2024-04-22", "2024-04-22", "2024-04-28"},
		{"week of a Sunday", Week, "2024-04-28", "2024-04-22", "2024-04-28"},
		{"week before 1970", Week, "1969-12-31", "1969-12-29", "1970-01-04"},
		{"month", Month, "2024-02-29", "2024-02", "2024-02-29"},
		{"month before 1970", Month, "1969-12-15", "1969-12", "1969-12-31"},
		{"day", Day, "2024-04-26", "2024-04-26", "2024-04-26"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseDay(tt.day, false)
			if err != nil {
				t.Fatal(err)
			}
			p := tt.unit.Period(d)
			if got := tt.unit.Label(p); got != tt.label {
				t.Errorf("Label = %s, want %s", got, tt.label)
			}
			if got := DayString(tt.unit.End(p)); got != tt.end {
				t.Errorf("End = %s, want %s", got, tt.end)
			}
			if f := tt.unit.periodizer(d-40, d+40); f(d) != p {
				t.Errorf("periodizer = %d, want %d", f(d), p)
			}
		})
	}
	if _, err := ParseDay("2024-13", false); err == nil {
		t.Error("ParseDay accepted month 13")
	}
	if d, _ := ParseDay("2024-02", true); DayString(d) != "2024-02-29" {
		t.Errorf("last day of 2024-02 = %s", DayString(d))
	}
}

func ev(id, typ, mode, date string, docs int, codes ...string) model.Event {
	e := model.Event{ID: id, Type: typ, Mode: mode, Status: model.StatusReported}
	if date != "" {
		p, err := model.ParsePoint(date)
		if err != nil {
			panic(err)
		}
		e.Date = model.PointRange(p)
	}
	for _, c := range codes {
		e.Actors = append(e.Actors, model.Actor{Code: c, Name: c + " name", Kind: "state", Role: model.RoleParticipant})
	}
	for d := range docs {
		e.Sources = append(e.Sources, model.Source{Doc: fmt.Sprintf("d%d", d)})
	}
	return e
}

func TestSeries(t *testing.T) {
	evs := []model.Event{
		ev("e1", "CONSULT", "visit", "2024-04-22", 1, "RUS", "CHN"),
		ev("e2", "CONSULT", "", "2024-04-26", 2, "CHN", "RUS", "IRN"),
		ev("e3", "ACCUSE", "", "2024-04-30", 1, "RUS", "USA"),
		ev("e4", "AID", "military", "2024-05", 1, "RUS", "CHN"),
		ev("e5", "CONSULT", "", "", 1, "RUS", "CHN"), // undated: left out
		ev("e6", "CONSULT", "", "--04-26", 1, "RUS", "CHN"),
	}
	ix := NewIndex(table, evs)
	got, err := ix.Series(SeriesOptions{Unit: Week, Focus: []string{"chn"}, From: NoDay, To: NoDay,
		Docs: DocsPerPeriod(Week, []string{"2024-04-23", "2024-04-26", "2024-04", ""})})
	if err != nil {
		t.Fatal(err)
	}
	want := []Series{
		{Key: "CHN-IRN", Buckets: []Bucket{{Period: "2024-04-22", Count: 1, Docs: 2, PerDoc: 0.5, Intensity: 2.1, Events: []string{"e2"}}}},
		{Key: "CHN-RUS", Buckets: []Bucket{
			{Period: "2024-04-22", Count: 2, Docs: 2, PerDoc: 1, Intensity: 2.55, Events: []string{"e1", "e2"}},
			{Period: "2024-04-29", Count: 1, Intensity: 8.7, Events: []string{"e4"}},
		}},
	}
	if !reflect.DeepEqual(got.Series, want) {
		t.Errorf("Series =\n%+v\nwant\n%+v", got.Series, want)
	}
	got, _ = ix.Series(SeriesOptions{Unit: Month, By: "actor", Split: "quad", Focus: []string{"RUS"}, From: NoDay, To: NoDay})
	var keys []string
	for _, s := range got.Series {
		keys = append(keys, fmt.Sprintf("%s/%s/%s=%d", s.Key, s.Group, s.Buckets[0].Period, s.Buckets[0].Count))
	}
	wantKeys := []string{"RUS/verbal cooperation/2024-04=2", "RUS/material cooperation/2024-05=1", "RUS/verbal conflict/2024-04=1"}
	if !slices.Equal(keys, wantKeys) {
		t.Errorf("actor series by quad = %v, want %v", keys, wantKeys)
	}
	got, _ = ix.Series(SeriesOptions{Unit: Day, Split: "type", From: DayNumber(2024, 4, 26), To: DayNumber(2024, 4, 30)})
	keys = keys[:0]
	for _, s := range got.Series {
		keys = append(keys, s.Key+"/"+s.Group+"/"+s.Buckets[0].Period)
	}
	wantKeys = []string{"CHN-IRN/CONSULT/2024-04-26", "CHN-RUS/CONSULT/2024-04-26", "IRN-RUS/CONSULT/2024-04-26", "RUS-USA/ACCUSE/2024-04-30"}
	if !slices.Equal(keys, wantKeys) {
		t.Errorf("bounded day series = %v, want %v", keys, wantKeys)
	}
	for _, bad := range []SeriesOptions{{By: "country"}, {Split: "mode"}, {From: 10, To: 5}} {
		if _, err := ix.Series(bad); err == nil {
			t.Errorf("Series(%+v) accepted", bad)
		}
	}
}

// A planted surge is found, classed large, cites exactly its events, and is
// the only one.
func TestSurgePlanted(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		s := newSynth(seed)
		dyads := [][2]string{{"RUS", "CHN"}, {"RUS", "IRN"}, {"CHN", "IRN"}, {"USA", "GBR"}, {"FRA", "DEU"}, {"RUS", "UKR"}}
		for _, d := range dyads {
			s.flat(monday2024, 20, 3, "CONSULT", d[0], d[1])
		}
		last := monday2024 + 19*7
		first := s.n
		s.add(15, last+2, "COOPERATE", "PRK", "RUS")
		s.flat(monday2024, 19, 0.5, "COOPERATE", "PRK", "RUS")
		_ = first
		rep, err := s.ix.Surges(SurgeOptions{Unit: Week, At: NoDay})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Period != "2024-05-13" {
			t.Errorf("seed %d: period %s, want the last week 2024-05-13", seed, rep.Period)
		}
		var found []string
		for _, sg := range rep.Surges {
			found = append(found, sg.Dyad+"/"+sg.Type+"/"+sg.Class)
			if sg.Dyad != "PRK-RUS" {
				t.Errorf("seed %d: unexpected surge %+v", seed, sg)
			}
			if sg.Count < 15 || len(sg.Events) != sg.Count {
				t.Errorf("seed %d: surge %+v cites %d events", seed, sg, len(sg.Events))
			}
		}
		if !slices.Contains(found, "PRK-RUS/COOPERATE/large") || !slices.Contains(found, "PRK-RUS//large") {
			t.Errorf("seed %d: planted surge not found: %v", seed, found)
		}
	}
}

// No surge on flat series with Poisson noise, in any week of the year.
func TestNoSurgeOnFlatPoisson(t *testing.T) {
	checks := 0
	for _, seed := range []uint64{11, 12, 13, 14, 15} {
		s := newSynth(seed)
		for i, mean := range []float64{0.5, 1, 2, 3, 5, 8, 12, 20} {
			s.flat(monday2024, 52, mean, "CONSULT", "RUS", fmt.Sprintf("C%02d", i))
			s.flat(monday2024, 52, mean/2, "ACCUSE", "USA", fmt.Sprintf("C%02d", i))
		}
		for w := int32(4); w < 52; w++ {
			rep, err := s.ix.Surges(SurgeOptions{Unit: Week, At: monday2024 + 7*w})
			if err != nil {
				t.Fatal(err)
			}
			checks++
			for _, sg := range rep.Surges {
				t.Errorf("seed %d week %d: surge on a flat series: %s %s %d vs %.2f", seed, w, sg.Dyad, sg.Type, sg.Count, sg.Baseline)
			}
		}
	}
	// Months: a flat daily rate, each month against the 3 before it.
	for _, seed := range []uint64{21, 22, 23} {
		s := newSynth(seed)
		for i, mean := range []float64{0.1, 0.5, 1, 3} {
			for d := range int32(366) {
				s.add(s.poisson(mean), monday2024+d, "CONSULT", "RUS", fmt.Sprintf("C%02d", i))
			}
		}
		for m := 4; m <= 12; m++ {
			rep, err := s.ix.Surges(SurgeOptions{Unit: Month, Baseline: 3, At: DayNumber(2024, m, 15)})
			if err != nil {
				t.Fatal(err)
			}
			checks++
			for _, sg := range rep.Surges {
				t.Errorf("seed %d month %d: surge on a flat series: %s %s %d vs %.2f", seed, m, sg.Dyad, sg.Type, sg.Count, sg.Baseline)
			}
		}
	}
	if checks != 5*48+3*9 {
		t.Errorf("%d checks", checks)
	}
}

// The low-count guard: 0→1, 1→2 and 0→2 are no surges; a new dyad is still
// reported as new.
func TestSurgeLowCountGuard(t *testing.T) {
	s := newSynth(3)
	s.add(1, monday2024, "CONSULT", "RUS", "CHN")
	s.add(2, monday2024+28, "CONSULT", "RUS", "CHN") // 1 in 4 weeks → 2
	s.add(2, monday2024+28, "CONSULT", "IND", "CHN") // 0 → 2
	s.add(1, monday2024+28, "CONSULT", "RUS", "KAZ") // 0 → 1
	// A lax significance level leaves the guard alone to refuse them.
	rep, _ := s.ix.Surges(SurgeOptions{Unit: Week, At: NoDay, Alpha: 0.9})
	if len(rep.Surges) != 0 {
		t.Errorf("low counts surged: %+v", rep.Surges)
	}
	var newDyads, newActors []string
	for _, p := range rep.NewDyads {
		newDyads = append(newDyads, fmt.Sprintf("%s:%d", p.Key, p.Count))
	}
	for _, p := range rep.NewActors {
		newActors = append(newActors, p.Key)
	}
	if want := []string{"CHN-IND:2", "KAZ-RUS:1"}; !slices.Equal(newDyads, want) {
		t.Errorf("new dyads %v, want %v", newDyads, want)
	}
	if want := []string{"IND", "KAZ"}; !slices.Equal(newActors, want) {
		t.Errorf("new actors %v, want %v", newActors, want)
	}
}

// A planted new dyad among busy old ones is found with its events.
func TestNewDyadPlanted(t *testing.T) {
	s := newSynth(7)
	s.flat(monday2024, 30, 4, "CONSULT", "RUS", "CHN")
	s.flat(monday2024, 30, 4, "ACCUSE", "USA", "RUS")
	s.flat(monday2024, 30, 2, "CONSULT", "USA", "PRK") // both known actors
	s.add(4, monday2024+30*7+1, "AGREE", "PRK", "RUS")
	before := s.n
	rep, _ := s.ix.Surges(SurgeOptions{Unit: Week, At: NoDay})
	idx := slices.IndexFunc(rep.NewDyads, func(p NewPair) bool { return p.Key == "PRK-RUS" })
	if idx < 0 || len(rep.NewDyads) != 1 {
		t.Fatalf("new dyads %+v, want PRK-RUS alone", rep.NewDyads)
	}
	if p := rep.NewDyads[idx]; p.Count != 4 || p.Events[3] != fmt.Sprintf("ev_%07d", before) {
		t.Errorf("new dyad %+v", p)
	}
	if len(rep.NewActors) != 0 {
		t.Errorf("new actors %+v, want none", rep.NewActors)
	}
}

// A planted bloc split: A and B cooperate as one bloc against C, then A and B
// fall out. The blocs and the change are found.
func TestBlocSplitPlanted(t *testing.T) {
	A := []string{"A1", "A2", "A3", "A4", "A5"}
	B := []string{"B1", "B2", "B3", "B4", "B5"}
	C := []string{"C1", "C2", "C3", "C4"}
	for _, seed := range []uint64{1, 2, 3} {
		s := newSynth(seed)
		day := monday2024
		within := func(g []string, typ string, mean float64, d0 int32) {
			for i, a := range g {
				for _, b := range g[i+1:] {
					s.add(1+s.poisson(mean), d0+int32(s.rnd.IntN(28)), typ, a, b)
				}
			}
		}
		between := func(g, h []string, typ string, mean float64, d0 int32) {
			for _, a := range g {
				for _, b := range h {
					s.add(1+s.poisson(mean), d0+int32(s.rnd.IntN(28)), typ, a, b)
				}
			}
		}
		AB := append(append([]string{}, A...), B...)
		within(AB, "COOPERATE", 3, day)
		within(C, "CONSULT", 3, day)
		between(AB, C, "ACCUSE", 1, day)
		later := day + 28
		within(A, "COOPERATE", 3, later)
		within(B, "AID", 3, later)
		within(C, "CONSULT", 3, later)
		between(A, B, "SANCTION", 2, later)
		between(AB, C, "ACCUSE", 1, later)

		before, err := s.ix.Blocs(BlocOptions{From: day, To: later - 1})
		if err != nil {
			t.Fatal(err)
		}
		after, _ := s.ix.Blocs(BlocOptions{From: later, To: later + 27})
		members := func(r BlocReport) [][]string {
			var out [][]string
			for _, b := range r.Blocs {
				out = append(out, b.Members)
			}
			return out
		}
		if want := [][]string{AB, C}; !reflect.DeepEqual(members(before), want) {
			t.Errorf("seed %d: blocs before %v, want %v", seed, members(before), want)
		}
		if want := [][]string{A, B, C}; !reflect.DeepEqual(members(after), want) {
			t.Errorf("seed %d: blocs after %v, want %v", seed, members(after), want)
		}
		changes := CompareBlocs(before, after)
		if len(changes) != 3 || changes[0].Was != 1 || !slices.Equal(changes[0].Left, B) || len(changes[0].Joined) != 0 ||
			changes[2].Was != 2 || len(changes[2].Left)+len(changes[2].Joined) != 0 {
			t.Errorf("seed %d: changes %+v", seed, changes)
		}
		for _, p := range after.Pairs {
			inA := slices.Contains(A, p.A) && slices.Contains(B, p.B)
			if inA && p.Alignment != -1 {
				t.Errorf("seed %d: A-B pair %+v should be aligned -1", seed, p)
			}
			if len(p.Events) == 0 || len(p.Events) > 10 {
				t.Errorf("seed %d: pair %s-%s cites %d events", seed, p.A, p.B, len(p.Events))
			}
		}
		again, _ := s.ix.Blocs(BlocOptions{From: later, To: later + 27})
		if !reflect.DeepEqual(again, after) {
			t.Errorf("seed %d: blocs differ between two runs", seed)
		}
	}
}
