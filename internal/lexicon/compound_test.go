package lexicon

import (
	"testing"

	"entente/internal/text"
)

// TestCompoundHead: a German noun written as one word with an event noun
// at its end is that noun; a word too short before the head, a lower-case
// word (no German noun) and a language that writes compounds open are not.
func TestCompoundHead(t *testing.T) {
	an, lx := testLexicon(t)
	tests := []struct {
		name, lang, word, want string // want: the type, "" for none
	}{
		{"meeting compound", "de", "Krisentreffen", "CONSULT"},
		{"inflected compound", "de", "Krisentreffens", "CONSULT"},
		{"visit compound", "de", "Arbeitsbesuch", "CONSULT"},
		{"attack compound", "de", "Drohnenangriffe", "ASSAULT"},
		{"too little before the head", "de", "Betreffen", ""},
		{"lower case is no noun", "de", "krisentreffen", ""},
		{"no event noun at the end", "de", "Krisengebiet", ""},
		{"English writes compounds open", "en", "Crisismeeting", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := an.Tokenize(tc.word, 0, tc.lang)
			if len(toks) != 1 {
				t.Fatalf("%q: %d tokens", tc.word, len(toks))
			}
			got := ""
			if tr, ok := lx.CompoundHead(tc.lang, toks[0]); ok {
				got = tr.Type
			}
			if got != tc.want {
				t.Errorf("CompoundHead(%s, %q) = %q, want %q", tc.lang, tc.word, got, tc.want)
			}
		})
	}
}

// testLexicon loads the embedded lexicon with the analyzer it needs.
func testLexicon(t *testing.T) (*text.Analyzer, *Lexicon) {
	t.Helper()
	an, err := text.New()
	if err != nil {
		t.Fatal(err)
	}
	lx, err := Load(an)
	if err != nil {
		t.Fatal(err)
	}
	return an, lx
}

// TestKindInCompound: a word is of a marker kind by itself, by its part
// after a hyphen, or, where compounds are written closed, by its head; the
// tokens are marked as the pipeline marks them.
func TestKindInCompound(t *testing.T) {
	an, lx := testLexicon(t)
	tests := []struct {
		lang, word string
		want       bool
	}{
		{"de", "Raketen", true},
		{"de", "Langstreckenraketen", true},
		{"de", "F-22-Kampfflugzeuge", true},
		{"de", "Raketenabwehrgespräche", false},
		{"de", "Krisengebiet", false},
		{"en", "Longrangemissiles", false},
	}
	for _, tc := range tests {
		toks := an.Tokenize(tc.word, 0, tc.lang)
		lx.MarkTokens(tc.lang, toks)
		if got := lx.KindInCompound(tc.lang, toks[len(toks)-1], Military); got != tc.want {
			t.Errorf("KindInCompound(%s, %q, military) = %v, want %v", tc.lang, tc.word, got, tc.want)
		}
	}
}
