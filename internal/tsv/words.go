package tsv

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
)

// Words is a set of lower-case words read from word lists: one word a
// line in the first column, a trailing * making it a prefix ("utm_*").
// The zero value is empty and ready to use.
type Words struct {
	exact    map[string]bool
	prefixes []string
}

// Load adds the words of the file name in fsys. A missing file is an error
// when required, else nothing.
func (w *Words) Load(fsys fs.FS, name string, required bool) error {
	err := Each(fsys, name, func(cols []string, n int) error {
		word := strings.ToLower(strings.TrimSpace(cols[0]))
		if p, ok := strings.CutSuffix(word, "*"); ok {
			if p == "" {
				return fmt.Errorf("%s:%d: a prefix needs letters before *", name, n)
			}
			w.prefixes = append(w.prefixes, p)
			return nil
		}
		if w.exact == nil {
			w.exact = map[string]bool{}
		}
		w.exact[word] = true
		return nil
	})
	if !required && errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// Match reports whether s (lower case) is one of the words or starts with
// one of the prefixes.
func (w *Words) Match(s string) bool {
	if w.exact[s] {
		return true
	}
	for _, p := range w.prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
