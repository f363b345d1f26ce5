package text

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"entente/internal/langid"
	"entente/internal/model"
)

func TestZZDev(t *testing.T) {
	f := os.Getenv("DEVDOC")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	text := string(b)
	doc := &model.Document{Text: text}
	off := 0
	for _, blk := range strings.Split(text, "\n\n") {
		s := off
		off += len(blk) + 2
		if strings.HasPrefix(blk, "date ") {
			continue
		}
		if strings.TrimSpace(blk) != "" {
			doc.Body = append(doc.Body, model.Span{Start: s, End: s + len(blk)})
		}
	}
	langid.Annotate(doc)
	fmt.Println("LANG", doc.Lang, doc.ParaLang)
	for _, s := range Sentences(doc) {
		fmt.Printf("%d| %s\n", s.Para, strings.ReplaceAll(text[s.Start:s.End], "\n", "⏎"))
	}
}
