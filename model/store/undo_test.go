package store

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"clipper/model"
)

func TestUndoRedoRoundTrip(t *testing.T) {
	f := newFixture(t)
	s, ctx, coder := f.s, f.ctx, f.coder.ID

	a := f.mustAdd(t, "claim", 0, 2) // step 1: create
	u := a
	u.Start, u.End, u.Note = 3, 7, "café"
	if err := s.UpdateAnnotation(ctx, coder, u); err != nil { // step 2: update
		t.Fatal(err)
	}
	updated, _ := s.Annotation(ctx, a.ID)
	if err := s.DeleteAnnotation(ctx, coder, a.ID); err != nil { // step 3: delete
		t.Fatal(err)
	}

	// Undo the delete: live again, in its updated state.
	ops, err := opsOf(s.Undo(ctx, coder))
	if err != nil {
		t.Fatal(err)
	}
	if len(ops) != 1 || ops[0].Action != "delete" || !ops[0].Undone || ops[0].EntityID != a.ID {
		t.Fatalf("undo returned %+v", ops)
	}
	same(t, s, a.ID, updated)
	// Undo the update: back to the first span.
	if _, err := s.Undo(ctx, coder); err != nil {
		t.Fatal(err)
	}
	same(t, s, a.ID, a)
	// Undo the create: tombstoned.
	if _, err := s.Undo(ctx, coder); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Annotation(ctx, a.ID); got.DeletedAt == nil {
		t.Error("undoing a create must tombstone")
	}
	_, err = s.Undo(ctx, coder)
	wantErr(t, err, ErrNothingToUndo)

	// Redo all three in order.
	for i, want := range []string{"create", "update", "delete"} {
		ops, err := opsOf(s.Redo(ctx, coder))
		if err != nil {
			t.Fatalf("redo %d: %v", i, err)
		}
		if len(ops) != 1 || ops[0].Action != want || ops[0].Undone {
			t.Fatalf("redo %d returned %+v, want %s", i, ops, want)
		}
		if i == 1 {
			same(t, s, a.ID, updated)
		}
	}
	if got, _ := s.Annotation(ctx, a.ID); got.DeletedAt == nil {
		t.Error("redoing the delete must tombstone")
	}
	_, err = s.Redo(ctx, coder)
	wantErr(t, err, ErrNothingToRedo)
	checkFTS(t, s)
	// The note index follows undo and redo.
	if _, err := s.Undo(ctx, coder); err != nil {
		t.Fatal(err)
	}
	if hits, _ := s.Search(ctx, "cafe", 10); len(hits) != 2 || hits[1].AnnotationID != a.ID {
		t.Errorf("note hit after undoing the delete = %+v", hits)
	}
}

