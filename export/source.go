package export

import (
	"context"
	"fmt"
	"slices"
	"unicode/utf8"

	"clipper/model"
	"clipper/model/store"
)

// source streams a dataset's clippings and annotations to the writers:
// from a project (storeSource) or from the slices of an in-memory Dataset
// (memSource). Clippings come in the dataset's order, each with its live
// annotations of the selected tags and coders by start, end and id.
type source interface {
	// walk calls fn for every clipping w selects, in order.
	walk(ctx context.Context, w walkSpec, fn func(it *store.WalkItem) error) error
	// tagCounts counts the selected annotations per tag id.
	tagCounts(ctx context.Context) (map[string]int, error)
	// agreementSets returns, among the clippings on which two or more
	// coders have an annotation whose span lies inside the text, the ids
	// of the coders and tags of those annotations, and the coder ids that
	// are not the dataset's, in order of first appearance.
	agreementSets(ctx context.Context) (coders, tags map[string]bool, extra []string, err error)
}

// walkSpec says what a walk reads.
type walkSpec struct {
	body        bool     // clippings with their body
	headings    bool     // clippings with only their id, publication, headline and date (and body)
	annotations bool     // with their annotations
	brief       bool     // annotations without prefix, suffix, body hash and origin (faster)
	spans       bool     // annotations with only their ids, clipping, tag, coder and span (fastest)
	counts      bool     // with their annotation counts per tag
	annotated   bool     // only clippings with a selected annotation
	withNote    bool     // only annotations with a note
	tagIDs      []string // only annotations of these tags (nil: every selected tag)
}

// storeSource reads a project through a snapshot: every walk of one
// export sees the same state.
type storeSource struct {
	snap   *store.Snapshot
	filter store.AnnotationFilter // clippings, tags and coders selected
	none   bool                   // the filter names a tag or coder the project does not have: nothing is selected
}

func (s *storeSource) spec(w walkSpec) (store.Walk, bool) {
	f := s.filter
	f.WithNote = w.withNote
	if w.tagIDs != nil {
		if len(f.TagIDs) > 0 {
			var keep []string
			for _, id := range w.tagIDs {
				if slices.Contains(f.TagIDs, id) {
					keep = append(keep, id)
				}
			}
			f.TagIDs = keep
		} else {
			f.TagIDs = w.tagIDs
		}
		if len(f.TagIDs) == 0 {
			return store.Walk{}, false
		}
	}
	return store.Walk{AnnotationFilter: f, Body: w.body, Headings: w.headings, Annotations: w.annotations, Brief: w.brief,
		Spans: w.spans, Counts: w.counts, Annotated: w.annotated}, true
}

func (s *storeSource) walk(ctx context.Context, w walkSpec, fn func(it *store.WalkItem) error) error {
	sw, any := s.spec(w)
	if s.none || !any {
		// Nothing selected: clippings still come (without annotations)
		// unless only annotated ones are asked for.
		if w.annotated {
			return nil
		}
		sw = store.Walk{AnnotationFilter: store.AnnotationFilter{ClippingIDs: s.filter.ClippingIDs}, Body: w.body,
			Headings: w.headings}
	}
	// The snapshot's walk reads ahead on goroutines of its own.
	for it, err := range s.snap.Walk(ctx, sw) {
		if err != nil {
			return err
		}
		if err := fn(it); err != nil {
			return err
		}
	}
	return nil
}

func (s *storeSource) tagCounts(ctx context.Context) (map[string]int, error) {
	if s.none {
		return map[string]int{}, nil
	}
	return s.snap.CountByTag(ctx, s.filter)
}

func (s *storeSource) agreementSets(ctx context.Context) (map[string]bool, map[string]bool, []string, error) {
	if s.none {
		return map[string]bool{}, map[string]bool{}, nil, nil
	}
	coders, tags, err := s.snap.AgreementSets(ctx, s.filter, false)
	return coders, tags, nil, err
}

// memSource walks an in-memory Dataset.
type memSource struct {
	d      *Dataset
	byClip [][]int32 // per clipping (Dataset order): positions of its live annotations
}

