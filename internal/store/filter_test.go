package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"entente/internal/model"
)

// TestFilterFields checks the filters the API adds (actor id, several types,
// minimum confidence), LIKE wildcards taken literally, and keyset pages that
// add up to the whole list in both orders.
func TestFilterFields(t *testing.T) {
	backends(t, func(t *testing.T, dsn string) {
		st := open(t, dsn)
		ingest(t, st, generated(30)...)
		all := eventsOf(t, st, Filter{})
		if len(all) < 20 {
			t.Fatalf("%d events; want at least 20 to page through", len(all))
		}
		ids := func(evs []model.Event) []string {
			var out []string
			for _, e := range evs {
				out = append(out, e.ID)
			}
			return out
		}
		keep := func(pred func(e *model.Event) bool) []string {
			var out []string
			for i := range all {
				if pred(&all[i]) {
					out = append(out, all[i].ID)
				}
			}
			return out
		}
		var actorID string
		for _, a := range all[len(all)/2].Actors {
			if a.ID != "" {
				actorID = a.ID
			}
		}
		cases := []struct {
			name string
			f    Filter
			want []string
		}{
			{"actor id", Filter{ActorID: actorID}, keep(func(e *model.Event) bool {
				return slices.ContainsFunc(e.Actors, func(a model.Actor) bool { return a.ID == actorID })
			})},
			{"types", Filter{Types: []string{"CONSULT", "AID"}}, keep(func(e *model.Event) bool { return e.Type == "CONSULT" || e.Type == "AID" })},
			{"type and types", Filter{Type: "AGREE", Types: []string{"ACCUSE"}}, keep(func(e *model.Event) bool { return e.Type == "AGREE" || e.Type == "ACCUSE" })},
			{"min confidence", Filter{MinConfidence: 0.75}, keep(func(e *model.Event) bool { return e.Confidence >= 0.75 })},
			{"percent is no wildcard", Filter{Actor: "%"}, nil},
			{"underscore is no wildcard", Filter{Actor: "_"}, nil},
		}
		for _, c := range cases {
			if got := ids(eventsOf(t, st, c.f)); !slices.Equal(got, c.want) {
				t.Errorf("%s: %d events %v, want %d %v", c.name, len(got), got, len(c.want), c.want)
			}
		}
		if len(cases[0].want) == 0 || len(cases[1].want) == 0 {
			t.Errorf("the generated corpus should have events of the actor %s and of CONSULT or AID", actorID)
		}
		for _, desc := range []bool{false, true} {
			whole := ids(eventsOf(t, st, Filter{Desc: desc}))
			var paged []string
			var after *Cursor
			for range len(all) {
				page := eventsOf(t, st, Filter{Limit: 7, After: after, Desc: desc})
				if len(page) == 0 {
					break
				}
				paged = append(paged, ids(page)...)
				c := CursorOf(&page[len(page)-1])
				after = &c
			}
			if !slices.Equal(paged, whole) {
				t.Errorf("desc=%v: pages of 7 give %v, want %v", desc, paged, whole)
			}
			if desc {
				dated := slices.IndexFunc(all, func(e model.Event) bool { return e.Date.IsZero() })
				if dated > 0 && whole[0] == all[0].ID {
					t.Errorf("descending order starts with the oldest event %s", whole[0])
				}
			}
		}
	})
}

func TestOpenExistingCreatesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "none.db")
	_, err := OpenExisting(context.Background(), path)
	if !errors.Is(err, ErrNoDatabase) {
		t.Fatalf("OpenExisting(%s) = %v, want ErrNoDatabase", path, err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("OpenExisting created %s", path)
	}
}
