package agree

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Accumulator computes a Report clipping by clipping, so that a project of
// any size can be compared without holding its spans: Add each compared
// clipping with its spans, in order, then call Report. It keeps, per tag
// and coder, the lengths of the units and gaps (what the expected
// disagreement of αU needs: 4 bytes per unit) and per pair and tag the
// running sums; with per-clipping rows (Compare's PairStats.Clippings) a
// row per clipping a pair coded. Its figures are exactly Compare's.
type Accumulator struct {
	coders, tags []string
	coderIdx     map[string]int
	tagIdx       map[string]int
	perClipping  bool

	rep   Report
	total int // characters of the clippings added

	// Per tag t and coder c (index t*len(coders)+c): unit and gap lengths
	// in clipping order, and whether the coder coded anything.
	lens, gaps [][]int32
	coded      []bool

	// Per pair p (i<j in order) and tag t (index p*len(tags)+t).
	pairs []pairSums

	// scratch, reused for every clipping: units and sections per tag and
	// coder.
	units [][]unit
	secs  [][]section
}

// pairSums is what a pair row adds up over the clippings.
type pairSums struct {
	chars          Table
	clippings      []ClippingStats
	spansA, spansB int
	exact, overlap int
	sweep          float64 // Σ δ² (whole numbers: exact in float64)
}

// NewAccumulator starts a comparison of coders on tags (both given, in
// report order; see Compare for the checks). With perClipping the pair
// rows list their clippings (PairStats.Clippings), as Compare's do.
func NewAccumulator(coders, tags []string, perClipping bool) (*Accumulator, error) {
	var err error
	if coders, err = checkNames("coder", coders); err != nil {
		return nil, err
	}
	if len(coders) < 2 {
		return nil, fmt.Errorf("agree: %w, have %d (%s)", ErrTooFewCoders, len(coders), strings.Join(coders, ", "))
	}
	if tags, err = checkNames("tag", tags); err != nil {
		return nil, err
	}
	if len(tags) == 0 {
		return nil, fmt.Errorf("agree: %w: none given and no annotations in the selection", ErrNoTags)
	}
	nc, nt := len(coders), len(tags)
	npairs := nc * (nc - 1) / 2
	a := &Accumulator{coders: coders, tags: tags, coderIdx: indexOf(coders), tagIdx: indexOf(tags), perClipping: perClipping,
		rep:  Report{Coders: coders, Tags: tags},
		lens: make([][]int32, nt*nc), gaps: make([][]int32, nt*nc), coded: make([]bool, nc),
		pairs: make([]pairSums, npairs*nt), units: make([][]unit, nt*nc), secs: make([][]section, nt*nc)}
	return a, nil
}

// checkNames refuses empty and repeated names.
func checkNames(what string, names []string) ([]string, error) {
	seen := make(map[string]bool, len(names))
	for _, v := range names {
		if v == "" {
			return nil, fmt.Errorf("agree: empty %s name", what)
		}
		if seen[v] {
			return nil, fmt.Errorf("agree: %s %q listed twice", what, v)
		}
		seen[v] = true
	}
	return slices.Clone(names), nil
}

// Add compares one clipping: doc with the spans on it. A span of another
// clipping, coder or tag is skipped (Report.Skipped); a span outside the
// clipping is an error and adds nothing.
func (a *Accumulator) Add(doc Doc, spans []Span) error {
	if doc.Length < 0 {
		return fmt.Errorf("agree: clipping %q has negative length %d", doc.ID, doc.Length)
	}
	nc := len(a.coders)
	for i := range a.units {
		a.units[i] = a.units[i][:0]
	}
	n, skipped := 0, 0
	for _, s := range spans {
		c, okC := a.coderIdx[s.Coder]
		t, okT := a.tagIdx[s.Tag]
		if s.Clipping != doc.ID || !okC || !okT {
			skipped++
			continue
		}
		if s.Start < 0 || s.End > doc.Length || s.Start >= s.End {
			return fmt.Errorf("agree: span %d–%d of coder %q with tag %q is empty or outside clipping %q (0–%d)",
				s.Start, s.End, s.Coder, s.Tag, s.Clipping, doc.Length)
		}
		a.units[t*nc+c] = append(a.units[t*nc+c], unit{s.Start, s.End})
		n++
	}
	a.rep.Clippings++
	a.rep.Characters += doc.Length
	a.rep.Spans += n
	a.rep.Skipped += skipped
	a.total += doc.Length
	for k := range a.units {
		a.units[k] = mergeUnits(a.units[k])
		a.secs[k] = sectionsInto(a.secs[k][:0], a.units[k], doc.Length)
		for _, s := range a.secs[k] {
			if s.coded {
				a.lens[k] = append(a.lens[k], int32(s.end-s.start))
				a.coded[k%nc] = true
			} else {
				a.gaps[k] = append(a.gaps[k], int32(s.end-s.start))
			}
		}
	}
	p := 0
	for i := range nc {
		for j := i + 1; j < nc; j++ {
			for t := range a.tags {
				ua, ub := a.units[t*nc+i], a.units[t*nc+j]
				ps := &a.pairs[p*len(a.tags)+t]
				tab := tableOf(ua, ub, doc.Length)
				ps.chars = ps.chars.add(tab)
				if a.perClipping && (len(ua) > 0 || len(ub) > 0) {
					ps.clippings = append(ps.clippings, ClippingStats{Clipping: doc.ID, Characters: tab,
						PercentAgreement: ptr(tab.PercentAgreement()), Kappa: ptr(tab.Kappa())})
				}
				ps.spansA += len(ua)
				ps.spansB += len(ub)
				e, o := matchCounts(ua, ub)
				ps.exact += e
				ps.overlap += o
				ps.sweep += sweep(a.secs[t*nc+i], a.secs[t*nc+j])
			}
			p++
		}
	}
	return nil
}

