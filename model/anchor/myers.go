package anchor

// This file implements Myers' bit-parallel edit-distance algorithm (G. Myers,
// "A fast bit-vector algorithm for approximate string matching based on
// dynamic programming", J. ACM 46(3), 1999), in its block-based form for
// patterns longer than 64 code points: column j of the dynamic-programming
// matrix is kept as vertical deltas (+1/-1 bit vectors) in 64-row blocks, and
// each text code point advances every block in O(1) word operations, carrying
// the horizontal delta from one block into the next.

const wordBits = 64

// pattern is a compiled search pattern: for each code point of the pattern,
// the bit mask of the rows (pattern positions) where it occurs.
type pattern struct {
	m      int            // length in code points
	blocks int            // ceil(m/64)
	small  [256]int32     // index+1 into masks for code points < 256; 0 = absent
	large  map[rune]int32 // index+1 for other code points
	masks  []uint64       // blocks words per distinct code point
	none   []uint64       // all-zero masks for absent code points
}

func newPattern(p []rune) *pattern {
	pt := &pattern{m: len(p), blocks: (len(p) + wordBits - 1) / wordBits}
	pt.none = make([]uint64, pt.blocks)
	for i, r := range p {
		idx := pt.index(r)
		if idx == 0 {
			pt.masks = append(pt.masks, make([]uint64, pt.blocks)...)
			idx = int32(len(pt.masks) / pt.blocks)
			if r >= 0 && r < 256 {
				pt.small[r] = idx
			} else {
				if pt.large == nil {
					pt.large = make(map[rune]int32)
				}
				pt.large[r] = idx
			}
		}
		pt.masks[int(idx-1)*pt.blocks+i/wordBits] |= 1 << (i % wordBits)
	}
	return pt
}

func (pt *pattern) index(r rune) int32 {
	if r >= 0 && r < 256 {
		return pt.small[r]
	}
	return pt.large[r]
}

// eq returns the per-block match masks of code point r.
func (pt *pattern) eq(r rune) []uint64 {
	idx := pt.index(r)
	if idx == 0 {
		return pt.none
	}
	o := int(idx-1) * pt.blocks
	return pt.masks[o : o+pt.blocks]
}

// scan walks text and, after each code point text[j], calls visit(j, d) with
// d the edit distance between the whole pattern and the best-matching text
// that ends at j+1. With anchored false that text may start anywhere
// (approximate search); with anchored true it must start at text[0]. Scanning
// stops when visit returns false.
func (pt *pattern) scan(text []rune, anchored bool, visit func(j, d int) bool) {
	if pt.m == 0 {
		return
	}
	pv := make([]uint64, pt.blocks)
	mv := make([]uint64, pt.blocks)
	for b := range pv {
		pv[b] = ^uint64(0)
	}
	last := uint64(1) << ((pt.m - 1) % wordBits)
	score := pt.m
	hin0 := 0
	if anchored {
		hin0 = 1 // top row D[0][j] = j: each column adds one
	}
	for j, r := range text {
		eqs := pt.eq(r)
		hin := hin0
		for b := 0; b < pt.blocks; b++ {
			high := uint64(1) << (wordBits - 1)
			if b == pt.blocks-1 {
				high = last
			}
			hin = advance(&pv[b], &mv[b], eqs[b], hin, high)
		}
		score += hin
		if !visit(j, score) {
			return
		}
	}
}

// advance moves one 64-row block to the next text column given the match mask
// eq and the horizontal delta hin entering its top row; it returns the
// horizontal delta leaving the row marked by high.
func advance(pv, mv *uint64, eq uint64, hin int, high uint64) int {
	p, m := *pv, *mv
	xv := eq | m
	if hin < 0 {
		eq |= 1
	}
	xh := (((eq & p) + p) ^ p) | eq
	ph := m | ^(xh | p)
	mh := p & xh
	hout := 0
	if ph&high != 0 {
		hout = 1
	} else if mh&high != 0 {
		hout = -1
	}
	ph <<= 1
	mh <<= 1
	if hin < 0 {
		mh |= 1
	} else if hin > 0 {
		ph |= 1
	}
	*pv = mh | ^(xv | ph)
	*mv = ph & xv
	return hout
}

// levenshtein is the plain edit distance of two short strings (contexts of at
// most a few dozen code points).
func levenshtein(a, b []rune) int {
	if len(a) == 0 {
		return len(b)
	}
	row := make([]int, len(b)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		diag := row[0]
		row[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			next := min(row[j]+1, row[j-1]+1, diag+cost)
			diag = row[j]
			row[j] = next
		}
	}
	return row[len(b)]
}
