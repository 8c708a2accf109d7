package store

import (
	"errors"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"clipper/model"
)

func TestAnnotationSpans(t *testing.T) {
	f := newFixture(t)
	runes := []rune(sampleBody)
	n := len(runes)
	cafe := strings.Index(sampleBody, "café")
	cafeAt := len([]rune(sampleBody[:cafe]))
	emojiAt := len([]rune(sampleBody[:strings.Index(sampleBody, "😀")]))
	for _, c := range []struct {
		name       string
		start, end int
		exact      string
		wantExact  string
		err        error
	}{
		{"first word", 0, 2, "", "Le", nil},
		{"é counts as one code point", cafeAt, cafeAt + 4, "café", "café", nil},
		{"emoji counts as one code point", emojiAt, emojiAt + 1, "😀", "😀", nil},
		{"whole body", 0, n, "", sampleBody, nil},
		{"exact given and right", 3, 7, "café", "café", nil},
		{"exact mismatched", 3, 7, "cafe", "", ErrSpanMismatch},
		{"exact is a byte slice, not code points", 3, 7, sampleBody[3:7], "", ErrSpanMismatch},
		{"empty span", 5, 5, "", "", ErrBadSpan},
		{"reversed span", 6, 5, "", "", ErrBadSpan},
		{"negative start", -1, 3, "", "", ErrBadSpan},
		{"end past body", n - 2, n + 1, "", "", ErrBadSpan},
		{"byte length is not code points", 0, len(sampleBody), "", "", ErrBadSpan},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := f.ann("quote", c.start, c.end)
			a.Exact = c.exact
			err := f.s.AddAnnotation(f.ctx, a)
			if c.err != nil {
				wantErr(t, err, c.err)
				if a.ID != "" {
					t.Errorf("failed add set ID %q", a.ID)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.Exact != c.wantExact {
				t.Errorf("Exact = %q, want %q", a.Exact, c.wantExact)
			}
			wantPrefix := string(runes[max(0, c.start-model.AnchorContext):c.start])
			wantSuffix := string(runes[c.end:min(n, c.end+model.AnchorContext)])
			if a.Prefix != wantPrefix || a.Suffix != wantSuffix || a.BodyHash != model.HashBody(sampleBody) {
				t.Errorf("anchor = %q|%q hash %q", a.Prefix, a.Suffix, a.BodyHash)
			}
		})
	}
	ids := f.liveIDs(t)
	if len(ids) != 5 {
		t.Errorf("%d annotations stored, want the 5 valid ones", len(ids))
	}
}

func TestAnnotationReferences(t *testing.T) {
	f := newFixture(t)
	for _, c := range []struct {
		name string
		edit func(a *model.Annotation)
	}{
		{"missing clipping", func(a *model.Annotation) { a.ClippingID = "0190f0f0-0000-7000-8000-000000000000" }},
		{"missing tag", func(a *model.Annotation) { a.TagID = "0190f0f0-0000-7000-8000-000000000000" }},
		{"missing coder", func(a *model.Annotation) { a.CoderID = "0190f0f0-0000-7000-8000-000000000000" }},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := f.ann("claim", 0, 2)
			c.edit(a)
			wantErr(t, f.s.AddAnnotation(f.ctx, a), ErrNotFound)
		})
	}
}

func TestAnnotationAttributes(t *testing.T) {
	f := newFixture(t)
	for _, c := range []struct {
		name string
		attr model.Attributes
		ok   bool
	}{
		{"empty", model.Attributes{}, true},
		{"claim", model.Attributes{Claimant: "Marie", Status: model.StatusFalse, Note: "checked"}, true},
		{"quote", model.Attributes{Speaker: "Marie"}, true},
		{"figure", model.Attributes{Value: f64(4.2), Unit: "percent", Comparator: "~"}, true},
		{"range", model.Attributes{Low: f64(3), High: f64(5), Comparator: "range"}, true},
		{"unknown status", model.Attributes{Status: "maybe"}, false},
		{"unknown comparator", model.Attributes{Comparator: "about"}, false},
		{"range without high", model.Attributes{Low: f64(3), Comparator: "range"}, false},
		{"range low above high", model.Attributes{Low: f64(5), High: f64(3), Comparator: "range"}, false},
		{"low without range", model.Attributes{Low: f64(3), High: f64(5)}, false},
		{"NaN", model.Attributes{Value: f64(math.NaN())}, false},
		{"infinity", model.Attributes{Value: f64(math.Inf(1))}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := f.ann("figure", 0, 2)
			a.Attributes = c.attr
			err := f.s.AddAnnotation(f.ctx, a)
			if !c.ok {
				wantErr(t, err, ErrInvalid)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got, err := f.s.Annotation(f.ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Attributes, c.attr) {
				t.Errorf("attributes = %+v, want %+v", got.Attributes, c.attr)
			}
		})
	}
}

