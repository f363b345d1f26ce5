package output

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"entente/internal/model"
)

// jsonlWriter writes one contract object a line.
type jsonlWriter struct{ enc *json.Encoder }

var _ Writer = (*jsonlWriter)(nil)

func newJSONL(w io.Writer) Writer {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &jsonlWriter{enc: enc}
}

func (jw *jsonlWriter) Write(e *model.Event) error {
	if err := jw.enc.Encode(FromModel(e)); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	return nil
}

func (jw *jsonlWriter) Close() error { return nil }

// jsonWriter writes an indented JSON array, an element at a time.
type jsonWriter struct {
	w io.Writer
	n int
}

var _ Writer = (*jsonWriter)(nil)

func newJSON(w io.Writer) Writer { return &jsonWriter{w: w} }

func (jw *jsonWriter) Write(e *model.Event) error {
	jw.n++
	sep := ",\n  "
	if jw.n == 1 {
		sep = "[\n  "
	}
	// Encode ends with a newline: the separator's own goes after it.
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	if err := enc.Encode(FromModel(e)); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	if _, err := io.WriteString(jw.w, sep+strings.TrimSuffix(buf.String(), "\n")); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	return nil
}

func (jw *jsonWriter) Close() error {
	end := "\n]\n"
	if jw.n == 0 {
		end = "[]\n"
	}
	if _, err := io.WriteString(jw.w, end); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	return nil
}
