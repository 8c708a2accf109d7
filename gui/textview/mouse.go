package textview

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// clickSlop is how far (in units) the pointer may move between the clicks
// of a double-click.
const clickSlop = 4

// mouseState tracks presses, multi-clicks and drag selection.
type mouseState struct {
	down     bool // primary button pressed on the view and not yet released
	moved    bool // dragged since the press
	extend   bool // the press extended the selection (Shift)
	dragging bool // between the first Dragged and DragEnd
	clicks   int  // 1, or 2 (word) and 3 (paragraph) for quick repeated presses
	lastDown time.Time
	lastPos  fyne.Position
	unit     [2]int // word or paragraph picked by a multi-click, extended by drags
	dragPos  fyne.Position

	auto      *fyne.Animation
	autoSpeed float32   // how far into the edge zone or past it the pointer is (signed)
	autoLast  time.Time // the previous auto-scroll frame, zero before the first
}

func (m *mouseState) stopAutoScroll() {
	m.autoSpeed, m.autoLast = 0, time.Time{}
	if m.auto != nil {
		m.auto.Stop()
		m.auto = nil
	}
}

// MouseDown implements desktop.Mouseable: it focuses the view and places
// the caret (shift extends the selection; a second and third quick press
// select the word and the paragraph).
func (v *View) MouseDown(ev *desktop.MouseEvent) {
	v.requestFocus()
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	l := v.ensureLayout()
	if l == nil {
		return
	}
	m := &v.mouse
	now := v.now()
	d := ev.Position.Subtract(m.lastPos)
	if m.clicks > 0 && now.Sub(m.lastDown) <= fyne.CurrentApp().Driver().DoubleTapDelay() &&
		d.X*d.X+d.Y*d.Y <= clickSlop*clickSlop {
		m.clicks = m.clicks%3 + 1
	} else {
		m.clicks = 1
	}
	m.lastDown, m.lastPos = now, ev.Position
	m.down, m.moved, m.extend = true, false, false
	v.tip.hide()

	x, y := v.toText(ev.Position)
	off := l.PointToOffset(x, y)
	switch {
	case v.shift || ev.Modifier&fyne.KeyModifierShift != 0:
		m.clicks, m.extend = 1, true
		v.active = off
	case m.clicks == 2:
		s, e := l.WordAt(v.charNear(x, y, off))
		m.unit = [2]int{s, e}
		v.anchor, v.active = s, e
	case m.clicks == 3:
		s, e := l.ParagraphAt(off)
		m.unit = [2]int{s, e}
		v.anchor, v.active = s, e
	default:
		v.anchor, v.active = off, off
	}
	v.goalX = -1
	v.selectionChanged()
}

// MouseUp implements desktop.Mouseable: a click that did not drag reports
// the innermost highlight under the pointer through OnHighlightTapped.
func (v *View) MouseUp(ev *desktop.MouseEvent) {
	m := &v.mouse
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	wasDown := m.down
	m.down = false
	if !wasDown || m.moved || m.extend || m.clicks != 1 || v.OnHighlightTapped == nil {
		return
	}
	if i := v.highlightAt(ev.Position); i >= 0 {
		v.OnHighlightTapped(v.marks.hs[i].ID)
	}
}

// Dragged implements fyne.Draggable: it extends the selection to the
// pointer (by words or paragraphs after a double or triple click) and
// scrolls when the pointer is near or past the top or bottom edge.
func (v *View) Dragged(ev *fyne.DragEvent) {
	m := &v.mouse
	if !m.down && !m.dragging {
		// A drag without a press (as fyne's test.Drag sends): start where
		// the drag started.
		v.MouseDown(&desktop.MouseEvent{
			PointEvent: fyne.PointEvent{Position: ev.Position.Subtract(ev.Dragged)},
			Button:     desktop.MouseButtonPrimary,
		})
	}
	m.moved, m.dragging = true, true
	m.dragPos = ev.Position
	v.tip.hide()
	v.dragTo(ev.Position)
	v.autoScroll(ev.Position)
}

