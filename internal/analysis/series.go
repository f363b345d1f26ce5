package analysis

import (
	"fmt"
	"sort"
	"strings"
)

// SeriesOptions selects and shapes a series.
type SeriesOptions struct {
	Unit Unit
	// By is "dyad" (default: each unordered pair of actor codes of an
	// event) or "actor" (each code).
	By string
	// Split is "" (all types together), "type" (one series per PLOVER type)
	// or "quad" (one per quad category).
	Split string
	// Focus keeps the series of dyads or actors that involve one of these
	// codes; empty keeps all.
	Focus []string
	// From and To bound the days counted (inclusive); NoDay leaves a side open.
	From, To int32
	// Docs is the number of documents read per period (DocsPerPeriod): a
	// bucket then also gives its count per document read, which corrects
	// for the volume of news. Nil leaves counts raw.
	Docs map[int32]int
}

// Bucket is one period of a series.
type Bucket struct {
	Period string `json:"period"`
	Count  int    `json:"count"`
	// Docs and PerDoc: documents read in the period and Count/Docs, when
	// SeriesOptions.Docs is given and the period read any.
	Docs   int     `json:"docs,omitempty"`
	PerDoc float64 `json:"per_doc,omitempty"`
	// Intensity is the mean PLOVER intensity of the bucket's events.
	Intensity float64  `json:"intensity"`
	Events    []string `json:"events"`
}

// Series is the counts of one dyad or actor (and type or quad category,
// when split) per period, oldest first; periods without events are left out.
type Series struct {
	Key     string   `json:"key"`
	Group   string   `json:"group,omitempty"`
	Buckets []Bucket `json:"buckets"`
}

// SeriesResult is a set of series.
type SeriesResult struct {
	Unit   string   `json:"unit"`
	By     string   `json:"by"`
	Split  string   `json:"split,omitempty"`
	Series []Series `json:"series"`
}

// Check validates the options' words.
func (o SeriesOptions) Check() error {
	switch o.By {
	case "", "dyad", "actor":
	default:
		return fmt.Errorf("analysis: by %q: want dyad or actor", o.By)
	}
	switch o.Split {
	case "", "type", "quad":
	default:
		return fmt.Errorf("analysis: split %q: want type or quad", o.Split)
	}
	if o.From != NoDay && o.To != NoDay && o.To < o.From {
		return fmt.Errorf("analysis: from %s is after to %s", DayString(o.From), DayString(o.To))
	}
	return nil
}

type bucketAcc struct {
	key    uint32 // dyad (a<<16|b) or actor code id
	group  uint8
	period int32
	count  int32
	sum    float64
	events []int32
}

