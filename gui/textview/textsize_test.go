package textview

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"clipper/gui/textview/layout"
)

// shownLines returns the visible canvas.Text objects of the view by the
// layout line at their position.
func shownLines(v *View) map[int]*canvas.Text {
	_, my := v.margins()
	out := map[int]*canvas.Text{}
	for _, o := range v.page.r.Objects() {
		if t, ok := o.(*canvas.Text); ok && t.Visible() {
			out[v.lay.LineAt(t.Position().Y-my)] = t
		}
	}
	return out
}

// TestThemeTextSizeRedrawsAtOnce changes the app's text size the way View →
// Larger text does (a new theme for the whole app) with the view scrolled
// into a long body: right after the change, with no further event, the
// lines in the viewport are drawn at the new size and are the new layout's
// lines, and the first visible character stays at the top. It goes through
// new sizes (scaled from a measured layout) and sizes shown before.
func TestThemeTextSizeRedrawsAtOnce(t *testing.T) {
	body := benchBody(20_000, 3)
	v, _ := newTestView(t, body, 700, 500)
	a := fyne.CurrentApp()
	_, my := v.margins()
	v.scrollTo(v.lay.Line(v.lay.NumLines()/2).Y + my)
	want := firstVisible(v)
	base := theme.DefaultTheme().Size(theme.SizeNameText)
	for _, scale := range []float32{1.3, 1.5, 0.85, 1, 1.3, 1.15} {
		a.Settings().SetTheme(scaledTheme{theme.DefaultTheme(), scale})
		size := base * scale
		if v.meas.size != size {
			t.Fatalf("scale %v: laid out at %v, want %v", scale, v.meas.size, size)
		}
		shown := shownLines(v)
		top := v.scroll.Offset.Y - my
		first, last := v.lay.LinesIn(top, top+v.scroll.Size().Height)
		for ln := first; ln < last; ln++ {
			sh := shown[ln]
			if sh == nil {
				t.Fatalf("scale %v: line %d of the viewport [%d, %d) is not drawn", scale, ln, first, last)
			}
			if sh.TextSize != size || sh.Text != drawable(v.lay.LineText(ln)) {
				t.Fatalf("scale %v: line %d drawn as %q at size %v; layout has %q at size %v",
					scale, ln, sh.Text, sh.TextSize, v.lay.LineText(ln), size)
			}
		}
		if got, end := firstVisible(v), v.lay.Line(topLine(v)).End; want < got || want >= end {
			t.Errorf("scale %v: top line is [%d, %d), want it to hold %d (offset %v, line of want at %v, top %+v)", scale, got, end, want, v.scroll.Offset.Y, v.lay.Line(v.lay.LineOf(want)).Y+my, v.top)
		}
	}
	if n := len(v.sized); n > maxSizedLayouts {
		t.Errorf("%d layouts kept, want at most %d", n, maxSizedLayouts)
	}
	exact := 0
	for _, e := range v.sized {
		if e.exact {
			exact++
		}
	}
	if exact != 1 {
		t.Errorf("%d measured layouts kept after six size changes, want the one to scale from", exact)
	}
}

// TestScaledLayoutMatchesMeasured compares a body scaled to a new text size
// (layout.Scale, what a size change shows) with the body measured at that
// size, with the view's real fonts: lines that break where the measured
// ones do have the same width within half a unit, and the line count is
// within 1%, in English, Chinese and Arabic.
func TestScaledLayoutMatchesMeasured(t *testing.T) {
	test.NewTempApp(t)
	face, err := parseFace(theme.DefaultTheme().Font(fyne.TextStyle{}))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		body string
	}{
		{"english", benchBody(5_000, 4)},
		{"chinese", chineseBody(5_000, 4)},
		{"arabic", arabicBody(5_000, 4)},
	} {
		t.Run(c.name, func(t *testing.T) {
			fonts := newFontSet(face, theme.DefaultEmojiFont())
			from := newMeasurer(14, fyne.TextStyle{}, fonts)
			l, err := layout.New(c.body, from, paragraphGap(from))
			if err != nil {
				t.Fatal(err)
			}
			for _, size := range []float32{12, 16.1, 18.2, 24.5} {
				to := newMeasurer(size, fyne.TextStyle{}, fonts)
				scaled, err := l.Scale(to, shapedSize(size)/shapedSize(14), paragraphGap(to))
				if err != nil {
					t.Fatal(err)
				}
				exact, err := layout.New(c.body, newMeasurer(size, fyne.TextStyle{}, fonts), paragraphGap(to))
				if err != nil {
					t.Fatal(err)
				}
				scaled.Wrap(640)
				exact.Wrap(640)
				if n, m := scaled.NumLines(), exact.NumLines(); math.Abs(float64(n-m)) > float64(m)/100 {
					t.Errorf("size %v: %d lines scaled, %d measured", size, n, m)
				}
				// Lines that break in the same places have the same widths
				// but for rounding.
				exactAt := map[[2]int]float32{}
				for i := range exact.NumLines() {
					ln := exact.Line(i)
					exactAt[[2]int{ln.Start, ln.End}] = ln.Width
				}
				worst, same := 0.0, 0
				for i := range scaled.NumLines() {
					ln := scaled.Line(i)
					if w, ok := exactAt[[2]int{ln.Start, ln.End}]; ok {
						worst = max(worst, math.Abs(float64(ln.Width-w)))
						same++
					}
				}
				if same < scaled.NumLines()/2 {
					t.Errorf("size %v: only %d of %d lines break where measured lines do", size, same, scaled.NumLines())
				}
				if worst > 0.5 {
					t.Errorf("size %v: a scaled line's width is %.3f from its measured width", size, worst)
				}
			}
		})
	}
}
