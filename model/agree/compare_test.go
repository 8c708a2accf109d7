package agree

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func val(p *float64) float64 {
	if p == nil {
		return -999 // "undefined" in failure messages
	}
	return *p
}

// pair finds the row of coders a, b and tag in rep.
func pair(t *testing.T, rep Report, a, b, tag string) PairStats {
	t.Helper()
	for _, p := range rep.Pairs {
		if p.CoderA == a && p.CoderB == b && p.Tag == tag {
			return p
		}
	}
	t.Fatalf("no row for %s/%s/%s in %+v", a, b, tag, rep.Pairs)
	return PairStats{}
}

// mustJSON checks the report encodes (encoding/json refuses NaN and ±Inf).
func mustJSON(t *testing.T, rep Report) string {
	t.Helper()
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatalf("report does not encode: %v", err)
	}
	return string(b)
}

func TestCompareTextbookKappa(t *testing.T) {
	// The Wikipedia example (see TestTable) spread over two clippings of 25
	// characters: pooled, the 50 characters give po 0.7, pe 0.5, kappa 0.4.
	docs := []Doc{{"c1", 25}, {"c2", 25}}
	spans := []Span{
		{"c1", "ann", "claim", 0, 20}, {"c1", "bob", "claim", 0, 20}, // 20 both
		{"c1", "ann", "claim", 20, 25}, // 5 ann only
		{"c2", "bob", "claim", 0, 10},  // 10 bob only; c2 has 15 neither
	}
	rep, err := Compare(docs, spans, []string{"ann", "bob"}, []string{"claim"})
	if err != nil {
		t.Fatal(err)
	}
	p := pair(t, rep, "ann", "bob", "claim")
	if p.Characters != (Table{Both: 20, OnlyA: 5, OnlyB: 10, Neither: 15}) {
		t.Fatalf("table %+v", p.Characters)
	}
	if !near(val(p.PercentAgreement), 70) || !near(val(p.Kappa), 0.4) {
		t.Errorf("percent %v kappa %v, want 70 and 0.4", val(p.PercentAgreement), val(p.Kappa))
	}
	// ann's two touching spans are two units; bob's [0,20) matches the first exactly.
	if p.SpansA != 2 || p.SpansB != 2 || p.Exact.Matched != 1 || p.Overlap.Matched != 1 {
		t.Errorf("spans %d/%d, exact %d, overlap %d", p.SpansA, p.SpansB, p.Exact.Matched, p.Overlap.Matched)
	}
	// Per clipping (NVivo rows): c1 has 20 both + 5 ann only → 80%, a = 25 = N → kappa 0.
	if len(p.Clippings) != 2 || p.Clippings[0].Clipping != "c1" || !near(val(p.Clippings[0].PercentAgreement), 80) ||
		!near(val(p.Clippings[0].Kappa), 0) {
		t.Errorf("clipping rows %+v", p.Clippings)
	}
	mustJSON(t, rep)
}

