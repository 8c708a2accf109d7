package archive

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"clipper/model"
)

// The ProQuest export: as text, documents separated by lines of
// underscores, each an optional "Document N of M" line, the title, and
// "Key: value" fields (Author, Publication info, Abstract, Links, Full
// text — the article, up to the next field —, Subject, Title, Publication
// title, Publication date, Section, ProQuest document ID, Document URL,
// Copyright…), with the article's photo captions as CAPTION:/CREDIT:
// lines; as HTML (the e-mail export, and pages saved from it) the same
// fields in one <div> per document, marked by an <a name="DocID_…">.

// proquestSepRe matches the separator line between documents.
var proquestSepRe = regexp.MustCompile(`^_{20,}\s*$`)

// proquestDocRe matches "Document 3 of 100".
var proquestDocRe = regexp.MustCompile(`(?i)^(?:document|dokument|documento)\s+(\d+)\s+(?:of|von|de|di|sur)\s+(\d+)$`)

// proquestKeyRe matches a field at the start of a line.
var proquestKeyRe = regexp.MustCompile(`^([\p{Lu}][\p{L}]*(?:[ /-]+[\p{L}()]+){0,4}):(?:\s|$)`)

// proquestRole is what a ProQuest field means.
type proquestRole int

const (
	pqOther proquestRole = iota
	pqFullText
	pqAuthor
	pqPubTitle
	pqPubDate
	pqSection
	pqPage
	pqLanguage
	pqID
	pqURL
	pqTitle
	pqCaption
	pqCredit
	pqWords
)

// proquestKeys are the fields ProQuest writes; after the full text only a
// line starting with one of them ends the article.
var proquestKeys = map[string]proquestRole{
	"Full text": pqFullText, "Volltext": pqFullText, "Texte intégral": pqFullText, "Texto completo": pqFullText,
	"Author": pqAuthor, "Autor": pqAuthor, "Auteur": pqAuthor, "Publication title": pqPubTitle,
	"Publication date": pqPubDate, "Section": pqSection, "Pages": pqPage, "First page": pqPage,
	"Language of publication": pqLanguage, "Language": pqLanguage, "ProQuest document ID": pqID,
	"Document URL": pqURL, "Title": pqTitle, "Word count": pqWords, "CAPTION": pqCaption, "CREDIT": pqCredit,
	"Publication info": pqOther, "Abstract": pqOther, "Links": pqOther, "Subject": pqOther,
	"Location": pqOther, "People": pqOther, "Company / organization": pqOther, "Publication year": pqOther,
	"Publisher": pqOther, "Place of publication": pqOther, "Country of publication": pqOther,
	"Publication subject": pqOther, "ISSN": pqOther, "e-ISSN": pqOther, "Source type": pqOther,
	"Document type": pqOther, "Copyright": pqOther, "Last updated": pqOther, "Database": pqOther,
	"Business indexing term": pqOther, "Identifier / keyword": pqOther, "Credit": pqOther,
	"Illustration": pqOther, "Dateline": pqOther, "Edition": pqOther, "Volume": pqOther, "Issue": pqOther,
	"Number of pages": pqOther, "Accession number": pqOther, "Document feature": pqOther,
	"Personal name": pqOther, "Classification": pqOther, "Product name": pqOther, "Update": pqOther,
	"Source attribution": pqOther, "Publication note": pqOther, "Notes": pqOther, "Column": pqOther,
	"Corporate author": pqOther, "Series": pqOther, "Article URL": pqOther, "ProQuest document link": pqOther,
	"Named person": pqOther, "Company": pqOther, "Organization": pqOther, "Geographic": pqOther,
}

func proquestFormat() format {
	return format{
		name: "ProQuest",
		detect: func(doc *Doc) bool {
			switch doc.Kind {
			case HTML:
				return strings.Contains(doc.Text, `name="DocID_`) && strings.Contains(doc.Text, "ProQuest") ||
					strings.Count(doc.Text, "ProQuest document ID") > 0 && strings.Contains(doc.Text, "Full text")
			case Text, Paragraphs:
				c := proquestCuesOf(doc.Text)
				return c.ids+c.fulltext > 0 && (c.seps > 0 || c.docs > 0) || c.ids >= 2 && c.fulltext >= 2
			}
			return false
		},
		split: splitProQuest,
	}
}

