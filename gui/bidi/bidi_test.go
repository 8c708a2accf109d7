package bidi

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/shaping"
)

// twoFonts stands for Fyne's font map when the theme font lacks the
// script: letters come from one face, punctuation and symbols from another.
type twoFonts struct{ letters, marks *font.Face }

func (f twoFonts) ResolveFace(r rune) *font.Face {
	if unicode.IsPunct(r) || unicode.IsSymbol(r) {
		return f.marks
	}
	return f.letters
}

// drawn returns what Fyne 2.7 draws for s, left to right: it splits s with
// go-text's segmenter exactly as Fyne's painter does (base direction left to
// right; by direction, script and font), places the parts left to right in
// logical order and shapes each in its direction, so a right-to-left part
// comes out spelled backwards. Marks, which draw nothing, are left out.
func drawn(s string) string {
	rs := []rune(s)
	in := shaping.Input{Text: rs, RunEnd: len(rs), Direction: di.DirectionLTR}
	fonts := twoFonts{letters: &font.Face{}, marks: &font.Face{}}
	in.Face = fonts.letters
	var seg shaping.Segmenter
	var b strings.Builder
	for _, part := range seg.Split(in, fonts) {
		t := slices.Clone(part.Text[part.RunStart:part.RunEnd])
		if part.Direction.Progression() == di.TowardTopLeft {
			slices.Reverse(t)
		}
		for _, r := range t {
			if r != lrm && r != rlm {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// rev spells s backwards, as a right-to-left run is seen left to right.
func rev(s string) string {
	rs := []rune(s)
	slices.Reverse(rs)
	return string(rs)
}

func TestVisual(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // as drawn, left to right
		same       bool   // Visual returns text unchanged but for a leading mark
	}{
		{name: "arabic with digits, percent and a latin word",
			// After Arabic letters 12 is an Arabic number (W2) that the
			// percent sign does not join: it reads "%12".
			text: "أسعار 12% من Reuters",
			want: "Reuters" + rev("% من ") + "12" + rev("أسعار ")},
		{name: "arabic with a date",
			text: "اعتبارًا من 1 أبريل 2024",
			want: "2024" + rev(" أبريل ") + "1" + rev("اعتبارًا من ")},
		{name: "hebrew with brackets and a full stop",
			// Fyne mirrors the brackets of a right-to-left part: ")x(" shows as "(x)".
			text: "אמר (רויטרס) היום.",
			want: rev("אמר (רויטרס) היום.")},
		{name: "hebrew with a number the percent sign joins",
			text: "בערך 12% בלבד",
			want: rev(" בלבד") + "12%" + rev("בערך ")},
		{name: "hebrew quote and a latin name",
			text: "\"החזקנו את המחירים\", אמרה Dana Holt.",
			want: rev(".") + "Dana Holt" + rev("\"החזקנו את המחירים\", אמרה ")},
		{name: "left-to-right paragraph with an arabic name and a year",
			text: "Photo: سارة حداد 2024",
			want: "Photo: " + "2024" + rev("سارة حداد ")},
		{name: "one line per paragraph",
			text: "بقلم: سارة\nBy 12 שלום",
			want: rev("بقلم: سارة") + "\n" + "By 12 " + rev("שלום")},
		{name: "pure LTR", text: "Council votes 12% (AP), on 3 May.", want: "Council votes 12% (AP), on 3 May.", same: true},
		{name: "pure LTR with numbers only", text: "12 — 2024", want: "12 — 2024", same: true},
		{name: "pure arabic", text: "صحيفة الميناء", want: rev("صحيفة الميناء"), same: true},
		{name: "pure hebrew", text: "שלום עולם", want: rev("שלום עולם"), same: true},
		{name: "empty", text: "", want: "", same: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Visual(tc.text)
			if tc.same && strings.TrimPrefix(got, string(rlm)) != tc.text {
				t.Errorf("Visual(%q) = %q, want it unchanged", tc.text, got)
			}
			var lines []string
			for _, l := range strings.Split(got, "\n") {
				lines = append(lines, drawn(l))
			}
			if d := strings.Join(lines, "\n"); d != tc.want {
				t.Errorf("Visual(%q) draws\n%q, want\n%q", tc.text, d, tc.want)
			}
			if strip(got) != strip(tc.text) && !tc.same {
				// Same characters, only reordered.
				a, b := []rune(strip(got)), []rune(tc.text)
				slices.Sort(a)
				slices.Sort(b)
				if string(a) != string(b) {
					t.Errorf("Visual(%q) = %q has other characters", tc.text, got)
				}
			}
		})
	}
}

func TestVisualLeavesLeftToRightAlone(t *testing.T) {
	for _, s := range []string{"Council votes 12% (AP).", "", "12 — 2024", "naïve café 日本語"} {
		if got := Visual(s); got != s {
			t.Errorf("Visual(%q) = %q", s, got)
		}
	}
}

func TestPureRightToLeftGetsOnlyALeadingMark(t *testing.T) {
	for _, s := range []string{"صحيفة الميناء", "שלום עולם", "اعتبارًا"} {
		if got := Visual(s); got != string(rlm)+s {
			t.Errorf("Visual(%q) = %q", s, got)
		}
	}
}

func strip(s string) string {
	return strings.Map(func(r rune) rune {
		if r == lrm || r == rlm {
			return -1
		}
		return r
	}, s)
}

func TestUnfixedTextDrawsScrambled(t *testing.T) {
	// The reason for the package: Fyne draws a mixed line's runs in logical order.
	s := "أسعار 12% من Reuters"
	if drawn(s) == drawn(Visual(s)) {
		t.Fatalf("%q draws the same without Visual: %q", s, drawn(s))
	}
}

func TestVisualDir(t *testing.T) {
	tests := []struct {
		text string
		rtl  bool
		want string
	}{
		{"12%", true, "12%"},
		{"abc, def!", true, "!" + "abc, def"},
		{"… قال", true, rev("… قال")},
		{"قال 5", false, "5" + rev("قال ")},
		{"plain", false, "plain"},
	}
	for _, tc := range tests {
		if got := drawn(VisualDir(tc.text, tc.rtl)); got != tc.want {
			t.Errorf("VisualDir(%q, %v) draws %q, want %q", tc.text, tc.rtl, got, tc.want)
		}
	}
}

func TestIsRTL(t *testing.T) {
	tests := map[string]bool{
		"":                false,
		"12 — ":           false,
		"abc שלום":        false,
		"12 שלום abc":     true,
		"«صحيفة» Reuters": true,
		"\n\nשלום":        true,
	}
	for s, want := range tests {
		if got := IsRTL(s); got != want {
			t.Errorf("IsRTL(%q) = %v, want %v", s, got, want)
		}
	}
}

// perRune measures one unit per code point.
func perRune(s string) float32 { return float32(len([]rune(s))) }

func TestWrap(t *testing.T) {
	tests := []struct {
		name, text string
		width      float32
		want       []string // lines as drawn
	}{
		{"right-to-left paragraph, line starting with a latin word",
			// Alone the second line would run left to right; in its
			// paragraph it runs right to left, the Latin word on the left.
			"אבג דהו abc זחט", 7, []string{rev("אבג דהו"), rev("זחט") + " " + "abc"}},
		{"numbers stay with their line",
			"أسعار 12% في أبريل", 9, []string{"%12" + rev("أسعار "), rev("في أبريل")}},
		{"word wider than the line breaks inside",
			"שלוםשלום", 5, []string{rev("שלוםש"), rev("לום")}},
		{"left to right text is left to Fyne", "one two three", 5, []string{"one two three"}},
		{"hard breaks start paragraphs", "אב גד\nab", 10, []string{rev("אב גד"), "ab"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, l := range strings.Split(Wrap(tc.text, tc.width, perRune), "\n") {
				got = append(got, drawn(l))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Wrap(%q, %v) draws\n%q, want\n%q", tc.text, tc.width, got, tc.want)
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		name, text string
		width      float32
		want       string
	}{
		{"right to left keeps its start, ellipsis on the left",
			"אבג דהו זחט", 8, Ellipsis + rev("אבג דהו")},
		{"mixed", "أسعار 12% في أبريل", 9, Ellipsis + "12" + rev("أسعار ")},
		{"fits", "אבג 12", 10, "12" + " " + rev("אבג")},
		{"nothing fits", "אבג", 0.5, Ellipsis},
		{"left to right text is left to Fyne", "one two three", 5, "one two three"},
		{"grapheme kept whole", "اعتبارًا", 7, Ellipsis + rev("اعتبا")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := drawn(Truncate(tc.text, tc.width, perRune)); got != tc.want {
				t.Errorf("Truncate(%q, %v) draws %q, want %q", tc.text, tc.width, got, tc.want)
			}
		})
	}
}
