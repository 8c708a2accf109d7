package store

import (
	"testing"

	"clipper/model"
)

// TestSaveCacheSeesOtherWriters: what a save takes from the previous
// saves (a live tag, an empty redo stack, the clipping's text) is read
// again once another connection or another write of this store changed
// the project; a failed save leaves the redo stack as it was.
func TestSaveCacheSeesOtherWriters(t *testing.T) {
	f := newFixture(t)
	other, err := Open(f.s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tag := func(name string) model.Tag {
		tg := &model.Tag{Name: name, Kind: model.KindCustom}
		if err := f.s.CreateTag(f.ctx, f.coder.ID, tg); err != nil {
			t.Fatal(err)
		}
		f.tags[name] = *tg
		return *tg
	}

	// A tag deleted by another connection.
	health := tag("health")
	f.mustAdd(t, "health", 0, 2)
	if err := other.DeleteTag(f.ctx, f.coder.ID, health.ID, "", nil); err != nil {
		t.Fatal(err)
	}
	wantErr(t, f.s.AddAnnotation(f.ctx, f.ann("health", 3, 5)), ErrNotFound)

	// A tag deleted by this store (another kind of write).
	sport := tag("sport")
	f.mustAdd(t, "sport", 0, 2)
	if err := f.s.DeleteTag(f.ctx, f.coder.ID, sport.ID, "", nil); err != nil {
		t.Fatal(err)
	}
	wantErr(t, f.s.AddAnnotation(f.ctx, f.ann("sport", 3, 5)), ErrNotFound)

	// An action undone by another connection: the next save must still
	// discard the redo stack.
	f.mustAdd(t, "claim", 0, 2)
	f.mustAdd(t, "claim", 3, 5)
	if _, err := other.Undo(f.ctx, f.coder.ID); err != nil {
		t.Fatal(err)
	}
	f.mustAdd(t, "claim", 6, 8)
	_, err = f.s.Redo(f.ctx, f.coder.ID)
	wantErr(t, err, ErrNothingToRedo)

	// A failed save (a span past the text) discards nothing.
	f.mustAdd(t, "quote", 0, 2)
	if _, err := f.s.Undo(f.ctx, f.coder.ID); err != nil {
		t.Fatal(err)
	}
	f.mustAdd(t, "quote", 3, 5) // a save: the redo stack is empty again
	if _, err := f.s.Undo(f.ctx, f.coder.ID); err != nil {
		t.Fatal(err)
	}
	if err := f.s.AddAnnotation(f.ctx, f.ann("quote", 0, 1<<20)); err == nil {
		t.Fatal("a span past the text was saved")
	}
	if _, err := f.s.Redo(f.ctx, f.coder.ID); err != nil {
		t.Errorf("redo after a failed save: %v", err)
	}
}

// TestSaveCacheStampsANewVersion: a save after SetVersion records the new
// version as the file's writer, though the previous save recorded the old.
func TestSaveCacheStampsANewVersion(t *testing.T) {
	f := newFixture(t)
	for i, v := range []string{"1.0 (a)", "1.1 (b)"} {
		f.s.SetVersion(v)
		f.mustAdd(t, "claim", 3*i, 3*i+2)
		got, err := f.s.Versions(f.ctx)
		if err != nil || got.WrittenBy != v {
			t.Errorf("written by %q (%v), want %q", got.WrittenBy, err, v)
		}
	}
}
