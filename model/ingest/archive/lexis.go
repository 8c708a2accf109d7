package archive

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"clipper/model"
)

// The LexisNexis "classic" export (TXT, and the same layout inside HTML,
// RTF, DOC and PDF downloads): an optional cover page ("Download Request:
// Selected Items: 1-10", "Printopdracht: Alle documenten: 1-2325"), then
// per document a centred "N of M DOCUMENTS" line, the publication, the
// date line (with edition), the headline, labelled fields (SECTION:,
// LENGTH:, BYLINE:, in the interface's language: RUBRIQUE/LONGUEUR,
// RUBRIK/LÄNGE, LENGTE/KOP…), the body, trailer fields (LOAD-DATE:,
// LANGUAGE:, PUBLICATION-TYPE:…) and the copyright. The splitter reads
// Doc.Text whatever reader made it (an HTML Doc is rendered to text
// first); indentation, where the reader kept it, tells centred header
// lines from the headline.

// lexisMarkerRe matches "N of M DOCUMENTS" in the languages of the
// interface.
var lexisMarkerRe = regexp.MustCompile(`(?i)^\s*(\d{1,6})\s+(?:of|von|sur|van|de|di)\s+(\d{1,7})\s+(?:DOCUMENTS?|DOKUMENTE?N?|DOCUMENTEN|DOCUMENTOS?|DOCUMENTI|DOCUMENTO)\s*$`)

// lexisErrorText is the placeholder Lexis puts where it could not deliver
// a document.
const lexisErrorText = "we are sorry but there is an error in this document"

// lexisKeyRe matches a labelled field at the start of a line: an upper
// case key (letters, digits, hyphens) and a colon.
var lexisKeyRe = regexp.MustCompile(`^([\p{Lu}][\p{Lu}\d]*(?:[-_/][\p{Lu}\d]+)*)[\s\x{00a0}]*:(?:[\s\x{00a0}]|$)`)

// lexisKeyMatch is lexisKeyRe.FindStringSubmatch for a trimmed line, with
// a cheap test first: a key starts with a capital and its colon comes
// within 40 bytes.
func lexisKeyMatch(t string) []string {
	if t == "" || t[0] >= 'a' && t[0] <= 'z' || t[0] >= '0' && t[0] <= '9' {
		return nil
	}
	if i := strings.IndexByte(t[:min(len(t), 40)], ':'); i < 0 {
		return nil
	}
	return lexisKeyRe.FindStringSubmatch(t)
}

// lexisRole is what a field's key means.
type lexisRole int

const (
	roleOther lexisRole = iota
	roleSection
	roleLength
	roleByline
	roleHeadline
	roleDateline
	roleHighlight
	roleLanguage
	roleGraphic
	roleURL
	roleBody
	roleTrailer // a known trailer field kept in Details (LOAD-DATE, PUBLICATION-TYPE…)
)

