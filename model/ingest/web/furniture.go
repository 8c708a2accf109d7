package web

import (
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skipTags never hold article text. (<header> may: an article's header
// holds its standfirst and lead photo.)
var skipTags = map[atom.Atom]bool{
	atom.Nav: true, atom.Footer: true, atom.Aside: true,
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Form: true, atom.Button: true, atom.Iframe: true,
	atom.Select: true, atom.Textarea: true, atom.Object: true, atom.Embed: true,
	atom.Canvas: true, atom.Dialog: true, atom.Menu: true, atom.Head: true,
}

// junkTokens in a class or id mark page furniture that never holds
// article text.
var junkTokens = map[string]bool{
	"share": true, "sharing": true, "social": true, "newsletter": true,
	"subscribe": true, "subscription": true, "promo": true, "advert": true,
	"advertisement": true, "ad": true, "ads": true, "breadcrumb": true,
	"breadcrumbs": true, "cookie": true, "cookies": true, "paywall": true,
	"toolbar": true, "menu": true, "nav": true, "navigation": true,
	"masthead": true, "footer": true, "pullquote": true, "outbrain": true,
	"taboola": true,
}

// softTokens mark boxes beside the article (comments, related stories,
// sidebars) that a live blog or a comment-heavy page may use for its main
// text: they are furniture only while they hold a small part of the page's
// text.
var softTokens = map[string]bool{
	"related": true, "comments": true, "comment": true, "sidebar": true,
	"recommended": true, "trending": true, "mostread": true, "readmore": true,
	"popular": true, "teaser": true, "teasers": true,
}

// junkPairs are two class tokens that together mark furniture: "pull-quote",
// "most-read", "read-more".
var junkPairs = [][2]string{
	{"pull", "quote"}, {"most", "read"}, {"read", "more"}, {"most", "popular"},
	{"more", "stories"}, {"author", "bio"}, {"author", "box"}, {"tags", "list"},
}

// classTokens splits n's class and id into lower-case alphanumeric tokens.
func classTokens(n *html.Node) []string {
	var toks []string
	for _, a := range n.Attr {
		if a.Key == "class" || a.Key == "id" {
			toks = appendTokens(toks, a.Val)
		}
	}
	return toks
}

// appendTokens appends the runs of ASCII letters and digits in s, lower
// case, allocating only for a run that has upper-case letters.
func appendTokens(toks []string, s string) []string {
	start, upper := -1, false
	for i := 0; i <= len(s); i++ {
		c := byte(0)
		if i < len(s) {
			c = s[i]
		}
		alnum := c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z'
		switch {
		case alnum && start < 0:
			start, upper = i, c >= 'A' && c <= 'Z'
		case alnum:
			upper = upper || c >= 'A' && c <= 'Z'
		case start >= 0:
			t := s[start:i]
			if upper {
				t = strings.ToLower(t)
			}
			toks = append(toks, t)
			start = -1
		}
	}
	return toks
}

// hasToken reports whether n's class or id has one of tokens.
func hasToken(n *html.Node, tokens map[string]bool) bool {
	for _, t := range classTokens(n) {
		if tokens[t] {
			return true
		}
	}
	return false
}

// IsFurniture reports an element whose subtree is page furniture:
// navigation, scripts, hidden elements, share bars, adverts, related-story
// boxes, pull-quotes.
func IsFurniture(n *html.Node) bool {
	return furniture(n, true)
}

// furniture is IsFurniture; with soft false the class tokens of boxes that
// may hold a live blog's text (softTokens) do not count.
func furniture(n *html.Node, soft bool) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if skipTags[n.DataAtom] {
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "role":
			switch a.Val {
			case "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alert":
				return true
			}
		case "style":
			v := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden") {
				return true
			}
		}
	}
	toks := classTokens(n)
	for _, t := range toks {
		if junkTokens[t] || soft && softTokens[t] {
			return true
		}
	}
	for _, p := range junkPairs {
		if slices.Contains(toks, p[0]) && slices.Contains(toks, p[1]) {
			return true
		}
	}
	return false
}

// Attr returns the value of n's attribute key, or "".
func Attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// Text returns the text in n's subtree with white space collapsed,
// without scripts, styles and templates.
func Text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			b.WriteByte(' ')
		case html.ElementNode:
			if n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Template {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// junkMark is the attribute mark sets on page furniture. Readability
// rewrites the tree (a <div> holding one <p> becomes that <p>), so the mark
// goes on every element of the furniture's subtree.
const junkMark = "data-clipper-furniture"

// mark flags page furniture in doc (see IsFurniture) before Readability
// looks for the article, so that what Readability keeps of it can be left
// out afterwards. A box that IsFurniture names by a class such as
// "comments" or "related" but that holds more than a quarter of the page's
// text (a live blog, a body container with an unlucky class name) is not
// furniture, and inside it only what never holds article text is; any
// other furniture holding more than half of the page's text is not either.
// Readability sees the page whole and picks the same container as alone.
func mark(doc *html.Node) {
	all := textSize(doc)
	var markAll func(n *html.Node)
	markAll = func(n *html.Node) {
		if n.Type == html.ElementNode {
			n.Attr = append(n.Attr, html.Attribute{Key: junkMark, Val: "1"})
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			markAll(c)
		}
	}
	var walk func(n *html.Node, soft bool)
	walk = func(n *html.Node, soft bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Head, atom.Body, atom.Html, atom.Script, atom.Style, atom.Template:
				walk(c, soft)
				continue
			}
			switch {
			case furniture(c, false):
				if textSize(c)*2 <= all {
					markAll(c)
				} else {
					walk(c, false)
				}
			case soft && furniture(c, true):
				if textSize(c)*4 <= all {
					markAll(c)
				} else {
					walk(c, false)
				}
			default:
				walk(c, soft)
			}
		}
	}
	walk(doc, true)
}

// textSize is the length of the text in n's subtree outside the head,
// scripts, styles and templates, white space at the ends of each text node
// left out.
func textSize(n *html.Node) int {
	switch n.Type {
	case html.TextNode:
		return len(strings.TrimSpace(n.Data))
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Template, atom.Head:
			return 0
		}
	case html.DocumentNode:
	default:
		return 0
	}
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		total += textSize(c)
	}
	return total
}

// marked reports an element mark flagged.
func marked(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == junkMark {
			return true
		}
	}
	return false
}
