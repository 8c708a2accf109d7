package textview

import (
	"image/color"
	"slices"
)

// Highlight is a span of the body drawn in a tag's colour.
type Highlight struct {
	ID         string
	Start, End int         // code points into the body, end-exclusive
	Color      color.Color // the tag's colour; fills use it translucent
	Label      string      // hover text: tag and attributes
	Dashed     bool        // a suggestion: dashed outline, no fill until accepted
}

// marks is the view's set of highlights, sorted by start (longest first on
// ties), with a band layer for each solid highlight: overlapping solid
// highlights never share a layer, so their bands stack without covering
// each other.
type marks struct {
	hs    []Highlight
	layer []int
}

// newMarks copies hs, drops empty spans and clamps them to n code points.
func newMarks(hs []Highlight, n int) marks {
	out := make([]Highlight, 0, len(hs))
	for _, h := range hs {
		h.Start, h.End = max(0, h.Start), min(h.End, n)
		if h.Start < h.End {
			out = append(out, h)
		}
	}
	slices.SortStableFunc(out, func(a, b Highlight) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	m := marks{hs: out, layer: make([]int, len(out))}
	var ends []int // end offset of the highlight holding each layer
	for i, h := range out {
		if h.Dashed {
			m.layer[i] = -1
			continue
		}
		l := slices.IndexFunc(ends, func(e int) bool { return e <= h.Start })
		if l < 0 {
			l = len(ends)
			ends = append(ends, 0)
		}
		ends[l] = h.End
		m.layer[i] = l
	}
	return m
}

// innermost returns the index of the shortest highlight containing code
// point off (the most specific tag under the pointer), or -1. Suggestions
// count too; ties go to the one that starts last.
func (m *marks) innermost(off int) int {
	best := -1
	for i, h := range m.hs {
		if h.Start > off {
			break
		}
		if off < h.End && (best < 0 || h.End-h.Start <= m.hs[best].End-m.hs[best].Start) {
			best = i
		}
	}
	return best
}

// at returns the indexes of the highlights containing off, innermost first.
func (m *marks) at(off int) []int {
	var out []int
	for i, h := range m.hs {
		if h.Start > off {
			break
		}
		if off < h.End {
			out = append(out, i)
		}
	}
	slices.SortStableFunc(out, func(a, b int) int {
		return (m.hs[a].End - m.hs[a].Start) - (m.hs[b].End - m.hs[b].Start)
	})
	return out
}

// byID returns the index of the highlight with id, or -1.
func (m *marks) byID(id string) int {
	if id == "" {
		return -1
	}
	return slices.IndexFunc(m.hs, func(h Highlight) bool { return h.ID == id })
}

// piece is a stretch of the body covered by a constant set of solid
// highlights.
type piece struct {
	start, end int
	fill       int   // innermost highlight: its colour fills the piece
	active     []int // all highlights covering the piece, when more than one
}

// pieces splits [from, to) into stretches with a constant set of solid
// highlights, skipping stretches that none covers.
func (m *marks) pieces(from, to int) []piece {
	var cuts []int
	var live []int
	for i, h := range m.hs {
		if h.Start >= to {
			break
		}
		if h.Dashed || h.End <= from {
			continue
		}
		live = append(live, i)
		cuts = append(cuts, max(h.Start, from), min(h.End, to))
	}
	if len(live) == 0 {
		return nil
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var out []piece
	for k := 0; k+1 < len(cuts); k++ {
		a, b := cuts[k], cuts[k+1]
		p := piece{start: a, end: b, fill: -1}
		var act []int
		for _, i := range live {
			h := m.hs[i]
			if h.Start <= a && b <= h.End {
				act = append(act, i)
				if p.fill < 0 || h.End-h.Start < m.hs[p.fill].End-m.hs[p.fill].Start {
					p.fill = i
				}
			}
		}
		if p.fill < 0 {
			continue
		}
		if len(act) > 1 {
			p.active = act
		}
		out = append(out, p)
	}
	return out
}
