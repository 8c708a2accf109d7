package anchor

import (
	"strings"
	"testing"
	"unicode/utf8"

	"clipper/model"
)

// spanOf anchors the nth (0-based) occurrence of quote in body the way the
// app stores annotations (model.Anchor: code points, 32 of context).
func spanOf(t *testing.T, body, quote string, nth int) Span {
	t.Helper()
	at := -1
	for i, from := 0, 0; i <= nth; i++ {
		k := strings.Index(body[from:], quote)
		if k < 0 {
			t.Fatalf("occurrence %d of %q not in body", nth, quote)
		}
		at = from + k
		from = at + len(quote)
	}
	start := utf8.RuneCountInString(body[:at])
	end := start + utf8.RuneCountInString(quote)
	exact, prefix, suffix, err := model.Anchor(body, start, end)
	if err != nil {
		t.Fatal(err)
	}
	return Span{Start: start, End: end, Exact: exact, Prefix: prefix, Suffix: suffix}
}

// runeIndex is the code-point offset of the nth occurrence of sub in s.
func runeIndex(t *testing.T, s, sub string, nth int) int {
	t.Helper()
	at := -1
	for i, from := 0, 0; i <= nth; i++ {
		k := strings.Index(s[from:], sub)
		if k < 0 {
			t.Fatalf("occurrence %d of %q not in %q", nth, sub, s)
		}
		at = from + k
		from = at + len(sub)
	}
	return utf8.RuneCountInString(s[:at])
}

func slice(s string, start, end int) string {
	r := []rune(s)
	return string(r[start:end])
}

const story = "The mayor said on Monday that the new bridge would open in May. " +
	"Critics said the budget had doubled to €40 million since 2021. " +
	"“We will not pay for delays,” said council member Ana Ruiz."

