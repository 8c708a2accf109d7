package layout

// HasRTL reports whether s holds a character that can make text run right to
// left: a strong right-to-left letter or an explicit RTL embedding, override
// or isolate. Text without one is laid out left to right at level 0.
func HasRTL(s string) bool { return mayBeRTL(s) }

// Levels resolves paragraph s by the Unicode bidirectional algorithm (UAX #9,
// as the layout does): it reports whether s runs right to left (its first
// strong character is R or AL) and returns the embedding level of each of
// its code points. Text without right-to-left characters is at level 0
// throughout.
func Levels(s string) (rtl bool, levels []int8) {
	n := 0
	for range s {
		n++
	}
	levels = make([]int8, n)
	if !mayBeRTL(s) {
		return false, levels
	}
	rtl, runs := resolveLevels(s)
	for i, r := range runs {
		end := int32(n)
		if i+1 < len(runs) {
			end = runs[i+1].start
		}
		for k := r.start; k < end; k++ {
			levels[k] = r.level
		}
	}
	return rtl, levels
}
