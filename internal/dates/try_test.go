package dates

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"entente/internal/model"
)

func TestTryDocs(t *testing.T) {
	dir := os.Getenv("DOCS")
	if dir == "" {
		t.Skip()
	}
	f, _ := New()
	files, _ := filepath.Glob(dir + "/*.txt")
	for _, fn := range files {
		b, _ := os.ReadFile(fn)
		base := filepath.Base(fn)
		lang := "en"
		switch {
		case strings.HasPrefix(base, "de_"):
			lang = "de"
		case strings.HasPrefix(base, "kr_"):
			lang = "ru"
		case strings.HasPrefix(base, "uk_"):
			lang = "uk"
		}
		if l := os.Getenv("LANG1"); l != "" {
			lang = l
		}
		text := string(b)
		ex := f.Find(text, 0, lang)
		Resolve(ex, pubFromName(base))
		for _, e := range ex {
			lo, hi := max(0, e.Start-25), min(len(text), e.End+15)
			for lo > 0 && !isStart(text[lo]) {
				lo--
			}
			for hi < len(text) && !isStart(text[hi]) {
				hi++
			}
			ctx := strings.ReplaceAll(text[lo:hi], "\n", "⏎")
			fmt.Printf("%s\t%s..%s\trel=%v\t%q\t%s\n", base, e.Value.From, e.Value.To, e.Relative, e.Text, ctx)
		}
	}
}

func isStart(c byte) bool { return c < 0x80 || c >= 0xC0 }

func pubFromName(n string) (p model.Point) {
	var y, m, d int
	if i := strings.Index(n, "isw_20"); i >= 0 {
		fmt.Sscanf(n[i+4:], "%d-%d-%d", &y, &m, &d)
	}
	p.Year, p.Month, p.Day = y, m, d
	return
}
