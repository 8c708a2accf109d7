package oldexport

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"clipper/model"
	"clipper/model/agree"
)

// Dataset is everything one export writes. Annotations are the live ones
// (tombstoned annotations are ignored), sorted by clipping then start; every
// annotation must name a clipping and a tag of the dataset.
type Dataset struct {
	// ProjectName is the project's file name without its folder
	// ("study.clip"), for document properties and provenance: an export
	// never carries the folder, which often holds the user's login name.
	ProjectName string
	// ProjectPath is the project file on disk. It is never written into
	// an export; WriteFile uses it to refuse overwriting the project.
	ProjectPath   string
	SchemaVersion int    // schema version of the project file
	Creator       string // name of the coder who exports, for document properties
	Clippings     []model.Clipping
	Tags          []model.Tag
	Coders        []model.Coder
	Annotations   []model.Annotation
	// Agreement, when set and holding coder pairs, adds the Agreement sheet
	// to the workbook (see AgreementFor and AttachAgreement); the other
	// formats ignore it.
	Agreement *agree.Report
}

// Filter restricts a Dataset. Empty fields do not restrict: no clipping IDs
// means all clippings, no tag names all tags, an empty Coder every coder.
type Filter struct {
	ClippingIDs []string // clipping ids to keep
	TagNames    []string // tag names to keep (exact, case-sensitive)
	Coder       string   // coder name to keep; "" keeps all coders
}

// Select returns a copy of d restricted by f; Agreement is passed on as
// given (it describes what it was computed from: call AttachAgreement on the
// result to measure the selection). Annotations are kept when their
// clipping, tag and coder all pass the filter. Clippings are the ones named
// by f.ClippingIDs, or all of them when no clipping filter is set (so a
// clipping without a matching annotation still appears, with zero counts);
// Tags and Coders are narrowed to the named ones. Unknown names simply
// select nothing: use CheckFilter to report them.
func (d *Dataset) Select(f Filter) *Dataset {
	out := &Dataset{ProjectName: d.ProjectName, ProjectPath: d.ProjectPath, SchemaVersion: d.SchemaVersion, Creator: d.Creator, Agreement: d.Agreement}

	clipOK := func(string) bool { return true }
	if len(f.ClippingIDs) > 0 {
		set := make(map[string]bool, len(f.ClippingIDs))
		for _, id := range f.ClippingIDs {
			set[id] = true
		}
		clipOK = func(id string) bool { return set[id] }
	}
	for _, c := range d.Clippings {
		if clipOK(c.ID) {
			out.Clippings = append(out.Clippings, c)
		}
	}

	tagOK := func(string) bool { return true }
	if len(f.TagNames) > 0 {
		names := make(map[string]bool, len(f.TagNames))
		for _, n := range f.TagNames {
			names[n] = true
		}
		ids := make(map[string]bool)
		for _, t := range d.Tags {
			if names[t.Name] {
				ids[t.ID] = true
			}
		}
		tagOK = func(id string) bool { return ids[id] }
	}
	for _, t := range d.Tags {
		if tagOK(t.ID) {
			out.Tags = append(out.Tags, t)
		}
	}

	coderOK := func(string) bool { return true }
	if f.Coder != "" {
		ids := make(map[string]bool)
		for _, c := range d.Coders {
			if c.Name == f.Coder {
				ids[c.ID] = true
			}
		}
		coderOK = func(id string) bool { return ids[id] }
	}
	for _, c := range d.Coders {
		if coderOK(c.ID) {
			out.Coders = append(out.Coders, c)
		}
	}

	for _, a := range d.Annotations {
		if a.DeletedAt == nil && clipOK(a.ClippingID) && tagOK(a.TagID) && coderOK(a.CoderID) {
			out.Annotations = append(out.Annotations, a)
		}
	}
	return out
}

// CheckFilter reports every clipping id, tag name or coder name in f that d
// does not contain, so a caller can reject a typo instead of exporting
// nothing.
func (d *Dataset) CheckFilter(f Filter) error {
	var errs []error
	for _, id := range f.ClippingIDs {
		if !slices.ContainsFunc(d.Clippings, func(c model.Clipping) bool { return c.ID == id }) {
			errs = append(errs, fmt.Errorf("no clipping with id %q", id))
		}
	}
	for _, n := range f.TagNames {
		if !slices.ContainsFunc(d.Tags, func(t model.Tag) bool { return t.Name == n }) {
			errs = append(errs, fmt.Errorf("no tag named %q", n))
		}
	}
	if f.Coder != "" && !slices.ContainsFunc(d.Coders, func(c model.Coder) bool { return c.Name == f.Coder }) {
		errs = append(errs, fmt.Errorf("no coder named %q", f.Coder))
	}
	return errors.Join(errs...)
}

