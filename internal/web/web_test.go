package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"entente/internal/api"
	"entente/internal/plover"
	"entente/internal/seedstest"
	"entente/internal/servetest"
	"entente/internal/store"
)

func TestMain(m *testing.M) {
	code := m.Run()
	servetest.Stop()
	os.Exit(code)
}

// Articles written for these tests: one meeting reported in German and in
// Russian, a visit in Ukrainian, and the hostile article of testdata/xss.txt
// (script tags, an attribute break-out and javascript: URLs in its title,
// URL and sentences).
func articles(t testing.TB) []servetest.Doc {
	xss, err := os.ReadFile("testdata/xss.txt")
	if err != nil {
		t.Fatal(err)
	}
	return []servetest.Doc{
		{Name: "lavrov_de.txt", Text: "date 2025-03-04\nAm Montag traf sich der russische Außenminister Sergej Lawrow in Peking mit seinem chinesischen Amtskollegen Wang Yi. Die beiden sprachen über die Lage in der Region."},
		{Name: "lavrov_ru.txt", Text: "date 2025-03-04\nМинистр иностранных дел России Сергей Лавров в понедельник провел в Пекине переговоры с министром иностранных дел КНР Ван И."},
		{Name: "tusk_uk.txt", Text: "date 2024-01-22\nПрем'єр-міністр Польщі Дональд Туск у понеділок прибув до Києва, де зустрівся з Президентом України Володимиром Зеленським."},
		{Name: "xss.txt", Text: string(xss)},
	}
}

// newServer serves the pages and the API over a store, as entente serve does.
func newServer(t testing.TB, st *store.Store) *httptest.Server {
	a := api.New(api.Config{Store: st, KB: servetest.KB(t), Sign: api.Signs(plover.MustLoad())})
	w, err := New(Config{API: a, Store: st})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	a.Register(mux)
	w.Register(mux)
	srv := httptest.NewServer(Secure(mux, 10*time.Second, 1<<20))
	t.Cleanup(srv.Close)
	return srv
}

