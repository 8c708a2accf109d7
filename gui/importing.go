package gui

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"clipper/model/ingest"
	"clipper/model/store"
)

// importable lists the file types the import dialog offers: what
// model/ingest reads (images need tesseract for OCR).
var importable = []string{".txt", ".text", ".html", ".htm", ".xhtml", ".mhtml", ".mht", ".xml", ".eml",
	".docx", ".doc", ".rtf", ".md", ".markdown", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}

// importDialog asks for a clipping file to import.
func (u *UI) importDialog() {
	u.askOpenPath(importable, func(path string) {
		u.importPaths([]string{path})
	})
}

// importFolderDialog asks for a folder whose clippings are all imported.
func (u *UI) importFolderDialog() {
	u.askFolder(func(path string) { u.importPaths([]string{path}) })
}

// dropped imports files and folders dropped on the window.
func (u *UI) dropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, uri := range uris {
		if uri.Scheme() == "file" {
			paths = append(paths, uri.Path())
		}
	}
	if len(paths) > 0 {
		u.importPaths(paths)
	}
}

// importPaths imports files and folders as a background job whose
// progress counts files and articles, then reports per file (see
// importreport.go). Files are committed whole, a batch at a time: after a
// cancel or a failure the files committed before it stay imported and the
// report lists them; when nothing was added the job fails or is cancelled
// as a whole ("nothing was added").
func (u *UI) importPaths(paths []string) {
	detail := shorten(baseName(paths[0]), 40)
	if len(paths) > 1 {
		detail = fmt.Sprintf("%s and %d more", detail, len(paths)-1)
	}
	var articles atomic.Int64 // found so far, for the progress line
	startJob(u, job[importOutcome]{
		title:  "Importing",
		detail: detail,
		unit:   "files",
		count: func(done, total int) string {
			return fmt.Sprintf("%s of %s files · %s", thousands(done), thousands(total),
				counted(int(articles.Load()), "article", "articles"))
		},
		work: func(ctx context.Context, st *store.Store, report func(int, int)) (importOutcome, error) {
			o := importOutcome{st: st}
			o.results, o.err = ingest.ImportPaths(ctx, st, paths, func(p ingest.Progress) {
				o.total = p.Files
				articles.Store(int64(p.Articles))
				report(p.FilesDone, p.Files)
			})
			if o.err != nil && o.added() == 0 {
				return o, o.err // cancelled or failed before anything was added
			}
			return o, nil
		},
		done:      u.importDone,
		failed:    "import failed, nothing was added",
		cancelled: "Import cancelled; nothing was added.",
	})
}

// importOutcome is what an import job hands back: the per-file reports of
// the files committed (or reported as failed), how many files there were
// and, when it stopped early, why.
type importOutcome struct {
	st      *store.Store
	results []ingest.FileReport
	err     error // nil, a cancel or the write error that stopped the import
	total   int   // files to read, as last reported; 0 when none was read
}

// added counts the clippings the import added.
func (o importOutcome) added() int {
	n := 0
	for _, r := range o.results {
		a, _, _ := r.Counts()
		n += a
	}
	return n
}

// importDone refreshes the library, opens the first new clipping and
// reports: in the status bar when every file simply became a clipping, in
// the import report window otherwise (archives, duplicates, articles or
// files not imported, warnings, a stop before the end).
func (u *UI) importDone(o importOutcome) {
	rep := newImportReport(o)
	if err := u.lib.reload(); err != nil {
		u.showError(err)
	}
	if first := rep.firstAdded(); first != "" {
		if err := u.Open(first); err != nil {
			u.showError(err)
		}
	}
	var dups []string
	for _, f := range rep.files {
		for _, a := range f.Articles {
			if a.Duplicate != "" && a.ID != "" {
				dups = append(dups, a.ID)
			}
		}
	}
	rep.headlines(u.lib.summariesOf(dups))
	u.updateStatus()
	u.flash(rep.statusLine())
	if rep.notable() {
		u.showImportReport(rep)
	}
}

// thousands writes n with thousands separators: "25,000".
func thousands(n int) string {
	if n < 0 {
		return "-" + thousands(-n)
	}
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// pasteClipping adds the clipboard's text as a new clipping.
func (u *UI) pasteClipping() {
	if u.waitsForBulk() {
		return
	}
	text := fyne.CurrentApp().Clipboard().Content()
	if strings.TrimSpace(text) == "" {
		dialog.ShowInformation("Paste clipping", "The clipboard holds no text. Copy a clipping's text first.", u.win)
		return
	}
	c, err := ingest.ParseText(text)
	if err != nil {
		u.showError(fmt.Errorf("reading the pasted text: %w", err))
		return
	}
	res, err := u.store.AddClipping(u.ctx(), c)
	if err != nil {
		u.showError(fmt.Errorf("adding the pasted clipping: %w", err))
		return
	}
	if err := u.lib.reload(); err != nil {
		u.showError(err)
	}
	u.lib.selectID(res.ID)
	if res.Duplicate {
		u.flash("That text is already in the project; showing it.")
	} else {
		u.flash("Pasted clipping added.")
	}
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}