// lexisKeys are the field keys the splitter knows, in the languages of the
// LexisNexis interfaces (English, French, German, Dutch, Spanish, Italian).
var lexisKeys = map[string]lexisRole{
	"SECTION": roleSection, "RUBRIQUE": roleSection, "RUBRIK": roleSection, "RUBRIEK": roleSection,
	"SECTIE": roleSection, "SEZIONE": roleSection, "SECCION": roleSection, "SECCIÓN": roleSection,
	"LENGTH": roleLength, "LONGUEUR": roleLength, "LÄNGE": roleLength, "LAENGE": roleLength,
	"LENGTE": roleLength, "LUNGHEZZA": roleLength, "LONGITUD": roleLength,
	"BYLINE": roleByline, "AUTEUR": roleByline, "AUTOR": roleByline, "AUTHOR": roleByline, "FIRMA": roleByline,
	"HEADLINE": roleHeadline, "TITRE": roleHeadline, "TITEL": roleHeadline, "KOP": roleHeadline,
	"TITLE": roleHeadline, "TITOLO": roleHeadline, "TITULAR": roleHeadline, "LEADALL": roleHeadline,
	"DATELINE": roleDateline, "ORTSZEILE": roleDateline,
	"HIGHLIGHT": roleHighlight, "CHAPEAU": roleHighlight,
	"LANGUAGE": roleLanguage, "LANGUE": roleLanguage, "SPRACHE": roleLanguage, "TAAL": roleLanguage,
	"LINGUA": roleLanguage, "IDIOMA": roleLanguage,
	"GRAPHIC": roleGraphic, "GRAFIK": roleGraphic, "GRAPHIQUE": roleGraphic, "ILLUSTRATION": roleGraphic,
	"URL":  roleURL,
	"BODY": roleBody, "TEXT": roleBody, "TEXTE": roleBody, "TEKST": roleBody,
	"LOAD-DATE": roleTrailer, "DATE-CHARGEMENT": roleTrailer, "UPDATE": roleTrailer, "LAADDATUM": roleTrailer,
	"PUBLICATION-TYPE": roleTrailer, "TYPE-PUBLICATION": roleTrailer, "PUBLIKATIONSTYP": roleTrailer,
	"PUB-TYPE": roleTrailer, "JOURNAL-CODE": roleTrailer, "CODE-REVUE": roleTrailer,
	"SUBJECT": roleTrailer, "SUJET": roleTrailer, "THEMA": roleTrailer, "ORGANIZATION": roleTrailer,
	"COMPANY": roleTrailer, "SOCIETE": roleTrailer, "UNTERNEHMEN": roleTrailer, "GEOGRAPHIC": roleTrailer,
	"LOCALISATION-GEO": roleTrailer, "PERSON": roleTrailer, "PERSONNE": roleTrailer, "INDUSTRY": roleTrailer,
	"SECTEUR-ACTIVITE": roleTrailer, "BRANCHE": roleTrailer, "TICKER": roleTrailer, "SYMBOLE-BOURSIER": roleTrailer,
	"CORRECTION": roleTrailer, "CORRECTION-DATE": roleTrailer, "NOTES": roleTrailer, "NOTE": roleTrailer,
	"DOCUMENT-TYPE": roleTrailer, "TYPE-DOCUMENT": roleTrailer, "DISTRIBUTION": roleTrailer,
	"TRANSCRIPT": roleTrailer, "PUB-SUBJECT": roleTrailer, "ENCART": roleOther, "EDITION": roleOther,
}

// lexisCoverKeys start the lines of a classic cover page.
var lexisCoverKeys = []string{"download request:", "time of request:", "printopdracht:", "tijdstip printopdracht:", "send to:", "verzenden naar:", "zoektermen:", "terms:", "demande de téléchargement:", "downloadanfrage:"}

// lexisCues counts what marks text as a classic LexisNexis export.
type lexisCues struct {
	markers, keys, cover, errors int
}

func lexisCuesOf(text string) lexisCues {
	var c lexisCues
	for _, l := range splitLines(text) {
		t := strings.TrimSpace(l)
		if t == "" || len(t) > 200 {
			continue
		}
		if lexisMarkerRe.MatchString(t) {
			c.markers++
			continue
		}
		low := strings.ToLower(t)
		if strings.HasPrefix(low, lexisErrorText) {
			c.errors++
			continue
		}
		if m := lexisKeyMatch(t); m != nil {
			switch lexisKeys[m[1]] {
			case roleLength, roleSection, roleByline, roleTrailer, roleLanguage:
				c.keys++
			}
			continue
		}
		for _, k := range lexisCoverKeys {
			if strings.HasPrefix(low, k) {
				c.cover++
				break
			}
		}
	}
	return c
}

func (c lexisCues) String() string {
	var parts []string
	if c.cover > 0 {
		parts = append(parts, "a Lexis cover page")
	}
	if c.keys > 0 {
		parts = append(parts, fmt.Sprintf("%d Lexis field lines (LENGTH:, LOAD-DATE:…)", c.keys))
	}
	if c.errors > 0 {
		parts = append(parts, "Lexis error placeholders")
	}
	return strings.Join(parts, ", ")
}

// lexisFormat is the LexisNexis classic layout.
func lexisFormat() format {
	return format{
		name: "LexisNexis",
		detect: func(doc *Doc) bool {
			if doc.Kind == XML {
				return false
			}
			c := lexisCuesOf(lexisText(doc))
			return c.markers > 0 && (c.keys > 0 || c.errors > 0) || c.keys >= 4 && (c.cover > 0 || c.errors > 0) || c.keys >= 6
		},
		split: splitLexis,
	}
}

// lexisText is the text the splitter reads: the rendered text of an HTML
// page, Doc.Text otherwise.
func lexisText(doc *Doc) string {
	if doc.Kind == HTML {
		return doc.VisibleText()
	}
	return doc.Text
}

