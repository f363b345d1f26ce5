package dates_test

import (
	"fmt"

	"entente/internal/dates"
	"entente/internal/model"
)

func Example() {
	f, err := dates.New()
	if err != nil {
		panic(err)
	}
	text := "Am Donnerstag sagte er, das Treffen vom 9. bis 11. Juli sei seit Juli 2023 geplant."
	exprs := f.Find(text, 0, "de")
	dates.Resolve(exprs, model.Point{Year: 2024, Month: 7, Day: 5})
	for _, e := range exprs {
		fmt.Printf("%s: %s..%s\n", e.Text, e.Value.From, e.Value.To)
	}
	// Output:
	// Donnerstag: 2024-07-04..2024-07-04
	// 9. bis 11. Juli: 2024-07-09..2024-07-11
	// Juli 2023: 2023-07..2023-07
}
