package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"clipper/gui/textview"
)

// Every keyboard shortcut of the app is declared here. Shortcuts with a
// modifier live on menu items (the desktop driver offers them to the main
// menu first, whatever has focus); plain keys (tag keys 1/2/3, N, P,
// Delete) act only while the reader or the annotation list has focus, so
// typing in a field never tags text. The desktop driver turns Ctrl+Z and
// Ctrl+Y (Cmd on macOS) into fyne.ShortcutUndo and fyne.ShortcutRedo, which
// match a menu item only by those types: a CustomShortcut for Ctrl+Z never
// fires from the keyboard. Reviewing suggestions: Enter accepts, Backspace rejects, and
// Tab / Shift+Tab move while the suggestion list has focus (reviewList in
// reviewpanel.go); in the reader Enter and Backspace act on the current
// suggestion and N / P and Tab / Shift+Tab move between suggestions while
// the Suggestions tab shows. The find bar: Enter in the pattern goes to the first hit, Escape
// closes it (findEntry in findbar.go).
var (
	scUndo        = &fyne.ShortcutUndo{} // Ctrl+Z
	scRedo        = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	scRedoAlt     = &fyne.ShortcutRedo{} // Ctrl+Y
	scOpen        = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	scNew         = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	scImport      = &desktop.CustomShortcut{KeyName: fyne.KeyI, Modifier: fyne.KeyModifierShortcutDefault}
	scPaste       = &desktop.CustomShortcut{KeyName: fyne.KeyV, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	scFind        = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	scSearchLib   = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	scSuggest     = &desktop.CustomShortcut{KeyName: fyne.KeyG, Modifier: fyne.KeyModifierShortcutDefault}
	scReview      = &desktop.CustomShortcut{KeyName: fyne.KeyG, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	scDetails     = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	scTextBigger  = &desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault}
	scTextSmaller = &desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: fyne.KeyModifierShortcutDefault}
	scStartLeft   = &desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt}
	scStartRight  = &desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierAlt}
	scEndLeft     = &desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt | fyne.KeyModifierShift}
	scEndRight    = &desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierAlt | fyne.KeyModifierShift}
)

// Plain keys handled while the reader has focus.
const (
	keyNext = 'n' // jump to the next annotation
	keyPrev = 'p' // jump to the previous annotation
)

// readerKey maps a plain key typed in the reader to an action; tag keys
// come from each tag's shortcut. It returns false when the key is not bound.
func (u *UI) readerRune(r rune) bool {
	review := u.reviewing() && u.selected == "" && len(u.sugg.shown) > 0
	switch r {
	case keyNext, keyNext - 'a' + 'A':
		if review {
			u.moveSuggestion(+1)
		} else {
			u.jump(+1)
		}
		return true
	case keyPrev, keyPrev - 'a' + 'A':
		if review {
			u.moveSuggestion(-1)
		} else {
			u.jump(-1)
		}
		return true
	}
	if t, ok := u.tagForKey(string(r)); ok {
		u.tagSelection(t)
		return true
	}
	return false
}

// readerKey handles named keys typed in the reader.
func (u *UI) readerKey(ev *fyne.KeyEvent) bool {
	// The current suggestion, when reviewing with no annotation selected.
	cur := ""
	if u.reviewing() && u.selected == "" {
		if _, ok := u.sugg.byID(u.sugg.cur); ok {
			cur = u.sugg.cur
		}
	}
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if cur != "" {
			u.acceptSuggestion(cur)
			return true
		}
	case fyne.KeyDelete, fyne.KeyBackspace:
		if u.selected != "" {
			u.deleteSelected()
			return true
		}
		// Backspace rejects the current suggestion; Delete only ever
		// deletes an annotation, so pressing it twice deletes one.
		if cur != "" && ev.Name == fyne.KeyBackspace {
			u.rejectSuggestion(cur)
			return true
		}
	case fyne.KeyTab, textview.KeyBackTab:
		// Tab / Shift+Tab move between suggestions while reviewing; otherwise
		// the view moves the focus on.
		if !u.reviewing() || len(u.sugg.shown) == 0 {
			return false
		}
		if ev.Name == fyne.KeyTab {
			u.moveSuggestion(+1)
		} else {
			u.moveSuggestion(-1)
		}
		return true
	case fyne.KeyEscape:
		u.selectAnnotation("", false)
		return true
	}
	return false
}
