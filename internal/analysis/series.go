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

// contribution is one event counted in one bucket: the bucket's key
// (series id << 24 | period offset) and the event's index.
type contribution struct {
	key uint64
	ev  int32
}

// Series counts events per dyad or actor and period. It collects one
// contribution per event and key, sorts them by series and period, and
// reads the buckets off in one pass: no map per bucket, so a million
// events take well under a second on one core.
func (ix *Index) Series(o SeriesOptions) (SeriesResult, error) {
	if err := o.Check(); err != nil {
		return SeriesResult{}, err
	}
	if o.By == "" {
		o.By = "dyad"
	}
	res := SeriesResult{Unit: o.Unit.String(), By: o.By, Split: o.Split, Series: []Series{}}
	focus := ix.focusSet(o.Focus)
	lo, hi := ix.dayRange(o.From, o.To)
	if hi < lo {
		return res, nil
	}
	period := o.Unit.periodizer(lo, hi)
	pmin := o.Unit.Period(lo)
	// Series ids: a dense number per (key, group), key a code or a dyad.
	type skey struct {
		key   uint32
		group uint8
	}
	sid := map[uint64]uint32{}
	var skeys []skey
	seriesID := func(key uint32, group uint8) uint32 {
		k := uint64(key)<<8 | uint64(group)
		id, ok := sid[k]
		if !ok {
			id = uint32(len(skeys))
			sid[k] = id
			skeys = append(skeys, skey{key, group})
		}
		return id
	}
	contrib := make([]contribution, 0, 2*len(ix.IDs))
	for i := range ix.IDs {
		d := ix.Day[i]
		if d == NoDay || (o.From != NoDay && d < o.From) || (o.To != NoDay && d > o.To) {
			continue
		}
		p := uint64(period(d)-pmin) & (1<<24 - 1)
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
					contrib = append(contrib, contribution{uint64(seriesID(uint32(c), g))<<24 | p, int32(i)})
				}
			}
			continue
		}
		for x := 0; x < len(act); x++ {
			for y := x + 1; y < len(act); y++ {
				if focus == nil || focus[act[x]] || focus[act[y]] {
					contrib = append(contrib, contribution{uint64(seriesID(uint32(act[x])<<16|uint32(act[y]), g))<<24 | p, int32(i)})
				}
			}
		}
	}
	sortContributions(contrib)
	// Series in the order of their names (and groups).
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
	names := make([]string, len(skeys))
	for i, k := range skeys {
		names[i] = name(k.key)
	}
	order := make([]uint32, len(skeys))
	for i := range order {
		order[i] = uint32(i)
	}
	sort.Slice(order, func(a, b int) bool {
		x, y := order[a], order[b]
		if names[x] != names[y] {
			return names[x] < names[y]
		}
		if o.Split == "type" {
			return ix.Types[skeys[x].group] < ix.Types[skeys[y].group]
		}
		return skeys[x].group < skeys[y].group
	})
	// Where each series' contributions start.
	start := make([]int, len(skeys)+1)
	for _, c := range contrib {
		start[c.key>>24+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	labels := map[int32]string{}
	label := func(p int32) string {
		l, ok := labels[p]
		if !ok {
			l = o.Unit.Label(p)
			labels[p] = l
		}
		return l
	}
	ids := make([]string, len(contrib)) // one backing array for every bucket's events
	for i, c := range contrib {
		ids[i] = ix.IDs[c.ev]
	}
	nb := 0
	for i := range contrib {
		if i == 0 || contrib[i].key != contrib[i-1].key {
			nb++
		}
	}
	buckets := make([]Bucket, 0, nb) // one backing array for every series' buckets
	res.Series = make([]Series, 0, len(skeys))
	for _, s := range order {
		cs := contrib[start[s]:start[s+1]]
		sr := Series{Key: names[s], Group: groupName(skeys[s].group)}
		first := len(buckets)
		for j := 0; j < len(cs); {
			k := j
			sum := 0.0
			for k < len(cs) && cs[k].key == cs[j].key {
				sum += float64(ix.Intensity[cs[k].ev])
				k++
			}
			p := int32(cs[j].key&(1<<24-1)) + pmin
			bk := Bucket{Period: label(p), Count: k - j, Intensity: round2(sum / float64(k-j)),
				Events: ids[start[s]+j : start[s]+k : start[s]+k]}
			if n := o.Docs[p]; n > 0 {
				bk.Docs = n
				bk.PerDoc = round4(float64(k-j) / float64(n))
			}
			buckets = append(buckets, bk)
			j = k
		}
		sr.Buckets = buckets[first:len(buckets):len(buckets)]
		res.Series = append(res.Series, sr)
	}
	return res, nil
}

// sortContributions orders contributions by key, then event, with an LSD
// radix sort on the key's bytes (the events stay in index order within a
// key, since each pass is stable and they arrive in that order).
func sortContributions(cs []contribution) {
	if len(cs) < 2 {
		return
	}
	var maxKey uint64
	for _, c := range cs {
		maxKey = max(maxKey, c.key)
	}
	buf := make([]contribution, len(cs))
	src, dst := cs, buf
	for shift := uint(0); shift < 64 && maxKey>>shift > 0; shift += 8 {
		var count [257]int
		for _, c := range src {
			count[(c.key>>shift)&0xff+1]++
		}
		for i := 1; i < 257; i++ {
			count[i] += count[i-1]
		}
		for _, c := range src {
			b := (c.key >> shift) & 0xff
			dst[count[b]] = c
			count[b]++
		}
		src, dst = dst, src
	}
	if &src[0] != &cs[0] {
		copy(cs, src)
	}
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