// lexisRecord is one document's lines between its marker and the next.
type lexisRecord struct {
	n, m    int      // from the marker; 0 for a placeholder without one
	marker  string   // the marker line
	lines   []string // the lines after the marker
	errLine string   // the placeholder line, when the record is one
}

func splitLexis(ctx context.Context, doc *Doc) (*Batch, error) {
	text := strings.TrimPrefix(lexisText(doc), "\ufeff")
	lines := splitLines(text)
	var recs []*lexisRecord
	var cover []string
	var cur *lexisRecord
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if m := lexisMarkerRe.FindStringSubmatch(t); m != nil {
			n, _ := strconv.Atoi(m[1])
			total, _ := strconv.Atoi(m[2])
			cur = &lexisRecord{n: n, m: total, marker: t}
			recs = append(recs, cur)
			continue
		}
		if strings.HasPrefix(strings.ToLower(t), lexisErrorText) {
			if cur == nil || cur.errLine != "" || hasText(cur.lines) {
				cur = &lexisRecord{}
				recs = append(recs, cur)
			}
			cur.errLine = t
			continue
		}
		if cur == nil {
			cover = append(cover, l)
		} else {
			cur.lines = append(cur.lines, l)
		}
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%w: it has %s, but no \"N of M DOCUMENTS\" lines that start its documents", ErrUnsplittable, lexisCuesOf(text))
	}
	b := &Batch{}
	if hasText(cover) {
		b.LeftOut = append(b.LeftOut, "cover page")
		b.Omitted = append(b.Omitted, strings.Join(cover, "\n"))
	}
	lo, hi := lexisCoverRange(cover)
	numbered := lexisNumbering(recs, b)
	indented := lexisIndented(lines)
	for i, r := range recs {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		a := parseLexisRecord(r, indented)
		a.N = i + 1
		if numbered && r.n > 0 {
			a.N = r.n
		}
		if n := lexisLoadDates(r.lines); n > 1 {
			b.Warnings = append(b.Warnings, fmt.Sprintf("document %d holds %d LOAD-DATE lines: the \"N of M DOCUMENTS\" line of the next may be missing, and %d documents were read as one", a.N, n, n))
		}
		b.Articles = append(b.Articles, a)
	}
	b.Announced = len(recs)
	if numbered {
		missing := 0
		for i := 1; i < len(recs); i++ {
			if recs[i].n > 0 && recs[i-1].n > 0 && recs[i].n > recs[i-1].n+1 {
				gap := recs[i].n - recs[i-1].n - 1
				missing += gap
				b.Warnings = append(b.Warnings, fmt.Sprintf("documents %s are missing: the file goes from %q to %q", span(recs[i-1].n+1, recs[i].n-1), recs[i-1].marker, recs[i].marker))
			}
		}
		b.Announced += missing
		first, last := recs[0].n, recs[len(recs)-1].n
		if hi > 0 && first >= lo && last <= hi && hi-lo+1 > b.Announced {
			b.Warnings = append(b.Warnings, fmt.Sprintf("the cover page announces documents %d–%d, the file holds %s", lo, hi, span(first, last)))
			b.Announced = hi - lo + 1
		}
	}
	if n := countKeys(b.Articles, "LOAD-DATE", "DATE-CHARGEMENT", "UPDATE", "LAADDATUM"); n > 0 {
		b.LeftOut = append(b.LeftOut, fmt.Sprintf("%d LOAD-DATE trailers (kept in each clipping's details)", n))
	}
	if n := countKeys(b.Articles, "Copyright"); n > 0 {
		b.LeftOut = append(b.LeftOut, fmt.Sprintf("%d copyright lines (kept in each clipping's details)", n))
	}
	return b, nil
}

// lexisLoadDates counts the LOAD-DATE lines (in any language) in lines:
// one per document.
func lexisLoadDates(lines []string) int {
	n := 0
	for _, l := range lines {
		if m := lexisKeyMatch(strings.TrimSpace(l)); m != nil {
			switch m[1] {
			case "LOAD-DATE", "DATE-CHARGEMENT", "LAADDATUM":
				n++
			}
		}
	}
	return n
}

// span writes a range of document numbers: "37" or "37–39".
func span(a, b int) string {
	if a == b {
		return strconv.Itoa(a)
	}
	return fmt.Sprintf("%d–%d", a, b)
}

