// Package bidi prepares text that holds right-to-left script (Arabic,
// Hebrew, Persian, Urdu) for Fyne's stock text widgets (widget.Label,
// canvas.Text). Fyne 2.7 splits a string into runs of one direction, script
// and font and shapes each in its direction, but places the runs left to
// right in logical order, so a right-to-left line with numbers, Latin words
// or punctuation comes out scrambled. Visual orders a line's runs as the
// Unicode bidirectional algorithm does (UAX #9, levels resolved by
// gui/textview/layout, reordered by rule L2) and pins each piece's direction
// with directional marks, so that Fyne draws the pieces in that order; Wrap
// and Truncate break and cut in logical order first. The package does not
// import Fyne.
package bidi

import (
	"slices"
	"strings"
	"unicode"

	ubidi "golang.org/x/text/unicode/bidi"

	"clipper/gui/textview/layout"
)

// The marks that pin a piece's direction. They are strong characters of no
// width that Fyne's shaper draws as nothing.
const (
	lrm = '\u200e' // left-to-right mark
	rlm = '\u200f' // right-to-left mark
)

// HasRTL reports whether s holds right-to-left text. Text without any is
// shown by Fyne as it is and needs nothing from this package.
func HasRTL(s string) bool { return layout.HasRTL(s) }

// IsRTL reports whether s reads right to left: the first of its lines with a
// strong character starts with a right-to-left one (UAX #9, rules P2 and P3).
// Such text is right-aligned.
func IsRTL(s string) bool {
	for _, r := range s {
		p, _ := ubidi.LookupRune(r)
		switch p.Class() {
		case ubidi.L:
			return false
		case ubidi.R, ubidi.AL:
			return true
		}
	}
	return false
}

