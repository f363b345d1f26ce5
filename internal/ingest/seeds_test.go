package ingest

import (
	"os"
	"strings"
	"testing"

	"entente/internal/model"
)

// TestSeeds reads the real seed articles shared by the project: the text is
// kept byte for byte, spans are trimmed and in order, and a file opening with
// an inline "date YYYY-MM" header gets that date with the rest of its first
// line as body.
func TestSeeds(t *testing.T) {
	dir := "../../../shared/seeds"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no seed articles in %s (shared folder absent): skipping", dir)
	}
	var n int
	err := std().Walk([]string{dir}, model.Point{}, nil, func(doc *model.Document, err error) error {
		if err != nil {
			t.Error(err)
			return nil
		}
		n++
		prev := 0
		for _, s := range doc.Body {
			seg := doc.Text[s.Start:s.End]
			if s.Start < prev || strings.TrimSpace(seg) != seg || strings.Contains(seg, "\n\n") {
				t.Errorf("%s: bad span %v %q", doc.ID, s, seg)
			}
			prev = s.End
		}
		if d, ok := doc.Meta["date"]; ok {
			if doc.Published.IsZero() || len(doc.Body) == 0 {
				t.Errorf("%s: date %q but Published %v", doc.ID, d, doc.Published)
			}
			head := strings.TrimSpace(doc.Text[:doc.Body[0].Start])
			if head != "date "+d {
				t.Errorf("%s: text before the body is %q, want only the date header", doc.ID, head)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Skipf("no seed articles in %s: skipping", dir)
	}
}
