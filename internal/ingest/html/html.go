// Package html turns a web page into an article: its paragraphs and what
// its metadata says of it.
//
// In: the bytes of a page as fetched or saved, with the HTTP Content-Type
// when known and the page's URL when known. Out: a Page holding the title,
// the publication date, the language, the canonical URL, the site's name and
// the main content's paragraphs, without menus, cookie banners, related
// links, comments or scripts; Page.Text writes it in entente's text format
// (metadata lines, a blank line, one paragraph per block) for package ingest
// to parse like any text file.
//
// The bytes are decoded from the charset of the Content-Type, else of the
// page's <meta> tags, else a sniffed one (UTF-8, windows-1251, KOI8-R, …:
// golang.org/x/net/html/charset). Metadata comes from the sources listed in
// data/clean/html_meta.tsv, best first (JSON-LD, Open Graph, <meta>,
// <time>, <html lang>, <link rel=canonical>). Elements that never hold
// article text, and those whose class or id names boilerplate
// (data/clean/html_boilerplate.txt), are pruned first. The main content is
// then, in order: the element semantic markup names (itemprop=articleBody,
// an <article> with most of the paragraph text); the element whose own
// paragraphs or running text are most of the page's; the smallest element
// around the headline holding an article's worth of text; what
// codeberg.org/readeck/go-readability/v2 (Mozilla's Readability) finds;
// else the page's <article>, <main> or <body> whole. Page.Method says
// which.
package html

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"

	"entente/data"
	"entente/internal/ingest/canon"
	"entente/internal/tsv"
)

// Page is what a web page holds.
type Page struct {
	Title string
	// Date is the publication date as YYYY-MM-DD (or YYYY-MM, YYYY), "" if
	// the metadata gives none.
	Date string
	// Lang is the language the page declares, a lower-case primary subtag
	// ("de", "en"), "" if none.
	Lang string
	// URL is the canonical URL the page names, else the URL it was read
	// from; "" if neither is known.
	URL string
	// Site is the site's name.
	Site string
	// Paragraphs are the main content's blocks in order, white space
	// collapsed (a line break inside a block is kept as "\n").
	Paragraphs []string
	// Method says how the main content was found (Method* constants).
	Method string
}

// How the main content of a page was found.
const (
	// MethodMarkup: itemprop=articleBody, or an <article> holding most of
	// the page's paragraph text after pruning.
	MethodMarkup = "markup"
	// MethodParagraphs: the element whose <p> children hold most of it.
	MethodParagraphs = "paragraphs"
	// MethodTitle: the smallest element around the page's headline that
	// holds an article's worth of text besides it.
	MethodTitle = "title"
	// MethodReadability: Readability's choice.
	MethodReadability = "readability"
	// MethodWhole: the page's <article>, <main> or <body>, cleaned.
	MethodWhole = "whole"
)

// ErrNoContent says that a page holds no text.
var ErrNoContent = errors.New("no text in the page")

// Extractor reads pages with a set of metadata sources. It is safe for
// concurrent use.
type Extractor struct {
	canon  *canon.Canon
	rules  []rule
	boiler tsv.Words
	// MaxBytes caps the page size read (default 16 MiB).
	MaxBytes int
	// readabilityOnly skips pruning and semantic markup (tests measure
	// Readability alone with it).
	readabilityOnly bool
}

// rule is one line of html_meta.tsv.
type rule struct {
	kind, name, field string
}

// metaFile is the path of the metadata sources in data.FS and overlays;
// boilerFile the words of boilerplate classes.
const (
	metaFile   = "clean/html_meta.tsv"
	boilerFile = "clean/html_boilerplate.txt"
)

// New loads the metadata sources from the embedded data/clean/html_meta.tsv
// and each overlay's clean/html_meta.tsv (an overlay's sources come first),
// and the boilerplate words of html_boilerplate.txt likewise; c
// canonicalises the URLs pages name.
func New(c *canon.Canon, overlays ...fs.FS) (*Extractor, error) {
	x := &Extractor{canon: c, MaxBytes: 16 << 20}
	for i := len(overlays) - 1; i >= 0; i-- {
		if err := x.load(overlays[i], false); err != nil {
			return nil, err
		}
	}
	if err := x.load(data.FS, true); err != nil {
		return nil, err
	}
	for _, fsys := range append([]fs.FS{data.FS}, overlays...) {
		if err := x.loadBoiler(fsys, fsys == fs.FS(data.FS)); err != nil {
			return nil, err
		}
	}
	return x, nil
}

func (x *Extractor) loadBoiler(fsys fs.FS, required bool) error {
	if err := x.boiler.Load(fsys, boilerFile, required); err != nil {
		return fmt.Errorf("html: %w", err)
	}
	return nil
}

