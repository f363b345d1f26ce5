package dates

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// Token types.
const (
	tNum uint8 = iota + 1
	tWord
	tPunct
)

// token is a number, a word or one punctuation character of the text.
type token struct {
	start, end int // byte offsets in the text
	ents       []entry
	num        int   // value of a number (capped)
	typ        uint8 // tNum, tWord, tPunct
	nd         uint8 // digits of a number
	ch         byte  // punctuation, dashes folded to '-'; 0 for other non-ASCII
	lower      bool  // a word starting with a lower-case letter
}

// scanner holds the per-call state of Find; it is pooled.
type scanner struct {
	text string
	lx   *lexicon
	toks []token
	buf  []byte
}

var scanners = sync.Pool{New: func() any { return &scanner{buf: make([]byte, 0, 64)} }}

func getScanner() *scanner { return scanners.Get().(*scanner) }

func putScanner(s *scanner) {
	if cap(s.toks) > 1<<14 {
		s.toks = nil
	}
	s.text, s.lx, s.toks = "", nil, s.toks[:0]
	scanners.Put(s)
}

// maxWord is the longest word (in bytes) looked up; longer ones are no date words.
const maxWord = 48

// tokenize splits s.text into tokens and looks every word up.
func (s *scanner) tokenize() {
	text := s.text
	s.toks = s.toks[:0]
	canCap := true // the next word may be capitalised without being a noun
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c == '\n':
			canCap = true
			i++
		case '0' <= c && c <= '9':
			j, v := i, 0
			for j < len(text) && '0' <= text[j] && text[j] <= '9' {
				if v < 1e8 {
					v = v*10 + int(text[j]-'0')
				}
				j++
			}
			nd := j - i
			if nd > 255 {
				nd = 255
			}
			s.toks = append(s.toks, token{start: i, end: j, typ: tNum, num: v, nd: uint8(nd)})
			canCap = false
			i = j
		case c < utf8.RuneSelf && !isASCIILetter(c):
			s.toks = append(s.toks, token{start: i, end: i + 1, typ: tPunct, ch: c})
			canCap = opensSentence(c)
			i++
		default:
			r, size := rune(c), 1
			if c >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
			if _, cl := classify(r); (cl == cLower || cl == cUpper || cl == cOther) && !isApostrophe(r) {
				i = s.word(i, canCap)
				canCap = false
				continue
			}
			if unicode.IsSpace(r) {
				i += size
				continue
			}
			var ch byte
			switch r {
			case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
				ch = '-'
			}
			s.toks = append(s.toks, token{start: i, end: i + size, typ: tPunct, ch: ch})
			canCap = true
			i += size
		}
	}
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// opensSentence reports whether a word after punctuation c may be
// capitalised only because of its position.
func opensSentence(c byte) bool { return c != ',' }

// word scans the word starting at i, looks it up and returns its end.
func (s *scanner) word(i int, canCap bool) int {
	text := s.text
	buf := s.buf[:0]
	upper, allUpper := false, true
	letters := 0
	apos := -1 // length of buf before the first apostrophe
	j := i
	for j < len(text) {
		r, size := rune(text[j]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[j:])
		}
		lr, c := classify(r)
		switch {
		case c == cMark:
			j += size
			continue
		case isApostrophe(r):
			if j+size >= len(text) || !isLetterAt(text, j+size) {
				goto done
			}
			if apos < 0 {
				apos = len(buf)
			}
			lr = '\''
		case c == cNone:
			goto done
		default:
			if letters == 0 {
				upper = c == cUpper
			}
			letters++
			if c != cUpper {
				allUpper = false
			}
		}
		if len(buf) < maxWord+8 {
			if lr < utf8.RuneSelf {
				buf = append(buf, byte(lr))
			} else {
				buf = utf8.AppendRune(buf, lr)
			}
		}
		j += size
	}
