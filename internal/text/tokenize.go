package text

import (
	"unicode"
	"unicode/utf8"

	"entente/internal/model"
)

// Tokenize splits s into words, numbers and punctuation marks and fills
// every field of each model.Token; Start and End are base plus the byte
// offset in s, and Text is a substring of s.
//
// Words are runs of letters, marks and digits; a hyphen joins two runs when a
// letter is next to it ("US-Präsident", "Jong-un", "80-летию"), an apostrophe
// joins two letters ("прем'єр"), and an English possessive "'s" is a token of
// its own. A run of digits with dots or commas between digits is one Number
// ("28.02.2025", "1.000", "3,5"); "26." is the Number "26" and the Punct ".".
// Every other character that is not a space is one Punct token. Upper is set
// for words of two or more letters that are all upper case; Cap when the
// first letter is upper case.
func (a *Analyzer) Tokenize(s string, base int, lang string) []model.Token {
	return a.appendTokens(make([]model.Token, 0, len(s)/5+4), s, base, lang)
}

// AppendTokens is Tokenize appending to dst: a caller tokenizing many short
// strings (the knowledge base's names) reuses one buffer.
func (a *Analyzer) AppendTokens(dst []model.Token, s string, base int, lang string) []model.Token {
	return a.appendTokens(dst, s, base, lang)
}

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == '`' || r == 'ʼ' }

// isWordRune reports whether r belongs inside a word: a letter, digit or
// combining mark, or an invisible joiner (soft hyphen, zero-width joiner).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9')
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == 0xad || r == 0x200d
}

// Character classes for the word scanner.
const (
	cWord   = 1 << iota // letter, digit, mark or joiner inside words
	cLetter             // a letter
	cUpper              // upper or title case letter
	cLower              // lower case letter
)

// asciiClass holds the classes of ASCII characters.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range utf8.RuneSelf {
		switch {
		case 'a' <= c && c <= 'z':
			t[c] = cWord | cLetter | cLower
		case 'A' <= c && c <= 'Z':
			t[c] = cWord | cLetter | cUpper
		case '0' <= c && c <= '9':
			t[c] = cWord
		}
	}
	return t
}()

// classify returns the character classes of r; ASCII and basic Cyrillic
// take a fast path.
func classify(r rune) uint8 {
	switch {
	case r < 0:
		return 0
	case r < utf8.RuneSelf:
		return asciiClass[r]
	case 0x400 <= r && r < 0x430:
		return cWord | cLetter | cUpper
	case 0x430 <= r && r < 0x460:
		return cWord | cLetter | cLower
	}
	if !isWordRune(r) {
		return 0
	}
	c := uint8(cWord)
	if unicode.IsLetter(r) {
		c |= cLetter
		if unicode.IsUpper(r) || unicode.IsTitle(r) {
			c |= cUpper
		} else if unicode.IsLower(r) {
			c |= cLower
		}
	}
	return c
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')
	}
	return unicode.IsLetter(r)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\v'
	}
	return unicode.IsSpace(r) || r == 0x200b || r == 0xfeff
}

// runeAt decodes the rune at byte i of s, or -1 past the end.
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return -1, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func (a *Analyzer) appendTokens(toks []model.Token, s string, base int, lang string) []model.Token {
	slot := a.reg.Index(lang)
	if slot < 0 {
		slot = a.reg.Len()
	}
	for i := 0; i < len(s); {
		r, size := runeAt(s, i)
		if isSpace(r) {
			i += size
			continue
		}
		start := i
		if !isWordRune(r) || r == 0xad || r == 0x200d {
			// Possessive 's after a Latin word.
			if isApostrophe(r) && i > 0 && len(toks) > 0 && toks[len(toks)-1].End == base+i {
				if n, nsize := runeAt(s, i+size); n == 's' || n == 'S' {
					if after, _ := runeAt(s, i+size+nsize); !isWordRune(after) {
						end := i + size + nsize
						toks = a.appendWord(toks, s[start:end], base+start, slot, lang, true, false, false)
						i = end
						continue
					}
				}
			}
			t := s[start : i+size]
			tok := model.Token{Start: base + start, End: base + i + size, Text: t, Kind: model.Punct}
			tok.Norm = t
			if r >= utf8.RuneSelf {
				if an, ok := a.cache.get(slot, t); ok {
					tok.Norm = an.norm
				} else {
					tok.Norm = a.Normalize(t)
					a.cache.put(slot, t, &analysis{norm: tok.Norm, stem: tok.Norm})
				}
			}
			tok.Stem = tok.Norm
			toks = append(toks, tok)
			i += size
			continue
		}
		// A word or number.
		hasLetter := false
		hasLower, letters := false, 0
		cap := false
		first := true
		j := i
		for j < len(s) {
			r, size := runeAt(s, j)
			if c := classify(r); c&cWord != 0 {
				if c&cLetter != 0 {
					hasLetter = true
					letters++
					if first {
						cap = c&cUpper != 0
					}
					if c&cLower != 0 {
						hasLower = true
					}
				}
				first = false
				j += size
				continue
			}
			prev, _ := utf8.DecodeLastRuneInString(s[:j])
			next, nsize := runeAt(s, j+size)
			if next < 0 || !isWordRune(next) || next == 0xad {
				break
			}
			if isHyphen(r) && (isLetter(prev) || isLetter(next)) {
				j += size
				continue
			}
			if isApostrophe(r) && isLetter(prev) && isLetter(next) {
				// English possessive: leave "'s" to the next token.
				if next == 's' || next == 'S' {
					if after, _ := runeAt(s, j+size+nsize); !isWordRune(after) {
						break
					}
				}
				j += size
				continue
			}
			if (r == '.' || r == ',') && isDigit(prev) && isDigit(next) && !hasLetter {
				j += size
				continue
			}
			break
		}
		upper := hasLetter && !hasLower && letters >= 2
		toks = a.appendWord(toks, s[start:j], base+start, slot, lang, hasLetter, cap, upper)
		i = j
	}
	return toks
}

// MaxWordBytes is the longest token that is normalised, stemmed and keyed
// (German compounds reach ~80 bytes, Cyrillic words twice their letters).
const MaxWordBytes = 256

// appendWord appends a Word (hasLetter) or Number token for text t.
func (a *Analyzer) appendWord(toks []model.Token, t string, start, slot int, lang string, hasLetter, cap, upper bool) []model.Token {
	tok := model.Token{Start: start, End: start + len(t), Text: t, Cap: cap, Upper: upper}
	if !hasLetter {
		tok.Kind = model.Number
		tok.Norm, tok.Stem, tok.Key = t, t, t
		return append(toks, tok)
	}
	tok.Kind = model.Word
	if len(t) > MaxWordBytes {
		// No word is this long: a run of letters without spaces (a hash,
		// a base64 blob, a 5 MB line) is kept as it is, unstemmed and
		// uncached, so that its cost stays linear in its length.
		tok.Norm, tok.Stem, tok.Key = t, t, t
		return append(toks, tok)
	}
	an, ok := a.cache.get(slot, t)
	if !ok {
		an = &analysis{norm: a.Normalize(t)}
		an.stem = a.Stem(lang, an.norm)
		an.key = a.LatinKey(an.norm)
		a.cache.put(slot, t, an)
	}
	tok.Norm, tok.Stem, tok.Key = an.norm, an.stem, an.key
	return append(toks, tok)
}