func TestMap(t *testing.T) {
	// Four identical blocks: the quote's context is the same in each, so
	// only the position can tell them apart.
	block := "In the district the council voted sayd yes to the new housing plan after a long debate. "
	fixed := strings.ReplaceAll(block, "sayd", "said")
	tests := []struct {
		name     string
		old, new string
		quote    string
		nth      int    // occurrence of quote in old
		status   Status // wanted
		text     string // wanted text of the result in new ("" for orphans)
		textNth  int    // which occurrence of text in new
		orphanAt string // an orphan is wanted where this text starts in new ("": anywhere)
	}{
		{
			name: "identical bodies", old: story, new: story,
			quote: "the new bridge would open in May", status: StatusExact,
			text: "the new bridge would open in May",
		},
		{
			name: "edit after the span keeps its position", old: story,
			new:   strings.Replace(story, "doubled", "more than doubled", 1),
			quote: "The mayor said on Monday", status: StatusExact, text: "The mayor said on Monday",
		},
		{
			name: "typo fixed before the span", old: strings.Replace(story, "mayor", "mayyor", 1), new: story,
			quote: "the budget had doubled", status: StatusRemapped, text: "the budget had doubled",
		},
		{
			name: "typo fixed inside the span", old: strings.Replace(story, "budget", "budgte", 1), new: story,
			quote: "the budgte had doubled", status: StatusFuzzy, text: "the budget had doubled",
		},
		{
			name: "paragraph inserted before", old: story,
			new:   "Updated on Tuesday with the council's reply.\n\n" + story,
			quote: "“We will not pay for delays,”", status: StatusRemapped, text: "“We will not pay for delays,”",
		},
		{
			name: "span text deleted", old: story,
			new:      strings.Replace(story, "Critics said the budget had doubled to €40 million since 2021. ", "", 1),
			quote:    "the budget had doubled to €40 million",
			status:   StatusOrphan,
			orphanAt: "“We",
		},
		{
			name: "span reworded slightly", old: story,
			new:   strings.Replace(story, "the budget had doubled", "the budget had nearly doubled", 1),
			quote: "the budget had doubled to €40 million", status: StatusFuzzy,
			text: "the budget had nearly doubled to €40 million",
		},
		{
			name: "span rewritten entirely", old: story,
			new:   strings.Replace(story, "the new bridge would open in May", "works are on schedule", 1),
			quote: "the new bridge would open in May", status: StatusOrphan,
			orphanAt: "works are",
		},
		{
			// The words survive elsewhere in another context (score 0.63).
			name:   "span deleted, same words elsewhere in another context",
			old:    "The fire started at noon. Police said the suspect fled before officers arrived at the scene. Residents were evacuated by boat.",
			new:    "The fire started at noon. Residents were evacuated by boat. In a later statement, witnesses claimed that the suspect fled towards the river on a bicycle.",
			quote:  "the suspect fled",
			status: StatusOrphan, // where the char diff puts it is arbitrary: not checked
		},
		{
			name:  "repeated phrase: nearest occurrence wins when contexts agree",
			old:   "Minutes. " + block + block + block + block + "End.",
			new:   "Minutes. " + fixed + fixed + fixed + fixed + "End.",
			quote: "voted sayd yes", nth: 1, status: StatusFuzzy,
			text: "voted said yes", textNth: 1,
		},
		{
			name:  "repeated phrase: matching context wins over position",
			old:   "Jones, the treasurer, said teh plan failed on costs. Smith, the mayor, said teh plan failed on time.",
			new:   "Smith, the mayor, said the plan failed on time. Jones, the treasurer, said the plan failed on costs.",
			quote: "said teh plan failed", nth: 0, status: StatusFuzzy,
			text: "said the plan failed", textNth: 1,
		},
		{
			name: "non-ASCII text moved", old: "Ça coûte 40 € — « très cher », dit-elle 😀.",
			new:   "Paris 🇫🇷 : ça coûte 40 € — « très cher », dit-elle 😀.",
			quote: "« très cher »", status: StatusRemapped, text: "« très cher »",
		},
		{
			name: "non-ASCII quote corrected", old: "Le ministre a dit « nous ne reculerons pas » hier soir.",
			new:   "Le ministre a dit « nous ne reculerons jamais » hier soir.",
			quote: "« nous ne reculerons pas »", status: StatusFuzzy, text: "« nous ne reculerons jamais »",
		},
		{
			name:   "long quote (over 64 code points) edited",
			old:    "Intro. " + strings.Repeat("The committee found that the figures were misleading and incomplete. ", 3) + "Outro.",
			new:    "Intro. " + strings.Replace(strings.Repeat("The committee found that the figures were misleading and incomplete. ", 3), "misleading", "wrong", 2) + "Outro.",
			quote:  strings.Repeat("The committee found that the figures were misleading and incomplete. ", 3),
			status: StatusFuzzy,
			text:   strings.Replace(strings.Repeat("The committee found that the figures were misleading and incomplete. ", 3), "misleading", "wrong", 2),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := spanOf(t, tc.old, tc.quote, tc.nth)
			got := NewMapper(tc.old, tc.new).Map(s)
			if got.Status != tc.status {
				t.Fatalf("status %q (result %+v, text %q), want %q", got.Status, got,
					slice(tc.new, got.Start, got.End), tc.status)
			}
			if tc.status == StatusOrphan {
				at := got.Start
				if tc.orphanAt != "" {
					at = runeIndex(t, tc.new, tc.orphanAt, 0)
				}
				if got.Start != at || got.End < got.Start || got.Score != 0 {
					t.Errorf("orphan %d–%d score %v, want at %d (%q) score 0", got.Start, got.End, got.Score, at, tc.orphanAt)
				}
				return
			}
			wantStart := runeIndex(t, tc.new, tc.text, tc.textNth)
			wantEnd := wantStart + utf8.RuneCountInString(tc.text)
			if got.Start != wantStart || got.End != wantEnd {
				t.Errorf("result %d–%d %q, want %d–%d %q", got.Start, got.End,
					slice(tc.new, got.Start, got.End), wantStart, wantEnd, tc.text)
			}
			switch {
			case tc.status == StatusFuzzy && (got.Score < Threshold || got.Score >= 1):
				t.Errorf("fuzzy score %v, want in [%v, 1)", got.Score, Threshold)
			case tc.status != StatusFuzzy && got.Score != 1:
				t.Errorf("score %v, want 1", got.Score)
			}
		})
	}
}

