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

// TestLibraryIndexOrdersAsSQL: the index's orders equal SQL's ORDER BY
// with the natural collation on many look-alike headlines and
// publications (case, accents, numbers with leading zeros, ties), and
// LibraryPageAfter continues each order from any row.
func TestLibraryIndexOrdersAsSQL(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	heads := []string{"Report 2", "report 10", "Report 010", "Report 02", "Économie", "economie", "Economie 9", "Zoo", "zoo", "(untitled)", "9 lives", "Item 9a", "Item 9", "Ça va", "x"}
	pubs := []string{"", "Le Monde", "le monde", "Die Zeit", "The Ledger 2", "The Ledger 10"}
	var cs []*model.Clipping
	for i := range 120 {
		date := ""
		if i%5 != 0 {
			date = fmt.Sprintf("2024-%02d-%02d", 1+i%3, 1+i%4)
		}
		cs = append(cs, &model.Clipping{Metadata: model.Metadata{Headline: heads[(i*7)%len(heads)], Publication: pubs[(i*5)%len(pubs)], Date: date},
			Body: fmt.Sprintf("body number %d of the test", i)})
	}
	if _, err := f.s.AddClippings(ctx, cs); err != nil {
		t.Fatal(err)
	}
	for i, c := range cs {
		for k := range i % 4 {
			if err := f.s.AddAnnotation(ctx, &model.Annotation{ClippingID: c.ID, TagID: f.tags["claim"].ID, CoderID: f.coder.ID, Start: k, End: k + 2}); err != nil {
				t.Fatal(err)
			}
		}
	}
	const nat = ` COLLATE ` + collNatural
	const count = `(SELECT count(*) FROM annotations a WHERE a.clipping_id = c.id AND a.deleted_at IS NULL)`
	for _, tc := range []struct {
		o   LibraryOrder
		sql string
	}{
		{OrderLibrary, `c.date, c.headline, c.id`},
		{OrderOldest, `c.date = '', c.date, c.headline` + nat + `, c.id`},
		{OrderNewest, `c.date DESC, c.headline` + nat + `, c.id`},
		{OrderHeadline, `c.headline` + nat + `, c.id`},
		{OrderPublication, `c.publication` + nat + `, c.date = '', c.date, c.headline` + nat + `, c.id`},
		{OrderAnnotations, count + ` DESC, c.headline` + nat + `, c.id`},
	} {
		rows, err := f.s.db.QueryContext(ctx, `SELECT c.id FROM clippings c ORDER BY `+tc.sql)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			want = append(want, id)
		}
		rows.Close()
		lf := LibraryFilter{Order: tc.o}
		page, err := f.s.LibraryPage(ctx, lf, 0, 1000)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range page {
			got = append(got, s.ID)
		}
		if !slices.Equal(got, want) {
			t.Errorf("order %d differs from SQL:\n got %v\nwant %v", tc.o, got, want)
			continue
		}
		for i := 0; i < len(page); i += 7 {
			next, err := f.s.LibraryPageAfter(ctx, lf, page[i], 5)
			if err != nil {
				t.Fatal(err)
			}
			if w := page[i+1 : min(i+6, len(page))]; !slices.Equal(next, w) {
				t.Errorf("order %d after row %d: %d rows, want %d", tc.o, i, len(next), len(w))
			}
		}
	}
}
