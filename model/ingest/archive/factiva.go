package archive

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Factiva HTML: the page Factiva saves for up to 100 articles, in any
// interface language. Each article is a div with class "article" (and
// "enArticle", "deArticle"…), in one of two layouts: a table of field
// codes (HD headline, BY byline, WC length, PD date, SN source, LP lead and
// TD text paragraphs, AN accession number…) or, in the "headline and
// article" view, unlabelled divs in a fixed order (section, headline in
// div#hd, author, credit, length, date, time, source name and code,
// edition, page, language, copyright), then the paragraphs of class
// "articleParagraph" and a final "Document <AN>" paragraph.

func factivaHTMLFormat() format {
	return format{name: "Factiva HTML", detect: factivaHTMLDetect, split: splitFactivaHTML}
}

var (
	factivaTitleRe   = regexp.MustCompile(`(?i)<title>\s*(?:dow jones\s+)?factiva\s*</title>`)
	factivaNumRe     = regexp.MustCompile(`^(\d{1,5})\)\s+`)
	factivaANRe      = regexp.MustCompile(`^(?:Document|Dokument|Documento|Documenten|Документ|Doc\.?)\s+([A-Za-z0-9]{10,})$`)
	factivaTimeRe    = regexp.MustCompile(`^\d{1,2}:\d{2}(?::\d{2})?(?:\s+[A-Z]{2,5})?$`)
	factivaCodeRe    = regexp.MustCompile(`^[A-Z0-9]{2,10}$`)
	factivaPageRe    = regexp.MustCompile(`^[A-Z]{0,2}\d{1,4}[A-Z]?(?:\s*-\s*[A-Z]{0,2}\d{1,4}[A-Z]?)?$`)
	factivaCopyRe    = regexp.MustCompile(`(?i)^(?:\(c\)|©|copyright\b)|all rights reserved|alle rechte vorbehalten|tous droits réservés`)
	factivaEditionRe = regexp.MustCompile(`(?i)\b(?:edition|ausgabe|édition|edición|edizione|editie)\b`)
	factivaTotalRe   = regexp.MustCompile(`(?i)^(?:results? found|gefundene ergebnisse|résultats trouvés|resultados encontrados|risultati trovati|gevonden resultaten)$`)
)

// factivaHTMLDetect: an HTML page titled Factiva, or carrying Factiva's
// copyright, with article markup.
func factivaHTMLDetect(doc *Doc) bool {
	if doc.Kind != HTML && !(doc.Kind == Text && strings.HasPrefix(strings.TrimSpace(doc.Text), "<")) {
		return false
	}
	head := doc.Text[:min(len(doc.Text), 64<<10)]
	factiva := factivaTitleRe.MatchString(head) || strings.Contains(doc.Text, "Factiva, Inc.")
	if !factiva {
		return false
	}
	for _, cue := range []string{"articleParagraph", `class="article`, `class='article`, "<b>HD</b>", `id="hd"`} {
		if strings.Contains(doc.Text, cue) {
			return true
		}
	}
	return false
}

// factivaCodeNames names the field codes kept in Details.
var factivaCodeNames = map[string]string{
	"ET": "Time", "SC": "Source code", "ED": "Edition", "CY": "Copyright", "CLM": "Column",
	"RF": "Reference", "NS": "Subjects", "RE": "Regions", "IN": "Industries", "CO": "Companies",
	"IPC": "Provider codes", "IPD": "Provider descriptors", "PUB": "Publisher", "ART": "Captions",
	"VOL": "Volume", "CT": "Contact", "HLP": "Lead",
}

