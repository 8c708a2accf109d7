package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"clipper/model/ingest/web"
)

// agencies maps the ways a news agency is written to the credit Clipper
// stores.
var agencies = map[string]string{
	"associated press": "AP", "the associated press": "AP", "ap": "AP",
	"reuters": "Reuters", "thomson reuters": "Reuters",
	"afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
	"dpa": "dpa", "deutsche presse-agentur": "dpa", "efe": "EFE", "agencia efe": "EFE",
	"ansa": "ANSA", "xinhua": "Xinhua", "kyodo": "Kyodo", "čtk": "ČTK", "ctk": "ČTK",
	"europa press": "Europa Press", "télam": "Télam", "telam": "Télam", "lusa": "Lusa",
	"apa": "APA", "sda": "SDA", "belga": "Belga", "anp": "ANP", "pa": "PA",
	"press association": "PA", "bloomberg": "Bloomberg", "upi": "UPI",
}

// agencyCredit returns the agency s names, or "".
func agencyCredit(s string) string {
	return agencies[strings.ToLower(strings.Trim(strings.TrimSpace(s), ".,;:()"))]
}

// notPersonWords in a byline segment mark a role, a desk or an outlet
// rather than a person.
var notPersonWords = map[string]bool{
	"staff": true, "team": true, "editors": true, "editor": true, "editorial": true,
	"desk": true, "news": true, "newsroom": true, "press": true, "agency": true,
	"agencies": true, "service": true, "wire": true, "wires": true, "reporter": true,
	"reporters": true, "correspondent": true, "correspondents": true, "writer": true,
	"writers": true, "contributor": true, "contributors": true, "columnist": true,
	"redaktion": true, "redacción": true, "redaccion": true, "rédaction": true,
	"redazione": true, "redação": true, "online": true, "magazine": true, "media": true,
	"digital": true, "group": true, "inc": true, "ltd": true, "llc": true, "gmbh": true,
	"bureau": true, "health": true, "center": true, "times": true, "post": true,
	"daily": true, "tv": true, "radio": true, "via": true, "com": true, "admin": true,
	"administrator": true, "guest": true, "anonymous": true, "unknown": true,
	"sources": true, "source": true, "photo": true, "photos": true, "video": true,
	"senior": true, "chief": true, "technologist": true, "sport": true, "sports": true,
}

// degrees follow a name after a comma: "Brenda Goodman, MA".
var degrees = map[string]bool{
	"ma": true, "md": true, "phd": true, "ms": true, "msc": true, "mph": true,
	"rn": true, "ba": true, "bsc": true, "mba": true,
}

var (
	// bylineLeadRe is the word that opens a byline in the languages Clipper
	// meets: "By", "Von", "Por", "Par", "Di", "Door", "Af".
	bylineLeadRe = regexp.MustCompile(`^(?:(?i:written |reported |text |texto |testo )?(?i:by|von|por|par|door|autor|author|auteur|autore)|di|af|av)\s*:?\s+`)
	// bylineStopRe ends the names in a byline line: a digit, a separator,
	// a date word or an e-mail address.
	bylineStopRe = regexp.MustCompile(`\d|\s[-–—|•·/]\s|\s[|•·]|\b(?:Updated|Published|Posted|Aktualisiert|Publicado|Publié|Pubblicato|Actualizado)\b|@|\n`)
	bylineSepRe  = regexp.MustCompile(`\s*[,;]\s*|\s+(?:and|&|und|y|e|et|i|en|og|och|a)\s+`)
)

// isBylineElement reports an element that may hold a byline: class with
// "byline" or "author" (not a biography or a photo), itemprop=author,
// rel=author, or an hCard inside one.
func isBylineElement(n *html.Node) bool {
	if strings.EqualFold(web.Attr(n, "itemprop"), "author") || strings.EqualFold(web.Attr(n, "itemprop"), "creator") {
		return true
	}
	if n.DataAtom == atom.A && strings.Contains(" "+strings.ToLower(web.Attr(n, "rel"))+" ", " author ") {
		return true
	}
	cls := strings.ToLower(web.Attr(n, "class"))
	if !strings.Contains(cls, "byline") && !strings.Contains(cls, "author") {
		return false
	}
	for _, bad := range []string{"bio", "photo", "avatar", "image", "img", "social", "follow", "about", "more", "related", "tweet"} {
		if strings.Contains(cls, bad) {
			return false
		}
	}
	return true
}

// authors are the article's people: JSON-LD author persons, else the
// author meta tags that name people, else the first byline on the page
// after the headline (or before it when none follows). Organisations that
// are news agencies become the credit. Names must read as people: not
// "Staff", not the outlet, not a place.
func (p *page) authors(ld ldArticle, site string, h1 *html.Node) (names []string, credit string) {
	for _, o := range ld.orgAuthors {
		if a := agencyCredit(o); a != "" && credit == "" {
			credit = a
		} else if credit == "" && !sameSite(o, site) {
			credit = normField(o)
		}
	}
	for _, a := range ld.authors {
		names = appendPeople(names, &credit, a, site, true)
	}
	if len(names) > 0 {
		return names, credit
	}
	for _, k := range []string{"author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "byl", "byline"} {
		for _, v := range p.meta[k] {
			if strings.Contains(v, "://") {
				continue
			}
			names = appendPeople(names, &credit, v, site, true)
		}
		if len(names) > 0 {
			return names, credit
		}
	}
	after, before := p.splitAt(p.bylines, h1)
	for _, group := range [][]*html.Node{after, before} {
		for _, b := range group {
			if found := p.bylineNames(b, &credit, site); len(found) > 0 {
				return found, credit
			}
		}
	}
	return nil, credit
}

