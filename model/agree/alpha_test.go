package agree

import "testing"

// unitizingOf lays out merged units [coder][clipping] as sections.
func unitizingOf(lengths []int, units [][][]unit) unitizing {
	u := unitizing{lengths: lengths, secs: make([][][]section, len(units))}
	for c := range units {
		for d, n := range lengths {
			u.secs[c] = append(u.secs[c], sections(units[c][d], n))
		}
	}
	return u
}

func TestDelta2(t *testing.T) {
	// The overlapping pairs of the p. 254 example below, and edge cases.
	tests := []struct {
		g, h section
		want float64
	}{
		{section{225, 295, true}, section{220, 300, true}, 5*5 + 5*5},
		{section{370, 400, true}, section{355, 375, true}, 15*15 + 25*25},
		{section{400, 450, false}, section{400, 420, true}, 20 * 20}, // unit inside gap
		{section{400, 420, true}, section{400, 450, false}, 20 * 20},
		{section{370, 400, true}, section{375, 400, false}, 0}, // unit sticks out of the gap
		{section{0, 10, false}, section{5, 20, false}, 0},
	}
	for _, tc := range tests {
		if got := delta2(tc.g, tc.h); got != tc.want {
			t.Errorf("δ²(%v, %v) = %v, want %v", tc.g, tc.h, got, tc.want)
		}
	}
}

