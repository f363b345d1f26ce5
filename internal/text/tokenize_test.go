package text

import (
	"strings"
	"testing"
	"unicode/utf8"

	"entente/internal/model"
)

// tok describes an expected token: its text and kind.
type tok struct {
	text string
	kind model.TokenKind
}

func w(s string) tok { return tok{s, model.Word} }
func n(s string) tok { return tok{s, model.Number} }
func p(s string) tok { return tok{s, model.Punct} }

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		lang string
		in   string
		want []tok
	}{
		{"empty", "en", "", nil},
		{"spaces", "en", " \n\t ", nil},
		{"de compound hyphen", "de", "Der US-Präsident kam.", []tok{w("Der"), w("US-Präsident"), w("kam"), p(".")}},
		{"uk apostrophe", "uk", "прем'єр-міністр", []tok{w("прем'єр-міністр")}},
		{"uk typographic apostrophe", "uk", "прем’єр", []tok{w("прем’єр")}},
		{"uk modifier apostrophe", "uk", "Підʼїзд", []tok{w("Підʼїзд")}},
		{"en korean name", "en", "Kim Jong-un said", []tok{w("Kim"), w("Jong-un"), w("said")}},
		{"en possessive", "en", "Lukashenko's claim", []tok{w("Lukashenko"), w("'s"), w("claim")}},
		{"en possessive curly", "en", "Russia’s army", []tok{w("Russia"), w("’s"), w("army")}},
		{"en contraction", "en", "don't", []tok{w("don't")}},
		{"date", "de", "am 28.02.2025 in", []tok{w("am"), n("28.02.2025"), w("in")}},
		{"thousands", "de", "1.000 Soldaten", []tok{n("1.000"), w("Soldaten")}},
		{"decimal comma", "de", "3,5 Prozent", []tok{n("3,5"), w("Prozent")}},
		{"ordinal day", "de", "am 26. Februar", []tok{w("am"), n("26"), p("."), w("Februar")}},
		{"year range en dash", "ru", "в 1940–1943 годах", []tok{w("в"), n("1940"), p("–"), n("1943"), w("годах")}},
		{"number hyphen number", "en", "2022-10-10", []tok{n("2022"), p("-"), n("10"), p("-"), n("10")}},
		{"number word hyphen", "ru", "к 80-летию", []tok{w("к"), w("80-летию")}},
		{"word number hyphen", "en", "Shahed-136 drones", []tok{w("Shahed-136"), w("drones")}},
		{"initial no space", "ru", "В.Путин :", []tok{w("В"), p("."), w("Путин"), p(":")}},
		{"guillemets", "ru", "«Свободная Франция»", []tok{p("«"), w("Свободная"), w("Франция"), p("»")}},
		{"ellipsis dots", "en", "Well...", []tok{w("Well"), p("."), p("."), p(".")}},
		{"trailing hyphen", "de", "Verteidigungs- und", []tok{w("Verteidigungs"), p("-"), w("und")}},
		{"dash between spaces", "de", "Paris – Bei", []tok{w("Paris"), p("–"), w("Bei")}},
		{"time", "ru", "21:25 Москва", []tok{n("21"), p(":"), n("25"), w("Москва")}},
		{"comma after number", "en", "2024, 5", []tok{n("2024"), p(","), n("5")}},
		{"url", "ru", "kremlin.ru", []tok{w("kremlin"), p("."), w("ru")}},
		{"soft hyphen inside word", "de", "Verteidi\u00adgung", []tok{w("Verteidi\u00adgung")}},
		{"stress mark", "ru", "Пу\u0301тин", []tok{w("Пу\u0301тин")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := std().Tokenize(tt.in, 0, tt.lang)
			var gs []tok
			for _, g := range got {
				gs = append(gs, tok{g.Text, g.Kind})
			}
			if len(gs) != len(tt.want) {
				t.Fatalf("std().Tokenize(%q) = %v, want %v", tt.in, gs, tt.want)
			}
			for i := range gs {
				if gs[i] != tt.want[i] {
					t.Errorf("token %d = %v, want %v", i, gs[i], tt.want[i])
				}
			}
		})
	}
}