func countKeys(arts []Article, keys ...string) int {
	n := 0
	for _, a := range arts {
		for _, d := range a.Details {
			for _, k := range keys {
				if strings.EqualFold(d.Key, k) {
					n++
				}
			}
		}
	}
	return n
}

// lexisCoverRange reads the range of documents a cover page announces
// ("Selected Items: 1-10"), 0, 0 if it names none.
// lexisRangeRe matches the range of documents a cover page names.
var lexisRangeRe = regexp.MustCompile(`(\d+)\s*[-–]\s*(\d+)`)

func lexisCoverRange(cover []string) (lo, hi int) {
	re := lexisRangeRe
	for _, l := range cover {
		low := strings.ToLower(strings.TrimSpace(l))
		if !strings.HasPrefix(low, "download request:") && !strings.HasPrefix(low, "printopdracht:") && !strings.Contains(low, "selected items") && !strings.HasPrefix(low, "demande de téléchargement") {
			continue
		}
		if m := re.FindStringSubmatch(l); m != nil {
			a, _ := strconv.Atoi(m[1])
			b, _ := strconv.Atoi(m[2])
			if a >= 1 && b >= a {
				return a, b
			}
		}
	}
	return 0, 0
}

// lexisNumbering reports whether the records are numbered in order (each
// marker's number above the one before), filling in the numbers of
// placeholders without a marker. Otherwise it warns that the count cannot
// be checked against the numbers.
func lexisNumbering(recs []*lexisRecord, b *Batch) bool {
	prev := 0
	var prevMarker string
	for _, r := range recs {
		if r.n == 0 {
			continue
		}
		if r.n <= prev {
			b.Warnings = append(b.Warnings, fmt.Sprintf("the document numbers are not in order (%q follows %q): the file seems pieced together from several downloads, so only its %d document markers are counted", r.marker, prevMarker, len(recs)))
			return false
		}
		prev, prevMarker = r.n, r.marker
	}
	totals := map[int]int{}
	for _, r := range recs {
		if r.m > 0 {
			totals[r.m]++
		}
	}
	if len(totals) > 1 {
		var odd []string
		common, best := 0, 0
		for m, c := range totals {
			if c > best || c == best && m < common {
				common, best = m, c
			}
		}
		for _, r := range recs {
			if r.m > 0 && r.m != common {
				odd = append(odd, fmt.Sprintf("%q", r.marker))
			}
		}
		if len(odd) > 3 {
			odd = append(odd[:3], "…")
		}
		b.Warnings = append(b.Warnings, fmt.Sprintf("most documents say \"of %d\", but %s", common, strings.Join(odd, ", ")))
	}
	// placeholders without a marker take the next number
	for i, r := range recs {
		if r.n == 0 && i > 0 && recs[i-1].n > 0 && (i+1 == len(recs) || recs[i+1].n == 0 || recs[i+1].n > recs[i-1].n+1) {
			r.n, r.m = recs[i-1].n+1, recs[i-1].m
			r.marker = fmt.Sprintf("%d of %d DOCUMENTS", r.n, r.m)
		}
	}
	return true
}

// lexisIndented reports whether the text keeps the centring of the TXT
// export (many lines indented by 10 or more spaces).
func lexisIndented(lines []string) bool {
	n := 0
	for _, l := range lines {
		if indentOf(l) >= 10 && !blank(l) {
			n++
			if n >= 3 {
				return true
			}
		}
	}
	return false
}

func indentOf(l string) int {
	n := 0
	for _, r := range l {
		switch r {
		case ' ', '\u00a0':
			n++
		case '\t':
			n += 8
		default:
			return n
		}
	}
	return n
}

func hasText(lines []string) bool {
	for _, l := range lines {
		if !blank(l) {
			return true
		}
	}
	return false
}

// lexisBlock is a run of non-blank lines.
type lexisBlock struct {
	lines    []string
	key      string // the field key of its first line, "" if none
	value    string // the rest of the block after the key
	centered bool
}

func (b *lexisBlock) text() string { return strings.Join(trimAll(b.lines), "\n") }

func trimAll(ls []string) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = strings.TrimFunc(l, unicode.IsSpace)
	}
	return out
}

