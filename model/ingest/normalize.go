package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns text in Clipper's canonical body form, the text that
// annotation offsets index into. It strips a BOM, turns CRLF, CR and the
// Unicode line separators into LF, applies Unicode NFC, turns tabs, NBSP and
// other Unicode spaces into plain spaces, removes control characters (other
// than LF) and invisible zero-width characters, collapses runs of spaces,
// trims every line, reduces any run of blank lines to exactly one ("\n\n")
// and trims the whole text. Single line breaks inside a paragraph are kept:
// deciding whether they are hard wraps is a layout question (see Parse).
// Normalize is idempotent.
//
// Zero-width joiner and non-joiner (U+200D, U+200C) and the LRM/RLM marks
// are kept, because they change spelling in Persian and Indic scripts and
// form emoji sequences; ZWSP, word joiner, BOM, soft hyphen and the bidi
// embedding/override/isolate controls are removed.
func Normalize(text string) string {
	return joinLines(cleanLines(text))
}

// cleanLines applies the character-level normalisation of Normalize and
// returns the text's lines, each trimmed with inner runs of spaces collapsed;
// blank lines are "".
func cleanLines(text string) []string {
	lines := strings.Split(cleanChars(text), "\n")
	for i, l := range lines {
		lines[i] = collapseSpaces(l)
	}
	return lines
}

// joinLines joins lines with "\n", reducing runs of blank lines to one blank
// line and dropping blank lines at both ends.
func joinLines(lines []string) string {
	var b strings.Builder
	n := 0
	for _, l := range lines {
		n += len(l) + 2
	}
	b.Grow(n)
	blank := false
	for _, l := range lines {
		if l == "" {
			blank = true
			continue
		}
		if b.Len() > 0 {
			if blank {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(l)
	}
	return b.String()
}

// cleanChars does the character-level work of Normalize: line endings,
// removed and mapped characters, NFC. Invalid UTF-8 becomes U+FFFD. Text
// that needs no change is returned without copying.
func cleanChars(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	var b strings.Builder
	start := 0 // s[start:i] is kept as it is
	flush := func(i int) {
		if b.Cap() == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[start:i])
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f || c == '\n' {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			flush(i)
			switch c {
			case '\r':
				if i+1 >= len(s) || s[i+1] != '\n' {
					b.WriteByte('\n')
				}
			case '\v', '\f':
				b.WriteByte('\n')
			case '\t':
				b.WriteByte(' ')
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		var repl string
		switch {
		case r == 0x85 || r == 0x2028:
			repl = "\n"
		case r == 0x2029: // paragraph separator
			repl = "\n\n"
		case unicode.IsControl(r) || removedRune(r):
			repl = ""
		case unicode.Is(unicode.Zs, r):
			repl = " "
		default:
			i += size
			continue
		}
		flush(i)
		b.WriteString(repl)
		i += size
		start = i
	}
	out := s
	if b.Cap() > 0 {
		flush(len(s))
		out = b.String()
	}
	if !norm.NFC.IsNormalString(out) {
		out = norm.NFC.String(out)
	}
	return out
}

// removedRune reports invisible characters that Normalize deletes.
func removedRune(r rune) bool {
	switch r {
	case 0x200B, // zero width space
		0x2060, // word joiner
		0xFEFF, // BOM / zero width no-break space
		0x00AD, // soft hyphen
		0x180E, // Mongolian vowel separator
		0xFFFC: // object replacement character (a lost embedded image)
		return true
	}
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// collapseSpaces trims a line and collapses runs of spaces inside it. The
// line must already be cleaned (only ' ' remains as horizontal space).
func collapseSpaces(l string) string {
	l = strings.Trim(l, " ")
	if !strings.Contains(l, "  ") {
		return l
	}
	var b strings.Builder
	b.Grow(len(l))
	space := false
	for i := 0; i < len(l); i++ {
		c := l[i]
		if c == ' ' {
			if space {
				continue
			}
			space = true
		} else {
			space = false
		}
		b.WriteByte(c)
	}
	return b.String()
}

// normField normalises a one-line metadata value: Normalize, then line
// breaks become spaces.
func normField(s string) string {
	s = Normalize(s)
	if strings.Contains(s, "\n") {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}
