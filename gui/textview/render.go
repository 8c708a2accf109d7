package textview

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"clipper/gui/textview/layout"
)

const (
	fillAlpha = 0x50 // highlight fill over the tag colour
	bandAlpha = 0xE0 // per-tag bands where highlights overlap
)

// page is the scrolled content. It is as tall as the whole body (MinSize is
// the cached layout height) but holds canvas objects only for the lines
// within one screen of the viewport. It forwards pointer events to the View
// because the scroller would otherwise take drags.
type page struct {
	widget.BaseWidget
	v *View
	r *pageRenderer
}

func newPage(v *View) *page {
	p := &page{v: v}
	p.ExtendBaseWidget(p)
	return p
}

// MinSize is the height of the laid-out body; it is cheap because the
// scroller asks for it on every scroll.
func (p *page) MinSize() fyne.Size {
	return fyne.NewSize(0, p.v.contentHeight())
}

// CreateRenderer implements fyne.Widget.
func (p *page) CreateRenderer() fyne.WidgetRenderer {
	p.r = &pageRenderer{p: p, lineText: map[int]*canvas.Text{}, lineGlyph: map[int]*glyphLine{}}
	p.r.caret = canvas.NewRectangle(color.Transparent)
	p.r.caret.Hide()
	return p.r
}

// rebuild redraws the decorations and lines around the viewport.
func (p *page) rebuild() {
	if p.r != nil {
		p.r.rebuild(false)
	}
}

// scrolled builds new lines when the viewport has left the built band.
func (p *page) scrolled() {
	if p.r == nil {
		return
	}
	off, h := p.v.scroll.Offset.Y, p.v.scroll.Size().Height
	if off < p.r.top || off+h > p.r.bottom {
		p.r.rebuild(true)
	}
}

// rectPool recycles rectangles of one draw layer.
type rectPool struct {
	items []*canvas.Rectangle
	used  int
}

// next returns the next free rectangle, and whether it had to be created.
func (p *rectPool) next() (*canvas.Rectangle, bool) {
	if p.used < len(p.items) {
		p.used++
		return p.items[p.used-1], false
	}
	r := canvas.NewRectangle(color.Transparent)
	p.items = append(p.items, r)
	p.used++
	return r, true
}

func (p *rectPool) hideRest() {
	for _, r := range p.items[p.used:] {
		if r.Visible() {
			r.Hide()
		}
	}
}

// dashBox is a dashed outline drawn by a raster, for suggestions.
type dashBox struct {
	raster      *canvas.Raster
	col         color.NRGBA
	left, right bool // draw the vertical edges (first / last line of the span)
	w           float32
}

func newDashBox() *dashBox {
	d := &dashBox{}
	d.raster = canvas.NewRasterWithPixels(d.pixel)
	return d
}

// pixel draws 1-unit dashes (5 on, 3 off) along the box's edges.
func (d *dashBox) pixel(x, y, w, h int) color.Color {
	scale := float32(1)
	if d.w > 0 {
		scale = float32(w) / d.w
	}
	t := max(1, int(scale+0.5))
	period, on := 8*scale, 5*scale
	dash := func(p int) bool { return float32(math.Mod(float64(p), float64(period))) < on }
	switch {
	case (y < t || y >= h-t) && dash(x):
		return d.col
	case (d.left && x < t || d.right && x >= w-t) && dash(y):
		return d.col
	}
	return color.Transparent
}

// pageRenderer owns pooled canvas objects, drawn in this order: highlight
// fills and bands, suggestion outlines, selection, text, the selected
// highlight's outline, the caret.
type pageRenderer struct {
	p       *page
	objects []fyne.CanvasObject
	grew    bool

	fills     rectPool
	dashes    []*dashBox
	dashUsed  int
	sel       rectPool
	texts     []*canvas.Text
	lineText  map[int]*canvas.Text // line index -> text showing it
	glyphs    []*glyphLine
	lineGlyph map[int]*glyphLine // line index -> glyphs showing it
	outline   rectPool
	caret     *canvas.Rectangle

	plain    map[int]bool // line index -> drawn as one canvas.Text
	plainKey plainKey     // what plain was computed for

	top, bottom float32 // page band the objects cover
	rects       []layout.Rect
	scale       float32 // device pixels per unit
}

func (r *pageRenderer) Layout(fyne.Size)   { r.rebuild(true) }
func (r *pageRenderer) MinSize() fyne.Size { return r.p.MinSize() }
func (r *pageRenderer) Refresh()           { r.rebuild(true) }
func (r *pageRenderer) Destroy()           {}
func (r *pageRenderer) Objects() []fyne.CanvasObject {
	if r.objects == nil || r.grew {
		r.collect()
	}
	return r.objects
}