type proquestCues struct{ seps, docs, ids, fulltext int }

func proquestCuesOf(text string) proquestCues {
	var c proquestCues
	for _, l := range splitLines(text) {
		t := strings.TrimSpace(l)
		switch {
		case proquestSepRe.MatchString(t):
			c.seps++
		case proquestDocRe.MatchString(t):
			c.docs++
		case strings.HasPrefix(t, "ProQuest document ID:"):
			c.ids++
		case strings.HasPrefix(t, "Full text:"):
			c.fulltext++
		}
	}
	return c
}

func splitProQuest(ctx context.Context, doc *Doc) (*Batch, error) {
	if doc.Kind == HTML {
		return splitProQuestHTML(ctx, doc)
	}
	b := &Batch{}
	var chunks [][]string
	var cur []string
	for _, l := range splitLines(strings.TrimPrefix(doc.Text, "\ufeff")) {
		if proquestSepRe.MatchString(strings.TrimSpace(l)) {
			chunks = append(chunks, cur)
			cur = nil
			continue
		}
		cur = append(cur, l)
	}
	chunks = append(chunks, cur)
	var recs [][]string
	for i, ch := range chunks {
		if proquestIsRecord(ch) {
			recs = append(recs, ch)
			continue
		}
		if t := strings.TrimSpace(strings.Join(ch, "\n")); t != "" {
			what := "text between documents"
			switch i {
			case 0:
				what = "the export's header"
			case len(chunks) - 1:
				what = "the export's footer (ProQuest contact and terms)"
			}
			b.LeftOut = append(b.LeftOut, what)
			b.Omitted = append(b.Omitted, t)
		}
	}
	if len(recs) == 0 {
		c := proquestCuesOf(doc.Text)
		return nil, fmt.Errorf("%w: it has %d ProQuest document ids and %d \"Full text:\" fields, but no documents between separator lines", ErrUnsplittable, c.ids, c.fulltext)
	}
	return proquestBatch(ctx, b, recs)
}

// proquestBatch parses records into b and checks the count against their
// "Document N of M" lines.
func proquestBatch(ctx context.Context, b *Batch, recs [][]string) (*Batch, error) {
	maxM := 0
	for i, r := range recs {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		a, m := parseProQuestRecord(r)
		if a.N == 0 {
			a.N = i + 1
		}
		if n := proquestFullTexts(r); n > 1 {
			b.Warnings = append(b.Warnings, fmt.Sprintf("document %d holds %d \"Full text:\" fields: a separator line may be missing, and %d documents were read as one", a.N, n, n))
		}
		maxM = max(maxM, m)
		b.Articles = append(b.Articles, a)
	}
	if maxM > 0 {
		b.Announced = maxM
		first, last := b.Articles[0].N, b.Articles[len(b.Articles)-1].N
		if first > 1 || last < maxM {
			// a slice of a larger result: the numbers say what it should hold
			b.Announced = last - first + 1
		}
	}
	if n := countKeys(b.Articles, "Copyright"); n > 0 {
		b.LeftOut = append(b.LeftOut, fmt.Sprintf("%d ProQuest field blocks (subjects, database, copyright; kept in each clipping's details)", n))
	}
	return b, nil
}

// proquestFullTexts counts the "Full text:" fields in lines.
func proquestFullTexts(lines []string) int {
	n := 0
	for _, l := range lines {
		if k, _, ok := proquestKey(strings.TrimSpace(l)); ok && proquestKeys[k] == pqFullText {
			n++
		}
	}
	return n
}

// proquestIsRecord reports whether a chunk holds a document: a full text
// or a document id.
func proquestIsRecord(lines []string) bool {
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if m := proquestKeyRe.FindStringSubmatch(t); m != nil {
			if r, ok := proquestKeys[m[1]]; ok && (r == pqFullText || r == pqID || r == pqTitle) {
				return true
			}
		}
	}
	return false
}

