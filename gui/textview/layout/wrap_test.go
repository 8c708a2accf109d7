package layout

import (
	"reflect"
	"strings"
	"testing"
)

func lineTexts(l *Layout) []string {
	out := make([]string, l.NumLines())
	for i := range out {
		out[i] = l.LineText(i)
	}
	return out
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float32
		want  []string
		spans [][2]int // optional [Start, End) per line
	}{
		{"fits", "the quick", 200, []string{"the quick"}, [][2]int{{0, 9}}},
		{"soft wrap hangs the space", "the quick brown fox", 100,
			[]string{"the quick", "brown fox"}, [][2]int{{0, 10}, {10, 19}}},
		{"exact fit", "abcde fghij", 50, []string{"abcde", "fghij"}, [][2]int{{0, 6}, {6, 11}}},
		{"hard break", "ab\ncd", 200, []string{"ab", "cd"}, [][2]int{{0, 3}, {3, 5}}},
		{"trailing hard break adds empty line", "ab\n", 200, []string{"ab", ""}, [][2]int{{0, 3}, {3, 3}}},
		{"paragraphs", "ab\n\ncd", 200, []string{"ab", "cd"}, [][2]int{{0, 2}, {4, 6}}},
		{"empty paragraph", "ab\n\n\n\ncd", 200, []string{"ab", "", "cd"}, [][2]int{{0, 2}, {4, 4}, {6, 8}}},
		{"empty body", "", 100, []string{""}, [][2]int{{0, 0}}},
		{"long word splits", "abcdefghijkl", 50, []string{"abcde", "fghij", "kl"}, [][2]int{{0, 5}, {5, 10}, {10, 12}}},
		{"long word after text", "ab abcdefghijkl cd", 50,
			[]string{"ab", "abcde", "fghij", "kl cd"}, [][2]int{{0, 3}, {3, 8}, {8, 13}, {13, 18}}},
		{"narrower than a grapheme", "abc", 0.5, []string{"a", "b", "c"}, nil},
		{"leading spaces kept", "  ab cd", 200, []string{"  ab cd"}, nil},
		{"trailing spaces hang", "ab   ", 25, []string{"ab"}, [][2]int{{0, 5}}},
		{"hyphen is a break opportunity", "well-known", 60, []string{"well-", "known"}, nil},
		{"CJK breaks between ideographs", "日本語の文章です", 30, []string{"日本語", "の文章", "です"}, nil},
		{"combining marks stay on their base", "e\u0301e\u0301e\u0301e\u0301", 20,
			[]string{"e\u0301e\u0301", "e\u0301e\u0301"}, nil},
		{"ZWJ emoji is one grapheme", "👩\u200d👩\u200d👧a👩\u200d👩\u200d👧", 20,
			[]string{"👩\u200d👩\u200d👧a", "👩\u200d👩\u200d👧"}, nil},
		{"flags are pairs", "🇫🇷🇩🇪🇮🇹", 20, []string{"🇫🇷🇩🇪", "🇮🇹"}, nil},
		{"space then combining mark is not split", "ab \u0301cd", 30, []string{"ab \u0301", "cd"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := mustNew(t, tc.text, &fake{}, 6)
			l.Wrap(tc.width)
			if got := lineTexts(l); !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("lines = %q, want %q", got, tc.want)
			}
			for i, sp := range tc.spans {
				ln := l.Line(i)
				if ln.Start != sp[0] || ln.End != sp[1] {
					t.Errorf("line %d spans [%d,%d), want [%d,%d)", i, ln.Start, ln.End, sp[0], sp[1])
				}
			}
		})
	}
}

func TestWrapGeometry(t *testing.T) {
	l := mustNew(t, "aa bb cc\n\ndd ee", &fake{}, 6)
	l.Wrap(50) // "aa bb" is 44 wide, "aa bb cc" 68
	want := []struct {
		y, w float32
		text string
	}{{0, 44, "aa bb"}, {20, 20, "cc"}, {46, 44, "dd ee"}}
	if l.NumLines() != len(want) {
		t.Fatalf("%d lines, want %d: %q", l.NumLines(), len(want), lineTexts(l))
	}
	for i, w := range want {
		ln := l.Line(i)
		if ln.Y != w.y || ln.Width != w.w || l.LineText(i) != w.text {
			t.Errorf("line %d: y=%v w=%v %q, want y=%v w=%v %q", i, ln.Y, ln.Width, l.LineText(i), w.y, w.w, w.text)
		}
	}
	if h := l.Height(); h != 66 {
		t.Errorf("height = %v, want 66", h)
	}
	// Consecutive lines of a paragraph touch.
	if a, b := l.Line(0), l.Line(1); a.Y+l.LineHeight() != b.Y {
		t.Errorf("line 0 bottom %v != line 1 top %v", a.Y+l.LineHeight(), b.Y)
	}
}

