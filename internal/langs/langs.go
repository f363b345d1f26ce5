// Package langs is the registry of the languages entente reads. In: the
// rows of data/text/languages.tsv (the embedded file, then a user overlay's
// text/languages.tsv). Out: a Registry that lists the language codes in
// file order, says which script each is written in, which stemmer it uses,
// and which language a word of a script belongs to when the text's own
// language is written in another script; Check turns an unsupported code
// into an error that lists the supported ones.
//
// Every package that works per language (text, langid, lexicon, link, the
// CLI) takes its list of languages from one Registry, so adding a language
// is adding its data files and one row of languages.tsv.
package langs

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"entente/data"
	"entente/internal/tsv"
)

// Scripts the tokenizer and the language identifier tell apart.
const (
	Latin    = "latin"
	Cyrillic = "cyrillic"
)

// File is the registry's path in data.FS and in overlays laid out like data/.
const File = "text/languages.tsv"

// Language is one row of languages.tsv.
type Language struct {
	// Code is the ISO 639-1 code ("de").
	Code string
	// Name is the English name ("German").
	Name string
	// Script is Latin or Cyrillic.
	Script string
	// Stemmer names the stemmer of package text ("snowball-german").
	Stemmer string
	// Default marks the language of its script that a word of that script
	// is taken to be in when the text's language has another script (a
	// Latin name in a Russian text is stemmed as English), and that wins
	// language identification in that script without evidence against it.
	Default bool
	// Letters are lower-case letters of the script that only this language
	// uses ("іїєґ"): a word with one of them is in this language.
	Letters string
	// Index is the row's position in the registry, from 0.
	Index int
}

// Registry is the list of languages. It is read-only after Load and safe
// for concurrent use.
type Registry struct {
	list   []*Language
	byCode map[string]*Language
}

// Load reads the embedded languages.tsv and then each overlay's (as
// text/languages.tsv, or languages.tsv for an overlay rooted at the text
// folder): a row with a known code replaces that language, a new code adds
// one. Each script with languages needs exactly one default.
func Load(extra ...fs.FS) (*Registry, error) {
	r := &Registry{byCode: map[string]*Language{}}
	for i, fsys := range append([]fs.FS{data.FS}, extra...) {
		name := File
		err := tsv.Each(fsys, name, r.row(name))
		if i > 0 && errors.Is(err, fs.ErrNotExist) {
			name = strings.TrimPrefix(File, "text/")
			err = tsv.Each(fsys, name, r.row(name))
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
		}
		if err != nil {
			return nil, fmt.Errorf("langs: %w", err)
		}
	}
	for _, script := range []string{Latin, Cyrillic} {
		n, defaults := 0, 0
		for _, l := range r.list {
			if l.Script == script {
				n++
				if l.Default {
					defaults++
				}
			}
		}
		if n > 0 && defaults != 1 {
			return nil, fmt.Errorf("langs: %s: script %s has %d default languages, want 1", File, script, defaults)
		}
	}
	return r, nil
}

// row parses one line of the file name into the registry.
func (r *Registry) row(name string) func([]string, int) error {
	return func(f []string, n int) error {
		for len(f) < 6 {
			f = append(f, "")
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		l := &Language{Code: f[0], Name: f[1], Script: f[2], Stemmer: f[3], Letters: strings.ToLower(f[5])}
		if len(l.Code) != 2 || strings.ToLower(l.Code) != l.Code || !isLetters(l.Code) {
			return fmt.Errorf("%s:%d: code %q: want two lower-case letters", name, n, f[0])
		}
		if l.Name == "" || l.Stemmer == "" {
			return fmt.Errorf("%s:%d: want code<TAB>name<TAB>script<TAB>stemmer[<TAB>default<TAB>letters]", name, n)
		}
		if l.Script != Latin && l.Script != Cyrillic {
			return fmt.Errorf("%s:%d: script %q: want %s or %s", name, n, f[2], Latin, Cyrillic)
		}
		switch f[4] {
		case "yes":
			l.Default = true
		case "", "no":
		default:
			return fmt.Errorf("%s:%d: default %q: want yes or nothing", name, n, f[4])
		}
		if old, ok := r.byCode[l.Code]; ok {
			l.Index = old.Index
			r.list[l.Index] = l
		} else {
			l.Index = len(r.list)
			r.list = append(r.list, l)
		}
		r.byCode[l.Code] = l
		if l.Default { // one default per script: the last row's wins
			for _, o := range r.list {
				if o != l && o.Script == l.Script {
					o.Default = false
				}
			}
		}
		return nil
	}
}

func isLetters(s string) bool {
	for _, c := range s {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// Len returns the number of languages.
func (r *Registry) Len() int { return len(r.list) }

// All returns the languages in registry order; the caller must not modify
// them.
func (r *Registry) All() []*Language { return r.list }

// Codes returns the language codes in registry order.
func (r *Registry) Codes() []string {
	out := make([]string, len(r.list))
	for i, l := range r.list {
		out[i] = l.Code
	}
	return out
}

// Get returns the language of a code.
func (r *Registry) Get(code string) (*Language, bool) {
	l, ok := r.byCode[code]
	return l, ok
}

// Index returns the registry position of a code, or -1.
func (r *Registry) Index(code string) int {
	if l, ok := r.byCode[code]; ok {
		return l.Index
	}
	return -1
}

// Default returns the default language of a script, or nil when no
// language is written in it.
func (r *Registry) Default(script string) *Language {
	for _, l := range r.list {
		if l.Script == script && l.Default {
			return l
		}
	}
	return nil
}

// Help lists the codes for messages and flag help: "de, en, ru, uk".
func (r *Registry) Help() string { return strings.Join(r.Codes(), ", ") }

// UnsupportedError is Check's error for a code the registry lacks.
type UnsupportedError struct {
	Code      string
	Supported []string
}

func (e *UnsupportedError) Error() string {
	return fmt.Sprintf("langs: unsupported language %q (supported: %s)", e.Code, strings.Join(e.Supported, ", "))
}

// Check returns nil for a supported code and an *UnsupportedError listing
// the supported codes otherwise.
func (r *Registry) Check(code string) error {
	if _, ok := r.byCode[code]; ok {
		return nil
	}
	return &UnsupportedError{Code: code, Supported: r.Codes()}
}
