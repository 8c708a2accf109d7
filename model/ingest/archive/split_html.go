package archive

import (
	"encoding/xml"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// hiddenTags hold no visible text.
var hiddenTags = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Template: true,
	atom.Noscript: true, atom.Title: true, atom.Meta: true, atom.Link: true,
	atom.Svg: true, atom.Object: true, atom.Iframe: true,
}

// blockTags start and end a block of text.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true,
	atom.Main: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true,
	atom.Td: true, atom.Th: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Hr: true, atom.Address: true, atom.Center: true, atom.Header: true,
	atom.Footer: true, atom.Nav: true, atom.Aside: true, atom.Figure: true,
	atom.Figcaption: true, atom.Body: true, atom.Caption: true, atom.Form: true,
	atom.Fieldset: true, atom.Details: true, atom.Summary: true,
}

// HTMLText renders the visible text under n as plain text: every block
// element (p, div, td, li, headings…) is its own block, blocks are
// separated by a blank line, <br> is a line break, white space inside a
// block collapses as a browser collapses it (no-break spaces are kept),
// and scripts, styles, the head and comments are left out.
func HTMLText(n *html.Node) string {
	r := htmlRenderer{}
	r.walk(n, false)
	return r.b.String()
}

type htmlRenderer struct {
	b       strings.Builder
	line    strings.Builder // the block being built
	pending bool            // a collapsed space is due before the next text
}

// flush ends the current block.
func (r *htmlRenderer) flush() {
	t := strings.TrimRight(r.line.String(), " \n")
	r.line.Reset()
	r.pending = false
	if strings.TrimSpace(strings.ReplaceAll(t, "\n", "")) == "" {
		return
	}
	if r.b.Len() > 0 {
		r.b.WriteString("\n\n")
	}
	r.b.WriteString(t)
}

func isHTMLSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

func (r *htmlRenderer) walk(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		r.textNode(n.Data, pre)
		return
	case html.CommentNode, html.DoctypeNode:
		return
	case html.ElementNode:
		if hiddenTags[n.DataAtom] {
			return
		}
		switch n.DataAtom {
		case atom.Br:
			r.line.WriteByte('\n')
			r.pending = false
			return
		case atom.Pre:
			pre = true
		}
	}
	block := n.Type == html.ElementNode && blockTags[n.DataAtom]
	if block {
		r.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c, pre)
	}
	if block {
		r.flush()
	}
}

// textNode adds a text node, keeping track of collapsible white space.
func (r *htmlRenderer) textNode(s string, pre bool) {
	if pre {
		r.line.WriteString(s)
		return
	}
	lead := len(s) > 0 && isHTMLSpace(rune(s[0]))
	fields := strings.FieldsFunc(s, isHTMLSpace)
	if len(fields) == 0 {
		if len(s) > 0 {
			r.pending = true
		}
		return
	}
	for i, f := range fields {
		if (i > 0 || lead || r.pending) && r.line.Len() > 0 && !strings.HasSuffix(r.line.String(), "\n") {
			r.line.WriteByte(' ')
		}
		r.line.WriteString(f)
	}
	r.pending = isHTMLSpace(rune(s[len(s)-1]))
}

// xmlText returns the character data of an XML document, one block per
// element that directly holds text. Malformed XML gives what was read
// before the error.
func xmlText(src string) string {
	d := xml.NewDecoder(strings.NewReader(src))
	d.Strict = false
	var b strings.Builder
	var cur strings.Builder
	flush := func() {
		t := strings.Join(strings.Fields(cur.String()), " ")
		cur.Reset()
		if t == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(t)
	}
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.CharData:
			cur.Write(t)
			cur.WriteByte(' ')
		case xml.StartElement, xml.EndElement:
			flush()
		}
	}
	flush()
	return b.String()
}

// attrOf returns n's attribute key, "" if it has none.
func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// MaxTreeElements bounds the tree built for a page: a page with more
// elements has its text read with the streaming tokenizer instead, so
// that no page under the size limit takes memory out of proportion to
// its text (a tree costs some 250 bytes an element).
const MaxTreeElements = 400_000

// manyElements reports whether the markup src has more than limit start
// tags.
func manyElements(src string, limit int) bool {
	if strings.Count(src, "<") <= limit {
		return false
	}
	z := html.NewTokenizer(strings.NewReader(src))
	for n := 0; ; {
		switch z.Next() {
		case html.ErrorToken:
			return false
		case html.StartTagToken, html.SelfClosingTagToken:
			if n++; n > limit {
				return true
			}
		}
	}
}

// streamText is HTMLText read from the tokens of src, without a tree:
// the same blocks, except where the tree builder would have repaired
// misnested markup.
func streamText(src string) string {
	r := htmlRenderer{}
	z := html.NewTokenizer(strings.NewReader(src))
	var hidden []atom.Atom // open hidden elements, innermost last
	pre := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			r.flush()
			return r.b.String()
		case html.TextToken:
			if len(hidden) == 0 {
				r.textNode(string(z.Text()), pre > 0)
			}
			continue
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
		default:
			continue
		}
		name, _ := z.TagName()
		a := atom.Lookup(name)
		start := tt != html.EndTagToken
		switch {
		case start && a == atom.Body:
			hidden = hidden[:0] // the body closes a head left open
		case hiddenTags[a]:
			if tt == html.StartTagToken && a != atom.Meta && a != atom.Link {
				hidden = append(hidden, a)
			} else if tt == html.EndTagToken {
				if i := lastIndex(hidden, a); i >= 0 {
					hidden = hidden[:i]
				}
			}
			continue
		}
		if len(hidden) > 0 {
			continue
		}
		switch {
		case a == atom.Br && start:
			r.line.WriteByte('\n')
			r.pending = false
			continue
		case a == atom.Pre && tt == html.StartTagToken:
			pre++
		case a == atom.Pre && tt == html.EndTagToken && pre > 0:
			pre--
		}
		if blockTags[a] {
			r.flush()
		}
	}
}

// lastIndex returns the index of the last a in s, or -1.
func lastIndex(s []atom.Atom, a atom.Atom) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == a {
			return i
		}
	}
	return -1
}
