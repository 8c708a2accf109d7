package gui

import (
	"image"
	"image/color"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/go-text/typesetting/fontscan"

	"clipper/gui/bidi"
	"clipper/model/find"
)

// An Arabic clipping written for these tests: a headline with a figure, and
// a body sentence with a percentage, a date and a Latin name.
const arabicClipping = "أسعار العبّارة ترتفع بنسبة 12% في أبريل\n\n" +
	"أعلنت شركة عبّارات الميناء يوم الاثنين أن أسعار التذاكر سترتفع بنسبة 12% اعتبارًا من 1 أبريل 2024، " +
	"وهي الزيادة الثانية خلال عامين، حسب ما نقلته وكالة Reuters يوم الاثنين."

// needArabicFont skips (or, in CI, fails) when no installed font has Arabic
// letters for Fyne to fall back on.
func needArabicFont(t *testing.T) {
	t.Helper()
	fm := fontscan.NewFontMap(nil)
	ok := fm.UseSystemFonts(t.TempDir()) == nil
	if ok {
		f := fm.ResolveFace('ع')
		ok = f != nil
		if ok {
			_, ok = f.NominalGlyph('ع')
		}
	}
	if !ok {
		if os.Getenv("CI") == "true" {
			t.Fatal("no installed font has Arabic glyphs (run scripts/deps.sh --test)")
		}
		t.Skip("no installed font has Arabic glyphs; scripts/deps.sh --test installs one")
	}
}

// shownBidiLabel returns the visible bidiLabel in the window whose text is
// text.
func shownBidiLabel(t *testing.T, u *UI, text string) *bidiLabel {
	t.Helper()
	var found *bidiLabel
	walkObjects(u.win.Content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*bidiLabel); ok && found == nil && l.Visible() && l.Logical() == text {
			found = l
		}
	})
	if found == nil {
		t.Fatalf("no label shows %q", text)
	}
	return found
}

// absolutePosition returns where o is in u's window, found by walking down
// from the content (the test driver finds no list rows).
func absolutePosition(t *testing.T, u *UI, o fyne.CanvasObject) fyne.Position {
	t.Helper()
	var found *fyne.Position
	var walk func(c fyne.CanvasObject, at fyne.Position)
	walk = func(c fyne.CanvasObject, at fyne.Position) {
		if found != nil || !c.Visible() {
			return
		}
		at = at.Add(c.Position())
		if c == o {
			found = &at
			return
		}
		switch v := c.(type) {
		case *fyne.Container:
			for _, k := range v.Objects {
				walk(k, at)
			}
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(v).Objects() {
				walk(k, at)
			}
		}
	}
	walk(u.win.Content(), fyne.Position{})
	if found == nil {
		t.Fatal("the label is not in the window")
	}
	return *found
}

// inkMap is an image as how far each pixel's luminance is from the
// background's (the commonest luminance), scaled to 0–255, so text matches
// on any row colour.
type inkMap struct {
	w, h int
	v    []int32
}

func newInkMap(img image.Image, r image.Rectangle) inkMap {
	r = r.Intersect(img.Bounds())
	m := inkMap{w: r.Dx(), h: r.Dy(), v: make([]int32, r.Dx()*r.Dy())}
	count := map[int32]int{}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			g := int32(color.GrayModel.Convert(img.At(x, y)).(color.Gray).Y)
			m.v[(y-r.Min.Y)*m.w+x-r.Min.X] = g
			count[g]++
		}
	}
	var bg int32
	for g, n := range count {
		if n > count[bg] {
			bg = g
		}
	}
	var top int32
	for i, g := range m.v {
		m.v[i] = max(g-bg, bg-g)
		top = max(top, m.v[i])
	}
	for i := range m.v {
		if top > 0 {
			m.v[i] = m.v[i] * 255 / top
		}
	}
	return m
}

