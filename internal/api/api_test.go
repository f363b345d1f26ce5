package api

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"

	"os"
	"slices"
	"strings"
	"testing"

	"entente/internal/output"
	"entente/internal/plover"
	"entente/internal/servetest"
	"entente/internal/store"
)

// Articles written for these tests: a meeting reported in German and in
// Russian (one event, two sources), a visit in Ukrainian, and an accusation.
var articles = []servetest.Doc{
	{Name: "lavrov_de.txt", Text: "date 2025-03-04\nAm Montag traf sich der russische Außenminister Sergej Lawrow in Peking mit seinem chinesischen Amtskollegen Wang Yi. Die beiden sprachen über die Lage in der Region."},
	{Name: "lavrov_ru.txt", Text: "date 2025-03-04\nМинистр иностранных дел России Сергей Лавров в понедельник провел в Пекине переговоры с министром иностранных дел КНР Ван И."},
	{Name: "tusk_uk.txt", Text: "date 2024-01-22\nПрем'єр-міністр Польщі Дональд Туск у понеділок прибув до Києва, де зустрівся з Президентом України Володимиром Зеленським."},
}

func TestMain(m *testing.M) {
	code := m.Run()
	servetest.Stop()
	os.Exit(code)
}

func fill(t testing.TB, st *store.Store, docs ...servetest.Doc) { servetest.Fill(t, st, docs...) }

func backends(t *testing.T, test func(t *testing.T, st *store.Store)) { servetest.Backends(t, test) }

