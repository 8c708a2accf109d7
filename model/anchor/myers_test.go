package anchor

import (
	"math/rand/v2"
	"testing"
)

// naiveScan is the textbook O(m·n) dynamic programme that pattern.scan
// computes bit-parallel: row 0 is all zeros (match may start anywhere) or
// 0,1,2,… (anchored at text[0]).
func naiveScan(p, text []rune, anchored bool) []int {
	prev := make([]int, len(p)+1)
	for i := range prev {
		prev[i] = i
	}
	out := make([]int, len(text))
	cur := make([]int, len(p)+1)
	for j, c := range text {
		cur[0] = 0
		if anchored {
			cur[0] = j + 1
		}
		for i := 1; i <= len(p); i++ {
			cost := 1
			if p[i-1] == c {
				cost = 0
			}
			cur[i] = min(prev[i]+1, cur[i-1]+1, prev[i-1]+cost)
		}
		out[j] = cur[len(p)]
		prev, cur = cur, prev
	}
	return out
}

func TestScanMatchesDynamicProgramme(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("abcé€😀 ")
	randText := func(n int) []rune {
		r := make([]rune, n)
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return r
	}
	// Lengths straddle the 64-bit block boundaries.
	for _, m := range []int{1, 2, 5, 63, 64, 65, 127, 128, 129, 200} {
		for trial := range 5 {
			p := randText(m)
			text := randText(50 + rng.IntN(300))
			if trial%2 == 0 && len(text) > m { // plant a copy so low distances occur
				copy(text[len(text)/3:], p)
			}
			for _, anchored := range []bool{false, true} {
				want := naiveScan(p, text, anchored)
				got := make([]int, 0, len(text))
				newPattern(p).scan(text, anchored, func(j, d int) bool {
					got = append(got, d)
					return true
				})
				for j := range want {
					if got[j] != want[j] {
						t.Fatalf("m=%d anchored=%v: distance at %d = %d, want %d", m, anchored, j, got[j], want[j])
					}
				}
			}
		}
	}
}

func TestScanStops(t *testing.T) {
	calls := 0
	newPattern([]rune("ab")).scan([]rune("xxabxx"), false, func(j, d int) bool {
		calls++
		return d != 0
	})
	if calls != 4 {
		t.Errorf("scan visited %d columns after the exact match at 3, want 4", calls)
	}
}

func TestLevenshtein(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"kitten", "sitting", 3},
		{"flaw", "lawn", 2},
		{"café", "cafe", 1},
	}
	for _, tc := range tests {
		if got := levenshtein([]rune(tc.a), []rune(tc.b)); got != tc.want {
			t.Errorf("levenshtein(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
