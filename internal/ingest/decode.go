package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// ErrTooLarge is the error for a document over the parser's size limit.
var ErrTooLarge = errors.New("document too large")

// Encoding names that Decode reports (and Document.Meta["encoding"] holds).
const (
	EncUTF16LE     = "utf-16le"
	EncUTF16BE     = "utf-16be"
	EncWindows1251 = "windows-1251"
	EncKOI8R       = "koi8-r"
)

// Decode turns a file's bytes into UTF-8 text and names the encoding it
// decoded from ("" for UTF-8, whose bytes are kept as they are, a byte
// order mark included, so that offsets into the text are offsets into the
// file). UTF-16 is recognised by its byte order mark, or without one by NUL
// bytes in every other position; bytes that are not UTF-8 and look like
// Cyrillic text are decoded as windows-1251 or KOI8-R, whichever gives more
// lower-case letters (running text is mostly lower case). Anything else is
// ErrBinary (NUL bytes) or ErrNotUTF8.
func Decode(b []byte) (string, string, error) {
	if enc, ok := utf16Order(b); ok {
		s, err := decodeUTF16(b, enc)
		return s, enc, err
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return "", "", ErrBinary
	}
	if utf8.Valid(b) {
		return string(b), "", nil
	}
	if mostlyUTF8(b) {
		// A UTF-8 text with a broken sequence (a cut file) is no legacy
		// text: decoding it as windows-1251 would garble it all.
		return "", "", ErrNotUTF8
	}
	if enc, s, ok := legacyCyrillic(b); ok {
		return s, enc, nil
	}
	return "", "", ErrNotUTF8
}

// utf16Order recognises UTF-16 by its byte order mark, or without one by the
// high bytes of the first 512 code units: in Latin, Cyrillic and Greek text
// they are all below 0x30 and some are NUL (ASCII), while the low bytes
// hold no NUL (a binary file has NUL bytes and large bytes in both).
func utf16Order(b []byte) (string, bool) {
	if len(b) >= 2 {
		switch {
		case b[0] == 0xFF && b[1] == 0xFE:
			return EncUTF16LE, true
		case b[0] == 0xFE && b[1] == 0xFF:
			return EncUTF16BE, true
		}
	}
	n := min(len(b)/2, 512)
	if n < 2 || len(b)%2 != 0 {
		return "", false
	}
	// high reports whether the bytes at parity hi look like high bytes
	// and those at the other parity like low bytes.
	high := func(hi int) bool {
		nul := false
		for i := 0; i < n; i++ {
			h, l := b[2*i+hi], b[2*i+1-hi]
			if h >= 0x30 || l == 0 {
				return false
			}
			nul = nul || h == 0
		}
		return nul
	}
	switch {
	case high(1):
		return EncUTF16LE, true
	case high(0):
		return EncUTF16BE, true
	}
	return "", false
}

func decodeUTF16(b []byte, enc string) (string, error) {
	if len(b)%2 != 0 {
		return "", fmt.Errorf("%s with an odd number of bytes: %w", enc, ErrNotUTF8)
	}
	units := make([]uint16, len(b)/2)
	for i := range units {
		if enc == EncUTF16LE {
			units[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		} else {
			units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		}
	}
	if len(units) > 0 && units[0] == 0xFEFF {
		units = units[1:]
	}
	runes := utf16.Decode(units)
	for _, r := range runes {
		if r == 0 {
			return "", ErrBinary
		}
	}
	return string(runes), nil
}

// mostlyUTF8 reports whether most bytes above 0x7F of b are parts of valid
// UTF-8 sequences. In windows-1251 or KOI8-R text few are (a capital letter
// followed by і or ї can read as one), in UTF-8 with a broken sequence all
// but the broken ones are.
func mostlyUTF8(b []byte) bool {
	high, inSeq := 0, 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			high++
			i++
			continue
		}
		high += size
		inSeq += size
		i += size
	}
	return inSeq*2 > high
}

// legacyCyrillic decodes b as windows-1251 and as KOI8-R and keeps the
// reading with more lower-case Cyrillic letters. It refuses text with fewer
// non-ASCII bytes than ASCII letters (a Latin-1 "Grüße": Cyrillic text has
// few Latin letters) or whose reading is not mostly Cyrillic letters.
func legacyCyrillic(b []byte) (string, string, bool) {
	asciiLetters, high := 0, 0
	for _, c := range b {
		switch {
		case c >= 0x80:
			high++
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			asciiLetters++
		}
	}
	if high < asciiLetters {
		return "", "", false
	}
	best, bestEnc, bestLower := "", "", -1
	for _, c := range []struct {
		name string
		cm   *charmap.Charmap
	}{{EncWindows1251, charmap.Windows1251}, {EncKOI8R, charmap.KOI8R}} {
		s, err := c.cm.NewDecoder().String(string(b))
		if err != nil {
			continue
		}
		lower, letters, nonASCII := 0, 0, 0
		for _, r := range s {
			if r < utf8.RuneSelf {
				continue
			}
			nonASCII++
			if unicode.Is(unicode.Cyrillic, r) {
				letters++
				if unicode.IsLower(r) {
					lower++
				}
			}
		}
		if letters*10 < nonASCII*8 {
			continue
		}
		if lower > bestLower {
			best, bestEnc, bestLower = s, c.name, lower
		}
	}
	if bestLower < 0 {
		return "", "", false
	}
	return bestEnc, best, true
}
