package ingest

import (
	"regexp"
	"strings"

	"clipper/model"
)

var (
	// captionRe matches an e-paper photo caption, "?? CREDIT ?? text": the
	// archive renders the lost symbols around the credit as "??".
	captionRe = regexp.MustCompile(`^\?\?\s*(.*?)\s*\?\?\s*(.*\S)$`)
	footerRe  = regexp.MustCompile(`^(?:Newspapers in English|Newspapers from \p{Lu}[\p{L}\p{M} .'’&-]{0,48})$`)
	// datelineRe matches the upper-case place that opens the first
	// paragraph, "PORT ALDEN – The …", optionally with a region ("PORT
	// ALDEN, Kestrel Islands –") and an agency ("PORT ALDEN (AP) —").
	// Submatches: place, agency.
	datelineRe = regexp.MustCompile(`^(\p{Lu}[\p{Lu}\p{M}'’.-]*(?: \p{Lu}[\p{Lu}\p{M}'’.-]*){0,5}` +
		`(?:, \p{Lu}[\p{L}\p{M}'’.-]*(?: \p{Lu}[\p{L}\p{M}'’.-]*){0,3})?)` +
		`(?: \((\p{Lu}[\p{Lu}\p{M}/ ]*)\))?` +
		`(?: ?[–—] ?| --? )\S`)
)

// isFooter reports the archive's boilerplate lines "Newspapers in English"
// and "Newspapers from <Country>".
func isFooter(line string) bool {
	return len(line) < 80 && footerRe.MatchString(line)
}

// takeCaptions removes e-paper photo captions ("?? CREDIT ?? text") and
// archive footer lines from lines, returning the captions in order. The
// unmarked copy the archive prints after a caption ("CREDIT text", or the
// text alone, or the credit and the text on two lines) is dropped too.
// Removed lines become blank, so they separate paragraphs. found reports
// whether any caption or footer was seen: a sign of the e-paper layout.
func takeCaptions(lines []string) (caps []model.Caption, found bool) {
	copies := map[string]bool{}
	for i, l := range lines {
		if isFooter(l) {
			lines[i] = ""
			found = true
			continue
		}
		m := captionRe.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		c := model.Caption{Credit: m[1], Text: m[2]}
		caps = append(caps, c)
		found = true
		lines[i] = ""
		copies[c.Text] = true
		if c.Credit != "" {
			copies[c.Credit+" "+c.Text] = true
			copies[c.Credit+c.Text] = true
		}
	}
	if len(caps) == 0 {
		return nil, found
	}
	credits := map[string]string{}
	for _, c := range caps {
		if c.Credit != "" {
			credits[c.Credit] = c.Text
		}
	}
	for i, l := range lines {
		if l == "" {
			continue
		}
		if copies[l] {
			lines[i] = ""
			continue
		}
		if text, ok := credits[l]; ok {
			if j := nextNonBlank(lines, i+1); j > 0 && lines[j] == text {
				lines[i], lines[j] = "", ""
			}
		}
	}
	return caps, found
}

// nextNonBlank returns the index of the first non-blank line at or after
// i, or -1.
func nextNonBlank(lines []string, i int) int {
	for ; i < len(lines); i++ {
		if lines[i] != "" {
			return i
		}
	}
	return -1
}

// parseDateline returns the dateline that opens a paragraph ("PORT ALDEN"
// in "PORT ALDEN – The island ferry…") and the agency given in brackets
// after it, if any. The place needs at least two letters.
func parseDateline(par string) (place, agency string, ok bool) {
	m := datelineRe.FindStringSubmatch(par)
	if m == nil {
		return "", "", false
	}
	letters := 0
	for _, r := range m[1] {
		if r != ' ' && r != '.' && r != '-' && r != '\'' && r != '’' && r != ',' {
			letters++
		}
	}
	if letters < 2 {
		return "", "", false
	}
	return m[1], strings.TrimSpace(m[2]), true
}
