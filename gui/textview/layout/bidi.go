package layout

import (
	"sort"
	"unicode/utf8"

	"golang.org/x/text/unicode/bidi"
)

// levelRun starts a stretch of code points at one embedding level (UAX #9);
// the stretch lasts until the next run's start.
type levelRun struct {
	start int32
	level int8
}

// bidiSeg is a stretch of the body between hard line breaks (a paragraph in
// the sense of UAX #9) that holds right-to-left text. Stretches without any
// are left out: they are laid out left to right at level 0.
type bidiSeg struct {
	start, end int32 // code points; end is where the hard break or paragraph end is
	rtl        bool  // base direction right to left (P2/P3: first strong character)
	r0, r1     int32 // its level runs: l.levels[r0:r1]
}

// analyzeBidi finds the stretches between hard breaks that need the
// bidirectional algorithm and resolves their embedding levels.
func (l *Layout) analyzeBidi() {
	for _, p := range l.paras {
		if !mayBeRTL(l.text[p.bstart:p.bend]) {
			continue
		}
		s0, b0 := p.start, p.bstart
		for t := p.tok0; t <= p.tok1; t++ {
			if t < p.tok1 && l.tKind[t] != hardBreak {
				continue
			}
			s1, b1 := p.end, p.bend
			if t < p.tok1 {
				s1, b1 = l.tOff[t], l.tByte[t]
			}
			if seg := l.text[b0:b1]; mayBeRTL(seg) {
				l.addBidiSeg(seg, s0, s1)
			}
			if t < p.tok1 {
				s0, b0 = l.tOff[t+1], l.tByte[t+1]
			}
		}
	}
}

// mayBeRTL reports whether s holds a character that can make text run right
// to left: a strong right-to-left letter or an explicit RTL embedding,
// override or isolate.
func mayBeRTL(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < 0xD6 { // below U+0590 (lead bytes of 2-byte sequences start at 0xC2)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r < 0x590 {
			continue
		}
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.R, bidi.AL, bidi.RLE, bidi.RLO, bidi.RLI:
			return true
		}
	}
	return false
}

// addBidiSeg resolves the levels of seg, which spans code points [s0, s1).
func (l *Layout) addBidiSeg(seg string, s0, s1 int32) {
	rtl, runs := resolveLevels(seg)
	r0 := int32(len(l.levels))
	for _, r := range runs {
		l.levels = append(l.levels, levelRun{start: s0 + r.start, level: r.level})
	}
	l.segs = append(l.segs, bidiSeg{start: s0, end: s1, rtl: rtl, r0: r0, r1: int32(len(l.levels))})
}

// resolveLevels returns the base direction of paragraph s and its level runs
// (starts relative to s, in code points). A paragraph without brackets and
// explicit embeddings, overrides or isolates — most news text — is resolved
// by implicitLevels, several times faster. Otherwise directions come from
// golang.org/x/text/unicode/bidi, which reports runs of one direction but
// not their levels: a right-to-left run is at level 1; a left-to-right run
// is at level 2 in a right-to-left paragraph and at level 0 in a
// left-to-right one, except for numbers that follow right-to-left text
// (resolved EN or AN, rule I1), which are at level 2. That is exact without
// explicit embeddings and isolates, which news text does not use; with them,
// nesting deeper than level 2 is flattened.
func resolveLevels(s string) (rtl bool, runs []levelRun) {
	rs := []rune(s)
	cls := make([]bidi.Class, len(rs))
	for i, r := range rs {
		p, _ := bidi.LookupRune(r)
		cls[i] = p.Class()
		if cls[i] == bidi.B { // x/text stops at a paragraph separator
			rs[i], cls[i] = ' ', bidi.WS
		}
	}
	rtl = firstStrongRTL(cls)
	if lv, ok := implicitLevels(rs, cls, rtl); ok {
		for i, v := range lv {
			if len(runs) == 0 || runs[len(runs)-1].level != v {
				runs = append(runs, levelRun{start: int32(i), level: v})
			}
		}
		return rtl, runs
	}
	return rtl, xtextLevels(rs, cls, rtl)
}

// xtextLevels resolves levels from the directions x/text gives (see
// resolveLevels).
func xtextLevels(rs []rune, cls []bidi.Class, rtl bool) (runs []levelRun) {
	dirs := runDirections(rs, rtl)
	var numeric []bool
	if !rtl {
		numeric = resolvedNumbers(cls)
	}
	level := func(i int) int8 {
		switch {
		case dirs[i]:
			return 1
		case rtl:
			return 2
		case numeric[i]:
			return 2
		}
		return 0
	}
	for i := range rs {
		lv := level(i)
		if len(runs) == 0 || runs[len(runs)-1].level != lv {
			runs = append(runs, levelRun{start: int32(i), level: lv})
		}
	}
	return runs
}

