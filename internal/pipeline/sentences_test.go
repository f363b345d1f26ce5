package pipeline

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// sentenceLangs are the languages of testdata/sentences/LANG.tsv.
var sentenceLangs = []string{"de", "en", "ru", "uk"}

// sentenceCase is one line of testdata/sentences/LANG.tsv.
type sentenceCase struct {
	lang, category, text, right string
	line                        int
}

func readSentences(t *testing.T, lang string) []sentenceCase {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "sentences", lang+".tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []sentenceCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			t.Fatalf("%s.tsv:%d: want category<TAB>sentence<TAB>right answer", lang, n)
		}
		out = append(out, sentenceCase{lang: lang, category: f[0], text: f[1], right: f[2], line: n})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// parenthetical matches a remark in a right answer: "(ACCUSE accepted)".
var parenthetical = regexp.MustCompile(`\s*\([^)]*\)`)

// rightLines returns the event lines of a right answer, sorted.
func rightLines(right string) []string {
	right = parenthetical.ReplaceAllString(right, "")
	if strings.TrimSpace(right) == "none" {
		return nil
	}
	var out []string
	for _, l := range strings.Split(right, ";") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	slices.Sort(out)
	return out
}

// dated matches the date at the end of an event line.
var dated = regexp.MustCompile(` (\d{4}|--)[-\d.]*$`)

// asRight reports whether the event lines got are the right ones. A right
// line without a date leaves the date open (an undated report takes its
// document's day).
func asRight(got, right []string) bool {
	if len(got) != len(right) {
		return false
	}
	matched := make([]bool, len(got))
	for _, r := range right {
		found := false
		for i, l := range got {
			if matched[i] {
				continue
			}
			if !dated.MatchString(r) {
				l = dated.ReplaceAllString(l, "")
			}
			if l == r {
				matched[i], found = true, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// sentenceLines runs one sentence as a document published on Friday
// 2024-05-10 and returns its events as sorted model.Event.Line strings.
// " ¶ " separates paragraphs, for a sentence that must not stand in the
// lead paragraph.
func sentenceLines(p *Pipeline, text string) []string {
	text = strings.ReplaceAll(text, " ¶ ", "\n\n")
	r := p.Process(p.ParseText("sentence.txt", "date 2024-05-10\n\n"+text+"\n"))
	var got []string
	for i := range r.Events {
		got = append(got, r.Events[i].Line())
	}
	slices.Sort(got)
	return got
}

// TestSentenceGolden runs every sentence of testdata/sentences (at least 60
// per language, written for the tests) and compares each one's events —
// roles, type, mode, status and date — with testdata/sentences.golden,
// which also shows the right answer and whether entente gives it (ok) or
// not (GAP). Rewrite with -update after a change that is meant.
func TestSentenceGolden(t *testing.T) {
	p := testPipeline(t)
	var buf bytes.Buffer
	buf.WriteString("# Events of testdata/sentences/LANG.tsv, one sentence a line (regenerate with -update):\n")
	buf.WriteString("# lang:line<TAB>category<TAB>ok|GAP<TAB>what entente gives<TAB>the right answer\n")
	for _, lang := range sentenceLangs {
		cases := readSentences(t, lang)
		if len(cases) < 60 {
			t.Errorf("%s: %d sentences, want at least 60", lang, len(cases))
		}
		ok := 0
		var rows []string
		for _, c := range cases {
			got := sentenceLines(p, c.text)
			mark := "GAP"
			if asRight(got, rightLines(c.right)) {
				mark = "ok"
				ok++
			}
			gotS := strings.Join(got, "; ")
			if gotS == "" {
				gotS = "none"
			}
			rows = append(rows, fmt.Sprintf("%s:%d\t%s\t%s\t%s\t%s", lang, c.line, c.category, mark, gotS, c.right))
		}
		fmt.Fprintf(&buf, "# %s: %d of %d as right\n", lang, ok, len(cases))
		for _, r := range rows {
			buf.WriteString(r + "\n")
		}
	}
	golden := filepath.Join("testdata", "sentences.golden")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		gotL, wantL := strings.Split(buf.String(), "\n"), strings.Split(string(want), "\n")
		shown := 0
		for i := 0; i < max(len(gotL), len(wantL)) && shown < 20; i++ {
			var g, w string
			if i < len(gotL) {
				g = gotL[i]
			}
			if i < len(wantL) {
				w = wantL[i]
			}
			if g != w {
				t.Errorf("line %d:\n got  %s\n want %s", i+1, g, w)
				shown++
			}
		}
	}
}
