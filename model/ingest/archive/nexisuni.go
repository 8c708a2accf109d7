package archive

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"clipper/model"
)

// The Nexis Uni / Lexis Advance export (DOCX, and the same paragraphs in
// RTF or PDF downloads): an optional cover page (User Name, Date and
// Time, Job Number, "Documents (N)", a numbered title list, search terms),
// then per document the title, the publication, the date line, the
// copyright line, fields written "Key:" + a no-break space ("Section:",
// "Length:", "Byline:", "Highlight:"), a "Body" heading, the text, trailer
// sections ("Graphic", "Related Articles", "Classification" with
// "Language:", "Subject:", "Load-Date:") and an "End of Document" line.
// The earlier Lexis Advance layout has no cover page and a plain space
// after the colons; both are read the same way.

// nexisEndRe matches the line that closes every document.
var nexisEndRe = regexp.MustCompile(`(?i)^(?:end of document|ende des dokuments|fin du document|einde van document|fin del documento|fine del documento)$`)

// nexisKeyRe matches a field: a capitalised key of one to three words, a
// colon and a space or no-break space.
var nexisKeyRe = regexp.MustCompile(`^(\p{Lu}[\p{L}-]*(?: [\p{L}-]+){0,2}):[\x{00a0} ]\s*`)

// nexisDocsRe reads the cover page's count: "Documents (50)".
var nexisDocsRe = regexp.MustCompile(`(?i)^(?:documents|dokumente|documenten|documentos|documenti)\s*\((\d+)\)$`)

// nexisListRe matches an item of the cover page's title list: "12. Title".
var nexisListRe = regexp.MustCompile(`^(\d{1,4})\.\s+(\S.*)$`)

// nexisFieldRoles maps Nexis Uni field keys (lower case) to what they mean.
var nexisFieldRoles = map[string]lexisRole{
	"section": roleSection, "rubrik": roleSection, "rubrique": roleSection, "rubriek": roleSection,
	"length": roleLength, "länge": roleLength, "longueur": roleLength, "lengte": roleLength,
	"byline": roleByline, "autor": roleByline, "auteur": roleByline,
	"dateline": roleDateline, "highlight": roleHighlight,
	"language": roleLanguage, "sprache": roleLanguage, "langue": roleLanguage, "taal": roleLanguage,
	"graphic": roleGraphic, "url": roleURL,
	"load-date": roleTrailer, "ladedatum": roleTrailer, "date de chargement": roleTrailer,
	"publication-type": roleTrailer, "subject": roleTrailer, "organization": roleTrailer,
	"geographic": roleTrailer, "person": roleTrailer, "industry": roleTrailer, "company": roleTrailer,
	"ticker": roleTrailer, "notes": roleTrailer, "correction": roleTrailer, "correction-date": roleTrailer,
	"document-type": roleTrailer, "journal-code": roleTrailer, "edition": roleOther,
}

// nexisHeadings open the trailer sections.
var nexisHeadings = map[string]bool{
	"classification": true, "graphic": true, "related articles": true, "notes": true,
	"klassifikation": true, "grafik": true, "verwandte artikel": true,
}

// nexisBodyHeadings mark where the text starts.
var nexisBodyHeadings = map[string]bool{"body": true, "text": true, "texte": true, "tekst": true}

// nexisCoverKeys start the lines of the cover page.
var nexisCoverKeys = []string{"user name:", "date and time:", "job number:", "client/matter:", "search terms:", "search type:", "narrowed by", "content type", "sources:", "quellen:", "benutzername:", "datum und uhrzeit:", "auftragsnummer:", "suchbegriffe:"}

func nexisUniFormat() format {
	return format{
		name: "Nexis Uni",
		detect: func(doc *Doc) bool {
			if doc.Kind != Paragraphs && doc.Kind != Text {
				return false
			}
			c := nexisCuesOf(nexisParas(doc))
			return c.ends > 0 && (c.fields > 0 || c.bodies > 0) || c.cover >= 2 && c.fields >= 2
		},
		split: splitNexisUni,
	}
}

type nexisCues struct{ ends, fields, bodies, cover int }

func nexisCuesOf(ps []Para) nexisCues {
	var c nexisCues
	for _, p := range ps {
		t := strings.TrimSpace(p.Text)
		if t == "" || len(t) > 300 {
			continue
		}
		low := strings.ToLower(t)
		switch {
		case nexisEndRe.MatchString(t):
			c.ends++
		case nexisBodyHeadings[low]:
			c.bodies++
		case strings.Contains(t, ":\u00a0"):
			if m := nexisKeyRe.FindStringSubmatch(t); m != nil {
				if _, ok := nexisFieldRoles[strings.ToLower(m[1])]; ok {
					c.fields++
				}
			}
		case nexisDocsRe.MatchString(t):
			c.cover++
		default:
			for _, k := range nexisCoverKeys {
				if strings.HasPrefix(low, k) {
					c.cover++
					break
				}
			}
		}
	}
	return c
}

