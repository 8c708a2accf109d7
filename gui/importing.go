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
)

// importDialog asks for a clipping file to import.
func (u *UI) importDialog() {
	u.askOpenPath([]string{".txt", ".html", ".htm", ".docx", ".md", ".markdown", ".eml"}, func(path string) {
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

// importPaths imports files and folders in the background with a progress
// dialog, then reports per-file results. The import is one transaction.
func (u *UI) importPaths(paths []string) {
	bar := widget.NewProgressBar()
	label := widget.NewLabel("Reading files…")
	ctx, cancel := context.WithCancel(context.Background())
	prog := dialog.NewCustom("Importing", "Cancel", container.NewVBox(label, bar), u.win)
	prog.SetOnClosed(cancel)
	prog.Resize(fyne.NewSize(420, 0))
	prog.Show()
	go func() {
		results, err := ingest.ImportPaths(ctx, u.store, paths, func(p ingest.Progress) {
			fyne.Do(func() {
				label.SetText(fmt.Sprintf("%d of %d files, %d articles", p.FilesDone, p.Files, p.Articles))
				if p.Files > 0 {
					bar.SetValue(float64(p.FilesDone) / float64(p.Files))
				}
			})
		})
		fyne.Do(func() {
			// Hide runs the close callback, which cancels ctx: harmless now.
			// (SetOnClosed(nil) would chain a nil call and panic.)
			prog.Hide()
			cancel()
			if err != nil {
				u.showError(fmt.Errorf("import stopped; the files listed before the stop were imported: %w", err))
			}
			u.importDone(results)
		})
	}()
}

// importDone refreshes the library, opens the first new clipping and says
// what happened to each file that did not simply import.
func (u *UI) importDone(results []ingest.FileReport) {
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
