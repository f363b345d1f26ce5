package text

import "testing"

// TestStemGroups checks that inflected forms share a stem.
func TestStemGroups(t *testing.T) {
	tests := []struct {
		name  string
		lang  string
		forms []string
	}{
		// Ukrainian.
		{"uk Росія", "uk", []string{"Росія", "Росії", "Росією", "Росію"}},
		{"uk Китай", "uk", []string{"Китай", "Китаю", "Китаєм", "Китаї"}},
		{"uk Корея", "uk", []string{"Корея", "Кореї", "Кореєю", "Корею"}},
		{"uk Іран", "uk", []string{"Іран", "Ірану", "Іраном", "Ірані"}},
		{"uk Україна", "uk", []string{"Україна", "України", "Україні", "Україною", "Україну"}},
		{"uk зустрітися", "uk", []string{"зустрівся", "зустрілися", "зустрілася"}},
		{"uk заявити", "uk", []string{"заявив", "заявила", "заявили"}},
		{"uk сказати", "uk", []string{"сказав", "сказала", "сказали"}},
		{"uk підтримувати", "uk", []string{"підтримує", "підтримують"}},
		{"uk провести", "uk", []string{"провели", "провела"}},
		{"uk російський", "uk", []string{"російський", "російська", "російського", "російської", "російською", "російських", "російському", "російськими", "російські"}},
		{"uk президент", "uk", []string{"президент", "президента", "президентом", "президенту", "президенти", "президентів"}},
		{"uk міністр", "uk", []string{"міністр", "міністра", "міністром", "міністрів", "міністрами", "міністрах"}},
		{"uk Зеленський", "uk", []string{"Зеленський", "Зеленського", "Зеленському", "Зеленським"}},
		{"uk переговори", "uk", []string{"переговори", "переговорів", "переговорах", "переговорами"}},
		{"uk угода", "uk", []string{"угода", "угоди", "угоді", "угодою", "угоду"}},
		{"uk зустріч", "uk", []string{"зустріч", "зустрічі", "зустріччю"}},
		{"uk Німеччина", "uk", []string{"Німеччина", "Німеччини", "Німеччиною", "Німеччині"}},
		{"uk санкції", "uk", []string{"санкція", "санкції", "санкцій", "санкціями", "санкціях"}},
		{"uk Туреччина", "uk", []string{"Туреччина", "Туреччини", "Туреччиною"}},
		{"uk країна", "uk", []string{"країна", "країни", "країною", "країнам", "країнами"}},
		{"uk уряд", "uk", []string{"уряд", "уряду", "урядом", "уряди"}},
		// Russian, Snowball.
		{"ru Россия", "ru", []string{"Россия", "России", "Россией", "Россию"}},
		{"ru переговоры", "ru", []string{"переговоры", "переговоров", "переговорах"}},
		{"ru заявить", "ru", []string{"заявил", "заявила", "заявили"}},
		{"uk результат", "uk", []string{"результат", "результати", "результатів", "результатами"}},
		// German, Snowball.
		{"de Russland", "de", []string{"Russland", "Russlands"}},
		{"de Gespräch", "de", []string{"Gespräch", "Gespräche", "Gesprächen"}},
		// English, Snowball.
		{"en meet", "en", []string{"meeting", "meetings"}},
		{"en sanction", "en", []string{"sanction", "sanctions", "sanctioned"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := std().Stem(tt.lang, std().Normalize(tt.forms[0]))
			for _, f := range tt.forms[1:] {
				if got := std().Stem(tt.lang, std().Normalize(f)); got != want {
					t.Errorf("std().Stem(%s, %q) = %q, std().Stem(%q) = %q: want equal", tt.lang, f, got, tt.forms[0], want)
				}
			}
		})
	}
}

func TestStem(t *testing.T) {
	tests := []struct {
		name, lang, in, want string
	}{
		{"ru Россией", "ru", "россией", "росс"},
		{"de Russlands", "de", "russlands", "russland"},
		{"en running", "en", "running", "run"},
		{"uk Росії", "uk", "росії", "рос"},
		{"uk short word kept", "uk", "сша", "сша"},
		{"uk acronym kept", "uk", "єс", "єс"},
		{"number kept", "uk", "2025", "2025"},
		{"latin in uk text uses english", "uk", "sanctions", "sanction"},
		{"cyrillic in en text uses russian", "en", "россией", "росс"},
		{"ukrainian letters in ru text", "ru", "росії", "рос"},
		{"unknown language latin", "", "meetings", "meet"},
		{"apostrophe word", "uk", "прем'єра", "прем'єр"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := std().Stem(tt.lang, tt.in); got != tt.want {
				t.Errorf("std().Stem(%q, %q) = %q, want %q", tt.lang, tt.in, got, tt.want)
			}
		})
	}
}