// Visual returns s for Fyne to draw in visual order: each line of s is a
// paragraph whose direction comes from its first strong character. Text
// without right-to-left characters is returned unchanged, and a line that
// Fyne draws right as it is (right-to-left letters and spaces only) gets
// only a right-to-left mark in front (see line).
func Visual(s string) string {
	if !HasRTL(s) {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, ln := range lines {
		p := resolve(ln, auto)
		lines[i] = p.line(0, len(p.rs))
	}
	return strings.Join(lines, "\n")
}

// VisualDir is Visual for one line that is a piece of a paragraph running
// right to left when rtl is true and left to right otherwise, such as the
// context left of a find hit.
func VisualDir(s string, rtl bool) string {
	dir := ltr
	if rtl {
		dir = rtlDir
	}
	if !rtl && !HasRTL(s) {
		return s
	}
	p := resolve(s, dir)
	return p.line(0, len(p.rs))
}

// direction chooses how a paragraph's direction is found.
type direction int

const (
	auto   direction = iota // from the first strong character
	ltr                     // left to right
	rtlDir                  // right to left
)

// paragraph is a paragraph's code points and their embedding levels.
type paragraph struct {
	rs  []rune
	lv  []int8
	rtl bool
}

// resolve resolves the levels of paragraph s (no line breaks). A forced
// direction is set by a mark before the text, which acts as the start of
// the paragraph does in UAX #9.
func resolve(s string, dir direction) paragraph {
	switch dir {
	case ltr:
		s = string(lrm) + s
	case rtlDir:
		s = string(rlm) + s
	}
	rtl, lv := layout.Levels(s)
	rs := []rune(s)
	if dir != auto {
		rs, lv = rs[1:], lv[1:]
	}
	return paragraph{rs: rs, lv: lv, rtl: rtl}
}

// piece is a stretch of a line drawn in one direction, its text in logical
// order.
type piece struct {
	text string
	rtl  bool
}

// line returns code points [a, b) of p, one line of it, in Fyne's visual
// form: its pieces in visual order, each between two marks of its
// direction, with a left-to-right mark between two right-to-left pieces so
// that Fyne splits them into runs of their own. Fyne takes a line's
// baseline from the font of its first part; a mark of the theme's font
// first keeps lines of right-to-left letters, whose font has another
// ascent, level with the rest.
func (p paragraph) line(a, b int) string {
	ps := p.pieces(a, b)
	if len(ps) == 0 {
		return ""
	}
	if len(ps) == 1 && ps[0].rtl == IsRTL(ps[0].text) {
		// Fyne draws a lone run as it should. The mark puts the theme's
		// font first, which sets the baseline as on every other line.
		if ps[0].rtl {
			return string(rlm) + ps[0].text
		}
		return ps[0].text
	}
	var sb strings.Builder
	for i, pc := range ps {
		m := lrm
		if pc.rtl {
			m = rlm
			if i > 0 && ps[i-1].rtl {
				sb.WriteRune(lrm) // parts of one right-to-left run are placed apart
			}
		}
		sb.WriteRune(m)
		sb.WriteString(pc.text)
		sb.WriteRune(m)
	}
	return sb.String()
}

// pieces returns line [a, b) of p as pieces in visual order, left to right:
// its level runs reordered by rule L2 of UAX #9, right-to-left runs cut
// around each punctuation mark and symbol and before a word that follows
// spaces. Fyne may take punctuation from another font than the letters
// around it, and it places the parts of a run that change font in logical
// order, left to right (spaces join the part before them); a piece each,
// kept apart as line does, puts them where they belong. Explicit
// embeddings, overrides and isolates are left out: their effect is in the
// levels, and Fyne would apply them again.
func (p paragraph) pieces(a, b int) []piece {
	rs := p.rs[a:b]
	lv := slices.Clone(p.lv[a:b])
	para := int8(0)
	if p.rtl {
		para = 1
	}
	for i := len(rs) - 1; i >= 0 && unicode.IsSpace(rs[i]); i-- {
		lv[i] = para // L1: whitespace at the end of a line
	}
	type run struct {
		a, b  int
		level int8
	}
	var runs []run
	for i := range rs {
		if len(runs) > 0 && runs[len(runs)-1].level == lv[i] {
			runs[len(runs)-1].b = i + 1
			continue
		}
		runs = append(runs, run{i, i + 1, lv[i]})
	}
	// L2: from the highest level down to the lowest odd one, reverse every
	// sequence of runs at that level or above.
	if len(runs) > 1 {
		hi, lo := int8(0), int8(127)
		for _, r := range runs {
			hi, lo = max(hi, r.level), min(lo, r.level)
		}
		for l := hi; l >= lo|1; l-- {
			for i := 0; i < len(runs); {
				if runs[i].level < l {
					i++
					continue
				}
				j := i
				for j < len(runs) && runs[j].level >= l {
					j++
				}
				slices.Reverse(runs[i:j])
				i = j
			}
		}
	}
	var out []piece
	for _, r := range runs {
		odd := r.level&1 == 1
		if !odd {
			if t := keep(rs[r.a:r.b]); t != "" {
				out = append(out, piece{t, false})
			}
			continue
		}
		// Right to left: cut around punctuation and symbols and before
		// words that follow spaces, last part first.
		var parts []piece
		add := func(rs []rune) {
			if t := keep(rs); t != "" {
				parts = append(parts, piece{t, true})
			}
		}
		start := r.a
		for i := r.a; i <= r.b; i++ {
			switch {
			case i == r.b:
				add(rs[start:i])
			case ownPiece(rs[i]):
				add(rs[start:i])
				add(rs[i : i+1])
				start = i + 1
			case i > start && unicode.IsSpace(rs[start]) && !unicode.IsSpace(rs[i]):
				add(rs[start:i])
				start = i
			}
		}
		slices.Reverse(parts)
		out = append(out, parts...)
	}
	return out
}

// ownPiece reports whether r is drawn as a piece of its own in right-to-left
// text: a punctuation mark or symbol, which fonts for the letters around it
// may lack.
func ownPiece(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// keep returns rs as text without explicit embeddings, overrides and
// isolates.
func keep(rs []rune) string {
	var sb strings.Builder
	for _, r := range rs {
		if r < 0x200e {
			sb.WriteRune(r)
			continue
		}
		p, _ := ubidi.LookupRune(r)
		switch p.Class() {
		case ubidi.LRE, ubidi.RLE, ubidi.PDF, ubidi.LRO, ubidi.RLO, ubidi.LRI, ubidi.RLI, ubidi.FSI, ubidi.PDI:
			continue
		}
		sb.WriteRune(r)
	}
	return sb.String()
}