func (r *pageRenderer) collect() {
	r.grew = false
	objs := make([]fyne.CanvasObject, 0, len(r.fills.items)+len(r.dashes)+len(r.sel.items)+len(r.texts)+len(r.glyphs)+len(r.outline.items)+1)
	for _, o := range r.fills.items {
		objs = append(objs, o)
	}
	for _, d := range r.dashes {
		objs = append(objs, d.raster)
	}
	for _, o := range r.sel.items {
		objs = append(objs, o)
	}
	for _, t := range r.texts {
		objs = append(objs, t)
	}
	for _, g := range r.glyphs {
		objs = append(objs, g.raster)
	}
	for _, o := range r.outline.items {
		objs = append(objs, o)
	}
	r.objects = append(objs, r.caret)
}

// rebuild places objects for the lines within one screen of the viewport.
// The band is kept unless newBand is set or the viewport has left it.
func (r *pageRenderer) rebuild(newBand bool) {
	v := r.p.v
	l := v.ensureLayout()
	if l == nil {
		return
	}
	off, viewH := v.scroll.Offset.Y, v.scroll.Size().Height
	if newBand || off < r.top || off+viewH > r.bottom {
		r.top, r.bottom = off-viewH, off+2*viewH
	}
	mx, my := v.margins()
	top, bottom := r.top-my, r.bottom-my // in layout coordinates
	first, last := l.LinesIn(top, bottom)

	th := v.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	r.scale = 1
	if c := fyne.CurrentApp().Driver().CanvasForObject(r.p); c != nil && c.Scale() > 0 {
		r.scale = c.Scale()
	}
	r.fills.used, r.sel.used, r.outline.used, r.dashUsed = 0, 0, 0, 0

	if first < last {
		from, to := l.Line(first).Start, l.Line(last-1).End
		r.drawHighlights(l, from, to, top, bottom, mx, my, th, variant)
		if s, e := v.Selection(); s < e {
			r.drawSelection(l, s, e, top, bottom, mx, my, th, variant)
		}
		if i := v.marks.byID(v.selID); i >= 0 {
			h := v.marks.hs[i]
			col := opaque(tagColor(h.Color, th, variant))
			for _, rc := range r.rectsOf(l, h.Start, h.End, top, bottom) {
				r.place(&r.outline, mx+rc.X-2, my+rc.Y, rc.W+4, rc.H, color.Transparent, col, 2)
			}
		}
	}
	r.drawText(l, first, last, mx, my, th, variant)
	r.drawCaret(l, mx, my, th, variant)

	r.fills.hideRest()
	r.sel.hideRest()
	r.outline.hideRest()
	for _, d := range r.dashes[r.dashUsed:] {
		if d.raster.Visible() {
			d.raster.Hide()
		}
	}
	if r.grew {
		// New objects have no canvas yet: repaint through one that has.
		r.collect()
		canvas.Refresh(r.caret)
	}
}

// rectsOf returns the line rectangles of [s, e) in the band, with their
// left and right edges on the device pixel grid (in page coordinates, given
// margin mx), so stretches that meet inside a line share an exact edge and
// translucent fills neither overlap nor leave a hairline.
func (r *pageRenderer) rectsOf(l *layout.Layout, s, e int, top, bottom float32) []layout.Rect {
	r.rects = l.Rects(s, e, top, bottom, r.rects[:0])
	mx, _ := r.p.v.margins()
	for i := range r.rects {
		rc := &r.rects[i]
		x0, x1 := r.snap(mx+rc.X), r.snap(mx+rc.X+rc.W)
		rc.X, rc.W = x0-mx, x1-x0
	}
	return r.rects
}

// snap rounds x to the nearest device pixel.
func (r *pageRenderer) snap(x float32) float32 {
	return float32(math.Round(float64(x*r.scale))) / r.scale
}

