package export

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"time"

	"clipper/model"
	"clipper/model/agree"
	"clipper/model/store"
)

// Dataset is everything one export writes: provenance, the tags and
// coders, and the clippings with their live annotations. A Dataset made
// by Open reads a project as the export is written, in bounded batches,
// so that the memory an export uses does not grow with the project; one
// made by hand holds its clippings and annotations in memory (Clippings,
// Annotations: every annotation must name a clipping and a tag of the
// dataset; tombstoned ones are ignored). The writers produce the same
// bytes from either.
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
	// Tags and Coders are the dataset's, in order. For a project they are
	// read when the dataset is opened (and narrowed by Select); an export
	// reads them again with the rest, so that it is consistent.
	Tags   []model.Tag
	Coders []model.Coder
	// Clippings and Annotations hold an in-memory dataset; a project's
	// dataset (Open) leaves them empty and reads them while exporting.
	Clippings   []model.Clipping
	Annotations []model.Annotation
	// Agreement, when set and holding coder pairs, adds the Agreement sheet
	// to the workbook (see AgreementFor and AttachAgreement); the other
	// formats ignore it.
	Agreement *agree.Report

	st     *store.Store // the project, for a dataset made by Open
	filter Filter       // what Select kept of the project
	now    time.Time    // the export's time (tests fix it); zero: now
}

