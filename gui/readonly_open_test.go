package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"clipper/model/store"
)

// overlayTexts lists the texts of labels in every dialog showing.
func overlayTexts(u *UI) string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			out = append(out, v.Text)
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	for _, o := range u.win.Canvas().Overlays().List() {
		walk(o)
	}
	return strings.Join(out, "\n")
}

// TestReadOnlyProjectOpensWithoutCoderPrompt: a read-only project opened
// on first launch (no coder remembered) is not asked for a coder; the
// title and the status bar say read-only, and a dialog says why. A coder
// name the project does not hold is not an error there.
func TestReadOnlyProjectOpensWithoutCoderPrompt(t *testing.T) {
	_, st := newTestUI(t)
	path := newerCopy(t, st)
	for _, coder := range []string{"", "Someone New"} {
		t.Run("coder "+coder, func(t *testing.T) {
			ro, err := store.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { ro.Close() })
			u := New(test.NewTempApp(t), ro, Options{Coder: coder})
			t.Cleanup(func() {
				if !u.closed {
					u.win.Close()
				}
			})
			if title := u.win.Title(); !strings.Contains(title, "newer.clip (read-only)") {
				t.Errorf("title %q", title)
			}
			if s := u.status.Text; !strings.Contains(s, "read-only") {
				t.Errorf("status %q", s)
			}
			texts := overlayTexts(u)
			if strings.Contains(texts, "Who is annotating?") || strings.Contains(texts, "Welcome to Clipper") {
				t.Errorf("asked for a coder in a read-only project:\n%s", texts)
			}
			if !strings.Contains(texts, "newer Clipper") || !strings.Contains(texts, "nothing you do is saved") {
				t.Errorf("no read-only explanation:\n%s", texts)
			}
			if strings.Contains(texts, "setting the coder") {
				t.Errorf("an error about the coder:\n%s", texts)
			}
			if n := len(u.win.Canvas().Overlays().List()); n != 1 {
				t.Errorf("%d dialogs, want the read-only one:\n%s", n, texts)
			}
		})
	}
}