func newServer(t *testing.T, st *store.Store) *httptest.Server {
	mux := http.NewServeMux()
	New(Config{Store: st, KB: servetest.KB(t), Sign: Signs(plover.MustLoad())}).Register(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// get fetches a path and decodes its JSON body; it checks the body against
// the OpenAPI document's schema for the path and status.
func get(t *testing.T, srv *httptest.Server, path string, wantStatus int, into any) {
	t.Helper()
	resp, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != wantStatus {
		t.Fatalf("GET %s: %d %s; want %d", path, resp.StatusCode, body, wantStatus)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("GET %s: Content-Type %q", path, ct)
	}
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("GET %s: %v: %s", path, err, body)
	}
	if err := checkResponse(path, wantStatus, v); err != nil {
		t.Errorf("GET %s: the response does not match openapi.json: %v\n%s", path, err, body)
	}
	if into != nil {
		if err := json.Unmarshal(body, into); err != nil {
			t.Fatal(err)
		}
	}
}

func TestEndpoints(t *testing.T) {
	backends(t, func(t *testing.T, st *store.Store) {
		fill(t, st, articles...)
		srv := newServer(t, st)

		var page EventPage
		get(t, srv, "/api/v1/events?dyad=RUS-CHN&from=2025-03&to=2025-03-31", 200, &page)
		if len(page.Items) != 1 || page.Next != "" {
			t.Fatalf("RUS-CHN in March 2025: %+v; want one event, no next page", page)
		}
		ev := page.Items[0]
		if ev.Type != "CONSULT" || ev.Date == nil || ev.Date.Start != "2025-03-03" || len(ev.Sources) != 2 {
			t.Errorf("the Lavrov–Wang meeting: %+v; want CONSULT on 2025-03-03 with a German and a Russian source", ev)
		}
		for _, a := range ev.Actors {
			if a.Role != "participant" {
				t.Errorf("actor %s: role %q, want participant", a.Name, a.Role)
			}
		}

		// Keyset pages of 1 add up to the whole list.
		var all EventPage
		get(t, srv, "/api/v1/events?limit=500", 200, &all)
		if len(all.Items) < 2 {
			t.Fatalf("%d events; want at least 2", len(all.Items))
		}
		var paged []string
		next := ""
		for range 20 {
			var p EventPage
			get(t, srv, "/api/v1/events?limit=1&cursor="+next, 200, &p)
			for _, e := range p.Items {
				paged = append(paged, e.ID)
			}
			if next = p.Next; next == "" {
				break
			}
		}
		var whole []string
		for _, e := range all.Items {
			whole = append(whole, e.ID)
		}
		if !slices.Equal(paged, whole) {
			t.Errorf("pages of 1: %v; all at once: %v", paged, whole)
		}

		// The event with its sources' documents and spans.
		var d EventDetail
		get(t, srv, "/api/v1/events/"+ev.ID, 200, &d)
		if len(d.Sources) != 2 || !slices.Contains(d.Languages, "de") || !slices.Contains(d.Languages, "ru") {
			t.Fatalf("event sources %+v, languages %v; want de and ru", d.Sources, d.Languages)
		}
		for _, src := range d.Sources {
			var doc DocumentDetail
			get(t, srv, fmt.Sprintf("/api/v1/documents/%d", src.DocID), 200, &doc)
			if doc.Name != src.Doc || doc.Text[src.Start:src.End] != src.Sentence {
				t.Errorf("source %s %d-%d: document %s, text there %q; want the sentence %q", src.Doc, src.Start, src.End, doc.Name, doc.Text[src.Start:src.End], src.Sentence)
			}
			actors := 0
			for _, m := range src.Mentions {
				if doc.Text[m.Start:m.End] != m.Text {
					t.Errorf("mention %q at %d-%d: the text there is %q", m.Text, m.Start, m.End, doc.Text[m.Start:m.End])
				}
				if m.Actor {
					actors++
				}
			}
			if len(src.Triggers) == 0 {
				t.Errorf("source %s: no trigger span (the test store keeps explanations)", src.Doc)
			}
			for _, tr := range src.Triggers {
				if doc.Text[tr.Start:tr.End] != tr.Text || tr.Start < src.Start || tr.End > src.End {
					t.Errorf("trigger %q at %d-%d: the text there is %q", tr.Text, tr.Start, tr.End, doc.Text[tr.Start:tr.End])
				}
			}
			if actors < 2 {
				t.Errorf("source %s: mentions %+v; want Lavrov and Wang marked as the event's actors", src.Doc, src.Mentions)
			}
			if len(doc.Events) == 0 || !slices.ContainsFunc(doc.Events, func(e output.Event) bool { return e.ID == ev.ID }) {
				t.Errorf("document %s reports %+v; want %s among them", doc.Name, doc.Events, ev.ID)
			}
			for _, m := range doc.Mentions {
				if doc.Text[m.Start:m.End] != m.Text {
					t.Errorf("document mention %q at %d-%d: the text there is %q", m.Text, m.Start, m.End, doc.Text[m.Start:m.End])
				}
			}
		}

		var docs DocPage
		get(t, srv, "/api/v1/documents?limit=2", 200, &docs)
		if len(docs.Items) != 2 || docs.Next == "" {
			t.Errorf("documents, 2 a page: %+v; want 2 and a next page", docs)
		}
		var rest DocPage
		get(t, srv, "/api/v1/documents?cursor="+docs.Next, 200, &rest)
		if len(rest.Items) != 1 || rest.Items[0].Name != "tusk_uk.txt" || rest.Next != "" {
			t.Errorf("the second page of documents: %+v; want tusk_uk.txt alone", rest)
		}

		var actors ActorList
		get(t, srv, "/api/v1/actors?q=lavrov", 200, &actors)
		if len(actors.Items) != 1 || actors.Items[0].ID != "sergei-lavrov" || actors.Items[0].Events != 1 || len(actors.Items[0].Offices) == 0 {
			t.Errorf("actors?q=lavrov: %+v; want Sergei Lavrov with one event and his offices", actors)
		}
		var lavrov ActorDetail
		get(t, srv, "/api/v1/actors/sergei-lavrov", 200, &lavrov)
		if len(lavrov.Partners) != 1 || lavrov.Partners[0].Code != "CHN" || lavrov.Partners[0].Cooperation != 1 || lavrov.Partners[0].Name != "China" || len(lavrov.Events.Items) != 1 {
			t.Errorf("actor sergei-lavrov: partners %+v, events %d; want CHN and one event", lavrov.Partners, len(lavrov.Events.Items))
		}

		var s Series
		get(t, srv, "/api/v1/series?dyad=RUS-CHN&interval=month&types=CONSULT,AGREE", 200, &s)
		if len(s.Periods) != 1 || s.Periods[0].Start != "2025-03-01" || s.Periods[0].End != "2025-03-31" ||
			s.Periods[0].Types["CONSULT"] != 1 || s.Periods[0].Cooperation != 1 || s.Periods[0].Conflict != 0 {
			t.Errorf("series by month: %+v; want March 2025 with one CONSULT (cooperation)", s)
		}
		get(t, srv, "/api/v1/series?actor=POL", 200, &s)
		if len(s.Periods) != 1 || s.Periods[0].Start != "2024-01-22" || s.Periods[0].End != "2024-01-28" {
			t.Errorf("series by week: %+v; want the week of Monday 2024-01-22", s)
		}

		var n Network
		get(t, srv, "/api/v1/network?from=2024&to=2025", 200, &n)
		var nodes []string
		for _, x := range n.Nodes {
			nodes = append(nodes, x.ID)
		}
		if !slices.Equal(nodes, []string{"CHN", "POL", "RUS", "UKR"}) {
			t.Errorf("network nodes %v; want CHN POL RUS UKR", nodes)
		}
		if !slices.ContainsFunc(n.Edges, func(e Edge) bool {
			return e.Source == "CHN" && e.Target == "RUS" && e.Count == 1 && e.Types["CONSULT"] == 1 && e.Score == 1
		}) {
			t.Errorf("network edges %+v; want CHN–RUS, one CONSULT, score 1", n.Edges)
		}
		get(t, srv, "/api/v1/network?from=2024&to=2025&min=2", 200, &n)
		if len(n.Edges) != 0 || len(n.Nodes) != 0 {
			t.Errorf("network with min=2: %+v; want nothing", n)
		}
	})
}

func TestErrors(t *testing.T) {
	backends(t, func(t *testing.T, st *store.Store) {
		fill(t, st, articles[0])
		srv := newServer(t, st)
		tests := []struct {
			path   string
			status int
			param  string
		}{
			{"/api/v1/events?from=2024-13-45", 400, "from"},
			{"/api/v1/events?to=abc", 400, "to"},
			{"/api/v1/events?type=FOO", 400, "type"},
			{"/api/v1/events?status=bogus", 400, "status"},
			{"/api/v1/events?status=hypothetical", 400, "status"},
			{"/api/v1/series?status=background", 400, "status"},
			{"/api/v1/events?lang=xx", 400, "lang"},
			{"/api/v1/events?dyad=RUS-CHN-IRN", 400, "dyad"},
			{"/api/v1/events?limit=501", 400, "limit"},
			{"/api/v1/events?cursor=%21%21", 400, "cursor"},
			{"/api/v1/events?sort=up", 400, "sort"},
			{"/api/v1/events?min_confidence=2", 400, "min_confidence"},
			{"/api/v1/events?actor=" + strings.Repeat("x", 300), 400, "actor"},
			{"/api/v1/events?bogus=1", 400, "bogus"},
			{"/api/v1/events/ev_0000000000000000", 404, ""},
			{"/api/v1/events/ev_1?x=1", 400, "x"},
			{"/api/v1/documents?limit=0", 400, "limit"},
			{"/api/v1/documents?cursor=abc", 400, "cursor"},
			{"/api/v1/documents?q=1", 400, "q"},
			{"/api/v1/documents/999", 404, ""},
			{"/api/v1/documents/abc", 404, ""},
			{"/api/v1/documents/1?x=1", 400, "x"},
			{"/api/v1/actors?limit=9999", 400, "limit"},
			{"/api/v1/actors?name=x", 400, "name"},
			{"/api/v1/actors?q=" + strings.Repeat("x", 300), 400, "q"},
			{"/api/v1/actors/nobody-at-all", 404, ""},
			{"/api/v1/actors/sergei-lavrov?limit=0", 400, "limit"},
			{"/api/v1/series?interval=year", 400, "interval"},
			{"/api/v1/series?types=FOO", 400, "type"},
			{"/api/v1/series?from=2024-02-30", 400, "from"},
			{"/api/v1/series?min=3", 400, "min"},
			{"/api/v1/network?min=0", 400, "min"},
			{"/api/v1/network?dyad=RUS-CHN", 400, "dyad"},
			{"/api/v1/network?to=abc", 400, "to"},
			{"/api/v1/nothing", 404, ""},
			{"/api/v1/openapi.json?x=1", 400, ""},
		}
		for _, tt := range tests {
			t.Run(tt.path[:min(len(tt.path), 60)], func(t *testing.T) {
				var e Error
				get(t, srv, tt.path, tt.status, &e)
				if e.Message == "" || e.Param != tt.param {
					t.Errorf("error %+v; want a message about %q", e, tt.param)
				}
			})
		}
		resp, err := http.Post(srv.URL+"/api/v1/events", "application/json", strings.NewReader("{}"))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("POST /api/v1/events: %d, want 405", resp.StatusCode)
		}
	})
}

// TestOpenAPIDocument checks that the served document is the embedded one
// and that every path it names is served.
func TestOpenAPIDocument(t *testing.T) {
	backends(t, func(t *testing.T, st *store.Store) {
		srv := newServer(t, st)
		resp, err := http.Get(srv.URL + "/api/v1/openapi.json")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var doc struct {
			OpenAPI string                    `json:"openapi"`
			Paths   map[string]map[string]any `json:"paths"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil {
			t.Fatal(err)
		}
		if doc.OpenAPI != "3.1.0" || len(doc.Paths) != 11 {
			t.Fatalf("openapi %q with %d paths; want 3.1.0 and 11", doc.OpenAPI, len(doc.Paths))
		}
		for p := range doc.Paths {
			path := "/api/v1" + strings.NewReplacer("{id}", "1").Replace(p)
			r, err := http.Get(srv.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			r.Body.Close()
			if r.StatusCode != 200 && r.StatusCode != 404 {
				t.Errorf("GET %s: %d", path, r.StatusCode)
			}
			if r.StatusCode == 404 && !strings.Contains(p, "{id}") {
				t.Errorf("GET %s: 404: a path of the document is not served", path)
			}
		}
	})
}
