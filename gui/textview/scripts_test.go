package textview

import (
	"image/color"
	"os"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// Clippings written for these tests: Chinese with full-width punctuation,
// figures and a Latin name; Arabic and Hebrew with figures, a Latin name and
// brackets.
const (
	chineseClip = "本报讯 渡轮公司周一表示，将于4月1日起把票价上调12%，这是两年内的第二次涨价。" +
		"乘客团体称此举是“对岛民征税”。\n\n公司首席执行官Dana Holt说：“我们已经尽力维持价格。”"
	arabicClip = "قال المتحدث باسم الشركة إن أسعار العبّارة سترتفع بنسبة 12% في الأول من أبريل، " +
		"حسب ما نقلته وكالة Reuters (رويترز) يوم الاثنين.\n\nמפעילת המעבורת תעלה את המחירים ב-12% באפריל."
)

// needFont skips (or, in CI, fails) when no installed font covers r:
// scripts/deps.sh --test installs one for every script tested here.
func needFont(t *testing.T, v *View, r rune, what string) {
	t.Helper()
	v.ensureLayout()
	if v.fonts.runFace(0, r) == nil || !has(v.fonts.runFace(0, r), r) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no installed font has %s glyphs (run scripts/deps.sh --test)", what)
		}
		t.Skipf("no installed font has %s glyphs; scripts/deps.sh --test installs one", what)
	}
}

// shownGlyphLines returns the visible lines drawn from shaped runs.
func shownGlyphLines(v *View) map[int]*glyphLine {
	out := map[int]*glyphLine{}
	for i, g := range v.page.r.lineGlyph {
		if g.raster.Visible() {
			out[i] = g
		}
	}
	return out
}

// checkNoTofu asserts every line on screen with text outside the theme
// font is drawn from shaped runs whose glyphs all exist (glyph 0 is the
// missing-glyph box), some of them from a fallback font, and that the
// rasters draw ink.
func checkNoTofu(t *testing.T, v *View, w fyne.Window) {
	t.Helper()
	lines := shownGlyphLines(v)
	if len(lines) == 0 {
		t.Fatal("no line drawn from shaped runs")
	}
	fallback := 0
	for i, g := range lines {
		for _, pr := range g.runs {
			for _, out := range pr.outs {
				if out.Face != v.fonts.theme {
					fallback++
				}
				for _, gl := range out.Glyphs {
					if gl.GlyphID == 0 {
						t.Fatalf("line %d %q: missing glyph (tofu) in face %v", i, v.lay.LineText(i), out.Face)
					}
				}
			}
		}
		img := g.draw(int(g.w), int(v.lay.LineHeight()))
		ink := 0
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				if _, _, _, a := img.At(x, y).RGBA(); a > 0x8000 {
					ink++
				}
			}
		}
		if ink < 20 {
			t.Fatalf("line %d %q draws %d pixels", i, v.lay.LineText(i), ink)
		}
	}
	if fallback == 0 {
		t.Fatal("no run uses a fallback font")
	}
	if img := w.Canvas().Capture(); img.Bounds().Empty() {
		t.Fatal("empty capture")
	}
}

// charCenter returns the view position of the middle of the grapheme at
// off, wherever the line draws it.
func charCenter(t *testing.T, v *View, off int) fyne.Position {
	t.Helper()
	rs := v.lay.Rects(off, v.lay.NextGrapheme(off), -1e9, 1e9, nil)
	if len(rs) == 0 {
		t.Fatalf("no rectangle for offset %d", off)
	}
	mx, my := v.margins()
	return fyne.NewPos(mx+rs[0].X+rs[0].W/2, my+rs[0].Y+rs[0].H/2-v.scroll.Offset.Y)
}

