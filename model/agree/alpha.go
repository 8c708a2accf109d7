package agree

import (
	"slices"
	"sort"
)

// unitizing is one tag's data for αU: the clipping lengths and, per coder
// and clipping, the units and gaps (see sections).
type unitizing struct {
	lengths []int
	secs    [][][]section // [coder][clipping]
}

// disagreement returns Krippendorff's observed and expected disagreement
// (Do, De) of the coders in u, as defined in the package comment, and the
// number of units. De is 0 when αU is undefined.
func (u unitizing) disagreement() (do, de float64, units int) {
	m := len(u.secs)
	total := 0
	for _, n := range u.lengths {
		total += n
	}
	if m < 2 || total == 0 {
		return 0, 0, 0
	}
	L := float64(total)
	secs := u.secs

	// Do: every pair of coders, clipping by clipping.
	var sum float64
	for i := range m {
		for j := i + 1; j < m; j++ {
			for d := range u.lengths {
				sum += sweep(secs[i][d], secs[j][d])
			}
		}
	}
	do = 2 * sum / (float64(m*(m-1)) * L * L)

	// De: all units against all units and gaps.
	var lens []int32
	var gaps []int
	for i := range m {
		for d := range u.lengths {
			for _, s := range secs[i][d] {
				if s.coded {
					lens = append(lens, int32(s.end-s.start))
				} else {
					gaps = append(gaps, s.end-s.start)
				}
			}
		}
	}
	return do, expected(lens, gaps, m, L), len(lens)
}

// expected is Krippendorff's expected disagreement De of m coders over a
// continuum of length L from the lengths of all their units, in order
// (the sum is taken in that order), and of all their gaps (sorted here);
// 0 when αU is undefined.
func expected(lens []int32, gaps []int, m int, L float64) float64 {
	slices.Sort(gaps)
	// tail[k] = Σ gaps[k:], so Σ_{gap ≥ l} (gap − l + 1) = tail[k] − (l−1)·(len−k).
	tail := make([]float64, len(gaps)+1)
	for k := len(gaps) - 1; k >= 0; k-- {
		tail[k] = tail[k+1] + float64(gaps[k])
	}
	N := float64(len(lens))
	var num, self float64
	for _, n32 := range lens {
		n := int(n32)
		l := float64(n)
		k := sort.SearchInts(gaps, n)
		fits := tail[k] - (l-1)*float64(len(gaps)-k)
		num += (N-1)*(2*l*l*l-3*l*l+l)/3 + l*l*fits
		self += l * (l - 1)
	}
	mL := float64(m) * L
	denom := mL*(mL-1) - self
	if num == 0 || denom <= 0 {
		return 0
	}
	return 2 / L * num / denom
}

// alpha is 1 − Do/De, undefined (ok false) when De is 0.
func alpha(do, de float64) (float64, bool) {
	if de <= 0 {
		return 0, false
	}
	return 1 - do/de, true
}

// sweep sums δ² over every overlapping pair of sections of two coders'
// unitizations of one clipping (both cover it exactly). Each overlapping pair
// is visited once: the section that ends first is the one left behind.
func sweep(a, b []section) float64 {
	var sum float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		sum += delta2(a[i], b[j])
		switch {
		case a[i].end < b[j].end:
			i++
		case b[j].end < a[i].end:
			j++
		default:
			i++
			j++
		}
	}
	return sum
}

// delta2 is Krippendorff's squared distance between two overlapping
// sections of different coders.
func delta2(g, h section) float64 {
	switch {
	case g.coded && h.coded:
		db, de := float64(g.start-h.start), float64(g.end-h.end)
		return db*db + de*de
	case g.coded && h.start <= g.start && g.end <= h.end:
		l := float64(g.end - g.start)
		return l * l
	case h.coded && g.start <= h.start && h.end <= g.end:
		l := float64(h.end - h.start)
		return l * l
	}
	return 0
}
