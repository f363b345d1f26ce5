package api

import (
	"context"
	"net/http"
	"net/url"
	"sort"
	"time"

	"entente/internal/model"
	"entente/internal/query"
	"entente/internal/store"
)

// Series is the count of events per period, by type and by class.
type Series struct {
	Interval string   `json:"interval"`
	Periods  []Period `json:"periods"`
	// Signs gives each type counted +1 (cooperation), -1 (conflict) or 0
	// (unknown): the timeline stacks the first above its axis.
	Signs map[string]int `json:"signs"`
}

// Period is one week (from its Monday) or month of a series.
type Period struct {
	// Start and End are the period's first and last day (YYYY-MM-DD).
	Start string         `json:"start"`
	End   string         `json:"end"`
	Total int            `json:"total"`
	Types map[string]int `json:"types"`
	// Cooperation and Conflict count the events of cooperative (PLOVER
	// quads 1, 2) and conflictual (3, 4) types.
	Cooperation int `json:"cooperation"`
	Conflict    int `json:"conflict"`
}

// Network is the actor network of a period: states and organisations,
// and an edge for each pair that shares events.
type Network struct {
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
}

// Node is a state or organisation (by actor code).
type Node struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Kind   string `json:"kind"`
	Events int    `json:"events"`
}

// Edge is a pair of codes (Source < Target) and the events they share.
type Edge struct {
	Source      string         `json:"source"`
	Target      string         `json:"target"`
	Count       int            `json:"count"`
	Types       map[string]int `json:"types"`
	Cooperation int            `json:"cooperation"`
	Conflict    int            `json:"conflict"`
	// Score is Cooperation − Conflict.
	Score int `json:"score"`
}

// seriesParams are the parameters of /series: the event filter without
// paging, and the interval; types is type's plural.
var seriesParams = []string{"actor", "actor_id", "dyad", "type", "types", "status", "from", "to", "lang", "text", "min_confidence", "interval"}

// networkParams are the parameters of /network; min is the fewest events
// an edge needs.
var networkParams = []string{"actor", "actor_id", "type", "types", "status", "from", "to", "lang", "text", "min_confidence", "min"}

// countFilter parses the filter of a counting endpoint.
func countFilter(v url.Values, params []string) (store.Filter, error) {
	if err := query.Known(v, params...); err != nil {
		return store.Filter{}, err
	}
	if ts, ok := v["types"]; ok {
		v = cloneValues(v)
		v["type"] = append(v["type"], ts...)
		delete(v, "types")
	}
	return query.Filter(v)
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, x := range v {
		out[k] = append([]string(nil), x...)
	}
	return out
}

// SeriesOf counts the events a query string selects per week or month.
func (a *API) SeriesOf(ctx context.Context, v url.Values) (*Series, error) {
	f, err := countFilter(v, seriesParams)
	if err != nil {
		return nil, err
	}
	interval := v.Get("interval")
	if interval == "" {
		interval = "week"
	}
	if interval != "week" && interval != "month" || len(v["interval"]) > 1 {
		return nil, &query.Error{Param: "interval", Value: interval, Msg: "want week or month"}
	}
	evs, err := a.cfg.Store.Skeletons(ctx, f)
	if err != nil {
		return nil, err
	}
	return countSeries(evs, interval, a.cfg.Quad), nil
}

func (a *API) series(r *http.Request) (any, error) { return a.SeriesOf(r.Context(), r.URL.Query()) }

// NetworkOf builds the actor network of the events a query string selects.
func (a *API) NetworkOf(ctx context.Context, v url.Values) (*Network, error) {
	f, err := countFilter(v, networkParams)
	if err != nil {
		return nil, err
	}
	minCount, err := intParam(v, "min", 1, 1, 1<<20)
	if err != nil {
		return nil, err
	}
	evs, err := a.cfg.Store.Skeletons(ctx, f)
	if err != nil {
		return nil, err
	}
	n := countNetwork(evs, minCount, a.cfg.Quad)
	if a.cfg.KB != nil {
		for i := range n.Nodes {
			if name := a.cfg.KB.CodeName(n.Nodes[i].ID); name != "" {
				n.Nodes[i].Name = name
			}
		}
	}
	return n, nil
}

func (a *API) network(r *http.Request) (any, error) { return a.NetworkOf(r.Context(), r.URL.Query()) }

