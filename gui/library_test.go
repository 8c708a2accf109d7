package gui

import (
	"context"
	"slices"
	"testing"

	"clipper/model"
	"clipper/model/store"
)

// listed returns the library's rows in the listed order, as the list
// reads them (a page at a time).
func listed(u *UI) []store.ClippingSummary {
	var out []store.ClippingSummary
	for i := range u.lib.list.Length() {
		it, ok := u.lib.row(i)
		if !ok {
			break
		}
		out = append(out, it)
	}
	return out
}

// listedHeadlines returns the library's headlines in the listed order.
func listedHeadlines(u *UI) []string {
	var hs []string
	for _, it := range listed(u) {
		hs = append(hs, it.Headline)
	}
	return hs
}

// TestLibrarySortOrders lists clippings by each order the sort menu
// offers: headlines in natural order (numbers by value, case aside), date
// either way with undated clippings last, publication, annotation count.
func TestLibrarySortOrders(t *testing.T) {
	u, st := newTestUI(t)
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
	}
	fig, _ := tagNamed(t, u, "figure")
	for _, c := range clips {
		res, err := st.AddClipping(ctx, &model.Clipping{
			Metadata: model.Metadata{Headline: c.head, Publication: c.pub, Date: c.date},
			Body:     c.head + " body text with some words " + c.pub,
		})
		if err != nil {
			t.Fatal(err)
		}
		for i := range c.anns {
			a := &model.Annotation{ClippingID: res.ID, TagID: fig.ID, CoderID: u.coder.ID, Start: i, End: i + 3}
			if err := st.AddAnnotation(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
	}
	// The sample clipping (The Harbor Ledger) has no date and no annotations.
	if err := u.lib.reload(); err != nil {
		t.Fatal(err)
	}
	sample := u.clip.Headline
	tests := []struct {
		order string
		want  []string
	}{
		{sortHeadline, []string{sample, "Économie 9", "Report 0", "Report 1", "Report 2", "report 10", "Report 100"}},
		{sortOldest, []string{"Report 1", "report 10", "Report 0", "Économie 9", "Report 100", sample, "Report 2"}},
		{sortNewest, []string{"Report 100", "Économie 9", "Report 0", "report 10", "Report 1", sample, "Report 2"}},
		// Die Zeit (2023, 2024) · le Figaro · Le Monde (February, March) · The Harbor Ledger (2022, undated)
		{sortPublication, []string{"report 10", "Report 0", "Report 2", "Économie 9", "Report 100", "Report 1", sample}},
		{sortAnnotations, []string{"Report 0", "report 10", "Report 2", sample, "Économie 9", "Report 1", "Report 100"}},
	}
	for _, tc := range tests {
		u.lib.sorter.SetSelected(tc.order)
		if got := listedHeadlines(u); !slices.Equal(got, tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.order, got, tc.want)
		}
	}
	if got := u.app.Preferences().String(prefLibrarySort); got != sortAnnotations {
		t.Errorf("remembered sort = %q", got)
	}
	// The open clipping stays selected whatever the order.
	if i := slices.IndexFunc(listed(u), func(s store.ClippingSummary) bool { return s.ID == u.clip.ID }); i < 0 {
		t.Fatal("open clipping not listed")
	}
}
