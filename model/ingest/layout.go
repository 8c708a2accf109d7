package ingest

import (
	"strings"
	"unicode/utf8"

	"clipper/model"
)

// hints carry metadata a structured format already knows (a Markdown H1,
// front matter, a Word "Title" paragraph), so that the text layout does not
// guess it.
type hints struct {
	headline string
	deck     string
}

// headLines is how many non-blank lines at the top are examined for
// metadata.
const headLines = 8

// parseLayout reads text in the e-paper export or plain text layout (see
// clipping-format.md): it takes out photo captions and archive footers,
// reads the metadata lines at the top, rebuilds paragraphs and normalises
// the body. The dateline stays in the body and is also returned.
func parseLayout(text string, h hints) (model.Metadata, string) {
	// A soft hyphen at a line end splits a word: join it before cleaning.
	if strings.Contains(text, "\u00AD") {
		text = strings.NewReplacer("\u00AD\r\n", "", "\u00AD\n", "", "\u00AD\r", "").Replace(text)
	}
	lines := cleanLines(text)
	var meta model.Metadata
	caps, epaper := takeCaptions(lines)
	meta.Captions = caps
	start := readHead(lines, h, epaper, &meta)
	pars := paragraphs(lines[start:])
	body := Normalize(strings.Join(pars, "\n\n"))
	if len(pars) > 0 {
		if place, agency, ok := parseDateline(pars[0]); ok {
			meta.Dateline = place
			if meta.Credit == "" {
				meta.Credit = agency
			}
		}
	}
	return meta, body
}

// readHead fills meta from the metadata lines at the top of lines and
// returns the index of the first body line. It always leaves at least one
// non-blank line for the body.
//
// The e-paper layout is recognised by its byline ("- Name CREDIT"): the
// lines above it are publication, headline and deck (one line: headline;
// two: publication and headline, or headline and deck when the first does
// not read as a name). Without a byline, a dateline paragraph ("PORT ALDEN –
// …") marks where the body starts. Plain text has the headline first, then
// optional "By Name" and "<Publication>, <Month D, YYYY>" lines.
func readHead(lines []string, h hints, epaper bool, meta *model.Metadata) int {
	var idx []int
	for i, l := range lines {
		if l != "" {
			idx = append(idx, i)
			if len(idx) == headLines {
				break
			}
		}
	}
	at := func(k int) int {
		if k < len(idx) {
			return idx[k]
		}
		return len(lines)
	}
	if len(idx) == 0 {
		return len(lines)
	}
	if h.headline != "" {
		meta.Headline, meta.Deck = h.headline, h.deck
		k := 0
		if strings.EqualFold(lines[idx[0]], normField(h.headline)) {
			k++
		}
		return at(takeBylineDate(lines, idx, k, 3, meta))
	}

	// E-paper byline (or a "By" line) within the first lines, preceded only
	// by short lines.
	for k := 0; k < len(idx)-1 && k < 6; k++ {
		l := lines[idx[k]]
		if b, ok := parseByline(l); ok {
			pre := takeDates(lines, idx[:k], meta)
			applyByline(b, meta)
			assignHead(pre, b.dash || epaper, meta)
			return at(takeBylineDate(lines, idx, k+1, 2, meta))
		}
		if !headish(l) {
			break
		}
	}

	// A dateline paragraph marks the start of the body.
	for k := 0; k < len(idx) && k < 5; k++ {
		l := lines[idx[k]]
		if _, _, ok := parseDateline(l); ok {
			assignHead(takeDates(lines, idx[:k], meta), epaper, meta)
			return idx[k]
		}
		if !headish(l) {
			break
		}
	}

	// Plain text: headline-like lines and date lines at the top.
	maxCands := 1
	if epaper || isPublicationName(lines[idx[0]]) {
		maxCands = 3
	}
	var cands []string
	k := 0
	for ; k < len(idx)-1 && k < 5; k++ {
		l := lines[idx[k]]
		if pub, d, ok := parsePubDate(l); ok && meta.Date == "" {
			meta.Date = d
			if meta.Publication == "" {
				meta.Publication = pub
			}
			continue
		}
		if b, ok := parseByline(l); ok && len(meta.Authors) == 0 && meta.Credit == "" {
			applyByline(b, meta)
			continue
		}
		if len(cands) < maxCands && headlineLike(l) {
			cands = append(cands, l)
			continue
		}
		break
	}
	assignHead(cands, true, meta)
	return at(k)
}

