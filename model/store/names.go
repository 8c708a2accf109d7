package store

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mtibben/confusables"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
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
// characters, in compatibility normal form (NFKC: fullwidth and other
// compatibility forms become the plain letters) and case-folded.
func nameKey(n string) string {
	return foldKey(strings.Map(func(r rune) rune {
		if invisible(r) {
			return -1
		}
		return r
	}, n))
}

// foldKey is n in NFKC, case-folded: "Ｃｌａｉｍ" and "CLAIM" are "claim".
func foldKey(n string) string {
	return cases.Fold().String(norm.NFKC.String(n))
}

// sameName reports whether two names denote the same coder or tag: equal
// once normalised (NFKC), case-folded and without invisible characters.
func sameName(a, b string) bool {
	return nameKey(a) == nameKey(b)
}

// lookAlike reports whether name differs from other only by invisible
// characters (or by them and case or compatibility forms): shown the
// same, yet not the same name.
func lookAlike(name, other string) bool {
	return sameName(name, other) && foldKey(name) != foldKey(other)
}

// confusable reports whether name is a cross-script look-alike of other:
// not the same name, but with the same Unicode confusable skeleton (UTS
// #39) while written with letters of other scripts — "Сlaim" with a
// Cyrillic С for "Claim". Look-alikes within one script ("rn" and "m")
// are left alone: they are ordinary, distinct words.
func confusable(name, other string) bool {
	a, b := nameKey(name), nameKey(other)
	return a != b && confusables.Skeleton(a) == confusables.Skeleton(b) && !slices.Equal(scripts(a), scripts(b))
}

// lookAlikeWhy says why name must not stand beside the name other — it
// differs from it only by invisible characters (lookAlike) or is a
// cross-script look-alike of it (confusable) — or returns "".
// what is "tag" or "coder".
func lookAlikeWhy(what, name, other string) string {
	switch {
	case lookAlike(name, other):
		return fmt.Sprintf("%q looks like the %s %q but differs from it by invisible characters", name, what, other)
	case confusable(name, other):
		return confusableWhy(what, name, other)
	}
	return ""
}

// confusableWhy explains why name is a confusable of other, naming its
// first letter whose script other does not use; what is "tag" or "coder".
func confusableWhy(what, name, other string) string {
	theirs := scripts(nameKey(other))
	for _, r := range name {
		if sc := scriptOf(r); sc != "" && !slices.Contains(theirs, sc) {
			return fmt.Sprintf("%q looks like the %s %q but its %q (U+%04X) is a %s letter", name, what, other, r, r, sc)
		}
	}
	return fmt.Sprintf("%q looks like the %s %q but is written in another script", name, what, other)
}

// scripts lists, sorted, the scripts of the letters of n (Common and
// Inherited characters — digits, punctuation, marks — aside).
func scripts(n string) []string {
	var out []string
	for _, r := range n {
		if sc := scriptOf(r); sc != "" && !slices.Contains(out, sc) {
			out = append(out, sc)
		}
	}
	slices.Sort(out)
	return out
}

// scriptOf returns the Unicode script of letter r, or "" for anything
// else and for the Common and Inherited scripts.
func scriptOf(r rune) string {
	if !unicode.IsLetter(r) {
		return ""
	}
	for _, name := range scriptNames {
		if unicode.Is(unicode.Scripts[name], r) {
			return name
		}
	}
	return ""
}

// scriptNames are the names of unicode.Scripts in a fixed order, the
// scripts of most letters first; Common and Inherited are left out.
var scriptNames = func() []string {
	first := []string{"Latin", "Cyrillic", "Greek", "Armenian", "Cherokee", "Coptic", "Georgian"}
	var rest []string
	for name := range unicode.Scripts {
		if name != "Common" && name != "Inherited" && !slices.Contains(first, name) {
			rest = append(rest, name)
		}
	}
	slices.Sort(rest)
	return append(first, rest...)
}()
