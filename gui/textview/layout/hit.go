package layout

// Rect is an axis-aligned rectangle in layout coordinates.
type Rect struct {
	X, Y, W, H float32
}

// span returns the advance of code points [from, to) of token t, which must
// lie inside it; whole tokens use the cached advance.
func (l *Layout) span(t int, from, to int32) float32 {
	if from >= to {
		return 0
	}
	k := l.tKind[t]
	if k != word && k != space {
		return 0
	}
	if from == l.tOff[t] && to == l.tOff[t+1] {
		return l.tAdv[t]
	}
	return l.m.Advance(l.text[l.byteAt(t, from):l.byteAt(t, to)])
}

// within returns the advance of code points [from, o) of the stretch
// [from, to) of token t, as drawn when the stretch is shaped whole.
func (l *Layout) within(t int, from, to, o int32) float32 {
	switch {
	case o <= from:
		return 0
	case o >= to:
		return l.span(t, from, to)
	}
	if cm, ok := l.m.(CaretMeasurer); ok {
		if cs := cm.Carets(l.text[l.byteAt(t, from):l.byteAt(t, to)]); int(o-from) < len(cs) {
			return cs[o-from]
		}
	}
	return l.span(t, from, o)
}

// xAt returns the x of offset off, Start <= off <= End, on line ln.
func (l *Layout) xAt(ln *Line, off int32) float32 {
	if ln.seg >= 0 {
		return l.bidiX(ln, off)
	}
	x := float32(0)
	start, end := int32(ln.Start), int32(ln.End)
	for t := int(ln.tok); t < l.ntok(); t++ {
		ts, te := max(l.tOff[t], start), l.tOff[t+1]
		if off <= ts || ts >= end {
			return x
		}
		if off < te || te > end {
			return x + l.within(t, ts, min(te, end), off)
		}
		x += l.span(t, ts, te)
	}
	return x
}

// caretEnd is the last offset a click on line ln may return: before the last
// hanging space of a soft-wrapped line (its End shows on the next line) or
// before a hard break.
func (ln *Line) caretEnd() int {
	switch {
	case ln.ends == hardEnd:
		return int(ln.brk)
	case ln.ends == softWrap && ln.End > ln.TextEnd:
		return ln.End - 1
	}
	return ln.End
}

// PointToOffset returns the caret offset nearest to point (x, y): the
// grapheme boundary closest to x on the line at y. Points above the body
// give 0, points below it give Len.
func (l *Layout) PointToOffset(x, y float32) int {
	w := l.w()
	if y < 0 {
		return 0
	}
	if y >= w.height {
		return int(l.n)
	}
	ln := &w.lines[l.LineAt(y)]
	off, _ := l.hitLine(ln, x, true)
	return min(off, ln.caretEnd())
}

// CharAt returns the offset of the grapheme drawn under point (x, y), and
// false when the point is over no text (margins, paragraph gaps, past the
// end of a line).
func (l *Layout) CharAt(x, y float32) (int, bool) {
	w := l.w()
	if y < 0 || y >= w.height {
		return 0, false
	}
	ln := &w.lines[l.LineAt(y)]
	if y >= ln.Y+l.lineH || x < ln.X || x >= ln.X+ln.Width {
		return 0, false
	}
	return l.hitLine(ln, x, false)
}

// hitLine finds the token under x on line ln and, inside it, the nearest
// grapheme boundary (nearest) or the start of the grapheme under x.
func (l *Layout) hitLine(ln *Line, px float32, nearest bool) (int, bool) {
	if ln.seg >= 0 {
		return l.bidiHit(ln, px, nearest)
	}
	if px <= 0 {
		return ln.Start, ln.Start < ln.TextEnd
	}
	x := float32(0)
	start, end := int32(ln.Start), int32(ln.End)
	for t := int(ln.tok); t < l.ntok(); t++ {
		ts, te := max(l.tOff[t], start), min(l.tOff[t+1], end)
		if ts >= end {
			break
		}
		if k := l.tKind[t]; k != word && k != space {
			break
		}
		w := l.span(t, ts, te)
		if px < x+w {
			return l.hitToken(t, ts, te, px-x, nearest), true
		}
		x += w
	}
	return ln.caretEnd(), false
}

// hitToken maps dx, measured from the start of code points [ts, te) of token
// t, to a grapheme boundary inside it.
func (l *Layout) hitToken(t int, ts, te int32, dx float32, nearest bool) int {
	bs, be := l.byteAt(t, ts), l.byteAt(t, te)
	s := l.text[bs:be]
	gs := graphemes(s)
	adv := func(k int) float32 { return l.within(t, ts, te, ts+gs[k].r) }
	// Largest k whose prefix advance is <= dx.
	lo, hi := 0, len(gs)-1
	for lo < hi {
		mid := int(uint(lo+hi+1) >> 1)
		if adv(mid) <= dx {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	k := lo
	if nearest && k+1 < len(gs) {
		x0 := adv(k)
		x1 := adv(k + 1)
		if x1-dx < dx-x0 {
			k++
		}
	}
	if !nearest && k == len(gs)-1 && k > 0 {
		k-- // past the last boundary: still inside the last grapheme
	}
	return int(ts + gs[k].r)
}

// OffsetToPoint returns the top-left of the caret at offset off (clamped to
// the body): x along the line and the line's top.
func (l *Layout) OffsetToPoint(off int) (x, y float32) {
	w := l.w()
	o := l.clamp(off)
	ln := &w.lines[l.LineOf(o)]
	return l.xAt(ln, int32(min(o, ln.End))), ln.Y
}

// Rects appends to dst the rectangles covering code points [start, end) on
// the lines that overlap the band [top, bottom), and returns it: one per
// line, or on a line with mixed directions one per visually contiguous
// stretch, left to right. Each
// rectangle is a full line high, so a line's bottom meets the next line's
// top. A range that runs through a line break or paragraph end gets a small
// extra width there so the break shows as covered.
func (l *Layout) Rects(start, end int, top, bottom float32, dst []Rect) []Rect {
	start, end = l.clamp(start), l.clamp(end)
	if start >= end {
		return dst
	}
	w := l.w()
	first, last := l.LinesIn(top, bottom)
	first = max(first, l.LineOf(start))
	for i := first; i < last; i++ {
		ln := &w.lines[i]
		if ln.Start >= end {
			break
		}
		a, b := max(start, ln.Start), min(end, ln.End)
		if a > ln.End {
			continue
		}
		if ln.seg >= 0 {
			dst = l.bidiRects(ln, a, b, end, dst)
			continue
		}
		x0 := l.xAt(ln, int32(a))
		x1 := x0
		if b > a {
			x1 = l.xAt(ln, int32(b))
		}
		switch ln.ends {
		case hardEnd:
			if a <= int(ln.brk) && end >= ln.End {
				x1 += l.markW
			}
		case paraEnd:
			if end > ln.End {
				x1 += l.markW
			}
		}
		if x1 > x0 {
			dst = append(dst, Rect{X: x0, Y: ln.Y, W: x1 - x0, H: l.lineH})
		}
	}
	return dst
}
