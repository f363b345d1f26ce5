// Package text turns article text into sentences and tokens for matching.
//
// In: a model.Document whose Body spans and languages are set (ingest,
// clean, langid). Out: model.Sentences, each with its tokens; every token
// keeps its byte offsets into Document.Text, its surface form, a normalised
// form (Normalize), a stem in its language (Stem) and a Latin key that lets
// Cyrillic, German and English spellings of a name meet (LatinKey).
//
// Order of work per body span: Tokenize the whole span once, then split the
// token stream into sentences at final punctuation and line ends, respecting
// abbreviations, initials, ordinal numbers and headlines.
//
// All language facts (abbreviations, ordinal contexts, normalisation,
// transliteration and folding tables, Ukrainian suffixes) are read from
// data/text (see its README.md). An Analyzer holds them; it is safe for
// concurrent use. There is no package-level Analyzer: the caller builds one
// with New (and the user's overlays) and passes it on.
package text

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"entente/data"
	"entente/internal/langs"
)

// Analyzer holds the loaded text data and a cache of token analyses. Create
// one with New; it is safe for concurrent use by several goroutines.
type Analyzer struct {
	reg      *langs.Registry
	stemmers []stemmer // per registry index
	norm     normTable
	translit translitTable
	fold     foldTable
	uk       ukStemmer
	roman    romanTable
	given    givenNames
	zh       palladius
	ko       kontsevich
	langs    map[string]*langData // per language code: abbreviations, ordinals
	any      *langData            // union of all languages, for unknown ones
	cache    tokenCache
}

// langData is what sentence splitting knows about one language.
type langData struct {
	// abbrev maps a lower-cased abbreviation without spaces ("z.b.") to
	// whether it may end a sentence.
	abbrev map[string]bool
	// ordinal lists words that may follow an ordinal "NUMBER."; prefixes
	// holds entries written with a trailing *.
	ordinal  map[string]bool
	prefixes []string
}

// New loads the language registry (langs.Load) and the embedded data/text
// files, then the same files from each extra file system, rooted like data/
// ("text/abbrev_de.txt") or at the text folder itself ("abbrev_de.txt");
// extra entries add to the embedded ones. Missing files in extra, and a
// language's missing abbreviation or ordinal file, are skipped. Every
// language of the registry must name a stemmer this package has (Stemmers).
func New(extra ...fs.FS) (*Analyzer, error) {
	reg, err := langs.Load(extra...)
	if err != nil {
		return nil, fmt.Errorf("text: %w", err)
	}
	a := &Analyzer{
		reg:      reg,
		norm:     newNormTable(),
		translit: translitTable{m: map[string]trEntry{}},
		fold:     newFoldTable(),
		cache:    newTokenCache(reg.Len()),
		uk:       ukStemmer{refl: map[string]bool{}, ends: map[string]bool{}, repl: map[string]string{}},
		roman:    romanTable{m: map[string]map[string][]romanCell{}},
		given:    givenNames{ruUK: map[string]string{}, ukRU: map[string]string{}},
		zh:       palladius{initial: map[string]string{}, final: map[string][2]string{}, syllable: map[string][2]string{}},
		ko: kontsevich{initial: map[rune]string{}, voiced: map[rune]string{}, medial: map[rune]string{},
			final: map[rune]string{}, family2: map[string]bool{}, uk: map[rune][2]string{}},
		langs: map[string]*langData{},
		any:   newLangData(),
	}
	for _, l := range reg.All() {
		a.langs[l.Code] = newLangData()
		st, ok := stemmers[l.Stemmer]
		if !ok {
			return nil, fmt.Errorf("text: %s: language %s: unknown stemmer %q (known: %s)", langs.File, l.Code, l.Stemmer, strings.Join(Stemmers(), ", "))
		}
		a.stemmers = append(a.stemmers, st)
	}
	sources := append([]fs.FS{data.FS}, extra...)
	for i, fsys := range sources {
		embedded := i == 0
		steps := []struct {
			path  string
			parse func(name string, b []byte) error
		}{
			{"text/normalize.tsv", a.norm.parse},
			{"text/translit.tsv", a.translit.parse},
			{"text/latinkey.tsv", a.fold.parse},
			{"text/uk_suffixes.txt", a.uk.parse},
			{"text/romanize.tsv", a.roman.parse},
			{"text/given_names.tsv", a.given.parse},
			{"text/zh_palladius.tsv", a.zh.parse},
			{"text/ko_kontsevich.tsv", a.ko.parse},
		}
		for _, l := range reg.Codes() {
			ld := a.langs[l]
			steps = append(steps,
				struct {
					path  string
					parse func(name string, b []byte) error
				}{"text/abbrev_" + l + ".txt", func(name string, b []byte) error { return ld.parseAbbrev(name, b, a) }},
				struct {
					path  string
					parse func(name string, b []byte) error
				}{"text/ordinal_" + l + ".txt", func(name string, b []byte) error { return ld.parseOrdinal(name, b, a) }},
			)
		}
		for _, st := range steps {
			b, err := fs.ReadFile(fsys, st.path)
			if embedded && errors.Is(err, fs.ErrNotExist) && perLanguage(st.path) {
				continue
			}
			if !embedded && errors.Is(err, fs.ErrNotExist) {
				// An extra file system may also be rooted at the text folder.
				b, err = fs.ReadFile(fsys, strings.TrimPrefix(st.path, "text/"))
				if errors.Is(err, fs.ErrNotExist) {
					continue
				}
			}
			if err != nil {
				return nil, fmt.Errorf("text: %w", err)
			}
			if err := st.parse(st.path, b); err != nil {
				return nil, err
			}
		}
	}
	a.translit.finish()
	return a, nil
}

