package html

import (
	"encoding/json"
	"net/url"
	"strings"
	"time"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// found is what one walk over a page collects for the metadata rules.
type found struct {
	meta    map[string]string // first content per lower-case name, property or itemprop
	link    map[string]string // first href per lower-case rel token
	html    map[string]string // the <html> element's attributes
	title   string
	times   []timeEl
	objects []map[string]any // JSON-LD objects, article types first
}

type timeEl struct {
	attrs    map[string]string
	datetime string
}

// metadata fills the page's fields from doc by the extractor's rules.
func (x *Extractor) metadata(doc *xhtml.Node, base *url.URL, pg *Page) {
	f := &found{meta: map[string]string{}, link: map[string]string{}, html: map[string]string{}}
	var articles, others []map[string]any
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				for _, a := range n.Attr {
					f.html[strings.ToLower(a.Key)] = a.Val
				}
			case atom.Title:
				if f.title == "" {
					f.title = oneLine(textOf(n))
				}
				return
			case atom.Meta:
				content, ok := attr(n, "content")
				if !ok {
					break
				}
				for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
					if v, ok := attr(n, k); ok {
						key := strings.ToLower(strings.TrimSpace(v))
						if _, dup := f.meta[key]; !dup && strings.TrimSpace(content) != "" {
							f.meta[key] = strings.TrimSpace(content)
						}
					}
				}
			case atom.Link:
				rel, _ := attr(n, "rel")
				href, ok := attr(n, "href")
				if !ok {
					break
				}
				for _, r := range strings.Fields(strings.ToLower(rel)) {
					if _, dup := f.link[r]; !dup {
						f.link[r] = strings.TrimSpace(href)
					}
				}
			case atom.Time:
				if dt, ok := attr(n, "datetime"); ok {
					te := timeEl{attrs: map[string]string{}, datetime: dt}
					for _, a := range n.Attr {
						te.attrs[strings.ToLower(a.Key)] = a.Val
					}
					f.times = append(f.times, te)
				}
			case atom.Script:
				if t, _ := attr(n, "type"); strings.EqualFold(strings.TrimSpace(t), "application/ld+json") {
					a, o := jsonLD(textOf(n))
					articles, others = append(articles, a...), append(others, o...)
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	f.objects = append(articles, others...)
	nArticles := len(articles)

	set := map[string]bool{}
	for _, r := range x.rules {
		if set[r.field] {
			continue
		}
		for _, raw := range f.values(r, nArticles) {
			if v := x.normalise(r.field, raw, base); v != "" {
				set[r.field] = true
				switch r.field {
				case "title":
					pg.Title = v
				case "date":
					pg.Date = v
				case "lang":
					pg.Lang = v
				case "url":
					pg.URL = v
				case "site":
					pg.Site = v
				}
				break
			}
		}
	}
	if pg.Title != "" && pg.Site != "" {
		pg.Title = trimSite(pg.Title, pg.Site)
	}
}

// values lists the raw values a rule finds, best first.
func (f *found) values(r rule, nArticles int) []string {
	switch r.kind {
	case "meta":
		if v, ok := f.meta[r.name]; ok {
			return []string{v}
		}
	case "link":
		if v, ok := f.link[r.name]; ok {
			return []string{v}
		}
	case "html":
		if v, ok := f.html[r.name]; ok {
			return []string{v}
		}
	case "title":
		if f.title != "" {
			return []string{f.title}
		}
	case "time":
		var out []string
		for _, t := range f.times {
			if _, ok := t.attrs[r.name]; ok || r.name == "*" {
				out = append(out, t.datetime)
			}
		}
		return out
	case "jsonld":
		var out []string
		for i, o := range f.objects {
			// A page's URL or headline is its article's, never its
			// site's or breadcrumb's.
			if (r.field == "url" || r.field == "title") && i >= nArticles {
				break
			}
			if v := lookup(o, r.name); v != "" {
				out = append(out, v)
			}
		}
		return out
	}
	return nil
}

// jsonLD parses a JSON-LD script and returns its objects of article types
// and its others, @graph members included.
func jsonLD(s string) (articles, others []map[string]any) {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(s)), &v) != nil {
		return nil, nil
	}
	var visit func(any, int)
	visit = func(v any, depth int) {
		if depth > 3 {
			return
		}
		switch t := v.(type) {
		case []any:
			for _, e := range t {
				visit(e, depth+1)
			}
		case map[string]any:
			if g, ok := t["@graph"]; ok {
				visit(g, depth+1)
			}
			if isArticle(t["@type"]) {
				articles = append(articles, t)
			} else {
				others = append(others, t)
			}
		}
	}
	visit(v, 0)
	return articles, others
}

