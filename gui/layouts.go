package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"clipper/gui/bidi"
)

// tightVBox stacks objects vertically without padding between them, for
// two-line list rows.
type tightVBox struct{}

func (tightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
	}
	// Labels carry their own inner padding; overlap them a little.
	if len(objs) > 1 {
		s.Height -= float32(len(objs)-1) * 8
	}
	return s
}

func (tightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h - 8
	}
}

// stackedHeight lays objs out top to bottom at width, starting at y, and
// returns the y below the last. Word-wrapped labels report their height for
// the width they were last given, so each is sized to the width first.
func stackedHeight(objs []fyne.CanvasObject, x, y, width float32, place bool) float32 {
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		o.Resize(fyne.NewSize(width, o.Size().Height))
		h := o.MinSize().Height
		if place {
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(width, h))
		}
		y += h
	}
	return y
}

// readerLayout gives the text view all the height that the header and the
// footer (captions, at most a quarter of the height) leave, collapsing the
// header to one line when the full one would leave the text less than
// textShare of the height (see reader). Border layouts cannot do this: they
// ask a wrapped label's height before they know its width.
type readerLayout struct{ r *reader }

func (l *readerLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(240, 200)
}

func (l *readerLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	r := l.r
	w := size.Width
	r.headline.Hidden, r.line.Hidden = false, true
	r.deck.Hidden = r.deck.Text == ""
	r.byline.Hidden = r.byline.Text == ""
	r.hint.Hidden = !r.hintOn || r.forced
	full := []fyne.CanvasObject{r.headline, r.deck, r.byline}
	bar := []fyne.CanvasObject{r.tagRow, r.hint, r.sep}
	foot := []fyne.CanvasObject{r.capSep, r.capRow}
	footH := min(stackedHeight(foot, 0, 0, w, false), size.Height/4)
	fullH := stackedHeight(full, 0, 0, w, false) + stackedHeight(bar, 0, 0, w, false)

	collapse := false
	switch r.header {
	case headerCollapsed:
		collapse = true
	case headerAuto:
		// The share is of the window's height when the reader is in one.
		ref := size.Height
		if c := fyne.CurrentApp().Driver().CanvasForObject(r.box); c != nil {
			ref = max(ref, c.Size().Height)
		}
		collapse = r.forced || size.Height-fullH-footH < textShare*ref
	}
	if collapse {
		r.headline.Hidden, r.deck.Hidden, r.byline.Hidden, r.line.Hidden = true, true, true, false
	}
	if collapse != r.collapsed {
		r.collapsed = collapse
		if collapse {
			r.toggle.SetIcon(theme.MenuDropDownIcon())
		} else {
			r.toggle.SetIcon(theme.MenuDropUpIcon())
		}
	}

	top := stackedHeight(append(full, r.line), 0, 0, w, true)
	top = stackedHeight(bar, 0, top, w, true)
	stackedHeight(foot, 0, size.Height-footH, w, true)
	r.view.Move(fyne.NewPos(0, top))
	r.view.Resize(fyne.NewSize(w, max(size.Height-top-footH, 0)))
}

// lineLayout puts two truncated labels side by side — the collapsed
// header's headline and byline: each as wide as its text when both fit,
// else the byline gets at most two fifths and the headline the rest. A
// headline that reads right to left starts at the right, the byline left
// of it.
type lineLayout struct{}

func (lineLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(80, max(objs[0].MinSize().Height, objs[1].MinSize().Height))
}

func (lineLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	head, by := objs[0].(*bidiLabel), objs[1].(*bidiLabel)
	hw, bw := textWidth(head.Label, head.Logical()), textWidth(by.Label, by.Logical())
	if hw+bw > size.Width {
		bw = min(bw, size.Width*2/5)
		hw = size.Width - bw
	}
	bw = max(0, min(bw, size.Width-hw))
	hx, bx := float32(0), hw
	if bidi.IsRTL(head.Logical()) {
		hx, bx = size.Width-hw, size.Width-hw-bw
	}
	head.Move(fyne.NewPos(hx, 0))
	head.Resize(fyne.NewSize(hw, size.Height))
	by.Move(fyne.NewPos(bx, 0))
	by.Resize(fyne.NewSize(bw, size.Height))
}

// labelWidth is the width l needs to show its whole text on one line, or 0
// for no text. A little slack keeps rounding from cutting the last letter.
func labelWidth(l *widget.Label) float32 { return textWidth(l, l.Text) }

// textWidth is the width l needs to show text on one line, or 0 for none.
func textWidth(l *widget.Label, text string) float32 {
	if text == "" {
		return 0
	}
	m := widget.NewLabelWithStyle(text, l.Alignment, l.TextStyle)
	m.SizeName = l.SizeName
	return m.MinSize().Width + theme.Padding()
}

// flowLayout places objects left to right at their minimum size, starting
// a new row when one does not fit; it reports the height for the width it
// was last given.
type flowLayout struct{ width float32 }

func (l *flowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var wMin float32
	for _, o := range objs {
		if o.Visible() {
			wMin = max(wMin, o.MinSize().Width)
		}
	}
	width := l.width
	if width <= 0 {
		width = float32(1 << 20) // not laid out yet: one row
	}
	return fyne.NewSize(wMin, l.place(objs, max(width, wMin), false))
}

func (l *flowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	l.place(objs, size.Width, true)
}

// place flows objs into rows of width and returns the total height.
func (l *flowLayout) place(objs []fyne.CanvasObject, width float32, move bool) float32 {
	var x, y, rowH float32
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		if x > 0 && x+m.Width > width {
			x, y, rowH = 0, y+rowH, 0
		}
		if move {
			o.Move(fyne.NewPos(x, y))
			o.Resize(m)
		}
		x += m.Width
		rowH = max(rowH, m.Height)
	}
	return y + rowH
}

// wrapStack stacks word-wrapped labels top to bottom at the width it was
// last given, so a scroll container learns their real height (a VBox asks a
// wrapped label's height before the label knows its width).
type wrapStack struct{ width float32 }

func (l *wrapStack) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if l.width <= 0 {
		return fyne.NewSize(100, 0)
	}
	return fyne.NewSize(100, stackedHeight(objs, 0, 0, l.width, false))
}

func (l *wrapStack) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	stackedHeight(objs, 0, 0, size.Width, true)
}

// twoLineRow is a list row of a bold first line over a second line, both
// cut with an ellipsis; small makes the first line caption-sized.
func twoLineRow(small bool) *fyne.Container {
	head := newBidiLabel("head")
	head.TextStyle = fyne.TextStyle{Bold: true}
	head.Truncation = fyne.TextTruncateEllipsis
	if small {
		head.SizeName = theme.SizeNameCaptionText
	}
	text := newBidiLabel("text")
	text.Truncation = fyne.TextTruncateEllipsis
	return container.New(&tightVBox{}, head, text)
}

// setTwoLines fills a row made by twoLineRow.
func setTwoLines(row fyne.CanvasObject, head, text string) {
	box := row.(*fyne.Container)
	box.Objects[0].(*bidiLabel).SetText(head)
	box.Objects[1].(*bidiLabel).SetText(text)
}
