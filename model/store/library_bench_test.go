package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"clipper/model"
	"clipper/model/store"
	"clipper/model/store/fixture"
)

// BenchmarkLibraryFilterChange measures what the library list does when a
// filter or the sort order changes on the scale project: count the
// clippings the filter selects and find the open clipping's position in
// the list (one pass, LibraryCountIndex), then read the first page of rows. Target: ≤ 200 ms per op on 50,000
// clippings.
func BenchmarkLibraryFilterChange(b *testing.B) {
	ctx := context.Background()
	lp := openLibraryProject(b)
	st, tags, coders, open := lp.st, lp.tags, lp.coders, lp.open
	pubs, err := st.Publications(ctx)
	if err != nil || len(pubs) == 0 {
		b.Fatal("publications:", err)
	}
	filters := []struct {
		name string
		f    store.LibraryFilter
	}{
		{"none", store.LibraryFilter{}},
		{"tag", store.LibraryFilter{TagID: tags[0].ID}},
		{"coder", store.LibraryFilter{CoderID: coders[0].ID}},
		{"publication", store.LibraryFilter{Publication: pubs[0]}},
		{"dates", store.LibraryFilter{DateFrom: "2021-01-01", DateTo: "2021-06-30"}},
		{"search", store.LibraryFilter{Search: "café"}},
	}
	orders := []struct {
		name string
		o    store.LibraryOrder
	}{
		{"oldest", store.OrderOldest}, {"newest", store.OrderNewest}, {"headline", store.OrderHeadline},
		{"publication", store.OrderPublication}, {"annotations", store.OrderAnnotations},
	}
	for _, o := range orders {
		for _, f := range filters {
			flt := f.f
			flt.Order = o.o
			b.Run(o.name+"/"+f.name, func(b *testing.B) {
				for b.Loop() {
					n, _, err := st.LibraryCountIndex(ctx, flt, open)
					if err != nil {
						b.Fatal(err)
					}
					page, err := st.LibraryPage(ctx, flt, 0, 200)
					if err != nil {
						b.Fatal(err)
					}
					if n > 0 && len(page) == 0 {
						b.Fatalf("%d clippings, empty first page", n)
					}
					b.ReportMetric(float64(n), "clippings")
				}
			})
		}
	}
}

// BenchmarkLibraryDeepPage reads a page of 200 rows near the end of the
// scale project's list in each order: what jumping far down costs, and
// (/after) reading the next page by the last row of the one before, as
// scrolling down does.
func BenchmarkLibraryDeepPage(b *testing.B) {
	ctx := context.Background()
	st := openScaleCopy(b)
	n, err := st.LibraryCount(ctx, store.LibraryFilter{})
	if err != nil {
		b.Fatal(err)
	}
	for _, o := range []struct {
		name string
		o    store.LibraryOrder
	}{
		{"oldest", store.OrderOldest}, {"newest", store.OrderNewest}, {"headline", store.OrderHeadline},
		{"publication", store.OrderPublication}, {"annotations", store.OrderAnnotations},
	} {
		f := store.LibraryFilter{Order: o.o}
		b.Run(o.name, func(b *testing.B) {
			for b.Loop() {
				page, err := st.LibraryPage(ctx, f, n-300, 200)
				if err != nil || len(page) != 200 {
					b.Fatal(len(page), err)
				}
			}
		})
		// The next page after the one before it, as scrolling reads it.
		prev, err := st.LibraryPage(ctx, f, n-301, 1)
		if err != nil || len(prev) != 1 {
			b.Fatal(len(prev), err)
		}
		b.Run(o.name+"/after", func(b *testing.B) {
			for b.Loop() {
				page, err := st.LibraryPageAfter(ctx, f, prev[0], 200)
				if err != nil || len(page) != 200 {
					b.Fatal(len(page), err)
				}
			}
		})
	}
}

// BenchmarkLibraryFilterChangeCold is BenchmarkLibraryFilterChange's
// first filter change after the project opened (/open: the library
// index read from nothing) or after a write (/write: the store's own
// annotation, its time not counted; the index is read again, its
// natural ranks reused), for the filters that read annotations.
func BenchmarkLibraryFilterChangeCold(b *testing.B) {
	ctx := context.Background()
	lp := openLibraryProject(b)
	st, tags, coders, open := lp.st, lp.tags, lp.coders, lp.open
	for _, o := range []struct {
		name string
		o    store.LibraryOrder
	}{
		{"oldest", store.OrderOldest}, {"headline", store.OrderHeadline},
		{"publication", store.OrderPublication}, {"annotations", store.OrderAnnotations},
	} {
		for _, f := range []struct {
			name string
			f    store.LibraryFilter
		}{
			{"none", store.LibraryFilter{}},
			{"tag", store.LibraryFilter{TagID: tags[1].ID}},
			{"coder", store.LibraryFilter{CoderID: coders[1].ID}},
		} {
			flt := f.f
			flt.Order = o.o
			change := func(b *testing.B) {
				n, _, err := st.LibraryCountIndex(ctx, flt, open)
				if err != nil {
					b.Fatal(err)
				}
				if page, err := st.LibraryPage(ctx, flt, 0, 200); err != nil || len(page) == 0 {
					b.Fatal(len(page), err)
				}
				b.ReportMetric(float64(n), "clippings")
			}
			b.Run(o.name+"/"+f.name+"/open", func(b *testing.B) {
				for b.Loop() {
					b.StopTimer()
					st.DropLibraryIndex()
					b.StartTimer()
					change(b)
				}
			})
			b.Run(o.name+"/"+f.name+"/write", func(b *testing.B) {
				for b.Loop() {
					b.StopTimer()
					a := &model.Annotation{ClippingID: open, TagID: tags[1].ID, CoderID: coders[1].ID, Start: 0, End: 3}
					if err := st.AddAnnotation(ctx, a); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
					change(b)
				}
			})
		}
	}
}

// libraryProject is a copy of the scale project, open, with its tags and
// coders and a clipping in the middle of the list (the open one).
type libraryProject struct {
	st     *store.Store
	tags   []model.Tag
	coders []model.Coder
	open   string
}

// openScaleCopy opens a copy of the scale project for b, closed when b
// ends.
func openScaleCopy(b *testing.B) *store.Store {
	b.Helper()
	spec, _ := scaleSpecs()
	path := filepath.Join(b.TempDir(), "project.clip")
	if err := fixture.Copy(context.Background(), spec, path); err != nil {
		b.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// openLibraryProject is openScaleCopy with the project's tags, coders and
// the clipping at position 25,000.
func openLibraryProject(b *testing.B) libraryProject {
	b.Helper()
	ctx := context.Background()
	lp := libraryProject{st: openScaleCopy(b)}
	var err error
	if lp.tags, err = lp.st.Tags(ctx); err != nil {
		b.Fatal(err)
	}
	if lp.coders, err = lp.st.Coders(ctx); err != nil {
		b.Fatal(err)
	}
	mid, err := lp.st.LibraryPage(ctx, store.LibraryFilter{}, 25000, 1)
	if err != nil || len(mid) != 1 {
		b.Fatal("a clipping in the middle:", err)
	}
	lp.open = mid[0].ID
	return lp
}
