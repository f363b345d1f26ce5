// Package ingest turns files into documents. It takes a file's bytes (or
// standard input) and gives a model.Document whose Text is the original text
// (decoded to UTF-8 where it was UTF-16, windows-1251 or KOI8-R; a UTF-8 byte
// order mark is kept and skipped, so offsets are the file's), whose Meta holds
// the leading metadata lines ("date 2024-07", "title ...", "url ...") and
// whose Body lists one span per paragraph of the remaining text. It works in
// this order: check the size, decode the bytes (Decode: UTF-8 as it is, UTF-16
// and legacy Cyrillic decoded, NUL bytes refused), read metadata lines from
// the top while they match
// a key of data/clean/meta_keys.txt, then split the rest into blocks at blank
// lines. Cleaning boilerplate out of the body is left to package clean.
package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"unicode"
	"unicode/utf8"

	"entente/data"
	"entente/internal/ingest/canon"
	"entente/internal/ingest/html"
	"entente/internal/model"
	"entente/internal/tsv"
)

// Shapes of metadata values.
const (
	shapeDate = "date"
	shapeURL  = "url"
	shapeText = "text"
)

// metaKey is one entry of meta_keys.txt.
type metaKey struct {
	shape     string
	canonical string
}

// Parser reads metadata lines with a set of keys, web pages with an
// html.Extractor and URLs with a canon.Canon, all from the same data
// overlays. Use NewParser. A Parser is safe for concurrent use.
type Parser struct {
	keys  map[string]metaKey
	html  *html.Extractor
	canon *canon.Canon
	// MaxBytes, when above 0, is the largest document ReadFile, Read and
	// Walk accept: a larger one is reported with ErrTooLarge and skipped.
	// Set it before the Parser is shared.
	MaxBytes int64
}

// metaKeysFile is the path of the key list in data.FS and in user overlays.
const metaKeysFile = "clean/meta_keys.txt"

// NewParser loads the metadata keys from the embedded data/clean/meta_keys.txt
// and then from each overlay that has a clean/meta_keys.txt, later entries
// overriding earlier ones; the web page rules and tracking parameters of
// data/clean likewise (html.New, canon.New).
func NewParser(extra ...fs.FS) (*Parser, error) {
	p := &Parser{keys: make(map[string]metaKey)}
	if err := p.load(data.FS, true); err != nil {
		return nil, err
	}
	var err error
	if p.canon, err = canon.New(extra...); err != nil {
		return nil, err
	}
	if p.html, err = html.New(p.canon, extra...); err != nil {
		return nil, err
	}
	for _, fsys := range extra {
		if err := p.load(fsys, false); err != nil {
			return nil, err
		}
	}
	return p, nil
}

func (p *Parser) load(fsys fs.FS, required bool) error {
	err := tsv.Each(fsys, metaKeysFile, func(cols []string, n int) error {
		key := strings.ToLower(strings.TrimSpace(cols[0]))
		if key == "" || strings.IndexFunc(key, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			return fmt.Errorf("%s:%d: key %q: want letters only", metaKeysFile, n, cols[0])
		}
		mk := metaKey{shape: shapeText, canonical: key}
		if len(cols) > 1 && strings.TrimSpace(cols[1]) != "" {
			mk.shape = strings.TrimSpace(cols[1])
		}
		switch mk.shape {
		case shapeDate, shapeURL, shapeText:
		default:
			return fmt.Errorf("%s:%d: shape %q: want date, url or text", metaKeysFile, n, mk.shape)
		}
		if len(cols) > 2 && strings.TrimSpace(cols[2]) != "" {
			mk.canonical = strings.TrimSpace(cols[2])
		}
		p.keys[key] = mk
		return nil
	})
	if !required && errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	return nil
}

// Parse builds a document from text. Text is kept as given. Leading lines of
// the form "key value" or "key: value" whose key is known become Meta; a date
// or URL value may be followed by body text on the same line (" date 2024-07
// Die Beziehungen ..."), which then starts the body. Published comes from the
// "date" metadata, else the "published" metadata, else the published argument.
// Body holds one span per block of the rest, blocks being separated by blank
// lines, each span trimmed of surrounding white space.
func (p *Parser) Parse(id, path, text string, published model.Point) *model.Document {
	doc := &model.Document{ID: id, Path: path, Text: text}
	start := p.readMeta(doc, len(text)-len(strings.TrimPrefix(text, bom)))
	switch {
	case setPoint(&doc.Published, doc.Meta["date"]):
	case setPoint(&doc.Published, doc.Meta["published"]):
	case p.datedLine(doc, start):
	default:
		doc.Published = published
	}
	doc.Body = Blocks(text, start)
	return doc
}

// datedLines is how many non-blank lines after the metadata datedLine
// reads: a page's title and teaser come before its "Stand:" line.
const datedLines = 8

// datedLine sets Published from a date line among the first lines of the
// body ("Stand: 28.02.2025 22:44 Uhr", "Published: 2024-07-31"): a known
// date key (data/clean/meta_keys.txt) with a colon, then a date. The line
// stays in the body.
func (p *Parser) datedLine(doc *model.Document, pos int) bool {
	text := doc.Text
	for n := 0; pos < len(text) && n < datedLines; {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		line := strings.TrimSpace(text[pos:end])
		pos = end + 1
		if line == "" {
			continue
		}
		n++
		key, val, _, sep, ok := splitKey(line)
		if !ok || sep != ':' {
			continue
		}
		if mk, known := p.keys[strings.ToLower(key)]; known && mk.shape == shapeDate {
			tok := strings.Trim(val, "`'\" ")
			if i := strings.IndexFunc(tok, unicode.IsSpace); i >= 0 {
				tok = tok[:i]
			}
			if setPoint(&doc.Published, tok) {
				return true
			}
		}
	}
	return false
}

