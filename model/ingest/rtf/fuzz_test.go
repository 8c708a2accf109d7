package rtf

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzRead: Read never panics, and what it returns keeps its contract:
// non-empty, trimmed, valid UTF-8 paragraphs within MaxText.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		`{\rtf1\ansi\ansicpg1252 caf\'e9\par next}`,
		`{\rtf1{\fonttbl{\f0\fcharset204 A;}}\f0\'e0\uc2\u8212\'97\'97 x}`,
		`{\rtf1{\stylesheet{\s1\b heading 1;}}\s1\b\fs40 T\par}`,
		`{\rtf1\trowd\cellx1 a\cell b\cell\row}`,
		`{\rtf1{\*\generator x}{\pict\bin3 abc}\u-10179?\u-8704?}`,
		"{\\rtf1 h\xc3\xa4lt \xe4 {\\v hid}\\line}",
		`{\rtf1 \bin`,
		`{\rtf1 \'`,
		`{\rtf1 \u`,
		`{\rtf1 }}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, err := Read(data)
		if err != nil {
			return
		}
		total := 0
		for _, p := range ps {
			if p.Text == "" || strings.TrimFunc(p.Text, unicode.IsSpace) != p.Text {
				t.Fatalf("paragraph %q is empty or not trimmed", p.Text)
			}
			if !utf8.ValidString(p.Text) && !strings.Contains(string(data), "ansicpg65001") && !strings.Contains(string(data), "cpg65001") {
				t.Fatalf("paragraph %q is not valid UTF-8", p.Text)
			}
			if p.Size <= 0 {
				t.Fatalf("paragraph %q has size %v", p.Text, p.Size)
			}
			total += len(p.Text)
		}
		if total > MaxText {
			t.Fatalf("%d bytes of text", total)
		}
	})
}