// nexisParas gives the document's paragraphs: Doc.Paras, or for text one
// paragraph per line (a blank line is an empty paragraph).
func nexisParas(doc *Doc) []Para {
	if doc.Kind == Paragraphs {
		return doc.Paras
	}
	ls := splitLines(strings.TrimPrefix(doc.Text, "\ufeff"))
	ps := make([]Para, len(ls))
	for i, l := range ls {
		ps[i] = Para{Text: l}
	}
	return ps
}

func ptext(p Para) string { return strings.TrimSpace(strings.ReplaceAll(p.Text, "\u00a0", " ")) }

func splitNexisUni(ctx context.Context, doc *Doc) (*Batch, error) {
	ps := nexisParas(doc)
	perLine := doc.Kind != Paragraphs
	var ends []int
	for i, p := range ps {
		if nexisEndRe.MatchString(ptext(p)) {
			ends = append(ends, i)
		}
	}
	b := &Batch{}
	// records: [start, end) between "End of Document" lines
	type span struct{ from, to int }
	var recs []span
	from := 0
	for _, e := range ends {
		recs = append(recs, span{from, e})
		from = e + 1
	}
	tail := ps[from:]
	if nexisHasArticle(tail) {
		recs = append(recs, span{from, len(ps)})
		b.Warnings = append(b.Warnings, "the last document has no \"End of Document\" line: the file may be cut short")
	} else if t := parasText(tail); t != "" {
		b.LeftOut = append(b.LeftOut, "text after the last document")
		b.Omitted = append(b.Omitted, t)
	}
	if len(recs) == 0 || !nexisHasArticle(ps[recs[0].from:recs[0].to]) {
		c := nexisCuesOf(ps)
		return nil, fmt.Errorf("%w: it has %d \"End of Document\" lines, %d fields such as \"Length:\" and %d cover page lines, but no document with a title, a date and its text was found", ErrUnsplittable, c.ends, c.fields, c.cover)
	}

	// The cover page sits before the first document's title.
	first := ps[recs[0].from:recs[0].to]
	start := nexisCoverEnd(first)
	if start > 0 {
		cover := first[:start]
		if t := parasText(cover); t != "" {
			b.LeftOut = append(b.LeftOut, "cover page")
			b.Omitted = append(b.Omitted, t)
		}
		b.Announced = nexisAnnounced(cover)
		recs[0].from += start
	}
	for i, r := range recs {
		if n := nexisBodies(ps[r.from:r.to]); n > 1 {
			return nil, fmt.Errorf("%w: document %d holds %d \"Body\" headings, so %d documents run together: their \"End of Document\" lines are missing", ErrUnsplittable, i+1, n, n)
		}
	}
	for i, r := range recs {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		a, junk := parseNexisRecord(ps[r.from:r.to], perLine, i == 0)
		a.N = i + 1
		if junk != "" {
			b.Warnings = append(b.Warnings, fmt.Sprintf("document %d: text before its title was left out: %q", i+1, clip(junk, 80)))
			b.Omitted = append(b.Omitted, junk)
		}
		b.Articles = append(b.Articles, a)
	}
	if n := countKeys(b.Articles, "Load-Date"); n > 0 {
		b.LeftOut = append(b.LeftOut, fmt.Sprintf("%d Load-Date and classification trailers (kept in each clipping's details)", n))
	}
	return b, nil
}