// drawHighlights fills each stretch with its innermost highlight's colour
// and, where highlights overlap, draws one thin band per highlight at the
// bottom of the line, stacked by layer, so every tag stays visible.
func (r *pageRenderer) drawHighlights(l *layout.Layout, from, to int, top, bottom, mx, my float32, th fyne.Theme, variant fyne.ThemeVariant) {
	m := &r.p.v.marks
	band := max(2, float32(math.Round(float64(l.LineHeight())*0.08)))
	room := l.LineHeight() * 0.3 // bands stay below the text's x-height
	for _, pc := range m.pieces(from, to) {
		fill := withAlpha(tagColor(m.hs[pc.fill].Color, th, variant), fillAlpha)
		rects := r.rectsOf(l, pc.start, pc.end, top, bottom)
		for _, rc := range rects {
			r.place(&r.fills, mx+rc.X, my+rc.Y, rc.W, rc.H, fill, nil, 0)
		}
		// A band sits at its highlight's layer, so it keeps its row along
		// the span; when the layers run out of room, bands are thinned and
		// packed by rank instead.
		h, packed := band, false
		for _, i := range pc.active {
			if float32(m.layer[i]+1)*band > room {
				h, packed = max(1, room/float32(len(pc.active))), true
				break
			}
		}
		for rank, i := range pc.active {
			col := withAlpha(tagColor(m.hs[i].Color, th, variant), bandAlpha)
			k := float32(m.layer[i])
			if packed {
				k = float32(rank)
			}
			for _, rc := range rects {
				r.place(&r.fills, mx+rc.X, my+rc.Y+rc.H-(k+1)*h, rc.W, h, col, nil, 0)
			}
		}
	}
	for _, h := range m.hs {
		if h.Start >= to {
			break
		}
		if !h.Dashed || h.End <= from {
			continue
		}
		col := opaque(tagColor(h.Color, th, variant))
		firstLine, lastLine := l.LineOf(h.Start), l.LineOf(h.End-1)
		for _, rc := range r.rectsOf(l, h.Start, h.End, top, bottom) {
			li := l.LineAt(rc.Y + 1)
			r.placeDash(mx+rc.X, my+rc.Y, rc.W, rc.H, col, li == firstLine, li == lastLine)
		}
	}
}

// drawSelection fills the selection with the theme's selection colour and
// traces the outline of its whole shape (not each line's box), so a
// selection stays distinct from a highlight of a similar colour.
func (r *pageRenderer) drawSelection(l *layout.Layout, s, e int, top, bottom, mx, my float32, th fyne.Theme, variant fyne.ThemeVariant) {
	fill := th.Color(theme.ColorNameSelection, variant)
	edge := withAlpha(fill, 0xC0)
	rs := r.rectsOf(l, s, e, top, bottom)
	const t = 1 // edge thickness
	for i, rc := range rs {
		x0, x1, y0, y1 := mx+rc.X, mx+rc.X+rc.W, my+rc.Y, my+rc.Y+rc.H
		r.place(&r.sel, x0, y0, rc.W, rc.H, fill, nil, 0)
		r.place(&r.sel, x0, y0, t, rc.H, edge, nil, 0)
		r.place(&r.sel, x1-t, y0, t, rc.H, edge, nil, 0)
		var above, below *layout.Rect
		if i > 0 && rs[i-1].Y+rs[i-1].H == rc.Y {
			above = &rs[i-1]
		}
		if i+1 < len(rs) && rc.Y+rc.H == rs[i+1].Y {
			below = &rs[i+1]
		}
		for _, seg := range uncovered(rc, above) {
			r.place(&r.sel, mx+seg[0], y0, seg[1]-seg[0], t, edge, nil, 0)
		}
		for _, seg := range uncovered(rc, below) {
			r.place(&r.sel, mx+seg[0], y1-t, seg[1]-seg[0], t, edge, nil, 0)
		}
	}
}

// uncovered returns the parts of rc's horizontal extent that other (the
// rectangle of the adjacent line, or nil) does not cover.
func uncovered(rc layout.Rect, other *layout.Rect) [][2]float32 {
	a, b := rc.X, rc.X+rc.W
	if other == nil {
		return [][2]float32{{a, b}}
	}
	c, d := other.X, other.X+other.W
	var out [][2]float32
	if c > a {
		out = append(out, [2]float32{a, min(b, c)})
	}
	if d < b {
		out = append(out, [2]float32{max(a, d), b})
	}
	return out
}

