package anchor

import (
	"testing"
	"unicode/utf8"
)

// checkResult asserts the contract of Map for any input: the result lies in
// the new body, exact and remapped results slice to the quote, fuzzy ones
// reach the threshold and orphans score 0.
func checkResult(t *testing.T, newBody string, s Span, r Result) {
	t.Helper()
	n := utf8.RuneCountInString(newBody)
	if r.Start < 0 || r.Start > r.End || r.End > n {
		t.Fatalf("result %+v outside the new body of %d code points", r, n)
	}
	got := string([]rune(newBody)[r.Start:r.End])
	switch r.Status {
	case StatusExact, StatusRemapped:
		if got != string([]rune(s.Exact)) || r.Score != 1 {
			t.Fatalf("%s result %+v slices to %q, want %q with score 1", r.Status, r, got, s.Exact)
		}
	case StatusFuzzy:
		if r.Score < Threshold || r.Score > 1 {
			t.Fatalf("fuzzy score %v outside [%v, 1]", r.Score, Threshold)
		}
	case StatusOrphan:
		if r.Score != 0 {
			t.Fatalf("orphan with score %v", r.Score)
		}
	default:
		t.Fatalf("unknown status %q", r.Status)
	}
}

// spanIn anchors [start, end) of body after clamping it into the body.
func spanIn(body string, start, end int) Span {
	r := []rune(body)
	start = min(max(start, 0), len(r))
	end = min(max(end, start), len(r))
	return Span{
		Start: start, End: end,
		Exact:  string(r[start:end]),
		Prefix: string(r[max(0, start-32):start]),
		Suffix: string(r[end:min(len(r), end+32)]),
	}
}

func FuzzMap(f *testing.F) {
	f.Add(story, story[:40]+"XYZ"+story[40:], 10, 30)
	f.Add("abc", "", 0, 2)
	f.Add("", "abc", 0, 0)
	f.Add("Ça coûte 40 € 😀", "ça coûte 40 €", 3, 9)
	f.Add("aaaaaaaaaa", "aaaXaaaaaa", 2, 8)
	f.Add("\xff\xfe invalid", "invalid \xff", 1, 5)
	f.Fuzz(func(t *testing.T, old, new string, start, end int) {
		s := spanIn(old, start, end)
		checkResult(t, new, s, NewMapper(old, new).Map(s))
		// Offsets need not be valid: stale or foreign spans are clamped.
		checkResult(t, new, Span{Start: start, End: end, Exact: s.Exact}, NewMapper(old, new).Map(Span{Start: start, End: end, Exact: s.Exact}))
	})
}

// FuzzInsert checks the diff step: after text is inserted at one point, every
// span wholly before or after it is found at once, unchanged.
func FuzzInsert(f *testing.F) {
	f.Add(story, "New paragraph. ", 20, 5, 15)
	f.Add("Ça coûte 40 €", "😀", 4, 0, 3)
	f.Fuzz(func(t *testing.T, old, ins string, at, start, end int) {
		r := []rune(old)
		at = min(max(at, 0), len(r))
		new := string(r[:at]) + ins + string(r[at:])
		s := spanIn(old, start, end)
		if s.Start == s.End || (s.Start < at && s.End > at) {
			return
		}
		got := NewMapper(old, new).Map(s)
		checkResult(t, new, s, got)
		if got.Status != StatusExact && got.Status != StatusRemapped {
			t.Fatalf("span %d–%d %q beside an insertion at %d: %+v", s.Start, s.End, s.Exact, at, got)
		}
	})
}
