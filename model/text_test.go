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
