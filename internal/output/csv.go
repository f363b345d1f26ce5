package output

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"entente/internal/model"
)

// CSVHeader is the header row of the csv format.
var CSVHeader = []string{"id", "type", "mode", "status", "date_start", "date_end", "actors", "codes", "location", "docs", "confidence"}

// csvWriter writes one row per event after a header row.
type csvWriter struct {
	cw     *csv.Writer
	header bool
}

var _ Writer = (*csvWriter)(nil)

func newCSV(w io.Writer) Writer { return &csvWriter{cw: csv.NewWriter(w)} }

func (c *csvWriter) writeHeader() error {
	if c.header {
		return nil
	}
	c.header = true
	return c.cw.Write(CSVHeader)
}

func (c *csvWriter) Write(e *model.Event) error {
	if err := c.writeHeader(); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	var start, end, loc string
	if !e.Date.IsZero() {
		start, end = e.Date.From.String(), e.Date.To.String()
	}
	if e.Location != nil {
		loc = e.Location.Name
	}
	row := []string{e.ID, e.Type, e.Mode, e.Status, start, end, actorNames(e), strings.Join(e.Codes(), ";"), loc, docs(e), fmt.Sprintf("%.2f", e.Confidence)}
	if err := c.cw.Write(row); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	return nil
}

func (c *csvWriter) Close() error {
	if err := c.writeHeader(); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	c.cw.Flush()
	if err := c.cw.Error(); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	return nil
}
