package store

import (
	"context"
	"errors"
	"iter"
	"path/filepath"
	"testing"
	"time"

	"clipper/model"
)

// TestAddAnnotationGroup: many annotations, produced as they are taken,
// land in one transaction as one undo step; spans the coder already has
// are skipped; progress is reported; a failure or a cancellation saves
// nothing.
func TestAddAnnotationGroup(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	cs := newTextGen(5).clippings(3)
	if _, err := f.s.AddClippings(ctx, cs); err != nil {
		t.Fatal(err)
	}
	existing := &model.Annotation{ClippingID: cs[1].ID, TagID: f.tags["quote"].ID, CoderID: f.coder.ID, Start: 30, End: 40}
	if err := f.s.AddAnnotation(ctx, existing); err != nil {
		t.Fatal(err)
	}
	gen := func(n int, bad int) iter.Seq[*model.Annotation] {
		return func(yield func(*model.Annotation) bool) {
			for i := range n {
				c := cs[i/(n/3)%3]
				start := (i % (n / 3)) * 3
				if i == bad {
					start = 1 << 20
				}
				tag := "quote"
				if i%2 == 1 {
					tag = "claim"
				}
				a := &model.Annotation{ClippingID: c.ID, TagID: f.tags[tag].ID, Start: start, End: start + 10,
					Origin: model.OriginSuggestion}
				if !yield(a) {
					return
				}
				if i%100 == 0 { // a repeat within the group
					if !yield(&model.Annotation{ClippingID: c.ID, TagID: f.tags[tag].ID, Start: start, End: start + 10}) {
						return
					}
				}
			}
		}
	}
	before := len(f.liveIDs(t))
	var last [2]int
	res, err := f.s.AddAnnotationGroup(ctx, f.coder.ID, gen(900, -1), GroupOptions{SkipExisting: true, Total: 909,
		Progress: func(done, total int) { last = [2]int{done, total} }})
	if err != nil {
		t.Fatal(err)
	}
	// cs[1]'s 10th annotation is the existing quote at 30–40.
	if res.Added != 899 || res.Skipped != 10 || res.Group == "" || last != [2]int{909, 909} {
		t.Fatalf("result %+v, last progress %v", res, last)
	}
	if n := len(f.liveIDs(t)); n != before+899 {
		t.Fatalf("%d live annotations, want %d", n, before+899)
	}
	step, err := f.s.Undo(ctx, f.coder.ID)
	if err != nil || step.Count != 899 || step.Group != res.Group || len(step.Ops) != StepOpsKept {
		t.Fatalf("undo: %d ops (%d kept) of group %s, %v", step.Count, len(step.Ops), step.Group, err)
	}
	if n := len(f.liveIDs(t)); n != before {
		t.Fatalf("after undo %d live annotations, want %d", n, before)
	}
	if _, err := f.s.Redo(ctx, f.coder.ID); err != nil {
		t.Fatal(err)
	}
	if n := len(f.liveIDs(t)); n != before+899 {
		t.Fatalf("after redo %d live annotations", n)
	}

	// A bad span stops the group: nothing of it is saved.
	mid := len(f.liveIDs(t))
	if _, err := f.s.AddAnnotationGroup(ctx, f.coder.ID, gen(600, 400), GroupOptions{}); !errors.Is(err, ErrBadSpan) {
		t.Errorf("bad span: %v", err)
	}
	cctx, cancel := context.WithCancel(ctx)
	n := 0
	cancelling := func(yield func(*model.Annotation) bool) {
		for a := range gen(3000, -1) {
			if n++; n == 1000 {
				cancel()
			}
			if !yield(a) {
				return
			}
		}
	}
	if _, err := f.s.AddAnnotationGroup(cctx, f.coder.ID, cancelling, GroupOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	if got := len(f.liveIDs(t)); got != mid {
		t.Errorf("a failed group saved something: %d annotations, want %d", got, mid)
	}
}

// TestAddAnnotationGroupFromReadsInside: a source that reads clippings as
// it goes reads them through the group's own transaction, so it is not
// shut out when the transaction's changes spill to the file (which takes
// the lock that keeps every other connection from reading).
func TestAddAnnotationGroupFromReadsInside(t *testing.T) {
	f := newFixture(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cs := newTextGen(6).clippings(40)
	if _, err := f.s.AddClippings(ctx, cs); err != nil {
		t.Fatal(err)
	}
	if err := f.s.RejectSuggestion(ctx, f.coder.ID, Rejection{ClippingID: cs[3].ID, Kind: "quote", Start: 0, End: 10, Text: "x"}); err != nil {
		t.Fatal(err)
	}
	// Spill after a few pages instead of 160 MiB.
	for _, q := range []string{`PRAGMA cache_size = 10`, `PRAGMA cache_spill = 10`} {
		if _, err := f.s.w.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	rejected := 0
	src := func(r GroupReader) iter.Seq[*model.Annotation] {
		return func(yield func(*model.Annotation) bool) {
			for _, c := range cs {
				got, err := r.Clipping(ctx, c.ID)
				if err != nil || got.Body != c.Body {
					t.Errorf("clipping %s inside the group: %v", c.ID, err)
					return
				}
				rs, err := r.Rejections(ctx, c.ID)
				if err != nil {
					t.Errorf("rejections inside the group: %v", err)
					return
				}
				rejected += len(rs)
				for k := range 30 {
					if !yield(&model.Annotation{ClippingID: c.ID, TagID: f.tags["quote"].ID, Start: k * 5, End: k*5 + 4}) {
						return
					}
				}
			}
		}
	}
	res, err := f.s.AddAnnotationGroupFrom(ctx, f.coder.ID, src, GroupOptions{})
	if err != nil || res.Added != 40*30 || rejected != 1 {
		t.Fatalf("group: %+v, %d rejections read, %v", res, rejected, err)
	}
}

// TestFirstWriteSpillsWithoutWaitingForItself: the first write of a
// session prepares its statements on its own connection. Prepared through
// the pool, the last one (the "written by" record, after a spill) needed a
// new connection, whose opening read the file and waited for the
// transaction's own exclusive lock. Later writes use the cached ones.
func TestFirstWriteSpillsWithoutWaitingForItself(t *testing.T) {
	s, err := Create(filepath.Join(t.TempDir(), "p.clip"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	coder, err := s.EnsureCoder(ctx, "Ana")
	if err != nil {
		t.Fatal(err)
	}
	tags, err := s.Tags(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cs := newTextGen(8).clippings(40)
	if _, err := s.AddClippings(ctx, cs); err != nil {
		t.Fatal(err)
	}
	// A new session: nothing prepared, no idle connection to prepare on.
	s.wmu.Lock()
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = nil
	s.wmu.Unlock()
	s.db.SetMaxIdleConns(0)
	s.SetVersion("0.1.0 (test)")
	for _, q := range []string{`PRAGMA cache_size = 10`, `PRAGMA cache_spill = 10`} {
		if _, err := s.w.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	as := func(yield func(*model.Annotation) bool) {
		for _, c := range cs {
			for k := range 30 {
				if !yield(&model.Annotation{ClippingID: c.ID, TagID: tags[0].ID, Start: k * 5, End: k*5 + 4}) {
					return
				}
			}
		}
	}
	if res, err := s.AddAnnotationGroup(ctx, coder.ID, as, GroupOptions{}); err != nil || res.Added != 1200 {
		t.Fatalf("group: %+v, %v", res, err)
	}
	s.wmu.Lock()
	cached, pending := len(s.stmts), len(s.pending)
	s.wmu.Unlock()
	if cached == 0 || pending != 0 {
		t.Errorf("after the write: %d statements cached, %d pending", cached, pending)
	}
}
