package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"entente/internal/model"
)

// jsonlWriter writes one contract object a line.
type jsonlWriter struct {
	w   io.Writer
	enc *json.Encoder
	src bytes.Buffer // one source (stream)
	one *json.Encoder
}

var _ Writer = (*jsonlWriter)(nil)

func newJSONL(w io.Writer) Writer {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	jw := &jsonlWriter{w: w, enc: enc}
	jw.one = json.NewEncoder(&jw.src)
	jw.one.SetEscapeHTML(false)
	return jw
}

// streamFrom is the number of sources from which an event's line is
// written in pieces: one long document can make an event of a million
// sources, whose line in one piece would take as much memory again as its
// sources.
const streamFrom = 1024

func (jw *jsonlWriter) Write(e *model.Event) error {
	out := FromModel(e)
	if len(out.Sources) >= streamFrom {
		return jw.stream(out)
	}
	if err := jw.enc.Encode(out); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	return nil
}

// sourcesKey is how the (empty) sources of an Event encode: a key can be
// nowhere else in the line, since quotes inside strings are escaped.
const sourcesKey = `,"sources":[]`

// stream writes the same line as Encode, in pieces of about 64 KB, the
// sources encoded one at a time.
func (jw *jsonlWriter) stream(out Event) error {
	srcs := out.Sources
	out.Sources = []model.Source{}
	if err := jw.one.Encode(out); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	head, tail, ok := bytes.Cut(jw.src.Bytes(), []byte(sourcesKey))
	if !ok {
		return fmt.Errorf("output: no sources in %s", out.ID)
	}
	buf := make([]byte, 0, 80<<10)
	buf = append(append(buf, head...), sourcesKey[:len(sourcesKey)-1]...)
	tail = append([]byte{']'}, tail...)
	for i := range srcs {
		jw.src.Reset()
		if err := jw.one.Encode(&srcs[i]); err != nil {
			return fmt.Errorf("output: %w", err)
		}
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, jw.src.Bytes()[:jw.src.Len()-1]...) // without Encode's newline
		if len(buf) >= 64<<10 {
			if _, err := jw.w.Write(buf); err != nil {
				return fmt.Errorf("output: %w", err)
			}
			buf = buf[:0]
		}
	}
	jw.src.Reset()
	if _, err := jw.w.Write(append(buf, tail...)); err != nil {
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
