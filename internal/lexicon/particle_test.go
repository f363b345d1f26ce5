package lexicon

import (
	"strings"
	"testing"

	"entente/internal/model"
)

func TestParticleAfter(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
	}{
		{"particle closes the clause", "wies zwei Diplomaten aus .", true},
		{"particle before a comma", "wies die Zahlen aus , die", true},
		{"preposition inside the clause", "wies die Vorwürfe aus Berlin zurück .", false},
		{"particle after a comma belongs to another clause", "wies , dass er aus .", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var toks []model.Token
			for _, w := range strings.Fields(tc.text) {
				k := model.Word
				if w == "." || w == "," {
					k = model.Punct
				}
				toks = append(toks, model.Token{Text: w, Norm: strings.ToLower(w), Kind: k})
			}
			if got := particleAfter(toks, 1, "aus"); got != tc.want {
				t.Errorf("particleAfter(%q) = %v, want %v", tc.text, got, tc.want)
			}
		})
	}
}
