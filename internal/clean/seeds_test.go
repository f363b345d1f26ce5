package clean

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"entente/internal/model"
)

// seedsDir holds real articles shared by the project, outside the module.
const seedsDir = "../../../shared/seeds"

// bodyText joins the kept body spans with newlines.
func bodyText(doc *model.Document) string {
	var b strings.Builder
	for _, s := range doc.Body {
		b.WriteString(doc.Text[s.Start:s.End])
		b.WriteByte('\n')
	}
	return b.String()
}

// TestSeeds cleans the real seed articles: known boilerplate lines must be
// gone, while every line holding a date or a digit-bearing sentence stays.
func TestSeeds(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(seedsDir, "*.txt"))
	if len(files) == 0 {
		t.Skipf("no seed articles in %s (shared folder absent): skipping", seedsDir)
	}
	c := newCleaner(t)
	gone := []string{"Коментарі — 0", "Комментировать", "Lesen Sie auch", "Ich möchte eingebundene Social Media Inhalte sehen", "Inhalt erlauben"}
	digit := regexp.MustCompile(`[0-9]`)
	for _, f := range files {
		doc, err := parser.ReadFile(f, model.Point{})
		if err != nil {
			t.Fatal(err)
		}
		c.Clean(doc)
		kept := bodyText(doc)
		checkSpans(t, doc)
		for _, line := range strings.Split(kept, "\n") {
			for _, g := range gone {
				if strings.Contains(line, g) {
					t.Errorf("%s: boilerplate %q kept in %q", filepath.Base(f), g, line)
				}
			}
		}
		// Every original line with a digit and a sentence end stays whole.
		for _, line := range strings.Split(doc.Text, "\n") {
			line = strings.TrimSpace(line)
			if digit.MatchString(line) && strings.ContainsAny(line, ".!?") && !strings.Contains(kept, line) {
				// The inline date header is metadata, not body.
				if rest, ok := strings.CutPrefix(line, "date "); ok && strings.Contains(kept, rest[strings.IndexByte(rest, ' ')+1:]) {
					continue
				}
				t.Errorf("%s: news line lost or cut: %q", filepath.Base(f), line)
			}
		}
		if testing.Verbose() {
			removed := removedText(doc)
			t.Logf("%s: removed %q", filepath.Base(f), removed)
		}
	}
}

// removedText lists the non-blank text of the document outside Body and
// metadata, line by line.
func removedText(doc *model.Document) []string {
	var out []string
	pos := 0
	add := func(s string) {
		for _, l := range strings.Split(s, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				out = append(out, l)
			}
		}
	}
	for _, s := range doc.Body {
		add(doc.Text[pos:s.Start])
		pos = s.End
	}
	add(doc.Text[pos:])
	return out
}

func checkSpans(t *testing.T, doc *model.Document) {
	t.Helper()
	prev := 0
	for i, s := range doc.Body {
		if s.Start < prev || s.End <= s.Start || s.End > len(doc.Text) {
			t.Fatalf("span %d %v out of order or bounds (prev end %d, len %d)", i, s, prev, len(doc.Text))
		}
		prev = s.End
	}
}

func newCleaner(t testing.TB) *Cleaner {
	t.Helper()
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestDevDocs reports what Clean removes from the shared development
// articles; it checks only invariants, the log is for reading with -v.
func TestDevDocs(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/eval/dev/docs/*.txt")
	if len(files) == 0 {
		t.Skip("no development articles in ../../../shared/eval/dev/docs: skipping")
	}
	c := newCleaner(t)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc := parser.Parse(filepath.Base(f), f, string(b), model.Point{})
		c.Clean(doc)
		checkSpans(t, doc)
		if r := removedText(doc); testing.Verbose() && len(r) > 0 {
			t.Logf("%s: removed %q", doc.ID, r)
		}
	}
}
