package layout

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lineEnd says how a line ends.
type lineEnd uint8

const (
	softWrap lineEnd = iota // wrapped to fit the width
	hardEnd                 // ends with a hard line break
	paraEnd                 // last line of a paragraph
)

// Line is one visual line of the wrapped body.
type Line struct {
	Start, End int     // code points [Start, End); End includes hanging spaces and a hard line break
	TextEnd    int     // end of the drawn text (hanging whitespace and the break excluded)
	Para       int     // paragraph index
	Y          float32 // top edge; a line's bottom is Y+LineHeight, the next line's top within a paragraph
	Width      float32 // advance of the drawn text
	X          float32 // left edge of the drawn text: 0, or wrap width - Width when right-aligned
	RTL        bool    // the line's paragraph runs right to left (right-aligned, starts at the right)

	seg           int32 // index in Layout.segs of its bidi stretch, or -1
	tok           int32 // first token overlapping the line
	brk           int32 // start of the hard break ending the line
	bstart, btext int32 // byte range of the drawn text
	ends          lineEnd
}

// wrapping is the body laid out at one width.
type wrapping struct {
	width  float32
	lines  []Line
	height float32
}

// Wrap lays the body out at width (values below 1 count as 1, so every
// grapheme gets its own line at worst). Results are cached per width, so
// returning to a recently used width costs nothing.
func (l *Layout) Wrap(width float32) {
	if !(width >= 1) {
		width = 1
	}
	if l.cur != nil && l.cur.width == width {
		return
	}
	for i, w := range l.cache {
		if w.width == width {
			copy(l.cache[1:i+1], l.cache[:i])
			l.cache[0] = w
			l.cur = w
			return
		}
	}
	w := l.wrap(width)
	if len(l.cache) < maxCachedWidths {
		l.cache = append(l.cache, nil)
	}
	copy(l.cache[1:], l.cache)
	l.cache[0] = w
	l.cur = w
}

// Width returns the width the body is currently wrapped at (+Inf before the
// first Wrap).
func (l *Layout) Width() float32 { return l.w().width }

// Height returns the total height of the wrapped body.
func (l *Layout) Height() float32 { return l.w().height }

// NumLines returns the number of visual lines.
func (l *Layout) NumLines() int { return len(l.w().lines) }

// Line returns visual line i.
func (l *Layout) Line(i int) Line { return l.w().lines[i] }

// LineText returns the drawn text of line i: hanging whitespace and the line
// break are left out.
func (l *Layout) LineText(i int) string {
	ln := &l.w().lines[i]
	return l.text[ln.bstart:ln.btext]
}

// LinesIn returns the range [first, last) of lines that overlap the vertical
// band [top, bottom).
func (l *Layout) LinesIn(top, bottom float32) (first, last int) {
	lines := l.w().lines
	first = sort.Search(len(lines), func(i int) bool { return lines[i].Y+l.lineH > top })
	last = sort.Search(len(lines), func(i int) bool { return lines[i].Y >= bottom })
	return first, max(first, last)
}

// LineAt returns the index of the line at height y: the last line whose top
// is at or above y, so a point in a paragraph gap belongs to the line above.
func (l *Layout) LineAt(y float32) int {
	lines := l.w().lines
	i := sort.Search(len(lines), func(i int) bool { return lines[i].Y > y })
	return max(0, i-1)
}

// LineOf returns the index of the line that shows the caret at offset off.
// An offset at a soft wrap belongs to the next line; one inside a paragraph
// separator to the last line of the paragraph before it.
func (l *Layout) LineOf(off int) int {
	o := l.clamp(off)
	lines := l.w().lines
	i := sort.Search(len(lines), func(i int) bool { return lines[i].Start > o })
	return max(0, i-1)
}

func (l *Layout) w() *wrapping {
	if l.cur == nil {
		l.Wrap(float32(math.Inf(1)))
	}
	return l.cur
}

// wrapper carries the state of one greedy wrapping pass.
type wrapper struct {
	l     *Layout
	out   *wrapping
	width float32
	y     float32
	ln    Line
	x     float32 // advance up to the end of the line's last text
	xp    float32 // advance including pending (trailing) spaces
	text  bool    // the line holds text
}

func (l *Layout) wrap(width float32) *wrapping {
	est := 16
	if l.cur != nil {
		est = len(l.cur.lines) + len(l.cur.lines)/4
	}
	out := &wrapping{width: width, lines: make([]Line, 0, est)}
	wr := wrapper{l: l, out: out, width: width}
	for pi := range l.paras {
		if pi > 0 {
			wr.y += l.gap
		}
		wr.para(pi)
	}
	out.height = wr.y
	return out
}

func (w *wrapper) begin(pi int, t int32, off, b int32) {
	seg := int32(-1)
	if len(w.l.segs) > 0 {
		seg = w.l.segOf(off)
	}
	w.ln = Line{Start: int(off), TextEnd: int(off), Para: pi, tok: t, bstart: b, btext: b, seg: seg}
	w.ln.RTL = seg >= 0 && w.l.segs[seg].rtl
	w.x, w.xp, w.text = 0, 0, false
}

