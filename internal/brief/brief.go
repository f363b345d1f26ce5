// Package brief writes an analyst's note on the events of a period: the
// headline counts, the busiest days, the top events by sources and
// confidence, the most active dyads, the surges against the baseline, and
// the blocs and how they changed. Every sentence carries its citations:
// the document, its date, and the exact source sentence in its language.
//
// In: events (store.Events' output, sources filled), the documents'
// metadata and Options. Out: a Brief value, rendered as Markdown or as HTML
// with small inline SVG charts. The same database and options give the same
// brief, byte for byte: nothing depends on the clock or on map order.
package brief

import (
	"fmt"
	"sort"
	"strings"

	"entente/internal/analysis"
	"entente/internal/model"
	"entente/internal/plover"
)

// Doc is what a brief knows about a source document.
type Doc struct {
	Name, Published, URL, Title string
}

// Options choose the period, the focus and the length of the brief.
type Options struct {
	// From and To bound the period (YYYY, YYYY-MM or YYYY-MM-DD; inclusive).
	From, To string
	// Focus keeps events that involve one of these codes.
	Focus []string
	// Top is the number of top events (default 8); Dyads the number of
	// dyads (default 6).
	Top, Dyads int
	// Cite is how many events an aggregate sentence cites (default 3).
	Cite int
	// Names, when set, names actor codes (the knowledge base's names).
	Names func(code string) string
}

// Citation is one source sentence behind a statement.
type Citation struct {
	Event    string `json:"event"`
	Doc      string `json:"doc"`
	Date     string `json:"date"`
	Lang     string `json:"lang"`
	Sentence string `json:"sentence"`
	URL      string `json:"url,omitempty"`
}

// Statement is one sentence of the brief and its citations.
type Statement struct {
	Text  string     `json:"text"`
	Cites []Citation `json:"cites"`
}

// Section is a titled list of statements, with an optional chart.
type Section struct {
	Title      string      `json:"title"`
	Statements []Statement `json:"statements"`
	Chart      *Chart      `json:"chart,omitempty"`
}

// Chart is a bar chart: per period, the cooperation and conflict counts.
type Chart struct {
	Title    string   `json:"title"`
	Labels   []string `json:"labels"`
	Coop     []int    `json:"cooperation"`
	Conflict []int    `json:"conflict"`
}

// Brief is an analyst's note.
type Brief struct {
	Title    string    `json:"title"`
	From     string    `json:"from"`
	To       string    `json:"to"`
	Focus    []string  `json:"focus,omitempty"`
	Sections []Section `json:"sections"`
}

// builder holds what the sections share.
type builder struct {
	t     *plover.Table
	docs  map[string]Doc
	evs   []*model.Event // events of the period, dated, in the focus
	byID  map[string]*model.Event
	o     Options
	from  int32
	to    int32
	ix    *analysis.Index // all events, for baselines
	focus []string
}

// Build writes the brief of the period from all stored events (the
// baseline of surges and blocs reaches before the period).
func Build(t *plover.Table, evs []model.Event, docs map[string]Doc, o Options) (*Brief, error) {
	if o.From == "" || o.To == "" {
		return nil, fmt.Errorf("brief: --from and --to are required")
	}
	from, err := analysis.ParseDay(o.From, false)
	if err != nil {
		return nil, fmt.Errorf("brief: %w", err)
	}
	to, err := analysis.ParseDay(o.To, true)
	if err != nil {
		return nil, fmt.Errorf("brief: %w", err)
	}
	if to < from {
		return nil, fmt.Errorf("brief: from %s is after to %s", o.From, o.To)
	}
	if o.Top <= 0 {
		o.Top = 8
	}
	if o.Dyads <= 0 {
		o.Dyads = 6
	}
	if o.Cite <= 0 {
		o.Cite = 3
	}
	b := &builder{t: t, docs: docs, o: o, from: from, to: to, byID: map[string]*model.Event{}, ix: analysis.NewIndex(t, evs)}
	b.ix.NameOf = o.Names
	for _, c := range o.Focus {
		b.focus = append(b.focus, strings.ToUpper(c))
	}
	for i := range evs {
		e := &evs[i]
		b.byID[e.ID] = e
		d := analysis.DayOf(e.Date)
		if d == analysis.NoDay || d < from || d > to || !b.inFocus(e) {
			continue
		}
		b.evs = append(b.evs, e)
	}
	br := &Brief{Title: "entente brief", From: analysis.DayString(from), To: analysis.DayString(to), Focus: b.focus}
	br.Sections = append(br.Sections, b.headline(), b.busiestDays(), b.topEvents(), b.dyads(), b.surges(), b.blocs())
	for i := range br.Sections {
		if br.Sections[i].Statements == nil {
			br.Sections[i].Statements = []Statement{}
		}
		for j := range br.Sections[i].Statements {
			if br.Sections[i].Statements[j].Cites == nil {
				br.Sections[i].Statements[j].Cites = []Citation{}
			}
		}
	}
	return br, nil
}