// columns returns the first and last column with ink, or -1, -1.
func (m inkMap) columns() (first, last int) {
	first, last = -1, -1
	for x := range m.w {
		for y := range m.h {
			if m.v[y*m.w+x] > 60 {
				if first < 0 {
					first = x
				}
				last = x
				break
			}
		}
	}
	return first, last
}

// rows returns the first and last row with ink, or -1, -1.
func (m inkMap) rows() (first, last int) {
	first, last = -1, -1
	for y := range m.h {
		for x := range m.w {
			if m.v[y*m.w+x] > 60 {
				if first < 0 {
					first = y
				}
				last = y
				break
			}
		}
	}
	return first, last
}

// piecePositions renders each of pieces alone in a label styled as l and
// returns the x at which its ink best matches what l shows in the window.
func piecePositions(t *testing.T, u *UI, l *bidiLabel, pieces []string) []int {
	t.Helper()
	shot := u.win.Canvas().Capture()
	pos := absolutePosition(t, u, l.Label)
	sz := l.Label.Size()
	shown := newInkMap(shot, image.Rect(int(pos.X), int(pos.Y), int(pos.X+sz.Width), int(pos.Y+sz.Height)))
	var xs []int
	for _, p := range pieces {
		alone := widget.NewLabel(p)
		alone.TextStyle, alone.SizeName = l.TextStyle, l.SizeName
		w := test.NewTempWindow(t, alone)
		w.SetPadded(false)
		w.Resize(fyne.NewSize(sz.Width, sz.Height))
		pm := newInkMap(w.Canvas().Capture(), image.Rect(0, 0, int(sz.Width), int(sz.Height)))
		p0, p1 := pm.columns()
		y0, y1 := pm.rows()
		if p0 < 0 {
			t.Fatalf("%q draws nothing", p)
		}
		var energy int64
		for y := range pm.h {
			for x := p0; x <= p1; x++ {
				v := int64(pm.v[y*pm.w+x])
				energy += v * v
			}
		}
		// The piece's window may place the text a little higher or lower
		// (the baseline follows the first font used).
		best, bx := int64(-1), -1
		for dy := -16; dy <= 16; dy++ {
			for x := 0; x+p1-p0 < shown.w; x++ {
				var d int64
				for y := y0; y <= y1; y++ {
					sy := y + dy
					for dx := 0; dx <= p1-p0; dx++ {
						var a int64
						if sy >= 0 && sy < shown.h {
							a = int64(shown.v[sy*shown.w+x+dx])
						}
						a -= int64(pm.v[y*pm.w+p0+dx])
						d += a * a
					}
				}
				if best < 0 || d < best {
					best, bx = d, x
				}
			}
		}
		if best < 0 || best > energy/4 {
			t.Fatalf("%q is not drawn whole in the label showing %q (best match off by %d of %d)", p, l.Logical(), best, energy)
		}
		xs = append(xs, bx)
	}
	return xs
}

// checkReadsRightToLeft asserts that label l shows pieces (in logical
// order) from right to left and right-aligned: its ink ends at the right.
func checkReadsRightToLeft(t *testing.T, u *UI, what string, l *bidiLabel, pieces ...string) {
	t.Helper()
	if l.Alignment != fyne.TextAlignTrailing {
		t.Errorf("%s: alignment %v, want trailing", what, l.Alignment)
	}
	xs := piecePositions(t, u, l, pieces)
	for i := 1; i < len(xs); i++ {
		if xs[i] >= xs[i-1] {
			t.Errorf("%s: %q is drawn at x %d, not left of %q at %d (pieces at %v)", what, pieces[i], xs[i], pieces[i-1], xs[i-1], xs)
		}
	}
	shot := u.win.Canvas().Capture()
	pos := absolutePosition(t, u, l.Label)
	sz := l.Label.Size()
	_, last := newInkMap(shot, image.Rect(int(pos.X), int(pos.Y), int(pos.X+sz.Width), int(pos.Y+sz.Height))).columns()
	pad := theme.InnerPadding()
	if gap := sz.Width - float32(last+1); gap > pad+4 {
		t.Errorf("%s: the text ends %.0f px short of the right edge, not right-aligned", what, gap)
	}
}

