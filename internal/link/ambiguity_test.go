package link_test

import (
	"strings"
	"testing"

	"entente/internal/model"
)

// TestAmbiguousNames checks family names shared by several people and short
// forms: they link only when context decides (an earlier full mention, a
// title, the date); otherwise the mention stays unlinked, keeping its state
// when every candidate shares it. A wrong link is worse than none.
func TestAmbiguousNames(t *testing.T) {
	tests := []struct {
		name, lang, date, text string
		mention                string // the mention's text
		wantID, wantCode       string // "" ID: unlinked; "" code: no state either
	}{
		// No context: unlinked.
		{"Kim alone (two Koreas)", "en", "2024-06-01", "Kim said the talks would go on.", "Kim", "", ""},
		{"Ким alone", "ru", "2024-06-01", "Ким заявил журналистам.", "Ким", "", ""},
		{"Lee alone", "en", "2025-07-01", "Lee said the talks would go on.", "Lee", "", ""},
		{"Ли alone", "ru", "2024-06-01", "Ли заявил журналистам.", "Ли", "", ""},
		{"Иванов alone", "ru", "2024-06-01", "Иванов заявил журналистам.", "Иванов", "", ""},
		{"Wang alone keeps China", "de", "2024-06-01", "Wang sagte, die Gespräche gingen weiter.", "Wang", "", "CHN"},
		{"Ван alone keeps China", "ru", "2024-06-01", "Ван заявил журналистам.", "Ван", "", "CHN"},
		// An earlier full mention decides.
		{"Wang after Wang Yi", "de", "2024-06-01", "Wang Yi traf Annalena Baerbock. Wang sagte, die Gespräche gingen weiter.", "Wang", "wang-yi", "CHN"},
		{"Ли after Ли Цян", "ru", "2024-06-01", "Ли Цян прибыл в Берлин. Ли заявил журналистам, что переговоры продолжатся.", "Ли", "li-qiang", "CHN"},
		{"Kim after Kim Jong Un", "en", "2024-06-01", "Kim Jong Un met Vladimir Putin. Kim said the talks would go on.", "Kim", "kim-jong-un", "PRK"},
		{"Кима after Ким Чен Ын", "ru", "2024-06-01", "Ким Чен Ын встретился с Путиным. Слова Кима повторили в Пхеньяне.", "Кима", "kim-jong-un", "PRK"},
		{"Lee after Lee Jae-myung", "en", "2025-07-01", "Lee Jae-myung spoke in Seoul. Lee said the talks would go on.", "Lee", "lee-jae-myung", "KOR"},
		// Two people of the family named earlier: undecided, their state kept.
		{"Kim after two Kims of the North", "en", "2024-06-01", "Kim Jong Un and Kim Yo Jong spoke. Kim said the talks would go on.", "Kim", "", "PRK"},
		// Words first: common words that spell a family name, a regnal
		// number, a German genitive of a short family name.
		{"German noun that is a family name", "de", "", "Wir wollen nicht, dass die Deutschen hier die dominierende Kraft sind.", "Kraft", "", ""},
		{"German noun that is a leader's family name", "de", "", "Der Frieden in Europa ist bedroht.", "Frieden", "", ""},
		{"Rada is the parliament", "ru", "2025-03-04", "Председатель Верховной Рады заявил об этом.", "Рады", "", ""},
		{"regnal number", "ru", "2022-01-01", "Это был второй визит. Второй раз они встретились в Лондоне.", "Второй", "", ""},
		{"genitive of a pact", "de", "", "Staaten des Warschauer Pakts.", "Pakts", "", ""},
		{"no date: a minister's family name alone", "de", "", "Lawrow sagte, die Gespräche gingen weiter.", "Lawrow", "", ""},
		{"no date: a leader's family name alone", "de", "", "Putin sagte, die Gespräche gingen weiter.", "Putin", "vladimir-putin", "RUS"},
		{"with a date: a minister's family name alone", "de", "2024-11-01", "Lawrow sagte, die Gespräche gingen weiter.", "Lawrow", "sergei-lavrov", "RUS"},
		// A title decides.
		{"title and family name", "de", "2024-06-01", "Chinas Außenminister Wang sagte, die Gespräche gingen weiter.", "Außenminister Wang", "wang-yi", "CHN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := mentions(t, tt.lang, tt.date, tt.text)
			var found *model.Mention
			var all []string
			for i, m := range ms {
				all = append(all, m.Text+"="+m.ID+"/"+m.Code+" ("+strings.Join(m.Why, "; ")+")")
				if strings.Contains(m.Text, tt.mention) && m.Start >= strings.LastIndex(tt.text, tt.mention)-len(tt.mention)-25 && m.End >= strings.LastIndex(tt.text, tt.mention)+len(tt.mention) {
					found = &ms[i]
				}
			}
			if tt.wantID == "" && tt.wantCode == "" {
				if found != nil && (found.ID != "" || found.Code != "") {
					t.Errorf("%q: want %q unlinked, got %v", tt.text, tt.mention, all)
				}
				return
			}
			if found == nil || found.ID != tt.wantID || found.Code != tt.wantCode {
				t.Errorf("%q: want %q as %q/%s, got %v", tt.text, tt.mention, tt.wantID, tt.wantCode, all)
			}
		})
	}
}
