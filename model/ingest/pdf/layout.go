package pdf

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
)

// Layout thresholds, in multiples of the font size.
const (
	spaceGap    = 0.18 // a wider gap between two glyphs is a word space
	fragGap     = 1.0  // a wider gap on one baseline separates two pieces of text (columns)
	sameLine    = 0.3  // baselines closer than this are one line
	blockLeap   = 2.6  // lines further apart than this never share a block
	paraLeading = 1.45 // a gap this many times the block's usual leading starts a paragraph
	sizeRatio   = 1.15 // lines whose sizes differ more are not one block
)

// line is a run of text on one baseline within one column.
type line struct {
	text   strings.Builder
	x0, x1 float64
	y      float64
	size   float64 // largest glyph size
	chars  int     // non-space glyphs
	bold   int     // bold non-space glyphs
	sizes  map[float32]int
	last   *char
}

func (l *line) bottom() float64 { return l.y - 0.25*l.size }
func (l *line) top() float64    { return l.y + 0.8*l.size }

// add appends c to l, with a space when the gap says so.
func (l *line) add(c *char) {
	if l.last == nil {
		l.x0, l.x1, l.y, l.sizes = c.x0, c.x0, c.y, map[float32]int{}
	} else if !c.space && !l.last.space && c.x0-l.last.x1 > spaceGap*math.Max(c.size, l.last.size) {
		l.text.WriteByte(' ')
	}
	if c.space {
		if l.last != nil && !l.last.space {
			l.text.WriteByte(' ')
		}
	} else {
		l.text.WriteString(c.text)
		l.chars++
		if c.bold {
			l.bold++
		}
		l.sizes[float32(math.Round(c.size*2)/2)]++
		l.x1 = math.Max(l.x1, c.x1)
	}
	l.size = math.Max(l.size, c.size)
	l.last = c
}

// lines groups a page's glyphs, in content order, into lines: a glyph
// that is on another baseline, goes back, or jumps far ahead starts a new
// one. Pieces of one visual line that the content stream drew apart are
// joined afterwards.
func lines(chars []char) []*line {
	var out []*line
	var cur *line
	for i := range chars {
		c := &chars[i]
		if cur != nil && cur.last != nil {
			p := cur.last
			sz := math.Max(c.size, p.size)
			if c.text == p.text && math.Abs(c.x0-p.x0) < 0.2*sz && math.Abs(c.y-p.y) < 0.2*sz {
				continue // the same glyph drawn twice (fake bold, shadow)
			}
			if math.Abs(c.y-cur.y) > sameLine*sz || c.x0 < p.x1-0.5*sz || c.x0-p.x1 > fragGap*sz {
				cur = nil
			}
		}
		if cur == nil {
			if c.space {
				continue
			}
			cur = &line{}
			out = append(out, cur)
		}
		cur.add(c)
	}
	for _, l := range out {
		s := strings.TrimSpace(l.text.String())
		l.text.Reset()
		l.text.WriteString(s)
	}
	out = slices.DeleteFunc(out, func(l *line) bool { return l.text.Len() == 0 })
	return joinPieces(out)
}

// joinPieces joins lines on one baseline that touch (the content stream
// drew a line in several pieces, out of order), and drops exact repeats.
func joinPieces(ls []*line) []*line {
	sort.SliceStable(ls, func(i, j int) bool {
		a, b := ls[i], ls[j]
		if math.Abs(a.y-b.y) > sameLine*math.Min(a.size, b.size) {
			return a.y > b.y
		}
		return a.x0 < b.x0
	})
	var out []*line
	for _, l := range ls {
		if n := len(out); n > 0 {
			p := out[n-1]
			sz := math.Max(p.size, l.size)
			if math.Abs(p.y-l.y) <= sameLine*math.Min(p.size, l.size) {
				if math.Abs(p.x0-l.x0) < 0.2*sz && p.text.String() == l.text.String() {
					continue
				}
				if gap := l.x0 - p.x1; gap > -0.2*sz && gap < fragGap*sz {
					if gap > spaceGap*sz {
						p.text.WriteByte(' ')
					}
					p.text.WriteString(l.text.String())
					p.x1 = math.Max(p.x1, l.x1)
					p.size = sz
					p.chars += l.chars
					p.bold += l.bold
					for k, v := range l.sizes {
						p.sizes[k] += v
					}
					continue
				}
			}
		}
		out = append(out, l)
	}
	return out
}

