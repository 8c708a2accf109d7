package gui

import (
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"clipper/model/store"
)

// Helpers that drive the window's menus and dialogs as a user does.

// menuAction runs the item labelled label of the main menu's menu named
// menu, as clicking it does.
func menuAction(t *testing.T, u *UI, menu, label string) {
	t.Helper()
	for _, m := range u.win.MainMenu().Items {
		if m.Label != menu {
			continue
		}
		for _, it := range m.Items {
			if it.Label == label {
				if it.Disabled || it.Action == nil {
					t.Fatalf("menu %s → %s is disabled", menu, label)
				}
				it.Action()
				return
			}
		}
	}
	t.Fatalf("no menu item %s → %s", menu, label)
}

// walkTop calls visit for every object of the top dialog, widgets' insides
// included, until visit returns false.
func walkTop(t *testing.T, u *UI, visit func(fyne.CanvasObject) bool) {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is showing")
	}
	var walk func(o fyne.CanvasObject) bool
	walk = func(o fyne.CanvasObject) bool {
		if !visit(o) {
			return false
		}
		switch v := o.(type) {
		case *fyne.Container:
			for _, c := range v.Objects {
				if !walk(c) {
					return false
				}
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				if !walk(c) {
					return false
				}
			}
		}
		return true
	}
	walk(top)
}

// topWidget returns the first object of type T in the top dialog that ok
// accepts (ok nil: any).
func topWidget[T fyne.CanvasObject](t *testing.T, u *UI, ok func(T) bool) T {
	t.Helper()
	var found T
	var hit bool
	walkTop(t, u, func(o fyne.CanvasObject) bool {
		if v, is := o.(T); is && (ok == nil || ok(v)) {
			found, hit = v, true
			return false
		}
		return true
	})
	if !hit {
		t.Fatalf("the dialog has no %T wanted:\n%s", found, overlayText(t, u))
	}
	return found
}

// dialogButton returns the top dialog's button labelled label.
func dialogButton(t *testing.T, u *UI, label string) *widget.Button {
	t.Helper()
	return topWidget(t, u, func(b *widget.Button) bool { return b.Text == label })
}

// formField returns the widget of the top dialog's form item labelled label.
func formField[T fyne.CanvasObject](t *testing.T, u *UI, label string) T {
	t.Helper()
	form := topWidget[*widget.Form](t, u, nil)
	for _, it := range form.Items {
		if it.Text == label {
			if w, ok := it.Widget.(T); ok {
				return w
			}
			t.Fatalf("form item %q is a %T", label, it.Widget)
		}
	}
	t.Fatalf("the form has no item %q", label)
	var zero T
	return zero
}

// typeText replaces an entry's text by typing it, as a user does after
// selecting what was there.
func typeText(e *widget.Entry, text string) {
	e.SetText("")
	test.Type(e, text)
}

// dialogCount is the number of dialogs showing.
func dialogCount(u *UI) int { return len(u.win.Canvas().Overlays().List()) }

// saveAs fills the save dialog (askSavePath) with name and presses Save.
func saveAs(t *testing.T, u *UI, name string) {
	t.Helper()
	typeText(formField[*widget.Entry](t, u, "File name"), name)
	test.Tap(dialogButton(t, u, "Save"))
}

// progressShowing checks that the top dialog is a job's progress dialog
// titled title and returns its Cancel button.
func progressShowing(t *testing.T, u *UI, title string) *widget.Button {
	t.Helper()
	text := overlayText(t, u)
	if !strings.Contains(text, title) {
		t.Fatalf("the top dialog is not %q:\n%s", title, text)
	}
	topWidget[*widget.ProgressBarInfinite](t, u, nil)
	return dialogButton(t, u, "Cancel")
}

// cancelJob presses the progress dialog's Cancel button and checks that it
// turns into a disabled "Stopping…" until the work returns.
func cancelJob(t *testing.T, u *UI, title string) {
	t.Helper()
	b := progressShowing(t, u, title)
	test.Tap(b)
	if b.Text != "Stopping…" || !b.Disabled() {
		t.Errorf("after Cancel the button says %q (disabled %v)", b.Text, b.Disabled())
	}
}

// fileBytes reads a file or fails.
func fileBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// clippingCount counts the clippings in the project file at path, opened
// afresh.
func clippingCount(t *testing.T, path string) int {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cs, err := st.ClippingSummaries(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(cs)
}

// newerCopy shares st to a new file and stamps it with a schema version
// from the future, in the header's user_version field: Clipper opens such
// a file read-only.
func newerCopy(t *testing.T, st *store.Store) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "newer.clip")
	if err := st.Share(context.Background(), path, store.ShareOptions{}); err != nil {
		t.Fatal(err)
	}
	b := fileBytes(t, path)
	binary.BigEndian.PutUint32(b[60:], 99)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
