package store

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"clipper/model"
)

// TestLibraryFilters: pages, counts and positions of the library list
// agree with filtering ClippingSummaries by hand, for every filter.
func TestLibraryFilters(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	ben, err := f.s.EnsureCoder(ctx, "Ben")
	if err != nil {
		t.Fatal(err)
	}
	cs := newTextGen(9).clippings(40)
	for i, c := range cs {
		c.Publication = []string{"The Ledger", "Le Quotidien"}[i%2]
		c.Date = fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+i%28)
		if i%7 == 0 {
			c.Date = ""
		}
	}
	if _, err := f.s.AddClippings(ctx, cs); err != nil {
		t.Fatal(err)
	}
	type ann struct {
		clip  int
		tag   string
		coder model.Coder
		note  string
	}
	var plan []ann
	for i := range cs {
		if i%3 == 0 {
			plan = append(plan, ann{i, "claim", f.coder, ""})
		}
		if i%4 == 0 {
			plan = append(plan, ann{i, "quote", ben, ""})
		}
		if i%10 == 5 {
			plan = append(plan, ann{i, "figure", ben, "zyxwv checked"})
		}
	}
	for _, p := range plan {
		a := &model.Annotation{ClippingID: cs[p.clip].ID, TagID: f.tags[p.tag].ID, CoderID: p.coder.ID, Start: 0, End: 4,
			Attributes: model.Attributes{Note: p.note}}
		if err := f.s.AddAnnotation(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	// A deleted annotation counts for nothing.
	del := f.mustAdd(t, "figure", 0, 3)
	if err := f.s.DeleteAnnotation(ctx, f.coder.ID, del.ID); err != nil {
		t.Fatal(err)
	}
	all, err := f.s.ClippingSummaries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	has := func(id, tag string, coder model.Coder, anyCoder bool) bool {
		for _, p := range plan {
			if cs[p.clip].ID == id && (tag == "" || p.tag == tag) && (anyCoder || p.coder.ID == coder.ID) {
				return true
			}
		}
		return false
	}
	date := map[string]string{}
	for _, c := range append(cs, f.clip) {
		date[c.ID] = c.Date
	}
	for _, tc := range []struct {
		name string
		f    LibraryFilter
		keep func(s ClippingSummary) bool
	}{
		{"none", LibraryFilter{}, func(ClippingSummary) bool { return true }},
		{"tag", LibraryFilter{TagID: f.tags["quote"].ID}, func(s ClippingSummary) bool { return has(s.ID, "quote", model.Coder{}, true) }},
		{"coder", LibraryFilter{CoderID: ben.ID}, func(s ClippingSummary) bool { return has(s.ID, "", ben, false) }},
		{"tag and coder", LibraryFilter{TagID: f.tags["claim"].ID, CoderID: ben.ID}, func(s ClippingSummary) bool { return has(s.ID, "claim", ben, false) }},
		{"deleted only", LibraryFilter{TagID: f.tags["figure"].ID, CoderID: f.coder.ID}, func(ClippingSummary) bool { return false }},
		{"publication", LibraryFilter{Publication: "Le Quotidien"}, func(s ClippingSummary) bool { return s.Publication == "Le Quotidien" }},
		{"dates", LibraryFilter{DateFrom: "2024-03-01", DateTo: "2024-06-30"}, func(s ClippingSummary) bool {
			return date[s.ID] != "" && date[s.ID] >= "2024-03-01" && date[s.ID] <= "2024-06-30"
		}},
		{"search note", LibraryFilter{Search: "zyxwv"}, func(s ClippingSummary) bool { return has(s.ID, "figure", ben, false) }},
		{"all", LibraryFilter{TagID: f.tags["quote"].ID, Publication: "The Ledger", DateFrom: "2024-01-01"}, func(s ClippingSummary) bool {
			return has(s.ID, "quote", model.Coder{}, true) && s.Publication == "The Ledger" && date[s.ID] >= "2024-01-01"
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var want []ClippingSummary
			for _, s := range all {
				if tc.keep(s) {
					want = append(want, s)
				}
			}
			n, err := f.s.LibraryCount(ctx, tc.f)
			if err != nil || n != len(want) {
				t.Fatalf("count %d %v, want %d", n, err, len(want))
			}
			var paged []ClippingSummary
			for off := 0; off < n+7; off += 7 {
				page, err := f.s.LibraryPage(ctx, tc.f, off, 7)
				if err != nil {
					t.Fatal(err)
				}
				paged = append(paged, page...)
			}
			var streamed []ClippingSummary
			for s, err := range f.s.Reader().ClippingSummaries(ctx, tc.f) {
				if err != nil {
					t.Fatal(err)
				}
				streamed = append(streamed, s)
			}
			if !slices.Equal(paged, want) || !slices.Equal(streamed, want) {
				t.Fatalf("paged %v\nstreamed %v\nwant %v", paged, streamed, want)
			}
			for i, s := range want {
				if k, err := f.s.LibraryIndex(ctx, tc.f, s.ID); err != nil || k != i {
					t.Errorf("index of %s: %d %v, want %d", s.ID, k, err, i)
				}
			}
			if len(want) < len(all) {
				for _, s := range all {
					if !tc.keep(s) {
						if k, err := f.s.LibraryIndex(ctx, tc.f, s.ID); err != nil || k != -1 {
							t.Errorf("index of a clipping left out: %d %v", k, err)
						}
						break
					}
				}
			}
		})
	}
	if _, err := f.s.LibraryCount(ctx, LibraryFilter{DateFrom: "March"}); err == nil {
		t.Error("a bad date was accepted")
	}
	pubs, err := f.s.Publications(ctx)
	if err != nil || !slices.Equal(pubs, []string{"Le Quotidien", "The Ledger"}) {
		t.Errorf("publications %v %v", pubs, err)
	}
}
