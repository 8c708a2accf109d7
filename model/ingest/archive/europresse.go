package archive

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Europresse HTML: one page with every article the user saved, each
// starting with the publication (span.DocPublicationName), header spans
// with section, date and page (span.DocHeader), an optional kicker line,
// the title (span.TitreArticleVisu), an optional author line, the
// paragraphs, a "© …" copyright line and "Numéro de document : …", then a
// certificate table. Newer pages use divs whose classes contain the same
// names (rdp__DocPublicationName, titreArticle, docAuthors).

func europresseFormat() format {
	return format{name: "Europresse HTML", detect: europresseDetect, split: splitEuropresse}
}

var (
	europresseDocNoRe = regexp.MustCompile(`(?i)^(?:numéro de document|document number|n° de document|numero de document)\s*:\s*(\S.*)$`)
	europressePageRe  = regexp.MustCompile(`(?i)^(?:p\.|page|s\.|seite)\s*(\w+(?:\s*-\s*\w+)?)$`)
	europresseIssueRe = regexp.MustCompile(`^(.+?),\s*((?:no|n°|nr|num)\.?\s*\S+)$`)
	europresseCopyRe  = regexp.MustCompile(`^(?:©|\(c\)\s)`)
)

func europresseDetect(doc *Doc) bool {
	if doc.Kind != HTML && !(doc.Kind == Text && strings.HasPrefix(strings.TrimSpace(doc.Text), "<")) {
		return false
	}
	t := doc.Text
	if !strings.Contains(t, "DocPublicationName") {
		return false
	}
	return strings.Contains(t, "europresse") || strings.Contains(t, "cedrom-sni") ||
		strings.Contains(t, "TitreArticleVisu") || strings.Contains(t, "titreArticle") || strings.Contains(t, "Numéro de document")
}

// epItem is one piece of a Europresse page in reading order.
type epItem struct {
	kind byte // 'P' publication, 'H' header, 'T' title, 'A' authors, 't' text, 'b' line break, 'p' paragraph break
	text string
}

func splitEuropresse(ctx context.Context, doc *Doc) (*Batch, error) {
	root, err := html.Parse(strings.NewReader(doc.Text))
	if err != nil {
		return nil, fmt.Errorf("%w: the page cannot be parsed: %v", ErrUnsplittable, err)
	}
	var items []epItem
	europresseItems(root, &items)
	var recs [][]epItem
	for _, it := range items {
		if it.kind == 'P' {
			recs = append(recs, nil)
		}
		if len(recs) > 0 {
			recs[len(recs)-1] = append(recs[len(recs)-1], it)
		}
	}
	b := &Batch{}
	for i, rec := range recs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a := europresseRecord(rec)
		a.N = i + 1
		if a.Headline == "" && a.Body == "" {
			continue
		}
		if a.Body == "" {
			a.Problem = "the record has no article text"
		}
		b.Articles = append(b.Articles, a)
	}
	if len(b.Articles) == 0 {
		return nil, fmt.Errorf("%w: no article records (DocPublicationName with a title or text) in the Europresse page", ErrUnsplittable)
	}
	b.LeftOut = append(b.LeftOut, "Europresse buttons and logos", "the certificate under each article")
	for _, t := range hnFindAll(root, func(n *html.Node) bool { return n.DataAtom == atom.Table && europresseCertificate(n) }) {
		b.Omitted = append(b.Omitted, hnText(t))
	}
	return b, nil
}

// europresseItems flattens the page into items, leaving out scripts,
// forms, logo tables and certificates.
func europresseItems(n *html.Node, out *[]epItem) {
	switch n.Type {
	case html.TextNode:
		*out = append(*out, epItem{kind: 't', text: n.Data})
		return
	case html.ElementNode:
		switch {
		case n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Form || n.DataAtom == atom.Head:
			return
		case n.DataAtom == atom.Table && (hnAttr(n, "id") == "tbHeaderImages" || europresseCertificate(n)):
			return
		case hnClassHas(n, "DocPublicationName"):
			*out = append(*out, epItem{kind: 'P', text: hnText(n)})
			return
		case hnClassHas(n, "DocHeader"):
			*out = append(*out, epItem{kind: 'H', text: hnText(n)})
			return
		case hnClassHas(n, "titreArticle"):
			*out = append(*out, epItem{kind: 'T', text: hnText(n)})
			return
		case hnClassHas(n, "docAuthors"):
			*out = append(*out, epItem{kind: 'A', text: hnText(n)})
			return
		case n.DataAtom == atom.Br:
			*out = append(*out, epItem{kind: 'b'})
			return
		case n.DataAtom == atom.P || n.DataAtom == atom.Div || n.DataAtom == atom.Tr || n.DataAtom == atom.Table:
			*out = append(*out, epItem{kind: 'p'})
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				europresseItems(c, out)
			}
			*out = append(*out, epItem{kind: 'p'})
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		europresseItems(c, out)
	}
}

