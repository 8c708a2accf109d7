package agree

import (
	"math/rand/v2"
	"testing"
)

func TestMatchCounts(t *testing.T) {
	tests := []struct {
		name           string
		a, b           []unit
		exact, overlap int
	}{
		{"identical", []unit{{0, 5}, {10, 20}}, []unit{{0, 5}, {10, 20}}, 2, 2},
		{"shifted by a little", []unit{{0, 10}}, []unit{{2, 12}}, 0, 1}, // shares 8 of 10
		{"exactly half of the longer", []unit{{0, 10}}, []unit{{0, 5}}, 0, 1},
		{"under half of the longer", []unit{{0, 10}}, []unit{{0, 4}}, 0, 0},
		{"touching is not overlapping", []unit{{0, 5}}, []unit{{5, 10}}, 0, 0},
		{"one unit cannot match two", []unit{{0, 2}, {2, 4}}, []unit{{0, 4}}, 0, 1},
		{"nothing coded by B", []unit{{0, 2}}, nil, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, o := matchCounts(tc.a, tc.b)
			if e != tc.exact || o != tc.overlap {
				t.Errorf("matchCounts = %d exact, %d overlap; want %d, %d", e, o, tc.exact, tc.overlap)
			}
		})
	}
}

// maxMatching is a brute-force maximum bipartite matching under the overlap
// rule, to check the left-to-right greedy matching.
func maxMatching(a, b []unit, used []bool, k int) int {
	if k == len(b) {
		return 0
	}
	best := maxMatching(a, b, used, k+1)
	for i := range a {
		if !used[i] && overlaps(a[i], b[k]) {
			used[i] = true
			best = max(best, 1+maxMatching(a, b, used, k+1))
			used[i] = false
		}
	}
	return best
}

func TestOverlapMatchingIsMaximum(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	randUnits := func() []unit {
		var us []unit
		for at := rng.IntN(3); at < 30; {
			l := 1 + rng.IntN(6)
			us = append(us, unit{at, at + l})
			at += l + rng.IntN(3) // touching units allowed
		}
		return us
	}
	for trial := range 2000 {
		a, b := randUnits(), randUnits()
		_, got := matchCounts(a, b)
		if want := maxMatching(a, b, make([]bool, len(a)), 0); got != want {
			t.Fatalf("trial %d: greedy matched %d, maximum is %d\nA %v\nB %v", trial, got, want, a, b)
		}
	}
}

func TestMatchOf(t *testing.T) {
	m := matchOf(3, 4, 6)
	if *m.Precision != 0.5 || *m.Recall != 0.75 || *m.F1 != 0.6 {
		t.Errorf("matchOf(3, 4, 6) = P %v R %v F1 %v, want 0.5 0.75 0.6", *m.Precision, *m.Recall, *m.F1)
	}
	if m := matchOf(0, 2, 0); m.Precision != nil || *m.Recall != 0 || *m.F1 != 0 {
		t.Errorf("B coded nothing: %+v", m)
	}
	if m := matchOf(0, 0, 0); m.Precision != nil || m.Recall != nil || m.F1 != nil {
		t.Errorf("nobody coded: %+v", m)
	}
}
