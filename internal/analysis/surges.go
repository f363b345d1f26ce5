package analysis

import (
	"fmt"
	"math"
	"sort"
)

// SurgeOptions choose the period to examine and its baseline.
type SurgeOptions struct {
	// Unit and Baseline: the period's length and how many periods before it
	// form the baseline (defaults: a week against 4 weeks; a month against 12
	// months).
	Unit     Unit
	Baseline int
	// At is a day inside the period to examine; NoDay takes the latest period
	// with an event.
	At int32
	// MinCount is the low-count guard: a surge needs at least this many
	// events in the period (default 3), and at least 2 more than the
	// baseline mean, so 0→1, 1→2 and 1→3 are never surges.
	MinCount int
	// Alpha bounds the chance that a report holds any surge that is only
	// noise (default 0.01). Each candidate's p is the chance of a count this
	// high in the period if its rate were the baseline's (a conditional
	// binomial test of two Poisson rates); a surge needs p ≤ Alpha/m, m the
	// number of dyad series (by type and all types) with events in the
	// period (Bonferroni).
	Alpha float64
	// Focus keeps dyads that involve one of these codes.
	Focus []string
}

// Surge is a dyad (and type, or all types) whose count this period rose
// against its baseline.
type Surge struct {
	Dyad string `json:"dyad"`
	// Type is the PLOVER type, "" for all types together.
	Type  string `json:"type,omitempty"`
	Count int    `json:"count"`
	// Baseline is the mean count per period over the baseline periods.
	Baseline float64 `json:"baseline"`
	// Ratio is Count/Baseline, absent when the baseline is 0.
	Ratio *float64 `json:"ratio,omitempty"`
	// Change is Count − Baseline; Percent is it relative to the baseline
	// (absent when the baseline is 0).
	Change  float64  `json:"change"`
	Percent *float64 `json:"percent,omitempty"`
	// Class is "large" (≥ +100 %, or from nothing) or "moderate" (≥ +25 %).
	Class string `json:"class"`
	// P is the chance of the rise under the baseline rate.
	P      float64  `json:"p"`
	Events []string `json:"events"`
}

// NewPair is a dyad or actor first seen in the period: no event before it
// names it.
type NewPair struct {
	Key    string   `json:"key"`
	Count  int      `json:"count"`
	Events []string `json:"events"`
}

// SurgeReport is what changed in a period against its baseline.
type SurgeReport struct {
	Unit          string    `json:"unit"`
	Period        string    `json:"period"`
	From          string    `json:"from"`
	To            string    `json:"to"`
	BaselineFrom  string    `json:"baseline_from"`
	BaselineTo    string    `json:"baseline_to"`
	Events        int       `json:"events"`
	BaselineMean  float64   `json:"baseline_events_per_period"`
	Surges        []Surge   `json:"surges"`
	NewDyads      []NewPair `json:"new_dyads"`
	NewActors     []NewPair `json:"new_actors"`
	BaselineCount int       `json:"-"`
}

// Defaults fills unset options: a week against 4 weeks, a month against 12.
func (o SurgeOptions) Defaults() SurgeOptions {
	if o.Baseline <= 0 {
		o.Baseline = 4
		if o.Unit == Month {
			o.Baseline = 12
		}
		if o.Unit == Day {
			o.Baseline = 28
		}
	}
	if o.MinCount <= 0 {
		o.MinCount = 3
	}
	if o.Alpha <= 0 {
		o.Alpha = 0.01
	}
	return o
}

// Class thresholds (ACLED-style bands of relative change).
const (
	largeRatio    = 2.0
	moderateRatio = 1.25
	minChange     = 2.0
)

