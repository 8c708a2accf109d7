package find

import (
	"strings"
	"testing"
)

type span struct{ start, end int }

func spans(hs []Hit) []span {
	var out []span
	for _, h := range hs {
		out = append(out, span{h.Start, h.End})
	}
	return out
}

func TestFind(t *testing.T) {
	tests := []struct {
		name                   string
		pattern                string
		regex, caseSens, whole bool
		body                   string
		limit                  int
		want                   []span
	}{
		{"plain, case-insensitive", "water", false, false, false, "Water, water everywhere", 0, []span{{0, 5}, {7, 12}}},
		{"plain, match case", "water", false, true, false, "Water, water everywhere", 0, []span{{7, 12}}},
		{"plain text is quoted", "$48.5", false, false, false, "cost $48.5 million, not $4805", 0, []span{{5, 10}}},
		{"plain dot is literal", "a.c", false, false, false, "abc a.c", 0, []span{{4, 7}}},
		{"straight apostrophe finds a curly one", "Residents' Association", false, false, false, "the Eastmoor Residents’ Association", 0, []span{{13, 35}}},
		{"straight quote finds curly quotes", `"a gamble`, false, false, false, "calls the plan “a gamble”", 0, []span{{15, 24}}},
		{"code points, not bytes", "río", false, false, false, "Año: el río", 0, []span{{8, 11}}},
		{"regex alternation", `homes|businesses`, true, false, false, "14,000 homes and 320 businesses", 0, []span{{7, 12}, {21, 31}}},
		{"regex number with unit", `\d[\d,.]* (?:percent|%)`, true, false, false, "fell to 5.2 percent; 30 % of", 0, []span{{8, 19}, {21, 25}}},
		{"regex ^ is a line start", `^The`, true, true, false, "The plant.\n\nThe river. Then", 0, []span{{0, 3}, {12, 15}}},
		{"regex $ is a line end", `\w+\.$`, true, false, false, "one two.\n\nthree four.", 0, []span{{4, 8}, {16, 21}}},
		{"regex \\b after a hit", `\bcat`, true, false, false, "catcat cat", 0, []span{{0, 3}, {7, 10}}},
		{"whole word", "cat", false, false, true, "cat cats concat cat.", 0, []span{{0, 3}, {16, 19}}},
		{"whole word, adjacent hits", "cat", false, false, true, "cat cat", 0, []span{{0, 3}, {4, 7}}},
		{"whole word, Unicode letters", "Luc", false, false, true, "Lucía and Luc", 0, []span{{10, 13}}},
		{"whole word tries alternatives", `cat|cats`, true, false, true, "cats", 0, []span{{0, 4}}},
		{"whole word at both ends", "a", false, false, true, "a", 0, []span{{0, 1}}},
		{"zero-width regex finds nothing", `x*`, true, false, false, "abc", 0, nil},
		{"zero-width word boundary", `\b`, true, false, false, "a b", 0, nil},
		{"zero-width whole word", `x*`, true, false, true, "a b", 0, nil},
		{"empty matches between hits are skipped", `a*`, true, false, false, "baab a", 0, []span{{1, 3}, {5, 6}}},
		{"limit", "a", false, false, false, "a a a a", 2, []span{{0, 1}, {2, 3}}},
		{"no match", "zebra", false, false, false, "a plain body", 0, nil},
		{"empty body", "a", false, false, false, "", 0, nil},
		{"match spans a line break", `river\s+supply`, true, false, false, "the river\nsupply", 0, []span{{4, 16}}},
		{"emoji counts one code point", "x", false, false, false, "👍x", 0, []span{{1, 2}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Compile(tc.pattern, tc.regex, tc.caseSens, tc.whole)
			if err != nil {
				t.Fatal(err)
			}
			hs := m.Find("c1", tc.body, tc.limit)
			got := spans(hs)
			if len(got) != len(tc.want) {
				t.Fatalf("hits %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("hits %v, want %v", got, tc.want)
				}
			}
			runes := []rune(tc.body)
			for _, h := range hs {
				if h.ClippingID != "c1" {
					t.Errorf("clipping id %q", h.ClippingID)
				}
				if s := string(runes[h.Start:h.End]); s != h.Match {
					t.Errorf("Match %q, body slice %q", h.Match, s)
				}
			}
		})
	}
}

func TestKeywordInContext(t *testing.T) {
	body := "About 14,000 homes and 320 businesses will be switched to the Calder River supply by June,\n\nat an estimated cost of $48.5 million, according to figures released by the city."
	m, err := Compile("$48.5 million", false, false, false)
	if err != nil {
		t.Fatal(err)
	}
	hs := m.Find("c", body, 0)
	if len(hs) != 1 {
		t.Fatalf("hits = %+v", hs)
	}
	h := hs[0]
	if h.Left != "upply by June, at an estimated cost of " {
		t.Errorf("Left = %q", h.Left)
	}
	if h.Match != "$48.5 million" {
		t.Errorf("Match = %q", h.Match)
	}
	if h.Right != ", according to figures released by the c" {
		t.Errorf("Right = %q", h.Right)
	}
	if n := len([]rune(h.Right)); n > Context {
		t.Errorf("Right has %d code points", n)
	}

	hs = m.Find("c", "$48.5 million", 0)
	if len(hs) != 1 || hs[0].Left != "" || hs[0].Right != "" {
		t.Errorf("hit at the edges of the body: %+v", hs)
	}
}

func TestCompileErrors(t *testing.T) {
	tests := []struct {
		pattern string
		regex   bool
		want    string
	}{
		{"", false, "empty"},
		{"", true, "empty"},
		{"(a", true, "missing closing )"},
		{"a[b", true, "missing closing ]"},
		{"*a", true, "missing argument to repetition operator"},
		{`\p{Nope}`, true, "invalid character class range"},
	}
	for _, tc := range tests {
		_, err := Compile(tc.pattern, tc.regex, false, false)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Compile(%q, regex=%v) error = %v, want it to mention %q", tc.pattern, tc.regex, err, tc.want)
		}
	}
	// The same text is fine as plain text.
	for _, p := range []string{"(a", "a[b", "*a"} {
		if _, err := Compile(p, false, false, false); err != nil {
			t.Errorf("plain %q: %v", p, err)
		}
	}
}
