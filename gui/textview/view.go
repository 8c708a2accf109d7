// Package textview is Clipper's reader: a read-only, virtualised text view
// with selection by mouse and keyboard, coloured highlights for annotations
// (overlaps stay distinguishable), dashed suggestions, hover labels and a
// context menu. Offsets are Unicode code points into the body, end-exclusive,
// as in model.Annotation. Use a View from the UI goroutine only.
package textview

import (
	"slices"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/image/math/fixed"

	"clipper/gui/textview/layout"
)

// View shows a clipping's body. Build it with New.
type View struct {
	widget.BaseWidget

	// OnSelectionChanged is called whenever the selection (or the caret,
	// when it is empty) changes, by the user or the API.
	OnSelectionChanged func(start, end int)
	// OnHighlightTapped is called for a click without drag on a highlight,
	// with the innermost (shortest) one under the pointer.
	OnHighlightTapped func(id string)
	// OnTypedKey receives keys the view does not use itself (it handles
	// arrows, Home/End, PageUp/PageDown and Escape with a selection), such
	// as Delete or N/P. It reports whether the app used the key; the view
	// does nothing further either way.
	OnTypedKey func(*fyne.KeyEvent) bool
	// OnTypedRune receives every typed character (the view is read-only),
	// e.g. "1"/"2"/"3" for tag shortcuts; the result is as for OnTypedKey.
	OnTypedRune func(rune) bool
	// OnTypedShortcut receives shortcuts the view does not use itself
	// (it handles Copy, Select All and Ctrl/Shift word and document moves),
	// such as Alt+arrows. When it is nil or returns false the shortcut goes
	// on to the canvas's shortcuts.
	OnTypedShortcut func(fyne.Shortcut) bool
	// ContextMenu builds the menu shown on right-click. hitID is the
	// innermost highlight under the pointer ("" for none); start and end are
	// the current selection. A nil menu shows nothing.
	ContextMenu func(hitID string, start, end int) *fyne.Menu

	text      string
	n         int // code points in text
	marks     marks
	hls       []Highlight // as given, re-clamped when the text changes
	selID     string
	snapWords bool
	textSize  float32 // 0 follows the theme

	anchor, active int     // the selection is [min, max) of the two
	goalX          float32 // sticky x for Up/Down, -1 when unset
	focused        bool
	shift          bool
	lastSel        [2]int

	lay      *layout.Layout
	meas     *measurer
	layKey   layoutKey
	sized    []sizedLayout // layouts of text at recent sizes, most recent first
	faceRes  fyne.Resource
	fonts    *fontSet // nil when the theme font cannot be parsed
	reading  string   // reading font family, "" for the theme's
	pendingY float32  // scroll target waiting for the first layout, or -1

	scroll *container.Scroll
	page   *page
	tip    *tooltip
	mouse  mouseState
	now    func() time.Time
	top    topAnchor // the first visible character, kept across re-wraps
}

// The View's input contract (DoubleTappable is left out on purpose: it
// would delay every single click; double clicks are timed in MouseDown).
var (
	_ fyne.Focusable         = (*View)(nil)
	_ desktop.Keyable        = (*View)(nil)
	_ fyne.Shortcutable      = (*View)(nil)
	_ desktop.Mouseable      = (*View)(nil)
	_ fyne.Draggable         = (*View)(nil)
	_ fyne.SecondaryTappable = (*View)(nil)
	_ desktop.Hoverable      = (*View)(nil)
	_ desktop.Cursorable     = (*View)(nil)
)

// layoutKey is what the measured layout depends on besides the text.
type layoutKey struct {
	size    float32
	font    fyne.Resource
	reading string
}

// sizedLayout is the body laid out for one key, with its measurer. Exact
// layouts were measured at their size; the others were scaled from an exact
// one (layout.Scale), which is what makes a text size change immediate.
type sizedLayout struct {
	key   layoutKey
	lay   *layout.Layout
	meas  *measurer
	exact bool
}

// maxSizedLayouts is how many text sizes of one body the view keeps.
const maxSizedLayouts = 4

