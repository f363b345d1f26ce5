// Package output writes events in entente's formats: JSON lines (the event
// contract of shared/eval/README.md), a JSON array, CSV, and a readable table.
package output

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"entente/internal/model"
)

// Event is the contract's JSON shape of an event.
type Event struct {
	ID         string              `json:"id"`
	Type       string              `json:"type"`
	Mode       string              `json:"mode"`
	Status     string              `json:"status"`
	Actors     []model.Actor       `json:"actors"`
	Date       *Date               `json:"date,omitempty"`
	Location   *model.Location     `json:"location,omitempty"`
	Sources    []model.Source      `json:"sources"`
	Confidence float64             `json:"confidence"`
	Explain    []model.Explanation `json:"explain,omitempty"`
}

// Date is the contract's date: start and end as YYYY-MM-DD, YYYY-MM, YYYY
// or --MM-DD.
type Date struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

// FromModel converts an event to its contract shape.
func FromModel(e *model.Event) Event {
	out := Event{ID: e.ID, Type: e.Type, Mode: e.Mode, Status: e.Status, Actors: e.Actors,
		Location: e.Location, Sources: e.Sources, Confidence: round2(e.Confidence), Explain: e.Explain}
	if !e.Date.IsZero() {
		out.Date = &Date{Start: e.Date.From.String(), End: e.Date.To.String()}
	}
	if out.Actors == nil {
		out.Actors = []model.Actor{}
	}
	return out
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

// Formats lists the names Write accepts.
var Formats = []string{"jsonl", "json", "csv", "table"}

// Write writes events in the named format.
func Write(w io.Writer, format string, evs []model.Event) error {
	ew, err := NewWriter(w, format)
	if err != nil {
		return err
	}
	for i := range evs {
		if err := ew.Write(&evs[i]); err != nil {
			return err
		}
	}
	return ew.Close()
}

// Writer writes events one at a time, so that a caller need not hold them
// all: jsonl, json and csv go out as they come; the table is aligned (and
// so held) until Close.
type Writer struct {
	format string
	w      io.Writer
	enc    *json.Encoder
	cw     *csv.Writer
	tw     *tabwriter.Writer
	n      int
}

// NewWriter returns a Writer of the named format; Close must be called.
func NewWriter(w io.Writer, format string) (*Writer, error) {
	ew := &Writer{format: format, w: w}
	switch format {
	case "jsonl", "json":
		ew.enc = json.NewEncoder(w)
		ew.enc.SetEscapeHTML(false)
		if format == "json" {
			ew.enc.SetIndent("  ", "  ")
		}
	case "csv":
		ew.cw = csv.NewWriter(w)
		_ = ew.cw.Write([]string{"id", "type", "mode", "status", "date_start", "date_end", "actors", "codes", "location", "docs", "confidence"})
	case "table":
		ew.tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(ew.tw, "DATE\tTYPE\tSTATUS\tACTORS\tPLACE\tSOURCES")
	default:
		return nil, fmt.Errorf("output: unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
	}
	return ew, nil
}

// Write writes one event.
func (ew *Writer) Write(e *model.Event) error {
	ew.n++
	switch ew.format {
	case "jsonl":
		if err := ew.enc.Encode(FromModel(e)); err != nil {
			return fmt.Errorf("output: %w", err)
		}
	case "json":
		sep := ",\n  "
		if ew.n == 1 {
			sep = "[\n  "
		}
		if _, err := io.WriteString(ew.w, sep); err != nil {
			return fmt.Errorf("output: %w", err)
		}
		// Encode ends with a newline: the separator's own goes after it.
		var buf strings.Builder
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("  ", "  ")
		if err := enc.Encode(FromModel(e)); err != nil {
			return fmt.Errorf("output: %w", err)
		}
		if _, err := io.WriteString(ew.w, strings.TrimSuffix(buf.String(), "\n")); err != nil {
			return fmt.Errorf("output: %w", err)
		}
	case "csv":
		var start, end, loc string
		if !e.Date.IsZero() {
			start, end = e.Date.From.String(), e.Date.To.String()
		}
		if e.Location != nil {
			loc = e.Location.Name
		}
		return ew.cw.Write([]string{e.ID, e.Type, e.Mode, e.Status, start, end, actorNames(e), strings.Join(e.Codes(), ";"), loc, docs(e), fmt.Sprintf("%.2f", e.Confidence)})
	case "table":
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
		fmt.Fprintf(ew.tw, "%s\t%s\t%s\t%s\t%s\t%s\n", date, typ, e.Status, actorNames(e), loc, docs(e))
	}
	return nil
}

// Close ends the output (the json array's bracket, the table's alignment).
func (ew *Writer) Close() error {
	switch ew.format {
	case "json":
		end := "\n]\n"
		if ew.n == 0 {
			end = "[]\n"
		}
		if _, err := io.WriteString(ew.w, end); err != nil {
			return fmt.Errorf("output: %w", err)
		}
	case "csv":
		ew.cw.Flush()
		return ew.cw.Error()
	case "table":
		return ew.tw.Flush()
	}
	return nil
}

func actorNames(e *model.Event) string {
	parts := make([]string, 0, len(e.Actors))
	for _, a := range e.Actors {
		if a.Kind == string(model.KindState) || a.Name == "" {
			parts = append(parts, a.Code)
			continue
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", a.Name, a.Code))
	}
	return strings.Join(parts, ", ")
}

func docs(e *model.Event) string { return strings.Join(e.Docs(), " ") }
