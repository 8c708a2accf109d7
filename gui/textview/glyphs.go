package textview

import (
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"github.com/go-text/render"
	"github.com/go-text/typesetting/shaping"

	"clipper/gui/textview/layout"
)

// glyphLine draws one line from the view's own shaped runs, for lines Fyne
// cannot draw as one canvas.Text: text in fonts other than the theme's
// (fallback fonts for Chinese, Arabic, …; a reading font) or in more than
// one direction. Each layout run is drawn at the x the layout gave it, so
// highlights, selection and hit-testing line up with the glyphs.
type glyphLine struct {
	raster *canvas.Raster
	runs   []placedRun
	col    color.Color
	size   float32 // text size
	w      float32 // raster width in units
	base   float32 // baseline below the raster's top, in units
	key    glyphLineKey
}

// placedRun is one layout run's shaped output at x units from the
// raster's left edge.
type placedRun struct {
	x    float32
	outs []shaping.Output
}

// glyphLineKey is what a glyphLine's picture depends on.
type glyphLineKey struct {
	text    string
	x, w    float32
	size    float32
	col     color.NRGBA
	reading string
}

// glyphPad is the room left of and right of a line for glyphs that reach
// past their advance (swashes, italic overhangs, marks), in line heights.
const glyphPad = 0.5

func newGlyphLine() *glyphLine {
	g := &glyphLine{}
	g.raster = canvas.NewRaster(g.draw)
	return g
}

// set shapes line i of l for drawing, unless it shows the same text as
// before, and reports whether the picture changed.
func (g *glyphLine) set(l *layout.Layout, i int, m *measurer, col color.Color, reading string) bool {
	ln := l.Line(i)
	key := glyphLineKey{text: l.LineText(i), x: ln.X, w: ln.Width, size: m.size,
		col: color.NRGBAModel.Convert(col).(color.NRGBA), reading: reading}
	if g.key == key && g.runs != nil {
		return false
	}
	g.key, g.col, g.size = key, col, m.size
	pad := glyphPad * l.LineHeight()
	g.w = ln.Width + 2*pad
	g.base = (l.LineHeight()-m.textH)/2 + m.ascent
	g.runs = g.runs[:0]
	for _, r := range l.LineRuns(i, nil) {
		dir := dirLTR
		if r.RTL {
			dir = dirRTL
		}
		outs := m.glyphRuns(l.Slice(r.Start, r.End), dir)
		g.runs = append(g.runs, placedRun{x: r.X - ln.X + pad, outs: outs})
	}
	return true
}

// draw renders the runs at the raster's pixel size.
func (g *glyphLine) draw(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	if g.w <= 0 || w <= 0 {
		return img
	}
	scale := float32(w) / g.w
	r := render.Renderer{FontSize: g.size, PixScale: scale, Color: g.col}
	base := int(math.Round(float64(g.base * scale)))
	for _, pr := range g.runs {
		x := pr.x
		for _, out := range pr.outs {
			if len(out.Glyphs) > 0 {
				r.DrawShapedRunAt(out, img, int(math.Round(float64(x*scale))), base)
			}
			x += fixed266(out.Advance)
		}
	}
	return img
}

// place positions the line's raster for a line at (x, y) in the page.
func (g *glyphLine) place(x, y, lineH float32) {
	pad := glyphPad * lineH
	g.raster.Move(fyne.NewPos(x-pad, y))
	g.raster.Resize(fyne.NewSize(g.w, lineH))
}
