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

	"clipper/model/find"
)

// kwicRow shows one hit as keyword in context: the left context set flush
// against a fixed column, the match in bold on a tinted background from
// that column on, then the right context; with a headline (project scope)
// a small line names the clipping first.
type kwicRow struct {
	widget.BaseWidget
	titled                   bool // a line for the headline above the hit
	head, left, match, right string
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
		r.head.Text = fitHead(r.k.head, w, caption, fyne.TextStyle{})
		r.head.Move(fyne.NewPos(x0, y))
		y += fyne.MeasureText("Mg", caption, fyne.TextStyle{}).Height
	}
	lineH := fyne.MeasureText("Mg", text, fyne.TextStyle{}).Height
	col := w * 0.38
	r.match.Text = fitHead(r.k.match, w*0.45, text, r.match.TextStyle)
	mw := fyne.MeasureText(r.match.Text, text, r.match.TextStyle).Width
	r.left.Text = fitTail(r.k.left, col-2, text, fyne.TextStyle{})
	lw := fyne.MeasureText(r.left.Text, text, fyne.TextStyle{}).Width
	// The contexts touch the match, as in the text: a gap would read as a
	// space before the punctuation that follows a word.
	r.left.Move(fyne.NewPos(x0+col-lw, y))
	r.match.Move(fyne.NewPos(x0+col, y))
	r.bg.Move(fyne.NewPos(x0+col-1, y))
	r.bg.Resize(fyne.NewSize(mw+2, lineH))
	r.right.Text = fitHead(r.k.right, max(w-col-mw, 0), text, fyne.TextStyle{})
	r.right.Move(fyne.NewPos(x0+col+mw, y))
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
