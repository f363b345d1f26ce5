package langid_test

import (
	"fmt"

	"entente/internal/langid"
)

func ExampleIdentifier_Detect() {
	id, err := langid.New()
	if err != nil {
		panic(err)
	}
	for _, s := range []string{"Зустріч відбулася у Києві", "Встреча прошла в Москве", "Gespräche über Frieden", "Talks on peace"} {
		lang, _ := id.Detect(s)
		fmt.Println(lang)
	}
	// Output:
	// uk
	// ru
	// de
	// en
}