func fetch(t *testing.T, srv *httptest.Server, path string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

// unsafe finds the hostile article's markup anywhere it could act: a tag
// or an event-handler attribute, or a javascript: URL in an attribute.
var unsafe = regexp.MustCompile(`(?i)<script>alert|<img src=x|<b onmouseover|(href|src|action)="?javascript:`)

func TestPages(t *testing.T) {
	servetest.Backends(t, func(t *testing.T, st *store.Store) {
		servetest.Fill(t, st, articles(t)...)
		srv := newServer(t, st)
		a := api.New(api.Config{Store: st})
		page, _, err := a.Events(t.Context(), map[string][]string{"dyad": {"RUS-CHN"}, "from": {"2025"}})
		if err != nil || len(page.Items) != 1 {
			t.Fatalf("the Lavrov–Wang event: %+v, %v", page, err)
		}
		meeting := page.Items[0].ID
		xssPage, _, err := a.Events(t.Context(), map[string][]string{"dyad": {"RUS-CHN"}, "from": {"2024-05"}, "to": {"2024-05"}})
		xssEvent := ""
		for _, e := range xssPage.Items {
			if e.Type == "CONSULT" {
				xssEvent = e.ID
			}
		}
		if err != nil || xssEvent == "" {
			t.Fatalf("the hostile article's meeting: %+v, %v", xssPage, err)
		}
		var xssDoc string
		docs, err := st.DocPage(t.Context(), 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			if d.Name == "xss.txt" {
				xssDoc = "/documents/" + strconv.FormatInt(d.ID, 10)
			}
		}
		tests := []struct {
			path   string
			status int
			want   []string
		}{
			{"/", 200, []string{"4 documents", "Newest events"}},
			{"/?q=lavrov", 200, []string{`href="/actors/sergei-lavrov"`}},
			{"/events", 200, []string{"CHN → RUS", "CONSULT", "<th scope=\"col\">Lang.</th>"}},
			{"/events?dyad=RUS-CHN&from=2025", 200, []string{"Sergei Lavrov (RUS) = Wang Yi (CHN)", "de ru", `href="/events/` + meeting + `"`}},
			{"/events?from=2024-13-45", 400, []string{"want a date YYYY, YYYY-MM or YYYY-MM-DD"}},
			{"/events/" + meeting, 200, []string{`lang="de"`, `lang="ru"`, `class="actor"`, "Sergej Lawrow", "Сергей Лавров"}},
			{"/events/" + xssEvent, 200, []string{"&lt;script&gt;alert(2)&lt;/script&gt;"}},
			{xssDoc, 200, []string{"&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;", "&lt;b onmouseover=alert(4)&gt;"}},
			{"/actors/sergei-lavrov", 200, []string{"Sergei Lavrov", "foreign-minister", "CHN", "China", `<span class="coop">partner</span>`}},
			{"/actors/state:RUS", 200, []string{"Russia"}},
			{"/timeline?dyad=RUS-CHN&interval=month", 200, []string{"2025-03-01 – 2025-03-31", `data-src="/api/v1/series?dyad=RUS-CHN&amp;interval=month"`}},
			{"/timeline?interval=year", 400, []string{"want week or month"}},
			{"/network?from=2024&to=2025", 200, []string{"CHN – RUS", `href="/events?dyad=CHN-RUS&amp;from=2024&amp;to=2025"`}},
			{"/events/ev_nothing", 404, []string{"not found"}},
			{"/documents/999", 404, []string{"not found"}},
			{"/actors/nobody", 404, []string{"not found"}},
			{"/nowhere", 404, []string{"no such page"}},
			{"/static/", 404, nil},
			{"/static/vendor/", 404, nil},
			{"/static/../web.go", 404, nil},
			{"/static/style.css", 200, []string{"--coop"}},
			{"/static/vendor/cytoscape/cytoscape.min.js", 200, nil},
		}
		for _, tt := range tests {
			t.Run(tt.path, func(t *testing.T) {
				code, h, body := fetch(t, srv, tt.path)
				if code != tt.status {
					t.Fatalf("status %d, want %d: %.300s", code, tt.status, body)
				}
				for _, w := range tt.want {
					if !strings.Contains(body, w) {
						t.Errorf("the page lacks %q", w)
					}
				}
				if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe") {
					t.Errorf("CSP %q", csp)
				}
				if m := unsafe.FindString(body); m != "" {
					t.Errorf("the page carries %q unescaped", m)
				}
				if strings.HasPrefix(h.Get("Content-Type"), "text/html") && (strings.Contains(body, "<script>") || strings.Contains(body, "style=")) {
					t.Errorf("the page has an inline script or style, which the CSP forbids")
				}
			})
		}
		// The API reflects nothing unescaped either.
		for _, p := range []string{"/api/v1/events?limit=500", "/api/v1/events/" + xssEvent, "/api/v1" + xssDoc, "/api/v1/documents"} {
			code, _, body := fetch(t, srv, p)
			if code != 200 || unsafe.MatchString(body) || strings.Contains(body, "<script") {
				t.Errorf("GET %s: %d, unescaped markup: %q", p, code, unsafe.FindString(body))
			}
		}
	})
}

// TestSeedsShoiguXi checks issue 14's acceptance on the seeds: the
// Shoigu–Xi meeting's page cites the German and the Russian article side
// by side.
func TestSeedsShoiguXi(t *testing.T) {
	st := seedstest.Open(t)
	srv := newServer(t, st)
	evs, err := st.Events(t.Context(), store.Filter{ActorID: "sergei-shoigu", Types: []string{"CONSULT"}})
	if err != nil {
		t.Fatal(err)
	}
	id := ""
	for _, e := range evs {
		for _, a := range e.Actors {
			if a.ID == "xi-jinping" {
				id = e.ID
			}
		}
	}
	if id == "" {
		t.Fatalf("no CONSULT of Sergei Shoigu with Xi Jinping among %d events", len(evs))
	}
	code, _, body := fetch(t, srv, "/events/"+id)
	if code != 200 {
		t.Fatalf("/events/%s: %d", id, code)
	}
	de := strings.Index(body, `<section class="column" lang="de"`)
	ru := strings.Index(body, `<section class="column" lang="ru"`)
	if de < 0 || ru < 0 || !strings.Contains(body, "Schoigu") && !strings.Contains(body, "Shoigu") || !strings.Contains(body, "Шойгу") {
		t.Errorf("the Shoigu–Xi page: German column at %d, Russian at %d; want both, with the names as written", de, ru)
	}
	if *update && chromium() != "" {
		b := newBrowser(t)
		b.visit(t, srv.URL+"/events/"+id, "section.column", "seeds-shoigu-xi")
	}
}