// proquestNormKeys maps keys without spaces, in lower case, to the
// spelling in proquestKeys, so that "ProQuest documentID" and
// "DocumentURL" (both seen in real exports) are read.
var proquestNormKeys = func() map[string]string {
	m := map[string]string{}
	for k := range proquestKeys {
		m[normKey(k)] = k
	}
	return m
}()

func normKey(k string) string { return strings.ToLower(strings.ReplaceAll(k, " ", "")) }

// proquestKey returns a line's field key, in the spelling of
// proquestKeys, when it is one ProQuest writes; any reports a "Key:"
// line whose key is not known.
func proquestKey(t string) (key, rest string, ok bool) {
	i := strings.IndexByte(t, ':')
	if i <= 0 || i > 45 || i+1 < len(t) && t[i+1] != ' ' && t[i+1] != '\t' {
		return "", "", false
	}
	k, known := proquestNormKeys[normKey(t[:i])]
	if !known {
		return "", "", false
	}
	return k, strings.TrimSpace(t[i+1:]), true
}

// parseProQuestRecord reads one document; m is the M of its "Document N
// of M" line, 0 if it has none.
func parseProQuestRecord(lines []string) (a Article, m int) {
	a.Record = strings.TrimSpace(strings.Join(lines, "\n"))
	i := 0
	for i < len(lines) && blank(lines[i]) {
		i++
	}
	if i < len(lines) {
		if dm := proquestDocRe.FindStringSubmatch(strings.TrimSpace(lines[i])); dm != nil {
			a.N, _ = strconv.Atoi(dm[1])
			m, _ = strconv.Atoi(dm[2])
			i++
		}
	}
	var title []string
	for ; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if _, _, ok := proquestKey(t); ok {
			break
		}
		if t != "" {
			title = append(title, t)
		}
	}
	if len(title) > 0 {
		setLexisTitle(&a, oneLine(strings.Join(title, " ")))
	}
	type field struct {
		key   string
		lines []string
	}
	var fields []field
	var body []string
	inBody := false
	for ; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		afterBlank := i == 0 || blank(lines[i-1])
		key, rest, isKey := proquestKey(t)
		if inBody {
			if isKey && (afterBlank || proquestKeys[key] == pqCaption) && proquestKeys[key] != pqFullText {
				inBody = false
			} else {
				body = append(body, t)
				continue
			}
		}
		if isKey {
			if proquestKeys[key] == pqFullText {
				inBody = true
				if rest != "" {
					body = append(body, rest)
				}
				continue
			}
			fields = append(fields, field{key: key, lines: []string{rest}})
			continue
		}
		if t == "" || t == "ProQuest document link" {
			continue
		}
		if m := proquestKeyRe.FindStringSubmatch(t); m != nil && len(fields) > 0 && len(m[1]) <= 40 && afterBlank {
			// a field this reader does not know
			fields = append(fields, field{key: m[1], lines: []string{strings.TrimSpace(t[len(m[0]):])}})
			continue
		}
		if len(fields) > 0 {
			last := &fields[len(fields)-1]
			if strings.HasPrefix(t, "http") && !strings.Contains(t, " ") && last.key == "Publication info" {
				fields = append(fields, field{key: "Link", lines: []string{t}})
				continue
			}
			last.lines = append(last.lines, t)
		} else {
			addDetail(&a.Metadata, "Note", t)
		}
	}
	// every line of the text is a paragraph
	var blocks [][]string
	for _, l := range body {
		if l != "" {
			blocks = append(blocks, []string{l})
		}
	}
	a.Body = joinParagraphs(blocks)
	var caption *model.Caption
	for _, f := range fields {
		v := oneLine(strings.Join(f.lines, " "))
		switch proquestKeys[f.key] {
		case pqAuthor:
			for _, name := range strings.Split(v, ";") {
				if n := lastFirst(name); n != "" {
					a.Authors = append(a.Authors, n)
				}
			}
			addDetail(&a.Metadata, f.key, v)
		case pqPubTitle:
			pub := v
			if k := strings.Index(pub, ";"); k > 0 {
				pub = strings.TrimSpace(pub[:k])
			}
			a.Publication = pub
			addDetail(&a.Metadata, f.key, v)
		case pqPubDate:
			if d, _, _, ok := findDate(v); ok {
				a.Date = d
			}
			addDetail(&a.Metadata, f.key, v)
		case pqSection:
			a.Section = v
		case pqPage:
			if a.Page == "" {
				a.Page = v
			}
			addDetail(&a.Metadata, f.key, v)
		case pqLanguage:
			a.Language = languageCode(v)
			addDetail(&a.Metadata, f.key, v)
		case pqID:
			a.SourceID = v
		case pqURL:
			a.URL = v
		case pqWords:
			a.Words = wordCount(v)
		case pqTitle:
			if a.Headline == "" {
				setLexisTitle(&a, v)
			} else if oneLine(a.Headline+"; "+a.Deck) != v && a.Headline != v {
				addDetail(&a.Metadata, f.key, v)
			}
		case pqCaption:
			a.Captions = append(a.Captions, model.Caption{Text: v})
			caption = &a.Captions[len(a.Captions)-1]
		case pqCredit:
			if caption != nil && caption.Credit == "" {
				caption.Credit = v
			} else {
				a.Captions = append(a.Captions, model.Caption{Credit: v})
			}
			caption = nil
		default:
			addDetail(&a.Metadata, f.key, v)
		}
	}
	if a.Date == "" {
		for _, d := range a.Details {
			if d.Key == "Publication info" {
				if date, _, _, ok := findDate(d.Value); ok {
					a.Date = date
				}
			}
		}
	}
	if a.Body == "" {
		a.Problem = "the document has no full text"
	}
	return a, m
}