// clip shortens s to about n characters.
func clip(s string, n int) string {
	s = oneLine(s)
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

func parasText(ps []Para) string {
	var parts []string
	for _, p := range ps {
		if t := strings.TrimSpace(p.Text); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, "\n")
}

// nexisBodies counts the "Body" headings in ps.
func nexisBodies(ps []Para) int {
	n := 0
	for _, p := range ps {
		if nexisBodyHeadings[strings.ToLower(ptext(p))] {
			n++
		}
	}
	return n
}

// nexisHasArticle reports whether paragraphs hold a document's fields or
// "Body" heading.
func nexisHasArticle(ps []Para) bool {
	for _, p := range ps {
		t := ptext(p)
		if nexisBodyHeadings[strings.ToLower(t)] {
			return true
		}
		if m := nexisKeyRe.FindStringSubmatch(t); m != nil {
			if r, ok := nexisFieldRoles[strings.ToLower(m[1])]; ok && (r == roleLength || r == roleSection || r == roleByline) {
				return true
			}
		}
	}
	return false
}

// nexisFirstField is the index of the first header field, "Body" heading
// or copyright line in ps, len(ps) if there is none.
func nexisFirstField(ps []Para) int {
	for i, p := range ps {
		t := ptext(p)
		if nexisBodyHeadings[strings.ToLower(t)] || copyrightLine(t) {
			return i
		}
		if m := nexisKeyRe.FindStringSubmatch(t); m != nil {
			if _, ok := nexisFieldRoles[strings.ToLower(m[1])]; ok {
				return i
			}
		}
	}
	return len(ps)
}

// nexisTitleIndex finds where a document's title is in ps: above its
// first field, the date line, above it the publication and above that
// the title.
func nexisTitleIndex(ps []Para) int {
	f := nexisFirstField(ps)
	var nonEmpty []int
	for i := 0; i < f; i++ {
		if ptext(ps[i]) != "" {
			nonEmpty = append(nonEmpty, i)
		}
	}
	if len(nonEmpty) == 0 {
		return f
	}
	for k := len(nonEmpty) - 1; k >= 0 && k >= len(nonEmpty)-3; k-- {
		if _, _, ok := dateLine(ptext(ps[nonEmpty[k]])); ok {
			if k >= 2 {
				return nonEmpty[k-2]
			}
			return nonEmpty[0]
		}
	}
	// no date line: title and publication above the fields
	if len(nonEmpty) >= 2 {
		return nonEmpty[len(nonEmpty)-2]
	}
	return nonEmpty[0]
}

// nexisCoverEnd finds where the first document starts: after the last
// line of the cover page (its fields, "Documents (N)", the numbered title
// list, "Sources: …") above the first field; failing that, above the
// date line, the publication and the title (see nexisTitleIndex).
func nexisCoverEnd(ps []Para) int {
	f := nexisFirstField(ps)
	end := -1
	for i := 0; i < f; i++ {
		t := ptext(ps[i])
		low := strings.ToLower(t)
		if nexisDocsRe.MatchString(t) || nexisListRe.MatchString(t) {
			end = i
			continue
		}
		for _, k := range nexisCoverKeys {
			if strings.HasPrefix(low, k) {
				end = i
				break
			}
		}
	}
	if end < 0 {
		return nexisTitleIndex(ps)
	}
	n := 0
	for i := end + 1; i < f; i++ {
		if ptext(ps[i]) != "" {
			n++
		}
	}
	if n < 2 {
		return nexisTitleIndex(ps)
	}
	return end + 1
}

// nexisAnnounced reads how many documents a cover page announces:
// "Documents (N)", else the highest number of its title list.
func nexisAnnounced(cover []Para) int {
	listed := 0
	for _, p := range cover {
		t := ptext(p)
		if m := nexisDocsRe.FindStringSubmatch(t); m != nil {
			n, _ := strconv.Atoi(m[1])
			return n
		}
		if m := nexisListRe.FindStringSubmatch(t); m != nil {
			n, _ := strconv.Atoi(m[1])
			listed = max(listed, n)
		}
	}
	return listed
}

// parseNexisRecord reads one document's paragraphs (without its "End of
// Document" line). junk is text found before the title.
func parseNexisRecord(ps []Para, perLine, first bool) (a Article, junk string) {
	a.Record = parasText(ps)
	if !first {
		// the title is the first line; anything odd above the publication
		// and date is kept in the details (see below)
		t0 := 0
		for t0 < len(ps) && ptext(ps[t0]) == "" {
			t0++
		}
		ps = ps[t0:]
	}
	f := nexisFirstField(ps)
	var head []string
	for _, p := range ps[:f] {
		if t := ptext(p); t != "" {
			head = append(head, oneLine(p.Text))
		}
	}
	// title, publication, date line, and other lines ("(Green)", an
	// edition, "Correction Appended")
	d := -1
	for i, h := range head {
		if i == 0 {
			continue
		}
		if date, _, ok := dateLine(h); ok {
			a.Date, d = date, i
			addDetail(&a.Metadata, "Date line", h)
			break
		}
	}
	if len(head) > 0 && d != 0 {
		setLexisTitle(&a, head[0])
	}
	if len(head) > 1 && d != 1 {
		a.Publication = strings.TrimSuffix(head[1], ".") // "Guardian.com."
	}
	for i, h := range head {
		if i > 1 && i != d {
			addDetail(&a.Metadata, "Header", h)
		}
	}
	// header fields up to "Body"; lines that are not fields before the
	// "Body" heading are header notes
	bodyAt := -1
	for k := f; k < len(ps); k++ {
		if nexisBodyHeadings[strings.ToLower(ptext(ps[k]))] {
			bodyAt = k
			break
		}
	}
	i := f
	for ; i < len(ps); i++ {
		t := ptext(ps[i])
		if t == "" {
			continue
		}
		if nexisBodyHeadings[strings.ToLower(t)] {
			i++
			break
		}
		if copyrightLine(t) {
			addDetail(&a.Metadata, "Copyright", oneLine(ps[i].Text))
			continue
		}
		if k, v, ok := nexisField(ps[i].Text); ok {
			nexisApply(&a, k, v)
			continue
		}
		if i < bodyAt {
			addDetail(&a.Metadata, "Header", oneLine(ps[i].Text))
			continue
		}
		break // the text starts without a "Body" heading
	}
	// body up to the trailer
	j := i
	for ; j < len(ps); j++ {
		t := ptext(ps[j])
		if nexisHeadings[strings.ToLower(t)] {
			break
		}
		if k, _, ok := nexisField(ps[j].Text); ok {
			if r := nexisFieldRoles[strings.ToLower(k)]; r == roleTrailer || r == roleLanguage || r == roleGraphic || strings.Contains(ps[j].Text, ":\u00a0") {
				break
			}
		}
	}
	body := ps[i:j]
	// a bare URL closing the text is the article's address
	for k := len(body) - 1; k >= 0; k-- {
		t := ptext(body[k])
		if t == "" {
			continue
		}
		if (strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "https://")) && !strings.ContainsAny(t, " \n") {
			a.URL = t
			body = body[:k]
		}
		break
	}
	a.Body = nexisBody(body, perLine)
	// trailer sections and fields
	section := ""
	for _, p := range ps[j:] {
		t := ptext(p)
		if t == "" {
			continue
		}
		if nexisHeadings[strings.ToLower(t)] {
			section = strings.ToLower(t)
			continue
		}
		if k, v, ok := nexisField(p.Text); ok {
			nexisApply(&a, k, v)
			continue
		}
		switch section {
		case "graphic", "grafik":
			a.Captions = append(a.Captions, model.Caption{Text: oneLine(p.Text)})
		case "related articles", "verwandte artikel":
			addDetail(&a.Metadata, "Related article", oneLine(p.Text))
		default:
			addDetail(&a.Metadata, "Note", oneLine(p.Text))
		}
	}
	if a.Body == "" {
		a.Problem = "the document has no text"
	}
	return a, junk
}

