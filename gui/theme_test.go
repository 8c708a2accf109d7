package gui

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// luminance is a colour's WCAG 2 relative luminance, after compositing it
// over bg when it is translucent.
func luminance(c, bg color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	b := color.NRGBAModel.Convert(bg).(color.NRGBA)
	a := float64(n.A) / 255
	ch := func(x, y uint8) float64 {
		v := (float64(x)*a + float64(y)*(1-a)) / 255
		if v <= 0.03928 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(n.R, b.R) + 0.7152*ch(n.G, b.G) + 0.0722*ch(n.B, b.B)
}

// contrast is the WCAG contrast ratio of text colour fg on background bg.
func contrast(fg, bg color.Color) float64 {
	l1, l2 := luminance(fg, bg), luminance(bg, color.White)
	if l1 < l2 {
		l1, l2 = l2, l1
	}
	return (l1 + 0.05) / (l2 + 0.05)
}

func TestContrast(t *testing.T) {
	if got := contrast(color.Black, color.White); math.Abs(got-21) > 0.01 {
		t.Errorf("black on white = %.2f, want 21", got)
	}
	if got := contrast(rgb(0x76, 0x76, 0x76), color.White); math.Abs(got-4.54) > 0.01 {
		t.Errorf("#767676 on white = %.2f, want 4.54", got)
	}
}

// TestThemeTextContrast checks every text colour of Clipper's theme
// against every background it is drawn on, in the light and the dark
// variant: WCAG AA for body text, 4.5:1.
func TestThemeTextContrast(t *testing.T) {
	pages := []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameOverlayBackground,
		theme.ColorNameMenuBackground, theme.ColorNameHeaderBackground, theme.ColorNameInputBackground, theme.ColorNameButton}
	pairs := []struct {
		text fyne.ThemeColorName
		on   []fyne.ThemeColorName
	}{
		{theme.ColorNameForeground, pages},
		{theme.ColorNameDisabled, append(pages, theme.ColorNameDisabledButton)}, // low-importance labels, disabled widgets
		{theme.ColorNamePlaceHolder, pages},
		{theme.ColorNamePrimary, pages},
		{theme.ColorNameHyperlink, pages},
		{theme.ColorNameError, pages},
		{theme.ColorNameSuccess, pages},
		{theme.ColorNameWarning, pages},
		{theme.ColorNameForegroundOnPrimary, []fyne.ThemeColorName{theme.ColorNamePrimary}},
		{theme.ColorNameForegroundOnError, []fyne.ThemeColorName{theme.ColorNameError}},
		{theme.ColorNameForegroundOnSuccess, []fyne.ThemeColorName{theme.ColorNameSuccess}},
		{theme.ColorNameForegroundOnWarning, []fyne.ThemeColorName{theme.ColorNameWarning}},
	}
	for _, variant := range []string{themeLight, themeDark} {
		l := &look{variant: variant, scale: 1}
		for _, p := range pairs {
			for _, bg := range p.on {
				fg, back := l.Color(p.text, 0), l.Color(bg, 0)
				if c := contrast(fg, back); c < 4.5 {
					t.Errorf("%s: %s on %s has contrast %.2f:1, want ≥ 4.5:1", variant, p.text, bg, c)
				}
			}
		}
	}
}