func lexisBlocks(lines []string, indented bool) []*lexisBlock {
	var out []*lexisBlock
	var cur *lexisBlock
	for _, l := range lines {
		if blank(l) {
			cur = nil
			continue
		}
		if cur == nil {
			cur = &lexisBlock{}
			out = append(out, cur)
		}
		cur.centered = cur.centered || indented && indentOf(l) >= 6
		cur.lines = append(cur.lines, l)
	}
	for _, b := range out {
		first := strings.TrimFunc(b.lines[0], unicode.IsSpace)
		if m := lexisKeyMatch(first); m != nil && (!b.centered || indentOf(b.lines[0]) < 6) {
			b.key = m[1]
			rest := strings.TrimFunc(first[len(m[0]):], unicode.IsSpace)
			b.value = strings.TrimSpace(strings.Join(append([]string{rest}, trimAll(b.lines[1:])...), "\n"))
		}
	}
	return out
}

func (b *lexisBlock) known() bool {
	_, ok := lexisKeys[b.key]
	return b.key != "" && ok
}

// copyrightLine reports a copyright notice ("Copyright 2010 …", "© …",
// "All Rights Reserved").
func copyrightLine(s string) bool {
	low := strings.ToLower(strings.TrimSpace(s))
	for _, p := range []string{"copyright", "©", "(c) ", "all rights reserved", "alle rechte vorbehalten", "tous droits réservés", "alle rechten voorbehouden", "todos los derechos reservados", "copy "} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return false
}

