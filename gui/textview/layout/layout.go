// Package layout wraps a clipping's body into lines and maps between points
// and code-point offsets. It never imports Fyne: widths come from a Measurer,
// so tests can use a fixed-width fake and the widget a font-backed one.
//
// The body is split into paragraphs at "\n\n"; a single "\n" inside a
// paragraph is a hard line break. Offsets are Unicode code points into the
// whole body, end-exclusive, as in model.Annotation.
//
// Lines break at Unicode line-break opportunities (UAX #14). Text between
// hard breaks that holds right-to-left script is laid out with the
// bidirectional algorithm (UAX #9): its lines are reordered into visual runs
// and, when the paragraph's base direction is right to left, right-aligned.
// Points and rectangles are visual; offsets stay logical.
package layout

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Measurer reports text widths and the line height, in the caller's units.
// Advance is called with whole words and runs of spaces (never single
// characters of a word), so a font-backed implementation matches how a whole
// line is drawn; Advance("") must be 0.
type Measurer interface {
	Advance(s string) float32
	LineHeight() float32
}

// BatchMeasurer is a Measurer that can measure many strings in one call,
// writing the width of strs[i] to out[i]. New uses it when available because
// shaping in bulk is far cheaper than one string at a time.
type BatchMeasurer interface {
	Measurer
	Advances(strs []string, out []float32)
}

// CaretMeasurer is a Measurer that also reports where carets fall inside a
// string drawn as a whole, so contextual forms (Arabic joining, ligatures,
// conjuncts, kerning) count: Carets returns one advance per code-point
// boundary of s, from 0 to the advance of all of s. The layout uses it for
// points inside a word; without it, it measures prefixes with Advance.
type CaretMeasurer interface {
	Measurer
	Carets(s string) []float32
}

// maxCachedWidths is how many wrappings (one per width) a Layout keeps.
const maxCachedWidths = 4

// kind classifies a token: a run of text between break opportunities, a run
// of breakable spaces, a hard line break or a paragraph separator.
type kind uint8

const (
	word kind = iota
	space
	hardBreak
	separator
)

type para struct {
	start, end   int32 // code points [start, end)
	bstart, bend int32 // bytes [bstart, bend)
	tok0, tok1   int32 // tokens [tok0, tok1)
}

// Layout is a measured body that can be wrapped at any width. Tokens cover
// the body contiguously; the token arrays carry one sentinel entry at the
// end, so token t spans [tOff[t], tOff[t+1]). A Layout is not safe for
// concurrent use.
type Layout struct {
	text  string
	n     int32 // code points
	m     Measurer
	lineH float32
	gap   float32
	markW float32 // width drawn for a selected line break

	paras []para
	tOff  []int32   // code-point offset of each token, plus sentinel
	tByte []int32   // byte offset of each token, plus sentinel
	tAdv  []float32 // advance of each token (0 for breaks and separators)
	tKind []kind

	segs   []bidiSeg  // stretches that hold right-to-left text, in order
	levels []levelRun // their embedding levels

	cur    *wrapping
	cache  []*wrapping // most recently used first
	runBuf []Run       // scratch for the runs of one line
}

// New measures text with m. paragraphSpacing is the vertical gap added
// between paragraphs. Call Wrap before querying positions; until then the
// body is laid out without wrapping.
func New(text string, m Measurer, paragraphSpacing float32) (*Layout, error) {
	if len(text) >= math.MaxInt32 {
		return nil, fmt.Errorf("layout: body of %d bytes exceeds the %d-byte limit", len(text), math.MaxInt32-1)
	}
	l, err := newMeasured(m, paragraphSpacing)
	if err != nil {
		return nil, err
	}
	l.text = text
	l.tokenize()
	l.analyzeBidi()
	l.measure()
	return l, nil
}

