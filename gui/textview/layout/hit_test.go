package layout

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// sameCaret reports whether the caret at off is drawn at (x, y): two
// offsets share a point where runs of opposite directions meet.
func sameCaret(l *Layout, off int, x, y float32) bool {
	x2, y2 := l.OffsetToPoint(off)
	return y2 == y && x2-x < 0.01 && x-x2 < 0.01
}

// checkRoundTrip asserts that every caret position maps to a point that maps
// back to it, and that arbitrary points map to grapheme boundaries.
func checkRoundTrip(t *testing.T, l *Layout, rng *rand.Rand) {
	t.Helper()
	lh := l.LineHeight()
	for i := 0; i < l.NumLines(); i++ {
		ln := l.Line(i)
		for off := ln.Start; off <= ln.caretEnd(); off = l.NextGrapheme(off) {
			if off == ln.End && ln.ends == softWrap {
				break
			}
			x, y := l.OffsetToPoint(off)
			if y != ln.Y {
				t.Fatalf("width %v: offset %d on line %d maps to y %v, want %v", l.Width(), off, i, y, ln.Y)
			}
			if got := l.PointToOffset(x, y+lh/2); got != off && !sameCaret(l, got, x, y) {
				t.Fatalf("width %v: offset %d -> (%v,%v) -> %d (line %d %q)", l.Width(), off, x, y, got, i, l.LineText(i))
			}
			if off == l.Len() {
				break
			}
		}
	}
	for range 200 {
		x := rng.Float32()*(l.Width()+40) - 20
		if l.Width() > 1e6 {
			x = rng.Float32()*2000 - 20
		}
		y := rng.Float32()*(l.Height()+40) - 20
		off := l.PointToOffset(x, y)
		if l.GraphemeFloor(off) != off {
			t.Fatalf("PointToOffset(%v,%v) = %d splits a grapheme", x, y, off)
		}
		// The caret lands on the line under the point.
		if y >= 0 && y < l.Height() {
			li := l.LineAt(y)
			if got := l.LineOf(off); got != li && !(off == l.Line(li).End && l.Line(li).ends == softWrap) {
				t.Fatalf("PointToOffset(%v,%v) = %d is on line %d, point on line %d", x, y, off, got, li)
			}
		}
		if c, ok := l.CharAt(x, y); ok {
			rs := l.Rects(c, l.NextGrapheme(c), 0, l.Height(), nil)
			if len(rs) != 1 || x < rs[0].X || x >= rs[0].X+rs[0].W || l.GraphemeFloor(c) != c {
				t.Fatalf("CharAt(%v,%v) = %d drawn at %v", x, y, c, rs)
			}
		}
	}
}

func TestRoundTrip(t *testing.T) {
	texts := []string{
		"",
		"one",
		"The island ferry operator will raise fares by 12% on April 1, the second increase in two years.",
		"ab\ncd\n\n\n\nef  gh   \n ij",
		"naïve café e\u0301\u0302 👩\u200d👩\u200d👧 🇫🇷🇩🇪 日本語の文章 abcdefghijklmnopqrstuvwxyz",
		"“We held prices for as long as we could,” said chief executive Dana Holt.\n\nPORT ALDEN – The island",
	}
	rng := rand.New(rand.NewSource(7))
	for _, text := range texts {
		for _, w := range []float32{1, 12, 37, 64, 120, 333, 5000} {
			l := mustNew(t, text, &fake{}, 7)
			l.Wrap(w)
			checkRoundTrip(t, l, rng)
		}
	}
}

func FuzzRoundTrip(f *testing.F) {
	f.Add("the quick brown fox jumps over the lazy dog", uint16(90))
	f.Add("ab\ncd\n\nef", uint16(20))
	f.Add("e\u0301e\u0301 👩\u200d👩\u200d👧 🇫🇷🇩🇪🇮🇹 x", uint16(25))
	f.Add("  lead\n\n\n\ntrail   ", uint16(40))
	f.Add("日本語の文章です。well-known", uint16(33))
	f.Add("ab \u0301cd\r\nx\u2028y", uint16(15))
	f.Add("قال المتحدث إن 12% من الركاب (CNN) سيدفعون ٢٠٢٤.", uint16(70))
	f.Add("abc אבג 123 def\nשלום, world!", uint16(45))
	f.Fuzz(func(t *testing.T, text string, width uint16) {
		if !utf8.ValidString(text) || len(text) > 2000 {
			t.Skip()
		}
		l := mustNew(t, text, &fake{}, 3)
		l.Wrap(float32(width%600) + 0.5)
		checkLines(t, l)
		checkTokenBoundaries(t, l)
		checkRoundTrip(t, l, rand.New(rand.NewSource(int64(width))))
		// Slices reassemble the body.
		var b strings.Builder
		for off := 0; off < l.Len(); {
			next := l.NextGrapheme(off)
			if next <= off {
				t.Fatalf("NextGrapheme(%d) = %d", off, next)
			}
			b.WriteString(l.Slice(off, next))
			off = next
		}
		if b.String() != text {
			t.Fatalf("graphemes reassemble to %q, want %q", b.String(), text)
		}
	})
}