// block is a column piece: lines stacked one under the other.
type block struct {
	lines               []*line
	x0, x1, top, bottom float64
}

func (b *block) add(l *line) {
	if len(b.lines) == 0 {
		b.x0, b.x1, b.top, b.bottom = l.x0, l.x1, l.top(), l.bottom()
	}
	b.lines = append(b.lines, l)
	b.x0, b.x1 = math.Min(b.x0, l.x0), math.Max(b.x1, l.x1)
	b.top, b.bottom = math.Max(b.top, l.top()), math.Min(b.bottom, l.bottom())
}

func overlapX(a0, a1, b0, b1 float64) bool { return a0 < b1 && b0 < a1 }

// blocks stacks lines (sorted top to bottom) into blocks: a line joins
// the block of the nearest line above it that it overlaps, when that line
// is close, of a similar size, and neither spans far past the other.
func blocks(ls []*line) []*block {
	var bs []*block
	owner := map[*line]*block{}
	for i, l := range ls {
		var best *line
		for j := i - 1; j >= 0; j-- {
			u := ls[j]
			if u.y-l.y > blockLeap*math.Max(u.size, l.size)+1 {
				break
			}
			if u.y-l.y <= sameLine*math.Min(u.size, l.size) || !overlapX(u.x0, u.x1, l.x0, l.x1) {
				continue
			}
			if best == nil || u.y < best.y {
				best = u
			}
		}
		if best != nil && joinable(best, l) {
			b := owner[best]
			if b.lines[len(b.lines)-1] == best {
				b.add(l)
				owner[l] = b
				continue
			}
		}
		b := &block{}
		b.add(l)
		owner[l] = b
		bs = append(bs, b)
	}
	return bs
}

// joinable reports whether l may continue the block of u, the line above.
func joinable(u, l *line) bool {
	r := u.size / l.size
	if r > sizeRatio || r < 1/sizeRatio {
		return false
	}
	if (u.bold*2 > u.chars) != (l.bold*2 > l.chars) {
		return false
	}
	m := 3 * math.Max(u.size, l.size)
	if u.x0 < l.x0-m && u.x1 > l.x1+m { // u spans across l's column
		return false
	}
	if l.x0 < u.x0-m && l.x1 > u.x1+m {
		return false
	}
	return true
}

// order sorts blocks into reading order: a block comes before another it
// overlaps horizontally and is above; of two blocks side by side, the left
// one comes first; otherwise the higher one.
func order(bs []*block) []*block {
	n := len(bs)
	before := func(a, b *block) bool {
		if overlapX(a.x0, a.x1, b.x0, b.x1) {
			return a.top > b.top
		}
		if a.bottom < b.top && b.bottom < a.top { // side by side
			return a.x1 <= b.x0
		}
		return a.top > b.top
	}
	indeg := make([]int, n)
	succ := make([][]int, n)
	for i := range bs {
		for j := range bs {
			if i != j && before(bs[i], bs[j]) {
				succ[i] = append(succ[i], j)
				indeg[j]++
			}
		}
	}
	done := make([]bool, n)
	var out []*block
	for len(out) < n {
		pick := -1
		for i := range bs { // the first ready block, top-left first
			if done[i] || indeg[i] > 0 {
				continue
			}
			if pick < 0 || bs[i].top > bs[pick].top+1 || (math.Abs(bs[i].top-bs[pick].top) <= 1 && bs[i].x0 < bs[pick].x0) {
				pick = i
			}
		}
		if pick < 0 { // a cycle: take the highest remaining block
			for i := range bs {
				if !done[i] && (pick < 0 || bs[i].top > bs[pick].top) {
					pick = i
				}
			}
		}
		done[pick] = true
		out = append(out, bs[pick])
		for _, j := range succ[pick] {
			indeg[j]--
		}
	}
	return out
}