var fields = map[string]bool{"title": true, "date": true, "lang": true, "url": true, "site": true}
var kinds = map[string]bool{"meta": true, "link": true, "jsonld": true, "time": true, "html": true, "title": true}

func (x *Extractor) load(fsys fs.FS, required bool) error {
	err := tsv.Each(fsys, metaFile, func(cols []string, n int) error {
		if len(cols) < 3 {
			return fmt.Errorf("%s:%d: want kind, name and field", metaFile, n)
		}
		r := rule{kind: strings.TrimSpace(cols[0]), name: strings.TrimSpace(cols[1]), field: strings.TrimSpace(cols[2])}
		if !kinds[r.kind] {
			return fmt.Errorf("%s:%d: kind %q: want meta, link, jsonld, time, html or title", metaFile, n, r.kind)
		}
		if !fields[r.field] {
			return fmt.Errorf("%s:%d: field %q: want title, date, lang, url or site", metaFile, n, r.field)
		}
		if r.name == "" {
			return fmt.Errorf("%s:%d: empty name", metaFile, n)
		}
		if r.kind == "meta" || r.kind == "link" {
			r.name = strings.ToLower(r.name)
		}
		x.rules = append(x.rules, r)
		return nil
	})
	if !required && errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("html: %w", err)
	}
	return nil
}

// Decode returns the page's text as UTF-8, decoded from the charset that
// contentType names, else the one the page's <meta> tags name, else a
// sniffed one: UTF-8 when the bytes are valid UTF-8, windows-1251 or KOI8-R
// when their letters are mostly Cyrillic, else windows-1252.
func Decode(b []byte, contentType string) (string, error) {
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	enc, name, certain := charset.DetermineEncoding(b, contentType)
	if !certain && (name == "windows-1252" || name == "utf-8") {
		// No header, and the page names no charset or names one its
		// bytes belie.
		switch {
		case utf8.Valid(b):
			return string(b), nil
		default:
			enc, name = sniffCyrillic(b)
		}
	}
	if enc == encoding.Nop || name == "utf-8" {
		return strings.ToValidUTF8(string(b), "\uFFFD"), nil
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), b)
	if err != nil {
		return "", fmt.Errorf("html: decode %s: %w", name, err)
	}
	return string(out), nil
}

// sniffCyrillic tells windows-1251 from KOI8-R from windows-1252 by the
// bytes of letters outside markup: Cyrillic text is mostly bytes from 0xC0
// up, small letters at 0xE0–0xFF in windows-1251 and at 0xC0–0xDF in
// KOI8-R; Latin text is mostly ASCII.
func sniffCyrillic(b []byte) (encoding.Encoding, string) {
	var ascii, low, high int // ASCII letters, 0xC0–0xDF, 0xE0–0xFF
	inTag := false
	for _, c := range b {
		switch {
		case c == '<':
			inTag = true
		case c == '>':
			inTag = false
		case inTag:
		case c >= 0xE0:
			high++
		case c >= 0xC0:
			low++
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			ascii++
		}
	}
	if low+high > ascii {
		if low > high {
			return charmap.KOI8R, "koi8-r"
		}
		return charmap.Windows1251, "windows-1251"
	}
	return charmap.Windows1252, "windows-1252"
}

// Extract reads a page: contentType is the HTTP Content-Type ("" if
// unknown), pageURL the address it came from ("" if unknown).
func (x *Extractor) Extract(b []byte, contentType, pageURL string) (*Page, error) {
	if x.MaxBytes > 0 && len(b) > x.MaxBytes {
		return nil, fmt.Errorf("html: page of %d bytes is larger than %d", len(b), x.MaxBytes)
	}
	src, err := Decode(b, contentType)
	if err != nil {
		return nil, err
	}
	doc, err := xhtml.Parse(strings.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("html: %w", err)
	}
	return x.ExtractNode(doc, pageURL)
}

