package api

import (
	"context"
	"net/http"
	"net/url"
	"sort"

	"entente/internal/analysis"
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
	return countSeries(evs, interval, a.cfg.Sign), nil
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
	groups, err := a.cfg.Store.NetCounts(ctx, f)
	if err != nil {
		return nil, err
	}
	n := countNetwork(groups, minCount, a.cfg.Sign)
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

// The counting below is the one place the API aggregates events: per
// period (with internal/analysis's periods) and per pair of codes.

// signOf returns +1 for a cooperative type, -1 for a conflictual one, 0
// when unknown or without a sign function.
func signOf(sign func(string) int, typ string) int {
	if sign == nil {
		return 0
	}
	return sign(typ)
}

// countSeries counts events per period on the first day of their date,
// with the periods of internal/analysis (weeks from Monday, months);
// undated events and events without a year are left out.
func countSeries(evs []model.Event, interval string, sign func(string) int) *Series {
	unit := analysis.Week
	if interval == "month" {
		unit = analysis.Month
	}
	byPeriod := map[int32]*Period{}
	for i := range evs {
		day := analysis.DayOf(evs[i].Date)
		if day == analysis.NoDay {
			continue
		}
		n := unit.Period(day)
		p := byPeriod[n]
		if p == nil {
			p = &Period{Start: analysis.DayString(unit.Start(n)), End: analysis.DayString(unit.End(n)), Types: map[string]int{}}
			byPeriod[n] = p
		}
		p.Total++
		p.Types[evs[i].Type]++
		switch signOf(sign, evs[i].Type) {
		case 1:
			p.Cooperation++
		case -1:
			p.Conflict++
		}
	}
	out := &Series{Interval: interval, Periods: []Period{}, Signs: map[string]int{}}
	for _, p := range byPeriod {
		out.Periods = append(out.Periods, *p)
		for t := range p.Types {
			out.Signs[t] = signOf(sign, t)
		}
	}
	sort.Slice(out.Periods, func(i, j int) bool { return out.Periods[i].Start < out.Periods[j].Start })
	return out
}

// countNetwork makes a node of every actor code and an edge of every pair
// of codes that share at least minCount events, from the events counted
// by type and set of codes (store.NetCounts). A node is an organisation
// when an actor of its code is one; its name is left empty when an actor
// of its code is a state or an organisation (NetworkOf names those from
// the knowledge base), and is the code otherwise.
func countNetwork(groups []store.NetCount, minCount int, sign func(string) int) *Network {
	type nodeInfo struct {
		name, kind string
		events     int
	}
	nodes := map[string]*nodeInfo{}
	edges := map[[2]string]*Edge{}
	for _, g := range groups {
		for _, c := range g.Codes {
			n := nodes[c.Code]
			if n == nil {
				n = &nodeInfo{name: c.Code, kind: "state"}
				nodes[c.Code] = n
			}
			if c.Org {
				n.kind = "org"
			}
			if c.StateOrOrg {
				n.name = ""
			}
			n.events += g.Events
		}
		s := signOf(sign, g.Type)
		for x := 0; x < len(g.Codes); x++ {
			for y := x + 1; y < len(g.Codes); y++ {
				k := [2]string{g.Codes[x].Code, g.Codes[y].Code}
				ed := edges[k]
				if ed == nil {
					ed = &Edge{Source: k[0], Target: k[1], Types: map[string]int{}}
					edges[k] = ed
				}
				ed.Count += g.Events
				ed.Types[g.Type] += g.Events
				switch s {
				case 1:
					ed.Cooperation += g.Events
				case -1:
					ed.Conflict += g.Events
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
