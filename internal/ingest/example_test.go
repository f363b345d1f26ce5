package ingest_test

import (
	"fmt"

	"entente/internal/ingest"
	"entente/internal/model"
)

func ExampleParser_Parse() {
	parser, err := ingest.NewParser()
	if err != nil {
		panic(err)
	}
	doc := parser.Parse("a.txt", "a.txt", " date 2024-07 Erster Absatz.\n\nZweiter\nAbsatz.", model.Point{})
	fmt.Println(doc.Meta["date"], doc.Published)
	for _, s := range doc.Body {
		fmt.Printf("%q\n", doc.Text[s.Start:s.End])
	}
	// Output:
	// 2024-07 2024-07
	// "Erster Absatz."
	// "Zweiter\nAbsatz."
}
