package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"clipper/model"
)

// skipTags never hold article text.
var skipTags = map[atom.Atom]bool{
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Form: true, atom.Button: true, atom.Iframe: true,
	atom.Select: true, atom.Textarea: true, atom.Object: true, atom.Embed: true,
	atom.Canvas: true, atom.Dialog: true, atom.Menu: true, atom.Head: true,
}

// junkTokens in a class or id mark page furniture.
var junkTokens = map[string]bool{
	"share": true, "sharing": true, "social": true, "related": true,
	"newsletter": true, "subscribe": true, "subscription": true, "promo": true,
	"advert": true, "advertisement": true, "ad": true, "ads": true,
	"comments": true, "comment": true, "breadcrumb": true, "breadcrumbs": true,
	"cookie": true, "cookies": true, "paywall": true, "sidebar": true,
	"toolbar": true, "menu": true, "nav": true, "navigation": true,
	"masthead": true, "footer": true, "recommended": true, "trending": true,
}

// blockTags end a paragraph.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true,
	atom.Main: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true,
	atom.Td: true, atom.Th: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Hr: true, atom.Address: true, atom.Center: true, atom.Details: true,
	atom.Summary: true, atom.Figure: true, atom.Figcaption: true, atom.Body: true,
}

// isJunk reports an element whose subtree is page furniture: navigation,
// scripts, hidden elements, share bars, adverts.
func isJunk(n *html.Node) bool {
	if skipTags[n.DataAtom] {
		return true
	}
	var classes string
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
			case "navigation", "banner", "contentinfo", "complementary", "search":
				return true
			}
		case "style":
			if strings.Contains(strings.ReplaceAll(strings.ToLower(a.Val), " ", ""), "display:none") {
				return true
			}
		case "class", "id":
			classes += " " + a.Val
		}
	}
	if classes == "" {
		return false
	}
	for _, tok := range strings.FieldsFunc(strings.ToLower(classes), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if junkTokens[tok] {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textOf returns the text in n's subtree, spaces collapsed.
func textOf(n *html.Node) string {
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
	return normField(b.String())
}

// decodeHTML decodes a saved web page. Valid UTF-8 is taken as is; other
// bytes are decoded with the charset the page declares (<meta charset>),
// or by decode's rules when it declares none, UTF-8 or Windows-1252.
func decodeHTML(data []byte) (string, []string, error) {
	hasBOM := bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF})
	if hasBOM || utf8.Valid(data) || guessUTF16(data) != nil {
		return decode(data)
	}
	e, name, _ := charset.DetermineEncoding(data, "")
	if name == "utf-8" || name == "windows-1252" || e == nil {
		return decode(data)
	}
	if err := checkControlBytes(data); err != nil {
		return "", nil, err
	}
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", nil, fmt.Errorf("%w: cannot decode the page as %s, the charset it declares: %v", ErrEncoding, name, err)
	}
	s := string(out)
	if bad := strings.Count(s, "\uFFFD"); bad*100 > utf8.RuneCountInString(s) {
		return "", nil, fmt.Errorf("%w: the page declares charset %s, but %d characters do not decode in it", ErrEncoding, name, bad)
	}
	return s, nil, nil
}

// parseHTML reads a saved news web page: the article text from the main
// content (see page.mainContent), skipping navigation, headers, footers,
// asides, scripts and figures; figure captions become Captions. Metadata
// comes from Open Graph, JSON-LD and standard meta tags (see
// page.metadata). A visible deck (class "dek", "standfirst"…) wins over the
// page description.
func parseHTML(text string) (model.Metadata, string, []string) {
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil { // nested deeper than the parser allows
		pars := tokenText(text)
		return model.Metadata{}, Normalize(strings.Join(pars, "\n\n")),
			[]string{"the page is too deeply nested to find its article (" + err.Error() + "); imported all of its text"}
	}
	p := collectPage(doc)
	container := p.mainContent(doc)
	x := extractor{}
	x.walk(container)
	x.flush()
	var warns []string
	ld, ok, ldErr := findLDArticle(p.ldScripts)
	if ldErr != "" {
		warns = append(warns, ldErr)
	}
	if len(x.pars) == 0 && ok && ld.articleBody != "" {
		x.pars = paragraphs(cleanLines(ld.articleBody))
	}
	meta := p.metadata(doc, container, ld)
	meta.Captions = x.caps
	if x.deck != "" {
		meta.Deck = x.deck
	}
	pars := tidyLead(x.pars, &meta)
	if meta.Deck != "" && len(pars) > 0 && isLead(meta.Deck, pars[0]) {
		meta.Deck = ""
	}
	if len(pars) > 0 {
		if place, agency, ok := parseDateline(normField(pars[0])); ok {
			meta.Dateline = place
			if meta.Credit == "" {
				meta.Credit = agency
			}
		}
	}
	return meta, Normalize(strings.Join(pars, "\n\n")), warns
}

