package agree

import (
	"cmp"
	"slices"
)

// unit is a coded section [start, end) of one clipping.
type unit struct{ start, end int }

func (u unit) len() int { return u.end - u.start }

// mergeUnits sorts units and merges those that share a code point; units
// that merely touch stay apart.
func mergeUnits(us []unit) []unit {
	slices.SortFunc(us, func(a, b unit) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end))
	})
	out := us[:0]
	for _, u := range us {
		if n := len(out); n > 0 && u.start < out[n-1].end {
			out[n-1].end = max(out[n-1].end, u.end)
			continue
		}
		out = append(out, u)
	}
	return out
}

// covered is the number of code points in merged units.
func covered(us []unit) int {
	n := 0
	for _, u := range us {
		n += u.len()
	}
	return n
}

// intersection is the number of code points covered by both merged lists.
func intersection(a, b []unit) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		if lo, hi := max(a[i].start, b[j].start), min(a[i].end, b[j].end); hi > lo {
			n += hi - lo
		}
		if a[i].end < b[j].end {
			i++
		} else {
			j++
		}
	}
	return n
}

// section is a unit or a gap of one coder's unitization of a clipping.
type section struct {
	start, end int
	coded      bool
}

// sections lays merged units of a clipping of length n out with the gaps
// between them, covering [0, n) exactly.
func sections(us []unit, n int) []section {
	return sectionsInto(make([]section, 0, 2*len(us)+1), us, n)
}
