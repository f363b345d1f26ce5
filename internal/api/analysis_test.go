package api

import (
	"strings"
	"testing"

	"entente/internal/analysis"
	"entente/internal/brief"
	"entente/internal/store"
)

func TestAnalysisEndpoints(t *testing.T) {
	backends(t, func(t *testing.T, st *store.Store) {
		fill(t, st, articles...)
		srv := newServer(t, st)

		var rep analysis.SurgeReport
		get(t, srv, "/api/v1/surges?period=month&at=2025-03&focus=RUS", 200, &rep)
		if rep.Period != "2025-03" || len(rep.NewDyads) != 1 || rep.NewDyads[0].Key != "CHN-RUS" || len(rep.NewDyads[0].Events) != 1 {
			t.Errorf("surges: %+v", rep)
		}

		var bl Blocs
		get(t, srv, "/api/v1/blocs?from=2024&to=2025&vs_from=2024-01&vs_to=2024-01", 200, &bl)
		if len(bl.Blocs.Blocs) != 2 || bl.Before == nil || len(bl.Changes) != 2 {
			t.Errorf("blocs: %+v", bl)
		}
		for _, p := range bl.Blocs.Pairs {
			if p.Alignment != 1 || len(p.Events) == 0 {
				t.Errorf("pair %+v: want alignment 1 with events", p)
			}
		}

		var br brief.Brief
		get(t, srv, "/api/v1/brief?from=2025-03&to=2025-03", 200, &br)
		langs := map[string]bool{}
		for _, s := range br.Sections {
			for _, st := range s.Statements {
				if s.Title == "Top events by sources and confidence" && strings.Contains(st.Text, "Wang Yi") {
					for _, c := range st.Cites {
						langs[c.Lang] = true
					}
				}
			}
		}
		if !langs["de"] || !langs["ru"] {
			t.Errorf("brief: the Lavrov–Wang meeting cites %v, want de and ru", langs)
		}

		for _, bad := range []string{
			"/api/v1/surges?period=year",
			"/api/v1/surges?alpha=2",
			"/api/v1/surges?at=2024-13",
			"/api/v1/surges?focus=R%20U",
			"/api/v1/surges?limit=5",
			"/api/v1/blocs?from=2025&to=2024",
			"/api/v1/blocs?resolution=0",
			"/api/v1/brief?from=2025",
			"/api/v1/brief?to=2025",
			"/api/v1/brief?from=2025&to=2025&top=0",
			"/api/v1/brief?from=2025&to=2025&type=NOPE",
		} {
			get(t, srv, bad, 400, nil)
		}
	})
}
