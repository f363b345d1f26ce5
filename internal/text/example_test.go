package text_test

import (
	"fmt"

	"entente/internal/model"
	"entente/internal/text"
)

func ExampleAnalyzer_LatinKey() {
	a, err := text.New()
	if err != nil {
		panic(err)
	}
	for _, s := range []string{"Schoigu", "Shoigu", "Шойгу", "Selenskyj", "Зеленський"} {
		fmt.Println(s, a.LatinKey(s))
	}
	// Output:
	// Schoigu shoihu
	// Shoigu shoihu
	// Шойгу shoihu
	// Selenskyj selenski
	// Зеленський selenski
}

func ExampleAnalyzer_Sentences() {
	a, err := text.New()
	if err != nil {
		panic(err)
	}
	s := "Kanzler in Paris\nAm 28. Februar traf Dr. Weber den Präsidenten. Sie sprachen u.a. über die Ukraine."
	doc := &model.Document{Text: s, Body: []model.Span{{Start: 0, End: len(s)}}, Lang: "de"}
	for _, sn := range a.Sentences(doc) {
		fmt.Printf("%q (%d tokens)\n", s[sn.Start:sn.End], len(sn.Tokens))
	}
	// Output:
	// "Kanzler in Paris" (3 tokens)
	// "Am 28. Februar traf Dr. Weber den Präsidenten." (11 tokens)
	// "Sie sprachen u.a. über die Ukraine." (10 tokens)
}

func ExampleAnalyzer_Stem() {
	a, err := text.New()
	if err != nil {
		panic(err)
	}
	for _, w := range []string{"Росії", "Росією", "Китаєм", "Китаю"} {
		fmt.Println(w, a.Stem("uk", a.Normalize(w)))
	}
	// Output:
	// Росії рос
	// Росією рос
	// Китаєм кита
	// Китаю кита
}