// New returns an empty view that snaps selections to words.
func New() *View {
	v := &View{snapWords: true, goalX: -1, pendingY: -1, now: time.Now}
	v.page = newPage(v)
	v.scroll = container.NewVScroll(v.page)
	v.scroll.OnScrolled = func(fyne.Position) {
		v.page.scrolled()
		v.keepTop()
	}
	v.tip = newTooltip()
	v.ExtendBaseWidget(v)
	return v
}

// CreateRenderer implements fyne.Widget.
func (v *View) CreateRenderer() fyne.WidgetRenderer {
	return &viewRenderer{v: v}
}

// SetText replaces the body. The selection collapses to the start and the
// view scrolls to the top; highlights are kept (clamped to the new body) so
// set them again for the new text.
func (v *View) SetText(body string) {
	if body != v.text {
		v.text = body
		v.n = utf8.RuneCountInString(body)
		v.lay, v.sized = nil, nil
		v.marks = newMarks(v.hls, v.n)
	}
	v.anchor, v.active, v.goalX = 0, 0, -1
	v.scroll.Offset = fyne.Position{}
	v.top = topAnchor{}
	v.tip.hide()
	v.Refresh()
	v.notifySelection()
}

// Text returns the body.
func (v *View) Text() string { return v.text }

// SetHighlights replaces the highlights. Spans are clamped to the body and
// empty ones ignored.
func (v *View) SetHighlights(hs []Highlight) {
	v.hls = append([]Highlight(nil), hs...)
	v.marks = newMarks(v.hls, v.n)
	v.page.rebuild()
}

// SetSelectedHighlight outlines the highlight with id and scrolls it into
// view; "" removes the outline.
func (v *View) SetSelectedHighlight(id string) {
	v.selID = id
	if i := v.marks.byID(id); i >= 0 {
		v.reveal(v.marks.hs[i].Start, true)
	}
	v.page.rebuild()
}

// Selection returns the selected range, start <= end; start == end is the
// caret with nothing selected.
func (v *View) Selection() (start, end int) {
	return min(v.anchor, v.active), max(v.anchor, v.active)
}

// SelectedText returns the text of the selection.
func (v *View) SelectedText() string {
	s, e := v.Selection()
	if s == e {
		return ""
	}
	if l := v.ensureLayout(); l != nil {
		return l.Slice(s, e)
	}
	r := []rune(v.text)
	return string(r[s:e])
}

// Select selects [start, end), clamped to the body and widened so that it
// splits no grapheme cluster, and scrolls its end into view.
func (v *View) Select(start, end int) {
	start, end = max(0, min(start, v.n)), max(0, min(end, v.n))
	if start > end {
		start, end = end, start
	}
	v.setSelection(start, end, true)
}

// setSelection selects from anchor to active, widened to grapheme
// boundaries, optionally scrolling the active end into view.
func (v *View) setSelection(anchor, active int, reveal bool) {
	if l := v.ensureLayout(); l != nil {
		if anchor <= active {
			anchor, active = l.SnapToGraphemes(anchor, active)
		} else {
			active, anchor = l.SnapToGraphemes(active, anchor)
		}
	}
	v.anchor, v.active, v.goalX = anchor, active, -1
	if reveal {
		v.reveal(active, false)
	}
	v.selectionChanged()
}

// ClearSelection collapses the selection to the caret at its active end.
func (v *View) ClearSelection() {
	v.anchor = v.active
	v.selectionChanged()
}

// ScrollToOffset scrolls so that the line holding code point off is
// visible, placing it a third of the way down when it was not.
func (v *View) ScrollToOffset(off int) {
	v.reveal(off, true)
}

// SetSnapToWords sets whether a drag selection snaps to whole words when it
// ends (the default) or keeps exact grapheme positions.
func (v *View) SetSnapToWords(snap bool) { v.snapWords = snap }

// SetTextSize sets the text size; 0 follows the theme's text size.
func (v *View) SetTextSize(size float32) {
	v.textSize = max(0, size)
	v.Refresh()
}