func TestArabicClippingReadsRightToLeft(t *testing.T) {
	u, st := newTestUI(t)
	needArabicFont(t)
	u.setTheme(themeLight) // dark text on light: clear ink to match
	id := addClipping(t, u, st, arabicClipping)
	u.openClipping(id)
	claim := "أسعار التذاكر سترتفع بنسبة 12% اعتبارًا من 1 أبريل 2024"
	start, end := span(t, u.clip.Body, claim)
	u.reader.view.Select(start, end)
	if !u.readerRune('1') {
		t.Fatal("key 1 did not tag the claim")
	}
	u.win.Resize(fyne.NewSize(1280, 800))
	capture(t, u.win, "arabic.png")
	headline := "أسعار العبّارة ترتفع بنسبة 12% في أبريل"
	if u.clip.Headline != headline {
		t.Fatalf("headline %q", u.clip.Headline)
	}

	// The annotation row is narrower than the claim: it keeps the claim's
	// start, on the right, and cuts its end on the left.
	row := shownBidiLabel(t, u, claim)
	if !strings.HasPrefix(row.Text, "\u200f") || !strings.Contains(row.Text, "…") {
		t.Errorf("annotation row shows %q: not cut at the end in visual order", row.Text)
	}
	checkReadsRightToLeft(t, u, "annotation row", row, "أسعار", "التذاكر", "سترتفع", "بنسبة", "12")
	checkReadsRightToLeft(t, u, "library row", shownBidiLabel(t, u, headline), "أسعار", "العبّارة", "12", "أبريل")
	checkReadsRightToLeft(t, u, "reader headline", u.reader.headline, "أسعار", "العبّارة", "ترتفع", "12", "أبريل")

	// The collapsed header puts the headline on the right too.
	u.reader.header = headerCollapsed
	u.reader.box.Refresh()
	if !u.reader.line.Visible() {
		t.Fatal("the header did not collapse")
	}
	checkReadsRightToLeft(t, u, "collapsed headline", u.reader.lineHead, "أسعار", "12", "أبريل")
}

// TestKWICMirrorsRightToLeftHits lays out a hit in Arabic text: the context
// before the match is on its right, the context after it on its left, both
// touching it, and each part is drawn in visual order.
func TestKWICMirrorsRightToLeftHits(t *testing.T) {
	test.NewTempApp(t)
	k := newKWICRow(false)
	w := test.NewTempWindow(t, k)
	w.Resize(fyne.NewSize(600, 40))
	k.set("", find.Hit{Start: 10, End: 13, Left: "سترتفع بنسبة ", Match: "12%", Right: " اعتبارًا من 1 أبريل 2024"})
	r := test.WidgetRenderer(k).(*kwicRenderer)
	width := func(c *canvas.Text) float32 { return fyne.MeasureText(c.Text, c.TextSize, c.TextStyle).Width }
	if gap := r.left.Position().X - (r.match.Position().X + width(r.match)); gap < -0.5 || gap > 0.5 {
		t.Errorf("the context before the match starts %.1f px right of it", gap)
	}
	if gap := r.match.Position().X - (r.right.Position().X + width(r.right)); gap < -0.5 || gap > 0.5 {
		t.Errorf("the context after the match ends %.1f px left of it", gap)
	}
	if r.right.Text != bidi.VisualDir(k.right, true) || r.left.Text != bidi.VisualDir(k.left, true) {
		t.Errorf("contexts not in visual order: %q | %q", r.right.Text, r.left.Text)
	}
	if !strings.Contains(r.right.Text, "\u200e2024\u200e") {
		t.Errorf("the right context %q does not set its numbers apart", r.right.Text)
	}
}