func TestChineseRendersWithFallbackFont(t *testing.T) {
	v, w := newTestView(t, chineseClip, 420, 300)
	needFont(t, v, '渡', "Chinese")
	checkNoTofu(t, v, w)
	// The Latin name stays in the theme font; Han characters, and the
	// punctuation and digits inside Chinese runs, take the Chinese font.
	var sawHan, sawLatin bool
	for _, g := range shownGlyphLines(v) {
		for _, pr := range g.runs {
			for _, out := range pr.outs {
				if out.Face == v.fonts.theme {
					sawLatin = true
				} else {
					sawHan = true
				}
			}
		}
	}
	if !sawHan || !sawLatin {
		t.Errorf("faces: Chinese %v, theme %v; want both", sawHan, sawLatin)
	}
	// A highlight covers its characters where they are drawn; a drag
	// over Chinese selects by character.
	s, e := spanOf(t, chineseClip, "对岛民征税")
	col := color.NRGBA{R: 0xE8, G: 0xA3, B: 0x3D, A: 0xFF}
	v.SetHighlights([]Highlight{{ID: "q", Start: s, End: e, Color: col}})
	checkCovered(t, v, withAlpha(col, fillAlpha), s, e)
	drag(v, charCenter(t, v, s+1), charCenter(t, v, s+3))
	if got := v.SelectedText(); got != "岛民" && got != "岛民征" {
		t.Errorf("drag over Chinese selected %q", got)
	}
}

// checkCovered asserts that fills of colour c lie under the middle of
// every character of [from, to) and nowhere else on its lines.
func checkCovered(t *testing.T, v *View, c color.NRGBA, from, to int) {
	t.Helper()
	rects := visibleRects(v, c)
	if len(rects) == 0 {
		t.Fatal("no highlight fill drawn")
	}
	in := func(p fyne.Position) bool {
		return slices.ContainsFunc(rects, func(r *canvas.Rectangle) bool {
			return r.Position().X <= p.X && p.X < r.Position().X+r.Size().Width &&
				r.Position().Y <= p.Y && p.Y < r.Position().Y+r.Size().Height
		})
	}
	for off := from; off < to; off = v.lay.NextGrapheme(off) {
		if !in(charCenter(t, v, off)) {
			t.Fatalf("character %d %q is not under the highlight", off, v.lay.Slice(off, off+1))
		}
	}
	for _, off := range []int{from - 1, to} {
		if off >= 0 && off < v.n && !v.lay.IsBidi(v.lay.LineOf(off)) || off >= 0 && off < v.n && v.lay.Slice(off, off+1) != " " {
			if in(charCenter(t, v, off)) {
				t.Errorf("character %d %q outside the span is highlighted", off, v.lay.Slice(off, off+1))
			}
		}
	}
}

func TestRTLRendersRightAligned(t *testing.T) {
	v, w := newTestView(t, arabicClip, 520, 300)
	needFont(t, v, 'ع', "Arabic")
	needFont(t, v, 'ש', "Hebrew")
	checkNoTofu(t, v, w)
	mx, _ := v.margins()
	right := mx + v.wrapWidth(v.Size().Width)
	for i, g := range shownGlyphLines(v) {
		ln := v.lay.Line(i)
		if !ln.RTL {
			continue
		}
		if end := g.raster.Position().X + g.w - glyphPad*v.lay.LineHeight(); abs(end-right) > 0.5 {
			t.Errorf("line %d %q ends at x %v, want right-aligned at %v", i, v.lay.LineText(i), end, right)
		}
	}
	// The highlight on "12% في" covers the number and the word after it,
	// which is drawn to the number's left.
	s, e := spanOf(t, arabicClip, "12% في")
	col := color.NRGBA{R: 0x4A, G: 0x90, B: 0xD9, A: 0xFF}
	v.SetHighlights([]Highlight{{ID: "n", Start: s, End: e, Color: col}})
	checkCovered(t, v, withAlpha(col, fillAlpha), s, e)
	fi := charCenter(t, v, e-1) // last logical letter of "في"
	one := charCenter(t, v, s)  // the "1"
	if fi.Y != one.Y {
		t.Fatalf("the highlight wraps: lines at y %v and %v", one.Y, fi.Y)
	}
	if fi.X >= one.X {
		t.Errorf("في at x %v is not left of 12 at x %v", fi.X, one.X)
	}
	if two := charCenter(t, v, s+1); two.X <= one.X {
		t.Errorf("digits reversed: 1 at %v, 2 at %v", one.X, two.X)
	}
	// Double-click selects an Arabic word (UAX #29).
	ws, we := spanOf(t, arabicClip, "المتحدث")
	v.Select(0, 0)
	p := charCenter(t, v, ws+2)
	press(v, p, 0)
	release(v, p)
	press(v, p, 0)
	release(v, p)
	if s, e := v.Selection(); s != ws || e != we {
		t.Errorf("double-click selected %q, want المتحدث", v.SelectedText())
	}
}