// splitProQuestHTML reads the e-mail export's HTML: one <div> per
// document, marked by an anchor named "DocID_…".
func splitProQuestHTML(ctx context.Context, doc *Doc) (*Batch, error) {
	root, err := doc.HTMLRoot()
	if err != nil {
		return nil, fmt.Errorf("%w: the page cannot be read: %v", ErrUnsplittable, err)
	}
	var containers []*html.Node
	seen := map[*html.Node]bool{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.A && strings.HasPrefix(attrOf(n, "name"), "DocID_") {
			c := n.Parent
			for c != nil && c.DataAtom != atom.Div && c.DataAtom != atom.Body && c.DataAtom != atom.Td {
				c = c.Parent
			}
			if c != nil && !seen[c] {
				seen[c] = true
				containers = append(containers, c)
			}
			return
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(root)
	b := &Batch{}
	var recs [][]string
	for _, c := range containers {
		lines := splitLines(HTMLText(c))
		if proquestIsRecord(lines) {
			recs = append(recs, lines)
		}
	}
	if len(recs) == 0 {
		// no anchors: the whole page may be one document's fields
		lines := splitLines(doc.VisibleText())
		if !proquestIsRecord(lines) {
			return nil, fmt.Errorf("%w: it mentions ProQuest document ids, but no document with its full text was found", ErrUnsplittable)
		}
		recs = append(recs, lines)
	} else {
		// what the page shows outside the documents: the e-mail's header and footer
		var outside []string
		var rest func(n *html.Node)
		rest = func(n *html.Node) {
			if seen[n] {
				return
			}
			if n.Type == html.TextNode {
				if t := strings.TrimSpace(n.Data); t != "" && !hiddenParent(n) {
					outside = append(outside, t)
				}
				return
			}
			for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
				rest(ch)
			}
		}
		rest(root)
		if len(outside) > 0 {
			b.LeftOut = append(b.LeftOut, "the e-mail's header and footer (sender, ProQuest notices)")
			b.Omitted = append(b.Omitted, strings.Join(outside, "\n"))
		}
	}
	return proquestBatch(ctx, b, recs)
}

// hiddenParent reports a text node inside an element whose text is not
// shown (script, style, head, title).
func hiddenParent(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && hiddenTags[p.DataAtom] {
			return true
		}
	}
	return false
}
