package text

import (
	"unicode"
	"unicode/utf8"

	snowball "github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/german"
	"github.com/blevesearch/snowballstem/russian"
)

// script classes of a word for choosing a stemmer.
const (
	scriptNone = iota
	scriptLatin
	scriptCyrillic
	scriptUkrainian // Cyrillic with a letter only Ukrainian has
)

// wordScript says which script the letters of w are in.
func wordScript(w string) int {
	sc := scriptNone
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') {
				if sc == scriptNone {
					sc = scriptLatin
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		i += size
		switch {
		case r == 'і' || r == 'ї' || r == 'є' || r == 'ґ' || r == 'І' || r == 'Ї' || r == 'Є' || r == 'Ґ':
			return scriptUkrainian
		case 0x400 <= r && r <= 0x52f:
			sc = scriptCyrillic
		case sc == scriptNone && unicode.IsLetter(r):
			sc = scriptLatin
		}
	}
	return sc
}

// Stem returns the stem of a normalised word in language lang: Snowball for
// ru, de and en, a suffix stripper for uk (data/text/uk_suffixes.txt). A word
// in the other script than lang's is stemmed as Russian or Ukrainian
// (Cyrillic) or English (Latin); words without letters are returned as they
// are. norm should come from Normalize.
func (a *Analyzer) Stem(lang, norm string) string {
	sc := wordScript(norm)
	switch sc {
	case scriptNone:
		return norm
	case scriptLatin:
		if lang != "de" {
			lang = "en"
		}
	case scriptCyrillic:
		if lang != "uk" {
			lang = "ru"
		}
	case scriptUkrainian:
		lang = "uk"
	}
	switch lang {
	case "uk":
		return a.uk.stem(norm)
	case "ru":
		return snow(russian.Stem, norm)
	case "de":
		return snow(german.Stem, norm)
	default:
		return snow(english.Stem, norm)
	}
}

// snow runs one Snowball stemmer on w with its own environment (Snowball
// environments must not be shared between goroutines).
func snow(stem func(*snowball.Env) bool, w string) string {
	env := snowball.NewEnv(w)
	stem(env)
	return env.Current()
}
