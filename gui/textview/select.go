package textview

import (
	"fyne.io/fyne/v2"
)

// unit is how far a key moves the caret.
type unit int

const (
	byChar unit = iota
	byWord
	byDocument
)

// move moves the caret for key; with extend the anchor stays, so the
// selection grows or shrinks. Without extend, Left/Right first collapse a
// selection to its start or end. Left and Right move by drawn position
// (through right-to-left text too); Home and End go to the logical start
// and end of the line.
func (v *View) move(key fyne.KeyName, u unit, extend bool) {
	l := v.ensureLayout()
	if l == nil {
		return
	}
	s, e := v.Selection()
	off := v.active
	vertical := false
	switch key {
	case fyne.KeyLeft, fyne.KeyRight:
		// Arrows follow the drawn order: in a right-to-left paragraph Left
		// reads on, and a collapsing selection keeps its left or right end.
		right := key == fyne.KeyRight
		forward := right != l.RTLAt(off)
		switch {
		case !extend && s < e && u == byChar && forward:
			off = e
		case !extend && s < e && u == byChar:
			off = s
		case u == byWord && forward:
			off = l.NextWordEnd(off)
		case u == byWord:
			off = l.PrevWordStart(off)
		default:
			off = l.MoveVisual(off, right)
		}
	case fyne.KeyUp, fyne.KeyDown, fyne.KeyPageUp, fyne.KeyPageDown:
		off = v.vertical(key)
		vertical = true
	case fyne.KeyHome, fyne.KeyEnd:
		if u == byDocument {
			off = 0
			if key == fyne.KeyEnd {
				off = v.n
			}
			break
		}
		home, end := l.LineEdges(off)
		off = home
		if key == fyne.KeyEnd {
			off = end
		}
	}
	if !vertical {
		v.goalX = -1
	}
	v.active = off
	if !extend {
		v.anchor = off
	}
	v.reveal(off, false)
	v.selectionChanged()
}

// vertical returns the caret offset one line (or one page) up or down,
// keeping the column the caret had before the first vertical move.
func (v *View) vertical(key fyne.KeyName) int {
	l := v.lay
	x, y := l.OffsetToPoint(v.active)
	if v.goalX < 0 {
		v.goalX = x
	}
	lh := l.LineHeight()
	li := l.LineOf(v.active)
	var target int
	switch key {
	case fyne.KeyUp:
		target = li - 1
	case fyne.KeyDown:
		target = li + 1
	case fyne.KeyPageUp, fyne.KeyPageDown:
		page := max(lh, v.scroll.Size().Height-lh)
		if key == fyne.KeyPageUp {
			page = -page
		}
		v.scrollTo(v.scroll.Offset.Y + page)
		target = l.LineAt(y + page)
		if y+page < 0 {
			target = -1
		}
	}
	switch {
	case target < 0:
		return 0
	case target >= l.NumLines():
		return v.n
	}
	return l.PointToOffset(v.goalX, l.Line(target).Y+lh/2)
}

// copySelection puts the selected text on the clipboard (cb, or the app's
// when nil); an empty selection copies nothing.
func (v *View) copySelection(cb fyne.Clipboard) {
	text := v.SelectedText()
	if text == "" {
		return
	}
	if cb == nil {
		cb = fyne.CurrentApp().Clipboard()
	}
	cb.SetContent(text)
}