// Surges compares the period to its baseline for every dyad, by type and
// for all types together, and lists the dyads and actors new in it. Surges
// are ordered by class, then by change, largest first.
func (ix *Index) Surges(o SurgeOptions) (SurgeReport, error) {
	o = o.Defaults()
	if o.Baseline > 1000 {
		return SurgeReport{}, fmt.Errorf("analysis: baseline of %d periods: at most 1000", o.Baseline)
	}
	at := o.At
	if at == NoDay {
		for _, d := range ix.Day {
			if d != NoDay && (at == NoDay || d > at) {
				at = d
			}
		}
	}
	if at == NoDay {
		return SurgeReport{Unit: o.Unit.String(), Surges: []Surge{}, NewDyads: []NewPair{}, NewActors: []NewPair{}}, nil
	}
	cur := o.Unit.Period(at)
	first := cur - int32(o.Baseline)
	rep := SurgeReport{Unit: o.Unit.String(), Period: o.Unit.Label(cur),
		From: DayString(o.Unit.Start(cur)), To: DayString(o.Unit.End(cur)),
		BaselineFrom: DayString(o.Unit.Start(first)), BaselineTo: DayString(o.Unit.End(cur - 1))}
	focus := ix.focusSet(o.Focus)
	start, end := o.Unit.Start(first), o.Unit.End(cur)
	curStart := o.Unit.Start(cur)

	// Per dyad and type (type index +1; 0 is all types): the count in the
	// period, its events, and the baseline's total.
	type acc struct {
		now    int32
		base   int32
		events []int32
	}
	stats := map[uint64]*acc{}
	get := func(k uint64) *acc {
		a := stats[k]
		if a == nil {
			a = &acc{}
			stats[k] = a
		}
		return a
	}
	seenDyad := map[uint32]bool{}  // dyads named before the period
	seenActor := map[uint16]bool{} // actors named before the period
	newDyad := map[uint32][]int32{}
	newActor := map[uint16][]int32{}
	for i := range ix.IDs {
		d := ix.Day[i]
		if d == NoDay || d > end {
			continue
		}
		act := ix.actors(i)
		if d < curStart {
			for x, a := range act {
				seenActor[a] = true
				for _, b := range act[x+1:] {
					seenDyad[uint32(a)<<16|uint32(b)] = true
				}
			}
		}
		if d < start || !ix.involves(i, focus) {
			continue
		}
		now := d >= curStart
		if now {
			rep.Events++
		} else {
			rep.BaselineCount++
		}
		t := uint64(ix.Type[i]) + 1
		for x, a := range act {
			if now && (focus == nil || focus[a]) {
				newActor[a] = append(newActor[a], int32(i))
			}
			for _, b := range act[x+1:] {
				if focus != nil && !focus[a] && !focus[b] {
					continue
				}
				dy := uint32(a)<<16 | uint32(b)
				for _, k := range [2]uint64{uint64(dy) << 8, uint64(dy)<<8 | t} {
					s := get(k)
					if now {
						s.now++
						s.events = append(s.events, int32(i))
					} else {
						s.base++
					}
				}
				if now {
					newDyad[dy] = append(newDyad[dy], int32(i))
				}
			}
		}
	}
	rep.BaselineMean = round2(float64(rep.BaselineCount) / float64(o.Baseline))
	n := float64(o.Baseline)
	rep.Surges = []Surge{}
	var cands []Surge
	tested := 0
	for k, s := range stats {
		if s.now == 0 {
			continue
		}
		tested++
		mean := float64(s.base) / n
		change := float64(s.now) - mean
		if int(s.now) < o.MinCount || change < minChange {
			continue
		}
		class := ""
		switch {
		case s.base == 0 || float64(s.now) >= largeRatio*mean:
			class = "large"
		case float64(s.now) >= moderateRatio*mean:
			class = "moderate"
		default:
			continue
		}
		dy := uint32(k >> 8)
		sg := Surge{Dyad: ix.dyadName(uint16(dy>>16), uint16(dy&0xffff)), Count: int(s.now), Baseline: round2(mean),
			Change: round2(change), Class: class, P: binomUpper(int(s.now), int(s.now+s.base), 1/(n+1)), Events: ix.ids(s.events)}
		if t := k & 0xff; t > 0 {
			sg.Type = ix.Types[t-1]
		}
		if s.base > 0 {
			r, pc := round2(float64(s.now)/mean), round2(100*change/mean)
			sg.Ratio, sg.Percent = &r, &pc
		}
		cands = append(cands, sg)
	}
	for _, sg := range cands {
		if sg.P <= o.Alpha/float64(tested) {
			sg.P = roundSig(sg.P)
			rep.Surges = append(rep.Surges, sg)
		}
	}
	sort.Slice(rep.Surges, func(a, b int) bool {
		x, y := rep.Surges[a], rep.Surges[b]
		if x.Class != y.Class {
			return x.Class == "large"
		}
		if x.Change != y.Change {
			return x.Change > y.Change
		}
		if x.Dyad != y.Dyad {
			return x.Dyad < y.Dyad
		}
		return x.Type < y.Type
	})
	rep.NewDyads = []NewPair{}
	for dy, evs := range newDyad {
		if !seenDyad[dy] {
			rep.NewDyads = append(rep.NewDyads, NewPair{Key: ix.dyadName(uint16(dy>>16), uint16(dy&0xffff)), Count: len(evs), Events: ix.ids(evs)})
		}
	}
	rep.NewActors = []NewPair{}
	for a, evs := range newActor {
		if !seenActor[a] {
			rep.NewActors = append(rep.NewActors, NewPair{Key: ix.Codes[a], Count: len(evs), Events: ix.ids(evs)})
		}
	}
	byCount := func(ps []NewPair) func(a, b int) bool {
		return func(a, b int) bool {
			if ps[a].Count != ps[b].Count {
				return ps[a].Count > ps[b].Count
			}
			return ps[a].Key < ps[b].Key
		}
	}
	sort.Slice(rep.NewDyads, byCount(rep.NewDyads))
	sort.Slice(rep.NewActors, byCount(rep.NewActors))
	return rep, nil
}

// binomUpper returns P(X ≥ k) for X ~ Binomial(n, p): given n events in the
// period and its baseline together, the chance that k or more fall in the
// period if both had the same rate (p = 1/(N+1) for N baseline periods).
func binomUpper(k, n int, p float64) float64 {
	if k <= 0 {
		return 1
	}
	if k > n {
		return 0
	}
	lp, lq := math.Log(p), math.Log1p(-p)
	lgN, _ := math.Lgamma(float64(n + 1))
	sum := 0.0
	for i := k; i <= n; i++ {
		a, _ := math.Lgamma(float64(i + 1))
		b, _ := math.Lgamma(float64(n - i + 1))
		t := math.Exp(lgN - a - b + float64(i)*lp + float64(n-i)*lq)
		sum += t
		if t < sum*1e-12 {
			break
		}
	}
	return math.Min(sum, 1)
}

// roundSig keeps three significant digits.
func roundSig(f float64) float64 {
	if f == 0 {
		return 0
	}
	e := math.Pow(10, 2-math.Floor(math.Log10(math.Abs(f))))
	return math.Round(f*e) / e
}
