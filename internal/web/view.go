package web

import (
	"fmt"
	"html/template"
	"net/url"
	"sort"
	"strings"

	"entente/internal/api"
	"entente/internal/model"
	"entente/internal/output"
	"entente/internal/query"
)

// funcs are the templates' helpers. None returns template.HTML: every
// value is escaped by html/template for its context.
var funcs = template.FuncMap{
	"actorHref": func(id string) string { return "/actors/" + url.PathEscape(id) },
	"eventHref": func(id string) string { return "/events/" + url.PathEscape(id) },
	"docHref":   func(id int64) string { return fmt.Sprintf("/documents/%d", id) },
	"get":       func(v url.Values, k string) string { return v.Get(k) },
	"statuses":  func() []string { return query.Statuses },
	"percent": func(n, of int) int {
		if of == 0 {
			return 0
		}
		return n * 100 / of
	},
	"conf": func(c float64) string { return fmt.Sprintf("%.2f", c) },
	"edgeHref": func(e api.Edge, form url.Values) string {
		v := url.Values{"dyad": {e.Source + "-" + e.Target}}
		for _, k := range []string{"from", "to", "status", "lang", "min_confidence"} {
			if x := form.Get(k); x != "" {
				v.Set(k, x)
			}
		}
		if t := form.Get("types"); t != "" {
			v.Set("type", t)
		}
		return "/events?" + v.Encode()
	},
	"periodHref": func(p api.Period, filter string) string {
		v, _ := url.ParseQuery(filter)
		v.Set("from", p.Start)
		v.Set("to", p.End)
		return "/events?" + v.Encode()
	},
	"types": func(m map[string]int) string {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		var parts []string
		for _, k := range ks {
			parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
		}
		return strings.Join(parts, ", ")
	},
}

// row is one line of an events table.
type row struct {
	ID, Href   string
	Date, Prec string
	Type       string
	Actors     string
	Status     string
	Confidence string
	Sources    int
	Langs      string
}

func rows(evs []output.Event) []row {
	out := make([]row, 0, len(evs))
	for _, e := range evs {
		r := row{ID: e.ID, Href: "/events/" + url.PathEscape(e.ID), Type: e.Type, Actors: direction(e.Actors),
			Status: e.Status, Confidence: fmt.Sprintf("%.2f", e.Confidence), Sources: len(e.Sources)}
		if e.Mode != "" {
			r.Type += " · " + e.Mode
		}
		r.Date, r.Prec = dateText(e.Date)
		var langs []string
		for _, s := range e.Sources {
			if !contains(langs, s.Lang) {
				langs = append(langs, s.Lang)
			}
		}
		r.Langs = strings.Join(langs, " ")
		out = append(out, r)
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// dateText writes a date with its precision ("day", "month", "year", "no
// year"); "—" for none.
func dateText(d *output.Date) (string, string) {
	if d == nil {
		return "—", "undated"
	}
	text := d.Start
	if d.End != d.Start {
		text += " – " + d.End
	}
	switch {
	case strings.HasPrefix(d.Start, "--"):
		return text, "no year"
	case len(d.Start) == 4:
		return text, "year"
	case len(d.Start) == 7:
		return text, "month"
	}
	return text, "day"
}

// direction writes an event's actors with who acted on whom: sources →
// targets, participants joined by =.
func direction(actors []model.Actor) string {
	name := func(a model.Actor) string {
		if a.Kind == string(model.KindState) || a.Kind == string(model.KindOrg) || a.Name == "" {
			return a.Code
		}
		return a.Name + " (" + a.Code + ")"
	}
	var src, tgt, part []string
	for _, a := range actors {
		switch a.Role {
		case model.RoleSource:
			src = append(src, name(a))
		case model.RoleTarget:
			tgt = append(tgt, name(a))
		default:
			part = append(part, name(a))
		}
	}
	var out []string
	if len(src) > 0 || len(tgt) > 0 {
		out = append(out, strings.Join(src, ", ")+" → "+strings.Join(tgt, ", "))
	}
	if len(part) > 0 {
		out = append(out, strings.Join(part, " = "))
	}
	return strings.Join(out, "; ")
}

// Segment is a piece of a text: plain, or a highlighted span (a mention
// linking to its actor, a trigger).
type Segment struct {
	// Start and End are the span's offsets in its document.
	Start, End int
	Text       string
	Class      string // "", "mention", "actor", "trigger"
	Href       string
	Title      string
}

// segments cuts text (which starts at offset base of its document) at the
// spans; a span that overlaps an earlier one is left out.
func segments(text string, base int, spans []mark) []Segment {
	sort.SliceStable(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		return spans[i].end > spans[j].end
	})
	var out []Segment
	pos := 0
	for _, s := range spans {
		a, b := s.start-base, s.end-base
		if a < pos || b > len(text) || a >= b {
			continue
		}
		if a > pos {
			out = append(out, Segment{Text: text[pos:a]})
		}
		out = append(out, Segment{Start: s.start, End: s.end, Text: text[a:b], Class: s.class, Href: s.href, Title: s.title})
		pos = b
	}
	if pos < len(text) {
		out = append(out, Segment{Text: text[pos:]})
	}
	return out
}

type mark struct {
	start, end         int
	class, href, title string
}

func mentionMarks(ms []api.Span, actorClass bool) []mark {
	var out []mark
	for _, m := range ms {
		k := mark{start: m.Start, end: m.End, class: "mention"}
		if actorClass && m.Actor {
			k.class = "actor"
		}
		if m.ID != "" {
			k.href = "/actors/" + url.PathEscape(m.ID)
		}
		if m.Name != "" {
			k.title = m.Name + " (" + m.Code + ")"
		}
		out = append(out, k)
	}
	return out
}

// sourceView is one source sentence, highlighted.
type sourceView struct {
	api.SourceDetail
	Segments []Segment
	DocHref  string
}

// langColumn holds the sources of one language.
type langColumn struct {
	Lang    string
	Sources []sourceView
}

type eventPageView struct {
	*api.EventDetail
	Row     row
	Columns []langColumn
}

func eventView(d *api.EventDetail) eventPageView {
	v := eventPageView{EventDetail: d, Row: rows([]output.Event{d.Event})[0]}
	for _, lang := range d.Languages {
		col := langColumn{Lang: lang}
		for _, s := range d.Sources {
			if s.Lang != lang {
				continue
			}
			marks := mentionMarks(s.Mentions, true)
			for _, t := range s.Triggers {
				marks = append(marks, mark{start: t.Start, end: t.End, class: "trigger", title: "trigger"})
			}
			sv := sourceView{SourceDetail: s, Segments: segments(s.Sentence, s.Start, marks)}
			if s.DocID > 0 {
				sv.DocHref = fmt.Sprintf("/documents/%d", s.DocID)
			}
			col.Sources = append(col.Sources, sv)
		}
		v.Columns = append(v.Columns, col)
	}
	return v
}

type documentPageView struct {
	*api.DocumentDetail
	Segments []Segment
	Rows     []row
}

func documentView(d *api.DocumentDetail) documentPageView {
	marks := mentionMarks(d.Mentions, false)
	for _, t := range d.Triggers {
		marks = append(marks, mark{start: t.Start, end: t.End, class: "trigger", title: "trigger"})
	}
	return documentPageView{DocumentDetail: d, Segments: segments(d.Text, 0, marks), Rows: rows(d.Events)}
}