func (b *builder) inFocus(e *model.Event) bool {
	if len(b.focus) == 0 {
		return true
	}
	for _, c := range e.Codes() {
		for _, f := range b.focus {
			if c == f {
				return true
			}
		}
	}
	return false
}

// rank orders events by documents, then sources, confidence and id.
func rank(evs []*model.Event) []*model.Event {
	out := append([]*model.Event(nil), evs...)
	sort.SliceStable(out, func(a, c int) bool {
		x, y := out[a], out[c]
		if dx, dy := len(x.Docs()), len(y.Docs()); dx != dy {
			return dx > dy
		}
		if len(x.Sources) != len(y.Sources) {
			return len(x.Sources) > len(y.Sources)
		}
		if x.Confidence != y.Confidence {
			return x.Confidence > y.Confidence
		}
		return x.ID < y.ID
	})
	return out
}

// cites returns the citations of events: every source of each (all when
// all is set, else the first source of each document).
func (b *builder) cites(evs []*model.Event, all bool) []Citation {
	var out []Citation
	cited := map[[2]string]bool{} // a sentence is cited once per statement
	for _, e := range evs {
		seen := map[string]bool{}
		for _, s := range e.Sources {
			if !all && seen[s.Doc] {
				continue
			}
			seen[s.Doc] = true
			at := [2]string{s.Doc, fmt.Sprint(s.Start)}
			if cited[at] {
				continue
			}
			cited[at] = true
			d := b.docs[s.Doc]
			date := d.Published
			if date == "" {
				date = dateOf(e)
			}
			out = append(out, Citation{Event: e.ID, Doc: s.Doc, Date: date, Lang: s.Lang,
				Sentence: strings.Join(strings.Fields(s.Sentence), " "), URL: d.URL})
		}
	}
	return out
}

// citeIDs cites the top events among ids.
func (b *builder) citeIDs(ids []string) []Citation {
	var evs []*model.Event
	for _, id := range ids {
		if e := b.byID[id]; e != nil {
			evs = append(evs, e)
		}
	}
	evs = rank(evs)
	return b.cites(evs[:min(len(evs), b.o.Cite)], false)
}

func dateOf(e *model.Event) string {
	if e.Date.IsZero() {
		return ""
	}
	if e.Date.Single() {
		return e.Date.From.String()
	}
	return e.Date.From.String() + " to " + e.Date.To.String()
}

// names lists the distinct names of actors, "A", "A and B", "A, B and C".
func names(as []model.Actor) string {
	var ns []string
	for _, a := range as {
		if a.Name != "" && !contains(ns, a.Name) {
			ns = append(ns, a.Name)
		}
	}
	return list(ns)
}