func TestRTLArrowKeysFollowVisualOrder(t *testing.T) {
	body := "قال 123 نعم"
	v, _ := newTestView(t, body, 400, 200)
	key := func(n fyne.KeyName) { v.TypedKey(&fyne.KeyEvent{Name: n}) }
	v.Select(0, 0)
	x0, _ := v.PositionOf(0)
	key(fyne.KeyLeft)
	if s, _ := v.Selection(); s != 1 {
		t.Fatalf("Left from the start of Arabic text moved to %d, want 1", s)
	}
	if x1, _ := v.PositionOf(1); x1.X >= x0.X {
		t.Errorf("caret moved right: %v -> %v", x0.X, x1.X)
	}
	key(fyne.KeyRight)
	if s, _ := v.Selection(); s != 0 {
		t.Fatalf("Right moved back to %d, want 0", s)
	}
	// Shift+Left extends the selection over the first word.
	v.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	key(fyne.KeyLeft)
	key(fyne.KeyLeft)
	key(fyne.KeyLeft)
	v.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if got := v.SelectedText(); got != "قال" {
		t.Errorf("shift+Left×3 selected %q, want قال", got)
	}
	// Home goes to the logical start (the right end), End to the end.
	key(fyne.KeyEnd)
	if s, _ := v.Selection(); s != len([]rune(body)) {
		t.Errorf("End moved to %d", s)
	}
	key(fyne.KeyHome)
	if s, _ := v.Selection(); s != 0 {
		t.Errorf("Home moved to %d", s)
	}
}

func TestReadingFont(t *testing.T) {
	test.NewTempApp(t)
	v := New()
	v.SetText("Ferry fares rise")
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(400, 200))
	if err := v.SetReadingFont("No Such Font Family"); err == nil {
		t.Fatal("unknown family accepted")
	}
	fams, err := FontFamilies()
	if err != nil {
		t.Fatal(err)
	}
	if len(fams) == 0 {
		if os.Getenv("CI") == "true" {
			t.Fatal("no fonts installed")
		}
		t.Skip("no fonts installed")
	}
	if err := v.SetReadingFont(fams[0]); err != nil {
		t.Fatalf("SetReadingFont(%q): %v", fams[0], err)
	}
	if v.ReadingFont() != fams[0] || v.fonts.reading == nil {
		t.Fatal("reading font not loaded")
	}
	// With a reading font every line is drawn from shaped runs in it.
	if len(shownGlyphLines(v)) != 1 || len(v.page.r.lineText) != 0 {
		t.Errorf("lines: %d shaped, %d canvas.Text", len(shownGlyphLines(v)), len(v.page.r.lineText))
	}
	for _, g := range shownGlyphLines(v) {
		if g.runs[0].outs[0].Face != v.fonts.reading {
			t.Error("line not drawn in the reading font")
		}
	}
	if err := v.SetReadingFont(""); err != nil || v.fonts.reading != nil {
		t.Fatalf("back to the theme font: %v", err)
	}
	if len(shownGlyphLines(v)) != 0 {
		t.Error("Latin line still drawn from shaped runs with the theme font")
	}
}
