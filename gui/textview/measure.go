package textview

import (
	"bytes"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

const (
	// lineSpacing is the line height as a multiple of the text height.
	lineSpacing = 1.4
	// maxCachedWidths bounds the per-string width cache; it is reset when full.
	maxCachedWidths = 200_000
	// batchRunes bounds the text shaped in one call.
	batchRunes = 4096
)

// measurer is the view's layout.Measurer. Widths equal what the view
// draws, cached per string. Latin-script strings whose every glyph is in
// the primary face (the theme's text font, or the reading font) are shaped
// directly in it, in batches; a line made only of those is drawn by Fyne as
// one canvas.Text, which is what Fyne measures too. Any other string is
// shaped run by run with font fallback (fontSet), in the same way the view
// then draws it. Use it on the UI goroutine only.
type measurer struct {
	size   float32
	style  fyne.TextStyle
	textH  float32
	lineH  float32
	ascent float32 // baseline below the top of the text
	widths map[string]float32

	face   *font.Face // primary face; nil: every string goes through fyne.MeasureText
	fonts  *fontSet   // nil: as face nil
	shaper shaping.HarfbuzzShaper
	runes  []rune // batch being shaped
	one    []rune // single string being shaped
	outs   []shaping.Output
	items  []item
	glyphs map[glyphKey][]shaping.Output // shaped runs for drawing
	carets map[string][]float32

	fastGlyph [0x20C1]uint8 // 0 unknown, 1 in the primary face, 2 not
}

// glyphKey identifies a shaped run: its text and direction.
type glyphKey struct {
	s   string
	dir direction
}

// newMeasurer measures at size with fonts (nil to always use
// fyne.MeasureText).
func newMeasurer(size float32, style fyne.TextStyle, fonts *fontSet) *measurer {
	m := &measurer{size: size, style: style, fonts: fonts, widths: make(map[string]float32, 4096),
		glyphs: make(map[glyphKey][]shaping.Output), carets: make(map[string][]float32)}
	// The shaper keeps no harfbuzz font unless told to; rebuilding one per
	// call dominated measuring text in fallback fonts.
	m.shaper.SetFontCacheSize(16)
	if fonts != nil {
		m.face = fonts.primary()
	}
	m.textH = fyne.MeasureText("Mg", size, style).Height
	m.lineH = float32(int(m.textH*lineSpacing + 0.5))
	m.ascent = m.textH * 0.8
	if m.face != nil {
		out := m.shaper.Shape(shaping.Input{Text: []rune{' '}, RunEnd: 1, Direction: di.DirectionLTR, Face: fonts.theme, Size: m.fsize()})
		m.ascent = fixed266(out.LineBounds.Ascent)
	}
	return m
}

// parseFace parses a theme font for the fast path.
func parseFace(res fyne.Resource) (*font.Face, error) {
	if res == nil {
		return nil, fmt.Errorf("parse text font: theme returned no font resource")
	}
	f, err := font.ParseTTF(bytes.NewReader(res.Content()))
	if err != nil {
		return nil, fmt.Errorf("parse text font %q: %w", res.Name(), err)
	}
	return f, nil
}

// LineHeight returns the height of one line of text.
func (m *measurer) LineHeight() float32 { return m.lineH }

// Advance returns the width of s as drawn by canvas.Text.
func (m *measurer) Advance(s string) float32 {
	if s == "" {
		return 0
	}
	if w, ok := m.widths[s]; ok {
		return w
	}
	var w float32
	// Not m.runes: Advances holds a batch there while it measures strings
	// off the fast path one by one.
	rs := m.one[:0]
	switch {
	case m.shapeable(s):
		for _, r := range s {
			rs = append(rs, r)
		}
		w = m.shape(rs, nil, nil)
	case m.fonts != nil:
		for _, r := range drawable(s) {
			rs = append(rs, r)
		}
		var adv fixed.Int26_6
		m.outs, adv = m.shapeItems(rs, dirAuto, m.outs[:0])
		w = fixed266(adv)
	default:
		w = fyne.MeasureText(drawable(s), m.size, m.style).Width
	}
	m.one = rs
	m.store(s, w)
	return w
}

// Carets implements layout.CaretMeasurer: the advance at each code-point
// boundary of s shaped whole, each glyph cluster's advance shared evenly by
// the code points it draws. It is cached and must not be changed.
func (m *measurer) Carets(s string) []float32 {
	if cs, ok := m.carets[s]; ok {
		return cs
	}
	rs := []rune(drawable(s))
	var outs []shaping.Output
	if m.shapeable(s) {
		outs = []shaping.Output{m.shaper.Shape(m.fastInput(rs))}
	} else if m.fonts != nil {
		outs, _ = m.shapeItems(rs, dirAuto, nil)
	} else {
		w := m.Advance(s)
		cs := make([]float32, len(rs)+1)
		for i := range cs {
			cs[i] = w * float32(i) / float32(max(1, len(rs)))
		}
		return cs
	}
	// Advance of each cluster, keyed by its first code point.
	adv := make([]fixed.Int26_6, len(rs)+1)
	starts := make([]bool, len(rs)+1)
	for _, o := range outs {
		for _, g := range o.Glyphs {
			adv[g.ClusterIndex] += g.XAdvance
			starts[g.ClusterIndex] = true
		}
	}
	starts[len(rs)] = true
	cs := make([]float32, len(rs)+1)
	var x fixed.Int26_6
	for i := 0; i < len(rs); {
		j := i + 1
		for j < len(rs) && !starts[j] {
			j++
		}
		for k := i; k < j; k++ {
			cs[k] = fixed266(x + adv[i]*fixed.Int26_6(k-i)/fixed.Int26_6(j-i))
		}
		x += adv[i]
		i = j
	}
	cs[len(rs)] = fixed266(x)
	if len(m.carets) >= maxCachedWidths/4 {
		clear(m.carets)
	}
	m.carets[strings.Clone(s)] = cs
	return cs
}

// glyphRuns returns s shaped for drawing in direction dir: its runs in
// visual order, each in its own face. The result is cached and must not be
// changed.
func (m *measurer) glyphRuns(s string, dir direction) []shaping.Output {
	k := glyphKey{s, dir}
	if g, ok := m.glyphs[k]; ok {
		return g
	}
	var outs []shaping.Output
	if m.fonts != nil {
		if dir == dirLTR && m.shapeable(s) {
			rs := []rune(s)
			outs = []shaping.Output{m.shaper.Shape(m.fastInput(rs))}
		} else {
			outs, _ = m.shapeItems([]rune(drawable(s)), dir, nil)
		}
	}
	if len(m.glyphs) >= maxCachedWidths/4 {
		clear(m.glyphs)
	}
	m.glyphs[glyphKey{strings.Clone(s), dir}] = outs
	return outs
}

// simple reports whether a left-to-right line of text s can be drawn by
// Fyne as one canvas.Text with the theme's font, at the width measured.
func (m *measurer) simple(s string) bool {
	return m.fonts != nil && m.fonts.reading == nil && m.shapeable(s)
}

// Advances measures many strings; strings on the fast path that are not yet
// cached are shaped together, separated by NUL (which never kerns).
func (m *measurer) Advances(strs []string, out []float32) {
	type pending struct {
		s          string
		start, end int // rune range in m.runes
	}
	var batch []pending
	seen := make(map[string]bool)
	flush := func() {
		if len(batch) == 0 {
			return
		}
		widths := make([]fixed.Int26_6, len(batch))
		owner := make([]int32, len(m.runes))
		for i := range owner {
			owner[i] = -1
		}
		for i, p := range batch {
			for r := p.start; r < p.end; r++ {
				owner[r] = int32(i)
			}
		}
		m.shape(m.runes, owner, widths)
		for i, p := range batch {
			m.store(p.s, fixed266(widths[i]))
		}
		batch = batch[:0]
		clear(seen)
		m.runes = m.runes[:0]
	}
	m.runes = m.runes[:0]
	for _, s := range strs {
		if s == "" {
			continue
		}
		if _, ok := m.widths[s]; ok {
			continue
		}
		if _, ok := seen[s]; ok {
			continue
		}
		if !m.shapeable(s) {
			m.Advance(s)
			continue
		}
		if len(m.runes) > batchRunes {
			flush()
		}
		start := len(m.runes)
		for _, r := range s {
			m.runes = append(m.runes, r)
		}
		seen[s] = true
		batch = append(batch, pending{s: s, start: start, end: len(m.runes)})
		m.runes = append(m.runes, 0)
	}
	flush()
	for i, s := range strs {
		out[i] = m.Advance(s) // cached now
	}
}

// store caches w for a copy of s, so the cache does not keep whole bodies
// alive through substrings.
func (m *measurer) store(s string, w float32) {
	if len(m.widths) >= maxCachedWidths {
		clear(m.widths)
	}
	m.widths[strings.Clone(s)] = w
}

// shape shapes text with the fast-path face. With owner and widths it adds
// each glyph's advance to widths[owner[cluster]] and returns 0; otherwise it
// returns the total advance.
func (m *measurer) shape(text []rune, owner []int32, widths []fixed.Int26_6) float32 {
	out := m.shaper.Shape(m.fastInput(text))
	if owner == nil {
		return fixed266(out.Advance)
	}
	for _, g := range out.Glyphs {
		if o := owner[g.ClusterIndex]; o >= 0 {
			widths[o] += g.XAdvance
		}
	}
	return 0
}

// fastInput is the shaping input of the fast path: the primary face, Latin
// script, left to right, as Fyne shapes a canvas.Text.
func (m *measurer) fastInput(text []rune) shaping.Input {
	return shaping.Input{
		Text:      text,
		RunStart:  0,
		RunEnd:    len(text),
		Direction: di.DirectionLTR,
		Face:      m.face,
		Size:      m.fsize(),
		Script:    language.Latin,
	}
}

func fixed266(v fixed.Int26_6) float32 { return float32(float64(v) / 64) }

// shapeable reports whether s can be shaped on the fast path: Latin-script
// text, digits and common punctuation that the face has glyphs for, not
// starting with a combining mark.
func (m *measurer) shapeable(s string) bool {
	if m.face == nil {
		return false
	}
	for i, r := range s {
		if !fastRune(r) || (i == 0 && r >= 0x300 && r <= 0x36F) {
			return false
		}
		if !m.hasGlyph(r) {
			return false
		}
	}
	return true
}

// hasGlyph reports whether the primary face has r, remembering the answer
// for the runes the fast path takes (all below U+20C1).
func (m *measurer) hasGlyph(r rune) bool {
	if int(r) >= len(m.fastGlyph) {
		_, ok := m.face.NominalGlyph(r)
		return ok
	}
	switch m.fastGlyph[r] {
	case 1:
		return true
	case 2:
		return false
	}
	_, ok := m.face.NominalGlyph(r)
	m.fastGlyph[r] = 2
	if ok {
		m.fastGlyph[r] = 1
	}
	return ok
}

func fastRune(r rune) bool {
	switch {
	case r < 0x20 || (r >= 0x7F && r < 0xA0):
		return false // controls (tabs are measured as drawn, via Fyne)
	case r < 0x250, r >= 0x300 && r <= 0x36F, r >= 0x1E00 && r <= 0x1EFF:
		return true // Latin, combining diacritics
	case r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205E:
		return true // dashes, quotes, bullets, primes
	case r >= 0x20A0 && r <= 0x20C0:
		return true // currency
	}
	return false
}

// drawable returns s as the view draws it: tabs become spaces, because a
// tab's width in Fyne depends on where the string starts.
func drawable(s string) string {
	if strings.IndexByte(s, '\t') < 0 {
		return s
	}
	return strings.ReplaceAll(s, "\t", " ")
}
