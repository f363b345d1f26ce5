package langid

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSentenceTables detects the language of every sentence of the
// per-sentence tables (internal/pipeline/testdata/sentences/LANG.tsv,
// written for the tests): each one alone, a document of one sentence,
// must be read as the language of its table.
func TestSentenceTables(t *testing.T) {
	id := std()
	for _, lang := range []string{"de", "en", "ru", "uk"} {
		path := filepath.Join("..", "pipeline", "testdata", "sentences", lang+".tsv")
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		n, bad := 0, 0
		for line := 1; sc.Scan(); line++ {
			row := sc.Text()
			if row == "" || row[0] == '#' {
				continue
			}
			fields := strings.Split(row, "\t")
			if len(fields) != 3 {
				continue
			}
			text := strings.ReplaceAll(fields[1], " ¶ ", "\n")
			n++
			if got, conf := id.Detect(text); got != lang {
				bad++
				t.Errorf("%s.tsv:%d: Detect(%q) = %s (%.2f), want %s", lang, line, text, got, conf, lang)
			}
		}
		f.Close()
		if n == 0 {
			t.Errorf("%s: no sentences read", path)
		}
	}
}
