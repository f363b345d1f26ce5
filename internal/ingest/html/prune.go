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
func (x *Extractor) prune(doc *xhtml.Node) (headings []string, article *xhtml.Node, how string) {
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
					article, how = n, MethodMarkup
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
			article, how = best, MethodMarkup
		}
	}
	// Without such markup, the element whose own text (its <p> children,
	// and text and inline elements between <br>s) is the page's largest
	// block of running text, well ahead of the next, is the article's
	// body: a page of hashed class names leaves pruning nothing to go by,
	// and Readability takes too much of a page around a short article.
	if article == nil && body != nil {
		if all := pText(body); all >= minArticle {
			if n, own, _ := textParent(body, true); own*10 >= all*7 {
				article, how = n, MethodParagraphs
			}
		}
	}
	if article == nil && body != nil {
		all := textLen(body) - linkText(body)
		if n, own, next := textParent(body, false); own >= minArticle && own*10 >= all*4 && own*2 >= next*3 {
			article, how = n, MethodParagraphs
		}
	}
	return headings, article, how
}

// textParent returns the element with the most own text (its <p> and
// inline children's and its text nodes', links left out; with pOnly its
// <p> children's alone), that text's length and the runner-up's.
func textParent(root *xhtml.Node, pOnly bool) (best *xhtml.Node, bestLen, next int) {
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		own := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == xhtml.TextNode && !pOnly:
				own += len(strings.TrimSpace(c.Data))
			case c.Type != xhtml.ElementNode:
			case c.DataAtom == atom.P:
				own += textLen(c)
			case inlineTag[c.DataAtom] && !pOnly:
				own += textLen(c) - linkText(c)
			default:
				walk(c)
			}
		}
		switch {
		case own > bestLen:
			best, bestLen, next = n, own, bestLen
		case own > next:
			next = own
		}
	}
	walk(root)
	return best, bestLen, next
}

// inlineTag lists the elements that run inside a line of text.
var inlineTag = map[atom.Atom]bool{
	atom.B: true, atom.I: true, atom.Em: true, atom.Strong: true, atom.Span: true, atom.Font: true,
	atom.Small: true, atom.Big: true, atom.U: true, atom.S: true, atom.Sub: true, atom.Sup: true,
	atom.Abbr: true, atom.Cite: true, atom.Q: true, atom.Mark: true, atom.Time: true, atom.Code: true,
	atom.Br: true, atom.A: true, atom.Dfn: true, atom.Kbd: true, atom.Var: true, atom.Bdi: true, atom.Bdo: true,
}

// linkText counts the bytes of text inside links under n.
func linkText(n *xhtml.Node) int {
	if n.Type == xhtml.ElementNode && n.DataAtom == atom.A {
		return textLen(n)
	}
	t := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t += linkText(c)
	}
	return t
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
			if x.boiler.Match(part) {
				return true
			}
		}
	}
	return false
}
