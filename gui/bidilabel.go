package gui

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"clipper/gui/bidi"
)

// bidiLabel shows text from clippings and their metadata in the label it
// wraps. Set Truncation, Wrapping, TextStyle and SizeName as on any
// widget.Label and the text with SetText; the label's Text, Alignment and
// own Truncation are the bidiLabel's to set. Text with right-to-left script
// is wrapped or truncated in logical order for the label's width, drawn in
// visual order (see gui/bidi) and right-aligned when it reads right to
// left; other text is drawn as widget.Label draws it.
type bidiLabel struct {
	widget.BaseWidget
	*widget.Label                     // what is drawn: Text is in visual order
	Truncation    fyne.TextTruncation // how text too long for one line is cut
	logical       string              // the text as set
	fitted        fitting             // what Text was fitted to
}

// fitting is what a bidiLabel's text is fitted to.
type fitting struct {
	width float32
	trunc fyne.TextTruncation
	wrap  fyne.TextWrap
}

func newBidiLabel(text string) *bidiLabel {
	l := &bidiLabel{Label: widget.NewLabel("")}
	l.ExtendBaseWidget(l)
	l.SetText(text)
	return l
}

// SetText sets the text to show, in logical order.
func (l *bidiLabel) SetText(text string) {
	l.logical = text
	l.Refresh()
}

// Logical returns the text as set.
func (l *bidiLabel) Logical() string { return l.logical }

// MinSize is the wrapped label's.
func (l *bidiLabel) MinSize() fyne.Size {
	l.ExtendBaseWidget(l)
	return l.BaseWidget.MinSize()
}

// Refresh fits the text to the label's width and redraws it.
func (l *bidiLabel) Refresh() { l.BaseWidget.Refresh() }

func (l *bidiLabel) CreateRenderer() fyne.WidgetRenderer { return &bidiLabelRenderer{l} }

type bidiLabelRenderer struct{ l *bidiLabel }

func (r *bidiLabelRenderer) Destroy() {}

func (r *bidiLabelRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.l.Label} }

func (r *bidiLabelRenderer) MinSize() fyne.Size {
	if cut := r.l.cut(); r.l.Label.Truncation != cut { // Truncation was set after the text
		r.l.Label.Truncation = cut
		r.l.Label.Refresh()
	}
	return r.l.Label.MinSize()
}

func (r *bidiLabelRenderer) Layout(size fyne.Size) {
	l := r.l
	if bidi.HasRTL(l.logical) && l.fitted != (fitting{size.Width, l.Truncation, l.Wrapping}) {
		l.fit(size.Width)
		l.Label.Refresh()
	}
	l.Label.Move(fyne.NewPos(0, 0))
	l.Label.Resize(size)
}

func (r *bidiLabelRenderer) Refresh() {
	r.l.fit(r.l.Size().Width)
	r.l.Label.Refresh()
}

// cut is how the wrapped label is to cut its text: as asked, but for text
// with right-to-left script only by clipping. fit cut that already, and
// Fyne would cut it again from its end (the wrong end for right-to-left
// text) as it measures it a little wider than it is; clipping measures as
// fit does.
func (l *bidiLabel) cut() fyne.TextTruncation {
	if l.Truncation == fyne.TextTruncateOff || !bidi.HasRTL(l.logical) {
		return l.Truncation
	}
	return fyne.TextTruncateClip
}

// fit sets the label's Text and Alignment for width (0 before the first
// layout).
func (l *bidiLabel) fit(width float32) {
	l.fitted = fitting{width, l.Truncation, l.Wrapping}
	s := l.logical
	l.Label.Truncation = l.cut()
	if !bidi.HasRTL(s) {
		l.Text, l.Alignment = s, fyne.TextAlignLeading
		return
	}
	l.Alignment = fyne.TextAlignLeading
	if bidi.IsRTL(s) {
		l.Alignment = fyne.TextAlignTrailing
	}
	th := l.Theme()
	name := l.SizeName
	if name == "" {
		name = theme.SizeNameText
	}
	size, style := th.Size(name), l.TextStyle
	measure := func(t string) float32 { return fyne.MeasureText(t, size, style).Width }
	// The width the label gives its text, less a pixel so that Fyne's own
	// wrapping and truncation, which round differently, leave it alone.
	avail := float32(math.Floor(float64(width-2*th.Size(theme.SizeNameInnerPadding)))) - 1
	switch {
	case avail <= 0:
		l.Text = bidi.Visual(s)
	case l.Wrapping != fyne.TextWrapOff:
		l.Text = bidi.Wrap(s, avail, measure)
	case l.Truncation != fyne.TextTruncateOff:
		l.Text = bidi.Truncate(s, avail, measure)
	default:
		l.Text = bidi.Visual(s)
	}
}
