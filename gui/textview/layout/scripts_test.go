package layout

import (
	"html"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// corpusDir is the shared test corpus, a sibling of the repository.
const corpusDir = "../../../../shared/corpus"

// corpusText returns the plain text of a saved web page's reference
// extraction (web/<name>/expected.html), paragraphs separated by blank
// lines. It skips the test when the corpus is absent, except in CI.
func corpusText(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(corpusDir, "web", name, "expected.html")
	data, err := os.ReadFile(path)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("corpus page %s: %v", name, err)
		}
		t.Skipf("corpus page %s not available (%v); it lives in ../shared/corpus beside the repository", name, err)
	}
	s := regexp.MustCompile(`(?i)</?(p|div|br|h\d|li|figcaption)[^>]*>`).ReplaceAllString(string(data), "\n")
	s = html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(s, ""))
	var paras []string
	for _, p := range strings.Split(s, "\n") {
		if p = strings.TrimSpace(strings.ReplaceAll(p, "\u3000", " ")); p != "" {
			paras = append(paras, strings.TrimSpace(p))
		}
	}
	return strings.Join(paras, "\n\n")
}

// UAX #14 classes CL, CP, EX, IS, NS (and QU closing marks) that must not
// start a line, and OP (and QU opening marks) that must not end one, as
// they appear in Chinese and Japanese text.
const (
	noLineStart = "，。、；：？！）」』》〉】〕”’…・ー々ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.;:?!)]}%"
	noLineEnd   = "（「『《〈【〔“‘([{"
)

// checkCJKBreaks wraps text at several widths and checks the UAX #14
// rules the reader relies on for Chinese and Japanese: lines break between
// ideographs (so soft-wrapped lines are full), and never before closing
// punctuation or after opening punctuation.
func checkCJKBreaks(t *testing.T, text string, widths ...float32) {
	t.Helper()
	for _, width := range widths {
		l := mustNew(t, text, &fake{}, 6)
		l.Wrap(width)
		checkLines(t, l)
		between := 0
		for i := 0; i < l.NumLines(); i++ {
			ln := l.Line(i)
			s := l.LineText(i)
			if s == "" {
				continue
			}
			first, _ := utf8.DecodeRuneInString(s)
			last, _ := utf8.DecodeLastRuneInString(s)
			if i > 0 && l.Line(i-1).Para == ln.Para && l.Line(i-1).ends == softWrap {
				if strings.ContainsRune(noLineStart, first) {
					t.Fatalf("width %v: line %d starts with %q: %q", width, i, first, s)
				}
				prev := l.LineText(i - 1)
				pl, _ := utf8.DecodeLastRuneInString(prev)
				if unicode.Is(unicode.Han, pl) && unicode.Is(unicode.Han, first) {
					between++
				}
			}
			if ln.ends == softWrap {
				if strings.ContainsRune(noLineEnd, last) {
					t.Fatalf("width %v: line %d ends with %q: %q", width, i, last, s)
				}
				// Greedy and between characters: the next grapheme would not
				// have fit, give or take a short cluster kept together
				// (an ideograph with its punctuation).
				next := l.Line(i + 1)
				tok := l.tokenAt(int32(next.Start))
				hang := l.xAt(&ln, int32(ln.End)) - ln.Width
				if l.tOff[tok] == int32(next.Start) && ln.Width+hang+l.tAdv[tok] <= width {
					t.Fatalf("width %v: line %d (%v wide) broke before %q, which fits: %q", width, i, ln.Width, l.tokText(tok), s)
				}
			}
		}
		if strings.ContainsFunc(text, func(r rune) bool { return unicode.Is(unicode.Han, r) }) && l.NumLines() > 20 && between == 0 {
			t.Fatalf("width %v: no line broke between two ideographs", width)
		}
	}
}

