package api

import (
	"context"
	"crypto/subtle"
	"errors"
	"io"
	"net/http"
	"strings"
	"unicode/utf8"

	"entente/internal/query"
	"entente/internal/store"
)

// MaxDocument is the largest text POST /api/v1/documents accepts.
const MaxDocument = 10 << 20

// Ingester stores one document's text (as `entente ingest` would) and
// says what became of it.
type Ingester func(ctx context.Context, name, text string) (store.Outcome, error)

// Ingested is the answer to a stored document.
type Ingested struct {
	Status       string `json:"status"` // new, unchanged or updated
	EventsNew    int    `json:"events_new"`
	EventsMerged int    `json:"events_merged"`
}

// registerIngest adds the one write endpoint, when the configuration asks
// for it: POST /api/v1/documents?name=NAME with the text as the body and
// the bearer token in the Authorization header.
func (a *API) registerIngest(mux *http.ServeMux) {
	if a.cfg.Ingest == nil || a.cfg.Token == "" {
		return
	}
	mux.HandleFunc("POST /api/v1/documents", func(w http.ResponseWriter, r *http.Request) {
		auth, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || subtle.ConstantTimeCompare([]byte(auth), []byte(a.cfg.Token)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="entente"`)
			writeError(w, http.StatusUnauthorized, &Error{Message: "api: ingesting needs the server's bearer token"})
			return
		}
		a.handle(func(r *http.Request) (any, error) { return a.ingest(w, r) })(w, r)
	})
}

func (a *API) ingest(w http.ResponseWriter, r *http.Request) (any, error) {
	v := r.URL.Query()
	if err := query.Known(v, "name"); err != nil {
		return nil, err
	}
	name := v.Get("name")
	if name == "" || len(name) > 200 || strings.ContainsAny(name, `/\`) || !utf8.ValidString(name) || strings.HasPrefix(name, ".") {
		return nil, &query.Error{Param: "name", Value: name, Msg: "want a file name (article.txt) without a folder, at most 200 bytes"}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxDocument))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return nil, &query.Error{Param: "body", Msg: "at most 10 MiB of text"}
	}
	if err != nil {
		return nil, err
	}
	if len(body) == 0 || !utf8.Valid(body) {
		return nil, &query.Error{Param: "body", Msg: "want the article as UTF-8 text"}
	}
	out, err := a.cfg.Ingest(r.Context(), name, string(body))
	if err != nil {
		return nil, err
	}
	status := map[store.DocState]string{store.DocNew: "new", store.DocUnchanged: "unchanged", store.DocUpdated: "updated"}[out.Doc]
	w.Header().Set("X-Entente-Status", status)
	return &Ingested{Status: status, EventsNew: out.EventsNew, EventsMerged: out.EventsMerged}, nil
}
