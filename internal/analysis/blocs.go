package analysis

import (
	"fmt"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/simple"
)

// BlocOptions choose the period and the community detection.
type BlocOptions struct {
	// From and To bound the days (inclusive); NoDay leaves a side open.
	From, To int32
	// Resolution is the Louvain resolution (default 1): higher gives
	// smaller blocs.
	Resolution float64
	// Seed fixes the Louvain's random order (default 1), so the same events
	// give the same blocs.
	Seed uint64
	// Cite is how many event ids a pair keeps (default 10; the most
	// reported first).
	Cite int
	// Focus keeps events that involve one of these codes.
	Focus []string
}

// Bloc is a set of actors that cooperate more among themselves than with
// others and are in conflict less.
type Bloc struct {
	ID      int      `json:"id"`
	Members []string `json:"members"`
}

// Pair is the relation of two actors in the period.
type Pair struct {
	A        string `json:"a"`
	B        string `json:"b"`
	Coop     int    `json:"cooperation"`
	Conflict int    `json:"conflict"`
	// Alignment is (cooperation − conflict) / (cooperation + conflict),
	// from −1 (only conflict) to +1 (only cooperation).
	Alignment float64  `json:"alignment"`
	Events    []string `json:"events"`
}

// BlocReport is the blocs of a period and the relations behind them.
type BlocReport struct {
	From   string `json:"from,omitempty"`
	To     string `json:"to,omitempty"`
	Events int    `json:"events"`
	// Blocs are ordered by size, largest first; members alphabetically.
	Blocs []Bloc `json:"blocs"`
	// Pairs are ordered by the number of events, most first.
	Pairs []Pair `json:"pairs"`
	// Modularity is the multiplex modularity of the blocs per layer
	// (cooperation, conflict).
	Modularity []float64 `json:"modularity"`
}

// BlocOf returns the id of the bloc an actor belongs to, -1 for none.
func (r *BlocReport) BlocOf(code string) int {
	for _, b := range r.Blocs {
		for _, m := range b.Members {
			if m == code {
				return b.ID
			}
		}
	}
	return -1
}

