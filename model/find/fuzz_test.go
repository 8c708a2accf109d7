package find

import (
	"testing"
	"unicode/utf8"
)

// FuzzFind checks the contract for any pattern and body: hits are in order,
// do not overlap, are never empty, and their code-point offsets slice the
// body to Match.
func FuzzFind(f *testing.F) {
	f.Add("water", "Water, water everywhere", false, false, false)
	f.Add(`\b\w+`, "caf\u00e9 au lait", true, true, false)
	f.Add(`x*`, "\u00e9\u00e9", true, false, true)
	f.Add(`^`, "a\n\nb", true, false, false)
	f.Add("'", "it’s", false, false, true)
	f.Fuzz(func(t *testing.T, pattern, body string, regex, caseSens, whole bool) {
		m, err := Compile(pattern, regex, caseSens, whole)
		if err != nil {
			return
		}
		hs := m.Find("id", body, 0)
		runes := []rune(body)
		prevEnd := 0
		for _, h := range hs {
			if h.Start < prevEnd || h.Start >= h.End || h.End > len(runes) {
				t.Fatalf("hit %d–%d after %d in %d code points", h.Start, h.End, prevEnd, len(runes))
			}
			prevEnd = h.End
			if utf8.ValidString(body) && string(runes[h.Start:h.End]) != h.Match {
				t.Fatalf("body[%d:%d] = %q, Match = %q", h.Start, h.End, string(runes[h.Start:h.End]), h.Match)
			}
			if utf8.RuneCountInString(h.Match) != h.End-h.Start {
				t.Fatalf("Match %q has %d code points, span %d", h.Match, utf8.RuneCountInString(h.Match), h.End-h.Start)
			}
			if utf8.RuneCountInString(h.Left) > Context || utf8.RuneCountInString(h.Right) > Context {
				t.Fatalf("context too long: %q / %q", h.Left, h.Right)
			}
		}
		if !regex && !whole && pattern != "" && len(hs) == 0 && utf8.ValidString(pattern) && utf8.ValidString(body) && caseSens && contains(body, pattern) {
			t.Fatalf("plain %q not found in %q", pattern, body)
		}
	})
}

func contains(body, pattern string) bool {
	for i := 0; i+len(pattern) <= len(body); i++ {
		if body[i:i+len(pattern)] == pattern {
			return true
		}
	}
	return false
}
