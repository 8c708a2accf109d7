package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"clipper/model/store"
)

// pressKey sends a key with modifiers through the window the way Fyne's
// desktop driver (internal/driver/glfw, Linux) does: Ctrl+Z / Ctrl+Y /
// Ctrl+C … become fyne.ShortcutUndo / ShortcutRedo / ShortcutCopy …, other
// keys with Ctrl, Alt or Super a desktop.CustomShortcut; a shortcut goes to
// the main menu's items (matched by name) first, then to the focused
// widget; a key without one goes to the focused widget's TypedKey.
// Modifier keys are pressed and released around it for Keyable widgets.
func pressKey(t *testing.T, u *UI, name fyne.KeyName, mods fyne.KeyModifier) {
	t.Helper()
	c := u.win.Canvas()
	keyable, _ := c.Focused().(desktop.Keyable)
	if mods&fyne.KeyModifierShift != 0 && keyable != nil {
		keyable.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		defer keyable.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	}
	var sc fyne.Shortcut
	switch {
	case mods == fyne.KeyModifierControl && name == fyne.KeyZ:
		sc = &fyne.ShortcutUndo{}
	case mods == fyne.KeyModifierControl && name == fyne.KeyY:
		sc = &fyne.ShortcutRedo{}
	case mods == fyne.KeyModifierControl && name == fyne.KeyC:
		sc = &fyne.ShortcutCopy{Clipboard: u.win.Clipboard()}
	case mods == fyne.KeyModifierControl && name == fyne.KeyV:
		sc = &fyne.ShortcutPaste{Clipboard: u.win.Clipboard()}
	case mods == fyne.KeyModifierControl && name == fyne.KeyA:
		sc = &fyne.ShortcutSelectAll{}
	case mods != 0 && mods != fyne.KeyModifierShift:
		sc = &desktop.CustomShortcut{KeyName: name, Modifier: mods}
	}
	if sc != nil {
		if triggerMenu(u.win.MainMenu(), sc) {
			return
		}
		if s, ok := c.Focused().(fyne.Shortcutable); ok {
			s.TypedShortcut(sc)
		}
		return
	}
	if f := c.Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: name})
	}
}

// triggerMenu runs the first item of m (submenus included) whose shortcut
// has the name of sc, as the desktop driver does.
func triggerMenu(m *fyne.MainMenu, sc fyne.Shortcut) bool {
	var in func(items []*fyne.MenuItem) bool
	in = func(items []*fyne.MenuItem) bool {
		for _, it := range items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() && it.Action != nil {
				it.Action()
				return true
			}
			if it.ChildMenu != nil && in(it.ChildMenu.Items) {
				return true
			}
		}
		return false
	}
	if m == nil {
		return false
	}
	for _, menu := range m.Items {
		if in(menu.Items) {
			return true
		}
	}
	return false
}

// typeRune types r into the focused widget, as the driver does.
func typeRune(u *UI, r rune) {
	if f := u.win.Canvas().Focused(); f != nil {
		f.TypedRune(r)
	}
}

// selectInReader focuses the text and selects s in it, as a drag does.
func selectInReader(t *testing.T, u *UI, s string) {
	t.Helper()
	start, end := span(t, u.clip.Body, s)
	u.win.Canvas().Focus(u.reader.view)
	u.reader.view.Select(start, end)
}

