package store

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"clipper/model"
)

// libraryView is everything the library list shows for a set of filters
// and orders: each selection's ids in order, and the position of one
// clipping in it.
func libraryView(t *testing.T, s *Store, filters []LibraryFilter, probe string) []string {
	t.Helper()
	ctx := context.Background()
	var out []string
	for _, f := range filters {
		for _, o := range []LibraryOrder{OrderLibrary, OrderOldest, OrderNewest, OrderHeadline, OrderPublication, OrderAnnotations} {
			f.Order = o
			page, err := s.LibraryPage(ctx, f, 0, 1000)
			if err != nil {
				t.Fatal(err)
			}
			n, at, err := s.LibraryCountIndex(ctx, f, probe)
			if err != nil {
				t.Fatal(err)
			}
			line := fmt.Sprintf("%+v n=%d at=%d:", f, n, at)
			for _, cs := range page {
				line += fmt.Sprintf(" %s/%s/%d", cs.Headline, cs.Date, cs.Annotations)
			}
			out = append(out, line)
		}
	}
	return out
}

// TestLibraryIndexFollowsWrites: the library index a store keeps is read
// again after every write — the store's own (add, delete, undo, redo,
// metadata, import) and another connection's — so counts, positions and
// orders always equal those of a store opened afresh on the file.
func TestLibraryIndexFollowsWrites(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var clips []*model.Clipping
	for i, h := range []string{"Report 2", "report 10", "Économie", "Zoo 1"} {
		c := &model.Clipping{Metadata: model.Metadata{Headline: h, Publication: []string{"Le Monde", "Die Zeit"}[i%2],
			Date: fmt.Sprintf("2024-0%d-01", i+1)}, Body: h + " body text here"}
		if _, err := f.s.AddClipping(ctx, c); err != nil {
			t.Fatal(err)
		}
		clips = append(clips, c)
	}
	other, err := Open(f.s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	ben, err := other.EnsureCoder(ctx, "Ben")
	if err != nil {
		t.Fatal(err)
	}
	quote := f.tags["quote"].ID
	filters := []LibraryFilter{{}, {TagID: quote}, {CoderID: ben.ID}, {TagID: quote, CoderID: f.coder.ID},
		{Publication: "Le Monde"}, {DateFrom: "2024-02-01"}, {Search: "report"}}
	add := func(s *Store, c *model.Clipping, coder model.Coder, tag string, at int) string {
		a := &model.Annotation{ClippingID: c.ID, TagID: f.tags[tag].ID, CoderID: coder.ID, Start: at, End: at + 3}
		if err := s.AddAnnotation(ctx, a); err != nil {
			t.Fatal(err)
		}
		return a.ID
	}
	var last string
	steps := []struct {
		name  string
		write func()
	}{
		{"own annotation", func() { last = add(f.s, clips[2], f.coder, "quote", 0) }},
		{"own second annotation", func() { add(f.s, clips[2], f.coder, "claim", 4) }},
		{"own delete", func() {
			if err := f.s.DeleteAnnotation(ctx, f.coder.ID, last); err != nil {
				t.Fatal(err)
			}
		}},
		{"own undo", func() {
			if _, err := f.s.Undo(ctx, f.coder.ID); err != nil {
				t.Fatal(err)
			}
		}},
		{"own redo", func() {
			if _, err := f.s.Redo(ctx, f.coder.ID); err != nil {
				t.Fatal(err)
			}
		}},
		{"own metadata", func() {
			if err := f.s.UpdateMetadata(ctx, clips[3].ID, model.Metadata{Headline: "Aardvark 3", Publication: "Le Monde", Date: ""}); err != nil {
				t.Fatal(err)
			}
		}},
		{"own import", func() {
			if _, err := f.s.AddClippings(ctx, newTextGen(3).clippings(3)); err != nil {
				t.Fatal(err)
			}
		}},
		{"other connection's annotations", func() {
			for i := range 3 {
				add(other, clips[0], ben, "quote", i)
			}
		}},
		{"other connection's clipping", func() {
			c := &model.Clipping{Metadata: model.Metadata{Headline: "Report 1", Publication: "Le Monde", Date: "2024-07-01"}, Body: "another report body"}
			if _, err := other.AddClipping(ctx, c); err != nil {
				t.Fatal(err)
			}
		}},
		{"other connection's metadata", func() {
			if err := other.UpdateMetadata(ctx, clips[1].ID, model.Metadata{Headline: "report 10", Publication: "Le Monde", Date: "2023-01-01"}); err != nil {
				t.Fatal(err)
			}
		}},
	}
	before := libraryView(t, f.s, filters, clips[2].ID)
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			st.write()
			got := libraryView(t, f.s, filters, clips[2].ID)
			if slices.Equal(got, before) {
				t.Fatalf("the library did not change:\n%s", before)
			}
			fresh, err := Open(f.s.Path())
			if err != nil {
				t.Fatal(err)
			}
			want := libraryView(t, fresh, filters, clips[2].ID)
			fresh.Close()
			for i := range want {
				if got[i] != want[i] {
					t.Errorf("kept index:\n got %s\nwant %s", got[i], want[i])
				}
			}
			// The other connection's index follows too.
			if o := libraryView(t, other, filters, clips[2].ID); !slices.Equal(o, want) {
				t.Errorf("other connection's index is stale")
			}
			before = got
		})
	}
}
