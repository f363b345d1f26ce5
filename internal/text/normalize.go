package text

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// normTable maps characters to their normalised replacement.
type normTable struct {
	ascii    [utf8.RuneSelf]string // replacement of an ASCII byte, if asciiSet
	asciiSet [utf8.RuneSelf]bool
	m        map[rune]string
}

func newNormTable() normTable { return normTable{m: map[rune]string{}} }

func (t *normTable) parse(name string, b []byte) error {
	return eachLine(name, b, func(n int, f []string) error {
		if len(f) < 2 {
			return fmt.Errorf("text: %s:%d: want from<TAB>to", name, n)
		}
		from, err := charField(f[0])
		if err != nil {
			return fmt.Errorf("text: %s:%d: %w", name, n, err)
		}
		r, size := utf8.DecodeRuneInString(from)
		if size != len(from) || r == utf8.RuneError {
			return fmt.Errorf("text: %s:%d: %q is not one character", name, n, f[0])
		}
		to, err := charField(f[1])
		if err != nil {
			return fmt.Errorf("text: %s:%d: %w", name, n, err)
		}
		if r < utf8.RuneSelf {
			t.ascii[r], t.asciiSet[r] = to, true
		} else {
			t.m[r] = to
		}
		return nil
	})
}

// charField decodes a table field: text as written, or U+XXXX code points
// separated by spaces for invisible characters.
func charField(s string) (string, error) {
	if !strings.HasPrefix(s, "U+") {
		return s, nil
	}
	var sb strings.Builder
	for _, p := range strings.Fields(s) {
		h, ok := strings.CutPrefix(p, "U+")
		if !ok {
			return "", fmt.Errorf("bad code point %q", p)
		}
		v, err := strconv.ParseUint(h, 16, 32)
		if err != nil || !utf8.ValidRune(rune(v)) {
			return "", fmt.Errorf("bad code point %q", p)
		}
		sb.WriteRune(rune(v))
	}
	return sb.String(), nil
}

// Normalize returns s case-folded, in Unicode NFC, with the replacements of
// data/text/normalize.tsv applied (ё→е; apostrophes to ', dashes to -,
// quotes to "). It returns s itself when nothing changes and allocates at
// most once for ASCII input.
func (a *Analyzer) Normalize(s string) string {
	t := &a.norm
	// ASCII fast path.
	i := 0
	upper := false
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || t.asciiSet[c] {
			break
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if i == len(s) {
		if !upper {
			return s
		}
		var sb strings.Builder
		sb.Grow(len(s))
		for j := 0; j < len(s); j++ {
			c := s[j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			sb.WriteByte(c)
		}
		return sb.String()
	}
	if norm.NFC.QuickSpanString(s) < len(s) {
		s = norm.NFC.String(s)
	}
	// Find the first character that changes; return s if none does.
	first := -1
	for j, r := range s {
		if r < utf8.RuneSelf {
			if t.asciiSet[r] || ('A' <= r && r <= 'Z') {
				first = j
				break
			}
			continue
		}
		if _, ok := t.m[r]; ok || unicode.ToLower(r) != r {
			first = j
			break
		}
	}
	if first < 0 {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s))
	sb.WriteString(s[:first])
	for _, r := range s[first:] {
		if r < utf8.RuneSelf {
			if t.asciiSet[r] {
				sb.WriteString(t.ascii[r])
				continue
			}
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			sb.WriteByte(byte(r))
			continue
		}
		r = unicode.ToLower(r)
		if rep, ok := t.m[r]; ok {
			sb.WriteString(rep)
			continue
		}
		sb.WriteRune(r)
	}
	return sb.String()
}
