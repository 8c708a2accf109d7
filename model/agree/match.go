package agree

// matchCounts counts one-to-one matches between two coders' merged units of
// one clipping and tag: exact (same start and end) and overlap (sharing at
// least half of the longer unit).
func matchCounts(a, b []unit) (exact, overlap int) {
	// Units of one coder are disjoint, so an exact partner is unique.
	i := 0
	for _, u := range b {
		for i < len(a) && a[i].start < u.start {
			i++
		}
		if i < len(a) && a[i] == u {
			exact++
		}
	}
	// A unit can share half its length with at most two disjoint units of
	// the other coder, so candidate pairs form chains along the text; taking
	// the leftmost free partner, left to right, gives a maximum matching.
	used := make([]bool, len(a))
	lo := 0
	for _, u := range b {
		for lo < len(a) && a[lo].end <= u.start {
			lo++
		}
		for k := lo; k < len(a) && a[k].start < u.end; k++ {
			if !used[k] && overlaps(a[k], u) {
				used[k] = true
				overlap++
				break
			}
		}
	}
	return exact, overlap
}

// overlaps is the matching rule: shared length ≥ half the longer unit.
func overlaps(a, b unit) bool {
	shared := min(a.end, b.end) - max(a.start, b.start)
	return shared > 0 && 2*shared >= max(a.len(), b.len())
}

// matchOf turns counts into precision and recall of B against A and F1.
func matchOf(matched, nA, nB int) Match {
	m := Match{Matched: matched}
	if nB > 0 {
		m.Precision = ptr(float64(matched)/float64(nB), true)
	}
	if nA > 0 {
		m.Recall = ptr(float64(matched)/float64(nA), true)
	}
	if nA+nB > 0 {
		m.F1 = ptr(2*float64(matched)/float64(nA+nB), true)
	}
	return m
}