// perLanguage reports whether path is one of a language's optional files.
func perLanguage(path string) bool {
	return strings.HasPrefix(path, "text/abbrev_") || strings.HasPrefix(path, "text/ordinal_")
}

// Languages returns the language registry the analyzer was built with.
func (a *Analyzer) Languages() *langs.Registry { return a.reg }

func newLangData() *langData {
	return &langData{abbrev: map[string]bool{}, ordinal: map[string]bool{}}
}

func (ld *langData) parseAbbrev(name string, b []byte, a *Analyzer) error {
	union := a.any
	return eachLine(name, b, func(n int, f []string) error {
		k := a.abbrevKey(f[0])
		if k == "" || !strings.HasSuffix(k, ".") {
			return fmt.Errorf("text: %s:%d: abbreviation %q must end in a dot", name, n, f[0])
		}
		end := len(f) > 1 && strings.TrimSpace(f[1]) == "end"
		if len(f) > 1 && !end && strings.TrimSpace(f[1]) != "" {
			return fmt.Errorf("text: %s:%d: unknown flag %q (want end)", name, n, f[1])
		}
		ld.abbrev[k] = end
		union.abbrev[k] = union.abbrev[k] || end
		return nil
	})
}

func (ld *langData) parseOrdinal(name string, b []byte, a *Analyzer) error {
	return eachLine(name, b, func(n int, f []string) error {
		w := a.Normalize(strings.TrimSpace(f[0]))
		if p, ok := strings.CutSuffix(w, "*"); ok {
			if p == "" {
				return fmt.Errorf("text: %s:%d: empty prefix", name, n)
			}
			ld.prefixes = append(ld.prefixes, p)
			return nil
		}
		ld.ordinal[strings.TrimSuffix(w, ".")] = true
		return nil
	})
}

// abbrevKey lower-cases an abbreviation and removes its spaces.
func (a *Analyzer) abbrevKey(s string) string {
	return strings.ReplaceAll(a.Normalize(strings.TrimSpace(s)), " ", "")
}

// eachLine calls fn with the tab-separated fields of every line of b that is
// neither empty nor a # comment; n is the 1-based line number.
func eachLine(name string, b []byte, fn func(n int, fields []string) error) error {
	sc := bufio.NewScanner(bytes.NewReader(b))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || line[0] == '#' {
			continue
		}
		if err := fn(n, strings.Split(line, "\t")); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("text: %s: %w", name, err)
	}
	return nil
}

// lang returns the data for a language code, or the union for unknown codes.
func (a *Analyzer) lang(code string) *langData {
	if ld, ok := a.langs[code]; ok {
		return ld
	}
	return a.any
}
