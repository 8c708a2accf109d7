package layout

import "golang.org/x/text/unicode/bidi"

// implicitLevels resolves the levels of a paragraph by the weak, neutral and
// implicit rules of UAX #9 (W1–W7, N1–N2, I1–I2, and L1 for its end and
// segment separators) when it needs nothing else: no explicit embeddings,
// overrides or isolates and no paired brackets (rule N0). It reports false
// otherwise. Boundary neutrals (BN, such as ZWNJ) are set aside as rule X9
// says and take the level of the character before them.
func implicitLevels(rs []rune, in []bidi.Class, rtl bool) ([]int8, bool) {
	para, e := int8(0), bidi.L
	if rtl {
		para, e = 1, bidi.R
	}
	idx := make([]int, 0, len(in)) // characters left after X9
	for i, c := range in {
		switch c {
		case bidi.LRE, bidi.RLE, bidi.LRO, bidi.RLO, bidi.PDF, bidi.LRI, bidi.RLI, bidi.FSI, bidi.PDI:
			return nil, false
		case bidi.BN:
			continue
		}
		if c == bidi.ON && rs[i] >= '(' {
			if p, _ := bidi.LookupRune(rs[i]); p.IsBracket() {
				return nil, false
			}
		}
		idx = append(idx, i)
	}
	n := len(idx)
	t := make([]bidi.Class, n)
	for k, i := range idx {
		t[k] = in[i]
	}
	prev := e // W1
	for k := range t {
		if t[k] == bidi.NSM {
			t[k] = prev
		} else {
			prev = t[k]
		}
	}
	last := e // W2, W3
	for k := range t {
		switch t[k] {
		case bidi.L, bidi.R:
			last = t[k]
		case bidi.AL:
			last = bidi.AL
			t[k] = bidi.R
		case bidi.EN:
			if last == bidi.AL {
				t[k] = bidi.AN
			}
		}
	}
	for k := 1; k+1 < n; k++ { // W4
		a, b := t[k-1], t[k+1]
		switch {
		case t[k] == bidi.ES && a == bidi.EN && b == bidi.EN:
			t[k] = bidi.EN
		case t[k] == bidi.CS && a == b && (a == bidi.EN || a == bidi.AN):
			t[k] = a
		}
	}
	for k := 0; k < n; { // W5
		if t[k] != bidi.ET {
			k++
			continue
		}
		j := k
		for j < n && t[j] == bidi.ET {
			j++
		}
		if (k > 0 && t[k-1] == bidi.EN) || (j < n && t[j] == bidi.EN) {
			for m := k; m < j; m++ {
				t[m] = bidi.EN
			}
		}
		k = j
	}
	last = e // W6, W7
	for k, c := range t {
		switch c {
		case bidi.ES, bidi.ET, bidi.CS:
			t[k] = bidi.ON
		case bidi.L, bidi.R:
			last = c
		case bidi.EN:
			if last == bidi.L {
				t[k] = bidi.L
			}
		}
	}
	strong := func(c bidi.Class) (bidi.Class, bool) {
		switch c {
		case bidi.L:
			return bidi.L, true
		case bidi.R, bidi.EN, bidi.AN:
			return bidi.R, true
		}
		return 0, false
	}
	for k := 0; k < n; { // N1, N2
		if _, ok := strong(t[k]); ok {
			k++
			continue
		}
		j := k
		for j < n {
			if _, ok := strong(t[j]); ok {
				break
			}
			j++
		}
		before, after := e, e
		if k > 0 {
			before, _ = strong(t[k-1])
		}
		if j < n {
			after, _ = strong(t[j])
		}
		d := e
		if before == after {
			d = before
		}
		for m := k; m < j; m++ {
			t[m] = d
		}
		k = j
	}
	lv := make([]int8, len(in))
	for i := range lv {
		lv[i] = -1
	}
	for k, i := range idx { // I1, I2
		l := para
		switch {
		case para == 0 && t[k] == bidi.R:
			l = 1
		case para == 0 && (t[k] == bidi.AN || t[k] == bidi.EN):
			l = 2
		case para == 1 && t[k] != bidi.R:
			l = 2
		}
		lv[i] = l
	}
	// L1: segment separators, and whitespace before them or at the end,
	// take the paragraph level.
	end := true
	for i := len(in) - 1; i >= 0; i-- {
		switch in[i] {
		case bidi.S, bidi.B:
			lv[i], end = para, true
		case bidi.WS, bidi.BN:
			if end {
				lv[i] = para
			}
		default:
			end = false
		}
	}
	for i := range lv { // X9: removed characters follow the one before
		if lv[i] < 0 {
			lv[i] = para
			if i > 0 {
				lv[i] = lv[i-1]
			}
		}
	}
	return lv, true
}
