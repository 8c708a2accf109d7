package agree

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// ErrTooFewCoders is returned when fewer than two coders are compared.
var ErrTooFewCoders = errors.New("agreement needs at least two coders")

// ErrNoTags is returned when no tag is given and no span names one.
var ErrNoTags = errors.New("no tags to compare")

// Compare measures the agreement of coders on tags over docs (see the
// package comment for every formula). Spans on other clippings, by other
// coders or with other tags are skipped; a span outside its clipping is an
// error. With nil coders or tags, those found in the selected spans are
// compared, sorted; a listed coder without spans counts as coding nothing.
func Compare(docs []Doc, spans []Span, coders, tags []string) (Report, error) {
	if len(docs) == 0 {
		return Report{}, errors.New("agree: no clippings to compare")
	}
	docIdx := make(map[string]int, len(docs))
	lengths := make([]int, len(docs))
	total := 0
	for i, d := range docs {
		if d.Length < 0 {
			return Report{}, fmt.Errorf("agree: clipping %q has negative length %d", d.ID, d.Length)
		}
		if _, dup := docIdx[d.ID]; dup {
			return Report{}, fmt.Errorf("agree: clipping %q listed twice", d.ID)
		}
		docIdx[d.ID] = i
		lengths[i] = d.Length
		total += d.Length
	}
	coders, err := selection("coder", coders, spans, docIdx, func(s Span) string { return s.Coder })
	if err != nil {
		return Report{}, err
	}
	if len(coders) < 2 {
		return Report{}, fmt.Errorf("agree: %w, have %d (%s)", ErrTooFewCoders, len(coders), strings.Join(coders, ", "))
	}
	tags, err = selection("tag", tags, spans, docIdx, func(s Span) string { return s.Tag })
	if err != nil {
		return Report{}, err
	}
	if len(tags) == 0 {
		return Report{}, fmt.Errorf("agree: %w: none given and no annotations in the selection", ErrNoTags)
	}

	coderIdx := indexOf(coders)
	tagIdx := indexOf(tags)
	// units[tag][coder][clipping]
	units := make([][][][]unit, len(tags))
	for t := range units {
		units[t] = make([][][]unit, len(coders))
		for c := range units[t] {
			units[t][c] = make([][]unit, len(docs))
		}
	}
	rep := Report{Coders: coders, Tags: tags, Clippings: len(docs), Characters: total}
	for _, s := range spans {
		d, okD := docIdx[s.Clipping]
		c, okC := coderIdx[s.Coder]
		t, okT := tagIdx[s.Tag]
		if !okD || !okC || !okT {
			rep.Skipped++
			continue
		}
		if s.Start < 0 || s.End > lengths[d] || s.Start >= s.End {
			return Report{}, fmt.Errorf("agree: span %d–%d of coder %q with tag %q is empty or outside clipping %q (0–%d)",
				s.Start, s.End, s.Coder, s.Tag, s.Clipping, lengths[d])
		}
		units[t][c][d] = append(units[t][c][d], unit{s.Start, s.End})
		rep.Spans++
	}
	secs := make([][][][]section, len(tags)) // [tag][coder][clipping]
	for t := range units {
		secs[t] = make([][][]section, len(coders))
		for c := range units[t] {
			secs[t][c] = make([][]section, len(docs))
			for d := range units[t][c] {
				units[t][c][d] = mergeUnits(units[t][c][d])
				secs[t][c][d] = sections(units[t][c][d], lengths[d])
			}
		}
	}

	for i := range coders {
		for j := i + 1; j < len(coders); j++ {
			rep.Pairs = append(rep.Pairs, comparePair(docs, lengths, units, secs, tags, i, j, coders)...)
		}
	}
	var sumDo, sumDe float64
	var sumUnits int
	for t, tag := range tags {
		do, de, n := unitizing{lengths, secs[t]}.disagreement()
		rep.Overall = append(rep.Overall, tagStats(tag, do, de, n))
		sumDo, sumDe, sumUnits = sumDo+do, sumDe+de, sumUnits+n
	}
	rep.Overall = append(rep.Overall, tagStats(AllTags, sumDo, sumDe, sumUnits))
	if len(coders) > 2 {
		rep.Matrices = matrices(rep.Pairs, coders, tags)
	}
	rep.Notes = notes(rep, units, coders)
	return rep, nil
}