// Open returns the dataset of the project st — every clipping, tag,
// coder and live annotation — without reading the clippings or the
// annotations: each export reads them in batches, in one read transaction
// (store.Snapshot), so that it sees one state of the project however long
// it takes. While an export reads, another program's (or window's) write
// to the project waits. creator names the person exporting (document
// properties).
func Open(ctx context.Context, st *store.Store, creator string) (*Dataset, error) {
	tags, err := st.Tags(ctx)
	if err != nil {
		return nil, fmt.Errorf("reading tags: %w", err)
	}
	coders, err := st.Coders(ctx)
	if err != nil {
		return nil, fmt.Errorf("reading coders: %w", err)
	}
	return &Dataset{ProjectName: filepath.Base(st.Path()), ProjectPath: st.Path(), SchemaVersion: st.SchemaVersion(),
		Creator: creator, Tags: tags, Coders: coders, st: st}, nil
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
// select nothing: use CheckFilter to report them. Selecting twice keeps
// what both selections keep.
func (d *Dataset) Select(f Filter) *Dataset {
	out := &Dataset{ProjectName: d.ProjectName, ProjectPath: d.ProjectPath, SchemaVersion: d.SchemaVersion,
		Creator: d.Creator, Agreement: d.Agreement, st: d.st, now: d.now}
	out.filter = d.filter.and(f)
	sel := out.filter.selector(d.Tags, d.Coders)
	out.Tags, out.Coders = sel.tags, sel.coders
	if d.st != nil {
		return out
	}
	for _, c := range d.Clippings {
		if sel.clipOK(c.ID) {
			out.Clippings = append(out.Clippings, c)
		}
	}
	for _, a := range d.Annotations {
		if a.DeletedAt == nil && sel.clipOK(a.ClippingID) && sel.tagOK(a.TagID) && sel.coderOK(a.CoderID) {
			out.Annotations = append(out.Annotations, a)
		}
	}
	return out
}

// and is what f and g both keep.
func (f Filter) and(g Filter) Filter {
	out := f
	switch {
	case len(f.ClippingIDs) == 0:
		out.ClippingIDs = g.ClippingIDs
	case len(g.ClippingIDs) > 0:
		out.ClippingIDs = intersect(f.ClippingIDs, g.ClippingIDs)
		if len(out.ClippingIDs) == 0 {
			out.ClippingIDs = []string{""} // keeps none
		}
	}
	switch {
	case len(f.TagNames) == 0:
		out.TagNames = g.TagNames
	case len(g.TagNames) > 0:
		out.TagNames = intersect(f.TagNames, g.TagNames)
		if len(out.TagNames) == 0 {
			out.TagNames = []string{"\x00"} // names no tag
		}
	}
	switch {
	case f.Coder == "":
		out.Coder = g.Coder
	case g.Coder != "" && g.Coder != f.Coder:
		out.Coder = "\x00" // names no coder
	}
	return out
}

func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		if slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// selection is a Filter resolved against a dataset's tags and coders.
type selection struct {
	tags             []model.Tag
	coders           []model.Coder
	clipIDs          map[string]bool // nil: every clipping
	tagIDs           map[string]bool // nil: every tag
	coderIDs         map[string]bool // nil: every coder
	noTags, noCoders bool            // a name matched nothing: no annotation passes
}

func (s *selection) clipOK(id string) bool  { return s.clipIDs == nil || s.clipIDs[id] }
func (s *selection) tagOK(id string) bool   { return s.tagIDs == nil || s.tagIDs[id] }
func (s *selection) coderOK(id string) bool { return s.coderIDs == nil || s.coderIDs[id] }

// selector resolves f against tags and coders.
func (f Filter) selector(tags []model.Tag, coders []model.Coder) *selection {
	s := &selection{}
	if len(f.ClippingIDs) > 0 {
		s.clipIDs = make(map[string]bool, len(f.ClippingIDs))
		for _, id := range f.ClippingIDs {
			s.clipIDs[id] = true
		}
	}
	s.tags = tags
	if len(f.TagNames) > 0 {
		s.tagIDs, s.tags = map[string]bool{}, nil
		for _, t := range tags {
			if slices.Contains(f.TagNames, t.Name) {
				s.tagIDs[t.ID] = true
				s.tags = append(s.tags, t)
			}
		}
		s.noTags = len(s.tagIDs) == 0
	}
	s.coders = coders
	if f.Coder != "" {
		s.coderIDs, s.coders = map[string]bool{}, nil
		for _, c := range coders {
			if c.Name == f.Coder {
				s.coderIDs[c.ID] = true
				s.coders = append(s.coders, c)
			}
		}
		s.noCoders = len(s.coderIDs) == 0
	}
	return s
}

// CheckFilter reports every clipping id, tag name or coder name in f that d
// does not contain, so a caller can reject a typo instead of exporting
// nothing.
func (d *Dataset) CheckFilter(f Filter) error {
	var errs []error
	var have map[string]bool
	if d.st != nil && len(f.ClippingIDs) > 0 {
		found, err := d.st.ClippingsExist(context.Background(), f.ClippingIDs)
		if err != nil {
			return err
		}
		have = found
	}
	for _, id := range f.ClippingIDs {
		ok := have[id]
		if d.st == nil {
			ok = slices.ContainsFunc(d.Clippings, func(c model.Clipping) bool { return c.ID == id })
		}
		if !ok {
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

// index is what every writer shares while it writes: the dataset's tags
// and coders (those of the export's snapshot for a project) with lookups
// by id, the source of its clippings and annotations, and how many
// annotations there are in all and per tag.
type index struct {
	d         *Dataset // the dataset as exported: Tags and Coders are the export's
	src       source
	tagPos    map[string]int
	coderName map[string]string
	coderPos  map[string]int
	live      int   // number of live annotations
	tagTotals []int // annotations per tag (Tags order)
	clippings int   // clippings written (the xlsx Clippings sheet counts them)
	close     func()
}

// newIndex opens d for one export: for a project, a snapshot and the
// selection resolved in it; then the lookups and counts.
func newIndex(ctx context.Context, d *Dataset) (*index, error) {
	if d == nil {
		return nil, errors.New("export: no dataset")
	}
	ix := &index{close: func() {}}
	if d.st != nil {
		snap, err := d.st.Snapshot(ctx)
		if err != nil {
			return nil, fmt.Errorf("export: %w", err)
		}
		ix.close = func() { _ = snap.Close() } // a read transaction: nothing to report
		tags, err := snap.Tags(ctx)
		if err == nil {
			var coders []model.Coder
			if coders, err = snap.Coders(ctx); err == nil {
				sel := d.filter.selector(tags, coders)
				dd := *d
				dd.Tags, dd.Coders = sel.tags, sel.coders
				d = &dd
				src := &storeSource{snap: snap, none: sel.noTags || sel.noCoders}
				src.filter.ClippingIDs = d.filter.ClippingIDs
				src.filter.TagIDs = sortedIDs(sel.tagIDs)
				src.filter.CoderIDs = sortedIDs(sel.coderIDs)
				ix.src = src
			}
		}
		if err != nil {
			ix.close()
			return nil, fmt.Errorf("export: %w", err)
		}
	} else {
		src, err := newMemSource(d)
		if err != nil {
			return nil, err
		}
		ix.src = src
	}
	ix.d = d
	ix.tagPos = make(map[string]int, len(d.Tags))
	ix.coderName = make(map[string]string, len(d.Coders))
	ix.coderPos = make(map[string]int, len(d.Coders))
	for i, t := range d.Tags {
		if _, dup := ix.tagPos[t.ID]; dup {
			ix.close()
			return nil, fmt.Errorf("export: tag id %q appears twice", t.ID)
		}
		ix.tagPos[t.ID] = i
	}
	for i, c := range d.Coders {
		ix.coderName[c.ID] = c.Name
		ix.coderPos[c.ID] = i
	}
	counts, err := ix.src.tagCounts(ctx)
	if err != nil {
		ix.close()
		return nil, fmt.Errorf("export: %w", err)
	}
	ix.tagTotals = make([]int, len(d.Tags))
	for id, n := range counts {
		ti, ok := ix.tagPos[id]
		if !ok {
			ix.close()
			return nil, fmt.Errorf("export: %d annotations refer to tag %q, which is not in the dataset", n, id)
		}
		ix.tagTotals[ti] += n
		ix.live += n
	}
	return ix, nil
}

// sortedIDs lists a set in order (nil for nil).
func sortedIDs(set map[string]bool) []string {
	if set == nil {
		return nil
	}
	out := make([]string, 0, len(set))
	for id := range set {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
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

// now is the time the export records.
func (ix *index) now() time.Time {
	if !ix.d.now.IsZero() {
		return ix.d.now
	}
	return time.Now()
}

// each calls fn for every live annotation with its clipping, clipping by
// clipping in dataset order (ci counts the clippings visited), checking
// ctx and reporting progress every few hundred rows. The walk reads what
// w asks for, annotated clippings only, of which only the id, publication,
// headline, date and (with w.body) body.
func (ix *index) each(ctx context.Context, w walkSpec, progress func(done, total int), fn func(ci int, c *model.Clipping, a *model.Annotation) error) error {
	done, ci := 0, -1
	w.annotations, w.annotated, w.headings = true, true, true
	return ix.src.walk(ctx, w, func(it *store.WalkItem) error {
		ci++
		c := &it.Clipping
		for k := range it.Annotations {
			a := &it.Annotations[k]
			if done%256 == 0 {
				if err := ctx.Err(); err != nil {
					return fmt.Errorf("export cancelled after %d of %d annotations: %w", done, ix.live, err)
				}
				if progress != nil && done%1024 == 0 {
					progress(done, ix.live)
				}
			}
			if _, ok := ix.tagPos[a.TagID]; !ok {
				return fmt.Errorf("export: annotation %s refers to tag %q, which is not in the dataset", a.ID, a.TagID)
			}
			if err := fn(ci, c, a); err != nil {
				return err
			}
			done++
		}
		return nil
	})
}