func TestCompareEdgeCases(t *testing.T) {
	docs := []Doc{{"c1", 10}}
	tests := []struct {
		name              string
		spans             []Span
		pct, kappa, alpha float64 // -999 = undefined
		f1                float64
		notes             bool
	}{
		{
			name: "no annotations at all", pct: 100, kappa: 1, alpha: -999, f1: -999, notes: true,
		},
		{
			name:  "perfect agreement",
			spans: []Span{{"c1", "A", "q", 2, 6}, {"c1", "B", "q", 2, 6}},
			pct:   100, kappa: 1, alpha: 1, f1: 1,
		},
		{
			// See TestTable and TestAlphaU "complete disagreement".
			name:  "complete disagreement",
			spans: []Span{{"c1", "A", "q", 0, 5}, {"c1", "B", "q", 5, 10}},
			pct:   0, kappa: -1, alpha: 1 - 170.0/44, f1: 0,
		},
		{
			// A's overlapping spans merge into [2,6), as in TestAlphaU's hand
			// example with B at [3,6): kappa = (9 − 5.4)/(10 − 5.4) = 3.6/4.6.
			name: "overlapping spans of one coder merge",
			spans: []Span{{"c1", "A", "q", 2, 5}, {"c1", "A", "q", 3, 6}, {"c1", "A", "q", 2, 4},
				{"c1", "B", "q", 3, 6}},
			pct: 90, kappa: 3.6 / 4.6, alpha: 19.38 / 23, f1: 1,
		},
		{
			// αU: A's unit lies in B's gap: Do = 2·3²/(2·10²) = 0.09.
			// De: N = 1, gaps 7 (A) and 10 (B): 0 + 3²·((7−2) + (10−2)) = 117;
			// denominator 20·19 − 3·2 = 374; De = 0.2·117/374.
			name:  "one coder coded nothing",
			spans: []Span{{"c1", "A", "q", 0, 3}},
			pct:   70, kappa: 0, alpha: 1 - 0.09/(0.2*117/374), f1: 0, notes: true,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := Compare(docs, tc.spans, []string{"A", "B"}, []string{"q"})
			if err != nil {
				t.Fatal(err)
			}
			mustJSON(t, rep)
			for _, tag := range []string{"q", AllTags} { // one tag: the summary is the same
				p := pair(t, rep, "A", "B", tag)
				got := []float64{val(p.PercentAgreement), val(p.Kappa), val(p.Alpha), val(p.Overlap.F1)}
				want := []float64{tc.pct, tc.kappa, tc.alpha, tc.f1}
				for i := range got {
					if !near(got[i], want[i]) {
						t.Errorf("%s: percent, kappa, αU, F1 = %v, want %v", tag, got, want)
						break
					}
				}
			}
			if (len(rep.Notes) > 0) != tc.notes {
				t.Errorf("notes %q, want some: %v", rep.Notes, tc.notes)
			}
			if rep.Matrices != nil {
				t.Errorf("matrices for two coders")
			}
		})
	}
}

func TestCompareErrors(t *testing.T) {
	docs := []Doc{{"c1", 10}}
	two := []string{"A", "B"}
	tests := []struct {
		name   string
		docs   []Doc
		spans  []Span
		coders []string
		tags   []string
		is     error
		msg    string
	}{
		{name: "no clippings", coders: two, tags: []string{"q"}, msg: "no clippings"},
		{name: "duplicate clipping", docs: []Doc{{"c1", 3}, {"c1", 4}}, coders: two, tags: []string{"q"}, msg: `"c1" listed twice`},
		{name: "negative length", docs: []Doc{{"c1", -1}}, coders: two, tags: []string{"q"}, msg: "negative length"},
		{name: "one coder", docs: docs, coders: []string{"A"}, tags: []string{"q"}, is: ErrTooFewCoders, msg: "have 1 (A)"},
		{name: "one coder found in spans", docs: docs, spans: []Span{{"c1", "A", "q", 0, 2}}, is: ErrTooFewCoders},
		{name: "no coders", docs: docs, coders: []string{}, tags: []string{"q"}, is: ErrTooFewCoders},
		{name: "duplicate coder", docs: docs, coders: []string{"A", "A"}, tags: []string{"q"}, msg: `coder "A" listed twice`},
		{name: "empty tag name", docs: docs, coders: two, tags: []string{""}, msg: "empty tag name"},
		{name: "no tags anywhere", docs: docs, coders: two, is: ErrNoTags},
		{name: "span past the end", docs: docs, coders: two, tags: []string{"q"},
			spans: []Span{{"c1", "A", "q", 5, 11}}, msg: `span 5–11 of coder "A" with tag "q" is empty or outside clipping "c1" (0–10)`},
		{name: "empty span", docs: docs, coders: two, tags: []string{"q"}, spans: []Span{{"c1", "B", "q", 4, 4}}, msg: "empty or outside"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Compare(tc.docs, tc.spans, tc.coders, tc.tags)
			if err == nil {
				t.Fatal("Compare accepted bad input")
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %q is not %v", err, tc.is)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q does not say %q", err, tc.msg)
			}
		})
	}
}

