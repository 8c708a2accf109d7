package store

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"clipper/model"
)

// TestAgreementSetsByIndex compares the index path of AgreementSets with the
// pass over every annotation on random projects: clippings annotated by
// one, two or three of four coders, some annotations deleted, some with a
// note, some spans moved past the end of their text (as a damaged file
// has them), under filters by tag, coder, clipping and note.
func TestAgreementSetsByIndex(t *testing.T) {
	for seed := range uint64(16) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			f := newFixture(t)
			rng := rand.New(rand.NewPCG(seed, 7))
			coders := []model.Coder{f.coder}
			for _, n := range []string{"Ben", "Chloé", "Dana"} {
				c, err := f.s.EnsureCoder(f.ctx, n)
				if err != nil {
					t.Fatal(err)
				}
				coders = append(coders, c)
			}
			var tags []model.Tag
			for _, tg := range f.tags {
				tags = append(tags, tg)
			}
			slices.SortFunc(tags, func(a, b model.Tag) int { return strings.Compare(a.ID, b.ID) })
			clips := newTextGen(seed).clippings(8)
			if _, err := f.s.AddClippings(f.ctx, clips); err != nil {
				t.Fatal(err)
			}
			var all []*model.Annotation
			for _, c := range clips {
				n := len([]rune(c.Body))
				ks := rng.Perm(len(coders))[:1+rng.IntN(3)]
				switch seed % 4 {
				case 0: // coders share no clipping
					ks = ks[:1]
				case 1: // one coder only
					ks = []int{0}
				}
				for _, k := range ks {
					var as []*model.Annotation
					for range 1 + rng.IntN(3) {
						s := rng.IntN(n - 20)
						a := &model.Annotation{ClippingID: c.ID, TagID: tags[rng.IntN(len(tags))].ID, CoderID: coders[k].ID,
							Start: s, End: s + 1 + rng.IntN(15)}
						if rng.IntN(4) == 0 {
							a.Note = "see this"
						}
						as = append(as, a)
					}
					if err := f.s.AddAnnotations(f.ctx, as); err != nil {
						t.Fatal(err)
					}
					all = append(all, as...)
				}
			}
			for _, a := range all {
				switch rng.IntN(6) {
				case 0:
					if err := f.s.DeleteAnnotation(f.ctx, a.CoderID, a.ID); err != nil {
						t.Fatal(err)
					}
				case 1:
					if _, err := f.s.db.Exec(`UPDATE annotations SET "end" = 1000000 WHERE id = ?`, a.ID); err != nil {
						t.Fatal(err)
					}
				}
			}
			filters := []AnnotationFilter{{}, {WithNote: true},
				{TagIDs: []string{tags[0].ID, tags[1].ID}}, {CoderIDs: []string{coders[0].ID, coders[2].ID}},
				{ClippingIDs: []string{clips[0].ID, clips[3].ID, clips[5].ID}},
				{TagIDs: []string{tags[2].ID}, CoderIDs: []string{coders[1].ID, coders[3].ID}}}
			r := f.s.Reader()
			for i, flt := range filters {
				for _, every := range []bool{false, true} {
					wc, wt, err := r.agreementSetsScan(f.ctx, flt, every)
					if err != nil {
						t.Fatal(err)
					}
					gc, gt, err := r.agreementSetsByIndex(f.ctx, flt, every)
					if err != nil {
						t.Fatal(err)
					}
					if !maps.Equal(gc, wc) || !maps.Equal(gt, wt) {
						t.Errorf("filter %d, every %v: coders %v tags %v; want coders %v tags %v", i, every, gc, gt, wc, wt)
					}
				}
			}
		})
	}
}

// TestAgreementSetsBlobID: a coder id stored as a blob (a hand edit) is
// not a candidate the index path can look up; AgreementSets reads such a
// project the plain way.
func TestAgreementSetsBlobID(t *testing.T) {
	f := newFixture(t)
	ctx := f.ctx
	ben, err := f.s.EnsureCoder(ctx, "Ben")
	if err != nil {
		t.Fatal(err)
	}
	f.mustAdd(t, "claim", 0, 5)
	b := &model.Annotation{ClippingID: f.clip.ID, TagID: f.tags["quote"].ID, CoderID: ben.ID, Start: 6, End: 9}
	if err := f.s.AddAnnotation(ctx, b); err != nil {
		t.Fatal(err)
	}
	conn, err := f.s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, q := range []string{`PRAGMA foreign_keys = OFF`, `UPDATE annotations SET coder_id = CAST(coder_id AS BLOB) WHERE id = '` + b.ID + `'`} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatal(q, err)
		}
	}
	r := f.s.Reader()
	wc, wt, err := r.agreementSetsScan(ctx, AnnotationFilter{}, false)
	if err != nil {
		t.Fatal(err)
	}
	gc, gt, err := r.AgreementSets(ctx, AnnotationFilter{}, false)
	if err != nil || !maps.Equal(gc, wc) || !maps.Equal(gt, wt) || len(gc) != 2 {
		t.Fatalf("coders %v tags %v (%v); the plain way: coders %v tags %v", gc, gt, err, wc, wt)
	}
}

// BenchmarkAgreementSetsDisjoint: two coders who share no clipping (100
// annotations on each of 100 clippings of about 5 KB each), where the
// index path finds no other coder for any annotation, against the pass
// over every annotation.
func BenchmarkAgreementSetsDisjoint(b *testing.B) {
	f := newFixture(b)
	ben, err := f.s.EnsureCoder(f.ctx, "Ben")
	if err != nil {
		b.Fatal(err)
	}
	cs := newTextGen(9).clippings(200)
	if _, err := f.s.AddClippings(f.ctx, cs); err != nil {
		b.Fatal(err)
	}
	for i, c := range cs {
		coder := f.coder.ID
		if i%2 == 1 {
			coder = ben.ID
		}
		var as []*model.Annotation
		for k := range 100 {
			as = append(as, &model.Annotation{ClippingID: c.ID, TagID: f.tags["claim"].ID, CoderID: coder, Start: k * 20, End: k*20 + 10})
		}
		if err := f.s.AddAnnotations(f.ctx, as); err != nil {
			b.Fatal(err)
		}
	}
	r := f.s.Reader()
	for _, v := range []struct {
		name string
		fn   func(context.Context, AnnotationFilter, bool) (map[string]bool, map[string]bool, error)
	}{{"index", r.agreementSetsByIndex}, {"scan", r.agreementSetsScan}} {
		b.Run(v.name, func(b *testing.B) {
			for b.Loop() {
				if c, _, err := v.fn(f.ctx, AnnotationFilter{}, false); err != nil || len(c) != 0 {
					b.Fatal(c, err)
				}
			}
		})
	}
}
