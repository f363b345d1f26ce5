package text

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	snowball "github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/danish"
	"github.com/blevesearch/snowballstem/dutch"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/finnish"
	"github.com/blevesearch/snowballstem/french"
	"github.com/blevesearch/snowballstem/german"
	"github.com/blevesearch/snowballstem/hungarian"
	"github.com/blevesearch/snowballstem/italian"
	"github.com/blevesearch/snowballstem/norwegian"
	"github.com/blevesearch/snowballstem/portuguese"
	"github.com/blevesearch/snowballstem/romanian"
	"github.com/blevesearch/snowballstem/russian"
	"github.com/blevesearch/snowballstem/spanish"
	"github.com/blevesearch/snowballstem/swedish"
	"github.com/blevesearch/snowballstem/turkish"

	"entente/internal/langs"
)

// stemmer stems one normalised word.
type stemmer func(a *Analyzer, norm string) string

// stemmers are the stemmers a row of languages.tsv may name.
var stemmers = map[string]stemmer{
	"snowball-danish":     snowballStemmer(danish.Stem),
	"snowball-dutch":      snowballStemmer(dutch.Stem),
	"snowball-english":    snowballStemmer(english.Stem),
	"snowball-finnish":    snowballStemmer(finnish.Stem),
	"snowball-french":     snowballStemmer(french.Stem),
	"snowball-german":     snowballStemmer(german.Stem),
	"snowball-hungarian":  snowballStemmer(hungarian.Stem),
	"snowball-italian":    snowballStemmer(italian.Stem),
	"snowball-norwegian":  snowballStemmer(norwegian.Stem),
	"snowball-portuguese": snowballStemmer(portuguese.Stem),
	"snowball-romanian":   snowballStemmer(romanian.Stem),
	"snowball-russian":    snowballStemmer(russian.Stem),
	"snowball-spanish":    snowballStemmer(spanish.Stem),
	"snowball-swedish":    snowballStemmer(swedish.Stem),
	"snowball-turkish":    snowballStemmer(turkish.Stem),
	// uk-suffixes strips the endings of data/text/uk_suffixes.txt.
	"uk-suffixes": func(a *Analyzer, norm string) string { return a.uk.stem(norm) },
	// none leaves words as they are.
	"none": func(_ *Analyzer, norm string) string { return norm },
}

// Stemmers returns the names of the stemmers languages.tsv may name.
func Stemmers() []string {
	names := make([]string, 0, len(stemmers))
	for n := range stemmers {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func snowballStemmer(stem func(*snowball.Env) bool) stemmer {
	return func(_ *Analyzer, norm string) string { return snow(stem, norm) }
}

// wordScript says which script the letters of w are in ("" for none): a
// word with any Cyrillic letter is Cyrillic, else one with a letter is Latin.
func wordScript(w string) string {
	sc := ""
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') {
				if sc == "" {
					sc = langs.Latin
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		i += size
		switch {
		case 0x400 <= r && r <= 0x52f:
			return langs.Cyrillic
		case sc == "" && unicode.IsLetter(r):
			sc = langs.Latin
		}
	}
	return sc
}

// stemLang returns the language whose stemmer stems norm in a text in
// language lang: a word with letters only one language uses is in that
// language ("і" is Ukrainian); a word in another script than lang's (or of
// an unknown lang) is in the default language of its script.
func (a *Analyzer) stemLang(lang, norm string) *langs.Language {
	sc := wordScript(norm)
	if sc == "" {
		return nil
	}
	for _, l := range a.reg.All() {
		if l.Letters != "" && l.Script == sc && strings.ContainsAny(norm, l.Letters) {
			return l
		}
	}
	if l, ok := a.reg.Get(lang); ok && l.Script == sc {
		return l
	}
	return a.reg.Default(sc)
}

// Stem returns the stem of a normalised word in language lang with the
// stemmer languages.tsv names for it (Snowball for de, en, ru; a suffix
// stripper for uk, data/text/uk_suffixes.txt). A word in another script
// than lang's is stemmed in the default language of its script (English for
// Latin, Russian for Cyrillic); words without letters are returned as they
// are. norm should come from Normalize.
func (a *Analyzer) Stem(lang, norm string) string {
	l := a.stemLang(lang, norm)
	if l == nil {
		return norm
	}
	return a.stemmers[l.Index](a, norm)
}

// snow runs one Snowball stemmer on w with its own environment (Snowball
// environments must not be shared between goroutines).
func snow(stem func(*snowball.Env) bool, w string) string {
	env := snowball.NewEnv(w)
	stem(env)
	return env.Current()
}
