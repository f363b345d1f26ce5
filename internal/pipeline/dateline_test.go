package pipeline

import "testing"

// TestBodyDatelineDatesTheArticle: an article with no date of its own is
// dated by the agency dateline that opens its body ("КИЇВ. 19 листопада.
// УНН."), the title's events included, with the year left open when the
// dateline names none; a month of an unknown year dates nothing, rather
// than writing a date the contract has no form for.
func TestBodyDatelineDatesTheArticle(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"uk dateline without a year",
			"Україна і Польща провели переговори\n\nКИЇВ. 19 листопада. УНН. Міністри закордонних справ обох країн говорили про безпеку.",
			"--11-19"},
		{"ru dateline with a year",
			"Россия и Белоруссия провели переговоры\n\nМИНСК, 3 марта 2025 года. Министры обсудили сотрудничество.",
			"2025-03-03"},
		{"a month of an unknown year is no date",
			"Новини\n\nЄвропейські новини без дати.\n\nУкраїна і Польща у січні проведуть переговори у Варшаві.",
			""},
	}
	p := testPipeline(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := p.Process(p.ParseText("t.txt", tt.text))
			if len(r.Events) == 0 {
				t.Fatalf("no events; want one dated %q", tt.want)
			}
			for _, e := range r.Events {
				if got := e.Date.From.String(); got != tt.want {
					t.Errorf("%s: date %q, want %q", e.Line(), got, tt.want)
				}
			}
		})
	}
}
