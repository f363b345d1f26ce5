package api

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"entente/internal/analysis"
	"entente/internal/brief"
	"entente/internal/model"
	"entente/internal/plover"
	"entente/internal/query"
)

// The analysis endpoints call internal/analysis and internal/brief, the
// functions behind `entente analyze` and `entente brief`.

// filterParams are the event filter's parameters an analysis endpoint
// takes besides its own; from and to are its period, not the filter's.
var filterParams = []string{"actor", "actor_id", "dyad", "type", "types", "status", "lang", "text", "min_confidence"}

var (
	surgesParams = append([]string{"period", "baseline", "at", "min_count", "alpha", "focus"}, filterParams...)
	blocsParams  = append([]string{"from", "to", "vs_from", "vs_to", "resolution", "seed", "focus"}, filterParams...)
	briefParams  = append([]string{"from", "to", "focus", "top"}, filterParams...)
)

// analysisEvents reads the events the filter part of v selects: skeletons
// (no sources) unless sources are needed.
func (a *API) analysisEvents(ctx context.Context, v url.Values, params []string, sources bool) ([]model.Event, error) {
	if err := query.Known(v, params...); err != nil {
		return nil, err
	}
	fv := url.Values{}
	for _, p := range filterParams {
		if x, ok := v[p]; ok {
			fv[p] = x
		}
	}
	f, err := countFilter(fv, filterParams)
	if err != nil {
		return nil, err
	}
	if sources {
		return a.cfg.Store.Events(ctx, f)
	}
	return a.cfg.Store.Skeletons(ctx, f)
}

func (a *API) table() *plover.Table {
	if a.cfg.Plover != nil {
		return a.cfg.Plover
	}
	return plover.MustLoad()
}

func (a *API) index(evs []model.Event) *analysis.Index {
	ix := analysis.NewIndex(a.table(), evs)
	if a.cfg.KB != nil {
		ix.NameOf = a.cfg.KB.CodeName
	}
	return ix
}

// day reads a date parameter as a day number (NoDay when absent).
func day(v url.Values, name string, last bool) (int32, error) {
	s, err := one(v, name)
	if err != nil || s == "" {
		return analysis.NoDay, err
	}
	d, err := analysis.ParseDay(s, last)
	if err != nil {
		return analysis.NoDay, &query.Error{Param: name, Value: s, Msg: "want YYYY, YYYY-MM or YYYY-MM-DD"}
	}
	return d, nil
}

func one(v url.Values, name string) (string, error) {
	if len(v[name]) > 1 {
		return "", &query.Error{Param: name, Msg: "given more than once; want it once"}
	}
	return v.Get(name), nil
}

// focus reads a comma-separated list of actor codes.
func focus(v url.Values) ([]string, error) {
	s, err := one(v, "focus")
	if err != nil || s == "" {
		return nil, err
	}
	var out []string
	for _, c := range strings.Split(s, ",") {
		code, err := query.Code("focus", strings.TrimSpace(c))
		if err != nil {
			return nil, err
		}
		out = append(out, code)
	}
	return out, nil
}

