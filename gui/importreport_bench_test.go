package gui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"clipper/model/ingest"
	"clipper/model/store"
)

// bigImport is the outcome of importing 50 archive exports of 500
// articles (25,000), one in 50 a duplicate and one in 250 without text,
// and the library it left.
func bigImport() (importOutcome, []store.ClippingSummary) {
	var o importOutcome
	var lib []store.ClippingSummary
	for f := range 50 {
		r := ingest.FileReport{Path: fmt.Sprintf("/data/downloads/nexis-%02d.docx", f), Format: "Nexis Uni DOCX",
			Archive: true, Announced: 500, LeftOut: []string{"cover page"}}
		for n := 1; n <= 500; n++ {
			a := ingest.ArticleReport{N: n, Headline: fmt.Sprintf("Council votes on the budget, part %d of file %d", n, f),
				Publication: "The Harbor Ledger", Date: "2024-05-03", ID: fmt.Sprintf("clip-%02d-%03d", f, n)}
			switch {
			case n%250 == 0:
				a.ID, a.Problem = "", "the document has no text"
			case n%50 == 0:
				a.ID, a.Duplicate = fmt.Sprintf("clip-%02d-%03d", f, n-1), ingest.DupSameText
			default:
				lib = append(lib, store.ClippingSummary{ID: a.ID, Headline: a.Headline})
			}
			r.Articles = append(r.Articles, a)
		}
		o.results = append(o.results, r)
	}
	o.total = 50
	return o, lib
}

// BenchmarkImportReport25k builds the report of a 25,000-article import
// and its plain text (Copy report).
func BenchmarkImportReport25k(b *testing.B) {
	o, lib := bigImport()
	b.ReportAllocs()
	for b.Loop() {
		r := newImportReport(o)
		r.headlines(lib)
		if len(r.text()) == 0 {
			b.Fatal("empty report")
		}
	}
}

// BenchmarkReportWindow25k opens the report window of a 25,000-article
// import.
func BenchmarkReportWindow25k(b *testing.B) {
	o, lib := bigImport()
	u := &UI{app: test.NewTempApp(b)}
	b.ReportAllocs()
	for b.Loop() {
		r := newImportReport(o)
		r.headlines(lib)
		rw := newReportWindow(u, r)
		rw.win.Show()
		rw.win.Close()
	}
}

// BenchmarkReportScroll25k jumps, in the report of a 25,000-article import
// with every file opened (25,000 rows), to an article and back to the top.
func BenchmarkReportScroll25k(b *testing.B) {
	o, lib := bigImport()
	u := &UI{app: test.NewTempApp(b)}
	r := newImportReport(o)
	r.headlines(lib)
	rw := newReportWindow(u, r)
	rw.win.Resize(fyne.NewSize(760, 580))
	rw.win.Show()
	for f := range r.files {
		rw.tree.OpenBranch(fileNode(f))
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		rw.tree.ScrollTo(fmt.Sprintf("f%d/a%d", i%50, (i*37)%500))
		rw.tree.ScrollToTop()
	}
}
