package store

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"clipper/model"
)

// TestStreamsCarryOnPastBadValues: the streaming readers, full and brief,
// return what Annotations returns from a hand-edited project — bad values
// emptied, the annotation without a readable span left out — and the
// counts agree with the rows.
func TestStreamsCarryOnPastBadValues(t *testing.T) {
	s, ids := handEdited(t, badValues...)
	ctx := context.Background()
	want := []string{ids["1"], ids["3"], ids["4"], ids["5"]}
	for _, brief := range []bool{false, true} {
		var got []string
		var zero bool
		for it, err := range s.Reader().Walk(ctx, Walk{Body: true, Annotations: true, Brief: brief, Counts: true}) {
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, k := range it.TagCounts {
				n += k
			}
			if n != len(it.Annotations) {
				t.Errorf("brief %v: counts %v for %d annotations", brief, it.TagCounts, len(it.Annotations))
			}
			for _, a := range it.Annotations {
				got = append(got, a.ID)
				if a.ID == ids["1"] {
					zero = a.CreatedAt.IsZero()
				}
			}
		}
		if !sameSet(got, want) || !zero {
			t.Errorf("brief %v: walked %v (unusable time emptied: %v), want %v", brief, got, zero, want)
		}
	}
	var got []string
	for a, err := range s.Reader().Annotations(ctx, AnnotationFilter{}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, a.ID)
	}
	if !sameSet(got, want) {
		t.Errorf("streamed %v, want %v", got, want)
	}
	if n, err := s.Reader().CountAnnotations(ctx, AnnotationFilter{}); err != nil || n != len(want) {
		t.Errorf("count %d %v, want %d", n, err, len(want))
	}
	byTag, err := s.Reader().CountByTag(ctx, AnnotationFilter{})
	if err != nil || byTag[s.mustTag(t, "quote")] != len(want) {
		t.Errorf("count by tag %v %v", byTag, err)
	}
	found := false
	for _, p := range s.Problems() {
		if p.ID == ids["2"] && p.Column == "start" {
			found = true
		}
	}
	if !found {
		t.Errorf("the left-out annotation was not noted: %+v", s.Problems())
	}
}

// mustTag is the id of the live tag called name.
func (s *Store) mustTag(t *testing.T, name string) string {
	t.Helper()
	tg, err := s.TagByName(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	return tg.ID
}

// TestStreamOrderAndBatches: more annotations than one batch come out in
// clipping, start, end, id order, each once, filters applied, whichever
// reader; the walk yields clippings in library order.
func TestStreamOrderAndBatches(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	cs := newTextGen(4).clippings(30)
	if _, err := f.s.AddClippings(ctx, cs); err != nil {
		t.Fatal(err)
	}
	var as []*model.Annotation
	for i, c := range cs {
		for k := range 200 {
			// Same spans twice (ties broken by id), two tags.
			start := (k / 2) * 3
			as = append(as, &model.Annotation{ClippingID: c.ID, TagID: f.tags[[]string{"claim", "quote"}[(i+k)%2]].ID,
				CoderID: f.coder.ID, Start: start, End: start + 5})
		}
	}
	if err := f.s.AddAnnotations(ctx, as); err != nil {
		t.Fatal(err)
	}
	var prev model.Annotation
	n := 0
	for a, err := range f.s.Reader().Annotations(ctx, AnnotationFilter{}) {
		if err != nil {
			t.Fatal(err)
		}
		if n > 0 && cmpSpan(prev, a) >= 0 {
			t.Fatalf("out of order: %+v then %+v", prev, a)
		}
		prev, n = a, n+1
	}
	if n != len(as) {
		t.Fatalf("streamed %d of %d", n, len(as))
	}
	claims := 0
	for _, err := range f.s.Reader().Annotations(ctx, AnnotationFilter{TagIDs: []string{f.tags["claim"].ID}}) {
		if err != nil {
			t.Fatal(err)
		}
		claims++
	}
	if claims != len(as)/2 {
		t.Errorf("%d claims streamed, want %d", claims, len(as)/2)
	}
	sums, err := f.s.ClippingSummaries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	i := 0
	for it, err := range f.s.Reader().Walk(ctx, Walk{Annotations: true, Brief: true}) {
		if err != nil {
			t.Fatal(err)
		}
		if it.Clipping.ID != sums[i].ID || len(it.Annotations) != sums[i].Annotations {
			t.Fatalf("walk item %d: %s with %d annotations, want %s with %d", i, it.Clipping.ID, len(it.Annotations), sums[i].ID, sums[i].Annotations)
		}
		for k := 1; k < len(it.Annotations); k++ {
			if cmpSpan(it.Annotations[k-1], it.Annotations[k]) >= 0 {
				t.Fatalf("walk: out of order in %s", it.Clipping.ID)
			}
		}
		i++
	}
	if i != len(sums) {
		t.Errorf("walked %d clippings of %d", i, len(sums))
	}
}

func cmpSpan(a, b model.Annotation) int {
	return cmp.Or(strings.Compare(a.ClippingID, b.ClippingID), cmp.Compare(a.Start, b.Start),
		cmp.Compare(a.End, b.End), strings.Compare(a.ID, b.ID))
}

// TestSnapshotHoldsItsState: a snapshot — both its connections — reads
// the project as it was when taken; a write meanwhile is not refused but
// waits, and lands once the snapshot is closed. A snapshot takes no write
// lock: a writer can begin while it is open.
func TestSnapshotHoldsItsState(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.mustAdd(t, "claim", 0, 4)
	sn, err := f.s.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- f.s.AddAnnotation(ctx, f.ann("quote", 5, 9)) }()
	time.Sleep(300 * time.Millisecond)
	select {
	case err := <-done:
		t.Fatalf("a write committed while a snapshot was open: %v", err)
	default:
	}
	count := func() int {
		n := 0
		for it, err := range sn.Walk(ctx, Walk{Annotations: true, Brief: true, Headings: true}) {
			if err != nil {
				t.Fatal(err)
			}
			n += len(it.Annotations)
		}
		return n
	}
	if n, m := count(), count(); n != 1 || m != 1 {
		t.Errorf("the snapshot sees %d then %d annotations, want 1", n, m)
	}
	if n, err := sn.CountAnnotations(ctx, AnnotationFilter{}); err != nil || n != 1 {
		t.Errorf("count in the snapshot: %d %v", n, err)
	}
	if err := sn.Close(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatalf("the waiting write failed: %v", err)
	}
	if n, err := f.s.Reader().CountAnnotations(ctx, AnnotationFilter{}); err != nil || n != 2 {
		t.Errorf("after the snapshot: %d %v", n, err)
	}
}

