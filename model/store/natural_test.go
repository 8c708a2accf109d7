package store

import (
	"context"
	"slices"
	"testing"

	"clipper/model"
)

func TestNaturalCompare(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"Report 2", "Report 10", -1},
		{"report 10", "Report 100", -1},
		{"Report 007", "Report 8", -1},
		{"Report 10", "report 10", -1}, // equal but for case: the bytes decide
		{"Économie", "Report", -1},
		{"économie", "Economie", 1},
		{"Die Zeit", "le Figaro", -1},
		{"le Figaro", "Le Monde", -1},
		{"", "A", -1},
		{"A", "A", 0},
		{"(untitled)", "1 story", -1},
		{"9 lives", "Zoo", -1},
		{"Item 9", "Item 9a", -1},
		{"x", "xy", -1},
	}
	for _, tc := range tests {
		got := naturalCompare(tc.a, tc.b)
		if got != tc.want {
			t.Errorf("naturalCompare(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if back := naturalCompare(tc.b, tc.a); back != -tc.want {
			t.Errorf("naturalCompare(%q, %q) = %d, not the reverse", tc.b, tc.a, back)
		}
	}
}

// TestLibraryOrders: every sort order of the library lists the same
// clippings in its order, page by page, and LibraryIndex gives each
// clipping's position in it.
func TestLibraryOrders(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	clips := []struct {
		head, pub, date string
		anns            int
	}{
		{"Report 100", "Le Monde", "2024-03-01", 0},
		{"report 10", "Die Zeit", "2023-12-24", 2},
		{"Report 2", "le Figaro", "", 1},
		{"Report 0", "Die Zeit", "2024-01-15", 3},
		{"Report 1", "The Harbor Ledger", "2022-07-04", 0},
		{"Économie 9", "Le Monde", "2024-02-01", 0},
		{"Report 3", "", "", 0},
	}
	for _, c := range clips {
		mc := &model.Clipping{Metadata: model.Metadata{Headline: c.head, Publication: c.pub, Date: c.date}, Body: c.head + " body text here"}
		if _, err := f.s.AddClipping(ctx, mc); err != nil {
			t.Fatal(err)
		}
		for i := range c.anns {
			a := &model.Annotation{ClippingID: mc.ID, TagID: f.tags["figure"].ID, CoderID: f.coder.ID, Start: i, End: i + 3}
			if err := f.s.AddAnnotation(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
	}
	// The fixture's own clipping: "Prices", no publication, 2024-05-03.
	tests := []struct {
		order LibraryOrder
		want  []string
	}{
		{OrderHeadline, []string{"Économie 9", "Prices", "Report 0", "Report 1", "Report 2", "Report 3", "report 10", "Report 100"}},
		{OrderOldest, []string{"Report 1", "report 10", "Report 0", "Économie 9", "Report 100", "Prices", "Report 2", "Report 3"}},
		{OrderNewest, []string{"Prices", "Report 100", "Économie 9", "Report 0", "report 10", "Report 1", "Report 2", "Report 3"}},
		{OrderPublication, []string{"Prices", "Report 3", "report 10", "Report 0", "Report 2", "Économie 9", "Report 100", "Report 1"}},
		{OrderAnnotations, []string{"Report 0", "report 10", "Report 2", "Économie 9", "Prices", "Report 1", "Report 3", "Report 100"}},
	}
	for _, tc := range tests {
		lf := LibraryFilter{Order: tc.order}
		var got []string
		var ids []string
		for off := 0; ; off += 3 {
			page, err := f.s.LibraryPage(ctx, lf, off, 3)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range page {
				got = append(got, s.Headline)
				ids = append(ids, s.ID)
			}
			if len(page) < 3 {
				break
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("order %d:\n got %q\nwant %q", tc.order, got, tc.want)
		}
		// Page after page by the last row read: the same order.
		var after []string
		page, err := f.s.LibraryPage(ctx, lf, 0, 2)
		for err == nil && len(page) > 0 {
			for _, s := range page {
				after = append(after, s.Headline)
			}
			page, err = f.s.LibraryPageAfter(ctx, lf, page[len(page)-1], 2)
		}
		if err != nil || !slices.Equal(after, tc.want) {
			t.Errorf("order %d, page after page:\n got %q (%v)\nwant %q", tc.order, after, err, tc.want)
		}
		for i, id := range ids {
			if k, err := f.s.LibraryIndex(ctx, lf, id); err != nil || k != i {
				t.Errorf("order %d: LibraryIndex(%s) = %d, %v; want %d", tc.order, got[i], k, err, i)
			}
			if n, k, err := f.s.LibraryCountIndex(ctx, lf, id); err != nil || n != len(ids) || k != i {
				t.Errorf("order %d: LibraryCountIndex(%s) = %d, %d, %v; want %d, %d", tc.order, got[i], n, k, err, len(ids), i)
			}
		}
	}
	// With a filter: the Die Zeit clippings, oldest first.
	lf := LibraryFilter{Publication: "Die Zeit", Order: OrderOldest}
	page, err := f.s.LibraryPage(ctx, lf, 1, 5)
	if err != nil || len(page) != 1 || page[0].Headline != "Report 0" {
		t.Errorf("Die Zeit from 1: %v %v", page, err)
	}
	if n, k, err := f.s.LibraryCountIndex(ctx, lf, page[0].ID); err != nil || n != 2 || k != 1 {
		t.Errorf("Die Zeit: count %d, index of Report 0 %d, %v", n, k, err)
	}
	if n, k, err := f.s.LibraryCountIndex(ctx, lf, f.clip.ID); err != nil || n != 2 || k != -1 {
		t.Errorf("Die Zeit: count %d, index of a clipping not listed %d, %v", n, k, err)
	}
	if n, k, err := f.s.LibraryCountIndex(ctx, lf, ""); err != nil || n != 2 || k != -1 {
		t.Errorf("Die Zeit, no open clipping: count %d, index %d, %v", n, k, err)
	}
}
