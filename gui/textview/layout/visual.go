package layout

import (
	"slices"
	"sort"
)

// Run is a stretch of one line drawn as one piece of text: the part of one
// word or space token at one embedding level.
type Run struct {
	Start, End int     // code points [Start, End), in logical order
	X, W       float32 // left edge in layout coordinates, and advance
	RTL        bool    // drawn right to left (odd embedding level)

	tok   int32
	level int8
}

// LineRuns appends the runs of line i's drawn text (hanging whitespace and
// the line break left out) to dst in visual order, left to right, and
// returns it. Drawing each run's text at its X, shaped in its direction,
// draws the line as the layout measured it.
func (l *Layout) LineRuns(i int, dst []Run) []Run {
	return l.runs(&l.w().lines[i], dst)
}

// IsBidi reports whether line i needs the bidirectional algorithm: it holds
// right-to-left text or is right-aligned. Other lines are one left-to-right
// run of their text starting at x 0.
func (l *Layout) IsBidi(i int) bool { return l.w().lines[i].seg >= 0 }

func (l *Layout) runs(ln *Line, dst []Run) []Run {
	start, end := int32(ln.Start), int32(ln.TextEnd)
	var lv []levelRun
	if ln.seg >= 0 {
		s := l.segs[ln.seg]
		lv = l.levels[s.r0:s.r1]
	}
	k := 0
	if len(lv) > 0 {
		k = max(0, sort.Search(len(lv), func(i int) bool { return lv[i].start > start })-1)
	}
	base := len(dst)
	for t := int(ln.tok); t < l.ntok() && l.tOff[t] < end; t++ {
		if kd := l.tKind[t]; kd != word && kd != space {
			continue
		}
		a, b := max(l.tOff[t], start), min(l.tOff[t+1], end)
		for a < b {
			var level int8
			e := b
			if len(lv) > 0 {
				for k+1 < len(lv) && lv[k+1].start <= a {
					k++
				}
				level = lv[k].level
				if k+1 < len(lv) && lv[k+1].start < e {
					// A grapheme cluster is drawn whole, at the level of
					// its first character.
					e = max(a+1, min(e, int32(l.GraphemeCeil(int(lv[k+1].start)))))
				}
			}
			dst = append(dst, Run{Start: int(a), End: int(e), W: l.span(t, a, e), RTL: level&1 == 1, tok: int32(t), level: level})
			a = e
		}
	}
	reorder(dst[base:])
	x := ln.X
	for i := base; i < len(dst); i++ {
		dst[i].X = x
		x += dst[i].W
	}
	return dst
}

// reorder puts runs into visual order by rule L2 of UAX #9: from the highest
// level down to the lowest odd one, reverse every sequence of runs at that
// level or above.
func reorder(rs []Run) {
	if len(rs) < 2 {
		return
	}
	hi, lo := int8(0), int8(127)
	for _, r := range rs {
		hi, lo = max(hi, r.level), min(lo, r.level)
	}
	lo |= 1
	for lv := hi; lv >= lo; lv-- {
		for i := 0; i < len(rs); {
			if rs[i].level < lv {
				i++
				continue
			}
			j := i
			for j < len(rs) && rs[j].level >= lv {
				j++
			}
			slices.Reverse(rs[i:j])
			i = j
		}
	}
}

// lineRuns returns the runs of ln in the layout's scratch buffer, valid
// until the next call.
func (l *Layout) lineRuns(ln *Line) []Run {
	l.runBuf = l.runs(ln, l.runBuf[:0])
	return l.runBuf
}

// endSide returns the advance of [TextEnd, off) of ln (its hanging spaces)
// and the x where they start: the line's right end, or its left end when it
// runs right to left.
func (l *Layout) endSide(ln *Line, off int32) (x, ext float32) {
	for t := int(ln.tok); t < l.ntok() && l.tOff[t] < off; t++ {
		a, b := max(l.tOff[t], int32(ln.TextEnd)), min(l.tOff[t+1], off)
		if a < b {
			ext += l.span(t, a, b)
		}
	}
	if ln.RTL {
		return ln.X, ext
	}
	return ln.X + ln.Width, ext
}

