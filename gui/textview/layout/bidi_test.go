package layout

import (
	"math/rand"

	"golang.org/x/text/unicode/bidi"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Arabic and Hebrew fixtures written for these tests (news-like sentences
// with figures, percentages, Latin names and brackets).
const (
	arabicNews = "قال المتحدث باسم الشركة إن أسعار العبّارة سترتفع بنسبة 12% في الأول من أبريل 2024، " +
		"وهي الزيادة الثانية خلال عامين، حسب ما نقلته وكالة Reuters (رويترز) يوم الاثنين."
	hebrewNews = "מפעילת המעבורת תעלה את המחירים ב-12% באפריל, כך מסרה החברה לסוכנות AP ביום שני.\n" +
		"\"החזקנו את המחירים כמה שיכולנו\", אמרה המנכ\"לית."
)

// visual returns line i as drawn, left to right: the runs in visual order,
// right-to-left runs spelled backwards.
func visual(l *Layout, i int) string {
	var b strings.Builder
	for _, r := range l.LineRuns(i, nil) {
		s := []rune(l.Slice(r.Start, r.End))
		if r.RTL {
			slices.Reverse(s)
		}
		b.WriteString(string(s))
	}
	return b.String()
}

func TestResolveLevels(t *testing.T) {
	tests := []struct {
		name string
		text string
		rtl  bool
		runs []levelRun
	}{
		{"hebrew only", "שלום עולם", true, []levelRun{{0, 1}}},
		{"hebrew then number in LTR paragraph", "abc אבג 123", false, []levelRun{{0, 0}, {4, 1}, {8, 2}}},
		{"arabic with number and latin", "مرحبا 2024 CNN", true, []levelRun{{0, 1}, {6, 2}, {10, 1}, {11, 2}}},
		{"number after arabic in LTR paragraph", "abc مرحبا 123 def", false, []levelRun{{0, 0}, {4, 1}, {10, 2}, {13, 0}}},
		{"number after latin stays at 0", "abc 123 مرحبا", false, []levelRun{{0, 0}, {8, 1}}},
		{"arabic-indic digits", "العام ٢٠٢٤ كان", true, []levelRun{{0, 1}, {6, 2}, {10, 1}}},
		// After Arabic letters digits are AN (W2), so a percent sign does not
		// join them (W5) and reads right to left: "%1,5".
		{"separator joins arabic number, percent does not", "بنسبة 1,5% فقط", true, []levelRun{{0, 1}, {6, 2}, {9, 1}}},
		{"percent joins a number after hebrew", "בערך 12% בלבד", true, []levelRun{{0, 1}, {5, 2}, {8, 1}}},
		{"first strong decides", "123 שלום abc", true, []levelRun{{0, 2}, {3, 1}, {9, 2}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rtl, runs := resolveLevels(tc.text)
			if rtl != tc.rtl || !reflect.DeepEqual(runs, tc.runs) {
				t.Errorf("resolveLevels(%q) = %v %v, want %v %v", tc.text, rtl, runs, tc.rtl, tc.runs)
			}
		})
	}
}

func TestVisualOrder(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"LTR paragraph with hebrew and number", "abc אבג 123", "abc 123 גבא"},
		{"LTR paragraph, number after arabic", "abc مرحبا 123 def", "abc 123 ابحرم def"},
		{"RTL paragraph with number and latin", "مرحبا 2024 CNN", "CNN 2024 ابحرم"},
		{"two numbers in RTL keep their digits in order", "בין 10 ל-20 איש", "שיא 20-ל 10 ןיב"},
		// Brackets swap places here; the shaper mirrors their glyphs, so they
		// are drawn as "(סרטיור)".
		{"brackets in RTL", "אמר (רויטרס) היום", "םויה )סרטיור( רמא"},
		{"latin phrase inside hebrew", "לדברי New York Times היום", "םויה New York Times ירבדל"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := mustNew(t, tc.text, &fake{}, 0)
			l.Wrap(10000)
			if got := visual(l, 0); got != tc.want {
				t.Errorf("visual order %q, want %q", got, tc.want)
			}
		})
	}
}

// TestRTLParagraphsRightAligned wraps the fixtures: every line of a
// right-to-left paragraph ends at the right edge, lines keep logical order
// top to bottom, and a left-to-right paragraph stays at the left.
func TestRTLParagraphsRightAligned(t *testing.T) {
	body := arabicNews + "\n\nThe ferry operator said so on Monday.\n\n" + hebrewNews
	for _, width := range []float32{120, 250, 400, 700} {
		l := mustNew(t, body, &fake{}, 8)
		l.Wrap(width)
		checkLines(t, l)
		for i := 0; i < l.NumLines(); i++ {
			ln := l.Line(i)
			latin := l.Slice(ln.Start, ln.End) != "" && ln.Para == 1
			switch {
			case latin:
				if ln.RTL || ln.X != 0 {
					t.Fatalf("width %v: English line %d at x %v (RTL %v)", width, i, ln.X, ln.RTL)
				}
			case ln.Width <= width && ln.X+ln.Width != width:
				t.Fatalf("width %v: line %d %q spans [%v,%v), want its right edge at %v", width, i, l.LineText(i), ln.X, ln.X+ln.Width, width)
			case !ln.RTL:
				t.Fatalf("width %v: line %d %q not RTL", width, i, l.LineText(i))
			}
		}
	}
}

