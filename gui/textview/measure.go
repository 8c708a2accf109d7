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

// measurer is the view's layout.Measurer. Widths equal fyne.MeasureText's
// (the same text is drawn one line per canvas.Text), cached per string.
// Latin-script strings whose every glyph is in the theme's text font are
// shaped directly with go-text, in batches, which is what Fyne does
// internally but without allocating a shaper per call; anything else goes
// through fyne.MeasureText. Use it on the UI goroutine only.
type measurer struct {
	size   float32
	style  fyne.TextStyle
	textH  float32
	lineH  float32
	widths map[string]float32

	face   *font.Face // nil: every string goes through fyne.MeasureText
	shaper shaping.HarfbuzzShaper
	runes  []rune
}

// newMeasurer measures at size with face, the parsed theme text font (nil to
// always use fyne.MeasureText).
func newMeasurer(size float32, style fyne.TextStyle, face *font.Face) *measurer {
	m := &measurer{size: size, style: style, face: face, widths: make(map[string]float32, 4096)}
	m.textH = fyne.MeasureText("Mg", size, style).Height
	m.lineH = float32(int(m.textH*lineSpacing + 0.5))
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
	if m.shapeable(s) {
		m.runes = m.runes[:0]
		for _, r := range s {
			m.runes = append(m.runes, r)
		}
		w = m.shape(m.runes, nil, nil)
	} else {
		w = fyne.MeasureText(drawable(s), m.size, m.style).Width
	}
	m.store(s, w)
	return w
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
	out := m.shaper.Shape(shaping.Input{
		Text:      text,
		RunStart:  0,
		RunEnd:    len(text),
		Direction: di.DirectionLTR,
		Face:      m.face,
		Size:      fixed.Int26_6(float64(m.size) * 64),
		Script:    language.Latin,
	})
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
		if _, ok := m.face.NominalGlyph(r); !ok {
			return false
		}
	}
	return true
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
