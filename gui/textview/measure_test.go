package textview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// measureCorpus mixes words the fast path shapes (Latin, digits, quotes,
// dashes, accents, kerning pairs) with ones shaped run by run with font
// fallback (emoji, CJK, Greek, tabs, leading combining marks), which must
// come out as wide as Fyne draws them with its own fallback.
func measureCorpus() []string {
	words := strings.Fields(`The island ferry operator will raise fares by 12% on April 1, the second
		increase in two years. “We held prices,” said Dana Holt. Riders’ groups – AVATAR TAVERN
		WAVY Yacht LT. V.A.T. naïve café résumé Æsir œuvre ﬁnance 3½ €45 $1,200 1.3% (ok) [sic]
		x—y «quote» ‹a› Ljubljana Đorđe Łódź ǅ 👩‍👩‍👧 日本語 Ελλάδα Россия a\tb \u0301x`)
	words = append(words, " ", "  ", "\t", "T", "AV", "To", "Wa", "y.", "f)")
	return words
}

func TestMeasurerMatchesFyne(t *testing.T) {
	test.NewTempApp(t)
	size := theme.TextSize()
	face, err := parseFace(theme.DefaultTheme().Font(fyne.TextStyle{}))
	if err != nil {
		t.Fatal(err)
	}
	want := func(s string) float32 { return fyne.MeasureText(drawable(s), size, fyne.TextStyle{}).Width }
	corpus := measureCorpus()

	single := newMeasurer(size, fyne.TextStyle{}, newFontSet(face, theme.DefaultEmojiFont()))
	fast := 0
	for _, s := range corpus {
		if single.shapeable(s) {
			fast++
		}
		if got, w := single.Advance(s), want(s); got != w {
			t.Errorf("Advance(%q) = %v, fyne.MeasureText = %v", s, got, w)
		}
	}
	if fast < len(corpus)/2 {
		t.Errorf("only %d of %d strings on the fast path", fast, len(corpus))
	}

	batch := newMeasurer(size, fyne.TextStyle{}, newFontSet(face, theme.DefaultEmojiFont()))
	out := make([]float32, len(corpus)*2)
	batch.Advances(append(corpus, corpus...), out) // duplicates in one batch
	for i, s := range append(corpus, corpus...) {
		if w := want(s); out[i] != w {
			t.Errorf("Advances[%d] %q = %v, fyne.MeasureText = %v", i, s, out[i], w)
		}
	}

	// Whole lines are as wide as the sum of their words and spaces.
	line := "The island ferry operator will raise fares by 12% on April 1,"
	var sum float32
	for i, w := range strings.Split(line, " ") {
		if i > 0 {
			sum += single.Advance(" ")
		}
		sum += single.Advance(w)
	}
	if w := want(line); sum != w {
		t.Errorf("sum of words %v, whole line %v", sum, w)
	}

	// Without a face everything goes through Fyne.
	slow := newMeasurer(size, fyne.TextStyle{}, nil)
	if slow.shapeable("abc") {
		t.Error("nil face still shapes")
	}
	if got, w := slow.Advance("Fares"), want("Fares"); got != w {
		t.Errorf("Fyne path Advance = %v, want %v", got, w)
	}
	if slow.LineHeight() <= fyne.MeasureText("M", size, fyne.TextStyle{}).Height {
		t.Error("line height leaves no leading")
	}
}

func TestParseFaceErrors(t *testing.T) {
	if _, err := parseFace(nil); err == nil || !strings.Contains(err.Error(), "no font resource") {
		t.Errorf("nil resource: %v", err)
	}
	if _, err := parseFace(fyne.NewStaticResource("bad.ttf", []byte("not a font"))); err == nil || !strings.Contains(err.Error(), "bad.ttf") {
		t.Errorf("bad font: %v", err)
	}
}

// TestCarets checks the caret positions inside words shaped whole: they
// rise through the word and end at its advance, and inside an Arabic word
// they follow the joined forms drawn rather than letters measured alone.
func TestCarets(t *testing.T) {
	test.NewTempApp(t)
	face, err := parseFace(theme.DefaultTheme().Font(fyne.TextStyle{}))
	if err != nil {
		t.Fatal(err)
	}
	m := newMeasurer(theme.TextSize(), fyne.TextStyle{}, newFontSet(face, theme.DefaultEmojiFont()))
	for _, w := range []string{"office", "Wave", "مرحبا", "日本語", "naïve"} {
		cs := m.Carets(w)
		if len(cs) != len([]rune(w))+1 || cs[0] != 0 {
			t.Fatalf("Carets(%q) = %v", w, cs)
		}
		for i := 1; i < len(cs); i++ {
			if cs[i] <= cs[i-1] {
				t.Errorf("Carets(%q) = %v: not rising at %d", w, cs, i)
			}
		}
		if end, adv := cs[len(cs)-1], m.Advance(w); abs(end-adv) > 0.01 {
			t.Errorf("Carets(%q) ends at %v, Advance is %v", w, end, adv)
		}
	}
	if m.fonts.runFace(0, 'م') == nil {
		return // no Arabic font installed: the joined-forms check needs one
	}
	word := "مرحبا"
	if first := m.Carets(word)[1]; abs(first-m.Advance("م")) < 0.01 {
		t.Errorf("caret after the initial meem at %v, the isolated letter's width", first)
	}
}