// TestBidiHitTesting checks points and offsets both ways on an Arabic line
// with a number and a Latin name: the first logical character is at the
// right, the number reads left to right inside the line.
func TestBidiHitTesting(t *testing.T) {
	text := "قال 12% لـCNN"
	l := mustNew(t, text, &fake{}, 0)
	l.Wrap(300)
	ln := l.Line(0)
	if !ln.RTL || ln.X+ln.Width != 300 {
		t.Fatalf("line at [%v,%v) RTL %v, want right-aligned at 300", ln.X, ln.X+ln.Width, ln.RTL)
	}
	// Visual: "CNN" "ـل" " " "%" "12" " " "لاق" (after Arabic letters the
	// percent sign reads right to left); each grapheme is 10 wide, a space 4.
	if got := visual(l, 0); got != "CNNـل %12 لاق" {
		t.Fatalf("visual %q", got)
	}
	right := ln.X + ln.Width
	tests := []struct {
		name string
		x    float32
		off  int // PointToOffset
		char int // CharAt, -1 for none
	}{
		{"right edge is the logical start", right + 5, 0, -1},
		{"inside the first letter", right - 2, 0, 0},
		{"between the 2nd and 3rd letters", right - 21, 2, 2},
		{"left of the line is before the C of CNN", ln.X - 5, 10, -1},
		{"digit 1 of 12% is left of 2", right - 34 - 20 + 3, 4, 4},
		{"digit 2", right - 34 - 10 + 3, 5, 5},
		{"percent sign left of the digits", right - 54 - 2, 6, 6},
		{"left half of the percent sign", right - 54 - 8, 7, 6},
		{"leftmost letter is the C of CNN, which reads left to right", ln.X + 2, 10, 10},
		{"the last N is left of the Arabic", ln.X + 28, 13, 12},
	}
	for _, tc := range tests {
		if got := l.PointToOffset(tc.x, 5); got != tc.off {
			t.Errorf("%s: PointToOffset(%v) = %d, want %d", tc.name, tc.x, got, tc.off)
		}
		c, ok := l.CharAt(tc.x, 5)
		if tc.char < 0 && ok || tc.char >= 0 && (!ok || c != tc.char) {
			t.Errorf("%s: CharAt(%v) = %d,%v, want %d", tc.name, tc.x, c, ok, tc.char)
		}
	}
	// Offsets map to the leading edge of their character.
	for _, tc := range []struct {
		off int
		x   float32
	}{{0, right}, {1, right - 10}, {4, right - 34 - 20}, {5, right - 34 - 10}, {6, right - 34 - 20}, {13, ln.X + 30}} {
		if x, _ := l.OffsetToPoint(tc.off); x != tc.x {
			t.Errorf("OffsetToPoint(%d) = %v, want %v", tc.off, x, tc.x)
		}
	}
	checkRoundTrip(t, l, rand.New(rand.NewSource(1)))
}

// TestBidiRects checks that a logical range across a direction change is
// drawn where its characters are: one rectangle per visually contiguous
// stretch.
func TestBidiRects(t *testing.T) {
	text := "abc אבג 123 def" // visual: "abc 123 גבא def"
	l := mustNew(t, text, &fake{}, 0)
	l.Wrap(1000)
	x := func(n, spaces int) float32 { return float32(10*n + 4*spaces) }
	tests := []struct {
		name       string
		start, end int
		want       []Rect
	}{
		{"hebrew word is drawn after the number", 4, 7, []Rect{{x(6, 2), 0, 30, 20}}},
		// The space after the number is between a number and Latin: it
		// takes the paragraph's level and is drawn after the Hebrew word.
		{"number and the space after it are apart", 8, 12,
			[]Rect{{x(3, 1), 0, 30, 20}, {x(9, 2), 0, 4, 20}}},
		{"'c אבג' is split by the number", 2, 7, []Rect{{x(2, 0), 0, 14, 20}, {x(6, 2), 0, 30, 20}}},
		{"whole line is one stretch", 0, 15, []Rect{{0, 0, x(12, 3), 20}}},
	}
	for _, tc := range tests {
		if got := l.Rects(tc.start, tc.end, 0, 100, nil); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Rects(%d,%d) = %v, want %v", tc.name, tc.start, tc.end, got, tc.want)
		}
	}
}

