// Package export writes stored events in the formats the field reads:
// PLOVER JSON lines, POLECAT's TSV layout, GDELT-2.0-style event and
// mention tables, plain CSV (events and sources), and the actor network as
// GraphML and GEXF (Gephi, networkx) with weights and blocs.
//
// In: events (store.Events' output, sources filled) and a Context: the
// PLOVER tables, the documents' metadata, and the coding date. Out: one or
// more parts per format ("events", "mentions", ...), each written to its own
// io.Writer. Formats register themselves by name; docs/formats.md describes
// every column and the fields no format can fill.
package export

import (
	"fmt"
	"io"
	"net/url"
	"sort"
	"strings"

	"entente/internal/model"
	"entente/internal/plover"
	"entente/internal/store"
)

// Doc is what an export knows about a source document.
type Doc struct {
	Name, URL, Title, Lang, Published string
}

// Context is what every format needs besides the events.
type Context struct {
	Table *plover.Table
	// Docs are the documents by name (model.Source.Doc).
	Docs map[string]Doc
	// Coded is the coding date written as PLOVER's coded_date and GDELT's
	// DATEADDED (YYYY-MM-DD); the caller passes it so that output is
	// deterministic.
	Coded string
	// Version names the coder ("entente").
	Version string
}

// DocsFrom indexes stored documents by name.
func DocsFrom(docs []store.Doc) map[string]Doc {
	out := make(map[string]Doc, len(docs))
	for _, d := range docs {
		out[d.Name] = Doc{Name: d.Name, URL: d.URL, Title: d.Title, Lang: d.Lang, Published: d.Published}
	}
	return out
}

// Part is one output of a format.
type Part struct {
	Name  string // "events", "mentions", "sources", "graph"
	Ext   string // file extension without the dot
	Write func(w io.Writer, evs []model.Event, c *Context) error
}

// Format is a named export with its parts; the first part is the main one.
type Format struct {
	Name  string
	Short string
	Parts []Part
}

var formats = map[string]*Format{}

// Register adds a format; a second format of the same name panics.
func Register(f *Format) {
	if _, dup := formats[f.Name]; dup {
		panic("export: format " + f.Name + " registered twice")
	}
	formats[f.Name] = f
}

// Lookup returns the named format.
func Lookup(name string) (*Format, error) {
	f, ok := formats[name]
	if !ok {
		return nil, fmt.Errorf("export: unknown format %q (have %s)", name, strings.Join(Names(), ", "))
	}
	return f, nil
}

// Names lists the registered formats alphabetically.
func Names() []string {
	var out []string
	for n := range formats {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Part returns the format's part of that name; "" is the main part.
func (f *Format) Part(name string) (Part, error) {
	if name == "" {
		return f.Parts[0], nil
	}
	var names []string
	for _, p := range f.Parts {
		if p.Name == name {
			return p, nil
		}
		names = append(names, p.Name)
	}
	return Part{}, fmt.Errorf("export: format %s has no part %q (have %s)", f.Name, name, strings.Join(names, ", "))
}

// sides splits an event's actors PLOVER's way: sources and participants act
// ("source"/"actor"), targets receive ("recipient").
func sides(e *model.Event) (actors, recipients []model.Actor) {
	for _, a := range e.Actors {
		if a.Role == model.RoleTarget {
			recipients = append(recipients, a)
		} else {
			actors = append(actors, a)
		}
	}
	return actors, recipients
}

// dates returns the event's start and end as the contract writes them.
func dates(e *model.Event) (start, end string) {
	if e.Date.IsZero() {
		return "", ""
	}
	return e.Date.From.String(), e.Date.To.String()
}

// clean makes a value safe for one TSV cell: tabs and line breaks become
// spaces.
func clean(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\t' || r == '\n' || r == '\r' }), " ")
}

// joinUniq joins the distinct non-empty values in order with "; ".
func joinUniq(vals []string) string {
	var out []string
	for _, v := range vals {
		if v != "" && !contains(out, v) {
			out = append(out, v)
		}
	}
	return strings.Join(out, "; ")
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// writeTSV writes rows of cells, each cleaned.
func writeTSV(w io.Writer, row []string) error {
	for i := range row {
		row[i] = clean(row[i])
	}
	_, err := io.WriteString(w, strings.Join(row, "\t")+"\n")
	return err
}

// host returns a URL's host name, "" when it has none.
func host(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// published returns the earliest publication date among the event's
// documents ("" when none is known).
func (c *Context) published(e *model.Event) string {
	best := ""
	for _, d := range e.Docs() {
		p := c.Docs[d].Published
		if p != "" && (best == "" || p < best) {
			best = p
		}
	}
	return best
}

// langs returns the languages of the event's sources, in order.
func langs(e *model.Event) []string {
	var out []string
	for _, s := range e.Sources {
		if s.Lang != "" && !contains(out, s.Lang) {
			out = append(out, s.Lang)
		}
	}
	return out
}