// ExtractNode reads a parsed page; it changes doc.
func (x *Extractor) ExtractNode(doc *xhtml.Node, pageURL string) (*Page, error) {
	var base *url.URL
	if pageURL != "" {
		if u, err := url.Parse(pageURL); err == nil && u.IsAbs() {
			base = u
		}
	}
	pg := &Page{}
	x.metadata(doc, base, pg)
	if pg.URL == "" && base != nil {
		if c, err := x.canon.URL(base.String()); err == nil {
			pg.URL = c
		}
	}
	var headings []string
	var content *xhtml.Node
	if !x.readabilityOnly {
		headings, content, pg.Method = x.prune(doc)
	}
	if content == nil && !x.readabilityOnly {
		var head string
		if content, head = aroundTitle(doc, pg.Title); content != nil {
			pg.Method, pg.Title = MethodTitle, head
		}
	}
	if content == nil {
		content, pg.Method = mainContent(doc, base)
	}
	pg.Paragraphs = paragraphs(content)
	// A title read from <title> may carry the site's name: the page's
	// own heading (or the content's first block), when the title starts
	// or ends with it beside a separator, is the headline.
	cands := append([]string(nil), headings...)
	cands = append(cands, pg.Paragraphs[:min(len(pg.Paragraphs), 2)]...)
	for _, h := range cands {
		if h != "" && h != pg.Title && (isPart(pg.Title, h, true) || isPart(pg.Title, h, false)) {
			pg.Title = h
			break
		}
	}
	// The headline opens the text (as in the text files entente reads):
	// keep the content's own copy of it, or add it.
	if pg.Title != "" {
		if len(pg.Paragraphs) == 0 || !sameText(pg.Paragraphs[0], pg.Title) {
			if i := indexText(pg.Paragraphs, pg.Title); i > 0 && i < 3 {
				pg.Paragraphs = append(pg.Paragraphs[:i:i], pg.Paragraphs[i+1:]...)
			}
			pg.Paragraphs = append([]string{pg.Title}, pg.Paragraphs...)
		}
	}
	if len(pg.Paragraphs) == 0 || (len(pg.Paragraphs) == 1 && pg.Paragraphs[0] == pg.Title) {
		return pg, fmt.Errorf("html: %w", ErrNoContent)
	}
	return pg, nil
}

// isPart reports whether title is h followed (or, with first false,
// preceded) by a separator and more words: "Headline | Site".
func isPart(title, h string, first bool) bool {
	var rest string
	var ok bool
	if first {
		rest, ok = strings.CutPrefix(title, h)
	} else {
		rest, ok = strings.CutSuffix(title, h)
	}
	if !ok || rest == "" {
		return false
	}
	// The separator is what stands between h and the next letter or digit.
	notWord := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
	var sep string
	if first {
		sep = rest[:len(rest)-len(strings.TrimLeftFunc(rest, notWord))]
	} else {
		sep = rest[len(strings.TrimRightFunc(rest, notWord)):]
	}
	sep = strings.TrimSpace(sep)
	return sep != "" && strings.Trim(sep, "|:-–—·/»«>") == "" && strings.IndexFunc(rest, unicode.IsLetter) >= 0
}

func sameText(a, b string) bool { return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b)) }

func indexText(ps []string, s string) int {
	for i, p := range ps {
		if sameText(p, s) {
			return i
		}
	}
	return -1
}

// aroundTitle finds the page's headline in its body (an element whose
// text is the title, or the title's part beside a separator: "Site ::
// Headline") and returns the smallest element around it that holds
// minArticle bytes of text besides the headline, unless that is most of
// the page; and the headline.
func aroundTitle(doc *xhtml.Node, title string) (*xhtml.Node, string) {
	body := findFirst(doc, atom.Body)
	if body == nil || title == "" {
		return nil, ""
	}
	type cand struct {
		n    *xhtml.Node
		head string
	}
	var cands []cand
	var find func(*xhtml.Node)
	find = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.DataAtom != atom.A {
			if t := oneLine(textOf(n)); t != "" && len(t) <= 2*len(title) {
				if t == title || isPart(title, t, true) || isPart(title, t, false) {
					cands = append(cands, cand{n, t})
					return
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(body)
	// A site's name is a part of the title too: the headline is the
	// match with the smallest surrounding article.
	all := textLen(body) - linkText(body)
	var best *xhtml.Node
	var head string
	bestLen := all
	for _, c := range cands {
		for n := c.n.Parent; n != nil && n != body; n = n.Parent {
			size := textLen(n) - linkText(n)
			if size-len(c.head) >= minArticle {
				if size*10 <= all*8 && size < bestLen {
					best, head, bestLen = n, c.head, size
				}
				break
			}
		}
	}
	return best, head
}

// mainContent returns the node holding the article, found by Readability.
func mainContent(doc *xhtml.Node, base *url.URL) (*xhtml.Node, string) {
	// Readability removes nodes from the tree it reads; the fallback needs
	// them, so it finds its node first.
	fallback := findFirst(doc, atom.Article)
	if fallback == nil {
		fallback = findFirst(doc, atom.Main)
	}
	if fallback == nil {
		fallback = findFirst(doc, atom.Body)
	}
	if fallback == nil {
		fallback = doc
	}
	fallback = cloneClean(fallback)
	ps := readability.NewParser()
	ps.CharThresholds = minArticle
	art, err := ps.ParseAndMutate(doc, base)
	if err == nil && art.Node != nil && strings.TrimSpace(textOf(art.Node)) != "" {
		return art.Node, MethodReadability
	}
	return fallback, MethodWhole
}

// cloneClean copies n without scripts, styles, forms, navigation and other
// non-text elements.
func cloneClean(n *xhtml.Node) *xhtml.Node {
	c := &xhtml.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Attr: n.Attr}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == xhtml.CommentNode || (ch.Type == xhtml.ElementNode && skipTag[ch.DataAtom]) {
			continue
		}
		c.AppendChild(cloneClean(ch))
	}
	return c
}

var skipTag = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Form: true,
	atom.Nav: true, atom.Footer: true, atom.Aside: true, atom.Button: true, atom.Select: true,
	atom.Textarea: true, atom.Input: true, atom.Svg: true, atom.Iframe: true, atom.Head: true,
	atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Figure: true,
}