// reservedLine reports the end of a copyright notice that runs over
// lines ("… All\n Rights Reserved").
func reservedLine(s string) bool {
	low := strings.ToLower(s)
	for _, w := range []string{"reserved", "vorbehalten", "réservés", "voorbehouden", "reservados", "riservati"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// parseLexisRecord reads one document.
func parseLexisRecord(r *lexisRecord, indented bool) Article {
	var a Article
	a.Record = strings.TrimSpace(strings.Join(append([]string{r.marker}, r.lines...), "\n"))
	if r.errLine != "" {
		a.Problem = fmt.Sprintf("LexisNexis could not deliver this document (%q)", r.errLine)
		a.Record = strings.TrimSpace(a.Record + "\n" + r.errLine)
		if hasText(r.lines) {
			a.Problem += "; its other lines were kept in the details"
			addDetail(&a.Metadata, "Text", strings.Join(trimAll(r.lines), "\n"))
		}
		return a
	}
	blocks := lexisBlocks(r.lines, indented)

	// The head: publication, date line, headline and what else stands
	// above the first known field or the text.
	head := lexisHead(&a, blocks)

	// Fields right after the head, up to the last known one before the body.
	last := head - 1
	for k := head; k < len(blocks) && blocks[k].key != ""; k++ {
		if role, ok := lexisKeys[blocks[k].key]; ok {
			if role == roleTrailer || role == roleLanguage || role == roleGraphic {
				break
			}
			last = k
			if role == roleBody {
				break
			}
		}
	}
	fields := blocks[head : last+1]
	bodyStart := last + 1
	var bodyBlocks [][]string
	for _, f := range fields {
		if lexisKeys[f.key] == roleBody && f.value != "" {
			bodyBlocks = append(bodyBlocks, trimAll(strings.Split(f.value, "\n")))
		}
	}
	// a date line left after the fields (dpa's "LEADALL:" before the date)
	var lateDate *lexisBlock
	if bodyStart < len(blocks) && len(blocks[bodyStart].lines) <= 3 && blocks[bodyStart].key == "" {
		if _, _, ok := dateLine(blocks[bodyStart].lines[0]); ok && a.Date == "" {
			lateDate = blocks[bodyStart]
			bodyStart++
		}
	}

	// The trailer: the run of field and copyright blocks at the end,
	// from its first known field or copyright notice on.
	start := len(blocks)
	for k := len(blocks) - 1; k >= bodyStart; k-- {
		b := blocks[k]
		if b.key != "" || copyrightLine(b.lines[0]) || b.centered && start < len(blocks) {
			start = k
			continue
		}
		if k > bodyStart && blocks[k-1].key != "" && blocks[k-1].value == "" {
			start = k // the value of a key written on its own line
			continue
		}
		break
	}
	trailer := len(blocks)
	for k := start; k < len(blocks); k++ {
		if blocks[k].known() || copyrightLine(blocks[k].lines[0]) {
			trailer = k
			break
		}
	}
	for _, b := range blocks[bodyStart:trailer] {
		bodyBlocks = append(bodyBlocks, trimAll(b.lines))
	}
	a.Body = joinParagraphs(bodyBlocks)
	if lateDate != nil {
		a.Date, _, _ = dateLine(lateDate.lines[0])
		addDetail(&a.Metadata, "Date line", oneLine(lateDate.text()))
	}
	for _, f := range fields {
		lexisField(&a, f)
	}
	for k, b := range blocks[trailer:] {
		if b.key != "" {
			lexisField(&a, b)
			continue
		}
		if k > 0 && blocks[trailer+k-1].key != "" && blocks[trailer+k-1].value == "" {
			addDetail(&a.Metadata, blocks[trailer+k-1].key, oneLine(b.text()))
			continue
		}
		if copyrightLine(b.lines[0]) {
			addDetail(&a.Metadata, "Copyright", oneLine(b.text()))
			continue
		}
		addDetail(&a.Metadata, "Note", oneLine(b.text()))
	}
	if a.Body == "" {
		a.Problem = "the document has no text"
	}
	return a
}

// bodyLike reports a block that reads as article text rather than a
// header line: several lines, or a long one.
func bodyLike(b *lexisBlock) bool {
	if b.centered {
		return false
	}
	n := 0
	for _, l := range b.lines {
		n += len(strings.TrimSpace(l))
	}
	return len(b.lines) >= 4 || n > 300
}

// lexisWordsRe matches a length written without its key: "184 words".
var lexisWordsRe = regexp.MustCompile(`(?i)^\d[\d,. ]*\s+(?:words|wörter|mots|woorden|palabras|parole)$`)

// lexisHead reads the blocks above the fields and the text: the
// publication, the date line (with edition), the headline, perhaps a
// name, and centred notes. It returns the index of the first block it did
// not take.
func lexisHead(a *Article, blocks []*lexisBlock) int {
	pubSeen, titleSeen := false, false
	i := 0
	for ; i < len(blocks); i++ {
		b := blocks[i]
		first := strings.TrimSpace(b.lines[0])
		if b.known() {
			break
		}
		if copyrightLine(first) {
			ls := trimAll(b.lines)
			if !pubSeen && len(ls) > 1 && !copyrightLine(ls[len(ls)-1]) && !reservedLine(ls[len(ls)-1]) {
				// "Copyright 2003 Le Monde" over the publication's name
				addDetail(&a.Metadata, "Copyright", ls[0])
				pubSeen = true
				a.Publication = lexisPublication(&lexisBlock{lines: ls[1:]})
				continue
			}
			addDetail(&a.Metadata, "Copyright", oneLine(b.text()))
			continue
		}
		if a.Date == "" {
			if date, _, ok := dateLine(first); ok && (pubSeen || b.centered) {
				a.Date = date
				addDetail(&a.Metadata, "Date line", oneLine(b.text()))
				continue
			}
		}
		if lexisWordsRe.MatchString(oneLine(b.text())) && a.Words == 0 {
			a.Words = wordCount(first)
			addDetail(&a.Metadata, "Length", oneLine(b.text()))
			continue
		}
		if strings.HasPrefix(first, "http://") || strings.HasPrefix(first, "https://") {
			if a.URL == "" {
				a.URL = strings.Join(trimAll(b.lines), "")
			} else {
				addDetail(&a.Metadata, "Link", strings.Join(trimAll(b.lines), ""))
			}
			continue
		}
		if !pubSeen {
			pubSeen = true
			a.Publication = lexisPublication(b)
			continue
		}
		if b.centered {
			addDetail(&a.Metadata, "Header", oneLine(b.text()))
			continue
		}
		if b.key != "" {
			addDetail(&a.Metadata, b.key, oneLine(b.value))
			continue
		}
		if !titleSeen {
			if bodyLike(b) && a.Date != "" && !nextIsDate(blocks, i) {
				break
			}
			titleSeen = true
			setLexisTitle(a, oneLine(b.text()))
			continue
		}
		if a.Date != "" && len(a.Authors) == 0 && nameLike(b) {
			a.Authors = authorsOf(first)
			addDetail(&a.Metadata, "Byline", oneLine(b.text()))
			continue
		}
		if a.Date == "" && nextIsDate(blocks, i) && !bodyLike(b) {
			addDetail(&a.Metadata, "Header", oneLine(b.text()))
			continue
		}
		break
	}
	return i
}

// nextIsDate reports whether the block after i is a date line.
func nextIsDate(blocks []*lexisBlock, i int) bool {
	if i+1 >= len(blocks) {
		return false
	}
	_, _, ok := dateLine(blocks[i+1].lines[0])
	return ok
}

// nameLike reports a one-line block of at most four capitalised words
// without closing punctuation: a name under the headline.
func nameLike(b *lexisBlock) bool {
	if len(b.lines) != 1 {
		return false
	}
	ws := strings.Fields(b.lines[0])
	if len(ws) == 0 || len(ws) > 4 {
		return false
	}
	for _, w := range ws {
		if !startsUpper(w) {
			return false
		}
	}
	return !strings.ContainsAny(b.lines[0], ".:;!?\"'")
}

// lexisPublication reads the publication block: its first line, or more
// when the first line ends in a word that continues it ("… and").
func lexisPublication(b *lexisBlock) string {
	ls := trimAll(b.lines)
	n := 1
	for n < len(ls) {
		last := strings.ToLower(ls[n-1])
		cont := false
		for _, w := range []string{" and", " &", ",", " of", " und", " et", " en", " for", "-"} {
			if strings.HasSuffix(last, w) {
				cont = true
			}
		}
		if !cont {
			break
		}
		n++
	}
	return oneLine(strings.Join(ls[:n], " "))
}

// setLexisTitle sets the headline from a title line. A part after ";"
// is the deck ("Euro-Schuldenkrise belastet DZ Bank; Millionen-…"), except
// that a short upper-case part before it is a kicker ("INTERNATIONAL
// BUSINESS;Advocates Gain Ground…": the headline is the rest) and a one-word
// part after it a blog or column name ("…Climate?;Green").
func setLexisTitle(a *Article, t string) {
	t = strings.TrimSpace(t)
	if a.Headline != "" {
		addDetail(&a.Metadata, "Title", t)
		return
	}
	var parts []string
	for _, p := range strings.Split(t, ";") {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) >= 2 && isUpperWord(parts[0]) && len(strings.Fields(parts[0])) <= 4 && !isUpperWord(parts[1]) &&
		len(strings.Fields(parts[1])) <= 16 && !strings.HasSuffix(parts[1], ".") {
		addDetail(&a.Metadata, "Kicker", parts[0])
		parts = parts[1:]
	}
	switch {
	case len(parts) == 0:
	case len(parts) == 1:
		a.Headline = parts[0]
	case len(parts) == 2 && len(strings.Fields(parts[1])) == 1:
		a.Headline = parts[0]
		addDetail(&a.Metadata, "Title", t)
	default:
		a.Headline, a.Deck = parts[0], strings.Join(parts[1:], "; ")
	}
}

// lexisField applies one labelled field to the article.
func lexisField(a *Article, b *lexisBlock) {
	v := oneLine(b.value)
	switch lexisKeys[b.key] {
	case roleSection:
		s, p := sectionAndPage(v)
		if a.Section == "" {
			a.Section, a.Page = s, p
		}
		addDetail(&a.Metadata, b.key, v)
	case roleLength:
		if a.Words == 0 {
			a.Words = wordCount(v)
		}
		addDetail(&a.Metadata, b.key, v)
	case roleByline:
		if len(a.Authors) == 0 {
			a.Authors = authorsOf(v)
		}
		addDetail(&a.Metadata, b.key, v)
	case roleHeadline:
		setLexisTitle(a, v)
	case roleDateline:
		if a.Dateline == "" {
			a.Dateline = v
		} else {
			addDetail(&a.Metadata, b.key, v)
		}
	case roleHighlight:
		if a.Deck == "" {
			a.Deck = v
		} else {
			addDetail(&a.Metadata, b.key, v)
		}
	case roleLanguage:
		if c := languageCode(v); c != "" && a.Language == "" {
			a.Language = c
		}
		addDetail(&a.Metadata, b.key, v)
	case roleGraphic:
		a.Captions = append(a.Captions, model.Caption{Text: v})
	case roleURL:
		if a.URL == "" && strings.HasPrefix(v, "http") {
			a.URL = v
		} else {
			addDetail(&a.Metadata, b.key, v)
		}
	case roleBody:
	default:
		addDetail(&a.Metadata, b.key, v)
	}
}
