package export

import (
	"strings"
	"testing"
)

func TestClean(t *testing.T) {
	tests := []struct {
		in, line, text string
	}{
		{"plain", "plain", "plain"},
		{"a\tb\nc", "a b c", "a\tb\nc"},
		{"a\r\nb\rc", "a  b c", "a\nb\nc"},
		{"bell\x07 nul\x00 esc\x1b del\x7f", "bell nul esc del", "bell nul esc del"},
		{"c1\u0085\u009f end", "c1 end", "c1 end"},
		{"nonchar\uFFFE\uFFFF!", "nonchar!", "nonchar!"},
		{"bad \xff utf8", "bad \uFFFD utf8", "bad \uFFFD utf8"},
		{"é 🔥 “q” ¢", "é 🔥 “q” ¢", "é 🔥 “q” ¢"}, // 0xC2 lead bytes that are not C1 controls
		{"\uFEFFbom", "\uFEFFbom", "\uFEFFbom"},
	}
	for _, tt := range tests {
		if got := cleanLine(tt.in); got != tt.line {
			t.Errorf("cleanLine(%q) = %q, want %q", tt.in, got, tt.line)
		}
		if got := cleanText(tt.in); got != tt.text {
			t.Errorf("cleanText(%q) = %q, want %q", tt.in, got, tt.text)
		}
	}
}

func TestFitCell(t *testing.T) {
	tests := []struct {
		name string
		in   string
		cut  bool
	}{
		{"short", "hello", false},
		{"exactly the limit", strings.Repeat("x", maxCellChars), false},
		{"limit in bytes but not units", strings.Repeat("é", maxCellChars), false},
		{"one over", strings.Repeat("x", maxCellChars+1), true},
		{"astral chars count twice", strings.Repeat("🔥", maxCellChars/2+1), true},
		{"astral at the cut", strings.Repeat("x", maxCellChars-utf16Len(truncMarker)-1) + strings.Repeat("🔥", 10), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cut := fitCell(tt.in)
			if cut != tt.cut {
				t.Fatalf("cut = %v, want %v", cut, tt.cut)
			}
			if !cut {
				if got != tt.in {
					t.Error("text changed although it fits")
				}
				return
			}
			if n := utf16Len(got); n > maxCellChars {
				t.Errorf("%d UTF-16 units, over the limit", n)
			}
			if !strings.HasSuffix(got, truncMarker) || !strings.HasPrefix(tt.in, strings.TrimSuffix(got, truncMarker)) {
				t.Error("not a prefix of the input followed by the marker")
			}
			if strings.ContainsRune(got, '\uFFFD') {
				t.Error("cut inside a code point")
			}
		})
	}
}

func TestTextIndex(t *testing.T) {
	body := "Dr. Ré said “no!” Then left. Ask J. Smith first.\n\nSecond para… with ellipsis? Yes 🔥 indeed, e.g. here.\nLine two\n\n\nThird."
	var ix textIndex
	ix.reset(body)
	if ix.ascii {
		t.Fatal("body is not ASCII")
	}
	tests := []struct {
		sub                 string
		para                int
		before, span, after string
	}{
		{"Ré", 1, "Dr. ", "Ré", " said “no!”"},
		{"Smith", 1, "Ask J. ", "Smith", " first."},
		{"Then", 1, "", "Then", " left."},
		{"with", 2, "Second para… ", "with", " ellipsis?"},
		{"🔥", 2, "Yes ", "🔥", " indeed, e.g. here."},
		{"Line", 2, "", "Line", " two"},
		{"Third", 3, "", "Third", "."},
		{"first.\n\nSecond", 1, "Ask J. Smith ", "first.\n\nSecond", " para… with ellipsis?"},
		{"e.g.", 2, "Yes 🔥 indeed, ", "e.g.", " here."},
	}
	for _, tt := range tests {
		s, e := span(t, body, tt.sub)
		if !ix.inRange(s, e) || ix.slice(s, e) != tt.sub {
			t.Errorf("%q: slice(%d,%d) = %q", tt.sub, s, e, ix.slice(s, e))
		}
		if p := ix.paragraph(s); p != tt.para {
			t.Errorf("%q: paragraph %d, want %d", tt.sub, p, tt.para)
		}
		b, sp, a := ix.context(s, e)
		if b != tt.before || sp != tt.span || a != tt.after {
			t.Errorf("%q: context = %q|%q|%q, want %q|%q|%q", tt.sub, b, sp, a, tt.before, tt.span, tt.after)
		}
	}
	if ix.inRange(0, ix.runes+1) || ix.inRange(3, 3) || ix.inRange(-1, 2) {
		t.Error("inRange accepts spans outside the body")
	}
}

func TestContextReach(t *testing.T) {
	long := strings.Repeat("word ", 200) // 1000 code points, no sentence end
	body := long + "TARGET" + " " + long
	var ix textIndex
	ix.reset(body)
	s, e := span(t, body, "TARGET")
	b, sp, a := ix.context(s, e)
	if sp != "TARGET" || !strings.HasPrefix(b, "…") || !strings.HasSuffix(a, "…") {
		t.Fatalf("context %q|%q|%q not cut on both sides", b[:10], sp, a[len(a)-10:])
	}
	if n := len([]rune(b)) - 1; n != contextReach {
		t.Errorf("before holds %d code points, want %d", n, contextReach)
	}
	if n := len([]rune(a)) - 1; n > contextReach {
		t.Errorf("after holds %d code points, want ≤ %d", n, contextReach)
	}
}
