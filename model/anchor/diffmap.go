package anchor

import (
	"sort"
	"time"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// diffTimeout bounds the diff of one clipping. Past it go-diff returns a
// coarser but still valid diff; the fuzzy step then does the finer work.
const diffTimeout = time.Second

// segment is one step of the diff in canonical form: either an unchanged run
// (equal) or a change that replaces del old code points by ins new ones.
type segment struct {
	oldAt, newAt int // where the segment starts in the old and new body
	del, ins     int // code points removed from old / added to new (equal: del == ins)
	equal        bool
}

// diffSegments diffs old against new by code point and returns the diff as
// alternating equal runs and changes, each change with its deletion before
// its insertion. The segments cover both bodies exactly.
func diffSegments(old, new []rune) []segment {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = diffTimeout
	diffs := dmp.DiffMainRunes(old, new, false)

	var segs []segment
	o, n := 0, 0
	for _, d := range diffs {
		k := utf8.RuneCountInString(d.Text)
		if k == 0 {
			continue
		}
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			segs = append(segs, segment{oldAt: o, newAt: n, del: k, ins: k, equal: true})
			o += k
			n += k
		case diffmatchpatch.DiffDelete:
			segs = appendChange(segs, o, n, k, 0)
			o += k
		case diffmatchpatch.DiffInsert:
			segs = appendChange(segs, o, n, 0, k)
			n += k
		}
	}
	if !consistent(segs, old, new) {
		// Never trust a diff that does not reproduce both bodies: fall back
		// to common prefix + one change + common suffix, which always does.
		return trimDiff(old, new)
	}
	return segs
}

// appendChange adds a deletion or insertion, merging it into a change that
// ends where it starts so that each change is one del+ins pair.
func appendChange(segs []segment, o, n, del, ins int) []segment {
	if l := len(segs); l > 0 && !segs[l-1].equal {
		last := &segs[l-1]
		if last.oldAt+last.del == o && last.newAt+last.ins == n {
			last.del += del
			last.ins += ins
			return segs
		}
	}
	return append(segs, segment{oldAt: o, newAt: n, del: del, ins: ins})
}

// consistent reports whether segs cover old and new exactly and their equal
// runs really are equal.
func consistent(segs []segment, old, new []rune) bool {
	o, n := 0, 0
	for _, s := range segs {
		if s.oldAt != o || s.newAt != n || o+s.del > len(old) || n+s.ins > len(new) {
			return false
		}
		if s.equal {
			for i := range s.del {
				if old[o+i] != new[n+i] {
					return false
				}
			}
		}
		o += s.del
		n += s.ins
	}
	return o == len(old) && n == len(new)
}

// trimDiff is the coarse diff: common prefix, one change, common suffix.
func trimDiff(old, new []rune) []segment {
	p := 0
	for p < len(old) && p < len(new) && old[p] == new[p] {
		p++
	}
	s := 0
	for s < len(old)-p && s < len(new)-p && old[len(old)-1-s] == new[len(new)-1-s] {
		s++
	}
	var segs []segment
	if p > 0 {
		segs = append(segs, segment{del: p, ins: p, equal: true})
	}
	if d, i := len(old)-p-s, len(new)-p-s; d > 0 || i > 0 {
		segs = append(segs, segment{oldAt: p, newAt: p, del: d, ins: i})
	}
	if s > 0 {
		segs = append(segs, segment{oldAt: len(old) - s, newAt: len(new) - s, del: s, ins: s, equal: true})
	}
	return segs
}

// mapPos maps old position p (0..len(old)) to the new body. A start maps
// after text inserted exactly at p (it belongs to what precedes the span), an
// end maps before it. A position inside replaced text moves by its offset into
// the replacement, clamped to the replacement's length.
func mapPos(segs []segment, newLen, p int, start bool) int {
	i := sort.Search(len(segs), func(i int) bool {
		s := segs[i]
		return s.oldAt+s.del > p || (s.del == 0 && s.oldAt >= p)
	})
	if i == len(segs) {
		return newLen
	}
	s := segs[i]
	if p < s.oldAt { // unreachable: the segments cover old without holes
		return s.newAt
	}
	off := p - s.oldAt
	switch {
	case s.equal:
		return s.newAt + off
	case s.del == 0: // pure insertion at p
		if start {
			return s.newAt + s.ins
		}
		return s.newAt
	default:
		return s.newAt + min(off, s.ins)
	}
}
