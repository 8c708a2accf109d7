package store

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"clipper/model"
)

func TestShare(t *testing.T) {
	const secret = "zebraquartzmemo"
	for _, c := range []struct {
		name string
		opt  ShareOptions
	}{
		{"with originals", ShareOptions{}},
		{"without originals", ShareOptions{WithoutOriginals: true}},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			big := &model.Clipping{Body: sampleBody + " " + secret[:4] + " more text.", Original: bytes.Repeat([]byte("original bytes "), 4000)}
			if _, err := f.s.AddClipping(f.ctx, big); err != nil {
				t.Fatal(err)
			}
			kept := f.addOn(t, f.clip, "claim", "The unemployment rate fell", "keep this note")
			gone := f.addOn(t, f.clip, "figure", "4.2 percent", "the "+secret+" is private")
			if err := f.s.DeleteAnnotation(f.ctx, f.coder.ID, gone.ID); err != nil {
				t.Fatal(err)
			}
			tag := &model.Tag{Name: "Scrap", Kind: model.KindCustom, Description: "tag " + secret}
			if err := f.s.CreateTag(f.ctx, f.coder.ID, tag); err != nil {
				t.Fatal(err)
			}
			if err := f.s.DeleteTag(f.ctx, f.coder.ID, tag.ID, "", nil); err != nil {
				t.Fatal(err)
			}
			src, err := os.ReadFile(f.s.Path())
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(src, []byte(secret)) {
				t.Fatal("control: the project itself should still hold the deleted note (op log, tombstone)")
			}

			dst := share(t, f, c.opt)
			wantErr(t, f.s.Share(f.ctx, dst, c.opt), ErrExists)
			b, err := os.ReadFile(dst)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(b, []byte(secret)) {
				t.Errorf("the shared file contains the deleted note's text %q", secret)
			}
			if b[18] != 1 || b[19] != 1 {
				t.Errorf("shared file is not in rollback-journal mode (header bytes %d %d)", b[18], b[19])
			}
			dir := filepath.Dir(dst)
			if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) != 1 {
				t.Errorf("files next to the shared copy: %v (want only it)", left)
			}

			cp, err := Open(dst)
			if err != nil {
				t.Fatalf("shared copy does not open: %v", err)
			}
			defer cp.Close()
			if err := cp.Check(f.ctx); err != nil {
				t.Errorf("Check: %v", err)
			}
			var free, ops int
			if err := cp.db.QueryRow(`PRAGMA freelist_count`).Scan(&free); err != nil || free != 0 {
				t.Errorf("free pages in the copy: %d %v", free, err)
			}
			if err := cp.db.QueryRow(`SELECT count(*) FROM ops`).Scan(&ops); err != nil || ops != 0 {
				t.Errorf("op log rows in the copy: %d %v", ops, err)
			}
			checkFTS(t, cp)
			if got, err := cp.Annotation(f.ctx, kept.ID); err != nil || got.Note != "keep this note" {
				t.Errorf("kept annotation in the copy: %+v %v", got, err)
			}
			if got, err := cp.Annotation(f.ctx, gone.ID); err != nil || got.DeletedAt == nil || got.Note != "" {
				t.Errorf("deleted annotation should travel as a bare tombstone: %+v %v", got, err)
			}
			if hits, err := cp.Search(f.ctx, "keep", 0); err != nil || len(hits) != 1 {
				t.Errorf("note search in the copy: %v %v", hits, err)
			}
			got, err := cp.Clipping(f.ctx, big.ID)
			if err != nil {
				t.Fatal(err)
			}
			if wantOrig := !c.opt.WithoutOriginals; (got.Original != nil) != wantOrig {
				t.Errorf("original bytes in the copy: %d, want present=%v", len(got.Original), wantOrig)
			}
			if orig, err := f.s.Clipping(f.ctx, big.ID); err != nil || len(orig.Original) != len(big.Original) {
				t.Errorf("the project lost its original bytes: %v", err)
			}
			if c.opt.WithoutOriginals && len(b) >= len(src) {
				t.Errorf("copy without originals is %d bytes, the project %d", len(b), len(src))
			}

			// The copy is a new replica; both sides record the other as in sync.
			mine, _ := replicaID(f.ctx, f.s.db, "main")
			theirs, _ := replicaID(f.ctx, cp.db, "main")
			if mine == theirs || len(theirs) != 36 {
				t.Errorf("replica ids: project %s, copy %s", mine, theirs)
			}
			for _, side := range []struct {
				s    *Store
				peer string
			}{{f.s, theirs}, {cp, mine}} {
				var n int
				if err := side.s.db.QueryRow(`SELECT count(*) FROM merge_base b JOIN peers p ON p.rid = b.peer
					WHERE p.replica = ?`, side.peer).Scan(&n); err != nil || n != 2 {
					t.Errorf("sync records for peer %s: %d %v (want 2 annotations)", side.peer, n, err)
				}
			}
		})
	}
}

// TestShareThenMergeBackChangesNothing: a shared copy merged back unchanged
// is all in sync.
func TestShareThenMergeBackChangesNothing(t *testing.T) {
	f := newFixture(t)
	f.addOn(t, f.clip, "claim", "The unemployment rate fell", "n1")
	a := f.addOn(t, f.clip, "quote", "dit Marie", "")
	if err := f.s.DeleteAnnotation(f.ctx, f.coder.ID, a.ID); err != nil {
		t.Fatal(err)
	}
	dst := share(t, f, ShareOptions{WithoutOriginals: true})
	before := snapshot(t, f.s)
	rep := merge(t, f, dst, MergeOptions{})
	if rep.Changes() != 0 || rep.Annotations.Unchanged != 2 {
		t.Errorf("merging an unchanged shared copy: %s", rep.Summary())
	}
	if after := snapshot(t, f.s); after != before {
		t.Error("merging an unchanged shared copy changed the project")
	}
}
