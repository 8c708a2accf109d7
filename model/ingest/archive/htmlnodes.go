package archive

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Small helpers over parsed HTML for the Factiva and Europresse readers
// (prefixed hn).

// hnAttr returns the value of n's attribute key, or "".
func hnAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hnHasClass reports whether n's class list holds c (case-insensitive).
func hnHasClass(n *html.Node, c string) bool {
	if n.Type != html.ElementNode {
		return false
	}
	for _, f := range strings.Fields(hnAttr(n, "class")) {
		if strings.EqualFold(f, c) {
			return true
		}
	}
	return false
}

// hnClassHas reports whether one of n's classes contains sub
// (case-insensitive), as "rdp__DocPublicationName" contains
// "docpublicationname".
func hnClassHas(n *html.Node, sub string) bool {
	if n.Type != html.ElementNode {
		return false
	}
	return strings.Contains(strings.ToLower(hnAttr(n, "class")), strings.ToLower(sub))
}

// hnFindAll returns the elements under n (n included) for which match is
// true, in document order, without looking inside the ones it returns.
func hnFindAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// hnContains reports whether an element under n (n excluded) matches.
func hnContains(n *html.Node, match func(*html.Node) bool) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if len(hnFindAll(c, match)) > 0 {
			return true
		}
	}
	return false
}

// hnText returns the text under n with white space collapsed; <br> counts
// as a space. Scripts and styles are left out.
func hnText(n *html.Node) string {
	var b strings.Builder
	hnWriteText(&b, n)
	return intlSpace(b.String())
}

func hnWriteText(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript:
			return
		case atom.Br:
			b.WriteByte(' ')
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		hnWriteText(b, c)
	}
}

// hnTextOutside returns the text of root that lies outside every node of
// skip, one line per block element: what a splitter leaves out of its
// records (page headers, search summaries, footers), for Batch.Omitted.
func hnTextOutside(root *html.Node, skip []*html.Node) string {
	in := make(map[*html.Node]bool, len(skip))
	for _, n := range skip {
		in[n] = true
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if in[n] {
			b.WriteByte('\n')
			return
		}
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Head:
				return
			case atom.Br, atom.P, atom.Div, atom.Tr, atom.Li, atom.H1, atom.H2, atom.H3, atom.Table:
				b.WriteByte('\n')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	var lines []string
	for _, l := range strings.Split(b.String(), "\n") {
		if l = intlSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}