func list(ns []string) string {
	switch len(ns) {
	case 0:
		return "unnamed parties"
	case 1:
		return ns[0]
	}
	return strings.Join(ns[:len(ns)-1], ", ") + " and " + ns[len(ns)-1]
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// describe says what an event did: date, parties, act, place, status.
func (b *builder) describe(e *model.Event) string {
	var acting, targets []model.Actor
	for _, a := range e.Actors {
		if a.Role == model.RoleTarget {
			targets = append(targets, a)
		} else {
			acting = append(acting, a)
		}
	}
	if len(acting) == 0 {
		acting, targets = targets, nil
	}
	s := b.t.Phrase(e.Type, len(targets) > 0)
	s = strings.ReplaceAll(s, "{a}", names(acting))
	s = strings.ReplaceAll(s, "{b}", names(targets))
	if e.Mode != "" {
		s += " (" + e.Mode + ")"
	}
	if e.Location != nil && e.Location.Name != "" {
		s += " in " + e.Location.Name
	}
	if e.Status != "" && e.Status != model.StatusReported {
		s += " [" + e.Status + "]"
	}
	return dateOf(e) + ": " + s
}

func (b *builder) headline() Section {
	sec := Section{Title: "Headline"}
	coop, conf := 0, 0
	docs := map[string]bool{}
	for _, e := range b.evs {
		if b.t.Cooperative(b.t.Quad(e.Type)) {
			coop++
		} else {
			conf++
		}
		for _, d := range e.Docs() {
			docs[d] = true
		}
	}
	scope := ""
	if len(b.focus) > 0 {
		scope = " involving " + strings.Join(b.focus, ", ")
	}
	top := rank(b.evs)
	sec.Statements = append(sec.Statements, Statement{
		Text: fmt.Sprintf("From %s to %s, %s report %s%s: %d of cooperation and %d of conflict.",
			analysis.DayString(b.from), analysis.DayString(b.to), count(len(docs), "document"), count(len(b.evs), "event"), scope, coop, conf),
		Cites: b.cites(top[:min(len(top), b.o.Cite)], false)})
	sec.Chart = b.chart()
	return sec
}

// chart counts cooperation and conflict per week (periods up to 12 weeks)
// or month.
func (b *builder) chart() *Chart {
	unit := analysis.Month
	if b.to-b.from < 7*12 {
		unit = analysis.Week
	}
	first, last := unit.Period(b.from), unit.Period(b.to)
	if last-first > 120 {
		first = last - 120
	}
	c := &Chart{Title: "Events per " + unit.String()}
	for p := first; p <= last; p++ {
		c.Labels = append(c.Labels, unit.Label(p))
	}
	c.Coop = make([]int, len(c.Labels))
	c.Conflict = make([]int, len(c.Labels))
	for _, e := range b.evs {
		p := unit.Period(analysis.DayOf(e.Date)) - first
		if p < 0 {
			continue
		}
		if b.t.Cooperative(b.t.Quad(e.Type)) {
			c.Coop[p]++
		} else {
			c.Conflict[p]++
		}
	}
	return c
}

func (b *builder) busiestDays() Section {
	sec := Section{Title: "Busiest days"}
	byDay := map[string][]*model.Event{}
	var days []string
	for _, e := range b.evs {
		if e.Date.From.Prec() != model.DayPrec || !e.Date.Single() {
			continue
		}
		d := e.Date.From.String()
		if byDay[d] == nil {
			days = append(days, d)
		}
		byDay[d] = append(byDay[d], e)
	}
	sort.SliceStable(days, func(a, c int) bool {
		if len(byDay[days[a]]) != len(byDay[days[c]]) {
			return len(byDay[days[a]]) > len(byDay[days[c]])
		}
		return days[a] < days[c]
	})
	for _, d := range days[:min(len(days), 3)] {
		evs := byDay[d]
		if len(evs) < 2 {
			break
		}
		var parties, places, types []string
		for _, e := range evs {
			for _, a := range e.Actors {
				if !contains(parties, a.Name) {
					parties = append(parties, a.Name)
				}
			}
			if e.Location != nil && !contains(places, e.Location.Name) {
				places = append(places, e.Location.Name)
			}
			if !contains(types, e.Type) {
				types = append(types, e.Type)
			}
		}
		where := ""
		if len(places) > 0 {
			where = " in " + list(places)
		}
		sec.Statements = append(sec.Statements, Statement{
			Text:  fmt.Sprintf("%s: %d events%s (%s) among %s.", d, len(evs), where, strings.Join(types, ", "), list(parties)),
			Cites: b.cites(rank(evs)[:min(len(evs), b.o.Cite)], false)})
	}
	return sec
}

func (b *builder) topEvents() Section {
	sec := Section{Title: "Top events by sources and confidence"}
	top := rank(b.evs)
	for _, e := range top[:min(len(top), b.o.Top)] {
		sec.Statements = append(sec.Statements, Statement{
			Text:  fmt.Sprintf("%s (%s, confidence %.2f).", b.describe(e), count(len(e.Docs()), "document"), e.Confidence),
			Cites: b.cites([]*model.Event{e}, true)})
	}
	return sec
}

func (b *builder) dyads() Section {
	sec := Section{Title: "Most active dyads"}
	type dy struct {
		key        string
		coop, conf int
		ids        []string
	}
	m := map[string]*dy{}
	var keys []string
	for _, e := range b.evs {
		codes := e.Codes()
		coop := b.t.Cooperative(b.t.Quad(e.Type))
		for i, x := range codes {
			for _, y := range codes[i+1:] {
				k := analysis.Dyad(x, y)
				if len(b.focus) > 0 && !contains(b.focus, x) && !contains(b.focus, y) {
					continue
				}
				d := m[k]
				if d == nil {
					d = &dy{key: k}
					m[k] = d
					keys = append(keys, k)
				}
				if coop {
					d.coop++
				} else {
					d.conf++
				}
				d.ids = append(d.ids, e.ID)
			}
		}
	}
	sort.SliceStable(keys, func(a, c int) bool {
		x, y := m[keys[a]], m[keys[c]]
		if nx, ny := len(x.ids), len(y.ids); nx != ny {
			return nx > ny
		}
		return x.key < y.key
	})
	for _, k := range keys[:min(len(keys), b.o.Dyads)] {
		d := m[k]
		x, y, _ := strings.Cut(k, "-")
		sec.Statements = append(sec.Statements, Statement{
			Text: fmt.Sprintf("%s and %s: %s, %d of cooperation and %d of conflict.",
				b.ix.Name(x), b.ix.Name(y), count(len(d.ids), "event"), d.coop, d.conf),
			Cites: b.citeIDs(d.ids)})
	}
	return sec
}

func (b *builder) surges() Section {
	sec := Section{Title: "Surges and newcomers"}
	unit := analysis.Month
	if b.to-b.from < 28 {
		unit = analysis.Week
	}
	rep, err := b.ix.Surges(analysis.SurgeOptions{Unit: unit, At: b.to, Focus: b.focus})
	if err != nil {
		return sec
	}
	for _, s := range rep.Surges {
		typ := "events"
		if s.Type != "" {
			typ = s.Type + " events"
		}
		x, y, _ := strings.Cut(s.Dyad, "-")
		sec.Statements = append(sec.Statements, Statement{
			Text: fmt.Sprintf("%s surge of %s between %s and %s in %s %s: %d against a baseline of %.2f per %s.",
				capital(s.Class), typ, b.ix.Name(x), b.ix.Name(y), unit, rep.Period, s.Count, s.Baseline, unit),
			Cites: b.citeIDs(s.Events)})
	}
	for _, p := range rep.NewDyads[:min(len(rep.NewDyads), 5)] {
		x, y, _ := strings.Cut(p.Key, "-")
		sec.Statements = append(sec.Statements, Statement{
			Text:  fmt.Sprintf("New dyad in %s %s: %s and %s (%s, none before).", unit, rep.Period, b.ix.Name(x), b.ix.Name(y), count(p.Count, "event")),
			Cites: b.citeIDs(p.Events)})
	}
	for _, p := range rep.NewActors[:min(len(rep.NewActors), 5)] {
		sec.Statements = append(sec.Statements, Statement{
			Text:  fmt.Sprintf("New actor in %s %s: %s (%s, none before).", unit, rep.Period, b.ix.Name(p.Key), count(p.Count, "event")),
			Cites: b.citeIDs(p.Events)})
	}
	return sec
}

// count says "1 event", "2 events".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func (b *builder) blocs() Section {
	sec := Section{Title: "Blocs"}
	now, err := b.ix.Blocs(analysis.BlocOptions{From: b.from, To: b.to, Focus: b.focus})
	if err != nil {
		return sec
	}
	span := b.to - b.from + 1
	before, _ := b.ix.Blocs(analysis.BlocOptions{From: b.from - span, To: b.from - 1, Focus: b.focus})
	changes := analysis.CompareBlocs(before, now)
	for i, bl := range now.Blocs {
		if len(bl.Members) < 2 {
			continue
		}
		var ms, ids []string
		for _, m := range bl.Members {
			ms = append(ms, b.ix.Name(m))
		}
		coop, conf := 0, 0
		for _, p := range now.Pairs {
			if contains(bl.Members, p.A) && contains(bl.Members, p.B) {
				coop += p.Coop
				conf += p.Conflict
				ids = append(ids, p.Events...)
			}
		}
		text := fmt.Sprintf("Bloc %d: %s (%d cooperative and %d conflictual ties among them)", bl.ID, list(ms), coop, conf)
		if len(before.Blocs) > 0 && i < len(changes) {
			c := changes[i]
			if len(c.Joined) > 0 {
				text += "; joined since the previous period: " + list(c.Joined)
			}
			if len(c.Left) > 0 {
				text += "; left: " + list(c.Left)
			}
		}
		sec.Statements = append(sec.Statements, Statement{Text: text + ".", Cites: b.citeIDs(uniq(ids))})
	}
	for _, p := range now.Pairs {
		if p.Conflict > 0 && p.Alignment < 0 {
			sec.Statements = append(sec.Statements, Statement{
				Text:  fmt.Sprintf("%s and %s are at odds: alignment %+.2f (%d cooperative, %d conflictual events).", b.ix.Name(p.A), b.ix.Name(p.B), p.Alignment, p.Coop, p.Conflict),
				Cites: b.citeIDs(p.Events)})
		}
	}
	return sec
}

func uniq(s []string) []string {
	var out []string
	for _, x := range s {
		if !contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}