// newMemSource groups the live annotations of d by clipping, checking that
// each names a clipping and a tag of d.
func newMemSource(d *Dataset) (*memSource, error) {
	clipPos := make(map[string]int, len(d.Clippings))
	for i, c := range d.Clippings {
		if _, dup := clipPos[c.ID]; dup {
			return nil, fmt.Errorf("export: clipping id %q appears twice", c.ID)
		}
		clipPos[c.ID] = i
	}
	tags := make(map[string]bool, len(d.Tags))
	for _, t := range d.Tags {
		tags[t.ID] = true
	}
	m := &memSource{d: d, byClip: make([][]int32, len(d.Clippings))}
	perClip := make([]int32, len(d.Clippings))
	for i := range d.Annotations {
		a := &d.Annotations[i]
		if a.DeletedAt != nil {
			continue
		}
		ci, ok := clipPos[a.ClippingID]
		if !ok {
			return nil, fmt.Errorf("export: annotation %s refers to clipping %q, which is not in the dataset", a.ID, a.ClippingID)
		}
		if !tags[a.TagID] {
			return nil, fmt.Errorf("export: annotation %s refers to tag %q, which is not in the dataset", a.ID, a.TagID)
		}
		perClip[ci]++
	}
	for ci, n := range perClip {
		m.byClip[ci] = make([]int32, 0, n)
	}
	for i := range d.Annotations {
		a := &d.Annotations[i]
		if a.DeletedAt == nil {
			ci := clipPos[a.ClippingID]
			m.byClip[ci] = append(m.byClip[ci], int32(i))
		}
	}
	return m, nil
}

func (m *memSource) walk(ctx context.Context, w walkSpec, fn func(it *store.WalkItem) error) error {
	var tagOK map[string]bool
	if w.tagIDs != nil {
		tagOK = make(map[string]bool, len(w.tagIDs))
		for _, id := range w.tagIDs {
			tagOK[id] = true
		}
	}
	for ci := range m.d.Clippings {
		if ci%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		it := &store.WalkItem{Clipping: m.d.Clippings[ci]}
		if !w.body {
			it.Clipping.Body = ""
		}
		n := 0
		for _, ai := range m.byClip[ci] {
			a := &m.d.Annotations[ai]
			if (tagOK != nil && !tagOK[a.TagID]) || (w.withNote && a.Note == "") {
				continue
			}
			n++
			if w.annotations {
				it.Annotations = append(it.Annotations, *a)
			}
			if w.counts {
				if it.TagCounts == nil {
					it.TagCounts = map[string]int{}
				}
				it.TagCounts[a.TagID]++
			}
		}
		if w.annotated && n == 0 {
			continue
		}
		if err := fn(it); err != nil {
			return err
		}
	}
	return nil
}

func (m *memSource) tagCounts(context.Context) (map[string]int, error) {
	out := map[string]int{}
	for _, as := range m.byClip {
		for _, ai := range as {
			out[m.d.Annotations[ai].TagID]++
		}
	}
	return out, nil
}

func (m *memSource) agreementSets(context.Context) (map[string]bool, map[string]bool, []string, error) {
	known := make(map[string]bool, len(m.d.Coders))
	for _, c := range m.d.Coders {
		known[c.ID] = true
	}
	coders, tags := map[string]bool{}, map[string]bool{}
	var extra []string
	for ci := range m.d.Clippings {
		length := utf8.RuneCountInString(m.d.Clippings[ci].Body)
		seen := map[string]bool{}
		for _, ai := range m.byClip[ci] {
			if a := &m.d.Annotations[ai]; validSpan(a, length) {
				seen[a.CoderID] = true
			}
		}
		if len(seen) < 2 {
			continue
		}
		for _, ai := range m.byClip[ci] {
			a := &m.d.Annotations[ai]
			if !validSpan(a, length) {
				continue
			}
			if !known[a.CoderID] && !coders[a.CoderID] {
				extra = append(extra, a.CoderID)
			}
			coders[a.CoderID], tags[a.TagID] = true, true
		}
	}
	return coders, tags, extra, nil
}

// validSpan reports whether a's span lies inside a text of length code
// points.
func validSpan(a *model.Annotation, length int) bool {
	return a.Start >= 0 && a.Start < a.End && a.End <= length
}
