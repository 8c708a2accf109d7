package textview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// FocusGained implements fyne.Focusable: the caret shows while focused.
func (v *View) FocusGained() {
	v.focused = true
	v.page.rebuild()
}

// FocusLost implements fyne.Focusable.
func (v *View) FocusLost() {
	v.focused, v.shift = false, false
	v.page.rebuild()
}

// KeyDown implements desktop.Keyable: it tracks Shift for selection.
func (v *View) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		v.shift = true
	}
}

// KeyUp implements desktop.Keyable.
func (v *View) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		v.shift = false
	}
}

// TypedRune implements fyne.Focusable: the view is read-only, so every
// rune goes to OnTypedRune.
func (v *View) TypedRune(r rune) {
	if f := v.OnTypedRune; f != nil {
		f(r)
	}
}

// KeyBackTab is the key name OnTypedKey receives for Shift+Tab (a
// fyne.KeyEvent carries no modifiers).
const KeyBackTab fyne.KeyName = "BackTab"

// AcceptsTab implements fyne.Tabbable: while OnTypedKey is set, Tab and
// Shift+Tab go to it (as fyne.KeyTab and KeyBackTab) instead of moving the
// focus; when it does not use them the focus moves on as usual.
func (v *View) AcceptsTab() bool { return v.OnTypedKey != nil }

// TypedKey implements fyne.Focusable. Arrows, Home/End and PageUp/PageDown
// move the caret (with Shift held they extend the selection); Escape clears
// a selection. Other keys go to OnTypedKey.
func (v *View) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyTab:
		v.typedTab()
		return
	case fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown,
		fyne.KeyHome, fyne.KeyEnd, fyne.KeyPageUp, fyne.KeyPageDown:
		v.move(ev.Name, byChar, v.shift)
		return
	case fyne.KeyEscape:
		if s, e := v.Selection(); s < e {
			v.ClearSelection()
			return
		}
	}
	if f := v.OnTypedKey; f != nil {
		f(ev)
	}
}

// typedTab offers Tab (KeyBackTab with Shift held) to OnTypedKey and moves
// the focus to the next (previous) widget when it is not used.
func (v *View) typedTab() {
	ev := &fyne.KeyEvent{Name: fyne.KeyTab}
	if v.shift {
		ev.Name = KeyBackTab
	}
	if f := v.OnTypedKey; f != nil && f(ev) {
		return
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(v)
	switch {
	case c == nil:
	case v.shift:
		c.FocusPrevious()
	default:
		c.FocusNext()
	}
}

// TypedShortcut implements fyne.Shortcutable. The view handles Copy,
// Select All, Ctrl+Left/Right (by word), Ctrl+Home/End (document) and
// their Shift variants, and Shift+Alt+Left/Right (extend by word). Others,
// such as Alt+arrows, go to OnTypedShortcut and then to the canvas.
func (v *View) TypedShortcut(s fyne.Shortcut) {
	switch sc := s.(type) {
	case *fyne.ShortcutCopy:
		v.copySelection(sc.Clipboard)
		return
	case *fyne.ShortcutSelectAll:
		v.setSelection(0, v.n, false)
		return
	case *desktop.CustomShortcut:
		if v.wordShortcut(sc) {
			return
		}
	}
	if f := v.OnTypedShortcut; f != nil && f(s) {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		if h, ok := c.(interface{ TypedShortcut(fyne.Shortcut) }); ok {
			h.TypedShortcut(s)
		}
	}
}

// wordShortcut handles word and document moves; it reports whether sc was
// one of them.
func (v *View) wordShortcut(sc *desktop.CustomShortcut) bool {
	ctrl := sc.Modifier &^ fyne.KeyModifierShift
	extend := sc.Modifier&fyne.KeyModifierShift != 0
	switch sc.KeyName {
	case fyne.KeyLeft, fyne.KeyRight:
		if ctrl == fyne.KeyModifierControl || ctrl == fyne.KeyModifierSuper ||
			(ctrl == fyne.KeyModifierAlt && extend) {
			v.move(sc.KeyName, byWord, extend)
			return true
		}
	case fyne.KeyHome, fyne.KeyEnd:
		if ctrl == fyne.KeyModifierControl || ctrl == fyne.KeyModifierSuper {
			v.move(sc.KeyName, byDocument, extend)
			return true
		}
	}
	return false
}
