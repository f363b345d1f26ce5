package pipeline

import (
	"strings"
	"testing"
)

// TestRoleDateline checks the date roles are resolved on in a document
// without a publication date: its dateline (a day written with its year in
// the first paragraph) comes before a later, future date of the text, so
// that a title in an undated paragraph names the holder of the report's
// day.
func TestRoleDateline(t *testing.T) {
	tests := []struct{ name, text, title, want string }{
		{"ru dateline before a future date",
			"Ответы на вопросы журналистам\n\n19 февраля 2019 года, Санкт-Петербург. Президент ответил на вопросы.\n\nДоговор истекает в феврале 2026 года.\n\nКанцлер Германии позвонила в Кремль.",
			"Канцлер Германии", "angela-merkel"},
		{"de dateline before a future date",
			"Pressekonferenz\n\nParis, 3. März 2019. Der Minister sprach.\n\nDas Abkommen gilt bis Dezember 2026.\n\nDie deutsche Bundeskanzlerin rief in Paris an.",
			"Bundeskanzlerin", "angela-merkel"},
		{"uk dateline before a future date",
			"Заява\n\n3 березня 2019 року, Київ. Міністр виступив.\n\nУгода діє до грудня 2026 року.\n\nКанцлер Німеччини зателефонувала до Києва.",
			"Канцлер Німеччини", "angela-merkel"},
		{"en dateline before a future date",
			"Statement\n\nWashington, March 3, 2019. The minister spoke.\n\nThe treaty runs until December 2026.\n\nThe German chancellor called Washington.",
			"German chancellor", "angela-merkel"},
	}
	p := testPipeline(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := p.Process(p.ParseText("t.txt", tt.text))
			var got []string
			for _, ms := range r.Mentions {
				for _, m := range ms {
					if strings.Contains(m.Text, tt.title) {
						got = append(got, m.ID)
						if m.ID == tt.want {
							return
						}
					}
				}
			}
			t.Errorf("%q: want %s, got %v", tt.title, tt.want, got)
		})
	}
}