// TestWalkHeadings: a walk of headings gives each clipping's id,
// publication, headline, date and body as the full walk does.
func TestWalkHeadings(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if _, err := f.s.AddClippings(ctx, newTextGen(6).clippings(300)); err != nil {
		t.Fatal(err)
	}
	var full []model.Clipping
	for it, err := range f.s.Reader().Walk(ctx, Walk{Body: true}) {
		if err != nil {
			t.Fatal(err)
		}
		full = append(full, it.Clipping)
	}
	i := 0
	for it, err := range f.s.Reader().Walk(ctx, Walk{Body: true, Headings: true}) {
		if err != nil {
			t.Fatal(err)
		}
		c, w := it.Clipping, full[i]
		if c.ID != w.ID || c.Publication != w.Publication || c.Headline != w.Headline || c.Date != w.Date || c.Body != w.Body || c.Deck != "" {
			t.Fatalf("heading %d: %+v, want %+v", i, c.Metadata, w.Metadata)
		}
		i++
	}
	if i != len(full) || i != 301 {
		t.Errorf("%d headings, %d clippings", i, len(full))
	}
}

// TestWalkSpans: a spans-only walk yields the annotations of a brief walk
// with their ids, clipping, tag, coder and span, in the same order — also
// a row whose tag id is stored as a blob (a hand edit), which both read
// the slow way.
func TestWalkSpans(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for k := range 40 {
		f.mustAdd(t, []string{"claim", "quote", "figure"}[k%3], k*2, k*2+2+k%4)
	}
	odd := f.mustAdd(t, "claim", 1, 7)
	conn, err := f.s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`PRAGMA foreign_keys = OFF`, `UPDATE annotations SET tag_id = CAST(tag_id AS BLOB) WHERE id = '` + odd.ID + `'`,
		`PRAGMA foreign_keys = ON`} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatal(q, err)
		}
	}
	conn.Close()
	read := func(w Walk) []model.Annotation {
		var out []model.Annotation
		for it, err := range f.s.Reader().Walk(ctx, w) {
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range it.Annotations {
				out = append(out, model.Annotation{ID: a.ID, ClippingID: a.ClippingID, TagID: a.TagID, CoderID: a.CoderID,
					Start: a.Start, End: a.End})
			}
		}
		return out
	}
	brief, spans := read(Walk{Annotations: true, Brief: true}), read(Walk{Annotations: true, Spans: true})
	if len(brief) != 41 || !slices.Equal(brief, spans) {
		t.Fatalf("spans walk:\n%v\nbrief walk:\n%v", spans, brief)
	}
	if i := slices.IndexFunc(spans, func(a model.Annotation) bool { return a.ID == odd.ID }); i < 0 || spans[i].TagID != f.tags["claim"].ID {
		t.Errorf("the row with a blob tag id reads as %+v", spans[i])
	}
}