// drawText shows lines [first, last): as one canvas.Text each when Fyne
// can draw them with the theme's font (left-to-right text the font has
// glyphs for), else as a glyphLine from the view's own shaped runs. Objects
// that showed the same line before are reused so unchanged lines are not
// re-rasterised.
func (r *pageRenderer) drawText(l *layout.Layout, first, last int, mx, my float32, th fyne.Theme, variant fyne.ThemeVariant) {
	v := r.p.v
	fg := th.Color(theme.ColorNameForeground, variant)
	size, textH := v.meas.size, v.meas.textH
	dy := (l.LineHeight() - textH) / 2
	if k := (plainKey{l, l.Width(), v.meas}); k != r.plainKey {
		r.plainKey, r.plain = k, map[int]bool{}
	}
	var plain, shaped []int
	for i := first; i < last; i++ {
		p, ok := r.plain[i]
		if !ok {
			p = !l.IsBidi(i) && v.meas.simple(l.LineText(i))
			r.plain[i] = p
		}
		if p {
			plain = append(plain, i)
		} else {
			shaped = append(shaped, i)
		}
	}

	texts, free := reuse(r.lineText, r.texts, plain)
	for _, i := range plain {
		t, ok := texts[i]
		if !ok {
			if len(free) > 0 {
				t, free = free[len(free)-1], free[:len(free)-1]
			} else {
				t = canvas.NewText("", fg)
				r.texts = append(r.texts, t)
				r.grew = true
			}
			texts[i] = t
		}
		ln := l.Line(i)
		str := drawable(l.LineText(i))
		if t.Text != str || t.Color != fg || t.TextSize != size {
			t.Text, t.Color, t.TextSize = str, fg, size
			t.Refresh()
		}
		t.Move(fyne.NewPos(mx, r.snap(my+ln.Y+dy))) // whole pixels keep glyphs crisp
		t.Resize(fyne.NewSize(ln.Width, textH))
		if !t.Visible() {
			t.Show()
		}
	}
	for _, t := range free {
		if t.Visible() {
			t.Hide()
		}
	}
	r.lineText = texts

	glyphs, freeG := reuse(r.lineGlyph, r.glyphs, shaped)
	for _, i := range shaped {
		g, ok := glyphs[i]
		if !ok {
			if len(freeG) > 0 {
				g, freeG = freeG[len(freeG)-1], freeG[:len(freeG)-1]
			} else {
				g = newGlyphLine()
				r.glyphs = append(r.glyphs, g)
				r.grew = true
			}
			glyphs[i] = g
		}
		ln := l.Line(i)
		changed := g.set(l, i, v.meas, fg, v.reading)
		g.place(mx+ln.X, r.snap(my+ln.Y), l.LineHeight())
		if changed {
			g.raster.Refresh()
		}
		if !g.raster.Visible() {
			g.raster.Show()
		}
	}
	for _, g := range freeG {
		if g.raster.Visible() {
			g.raster.Hide()
		}
	}
	r.lineGlyph = glyphs
}

// plainKey is what decides which lines are drawn as canvas.Text.
type plainKey struct {
	l    *layout.Layout
	w    float32
	meas *measurer
}

// reuse splits the objects in all between the lines that keep the object
// they had (returned by line) and the free ones.
func reuse[T comparable](byLine map[int]T, all []T, lines []int) (map[int]T, []T) {
	next := make(map[int]T, len(lines))
	for _, i := range lines {
		if o, ok := byLine[i]; ok {
			next[i] = o
		}
	}
	used := make(map[T]bool, len(next))
	for _, o := range next {
		used[o] = true
	}
	var free []T
	for _, o := range all {
		if !used[o] {
			free = append(free, o)
		}
	}
	return next, free
}

func (r *pageRenderer) drawCaret(l *layout.Layout, mx, my float32, th fyne.Theme, variant fyne.ThemeVariant) {
	v := r.p.v
	if !v.focused {
		if r.caret.Visible() {
			r.caret.Hide()
		}
		return
	}
	x, y := l.OffsetToPoint(v.active)
	col := th.Color(theme.ColorNamePrimary, variant)
	if r.caret.FillColor != col {
		r.caret.FillColor = col
		r.caret.Refresh()
	}
	r.caret.Move(fyne.NewPos(r.snap(mx+x-1), my+y))
	r.caret.Resize(fyne.NewSize(2, l.LineHeight()))
	if !r.caret.Visible() {
		r.caret.Show()
	}
}

// place positions the next rectangle of pool p.
func (r *pageRenderer) place(p *rectPool, x, y, w, h float32, fill, stroke color.Color, strokeW float32) {
	o, created := p.next()
	if created {
		r.grew = true
	}
	if o.FillColor != fill || o.StrokeColor != stroke || o.StrokeWidth != strokeW {
		o.FillColor, o.StrokeColor, o.StrokeWidth = fill, stroke, strokeW
		if strokeW > 0 {
			o.CornerRadius = 3
		} else {
			o.CornerRadius = 0
		}
		o.Refresh()
	}
	o.Move(fyne.NewPos(x, y))
	o.Resize(fyne.NewSize(w, h))
	if !o.Visible() {
		o.Show()
	}
}

func (r *pageRenderer) placeDash(x, y, w, h float32, col color.NRGBA, left, right bool) {
	if r.dashUsed == len(r.dashes) {
		r.dashes = append(r.dashes, newDashBox())
		r.grew = true
	}
	d := r.dashes[r.dashUsed]
	r.dashUsed++
	if d.col != col || d.left != left || d.right != right || d.w != w {
		d.col, d.left, d.right, d.w = col, left, right, w
		d.raster.Refresh()
	}
	d.raster.Move(fyne.NewPos(x, y))
	d.raster.Resize(fyne.NewSize(w, h))
	if !d.raster.Visible() {
		d.raster.Show()
	}
}

// tagColor returns c, or the theme's primary colour when c is nil.
func tagColor(c color.Color, th fyne.Theme, variant fyne.ThemeVariant) color.Color {
	if c == nil {
		return th.Color(theme.ColorNamePrimary, variant)
	}
	return c
}

func withAlpha(c color.Color, a uint8) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = a
	return n
}

func opaque(c color.Color) color.NRGBA { return withAlpha(c, 0xFF) }
