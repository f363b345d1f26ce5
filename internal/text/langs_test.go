package text

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestStemLanguageFromRegistry: the stemmer of a word is the one its row
// of languages.tsv names, and a new row brings a new language.
func TestStemLanguageFromRegistry(t *testing.T) {
	fr := fstest.MapFS{"text/languages.tsv": {Data: []byte("fr\tFrench\tlatin\tsnowball-french\n")}}
	a, err := New(fr)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, lang, word, want string
	}{
		{"French word, French stemmer", "fr", "nationales", "national"},
		{"same word in English text", "en", "nationales", "national"},
		{"Cyrillic word in a French text: Russian, the script's default", "fr", "переговоры", "переговор"},
		{"Ukrainian letter decides Ukrainian", "ru", "переговорів", std().Stem("uk", "переговорів")},
		{"unknown language: the script's default", "pl", "meetings", "meet"},
		{"no letters", "fr", "2024", "2024"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := a.Stem(tt.lang, tt.word); got != tt.want {
				t.Errorf("Stem(%s, %s) = %s, want %s", tt.lang, tt.word, got, tt.want)
			}
		})
	}
	if got := a.Languages().Help(); got != "de, en, ru, uk, fr" {
		t.Errorf("languages %s", got)
	}
}

func TestUnknownStemmer(t *testing.T) {
	_, err := New(fstest.MapFS{"text/languages.tsv": {Data: []byte("pl\tPolish\tlatin\tsnowball-polish\n")}})
	if err == nil || !strings.Contains(err.Error(), `unknown stemmer "snowball-polish"`) || !strings.Contains(err.Error(), "snowball-french") {
		t.Errorf("err %v, want one naming the stemmer and listing the known ones", err)
	}
}
