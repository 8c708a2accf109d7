package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// listItemRe matches a line that starts a list item.
var listItemRe = regexp.MustCompile(`^(?:[-*•·▪–—]|\d{1,3}[.)])\s`)

// paragraphs turns cleaned lines (blank lines "") into paragraphs, each one
// line. Blank lines always end a paragraph. Inside a block of consecutive
// lines a line break is taken as a hard wrap, and the lines joined with a
// space, when:
//
//   - the next line starts with a lower-case letter (a sentence does not
//     start so, whatever wrapped it);
//   - the line ends in a hyphenated word part ("well-" + "known"), joined
//     without a space;
//   - the text is hard-wrapped and the next line's first word would not
//     have fitted on this line. The text counts as hard-wrapped when the
//     longest line in multi-line blocks, W, is at most 120 characters and
//     at least 40% of the line breaks inside blocks are "full" (the line's
//     length plus one plus the next first word's exceeds W), as a wrapping
//     editor leaves them. Lines of length W do not count, so that the
//     longest of a few unwrapped paragraphs does not make the text look
//     wrapped;
//   - the line is at least 40 characters long and stops mid-sentence (no
//     closing punctuation), as copied newspaper columns do.
//
// Otherwise every line stands alone: the layout where each line is a
// paragraph (archive copies without blank lines). List items always start a
// new paragraph.
func paragraphs(lines []string) []string {
	width := 0
	for i, l := range lines {
		if l == "" {
			continue
		}
		if (i > 0 && lines[i-1] != "") || (i+1 < len(lines) && lines[i+1] != "") {
			width = max(width, utf8.RuneCountInString(l))
		}
	}
	inner, full := 0, 0
	for i := 0; i+1 < len(lines); i++ {
		a, b := lines[i], lines[i+1]
		if a == "" || b == "" || listItemRe.MatchString(b) || utf8.RuneCountInString(a) == width {
			continue // a line of the maximum length is "full" by definition
		}
		inner++
		if isFull(a, b, width) {
			full++
		}
	}
	wrapped := width <= 120 && inner > 0 && full*10 >= inner*4

	var out []string
	var cur strings.Builder
	emit := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
		}
		cur.Reset()
	}
	for i, l := range lines {
		switch {
		case l == "":
			emit()
		case cur.Len() == 0:
			cur.WriteString(l)
		case softBreak(lines[i-1], l, width, wrapped):
			if !hyphenated(lines[i-1]) || !startsLetter(l) {
				cur.WriteByte(' ')
			}
			cur.WriteString(l)
		default:
			emit()
			cur.WriteString(l)
		}
	}
	emit()
	return out
}

// softBreak decides whether the break between lines a and b is a wrap
// inside a paragraph (see paragraphs).
func softBreak(a, b string, width int, wrapped bool) bool {
	if listItemRe.MatchString(b) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(b)
	switch {
	case unicode.IsLower(r):
		return true
	case hyphenated(a) && unicode.IsLetter(r):
		return true
	case wrapped && isFull(a, b, width):
		return true
	}
	return !closed(a) && utf8.RuneCountInString(a) >= 40
}

// isFull reports whether b's first word would not have fitted after a on a
// line of the given width.
func isFull(a, b string, width int) bool {
	first := b
	if i := strings.IndexByte(b, ' '); i >= 0 {
		first = b[:i]
	}
	return utf8.RuneCountInString(a)+1+utf8.RuneCountInString(first) > width
}

// closed reports whether a line ends like a sentence, a quotation or a
// bracket.
func closed(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…:\"”’')]»", r)
}

// hyphenated reports whether s ends in a hyphen directly after a letter.
func hyphenated(s string) bool {
	if !strings.HasSuffix(s, "-") && !strings.HasSuffix(s, "\u2010") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, "-\u2010"))
	return unicode.IsLetter(r)
}

func startsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}