// bidiX returns the x of the caret at off on bidi line ln: the leading edge
// of the character at off; at the end of the drawn text, the trailing edge
// of the last character (where a click after it puts the caret); past it,
// the line's end side.
func (l *Layout) bidiX(ln *Line, off int32) float32 {
	if off <= int32(ln.TextEnd) && ln.TextEnd > ln.Start {
		for _, r := range l.lineRuns(ln) {
			if int32(r.Start) <= off && off < int32(r.End) || off == int32(r.End) && off == int32(ln.TextEnd) {
				adv := l.within(int(r.tok), int32(r.Start), int32(r.End), off)
				if r.RTL {
					return r.X + r.W - adv
				}
				return r.X + adv
			}
		}
	}
	x, ext := l.endSide(ln, max(off, int32(ln.TextEnd)))
	if ln.RTL {
		return x - ext
	}
	return x + ext
}

// bidiHit maps x on bidi line ln to an offset, as hitLine does: the caret
// stop nearest to x, or the start of the grapheme drawn under x.
func (l *Layout) bidiHit(ln *Line, px float32, nearest bool) (int, bool) {
	if nearest {
		// Where runs of opposite directions meet, two offsets share an x:
		// prefer the one in the run under the pointer.
		under := [2]int{-1, -1}
		for _, r := range l.lineRuns(ln) {
			if px >= r.X && px < r.X+r.W {
				under = [2]int{r.Start, r.End}
			}
		}
		stops := l.caretStops(ln)
		best := 0
		for i, s := range stops {
			d, bd := abs32(s.x-px), abs32(stops[best].x-px)
			if d < bd-0.01 || d < bd+0.01 && s.off >= under[0] && s.off <= under[1] {
				best = i
			}
		}
		inside := px >= ln.X && px < ln.X+ln.Width
		return stops[best].off, inside
	}
	for _, r := range l.lineRuns(ln) {
		if px >= r.X && px < r.X+r.W {
			dx := px - r.X
			if r.RTL {
				dx = r.X + r.W - px
			}
			return l.hitToken(int(r.tok), int32(r.Start), int32(r.End), dx, false), true
		}
	}
	return ln.Start, false
}

func abs32(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}

// caretStop is a caret position on a line: an offset and where it is drawn.
type caretStop struct {
	off int
	x   float32
}

// caretStops returns every caret position of bidi line ln (its grapheme
// boundaries, the end of its text and the last offset a click can give),
// sorted by x; each offset appears once, at the x OffsetToPoint gives it.
func (l *Layout) caretStops(ln *Line) []caretStop {
	var stops []caretStop
	for _, r := range l.lineRuns(ln) {
		s := l.text[l.byteAt(int(r.tok), int32(r.Start)):l.byteAt(int(r.tok), int32(r.End))]
		gs := graphemes(s)
		for _, g := range gs[:len(gs)-1] {
			adv := l.within(int(r.tok), int32(r.Start), int32(r.End), int32(r.Start)+g.r)
			x := r.X + adv
			if r.RTL {
				x = r.X + r.W - adv
			}
			stops = append(stops, caretStop{r.Start + int(g.r), x})
		}
	}
	stops = append(stops, caretStop{ln.TextEnd, l.bidiX(ln, int32(ln.TextEnd))})
	for o, e := ln.TextEnd, ln.caretEnd(); o < e; { // trailing whitespace
		if o = l.NextGrapheme(o); o <= e {
			stops = append(stops, caretStop{o, l.bidiX(ln, int32(o))})
		}
	}
	slices.SortStableFunc(stops, func(p, q caretStop) int {
		switch {
		case p.x < q.x:
			return -1
		case p.x > q.x:
			return 1
		}
		return 0
	})
	return stops
}

