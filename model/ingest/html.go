package ingest

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"clipper/model"
	"clipper/model/ingest/archive"
	"clipper/model/ingest/web"
)

// maxHTMLElements bounds the tree built for a page: a page with more
// elements is read with the streaming tokenizer instead, so that no page
// under the size limit can take memory out of proportion to its text.
const maxHTMLElements = archive.MaxTreeElements

// decodeHTML decodes a saved web page. Valid UTF-8 is taken as is; other
// bytes are decoded with the charset the page declares (<meta charset>),
// or by decode's rules when it declares none, UTF-8 or Windows-1252.
func decodeHTML(data []byte) (string, []string, error) {
	hasBOM := bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF})
	if hasBOM || utf8.Valid(data) || guessUTF16(data) != nil {
		return decode(data)
	}
	e, name, _ := charset.DetermineEncoding(data, "")
	if name == "utf-8" || name == "windows-1252" || e == nil {
		return decode(data)
	}
	if err := checkControlBytes(data); err != nil {
		return "", nil, err
	}
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", nil, fmt.Errorf("%w: cannot decode the page as %s, the charset it declares: %v", ErrEncoding, name, err)
	}
	s := string(out)
	if bad := strings.Count(s, "\uFFFD"); bad*100 > utf8.RuneCountInString(s) {
		return "", nil, fmt.Errorf("%w: the page declares charset %s, but %d characters do not decode in it", ErrEncoding, name, bad)
	}
	return s, nil, nil
}