func TestAnnotationRoundTripAndFilters(t *testing.T) {
	f := newFixture(t)
	bob, err := f.s.EnsureCoder(f.ctx, "Bob")
	if err != nil {
		t.Fatal(err)
	}
	other := &model.Clipping{Body: "Another text entirely."}
	if _, err := f.s.AddClipping(f.ctx, other); err != nil {
		t.Fatal(err)
	}
	a := f.ann("figure", 3, 7)
	a.Attributes = model.Attributes{Value: f64(3), Unit: "€", Comparator: ">", Note: "price rise"}
	a.Origin = "suggestion"
	if err := f.s.AddAnnotation(f.ctx, a); err != nil {
		t.Fatal(err)
	}
	got, err := f.s.Annotation(f.ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, *a) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, *a)
	}
	b := &model.Annotation{ClippingID: other.ID, TagID: f.tags["claim"].ID, CoderID: bob.ID, Start: 0, End: 7}
	if err := f.s.AddAnnotation(f.ctx, b); err != nil {
		t.Fatal(err)
	}
	c := f.mustAdd(t, "quote", 0, 2)
	d := f.mustAdd(t, "quote", 0, 1)
	for _, tc := range []struct {
		name   string
		filter AnnotationFilter
		want   []string
	}{
		{"all", AnnotationFilter{}, sortedByClipping([]model.Annotation{*a, *b, c, d})},
		{"by clipping", AnnotationFilter{ClippingIDs: []string{f.clip.ID}}, []string{d.ID, c.ID, a.ID}},
		{"by tag", AnnotationFilter{TagIDs: []string{f.tags["quote"].ID, f.tags["figure"].ID}}, []string{d.ID, c.ID, a.ID}},
		{"by coder", AnnotationFilter{CoderIDs: []string{bob.ID}}, []string{b.ID}},
		{"combined, no match", AnnotationFilter{CoderIDs: []string{bob.ID}, TagIDs: []string{f.tags["quote"].ID}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			as, err := f.s.Annotations(f.ctx, tc.filter)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, x := range as {
				ids = append(ids, x.ID)
			}
			if !reflect.DeepEqual(ids, tc.want) {
				t.Errorf("ids = %v, want %v", ids, tc.want)
			}
		})
	}
}

// sortedByClipping returns ids ordered as Annotations orders them.
func sortedByClipping(as []model.Annotation) []string {
	for i := range as {
		for j := i + 1; j < len(as); j++ {
			x, y := as[i], as[j]
			if y.ClippingID < x.ClippingID || y.ClippingID == x.ClippingID && (y.Start < x.Start || y.Start == x.Start && y.End < x.End) {
				as[i], as[j] = y, x
			}
		}
	}
	ids := make([]string, len(as))
	for i, a := range as {
		ids[i] = a.ID
	}
	return ids
}

