package textview

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// maxTipLines bounds the labels shown at once.
const maxTipLines = 6

// tooltip is a small overlay drawn over the view, near the pointer, with
// the labels of the highlights under it. It is part of the View's own
// renderer, so it takes no input and never steals hover events.
type tooltip struct {
	bg    *canvas.Rectangle
	lines []*canvas.Text
	shown int
	pos   fyne.Position
	size  fyne.Size
}

func newTooltip() *tooltip {
	t := &tooltip{bg: canvas.NewRectangle(color.Transparent)}
	t.bg.Hide()
	for range maxTipLines {
		l := canvas.NewText("", color.Black)
		l.Hide()
		t.lines = append(t.lines, l)
	}
	return t
}

func (t *tooltip) objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{t.bg}
	for _, l := range t.lines {
		objs = append(objs, l)
	}
	return objs
}

// applyTheme sets the colours and sizes of th.
func (t *tooltip) applyTheme(th fyne.Theme) {
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	t.bg.FillColor = th.Color(theme.ColorNameOverlayBackground, variant)
	t.bg.StrokeColor = th.Color(theme.ColorNameInputBorder, variant)
	t.bg.StrokeWidth = 1
	t.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	for _, l := range t.lines {
		l.Color = th.Color(theme.ColorNameForeground, variant)
		l.TextSize = th.Size(theme.SizeNameCaptionText)
	}
	t.bg.Refresh()
}

// show displays labels below and right of pointer p, kept inside a view of
// size area.
func (t *tooltip) show(labels []string, p fyne.Position, area fyne.Size, th fyne.Theme) {
	if len(labels) > maxTipLines {
		labels = append(labels[:maxTipLines-1:maxTipLines-1], "…")
	}
	t.applyTheme(th)
	pad := th.Size(theme.SizeNameInnerPadding) / 2
	var w, h float32
	sizes := make([]fyne.Size, len(labels))
	for i, lb := range labels {
		sizes[i] = fyne.MeasureText(lb, t.lines[i].TextSize, fyne.TextStyle{})
		w = max(w, sizes[i].Width)
		h += sizes[i].Height
	}
	t.size = fyne.NewSize(w+2*pad, h+2*pad)
	x, y := p.X+12, p.Y+20
	if x+t.size.Width > area.Width {
		x = max(0, area.Width-t.size.Width)
	}
	if y+t.size.Height > area.Height {
		y = max(0, p.Y-8-t.size.Height)
	}
	t.pos = fyne.NewPos(x, y)
	t.bg.Move(t.pos)
	t.bg.Resize(t.size)
	t.bg.Show()
	ty := y + pad
	for i, l := range t.lines {
		if i >= len(labels) {
			l.Hide()
			continue
		}
		if l.Text != labels[i] {
			l.Text = labels[i]
			l.Refresh()
		}
		l.Move(fyne.NewPos(x+pad, ty))
		l.Resize(sizes[i])
		l.Show()
		ty += sizes[i].Height
	}
	t.shown = len(labels)
}

// hide removes the tooltip.
func (t *tooltip) hide() {
	if t.shown == 0 {
		return
	}
	t.shown = 0
	t.bg.Hide()
	for _, l := range t.lines {
		l.Hide()
	}
}

// layout keeps a shown tooltip inside a resized view.
func (t *tooltip) layout(area fyne.Size) {
	if t.shown > 0 && (t.pos.X+t.size.Width > area.Width || t.pos.Y+t.size.Height > area.Height) {
		t.hide()
	}
}

// labels returns the texts shown, for tests.
func (t *tooltip) labels() []string {
	out := make([]string, t.shown)
	for i := range out {
		out[i] = t.lines[i].Text
	}
	return out
}
