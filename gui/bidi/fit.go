package bidi

import (
	"strings"
	"unicode"

	"github.com/rivo/uniseg"
)

// Ellipsis ends a line that Truncate cut.
const Ellipsis = "…"

// Measure returns the width s takes when drawn.
type Measure func(s string) float32

// Wrap breaks each line of s, a paragraph, into lines no wider than width
// where UAX #14 allows a break (inside a word only when the word alone is
// wider), and returns them joined by "\n", each in Fyne's visual form (see
// Visual). Levels are resolved over the whole paragraph and each line is
// reordered on its own, as UAX #9 says.
func Wrap(s string, width float32, measure Measure) string {
	if !HasRTL(s) {
		return s
	}
	var out []string
	for _, ln := range strings.Split(s, "\n") {
		p := resolve(ln, auto)
		for _, l := range wrapLine(p.rs, width, measure) {
			out = append(out, p.line(l[0], l[1]))
		}
	}
	return strings.Join(out, "\n")
}

// Truncate cuts each line of s that is wider than width to the longest
// start that fits with Ellipsis after it, on a grapheme boundary, and
// returns the lines in Fyne's visual form (see Visual). The start of the
// text is what stays, so a right-to-left line keeps its right-hand end and
// loses its left.
func Truncate(s string, width float32, measure Measure) string {
	if !HasRTL(s) {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, ln := range lines {
		rtl := IsRTL(ln)
		if measure(ln) > width {
			ln = cut(ln, width, measure)
		}
		dir := ltr
		if rtl {
			dir = rtlDir
		}
		p := resolve(ln, dir)
		lines[i] = p.line(0, len(p.rs))
	}
	return strings.Join(lines, "\n")
}

// cut returns the longest start of s that fits in width with Ellipsis after
// it (spaces before the ellipsis left out), or Ellipsis alone.
func cut(s string, width float32, measure Measure) string {
	var ends []int // byte offsets where grapheme clusters end
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		_, e := g.Positions()
		ends = append(ends, e)
	}
	fits := func(end int) bool {
		return measure(strings.TrimRightFunc(s[:end], unicode.IsSpace)+Ellipsis) <= width
	}
	lo, hi := 0, len(ends) // the longest fitting prefix ends at ends[lo-1]
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fits(ends[mid-1]) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return Ellipsis
	}
	return strings.TrimRightFunc(s[:ends[lo-1]], unicode.IsSpace) + Ellipsis
}

// wrapLine breaks rs into lines no wider than width and returns their spans
// in code points, trailing spaces left out.
func wrapLine(rs []rune, width float32, measure Measure) [][2]int {
	// Break opportunities and grapheme ends, in code points.
	var brk, graph []int
	n := 0
	g := uniseg.NewGraphemes(string(rs))
	for g.Next() {
		n += len(g.Runes())
		graph = append(graph, n)
		if g.LineBreak() != uniseg.LineDontBreak {
			brk = append(brk, n)
		}
	}
	trim := func(a, b int) int {
		for b > a && unicode.IsSpace(rs[b-1]) {
			b--
		}
		return b
	}
	fits := func(a, b int) bool { return measure(string(rs[a:trim(a, b)])) <= width }
	// last returns the greatest end in ends after a that fits, or 0.
	last := func(a int, ends []int) int {
		lo, hi := 0, len(ends)
		for lo < hi { // first index with ends[i] > a
			mid := (lo + hi) / 2
			if ends[mid] <= a {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		best := 0
		l, h := lo, len(ends)-1
		for l <= h {
			mid := (l + h) / 2
			if fits(a, ends[mid]) {
				best, l = ends[mid], mid+1
			} else {
				h = mid - 1
			}
		}
		if best == 0 && lo < len(ends) {
			return -ends[lo] // nothing fits: the first end, as a negative
		}
		return best
	}
	var out [][2]int
	for a := 0; a < len(rs); {
		e := last(a, brk)
		if e <= 0 { // the first word alone is too wide: break inside it
			e = last(a, graph)
			if e < 0 {
				e = -e // not even one cluster fits: it goes on a line alone
			}
		}
		out = append(out, [2]int{a, trim(a, e)})
		a = e
	}
	if len(out) == 0 {
		out = append(out, [2]int{0, 0})
	}
	return out
}
