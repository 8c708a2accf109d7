package gui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Appearance choices in View → Theme.
const (
	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
)

// look is Clipper's theme: Fyne's default with a chosen light/dark variant
// and a text scale from View → Text size.
type look struct {
	variant string  // themeSystem, themeLight or themeDark
	scale   float32 // text size factor, 1 = default
}

// Color is Fyne's default colour except for text: every text colour of the
// theme has a WCAG contrast of at least 4.5:1 against the backgrounds it is
// drawn on, in both variants (Fyne's own disabled grey, used for
// low-importance labels, has 1.3:1 in the light variant).
func (l *look) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch l.variant {
	case themeLight:
		v = theme.VariantLight
	case themeDark:
		v = theme.VariantDark
	}
	table := lightText
	if v == theme.VariantDark {
		table = darkText
	}
	if c, ok := table[n]; ok {
		return c
	}
	return theme.DefaultTheme().Color(n, v)
}

// lightText and darkText replace Fyne's text colours (and the fills that
// carry text) with ones of sufficient contrast; see theme_test.go.
var (
	lightText = map[fyne.ThemeColorName]color.Color{
		theme.ColorNameForeground:          rgb(0x1f, 0x1f, 0x1f),
		theme.ColorNameDisabled:            rgb(0x61, 0x61, 0x61),
		theme.ColorNamePlaceHolder:         rgb(0x66, 0x66, 0x66),
		theme.ColorNamePrimary:             rgb(0x15, 0x65, 0xc0),
		theme.ColorNameHyperlink:           rgb(0x15, 0x65, 0xc0),
		theme.ColorNameError:               rgb(0xc6, 0x28, 0x28),
		theme.ColorNameSuccess:             rgb(0x1b, 0x6e, 0x20),
		theme.ColorNameWarning:             rgb(0x8f, 0x47, 0x00),
		theme.ColorNameForegroundOnPrimary: rgb(0xff, 0xff, 0xff),
		theme.ColorNameForegroundOnError:   rgb(0xff, 0xff, 0xff),
		theme.ColorNameForegroundOnSuccess: rgb(0xff, 0xff, 0xff),
		theme.ColorNameForegroundOnWarning: rgb(0xff, 0xff, 0xff),
	}
	darkText = map[fyne.ThemeColorName]color.Color{
		theme.ColorNameForeground:          rgb(0xf3, 0xf3, 0xf3),
		theme.ColorNameDisabled:            rgb(0x9e, 0x9e, 0x9e),
		theme.ColorNamePlaceHolder:         rgb(0xb2, 0xb2, 0xb2),
		theme.ColorNamePrimary:             rgb(0x42, 0xa5, 0xf5),
		theme.ColorNameHyperlink:           rgb(0x42, 0xa5, 0xf5),
		theme.ColorNameError:               rgb(0xff, 0x6e, 0x62),
		theme.ColorNameSuccess:             rgb(0x43, 0xf4, 0x36),
		theme.ColorNameWarning:             rgb(0xff, 0x98, 0x00),
		theme.ColorNameForegroundOnPrimary: rgb(0x17, 0x17, 0x18),
		theme.ColorNameForegroundOnError:   rgb(0x17, 0x17, 0x18),
		theme.ColorNameForegroundOnSuccess: rgb(0x17, 0x17, 0x18),
		theme.ColorNameForegroundOnWarning: rgb(0x17, 0x17, 0x18),
	}
)

func rgb(r, g, b uint8) color.NRGBA { return color.NRGBA{R: r, G: g, B: b, A: 0xff} }

func (l *look) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

func (l *look) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (l *look) Size(n fyne.ThemeSizeName) float32 {
	s := theme.DefaultTheme().Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText, theme.SizeNameCaptionText:
		return s * l.scale
	}
	return s
}

// nextScale returns the next text size step up (dir > 0) or down from cur.
func nextScale(cur float32, dir int) float32 {
	steps := [...]float32{0.85, 1, 1.15, 1.3, 1.5, 1.75}
	i := 0
	for j, s := range steps {
		if s <= cur+0.001 {
			i = j
		}
	}
	i = min(max(i+dir, 0), len(steps)-1)
	return steps[i]
}
