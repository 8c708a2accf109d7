package oldexport

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"clipper/model"
	"clipper/model/agree"
)

// AgreementFor measures how far the coders of d agree (package agree) on
// the clippings that two or more of them annotated, over every tag used
// there (codebook order) and every coder with annotations there (d.Coders
// order; a coder id missing from d.Coders is named by its id). Coders and
// tags are named as in the workbook; two with the same name are told apart
// by their ids. Annotations whose span lies outside their clipping's text
// are left out (a note of the report counts them). When no clipping has
// annotations from two coders the error wraps agree.ErrTooFewCoders.
func AgreementFor(d *Dataset) (*agree.Report, error) {
	ix, err := newIndex(d)
	if err != nil {
		return nil, err
	}
	coderNames := distinctNames(len(d.Coders), func(i int) (string, string) { return d.Coders[i].Name, d.Coders[i].ID })
	tagNames := distinctNames(len(d.Tags), func(i int) (string, string) { return d.Tags[i].Name, d.Tags[i].ID })
	coderName := func(id string) string {
		if i, ok := ix.coderPos[id]; ok {
			return coderNames[i]
		}
		return id
	}

	var (
		docs        []agree.Doc
		spans       []agree.Span
		outside     int
		coderUsed   = map[string]bool{} // by name
		tagUsed     = make([]bool, len(d.Tags))
		clipCoders  = map[string]bool{}
		extraCoders []string // names of coder ids not in d.Coders, in order of appearance
	)
	for ci := range d.Clippings {
		c := &d.Clippings[ci]
		length := utf8.RuneCountInString(c.Body)
		valid := func(a *model.Annotation) bool { return a.Start >= 0 && a.Start < a.End && a.End <= length }
		clear(clipCoders)
		bad := 0
		for _, ai := range ix.byClip[ci] {
			if a := &d.Annotations[ai]; valid(a) {
				clipCoders[a.CoderID] = true
			} else {
				bad++
			}
		}
		if len(clipCoders) < 2 {
			continue
		}
		outside += bad
		docs = append(docs, agree.Doc{ID: c.ID, Length: length})
		for _, ai := range ix.byClip[ci] {
			a := &d.Annotations[ai]
			if !valid(a) {
				continue
			}
			name := coderName(a.CoderID)
			if _, known := ix.coderPos[a.CoderID]; !known && !coderUsed[name] {
				extraCoders = append(extraCoders, name)
			}
			coderUsed[name] = true
			ti := ix.tagPos[a.TagID]
			tagUsed[ti] = true
			spans = append(spans, agree.Span{Clipping: c.ID, Coder: name, Tag: tagNames[ti], Start: a.Start, End: a.End})
		}
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("export: no clipping has annotations from two or more coders: %w", agree.ErrTooFewCoders)
	}
	var coders, tags []string
	for i := range d.Coders {
		if coderUsed[coderNames[i]] {
			coders = append(coders, coderNames[i])
		}
	}
	coders = append(coders, extraCoders...)
	for i, used := range tagUsed {
		if used {
			tags = append(tags, tagNames[i])
		}
	}
	rep, err := agree.Compare(docs, spans, coders, tags)
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
func (d *Dataset) AttachAgreement() error {
	rep, err := AgreementFor(d)
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
