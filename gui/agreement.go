package gui

import (
	"cmp"
	"fmt"
	"slices"
	"unicode/utf8"

	"clipper/model"
	"clipper/model/agree"
)

// This file compares two coders on one clipping without widgets: which
// characters each coded per tag (for colouring), where they disagree (for
// adjudication) and the agreement figures of model/agree.

// side says which of the two compared coders coded a stretch of text.
type side int

const (
	onlyA side = iota
	onlyB
	bothAB
)

// segment is a stretch of text one tag covers for A only, B only or both.
type segment struct {
	Tag        string // tag id
	Start, End int
	Side       side
}

// agreementSegments splits, per tag, the characters A or B coded into
// stretches coded by A only, B only and both, ordered by tag (first
// appearance) then position. Overlapping annotations of one coder count once.
func agreementSegments(as, bs []model.Annotation) []segment {
	var tags []string
	for _, a := range slices.Concat(as, bs) {
		if !slices.Contains(tags, a.TagID) {
			tags = append(tags, a.TagID)
		}
	}
	var out []segment
	for _, tag := range tags {
		// Sweep over boundaries, counting how many of each coder's spans are open.
		type edge struct {
			at, d int
			a     bool
		}
		var edges []edge
		for _, x := range as {
			if x.TagID == tag {
				edges = append(edges, edge{x.Start, +1, true}, edge{x.End, -1, true})
			}
		}
		for _, x := range bs {
			if x.TagID == tag {
				edges = append(edges, edge{x.Start, +1, false}, edge{x.End, -1, false})
			}
		}
		slices.SortFunc(edges, func(p, q edge) int { return cmp.Compare(p.at, q.at) })
		na, nb, prev := 0, 0, 0
		for i := 0; i < len(edges); {
			at := edges[i].at
			if at > prev && (na > 0 || nb > 0) {
				s := bothAB
				switch {
				case nb == 0:
					s = onlyA
				case na == 0:
					s = onlyB
				}
				if n := len(out); n > 0 && out[n-1].Tag == tag && out[n-1].End == prev && out[n-1].Side == s {
					out[n-1].End = at
				} else {
					out = append(out, segment{Tag: tag, Start: prev, End: at, Side: s})
				}
			}
			for ; i < len(edges) && edges[i].at == at; i++ {
				if edges[i].a {
					na += edges[i].d
				} else {
					nb += edges[i].d
				}
			}
			prev = at
		}
	}
	return out
}

// disagreement kinds.
const (
	kindOnlyA  = "A only"
	kindOnlyB  = "B only"
	kindExtent = "different extent"
	kindTag    = "different tag"
)

// disagreement is a stretch of text where A's and B's annotations differ:
// annotations of either coder that overlap one another, minus those the
// other coder matched exactly (same tag, start and end).
type disagreement struct {
	Start, End int // the stretch covered by A and B together
	Kind       string
	A, B       []model.Annotation
}

// key identifies a disagreement (by its stretch) across recomputations.
func (d disagreement) key() string { return fmt.Sprintf("%d/%d", d.Start, d.End) }

// compareAnnotations pairs A's and B's annotations: those with an exact
// twin (same tag and span) are agreed, given as A's copies; the rest form
// disagreements, grouped where they overlap, in text order.
func compareAnnotations(as, bs []model.Annotation) (agreed []model.Annotation, ds []disagreement) {
	type item struct {
		a    model.Annotation
		isA  bool
		used bool
	}
	twin := map[spanKey]int{}
	for _, b := range bs {
		twin[spanKey{b.TagID, b.Start, b.End}]++
	}
	var rest []item
	matchedB := map[spanKey]int{}
	for _, a := range as {
		k := spanKey{a.TagID, a.Start, a.End}
		if twin[k] > matchedB[k] {
			matchedB[k]++
			agreed = append(agreed, a)
			continue
		}
		rest = append(rest, item{a: a, isA: true})
	}
	for _, b := range bs {
		k := spanKey{b.TagID, b.Start, b.End}
		if matchedB[k] > 0 {
			matchedB[k]--
			continue
		}
		rest = append(rest, item{a: b})
	}
	slices.SortStableFunc(rest, func(p, q item) int {
		return cmp.Or(cmp.Compare(p.a.Start, q.a.Start), cmp.Compare(p.a.End, q.a.End))
	})
	for i := 0; i < len(rest); {
		d := disagreement{Start: rest[i].a.Start, End: rest[i].a.End}
		for ; i < len(rest) && rest[i].a.Start < d.End; i++ {
			d.End = max(d.End, rest[i].a.End)
			if rest[i].isA {
				d.A = append(d.A, rest[i].a)
			} else {
				d.B = append(d.B, rest[i].a)
			}
		}
		d.Kind = disagreementKind(d)
		ds = append(ds, d)
	}
	return agreed, ds
}

// disagreementKind names how A and B differ in d.
func disagreementKind(d disagreement) string {
	switch {
	case len(d.B) == 0:
		return kindOnlyA
	case len(d.A) == 0:
		return kindOnlyB
	}
	for _, a := range d.A {
		for _, b := range d.B {
			if a.TagID == b.TagID {
				return kindExtent
			}
		}
	}
	return kindTag
}

// clippingAgreement runs model/agree over one clipping for coders a and b
// (names) on the annotations given; tagNames maps tag ids to names. With
// tag "" every tag either coder used is compared.
func clippingAgreement(c model.Clipping, as, bs []model.Annotation, a, b string, tagNames map[string]string, tag string) (agree.Report, error) {
	docs := []agree.Doc{{ID: c.ID, Length: utf8.RuneCountInString(c.Body)}}
	var spans []agree.Span
	for _, x := range as {
		spans = append(spans, agree.Span{Clipping: c.ID, Coder: a, Tag: tagNames[x.TagID], Start: x.Start, End: x.End})
	}
	for _, x := range bs {
		spans = append(spans, agree.Span{Clipping: c.ID, Coder: b, Tag: tagNames[x.TagID], Start: x.Start, End: x.End})
	}
	var tags []string
	if tag != "" {
		tags = []string{tag}
	}
	rep, err := agree.Compare(docs, spans, []string{a, b}, tags)
	if err != nil {
		return rep, fmt.Errorf("computing agreement: %w", err)
	}
	return rep, nil
}

// adjudicatedCopies returns copies of src for the adjudicating coder,
// leaving out those it already holds (same tag and span) and duplicates
// within src.
func adjudicatedCopies(src, have []model.Annotation, coderID string) []*model.Annotation {
	seen := map[spanKey]bool{}
	for _, h := range have {
		seen[spanKey{h.TagID, h.Start, h.End}] = true
	}
	var out []*model.Annotation
	for _, a := range src {
		k := spanKey{a.TagID, a.Start, a.End}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, &model.Annotation{
			ClippingID: a.ClippingID, TagID: a.TagID, CoderID: coderID,
			Start: a.Start, End: a.End, Attributes: a.Attributes,
			Origin: originAdjudicated,
		})
	}
	return out
}

// originAdjudicated marks the annotations adjudication copies; coderAdjudicated
// is the coder that holds them.
const (
	originAdjudicated = "adjudicated"
	coderAdjudicated  = "Adjudicated"
)