func TestPointToOffsetEdges(t *testing.T) {
	l := mustNew(t, "the quick brown fox\n\njumps", &fake{}, 10)
	l.Wrap(100) // lines: "the quick " [0,10) "brown fox" [10,19) | "jumps" [21,26) at y 50
	tests := []struct {
		name string
		x, y float32
		want int
	}{
		{"above", 5, -3, 0},
		{"below", 5, 500, 26},
		{"left margin", -5, 25, 10},
		{"nearest boundary left", 14, 5, 1},
		{"nearest boundary right", 16, 5, 2},
		{"past end of soft line stays before hanging space", 95, 5, 9},
		{"past end of paragraph", 300, 25, 19},
		{"paragraph gap belongs to line above", 20, 45, 12},
		{"second paragraph", 0, 55, 21},
	}
	for _, tc := range tests {
		if got := l.PointToOffset(tc.x, tc.y); got != tc.want {
			t.Errorf("%s: PointToOffset(%v,%v) = %d, want %d", tc.name, tc.x, tc.y, got, tc.want)
		}
	}
	chars := []struct {
		x, y float32
		want int
		ok   bool
	}{
		{0, 5, 0, true}, {19.9, 5, 1, true}, {31, 5, 3, true}, {84, 5, 0, false},
		{5, 45, 0, false}, {-1, 5, 0, false}, {5, 55, 21, true},
	}
	for _, c := range chars {
		got, ok := l.CharAt(c.x, c.y)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("CharAt(%v,%v) = %d,%v, want %d,%v", c.x, c.y, got, ok, c.want, c.ok)
		}
	}
}

func TestOffsetToPoint(t *testing.T) {
	l := mustNew(t, "the quick brown fox\n\njumps", &fake{}, 10)
	l.Wrap(100)
	tests := []struct {
		off  int
		x, y float32
	}{
		{0, 0, 0}, {3, 30, 0}, {4, 34, 0}, {9, 84, 0},
		{10, 0, 20},                // soft wrap: next line
		{19, 84, 20}, {20, 84, 20}, // inside the separator: end of the paragraph
		{21, 0, 50}, {26, 50, 50}, {99, 50, 50},
	}
	for _, tc := range tests {
		if x, y := l.OffsetToPoint(tc.off); x != tc.x || y != tc.y {
			t.Errorf("OffsetToPoint(%d) = (%v,%v), want (%v,%v)", tc.off, x, y, tc.x, tc.y)
		}
	}
}

func TestRects(t *testing.T) {
	l := mustNew(t, "the quick brown fox\n\njumps over\nit", &fake{}, 10)
	l.Wrap(100)
	// Lines: "the quick " y0 | "brown fox" y20 | "jumps over" y50 [21,32) hard | "it" y70
	tests := []struct {
		name       string
		start, end int
		top, bot   float32
		want       []Rect
	}{
		{"one word", 4, 9, 0, 1000, []Rect{{34, 0, 50, 20}}},
		{"across a soft wrap includes the hanging space", 4, 15, 0, 1000,
			[]Rect{{34, 0, 54, 20}, {0, 20, 50, 20}}},
		{"across paragraphs marks the break", 16, 23, 0, 1000,
			[]Rect{{54, 20, 34, 20}, {0, 50, 20, 20}}},
		{"covering a hard break marks it", 27, 34, 0, 1000,
			[]Rect{{54, 50, 44, 20}, {0, 70, 20, 20}}},
		{"clipped to the band", 0, 34, 45, 75, []Rect{{0, 50, 98, 20}, {0, 70, 20, 20}}},
		{"empty", 5, 5, 0, 1000, nil},
		{"reversed is empty", 9, 4, 0, 1000, nil},
	}
	for _, tc := range tests {
		got := l.Rects(tc.start, tc.end, tc.top, tc.bot, nil)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Rects(%d,%d) = %v, want %v", tc.name, tc.start, tc.end, got, tc.want)
		}
	}
	// Adjacent line rectangles share an edge.
	rs := l.Rects(0, 19, 0, 1000, nil)
	if rs[0].Y+rs[0].H != rs[1].Y {
		t.Errorf("line rects leave a gap: %v", rs)
	}
}

func TestLinesIn(t *testing.T) {
	l := mustNew(t, strings.Repeat("word ", 100), &fake{}, 0)
	l.Wrap(100) // 7 words per line (7*14=98 minus last space)
	first, last := l.LinesIn(30, 70)
	if first != 1 || last != 4 {
		t.Errorf("LinesIn(30,70) = [%d,%d), want [1,4)", first, last)
	}
	if f, la := l.LinesIn(1e6, 2e6); f != la {
		t.Errorf("LinesIn beyond the end = [%d,%d), want empty", f, la)
	}
}

// checkTokenBoundaries asserts that every token starts on a grapheme boundary.
func checkTokenBoundaries(t *testing.T, l *Layout) {
	t.Helper()
	bounds := map[int32]bool{0: true}
	off := int32(0)
	g := uniseg.NewGraphemes(l.Text())
	for g.Next() {
		off += int32(len(g.Runes()))
		bounds[off] = true
	}
	for i, o := range l.tOff {
		if !bounds[o] {
			t.Fatalf("token %d starts at %d, inside a grapheme of %q", i, o, l.Text())
		}
	}
}
