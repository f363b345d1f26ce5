package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"entente/internal/ingest/html"
	"entente/internal/model"
)

// Input formats (Options.Format).
const (
	FormatAuto  = "auto"  // by extension, else sniffed
	FormatText  = "text"  // UTF-8 text with metadata lines
	FormatHTML  = "html"  // a web page
	FormatJSONL = "jsonl" // one article a line (see ReadJSONL)
)

// Formats lists the values Options.Format takes.
var Formats = []string{FormatAuto, FormatText, FormatHTML, FormatJSONL}

// Options says how WalkWith reads its inputs.
type Options struct {
	// Published is the publication date of documents that carry none.
	Published model.Point
	// Stdin is read for the argument "-".
	Stdin io.Reader
	// Format is how files and standard input are read: FormatAuto (or "")
	// by extension (.html/.htm/.xhtml, .jsonl/.ndjson, else text) and, for
	// text, by sniffing a web page; or one format for every input.
	Format string
	// Fetch, when set, reads arguments that are http(s) URLs: it calls fn
	// with each document the URL gives (a page, or a feed's items).
	Fetch func(ctx context.Context, url string, fn func(*model.Document, error) error) error
	// Context is passed to Fetch; nil means context.Background().
	Context context.Context
}

// CheckFormat returns an error for an unknown input format.
func CheckFormat(f string) error {
	if f == "" {
		return nil
	}
	for _, k := range Formats {
		if f == k {
			return nil
		}
	}
	return fmt.Errorf("ingest: unknown input format %q: want %s", f, strings.Join(Formats, ", "))
}

// formatOf decides how to read a file.
func formatOf(path, forced string) string {
	if forced != "" && forced != FormatAuto {
		return forced
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".jsonl", ".ndjson":
		return FormatJSONL
	}
	return FormatAuto // text, unless it sniffs as HTML
}

// readBytes turns a file's bytes into documents by format.
func (pr *Parser) readBytes(id, path string, b []byte, o Options, fn func(*model.Document, error) error) error {
	format := formatOf(path, o.Format)
	if path == "-" && (o.Format == "" || o.Format == FormatAuto) {
		format = FormatAuto
	}
	switch format {
	case FormatJSONL:
		return pr.ReadJSONL(bytes.NewReader(b), path, o.Published, fn)
	case FormatHTML:
		return fn(pr.FromHTML(id, path, b, "", "", o.Published))
	case FormatAuto:
		if html.Sniff(b) {
			return fn(pr.FromHTML(id, path, b, "", "", o.Published))
		}
	}
	return fn(pr.fromBytes(id, path, b, o.Published))
}

// FromHTML builds a document from a web page: its main content and its
// metadata (see package html) in entente's text format. contentType is
// the HTTP Content-Type ("" for a file), pageURL where it came from ("" for
// a file).
func (pr *Parser) FromHTML(id, path string, b []byte, contentType, pageURL string, published model.Point) (*model.Document, error) {
	pg, err := pr.html.Extract(b, contentType, pageURL)
	if err != nil {
		return nil, fmt.Errorf("ingest: %s: %w", path, err)
	}
	return pr.Parse(id, path, pg.Text(), published), nil
}

// Record is one line of a JSONL input.
type Record struct {
	Text      string `json:"text"`
	HTML      string `json:"html"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Lang      string `json:"lang"`
	Source    string `json:"source"`
}

// maxLine is the longest JSONL line read (a whole article with its HTML).
const maxLine = 64 << 20

// ReadJSONL reads one article a line: a JSON object with "text" (or
// "html", a web page) and optional "url", "title", "published", "lang" and
// "source". Each good line becomes a document (ID its canonical URL, else
// NAME:LINE; path NAME:LINE); a bad line is reported to fn as an error
// "ingest: NAME:LINE: …" and the rest is read. Blank lines are skipped.
// It returns what fn returns, or an error reading r.
func (pr *Parser) ReadJSONL(r io.Reader, name string, published model.Point, fn func(*model.Document, error) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		where := name + ":" + strconv.Itoa(n)
		doc, err := pr.FromRecord(line, where, published)
		if err != nil {
			err = fmt.Errorf("ingest: %s: %w", where, err)
		}
		if e := fn(doc, err); e != nil {
			return e
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("a line longer than %d bytes", maxLine)
		}
		return fn(nil, fmt.Errorf("ingest: %s: %w", name, err))
	}
	return nil
}

// Errors of JSONL records.
var (
	ErrNoText    = errors.New(`no "text" or "html"`)
	ErrBadRecord = errors.New("not a JSON object")
)

// FromRecord builds a document from one JSONL line; where (NAME:LINE) is
// its path, and its ID when it has no URL.
func (pr *Parser) FromRecord(line []byte, where string, published model.Point) (*model.Document, error) {
	if !utf8.Valid(line) {
		return nil, ErrNotUTF8
	}
	var rec Record
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&rec); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		if errors.As(err, &se) || errors.As(err, &te) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, fmt.Errorf("%w: %v", ErrBadRecord, err)
		}
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: more than one value on the line", ErrBadRecord)
	}
	if strings.ContainsRune(rec.Text, 0) || strings.ContainsRune(rec.HTML, 0) {
		return nil, ErrBinary
	}
	id := where
	var u string
	if rec.URL != "" {
		c, err := pr.canon.URL(rec.URL)
		if err != nil {
			return nil, fmt.Errorf("url: %w", err)
		}
		u, id = c, c
	}
	var pg *html.Page
	switch {
	case strings.TrimSpace(rec.Text) != "":
		pg = &html.Page{Paragraphs: []string{strings.TrimSpace(rec.Text)}}
		if t := strings.TrimSpace(rec.Title); t != "" && !strings.HasPrefix(pg.Paragraphs[0], t) {
			pg.Paragraphs = append([]string{t}, pg.Paragraphs...)
		}
	case strings.TrimSpace(rec.HTML) != "":
		var err error
		if pg, err = pr.html.Extract([]byte(rec.HTML), "text/html; charset=utf-8", u); err != nil {
			return nil, err
		}
	default:
		return nil, ErrNoText
	}
	// The record's fields say more than the page's metadata.
	if t := strings.TrimSpace(rec.Title); t != "" {
		pg.Title = t
	}
	if rec.Published != "" {
		d := html.ParseDate(rec.Published)
		if d == "" {
			return nil, fmt.Errorf("published %q: not a date", rec.Published)
		}
		pg.Date = d
	}
	if rec.Lang != "" {
		pg.Lang = rec.Lang
	}
	if u != "" {
		pg.URL = u
	}
	if rec.Source != "" {
		pg.Site = rec.Source
	}
	return pr.Parse(id, where, pg.Text(), published), nil
}