func TestChineseLineBreaksCorpus(t *testing.T) {
	for _, page := range []string{"gmw", "qq"} {
		t.Run(page, func(t *testing.T) {
			text := corpusText(t, page)
			han := 0
			for _, r := range text {
				if unicode.Is(unicode.Han, r) {
					han++
				}
			}
			if han < 500 {
				t.Fatalf("corpus page %s has %d ideographs: not the Chinese page expected", page, han)
			}
			checkCJKBreaks(t, text, 95, 200, 333, 640)
			// Selection works on code points and UAX #29 words: each
			// ideograph is a word of its own, punctuation is not word-like.
			l := mustNew(t, text, &fake{}, 6)
			l.Wrap(333)
			checkRoundTrip(t, l, rand.New(rand.NewSource(3)))
			i := strings.Index(text, "，")
			off := utf8.RuneCountInString(text[:i])
			if s, e := l.WordAt(off - 1); e-s != 1 {
				t.Errorf("WordAt before ， = [%d,%d) %q, want one ideograph", s, e, l.Slice(s, e))
			}
			// Snapping a drag to words keeps ideograph granularity: it does
			// not widen into the neighbouring characters.
			if s, e := l.SnapToWords(off-2, off+1); s != off-2 || e != off+1 {
				t.Errorf("SnapToWords(%d,%d) = [%d,%d) %q", off-2, off+1, s, e, l.Slice(s, e))
			}
		})
	}
}

func TestJapaneseLineBreaks(t *testing.T) {
	// Written for this test: kana, kanji, katakana with small kana and the
	// prolonged sound mark, brackets and full-width punctuation.
	text := "東京都は十二日、新しい「フェリー料金」を発表した。チケットは一枚三百円で、" +
		"ショッピングセンターの窓口でも買える。担当者は「値上げはやむを得ない」と話している。"
	checkCJKBreaks(t, text, 45, 70, 95, 150)
	// Small kana and ー never start a line (strict line breaking).
	l := mustNew(t, "チョッピー", &fake{}, 0)
	l.Wrap(35)
	for i := 0; i < l.NumLines(); i++ {
		if r, _ := utf8.DecodeRuneInString(l.LineText(i)); strings.ContainsRune("ョッー", r) {
			t.Errorf("line %d starts with %q: %q", i, r, lineTexts(l))
		}
	}
}

func TestThaiLineBreaks(t *testing.T) {
	// Written for this test. Thai has no spaces between words: uniseg gives
	// no break opportunities inside a phrase (UAX #14 leaves them to a
	// dictionary), so the wrapper splits long phrases at syllable edges it
	// can recognise: before a leading vowel (เ แ โ ใ ไ) or after sara a.
	text := "ผู้ประกอบการเรือข้ามฟากจะขึ้นค่าโดยสารในเดือนเมษายน และนี่เป็นการขึ้นราคาครั้งที่สองในสองปี"
	for _, width := range []float32{60, 90, 150, 240} {
		l := mustNew(t, text, &fake{}, 0)
		l.Wrap(width)
		checkLines(t, l)
		checkTokenBoundaries(t, l)
		for i := 1; i < l.NumLines(); i++ {
			if prev := l.Line(i - 1); prev.ends != softWrap || prev.End > prev.TextEnd {
				continue // a break at a space or a hard break
			}
			prev, cur := []rune(l.LineText(i-1)), []rune(l.LineText(i))
			// Was there a syllable edge to split at on the previous line?
			edge := false
			for k := 1; k < len(prev); k++ {
				if leadingVowel(prev[k]) || (prev[k-1] == 0x0E30 || prev[k-1] == 0x0E46) {
					edge = true
				}
			}
			atEdge := leadingVowel(cur[0]) || prev[len(prev)-1] == 0x0E30 || prev[len(prev)-1] == 0x0E46
			if edge && !atEdge {
				t.Errorf("width %v: line %d %q split mid-syllable after %q, which had a syllable edge", width, i, string(cur), string(prev))
			}
		}
	}
	// The space is a break opportunity.
	l := mustNew(t, "เดือนเมษายน และนี่", &fake{}, 0)
	l.Wrap(130)
	if got := lineTexts(l); len(got) != 2 || got[1] != "และนี่" {
		t.Errorf("lines %q, want a break at the space", got)
	}
}

func leadingVowel(r rune) bool { return r >= 0x0E40 && r <= 0x0E44 }
