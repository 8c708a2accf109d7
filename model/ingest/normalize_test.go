package ingest

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// bodyProblem returns what is wrong with a normalised body, or "".
func bodyProblem(s string) string {
	switch {
	case !utf8.ValidString(s):
		return "not valid UTF-8"
	case !norm.NFC.IsNormalString(s):
		return "not NFC"
	case strings.Contains(s, "\r"):
		return "contains CR"
	case strings.Contains(s, "\n\n\n"):
		return "contains more than one blank line in a row"
	case s != strings.TrimSpace(s):
		return "leading or trailing white space"
	}
	for i, r := range s {
		switch {
		case r == '\n':
		case unicode.IsControl(r):
			return fmt.Sprintf("control character %U at byte %d", r, i)
		case unicode.IsSpace(r) && r != ' ':
			return fmt.Sprintf("white space %U at byte %d", r, i)
		case removedRune(r):
			return fmt.Sprintf("invisible character %U at byte %d", r, i)
		}
	}
	if strings.Contains(s, "  ") || strings.Contains(s, " \n") || strings.Contains(s, "\n ") {
		return "uncollapsed or untrimmed spaces"
	}
	return ""
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"only white space", " \t\r\n\u00a0\n", ""},
		{"BOM", "\ufeffHello", "Hello"},
		{"CRLF and CR", "a\r\nb\rc\n", "a\nb\nc"},
		{"CR CR is a blank line", "a\r\rb", "a\n\nb"},
		{"blank line runs", "a\n\n\n\n b \n\n\nc", "a\n\nb\n\nc"},
		{"blank lines with spaces", "a\n \t \n\u00a0\nb", "a\n\nb"},
		{"tabs NBSP and Unicode spaces", "a\tb\u00a0c\u2003d\u202fe\u3000f", "a b c d e f"},
		{"collapse runs", "a  \t b", "a b"},
		{"trim lines", "  a  \n   b\t", "a\nb"},
		{"controls removed", "a\x00b\x07c\x1bd\u0085e\x7f", "abcd\ne"},
		{"C1 controls removed", "a\u0080b\u009fc", "abc"},
		{"zero width removed", "zero\u200bwidth\u2060join\u00adsoft", "zerowidthjoinsoft"},
		{"ZWJ and ZWNJ kept", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 👩\u200d💻", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 👩\u200d💻"},
		{"bidi overrides removed", "a\u202eb\u202cc\u2066d\u2069", "abcd"},
		{"NFC", "Cafe\u0301 Ångstro\u0308m", "Café Ångström"},
		{"NFC after removal", "e\u200b\u0301", "é"},
		{"line and paragraph separators", "a\u2028b\u2029c", "a\nb\n\nc"},
		{"form feed and vertical tab", "a\fb\vc", "a\nb\nc"},
		{"quotes untouched", "“Curly” and 'straight' ‘single’", "“Curly” and 'straight' ‘single’"},
		{"invalid UTF-8", "a\xffb", "a\ufffdb"},
		{"object replacement", "photo\ufffc here", "photo here"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Normalize(tt.in)
			if got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if p := bodyProblem(got); p != "" {
				t.Errorf("result %q: %s", got, p)
			}
			if again := Normalize(got); again != got {
				t.Errorf("not idempotent: %q then %q", got, again)
			}
		})
	}
}

func TestNormalizeOffsetsAreCodePoints(t *testing.T) {
	// "é" typed as e + combining accent is one code point after NFC, so an
	// annotation on the word after it starts at the same offset either way.
	a := Normalize("Cafe\u0301 society")
	b := Normalize("Café society")
	if a != b {
		t.Fatalf("%q != %q", a, b)
	}
	if i := strings.Index(a, "society"); utf8.RuneCountInString(a[:i]) != 5 {
		t.Errorf("offset of society = %d code points, want 5", utf8.RuneCountInString(a[:i]))
	}
}
