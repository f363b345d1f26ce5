package api

import (
	"context"
	"net/url"
	"reflect"
	"sort"
	"testing"

	"entente/internal/model"
	"entente/internal/plover"
	"entente/internal/servetest"
	"entente/internal/store"
)

// TestNetworkEqualsSkeletons: /network, counted by the database per type
// and set of codes (store.NetCounts), equals the network counted event by
// event from store.Skeletons (its first implementation, below), on a
// generated database and the test articles, for dates, types, statuses,
// actors and thresholds, on both backends.
func TestNetworkEqualsSkeletons(t *testing.T) {
	backends(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		if err := servetest.Generate(ctx, st, 2000, servetest.Codes); err != nil {
			t.Fatal(err)
		}
		fill(t, st, articles...)
		a := New(Config{Store: st, KB: servetest.KB(t), Sign: Signs(plover.MustLoad())})
		for _, q := range []string{
			"", "from=2023&to=2023", "from=2021-03&to=2021-05-17", "types=CONSULT&types=ASSAULT", "type=AID&min=2",
			"min=3", "status=reported&from=2024", "actor=NATO", "actor=POL", "min_confidence=0.8&to=2022",
		} {
			v, _ := url.ParseQuery(q)
			got, err := a.NetworkOf(ctx, v)
			if err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			f, err := countFilter(v, networkParams)
			if err != nil {
				t.Fatal(err)
			}
			evs, err := st.Skeletons(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			minCount, _ := intParam(v, "min", 1, 1, 1<<20)
			want := networkOfSkeletons(evs, minCount, a.cfg.Sign)
			for i := range want.Nodes {
				if name := a.cfg.KB.CodeName(want.Nodes[i].ID); name != "" {
					want.Nodes[i].Name = name
				}
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%q: network from counts differs from the one of skeletons:\n got %d nodes, %d edges: %+v\nwant %d nodes, %d edges: %+v",
					q, len(got.Nodes), len(got.Edges), got, len(want.Nodes), len(want.Edges), want)
			}
			if q == "" && (len(got.Nodes) < 30 || len(got.Edges) < 200) {
				t.Errorf("whole network: %d nodes, %d edges; want the generated codes and pairs", len(got.Nodes), len(got.Edges))
			}
		}
	})
}

// networkOfSkeletons is the network counted event by event (the first
// implementation of /network), the reference for countNetwork.
func networkOfSkeletons(evs []model.Event, minCount int, sign func(string) int) *Network {
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
		s := signOf(sign, e.Type)
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
