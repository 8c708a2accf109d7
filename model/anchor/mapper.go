// Package anchor re-attaches annotations to a clipping whose body changed (a
// typo fixed, a re-import, a colleague's copy). It first maps a span's offsets
// through a code-point diff of the old and new body, then falls back to a
// fuzzy search for the quoted text scored with its context, and otherwise
// reports the annotation as orphaned; it never drops one.
package anchor

import (
	"cmp"
	"slices"
)

// Status says how an annotation was re-attached.
type Status string

const (
	// StatusExact: the quoted text is at the same offsets in the new body.
	StatusExact Status = "exact"
	// StatusRemapped: the offsets moved through the diff and the new text
	// between them still equals the quote.
	StatusRemapped Status = "remapped"
	// StatusFuzzy: found by approximate search for the quote and its context;
	// to be reviewed by the researcher.
	StatusFuzzy Status = "fuzzy"
	// StatusOrphan: not found; kept at the diff-mapped position for the
	// researcher to re-select or delete.
	StatusOrphan Status = "orphan"
)

// Span is an annotation as stored: [Start, End) in code points of the old
// body, the quoted text and up to model.AnchorContext code points of context
// on each side.
type Span struct {
	Start, End int
	Exact      string
	Prefix     string
	Suffix     string
}

// Result is where a span lands in the new body: [Start, End) in code points,
// how it was found, and a confidence in 0..1 (1 for exact and remapped, the
// match score for fuzzy, 0 for orphans).
type Result struct {
	Start, End int
	Status     Status
	Score      float64
}

// Threshold is the lowest fuzzy score accepted. With the weights of score
// (quote 50, prefix 20, suffix 20, position 2, out of 92) it accepts an
// unchanged quote whose context is at least half intact (≥ 0.78) and a quote
// up to ~25% edited whose context is intact (≥ 0.86), and it rejects an
// unchanged quote in unrelated context (0.57 to about 0.7, as unrelated text
// still shares some characters with the stored context: most likely another
// occurrence of a common phrase) and a half-rewritten quote even in intact
// context (0.73).
const Threshold = 0.75

// Mapper re-anchors the annotations of one clipping from one body to
// another. Build it once per (old body, new body) pair: the diff is computed
// once and reused by every Map call. A Mapper is safe for concurrent use.
type Mapper struct {
	old, new []rune
	same     bool
	segs     []segment
}

// NewMapper diffs oldBody against newBody (by Unicode code point).
func NewMapper(oldBody, newBody string) *Mapper {
	m := &Mapper{old: []rune(oldBody), new: []rune(newBody)}
	m.same = slices.Equal(m.old, m.new)
	if !m.same {
		m.segs = diffSegments(m.old, m.new)
	}
	return m
}

// Map re-anchors one span: through the diff when the quote is still there
// (between both mapped edges, or next to either one), else by fuzzy search
// for the quote with its context, else as an orphan at the diff-mapped
// position. The result always lies inside the new body. Offsets outside the
// old body are clamped to it.
func (m *Mapper) Map(s Span) Result {
	start := min(max(s.Start, 0), len(m.old))
	end := min(max(s.End, start), len(m.old))
	exact := []rune(s.Exact)

	ns, ne := start, end
	if !m.same {
		// An empty span keeps to the text before it, like an end.
		ns = mapPos(m.segs, len(m.new), start, start < end)
		ne = max(mapPos(m.segs, len(m.new), end, false), ns)
	}
	if !slices.Equal(m.new[ns:ne], exact) {
		// Where the diff could attribute an edit to either side of a span
		// edge ("aab" → "aaab"), one edge may land wrong: try each edge
		// with the quote's length.
		switch l := len(exact); {
		case ns+l <= len(m.new) && slices.Equal(m.new[ns:ns+l], exact):
			ne = ns + l
		case ne-l >= 0 && slices.Equal(m.new[ne-l:ne], exact):
			ns = ne - l
		}
	}
	if slices.Equal(m.new[ns:ne], exact) {
		st := StatusRemapped
		if ns == s.Start && ne == s.End {
			st = StatusExact
		}
		return Result{Start: ns, End: ne, Status: st, Score: 1}
	}
	if best, ok := m.fuzzy(exact, []rune(s.Prefix), []rune(s.Suffix), ns); ok {
		return best
	}
	return Result{Start: ns, End: ne, Status: StatusOrphan}
}

// maxCandidates bounds how many approximate occurrences of a quote are scored
// with their context; the best-matching and nearest come first.
const maxCandidates = 64

