package textview

import (
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/bidi"
)

// direction says how a string is shaped: by its own letters (for
// measuring), or as the layout placed it.
type direction uint8

const (
	dirAuto direction = iota // right to left when the run's first strong letter is
	dirLTR
	dirRTL
)

// item is a stretch of a string shaped in one face, script and direction.
type item struct {
	start, end int // runes
	script     language.Script
	face       *font.Face
	rtl        bool
}

// itemize splits rs into runs of one script (common characters such as
// digits, spaces and punctuation join the run around them), picks one face
// per run (fontSet.runFace) and splits further only where a rune is missing
// from that face: fallback is per run, not per glyph.
func (fs *fontSet) itemize(rs []rune, dir direction, out []item) []item {
	n := len(rs)
	if n == 0 {
		return out
	}
	scripts := make([]language.Script, n)
	for i, r := range rs {
		scripts[i] = language.LookupScript(r)
	}
	// Common and inherited characters take the script before them; leading
	// ones take the first real script after them.
	real := func(s language.Script) bool {
		return s != language.Common && s != language.Inherited && s != language.Unknown
	}
	cur := language.Common
	for i := range scripts {
		if real(scripts[i]) {
			cur = scripts[i]
		} else {
			scripts[i] = cur
		}
	}
	if !real(scripts[0]) {
		first := language.Common
		for _, s := range scripts {
			if real(s) {
				first = s
				break
			}
		}
		for i := 0; i < n && !real(scripts[i]); i++ {
			scripts[i] = first
		}
	}
	for start := 0; start < n; {
		end := start + 1
		for end < n && scripts[end] == scripts[start] {
			end++
		}
		sig := start // first rune that decides the run's face
		for sig < end-1 && (keepsFace(rs[sig]) || (language.LookupScript(rs[sig]) != scripts[start] && real(scripts[start]))) {
			sig++
		}
		runFace := fs.runFace(scripts[start], rs[sig])
		if runFace == nil {
			runFace = fs.primary()
		}
		it := item{start: start, script: scripts[start], face: fs.faceFor(runFace, rs[start])}
		for i := start + 1; i < end; i++ {
			f := fs.faceFor(runFace, rs[i])
			if keepsFace(rs[i]) || f == it.face {
				continue
			}
			it.end = i
			out = append(out, it)
			it = item{start: i, script: scripts[start], face: f}
		}
		it.end = end
		out = append(out, it)
		start = end
	}
	for i := range out {
		switch dir {
		case dirRTL:
			out[i].rtl = true
		case dirAuto:
			out[i].rtl = firstStrongRTL(rs[out[i].start:out[i].end])
		}
	}
	return out
}

// firstStrongRTL reports whether the first strong letter of rs is right to
// left.
func firstStrongRTL(rs []rune) bool {
	for _, r := range rs {
		if r < 0x80 {
			if ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') {
				return false
			}
			continue
		}
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L:
			return false
		case bidi.R, bidi.AL:
			return true
		}
	}
	return false
}

// shapeItems shapes rs item by item and returns the outputs in visual
// order (items right to left when dir is dirRTL) and the total advance.
func (m *measurer) shapeItems(rs []rune, dir direction, outs []shaping.Output) ([]shaping.Output, fixed.Int26_6) {
	m.items = m.fonts.itemize(rs, dir, m.items[:0])
	var adv fixed.Int26_6
	first := len(outs)
	for _, it := range m.items {
		d := di.DirectionLTR
		if it.rtl {
			d = di.DirectionRTL
		}
		o := m.shaper.Shape(shaping.Input{
			Text:      rs,
			RunStart:  it.start,
			RunEnd:    it.end,
			Direction: d,
			Face:      it.face,
			Size:      m.fsize(),
			Script:    it.script,
		})
		adv += o.Advance
		outs = append(outs, o)
	}
	if dir == dirRTL {
		for i, j := first, len(outs)-1; i < j; i, j = i+1, j-1 {
			outs[i], outs[j] = outs[j], outs[i]
		}
	}
	return outs, adv
}

func (m *measurer) fsize() fixed.Int26_6 { return fixed.Int26_6(float64(m.size) * 64) }