func isArticle(t any) bool {
	switch t := t.(type) {
	case string:
		return strings.HasSuffix(t, "Article") || strings.HasSuffix(t, "Posting") || t == "Report"
	case []any:
		for _, e := range t {
			if isArticle(e) {
				return true
			}
		}
	}
	return false
}

// lookup reads a dotted key ("publisher.name") of a JSON-LD object; a list
// gives its first element.
func lookup(o map[string]any, key string) string {
	var v any = o
	for _, k := range strings.Split(key, ".") {
		if l, ok := v.([]any); ok && len(l) > 0 {
			v = l[0]
		}
		m, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		v = m[k]
	}
	if l, ok := v.([]any); ok && len(l) > 0 {
		v = l[0]
	}
	switch t := v.(type) {
	case string:
		return t
	case map[string]any: // {"@id": "…"} or {"name": "…"}
		for _, k := range []string{"@id", "name", "@value"} {
			if s, ok := t[k].(string); ok {
				return s
			}
		}
	}
	return ""
}

func attr(n *xhtml.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}

// normalise checks and normalises a raw value for a field; "" rejects it.
func (x *Extractor) normalise(field, v string, base *url.URL) string {
	v = strings.TrimSpace(v)
	if v == "" {
		return ""
	}
	switch field {
	case "date":
		return ParseDate(v)
	case "lang":
		return langTag(v)
	case "url":
		u, err := url.Parse(v)
		if err != nil {
			return ""
		}
		if base != nil {
			u = base.ResolveReference(u)
		}
		if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
			return ""
		}
		// A canonical link to the site's front page from an article
		// page is a site's mistake, not the article's address.
		if (u.Path == "" || u.Path == "/") && u.RawQuery == "" && base != nil && base.Path != "" && base.Path != "/" {
			return ""
		}
		// Nor is a canonical link to another site (a syndicated copy
		// names its origin): the page is known where it was read.
		if base != nil && !strings.EqualFold(strings.TrimPrefix(u.Hostname(), "www."), strings.TrimPrefix(base.Hostname(), "www.")) {
			return ""
		}
		c, err := x.canon.URL(u.String())
		if err != nil {
			return ""
		}
		return c
	default:
		return oneLine(v)
	}
}

// langTag gives the primary subtag of a language tag ("de-AT", "ru_RU")
// in lower case, or "".
func langTag(v string) string {
	v = strings.ToLower(v)
	if i := strings.IndexAny(v, "-_"); i >= 0 {
		v = v[:i]
	}
	if len(v) < 2 || len(v) > 3 {
		return ""
	}
	for _, r := range v {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return v
}

// dateLayouts are the written forms of dates in metadata besides ISO 8601.
var dateLayouts = []string{
	time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822, time.RFC850, time.ANSIC,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", "2 Jan 2006", "January 2, 2006",
	"2006/01/02", "2006/01/02 15:04", "02.01.2006", "02.01.2006 15:04", "2.1.2006",
}

// ParseDate reads a date as metadata writes it (ISO 8601 with or without a
// time, RFC 1123, "2006/01/02", "02.01.2006", …) and returns it as
// YYYY-MM-DD (or YYYY-MM, YYYY when that is all it says), or "". A date with
// a time keeps the day as written in its own zone.
func ParseDate(v string) string {
	v = strings.TrimSpace(v)
	if iso := isoDate(v); iso != "" {
		return iso
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, v); err == nil && t.Year() >= 1000 && t.Year() < 3000 {
			return t.Format("2006-01-02")
		}
	}
	return ""
}

// isoDate reads YYYY-MM-DD, YYYY-MM or YYYY, optionally followed by a time
// ("T09:30", " 09:30:00+03:00"), and checks the day exists.
func isoDate(v string) string {
	n := 0
	for n < len(v) && n < 10 && (v[n] >= '0' && v[n] <= '9' || v[n] == '-') {
		n++
	}
	d := v[:n]
	rest := v[n:]
	if rest != "" && rest[0] != 'T' && rest[0] != 't' && rest[0] != ' ' {
		return ""
	}
	switch len(d) {
	case 10:
		if _, err := time.Parse("2006-01-02", d); err == nil {
			return d
		}
	case 7:
		if rest == "" {
			if _, err := time.Parse("2006-01", d); err == nil {
				return d
			}
		}
	case 4:
		if rest == "" && d[0] != '-' {
			return d
		}
	}
	return ""
}

// trimSite drops a site name that a title carries at its start or end
// ("Headline | Site", "Site - Headline").
func trimSite(title, site string) string {
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · ", ": "} {
		if s, ok := strings.CutSuffix(title, sep+site); ok {
			return strings.TrimSpace(s)
		}
		if s, ok := strings.CutPrefix(title, site+sep); ok {
			return strings.TrimSpace(s)
		}
	}
	return title
}