// index is the lookup structure every writer shares: positions of tags and
// coders by id and the live annotations grouped by clipping.
type index struct {
	d         *Dataset
	tagPos    map[string]int
	coderName map[string]string
	coderPos  map[string]int
	byClip    [][]int32 // per clipping (Dataset order): annotation positions, Dataset order
	live      int       // number of live annotations
	counts    []int32   // counts[clip*len(Tags)+tag]: annotations per clipping and tag
	tagTotals []int     // annotations per tag
}

// newIndex checks d's references and builds the lookups.
func newIndex(d *Dataset) (*index, error) {
	if d == nil {
		return nil, errors.New("export: no dataset")
	}
	ix := &index{
		d:         d,
		tagPos:    make(map[string]int, len(d.Tags)),
		coderName: make(map[string]string, len(d.Coders)),
		coderPos:  make(map[string]int, len(d.Coders)),
		byClip:    make([][]int32, len(d.Clippings)),
		counts:    make([]int32, len(d.Clippings)*len(d.Tags)),
		tagTotals: make([]int, len(d.Tags)),
	}
	clipPos := make(map[string]int, len(d.Clippings))
	for i, c := range d.Clippings {
		if _, dup := clipPos[c.ID]; dup {
			return nil, fmt.Errorf("export: clipping id %q appears twice", c.ID)
		}
		clipPos[c.ID] = i
	}
	for i, t := range d.Tags {
		if _, dup := ix.tagPos[t.ID]; dup {
			return nil, fmt.Errorf("export: tag id %q appears twice", t.ID)
		}
		ix.tagPos[t.ID] = i
	}
	for i, c := range d.Coders {
		ix.coderName[c.ID] = c.Name
		ix.coderPos[c.ID] = i
	}
	// Count first so each clipping's slice is allocated once.
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
		ti, ok := ix.tagPos[a.TagID]
		if !ok {
			return nil, fmt.Errorf("export: annotation %s refers to tag %q, which is not in the dataset", a.ID, a.TagID)
		}
		perClip[ci]++
		ix.counts[ci*len(d.Tags)+ti]++
		ix.tagTotals[ti]++
		ix.live++
	}
	for ci, n := range perClip {
		ix.byClip[ci] = make([]int32, 0, n)
	}
	for i := range d.Annotations {
		a := &d.Annotations[i]
		if a.DeletedAt == nil {
			ci := clipPos[a.ClippingID]
			ix.byClip[ci] = append(ix.byClip[ci], int32(i))
		}
	}
	return ix, nil
}

// tag returns the tag of a.
func (ix *index) tag(a *model.Annotation) *model.Tag { return &ix.d.Tags[ix.tagPos[a.TagID]] }

// coder returns the display name of a coder id: the name when the coder is
// in the dataset, otherwise the id itself.
func (ix *index) coder(id string) string {
	if n, ok := ix.coderName[id]; ok {
		return n
	}
	return id
}

// count returns how many annotations clipping ci has with tag ti.
func (ix *index) count(ci, ti int) int { return int(ix.counts[ci*len(ix.d.Tags)+ti]) }

// each calls fn for every live annotation, grouped by clipping in Dataset
// order, checking ctx and reporting progress every few hundred rows.
func (ix *index) each(ctx context.Context, progress func(done, total int), fn func(ci int, c *model.Clipping, a *model.Annotation) error) error {
	done := 0
	for ci := range ix.d.Clippings {
		c := &ix.d.Clippings[ci]
		for _, ai := range ix.byClip[ci] {
			if done%256 == 0 {
				if err := ctx.Err(); err != nil {
					return fmt.Errorf("export cancelled after %d of %d annotations: %w", done, ix.live, err)
				}
				if progress != nil && done%1024 == 0 {
					progress(done, ix.live)
				}
			}
			if err := fn(ci, c, &ix.d.Annotations[ai]); err != nil {
				return err
			}
			done++
		}
	}
	return nil
}