func findFirst(n *xhtml.Node, a atom.Atom) *xhtml.Node {
	if n.Type == xhtml.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findFirst(c, a); f != nil {
			return f
		}
	}
	return nil
}

func textOf(n *xhtml.Node) string {
	var sb strings.Builder
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.TextNode {
			sb.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return sb.String()
}

// blockTag lists the elements that end a paragraph.
var blockTag = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Blockquote: true,
	atom.Pre: true, atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true,
	atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Dd: true, atom.Dt: true,
	atom.Dl: true, atom.Figcaption: true, atom.Figure: true, atom.Hr: true, atom.Main: true,
	atom.Aside: true, atom.Nav: true, atom.Address: true, atom.Details: true, atom.Summary: true,
	atom.Body: true, atom.Html: true, atom.Center: true, atom.Form: true, atom.Fieldset: true,
}

// paragraphs renders a content node as blocks of text.
func paragraphs(n *xhtml.Node) []string {
	var out []string
	var cur strings.Builder
	breaks := 0 // <br> seen in a row
	flush := func() {
		if s := collapse(cur.String()); s != "" {
			out = append(out, s)
		}
		cur.Reset()
		breaks = 0
	}
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		switch n.Type {
		case xhtml.TextNode:
			if strings.TrimSpace(n.Data) != "" {
				breaks = 0
			}
			cur.WriteString(n.Data)
			return
		case xhtml.ElementNode:
			if skipTag[n.DataAtom] && n.DataAtom != atom.Figure && n.DataAtom != atom.Footer && n.DataAtom != atom.Aside && n.DataAtom != atom.Nav {
				return
			}
			if n.DataAtom == atom.Br {
				if breaks++; breaks >= 2 {
					flush()
				} else {
					cur.WriteByte('\n')
				}
				return
			}
		}
		block := n.Type == xhtml.ElementNode && blockTag[n.DataAtom]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	return out
}

// collapse folds runs of white space into one space, or into "\n" where the
// run holds a line break from <br> (other newlines in the source are
// spaces), and trims the ends.
func collapse(s string) string {
	var sb strings.Builder
	sb.Grow(len(s))
	space, nl := false, false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u00a0' {
			space = true
			continue
		}
		if space && sb.Len() > 0 {
			if nl {
				sb.WriteByte('\n')
			} else {
				sb.WriteByte(' ')
			}
		}
		space, nl = false, false
		sb.WriteRune(r)
	}
	return sb.String()
}

// Text writes the page in entente's text format: one metadata line per
// field known ("title …", "date …", "lang …", "url …", "source …"), a
// blank line, then the paragraphs separated by blank lines.
func (p *Page) Text() string {
	var sb strings.Builder
	line := func(k, v string) {
		v = oneLine(v)
		if v != "" {
			sb.WriteString(k)
			sb.WriteByte(' ')
			sb.WriteString(v)
			sb.WriteByte('\n')
		}
	}
	line("title", p.Title)
	if ParseDate(p.Date) == p.Date {
		line("date", p.Date)
	}
	line("lang", langTag(p.Lang))
	if strings.HasPrefix(p.URL, "http://") || strings.HasPrefix(p.URL, "https://") {
		line("url", strings.ReplaceAll(p.URL, " ", "%20"))
	}
	line("source", p.Site)
	for _, para := range p.Paragraphs {
		sb.WriteByte('\n')
		sb.WriteString(para)
		sb.WriteByte('\n')
	}
	return sb.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Sniff reports whether b looks like an HTML page: its first markup,
// after white space, a byte order mark and comments, is a doctype, <html>,
// <head> or <body>.
func Sniff(b []byte) bool {
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	for {
		b = bytes.TrimLeft(b, " \t\r\n\f")
		if !bytes.HasPrefix(b, []byte("<!--")) {
			break
		}
		end := bytes.Index(b, []byte("-->"))
		if end < 0 {
			return false
		}
		b = b[end+3:]
	}
	if len(b) > 16 {
		b = b[:16]
	}
	l := bytes.ToLower(b)
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body"} {
		if bytes.HasPrefix(l, []byte(p)) {
			return true
		}
	}
	return false
}
