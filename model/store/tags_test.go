package store

import (
	"reflect"
	"testing"

	"clipper/model"
)

func TestDefaultTags(t *testing.T) {
	s := newProject(t)
	ts, err := s.Tags(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	def := model.DefaultTags()
	if len(ts) != len(def) {
		t.Fatalf("%d tags, want %d", len(ts), len(def))
	}
	for i, d := range def {
		g := ts[i]
		if g.ID == "" || g.Name != d.Name || g.Kind != d.Kind || g.Color != d.Color || g.Shortcut != d.Shortcut || g.Description != d.Description {
			t.Errorf("tag %d = %+v, want %+v", i, g, d)
		}
	}
}

func TestTagCRUD(t *testing.T) {
	f := newFixture(t)
	s, ctx, coder := f.s, f.ctx, f.coder.ID
	tg := &model.Tag{Name: " Health ", Kind: model.KindCustom, Color: "#aaBB00", Shortcut: "h", Description: "health claims"}
	if err := s.CreateTag(ctx, coder, tg); err != nil {
		t.Fatal(err)
	}
	if tg.ID == "" || tg.Name != "Health" || tg.CreatedAt.IsZero() {
		t.Fatalf("created = %+v", tg)
	}
	got, err := s.TagByName(ctx, "HEALTH")
	if err != nil || !reflect.DeepEqual(got, *tg) {
		t.Fatalf("TagByName = %+v, %v, want %+v", got, err, *tg)
	}
	for _, c := range []struct {
		name string
		tag  model.Tag
		err  error
	}{
		{"same name other case", model.Tag{Name: "health", Kind: model.KindCustom}, ErrExists},
		{"built-in name", model.Tag{Name: "CLAIM", Kind: model.KindCustom}, ErrExists},
		{"taken shortcut", model.Tag{Name: "x", Kind: model.KindCustom, Shortcut: "1"}, ErrExists},
		{"empty name", model.Tag{Name: " ", Kind: model.KindCustom}, ErrInvalid},
		{"bad kind", model.Tag{Name: "x", Kind: "opinion"}, ErrInvalid},
		{"bad color", model.Tag{Name: "x", Kind: model.KindCustom, Color: "red"}, ErrInvalid},
		{"long shortcut", model.Tag{Name: "x", Kind: model.KindCustom, Shortcut: "ab"}, ErrInvalid},
		{"space shortcut", model.Tag{Name: "x", Kind: model.KindCustom, Shortcut: " "}, ErrInvalid},
	} {
		t.Run(c.name, func(t *testing.T) {
			x := c.tag
			wantErr(t, s.CreateTag(ctx, coder, &x), c.err)
		})
	}
	wantErr(t, s.CreateTag(ctx, "0190f0f0-0000-7000-8000-000000000000", &model.Tag{Name: "y", Kind: model.KindCustom}), ErrNotFound)

	u := *tg
	u.Name, u.Kind, u.Color, u.Shortcut, u.Description = "Health & care", model.KindClaim, "#123456", "", "changed"
	if err := s.UpdateTag(ctx, coder, u); err != nil {
		t.Fatal(err)
	}
	got, err = s.TagByName(ctx, "health & care")
	if err != nil || got.Kind != model.KindClaim || got.Color != "#123456" || got.Description != "changed" || got.CreatedAt != tg.CreatedAt {
		t.Errorf("after update: %+v %v", got, err)
	}
	u.Name = "quote"
	wantErr(t, s.UpdateTag(ctx, coder, u), ErrExists)
	claim := f.tags["claim"]
	claim.Name = "Behauptung"
	if err := s.UpdateTag(ctx, coder, claim); err != nil {
		t.Errorf("renaming a built-in tag: %v", err)
	}
	claim.Kind = model.KindCustom
	wantErr(t, s.UpdateTag(ctx, coder, claim), ErrBuiltinTag)
	for _, name := range []string{"claim", "quote", "figure"} {
		wantErr(t, s.DeleteTag(ctx, coder, f.tags[name].ID, "", nil), ErrBuiltinTag)
	}
	if ts, _ := s.Tags(ctx); len(ts) != 4 {
		t.Errorf("%d tags, want 4", len(ts))
	}
}

func TestDeleteTag(t *testing.T) {
	for _, move := range []bool{false, true} {
		name := "tombstone annotations"
		if move {
			name = "move annotations"
		}
		t.Run(name, func(t *testing.T) {
			f := newFixture(t)
			s, ctx, coder := f.s, f.ctx, f.coder.ID
			tg := &model.Tag{Name: "Health", Kind: model.KindCustom, Shortcut: "h"}
			if err := s.CreateTag(ctx, coder, tg); err != nil {
				t.Fatal(err)
			}
			f.tags["Health"] = *tg
			a := f.mustAdd(t, "Health", 0, 2)
			b := f.mustAdd(t, "Health", 3, 7)
			keep := f.mustAdd(t, "quote", 8, 13)
			moveTo := ""
			if move {
				moveTo = f.tags["figure"].ID
			}
			wantErr(t, s.DeleteTag(ctx, coder, tg.ID, tg.ID, nil), ErrInvalid)
			wantErr(t, s.DeleteTag(ctx, coder, tg.ID, "0190f0f0-0000-7000-8000-000000000000", nil), ErrNotFound)
			if err := s.DeleteTag(ctx, coder, tg.ID, moveTo, nil); err != nil {
				t.Fatal(err)
			}
			_, err := s.TagByName(ctx, "Health")
			wantErr(t, err, ErrNotFound)
			live := f.liveIDs(t)
			if move {
				as, _ := s.Annotations(ctx, AnnotationFilter{TagIDs: []string{moveTo}})
				if len(as) != 2 || len(live) != 3 {
					t.Errorf("moved %d annotations, %d live", len(as), len(live))
				}
			} else if !reflect.DeepEqual(live, []string{keep.ID}) {
				t.Errorf("live after delete = %v, want only %s", live, keep.ID)
			}
			// The name and shortcut are free again.
			again := &model.Tag{Name: "health", Kind: model.KindCustom, Shortcut: "h"}
			if err := s.CreateTag(ctx, coder, again); err != nil {
				t.Errorf("recreating a deleted tag's name: %v", err)
			}
			// Deleting the recreated tag and undoing twice restores the
			// original delete's state exactly.
			if _, err := s.Undo(ctx, coder); err != nil { // undo recreate
				t.Fatal(err)
			}
			if _, err := s.Undo(ctx, coder); err != nil { // undo delete
				t.Fatal(err)
			}
			got, err := s.TagByName(ctx, "Health")
			if err != nil || got.ID != tg.ID {
				t.Fatalf("after undo: %+v %v", got, err)
			}
			as, _ := s.Annotations(ctx, AnnotationFilter{TagIDs: []string{tg.ID}})
			if len(as) != 2 || as[0].ID != a.ID || as[1].ID != b.ID {
				t.Errorf("annotations after undo = %+v", as)
			}
			checkFTS(t, s)
		})
	}
}

// TestDeleteBigTagInChunks: a tag with more annotations than DeleteTag
// reads at a time is deleted (or its annotations moved) whole, with
// progress, as one undo step.
func TestDeleteBigTagInChunks(t *testing.T) {
	for _, move := range []bool{false, true} {
		f := newFixture(t)
		cs := newTextGen(6).clippings(4)
		if _, err := f.s.AddClippings(f.ctx, cs); err != nil {
			t.Fatal(err)
		}
		tg := &model.Tag{Name: "Health", Kind: model.KindCustom}
		if err := f.s.CreateTag(f.ctx, f.coder.ID, tg); err != nil {
			t.Fatal(err)
		}
		const n = 2*tagChunk + 300
		var as []*model.Annotation
		for i := range n {
			start := (i / len(cs)) * 3
			as = append(as, &model.Annotation{ClippingID: cs[i%len(cs)].ID, TagID: tg.ID, CoderID: f.coder.ID, Start: start, End: start + 2})
		}
		if err := f.s.AddAnnotations(f.ctx, as); err != nil {
			t.Fatal(err)
		}
		moveTo := ""
		if move {
			moveTo = f.tags["figure"].ID
		}
		var calls [][2]int
		if err := f.s.DeleteTag(f.ctx, f.coder.ID, tg.ID, moveTo, func(done, total int) { calls = append(calls, [2]int{done, total}) }); err != nil {
			t.Fatal(err)
		}
		if len(calls) != 3 || calls[2] != [2]int{n, n} {
			t.Errorf("move %v: progress %v", move, calls)
		}
		moved, err := f.s.Annotations(f.ctx, AnnotationFilter{TagIDs: []string{f.tags["figure"].ID}})
		if err != nil {
			t.Fatal(err)
		}
		if live := len(f.liveIDs(t)); (move && (len(moved) != n || live != n)) || (!move && live != 0) {
			t.Errorf("move %v: %d live, %d moved", move, live, len(moved))
		}
		step, err := f.s.Undo(f.ctx, f.coder.ID)
		if err != nil || step.Count != n+1 {
			t.Fatalf("move %v: undo %d ops, %v", move, step.Count, err)
		}
		back, err := f.s.Annotations(f.ctx, AnnotationFilter{TagIDs: []string{tg.ID}})
		if err != nil || len(back) != n {
			t.Errorf("move %v: %d annotations of the tag after the undo, %v", move, len(back), err)
		}
	}
}
