package store

import (
	"slices"
	"strings"
	"testing"
)

// TestLimitBoundsSources: with a limit, each event carries at most that
// many sources, the first by document and offset, and counts the others;
// without one, all of them. Both databases.
func TestLimitBoundsSources(t *testing.T) {
	backends(t, func(t *testing.T, dsn string) {
		st := open(t, dsn)
		var docs []doc
		for _, name := range []string{"c.txt", "a.txt", "b.txt", "d.txt"} {
			docs = append(docs, doc{name, lavrovDE + "\n" + name})
		}
		ingest(t, st, docs...)
		all := eventsOf(t, st, Filter{Actor: "Lavrov"})
		if len(all) != 1 || len(all[0].Sources) != 4 || all[0].SourcesMore != 0 {
			t.Fatalf("without a limit: %d events, want 1 with 4 sources and none left out: %+v", len(all), all)
		}
		for _, n := range []int{1, 3, 4, 10} {
			got := eventsOf(t, st, Filter{Actor: "Lavrov", Limit: n})
			k := min(n, 4)
			if len(got) != 1 || !slices.Equal(got[0].Sources, all[0].Sources[:k]) || got[0].SourcesMore != 4-k {
				t.Errorf("limit %d: %+v; want the first %d sources and %d more", n, got, k, 4-k)
			}
		}
	})
}

// TestActorByName: a part of a name finds the actor's events through the
// table of distinct actors, written at ingest.
func TestActorByName(t *testing.T) {
	backends(t, func(t *testing.T, dsn string) {
		st := open(t, dsn)
		ingest(t, st, doc{"lavrov.txt", lavrovDE}, doc{"tusk.txt", tuskUK})
		for _, tt := range []struct {
			actor string
			want  int
		}{{"lavrov", 1}, {"Wang", 1}, {"tusk", 1}, {"CHN", 1}, {"Xi Jinping", 0}} {
			if got := len(eventsOf(t, st, Filter{Actor: tt.actor})); got != tt.want {
				t.Errorf("--actor %s: %d events, want %d", tt.actor, got, tt.want)
			}
		}
		var n int
		if err := st.db.QueryRow(`SELECT count(*) FROM actors WHERE entity_id = 'sergei-lavrov'`).Scan(&n); err != nil || n != 1 {
			t.Errorf("actors rows for Lavrov: %d (%v), want 1", n, err)
		}
	})
}

// TestDyadInOrder: a dyad's events come from event_dyads in the list's
// order, either way round and with other filters, the same as the
// conditions on actors would select; events of one code pair only once.
func TestDyadInOrder(t *testing.T) {
	backends(t, func(t *testing.T, dsn string) {
		st := open(t, dsn)
		ingest(t, st, doc{"lavrov.txt", lavrovDE}, doc{"lavrov_ru.txt", lavrovRU}, doc{"tusk.txt", tuskUK})
		for _, f := range []Filter{{Dyad: "RUS-CHN"}, {Dyad: "chn-rus"}, {Dyad: "RUS-CHN", Type: "CONSULT"}, {Dyad: "RUS-CHN", Desc: true}, {Dyad: "POL-UKR", Limit: 1}} {
			got := eventsOf(t, st, f)
			g := f
			g.Dyad, g.Limit = "", 0
			var want []string
			for _, e := range eventsOf(t, st, g) {
				codes := e.Codes()
				a, b, _ := strings.Cut(strings.ToUpper(f.Dyad), "-")
				if slices.Contains(codes, a) && slices.Contains(codes, b) {
					want = append(want, e.ID)
				}
			}
			if f.Limit > 0 && len(want) > f.Limit {
				want = want[:f.Limit]
			}
			var ids []string
			for _, e := range got {
				ids = append(ids, e.ID)
			}
			if len(want) == 0 || !slices.Equal(ids, want) {
				t.Errorf("%+v: %v, want %v (non-empty)", f, ids, want)
			}
		}
	})
}