// takeBylineDate consumes up to n byline or date lines from idx[k:],
// leaving at least one line, and returns the index after them.
func takeBylineDate(lines []string, idx []int, k, n int, meta *model.Metadata) int {
	for ; n > 0 && k < len(idx)-1; n-- {
		l := lines[idx[k]]
		if pub, d, ok := parsePubDate(l); ok && meta.Date == "" {
			meta.Date = d
			if meta.Publication == "" {
				meta.Publication = pub
			}
			k++
			continue
		}
		if b, ok := parseByline(l); ok && len(meta.Authors) == 0 && meta.Credit == "" {
			applyByline(b, meta)
			k++
			continue
		}
		break
	}
	return k
}

// takeDates returns the lines at idx that are not "<Publication>, <date>"
// lines, recording the first such line's date and publication in meta.
func takeDates(lines []string, idx []int, meta *model.Metadata) []string {
	var out []string
	for _, i := range idx {
		if pub, d, ok := parsePubDate(lines[i]); ok && meta.Date == "" {
			meta.Date = d
			if meta.Publication == "" {
				meta.Publication = pub
			}
			continue
		}
		out = append(out, lines[i])
	}
	return out
}

// assignHead names the metadata lines above the body. One line is the
// headline. Two are publication and headline when pubFirst allows it and
// the first reads as a name (or clearly as a publication), else headline
// and deck. Three or more are publication, headline and deck.
func assignHead(pre []string, pubFirst bool, meta *model.Metadata) {
	switch {
	case len(pre) == 0:
	case len(pre) == 1:
		meta.Headline = pre[0]
	case len(pre) == 2 && meta.Publication == "" &&
		(isPublicationName(pre[0]) || (pubFirst && looksLikeName(pre[0], 8))):
		meta.Publication, meta.Headline = pre[0], pre[1]
	case len(pre) == 2:
		meta.Headline, meta.Deck = pre[0], pre[1]
	case meta.Publication == "" && (looksLikeName(pre[0], 8) || isPublicationName(pre[0])):
		meta.Publication, meta.Headline = pre[0], pre[1]
		meta.Deck = strings.Join(pre[2:], " ")
	default:
		meta.Headline = pre[0]
		meta.Deck = strings.Join(pre[1:], " ")
	}
}

// applyByline records a byline's authors and credit.
func applyByline(b byline, meta *model.Metadata) {
	meta.Authors = b.authors
	meta.Credit = b.credit
}

// headish reports whether a line is short enough to be a metadata line and
// is not the dateline paragraph.
func headish(l string) bool {
	if utf8.RuneCountInString(l) > 250 {
		return false
	}
	_, _, dl := parseDateline(l)
	return !dl
}

// headlineLike reports whether a line can be a headline, publication or
// deck: short, not a sentence ending in a full stop, not a list item.
func headlineLike(l string) bool {
	if utf8.RuneCountInString(l) > 200 || len(strings.Fields(l)) > 30 {
		return false
	}
	if strings.HasSuffix(l, ".") || listItemRe.MatchString(l) {
		return false
	}
	return headish(l)
}

// newspaperWords are words that mark a line as a publication's name.
var newspaperWords = map[string]bool{
	"gazette": true, "times": true, "post": true, "herald": true, "ledger": true,
	"news": true, "journal": true, "tribune": true, "chronicle": true,
	"courier": true, "observer": true, "express": true, "mail": true,
	"telegraph": true, "guardian": true, "globe": true, "star": true, "sun": true,
	"review": true, "record": true, "standard": true, "daily": true,
	"weekly": true, "press": true, "examiner": true, "independent": true,
	"bulletin": true, "dispatch": true, "inquirer": true, "sentinel": true,
	"register": true, "mirror": true, "echo": true, "argus": true,
	"advertiser": true, "gazetteer": true, "chronicler": true, "monitor": true,
	"magazine": true, "recorder": true, "clarion": true, "beacon": true,
}

// isPublicationName reports whether a line reads as a newspaper's name:
// a short capitalised name containing a word such as Gazette or Times, or a
// web address.
func isPublicationName(l string) bool {
	if !looksLikeName(l, 6) {
		return false
	}
	for _, w := range strings.Fields(l) {
		lw := strings.ToLower(strings.Trim(w, ".,;:'’\"“”"))
		if newspaperWords[lw] {
			return true
		}
		for _, tld := range []string{".com", ".org", ".net", ".co.uk", ".news"} {
			if strings.HasSuffix(lw, tld) {
				return true
			}
		}
	}
	return false
}
