// Package api is entente's REST API: JSON over HTTP, versioned under
// /api/v1 and described by the OpenAPI 3.1 document it serves at
// /api/v1/openapi.json.
//
// In: GET requests whose query strings internal/query parses (the filter of
// `entente events`, with the same messages). Out: events in the event
// contract, documents with their mention spans, actors with their offices
// and partners, counts per period (series) and the actor network. Errors
// are JSON objects {"error": message, "param": name} with a 4xx status;
// unknown parameters are refused and page sizes capped. The API only reads,
// unless it is given an Ingester and a token: then POST /api/v1/documents
// stores a text for requests that bear the token.
package api

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"entente/internal/kb"
	"entente/internal/model"
	"entente/internal/output"
	"entente/internal/plover"
	"entente/internal/query"
	"entente/internal/store"
)

//go:embed openapi.json
var spec embed.FS

// Page sizes of lists.
const (
	DefaultLimit = 50
	MaxLimit     = 500
)

// Config is what the API reads from.
type Config struct {
	Store *store.Store
	// KB, when set, gives persons' offices and canonical names.
	KB *kb.KB
	// Plover holds the PLOVER tables for the analysis endpoints (surges,
	// blocs, brief); nil uses the embedded ones.
	Plover *plover.Table
	// Sign returns +1 for a cooperative PLOVER type, -1 for a conflictual
	// one, 0 for an unknown one (see Signs). Nil leaves series and network
	// without cooperation and conflict.
	Sign func(typ string) int
	// Ingest and Token, both set, open the one write endpoint, POST
	// /api/v1/documents, to requests bearing the token.
	Ingest Ingester
	Token  string
}

// Signs returns the Sign function of the PLOVER tables: a type's quad
// category's sign in the actor network.
func Signs(t *plover.Table) func(string) int {
	return func(typ string) int {
		q := t.Quad(typ)
		switch {
		case q == 0:
			return 0
		case t.Cooperative(q):
			return 1
		}
		return -1
	}
}

// API serves the endpoints. Its methods are also what the web pages call.
type API struct {
	cfg Config
}

// New returns the API over a store.
func New(cfg Config) *API { return &API{cfg: cfg} }

// Register adds the API's routes to a mux.
func (a *API) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /api/v1/openapi.json", a.openapi)
	mux.HandleFunc("GET /api/v1/events", a.handle(a.listEvents))
	mux.HandleFunc("GET /api/v1/events/{id}", a.handle(a.getEvent))
	mux.HandleFunc("GET /api/v1/documents", a.handle(a.listDocuments))
	mux.HandleFunc("GET /api/v1/documents/{id}", a.handle(a.getDocument))
	mux.HandleFunc("GET /api/v1/actors", a.handle(a.listActors))
	mux.HandleFunc("GET /api/v1/actors/{id}", a.handle(a.getActor))
	mux.HandleFunc("GET /api/v1/series", a.handle(a.series))
	mux.HandleFunc("GET /api/v1/network", a.handle(a.network))
	a.registerIngest(mux)
	mux.HandleFunc("GET /api/v1/surges", a.handle(a.surges))
	mux.HandleFunc("GET /api/v1/blocs", a.handle(a.blocs))
	mux.HandleFunc("GET /api/v1/brief", a.handle(a.briefOf))
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeError(w, http.StatusMethodNotAllowed, &Error{Message: "api: the API only reads: use GET"})
			return
		}
		writeError(w, http.StatusNotFound, &Error{Message: "api: no such endpoint: see /api/v1/openapi.json"})
	})
}

// Error is the body of every error response.
type Error struct {
	Message string `json:"error"`
	Param   string `json:"param,omitempty"`
}

// handle turns a function's result into a JSON response: a *query.Error
// is 400, store.ErrNotFound 404, anything else 500.
func (a *API) handle(fn func(r *http.Request) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		out, err := fn(r)
		var qe *query.Error
		switch {
		case errors.As(err, &qe):
			writeError(w, http.StatusBadRequest, &Error{Message: qe.Error(), Param: qe.Param})
		case errors.Is(err, store.ErrNotFound):
			writeError(w, http.StatusNotFound, &Error{Message: err.Error()})
		case errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled):
			writeError(w, http.StatusServiceUnavailable, &Error{Message: "api: the request took too long"})
		case err != nil:
			writeError(w, http.StatusInternalServerError, &Error{Message: err.Error()})
		default:
			writeJSON(w, http.StatusOK, out)
		}
	}
}

func writeError(w http.ResponseWriter, status int, e *Error) { writeJSON(w, status, e) }

// writeJSON writes v with HTML-significant characters escaped (\u003c), so
// that no article text is ever read as markup, even by a confused client.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.Encode(v)
}

