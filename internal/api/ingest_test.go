package api

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"entente/internal/plover"
	"entente/internal/servetest"
	"entente/internal/store"
)

const testToken = "0123456789abcdef-test"

func post(t *testing.T, url, token, body string) (int, http.Header, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "text/plain; charset=utf-8")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("POST %s: %d %s: %v", url, resp.StatusCode, b, err)
	}
	schema := "Error"
	if resp.StatusCode == 200 {
		schema = "Ingested"
	}
	if err := checkSchema(map[string]any{"$ref": "#/components/schemas/" + schema}, v, ""); err != nil {
		t.Errorf("POST %s: %d: the body does not match openapi.json: %v", url, resp.StatusCode, err)
	}
	return resp.StatusCode, resp.Header, v
}

func TestIngestEndpoint(t *testing.T) {
	backends(t, func(t *testing.T, st *store.Store) {
		// Without an ingester and a token there is no write endpoint.
		closed := newServer(t, st)
		if code, _, _ := post(t, closed.URL+"/api/v1/documents?name=a.txt", testToken, articles[0].Text); code != http.StatusMethodNotAllowed {
			t.Errorf("POST on a read-only server: %d, want 405", code)
		}
		mux := http.NewServeMux()
		New(Config{Store: st, KB: servetest.KB(t), Sign: Signs(plover.MustLoad()), Ingest: servetest.Ingester(t, st), Token: testToken}).Register(mux)
		srv := httptest.NewServer(mux)
		defer srv.Close()
		url := srv.URL + "/api/v1/documents?name=lavrov_de.txt"
		tests := []struct {
			name, url, token, body string
			status                 int
			param                  string
		}{
			{"no token", url, "", articles[0].Text, 401, ""},
			{"wrong token", url, "0123456789abcdef-nope", articles[0].Text, 401, ""},
			{"no name", srv.URL + "/api/v1/documents", testToken, articles[0].Text, 400, "name"},
			{"a folder in the name", srv.URL + "/api/v1/documents?name=../x.txt", testToken, articles[0].Text, 400, "name"},
			{"unknown parameter", url + "&lang=de", testToken, articles[0].Text, 400, "lang"},
			{"empty body", url, testToken, "", 400, "body"},
			{"not UTF-8", url, testToken, "\xff\xfe\x00", 400, "body"},
			{"over 10 MiB", url, testToken, strings.Repeat("Wort ", MaxDocument/5+1), 400, "body"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				code, h, v := post(t, tt.url, tt.token, tt.body)
				if code != tt.status || (tt.param != "" && v["param"] != tt.param) {
					t.Errorf("%d %v; want %d about %q", code, v, tt.status, tt.param)
				}
				if code == 401 && h.Get("WWW-Authenticate") == "" {
					t.Errorf("401 without WWW-Authenticate")
				}
			})
		}
		if c, err := st.Counts(t.Context()); err != nil || c.Documents != 0 {
			t.Fatalf("refused requests stored %+v, %v", c, err)
		}
		code, _, v := post(t, url, testToken, articles[0].Text)
		if code != 200 || v["status"] != "new" || v["events_new"].(float64) < 1 {
			t.Fatalf("the first POST: %d %v; want a new document with its event", code, v)
		}
		if code, _, v = post(t, url, testToken, articles[0].Text); code != 200 || v["status"] != "unchanged" {
			t.Errorf("the same text again: %d %v; want unchanged", code, v)
		}
		var page EventPage
		get(t, srv, "/api/v1/events?dyad=RUS-CHN", 200, &page)
		if len(page.Items) != 1 || page.Items[0].Type != "CONSULT" {
			t.Errorf("after the POST, RUS-CHN: %+v; want the meeting", page.Items)
		}
	})
}