// SetReadingFont draws the body in an installed font family (a name from
// FontFamilies; case and spaces do not matter); characters the family lacks
// still fall back on other fonts. "" returns to the theme's font. It
// returns an error, and keeps the current font, when the family is not
// installed.
func (v *View) SetReadingFont(family string) error {
	if family != "" {
		probe := newFontSet(nil, nil)
		if v.fonts != nil {
			probe = v.fonts
		}
		if err := probe.checkFamily(family); err != nil {
			return err
		}
	}
	v.reading = family
	v.Refresh()
	return nil
}

// ReadingFont returns the family set by SetReadingFont ("" for the theme's
// font).
func (v *View) ReadingFont() string { return v.reading }

func (v *View) fontsReading() string {
	if v.fonts == nil {
		return ""
	}
	return v.fonts.readingFamily
}

// Cursor implements desktop.Cursorable: the text cursor.
func (v *View) Cursor() desktop.Cursor { return desktop.TextCursor }

// ensureLayout returns the layout of the body for the current theme and
// text size, measuring it if needed; nil when no app is running yet. A
// size the body was shown at recently is reused as it was; a new size is
// scaled from the body's exact layout at another size, so changing the text
// size costs a wrap rather than measuring the whole body again.
func (v *View) ensureLayout() *layout.Layout {
	if fyne.CurrentApp() == nil {
		return nil
	}
	th := v.Theme()
	size := v.textSize
	if size <= 0 {
		size = th.Size(theme.SizeNameText)
	}
	key := layoutKey{size: size, font: th.Font(fyne.TextStyle{}), reading: v.reading}
	if v.lay != nil && key == v.layKey {
		return v.lay
	}
	e := v.sizedLayout(key)
	if w := v.Size().Width; w > 0 {
		e.lay.Wrap(v.wrapWidth(w))
	}
	v.lay, v.meas, v.layKey = e.lay, e.meas, key
	return e.lay
}

// sizedLayout returns the body's layout for key: a kept one, or a new one
// (kept from now on) scaled from an exact layout in the same fonts,
// re-measured from any other, or made from scratch.
func (v *View) sizedLayout(key layoutKey) sizedLayout {
	for i, e := range v.sized {
		if e.key == key {
			copy(v.sized[1:i+1], v.sized[:i])
			v.sized[0] = e
			return e
		}
	}
	sameFonts := func(k layoutKey) bool { return k.font == key.font && k.reading == key.reading }
	if len(v.sized) > 0 && !sameFonts(v.sized[0].key) {
		// The font set is shared and about to change, so the kept layouts'
		// measurers no longer match what they measured: keep one only for
		// its text analysis (Remeasure), then drop it.
		v.sized = v.sized[:1]
	}
	v.useFonts(key)
	meas := v.meas
	if meas == nil || v.layKey != key {
		meas = newMeasurer(key.size, fyne.TextStyle{}, v.fonts)
	} // else a new body at the last key: its measurer's widths still hold
	gap := paragraphGap(meas)
	var (
		l     *layout.Layout
		err   error
		exact = true
	)
	base := -1
	for i, e := range v.sized {
		if e.exact && sameFonts(e.key) {
			base = i
			break
		}
	}
	switch {
	case base >= 0:
		b := v.sized[base]
		l, err = b.lay.Scale(meas, shapedSize(key.size)/shapedSize(b.key.size), gap)
		exact = false
	case len(v.sized) > 0:
		l, err = v.sized[0].lay.Remeasure(meas, gap)
	default:
		l, err = layout.New(v.text, meas, gap)
	}
	if err != nil {
		fyne.LogError("textview: laying out the body", err)
		l, _ = layout.New("", meas, 0)
	}
	if len(v.sized) > 0 && !sameFonts(v.sized[0].key) {
		v.sized = nil
	}
	e := sizedLayout{key: key, lay: l, meas: meas, exact: exact}
	v.sized = append([]sizedLayout{e}, v.sized...)
	if len(v.sized) > maxSizedLayouts {
		// Drop the least recently used, but keep an exact layout to scale.
		drop := len(v.sized) - 1
		if v.sized[drop].exact && !slices.ContainsFunc(v.sized[:drop], func(e sizedLayout) bool { return e.exact }) {
			drop--
		}
		v.sized = slices.Delete(v.sized, drop, drop+1)
	}
	return e
}

