package output

import (
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/term"

	"entente/internal/model"
)

// tableWriter lays events out in columns that fit the terminal: date,
// type, status, who acted on whom ("RUS → UKR", "CHN = RUS"), the named
// persons and bodies, the place and the sources. It holds the rows until
// Close, which sizes the columns.
type tableWriter struct {
	w     io.Writer
	width int // 0: no limit
	rows  [][]string
}

var _ Writer = (*tableWriter)(nil)

// tableHeader names the table's columns.
var tableHeader = []string{"DATE", "TYPE", "STATUS", "WHO", "ACTORS", "PLACE", "SOURCES"}

// shrinkable are the columns cut to fit a width: the names, sources and
// place first, who acted on whom only when that is not enough.
var shrinkable = [][]int{{4, 6, 5}, {3}}

// minColumn is the narrowest a shrinkable column gets.
const minColumn = 8

func newTable(w io.Writer) Writer { return newTableWidth(w, terminalWidth(w)) }

// newTableWidth returns a table fitted to width characters (0: no limit).
func newTableWidth(w io.Writer, width int) *tableWriter {
	return &tableWriter{w: w, width: width, rows: [][]string{tableHeader}}
}

// terminalWidth is the width of the terminal w writes to, or 0.
func terminalWidth(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return 0
	}
	return width
}

func (t *tableWriter) Write(e *model.Event) error {
	date := "—"
	if !e.Date.IsZero() {
		date = e.Date.From.String()
		if !e.Date.Single() {
			date += "…" + e.Date.To.String()
		}
	}
	typ := e.Type
	if e.Mode != "" {
		typ += "/" + e.Mode
	}
	loc := ""
	if e.Location != nil {
		loc = e.Location.Name
	}
	var named []string
	for _, a := range e.Actors {
		if a.Kind != string(model.KindState) && a.Name != "" {
			named = append(named, a.Name)
		}
	}
	src := ""
	if d := e.Docs(); len(d) > 0 {
		src = d[0]
		if len(d) > 1 {
			src += fmt.Sprintf(" +%d", len(d)-1)
		}
	}
	t.rows = append(t.rows, []string{date, typ, e.Status, e.Direction(" → ", " = "), strings.Join(named, ", "), loc, src})
	return nil
}

// Close sizes the columns, shrinking the widest cuttable ones until a row
// fits the width, and writes the rows.
func (t *tableWriter) Close() error {
	widths := make([]int, len(tableHeader))
	for _, r := range t.rows {
		for i, c := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	total := func() int {
		n := 2 * (len(widths) - 1)
		for _, w := range widths {
			n += w
		}
		return n
	}
	for _, group := range shrinkable {
		for t.width > 0 && total() > t.width {
			// Cut the group's widest column by what is too much, or to
			// its floor.
			best := -1
			for _, i := range group {
				if widths[i] > minColumn && (best < 0 || widths[i] > widths[best]) {
					best = i
				}
			}
			if best < 0 {
				break
			}
			widths[best] = max(minColumn, widths[best]-(total()-t.width))
		}
	}
	var b strings.Builder
	for _, r := range t.rows {
		b.Reset()
		for i, c := range r {
			c = cut(c, widths[i])
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c)+2))
			}
		}
		if _, err := io.WriteString(t.w, strings.TrimRight(b.String(), " ")+"\n"); err != nil {
			return fmt.Errorf("output: %w", err)
		}
	}
	return nil
}

// cut shortens s to n characters, ending in "…" when it cut.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
