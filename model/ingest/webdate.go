package ingest

import (
	"sort"

	"golang.org/x/net/html"

	"clipper/model/ingest/web"
)

// publishedMetaKeys are the meta tags that carry the publication time, in
// the order they are trusted; none says "modified" or "updated".
var publishedMetaKeys = []string{
	"article:published_time", "article:published", "datepublished", "og:published_time",
	"parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date",
	"dcterms.date", "dcterms.created", "date", "pubdate", "publishdate", "publish-date",
	"publish_date", "published_at", "article.published", "pdate", "ptime", "displaydate",
}

// publishedDate is the day the article was published: the page's meta
// tags and JSON-LD datePublished, then a <time> or hNews "published" mark
// after the headline (not one classed as an update), then a date line or
// byline that shows a date. The page's address is the caller's last resort.
func (p *page) publishedDate(ld ldArticle, h1 *html.Node) string {
	if d := parseMetaDate(p.first("article:published_time")); d != "" {
		return d
	}
	if d := parseMetaDate(ld.datePublished); d != "" {
		return d
	}
	for _, k := range publishedMetaKeys[1:] {
		for _, v := range p.meta[k] {
			if d := parseMetaDate(v); d != "" {
				return d
			}
		}
	}
	after, before := p.splitAt(p.times, h1)
	for _, group := range [][]*html.Node{after, before} {
		for _, t := range group {
			if hasClassPart(t, "update", "modif") {
				continue
			}
			for _, v := range []string{web.Attr(t, "datetime"), web.Attr(t, "content"), web.Attr(t, "title")} {
				if d := parseMetaDate(v); d != "" {
					return d
				}
			}
			if d := findDate(web.Text(t)); d != "" {
				return d
			}
		}
	}
	lines := append(append([]*html.Node{}, p.datelines...), p.bylines...)
	after, before = p.splitAt(sortByOrder(lines, p.order), h1)
	for _, group := range [][]*html.Node{after, before} {
		for _, n := range group {
			t := web.Text(n)
			if len(t) > 160 || hasClassPart(n, "update", "modif") {
				continue
			}
			if d := findDate(publishedPart(t)); d != "" {
				return d
			}
		}
	}
	return ""
}

// sortByOrder sorts nodes into document order.
func sortByOrder(nodes []*html.Node, order map[*html.Node]int) []*html.Node {
	sort.Slice(nodes, func(i, j int) bool { return order[nodes[i]] < order[nodes[j]] })
	return nodes
}