// Blocs finds the blocs of the period: Louvain community detection on the
// actor graph with cooperation and conflict as two layers of opposite sign
// (gonum's ModularizeMultiplex), and the alignment of every pair.
func (ix *Index) Blocs(o BlocOptions) (BlocReport, error) {
	if o.From != NoDay && o.To != NoDay && o.To < o.From {
		return BlocReport{}, fmt.Errorf("analysis: from %s is after to %s", DayString(o.From), DayString(o.To))
	}
	if o.Resolution <= 0 {
		o.Resolution = 1
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Cite <= 0 {
		o.Cite = 10
	}
	rep := BlocReport{Blocs: []Bloc{}, Pairs: []Pair{}}
	if o.From != NoDay {
		rep.From = DayString(o.From)
	}
	if o.To != NoDay {
		rep.To = DayString(o.To)
	}
	focus := ix.focusSet(o.Focus)
	type rel struct {
		coop, conf int
		events     []int32
	}
	rels := map[uint32]*rel{}
	for i := range ix.IDs {
		d := ix.Day[i]
		if (o.From != NoDay || o.To != NoDay) && d == NoDay {
			continue
		}
		if (o.From != NoDay && d < o.From) || (o.To != NoDay && d > o.To) || !ix.involves(i, focus) {
			continue
		}
		q := int(ix.Quad[i])
		if q == 0 {
			continue
		}
		coop := ix.Table.Cooperative(q)
		act := ix.actors(i)
		if len(act) < 2 {
			continue
		}
		rep.Events++
		for x, a := range act {
			for _, b := range act[x+1:] {
				k := uint32(a)<<16 | uint32(b)
				r := rels[k]
				if r == nil {
					r = &rel{}
					rels[k] = r
				}
				if coop {
					r.coop++
				} else {
					r.conf++
				}
				r.events = append(r.events, int32(i))
			}
		}
	}
	keys := make([]uint32, 0, len(rels))
	for k := range rels {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
	// Nodes: the code ids in the pairs, numbered densely.
	node := map[uint16]int64{}
	var codes []uint16
	for _, k := range keys {
		for _, c := range [2]uint16{uint16(k >> 16), uint16(k & 0xffff)} {
			if _, ok := node[c]; !ok {
				node[c] = int64(len(codes))
				codes = append(codes, c)
			}
		}
	}
	coopG := simple.NewWeightedUndirectedGraph(0, 0)
	confG := simple.NewWeightedUndirectedGraph(0, 0)
	for i := range codes {
		coopG.AddNode(simple.Node(i))
		confG.AddNode(simple.Node(i))
	}
	for _, k := range keys {
		r := rels[k]
		a, b := simple.Node(node[uint16(k>>16)]), simple.Node(node[uint16(k&0xffff)])
		if r.coop > 0 {
			coopG.SetWeightedEdge(coopG.NewWeightedEdge(a, b, float64(r.coop)))
		}
		if r.conf > 0 {
			confG.SetWeightedEdge(confG.NewWeightedEdge(a, b, -float64(r.conf)))
		}
		p := Pair{A: ix.Codes[k>>16], B: ix.Codes[k&0xffff], Coop: r.coop, Conflict: r.conf,
			Alignment: round2(float64(r.coop-r.conf) / float64(r.coop+r.conf))}
		if p.B < p.A {
			p.A, p.B = p.B, p.A
		}
		evs := append([]int32(nil), r.events...)
		sort.SliceStable(evs, func(x, y int) bool { return ix.Weight[evs[x]] > ix.Weight[evs[y]] })
		p.Events = ix.ids(evs[:min(len(evs), o.Cite)])
		rep.Pairs = append(rep.Pairs, p)
	}
	sort.SliceStable(rep.Pairs, func(a, b int) bool {
		x, y := rep.Pairs[a], rep.Pairs[b]
		if nx, ny := x.Coop+x.Conflict, y.Coop+y.Conflict; nx != ny {
			return nx > ny
		}
		if x.A != y.A {
			return x.A < y.A
		}
		return x.B < y.B
	})
	if len(codes) == 0 {
		return rep, nil
	}
	layers, err := community.NewUndirectedLayers(coopG, confG)
	if err != nil {
		return rep, fmt.Errorf("analysis: blocs: %w", err)
	}
	weights := []float64{1, -1}
	res := []float64{o.Resolution}
	reduced := community.ModularizeMultiplex(layers, weights, res, true, rand.NewPCG(o.Seed, o.Seed))
	comms := reduced.Communities()
	for _, c := range comms {
		var m []string
		for _, n := range c {
			m = append(m, ix.Codes[codes[n.ID()]])
		}
		sort.Strings(m)
		rep.Blocs = append(rep.Blocs, Bloc{Members: m})
	}
	sort.Slice(rep.Blocs, func(a, b int) bool {
		x, y := rep.Blocs[a].Members, rep.Blocs[b].Members
		if len(x) != len(y) {
			return len(x) > len(y)
		}
		return x[0] < y[0]
	})
	for i := range rep.Blocs {
		rep.Blocs[i].ID = i + 1
	}
	// Modularity of the sorted communities.
	sorted := make([][]graph.Node, len(rep.Blocs))
	for i, b := range rep.Blocs {
		for _, m := range b.Members {
			sorted[i] = append(sorted[i], simple.Node(node[ix.codeIdx[m]]))
		}
	}
	for _, q := range community.QMultiplex(layers, sorted, weights, res) {
		rep.Modularity = append(rep.Modularity, round4(q))
	}
	return rep, nil
}

// BlocChange says how a bloc of the later period relates to the earlier
// period's blocs: the bloc it continues (the one sharing most members, 0 for
// none), who joined it and who left it.
type BlocChange struct {
	Bloc    int      `json:"bloc"`
	Members []string `json:"members"`
	Was     int      `json:"was"`
	Joined  []string `json:"joined"`
	Left    []string `json:"left"`
}

// CompareBlocs matches each bloc of after to the bloc of before it shares
// most members with (ties: the smaller id) and lists who joined and left.
// A member of the earlier bloc that now sits in another bloc has left; one
// absent from the later period altogether is left too.
func CompareBlocs(before, after BlocReport) []BlocChange {
	out := []BlocChange{}
	for _, b := range after.Blocs {
		best, bestN := 0, 0
		for _, a := range before.Blocs {
			if n := overlap(a.Members, b.Members); n > bestN {
				best, bestN = a.ID, n
			}
		}
		ch := BlocChange{Bloc: b.ID, Members: b.Members, Was: best, Joined: []string{}, Left: []string{}}
		var prev []string
		for _, a := range before.Blocs {
			if a.ID == best {
				prev = a.Members
			}
		}
		for _, m := range b.Members {
			if !contains(prev, m) {
				ch.Joined = append(ch.Joined, m)
			}
		}
		for _, m := range prev {
			if !contains(b.Members, m) {
				ch.Left = append(ch.Left, m)
			}
		}
		out = append(out, ch)
	}
	return out
}

func overlap(a, b []string) int {
	n := 0
	for _, x := range a {
		if contains(b, x) {
			n++
		}
	}
	return n
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}
