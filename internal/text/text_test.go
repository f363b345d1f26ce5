package text

import (
	"strings"
	"testing"
	"testing/fstest"

	"entente/internal/model"
)

func TestNewExtra(t *testing.T) {
	extra := fstest.MapFS{
		"text/abbrev_en.txt":   {Data: []byte("# user abbreviations\nAmb.\nXyz.\n")},
		"text/latinkey.tsv":    {Data: []byte("qu\tkv\n")},
		"text/uk_suffixes.txt": {Data: []byte("ового\tend\n")},
	}
	a, err := New(extra)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, got, want string
	}{
		{"user abbreviation", sentenceTexts(a, "en", "He met Xyz. Brown there."), "He met Xyz. Brown there."},
		{"embedded abbreviation kept", sentenceTexts(a, "en", "He met Mr. Brown there."), "He met Mr. Brown there."},
		{"user fold", a.LatinKey("Quast"), "kvast"},
		{"user suffix", a.Stem("uk", "цінового"), "цін"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestNewExtraTextRoot(t *testing.T) {
	a, err := New(fstest.MapFS{"abbrev_en.txt": {Data: []byte("Xyz.\n")}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sentenceTexts(a, "en", "He met Xyz. Brown there."), "He met Xyz. Brown there."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name, path, data, want string
	}{
		{"abbreviation without dot", "text/abbrev_de.txt", "usw\n", "must end in a dot"},
		{"unknown abbreviation flag", "text/abbrev_de.txt", "usw.\tmaybe\n", "unknown flag"},
		{"suffix without class", "text/uk_suffixes.txt", "ого\n", "want suffix"},
		{"unknown suffix class", "text/uk_suffixes.txt", "ого\tnoun\n", "unknown class"},
		{"normalize two characters", "text/normalize.tsv", "ab\tc\n", "not one character"},
		{"normalize bad code point", "text/normalize.tsv", "U+ZZ\ta\n", "bad code point"},
		{"fold upper case", "text/latinkey.tsv", "Sch\tsh\n", "lower case"},
		{"empty ordinal prefix", "text/ordinal_de.txt", "*\n", "empty prefix"},
		{"translit three letters", "text/translit.tsv", "abc\tx\n", "one or two letters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(fstest.MapFS{tt.path: {Data: []byte(tt.data)}})
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "text: ") {
				t.Errorf("New: error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// sentenceTexts splits s as one body span and joins the sentences with "|".
func sentenceTexts(a *Analyzer, lang, s string) string {
	doc := &model.Document{Text: s, Body: []model.Span{{Start: 0, End: len(s)}}, Lang: lang}
	var out []string
	for _, sn := range a.Sentences(doc) {
		out = append(out, s[sn.Start:sn.End])
	}
	return strings.Join(out, "|")
}
