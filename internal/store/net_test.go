package store

import (
	"context"
	"reflect"
	"testing"

	"entente/internal/model"
)

func TestNetOf(t *testing.T) {
	e := &model.Event{Actors: []model.Actor{
		{Code: "RUS", Kind: "person"}, {Code: "NATO", Kind: "org"}, {Code: "CHN", Kind: "state"},
		{Code: "RUS", Kind: "state"}, {Code: "", Kind: "person"}, {Code: "XYZ", Kind: "person"},
	}}
	if got, want := NetOf(e), "CHN/2 NATO/3 RUS/2 XYZ/0"; got != want {
		t.Fatalf("NetOf = %q, want %q", got, want)
	}
	codes, err := parseNet(NetOf(e))
	want := []NetCode{{"CHN", false, true}, {"NATO", true, true}, {"RUS", false, true}, {"XYZ", false, false}}
	if err != nil || !reflect.DeepEqual(codes, want) {
		t.Errorf("parseNet = %+v, %v; want %+v", codes, err, want)
	}
	if NetOf(&model.Event{Actors: []model.Actor{{Name: "someone"}}}) != "" {
		t.Error("an event without codes has a net")
	}
	for _, bad := range []string{"RUS", "RUS/4", "RUS/", "RUS/22"} {
		if _, err := parseNet(bad); err == nil {
			t.Errorf("parseNet(%q): no error", bad)
		}
	}
}

// TestNetColumn: ingest writes events.net as NetOf of the stored event,
// and the migration that adds the column computes the same from
// event_actors for the events stored before it, on both backends.
func TestNetColumn(t *testing.T) {
	backends(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		st := open(t, dsn)
		ingest(t, st, append(generated(30), doc{"tusk.txt", tuskUK}, doc{"lavrov_de.txt", lavrovDE})...)
		evs := eventsOf(t, st, Filter{})
		if len(evs) < 20 {
			t.Fatalf("%d events; want the generated corpus's", len(evs))
		}
		check := func(when string) {
			t.Helper()
			coded := 0
			for i := range evs {
				var net string
				if err := st.db.QueryRowContext(ctx, st.q(`SELECT net FROM events WHERE id = ?`), evs[i].ID).Scan(&net); err != nil {
					t.Fatal(err)
				}
				if want := NetOf(&evs[i]); net != want {
					t.Errorf("%s: %s: net %q, want %q", when, evs[i].ID, net, want)
				}
				if net != "" {
					coded++
				}
			}
			if coded == 0 {
				t.Errorf("%s: no event has codes", when)
			}
		}
		check("ingest")

		p, netMigration := migrationOf(t, st, "_event_net.sql")
		if netMigration == 0 {
			t.Fatal("no migration *_event_net.sql")
		}
		v, err := p.GetDBVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.DownTo(ctx, netMigration-1); err != nil {
			t.Fatal(err)
		}
		if _, err := p.UpTo(ctx, v); err != nil {
			t.Fatal(err)
		}
		check("migration")
	})
}