// shapedSize is the size text of size s is shaped at: go-text scales a font
// to whole units, rounding up, so advances grow with this and not with s.
func shapedSize(s float32) float32 {
	return float32(fixed.Int26_6(float64(s) * 64).Ceil())
}

// useFonts loads the theme's font and the reading font of key into the
// view's font set when they changed.
func (v *View) useFonts(key layoutKey) {
	if key.font != v.faceRes {
		v.faceRes = key.font
		v.fonts = nil
		face, err := parseFace(key.font)
		if err != nil { // measure and draw everything through Fyne
			fyne.LogError("textview: own text shaping disabled", err)
		} else {
			v.fonts = newFontSet(face, theme.DefaultEmojiFont())
		}
	}
	if v.fonts != nil && key.reading != v.fontsReading() {
		if err := v.fonts.setReading(key.reading); err != nil {
			fyne.LogError("textview: reading font", err)
			v.fonts.setReading("")
		}
	}
}

// paragraphGap returns the space between paragraphs for text measured by m.
func paragraphGap(m *measurer) float32 {
	return float32(int(m.lineH*0.55 + 0.5))
}

// margins returns the space around the text inside the page.
func (v *View) margins() (x, y float32) {
	p := v.Theme().Size(theme.SizeNameInnerPadding)
	return p * 2, p * 1.5
}

// wrapWidth returns the text width for a view width.
func (v *View) wrapWidth(w float32) float32 {
	mx, _ := v.margins()
	return w - 2*mx
}

// contentHeight returns the height of the page: text plus margins.
func (v *View) contentHeight() float32 {
	l := v.ensureLayout()
	if l == nil {
		return 0
	}
	_, my := v.margins()
	return l.Height() + 2*my
}

// toText converts a position in the view to layout coordinates.
func (v *View) toText(p fyne.Position) (x, y float32) {
	mx, my := v.margins()
	return p.X - mx, p.Y + v.scroll.Offset.Y - my
}

// reveal scrolls so that the line holding off is visible: minimally, or
// with the line a third of the way down when jump is set.
func (v *View) reveal(off int, jump bool) {
	l := v.ensureLayout()
	if l == nil {
		return
	}
	_, y := l.OffsetToPoint(off)
	_, my := v.margins()
	v.revealY(y+my, l.LineHeight(), jump)
}

// revealY scrolls so that page band [y, y+h) is visible: minimally, or with
// the band a third of the way down when jump is set.
func (v *View) revealY(y, h float32, jump bool) {
	viewH := v.scroll.Size().Height
	if viewH <= 0 {
		v.pendingY = y
		return
	}
	off := v.scroll.Offset.Y
	if y >= off && y+h <= off+viewH {
		return
	}
	target := y + h - viewH
	if y < off {
		target = y
	}
	if jump {
		target = y - viewH/3
	}
	v.scrollTo(target)
}

// scrollTo moves the scroller to y (clamped) and updates the visible lines,
// which Scroll.ScrollToOffset does not announce through OnScrolled.
func (v *View) scrollTo(y float32) {
	maxY := max(0, v.page.MinSize().Height-v.scroll.Size().Height)
	y = max(0, min(y, maxY))
	if y == v.scroll.Offset.Y {
		return
	}
	v.scroll.ScrollToOffset(fyne.NewPos(0, y))
	v.page.scrolled()
	v.keepTop()
}

// topAnchor is the character at the top of the viewport and how far into
// its line the viewport starts (a fraction of the line height), for the
// layout and wrap width it was taken from.
type topAnchor struct {
	off   int
	frac  float32
	lay   *layout.Layout
	width float32
}