// newMeasured returns an empty Layout for m and the paragraph spacing, after
// checking both.
func newMeasured(m Measurer, paragraphSpacing float32) (*Layout, error) {
	if m == nil {
		return nil, errors.New("layout: nil Measurer")
	}
	lh := m.LineHeight()
	if !(lh > 0) || math.IsInf(float64(lh), 0) {
		return nil, fmt.Errorf("layout: line height %v from the measurer must be positive and finite", lh)
	}
	if !(paragraphSpacing >= 0) || math.IsInf(float64(paragraphSpacing), 0) {
		return nil, fmt.Errorf("layout: paragraph spacing %v must be zero or positive and finite", paragraphSpacing)
	}
	l := &Layout{m: m, lineH: lh, gap: paragraphSpacing}
	l.markW = m.Advance(" ")
	if !(l.markW > 0) {
		l.markW = lh / 4
	}
	return l, nil
}

// Text returns the body.
func (l *Layout) Text() string { return l.text }

// Len returns the body's length in code points.
func (l *Layout) Len() int { return int(l.n) }

// LineHeight returns the height of one line.
func (l *Layout) LineHeight() float32 { return l.lineH }

// ParagraphSpacing returns the gap between paragraphs.
func (l *Layout) ParagraphSpacing() float32 { return l.gap }

// Slice returns the text of code points [start, end), clamped to the body.
func (l *Layout) Slice(start, end int) string {
	start, end = l.clamp(start), l.clamp(end)
	if start >= end {
		return ""
	}
	return l.text[l.ByteOffset(start):l.ByteOffset(end)]
}

// ByteOffset converts a code-point offset (clamped to the body) to a byte
// offset into Text.
func (l *Layout) ByteOffset(off int) int {
	o := int32(l.clamp(off))
	return int(l.byteAt(l.tokenAt(o), o))
}

func (l *Layout) clamp(off int) int {
	return max(0, min(off, int(l.n)))
}

// ntok returns the number of real tokens (without the sentinel).
func (l *Layout) ntok() int { return len(l.tOff) - 1 }

// tokenAt returns the token containing code point off, or ntok for off == n.
func (l *Layout) tokenAt(off int32) int {
	lo, hi := 0, l.ntok()
	for lo < hi { // first token starting after off
		mid := int(uint(lo+hi) >> 1)
		if l.tOff[mid] <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		return 0
	}
	if off >= l.n {
		return l.ntok()
	}
	return lo - 1
}

// byteAt converts offset off, which lies in token t (or at its end), to bytes.
func (l *Layout) byteAt(t int, off int32) int32 {
	t0 := l.tOff[t]
	if off == t0 {
		return l.tByte[t]
	}
	b0, b1 := l.tByte[t], l.tByte[t+1]
	if b1-b0 == l.tOff[t+1]-t0 { // ASCII token
		return b0 + off - t0
	}
	b := b0
	for r := t0; r < off; r++ {
		_, size := utf8.DecodeRuneInString(l.text[b:])
		b += int32(size)
	}
	return b
}

// tokText returns the text of token t.
func (l *Layout) tokText(t int) string { return l.text[l.tByte[t]:l.tByte[t+1]] }

func (l *Layout) tokenize() {
	est := len(l.text)/3 + 2
	l.tOff = make([]int32, 0, est)
	l.tByte = make([]int32, 0, est)
	l.tKind = make([]kind, 0, est)
	var r, b int32
	rest := l.text
	for {
		i := paragraphBreak(rest)
		body := rest
		if i >= 0 {
			body = rest[:i]
		}
		p := para{start: r, bstart: b, tok0: int32(len(l.tOff))}
		r = l.segmentPara(body, r, b)
		b += int32(len(body))
		p.end, p.bend, p.tok1 = r, b, int32(len(l.tOff))
		l.paras = append(l.paras, p)
		if i < 0 {
			break
		}
		l.addToken(separator, r, b)
		rest = rest[i+2:]
		r += 2
		b += 2
	}
	l.n = r
	l.addToken(separator, r, b) // sentinel
}

// paragraphBreak returns the index of the first "\n\n" in s that does not
// split a "\r\n" grapheme, or -1.
func paragraphBreak(s string) int {
	from := 0
	for {
		i := strings.Index(s[from:], "\n\n")
		if i < 0 {
			return -1
		}
		i += from
		if i == 0 || s[i-1] != '\r' {
			return i
		}
		from = i + 1
	}
}

func (l *Layout) addToken(k kind, r, b int32) {
	l.tOff = append(l.tOff, r)
	l.tByte = append(l.tByte, b)
	l.tKind = append(l.tKind, k)
}

