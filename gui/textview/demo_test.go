package textview

import (
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

const sampleBody = "PORT ALDEN – The island ferry operator will raise fares by 12% on April 1, " +
	"the second increase in two years, it said Monday. Riders’ groups called the increase " +
	"“a tax on islanders”.\n\n" +
	"“We held prices for as long as we could,” said chief executive Dana Holt, adding that " +
	"fuel costs had risen by more than a third since 2022."

// spanOf returns the code-point span of the first sub in body.
func spanOf(t testing.TB, body, sub string) (int, int) {
	t.Helper()
	i := strings.Index(body, sub)
	if i < 0 {
		t.Fatalf("%q not in body", sub)
	}
	s := utf8.RuneCountInString(body[:i])
	return s, s + utf8.RuneCountInString(sub)
}

var (
	claimColor  = color.NRGBA{R: 0xE8, G: 0xA3, B: 0x3D, A: 0xFF}
	quoteColor  = color.NRGBA{R: 0x4A, G: 0x90, B: 0xD9, A: 0xFF}
	figureColor = color.NRGBA{R: 0x3F, G: 0xA6, B: 0x6B, A: 0xFF}
)

// sampleHighlights: a claim with a figure and a quote overlapping it, and a
// suggestion.
func sampleHighlights(t testing.TB) []Highlight {
	hl := func(id, sub string, c color.Color, label string, dashed bool) Highlight {
		s, e := spanOf(t, sampleBody, sub)
		return Highlight{ID: id, Start: s, End: e, Color: c, Label: label, Dashed: dashed}
	}
	return []Highlight{
		hl("c1", "The island ferry operator will raise fares by 12% on April 1, the second increase in two years",
			claimColor, "claim · claimant: operator · unverified", false),
		hl("f1", "12%", figureColor, "figure · 12 %", false),
		hl("q1", "second increase in two years, it said Monday. Riders’ groups called the increase “a tax on islanders”",
			quoteColor, "quote · speaker: riders’ groups", false),
		hl("s1", "We held prices for as long as we could", quoteColor, "suggested quote", true),
	}
}

// TestDemoCapture renders the view with overlapping highlights, a selection
// and the selected-highlight outline, in both theme variants, and writes the
// PNGs to the temp dir for a visual check. It asserts the capture is not
// blank.
func TestDemoCapture(t *testing.T) {
	for _, variant := range []struct {
		name string
		th   fyne.Theme
	}{{"light", theme.LightTheme()}, {"dark", theme.DarkTheme()}} {
		t.Run(variant.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			a.Settings().SetTheme(variant.th)
			v := New()
			v.SetText(sampleBody)
			v.SetHighlights(sampleHighlights(t))
			v.SetSelectedHighlight("f1")
			w := test.NewTempWindow(t, v)
			w.Canvas().(test.WindowlessCanvas).SetScale(2)
			w.Resize(fyne.NewSize(560, 300))
			v.Select(spanOf(t, sampleBody, "chief executive Dana Holt, adding that fuel costs"))
			w.Canvas().Focus(v)
			img := w.Canvas().Capture()
			bounds := img.Bounds()
			if bounds.Dx() == 0 || bounds.Dy() == 0 {
				t.Fatal("empty capture")
			}
			seen := map[color.Color]bool{}
			for y := bounds.Min.Y; y < bounds.Max.Y; y += 3 {
				for x := bounds.Min.X; x < bounds.Max.X; x += 3 {
					seen[img.At(x, y)] = true
				}
			}
			if len(seen) < 10 {
				t.Fatalf("capture has %d colours: looks blank", len(seen))
			}
			path := filepath.Join(os.TempDir(), "clipper-textview-demo-"+variant.name+".png")
			f, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := png.Encode(f, img); err != nil {
				t.Fatalf("encode %s: %v", path, err)
			}
			t.Logf("wrote %s", path)
		})
	}
}