// tidyLead removes from the first paragraphs a repeated headline or deck, a
// byline ("By Name") and a date line, moving what they say into meta when
// it is still empty.
func tidyLead(pars []string, meta *model.Metadata) []string {
	for len(pars) > 0 {
		first := normField(pars[0])
		switch {
		case first == "":
		case strings.EqualFold(first, meta.Headline) || strings.EqualFold(first, meta.Deck):
		default:
			if b, ok := parseByline(first); ok && !b.dash {
				if len(meta.Authors) == 0 {
					meta.Authors = b.authors
				}
				if meta.Credit == "" {
					meta.Credit = b.credit
				}
				break
			}
			if _, d, ok := parsePubDate(first); ok {
				if meta.Date == "" {
					meta.Date = d
				}
				break
			}
			return pars
		}
		pars = pars[1:]
	}
	return pars
}

// isLead reports whether a page description merely repeats (the start of)
// the first paragraph, possibly without its dateline or truncated with an
// ellipsis.
func isLead(deck, first string) bool {
	d := strings.ToLower(normField(deck))
	d = strings.TrimSpace(strings.TrimRight(d, ".…"))
	f := strings.ToLower(normField(first))
	if d == "" {
		return true
	}
	r := []rune(d)
	if len(r) > 80 {
		d = string(r[:80])
	}
	return strings.Contains(f, d) || strings.HasPrefix(d, f)
}

// extractor collects paragraphs and figure captions from a subtree.
type extractor struct {
	pars []string
	cur  strings.Builder
	caps []model.Caption
	deck string // text of the first element classed as a deck ("dek", "standfirst")
	pre  int
	// timeText is the text of a <time> that opened the paragraph being
	// built: a paragraph that is nothing but a <time> is a date stamp.
	timeText string
	hasText  bool // cur holds more than white space
}

// deckTokens in a class mark the deck (sub-headline) shown on the page.
var deckTokens = map[string]bool{
	"dek": true, "deck": true, "standfirst": true, "subheadline": true,
	"subtitle": true, "strapline": true,
}

// hasClassToken reports whether n's class attribute has one of tokens.
func hasClassToken(n *html.Node, tokens map[string]bool) bool {
	for _, tok := range strings.FieldsFunc(strings.ToLower(attr(n, "class")), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if tokens[tok] {
			return true
		}
	}
	return false
}

func (x *extractor) flush() {
	if s := strings.TrimSpace(x.cur.String()); s != "" && s != x.timeText {
		x.pars = append(x.pars, s)
	}
	x.cur.Reset()
	x.timeText = ""
	x.hasText = false
}

func (x *extractor) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		if x.pre > 0 {
			x.cur.WriteString(n.Data)
		} else {
			x.cur.WriteString(collapseHTMLSpace(n.Data))
		}
		if !x.hasText && strings.TrimSpace(n.Data) != "" {
			x.hasText = true
		}
		return
	case html.ElementNode:
		if isJunk(n) {
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
		}
		if blockTags[n.DataAtom] && hasClassToken(n, deckTokens) {
			x.flush()
			if x.deck == "" {
				x.deck = textOf(n)
			}
			return
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
func (x *extractor) figure(n *html.Node) {
	if n.DataAtom == atom.Figcaption {
		if c, ok := caption(n); ok {
			x.caps = append(x.caps, c)
		}
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && !isJunk(c) {
			x.figure(c)
		}
	}
}

// caption splits a <figcaption> into credit (a <cite>, <small> or an
// element whose class names a credit) and text.
func caption(fc *html.Node) (model.Caption, bool) {
	var credit, text strings.Builder
	var walk func(n *html.Node, inCredit bool)
	walk = func(n *html.Node, inCredit bool) {
		if n.Type == html.TextNode {
			if inCredit {
				credit.WriteString(n.Data + " ")
			} else {
				text.WriteString(n.Data + " ")
			}
			return
		}
		if n.Type == html.ElementNode {
			if n.DataAtom == atom.Script || n.DataAtom == atom.Style {
				return
			}
			cls := strings.ToLower(attr(n, "class"))
			if n.DataAtom == atom.Cite || n.DataAtom == atom.Small ||
				strings.Contains(cls, "credit") || strings.Contains(cls, "copyright") ||
				strings.Contains(cls, "photographer") || strings.Contains(cls, "source") {
				inCredit = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inCredit)
		}
	}
	walk(fc, false)
	c := model.Caption{Credit: normField(credit.String()), Text: normField(text.String())}
	return c, c.Text != "" || c.Credit != ""
}

// collapseHTMLSpace turns runs of HTML white space into one space.
func collapseHTMLSpace(s string) string {
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

// tokenText returns the text of a page the parser cannot build a tree for,
// one paragraph per block element, without scripts, styles and the
// elements in skipTags.
func tokenText(text string) []string {
	z := html.NewTokenizer(strings.NewReader(text))
	var pars []string
	var cur strings.Builder
	flush := func() {
		if s := strings.TrimSpace(cur.String()); s != "" {
			pars = append(pars, s)
		}
		cur.Reset()
	}
	skip := map[atom.Atom]int{}
	skipping := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			flush()
			return pars
		case html.TextToken:
			if skipping == 0 {
				cur.WriteString(collapseHTMLSpace(string(z.Text())))
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skipTags[a] {
				skip[a]++
				skipping++
			} else if blockTags[a] || a == atom.Br {
				flush()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skip[a] > 0 {
				skip[a]--
				skipping--
			} else if blockTags[a] {
				flush()
			}
		}
	}
}