// segmentPara splits one paragraph into tokens at Unicode line-break
// opportunities and returns the code-point offset of its end. Every token
// boundary is also a grapheme boundary: the one place the line-break rules
// allow a break inside a grapheme cluster (a space followed by a combining
// mark or joiner) is merged.
func (l *Layout) segmentPara(s string, r, b int32) int32 {
	ascii := isASCII(s)
	state := -1
	start, pos := 0, 0
	for pos < len(s) {
		var seg string
		seg, _, _, state = uniseg.FirstLineSegmentInString(s[pos:], state)
		pos += len(seg)
		if !ascii && pos < len(s) {
			if c, _ := utf8.DecodeRuneInString(s[pos:]); extendsCluster(c) {
				continue
			}
		}
		r, b = l.addSegment(s[start:pos], r, b, ascii)
		start = pos
	}
	return r
}

// extendsCluster reports whether r may continue the grapheme cluster before
// it (Extend, SpacingMark or ZWJ in UAX #29), erring towards yes.
func extendsCluster(r rune) bool {
	if r < utf8.RuneSelf {
		return false
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc, unicode.Cf) ||
		(r >= 0x1F3FB && r <= 0x1F3FF) || r == 0xFF9E || r == 0xFF9F
}

// addSegment adds the text, trailing spaces and trailing hard break of one
// line segment as separate tokens.
func (l *Layout) addSegment(seg string, r, b int32, ascii bool) (int32, int32) {
	count := func(s string) int32 {
		if ascii {
			return int32(len(s))
		}
		return int32(utf8.RuneCountInString(s))
	}
	end := len(seg)
	brk, brkRunes := 0, int32(1)
	if c, size := utf8.DecodeLastRuneInString(seg); isHardBreak(c) {
		brk = size
		if c == '\n' && strings.HasSuffix(seg, "\r\n") { // one grapheme
			brk, brkRunes = 2, 2
		}
		end -= brk
	}
	sp := end
	for sp > 0 {
		c, size := utf8.DecodeLastRuneInString(seg[:sp])
		if !isSpace(c) {
			break
		}
		sp -= size
	}
	if sp > 0 && sp < end && !ascii {
		// A prepended concatenation mark (UAX #29 GB9b) takes the space
		// after it into its cluster.
		if c, size := utf8.DecodeLastRuneInString(seg[:sp]); (c >= 0x600 && c < 0x2000) || c >= 0x11000 {
			cl, _, _, _ := uniseg.FirstGraphemeClusterInString(seg[sp-size:end], -1)
			sp = sp - size + len(cl)
		}
	}
	if sp > 0 {
		l.addToken(word, r, b)
		r, b = r+count(seg[:sp]), b+int32(sp)
	}
	if end > sp {
		l.addToken(space, r, b)
		r, b = r+count(seg[sp:end]), b+int32(end-sp)
	}
	if brk > 0 {
		l.addToken(hardBreak, r, b)
		r, b = r+brkRunes, b+int32(brk)
	}
	return r, b
}

func (l *Layout) measure() {
	n := l.ntok()
	l.tAdv = make([]float32, n+1)
	if bm, ok := l.m.(BatchMeasurer); ok {
		strs := make([]string, 0, n)
		idx := make([]int32, 0, n)
		for t := range n {
			if k := l.tKind[t]; k == word || k == space {
				strs = append(strs, l.tokText(t))
				idx = append(idx, int32(t))
			}
		}
		out := make([]float32, len(strs))
		bm.Advances(strs, out)
		for i, t := range idx {
			l.tAdv[t] = out[i]
		}
		return
	}
	for t := range n {
		if k := l.tKind[t]; k == word || k == space {
			l.tAdv[t] = l.m.Advance(l.tokText(t))
		}
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isSpace reports whether r is a space a line may break after and that hangs
// past the line end when it does. No-break spaces are not included.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\r', 0x1680, 0x200B, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A && r != 0x2007
}

// isHardBreak reports whether r forces a line break.
func isHardBreak(r rune) bool {
	switch r {
	case '\n', '\v', '\f', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}
