package store

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"entente/internal/corpus"
	"entente/internal/model"
)

// TestEachEventPages: EachEvent reads a page at a time from where the last
// one ended, dated events then undated ones, and hands out exactly what
// Events returns at once, in the same order, for the plain list, a dyad's,
// either direction, with a limit (events and sources) and other filters.
// Both databases; pages of 3 events.
func TestEachEventPages(t *testing.T) {
	old := eventPage
	eventPage = 3
	t.Cleanup(func() { eventPage = old })
	var docs []doc
	corpus.EachRealistic(40, 11, corpus.DefaultShape, func(i int, text string) {
		docs = append(docs, doc{fmt.Sprintf("%03d.txt", i), text})
	})
	backends(t, func(t *testing.T, dsn string) {
		st := open(t, dsn)
		ingest(t, st, docs...)
		all := eventsOf(t, st, Filter{})
		undated := 0
		for _, e := range all {
			if e.Date.IsZero() {
				undated++
			}
		}
		if len(all) < 20 || undated == 0 || undated == len(all) {
			t.Fatalf("%d events, %d undated: want many over several pages, dated and undated", len(all), undated)
		}
		dyad := all[0].Codes()
		for _, f := range []Filter{{}, {Desc: true}, {Limit: 7}, {Limit: 1},
			{Dyad: dyad[0] + "-" + dyad[1]}, {Dyad: dyad[1] + "-" + dyad[0], Desc: true}, {Dyad: dyad[0] + "-" + dyad[1], Limit: 4},
			{Type: all[0].Type}, {From: "2019", To: "2023"}} {
			want := eventsOf(t, st, f)
			var got []model.Event
			err := st.EachEvent(context.Background(), f, func(e *model.Event) error {
				got = append(got, *e)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(want) == 0 || !reflect.DeepEqual(got, want) {
				t.Errorf("%+v: EachEvent gives %d events, Events %d (want some, the same)", f, len(got), len(want))
			}
		}
	})
}
