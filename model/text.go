package model

import "unicode"

// WordStep returns the position one word away from pos in text (code
// points): with dir < 0 the start of the word at or before pos, with
// dir > 0 the end of the word at or after pos. Used to nudge a span's
// edges by a word.
func WordStep(text []rune, pos, dir int) int {
	pos = min(max(pos, 0), len(text))
	// isWord reports whether text[i] belongs to a word; separators inside
	// numbers ("100,000", "2.5") and apostrophes or hyphens inside words do.
	isWord := func(i int) bool {
		r := text[i]
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
		if i == 0 || i == len(text)-1 {
			return false
		}
		prev, next := text[i-1], text[i+1]
		switch r {
		case ',', '.':
			return unicode.IsDigit(prev) && unicode.IsDigit(next)
		case '\'', '’', '-':
			return unicode.IsLetter(prev) && unicode.IsLetter(next) || unicode.IsDigit(prev) && unicode.IsLetter(next)
		}
		return false
	}
	if dir < 0 {
		i := pos
		for i > 0 && !isWord(i-1) {
			i--
		}
		for i > 0 && isWord(i-1) {
			i--
		}
		return i
	}
	i := pos
	for i < len(text) && !isWord(i) {
		i++
	}
	for i < len(text) && isWord(i) {
		i++
	}
	return i
}
