package store

import (
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
	for seed := range uint64(12) {
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
				for _, k := range rng.Perm(len(coders))[:1+rng.IntN(3)] {
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
