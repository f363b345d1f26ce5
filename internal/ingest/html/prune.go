package html

import (
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// dropTag lists the elements that never hold article text.
var dropTag = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Form: true,
	atom.Nav: true, atom.Aside: true, atom.Button: true, atom.Select: true, atom.Textarea: true,
	atom.Input: true, atom.Svg: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Canvas: true, atom.Figure: true, atom.Footer: true, atom.Dialog: true, atom.Menu: true,
	atom.Link: true,
}

// prune removes from doc, before content extraction, the elements that
// never hold article text and those whose class or id names boilerplate
// (html_boilerplate.txt), sparing those that hold the article: the
// ancestors of the page's <h1>, of an element marked itemprop=articleBody
// and of its longest <article> (a page may use <article> for teasers too).
//
// It returns the page's first headings (<h1>, <h2>) and the element that
// semantic markup names as the article (nil if none does clearly).
func (x *Extractor) prune(doc *xhtml.Node) (headings []string, article *xhtml.Node) {
	keep := map[*xhtml.Node]bool{}
	protect := func(n *xhtml.Node) {
		for ; n != nil; n = n.Parent {
			keep[n] = true
		}
	}
	var best *xhtml.Node
	bestLen := 0
	var h1, body *xhtml.Node
	var find func(*xhtml.Node)
	find = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode {
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Head:
				return
			case atom.Article:
				if l := len(strings.TrimSpace(textOf(n))); l > bestLen {
					best, bestLen = n, l
				}
			case atom.H1:
				if h1 == nil {
					h1 = n
				}
				fallthrough
			case atom.H2:
				if len(headings) < 4 {
					headings = append(headings, oneLine(textOf(n)))
				}
			case atom.Body:
				body = n
			}
			if v, _ := attr(n, "itemprop"); strings.EqualFold(v, "articleBody") {
				protect(n)
				if article == nil {
					article = n
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	if best != nil {
		protect(best)
	}
	if h1 != nil {
		protect(h1)
	}
	bodyText := 0
	if body != nil {
		bodyText = textLen(body)
	}
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			switch {
			case c.Type == xhtml.CommentNode:
				n.RemoveChild(c)
			case c.Type == xhtml.ElementNode && !keep[c] && dropTag[c.DataAtom]:
				n.RemoveChild(c)
			case c.Type == xhtml.ElementNode && !keep[c] && x.boilerplate(c) && !mostOf(c, bodyText):
				n.RemoveChild(c)
			default:
				if c.DataAtom != atom.Head {
					walk(c)
				}
			}
			c = next
		}
	}
	walk(doc)
	// An <article> that holds most of the page's paragraph text after
	// pruning is the article (a page of teasers has many short ones).
	if article == nil && best != nil && body != nil {
		inArticle, all := pText(best), pText(body)
		if inArticle >= minArticle && inArticle*10 >= all*7 {
			article = best
		}
	}
	return headings, article
}

// mostOf reports whether n holds more than half of the page's text: a
// broken page can leave the article inside an unclosed menu.
func mostOf(n *xhtml.Node, pageText int) bool {
	return pageText > 0 && textLen(n)*2 > pageText
}

// textLen counts the bytes of text under n, outside scripts and styles.
func textLen(n *xhtml.Node) int {
	if n.Type == xhtml.TextNode {
		return len(strings.TrimSpace(n.Data))
	}
	if n.DataAtom == atom.Script || n.DataAtom == atom.Style {
		return 0
	}
	t := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t += textLen(c)
	}
	return t
}

// minArticle is the least paragraph text, in bytes, that makes an
// <article> the article without further checks.
const minArticle = 200

// pText counts the bytes of text inside <p> elements under n.
func pText(n *xhtml.Node) int {
	total := 0
	var walk func(*xhtml.Node, bool)
	walk = func(n *xhtml.Node, inP bool) {
		if n.Type == xhtml.TextNode && inP {
			total += len(strings.TrimSpace(n.Data))
		}
		inP = inP || n.DataAtom == atom.P
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inP)
		}
	}
	walk(n, false)
	return total
}

// boilerplate reports whether an element's class or id names boilerplate.
func (x *Extractor) boilerplate(n *xhtml.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" && a.Key != "role" {
			continue
		}
		for part := range strings.FieldsFuncSeq(strings.ToLower(a.Val), func(r rune) bool {
			return r == ' ' || r == '-' || r == '_' || r == '\t' || r == '\n'
		}) {
			if x.boiler.match(part) {
				return true
			}
		}
	}
	return false
}
