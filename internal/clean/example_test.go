package clean_test

import (
	"fmt"

	"entente/internal/clean"
	"entente/internal/ingest"
	"entente/internal/model"
)

func ExampleCleaner_Clean() {
	c, err := clean.New()
	if err != nil {
		panic(err)
	}
	parser, err := ingest.NewParser()
	if err != nil {
		panic(err)
	}
	doc := parser.Parse("a.txt", "a.txt", "Die Minister teilen die Sorge. Teilen\n\nLesen Sie auch\n\nFoto: APA/Muster\nSie trafen sich am 3. Mai.", model.Point{})
	c.Clean(doc)
	for _, s := range doc.Body {
		fmt.Println(doc.Text[s.Start:s.End])
	}
	// Output:
	// Die Minister teilen die Sorge.
	// Sie trafen sich am 3. Mai.
}