// DragEnd implements fyne.Draggable: with word snapping on, a character
// drag selection widens to whole words.
func (v *View) DragEnd() {
	m := &v.mouse
	if !m.dragging {
		return
	}
	m.dragging, m.down = false, false
	m.stopAutoScroll()
	if l := v.ensureLayout(); l != nil && v.snapWords && m.clicks == 1 {
		s, e := l.SnapToWords(v.Selection())
		if v.anchor <= v.active {
			v.anchor, v.active = s, e
		} else {
			v.anchor, v.active = e, s
		}
	}
	v.selectionChanged()
}

// dragTo moves the active end of the selection to the pointer.
func (v *View) dragTo(pos fyne.Position) {
	l := v.ensureLayout()
	if l == nil {
		return
	}
	m := &v.mouse
	x, y := v.toText(pos)
	off := l.PointToOffset(x, y)
	var s, e int
	switch m.clicks {
	case 2:
		s, e = l.WordAt(v.charNear(x, y, off))
	case 3:
		s, e = l.ParagraphAt(off)
	default:
		v.active = off
		v.selectionChanged()
		return
	}
	if s < m.unit[0] {
		v.anchor, v.active = m.unit[1], s
	} else {
		v.anchor, v.active = m.unit[0], max(e, m.unit[1])
	}
	v.selectionChanged()
}

// charNear returns the grapheme under (x, y), or the one before the caret
// offset off when the point is past the end of a line.
func (v *View) charNear(x, y float32, off int) int {
	if c, ok := v.lay.CharAt(x, y); ok {
		return c
	}
	if off > 0 && off == v.n {
		return v.lay.PrevGrapheme(off)
	}
	return off
}

// autoScroll starts, updates or stops scrolling while a drag is in the
// outer half of the first or last visible line, or past the view's edge.
func (v *View) autoScroll(pos fyne.Position) {
	m := &v.mouse
	zone := v.lay.LineHeight() / 2
	h := v.Size().Height
	switch {
	case pos.Y < zone:
		m.autoSpeed = pos.Y - zone
	case pos.Y > h-zone:
		m.autoSpeed = pos.Y - (h - zone)
	default:
		m.stopAutoScroll()
		return
	}
	if m.auto == nil {
		m.auto = fyne.NewAnimation(time.Second, func(float32) { v.autoScrollTick() })
		m.auto.RepeatCount = fyne.AnimationRepeatForever
		m.auto.Curve = fyne.AnimationLinear
		m.auto.Start()
	}
}

// Auto-scroll speeds, in lines per second: slow while the pointer is on the
// edge line (a selection can still end there), faster the further past the
// edge it is.
const (
	autoScrollMin     = 2  // pointer in the edge zone
	autoScrollPerLine = 8  // added per line height past the zone
	autoScrollMax     = 40 // far outside the view
)

// autoScrollRate returns the auto-scroll speed in lines per second for a
// pointer depth units into the edge zone or past it, lh being the line height.
func autoScrollRate(depth, lh float32) float32 {
	return min(autoScrollMin+autoScrollPerLine*depth/lh, autoScrollMax)
}

// autoScrollTick scrolls by the time since the previous frame at the
// pointer's speed, and drags the selection along.
func (v *View) autoScrollTick() {
	m := &v.mouse
	if !m.dragging || m.autoSpeed == 0 || v.lay == nil {
		return
	}
	now := v.now()
	dt := float32(1.0 / 60) // the first frame: one frame's worth
	if !m.autoLast.IsZero() {
		dt = float32(min(now.Sub(m.autoLast), 100*time.Millisecond).Seconds())
	}
	m.autoLast = now
	lh := v.lay.LineHeight()
	step := autoScrollRate(abs(m.autoSpeed), lh) * lh * dt
	if m.autoSpeed < 0 {
		step = -step
	}
	v.scrollTo(v.scroll.Offset.Y + step)
	v.dragTo(m.dragPos)
}

