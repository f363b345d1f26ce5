// Package output writes events in entente's formats. Each format is a Writer
// (events in, one at a time; bytes out) registered by name in the table of
// formats below: JSON lines (the event contract of shared/eval/README.md), a
// JSON array, CSV, and a readable table. Help texts and the error for an
// unknown --format name come from the same table, so a new format is one
// file with its Writer plus one row.
package output

import (
	"fmt"
	"io"
	"strings"

	"entente/internal/model"
)

// Writer writes events one at a time, so that a caller need not hold them
// all. Close ends the output (a JSON array's bracket, a table's alignment)
// and must be called once, after the last Write.
type Writer interface {
	Write(e *model.Event) error
	Close() error
}

// Format is one output format: its name on the command line, a one-line
// description, and the constructor of its Writer.
type Format struct {
	Name string
	Help string
	New  func(w io.Writer) Writer
}

// formats is the registry of output formats, in the order help lists them.
var formats = []Format{
	{"jsonl", "one JSON object a line (the event contract)", newJSONL},
	{"json", "a JSON array of the same objects, indented", newJSON},
	{"csv", "one row per event with a header row", newCSV},
	{"table", "aligned columns for reading on a terminal", newTable},
}

// Formats returns the registered formats in help order.
func Formats() []Format { return append([]Format(nil), formats...) }

// Names returns the names of the registered formats, in help order.
func Names() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.Name
	}
	return names
}

// Help describes the formats for a --format flag: "jsonl, json, csv, table".
func Help() string { return strings.Join(Names(), ", ") }

// UnknownFormatError is NewWriter's error for a name no format has.
type UnknownFormatError struct{ Name string }

func (e *UnknownFormatError) Error() string {
	return fmt.Sprintf("output: unknown format %q (want one of %s)", e.Name, Help())
}

// NewWriter returns a Writer of the named format writing to w; Close must
// be called. An unknown name gives an *UnknownFormatError.
func NewWriter(w io.Writer, name string) (Writer, error) {
	for _, f := range formats {
		if f.Name == name {
			return f.New(w), nil
		}
	}
	return nil, &UnknownFormatError{Name: name}
}

// Write writes events in the named format.
func Write(w io.Writer, name string, evs []model.Event) error {
	ew, err := NewWriter(w, name)
	if err != nil {
		return err
	}
	return WriteAll(ew, evs)
}

// WriteAll writes events with ew and closes it.
func WriteAll(ew Writer, evs []model.Event) error {
	for i := range evs {
		if err := ew.Write(&evs[i]); err != nil {
			return err
		}
	}
	return ew.Close()
}

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
	// SourcesMore counts the sources left out (events --limit).
	SourcesMore int `json:"sources_more,omitempty"`
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
		Location: e.Location, Sources: e.Sources, Confidence: round2(e.Confidence), Explain: e.Explain, SourcesMore: e.SourcesMore}
	if !e.Date.IsZero() {
		out.Date = &Date{Start: e.Date.From.String(), End: e.Date.To.String()}
	}
	if out.Actors == nil {
		out.Actors = []model.Actor{}
	}
	return out
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

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