// same checks that annotation id equals want apart from updated_at.
func same(t *testing.T, s *Store, id string, want model.Annotation) {
	t.Helper()
	got, err := s.Annotation(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	got.UpdatedAt = want.UpdatedAt
	if !reflect.DeepEqual(got, want) {
		t.Errorf("annotation:\n got %+v\nwant %+v", got, want)
	}
}

func TestUndoSurvivesReopen(t *testing.T) {
	f := newFixture(t)
	path, coder := f.s.Path(), f.coder.ID
	a := f.mustAdd(t, "quote", 0, 2)
	b := f.mustAdd(t, "quote", 3, 7)
	if err := f.s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ops, err := opsOf(s.Undo(t.Context(), coder))
	if err != nil {
		t.Fatal(err)
	}
	if len(ops) != 1 || ops[0].EntityID != b.ID {
		t.Fatalf("undo after reopen reverted %+v, want %s", ops, b.ID)
	}
	s.Close()
	if s, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if ops, err = opsOf(s.Redo(t.Context(), coder)); err != nil || ops[0].EntityID != b.ID {
		t.Fatalf("redo after reopen = %+v, %v", ops, err)
	}
	as, _ := s.Annotations(t.Context(), AnnotationFilter{})
	if len(as) != 2 || as[0].ID != a.ID || as[1].ID != b.ID {
		t.Errorf("annotations = %+v", as)
	}
}

func TestUndoBatchIsOneStep(t *testing.T) {
	f := newFixture(t)
	first := f.mustAdd(t, "claim", 0, 2)
	batch := []*model.Annotation{f.ann("quote", 3, 7), f.ann("quote", 8, 13), f.ann("figure", 14, 15)}
	if err := f.s.AddAnnotations(f.ctx, batch); err != nil {
		t.Fatal(err)
	}
	ops, err := opsOf(f.s.Undo(f.ctx, f.coder.ID))
	if err != nil {
		t.Fatal(err)
	}
	if len(ops) != 3 || ops[0].Group != ops[2].Group {
		t.Fatalf("undo reverted %d ops, want the batch's 3 in one group", len(ops))
	}
	if ids := f.liveIDs(t); !reflect.DeepEqual(ids, []string{first.ID}) {
		t.Errorf("live after undoing the batch = %v", ids)
	}
	if _, err := f.s.Redo(f.ctx, f.coder.ID); err != nil {
		t.Fatal(err)
	}
	if n := len(f.liveIDs(t)); n != 4 {
		t.Errorf("%d live after redo, want 4", n)
	}
}

func TestNewActionClearsRedo(t *testing.T) {
	f := newFixture(t)
	bob, _ := f.s.EnsureCoder(f.ctx, "Bob")
	f.mustAdd(t, "claim", 0, 2)
	f.mustAdd(t, "claim", 3, 7)
	if _, err := f.s.Undo(f.ctx, f.coder.ID); err != nil {
		t.Fatal(err)
	}
	// Another coder's action leaves Ana's redo stack alone.
	b := &model.Annotation{ClippingID: f.clip.ID, TagID: f.tags["quote"].ID, CoderID: bob.ID, Start: 0, End: 1}
	if err := f.s.AddAnnotation(f.ctx, b); err != nil {
		t.Fatal(err)
	}
	_, err := f.s.Undo(f.ctx, f.coder.ID) // undo the first create too
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Redo(f.ctx, f.coder.ID); err != nil {
		t.Fatalf("redo after another coder's action: %v", err)
	}
	f.mustAdd(t, "figure", 14, 15) // Ana's new action
	_, err = f.s.Redo(f.ctx, f.coder.ID)
	wantErr(t, err, ErrNothingToRedo)
	// Bob's own stack is intact.
	ops, err := opsOf(f.s.Undo(f.ctx, bob.ID))
	if err != nil || len(ops) != 1 || ops[0].EntityID != b.ID {
		t.Errorf("Bob's undo = %+v, %v", ops, err)
	}
	// Ana can still undo her new action and then the redone one.
	for range 2 {
		if _, err := f.s.Undo(f.ctx, f.coder.ID); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(f.liveIDs(t)); n != 0 {
		t.Errorf("%d live annotations, want 0", n)
	}
	_, err = f.s.Undo(f.ctx, f.coder.ID)
	wantErr(t, err, ErrNothingToUndo)
}

func TestUndoConflict(t *testing.T) {
	f := newFixture(t)
	bob, _ := f.s.EnsureCoder(f.ctx, "Bob")
	a := f.mustAdd(t, "claim", 0, 2)
	u := a
	u.Note = "Bob was here"
	if err := f.s.UpdateAnnotation(f.ctx, bob.ID, u); err != nil {
		t.Fatal(err)
	}
	_, err := f.s.Undo(f.ctx, f.coder.ID)
	wantErr(t, err, ErrUndoConflict)
	got, _ := f.s.Annotation(f.ctx, a.ID)
	if got.DeletedAt != nil || got.Note != "Bob was here" {
		t.Errorf("a refused undo changed the annotation: %+v", got)
	}
	// Bob undoes his edit; now Ana's undo goes through.
	if _, err := f.s.Undo(f.ctx, bob.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Undo(f.ctx, f.coder.ID); err != nil {
		t.Errorf("undo after the conflict was resolved: %v", err)
	}

	// Restoring a deleted tag whose name another coder has taken since.
	tg := &model.Tag{Name: "Health", Kind: model.KindCustom}
	if err := f.s.CreateTag(f.ctx, f.coder.ID, tg); err != nil {
		t.Fatal(err)
	}
	if err := f.s.DeleteTag(f.ctx, f.coder.ID, tg.ID, "", nil); err != nil {
		t.Fatal(err)
	}
	if err := f.s.CreateTag(f.ctx, bob.ID, &model.Tag{Name: "health", Kind: model.KindCustom}); err != nil {
		t.Fatal(err)
	}
	_, err = f.s.Undo(f.ctx, f.coder.ID)
	wantErr(t, err, ErrUndoConflict)
	if got, _ := f.s.TagByName(f.ctx, "health"); got.ID == tg.ID {
		t.Error("the refused undo restored the tag")
	}
}

func TestHistoryAudit(t *testing.T) {
	f := newFixture(t)
	a := f.mustAdd(t, "claim", 0, 2)
	if err := f.s.DeleteAnnotation(f.ctx, f.coder.ID, a.ID); err != nil {
		t.Fatal(err)
	}
	undone, err := opsOf(f.s.Undo(f.ctx, f.coder.ID))
	if err != nil {
		t.Fatal(err)
	}
	h, err := f.s.History(f.ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		kind, action string
		undone       bool
	}
	var got []row
	for _, o := range h {
		got = append(got, row{o.Kind, o.Action, o.Undone})
		if o.CoderID != f.coder.ID || o.Entity != "annotation" || o.EntityID != a.ID || o.At.IsZero() {
			t.Errorf("op %+v", o)
		}
	}
	want := []row{{"undo", "delete", false}, {"do", "delete", true}, {"do", "create", false}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("history = %+v, want %+v", got, want)
	}
	if h[0].Reverts != undone[0].Group || h[0].Group == h[1].Group {
		t.Errorf("undo record reverts %q, want %q", h[0].Reverts, undone[0].Group)
	}
	if h[2].Before != nil {
		t.Errorf("create has a before state: %s", h[2].Before)
	}
	var before, after map[string]any
	if json.Unmarshal(h[1].Before, &before) != nil || json.Unmarshal(h[1].After, &after) != nil {
		t.Fatalf("bad JSON: %s / %s", h[1].Before, h[1].After)
	}
	if before["deleted_at"] != nil || after["deleted_at"] == nil || after["exact"] != "Le" {
		t.Errorf("delete op states: before %v after %v", before, after)
	}
	if h1, _ := f.s.History(f.ctx, 1); len(h1) != 1 || h1[0].ID != h[0].ID {
		t.Errorf("History(1) = %+v", h1)
	}
}

// opsOf returns the ops of an undo's or redo's step (all of them in these
// small tests).
func opsOf(st Step, err error) ([]Op, error) { return st.Ops, err }

// TestRevertBigStepInChunks: an action of more ops than a revert reads at
// a time (an Accept all in every clipping) is undone and redone whole,
// with progress, returning only its first ops; a conflict in its last
// chunk changes nothing; StepSize counts it up to a limit.
func TestRevertBigStepInChunks(t *testing.T) {
	f := newFixture(t)
	cs := newTextGen(5).clippings(5)
	if _, err := f.s.AddClippings(f.ctx, cs); err != nil {
		t.Fatal(err)
	}
	const n = 2*revertChunk + 500
	var as []*model.Annotation
	for i := range n {
		c := cs[i%len(cs)]
		start := (i / len(cs)) * 3
		if start+2 > len([]rune(c.Body)) {
			t.Fatalf("clipping %s too short for %d annotations", c.ID, n)
		}
		as = append(as, &model.Annotation{ClippingID: c.ID, TagID: f.tags["quote"].ID, CoderID: f.coder.ID, Start: start, End: start + 2})
	}
	if err := f.s.AddAnnotations(f.ctx, as); err != nil {
		t.Fatal(err)
	}
	if got, more, err := f.s.StepSize(f.ctx, f.coder.ID, true, 100); got != 100 || !more || err != nil {
		t.Errorf("StepSize with limit 100: %d, more %v, %v", got, more, err)
	}
	if got, more, err := f.s.StepSize(f.ctx, f.coder.ID, true, 0); got != n || more || err != nil {
		t.Errorf("StepSize: %d, more %v, %v; want %d", got, more, err, n)
	}
	if _, _, err := f.s.StepSize(f.ctx, f.coder.ID, false, 0); !errors.Is(err, ErrNothingToRedo) {
		t.Errorf("StepSize of a redo with nothing undone: %v", err)
	}

	var calls [][2]int
	progress := func(done, total int) { calls = append(calls, [2]int{done, total}) }
	step, err := f.s.Revert(f.ctx, f.coder.ID, true, progress)
	if err != nil {
		t.Fatal(err)
	}
	if step.Count != n || len(step.Ops) != StepOpsKept || len(calls) != 3 || calls[2] != [2]int{n, n} {
		t.Fatalf("undo: %d ops, %d kept, progress %v", step.Count, len(step.Ops), calls)
	}
	for i, o := range step.Ops {
		if o.EntityID != as[i].ID || !o.Undone || o.Action != actionCreate {
			t.Fatalf("kept op %d: %s %s undone %v, want the creation of %s", i, o.Action, o.EntityID, o.Undone, as[i].ID)
		}
	}
	if live := len(f.liveIDs(t)); live != 0 {
		t.Fatalf("%d annotations live after the undo", live)
	}
	if step, err = f.s.Revert(f.ctx, f.coder.ID, false, nil); err != nil || step.Count != n || step.Ops[0].EntityID != as[0].ID || step.Ops[0].Undone {
		t.Fatalf("redo: %d ops, %v", step.Count, err)
	}
	if live := len(f.liveIDs(t)); live != n {
		t.Fatalf("%d annotations live after the redo, want %d", live, n)
	}

	// The first annotation is the last an undo reaches: a change to it
	// by another coder refuses the whole undo after two chunks were done.
	bob, err := f.s.EnsureCoder(f.ctx, "Bob")
	if err != nil {
		t.Fatal(err)
	}
	first := *as[0]
	first.Note = "Bob was here"
	if err := f.s.UpdateAnnotation(f.ctx, bob.ID, first); err != nil {
		t.Fatal(err)
	}
	_, err = f.s.Revert(f.ctx, f.coder.ID, true, nil)
	wantErr(t, err, ErrUndoConflict)
	if live := len(f.liveIDs(t)); live != n {
		t.Fatalf("a refused undo left %d of %d annotations", live, n)
	}
}
