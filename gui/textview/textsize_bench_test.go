package textview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"clipper/model/testenv"
)

// scaledTheme is the default theme with its text sizes multiplied, as
// View → Larger text does in the app.
type scaledTheme struct {
	fyne.Theme
	scale float32
}

func (t scaledTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.Theme.Size(n)
	if n == theme.SizeNameText {
		return s * t.scale
	}
	return s
}

// BenchmarkTextSize changes the app's text size, as View → Larger text and
// Smaller text do, with a 100,000-word body in an 800×600 view scrolled into
// the middle: the whole window is re-themed, the body laid out at the new
// size and the visible lines redrawn. "steps" walks through sizes the view
// has shown before; "new" shows a size for the first time on every change
// (the first Ctrl+= after opening a clipping).
func BenchmarkTextSize(b *testing.B) {
	for _, c := range []struct {
		name string
		body func() string
	}{
		{"english", func() string { return benchBody(100_000, 1) }},
		{"chinese", func() string { return chineseBody(100_000, 1) }},
	} {
		body := c.body()
		b.Run(c.name+"/steps", func(b *testing.B) {
			a := test.NewTempApp(b)
			v := New()
			w := test.NewWindow(v)
			defer w.Close()
			w.Resize(fyne.NewSize(800, 600))
			v.SetText(body)
			v.scrollTo(v.page.MinSize().Height / 2)
			scales := []float32{1, 1.15, 1.3, 1.15}
			for _, s := range scales {
				a.Settings().SetTheme(scaledTheme{theme.DefaultTheme(), s})
			}
			b.ReportAllocs()
			defer reportCPU(b, testenv.CPUTime())
			for i := 0; b.Loop(); i++ {
				a.Settings().SetTheme(scaledTheme{theme.DefaultTheme(), scales[i%len(scales)]})
			}
		})
		b.Run(c.name+"/new", func(b *testing.B) {
			a := test.NewTempApp(b)
			v := New()
			w := test.NewWindow(v)
			defer w.Close()
			w.Resize(fyne.NewSize(800, 600))
			v.SetText(body)
			v.scrollTo(v.page.MinSize().Height / 2)
			b.ReportAllocs()
			defer reportCPU(b, testenv.CPUTime())
			for i := 0; b.Loop(); i++ {
				a.Settings().SetTheme(scaledTheme{theme.DefaultTheme(), 1 + float32(i%50+1)/100})
			}
		})
	}
}