// europresseCertificate: a table holding the certificate and no article.
func europresseCertificate(n *html.Node) bool {
	if hnContains(n, func(n *html.Node) bool { return hnClassHas(n, "DocPublicationName") }) {
		return false
	}
	return hnContains(n, func(n *html.Node) bool { return hnHasClass(n, "txtCertificat") }) ||
		strings.Contains(hnText(n), "Ce certificat est émis")
}

// europresseRecord reads one article's items.
func europresseRecord(rec []epItem) Article {
	var a Article
	pub := intlSpace(rec[0].text)
	if m := europresseIssueRe.FindStringSubmatch(pub); m != nil {
		pub = m[1]
		intlDetail(&a, "Issue", m[2])
	}
	a.Publication = pub
	// blocks: paragraphs of lines, in order, with the title's place.
	type block struct{ lines []string }
	var (
		headers     []string
		pre, blocks []block
		cur         block
		line        strings.Builder
		seenTitle   bool
		authorsSeen bool
	)
	endLine := func() {
		if s := intlSpace(line.String()); s != "" {
			cur.lines = append(cur.lines, s)
		}
		line.Reset()
	}
	endBlock := func() {
		endLine()
		if len(cur.lines) > 0 {
			if seenTitle {
				blocks = append(blocks, cur)
			} else {
				pre = append(pre, cur)
			}
		}
		cur = block{}
	}
	for _, it := range rec[1:] {
		switch it.kind {
		case 'H':
			headers = append(headers, it.text)
		case 'T':
			endBlock()
			if a.Headline == "" {
				a.Headline = intlSpace(it.text)
			}
			seenTitle = true
		case 'A':
			a.Authors = append(a.Authors, intlAuthors(it.text)...)
			authorsSeen = true
		case 't':
			line.WriteString(it.text)
		case 'b':
			endLine()
		case 'p':
			endBlock()
		}
	}
	endBlock()
	europresseHeader(&a, headers)
	for _, p := range pre {
		intlDetail(&a, "Kicker", strings.Join(p.lines, " "))
	}
	// The author line sits between the title and the first paragraph
	// break: short lines in the first block, when the block has no sentence.
	if len(blocks) > 0 && !authorsSeen && len(blocks) > 1 {
		first := blocks[0].lines
		if len(first) <= 2 && len(strings.Join(first, " ")) <= 80 && !strings.ContainsAny(strings.Join(first, " "), ".!?:") {
			for _, l := range first {
				a.Authors = append(a.Authors, intlAuthors(l)...)
			}
			blocks = blocks[1:]
		}
	}
	var paras []string
	for _, bl := range blocks {
		text := strings.Join(bl.lines, "\n")
		switch {
		case europresseDocNoRe.MatchString(text):
			a.SourceID = europresseDocNoRe.FindStringSubmatch(text)[1]
		case europresseCopyRe.MatchString(text):
			intlDetail(&a, "Copyright", text)
		case a.SourceID != "":
			intlDetail(&a, "Note", text)
		default:
			paras = append(paras, text)
		}
	}
	a.Body = strings.Join(paras, "\n\n")
	return a
}

// europresseHeader reads "Politique, jeudi 5 octobre 2013, p. 03".
func europresseHeader(a *Article, headers []string) {
	var parts []string
	for _, h := range headers {
		for _, p := range strings.Split(h, ",") {
			if p = intlSpace(p); p != "" {
				parts = append(parts, p)
			}
		}
	}
	// A weekday and a date may be in two spans ("jeudi ", "5 octobre 2013").
	joined := strings.Join(parts, " ")
	a.Date = intlDate(joined)
	for _, p := range parts {
		switch {
		case intlDate(p) != "":
		case europressePageRe.MatchString(p):
			a.Page = strings.TrimLeft(europressePageRe.FindStringSubmatch(p)[1], "0")
		case europresseWeekday(p):
		case a.Section == "":
			a.Section = p
		default:
			intlDetail(a, "Header", p)
		}
	}
}

var europresseWeekdays = map[string]bool{
	"lundi": true, "mardi": true, "mercredi": true, "jeudi": true, "vendredi": true, "samedi": true, "dimanche": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"montag": true, "dienstag": true, "mittwoch": true, "donnerstag": true, "freitag": true, "samstag": true, "sonntag": true,
	"lunes": true, "martes": true, "miércoles": true, "jueves": true, "viernes": true, "sábado": true, "domingo": true,
}

func europresseWeekday(s string) bool { return europresseWeekdays[strings.ToLower(s)] }
