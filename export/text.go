package export

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxCellChars is the most characters (UTF-16 code units) an Excel cell holds.
const maxCellChars = 32767

// truncMarker ends a cell text we had to shorten.
const truncMarker = "… [truncated]"

// contextReach is how many code points of the surrounding sentence the
// context column shows at most on each side of a span; longer sentences are
// cut and marked with "…".
const contextReach = 300

// needsClean reports whether s may hold a character clean would change:
// a C0 control, DEL, a C1 control (U+0080–U+009F, lead byte 0xC2), the
// non-characters U+FFFE/U+FFFF (lead byte 0xEF) or invalid UTF-8. It never
// allocates.
func needsClean(s string) bool {
	wide := false
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xef {
			return true
		}
		wide = wide || b >= utf8.RuneSelf
	}
	return wide && !utf8.ValidString(s)
}

// needsCleanText is needsClean for cleanText, which keeps "\n" and "\t":
// when it is false, cleanText returns s itself, and so it does for every
// part of s cut at code point boundaries.
func needsCleanText(s string) bool {
	_, clean := scanText(s)
	return !clean
}

// scanText reports whether s is all ASCII, and whether it holds nothing
// cleanText changes (needsCleanText false). It reads eight bytes at a time
// and looks at single bytes only in words with a byte outside the ASCII
// printable range.
func scanText(s string) (ascii, clean bool) {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	ascii, clean = true, true
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		del := w ^ lo*0x7f
		if w&hi == 0 && (w-lo*0x20)&^w&hi == 0 && (del-lo)&^del&hi == 0 {
			continue // eight printable ASCII characters
		}
		for _, b := range []byte(s[i : i+8]) {
			if !textByte(b) {
				return false, false
			}
			ascii = ascii && b < utf8.RuneSelf
		}
	}
	for ; i < len(s); i++ {
		if !textByte(s[i]) {
			return false, false
		}
		ascii = ascii && s[i] < utf8.RuneSelf
	}
	if !ascii && !utf8.ValidString(s) {
		return false, false
	}
	return ascii, true
}

// textByte reports whether byte b can stand in a text cleanText leaves
// as it is: not a control character other than "\n" and "\t", not DEL,
// not the lead byte of a C1 control (0xC2, which also leads harmless
// characters) or of U+FFFE/U+FFFF (0xEF).
func textByte(b byte) bool {
	return (b >= 0x20 || b == '\n' || b == '\t') && b != 0x7f && b != 0xc2 && b != 0xef
}

// cleanLine makes s safe for a one-line cell: tabs and line breaks become
// spaces, other control characters and the non-characters U+FFFE/U+FFFF are
// removed, invalid UTF-8 becomes U+FFFD.
func cleanLine(s string) string { return clean(s, false) }

// cleanText is cleanLine for free text (exact text, context, notes): it keeps
// "\n" and "\t", and turns "\r\n" and a lone "\r" into "\n".
func cleanText(s string) string { return clean(s, true) }

func clean(s string, multiline bool) string {
	if multiline && !needsCleanText(s) || !multiline && !needsClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == '\r':
			if !multiline {
				b.WriteByte(' ')
			} else if i+1 >= len(s) || s[i+1] != '\n' {
				b.WriteByte('\n')
			}
		case r == '\n' || r == '\t':
			if multiline {
				b.WriteRune(r)
			} else {
				b.WriteByte(' ')
			}
		case r < 0x20 || (r >= 0x7f && r <= 0x9f) || r == 0xfffe || r == 0xffff:
			// dropped
		default:
			b.WriteRune(r) // invalid UTF-8 arrives here as U+FFFD
		}
	}
	return b.String()
}

// utf16Len counts the UTF-16 code units of s, the unit of Excel's cell limit.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// cutUTF16 returns the longest prefix of s with at most units UTF-16 code
// units, cut at a code point boundary.
func cutUTF16(s string, units int) string {
	n := 0
	for i, r := range s {
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if n+w > units {
			return s[:i]
		}
		n += w
	}
	return s
}

