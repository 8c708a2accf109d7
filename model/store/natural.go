package store

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// collNatural is the name of the collation the store registers on every
// connection: natural order for headlines and publications, as a reader
// expects a list — case and accents aside, numbers by value ("Report 2"
// before "Report 10"), spaces and punctuation before digits before letters.
const collNatural = "natural_order"

// foldTable maps the code points below foldLimit to their lower-case base
// letter (accents dropped): built once, never changed.
var foldTable = func() [foldLimit]rune {
	var t [foldLimit]rune
	for r := range rune(foldLimit) {
		b := r
		if d := norm.NFD.String(string(r)); d != "" {
			if f, _ := utf8.DecodeRuneInString(d); f != utf8.RuneError {
				b = f
			}
		}
		t[r] = unicode.ToLower(b)
	}
	return t
}()

// foldLimit covers Latin-1 and Latin Extended-A and B.
const foldLimit = 0x250

// fold is r in lower case without its accent (only below foldLimit).
func fold(r rune) rune {
	if r >= 0 && r < foldLimit {
		return foldTable[r]
	}
	return unicode.ToLower(r)
}

// class orders kinds of characters: spaces and punctuation, digits, letters.
func class(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return 1
	case unicode.IsLetter(r):
		return 2
	case unicode.IsDigit(r):
		return 1
	}
	return 0
}

// naturalCompare orders a and b naturally (see collNatural); strings that
// differ only in case or accents are then ordered by their bytes, so the
// order is total.
func naturalCompare(a, b string) int {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if da, db := isDigit(a[i]), isDigit(b[j]); da && db {
			ea, eb := digitsEnd(a, i), digitsEnd(b, j)
			na, nb := strings.TrimLeft(a[i:ea], "0"), strings.TrimLeft(b[j:eb], "0")
			if len(na) != len(nb) {
				return cmpInt(len(na), len(nb))
			}
			if c := strings.Compare(na, nb); c != 0 {
				return c
			}
			i, j = ea, eb
			continue
		}
		ra, sa := utf8.DecodeRuneInString(a[i:])
		rb, sb := utf8.DecodeRuneInString(b[j:])
		fa, fb := fold(ra), fold(rb)
		if fa != fb {
			if ca, cb := class(fa), class(fb); ca != cb {
				return cmpInt(ca, cb)
			}
			return cmpInt(int(fa), int(fb))
		}
		i, j = i+sa, j+sb
	}
	switch {
	case i < len(a):
		return 1
	case j < len(b):
		return -1
	}
	return strings.Compare(a, b)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// digitsEnd is the end of the run of ASCII digits starting at i.
func digitsEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