func TestCompareSelection(t *testing.T) {
	docs := []Doc{{"c1", 20}, {"c2", 20}}
	spans := []Span{
		{"c1", "B", "quote", 0, 4}, {"c1", "A", "claim", 0, 10}, {"c1", "B", "claim", 0, 10},
		{"c2", "A", "quote", 5, 9},
		{"c3", "A", "claim", 0, 99}, // clipping not compared: skipped, not an error
		{"c1", "Z", "claim", 0, 5},  // coder not compared
		{"c1", "A", "figure", 0, 5}, // tag not compared
	}
	rep, err := Compare(docs, spans, []string{"A", "B"}, []string{"claim", "quote"})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Spans != 4 || rep.Skipped != 3 || rep.Characters != 40 || rep.Clippings != 2 {
		t.Errorf("spans %d skipped %d characters %d clippings %d", rep.Spans, rep.Skipped, rep.Characters, rep.Clippings)
	}
	// Rows: claim, quote, then the AllTags summary of (character, tag) units.
	if len(rep.Pairs) != 3 || rep.Pairs[2].Tag != AllTags {
		t.Fatalf("pairs %+v", rep.Pairs)
	}
	claim, quote, all := rep.Pairs[0], rep.Pairs[1], rep.Pairs[2]
	if claim.Characters != (Table{Both: 10, Neither: 30}) || quote.Characters != (Table{OnlyA: 4, OnlyB: 4, Neither: 32}) {
		t.Errorf("claim %+v quote %+v", claim.Characters, quote.Characters)
	}
	if all.Characters != (Table{Both: 10, OnlyA: 4, OnlyB: 4, Neither: 62}) || all.SpansA != 2 || all.SpansB != 2 ||
		all.Exact.Matched != 1 || !near(val(all.Exact.F1), 0.5) {
		t.Errorf("all tags %+v", all)
	}
	// Quote rows only for clippings someone coded it in: c1 (B) and c2 (A).
	if len(quote.Clippings) != 2 || len(claim.Clippings) != 1 {
		t.Errorf("clipping rows: claim %d, quote %d", len(claim.Clippings), len(quote.Clippings))
	}
	if rep.Overall[0].Tag != "claim" || val(rep.Overall[0].Alpha) != 1 || rep.Overall[2].Tag != AllTags {
		t.Errorf("overall %+v", rep.Overall)
	}

	// nil coders and tags: those of the spans on compared clippings, sorted.
	rep, err = Compare(docs, spans, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rep.Coders, ",") != "A,B,Z" || strings.Join(rep.Tags, ",") != "claim,figure,quote" {
		t.Errorf("derived coders %v tags %v", rep.Coders, rep.Tags)
	}
}

func TestCompareMatrix(t *testing.T) {
	docs := []Doc{{"c1", 10}}
	spans := []Span{
		{"c1", "A", "q", 0, 5}, {"c1", "B", "q", 0, 5}, {"c1", "C", "q", 5, 10},
	}
	rep, err := Compare(docs, spans, []string{"A", "B", "C"}, []string{"q"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Pairs) != 3*2 { // (A,B) (A,C) (B,C) × (q, all)
		t.Fatalf("%d pair rows", len(rep.Pairs))
	}
	if len(rep.Matrices) != 2 || rep.Matrices[0].Tag != "q" || rep.Matrices[1].Tag != AllTags {
		t.Fatalf("matrices %+v", rep.Matrices)
	}
	m := rep.Matrices[0]
	for i := range 3 {
		if m.Kappa[i][i] != nil || m.Alpha[i][i] != nil {
			t.Errorf("diagonal %d is not null", i)
		}
		for j := range 3 {
			if i != j && (val(m.Kappa[i][j]) != val(m.Kappa[j][i]) || val(m.F1[i][j]) != val(m.F1[j][i])) {
				t.Errorf("cell %d,%d not symmetric", i, j)
			}
		}
	}
	if val(m.Kappa[0][1]) != 1 || val(m.Kappa[0][2]) != -1 || val(m.PercentAgreement[1][2]) != 0 || val(m.F1[0][1]) != 1 {
		t.Errorf("kappa A–B %v A–C %v, percent B–C %v, F1 A–B %v",
			val(m.Kappa[0][1]), val(m.Kappa[0][2]), val(m.PercentAgreement[1][2]), val(m.F1[0][1]))
	}
	js := mustJSON(t, rep)
	if !strings.Contains(js, `"kappa":[[null,1,-1],[1,null,-1],[-1,-1,null]]`) {
		t.Errorf("matrix JSON: %s", js)
	}
}
