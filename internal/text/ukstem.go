package text

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// ukMinStem is the shortest stem, in letters, the Ukrainian stemmer leaves.
const ukMinStem = 3

// ukStemmer strips Ukrainian inflectional endings: first a reflexive
// particle, then the longest ending that leaves at least ukMinStem letters.
type ukStemmer struct {
	refl, ends       map[string]bool
	repl             map[string]string // replacement of an ending, if not empty
	maxRefl, maxEnds int               // longest suffix in letters
}

func (u *ukStemmer) parse(name string, b []byte) error {
	return eachLine(name, b, func(n int, f []string) error {
		s := strings.ToLower(strings.TrimSpace(f[0]))
		if s == "" || len(f) < 2 {
			return fmt.Errorf("text: %s:%d: want suffix<TAB>class", name, n)
		}
		l := utf8.RuneCountInString(s)
		switch strings.TrimSpace(f[1]) {
		case "refl":
			u.refl[s] = true
			u.maxRefl = max(u.maxRefl, l)
		case "end":
			u.ends[s] = true
			if len(f) > 2 && f[2] != "" {
				u.repl[s] = f[2]
			}
			u.maxEnds = max(u.maxEnds, l)
		default:
			return fmt.Errorf("text: %s:%d: unknown class %q (want refl or end)", name, n, f[1])
		}
		return nil
	})
}

// stem returns the stem of the lower-case word w.
func (u *ukStemmer) stem(w string) string {
	w = u.strip(w, u.refl, nil, u.maxRefl)
	return u.strip(w, u.ends, u.repl, u.maxEnds)
}

// strip removes the longest suffix of w in set that leaves ukMinStem letters.
func (u *ukStemmer) strip(w string, set map[string]bool, repl map[string]string, maxLen int) string {
	// starts[k] is the byte offset where the last k+1 letters begin.
	var starts [8]int
	n := 0
	for i := len(w); i > 0 && n < len(starts) && n < maxLen; {
		_, size := utf8.DecodeLastRuneInString(w[:i])
		i -= size
		starts[n] = i
		n++
	}
	total := utf8.RuneCountInString(w)
	for k := n; k >= 1; k-- {
		if total-k < ukMinStem {
			continue
		}
		if suf := w[starts[k-1]:]; set[suf] {
			if rep, ok := repl[suf]; ok {
				return w[:starts[k-1]] + rep
			}
			return w[:starts[k-1]]
		}
	}
	return w
}