func TestWrapInvariants(t *testing.T) {
	text := strings.Repeat("Ferry fares to rise 12% in spring, the operator said on Monday.\n", 3) +
		"\n\nA well-known extraordinarily-long-compound-word and e\u0301 👩\u200d👩\u200d👧 🇫🇷 日本語。"
	for _, width := range []float32{1, 15, 33, 50, 97, 160, 400, 10000} {
		l := mustNew(t, text, &fake{}, 5)
		l.Wrap(width)
		checkLines(t, l)
	}
}

// checkLines asserts that lines tile each paragraph, fit the width unless a
// single grapheme is wider, and stack without gaps.
func checkLines(t *testing.T, l *Layout) {
	t.Helper()
	var prev *Line
	for i := 0; i < l.NumLines(); i++ {
		ln := l.Line(i)
		if ln.Start > ln.TextEnd || ln.TextEnd > ln.End {
			t.Fatalf("width %v line %d: Start %d TextEnd %d End %d out of order", l.Width(), i, ln.Start, ln.TextEnd, ln.End)
		}
		if prev != nil {
			if prev.Para == ln.Para {
				if prev.End != ln.Start {
					t.Fatalf("width %v line %d starts at %d, previous ends at %d", l.Width(), i, ln.Start, prev.End)
				}
				if prev.Y+l.LineHeight() != ln.Y {
					t.Fatalf("width %v line %d: gap between lines", l.Width(), i)
				}
			} else if ln.Start != prev.End+2 {
				t.Fatalf("width %v line %d: paragraph starts at %d, want %d", l.Width(), i, ln.Start, prev.End+2)
			}
		}
		if ln.Width > l.Width() {
			if g := graphemes(l.LineText(i)); len(g) > 2 {
				t.Fatalf("width %v line %d %q is %v wide", l.Width(), i, l.LineText(i), ln.Width)
			}
		}
		endX := ln.X + ln.Width // the end side of the line
		if ln.RTL {
			endX = ln.X
		}
		if x, _ := l.OffsetToPoint(ln.TextEnd); !l.IsBidi(i) && ln.TextEnd < ln.End && x != endX && l.Line(l.LineOf(ln.TextEnd)).Y == ln.Y {
			t.Fatalf("width %v line %d: x of TextEnd %v != end side %v", l.Width(), i, x, endX)
		}
		var sum float32
		for _, r := range l.LineRuns(i, nil) {
			if r.X < ln.X-0.01 || r.X+r.W > ln.X+ln.Width+0.01 {
				t.Fatalf("width %v line %d: run [%d,%d) at x %v+%v outside the line [%v,%v)", l.Width(), i, r.Start, r.End, r.X, r.W, ln.X, ln.X+ln.Width)
			}
			sum += r.W
		}
		if d := sum - ln.Width; d > 0.01 || d < -0.01 {
			t.Fatalf("width %v line %d: runs are %v wide, line %v", l.Width(), i, sum, ln.Width)
		}
		prev = &ln
	}
	if last := l.Line(l.NumLines() - 1); last.End != l.Len() {
		t.Fatalf("last line ends at %d, body has %d code points", last.End, l.Len())
	}
}

func TestWrapCache(t *testing.T) {
	f := &fake{}
	l := mustNew(t, strings.Repeat("word another thing ", 200), f, 0)
	l.Wrap(100)
	h100 := l.Height()
	l.Wrap(300)
	calls := f.calls
	l.Wrap(100)
	if f.calls != calls {
		t.Errorf("re-wrap at a cached width measured %d strings", f.calls-calls)
	}
	if l.Height() != h100 {
		t.Errorf("height at 100 = %v after cache hit, want %v", l.Height(), h100)
	}
	for w := float32(101); w < 101+maxCachedWidths+1; w++ {
		l.Wrap(w)
	}
	if len(l.cache) != maxCachedWidths {
		t.Errorf("cache holds %d widths, want %d", len(l.cache), maxCachedWidths)
	}
}

func TestBatchMeasurerUsed(t *testing.T) {
	b := &batchFake{}
	l := mustNew(t, "one two three", b, 0)
	if b.batches != 1 {
		t.Fatalf("batches = %d, want 1", b.batches)
	}
	l.Wrap(1000)
	if w := l.Line(0).Width; w != 3*10+4+3*10+4+5*10 {
		t.Errorf("width %v", w)
	}
}

func TestNewErrors(t *testing.T) {
	if _, err := New("x", nil, 0); err == nil || !strings.Contains(err.Error(), "nil Measurer") {
		t.Errorf("nil measurer: err = %v", err)
	}
	if _, err := New("x", &fake{}, -1); err == nil || !strings.Contains(err.Error(), "paragraph spacing") {
		t.Errorf("negative spacing: err = %v", err)
	}
	if _, err := New("x", &zeroHeight{}, 0); err == nil || !strings.Contains(err.Error(), "line height") {
		t.Errorf("zero line height: err = %v", err)
	}
}

type zeroHeight struct{ fake }

func (zeroHeight) LineHeight() float32 { return 0 }