func TestMapEdgeCases(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		span     Span
		want     Result
	}{
		{"both bodies empty", "", "", Span{}, Result{Status: StatusExact, Score: 1}},
		{"new body empty", "abc", "", Span{Start: 1, End: 2, Exact: "b"}, Result{Status: StatusOrphan}},
		{"old body empty, quote found", "", "xx abc yy", Span{Exact: "abc"}, Result{Start: 3, End: 6, Status: StatusFuzzy}},
		{"offsets outside the old body are clamped", "abc", "abcd", Span{Start: -5, End: 99, Exact: "abc"},
			Result{Start: 0, End: 3, Status: StatusRemapped, Score: 1}},
		{"reversed offsets become an empty span", "abc", "abc", Span{Start: 2, End: 1},
			Result{Start: 2, End: 2, Status: StatusRemapped, Score: 1}},
		{"stale offsets on an unchanged body", "one two three", "one two three", Span{Start: 0, End: 3, Exact: "two"},
			Result{Start: 4, End: 7, Status: StatusFuzzy}},
		{"empty span before an insertion stays before it", "ab", "aXb", Span{Start: 1, End: 1},
			Result{Start: 1, End: 1, Status: StatusExact, Score: 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := NewMapper(tc.old, tc.new).Map(tc.span)
			if tc.want.Status == StatusFuzzy {
				if got.Score < Threshold {
					t.Errorf("fuzzy score %v below threshold", got.Score)
				}
				got.Score = 0
			}
			if got != tc.want {
				t.Errorf("Map = %+v, want %+v", got, tc.want)
			}
		})
	}
}

// A Mapper reused across many spans gives each the same answer as a fresh one.
func TestMapperReuse(t *testing.T) {
	old := story
	new := strings.Replace(story, "Monday", "Tuesday", 1)
	m := NewMapper(old, new)
	for _, q := range []string{"The mayor", "the new bridge", "€40 million", "Ana Ruiz."} {
		s := spanOf(t, old, q, 0)
		if a, b := m.Map(s), NewMapper(old, new).Map(s); a != b {
			t.Errorf("%q: reused mapper gave %+v, fresh one %+v", q, a, b)
		}
		if r := m.Map(s); slice(new, r.Start, r.End) != q || r.Status != StatusRemapped && r.Status != StatusExact {
			t.Errorf("%q: got %+v", q, r)
		}
	}
}

func TestMapPos(t *testing.T) {
	// old "abcdef" → new "aXYbcf": insertion at 1, "de" deleted at 3.
	segs := diffSegments([]rune("abcdef"), []rune("aXYbcf"))
	tests := []struct {
		p     int
		start bool
		want  int
	}{
		{0, true, 0},
		{1, true, 3},  // a start after the insertion
		{1, false, 1}, // an end before it
		{2, true, 4},
		{3, true, 5}, // start of the deleted "de" → where it was
		{4, true, 5}, // inside the deletion
		{5, false, 5},
		{6, false, 6},
	}
	for _, tc := range tests {
		if got := mapPos(segs, 6, tc.p, tc.start); got != tc.want {
			t.Errorf("mapPos(%d, start=%v) = %d, want %d", tc.p, tc.start, got, tc.want)
		}
	}
}

func TestTrimDiffIsConsistent(t *testing.T) {
	for _, pair := range [][2]string{{"", ""}, {"abc", ""}, {"", "abc"}, {"abcxdef", "abcydef"}, {"aaa", "aa"}, {"ab", "ab"}} {
		old, new := []rune(pair[0]), []rune(pair[1])
		if segs := trimDiff(old, new); !consistent(segs, old, new) {
			t.Errorf("trimDiff(%q, %q) = %+v is not consistent", pair[0], pair[1], segs)
		}
	}
}

func TestScoreWeights(t *testing.T) {
	q := []rune("0123456789")
	tests := []struct {
		name        string
		qerr        int
		before, aft string
		want        float64
	}{
		{"perfect", 0, "0123456789", "0123456789", 1},
		{"quote only", 0, "xxxxxxxxxx", "xxxxxxxxxx", 52.0 / 92},
		{"half the quote wrong, context intact", 5, "0123456789", "0123456789", 67.0 / 92},
	}
	for _, tc := range tests {
		got := score(10, tc.qerr, q, []rune(tc.before), q, []rune(tc.aft), 7, 7, 100)
		if d := got - tc.want; d > 1e-12 || d < -1e-12 {
			t.Errorf("%s: score = %v, want %v", tc.name, got, tc.want)
		}
	}
	if got := score(10, 0, nil, nil, nil, nil, 0, 50, 100); got != (50+20+20+2*0.5)/92.0 {
		t.Errorf("missing context and half-way position: score = %v", got)
	}
}