// parseHTML reads a saved news web page. The metadata comes from the
// page's structured data and then what it shows (see page.metadata); the
// article text from web.Extract: paragraphs in reading order, photo
// captions as Captions, furniture left out. A byline, date line or repeated
// headline opening the text moves to the metadata. A page too large or too
// deeply nested for a tree is read as plain text, with a warning.
func parseHTML(text string) (model.Metadata, string, []string) {
	var warns []string
	if n := countElements(text, maxHTMLElements+1); n > maxHTMLElements {
		return streamHTML(text, fmt.Sprintf("the page has over %d elements, too many to find its article in", maxHTMLElements))
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil { // nested deeper than the parser allows
		return streamHTML(text, "the page is too deeply nested to find its article ("+err.Error()+")")
	}
	p := collectPage(doc)
	ld, hasLD, ldErr := findLDArticle(p.ldScripts)
	if ldErr != "" {
		warns = append(warns, ldErr)
	}
	mr := p.metadata(ld)
	meta := mr.Metadata

	var base *url.URL
	if meta.URL != "" {
		base, _ = url.Parse(meta.URL)
	}
	content := web.Extract(doc, base)
	if len(content.Paragraphs) == 0 {
		if d, err := html.Parse(strings.NewReader(text)); err == nil {
			content = web.Heuristic(d)
		}
	}
	if len(content.Paragraphs) == 0 && hasLD && ld.articleBody != "" {
		content.Paragraphs = paragraphs(cleanLines(ld.articleBody))
	}
	if len(meta.Authors) == 0 && content.Byline != "" {
		meta.Authors = appendPeople(nil, &meta.Credit, content.Byline, meta.Publication, false)
	}
	meta.Captions = content.Captions
	pars := content.Paragraphs
	if content.Deck != "" {
		meta.Deck = content.Deck
	} else if repeatsLead(meta.Deck, pars) {
		meta.Deck = "" // the page's description is its first paragraph
	}
	pars = tidyTail(tidyLead(pars, &meta), meta)
	if meta.Deck != "" && len(pars) > 0 && isLead(meta.Deck, pars[0]) {
		meta.Deck = ""
	}
	if meta.Date == "" && len(pars) > 0 {
		meta.Date = leadDate(pars[0])
	}
	if len(pars) > 0 {
		if place, agency, ok := parseDateline(normField(pars[0])); ok {
			meta.Dateline = place
			if meta.Credit == "" {
				meta.Credit = agencyOr(agency)
			}
		}
	}
	if meta.Language == "" {
		meta.Language = scriptLanguage(pars)
	}
	body, w := capText(Normalize(strings.Join(pars, "\n\n")))
	return meta, body, append(warns, w...)
}

// agencyOr returns the short name of a known agency, else s.
func agencyOr(s string) string {
	if a := agencyCredit(s); a != "" {
		return a
	}
	return s
}

// streamHTML imports all the text of a page that cannot be read as a
// tree, saying why.
func streamHTML(text, why string) (model.Metadata, string, []string) {
	body, w := capText(Normalize(strings.Join(web.Stream(text), "\n\n")))
	return model.Metadata{}, body, append([]string{why + "; imported all of its text"}, w...)
}

// capText cuts a body longer than MaxFileSize at a paragraph break, with
// a warning naming the limit.
func capText(body string) (string, []string) {
	if len(body) <= MaxFileSize {
		return body, nil
	}
	cut := strings.LastIndex(body[:MaxFileSize], "\n\n")
	if cut <= 0 {
		cut = MaxFileSize
		for cut > 0 && !utf8.RuneStart(body[cut]) {
			cut--
		}
	}
	return body[:cut], []string{fmt.Sprintf("the page's text is over the %d MiB limit; imported its first %d MiB", MaxFileSize>>20, MaxFileSize>>20)}
}

// countElements counts start tags with the streaming tokenizer, stopping
// at limit.
func countElements(text string, limit int) int {
	if len(text) < limit*3 || strings.Count(text, "<") < limit { // every element takes at least three bytes and a "<"
		return 0
	}
	z := html.NewTokenizer(strings.NewReader(text))
	n := 0
	for n < limit {
		switch z.Next() {
		case html.ErrorToken:
			return n
		case html.StartTagToken, html.SelfClosingTagToken:
			n++
		}
	}
	return n
}

// scriptLanguage names the language of a page that does not say, when its
// script does: Japanese for kana, Chinese for Han alone, Korean for Hangul.
func scriptLanguage(pars []string) string {
	var han, kana, hangul, letters int
	for _, p := range pars {
		for _, r := range p {
			switch {
			case unicode.In(r, unicode.Hiragana, unicode.Katakana):
				kana++
			case unicode.Is(unicode.Han, r):
				han++
			case unicode.Is(unicode.Hangul, r):
				hangul++
			case unicode.IsLetter(r):
				letters++
			}
		}
		if han+kana+hangul+letters > 5000 {
			break
		}
	}
	cjk := han + kana + hangul
	switch {
	case cjk == 0 || cjk < letters:
		return ""
	case kana*10 > cjk:
		return "ja"
	case hangul > han:
		return "ko"
	default:
		return "zh"
	}
}

// tidyLead removes from the first paragraphs a repeated headline or deck, a
// byline ("By Name", "Von Name, Place", the authors' names alone), a date
// line and a line that is both, moving what they say into meta when it is
// still empty. It looks at the first three paragraphs that stay, so a
// byline under a standfirst goes too.
func tidyLead(pars []string, meta *model.Metadata) []string {
	out := make([]string, 0, len(pars))
	kept := 0
	for i, p := range pars {
		if kept >= 3 {
			return append(out, pars[i:]...)
		}
		if !isLeadMeta(normField(p), meta) {
			out = append(out, p)
			kept++
		}
	}
	return out
}

// isLeadMeta reports a paragraph near the top that only repeats or gives
// metadata, moving what it gives into meta.
func isLeadMeta(first string, meta *model.Metadata) bool {
	switch {
	case first == "":
		return true
	case strings.EqualFold(first, meta.Headline) || strings.EqualFold(first, meta.Deck):
		return true
	}
	if b, ok := parseByline(first); ok && !b.dash {
		credit := meta.Credit
		var names []string
		for _, a := range b.authors {
			names = appendPeople(names, &credit, a, meta.Publication, false)
		}
		if credit == "" {
			credit = agencyOr(b.credit)
		}
		if len(meta.Authors) == 0 {
			meta.Authors = names
		}
		meta.Credit = credit
		return true
	}
	published := publishedPart(first)
	if published == first {
		if _, d, ok := parsePubDate(first); ok {
			if meta.Date == "" {
				meta.Date = d
			}
			return true
		}
	}
	if isBylineLine(first, meta) {
		return true
	}
	if isStampLine(first) || stampedByline(first) {
		if meta.Date == "" {
			meta.Date = findDate(published)
		}
		return true
	}
	return false
}

// updateWordRe finds where a date line turns to the update time.
var updateWordRe = regexp.MustCompile(`(?i)\b(?:updated|last updated|modified|aktualisiert|actualizado|atualizado|mis à jour|aggiornato)\b`)

// publishedPart is a date line up to any update time it also gives:
// "Published March 4, 2024 | Updated March 5" is "Published March 4, 2024 | ".
func publishedPart(s string) string {
	if loc := updateWordRe.FindStringIndex(s); loc != nil {
		return s[:loc[0]]
	}
	return s
}

// stampedByline reports a short line of a time or date and a byline:
// "March 4 By Gazette Staff", "10:12 AM BY STAFF".
func stampedByline(s string) bool {
	if utf8.RuneCountInString(s) > 100 || !strings.ContainsFunc(s, unicode.IsDigit) {
		return false
	}
	for _, by := range []string{" By ", " BY ", " by "} {
		if i := strings.Index(s, by); i > 0 && len(strings.Fields(s[:i])) <= 5 {
			_, ok := parseByline(strings.TrimSpace(s[i:]))
			return ok
		}
	}
	return false
}

// tidyTail removes a box of byline and date that closes the text (an
// author box, "Benedikt Strunz, NDR / 28.04.2020 21:38 Uhr").
func tidyTail(pars []string, meta model.Metadata) []string {
	for i := 0; i < 2 && len(pars) > 1; i++ {
		last := normField(pars[len(pars)-1])
		if utf8.RuneCountInString(last) > 160 {
			break
		}
		named := false
		for _, a := range meta.Authors {
			named = named || strings.Contains(last, a)
		}
		if !isStampLine(last) && !(named && findDate(last) != "") {
			break
		}
		pars = pars[:len(pars)-1]
	}
	return pars
}

// isBylineLine reports a short line that names the article's authors,
// with or without a word such as "By", "Von" or "Por" before them and a
// place or outlet after them ("Von Markus Balser, Berlin"); with no
// authors known yet, the names it gives become the authors.
func isBylineLine(line string, meta *model.Metadata) bool {
	if utf8.RuneCountInString(line) > 120 {
		return false
	}
	credit := meta.Credit
	names := appendPeople(nil, &credit, line, meta.Publication, false)
	if len(names) == 0 {
		return false
	}
	lead := bylineLeadRe.MatchString(line)
	if len(meta.Authors) == 0 {
		if !lead {
			return false
		}
		meta.Authors, meta.Credit = names, credit
		return true
	}
	known := 0
	for _, n := range names {
		for _, a := range meta.Authors {
			if strings.EqualFold(n, a) {
				known++
				break
			}
		}
	}
	return known == len(names) || lead && known > 0
}

// isStampLine reports a short line that only dates or credits the
// article: "2/26/2015 7:11 AM PST BY TMZ STAFF", "Published 27 July 2017
// | Updated 28 July 2017".
func isStampLine(s string) bool {
	if utf8.RuneCountInString(s) > 80 || findDate(s) == "" {
		return false
	}
	if strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "p.m.") && !strings.HasSuffix(s, "a.m.") {
		return false
	}
	words := 0
	for _, w := range strings.Fields(s) {
		if strings.ContainsFunc(w, unicode.IsLetter) && !strings.ContainsFunc(w, unicode.IsDigit) {
			words++
		}
	}
	return words <= 8
}

// repeatsLead reports whether a page description repeats one of the first
// paragraphs (see isLead).
func repeatsLead(deck string, pars []string) bool {
	for i := 0; deck != "" && i < len(pars) && i < 4; i++ {
		if isLead(deck, pars[i]) {
			return true
		}
	}
	return false
}

// leadDate is the date that opens a first paragraph: "Feb. 23, 2015 --
// Life-threatening peanut allergies…".
func leadDate(first string) string {
	if len(first) > 32 {
		cut := 32
		for cut > 0 && !utf8.RuneStart(first[cut]) {
			cut--
		}
		first = first[:cut]
	}
	return findDate(first)
}

// isLead reports whether a page description merely repeats (the start of)
// the first paragraph, possibly without its dateline or truncated with an
// ellipsis.
func isLead(deck, first string) bool {
	d := strings.ToLower(normField(deck))
	d = strings.TrimSpace(strings.TrimRight(d, ".…"))
	f := strings.ToLower(normField(first))
	if d == "" {
		return true
	}
	r := []rune(d)
	if len(r) > 80 {
		d = string(r[:80])
	}
	return strings.Contains(f, d) || strings.HasPrefix(d, f)
}
