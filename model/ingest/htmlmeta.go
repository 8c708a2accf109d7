package ingest

import (
	"encoding/json"
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"clipper/model"
)

// page is what one pass over a parsed web page collects.
type page struct {
	meta       map[string][]string // <meta name|property|itemprop> → contents
	canonical  string
	title      string
	ldScripts  []string
	articles   []*html.Node
	bodyProp   *html.Node // the itemprop=articleBody element with most paragraph text
	authorRels []string   // <a rel=author> texts
	pText      map[*html.Node]int
	pScore     map[*html.Node]int
	pTotal     int
}

// collectPage walks the document once, gathering meta tags, JSON-LD
// scripts and how much paragraph text each element holds.
func collectPage(doc *html.Node) *page {
	p := &page{meta: map[string][]string{}, pText: map[*html.Node]int{}, pScore: map[*html.Node]int{}}
	p.walk(doc, false)
	return p
}

// walk visits n's subtree and returns the length of the paragraph text in
// it outside page furniture, recording it for <article> and articleBody
// elements and scoring the parent and grandparent of every <p>.
func (p *page) walk(n *html.Node, junk bool) int {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Meta:
			content := strings.TrimSpace(attr(n, "content"))
			for _, k := range []string{"name", "property", "itemprop"} {
				if key := strings.ToLower(strings.TrimSpace(attr(n, k))); key != "" && content != "" {
					p.meta[key] = append(p.meta[key], content)
				}
			}
		case atom.Link:
			for _, rel := range strings.Fields(strings.ToLower(attr(n, "rel"))) {
				if rel == "canonical" && p.canonical == "" {
					p.canonical = strings.TrimSpace(attr(n, "href"))
				}
			}
		case atom.Title:
			if p.title == "" {
				p.title = textOf(n)
			}
		case atom.Script:
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
				p.ldScripts = append(p.ldScripts, n.FirstChild.Data)
			}
			return 0
		case atom.A:
			if strings.Contains(" "+strings.ToLower(attr(n, "rel"))+" ", " author ") {
				if t := textOf(n); t != "" {
					p.authorRels = append(p.authorRels, t)
				}
			}
		}
		junk = junk || isJunk(n)
	}
	if !junk && n.Type == html.ElementNode && n.DataAtom == atom.P {
		l := len(textOf(n))
		p.pTotal += l
		if n.Parent != nil {
			p.pScore[n.Parent] += l
			if n.Parent.Parent != nil {
				p.pScore[n.Parent.Parent] += l / 2
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			p.walk(c, junk) // meta data such as rel=author links
		}
		return l
	}
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		total += p.walk(c, junk)
	}
	if !junk && n.Type == html.ElementNode {
		if n.DataAtom == atom.Article {
			p.articles = append(p.articles, n)
			p.pText[n] = total
		}
		if strings.EqualFold(attr(n, "itemprop"), "articleBody") && (p.bodyProp == nil || total > p.pText[p.bodyProp]) {
			p.bodyProp = n
			p.pText[n] = total
		}
	}
	return total
}

