package layout

import (
	"testing"

	"github.com/rivo/uniseg"
)

func TestSnapToWords(t *testing.T) {
	text := "The ferry’s fares rose 12.5% on Monday, it said.\n\nNext  paragraph"
	l := mustNew(t, text, &fake{}, 0)
	tests := []struct {
		name       string
		start, end int
		want       string
	}{
		{"inside words widen", 6, 14, "ferry’s fares"},
		{"already on words", 4, 11, "ferry’s"},
		{"whitespace trimmed", 3, 12, "ferry’s"},
		{"number with decimal point is one word", 24, 26, "12.5"},
		{"punctuation at end kept", 34, 40, "Monday,"},
		{"across paragraphs", 45, 53, "said.\n\nNext"},
		{"only whitespace is left alone", 3, 4, " "},
		{"reversed", 14, 6, "ferry’s fares"},
		{"empty", 7, 7, ""},
	}
	for _, tc := range tests {
		s, e := l.SnapToWords(tc.start, tc.end)
		if got := l.Slice(s, e); got != tc.want {
			t.Errorf("%s: SnapToWords(%d,%d) = [%d,%d) %q, want %q", tc.name, tc.start, tc.end, s, e, got, tc.want)
		}
	}
}

func TestWordAt(t *testing.T) {
	l := mustNew(t, "Say “don’t”  go, naïve e\u0301x.", &fake{}, 0)
	tests := []struct {
		off  int
		want string
	}{
		{0, "Say"}, {2, "Say"}, {3, " "}, {4, "“"}, {6, "don’t"}, {10, "”"},
		{12, "  "}, {14, "go"}, {15, ","}, {18, "naïve"}, {25, "e\u0301x"}, {26, "."},
	}
	for _, tc := range tests {
		s, e := l.WordAt(tc.off)
		if got := l.Slice(s, e); got != tc.want {
			t.Errorf("WordAt(%d) = %q, want %q", tc.off, got, tc.want)
		}
	}
	if s, e := l.WordAt(l.Len()); s != l.Len() || e != l.Len() {
		t.Errorf("WordAt(Len) = %d,%d", s, e)
	}
}

func TestWordNavigation(t *testing.T) {
	l := mustNew(t, "one, two  three\n\nfour", &fake{}, 0)
	next := []struct{ from, want int }{{0, 3}, {3, 8}, {4, 8}, {8, 15}, {15, 21}, {21, 21}}
	for _, tc := range next {
		if got := l.NextWordEnd(tc.from); got != tc.want {
			t.Errorf("NextWordEnd(%d) = %d, want %d", tc.from, got, tc.want)
		}
	}
	prev := []struct{ from, want int }{{21, 17}, {17, 10}, {10, 5}, {6, 5}, {5, 0}, {0, 0}}
	for _, tc := range prev {
		if got := l.PrevWordStart(tc.from); got != tc.want {
			t.Errorf("PrevWordStart(%d) = %d, want %d", tc.from, got, tc.want)
		}
	}
	if s, e := l.ParagraphAt(16); s != 0 || e != 15 {
		t.Errorf("ParagraphAt(16) = %d,%d, want 0,15", s, e)
	}
	if s, e := l.ParagraphAt(18); s != 17 || e != 21 {
		t.Errorf("ParagraphAt(18) = %d,%d, want 17,21", s, e)
	}
}

// TestGraphemeSafety checks every grapheme helper against uniseg's own
// cluster boundaries on text full of multi-code-point clusters.
func TestGraphemeSafety(t *testing.T) {
	text := "e\u0301 a\u0308\u0301 👩\u200d👩\u200d👧\u200d👦 👍🏽 🇫🇷🇩🇪 ﷺ \u0301x ক্ষ 각\r\n🏳️\u200d🌈\n\n🇮🇹"
	l := mustNew(t, text, &fake{}, 0)
	checkTokenBoundaries(t, l)
	bounds := map[int]bool{0: true}
	off := 0
	g := uniseg.NewGraphemes(text)
	for g.Next() {
		off += len(g.Runes())
		bounds[off] = true
	}
	if off != l.Len() {
		t.Fatalf("Len = %d, want %d", l.Len(), off)
	}
	for o := 0; o <= l.Len(); o++ {
		f, c := l.GraphemeFloor(o), l.GraphemeCeil(o)
		if !bounds[f] || !bounds[c] || f > o || c < o || (bounds[o] && (f != o || c != o)) {
			t.Fatalf("offset %d: floor %d ceil %d", o, f, c)
		}
		n, p := l.NextGrapheme(o), l.PrevGrapheme(o)
		if !bounds[n] || !bounds[p] || (o < l.Len() && n <= o) || (o > 0 && p >= o) {
			t.Fatalf("offset %d: next %d prev %d", o, n, p)
		}
		s, e := l.SnapToWords(o, min(o+3, l.Len()))
		if !bounds[s] || !bounds[e] {
			t.Fatalf("SnapToWords(%d,%d) = %d,%d splits a grapheme", o, o+3, s, e)
		}
		ws, we := l.WordAt(o)
		if !bounds[ws] || !bounds[we] {
			t.Fatalf("WordAt(%d) = %d,%d splits a grapheme", o, ws, we)
		}
	}
	for _, w := range []float32{1, 10, 25, 60} {
		l.Wrap(w)
		for i := 0; i < l.NumLines(); i++ {
			ln := l.Line(i)
			if !bounds[ln.Start] || !bounds[ln.End] || !bounds[ln.TextEnd] {
				t.Fatalf("width %v line %d [%d,%d) splits a grapheme", w, i, ln.Start, ln.End)
			}
		}
	}
}

func TestSliceAndByteOffset(t *testing.T) {
	text := "añb\n\n日c"
	l := mustNew(t, text, &fake{}, 0)
	tests := []struct {
		start, end int
		want       string
	}{{0, 3, "añb"}, {1, 2, "ñ"}, {3, 5, "\n\n"}, {5, 7, "日c"}, {-4, 99, text}, {6, 2, ""}}
	for _, tc := range tests {
		if got := l.Slice(tc.start, tc.end); got != tc.want {
			t.Errorf("Slice(%d,%d) = %q, want %q", tc.start, tc.end, got, tc.want)
		}
	}
	if b := l.ByteOffset(6); b != len("añb\n\n日") {
		t.Errorf("ByteOffset(6) = %d", b)
	}
}
