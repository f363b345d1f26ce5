package query

import (
	"errors"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"entente/internal/store"
)

func TestEvents(t *testing.T) {
	api := Options{DefaultLimit: 50, MaxLimit: 500}
	tests := []struct {
		name  string
		query string
		opt   Options
		want  store.Filter
	}{
		{"empty", "", Options{}, store.Filter{}},
		{"default limit", "", api, store.Filter{Limit: 50}},
		{"every filter", "actor=Lavrov&actor_id=sergei-lavrov&dyad=rus-chn&type=consult,AID&type=agree&status=Planned&from=2024-04&to=2024-06-30&lang=DE&text=ballistic+missiles&min_confidence=0.7&limit=10&sort=-date", api,
			store.Filter{Actor: "Lavrov", ActorID: "sergei-lavrov", Dyad: "RUS-CHN", Types: []string{"CONSULT", "AID", "AGREE"},
				Status: "planned", From: "2024-04", To: "2024-06-30", Lang: "de", Text: "ballistic missiles", MinConfidence: 0.7, Limit: 10, Desc: true}},
		{"organisation dyad", "dyad=NATO-UKR", Options{}, store.Filter{Dyad: "NATO-UKR"}},
		{"year bounds", "from=2023&to=2023", Options{}, store.Filter{From: "2023", To: "2023"}},
		{"leap day", "from=2024-02-29", Options{}, store.Filter{From: "2024-02-29"}},
		{"actor trimmed", "actor=+Shoigu+", Options{}, store.Filter{Actor: "Shoigu"}},
		{"wildcards kept literally", "actor=%25", Options{}, store.Filter{Actor: "%"}},
		{"cursor", "cursor=" + EncodeCursor(store.Cursor{Date: "2024-04-26", ID: "ev_1"}), Options{},
			store.Filter{After: &store.Cursor{Date: "2024-04-26", ID: "ev_1"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Events(v, tt.opt)
			if err != nil {
				t.Fatalf("Events(%q): %v", tt.query, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Events(%q) =\n%+v, want\n%+v", tt.query, got, tt.want)
			}
			back, err := Events(Values(got), tt.opt)
			if err != nil || !reflect.DeepEqual(back, got) {
				t.Errorf("Events(Values(f)) = %+v, %v; want %+v", back, err, got)
			}
		})
	}
}

func TestEventsErrors(t *testing.T) {
	long := strings.Repeat("a", 100000)
	tests := []struct {
		name, query string
		param, says string // the refused parameter and a part of what is accepted
	}{
		{"month 13", "from=2024-13-45", "from", "YYYY-MM-DD"},
		{"not a date", "to=abc", "to", "YYYY, YYYY-MM"},
		{"31 February", "to=2024-02-31", "to", "YYYY-MM-DD"},
		{"year-less bound", "from=--04-26", "from", "YYYY"},
		{"to before from", "from=2024-05&to=2024-04-30", "to", "before"},
		{"unknown type", "type=FOO", "type", "CONSULT"},
		{"one unknown among types", "type=CONSULT,FOO", "type", "PLOVER"},
		{"unknown status", "status=bogus", "status", "reported, planned, denied"},
		{"hypothetical is never stored", "status=hypothetical", "status", "not stored"},
		{"unknown language", "lang=xx", "lang", "de, en, ru, uk"},
		{"three codes", "dyad=RUS-CHN-IRN", "dyad", "two actor codes"},
		{"one code", "dyad=RUS", "dyad", "two actor codes"},
		{"same code twice", "dyad=RUS-rus", "dyad", "different"},
		{"not a code", "dyad=R%C3%9CS-CHN", "dyad", "two actor codes"},
		{"blank actor", "actor=+++", "actor", "name"},
		{"long actor", "actor=" + long, "actor", "at most 200"},
		{"long text", "text=" + long, "text", "at most 500"},
		{"text without words", "text=%22%22", "text", "words"},
		{"actor id with spaces", "actor_id=a+b", "actor_id", "without spaces"},
		{"confidence above 1", "min_confidence=1.5", "min_confidence", "0 to 1"},
		{"confidence not a number", "min_confidence=NaN", "min_confidence", "0 to 1"},
		{"limit 0", "limit=0", "limit", "from 1 to 500"},
		{"limit above the cap", "limit=501", "limit", "from 1 to 500"},
		{"limit not a number", "limit=ten", "limit", "from 1"},
		{"unknown sort", "sort=confidence", "sort", "date, -date"},
		{"bad cursor", "cursor=xyz", "cursor", "previous page"},
		{"unknown parameter", "dyda=RUS-CHN", "dyda", "unknown parameter"},
		{"given twice", "from=2024&from=2023", "from", "once"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			f, err := Events(v, Options{DefaultLimit: 50, MaxLimit: 500})
			var qe *Error
			if !errors.As(err, &qe) {
				t.Fatalf("Events(%.60q) = %+v, %v; want a *query.Error", tt.query, f, err)
			}
			if qe.Param != tt.param || !strings.Contains(qe.Error(), tt.says) {
				t.Errorf("error %q (param %q); want param %q saying %q", qe.Error(), qe.Param, tt.param, tt.says)
			}
			if len(qe.Error()) > 400 {
				t.Errorf("error message of %d bytes: the value must be shortened", len(qe.Error()))
			}
		})
	}
}

func TestCursor(t *testing.T) {
	for _, c := range []store.Cursor{{Date: "2024-04-26", ID: "ev_1"}, {Undated: true, ID: "ev_2"}, {Date: "--03-19", ID: "ev|3"}} {
		got, err := DecodeCursor(EncodeCursor(c))
		if err != nil || got != c {
			t.Errorf("DecodeCursor(EncodeCursor(%+v)) = %+v, %v", c, got, err)
		}
	}
}

// FuzzEvents checks that the parser never panics, that what it accepts is
// valid (parsing its query string again gives the same filter) and that its
// refusals name a parameter that was given.
func FuzzEvents(f *testing.F) {
	for _, s := range []string{"", "dyad=RUS-CHN&from=2024-04&to=2024-06", "type=CONSULT,AID&status=reported",
		"from=2024-13-45", "actor=%25", "min_confidence=0.5&limit=3&sort=-date", "cursor=MHwyMDI0fGV2XzE", "lang=uk&text=Путін"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := url.ParseQuery(s)
		if err != nil {
			return
		}
		got, err := Events(v, Options{DefaultLimit: 50, MaxLimit: 500})
		if err != nil {
			var qe *Error
			if !errors.As(err, &qe) {
				t.Fatalf("Events(%q): %v is no *query.Error", s, err)
			}
			if _, ok := v[qe.Param]; !ok && qe.Param != "type" {
				t.Fatalf("Events(%q) refuses %q, which was not given", s, qe.Param)
			}
			return
		}
		back, err := Events(Values(got), Options{DefaultLimit: 50, MaxLimit: 500})
		if err != nil || !reflect.DeepEqual(back, got) {
			t.Fatalf("Events(%q) = %+v; again from its values: %+v, %v", s, got, back, err)
		}
	})
}
