package text

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// trEntry is one transliteration: to, or iot at the start of a word and
// after a vowel (when iot is set).
type trEntry struct {
	to, iot string
	// vowel is set when the letter leaves the next one in iotated position:
	// its transliteration is empty or starts with a vowel.
	vowel bool
}

// translitTable maps lower-case letters and short letter sequences to Latin.
type translitTable struct {
	m map[string]trEntry
	// seqStart holds the first letters of entries longer than one letter.
	seqStart map[rune]bool
}

func (t *translitTable) parse(name string, b []byte) error {
	return eachLine(name, b, func(n int, f []string) error {
		if f[0] == "" {
			return fmt.Errorf("text: %s:%d: empty letter", name, n)
		}
		from, err := charField(f[0])
		if err != nil {
			return fmt.Errorf("text: %s:%d: %w", name, n, err)
		}
		e := trEntry{}
		if len(f) > 1 {
			e.to = f[1]
		}
		if len(f) > 2 {
			e.iot = f[2]
		}
		from = strings.ToLower(from)
		t.m[from] = e
		switch utf8.RuneCountInString(from) {
		case 1:
		case 2:
			if t.seqStart == nil {
				t.seqStart = map[rune]bool{}
			}
			r, _ := utf8.DecodeRuneInString(from)
			t.seqStart[r] = true
		default:
			return fmt.Errorf("text: %s:%d: %q: want one or two letters", name, n, f[0])
		}
		return nil
	})
}

// finish computes derived fields once all files are read.
func (t *translitTable) finish() {
	for k, e := range t.m {
		e.vowel = e.to == "" || isLatinVowel(e.to[0])
		t.m[k] = e
	}
}

func isLatinVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// foldTable holds the spelling folds of latinkey.tsv by anchoring.
type foldTable struct {
	plain, start, end, both map[string]string
	maxLen                  int
	// first marks the bytes some pattern starts with.
	first [256]bool
}

func newFoldTable() foldTable {
	return foldTable{plain: map[string]string{}, start: map[string]string{}, end: map[string]string{}, both: map[string]string{}}
}

func (t *foldTable) parse(name string, b []byte) error {
	return eachLine(name, b, func(n int, f []string) error {
		p := f[0]
		rep := ""
		if len(f) > 1 {
			rep = f[1]
		}
		m := t.plain
		s, atStart := strings.CutPrefix(p, "^")
		s, atEnd := strings.CutSuffix(s, "$")
		switch {
		case atStart && atEnd:
			m = t.both
		case atStart:
			m = t.start
		case atEnd:
			m = t.end
		}
		if s == "" {
			return fmt.Errorf("text: %s:%d: empty pattern", name, n)
		}
		if strings.ToLower(s) != s {
			return fmt.Errorf("text: %s:%d: pattern %q must be lower case", name, n, p)
		}
		m[s] = rep
		t.maxLen = max(t.maxLen, len(s))
		t.first[s[0]] = true
		return nil
	})
}

// LatinKey returns a Latin key for s: normalised, transliterated to Latin
// (data/text/translit.tsv), accents stripped, spelling variants folded
// (data/text/latinkey.tsv) and doubled letters collapsed, so that "Schoigu",
// "Shoigu" and "Шойгу" share the key "shoihu". Words are separated by one
// space; other punctuation is dropped.
func (a *Analyzer) LatinKey(s string) string {
	n := a.Normalize(s)
	var stack [128]byte
	buf := a.transliterate(stack[:0], n)
	var stack2 [128]byte
	out := a.fold.apply(stack2[:0], buf)
	return string(out)
}

// transliterate appends the Latin form of the normalised string n to buf.
func (a *Analyzer) transliterate(buf []byte, n string) []byte {
	t := &a.translit
	iot := true // at the start of a word or after a vowel
	sep := func() {
		if len(buf) > 0 && buf[len(buf)-1] != ' ' {
			buf = append(buf, ' ')
		}
		iot = true
	}
	for i := 0; i < len(n); {
		c := n[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z':
				buf = append(buf, c)
				iot = isLatinVowel(c)
			case '0' <= c && c <= '9':
				buf = append(buf, c)
				iot = false
			case c == '\'':
				iot = true // Ukrainian apostrophe before я, ю, є
			default:
				sep()
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(n[i:])
		if unicode.IsMark(r) {
			i += size
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			sep()
			i += size
			continue
		}
		// Longest sequence first.
		found := false
		if t.seqStart[r] && i+size < len(n) {
			_, size2 := utf8.DecodeRuneInString(n[i+size:])
			if e, ok := t.m[n[i:i+size+size2]]; ok {
				buf = appendTr(buf, e, iot)
				iot = e.vowel
				i += size + size2
				found = true
			}
		}
		if found {
			continue
		}
		if e, ok := t.m[n[i:i+size]]; ok {
			buf = appendTr(buf, e, iot)
			iot = e.vowel
			i += size
			continue
		}
		// Unknown letter: keep its base letter without accents.
		d := norm.NFD.String(n[i : i+size])
		for _, dr := range d {
			if unicode.IsMark(dr) {
				continue
			}
			buf = utf8.AppendRune(buf, unicode.ToLower(dr))
		}
		iot = false
		i += size
	}
	for len(buf) > 0 && buf[len(buf)-1] == ' ' {
		buf = buf[:len(buf)-1]
	}
	return buf
}

func appendTr(buf []byte, e trEntry, iot bool) []byte {
	if iot && e.iot != "" {
		return append(buf, e.iot...)
	}
	return append(buf, e.to...)
}

// apply folds each space-separated word of in and appends the result to out,
// collapsing doubled letters.
func (t *foldTable) apply(out, in []byte) []byte {
	put := func(c byte) {
		if len(out) > 0 && out[len(out)-1] == c && c >= 'a' && c <= 'z' {
			return
		}
		out = append(out, c)
	}
	for start := 0; start < len(in); {
		end := start
		for end < len(in) && in[end] != ' ' {
			end++
		}
		w := in[start:end]
		for i := 0; i < len(w); {
			if !t.first[w[i]] {
				put(w[i])
				i++
				continue
			}
			matched := false
			for l := min(t.maxLen, len(w)-i); l >= 1; l-- {
				sub := w[i : i+l]
				atStart, atEnd := i == 0, i+l == len(w)
				rep, ok := "", false
				if atStart && atEnd {
					rep, ok = t.both[string(sub)]
				}
				if !ok && atStart {
					rep, ok = t.start[string(sub)]
				}
				if !ok && atEnd {
					rep, ok = t.end[string(sub)]
				}
				if !ok {
					rep, ok = t.plain[string(sub)]
				}
				if ok {
					for k := 0; k < len(rep); k++ {
						put(rep[k])
					}
					i += l
					matched = true
					break
				}
			}
			if !matched {
				put(w[i])
				i++
			}
		}
		if end < len(in) {
			out = append(out, ' ')
		}
		start = end + 1
	}
	return out
}
