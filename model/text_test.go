package model

import "testing"

func TestWordStep(t *testing.T) {
	text := []rune("Café owners said “100,000 troops” left.")
	tests := []struct {
		pos, dir, want int
	}{
		{0, -1, 0},
		{4, -1, 0},   // inside/after "Café" → its start
		{5, -1, 0},   // after the space → start of "Café"
		{5, +1, 11},  // → end of "owners"
		{11, +1, 16}, // → end of "said"
		{18, +1, 25}, // "100,000" is one word
		{25, -1, 18},
		{len(text), +1, len(text)},
		{-3, -1, 0},
		{999, +1, len(text)},
	}
	for _, tc := range tests {
		if got := WordStep(text, tc.pos, tc.dir); got != tc.want {
			t.Errorf("WordStep(%d, %d) = %d, want %d", tc.pos, tc.dir, got, tc.want)
		}
	}
}

func TestAnchor(t *testing.T) {
	body := "Ça va? “Oui,” dit-elle. " + string(make([]rune, 0))
	exact, prefix, suffix, err := Anchor(body, 7, 13)
	if err != nil || exact != "“Oui,”" || prefix != "Ça va? " || suffix != " dit-elle. " {
		t.Errorf("Anchor = %q %q %q %v", exact, prefix, suffix, err)
	}
	for _, span := range [][2]int{{-1, 2}, {3, 3}, {5, 2}, {0, 100}} {
		if _, _, _, err := Anchor(body, span[0], span[1]); err == nil {
			t.Errorf("Anchor(%v) accepted a bad span", span)
		}
	}
}

// TestAnchorMatchesRunes checks Anchor against slicing the body as runes
// for every span of texts with multi-byte characters, a body shorter than
// the context and invalid UTF-8 (whose bytes read as U+FFFD).
func TestAnchorMatchesRunes(t *testing.T) {
	long := ""
	for i := range 30 {
		long += string(rune('a'+i%26)) + "é“€𝄞 "
	}
	for _, body := range []string{"x", "Ça va? “Oui,” dit-elle.", long, "ab\xffcd\xe2\x80 ef"} {
		runes := []rune(body)
		for start := -1; start <= len(runes)+1; start++ {
			for end := start - 1; end <= len(runes)+1; end++ {
				exact, prefix, suffix, err := Anchor(body, start, end)
				if start < 0 || end > len(runes) || start >= end {
					if err == nil {
						t.Errorf("Anchor(%q, %d, %d) accepted a bad span", body, start, end)
					}
					continue
				}
				p, s := max(0, start-AnchorContext), min(len(runes), end+AnchorContext)
				want := [3]string{string(runes[start:end]), string(runes[p:start]), string(runes[end:s])}
				if err != nil || [3]string{exact, prefix, suffix} != want {
					t.Errorf("Anchor(%q, %d, %d) = %q %q %q %v, want %q", body, start, end, exact, prefix, suffix, err, want)
				}
			}
		}
	}
}