// splitAt splits nodes (in document order) into those after mark and
// those before it, the nearest first; with no mark all are "after".
func (p *page) splitAt(nodes []*html.Node, mark *html.Node) (after, before []*html.Node) {
	if mark == nil {
		return nodes, nil
	}
	at := p.order[mark]
	for _, n := range nodes {
		if p.order[n] > at {
			after = append(after, n)
		} else {
			before = append([]*html.Node{n}, before...)
		}
	}
	return after, before
}

// bylineNames reads the people a byline element names: the innermost
// elements inside it whose class names an author or a name, or rel=author
// links, else its text read as a byline line.
func (p *page) bylineNames(b *html.Node, credit *string, site string) []string {
	var inner []*html.Node
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		found := false
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && walk(c) {
				found = true
			}
		}
		if found || n == b {
			return found
		}
		if namesAuthor(n) {
			inner = append(inner, n)
			return true
		}
		return false
	}
	walk(b)
	var names []string
	for _, n := range inner {
		names = appendPeople(names, credit, web.Text(n), site, false)
	}
	if len(names) == 0 {
		names = appendPeople(names, credit, web.Text(b), site, false)
	}
	return names
}

// namesAuthor reports an element inside a byline that holds one author's
// name: a class token "name" or one containing "author", itemprop author
// or name, or rel=author.
func namesAuthor(n *html.Node) bool {
	switch strings.ToLower(web.Attr(n, "itemprop")) {
	case "author", "name", "creator":
		return true
	}
	if strings.Contains(" "+strings.ToLower(web.Attr(n, "rel"))+" ", " author ") {
		return true
	}
	for _, t := range strings.FieldsFunc(strings.ToLower(web.Attr(n, "class")), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if t == "name" || t == "fn" || strings.Contains(t, "author") {
			return true
		}
	}
	return false
}

// appendPeople reads a byline text ("By Jonah Reyes and Amira Castell,
// Associated Press", "Jonah Reyes - Apr 16, 2015") and appends the people
// it names to names; an agency it names becomes *credit if that is empty.
// A name in Chinese, Japanese or Korean characters counts only when cjk is
// set (it comes from the page's structured data): on its own a short run
// of such characters is as likely a label.
func appendPeople(names []string, credit *string, s, site string, cjk bool) []string {
	s = strings.Trim(normField(s), "'\"‘’“”«»")
	s = bylineLeadRe.ReplaceAllString(s, "")
	if loc := bylineStopRe.FindStringIndex(s); loc != nil {
		s = s[:loc[0]]
	}
	if utf8.RuneCountInString(s) > 150 {
		return names
	}
	segs := bylineSepRe.Split(s, -1)
	for _, seg := range segs {
		seg = strings.Trim(strings.TrimSpace(bylineLeadRe.ReplaceAllString(strings.TrimSpace(seg), "")), " .,;:-–—|")
		if seg == "" {
			continue
		}
		if a := agencyCredit(seg); a != "" {
			if *credit == "" {
				*credit = a
			}
			continue
		}
		if isUpperToken(strings.ReplaceAll(seg, " ", "")) && utf8.RuneCountInString(seg) > 3 {
			seg = titleCase(seg)
		}
		if isPerson(seg, site) && (cjk || !isCJKText(seg)) {
			names = append(names, seg)
		}
	}
	return names
}

// isPerson reports whether s reads as a person's name: two to six
// capitalised words (or two to four Chinese, Japanese or Korean
// characters), no role, desk or outlet word, not the site's name.
func isPerson(s, site string) bool {
	if s == "" || strings.ContainsAny(s, "@/:|©") || strings.ContainsFunc(s, unicode.IsDigit) {
		return false
	}
	if site != "" && sameSite(s, site) {
		return false
	}
	if isCJKText(s) {
		n := utf8.RuneCountInString(s)
		return n >= 2 && n <= 4
	}
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 6 {
		return false
	}
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, ".,()"))
		if notPersonWords[lw] || degrees[lw] {
			return false
		}
	}
	return looksLikeName(s, 6)
}

// isCJKText reports text made only of Han, kana or Hangul characters (and
// a middle dot).
func isCJKText(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) && r != '·' && r != '・' {
			return false
		}
	}
	return true
}

// titleCase turns "STEVEN DAVIDOFF SOLOMON" into "Steven Davidoff Solomon".
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToTitle(r)) + w[n:]
	}
	return strings.Join(words, " ")
}
