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

func (l *look) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch l.variant {
	case themeLight:
		v = theme.VariantLight
	case themeDark:
		v = theme.VariantDark
	}
	return theme.DefaultTheme().Color(n, v)
}

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
