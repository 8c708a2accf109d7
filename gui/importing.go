package gui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"clipper/model/ingest"
	"clipper/model/store"
)

// importDialog asks for a clipping file to import.
func (u *UI) importDialog() {
	u.askOpenPath([]string{".txt", ".html", ".htm", ".mhtml", ".mht", ".docx", ".doc", ".rtf", ".pdf", ".md", ".markdown", ".eml", ".xml", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}, func(path string) {
		u.importPaths([]string{path})
	})
}

// importFolderDialog asks for a folder whose clippings are all imported.
func (u *UI) importFolderDialog() {
	dialog.ShowFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if l != nil {
			u.importPaths([]string{l.Path()})
		}
	}, u.win)
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

// importPaths imports files and folders as a background job, then reports
// per-file results. Files are committed whole, a batch at a time: after a
// cancel or a failure the files committed before it stay imported, and
// the report says which.
func (u *UI) importPaths(paths []string) {
	detail := baseName(paths[0])
	if len(paths) > 1 {
		detail = fmt.Sprintf("%s and %d more", detail, len(paths)-1)
	}
	startJob(u, job[importOutcome]{
		title:  "Importing",
		detail: detail,
		unit:   "files",
		work: func(ctx context.Context, st *store.Store, report func(int, int)) (importOutcome, error) {
			if ro, why := st.ReadOnly(); ro {
				return importOutcome{}, fmt.Errorf("%w: %s", store.ErrReadOnly, why)
			}
			results, err := ingest.ImportPaths(ctx, st, paths, func(p ingest.Progress) { report(p.FilesDone, p.Files) })
			// Files committed before a cancel or a failure stay imported:
			// the report lists them either way.
			return importOutcome{results: results, err: err}, nil
		},
		done:   u.importDone,
		failed: "import failed, nothing was added",
	})
}

// importOutcome is what an import job hands back: the per-file reports
// and, when it stopped early, why.
type importOutcome struct {
	results []ingest.FileReport
	err     error
}

// importDone refreshes the library, opens the first new clipping and says
// what happened to each file that did not simply import.
func (u *UI) importDone(o importOutcome) {
	results := o.results
	cancelled := errors.Is(o.err, context.Canceled)
	if o.err != nil && !cancelled {
		u.showError(fmt.Errorf("import stopped; the files listed before the stop were imported: %w", o.err))
	}
	var added, dups, failed int
	var problems []string
	first := ""
	for _, r := range results {
		a, d, _ := r.Counts()
		added, dups = added+a, dups+d
		switch {
		case r.Err != nil:
			failed++
			problems = append(problems, r.Err.Error())
			continue
		case r.Skipped != "":
			continue
		}
		if r.Archive || a != 1 {
			problems = append(problems, fmt.Sprintf("%s: %s", baseName(r.Path), r.Summary()))
		}
		for _, ar := range r.Articles {
			if ar.ID != "" && ar.Duplicate == "" && first == "" {
				first = ar.ID
			}
			if ar.Duplicate != "" && !r.Archive {
				problems = append(problems, fmt.Sprintf("%s: already in the project (%s)", baseName(r.Path), orUntitled(ar.Headline)))
			}
		}
		for _, w := range r.Warnings {
			problems = append(problems, fmt.Sprintf("%s: %s", baseName(r.Path), w))
		}
	}
	if err := u.lib.reload(); err != nil {
		u.showError(err)
	}
	if first != "" {
		u.lib.selectID(first)
	}
	u.updateStatus()
	summary := fmt.Sprintf("%d clipping(s) imported, %d already in the project, %d file(s) could not be read.",
		added, dups, failed)
	if cancelled {
		summary = fmt.Sprintf("Import cancelled; %d clipping(s) imported before the stop stay in the project.", added)
	}
	if len(problems) == 0 {
		u.flash(summary)
		return
	}
	details := widget.NewLabel(strings.Join(problems, "\n"))
	details.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(details)
	scroll.SetMinSize(fyne.NewSize(520, 160))
	dialog.ShowCustom("Import finished", "OK", container.NewBorder(widget.NewLabel(summary), nil, nil, nil, scroll), u.win)
}

// pasteClipping adds the clipboard's text as a new clipping.
func (u *UI) pasteClipping() {
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
