package ingest

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"clipper/model/ingest/web"
)

// page is what one pass over a parsed web page collects for its metadata,
// before the article is looked for.
type page struct {
	meta      map[string][]string // <meta name|property|itemprop|http-equiv> → contents
	canonical string
	title     string // the document's <title>
	lang      string // <html lang>
	ldScripts []string
	h1s       []*html.Node       // <h1> outside page furniture
	bylines   []*html.Node       // elements that look like a byline, outside furniture
	times     []*html.Node       // <time> and hNews "published" elements outside furniture
	datelines []*html.Node       // elements classed as a date line
	order     map[*html.Node]int // document order of the elements recorded above
	seen      int                // elements walked so far
	copyright string             // the first "© 2015 Name" line
}

// collectPage walks the document once, gathering meta tags, JSON-LD
// scripts and the elements that may carry a headline, byline or date.
func collectPage(doc *html.Node) *page {
	p := &page{meta: map[string][]string{}, order: map[*html.Node]int{}}
	p.walk(doc, false)
	return p
}

func (p *page) walk(n *html.Node, junk bool) {
	if n.Type == html.ElementNode {
		p.seen++
		switch n.DataAtom {
		case atom.Html:
			if p.lang == "" {
				p.lang = strings.TrimSpace(web.Attr(n, "lang"))
			}
		case atom.Meta:
			content := strings.TrimSpace(web.Attr(n, "content"))
			for _, k := range []string{"name", "property", "itemprop", "http-equiv"} {
				if key := strings.ToLower(strings.TrimSpace(web.Attr(n, k))); key != "" && content != "" {
					p.meta[key] = append(p.meta[key], content)
				}
			}
		case atom.Link:
			for _, rel := range strings.Fields(strings.ToLower(web.Attr(n, "rel"))) {
				if rel == "canonical" && p.canonical == "" {
					p.canonical = strings.TrimSpace(web.Attr(n, "href"))
				}
			}
		case atom.Title:
			if p.title == "" && !inSVG(n) {
				p.title = web.Text(n)
			}
			return
		case atom.Script:
			if strings.EqualFold(strings.TrimSpace(web.Attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
				p.ldScripts = append(p.ldScripts, n.FirstChild.Data)
			}
			return
		case atom.Style, atom.Svg, atom.Template:
			return
		}
		junk = junk || web.IsFurniture(n) && n.DataAtom != atom.Header && n.DataAtom != atom.Head
		if !junk {
			record := func(list *[]*html.Node) {
				*list = append(*list, n)
				p.order[n] = p.seen
			}
			switch {
			case n.DataAtom == atom.H1:
				record(&p.h1s)
			case n.DataAtom == atom.Time || isPublishedMark(n):
				record(&p.times)
			}
			if isBylineElement(n) {
				record(&p.bylines)
			} else if hasClassPart(n, "dateline", "date", "timestamp", "published", "posted") {
				record(&p.datelines)
			}
		}
	}
	if n.Type == html.TextNode && p.copyright == "" && (strings.Contains(n.Data, "©") || strings.Contains(n.Data, "(c) ")) {
		p.copyright = strings.Join(strings.Fields(n.Data), " ")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.walk(c, junk)
	}
}

func inSVG(n *html.Node) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		if a.DataAtom == atom.Svg {
			return true
		}
	}
	return false
}

// hasClassPart reports whether a token of n's class contains one of parts.
func hasClassPart(n *html.Node, parts ...string) bool {
	cls := strings.ToLower(web.Attr(n, "class"))
	if cls == "" {
		return false
	}
	for _, part := range parts {
		if strings.Contains(cls, part) {
			return true
		}
	}
	return false
}

// isPublishedMark reports an hNews or schema.org mark of the publication
// time: itemprop=datePublished, class "published" or "pubdate", or a
// pubdate attribute.
func isPublishedMark(n *html.Node) bool {
	if strings.EqualFold(web.Attr(n, "itemprop"), "datePublished") {
		return true
	}
	for _, a := range n.Attr {
		if a.Key == "pubdate" {
			return true
		}
	}
	for _, t := range strings.Fields(strings.ToLower(web.Attr(n, "class"))) {
		if t == "published" || t == "pubdate" || t == "dtstamp" {
			return true
		}
	}
	return false
}

func (p *page) first(keys ...string) string {
	for _, k := range keys {
		for _, v := range p.meta[k] {
			if v = normField(v); v != "" {
				return v
			}
		}
	}
	return ""
}

// metadata assembles a web page's metadata, the page's own structured data
// first (JSON-LD, Open Graph, article:* and Dublin Core meta), then what it
// shows (the headline, the byline, <time>, the date line), then its
// address. See headline, publication, authors and publishedDate for the
// rules of each field.
func (p *page) metadata(ld ldArticle) (m metaResult) {
	for _, u := range []string{p.canonical, p.first("og:url"), ld.url} {
		if okURL(u) {
			m.URL = u
			break
		}
	}
	m.Publication = p.publication(ld, m.URL)
	m.Headline, m.h1 = p.headline(ld, m.Publication)
	m.Authors, m.Credit = p.authors(ld, m.Publication, m.h1)
	m.Date = p.publishedDate(ld, m.h1)
	if m.Date == "" {
		m.Date = dateFromURL(m.URL)
	}
	m.Deck = p.first("og:description", "description", "twitter:description", "dc.description")
	if m.Deck == "" {
		m.Deck = normField(ld.description)
	}
	if strings.EqualFold(m.Deck, m.Headline) {
		m.Deck = ""
	}
	m.Language = p.language(ld)
	m.Section = p.section(ld)
	return m
}

// language is the page's language as an ISO 639-1 code: JSON-LD
// inLanguage, og:locale, <html lang> (often a template's default, so
// after the two that describe the article) or a content-language meta.
func (p *page) language(ld ldArticle) string {
	for _, v := range []string{ld.inLanguage, p.first("og:locale"), p.lang, p.first("content-language", "dc.language", "inlanguage", "language")} {
		if c := langCode(v); c != "" {
			return c
		}
	}
	return ""
}

// langCode reduces "en-US", "cs_CZ" or "DE" to "en", "cs", "de"; "" when
// v is not a language tag.
func langCode(v string) string {
	v = strings.ToLower(strings.TrimSpace(v))
	if i := strings.IndexAny(v, "-_,; "); i >= 0 {
		v = v[:i]
	}
	if len(v) != 2 || v[0] < 'a' || v[0] > 'z' || v[1] < 'a' || v[1] > 'z' {
		return ""
	}
	return v
}

// section is the page's section: article:section or JSON-LD articleSection
// (not a path such as "/world/middle_east").
func (p *page) section(ld ldArticle) string {
	for _, v := range append(p.meta["article:section"], ld.section) {
		if v = normField(v); v != "" && !strings.Contains(v, "/") && len(v) < 80 {
			return v
		}
	}
	return ""
}

// okURL reports an absolute http(s) URL.
func okURL(s string) bool {
	if s == "" || strings.ContainsAny(s, " \n\t") {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
