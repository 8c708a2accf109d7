package gui

import (
	"context"
	"fmt"
	"slices"
	"strings"
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

// TestLibraryPagesAndFilters: a library of more clippings than one page
// lists them all a page at a time, in order; the count label, the
// publication and date filters and opening a clipping far down work
// through the store.
func TestLibraryPagesAndFilters(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	const n = 2*libPage + 50
	var cs []*model.Clipping
	for i := range n {
		c := &model.Clipping{
			Metadata: model.Metadata{Headline: fmt.Sprintf("Story %d", i),
				Publication: []string{"Die Zeit", "Le Monde", "The Ledger"}[i%3],
				Date:        fmt.Sprintf("20%02d-%02d-%02d", 10+i%12, 1+i%12, 1+i%28)},
			Body: fmt.Sprintf("Story number %d of the test.", i),
		}
		if i%50 == 0 {
			c.Date = ""
		}
		cs = append(cs, c)
	}
	if _, err := st.AddClippings(ctx, cs); err != nil {
		t.Fatal(err)
	}
	if err := u.lib.reload(); err != nil {
		t.Fatal(err)
	}
	rows := listed(u)
	if len(rows) != n+1 || u.lib.count.Text != fmtNum(n+1)+" clippings" {
		t.Fatalf("listed %d rows, label %q", len(rows), u.lib.count.Text)
	}
	seen := map[string]bool{}
	undated := false
	for i, r := range rows {
		if seen[r.ID] {
			t.Fatalf("row %d (%s) listed twice", i, r.Headline)
		}
		seen[r.ID] = true
		if r.Date == "" {
			undated = true
		} else if undated {
			t.Fatalf("row %d is dated %s after an undated one", i, r.Date)
		} else if i > 0 && rows[i-1].Date > r.Date {
			t.Fatalf("row %d dated %s after %s", i, r.Date, rows[i-1].Date)
		}
	}
	if len(u.lib.pages) > libPages {
		t.Errorf("%d pages kept", len(u.lib.pages))
	}

	// Clicking a row far down opens that clipping.
	far, _ := u.lib.row(n - 10)
	u.lib.list.Select(n - 10)
	if u.clip.ID != far.ID {
		t.Errorf("row %d opened %q, want %q", n-10, u.clip.Headline, far.Headline)
	}
	// Opening another one by id finds it in the list.
	other := rows[libPage+7]
	if err := u.Open(other.ID); err != nil || u.clip.ID != other.ID {
		t.Errorf("Open(%s): %v, shows %q", other.Headline, err, u.clip.Headline)
	}

	// The publication filter.
	if !slices.Contains(u.lib.pubSel.Options, "Le Monde") {
		t.Fatalf("publications offered: %q", u.lib.pubSel.Options)
	}
	u.lib.pubSel.SetSelected("Le Monde")
	want := 0
	for _, c := range cs {
		if c.Publication == "Le Monde" {
			want++
		}
	}
	got := listed(u)
	if len(got) != want || u.lib.count.Text != fmt.Sprintf("%d clippings of %s", want, fmtNum(n+1)) {
		t.Errorf("Le Monde: %d listed, label %q, want %d", len(got), u.lib.count.Text, want)
	}
	for _, r := range got {
		if r.Publication != "Le Monde" {
			t.Errorf("listed %q of %s", r.Headline, r.Publication)
		}
	}

	// A date range, typed: it filters once the date is whole.
	u.lib.pubSel.SetSelected(allPublications)
	typeText(u.lib.from, "2015-01-01")
	typeText(u.lib.to, "2016-12-31")
	want = 0
	for _, c := range cs {
		if c.Date != "" && c.Date >= "2015-01-01" && c.Date <= "2016-12-31" {
			want++
		}
	}
	got = listed(u)
	if len(got) != want || want == 0 {
		t.Errorf("2015–2016: %d listed, want %d", len(got), want)
	}
	for _, r := range got {
		if r.Date < "2015-01-01" || r.Date > "2016-12-31" {
			t.Errorf("listed %q dated %q", r.Headline, r.Date)
		}
	}
	// A date that is not one says so on Enter and keeps the list.
	u.lib.to.SetText("2016-13-01")
	u.lib.to.OnSubmitted(u.lib.to.Text)
	if text := overlayText(t, u); !strings.Contains(text, "2016-13-01") {
		t.Errorf("a bad date says:\n%s", text)
	}
	if len(listed(u)) != want {
		t.Error("a bad date changed the list")
	}
}