// firstStrongRTL applies rules P2 and P3: the paragraph runs right to left
// when its first strong character outside isolates is R or AL.
func firstStrongRTL(cls []bidi.Class) bool {
	depth := 0
	for _, c := range cls {
		switch c {
		case bidi.LRI, bidi.RLI, bidi.FSI:
			depth++
		case bidi.PDI:
			if depth > 0 {
				depth--
			}
		case bidi.L:
			if depth == 0 {
				return false
			}
		case bidi.R, bidi.AL:
			if depth == 0 {
				return true
			}
		}
	}
	return false
}

// runDirections reports for each rune whether it is resolved right to left.
// If x/text fails (or panics on malformed input), strong characters keep
// their own direction and everything else follows the paragraph.
func runDirections(rs []rune, rtl bool) (dirs []bool) {
	dirs = make([]bool, len(rs))
	fallback := func() {
		for i, r := range rs {
			p, _ := bidi.LookupRune(r)
			switch p.Class() {
			case bidi.R, bidi.AL:
				dirs[i] = true
			case bidi.L:
				dirs[i] = false
			default:
				dirs[i] = rtl
			}
		}
	}
	defer func() {
		if recover() != nil {
			fallback()
		}
	}()
	def := bidi.LeftToRight
	if rtl {
		def = bidi.RightToLeft
	}
	var p bidi.Paragraph
	if _, err := p.SetString(string(rs), bidi.DefaultDirection(def)); err != nil {
		fallback()
		return dirs
	}
	o, err := p.Order()
	if err != nil {
		fallback()
		return dirs
	}
	for i := range o.NumRuns() {
		run := o.Run(i)
		start, end := run.Pos()
		if run.Direction() == bidi.RightToLeft {
			for k := start; k <= end && k < len(dirs); k++ {
				dirs[k] = true
			}
		}
	}
	return dirs
}

// resolvedNumbers applies the weak-type rules W1–W7 of UAX #9 to a
// left-to-right paragraph (one isolating run sequence, sos = L) and reports
// which characters end up EN or AN: the numbers that rule I1 raises to
// level 2.
func resolvedNumbers(all []bidi.Class) []bool {
	var idx []int // X9: boundary neutrals are set aside
	for i, c := range all {
		if c != bidi.BN {
			idx = append(idx, i)
		}
	}
	t := make([]bidi.Class, len(idx))
	for k, i := range idx {
		t[k] = all[i]
	}
	n := len(t)
	prev := bidi.L // W1: NSM takes the type of the character before it
	for i := range t {
		switch t[i] {
		case bidi.NSM:
			t[i] = prev
			if prev == bidi.LRI || prev == bidi.RLI || prev == bidi.FSI || prev == bidi.PDI {
				t[i] = bidi.ON
			}
		case bidi.BN:
		default:
			prev = t[i]
		}
	}
	last := bidi.L // W2: EN after AL becomes AN; W3: AL becomes R
	for i := range t {
		switch t[i] {
		case bidi.L, bidi.R:
			last = t[i]
		case bidi.AL:
			last = bidi.AL
			t[i] = bidi.R
		case bidi.EN:
			if last == bidi.AL {
				t[i] = bidi.AN
			}
		}
	}
	for i := 1; i+1 < n; i++ { // W4: a single separator between two numbers
		a, b := t[i-1], t[i+1]
		switch {
		case t[i] == bidi.ES && a == bidi.EN && b == bidi.EN:
			t[i] = bidi.EN
		case t[i] == bidi.CS && a == b && (a == bidi.EN || a == bidi.AN):
			t[i] = a
		}
	}
	for i := 0; i < n; { // W5: terminators next to European numbers
		if t[i] != bidi.ET {
			i++
			continue
		}
		j := i
		for j < n && t[j] == bidi.ET {
			j++
		}
		if (i > 0 && t[i-1] == bidi.EN) || (j < n && t[j] == bidi.EN) {
			for k := i; k < j; k++ {
				t[k] = bidi.EN
			}
		}
		i = j
	}
	out := make([]bool, len(all))
	last = bidi.L // W6 leaves the rest neutral; W7: EN after L (or sos) becomes L
	for k, c := range t {
		switch c {
		case bidi.L, bidi.R:
			last = c
		case bidi.EN:
			out[idx[k]] = last != bidi.L
		case bidi.AN:
			out[idx[k]] = true
		}
	}
	return out
}

// segOf returns the index of the bidi stretch holding a line that starts at
// code point off, or -1.
func (l *Layout) segOf(off int32) int32 {
	i := sort.Search(len(l.segs), func(i int) bool { return l.segs[i].end >= off })
	if i < len(l.segs) && l.segs[i].start <= off {
		return int32(i)
	}
	return -1
}
