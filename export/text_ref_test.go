package export

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// referenceIndex is reset as first written, one code point at a time with
// no skipping: the oracle the faster reset must agree with.
func referenceIndex(body string) (runes int, paras, sents []int32) {
	paras, sents = []int32{0}, []int32{0}
	var (
		k                             int32
		newlines                      int
		paraNext, sentNext, hardBreak bool
		afterFinal, inWord            bool
		wordStart                     int
	)
	for i, r := range body {
		if r != '\n' && paraNext {
			paras = append(paras, k)
			paraNext = false
		}
		space := unicode.IsSpace(r)
		if sentNext && !space {
			if k > 0 && (hardBreak || !unicode.IsLower(r)) {
				sents = append(sents, k)
			}
			sentNext, hardBreak = false, false
		}
		if !space && !inWord {
			wordStart = i
		}
		inWord = !space
		switch {
		case r == '\n':
			newlines++
			if newlines >= 2 {
				paraNext = true
			}
			sentNext, hardBreak, afterFinal = true, true, false
		case space:
			newlines = 0
			if afterFinal {
				sentNext = true
			}
			afterFinal = false
		case r == '.':
			newlines = 0
			afterFinal = afterFinal || !abbreviation(body[wordStart:i])
		case r == '!' || r == '?' || r == '…':
			newlines = 0
			afterFinal = true
		case afterFinal && strings.ContainsRune("\"'”’»)]", r):
			newlines = 0
		default:
			newlines = 0
			afterFinal = false
		}
		k++
	}
	return int(k), paras, sents
}

// checkIndex compares reset's paragraphs, sentences and offsets on body
// with the oracle's.
func checkIndex(t *testing.T, ix *textIndex, body string) {
	t.Helper()
	ix.reset(body)
	n, paras, sents := referenceIndex(body)
	if ix.runes != n || !slices.Equal(ix.paras, paras) || !slices.Equal(ix.sents, sents) {
		t.Fatalf("reset(%q):\n runes %d paras %v sents %v\nwant runes %d paras %v sents %v",
			body, ix.runes, ix.paras, ix.sents, n, paras, sents)
	}
	if ix.ascii {
		return
	}
	k := 0
	for i := range body {
		if got := ix.at(k); got != i {
			t.Fatalf("reset(%q): at(%d) = %d, want %d", body, k, got, i)
		}
		k++
	}
	if got := ix.at(k); got != len(body) {
		t.Fatalf("reset(%q): at(%d) = %d, want the end, %d", body, k, got, len(body))
	}
}

// TestTextIndexMatchesReference runs reset and the oracle on generated
// texts built from the characters the state machine cares about (sentence
// ends, closing quotes after them, titles, initials, line breaks, lower and
// upper case, non-ASCII letters and spaces) and on the corpus's web pages.
func TestTextIndexMatchesReference(t *testing.T) {
	pieces := []string{"a", "b", "Z", "word", "Dr", "J", "e.g", ".", ".", "!", "?", "…", "\"", "'", ")", "]", "”", "’", "»",
		" ", " ", "\n", "\n\n", "\t", "\r", "é", "Ré", "\u00a0", "\u2003", "🔥", "1", ",", "x\"y", "Mme"}
	rng := rand.New(rand.NewPCG(1, 2))
	var ix textIndex
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		checkIndex(t, &ix, b.String())
	}
	for _, body := range []string{"", "a", ".", "\n", "Hi. \"Yes.\"x No", "End.\")x Then", "He said \"Stop.\" Then we"} {
		checkIndex(t, &ix, body)
	}
	n := 0
	err := filepath.WalkDir(filepath.Join("..", "..", "shared", "corpus"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") && !strings.HasSuffix(p, ".txt") {
			return err
		}
		b, err := os.ReadFile(p)
		if err == nil && utf8.Valid(b) {
			checkIndex(t, &ix, string(b))
			n++
		}
		return err
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	t.Logf("%d corpus files agree", n)
}

// TestScanText compares scanText with byte-by-byte answers on generated
// strings: printable ASCII with controls, DEL, line breaks, tabs, C1
// controls, U+FFFE, other non-ASCII and invalid UTF-8 at every position
// of eight-byte words.
func TestScanText(t *testing.T) {
	pieces := []string{"a", "Z", " ", "~", "\n", "\t", "\r", "\x00", "\x1f", "\x7f", "é", "\u0085", "\u00a0", "\ufffe",
		"\uffef", "🔥", "\xff", "\xc3", "abcdefgh", "12345678"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(24) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		ascii, clean := scanText(s)
		// The contract, byte by byte: no control but "\n" and "\t", no DEL,
		// no 0xC2 or 0xEF lead byte, valid UTF-8.
		wantClean, wantASCII := utf8.ValidString(s), true
		for i := 0; i < len(s); i++ {
			c := s[i]
			wantClean = wantClean && (c >= 0x20 || c == '\n' || c == '\t') && c != 0x7f && c != 0xc2 && c != 0xef
			wantASCII = wantASCII && c < utf8.RuneSelf
		}
		if clean != wantClean || clean && ascii != wantASCII {
			t.Fatalf("scanText(%q) = ascii %v, clean %v; want ascii %v, clean %v", s, ascii, clean, wantASCII, wantClean)
		}
		if clean && cleanText(s) != s {
			t.Fatalf("scanText(%q) says clean, but cleanText changes it", s)
		}
	}
}