// maxContext is how much of a stored prefix or suffix is compared (twice
// model.AnchorContext).
const maxContext = 64

// candidate is one approximate occurrence of the quote ending at end
// (exclusive) with dist edit errors.
type candidate struct {
	end, dist int
}

// fuzzy searches the whole new body for exact with at most len(exact)/2
// errors and returns the best-scoring occurrence if it reaches Threshold.
func (m *Mapper) fuzzy(exact, prefix, suffix []rune, hint int) (Result, bool) {
	if len(exact) == 0 || len(m.new) == 0 {
		return Result{}, false
	}
	maxErr := len(exact) / 2
	// Only the context next to the quote is compared; this bounds the cost of
	// its edit distance whatever was stored.
	prefix = prefix[max(0, len(prefix)-maxContext):]
	suffix = suffix[:min(len(suffix), maxContext)]
	cands := m.candidates(newPattern(exact), maxErr, hint+len(exact))
	if len(cands) == 0 {
		return Result{}, false
	}
	rev := newPattern(reversed(exact))
	best := Result{Score: -1}
	for _, c := range cands {
		start := m.matchStart(rev, c, len(exact))
		sc := score(len(exact), c.dist,
			prefix, m.new[max(0, start-len(prefix)):start],
			suffix, m.new[c.end:min(len(m.new), c.end+len(suffix))],
			start, hint, len(m.new))
		if sc > best.Score || sc == best.Score && abs(start-hint) < abs(best.Start-hint) {
			best = Result{Start: start, End: c.end, Status: StatusFuzzy, Score: sc}
		}
	}
	return best, best.Score >= Threshold
}

// candidates returns the local minima of the approximate-search distance
// that are within maxErr, fewest errors first, then nearest to wantEnd.
func (m *Mapper) candidates(pt *pattern, maxErr, wantEnd int) []candidate {
	var cands []candidate
	prev := -1 // distance at j-1, -1 before the text
	pend := candidate{end: -1}
	pt.scan(m.new, false, func(j, d int) bool {
		// A candidate is kept when no neighbour has fewer errors.
		if pend.end >= 0 && d >= pend.dist {
			cands = append(cands, pend)
		}
		pend.end = -1
		if d <= maxErr && (prev < 0 || d <= prev) {
			pend = candidate{end: j + 1, dist: d}
		}
		prev = d
		return true
	})
	if pend.end >= 0 {
		cands = append(cands, pend)
	}
	slices.SortFunc(cands, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(a.dist, b.dist), cmp.Compare(abs(a.end-wantEnd), abs(b.end-wantEnd)), cmp.Compare(a.end, b.end))
	})
	return cands[:min(len(cands), maxCandidates)]
}

// matchStart finds where the occurrence ending at c.end starts: it scans the
// text backwards from c.end with the reversed quote, anchored at c.end, and
// takes the start with c.dist errors whose length is closest to the quote's.
func (m *Mapper) matchStart(rev *pattern, c candidate, qlen int) int {
	from := max(0, c.end-qlen-c.dist)
	window := reversed(m.new[from:c.end])
	start, bestLen := c.end-qlen, -1
	rev.scan(window, true, func(j, d int) bool {
		if d == c.dist {
			if l := j + 1; bestLen < 0 || abs(l-qlen) < abs(bestLen-qlen) {
				bestLen, start = l, c.end-l
			}
		}
		return true
	})
	return max(start, 0)
}

// score combines the similarities of the quote, the prefix, the suffix and
// the position into one figure in 0..1 with weights 50, 20, 20 and 2 (the
// weighting of the Hypothesis client's quote anchoring). A context that was
// not stored counts as matching.
func score(qlen, qerr int, prefix, before, suffix, after []rune, start, hint, textLen int) float64 {
	quote := 1 - float64(qerr)/float64(qlen)
	pre := contextSimilarity(prefix, before)
	suf := contextSimilarity(suffix, after)
	pos := 1 - float64(abs(start-hint))/float64(max(textLen, 1))
	return (50*quote + 20*pre + 20*suf + 2*max(pos, 0)) / 92
}

// contextSimilarity is 1 minus the edit distance of the stored context and
// the text found in its place, relative to the stored context's length.
func contextSimilarity(want, got []rune) float64 {
	if len(want) == 0 {
		return 1
	}
	return max(0, 1-float64(levenshtein(want, got))/float64(len(want)))
}

func reversed(r []rune) []rune {
	out := make([]rune, len(r))
	for i, c := range r {
		out[len(r)-1-i] = c
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
