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
	for i, d := range docs {
		if d.Length < 0 {
			return Report{}, fmt.Errorf("agree: clipping %q has negative length %d", d.ID, d.Length)
		}
		if _, dup := docIdx[d.ID]; dup {
			return Report{}, fmt.Errorf("agree: clipping %q listed twice", d.ID)
		}
		docIdx[d.ID] = i
		lengths[i] = d.Length
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
	acc, err := NewAccumulator(coders, tags, true)
	if err != nil {
		return Report{}, err
	}
	// The spans of each clipping, in the order given; a span outside its
	// clipping is reported first, as the spans come.
	coderIdx, tagIdx := indexOf(coders), indexOf(tags)
	byDoc := make([][]Span, len(docs))
	skipped := 0
	for _, s := range spans {
		d, okD := docIdx[s.Clipping]
		_, okC := coderIdx[s.Coder]
		_, okT := tagIdx[s.Tag]
		if !okD || !okC || !okT {
			skipped++
			continue
		}
		if s.Start < 0 || s.End > lengths[d] || s.Start >= s.End {
			return Report{}, fmt.Errorf("agree: span %d–%d of coder %q with tag %q is empty or outside clipping %q (0–%d)",
				s.Start, s.End, s.Coder, s.Tag, s.Clipping, lengths[d])
		}
		byDoc[d] = append(byDoc[d], s)
	}
	for d, doc := range docs {
		if err := acc.Add(doc, byDoc[d]); err != nil {
			return Report{}, err
		}
	}
	rep, err := acc.Report()
	if err != nil {
		return Report{}, err
	}
	rep.Skipped = skipped
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
