package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// readerTextSizes returns how many lines of text the reader draws inside
// its visible area at each text size, read from the objects the window's
// canvas holds as they are (nothing is laid out again).
func readerTextSizes(u *UI) map[float32]int {
	v := u.reader.view
	d := fyne.CurrentApp().Driver()
	origin := d.AbsolutePositionForObject(v)
	bottom := origin.Y + v.Size().Height
	sizes := map[float32]int{}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *canvas.Text:
			p := d.AbsolutePositionForObject(x)
			if x.Text != "" && p.Y >= origin.Y && p.Y+x.Size().Height <= bottom {
				sizes[x.TextSize]++
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(v)
	return sizes
}

// TestTextSizeShowsAtOnce changes the text size with Ctrl+= and Ctrl+- sent
// through the window and with View → Default text size: right after each,
// with no further event, every line the reader shows is drawn at the new
// size.
func TestTextSizeShowsAtOnce(t *testing.T) {
	u, _ := newTestUI(t)
	u.win.Resize(fyne.NewSize(1024, 640))
	u.win.Canvas().Focus(u.reader.view)
	base := theme.DefaultTheme().Size(theme.SizeNameText)
	steps := []struct {
		name  string
		do    func()
		scale float32
	}{
		{"Ctrl+=", func() { pressKey(t, u, fyne.KeyEqual, fyne.KeyModifierControl) }, 1.15},
		{"Ctrl+= again", func() { pressKey(t, u, fyne.KeyEqual, fyne.KeyModifierControl) }, 1.3},
		{"Ctrl+-", func() { pressKey(t, u, fyne.KeyMinus, fyne.KeyModifierControl) }, 1.15},
		{"View → Default text size", func() { menuAction(t, u, "View", "Default text size") }, 1},
		{"Ctrl+- below the default", func() { pressKey(t, u, fyne.KeyMinus, fyne.KeyModifierControl) }, 0.85},
	}
	if got := readerTextSizes(u); got[base] < 3 || len(got) != 1 {
		t.Fatalf("before: reader lines by size %v, want only %v", got, base)
	}
	for _, s := range steps {
		s.do()
		want := base * s.scale
		got := readerTextSizes(u)
		if got[want] < 3 || len(got) != 1 {
			t.Errorf("after %s: reader lines by text size %v, want them all at %v", s.name, got, want)
		}
	}
}