// nexisField splits a "Key: value" paragraph whose key is known, or whose
// colon is followed by a no-break space.
func nexisField(text string) (key, value string, ok bool) {
	t := strings.TrimSpace(text)
	m := nexisKeyRe.FindStringSubmatch(t)
	if m == nil {
		return "", "", false
	}
	if _, known := nexisFieldRoles[strings.ToLower(m[1])]; !known && !strings.Contains(m[0], "\u00a0") {
		return "", "", false
	}
	return m[1], oneLine(t[len(m[0]):]), true
}

// nexisApply applies one field to the article.
func nexisApply(a *Article, key, v string) {
	switch nexisFieldRoles[strings.ToLower(key)] {
	case roleSection:
		s, p := sectionAndPage(v)
		if a.Section == "" {
			a.Section, a.Page = s, p
		}
		addDetail(&a.Metadata, key, v)
	case roleLength:
		if a.Words == 0 {
			a.Words = wordCount(v)
		}
		addDetail(&a.Metadata, key, v)
	case roleByline:
		if len(a.Authors) == 0 {
			a.Authors = authorsOf(v)
		}
		addDetail(&a.Metadata, key, v)
	case roleDateline:
		if a.Dateline == "" {
			a.Dateline = v
			return
		}
		addDetail(&a.Metadata, key, v)
	case roleHighlight:
		if a.Deck == "" {
			a.Deck = v
			return
		}
		addDetail(&a.Metadata, key, v)
	case roleLanguage:
		if c := languageCode(v); c != "" && a.Language == "" {
			a.Language = c
		}
		addDetail(&a.Metadata, key, v)
	case roleGraphic:
		a.Captions = append(a.Captions, model.Caption{Text: v})
	case roleURL:
		if a.URL == "" && strings.HasPrefix(v, "http") {
			a.URL = v
			return
		}
		addDetail(&a.Metadata, key, v)
	default:
		addDetail(&a.Metadata, key, v)
	}
}

// nexisBody joins body paragraphs: each paragraph of a word-processor
// document is one; lines of text are grouped into blocks at blank lines.
func nexisBody(ps []Para, perLine bool) string {
	var blocks [][]string
	var cur []string
	for _, p := range ps {
		t := strings.TrimSpace(p.Text)
		if t == "" {
			if len(cur) > 0 {
				blocks = append(blocks, cur)
				cur = nil
			}
			continue
		}
		if !perLine {
			blocks = append(blocks, []string{t})
			continue
		}
		cur = append(cur, t)
	}
	if len(cur) > 0 {
		blocks = append(blocks, cur)
	}
	return joinParagraphs(blocks)
}
