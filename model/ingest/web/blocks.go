package web

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"clipper/model"
)

// blockTags end a paragraph.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true,
	atom.Main: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true,
	atom.Td: true, atom.Th: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Hr: true, atom.Address: true, atom.Center: true, atom.Details: true,
	atom.Summary: true, atom.Figure: true, atom.Figcaption: true, atom.Body: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Nav: true,
}

// deckTokens in a class mark the deck (sub-headline) shown on the page.
var deckTokens = map[string]bool{
	"dek": true, "deck": true, "standfirst": true, "subheadline": true,
	"subtitle": true, "strapline": true,
}

// captionTokens in a class mark a photo caption or its credit outside a
// <figure>.
var captionTokens = map[string]bool{
	"caption": true, "captions": true, "figcaption": true, "credit": true,
	"credits": true, "photocredit": true, "imagecredit": true,
	"legende": true, "bildunterschrift": true, "didascalia": true,
	"attribution": true,
}

// quoteTokens mark a quotation box: its text is dropped when the article
// says the same elsewhere.
var quoteTokens = map[string]bool{"quote": true, "blockquote": true, "pullquote": true}

// para is one paragraph, whether it stood in a quotation box and whether
// all its text is link text.
type para struct {
	text  string
	quote bool
	link  bool
}

// blocks turns an article subtree into paragraphs and captions.
type blocks struct {
	pars  []para
	caps  []model.Caption
	deck  string
	cur   strings.Builder
	pre   int
	quote int
	// inLink counts the <a> elements around the text being read;
	// linkText and plainText count the letters read inside and outside
	// them for the paragraph being built.
	inLink              int
	linkText, plainText int
	// timeText is the text of a <time> that opened the paragraph being
	// built: a paragraph that is nothing but a <time> is a date stamp.
	timeText string
	hasText  bool // cur holds more than white space
}

func (x *blocks) flush() {
	s := strings.TrimSpace(x.cur.String())
	if x.pre == 0 {
		s = tidySpace(s)
	}
	if s != "" && s != x.timeText {
		x.pars = append(x.pars, para{s, x.quote > 0, x.linkText > 0 && x.plainText == 0})
	}
	x.linkText, x.plainText = 0, 0
	x.cur.Reset()
	x.timeText = ""
	x.hasText = false
}

// tidySpace trims the white space around each line of s.
func tidySpace(s string) string {
	if !strings.Contains(s, "\n") {
		return strings.TrimSpace(s)
	}
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func (x *blocks) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		if x.pre > 0 {
			x.cur.WriteString(n.Data)
		} else {
			x.cur.WriteString(collapseSpace(n.Data))
		}
		if t := len(strings.TrimSpace(n.Data)); t > 0 {
			x.hasText = true
			if x.inLink > 0 {
				x.linkText += t
			} else {
				x.plainText += t
			}
		}
		return
	case html.ElementNode:
		if marked(n) || furniture(n, false) {
			return
		}
		switch n.DataAtom {
		case atom.Br:
			x.cur.WriteByte('\n')
			return
		case atom.Figure, atom.Figcaption:
			x.flush()
			x.figure(n)
			return
		case atom.Img, atom.Picture, atom.Video, atom.Audio, atom.Source:
			return
		case atom.Time:
			if !x.hasText {
				start := x.cur.Len()
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					x.walk(c)
				}
				x.timeText = strings.TrimSpace(x.cur.String()[start:])
				return
			}
		case atom.Pre:
			x.pre++
			defer func() { x.pre-- }()
		case atom.A:
			x.inLink++
			defer func() { x.inLink-- }()
		}
		if hasToken(n, captionTokens) {
			x.flush()
			if c, ok := caption(n); ok {
				x.caps = append(x.caps, c)
			}
			return
		}
		if blockTags[n.DataAtom] && hasToken(n, deckTokens) {
			x.flush()
			if x.deck == "" {
				x.deck = Text(n)
			}
			return
		}
		if n.DataAtom == atom.Blockquote || hasToken(n, quoteTokens) {
			x.flush()
			x.quote++
			defer func() { x.flush(); x.quote-- }()
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	block := n.Type == html.ElementNode && blockTags[n.DataAtom]
	if block {
		x.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		x.walk(c)
	}
	if block {
		x.flush()
	}
}

// figure records the captions of a <figure> or a lone <figcaption>.
func (x *blocks) figure(n *html.Node) {
	if n.DataAtom == atom.Figcaption || hasToken(n, captionTokens) {
		if c, ok := caption(n); ok {
			x.caps = append(x.caps, c)
		}
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && !marked(c) && !furniture(c, false) {
			x.figure(c)
		}
	}
}

// collapseSpace turns runs of HTML white space into one space.
func collapseSpace(s string) string {
	if !strings.ContainsAny(s, "\t\n\r\f") && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteByte(c)
	}
	return b.String()
}
