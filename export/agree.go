package export

import (
	"context"
	"errors"
	"fmt"
	"unicode/utf8"

	"clipper/model/agree"
	"clipper/model/store"
)

// AgreementFor measures how far the coders of d agree (package agree) on
// the clippings that two or more of them annotated, over every tag used
// there (codebook order) and every coder with annotations there (d.Coders
// order; a coder id missing from d.Coders is named by its id). Coders and
// tags are named as in the workbook; two with the same name are told apart
// by their ids. Annotations whose span lies outside their clipping's text
// are left out (a note of the report counts them). When no clipping has
// annotations from two coders the error wraps agree.ErrTooFewCoders. The
// report's pair rows do not list their clippings (the workbook does not
// show them), and it is computed clipping by clipping (agree.Accumulator)
// in memory that does not grow with the project.
func AgreementFor(ctx context.Context, d *Dataset) (*agree.Report, error) {
	ix, err := newIndex(ctx, d)
	if err != nil {
		return nil, err
	}
	defer ix.close()
	d = ix.d
	coderNames := distinctNames(len(d.Coders), func(i int) (string, string) { return d.Coders[i].Name, d.Coders[i].ID })
	tagNames := distinctNames(len(d.Tags), func(i int) (string, string) { return d.Tags[i].Name, d.Tags[i].ID })
	coderName := func(id string) string {
		if i, ok := ix.coderPos[id]; ok {
			return coderNames[i]
		}
		return id
	}
	usedCoders, usedTags, extra, err := ix.src.agreementSets(ctx)
	if err != nil {
		return nil, fmt.Errorf("export: agreement: %w", err)
	}
	if len(usedCoders) == 0 {
		return nil, fmt.Errorf("export: no clipping has annotations from two or more coders: %w", agree.ErrTooFewCoders)
	}
	var coders, tags []string
	for i, c := range d.Coders {
		if usedCoders[c.ID] {
			coders = append(coders, coderNames[i])
		}
	}
	coders = append(coders, extra...)
	for i, t := range d.Tags {
		if usedTags[t.ID] {
			tags = append(tags, tagNames[i])
		}
	}
	acc, err := agree.NewAccumulator(coders, tags, false)
	if err != nil {
		return nil, fmt.Errorf("export: agreement: %w", err)
	}
	outside := 0
	var spans []agree.Span
	clipCoders := map[string]bool{}
	err = ix.src.walk(ctx, walkSpec{body: true, headings: true, annotations: true, spans: true, annotated: true}, func(it *store.WalkItem) error {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("agreement cancelled: %w", err)
		}
		c := &it.Clipping
		length := utf8.RuneCountInString(c.Body)
		clear(clipCoders)
		bad := 0
		for k := range it.Annotations {
			if a := &it.Annotations[k]; validSpan(a, length) {
				clipCoders[a.CoderID] = true
			} else {
				bad++
			}
		}
		if len(clipCoders) < 2 {
			return nil
		}
		outside += bad
		spans = spans[:0]
		for k := range it.Annotations {
			a := &it.Annotations[k]
			if !validSpan(a, length) {
				continue
			}
			ti, ok := ix.tagPos[a.TagID]
			if !ok {
				return fmt.Errorf("export: annotation %s refers to tag %q, which is not in the dataset", a.ID, a.TagID)
			}
			spans = append(spans, agree.Span{Clipping: c.ID, Coder: coderName(a.CoderID), Tag: tagNames[ti], Start: a.Start, End: a.End})
		}
		return acc.Add(agree.Doc{ID: c.ID, Length: length}, spans)
	})
	if err != nil {
		return nil, fmt.Errorf("export: agreement: %w", err)
	}
	rep, err := acc.Report()
	if err != nil {
		return nil, fmt.Errorf("export: agreement: %w", err)
	}
	if outside > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("%d annotation(s) lie outside their clipping's text and were left out.", outside))
	}
	return &rep, nil
}

// AttachAgreement sets d.Agreement to AgreementFor(d), or to nil when no
// clipping has annotations from two or more coders; other errors are
// returned and leave d.Agreement unchanged.
func (d *Dataset) AttachAgreement(ctx context.Context) error {
	rep, err := AgreementFor(ctx, d)
	switch {
	case errors.Is(err, agree.ErrTooFewCoders):
		d.Agreement = nil
	case err != nil:
		return err
	default:
		d.Agreement = rep
	}
	return nil
}

// distinctNames returns the names of n items (name and id of item i from
// at), appending " [id]" to every name that more than one item has, so
// that names can serve as identities; an empty name becomes the id.
func distinctNames(n int, at func(i int) (name, id string)) []string {
	count := make(map[string]int, n)
	for i := range n {
		name, _ := at(i)
		count[name]++
	}
	out := make([]string, n)
	for i := range n {
		name, id := at(i)
		switch {
		case name == "":
			name = id
		case count[name] > 1:
			name += " [" + id + "]"
		}
		out[i] = name
	}
	return out
}

// hasAgreement reports whether the workbook of d gets an Agreement sheet.
func hasAgreement(d *Dataset) bool { return d.Agreement != nil && len(d.Agreement.Pairs) > 0 }
