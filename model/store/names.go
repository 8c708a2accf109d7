package store

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxNameLen is the longest coder or tag name accepted, in code points.
const maxNameLen = 100

// cleanName trims a coder or tag name and checks it: not empty, valid
// UTF-8, at most maxNameLen code points, no control characters, no
// bidirectional controls (which reorder what is shown around them) and no
// invisible characters, except the joiners and variation selectors that
// emoji and some scripts need, and only between visible characters. Two
// names that differ only by those are look-alikes (see sameName).
func cleanName(what, name string) (string, error) {
	n := strings.TrimSpace(name)
	switch {
	case n == "":
		return "", fmt.Errorf("%w: %s name is empty", ErrInvalid, what)
	case !utf8.ValidString(n):
		return "", fmt.Errorf("%w: %s name %q is not valid UTF-8", ErrInvalid, what, n)
	case utf8.RuneCountInString(n) > maxNameLen:
		return "", fmt.Errorf("%w: %s name is longer than %d characters", ErrInvalid, what, maxNameLen)
	}
	if r, why := badNameRune(n); why != "" {
		return "", fmt.Errorf("%w: %s name %q contains %s (U+%04X)", ErrInvalid, what, n, why, r)
	}
	return n, nil
}

// badNameRune returns the first character of the trimmed name n that a
// name may not contain and what it is, or "" when there is none.
func badNameRune(n string) (rune, string) {
	rs := []rune(n)
	visible := func(i int) bool {
		return i >= 0 && i < len(rs) && !invisible(rs[i]) && !unicode.IsSpace(rs[i])
	}
	for i, r := range rs {
		switch {
		case unicode.IsControl(r):
			return r, "a control character"
		case bidiControl(r):
			return r, "a bidirectional control character"
		case !invisible(r):
		case r == zwj || r == zwnj:
			// Joins two visible characters (an emoji sequence, a
			// ligature); an emoji's variation selector may precede it.
			if !(visible(i-1) || i > 0 && unicode.Is(unicode.Variation_Selector, rs[i-1])) || !visible(i+1) {
				return r, "an invisible joiner that joins nothing"
			}
		case unicode.Is(unicode.Variation_Selector, r):
			if !visible(i - 1) {
				return r, "a variation selector that selects nothing"
			}
		default:
			return r, "an invisible character"
		}
	}
	return 0, ""
}

// The zero-width joiner and non-joiner.
const (
	zwj  = '\u200D'
	zwnj = '\u200C'
)

// bidiControl reports whether r is one of the Unicode bidirectional
// formatting characters: embeddings, overrides, isolates and marks.
func bidiControl(r rune) bool {
	return r >= '\u202A' && r <= '\u202E' || r >= '\u2066' && r <= '\u2069' ||
		r == '\u200E' || r == '\u200F' || r == '\u061C'
}

// invisible reports whether r is a default-ignorable code point: shown as
// nothing (format characters, zero-width spaces and joiners, variation
// selectors, fillers).
func invisible(r rune) bool {
	return unicode.In(r, unicode.Cf, unicode.Other_Default_Ignorable_Code_Point, unicode.Variation_Selector) ||
		r == '\u3164' || r == '\uFFA0' || r == '\u115F' || r == '\u1160'
}

// nameKey is what two names are compared by: the name without invisible
// characters.
func nameKey(n string) string {
	return strings.Map(func(r rune) rune {
		if invisible(r) {
			return -1
		}
		return r
	}, n)
}

// sameName reports whether two names denote the same coder or tag: equal
// ignoring case (Unicode-aware) and invisible characters.
func sameName(a, b string) bool {
	return strings.EqualFold(nameKey(a), nameKey(b))
}

// lookAlike reports whether name differs from other only by invisible
// characters (or by them and case): shown the same, yet not the same name.
func lookAlike(name, other string) bool {
	return sameName(name, other) && !strings.EqualFold(name, other)
}