// Series counts events per dyad or actor and period.
func (ix *Index) Series(o SeriesOptions) (SeriesResult, error) {
	if err := o.Check(); err != nil {
		return SeriesResult{}, err
	}
	if o.By == "" {
		o.By = "dyad"
	}
	res := SeriesResult{Unit: o.Unit.String(), By: o.By, Split: o.Split}
	focus := ix.focusSet(o.Focus)
	lo, hi := ix.dayRange(o.From, o.To)
	period := o.Unit.periodizer(lo, hi)
	pmin := o.Unit.Period(lo)
	idx := map[uint64]int32{}
	var acc []bucketAcc
	put := func(key uint32, group uint8, p int32, i int) {
		k := uint64(key)<<32 | uint64(group)<<24 | uint64(p-pmin)&(1<<24-1)
		b, ok := idx[k]
		if !ok {
			b = int32(len(acc))
			idx[k] = b
			acc = append(acc, bucketAcc{key: key, group: group, period: p})
		}
		a := &acc[b]
		a.count++
		a.sum += float64(ix.Intensity[i])
		a.events = append(a.events, int32(i))
	}
	for i := range ix.IDs {
		d := ix.Day[i]
		if d == NoDay || (o.From != NoDay && d < o.From) || (o.To != NoDay && d > o.To) {
			continue
		}
		p := period(d)
		var g uint8
		switch o.Split {
		case "type":
			g = ix.Type[i]
		case "quad":
			g = ix.Quad[i]
		}
		act := ix.actors(i)
		if o.By == "actor" {
			for _, c := range act {
				if focus == nil || focus[c] {
					put(uint32(c), g, p, i)
				}
			}
			continue
		}
		for x := 0; x < len(act); x++ {
			for y := x + 1; y < len(act); y++ {
				if focus == nil || focus[act[x]] || focus[act[y]] {
					put(uint32(act[x])<<16|uint32(act[y]), g, p, i)
				}
			}
		}
	}
	// Group the buckets into series.
	type sk struct {
		key   uint32
		group uint8
	}
	byKey := map[sk][]int32{}
	var keys []sk
	for b := range acc {
		k := sk{acc[b].key, acc[b].group}
		if _, ok := byKey[k]; !ok {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], int32(b))
	}
	name := func(key uint32) string {
		if o.By == "actor" {
			return ix.Codes[key]
		}
		return ix.dyadName(uint16(key>>16), uint16(key&0xffff))
	}
	groupName := func(g uint8) string {
		switch o.Split {
		case "type":
			return ix.Types[g]
		case "quad":
			return ix.Table.QuadName(int(g))
		}
		return ""
	}
	names := make(map[uint32]string, len(keys))
	for _, k := range keys {
		if _, ok := names[k.key]; !ok {
			names[k.key] = name(k.key)
		}
	}
	sort.Slice(keys, func(a, b int) bool {
		na, nb := names[keys[a].key], names[keys[b].key]
		if na != nb {
			return na < nb
		}
		if o.Split == "type" {
			return ix.Types[keys[a].group] < ix.Types[keys[b].group]
		}
		return keys[a].group < keys[b].group
	})
	res.Series = make([]Series, 0, len(keys))
	for _, k := range keys {
		bs := byKey[k]
		sort.Slice(bs, func(a, b int) bool { return acc[bs[a]].period < acc[bs[b]].period })
		s := Series{Key: names[k.key], Group: groupName(k.group), Buckets: make([]Bucket, 0, len(bs))}
		for _, b := range bs {
			a := &acc[b]
			bk := Bucket{Period: o.Unit.Label(a.period), Count: int(a.count), Intensity: round2(a.sum / float64(a.count)),
				Events: ix.ids(a.events)}
			if n := o.Docs[a.period]; n > 0 {
				bk.Docs = n
				bk.PerDoc = round4(float64(a.count) / float64(n))
			}
			s.Buckets = append(s.Buckets, bk)
		}
		res.Series = append(res.Series, s)
	}
	return res, nil
}

// dayRange returns the range of days to expect: the options' bounds where
// set, else the index's extremes.
func (ix *Index) dayRange(from, to int32) (lo, hi int32) {
	lo, hi = from, to
	if lo != NoDay && hi != NoDay {
		return lo, hi
	}
	mn, mx := int32(1<<31-1), NoDay
	for _, d := range ix.Day {
		if d == NoDay {
			continue
		}
		mn, mx = min(mn, d), max(mx, d)
	}
	if lo == NoDay {
		lo = mn
	}
	if hi == NoDay {
		hi = mx
	}
	if mx == NoDay {
		return 0, -1
	}
	return lo, hi
}

func (ix *Index) ids(events []int32) []string {
	out := make([]string, len(events))
	for i, e := range events {
		out[i] = ix.IDs[e]
	}
	return out
}

// DocsPerPeriod counts documents per period from their publication dates
// (YYYY-MM-DD, YYYY-MM or YYYY); documents without a date are not counted.
func DocsPerPeriod(u Unit, published []string) map[int32]int {
	out := map[int32]int{}
	for _, s := range published {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		d, err := ParseDay(s, false)
		if err != nil {
			continue
		}
		out[u.Period(d)]++
	}
	return out
}

func round2(f float64) float64 { return float64(int64(f*100+sign(f)*0.5)) / 100 }
func round4(f float64) float64 { return float64(int64(f*10000+sign(f)*0.5)) / 10000 }

func sign(f float64) float64 {
	if f < 0 {
		return -1
	}
	return 1
}
