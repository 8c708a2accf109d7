package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
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

// readerLayout gives the text view all the height that the header (wrapped
// labels at the full width) and the footer (captions, at most a quarter of
// the height) leave. Border layouts cannot do this: they ask a wrapped
// label's height before they know its width.
type readerLayout struct {
	head, foot []fyne.CanvasObject
	side       fyne.CanvasObject // beside the header, top right (the edit button)
	view       fyne.CanvasObject
}

func (l *readerLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(240, 200)
}

func (l *readerLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	sideW := l.side.MinSize().Width
	l.side.Move(fyne.NewPos(size.Width-sideW, 0))
	l.side.Resize(l.side.MinSize())
	top := stackedHeight(l.head, 0, 0, size.Width-sideW, true)
	footH := min(stackedHeight(l.foot, 0, 0, size.Width, false), size.Height/4)
	stackedHeight(l.foot, 0, size.Height-footH, size.Width, true)
	l.view.Move(fyne.NewPos(0, top))
	l.view.Resize(fyne.NewSize(size.Width, max(size.Height-top-footH, 0)))
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
	head := widget.NewLabel("head")
	head.TextStyle = fyne.TextStyle{Bold: true}
	head.Truncation = fyne.TextTruncateEllipsis
	if small {
		head.SizeName = theme.SizeNameCaptionText
	}
	text := widget.NewLabel("text")
	text.Truncation = fyne.TextTruncateEllipsis
	return container.New(&tightVBox{}, head, text)
}

// setTwoLines fills a row made by twoLineRow.
func setTwoLines(row fyne.CanvasObject, head, text string) {
	box := row.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(head)
	box.Objects[1].(*widget.Label).SetText(text)
}