func splitFactivaHTML(ctx context.Context, doc *Doc) (*Batch, error) {
	root, err := html.Parse(strings.NewReader(doc.Text))
	if err != nil {
		return nil, fmt.Errorf("%w: the page cannot be parsed: %v", ErrUnsplittable, err)
	}
	recs := factivaRecords(root)
	b := &Batch{}
	numbered := map[int]bool{}
	lo, hi := 0, 0
	for i, rec := range recs {
		if i%16 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		a, n := factivaRecord(rec)
		a.N = i + 1
		if n > 0 {
			a.N = n
			numbered[n] = true
			if lo == 0 || n < lo {
				lo = n
			}
			hi = max(hi, n)
		}
		if a.Headline == "" && a.Body == "" {
			continue // an empty shell, not a record
		}
		if a.Body == "" {
			a.Problem = "the record has no article text"
		}
		b.Articles = append(b.Articles, a)
	}
	if len(b.Articles) == 0 {
		return nil, fmt.Errorf("%w: no article records (div.article with a headline or paragraphs) in the Factiva page", ErrUnsplittable)
	}
	total := factivaSearchTotal(root)
	switch {
	case len(numbered) > 0:
		b.Announced = hi - lo + 1
	case total > 0 && total <= 100: // a download holds at most 100, so this one holds them all
		b.Announced = total
	}
	if total > b.Announced && b.Announced > 0 {
		b.Warnings = append(b.Warnings, fmt.Sprintf("the search found %d articles; this file holds %d of them", total, b.Announced))
	}
	b.LeftOut = append(b.LeftOut, "Factiva page header, search summary and footer", "index codes (subjects, regions, companies) kept in details")
	if rest := hnTextOutside(root, recs); rest != "" {
		b.Omitted = append(b.Omitted, rest)
	}
	return b, nil
}