func TestAlphaU(t *testing.T) {
	tests := []struct {
		name       string
		lengths    []int
		units      [][][]unit // [coder][clipping]
		do, de     float64
		alpha      float64
		undefined  bool
		unitsCount int
	}{
		{
			// Krippendorff, Content Analysis (2004) p. 254, category c, the
			// continuum 150–450 shifted to 0–300 (L = 300, m = 2).
			// i: [75,145) l=70, [220,250) l=30; gaps 75, 75, 50.
			// j: [70,150) l=80, [205,225) l=20, [250,270) l=20; gaps 70, 55, 25, 30.
			// Overlapping pairs: units 70/80: 5²+5² = 50; units 30/20: 15²+25² = 850;
			// j's [250,270) inside i's gap [250,300): 20² = 400. Σ = 1300.
			// Do = 2·1300 / (2·1·300²) = 2600/180000 = 0.014444…
			// De, N = 5 units, term (N−1)(2l³−3l²+l)/3 + l²·Σ_{gap≥l}(gap−l+1):
			//   l=70: 4·671370/3 = 895160 + 4900·(6+6+1)   = 958860
			//   l=30: 4·51330/3  = 68440  + 900·181        = 231340
			//   l=80: 4·1004880/3 = 1339840 + 0            = 1339840
			//   l=20: 4·14820/3  = 19760  + 400·247 (×2)   = 237120
			//   Σ = 2767160; denominator 600·599 − (4830+870+6320+380+380) = 346620
			// De = (2/300)·2767160/346620 = 0.053222…; αU = 1 − Do/De = 0.72862…
			// (DKPro Statistics' test of this example expects .0144, .0532, .7286).
			name:    "Krippendorff 2004 example, category c",
			lengths: []int{300},
			units: [][][]unit{
				{{{75, 145}, {220, 250}}},
				{{{70, 150}, {205, 225}, {250, 270}}},
			},
			do: 2600.0 / 180000, de: 2.0 / 300 * 2767160 / 346620,
			alpha: 1 - (2600.0/180000)/(2.0/300*2767160/346620), unitsCount: 5,
		},
		{
			// Same example, category k: both coders [30,90) and [150,200).
			// Do = 0. Gaps per coder 30, 60, 100.
			//   l=60: 3·421260/3 + 3600·(1+41+1+41) = 723660 (×2)
			//   l=50: 3·242550/3 + 2500·(11+51+11+51) = 552550 (×2)
			//   Σ = 2552420; denominator 359400 − (2·3540 + 2·2450) = 347420
			// De = (2/300)·2552420/347420 = 0.048979… (DKPro: .0490); αU = 1.
			name:    "Krippendorff 2004 example, category k",
			lengths: []int{300},
			units: [][][]unit{
				{{{30, 90}, {150, 200}}},
				{{{30, 90}, {150, 200}}},
			},
			do: 0, de: 2.0 / 300 * 2552420 / 347420, alpha: 1, unitsCount: 4,
		},
		{
			// L = 10. A: [2,6); B: [3,6).
			// Sections A: gap 0–2, unit 2–6, gap 6–10; B: gap 0–3, unit 3–6, gap 6–10.
			// Only the two units contribute: (2−3)² + (6−6)² = 1. Do = 2·1/(2·100) = 0.01.
			// De, N = 2, gaps 2, 4, 3, 4:
			//   l=4: 1·(128−48+4)/3 = 28 + 16·(1+1)     = 60
			//   l=3: 1·(54−27+3)/3  = 10 + 9·(1+2+2)    = 55
			//   Σ = 115; denominator 20·19 − (12 + 6) = 362
			// De = (2/10)·115/362 = 23/362; αU = 1 − 0.01·362/23 = 19.38/23 = 0.842608…
			name:    "hand example: one boundary off by one",
			lengths: []int{10},
			units:   [][][]unit{{{{2, 6}}}, {{{3, 6}}}},
			do:      0.01, de: 23.0 / 362, alpha: 19.38 / 23, unitsCount: 2,
		},
		{
			// L = 10. A: [0,5); B: [5,10). Each unit lies inside the other's
			// gap: 5² + 5² = 50, Do = 2·50/200 = 0.5.
			// De: l=5 (×2): 1·(250−75+5)/3 = 60 + 25·(1+1) = 110; Σ = 220;
			// denominator 380 − 40 = 340; De = 0.2·220/340 = 44/340.
			// αU = 1 − 0.5·340/44 = 1 − 170/44 = −2.8636…
			name:    "hand example: complete disagreement",
			lengths: []int{10},
			units:   [][][]unit{{{{0, 5}}}, {{{5, 10}}}},
			do:      0.5, de: 44.0 / 340, alpha: 1 - 170.0/44, unitsCount: 2,
		},
		{
			// Two clippings of 5: A codes [1,3) of the second, B nothing.
			// Do: A's unit inside B's gap of that clipping: 2² = 4 → 2·4/(2·100) = 0.04.
			// De: N = 1, gaps 5 (A, clipping 1), 1, 2 (A, clipping 2), 5, 5 (B):
			//   l=2: 0 + 4·(4+1+4+4) = 52; denominator 20·19 − 2 = 378
			// De = (2/10)·52/378 = 10.4/378; αU = 1 − 0.04·378/10.4 = −0.4538…
			// (Were the clippings one continuum, B's gaps would be one of 10.)
			name:    "clipping boundaries end gaps",
			lengths: []int{5, 5},
			units:   [][][]unit{{nil, {{1, 3}}}, {nil, nil}},
			do:      0.04, de: 10.4 / 378, alpha: 1 - 0.04*378/10.4, unitsCount: 1,
		},
		{
			name: "nothing coded", lengths: []int{10}, units: [][][]unit{{nil}, {nil}},
			undefined: true,
		},
		{
			name: "both coded everything", lengths: []int{10},
			units: [][][]unit{{{{0, 10}}}, {{{0, 10}}}}, unitsCount: 2,
			// Do = 0; De: (N−1)(2000−300+10)/3 = 570 for each unit, no gaps → 1140/…: defined.
			do: 0, de: 2.0 / 10 * 1140 / (20*19 - 180), alpha: 1,
		},
		{name: "empty clippings", lengths: []int{0, 0}, units: [][][]unit{{nil, nil}, {nil, nil}}, undefined: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			do, de, n := unitizingOf(tc.lengths, tc.units).disagreement()
			a, ok := alpha(do, de)
			if ok == tc.undefined {
				t.Fatalf("defined = %v (Do %v, De %v), want %v", ok, do, de, !tc.undefined)
			}
			if tc.undefined {
				return
			}
			if !near(do, tc.do) || !near(de, tc.de) || !near(a, tc.alpha) || n != tc.unitsCount {
				t.Errorf("Do %v De %v αU %v units %d, want %v %v %v %d", do, de, a, n, tc.do, tc.de, tc.alpha, tc.unitsCount)
			}
		})
	}
}

// αU over both categories of the book's example: 1 − ΣDo/ΣDe = 0.8587
// (DKPro Statistics expects 0.8591 ± 0.0005).
func TestAlphaUAllCategories(t *testing.T) {
	c := unitizingOf([]int{300}, [][][]unit{{{{75, 145}, {220, 250}}}, {{{70, 150}, {205, 225}, {250, 270}}}})
	k := unitizingOf([]int{300}, [][][]unit{{{{30, 90}, {150, 200}}}, {{{30, 90}, {150, 200}}}})
	doC, deC, _ := c.disagreement()
	doK, deK, _ := k.disagreement()
	a, ok := alpha(doC+doK, deC+deK)
	if !ok || a < 0.8586 || a > 0.8588 {
		t.Errorf("αU over c and k = %v, want 0.8587", a)
	}
}
