package gui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"clipper/model/ingest"
	"clipper/model/store"
)

// importable lists the file types the import dialog offers: what
// model/ingest reads (images need tesseract for OCR).
var importable = []string{".txt", ".text", ".html", ".htm", ".xhtml", ".xml", ".docx", ".doc", ".rtf",
	".md", ".markdown", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}

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

// importPaths imports files and folders as a background job, then reports
// per-file results. The import is one transaction: cancelled or failed,
// it adds nothing.
func (u *UI) importPaths(paths []string) {
	detail := baseName(paths[0])
	if len(paths) > 1 {
		detail = fmt.Sprintf("%s and %d more", detail, len(paths)-1)
	}
	startJob(u, job[[]ingest.FileResult]{
		title:  "Importing",
		detail: detail,
		unit:   "files read",
		work: func(ctx context.Context, st *store.Store, report func(int, int)) ([]ingest.FileResult, error) {
			return ingest.ImportPaths(ctx, st, paths, report)
		},
		done:      u.importDone,
		failed:    "import failed, nothing was added",
		cancelled: "Import cancelled; nothing was added.",
	})
}

// importDone refreshes the library, opens the first new clipping and says
// what happened to each file that did not simply import.
func (u *UI) importDone(results []ingest.FileResult) {
	var added, dups int
	var problems []string
	first := ""
	for _, r := range results {
		switch {
		case r.Err != nil:
			problems = append(problems, r.Err.Error())
		case r.Duplicate:
			dups++
			problems = append(problems, fmt.Sprintf("%s: already in the project (%s)", baseName(r.Path), orUntitled(r.Headline)))
		default:
			added++
			if first == "" {
				first = r.ID
			}
			for _, w := range r.Warnings {
				problems = append(problems, fmt.Sprintf("%s: %s", baseName(r.Path), w))
			}
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
		added, dups, len(results)-added-dups)
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