// selection validates a list of coders or tags, or when it is nil collects
// the distinct values of the spans on selected clippings, sorted.
func selection(what string, given []string, spans []Span, docIdx map[string]int, field func(Span) string) ([]string, error) {
	if given != nil {
		seen := make(map[string]bool, len(given))
		for _, v := range given {
			if v == "" {
				return nil, fmt.Errorf("agree: empty %s name", what)
			}
			if seen[v] {
				return nil, fmt.Errorf("agree: %s %q listed twice", what, v)
			}
			seen[v] = true
		}
		return slices.Clone(given), nil
	}
	var out []string
	for _, s := range spans {
		if _, ok := docIdx[s.Clipping]; ok {
			out = append(out, field(s))
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

func indexOf(names []string) map[string]int {
	m := make(map[string]int, len(names))
	for i, n := range names {
		m[n] = i
	}
	return m
}

// comparePair computes the rows of coders i (A) and j (B): one per tag, then
// the AllTags summary.
func comparePair(docs []Doc, lengths []int, units [][][][]unit, secs [][][][]section, tags []string, i, j int, coders []string) []PairStats {
	rows := make([]PairStats, 0, len(tags)+1)
	all := PairStats{CoderA: coders[i], CoderB: coders[j], Tag: AllTags}
	var allExact, allOverlap int
	var sumDo, sumDe float64
	for t, tag := range tags {
		row := PairStats{CoderA: coders[i], CoderB: coders[j], Tag: tag}
		var exact, overlap int
		for d := range docs {
			a, b := units[t][i][d], units[t][j][d]
			tab := tableOf(a, b, lengths[d])
			row.Characters = row.Characters.add(tab)
			if len(a) > 0 || len(b) > 0 {
				row.Clippings = append(row.Clippings, ClippingStats{
					Clipping:         docs[d].ID,
					Characters:       tab,
					PercentAgreement: ptr(tab.PercentAgreement()),
					Kappa:            ptr(tab.Kappa()),
				})
			}
			row.SpansA += len(a)
			row.SpansB += len(b)
			e, o := matchCounts(a, b)
			exact += e
			overlap += o
		}
		row.PercentAgreement = ptr(row.Characters.PercentAgreement())
		row.Kappa = ptr(row.Characters.Kappa())
		do, de, _ := unitizing{lengths, [][][]section{secs[t][i], secs[t][j]}}.disagreement()
		row.Alpha = ptr(alpha(do, de))
		row.Exact = matchOf(exact, row.SpansA, row.SpansB)
		row.Overlap = matchOf(overlap, row.SpansA, row.SpansB)
		rows = append(rows, row)

		all.Characters = all.Characters.add(row.Characters)
		all.SpansA += row.SpansA
		all.SpansB += row.SpansB
		allExact += exact
		allOverlap += overlap
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

func tagStats(tag string, do, de float64, units int) TagStats {
	return TagStats{Tag: tag, Units: units, Alpha: ptr(alpha(do, de)), ObservedDisagreement: do, ExpectedDisagreement: de}
}

// matrices arranges the pair rows as one coder × coder matrix per tag and
// for AllTags.
func matrices(pairs []PairStats, coders, tags []string) []Matrix {
	idx := indexOf(coders)
	byTag := make(map[string]*Matrix)
	var out []Matrix
	square := func() [][]*float64 {
		m := make([][]*float64, len(coders))
		for i := range m {
			m[i] = make([]*float64, len(coders))
		}
		return m
	}
	for _, tag := range append(slices.Clone(tags), AllTags) {
		out = append(out, Matrix{Tag: tag, Coders: coders,
			PercentAgreement: square(), Kappa: square(), Alpha: square(), F1: square()})
	}
	for k := range out {
		byTag[out[k].Tag] = &out[k]
	}
	for _, p := range pairs {
		m, i, j := byTag[p.Tag], idx[p.CoderA], idx[p.CoderB]
		for _, cell := range []struct {
			grid [][]*float64
			v    *float64
		}{{m.PercentAgreement, p.PercentAgreement}, {m.Kappa, p.Kappa}, {m.Alpha, p.Alpha}, {m.F1, p.Overlap.F1}} {
			cell.grid[i][j], cell.grid[j][i] = cell.v, cell.v
		}
	}
	return out
}

// notes explains in plain words why figures may be missing.
func notes(rep Report, units [][][][]unit, coders []string) []string {
	var out []string
	if rep.Characters == 0 {
		out = append(out, "The compared clippings are empty: no figure can be computed.")
	}
	if rep.Spans == 0 {
		out = append(out, "No annotations in the selection: every pair agrees completely (100%, kappa 1), αU and span-level figures are undefined.")
		return out
	}
	for c, name := range coders {
		none := true
		for t := range units {
			for _, us := range units[t][c] {
				if len(us) > 0 {
					none = false
				}
			}
		}
		if none {
			out = append(out, fmt.Sprintf("Coder %q made no annotations in the selection: kappa against them is 0 wherever the other coder coded.", name))
		}
	}
	return out
}
