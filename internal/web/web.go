// Package web is entente's workbench in the browser: server-rendered pages
// (html/template) over the same functions as the REST API, with small
// JavaScript modules where a picture needs one (timeline, network).
//
// In: GET requests; the query strings are parsed by internal/query, as the
// API's are. Out: HTML pages (/, /events, /events/{id}, /documents/{id},
// /actors/{id}, /timeline, /network) and the embedded static assets under
// /static/ (the vendored Cytoscape.js and uPlot among them). Every text from
// an article or the knowledge base goes through html/template's escaping;
// the pages carry a Content-Security-Policy that allows no inline script
// and no script from elsewhere. Tables work without JavaScript.
package web

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"entente/internal/api"
	"entente/internal/query"
	"entente/internal/store"
)

//go:embed templates static
var assets embed.FS

// Config is what the pages read from.
type Config struct {
	API   *api.API
	Store *store.Store
	// Log receives server errors; nil discards them.
	Log *log.Logger
}

// Web serves the pages.
type Web struct {
	cfg   Config
	pages map[string]*template.Template
}

// New parses the templates.
func New(cfg Config) (*Web, error) {
	w := &Web{cfg: cfg, pages: map[string]*template.Template{}}
	names, err := fs.Glob(assets, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	for _, n := range names {
		base := path.Base(n)
		if base == "layout.html" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(assets, "templates/layout.html", n)
		if err != nil {
			return nil, fmt.Errorf("web: %w", err)
		}
		w.pages[strings.TrimSuffix(base, ".html")] = t
	}
	return w, nil
}

// Register adds the pages and the static assets to a mux.
func (w *Web) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /{$}", w.home)
	mux.HandleFunc("GET /events", w.events)
	mux.HandleFunc("GET /events/{id}", w.event)
	mux.HandleFunc("GET /documents/{id}", w.document)
	mux.HandleFunc("GET /actors/{id}", w.actor)
	mux.HandleFunc("GET /timeline", w.timeline)
	mux.HandleFunc("GET /network", w.network)
	mux.Handle("GET /static/", staticHandler())
	mux.HandleFunc("/", func(rw http.ResponseWriter, r *http.Request) {
		w.fail(rw, r, http.StatusNotFound, "There is no such page.")
	})
}

// staticHandler serves the embedded assets: files only, never a folder's
// listing, and nothing outside static/.
func staticHandler() http.Handler {
	sub, _ := fs.Sub(assets, "static")
	files := http.FileServerFS(sub)
	return http.StripPrefix("/static/", http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if p == "" || strings.HasSuffix(p, "/") {
			http.NotFound(rw, r)
			return
		}
		if st, err := fs.Stat(sub, p); err != nil || st.IsDir() {
			http.NotFound(rw, r)
			return
		}
		rw.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(rw, r)
	}))
}

// CSP is the pages' Content-Security-Policy: scripts, styles, images and
// requests from the server only; no inline script, no plugin, no framing.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
	"font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// Secure wraps a handler with the security headers, a cap on request
// bodies (maxBody bytes) and a time limit per request.
func Secure(h http.Handler, timeout time.Duration, maxBody int64) http.Handler {
	h = http.TimeoutHandler(h, timeout, `{"error":"web: the request took too long"}`)
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		hd := rw.Header()
		hd.Set("Content-Security-Policy", CSP)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "no-referrer")
		r.Body = http.MaxBytesReader(rw, r.Body, maxBody)
		h.ServeHTTP(rw, r)
	})
}

// page is what every template gets: the title, the active section and the
// page's own data.
type page struct {
	Title   string
	Section string
	Error   string
	Data    any
}

func (w *Web) render(rw http.ResponseWriter, r *http.Request, status int, name string, p page) {
	var buf bytes.Buffer
	if err := w.pages[name].ExecuteTemplate(&buf, "layout.html", p); err != nil {
		w.logf("web: %s: %v", r.URL.Path, err)
		http.Error(rw, "web: the page could not be drawn", http.StatusInternalServerError)
		return
	}
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	rw.WriteHeader(status)
	rw.Write(buf.Bytes())
}

func (w *Web) logf(format string, args ...any) {
	if w.cfg.Log != nil {
		w.cfg.Log.Printf(format, args...)
	}
}

// fail draws the error page.
func (w *Web) fail(rw http.ResponseWriter, r *http.Request, status int, msg string) {
	w.render(rw, r, status, "error", page{Title: http.StatusText(status), Error: msg})
}

// failErr draws the error page for an error of the query layer.
func (w *Web) failErr(rw http.ResponseWriter, r *http.Request, err error) {
	var qe *query.Error
	switch {
	case errors.As(err, &qe):
		w.fail(rw, r, http.StatusBadRequest, qe.Error())
	case errors.Is(err, store.ErrNotFound):
		w.fail(rw, r, http.StatusNotFound, err.Error())
	default:
		w.logf("web: %s: %v", r.URL.Path, err)
		w.fail(rw, r, http.StatusInternalServerError, "The store could not answer; the server log says why.")
	}
}