// bidiRects appends the rectangles covering code points [a, b) on bidi line
// ln, merged where they touch, in visual order.
func (l *Layout) bidiRects(ln *Line, a, b, end int, dst []Rect) []Rect {
	first := len(dst)
	for _, r := range l.lineRuns(ln) {
		lo, hi := max(a, r.Start), min(b, r.End)
		if lo >= hi {
			continue
		}
		x0 := l.within(int(r.tok), int32(r.Start), int32(r.End), int32(lo))
		x1 := l.within(int(r.tok), int32(r.Start), int32(r.End), int32(hi))
		if r.RTL {
			x0, x1 = r.W-x1, r.W-x0
		}
		dst = append(dst, Rect{X: r.X + x0, Y: ln.Y, W: x1 - x0, H: l.lineH})
	}
	// Hanging spaces and the line break show at the line's end side.
	var ext float32
	x := ln.X + ln.Width
	if e := min(b, ln.End); e > max(a, ln.TextEnd) {
		x, ext = l.endSide(ln, int32(e))
		_, before := l.endSide(ln, int32(max(a, ln.TextEnd)))
		ext -= before
		if ln.RTL {
			x -= before
		} else {
			x += before
		}
	}
	switch ln.ends {
	case hardEnd:
		if a <= int(ln.brk) && end >= ln.End {
			ext += l.markW
		}
	case paraEnd:
		if end > ln.End {
			ext += l.markW
		}
	}
	if ext > 0 {
		if ln.RTL {
			dst = append(dst, Rect{X: x - ext, Y: ln.Y, W: ext, H: l.lineH})
		} else {
			dst = append(dst, Rect{X: x, Y: ln.Y, W: ext, H: l.lineH})
		}
	}
	rs := dst[first:]
	slices.SortFunc(rs, func(p, q Rect) int {
		switch {
		case p.X < q.X:
			return -1
		case p.X > q.X:
			return 1
		}
		return 0
	})
	out := first
	for i, r := range rs {
		if i > 0 && r.X <= dst[out-1].X+dst[out-1].W+0.01 {
			prev := &dst[out-1]
			prev.W = max(prev.X+prev.W, r.X+r.W) - prev.X
			continue
		}
		dst[out] = r
		out++
	}
	return dst[:out]
}

// LineEdges returns where Home and End put the caret on the line that shows
// off: its logical start and the last offset a click on it can give.
func (l *Layout) LineEdges(off int) (home, end int) {
	ln := &l.w().lines[l.LineOf(off)]
	return ln.Start, ln.caretEnd()
}

// RTLAt reports whether the line that shows the caret at off belongs to a
// right-to-left paragraph.
func (l *Layout) RTLAt(off int) bool {
	return l.w().lines[l.LineOf(off)].RTL
}

// MoveVisual returns the caret offset one grapheme left of off (right
// false) or right of it as the line is drawn, so arrows follow the visual
// order through mixed-direction text. Past the line's edge the caret goes on
// in reading order: to the next line when moving towards the line's end
// side, else to the previous one.
func (l *Layout) MoveVisual(off int, right bool) int {
	o := l.clamp(off)
	ln := &l.w().lines[l.LineOf(o)]
	if ln.seg < 0 {
		if right {
			return l.NextGrapheme(o)
		}
		return l.PrevGrapheme(o)
	}
	stops := l.caretStops(ln)
	i := slices.IndexFunc(stops, func(s caretStop) bool { return s.off == o })
	forward := right != ln.RTL
	switch {
	case i < 0 && forward:
		return l.NextGrapheme(o)
	case i < 0:
		return l.PrevGrapheme(o)
	case right && i+1 < len(stops):
		return stops[i+1].off
	case !right && i > 0:
		return stops[i-1].off
	}
	// At the line's edge: on to the start of the next line, or the end of
	// the previous one.
	li := l.LineOf(o)
	lines := l.w().lines
	switch {
	case forward && li+1 < len(lines):
		return lines[li+1].Start
	case !forward && li > 0:
		return lines[li-1].caretEnd()
	}
	return o
}
