package langid_test

import (
	"fmt"

	"entente/internal/langid"
)

func ExampleDetect() {
	for _, s := range []string{"Зустріч відбулася у Києві", "Встреча прошла в Москве", "Gespräche über Frieden", "Talks on peace"} {
		lang, _ := langid.Detect(s)
		fmt.Println(lang)
	}
	// Output:
	// uk
	// ru
	// de
	// en
}