done:
	s.buf = buf
	t := token{start: i, end: j, typ: tWord, lower: !upper}
	if len(buf) > maxWord || s.lx == nil {
		s.toks = append(s.toks, t)
		return j
	}
	lx := s.lx
	var ents []entry
	// Abbreviations: "Jan.", "г." take their dot.
	if j < len(text) && text[j] == '.' {
		if es, ok := lx.words[string(append(buf, '.'))]; ok {
			ents = es
			t.end = j + 1
		}
	}
	if ents == nil {
		ents = lx.words[string(buf)]
	}
	if ents == nil && apos > 0 {
		// Possessive: Wednesday's.
		ents = lx.words[string(buf[:apos])]
	}
	if ents == nil && upper && len(lx.weekdays) > 0 && lx.wdFirst[buf[0]] {
		ents = lx.compound(buf)
	}
	if ents != nil {
		capOK := upper
		lowOK := !upper || canCap || (allUpper && letters > 1)
		t.ents = filter(ents, capOK, lowOK)
	}
	s.toks = append(s.toks, t)
	return t.end
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	_, c := classify(r)
	return c == cLower || c == cUpper || c == cOther
}

// Letter classes.
const (
	cNone  uint8 = iota // not a letter
	cLower              // lower-case letter
	cUpper              // upper-case letter
	cOther              // letter without case
	cMark               // combining mark (stress accent)
)

// classify returns the lower-case form and class of r, with fast paths for
// ASCII, Latin-1 and basic Cyrillic.
func classify(r rune) (rune, uint8) {
	switch {
	case r < utf8.RuneSelf:
		switch {
		case 'a' <= r && r <= 'z':
			return r, cLower
		case 'A' <= r && r <= 'Z':
			return r + 'a' - 'A', cUpper
		}
		return r, cNone
	case 0x0430 <= r && r <= 0x045F: // а..я, ѐ..џ
		return r, cLower
	case 0x0410 <= r && r <= 0x042F: // А..Я
		return r + 0x20, cUpper
	case 0x0400 <= r && r <= 0x040F: // Ѐ..Џ
		return r + 0x50, cUpper
	case 0xDF <= r && r <= 0xFF && r != 0xF7: // ß..ÿ
		return r, cLower
	case 0xC0 <= r && r <= 0xDE && r != 0xD7: // À..Þ
		return r + 0x20, cUpper
	}
	switch {
	case unicode.IsUpper(r):
		return unicode.ToLower(r), cUpper
	case unicode.IsLower(r):
		return r, cLower
	case unicode.IsLetter(r):
		return r, cOther
	case unicode.Is(unicode.Mn, r):
		return r, cMark
	}
	return r, cNone
}

// filter returns the entries whose case rule the word satisfies, without
// allocating when all or none do.
func filter(es []entry, capOK, lowOK bool) []entry {
	n := 0
	for _, e := range es {
		if ok(e, capOK, lowOK) {
			n++
		}
	}
	if n == len(es) {
		return es
	}
	if n == 0 {
		return nil
	}
	out := make([]entry, 0, n)
	for _, e := range es {
		if ok(e, capOK, lowOK) {
			out = append(out, e)
		}
	}
	return out
}

func ok(e entry, capOK, lowOK bool) bool {
	if e.capital {
		return capOK
	}
	return lowOK
}

// compoundEntries are the readings of a compound weekday word.
var compoundEntries [8][]entry

func init() {
	for d := 1; d <= 7; d++ {
		compoundEntries[d] = []entry{{kind: kWeekday, val: d, capital: true}}
	}
}

// compound reads w as weekday + daypart ("donnerstagabend").
func (lx *lexicon) compound(w []byte) []entry {
	for _, wd := range lx.weekdays {
		if len(w) <= len(wd) || string(w[:len(wd)]) != wd {
			continue
		}
		for _, e := range lx.words[string(w[len(wd):])] {
			if e.kind != kDayPart {
				continue
			}
			for _, we := range lx.words[wd] {
				if we.kind == kWeekday {
					return compoundEntries[we.val]
				}
			}
		}
	}
	return nil
}