// keepTop remembers the first visible character (the anchored one while
// it stays on the top line), unless the layout or its wrap width changed
// since it was taken: then restoreTop is due first.
func (v *View) keepTop() {
	l := v.lay
	if l == nil || (v.top.lay != nil && (v.top.lay != l || v.top.width != l.Width())) {
		return
	}
	_, my := v.margins()
	y := v.scroll.Offset.Y - my
	i := l.LineAt(y)
	if l.Line(i).Y+l.LineHeight() <= y && i+1 < l.NumLines() {
		i++ // y is in the gap below a paragraph: the next line is the first visible
	}
	ln := l.Line(i)
	off := ln.Start
	if a := v.top.off; v.top.lay != nil && a > off && (a < ln.End || i+1 == l.NumLines()) {
		// Still on the anchored character's line: keep that character, so
		// a series of size changes does not creep back a line at a time.
		off = a
	}
	v.top = topAnchor{off: off, frac: (y - ln.Y) / l.LineHeight(), lay: l, width: l.Width()}
}

// restoreTop scrolls the first visible character back to the top after a
// re-wrap (a resize) or a new layout (another text size or font), so the
// reader keeps their place.
func (v *View) restoreTop() {
	l := v.lay
	if l == nil {
		return
	}
	a := v.top
	if a.lay == nil || (a.lay == l && a.width == l.Width()) {
		v.keepTop()
		return
	}
	v.top.lay, v.top.width = l, l.Width()
	_, my := v.margins()
	y := l.Line(l.LineOf(a.off)).Y + a.frac*l.LineHeight() + my
	maxY := max(0, v.page.MinSize().Height-v.scroll.Size().Height)
	y = max(0, min(y, maxY))
	if y != v.scroll.Offset.Y {
		v.scroll.ScrollToOffset(fyne.NewPos(0, y))
		v.page.scrolled()
	}
}

// selectionChanged redraws and notifies after the selection moved.
func (v *View) selectionChanged() {
	v.page.rebuild()
	v.notifySelection()
}

func (v *View) notifySelection() {
	s, e := v.Selection()
	if [2]int{s, e} == v.lastSel {
		return
	}
	v.lastSel = [2]int{s, e}
	if f := v.OnSelectionChanged; f != nil {
		f(s, e)
	}
}

// viewRenderer lays out the scroller and the tooltip overlay.
type viewRenderer struct {
	v *View
}

func (r *viewRenderer) Layout(size fyne.Size) {
	v := r.v
	if l := v.ensureLayout(); l != nil {
		l.Wrap(v.wrapWidth(size.Width))
	}
	v.scroll.Resize(size)
	v.scroll.Refresh()
	if v.pendingY >= 0 && size.Height > 0 {
		y := v.pendingY
		v.pendingY = -1
		v.revealY(y, v.lay.LineHeight(), true)
	}
	v.restoreTop()
	v.tip.layout(size)
}

func (r *viewRenderer) MinSize() fyne.Size {
	lh := float32(20)
	if l := r.v.ensureLayout(); l != nil {
		lh = l.LineHeight()
	}
	mx, my := r.v.margins()
	return fyne.NewSize(lh*6+2*mx, lh*3+2*my)
}

func (r *viewRenderer) Refresh() {
	v := r.v
	v.tip.applyTheme(v.Theme())
	r.Layout(v.Size()) // refreshes the page through the scroller
}

func (r *viewRenderer) Objects() []fyne.CanvasObject {
	return append([]fyne.CanvasObject{r.v.scroll}, r.v.tip.objects()...)
}

func (r *viewRenderer) Destroy() {
	r.v.mouse.stopAutoScroll()
}

// PositionOf returns where the caret before off sits in the view, halfway
// down its line, taking scrolling into account; false when the view has
// not been laid out yet. Apps use it to place pop-ups, tests to aim the
// mouse.
func (v *View) PositionOf(off int) (fyne.Position, bool) {
	l := v.ensureLayout()
	if l == nil {
		return fyne.Position{}, false
	}
	x, y := l.OffsetToPoint(off)
	mx, my := v.margins()
	return fyne.NewPos(mx+x, my+y+l.LineHeight()/2-v.scroll.Offset.Y), true
}