// paragraphs splits a block into paragraphs: at a gap wider than the
// block's usual leading, a change of size or weight, an indented first
// line, or, in justified text, after a line that stops short.
func paragraphs(b *block, page int) []Paragraph {
	ls := b.lines
	// The usual leading is the smallest gap between lines that is not a
	// superscript's: blank lines between paragraphs may outnumber the
	// lines within them.
	lead := 0.0
	for i := 1; i < len(ls); i++ {
		if g := ls[i-1].y - ls[i].y; g >= 0.8*ls[i].size && (lead == 0 || g < lead) {
			lead = g
		}
	}
	justified := false
	if len(ls) >= 4 {
		full := 0
		for _, l := range ls[:len(ls)-1] {
			if b.x1-l.x1 < 0.8*l.size {
				full++
			}
		}
		justified = full*10 >= (len(ls)-1)*7
	}
	var out []Paragraph
	var cur []*line
	flush := func() {
		if len(cur) > 0 {
			out = append(out, newParagraph(cur, page))
			cur = nil
		}
	}
	for i, l := range ls {
		if i > 0 {
			p := ls[i-1]
			gap := p.y - l.y
			limit := 1.5 * l.size
			if lead > 0 {
				limit = math.Max(paraLeading*lead, 1.05*l.size)
			}
			switch {
			case gap > limit:
				flush()
			case !joinable(p, l):
				flush()
			case len(ls) >= 3 && l.x0 > b.x0+0.9*l.size && p.x0 < b.x0+0.3*l.size && l.x1 > b.x1-0.8*l.size:
				flush() // an indented first line
			case justified && b.x1-p.x1 > 2*l.size:
				flush()
			}
		}
		cur = append(cur, l)
	}
	flush()
	return out
}

// newParagraph sums up lines as a Paragraph.
func newParagraph(ls []*line, page int) Paragraph {
	p := Paragraph{Page: page, X0: ls[0].x0, Top: ls[0].top(), Bottom: ls[len(ls)-1].bottom()}
	sizes := map[float32]int{}
	chars, bold := 0, 0
	for _, l := range ls {
		p.Lines = append(p.Lines, l.text.String())
		p.X0, p.X1 = math.Min(p.X0, l.x0), math.Max(p.X1, l.x1)
		chars += l.chars
		bold += l.bold
		for k, v := range l.sizes {
			sizes[k] += v
		}
	}
	best := 0
	for k, v := range sizes {
		if v > best || (v == best && k > p.Size) {
			p.Size, best = k, v
		}
	}
	p.Bold = chars > 0 && bold*10 >= chars*7
	return p
}

// joinLines joins the lines of a paragraph into running text: a word
// hyphenated at a line end is put together again ("ver-" + "huurder"),
// other lines are joined with a space.
func joinLines(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			prev := []rune(lines[i-1])
			next, _ := firstRune(l)
			n := len(prev)
			switch {
			case n >= 2 && prev[n-1] == '\u00ad':
				// soft hyphen: already dropped below
			case n >= 2 && prev[n-1] == '-' && unicode.IsLetter(prev[n-2]) && unicode.IsLower(next):
				s := b.String()
				b.Reset()
				b.WriteString(strings.TrimSuffix(s, "-"))
			default:
				b.WriteByte(' ')
			}
		}
		b.WriteString(strings.TrimSuffix(l, "\u00ad"))
	}
	return b.String()
}

func firstRune(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return 0, false
}