// factivaRecords returns the innermost div.article elements.
func factivaRecords(root *html.Node) []*html.Node {
	isRec := func(n *html.Node) bool { return n.DataAtom == atom.Div && hnHasClass(n, "article") }
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && isRec(n) && !hnContains(n, isRec) {
			out = append(out, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return out
}

// factivaSearchTotal reads "Results Found" from the search summary; 0 if absent.
func factivaSearchTotal(root *html.Node) int {
	for _, td := range hnFindAll(root, func(n *html.Node) bool { return n.DataAtom == atom.Td && hnHasClass(n, "label") }) {
		if !factivaTotalRe.MatchString(hnText(td)) {
			continue
		}
		for v := td.NextSibling; v != nil; v = v.NextSibling {
			if v.DataAtom == atom.Td {
				n, err := strconv.Atoi(strings.NewReplacer(",", "", ".", "", " ", "", "\u00a0", "").Replace(hnText(v)))
				if err == nil {
					return n
				}
				break
			}
		}
	}
	return 0
}

// factivaRecord reads one article; n is the number Factiva put before the
// headline ("12) …"), 0 if none.
func factivaRecord(rec *html.Node) (Article, int) {
	var a Article
	var paras []string
	n := 0
	if len(hnFindAll(rec, func(n *html.Node) bool { return n.DataAtom == atom.Td && hnHasClass(n, "index") })) > 0 {
		paras = factivaTable(rec, &a)
	} else {
		paras, n = factivaDivs(rec, &a)
	}
	if a.SourceID == "" {
		if id := hnAttr(rec.Parent, "id"); strings.HasPrefix(id, "article-") {
			a.SourceID = strings.TrimPrefix(id, "article-")
		}
	}
	a.Body = strings.Join(paras, "\n\n")
	return a, n
}

// factivaTable reads the field-code layout and returns the paragraphs.
func factivaTable(rec *html.Node, a *Article) []string {
	var paras []string
	for _, tr := range hnFindAll(rec, func(n *html.Node) bool { return n.DataAtom == atom.Tr }) {
		var tds []*html.Node
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom == atom.Td {
				tds = append(tds, c)
			}
		}
		if len(tds) < 2 || !hnHasClass(tds[0], "index") {
			continue
		}
		code := strings.ToUpper(hnText(tds[0]))
		switch code {
		case "LP", "TD":
			paras = append(paras, factivaParas(tds[1])...)
		case "HD":
			a.Headline = hnText(tds[1])
		default:
			factivaField(a, code, hnText(tds[1]))
		}
	}
	return paras
}

// factivaParas returns the text of the p elements under n, or n's text.
func factivaParas(n *html.Node) []string {
	var out []string
	for _, p := range hnFindAll(n, func(n *html.Node) bool { return n.DataAtom == atom.P }) {
		if t := hnText(p); t != "" {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		if t := hnText(n); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// factivaField maps one coded field onto the article.
func factivaField(a *Article, code, v string) {
	if v == "" {
		return
	}
	switch code {
	case "HD":
		a.Headline = v
	case "BY":
		a.Authors = append(a.Authors, intlAuthors(v)...)
	case "CR":
		a.Credit = v
	case "WC":
		if n, ok := intlWords(v); ok {
			a.Words = n
		} else {
			intlDetail(a, "Length", v)
		}
	case "PD":
		if d := intlDate(v); d != "" {
			a.Date = d
		} else {
			intlDetail(a, "Date", v)
		}
	case "SN":
		a.Publication = v
	case "SE":
		a.Section = v
	case "PG":
		if v != "0" {
			a.Page = v
		}
	case "LA":
		if c := intlLanguage(v); c != "" {
			a.Language = c
		} else {
			intlDetail(a, "Language", v)
		}
	case "AN":
		if m := factivaANRe.FindStringSubmatch(v); m != nil {
			v = m[1]
		}
		a.SourceID = v
	default:
		key := factivaCodeNames[code]
		if key == "" {
			key = code
		}
		intlDetail(a, key, v)
	}
}

// factivaDivs reads the unlabelled layout and returns the paragraphs and
// the headline's number.
func factivaDivs(rec *html.Node, a *Article) ([]string, int) {
	var paras, meta, trailer []string
	var author string
	seenHD, inBody := false, false
	num := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch {
			case c.DataAtom == atom.Div && hnAttr(c, "id") == "hd":
				seenHD = true
				h := hnText(c)
				if m := factivaNumRe.FindStringSubmatch(h); m != nil && hnContains(c, func(n *html.Node) bool { return hnHasClass(n, "counted") }) {
					num, _ = strconv.Atoi(m[1])
					h = h[len(m[0]):]
				}
				a.Headline = h
			case c.DataAtom == atom.Div && !seenHD:
				if t := hnText(c); t != "" {
					if a.Section != "" {
						intlDetail(a, "Header", t)
					} else {
						a.Section = t
					}
				}
			case c.DataAtom == atom.Div && !inBody:
				if hnHasClass(c, "author") {
					author = hnText(c)
				} else if t := hnText(c); t != "" {
					meta = append(meta, t)
				}
			case c.DataAtom == atom.P && hnClassHas(c, "articleParagraph"):
				inBody = true
				if t := hnText(c); t != "" {
					paras = append(paras, t)
				}
			case c.DataAtom == atom.P:
				if t := hnText(c); t != "" && seenHD {
					trailer = append(trailer, t)
				}
			case c.DataAtom == atom.Div || c.DataAtom == atom.Span:
				walk(c)
			}
		}
	}
	walk(rec)
	if author != "" {
		a.Authors = intlAuthors(author)
	}
	factivaMeta(a, meta)
	for i, t := range trailer {
		if m := factivaANRe.FindStringSubmatch(t); m != nil && i == len(trailer)-1 {
			a.SourceID = m[1]
			continue
		}
		intlDetail(a, "Note", t)
	}
	return paras, num
}

// factivaMeta classifies the unlabelled fields after the headline and
// author: credit, length, date, then time, source name and code, edition,
// page, language and copyright.
func factivaMeta(a *Article, meta []string) {
	wc := -1
	for i, m := range meta {
		if _, ok := intlWords(m); ok {
			wc = i
			break
		}
	}
	rest := meta
	if wc >= 0 {
		a.Words, _ = intlWords(meta[wc])
		if wc > 0 {
			a.Credit = strings.Join(meta[:wc], "; ")
		}
		rest = meta[wc+1:]
	}
	if len(rest) > 0 {
		if d := intlDate(rest[0]); d != "" && len(rest[0]) <= 40 {
			a.Date = d
			rest = rest[1:]
		}
	}
	sn := false
	for i, v := range rest {
		switch {
		case factivaTimeRe.MatchString(v):
			intlDetail(a, "Time", v)
		case factivaCopyRe.MatchString(v) && i == len(rest)-1:
			intlDetail(a, "Copyright", v)
		case intlLanguages[strings.ToLower(v)] != "" && a.Language == "":
			a.Language = intlLanguages[strings.ToLower(v)]
		case !sn && a.Publication == "":
			a.Publication = v
			sn = true
		case factivaPageRe.MatchString(v) && !(sn && i > 0 && rest[i-1] == a.Publication):
			if v != "0" {
				a.Page = v
			}
		case factivaCodeRe.MatchString(v):
			if i > 0 && rest[i-1] == a.Publication {
				intlDetail(a, "Source code", v)
			} else {
				intlDetail(a, "Code", v)
			}
		case factivaEditionRe.MatchString(v):
			intlDetail(a, "Edition", v)
		default:
			intlDetail(a, "Field", v)
		}
	}
}