func TestAnnotationTombstones(t *testing.T) {
	f := newFixture(t)
	a := f.mustAdd(t, "claim", 0, 2)
	b := f.mustAdd(t, "claim", 3, 7)
	if err := f.s.DeleteAnnotation(f.ctx, f.coder.ID, a.ID); err != nil {
		t.Fatal(err)
	}
	if ids := f.liveIDs(t); !reflect.DeepEqual(ids, []string{b.ID}) {
		t.Errorf("live = %v, want only %s", ids, b.ID)
	}
	all, err := f.s.Annotations(f.ctx, AnnotationFilter{IncludeDeleted: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[0].DeletedAt == nil || all[1].DeletedAt != nil {
		t.Errorf("IncludeDeleted = %+v", all)
	}
	got, err := f.s.Annotation(f.ctx, a.ID)
	if err != nil || got.DeletedAt == nil {
		t.Errorf("Annotation of a tombstone = %+v, %v", got, err)
	}
	var rows int
	if err := f.s.db.QueryRow(`SELECT count(*) FROM annotations`).Scan(&rows); err != nil || rows != 2 {
		t.Errorf("rows = %d, %v: deletion must keep the row", rows, err)
	}
	wantErr(t, f.s.DeleteAnnotation(f.ctx, f.coder.ID, a.ID), ErrNotFound)
	got.Start = 1
	wantErr(t, f.s.UpdateAnnotation(f.ctx, f.coder.ID, got), ErrNotFound)
}

func TestUpdateAnnotation(t *testing.T) {
	f := newFixture(t)
	a := f.mustAdd(t, "claim", 3, 7) // café
	bob, err := f.s.EnsureCoder(f.ctx, "Bob")
	if err != nil {
		t.Fatal(err)
	}
	// Move the span keeping the loaded (stale) Exact: re-anchored.
	u := a
	u.Start, u.End = 0, 2
	u.TagID = f.tags["quote"].ID
	u.Attributes = model.Attributes{Speaker: "Marie"}
	if err := f.s.UpdateAnnotation(f.ctx, bob.ID, u); err != nil {
		t.Fatal(err)
	}
	got, err := f.s.Annotation(f.ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Exact != "Le" || got.Prefix != "" || got.TagID != f.tags["quote"].ID || got.Speaker != "Marie" ||
		got.CoderID != f.coder.ID || got.CreatedAt != a.CreatedAt {
		t.Errorf("after update: %+v", got)
	}
	for _, c := range []struct {
		name string
		edit func(*model.Annotation)
		err  error
	}{
		{"span outside", func(x *model.Annotation) { x.End = 10_000 }, ErrBadSpan},
		{"new exact must match", func(x *model.Annotation) { x.Start, x.End, x.Exact = 3, 7, "cafe" }, ErrSpanMismatch},
		{"deleted tag", func(x *model.Annotation) { x.TagID = "0190f0f0-0000-7000-8000-000000000000" }, ErrNotFound},
		{"bad attributes", func(x *model.Annotation) { x.Comparator = "??" }, ErrInvalid},
		{"other clipping", func(x *model.Annotation) { x.ClippingID = "0190f0f0-0000-7000-8000-000000000000" }, ErrInvalid},
		{"missing annotation", func(x *model.Annotation) { x.ID = "0190f0f0-0000-7000-8000-000000000000" }, ErrNotFound},
	} {
		t.Run(c.name, func(t *testing.T) {
			x := got
			c.edit(&x)
			wantErr(t, f.s.UpdateAnnotation(f.ctx, bob.ID, x), c.err)
		})
	}
	after, err := f.s.Annotation(f.ctx, a.ID)
	if err != nil || !reflect.DeepEqual(after, got) {
		t.Errorf("failed updates changed the annotation: %+v %v", after, err)
	}
	// A no-op update logs nothing.
	before, _ := f.s.History(f.ctx, 0)
	if err := f.s.UpdateAnnotation(f.ctx, bob.ID, got); err != nil {
		t.Fatal(err)
	}
	if h, _ := f.s.History(f.ctx, 0); len(h) != len(before) {
		t.Errorf("no-op update logged %d ops", len(h)-len(before))
	}
	checkFTS(t, f.s)
}

func TestAddAnnotationsBatch(t *testing.T) {
	f := newFixture(t)
	bob, _ := f.s.EnsureCoder(f.ctx, "Bob")
	as := []*model.Annotation{f.ann("claim", 0, 2), f.ann("quote", 3, 7), f.ann("figure", 14, 15)}
	if err := f.s.AddAnnotations(f.ctx, as); err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		if a.ID == "" || a.Exact == "" {
			t.Errorf("batch member not filled: %+v", a)
		}
	}
	// One bad member fails the whole batch.
	bad := []*model.Annotation{f.ann("claim", 0, 2), f.ann("claim", 5, 500)}
	wantErr(t, f.s.AddAnnotations(f.ctx, bad), ErrBadSpan)
	mixed := []*model.Annotation{f.ann("claim", 0, 2), {ClippingID: f.clip.ID, TagID: f.tags["claim"].ID, CoderID: bob.ID, Start: 0, End: 1}}
	wantErr(t, f.s.AddAnnotations(f.ctx, mixed), ErrInvalid)
	if n := len(f.liveIDs(t)); n != 3 {
		t.Errorf("%d live annotations, want 3", n)
	}
	if err := f.s.AddAnnotations(f.ctx, nil); err != nil {
		t.Errorf("empty batch: %v", err)
	}
	if errors.Is(f.s.AddAnnotation(f.ctx, nil), ErrInvalid) == false {
		t.Error("nil annotation accepted")
	}
}

func TestAnnotatedClippings(t *testing.T) {
	f := newFixture(t)
	other := &model.Clipping{Body: "A second clipping with 12 figures."}
	if _, err := f.s.AddClipping(f.ctx, other); err != nil {
		t.Fatal(err)
	}
	f.mustAdd(t, "quote", 0, 2)
	fig := f.ann("figure", 23, 33)
	fig.ClippingID = other.ID
	if err := f.s.AddAnnotation(f.ctx, fig); err != nil {
		t.Fatal(err)
	}
	gone := f.mustAdd(t, "claim", 3, 8)
	if err := f.s.DeleteAnnotation(f.ctx, f.coder.ID, gone.ID); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		f    AnnotationFilter
		want []string
	}{
		{"all", AnnotationFilter{}, sortedIDs(map[string]bool{f.clip.ID: true, other.ID: true})},
		{"by tag", AnnotationFilter{TagIDs: []string{f.tags["figure"].ID}}, []string{other.ID}},
		{"tombstones left out", AnnotationFilter{TagIDs: []string{f.tags["claim"].ID}}, nil},
		{"tombstones asked for", AnnotationFilter{TagIDs: []string{f.tags["claim"].ID}, IncludeDeleted: true}, []string{f.clip.ID}},
		{"by coder", AnnotationFilter{CoderIDs: []string{f.coder.ID}}, sortedIDs(map[string]bool{f.clip.ID: true, other.ID: true})},
		{"unknown coder", AnnotationFilter{CoderIDs: []string{"nobody"}}, nil},
	}
	for _, tc := range tests {
		got, err := f.s.AnnotatedClippings(f.ctx, tc.f)
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("%s: AnnotatedClippings = %v, %v; want %v", tc.name, got, err, tc.want)
		}
	}
}