func setPoint(dst *model.Point, v string) bool {
	if v == "" {
		return false
	}
	pt, ok := parseDate(v)
	if ok {
		*dst = pt
	}
	return ok
}

// parseDate reads YYYY, YYYY-MM or YYYY-MM-DD, the day optionally followed by
// an ISO time ("2024-07-03T10:00:00Z"), or a European DD.MM.YYYY.
func parseDate(v string) (model.Point, bool) {
	if len(v) == 10 && v[2] == '.' && v[5] == '.' {
		v = v[6:] + "-" + v[3:5] + "-" + v[:2]
	}
	if len(v) > 10 && (v[10] == 'T' || v[10] == 't') {
		v = v[:10]
	}
	if len(v) == 7 && v[0] == '-' { // --MM-DD is no publication date
		return model.Point{}, false
	}
	pt, err := model.ParsePoint(v)
	return pt, err == nil && pt.Year > 0
}

// readMeta fills doc.Meta from the leading metadata lines, read from pos
// (after a byte order mark), and returns the offset where the body starts.
func (p *Parser) readMeta(doc *model.Document, pos int) int {
	text := doc.Text
	for pos < len(text) {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		line := text[pos:end]
		lead := len(line) - len(strings.TrimLeftFunc(line, unicode.IsSpace))
		if lead == len(line) { // blank line
			pos = end + 1
			continue
		}
		key, val, valStart, sep, ok := splitKey(line[lead:])
		if !ok {
			return pos
		}
		mk, known := p.keys[strings.ToLower(key)]
		if !known {
			return pos
		}
		switch mk.shape {
		case shapeDate, shapeURL:
			tok := val
			if i := strings.IndexFunc(val, unicode.IsSpace); i >= 0 {
				tok = val[:i]
			}
			if !validValue(mk.shape, tok) {
				return pos
			}
			setMeta(doc, mk.canonical, tok)
			rest := val[len(tok):]
			if strings.TrimSpace(rest) != "" { // inline: body follows on this line
				return pos + lead + valStart + len(tok)
			}
		case shapeText:
			if sep == ' ' && key != strings.ToLower(key) {
				return pos
			}
			v := strings.TrimSpace(val)
			if v == "" {
				return pos
			}
			setMeta(doc, mk.canonical, v)
		}
		pos = end + 1
	}
	return len(text)
}

func setMeta(doc *model.Document, key, val string) {
	if doc.Meta == nil {
		doc.Meta = make(map[string]string, 2)
	}
	if _, dup := doc.Meta[key]; !dup {
		doc.Meta[key] = val
	}
}

func validValue(shape, tok string) bool {
	switch shape {
	case shapeDate:
		_, ok := parseDate(tok)
		return ok
	case shapeURL:
		return strings.HasPrefix(tok, "http://") || strings.HasPrefix(tok, "https://")
	}
	return false
}

// splitKey splits "key value", "key: value" or "key=value" into the key, the
// value (left-trimmed, with its offset in s) and the separator (' ', ':' or
// '=').
func splitKey(s string) (key, val string, valStart int, sep byte, ok bool) {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			break
		}
		i += n
	}
	if i == 0 || i == len(s) {
		return "", "", 0, 0, false
	}
	key = s[:i]
	j := i
	for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		j++
	}
	sep = ' '
	if s[i] == '\t' {
		sep = '\t'
	}
	if j < len(s) && (s[j] == ':' || s[j] == '=') {
		sep = s[j]
		j++
		for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
			j++
		}
	} else if j == i {
		return "", "", 0, 0, false // "dates" or "date-line": no separator
	}
	return key, s[j:], j, sep, true
}

// Blocks returns the spans of text[start:] separated by blank lines (lines
// holding only white space), each trimmed of surrounding white space. Single
// newlines stay inside a block.
func Blocks(text string, start int) []model.Span {
	var spans []model.Span
	blockStart, blockEnd := -1, -1
	pos := start
	for pos <= len(text) {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		line := text[pos:end]
		if isBlank(line) {
			if blockStart >= 0 {
				spans = appendTrimmed(spans, text, blockStart, blockEnd)
				blockStart = -1
			}
		} else {
			if blockStart < 0 {
				blockStart = pos
			}
			blockEnd = end
		}
		pos = end + 1
	}
	if blockStart >= 0 {
		spans = appendTrimmed(spans, text, blockStart, blockEnd)
	}
	return spans
}

func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ' ' && c != '\t' && c != '\r' && c != '\v' && c != '\f' {
			if c < utf8.RuneSelf {
				return false
			}
			return strings.TrimFunc(s[i:], unicode.IsSpace) == ""
		}
	}
	return true
}

func appendTrimmed(spans []model.Span, text string, s, e int) []model.Span {
	seg := text[s:e]
	t := strings.TrimLeftFunc(seg, unicode.IsSpace)
	s += len(seg) - len(t)
	t = strings.TrimRightFunc(t, unicode.IsSpace)
	if len(t) == 0 {
		return spans
	}
	return append(spans, model.Span{Start: s, End: s + len(t)})
}