// mainContent picks the element that holds the article text: the
// itemprop=articleBody element with most paragraph text, else the <article> with most paragraph text
// (if it holds at least a quarter of the page's), else the element whose
// paragraphs (and half its grandchildren paragraphs) hold most text, else
// <main> or <body>.
func (p *page) mainContent(doc *html.Node) *html.Node {
	if p.bodyProp != nil && p.pText[p.bodyProp] > 0 {
		return p.bodyProp
	}
	var best *html.Node
	for _, a := range p.articles {
		if best == nil || p.pText[a] > p.pText[best] {
			best = a
		}
	}
	if best != nil && p.pText[best] > 0 && p.pText[best]*4 >= p.pTotal {
		return best
	}
	best = nil
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if s := p.pScore[n]; s > 0 && (best == nil || s > p.pScore[best]) {
			best = n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if best != nil {
		return best
	}
	if m := findFirst(doc, atom.Main, false); m != nil {
		return m
	}
	if b := findFirst(doc, atom.Body, false); b != nil {
		return b
	}
	return doc
}

// findFirst returns the first element with tag a under n, or nil; with
// skipJunk it does not look inside page furniture.
func findFirst(n *html.Node, a atom.Atom, skipJunk bool) *html.Node {
	if n.Type == html.ElementNode {
		if n.DataAtom == a {
			return n
		}
		if skipJunk && isJunk(n) && n.DataAtom != atom.Header {
			return nil
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findFirst(c, a, skipJunk); f != nil {
			return f
		}
	}
	return nil
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

// metadata assembles a web page's metadata. Headline: og:title, JSON-LD
// headline, the first <h1>, <title> (a trailing " | Site" is removed).
// Authors: JSON-LD author (string, object or array; organisations become
// the credit), else <meta name=author>, else rel=author links.
// Date: article:published_time, JSON-LD datePublished, other date metas,
// the first <time datetime> in the article, then in the page.
// Publication: og:site_name or JSON-LD publisher.name. URL: rel=canonical,
// og:url, JSON-LD url. Deck: og:description or meta description (the
// caller drops it when it only repeats the first paragraph).
func (p *page) metadata(doc, container *html.Node, ld ldArticle) model.Metadata {
	var m model.Metadata
	m.Publication = p.first("og:site_name", "application-name")
	if m.Publication == "" {
		m.Publication = normField(ld.publisher)
	}
	m.Headline = p.first("og:title", "twitter:title")
	if m.Headline == "" {
		m.Headline = normField(ld.headline)
	}
	if m.Headline == "" {
		if h := findFirst(container, atom.H1, true); h != nil {
			m.Headline = textOf(h)
		}
	}
	if m.Headline == "" {
		if h := findFirst(doc, atom.H1, true); h != nil {
			m.Headline = textOf(h)
		}
	}
	if m.Headline == "" {
		m.Headline = p.title
	}
	if m.Publication == "" {
		m.Publication = siteFromTitle(p.title, m.Headline)
	}
	m.Headline = stripSiteName(m.Headline, m.Publication)

	for _, a := range ld.authors {
		if a = normField(a); a != "" {
			m.Authors = append(m.Authors, a)
		}
	}
	if len(m.Authors) == 0 {
		for _, v := range append(p.meta["author"], p.meta["article:author"]...) {
			if v = normField(v); v == "" || strings.Contains(v, "://") {
				continue
			}
			if b, ok := parseByline(v); ok && !b.dash {
				m.Authors = append(m.Authors, b.authors...)
			} else {
				m.Authors = append(m.Authors, splitAuthors(v)...)
			}
			break
		}
	}
	if len(m.Authors) == 0 {
		m.Authors = append(m.Authors, p.authorRels...)
	}
	if len(ld.orgAuthors) > 0 && !strings.EqualFold(ld.orgAuthors[0], m.Publication) {
		m.Credit = normField(ld.orgAuthors[0])
	}

	for _, v := range []string{
		p.first("article:published_time"), ld.datePublished,
		p.first("datepublished", "date", "pubdate", "publishdate", "dc.date", "dc.date.issued", "dcterms.created", "og:published_time"),
	} {
		if d := parseDate(v); d != "" {
			m.Date = d
			break
		}
	}
	if m.Date == "" {
		m.Date = timeDate(container)
	}
	if m.Date == "" {
		m.Date = timeDate(doc)
	}

	for _, u := range []string{p.canonical, p.first("og:url"), ld.url} {
		if okURL(u) {
			m.URL = u
			break
		}
	}
	m.Deck = p.first("og:description", "description", "twitter:description")
	if m.Deck == "" {
		m.Deck = normField(ld.description)
	}
	if strings.EqualFold(m.Deck, m.Headline) {
		m.Deck = ""
	}
	return m
}

// timeDate returns the date of the first <time datetime> under n.
func timeDate(n *html.Node) string {
	var out string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if out != "" {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Nav, atom.Aside, atom.Footer, atom.Script, atom.Style:
				return
			case atom.Time:
				out = parseDate(attr(n, "datetime"))
				if out == "" {
					out = parseDate(textOf(n))
				}
			}
		}
		for c := n.FirstChild; c != nil && out == ""; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// stripSiteName removes a trailing " | Site", " - Site" etc. from a title.
func stripSiteName(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " · ", " :: "} {
		if t, ok := strings.CutSuffix(title, sep+site); ok && t != "" {
			return strings.TrimSpace(t)
		}
	}
	return title
}

// siteFromTitle reads the site's name from a <title> that is the headline
// followed by a separator and the name: "Headline | The Ledger".
func siteFromTitle(title, headline string) string {
	if headline == "" || title == headline {
		return ""
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " · ", " :: "} {
		if site, ok := strings.CutPrefix(title, headline+sep); ok && looksLikeName(site, 8) {
			return strings.TrimSpace(site)
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

// ldArticle is what Clipper reads from a JSON-LD article object.
type ldArticle struct {
	headline, datePublished, description, url, articleBody, publisher string
	authors, orgAuthors                                               []string
}

// findLDArticle finds the first article object (NewsArticle, Article,
// BlogPosting, …) in the page's JSON-LD scripts, looking into arrays and
// @graph. problem describes a script that is not valid JSON.
func findLDArticle(scripts []string) (a ldArticle, ok bool, problem string) {
	for _, s := range scripts {
		var v any
		if err := json.Unmarshal([]byte(strings.TrimSpace(s)), &v); err != nil {
			problem = "ignored a JSON-LD block that is not valid JSON: " + err.Error()
			continue
		}
		if obj := findLDObject(v, 0); obj != nil {
			return readLDArticle(obj), true, problem
		}
	}
	return a, false, problem
}

func findLDObject(v any, depth int) map[string]any {
	if depth > 8 {
		return nil
	}
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			if o := findLDObject(e, depth+1); o != nil {
				return o
			}
		}
	case map[string]any:
		if isArticleType(t["@type"]) {
			return t
		}
		if g, ok := t["@graph"]; ok {
			return findLDObject(g, depth+1)
		}
	}
	return nil
}

func isArticleType(v any) bool {
	switch t := v.(type) {
	case string:
		return strings.HasSuffix(t, "Article") || t == "BlogPosting" || t == "LiveBlogPosting" || t == "Report"
	case []any:
		for _, e := range t {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

func readLDArticle(o map[string]any) ldArticle {
	str := func(v any) string {
		switch t := v.(type) {
		case string:
			return t
		case map[string]any:
			if s, ok := t["@id"].(string); ok {
				return s
			}
			if s, ok := t["name"].(string); ok {
				return s
			}
		case []any:
			if len(t) > 0 {
				if s, ok := t[0].(string); ok {
					return s
				}
			}
		}
		return ""
	}
	a := ldArticle{
		headline:      str(o["headline"]),
		datePublished: str(o["datePublished"]),
		description:   str(o["description"]),
		url:           str(o["url"]),
		articleBody:   str(o["articleBody"]),
	}
	if a.headline == "" {
		a.headline = str(o["name"])
	}
	if a.datePublished == "" {
		a.datePublished = str(o["dateCreated"])
	}
	if a.url == "" {
		a.url = str(o["mainEntityOfPage"])
	}
	if pub, ok := o["publisher"].(map[string]any); ok {
		a.publisher, _ = pub["name"].(string)
	} else if s, ok := o["publisher"].(string); ok {
		a.publisher = s
	}
	var addAuthor func(v any)
	addAuthor = func(v any) {
		switch t := v.(type) {
		case string:
			if !strings.Contains(t, "://") {
				a.authors = append(a.authors, splitAuthors(t)...)
			}
		case map[string]any:
			name, _ := t["name"].(string)
			if name == "" || utf8.RuneCountInString(name) > 120 {
				return
			}
			if typ, _ := t["@type"].(string); typ == "Organization" || typ == "NewsMediaOrganization" {
				a.orgAuthors = append(a.orgAuthors, name)
			} else {
				a.authors = append(a.authors, name)
			}
		case []any:
			for _, e := range t {
				addAuthor(e)
			}
		}
	}
	addAuthor(o["author"])
	return a
}