// TestMoveVisual presses Left and Right through mixed text: the caret
// moves by drawn position, so in an RTL paragraph Left goes forward through
// Arabic and backward through the number inside it.
func TestMoveVisual(t *testing.T) {
	text := "قال 123 نعم"
	l := mustNew(t, text, &fake{}, 0)
	l.Wrap(300)
	// Visual left to right: "مع ن" (offsets 10,9,8 leading edges) " " "123" " " "لاق".
	var xs []float32
	off := 0
	seen := []int{off}
	for range 12 {
		next := l.MoveVisual(off, false)
		if next == off {
			break
		}
		x0, _ := l.OffsetToPoint(off)
		x1, _ := l.OffsetToPoint(next)
		if x1 > x0 {
			t.Fatalf("Left from %d (x %v) went to %d (x %v): right", off, x0, next, x1)
		}
		xs = append(xs, x1)
		off = next
		seen = append(seen, off)
	}
	if off != len([]rune(text)) {
		t.Errorf("Left presses stopped at %d (path %v), want the logical end %d", off, seen, len([]rune(text)))
	}
	for i, o := range []int{0, 1, 2, 3} {
		if seen[i] != o {
			t.Errorf("path %v: step %d = %d, want %d", seen, i, seen[i], o)
		}
	}
	// Right from the end walks back to the start.
	for range 12 {
		off = l.MoveVisual(off, true)
	}
	if off != 0 {
		t.Errorf("Right presses from the end reached %d, want 0", off)
	}
	// In left-to-right text Left and Right are logical.
	lt := mustNew(t, "ab cd", &fake{}, 0)
	lt.Wrap(300)
	if lt.MoveVisual(2, true) != 3 || lt.MoveVisual(2, false) != 1 {
		t.Error("MoveVisual in LTR text is not logical")
	}
	// Across lines: Left at the left edge of an RTL line continues at the
	// start (right edge) of the next line.
	two := mustNew(t, "אבג דהו", &fake{}, 0)
	two.Wrap(35) // "אבג " | "דהו"
	if two.NumLines() != 2 {
		t.Fatalf("%d lines", two.NumLines())
	}
	end := two.Line(0).End - 1
	if got := two.MoveVisual(end, false); got != two.Line(1).Start {
		t.Errorf("Left from the end of line 0 = %d, want %d", got, two.Line(1).Start)
	}
	if got := two.MoveVisual(two.Line(1).Start, true); got != end {
		t.Errorf("Right from the start of line 1 = %d, want %d", got, end)
	}
}

func TestLineEdgesAndDirection(t *testing.T) {
	l := mustNew(t, "abc\n\nאבג דהו", &fake{}, 0)
	l.Wrap(35)
	if l.RTLAt(1) || !l.RTLAt(6) {
		t.Errorf("RTLAt: %v %v", l.RTLAt(1), l.RTLAt(6))
	}
	if h, e := l.LineEdges(6); h != 5 || e != 8 {
		t.Errorf("LineEdges(6) = %d,%d, want 5,8", h, e)
	}
	if l.IsBidi(0) || !l.IsBidi(1) {
		t.Error("IsBidi")
	}
}

// TestImplicitLevelsMatchXText compares the fast resolution of paragraphs
// without brackets or explicit codes with the one built on x/text, on
// random mixes of every class news text has.
func TestImplicitLevelsMatchXText(t *testing.T) {
	alphabet := []rune("abZאבגبتث12٣٤ ,.:%+-$#!?\u0300\u200c\t'\"&")
	rng := rand.New(rand.NewSource(5))
	for range 20000 {
		rs := make([]rune, 1+rng.Intn(30))
		for i := range rs {
			rs[i] = alphabet[rng.Intn(len(alphabet))]
		}
		cls := make([]bidi.Class, len(rs))
		for i, r := range rs {
			p, _ := bidi.LookupRune(r)
			cls[i] = p.Class()
		}
		rtl := firstStrongRTL(cls)
		lv, ok := implicitLevels(rs, cls, rtl)
		if !ok {
			t.Fatalf("%q: not resolved", string(rs))
		}
		// Per character, leaving out boundary neutrals (ZWNJ), whose level
		// UAX #9 leaves open: here they follow the character before them.
		slow := xtextLevels(rs, cls, rtl)
		for i, v := range lv {
			k := len(slow) - 1
			for slow[k].start > int32(i) {
				k--
			}
			if cls[i] != bidi.BN && slow[k].level != v {
				t.Fatalf("%q (RTL %v): implicit %v, x/text %v", string(rs), rtl, lv, slow)
			}
		}
	}
	if _, ok := implicitLevels([]rune("a(b)"), []bidi.Class{bidi.L, bidi.ON, bidi.L, bidi.ON}, false); ok {
		t.Error("brackets resolved without rule N0")
	}
}

func TestLevels(t *testing.T) {
	tests := []struct {
		text string
		rtl  bool
		want []int8
	}{
		{"", false, []int8{}},
		{"ab 12", false, []int8{0, 0, 0, 0, 0}},
		{"אב 12", true, []int8{1, 1, 1, 2, 2}},
		{"ab אב", false, []int8{0, 0, 0, 1, 1}},
	}
	for _, tc := range tests {
		rtl, lv := Levels(tc.text)
		if rtl != tc.rtl || !slices.Equal(lv, tc.want) {
			t.Errorf("Levels(%q) = %v %v, want %v %v", tc.text, rtl, lv, tc.rtl, tc.want)
		}
	}
}