func annotationCount(t *testing.T, st *store.Store) int {
	t.Helper()
	as, err := st.Annotations(context.Background(), store.AnnotationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(as)
}

// tappableWith returns the innermost tappable object of the window whose
// insides show a label with text, as a click on that label reaches it.
func tappableWith(t *testing.T, u *UI, text string) fyne.Tappable {
	t.Helper()
	var found fyne.Tappable
	var walk func(o fyne.CanvasObject, owner fyne.Tappable) bool
	walk = func(o fyne.CanvasObject, owner fyne.Tappable) bool {
		if !o.Visible() {
			return false
		}
		if tp, ok := o.(fyne.Tappable); ok {
			owner = tp
		}
		if l, ok := o.(*widget.Label); ok && l.Text == text && owner != nil {
			found = owner
			return true
		}
		var kids []fyne.CanvasObject
		switch v := o.(type) {
		case *fyne.Container:
			kids = v.Objects
		case fyne.Widget:
			kids = test.WidgetRenderer(v).Objects()
		}
		for _, k := range kids {
			if walk(k, owner) {
				return true
			}
		}
		return false
	}
	if !walk(u.win.Content(), nil) {
		t.Fatalf("no clickable row shows %q", text)
	}
	return found
}

func TestUndoRedoKeysThroughTheWindow(t *testing.T) {
	u, st := newTestUI(t)
	selectInReader(t, u, "Mayor Helen Okafor")
	typeRune(u, '1')
	if annotationCount(t, st) != 1 {
		t.Fatal("key 1 typed in the text did not tag")
	}
	// Tagging focuses the editor's first field; Ctrl+Z there undoes the tagging.
	if _, ok := u.win.Canvas().Focused().(*widget.Entry); !ok {
		t.Fatalf("focus after tagging is on %T, want the editor's first field", u.win.Canvas().Focused())
	}
	steps := []struct {
		name string
		key  fyne.KeyName
		mods fyne.KeyModifier
		want int
	}{
		{"Ctrl+Z", fyne.KeyZ, fyne.KeyModifierControl, 0},
		{"Ctrl+Y", fyne.KeyY, fyne.KeyModifierControl, 1},
		{"Ctrl+Z again", fyne.KeyZ, fyne.KeyModifierControl, 0},
		{"Ctrl+Shift+Z", fyne.KeyZ, fyne.KeyModifierControl | fyne.KeyModifierShift, 1},
	}
	for _, s := range steps {
		pressKey(t, u, s.key, s.mods)
		if got := annotationCount(t, st); got != s.want || len(u.anns) != s.want {
			t.Fatalf("after %s: %d annotations on disk, %d shown, want %d", s.name, got, len(u.anns), s.want)
		}
	}
	if !strings.Contains(u.status.Text, "Redone") {
		t.Errorf("status after redo = %q", u.status.Text)
	}

	// Typing in a field: Ctrl+Z undoes the typing, not the project.
	u.selectAnnotation(u.anns[0].ID, false)
	field := u.panel.editor.claimant
	u.win.Canvas().Focus(field)
	test.Type(field, "Okafor")
	pressKey(t, u, fyne.KeyZ, fyne.KeyModifierControl)
	if field.Text != "" || annotationCount(t, st) != 1 {
		t.Fatalf("Ctrl+Z in a field with typing: field %q, %d annotations", field.Text, annotationCount(t, st))
	}
	pressKey(t, u, fyne.KeyY, fyne.KeyModifierControl)
	if field.Text != "Okafor" || annotationCount(t, st) != 1 {
		t.Fatalf("Ctrl+Y in the field: field %q, %d annotations", field.Text, annotationCount(t, st))
	}
	// From the text, Ctrl+Z undoes the project's last change again.
	field.SetText("")
	u.win.Canvas().Focus(u.reader.view)
	pressKey(t, u, fyne.KeyZ, fyne.KeyModifierControl)
	if annotationCount(t, st) != 0 {
		t.Fatal("Ctrl+Z in the text did not undo the tagging")
	}
}

func TestDeleteWhereverSelected(t *testing.T) {
	u, st := newTestUI(t)
	for _, s := range []string{"Mayor Helen Okafor", "About 14,000 homes", "320 businesses"} {
		selectInReader(t, u, s)
		typeRune(u, '3')
	}
	if annotationCount(t, st) != 3 {
		t.Fatal("three annotations not stored")
	}

	// Clicked in the list: the list has focus and Delete deletes it.
	test.Tap(tappableWith(t, u, "About 14,000 homes"))
	if _, ok := u.win.Canvas().Focused().(*annList); !ok || u.annotation(u.selected).Exact != "About 14,000 homes" {
		t.Fatalf("clicking the row: focus on %T, selected %q", u.win.Canvas().Focused(), u.selected)
	}
	pressKey(t, u, fyne.KeyDelete, 0)
	if annotationCount(t, st) != 2 || u.annotation(u.selected) != nil {
		t.Fatalf("Delete in the list: %d annotations, selected %q", annotationCount(t, st), u.selected)
	}
	// Nothing is selected and the text has the focus: Delete again deletes nothing.
	if u.win.Canvas().Focused() != u.reader.view {
		t.Errorf("focus after delete on %T, want the text", u.win.Canvas().Focused())
	}
	pressKey(t, u, fyne.KeyDelete, 0)
	if n := annotationCount(t, st); n != 2 {
		t.Fatalf("a second Delete deleted another annotation: %d left", n)
	}

	// Clicked on its highlight in the text: Delete deletes it too.
	start, _ := span(t, u.clip.Body, "320 businesses")
	pos, _ := u.reader.view.PositionOf(start + 2)
	ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}, Button: desktop.MouseButtonPrimary}
	u.reader.view.MouseDown(ev)
	u.reader.view.MouseUp(ev)
	if a := u.annotation(u.selected); a == nil || a.Exact != "320 businesses" {
		t.Fatalf("clicking the highlight selected %q", u.selected)
	}
	pressKey(t, u, fyne.KeyDelete, 0)
	pressKey(t, u, fyne.KeyDelete, 0)
	if n := annotationCount(t, st); n != 1 {
		t.Fatalf("Delete twice after clicking a highlight: %d left, want 1", n)
	}
	// Undo brings the last one back.
	pressKey(t, u, fyne.KeyZ, fyne.KeyModifierControl)
	if n := annotationCount(t, st); n != 2 {
		t.Fatalf("Ctrl+Z after delete: %d annotations, want 2", n)
	}
}

func TestEnterSubmitsTheFirstRunName(t *testing.T) {
	a := test.NewTempApp(t)
	st, _ := sampleProject(t)
	u := New(a, st, Options{})
	u.jobs.held = true
	u.win.Show()
	t.Cleanup(func() {
		if !u.closed {
			u.win.Close()
		}
	})
	if dialogCount(u) != 1 {
		t.Fatalf("first run shows %d dialogs, want the name dialog", dialogCount(u))
	}
	name, ok := u.win.Canvas().Focused().(*widget.Entry)
	if !ok {
		t.Fatalf("focus is on %T, want the name field", u.win.Canvas().Focused())
	}
	test.Type(name, "Ada Researcher")
	pressKey(t, u, fyne.KeyReturn, 0)
	if u.coder.Name != "Ada Researcher" || dialogCount(u) != 0 {
		t.Fatalf("after Enter: coder %q, %d dialogs", u.coder.Name, dialogCount(u))
	}
	if got := a.Preferences().String(prefCoder); got != "Ada Researcher" {
		t.Errorf("remembered coder = %q", got)
	}
}
