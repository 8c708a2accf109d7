package ingest

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"

	"clipper/model"
	"clipper/model/ingest/web"
)

// metaResult is a web page's metadata and the <h1> that shows its
// headline, if one does: the byline and date are looked for after it.
type metaResult struct {
	model.Metadata
	h1 *html.Node
}

// titleSeps separate a headline from the site's name in a title.
var titleSeps = []string{" | ", " - ", " – ", " — ", " · ", " :: ", " » ", " / ", "_", " : "}

// copyrightRe reads the owner from "© 2005-2015 WebMD, LLC. All rights…".
var copyrightRe = regexp.MustCompile(`(?:©|\(c\))\s*(?:(?:19|20)\d{2}\s*(?:[-–]\s*(?:19|20)\d{2})?\s*)?([\p{Lu}][\p{L}\d.!&' -]{1,40}?)(?:,?\s+(?:LLC|Inc|Ltd|GmbH|S\.A|a\.s)\.?)?(?:[.,]|\s+All\b|$)`)

// publication is the outlet's name. The candidates, in order: og:site_name
// (without a tagline; the host of a bare web address), JSON-LD publisher,
// application-name, the name after the headline in <title>. The first
// that matches the page's host name wins (og:site_name is sometimes a
// section: "Política"), else the first; with none, the owner named in a
// copyright line.
func (p *page) publication(ld ldArticle, pageURL string) string {
	title := p.first("og:title", "twitter:title")
	var cands []string
	for _, site := range p.meta["og:site_name"] {
		site = normField(site)
		if strings.Contains(site, "://") {
			if u, err := url.Parse(site); err == nil && u.Host != "" {
				site = strings.TrimPrefix(u.Host, "www.")
			}
		}
		if site != "" {
			cands = append(cands, dropTagline(site, p.title))
		}
	}
	cands = append(cands, normField(ld.publisher))
	for _, a := range p.meta["application-name"] {
		if a = normField(a); looksLikeName(a, 5) && !strings.EqualFold(a, title) && !strings.EqualFold(a, p.title) {
			cands = append(cands, a)
		}
	}
	cands = append(cands, titleSuffix(p.title), titleSuffix(title))
	host := ""
	if u, err := url.Parse(pageURL); err == nil {
		host = u.Host
	}
	first := ""
	for _, c := range cands {
		if c == "" {
			continue
		}
		if first == "" {
			first = c
		}
		if host != "" && sameSite(c, host) {
			return c
		}
	}
	if first == "" {
		if m := copyrightRe.FindStringSubmatch(p.copyright); m != nil {
			first = strings.TrimSpace(m[1])
		}
	}
	return first
}

// dropTagline cuts a slogan from a site name: "Aktuálně.cz - Víte, co se
// právě děje" is "Aktuálně.cz" when the rest is three words or more.
func dropTagline(site, title string) string {
	for _, sep := range []string{" - ", " – ", " — ", " | ", ": "} {
		if i := strings.Index(site, sep); i > 0 {
			rest := site[i+len(sep):]
			if len(strings.Fields(rest)) >= 3 || strings.HasSuffix(title, site[:i]) {
				return strings.TrimSpace(site[:i])
			}
		}
	}
	return site
}

// titleSuffix reads the site's name from a title that ends with a
// separator and a short name: "Headline | The Ledger".
func titleSuffix(title string) string {
	best := -1
	sepLen := 0
	for _, sep := range titleSeps {
		if i := strings.LastIndex(title, sep); i > best {
			best, sepLen = i, len(sep)
		}
	}
	if best <= 0 {
		return ""
	}
	site := strings.TrimSpace(title[best+sepLen:])
	if site == "" || utf8.RuneCountInString(site) > 40 || len(strings.Fields(site)) > 5 {
		return ""
	}
	if !looksLikeName(site, 5) && !isCJKText(site) {
		return ""
	}
	return site
}

// headline is the article's title: JSON-LD headline, Dublin Core title,
// og:title, twitter:title, <title>, without the site's name after it; when
// the page's <h1> is the start of that title up to a separator, the <h1>.
// h1 is the <h1> showing the headline, if any.
func (p *page) headline(ld ldArticle, site string) (string, *html.Node) {
	cand := ""
	for _, v := range []string{normField(ld.headline), p.first("dc.title", "dcterms.title", "og:title", "twitter:title", "parsely-title", "title"), p.title} {
		if v != "" {
			cand = v
			break
		}
	}
	cand = stripSiteName(cand, site)
	var shown *html.Node
	for _, h := range p.h1s {
		t := web.Text(h)
		if t == "" {
			continue
		}
		if cand == "" {
			return t, h
		}
		if strings.EqualFold(t, cand) {
			return cand, h
		}
		if rest, ok := cutPrefixFold(cand, t); ok && startsWithSep(rest) {
			return t, h
		}
		if shown == nil && similar(t, cand) {
			shown = h
		}
	}
	if cand == "" {
		cand = p.title
	}
	return cand, shown
}

// cutPrefixFold is strings.CutPrefix ignoring case.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

func startsWithSep(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	for _, sep := range titleSeps {
		if strings.HasPrefix(rest, sep) || strings.HasPrefix(rest, strings.TrimLeft(sep, " ")) {
			return true
		}
	}
	return false
}

// similar reports whether two titles share most of their words.
func similar(a, b string) bool {
	wa, wb := strings.Fields(strings.ToLower(a)), strings.Fields(strings.ToLower(b))
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	set := map[string]bool{}
	for _, w := range wb {
		set[w] = true
	}
	n := 0
	for _, w := range wa {
		if set[w] {
			n++
		}
	}
	return n*2 >= len(wa)
}

// stripSiteName removes a trailing " | Site", " - Site" etc. from a title,
// when Site is the publication or a short form of it ("TMZ.com", "The
// Washington Post" for "Washington Post").
func stripSiteName(title, site string) string {
	for _, sep := range titleSeps {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		tail := strings.TrimSpace(title[i+len(sep):])
		if site != "" && sameSite(tail, site) {
			return strings.TrimSpace(title[:i])
		}
	}
	return title
}

// sameSite reports whether two names name the same site, ignoring case,
// a leading "The", a web address's scheme, "www." and top-level domain.
func sameSite(a, b string) bool {
	ka, kb := siteKey(a), siteKey(b)
	return ka != "" && kb != "" && (ka == kb || len(ka) >= 4 && strings.Contains(kb, ka) || len(kb) >= 4 && strings.Contains(ka, kb))
}

func siteKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if u, err := url.Parse(s); err == nil && u.Host != "" {
		s = u.Host
	}
	s = strings.TrimPrefix(s, "www.")
	s = strings.TrimPrefix(s, "the ")
	for _, tld := range []string{".com", ".org", ".net", ".de", ".cz", ".fr", ".es", ".it", ".co.uk", ".com.ar", ".com.br", ".uy", ".tn", ".ch", ".at"} {
		s = strings.TrimSuffix(s, tld)
	}
	return sameText(s)
}

// sameText is s reduced to lower-case letters and digits, without
// accents.
func sameText(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
