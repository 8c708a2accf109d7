package gui

import (
	"image/color"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"clipper/gui/bidi"
	"clipper/model/find"
)

// kwicRow shows one hit as keyword in context: the left context set flush
// against a fixed column, the match in bold on a tinted background from
// that column on, then the right context; with a headline (project scope)
// a small line names the clipping first. A hit in right-to-left text is
// laid out mirrored — the context before it on the right — and each part is
// drawn in visual order (see gui/bidi).
type kwicRow struct {
	widget.BaseWidget
	titled                   bool // a line for the headline above the hit
	head, left, match, right string
	rtl                      bool // the hit's text reads right to left
}

func newKWICRow(titled bool) *kwicRow {
	k := &kwicRow{titled: titled}
	k.ExtendBaseWidget(k)
	return k
}

// set shows hit h; head is the clipping's headline or "" for none.
func (k *kwicRow) set(head string, h find.Hit) {
	k.head = head
	k.left = h.Left
	if h.Start > find.Context {
		// The context was cut: start at a whole word.
		if i := strings.IndexFunc(k.left, unicode.IsSpace); i >= 0 && i < len(k.left)-1 {
			k.left = k.left[i+1:]
		}
		k.left = "…" + k.left
	}
	k.match = oneLine(h.Match)
	k.right = h.Right
	if utf8.RuneCountInString(k.right) >= find.Context-4 {
		// Probably cut: end at a whole word.
		if i := strings.LastIndexFunc(k.right, unicode.IsSpace); i > 0 {
			k.right = k.right[:i]
		}
		k.right += "…"
	}
	k.rtl = bidi.IsRTL(k.left + k.match + k.right)
	k.Refresh()
}

func (k *kwicRow) CreateRenderer() fyne.WidgetRenderer {
	r := &kwicRenderer{k: k, bg: canvas.NewRectangle(color.Transparent)}
	r.bg.CornerRadius = 3
	for _, t := range []**canvas.Text{&r.head, &r.left, &r.match, &r.right} {
		*t = canvas.NewText("", color.Black)
	}
	r.match.TextStyle = fyne.TextStyle{Bold: true}
	r.Refresh()
	return r
}

type kwicRenderer struct {
	k                        *kwicRow
	bg                       *canvas.Rectangle
	head, left, match, right *canvas.Text
}

func (r *kwicRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.head, r.left, r.match, r.right}
}

func (r *kwicRenderer) Destroy() {}

func (r *kwicRenderer) sizes() (pad, text, caption float32) {
	th := r.k.Theme()
	return th.Size(theme.SizeNamePadding), th.Size(theme.SizeNameText), th.Size(theme.SizeNameCaptionText)
}

func (r *kwicRenderer) MinSize() fyne.Size {
	pad, text, caption := r.sizes()
	h := fyne.MeasureText("Mg", text, fyne.TextStyle{}).Height + pad
	if r.k.titled {
		h += fyne.MeasureText("Mg", caption, fyne.TextStyle{}).Height
	}
	return fyne.NewSize(120, h)
}