func (a *API) openapi(w http.ResponseWriter, r *http.Request) {
	if len(r.URL.Query()) > 0 {
		writeError(w, http.StatusBadRequest, &Error{Message: "api: openapi.json takes no parameters"})
		return
	}
	b, _ := spec.ReadFile("openapi.json")
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(b)
}

// EventPage is a page of events: next, when set, is the cursor of the
// following page.
type EventPage struct {
	Items []output.Event `json:"items"`
	Next  string         `json:"next,omitempty"`
}

// Events returns a page of the events a query string selects.
func (a *API) Events(ctx context.Context, v url.Values) (*EventPage, store.Filter, error) {
	f, err := query.Events(v, query.Options{DefaultLimit: DefaultLimit, MaxLimit: MaxLimit})
	if err != nil {
		return nil, f, err
	}
	page, err := a.EventsPage(ctx, f)
	return page, f, err
}

// EventsPage returns a page of a parsed filter's events.
func (a *API) EventsPage(ctx context.Context, f store.Filter) (*EventPage, error) {
	n := f.Limit
	f.Limit++
	evs, err := a.cfg.Store.Events(ctx, f)
	if err != nil {
		return nil, err
	}
	page := &EventPage{Items: []output.Event{}}
	if len(evs) > n {
		evs = evs[:n]
		page.Next = query.EncodeCursor(store.CursorOf(&evs[n-1]))
	}
	for i := range evs {
		page.Items = append(page.Items, output.FromModel(&evs[i]))
	}
	return page, nil
}

func (a *API) listEvents(r *http.Request) (any, error) {
	page, _, err := a.Events(r.Context(), r.URL.Query())
	return page, err
}

// Span is a part of a document: a mention, a trigger or a date.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// ID, Name, Code and Kind name the actor a mention links to.
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
	Code string `json:"code,omitempty"`
	Kind string `json:"kind,omitempty"`
	// Actor is set when the mention names one of the event's actors.
	Actor bool `json:"actor,omitempty"`
}

// SourceDetail is one source of an event with the stored document it
// comes from and the spans inside its sentence (offsets into the
// document, like start and end).
type SourceDetail struct {
	model.Source
	DocID    int64  `json:"doc_id"`
	Mentions []Span `json:"mentions"`
	Triggers []Span `json:"triggers"`
}

// EventDetail is an event with every source in full.
type EventDetail struct {
	output.Event
	Sources []SourceDetail `json:"sources"`
	// Languages are the languages of the sources, in order of first source.
	Languages []string `json:"languages"`
}

// Event returns an event with every source: its document, sentence,
// offsets, attribution, and the mention and trigger spans in the sentence.
func (a *API) Event(ctx context.Context, id string) (*EventDetail, error) {
	if len(id) > 100 {
		return nil, fmt.Errorf("%w: event %.100s…", store.ErrNotFound, id)
	}
	ev, err := a.cfg.Store.Event(ctx, id)
	if err != nil {
		return nil, err
	}
	refs, err := a.cfg.Store.SourceDocs(ctx, id)
	if err != nil {
		return nil, err
	}
	d := &EventDetail{Event: output.FromModel(ev), Languages: []string{}}
	actorIDs := map[string]bool{}
	for _, ac := range ev.Actors {
		if ac.ID != "" {
			actorIDs[ac.ID] = true
		}
	}
	mentions := map[int64][]store.Mention{}
	for i, src := range ev.Sources {
		sd := SourceDetail{Source: src, Mentions: []Span{}, Triggers: []Span{}}
		if i < len(refs) && refs[i].Doc == src.Doc && refs[i].Start == src.Start {
			sd.DocID = refs[i].DocID
			ms, ok := mentions[sd.DocID]
			if !ok {
				if ms, err = a.cfg.Store.Mentions(ctx, sd.DocID); err != nil {
					return nil, err
				}
				mentions[sd.DocID] = ms
			}
			for _, m := range ms {
				if m.Start >= src.Start && m.End <= src.End {
					sd.Mentions = append(sd.Mentions, Span{Start: m.Start, End: m.End, Text: m.Text, ID: m.EntityID,
						Name: m.Name, Code: m.Code, Kind: m.Kind, Actor: m.EntityID != "" && actorIDs[m.EntityID]})
				}
			}
		}
		sd.Triggers = triggers(ev, src)
		if !contains(d.Languages, src.Lang) {
			d.Languages = append(d.Languages, src.Lang)
		}
		d.Sources = append(d.Sources, sd)
	}
	if d.Sources == nil {
		d.Sources = []SourceDetail{}
	}
	return d, nil
}

