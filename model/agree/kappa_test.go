package agree

import (
	"math"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestTable(t *testing.T) {
	tests := []struct {
		name    string
		a, b    []unit
		n       int
		want    Table
		pct     float64
		kappa   float64
		defined bool
	}{
		{
			// Wikipedia's Cohen's kappa example as 50 characters: A coded 25
			// ("yes"), B coded 30. yes/yes 20, A-only 5, B-only 10, no/no 15.
			// po = 35/50 = 0.7; pe = (25·30 + 25·20)/50² = 0.5;
			// kappa = (0.7 − 0.5)/(1 − 0.5) = 0.4. NVivo's form: TA = 35,
			// ΣEF = (25·30 + 25·20)/50 = 25, K = (35−25)/(50−25) = 0.4.
			name: "textbook example", n: 50,
			a:    []unit{{0, 25}},
			b:    []unit{{0, 20}, {25, 35}},
			want: Table{Both: 20, OnlyA: 5, OnlyB: 10, Neither: 15}, pct: 70, kappa: 0.4, defined: true,
		},
		{
			// NVivo's help example: 1000 characters, 50 coded by both, 150 by
			// one coder only, 800 by neither → (800+50)/1000 = 85%.
			// a = 100, b = 150: ΣEF = (100·150 + 900·850)/1000 = 780,
			// K = (850 − 780)/(1000 − 780) = 70/220.
			name: "NVivo percentage example", n: 1000,
			a:    []unit{{0, 100}},
			b:    []unit{{50, 200}},
			want: Table{Both: 50, OnlyA: 50, OnlyB: 100, Neither: 800}, pct: 85, kappa: 70.0 / 220, defined: true,
		},
		{
			name: "neither coded anything", n: 10,
			want: Table{Neither: 10}, pct: 100, kappa: 1, defined: true,
		},
		{
			name: "both coded everything", n: 10, a: []unit{{0, 10}}, b: []unit{{0, 4}, {4, 10}},
			want: Table{Both: 10}, pct: 100, kappa: 1, defined: true,
		},
		{
			// TA = 7, a = 0, b = 3: ΣEF = (0 + 10·7)/10 = 7 = TA → K = 0.
			name: "one coder coded nothing", n: 10, b: []unit{{2, 5}},
			want: Table{OnlyB: 3, Neither: 7}, pct: 70, kappa: 0, defined: true,
		},
		{
			// TA = 0, a = b = 5: ΣEF = (25 + 25)/10 = 5, K = (0−5)/(10−5) = −1.
			name: "complete disagreement", n: 10, a: []unit{{0, 5}}, b: []unit{{5, 10}},
			want: Table{OnlyA: 5, OnlyB: 5}, pct: 0, kappa: -1, defined: true,
		},
		{name: "no characters", n: 0, want: Table{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tab := tableOf(tc.a, tc.b, tc.n)
			if tab != tc.want {
				t.Fatalf("table %+v, want %+v", tab, tc.want)
			}
			pct, ok1 := tab.PercentAgreement()
			kappa, ok2 := tab.Kappa()
			if ok1 != tc.defined || ok2 != tc.defined {
				t.Fatalf("defined = %v/%v, want %v", ok1, ok2, tc.defined)
			}
			if tc.defined && (!near(pct, tc.pct) || !near(kappa, tc.kappa)) {
				t.Errorf("percent %v kappa %v, want %v and %v", pct, kappa, tc.pct, tc.kappa)
			}
		})
	}
}

func TestMergeUnits(t *testing.T) {
	got := mergeUnits([]unit{{10, 20}, {0, 5}, {15, 30}, {5, 8}, {2, 4}, {40, 41}})
	// [0,5)+[2,4) merge; [5,8) only touches [0,5) and stays apart.
	want := []unit{{0, 5}, {5, 8}, {10, 30}, {40, 41}}
	if len(got) != len(want) {
		t.Fatalf("mergeUnits = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("mergeUnits = %v, want %v", got, want)
		}
	}
	if c := covered(got); c != 29 {
		t.Errorf("covered = %d, want 29", c)
	}
	if n := intersection(got, []unit{{3, 12}, {29, 45}}); n != 2+3+2+1+1 {
		t.Errorf("intersection = %d, want 9", n)
	}
}