func abs(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}

// TappedSecondary implements fyne.SecondaryTappable: it shows the menu
// built by ContextMenu for the highlight under the pointer and the
// current selection.
func (v *View) TappedSecondary(ev *fyne.PointEvent) {
	v.requestFocus()
	if v.ContextMenu == nil {
		return
	}
	id := ""
	if i := v.highlightAt(ev.Position); i >= 0 {
		id = v.marks.hs[i].ID
	}
	s, e := v.Selection()
	menu := v.ContextMenu(id, s, e)
	if menu == nil {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		widget.ShowPopUpMenuAtPosition(menu, c, ev.AbsolutePosition)
	}
}

// MouseIn implements desktop.Hoverable.
func (v *View) MouseIn(ev *desktop.MouseEvent) { v.MouseMoved(ev) }

// MouseMoved implements desktop.Hoverable: over a highlight it shows the
// labels of the highlights under the pointer, innermost first.
func (v *View) MouseMoved(ev *desktop.MouseEvent) {
	if v.mouse.dragging || v.ensureLayout() == nil {
		v.tip.hide()
		return
	}
	x, y := v.toText(ev.Position)
	c, ok := v.lay.CharAt(x, y)
	if !ok {
		v.tip.hide()
		return
	}
	var labels []string
	for _, i := range v.marks.at(c) {
		if lb := v.marks.hs[i].Label; lb != "" {
			labels = append(labels, lb)
		}
	}
	if len(labels) == 0 {
		v.tip.hide()
		return
	}
	v.tip.show(labels, ev.Position, v.Size(), v.Theme())
}

// MouseOut implements desktop.Hoverable.
func (v *View) MouseOut() { v.tip.hide() }

// highlightAt returns the innermost highlight drawn under a view position.
func (v *View) highlightAt(pos fyne.Position) int {
	l := v.ensureLayout()
	if l == nil {
		return -1
	}
	x, y := v.toText(pos)
	c, ok := l.CharAt(x, y)
	if !ok {
		return -1
	}
	return v.marks.innermost(c)
}

func (v *View) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil && c.Focused() != v {
		c.Focus(v)
	}
}

// The page receives pointer events (it is the deepest object under the
// pointer, inside the scroller) and hands them to the View in the View's
// coordinates.

func (p *page) toView(pos fyne.Position) fyne.Position {
	return pos.Add(p.Position()).Add(p.v.scroll.Position())
}

func (p *page) MouseDown(ev *desktop.MouseEvent) {
	e := *ev
	e.Position = p.toView(ev.Position)
	p.v.MouseDown(&e)
}

func (p *page) MouseUp(ev *desktop.MouseEvent) {
	e := *ev
	e.Position = p.toView(ev.Position)
	p.v.MouseUp(&e)
}

func (p *page) Dragged(ev *fyne.DragEvent) {
	e := *ev
	e.Position = p.toView(ev.Position)
	p.v.Dragged(&e)
}

func (p *page) DragEnd() { p.v.DragEnd() }

func (p *page) TappedSecondary(ev *fyne.PointEvent) {
	e := *ev
	e.Position = p.toView(ev.Position)
	p.v.TappedSecondary(&e)
}

func (p *page) MouseIn(ev *desktop.MouseEvent) {
	e := *ev
	e.Position = p.toView(ev.Position)
	p.v.MouseIn(&e)
}

func (p *page) MouseMoved(ev *desktop.MouseEvent) {
	e := *ev
	e.Position = p.toView(ev.Position)
	p.v.MouseMoved(&e)
}

func (p *page) MouseOut() { p.v.MouseOut() }

func (p *page) Cursor() desktop.Cursor { return desktop.TextCursor }