func floatParam(v url.Values, name string, def, lo, hi float64) (float64, error) {
	s, err := one(v, name)
	if err != nil || s == "" {
		return def, err
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < lo || f > hi {
		return 0, &query.Error{Param: name, Value: s, Msg: "want a number from " + strconv.FormatFloat(lo, 'g', -1, 64) + " to " + strconv.FormatFloat(hi, 'g', -1, 64)}
	}
	return f, nil
}

// SurgesOf compares a period with its baseline (GET /api/v1/surges).
func (a *API) SurgesOf(ctx context.Context, v url.Values) (*analysis.SurgeReport, error) {
	if err := query.Known(v, surgesParams...); err != nil {
		return nil, err
	}
	p, err := one(v, "period")
	if err != nil {
		return nil, err
	}
	unit, err := analysis.ParseUnit(p)
	if err != nil {
		return nil, &query.Error{Param: "period", Value: p, Msg: "want day, week or month"}
	}
	o := analysis.SurgeOptions{Unit: unit}
	if o.Baseline, err = intParam(v, "baseline", 0, 1, 1000); err != nil {
		return nil, err
	}
	if o.MinCount, err = intParam(v, "min_count", 3, 1, 1<<20); err != nil {
		return nil, err
	}
	if o.Alpha, err = floatParam(v, "alpha", 0.01, 1e-12, 0.5); err != nil {
		return nil, err
	}
	if o.At, err = day(v, "at", false); err != nil {
		return nil, err
	}
	if o.Focus, err = focus(v); err != nil {
		return nil, err
	}
	evs, err := a.analysisEvents(ctx, v, surgesParams, false)
	if err != nil {
		return nil, err
	}
	rep, err := a.index(evs).Surges(o)
	return &rep, err
}

// Blocs is the answer of GET /api/v1/blocs.
type Blocs struct {
	Blocs   analysis.BlocReport   `json:"blocs"`
	Before  *analysis.BlocReport  `json:"before,omitempty"`
	Changes []analysis.BlocChange `json:"changes,omitempty"`
}

// BlocsOf finds the blocs of a period and, with vs_from or vs_to, how they
// changed since another (GET /api/v1/blocs).
func (a *API) BlocsOf(ctx context.Context, v url.Values) (*Blocs, error) {
	if err := query.Known(v, blocsParams...); err != nil {
		return nil, err
	}
	var o analysis.BlocOptions
	var err error
	if o.From, err = day(v, "from", false); err != nil {
		return nil, err
	}
	if o.To, err = day(v, "to", true); err != nil {
		return nil, err
	}
	if o.From != analysis.NoDay && o.To != analysis.NoDay && o.To < o.From {
		return nil, &query.Error{Param: "to", Value: v.Get("to"), Msg: "want a date on or after from"}
	}
	if o.Resolution, err = floatParam(v, "resolution", 1, 0.01, 100); err != nil {
		return nil, err
	}
	seed, err := intParam(v, "seed", 1, 1, 1<<30)
	if err != nil {
		return nil, err
	}
	o.Seed = uint64(seed)
	if o.Focus, err = focus(v); err != nil {
		return nil, err
	}
	vs := o
	if vs.From, err = day(v, "vs_from", false); err != nil {
		return nil, err
	}
	if vs.To, err = day(v, "vs_to", true); err != nil {
		return nil, err
	}
	evs, err := a.analysisEvents(ctx, v, blocsParams, false)
	if err != nil {
		return nil, err
	}
	ix := a.index(evs)
	out := &Blocs{}
	if out.Blocs, err = ix.Blocs(o); err != nil {
		return nil, err
	}
	if v.Has("vs_from") || v.Has("vs_to") {
		before, err := ix.Blocs(vs)
		if err != nil {
			return nil, &query.Error{Param: "vs_to", Msg: err.Error()}
		}
		out.Before = &before
		out.Changes = analysis.CompareBlocs(before, out.Blocs)
	}
	return out, nil
}

// BriefOf writes the brief of a period (GET /api/v1/brief): from and to,
// or by default the month of the latest event.
func (a *API) BriefOf(ctx context.Context, v url.Values) (*brief.Brief, error) {
	if err := query.Known(v, briefParams...); err != nil {
		return nil, err
	}
	o := brief.Options{}
	var err error
	for _, p := range []struct {
		name string
		to   *string
		last bool
	}{{"from", &o.From, false}, {"to", &o.To, true}} {
		if _, err := day(v, p.name, p.last); err != nil {
			return nil, err
		}
		*p.to = v.Get(p.name)
	}
	if (o.From == "") != (o.To == "") {
		return nil, &query.Error{Param: "to", Msg: "give both from and to, or neither (the month of the latest event)"}
	}
	if o.Top, err = intParam(v, "top", 8, 1, 100); err != nil {
		return nil, err
	}
	if o.Focus, err = focus(v); err != nil {
		return nil, err
	}
	if a.cfg.KB != nil {
		o.Names = a.cfg.KB.CodeName
	}
	evs, err := a.analysisEvents(ctx, v, briefParams, true)
	if err != nil {
		return nil, err
	}
	if o.From == "" {
		latest := analysis.NoDay
		for i := range evs {
			latest = max(latest, analysis.DayOf(evs[i].Date))
		}
		if latest == analysis.NoDay {
			latest = analysis.DayNumber(time.Now().Year(), int(time.Now().Month()), 1)
		}
		o.From, o.To = analysis.DayString(latest)[:7], analysis.DayString(latest)[:7]
	}
	stored, err := a.cfg.Store.Docs(ctx)
	if err != nil {
		return nil, err
	}
	docs := make(map[string]brief.Doc, len(stored))
	for _, d := range stored {
		docs[d.Name] = brief.Doc{Name: d.Name, Published: d.Published, URL: d.URL, Title: d.Title}
	}
	br, err := brief.Build(a.table(), evs, docs, o)
	if err != nil {
		return nil, &query.Error{Param: "to", Msg: err.Error()}
	}
	return br, nil
}

func (a *API) surges(r *http.Request) (any, error)  { return a.SurgesOf(r.Context(), r.URL.Query()) }
func (a *API) blocs(r *http.Request) (any, error)   { return a.BlocsOf(r.Context(), r.URL.Query()) }
func (a *API) briefOf(r *http.Request) (any, error) { return a.BriefOf(r.Context(), r.URL.Query()) }