// The counting below is the one place the API aggregates events; it is
// meant to give way to internal/analysis.

// sign returns +1 for a cooperative type, -1 for a conflictual one, 0 when
// unknown.
func sign(quad func(string) int, typ string) int {
	if quad == nil {
		return 0
	}
	switch quad(typ) {
	case 1, 2:
		return 1
	case 3, 4:
		return -1
	}
	return 0
}

// countSeries counts events per period on the first day of their date;
// undated events and events without a year are left out.
func countSeries(evs []model.Event, interval string, quad func(string) int) *Series {
	byStart := map[time.Time]*Period{}
	for i := range evs {
		first, _ := evs[i].Date.Bounds()
		if first < 10000 {
			continue
		}
		day := time.Date(first/10000, time.Month(first/100%100), first%100, 0, 0, 0, 0, time.UTC)
		var start, end time.Time
		if interval == "month" {
			start = time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC)
			end = start.AddDate(0, 1, -1)
		} else {
			start = day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
			end = start.AddDate(0, 0, 6)
		}
		p := byStart[start]
		if p == nil {
			p = &Period{Start: start.Format(time.DateOnly), End: end.Format(time.DateOnly), Types: map[string]int{}}
			byStart[start] = p
		}
		p.Total++
		p.Types[evs[i].Type]++
		switch sign(quad, evs[i].Type) {
		case 1:
			p.Cooperation++
		case -1:
			p.Conflict++
		}
	}
	out := &Series{Interval: interval, Periods: []Period{}, Signs: map[string]int{}}
	for _, p := range byStart {
		out.Periods = append(out.Periods, *p)
		for t := range p.Types {
			out.Signs[t] = sign(quad, t)
		}
	}
	sort.Slice(out.Periods, func(i, j int) bool { return out.Periods[i].Start < out.Periods[j].Start })
	return out
}

// countNetwork makes a node of every actor code and an edge of every pair
// of codes that share at least minCount events.
func countNetwork(evs []model.Event, minCount int, quad func(string) int) *Network {
	type nodeInfo struct {
		name, kind string
		events     int
	}
	nodes := map[string]*nodeInfo{}
	edges := map[[2]string]*Edge{}
	for i := range evs {
		e := &evs[i]
		codes := e.Codes()
		sort.Strings(codes)
		for _, ac := range e.Actors {
			if ac.Code == "" {
				continue
			}
			n := nodes[ac.Code]
			if n == nil {
				n = &nodeInfo{name: ac.Code, kind: "state"}
				nodes[ac.Code] = n
			}
			if ac.Kind == string(model.KindOrg) {
				n.kind = "org"
			}
			if ac.Kind == string(model.KindState) || ac.Kind == string(model.KindOrg) {
				n.name = ac.Name
			}
		}
		for _, c := range codes {
			nodes[c].events++
		}
		s := sign(quad, e.Type)
		for x := 0; x < len(codes); x++ {
			for y := x + 1; y < len(codes); y++ {
				k := [2]string{codes[x], codes[y]}
				ed := edges[k]
				if ed == nil {
					ed = &Edge{Source: k[0], Target: k[1], Types: map[string]int{}}
					edges[k] = ed
				}
				ed.Count++
				ed.Types[e.Type]++
				switch s {
				case 1:
					ed.Cooperation++
				case -1:
					ed.Conflict++
				}
				ed.Score = ed.Cooperation - ed.Conflict
			}
		}
	}
	out := &Network{Nodes: []Node{}, Edges: []Edge{}}
	used := map[string]bool{}
	for _, ed := range edges {
		if ed.Count >= minCount {
			out.Edges = append(out.Edges, *ed)
			used[ed.Source], used[ed.Target] = true, true
		}
	}
	sort.Slice(out.Edges, func(i, j int) bool {
		a, b := out.Edges[i], out.Edges[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Source+"|"+a.Target < b.Source+"|"+b.Target
	})
	for code, n := range nodes {
		if used[code] {
			out.Nodes = append(out.Nodes, Node{ID: code, Name: n.name, Kind: n.kind, Events: n.events})
		}
	}
	sort.Slice(out.Nodes, func(i, j int) bool { return out.Nodes[i].ID < out.Nodes[j].ID })
	return out
}