// sectionsInto is sections appending to out.
func sectionsInto(out []section, us []unit, n int) []section {
	at := 0
	for _, u := range us {
		if u.start > at {
			out = append(out, section{at, u.start, false})
		}
		out = append(out, section{u.start, u.end, true})
		at = u.end
	}
	if at < n {
		out = append(out, section{at, n, false})
	}
	return out
}

// Report returns the comparison of the clippings added so far.
func (a *Accumulator) Report() (Report, error) {
	if a.rep.Clippings == 0 {
		return Report{}, errors.New("agree: no clippings to compare")
	}
	rep := a.rep
	rep.Pairs, rep.Overall, rep.Matrices, rep.Notes = nil, nil, nil, nil
	nc, nt := len(a.coders), len(a.tags)
	p := 0
	for i := range nc {
		for j := i + 1; j < nc; j++ {
			rep.Pairs = append(rep.Pairs, a.pairRows(p, i, j)...)
			p++
		}
	}
	var sumDo, sumDe float64
	var sumUnits int
	for t, tag := range a.tags {
		var sw float64
		p := 0
		for i := range nc {
			for j := i + 1; j < nc; j++ {
				sw += a.pairs[p*nt+t].sweep
				p++
			}
		}
		do, de, n := a.disagreement(t, nil, sw)
		rep.Overall = append(rep.Overall, tagStats(tag, do, de, n))
		sumDo, sumDe, sumUnits = sumDo+do, sumDe+de, sumUnits+n
	}
	rep.Overall = append(rep.Overall, tagStats(AllTags, sumDo, sumDe, sumUnits))
	if nc > 2 {
		rep.Matrices = matrices(rep.Pairs, a.coders, a.tags)
	}
	rep.Notes = a.notes(rep)
	return rep, nil
}

// pairRows are the rows of pair p, coders i (A) and j (B): one per tag,
// then the AllTags summary.
func (a *Accumulator) pairRows(p, i, j int) []PairStats {
	nt := len(a.tags)
	rows := make([]PairStats, 0, nt+1)
	all := PairStats{CoderA: a.coders[i], CoderB: a.coders[j], Tag: AllTags}
	var allExact, allOverlap int
	var sumDo, sumDe float64
	for t, tag := range a.tags {
		ps := &a.pairs[p*nt+t]
		row := PairStats{CoderA: a.coders[i], CoderB: a.coders[j], Tag: tag, Characters: ps.chars,
			SpansA: ps.spansA, SpansB: ps.spansB, Clippings: ps.clippings}
		row.PercentAgreement = ptr(row.Characters.PercentAgreement())
		row.Kappa = ptr(row.Characters.Kappa())
		do, de, _ := a.disagreement(t, []int{i, j}, ps.sweep)
		row.Alpha = ptr(alpha(do, de))
		row.Exact = matchOf(ps.exact, row.SpansA, row.SpansB)
		row.Overlap = matchOf(ps.overlap, row.SpansA, row.SpansB)
		rows = append(rows, row)

		all.Characters = all.Characters.add(row.Characters)
		all.SpansA += row.SpansA
		all.SpansB += row.SpansB
		allExact += ps.exact
		allOverlap += ps.overlap
		sumDo += do
		sumDe += de
	}
	all.PercentAgreement = ptr(all.Characters.PercentAgreement())
	all.Kappa = ptr(all.Characters.Kappa())
	all.Alpha = ptr(alpha(sumDo, sumDe))
	all.Exact = matchOf(allExact, all.SpansA, all.SpansB)
	all.Overlap = matchOf(allOverlap, all.SpansA, all.SpansB)
	return append(rows, all)
}

// disagreement is Krippendorff's Do and De of tag t among the coders
// (nil: all of them, in order), given Σ δ² over their pairs, and the
// number of units (see unitizing.disagreement, whose arithmetic it
// repeats in the same order).
func (a *Accumulator) disagreement(t int, coders []int, sweepSum float64) (do, de float64, units int) {
	if coders == nil {
		coders = make([]int, len(a.coders))
		for i := range coders {
			coders[i] = i
		}
	}
	m := len(coders)
	if m < 2 || a.total == 0 {
		return 0, 0, 0
	}
	L := float64(a.total)
	do = 2 * sweepSum / (float64(m*(m-1)) * L * L)
	nc := len(a.coders)
	var lens []int32
	var ng int
	for _, c := range coders {
		lens = append(lens, a.lens[t*nc+c]...)
		ng += len(a.gaps[t*nc+c])
	}
	gaps := make([]int, 0, ng)
	for _, c := range coders {
		for _, g := range a.gaps[t*nc+c] {
			gaps = append(gaps, int(g))
		}
	}
	return do, expected(lens, gaps, m, L), len(lens)
}

// notes explains in plain words why figures may be missing.
func (a *Accumulator) notes(rep Report) []string {
	var out []string
	if rep.Characters == 0 {
		out = append(out, "The compared clippings are empty: no figure can be computed.")
	}
	if rep.Spans == 0 {
		out = append(out, "No annotations in the selection: every pair agrees completely (100%, kappa 1), αU and span-level figures are undefined.")
		return out
	}
	for c, name := range a.coders {
		if !a.coded[c] {
			out = append(out, fmt.Sprintf("Coder %q made no annotations in the selection: kappa against them is 0 wherever the other coder coded.", name))
		}
	}
	return out
}