func TestTokenFields(t *testing.T) {
	tests := []struct {
		name string
		lang string
		in   string
		base int
		want model.Token
	}{
		{"acronym", "uk", "НАТО", 10, model.Token{Start: 10, End: 18, Text: "НАТО", Norm: "нато", Stem: "нат", Key: "nato", Kind: model.Word, Cap: true, Upper: true}},
		{"capitalised ru", "ru", "России", 0, model.Token{Start: 0, End: 12, Text: "России", Norm: "россии", Stem: "росс", Key: "rosi", Kind: model.Word, Cap: true}},
		{"uk apostrophe", "uk", "Прем’єр", 0, model.Token{Start: 0, End: 15, Text: "Прем’єр", Norm: "прем'єр", Stem: "прем'єр", Key: "premier", Kind: model.Word, Cap: true}},
		{"de", "de", "Russlands", 5, model.Token{Start: 5, End: 14, Text: "Russlands", Norm: "russlands", Stem: "russland", Key: "ruslands", Kind: model.Word, Cap: true}},
		{"number", "de", "1.000", 0, model.Token{Start: 0, End: 5, Text: "1.000", Norm: "1.000", Stem: "1.000", Key: "1.000", Kind: model.Number}},
		{"quote", "ru", "«", 3, model.Token{Start: 3, End: 5, Text: "«", Norm: "\"", Stem: "\"", Kind: model.Punct}},
		{"single initial not upper", "ru", "В", 0, model.Token{Start: 0, End: 2, Text: "В", Norm: "в", Stem: "в", Key: "v", Kind: model.Word, Cap: true}},
		{"mixed case", "de", "US-Präsident", 0, model.Token{Start: 0, End: 13, Text: "US-Präsident", Norm: "us-präsident", Stem: "us-prasident", Key: "us prasident", Kind: model.Word, Cap: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := std().Tokenize(tt.in, tt.base, tt.lang)
			if len(got) != 1 {
				t.Fatalf("std().Tokenize(%q) = %d tokens, want 1: %+v", tt.in, len(got), got)
			}
			if got[0] != tt.want {
				t.Errorf("std().Tokenize(%q) =\n %+v, want\n %+v", tt.in, got[0], tt.want)
			}
		})
	}
}

func TestTokenizeConcurrent(t *testing.T) {
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan []model.Token)
	for range 4 {
		go func() { done <- a.Tokenize(benchText, 0, "de") }()
	}
	first := <-done
	for range 3 {
		other := <-done
		if len(other) != len(first) {
			t.Fatalf("token counts differ: %d vs %d", len(other), len(first))
		}
		for i := range first {
			if first[i] != other[i] {
				t.Fatalf("token %d differs: %+v vs %+v", i, first[i], other[i])
			}
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"", "Der US-Präsident kam am 28.02.2025.", "прем'єр-міністр «Мир»", "Kim Jong-un's 1.000 26.", "a-", "'s", "-1-", "\xff\xfe", "e\u0301\u00ad"} {
		f.Add(s, 7)
	}
	f.Fuzz(func(t *testing.T, s string, base int) {
		if base < 0 || base > 1<<20 {
			base = 0
		}
		toks := std().Tokenize(s, base, "en")
		last := base
		for i, tk := range toks {
			if tk.Start < last || tk.End <= tk.Start || tk.End > base+len(s) {
				t.Fatalf("token %d %+v: bad offsets (last end %d, len %d)", i, tk, last, len(s))
			}
			if s[tk.Start-base:tk.End-base] != tk.Text {
				t.Fatalf("token %d: text %q != s[%d:%d] %q", i, tk.Text, tk.Start-base, tk.End-base, s[tk.Start-base:tk.End-base])
			}
			if strings.TrimSpace(tk.Text) != tk.Text || tk.Text == "" {
				t.Fatalf("token %d %q: contains spaces or is empty", i, tk.Text)
			}
			if utf8.ValidString(s) && tk.Kind != model.Punct && tk.Norm == "" {
				t.Fatalf("token %d %q: empty norm", i, tk.Text)
			}
			last = tk.End
		}
	})
}