// triggers finds the words of an event's explanation (the trigger phrases
// its reports recorded) in a source sentence.
func triggers(ev *model.Event, src model.Source) []Span {
	out := []Span{}
	for _, x := range ev.Explain {
		if x.Trigger == "" {
			continue
		}
		if i := strings.Index(src.Sentence, x.Trigger); i >= 0 {
			out = append(out, Span{Start: src.Start + i, End: src.Start + i + len(x.Trigger), Text: x.Trigger})
		}
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func (a *API) getEvent(r *http.Request) (any, error) {
	if err := query.Known(r.URL.Query()); err != nil {
		return nil, err
	}
	return a.Event(r.Context(), r.PathValue("id"))
}

// DocPage is a page of documents.
type DocPage struct {
	Items []DocSummary `json:"items"`
	Next  string       `json:"next,omitempty"`
}

// DocSummary describes a stored document.
type DocSummary struct {
	ID        int64  `json:"id"`
	Name      string `json:"name"`
	Ident     string `json:"ident"`
	Lang      string `json:"lang"`
	Published string `json:"published,omitempty"`
	Title     string `json:"title,omitempty"`
	Events    int    `json:"events"`
}

func summary(d store.Doc) DocSummary {
	return DocSummary{ID: d.ID, Name: d.Name, Ident: d.Ident, Lang: d.Lang, Published: d.Published, Title: d.Title, Events: d.Events}
}

func (a *API) listDocuments(r *http.Request) (any, error) {
	v := r.URL.Query()
	if err := query.Known(v, "limit", "cursor"); err != nil {
		return nil, err
	}
	limit, err := intParam(v, "limit", DefaultLimit, 1, MaxLimit)
	if err != nil {
		return nil, err
	}
	after, err := intParam(v, "cursor", 0, 0, 1<<62)
	if err != nil {
		return nil, err
	}
	docs, err := a.cfg.Store.DocPage(r.Context(), int64(after), limit+1)
	if err != nil {
		return nil, err
	}
	page := &DocPage{Items: []DocSummary{}}
	if len(docs) > limit {
		docs = docs[:limit]
		page.Next = strconv.FormatInt(docs[limit-1].ID, 10)
	}
	for _, d := range docs {
		page.Items = append(page.Items, summary(d))
	}
	return page, nil
}

// intParam reads an integer parameter within [lo, hi].
func intParam(v url.Values, name string, def, lo, hi int) (int, error) {
	s := v.Get(name)
	if len(v[name]) > 1 {
		return 0, &query.Error{Param: name, Msg: "given more than once; want it once"}
	}
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, &query.Error{Param: name, Value: s, Msg: fmt.Sprintf("want a whole number from %d to %d", lo, hi)}
	}
	return n, nil
}

// DocumentDetail is a document with its text, spans and events.
type DocumentDetail struct {
	DocSummary
	URL      string         `json:"url,omitempty"`
	Text     string         `json:"text"`
	Mentions []Span         `json:"mentions"`
	Triggers []Span         `json:"triggers"`
	Events   []output.Event `json:"events"`
}

// Document returns a stored document with its text, its mention spans and
// the events it reports.
func (a *API) Document(ctx context.Context, idText string) (*DocumentDetail, error) {
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil || id < 1 {
		return nil, fmt.Errorf("%w: document %.40q (ids are whole numbers)", store.ErrNotFound, idText)
	}
	doc, err := a.cfg.Store.Document(ctx, id)
	if err != nil {
		return nil, err
	}
	ms, err := a.cfg.Store.Mentions(ctx, id)
	if err != nil {
		return nil, err
	}
	evs, err := a.cfg.Store.Events(ctx, store.Filter{DocID: id})
	if err != nil {
		return nil, err
	}
	d := &DocumentDetail{DocSummary: summary(doc.Doc), URL: doc.URL, Text: doc.Text, Mentions: []Span{}, Triggers: []Span{}, Events: []output.Event{}}
	for _, m := range ms {
		d.Mentions = append(d.Mentions, Span{Start: m.Start, End: m.End, Text: m.Text, ID: m.EntityID, Name: m.Name, Code: m.Code, Kind: m.Kind})
	}
	for i := range evs {
		for _, src := range evs[i].Sources {
			if src.Doc == doc.Name {
				d.Triggers = append(d.Triggers, triggers(&evs[i], src)...)
			}
		}
		d.Events = append(d.Events, output.FromModel(&evs[i]))
	}
	return d, nil
}

func (a *API) getDocument(r *http.Request) (any, error) {
	if err := query.Known(r.URL.Query()); err != nil {
		return nil, err
	}
	return a.Document(r.Context(), r.PathValue("id"))
}