func (r *kwicRenderer) Layout(size fyne.Size) {
	pad, text, caption := r.sizes()
	y := pad / 2
	x0, w := pad, size.Width-2*pad
	r.head.Hidden = !r.k.titled
	if r.k.titled {
		head := fitHead(r.k.head, w, caption, fyne.TextStyle{})
		x := x0
		if bidi.IsRTL(head) {
			x = x0 + w - fyne.MeasureText(head, caption, fyne.TextStyle{}).Width
		}
		r.head.Text = bidi.Visual(head)
		r.head.Move(fyne.NewPos(x, y))
		y += fyne.MeasureText("Mg", caption, fyne.TextStyle{}).Height
	}
	lineH := fyne.MeasureText("Mg", text, fyne.TextStyle{}).Height
	col := w * 0.38
	// place puts o's left edge at x, or mirrors it when the hit reads
	// right to left.
	place := func(o fyne.CanvasObject, x, width float32) {
		if r.k.rtl {
			x = 2*x0 + w - x - width
		}
		o.Move(fyne.NewPos(x, y))
	}
	match := fitHead(r.k.match, w*0.45, text, r.match.TextStyle)
	mw := fyne.MeasureText(match, text, r.match.TextStyle).Width
	left := fitTail(r.k.left, col-2, text, fyne.TextStyle{})
	lw := fyne.MeasureText(left, text, fyne.TextStyle{}).Width
	// The contexts touch the match, as in the text: a gap would read as a
	// space before the punctuation that follows a word.
	place(r.left, x0+col-lw, lw)
	place(r.match, x0+col, mw)
	place(r.bg, x0+col-1, mw+2)
	r.bg.Resize(fyne.NewSize(mw+2, lineH))
	right := fitHead(r.k.right, max(w-col-mw, 0), text, fyne.TextStyle{})
	place(r.right, x0+col+mw, fyne.MeasureText(right, text, fyne.TextStyle{}).Width)
	r.left.Text = bidi.VisualDir(left, r.k.rtl)
	r.match.Text = bidi.VisualDir(match, r.k.rtl)
	r.right.Text = bidi.VisualDir(right, r.k.rtl)
	for _, t := range []*canvas.Text{r.head, r.left, r.match, r.right} {
		t.Refresh()
	}
}

func (r *kwicRenderer) Refresh() {
	th := r.k.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	_, text, caption := r.sizes()
	fg := th.Color(theme.ColorNameForeground, v)
	r.head.Color = th.Color(theme.ColorNamePlaceHolder, v)
	r.head.TextSize = caption
	r.left.Color, r.match.Color, r.right.Color = fg, fg, fg
	r.left.TextSize, r.match.TextSize, r.right.TextSize = text, text, text
	hl := th.Color(theme.ColorNamePrimary, v)
	cr, cg, cb, _ := hl.RGBA()
	r.bg.FillColor = color.NRGBA{R: uint8(cr >> 8), G: uint8(cg >> 8), B: uint8(cb >> 8), A: 0x48}
	r.Layout(r.k.Size())
	r.bg.Refresh()
}

// fitHead keeps the start of s that fits in width w, ending in "…" when cut.
func fitHead(s string, w, size float32, style fyne.TextStyle) string {
	if w <= 0 {
		return ""
	}
	if fyne.MeasureText(s, size, style).Width <= w {
		return s
	}
	rs := []rune(s)
	lo, hi := 0, len(rs) // the longest prefix that fits is in [lo, hi)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(rs[:mid])+"…", size, style).Width <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ""
	}
	kept := string(rs[:lo])
	if lo < len(rs) && !unicode.IsSpace(rs[lo]) {
		// Cut inside a word: end at the word before, when there is one.
		if i := strings.LastIndexFunc(kept, unicode.IsSpace); i > 0 {
			kept = kept[:i]
		}
	}
	return strings.TrimRightFunc(kept, unicode.IsSpace) + "…"
}

// fitTail keeps the end of s that fits in width w, starting with "…" when cut.
func fitTail(s string, w, size float32, style fyne.TextStyle) string {
	if w <= 0 {
		return ""
	}
	if fyne.MeasureText(s, size, style).Width <= w {
		return s
	}
	rs := []rune(s)
	lo, hi := 0, len(rs) // the longest suffix that fits
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText("…"+string(rs[len(rs)-mid:]), size, style).Width <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ""
	}
	kept := string(rs[len(rs)-lo:])
	if cut := len(rs) - lo; cut > 0 && !unicode.IsSpace(rs[cut-1]) {
		// Cut inside a word: start at the word after, when there is one.
		if i := strings.IndexFunc(kept, unicode.IsSpace); i >= 0 && i < len(kept)-1 {
			kept = kept[i:]
		}
	}
	return "…" + strings.TrimLeftFunc(kept, unicode.IsSpace)
}