func (w *wrapper) emit(end int32, how lineEnd) {
	w.ln.End = int(end)
	w.ln.Y = w.y
	w.ln.Width = w.x
	if w.ln.RTL && !math.IsInf(float64(w.width), 0) {
		w.ln.X = max(0, w.width-w.x)
	}
	w.ln.ends = how
	w.out.lines = append(w.out.lines, w.ln)
	w.y += w.l.lineH
}

func (w *wrapper) para(pi int) {
	l := w.l
	p := l.paras[pi]
	w.begin(pi, p.tok0, p.start, p.bstart)
	for t := p.tok0; t < p.tok1; t++ {
		switch l.tKind[t] {
		case space:
			w.xp += l.tAdv[t]
		case hardBreak:
			w.ln.brk = l.tOff[t]
			w.emit(l.tOff[t+1], hardEnd)
			w.begin(pi, t+1, l.tOff[t+1], l.tByte[t+1])
		case word:
			a := l.tAdv[t]
			if w.xp+a > w.width && (w.text || w.xp > 0) {
				// Wrap before the word; leading spaces of an empty line
				// hang on a line of their own.
				w.emit(l.tOff[t], softWrap)
				w.begin(pi, t, l.tOff[t], l.tByte[t])
			}
			if w.xp+a > w.width {
				w.split(pi, int(t))
				continue
			}
			w.xp += a
			w.x = w.xp
			w.ln.TextEnd, w.ln.btext = int(l.tOff[t+1]), l.tByte[t+1]
			w.text = true
		}
	}
	w.emit(p.end, paraEnd)
}

// split breaks word token t, too wide for a line of its own, at grapheme
// boundaries: each piece takes as many graphemes as fit, and at least one.
func (w *wrapper) split(pi, t int) {
	l := w.l
	str := l.tokText(t)
	gs := graphemes(str)
	r0, b0 := l.tOff[t], l.tByte[t]
	sa := hasSouthEastAsian(str)
	k := 0 // index in gs of the current piece's start
	for {
		start := gs[k]
		rest := str[start.b:]
		a := l.tAdv[t]
		if k > 0 {
			a = l.m.Advance(rest)
		}
		if w.xp+a <= w.width || k == len(gs)-2 { // fits, or one grapheme left
			w.xp += a
			w.x = w.xp
			w.ln.TextEnd, w.ln.btext = int(l.tOff[t+1]), l.tByte[t+1]
			w.text = true
			return
		}
		avail := w.width - w.xp
		// Largest e > k whose prefix fits; at least one grapheme.
		lo, hi := k+1, len(gs)-2 // leave at least one grapheme for the next line
		for lo < hi {
			mid := int(uint(lo+hi+1) >> 1)
			if l.m.Advance(str[start.b:gs[mid].b]) <= avail {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		e := lo
		if sa {
			e = preferredSplit(str, gs, k, e)
		}
		if e > k+1 && int(gs[e].b) < len(str) {
			// Keep closing punctuation with the text before it.
			if r, _ := utf8.DecodeRuneInString(str[gs[e].b:]); closing(r) {
				e--
			}
		}
		end := gs[e]
		w.x = w.xp + l.m.Advance(str[start.b:end.b])
		w.ln.TextEnd, w.ln.btext = int(r0+end.r), b0+end.b
		w.emit(r0+end.r, softWrap)
		w.begin(pi, int32(t), r0+end.r, b0+end.b)
		k = e
	}
}

// hasSouthEastAsian reports whether s holds Thai, Lao, Myanmar or Khmer
// letters: scripts written without spaces between words, for which UAX #14
// (line-break class SA) leaves word breaks to a dictionary.
func hasSouthEastAsian(s string) bool {
	for _, r := range s {
		if isSouthEastAsian(r) {
			return true
		}
	}
	return false
}

func isSouthEastAsian(r rune) bool {
	return (r >= 0x0E00 && r <= 0x0EFF) || (r >= 0x1000 && r <= 0x109F) || (r >= 0x1780 && r <= 0x17FF)
}

// preferredSplit returns the last grapheme boundary in gs[k+1:e+1] where a
// word without spaces in a Southeast Asian script may split at a syllable
// edge: before a Thai or Lao leading vowel, after a Thai or Lao final
// sara a, repetition or abbreviation mark, or where the script changes. It
// returns e when there is none. This stands in for dictionary word breaks,
// which uniseg does not do.
func preferredSplit(s string, gs []gpos, k, e int) int {
	for j := e; j > k; j-- {
		b := gs[j].b
		if b <= 0 || int(b) >= len(s) {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:b])
		next, _ := utf8.DecodeRuneInString(s[b:])
		switch {
		case (next >= 0x0E40 && next <= 0x0E44) || (next >= 0x0EC0 && next <= 0x0EC4):
			return j
		case prev == 0x0E2F || prev == 0x0E30 || prev == 0x0E46 || prev == 0x0EAF || prev == 0x0EB0 || prev == 0x0EC6:
			return j
		case isSouthEastAsian(prev) != isSouthEastAsian(next):
			return j
		}
	}
	return e
}

// closing reports whether r is punctuation that must not start a line
// (UAX #14 classes CL, CP, EX, IS and final quotes), for splitting words too
// long for a line.
func closing(r rune) bool {
	if r < utf8.RuneSelf {
		return strings.ContainsRune(",.:;?!)]}%", r)
	}
	return unicode.In(r, unicode.Pe, unicode.Pf) || strings.ContainsRune("，。、．：；？！", r)
}