// home shows the store's size, the newest events and a search for actors.
func (w *Web) home(rw http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	if err := query.Known(v, "q"); err != nil {
		w.failErr(rw, r, err)
		return
	}
	counts, err := w.cfg.Store.Counts(r.Context())
	if err != nil {
		w.failErr(rw, r, err)
		return
	}
	latest, err := w.cfg.API.EventsPage(r.Context(), store.Filter{Limit: 10, Desc: true})
	if err != nil {
		w.failErr(rw, r, err)
		return
	}
	var actors *api.ActorList
	q := v.Get("q")
	if q != "" {
		if actors, err = w.cfg.API.Actors(r.Context(), q, 50); err != nil {
			w.failErr(rw, r, err)
			return
		}
	}
	w.render(rw, r, http.StatusOK, "home", page{Title: "entente", Section: "home", Data: map[string]any{
		"Counts": counts, "Latest": rows(latest.Items), "Q": q, "Actors": actors}})
}

// eventsPage is the events table with its filter.
type eventsPage struct {
	Form url.Values
	Rows []row
	Next string
}

func (w *Web) events(rw http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	res, f, err := w.cfg.API.Events(r.Context(), v)
	if err != nil {
		var qe *query.Error
		if errors.As(err, &qe) {
			w.render(rw, r, http.StatusBadRequest, "events", page{Title: "Events", Section: "events", Error: qe.Error(),
				Data: eventsPage{Form: v}})
			return
		}
		w.failErr(rw, r, err)
		return
	}
	p := eventsPage{Form: v, Rows: rows(res.Items)}
	if res.Next != "" {
		nv := query.Values(f)
		nv.Set("cursor", res.Next)
		p.Next = "/events?" + nv.Encode()
	}
	w.render(rw, r, http.StatusOK, "events", page{Title: "Events", Section: "events", Data: p})
}

func (w *Web) event(rw http.ResponseWriter, r *http.Request) {
	if err := query.Known(r.URL.Query()); err != nil {
		w.failErr(rw, r, err)
		return
	}
	d, err := w.cfg.API.Event(r.Context(), r.PathValue("id"))
	if err != nil {
		w.failErr(rw, r, err)
		return
	}
	w.render(rw, r, http.StatusOK, "event", page{Title: d.Type + " " + d.ID, Section: "events", Data: eventView(d)})
}

func (w *Web) document(rw http.ResponseWriter, r *http.Request) {
	if err := query.Known(r.URL.Query()); err != nil {
		w.failErr(rw, r, err)
		return
	}
	d, err := w.cfg.API.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		w.failErr(rw, r, err)
		return
	}
	title := d.Title
	if title == "" {
		title = d.Name
	}
	w.render(rw, r, http.StatusOK, "document", page{Title: title, Section: "events", Data: documentView(d)})
}

func (w *Web) actor(rw http.ResponseWriter, r *http.Request) {
	if err := query.Known(r.URL.Query()); err != nil {
		w.failErr(rw, r, err)
		return
	}
	d, err := w.cfg.API.ActorByID(r.Context(), r.PathValue("id"), 100)
	if err != nil {
		w.failErr(rw, r, err)
		return
	}
	w.render(rw, r, http.StatusOK, "actor", page{Title: d.Name, Section: "events", Data: map[string]any{
		"Actor": d, "Rows": rows(d.Events.Items)}})
}

// timelinePage is the timeline's form, its periods as a table and the
// address the chart reads them from.
type timelinePage struct {
	Form    url.Values
	Series  *api.Series
	Src     string
	Filter  string // the query string of the filter, for links to events
	Maximum int
}

func (w *Web) timeline(rw http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	clean := url.Values{}
	for k, x := range v {
		if len(x) == 1 && x[0] == "" {
			continue // an empty field of the form
		}
		clean[k] = x
	}
	s, err := w.cfg.API.SeriesOf(r.Context(), clean)
	if err != nil {
		var qe *query.Error
		if errors.As(err, &qe) {
			w.render(rw, r, http.StatusBadRequest, "timeline", page{Title: "Timeline", Section: "timeline", Error: qe.Error(),
				Data: timelinePage{Form: v}})
			return
		}
		w.failErr(rw, r, err)
		return
	}
	filter := url.Values{}
	for k, x := range clean {
		if k != "interval" {
			filter[k] = x
		}
	}
	if ts, ok := filter["types"]; ok {
		filter["type"] = ts
		delete(filter, "types")
	}
	p := timelinePage{Form: v, Series: s, Src: "/api/v1/series?" + clean.Encode(), Filter: filter.Encode()}
	for _, x := range s.Periods {
		p.Maximum = max(p.Maximum, x.Total)
	}
	w.render(rw, r, http.StatusOK, "timeline", page{Title: "Timeline", Section: "timeline", Data: p})
}

// networkPage is the network's form and its edges as a table.
type networkPage struct {
	Form    url.Values
	Network *api.Network
	Src     string
	Edges   []api.Edge // the strongest edges, for the table
}

func (w *Web) network(rw http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	clean := url.Values{}
	for k, x := range v {
		if len(x) == 1 && x[0] == "" {
			continue
		}
		clean[k] = x
	}
	n, err := w.cfg.API.NetworkOf(r.Context(), clean)
	if err != nil {
		var qe *query.Error
		if errors.As(err, &qe) {
			w.render(rw, r, http.StatusBadRequest, "network", page{Title: "Network", Section: "network", Error: qe.Error(),
				Data: networkPage{Form: v}})
			return
		}
		w.failErr(rw, r, err)
		return
	}
	p := networkPage{Form: v, Network: n, Src: "/api/v1/network?" + clean.Encode(), Edges: n.Edges[:min(len(n.Edges), 100)]}
	w.render(rw, r, http.StatusOK, "network", page{Title: "Network", Section: "network", Data: p})
}