// fitCell shortens s to fit an Excel cell, ending it with truncMarker, and
// reports whether it did.
func fitCell(s string) (string, bool) {
	if len(s) <= maxCellChars || utf16Len(s) <= maxCellChars {
		return s, false // a UTF-16 unit never takes fewer bytes than one
	}
	return cutUTF16(s, maxCellChars-utf16Len(truncMarker)) + truncMarker, true
}

// textIndex is what rows need to know about one clipping's body: where each
// code point starts in bytes, where paragraphs and sentences start. It is
// rebuilt per clipping and reuses its slices.
type textIndex struct {
	body  string
	runes int
	ascii bool
	clean bool    // body holds nothing cleanText changes (see needsCleanText)
	off   []int32 // byte offset of every offStep-th code point (0, offStep, …), and of runes when a multiple; empty when ascii
	paras []int32 // code point offsets where paragraphs start ("\n\n" separates them)
	sents []int32 // code point offsets where sentences start
}

// reset indexes body. A sentence ends after . ! ? or … (optionally followed
// by closing quotes or brackets) and white space, unless the next word
// starts in lower case or the period ends an initial or a common title
// ("J.", "Dr.", "Mme."); every line break ends a sentence too. A sentence
// starts at the next non-space character.
func (t *textIndex) reset(body string) {
	t.body = body
	t.paras = append(t.paras[:0], 0)
	t.sents = append(t.sents[:0], 0)
	t.off = t.off[:0]
	t.ascii, t.clean = scanText(body)
	if !t.clean {
		t.ascii = isASCII(body)
	}
	var (
		k          int32
		newlines   int  // consecutive "\n" just seen
		paraNext   bool // a "\n\n" was seen: the next non-newline starts a paragraph
		sentNext   bool // a sentence may have ended: the next non-space decides
		hardBreak  bool // ... and it surely did (line break)
		afterFinal bool // just after sentence-final punctuation
		wordStart  int  // byte offset where the current word started
		inWord     bool
	)
	for i := 0; i < len(body); {
		r, size := rune(body[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(body[i:])
		}
		if !t.ascii && k%offStep == 0 {
			t.off = append(t.off, int32(i))
		}
		if r != '\n' && paraNext {
			t.paras = append(t.paras, k)
			paraNext = false
		}
		space := unicode.IsSpace(r)
		if sentNext && !space {
			if k > 0 && (hardBreak || !unicode.IsLower(r)) {
				t.sents = append(t.sents, k)
			}
			sentNext, hardBreak = false, false
		}
		if !space && !inWord {
			wordStart = i
		}
		inWord = !space
		switch {
		case r == '\n':
			newlines++
			if newlines >= 2 {
				paraNext = true
			}
			sentNext, hardBreak, afterFinal = true, true, false
		case space:
			newlines = 0
			if afterFinal {
				sentNext = true
			}
			afterFinal = false
		case r == '.':
			newlines = 0
			afterFinal = afterFinal || !abbreviation(body[wordStart:i])
		case r == '!' || r == '?' || r == '…':
			newlines = 0
			afterFinal = true
		case afterFinal && strings.ContainsRune("\"'”’»)]", r):
			newlines = 0
		default:
			newlines = 0
			afterFinal = false
		}
		k++
		i += size
		if plainByte(r) && !afterFinal {
			// After a plain character that did not close a sentence
			// (a quote or bracket after its final punctuation), every
			// flag above is settled (in a word, no break or sentence end
			// pending), so the plain characters that follow change
			// nothing but the count.
			for i < len(body) && plainByte(rune(body[i])) {
				if !t.ascii && k%offStep == 0 {
					t.off = append(t.off, int32(i))
				}
				i++
				k++
			}
		}
	}
	t.runes = int(k)
	if !t.ascii && k%offStep == 0 {
		t.off = append(t.off, int32(len(body)))
	}
}

// notPlain are the ASCII characters below 64 that reset's state machine
// treats specially: white space and sentence-final punctuation.
const notPlain uint64 = 1<<' ' | 1<<'\t' | 1<<'\n' | 1<<'\v' | 1<<'\f' | 1<<'\r' | 1<<'.' | 1<<'!' | 1<<'?'

// plainByte reports whether r is an ASCII character that reset handles as
// an ordinary word character (the default case).
func plainByte(r rune) bool {
	return r < utf8.RuneSelf && (r >= 64 || notPlain&(1<<r) == 0)
}

// abbreviation reports whether a period after word probably does not end a
// sentence: word is a single letter (an initial) or a common title.
func abbreviation(word string) bool {
	if word == "" {
		return false
	}
	if r, n := utf8.DecodeRuneInString(word); n == len(word) && unicode.IsUpper(r) {
		return true
	}
	switch word {
	case "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sr", "Jr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt",
		"Mme", "Mlle", "Mgr", "Hr", "Fr", "Nr", "No", "vs", "etc", "approx", "ca":
		return true
	}
	return false
}

// offStep is how many code points apart textIndex records byte offsets:
// at walks at most offStep-1 code points from the nearest one, and the
// index holds one int32 per offStep code points instead of one per code
// point.
const offStep = 32

// at returns the byte offset of code point k (0 ≤ k ≤ runes).
func (t *textIndex) at(k int) int {
	if t.ascii {
		return k
	}
	i := int(t.off[k/offStep])
	for n := k % offStep; n > 0; n-- {
		if t.body[i] < utf8.RuneSelf {
			i++
		} else {
			_, size := utf8.DecodeRuneInString(t.body[i:])
			i += size
		}
	}
	return i
}

// inRange reports whether [start, end) is a non-empty span of the body.
func (t *textIndex) inRange(start, end int) bool {
	return start >= 0 && start < end && end <= t.runes
}

// slice returns the body text of [start, end); the span must be in range.
func (t *textIndex) slice(start, end int) string { return t.body[t.at(start):t.at(end)] }

// paragraph returns the 1-based number of the paragraph holding code point k.
func (t *textIndex) paragraph(k int) int { return lastAtOrBefore(t.paras, k) + 1 }

// context returns the sentence(s) around [start, end) split into the text
// before the span, the span and the text after it, each side at most
// contextReach code points (cut sides start or end with "…").
func (t *textIndex) context(start, end int) (before, span, after string) {
	cs := int(t.sents[lastAtOrBefore(t.sents, start)])
	ce := t.runes
	if j := firstAtOrAfter(t.sents, end); j < len(t.sents) {
		ce = int(t.sents[j])
	}
	cutBefore, cutAfter := false, false
	if start-cs > contextReach {
		cs, cutBefore = start-contextReach, true
	}
	if ce-end > contextReach {
		ce, cutAfter = end+contextReach, true
	}
	before = t.body[t.at(cs):t.at(start)]
	span = t.body[t.at(start):t.at(end)]
	after = strings.TrimRightFunc(t.body[t.at(end):t.at(ce)], unicode.IsSpace)
	if cutBefore {
		before = "…" + before
	}
	if cutAfter {
		after += "…"
	}
	return before, span, after
}

// lastAtOrBefore returns the index of the last element of the ascending
// slice s that is ≤ k (0 when none is, s[0] being 0).
func lastAtOrBefore(s []int32, k int) int {
	lo, hi := 0, len(s)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int(s[m]) <= k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return max(lo-1, 0)
}

// firstAtOrAfter returns the index of the first element of the ascending
// slice s that is ≥ k, or len(s).
func firstAtOrAfter(s []int32, k int) int {
	lo, hi := 0, len(s)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int(s[m]) < k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
