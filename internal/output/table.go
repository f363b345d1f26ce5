package output

import (
	"fmt"
	"io"
	"text/tabwriter"

	"entente/internal/model"
)

// tableWriter aligns events in columns, so it holds them until Close.
type tableWriter struct{ tw *tabwriter.Writer }

var _ Writer = (*tableWriter)(nil)

func newTable(w io.Writer) Writer {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tTYPE\tSTATUS\tACTORS\tPLACE\tSOURCES")
	return &tableWriter{tw: tw}
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
	_, err := fmt.Fprintf(t.tw, "%s\t%s\t%s\t%s\t%s\t%s\n", date, typ, e.Status, actorNames(e), loc, docs(e))
	return err
}

func (t *tableWriter) Close() error { return t.tw.Flush() }
