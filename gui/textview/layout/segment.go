package layout

import (
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// gpos is a grapheme boundary inside a string, in code points and bytes.
type gpos struct{ r, b int32 }

// graphemes returns the grapheme boundaries of s, including 0 and the end.
func graphemes(s string) []gpos {
	out := make([]gpos, 1, len(s)+1)
	if isASCII(s) && !containsCRLF(s) {
		for i := 1; i <= len(s); i++ {
			out = append(out, gpos{int32(i), int32(i)})
		}
		return out
	}
	var r, b int32
	state := -1
	for len(s) > 0 {
		var cl string
		cl, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		r += int32(utf8.RuneCountInString(cl))
		b += int32(len(cl))
		out = append(out, gpos{r, b})
	}
	return out
}

func containsCRLF(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '\r' && s[i+1] == '\n' {
			return true
		}
	}
	return false
}

// tokenGraphemes returns the grapheme boundaries of token t as absolute
// code-point offsets, including its start and end.
func (l *Layout) tokenGraphemes(t int) []int32 {
	gs := graphemes(l.tokText(t))
	out := make([]int32, len(gs))
	for i, g := range gs {
		out[i] = l.tOff[t] + g.r
	}
	return out
}

// GraphemeFloor returns the largest grapheme boundary at or before off.
func (l *Layout) GraphemeFloor(off int) int {
	o := int32(l.clamp(off))
	t := l.tokenAt(o)
	if t >= l.ntok() || o == l.tOff[t] {
		return int(o)
	}
	gs := l.tokenGraphemes(t)
	i := len(gs) - 1
	for gs[i] > o {
		i--
	}
	return int(gs[i])
}

// GraphemeCeil returns the smallest grapheme boundary at or after off.
func (l *Layout) GraphemeCeil(off int) int {
	o := int32(l.clamp(off))
	t := l.tokenAt(o)
	if t >= l.ntok() || o == l.tOff[t] {
		return int(o)
	}
	for _, g := range l.tokenGraphemes(t) {
		if g >= o {
			return int(g)
		}
	}
	return int(l.tOff[t+1])
}

// NextGrapheme returns the grapheme boundary after off (Len at the end).
func (l *Layout) NextGrapheme(off int) int {
	o := int32(l.clamp(off))
	if o >= l.n {
		return int(l.n)
	}
	for _, g := range l.tokenGraphemes(l.tokenAt(o)) {
		if g > o {
			return int(g)
		}
	}
	return int(l.n)
}

// PrevGrapheme returns the grapheme boundary before off (0 at the start).
func (l *Layout) PrevGrapheme(off int) int {
	o := int32(l.clamp(off))
	if o <= 0 {
		return 0
	}
	gs := l.tokenGraphemes(l.tokenAt(o - 1))
	for i := len(gs) - 1; i >= 0; i-- {
		if gs[i] < o {
			return int(gs[i])
		}
	}
	return 0
}

// SnapToGraphemes widens [start, end) (clamped and ordered) so that neither
// end splits a grapheme cluster.
func (l *Layout) SnapToGraphemes(start, end int) (int, int) {
	if start > end {
		start, end = end, start
	}
	return l.GraphemeFloor(start), l.GraphemeCeil(end)
}

// segment is a word-boundary segment (UAX #29) of the body.
type segment struct {
	start, end int32
	wordLike   bool // holds a letter or digit
}

// segmentAt returns the word segment containing code point off < Len. A run
// of whitespace, a line break or a separator is one segment.
func (l *Layout) segmentAt(off int32) segment {
	t := l.tokenAt(off)
	if l.tKind[t] != word {
		return segment{start: l.tOff[t], end: l.tOff[t+1]}
	}
	// Word segmentation restarts safely after whitespace, so segment only
	// the run of adjacent word tokens around off.
	t0, t1 := t, t+1
	for t0 > 0 && l.tKind[t0-1] == word {
		t0--
	}
	for t1 < l.ntok() && l.tKind[t1] == word {
		t1++
	}
	s := l.text[l.tByte[t0]:l.tByte[t1]]
	r := l.tOff[t0]
	state := -1
	for len(s) > 0 {
		var w string
		w, s, state = uniseg.FirstWordInString(s, state)
		n := int32(utf8.RuneCountInString(w))
		if off < r+n {
			return segment{start: r, end: r + n, wordLike: isWordLike(w)}
		}
		r += n
	}
	return segment{start: l.tOff[t], end: l.tOff[t+1]}
}

func isWordLike(s string) bool {
	for _, c := range s {
		if unicode.IsLetter(c) || unicode.IsNumber(c) {
			return true
		}
	}
	return false
}

// isBlank reports whether code point off < Len is whitespace, a line break
// or part of a paragraph separator.
func (l *Layout) isBlank(off int32) bool {
	return l.tKind[l.tokenAt(off)] != word
}

// WordAt returns the word segment containing the code point at off: a word,
// a punctuation mark or a run of whitespace. At Len it returns (Len, Len).
func (l *Layout) WordAt(off int) (start, end int) {
	o := int32(l.clamp(off))
	if o >= l.n {
		return int(l.n), int(l.n)
	}
	s := l.segmentAt(o)
	return int(s.start), int(s.end)
}

// SnapToWords widens [start, end) so that it neither starts nor ends inside a
// word, then trims whitespace at both ends. A range of whitespace only is
// returned snapped to graphemes but otherwise unchanged.
func (l *Layout) SnapToWords(start, end int) (int, int) {
	start, end = l.SnapToGraphemes(start, end)
	if start >= end {
		return start, end
	}
	s, e := int32(start), int32(end)
	if seg := l.segmentAt(s); seg.wordLike {
		s = seg.start
	}
	if seg := l.segmentAt(e - 1); seg.wordLike {
		e = seg.end
	}
	for s < e && l.isBlank(s) {
		s = l.tOff[l.tokenAt(s)+1]
	}
	for e > s && l.isBlank(e-1) {
		e = l.tOff[l.tokenAt(e-1)]
	}
	if s >= e {
		return start, end
	}
	return int(s), int(e)
}

// NextWordEnd returns the end of the first word that ends after off, or Len.
func (l *Layout) NextWordEnd(off int) int {
	o := int32(l.clamp(off))
	for o < l.n {
		seg := l.segmentAt(o)
		if seg.wordLike {
			return int(seg.end)
		}
		o = seg.end
	}
	return int(l.n)
}

// PrevWordStart returns the start of the last word that starts before off,
// or 0.
func (l *Layout) PrevWordStart(off int) int {
	o := int32(l.clamp(off))
	for o > 0 {
		seg := l.segmentAt(o - 1)
		if seg.wordLike {
			return int(seg.start)
		}
		o = seg.start
	}
	return 0
}

// ParagraphAt returns the code-point range of the paragraph containing off;
// an offset inside a separator belongs to the paragraph before it.
func (l *Layout) ParagraphAt(off int) (start, end int) {
	o := int32(l.clamp(off))
	lo, hi := 0, len(l.paras)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if l.paras[mid].start <= o {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	p := l.paras[max(0, lo-1)]
	return int(p.start), int(p.end)
}
