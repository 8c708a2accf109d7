package gui

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"clipper/export"
	"clipper/model/store"
)

// formatLabels describes each export format in the dialog.
var formatLabels = map[export.Format]string{
	export.XLSX:   "Excel workbook (.xlsx) — annotations, quotes, figures, claims, clippings, codebook, matrix",
	export.CSV:    "CSV for spreadsheets (.csv)",
	export.CSVRaw: "CSV for scripts (.csv, plain)",
	export.JSON:   "W3C Web Annotation (.jsonld)",
	export.QDPX:   "REFI-QDA project for NVivo, ATLAS.ti, MAXQDA, QualCoder (.qdpx)",
	export.QDC:    "REFI-QDA codebook (.qdc)",
}

const (
	scopeAll    = "All clippings"
	scopeListed = "The clippings listed in the library (search and filters)"
	scopeThis   = "This clipping"
)

// exportDialog asks for format, scope and destination, exports in the
// background with a progress bar, and offers to open the result.
func (u *UI) exportDialog() {
	var labels []string
	for _, f := range export.Formats() {
		labels = append(labels, formatLabels[f])
	}
	format := widget.NewSelect(labels, nil)
	format.SetSelected(labels[0])
	scope := widget.NewRadioGroup([]string{scopeAll, scopeListed, scopeThis}, nil)
	scope.SetSelected(scopeAll)
	if u.clip.ID == "" {
		scope.Disable()
	}
	tagChecks := widget.NewCheckGroup(nil, nil)
	for _, t := range u.tags {
		tagChecks.Append(t.Name)
	}
	tagChecks.SetSelected(tagChecks.Options)
	coders := []string{allCoders}
	coders = append(coders, u.lib.coderNames()...)
	coder := widget.NewSelect(coders, nil)
	coder.SetSelected(allCoders)
	items := []*widget.FormItem{
		widget.NewFormItem("Format", format),
		widget.NewFormItem("Clippings", scope),
		widget.NewFormItem("Tags", tagChecks),
		widget.NewFormItem("Coder", coder),
	}
	d := dialog.NewForm("Export", "Choose file…", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		var f export.Format
		for k, v := range formatLabels {
			if v == format.Selected {
				f = k
			}
		}
		filter := export.Filter{}
		switch scope.Selected {
		case scopeThis:
			filter.ClippingIDs = []string{u.clip.ID}
		case scopeListed:
			ids, err := u.lib.listedIDs(u.ctx())
			if err != nil {
				u.showError(fmt.Errorf("listing the clippings to export: %w", err))
				return
			}
			filter.ClippingIDs = ids
			if len(filter.ClippingIDs) == 0 {
				dialog.ShowInformation("Export", "The library lists no clippings: clear the search or filters.", u.win)
				return
			}
		}
		if len(tagChecks.Selected) < len(tagChecks.Options) {
			filter.TagNames = append([]string(nil), tagChecks.Selected...)
			if len(filter.TagNames) == 0 {
				dialog.ShowInformation("Export", "Choose at least one tag.", u.win)
				return
			}
		}
		if coder.Selected != allCoders {
			filter.Coder = coder.Selected
		}
		u.chooseExportFile(f, filter)
	}, u.win)
	d.Resize(fyne.NewSize(620, 0))
	d.Show()
}

// chooseExportFile asks where to write, then runs the export.
func (u *UI) chooseExportFile(f export.Format, filter export.Filter) {
	name := strings.TrimSuffix(filepath.Base(u.store.Path()), filepath.Ext(u.store.Path()))
	u.askSavePath("Export to", name+f.Ext(), f.Ext(), true, func(path string) {
		u.runExport(path, f, filter)
	})
}

// runExport writes the file as a background job. It checks the
// destination again just before writing: never the open project, never
// any Clipper project.
func (u *UI) runExport(path string, f export.Format, filter export.Filter) {
	creator := u.coder.Name
	startJob(u, job[export.Report]{
		title:  "Exporting",
		detail: filepath.Base(path),
		work: func(ctx context.Context, st *store.Store, report func(int, int)) (export.Report, error) {
			if err := refuseReplacing(path, st.Path(), true); err != nil {
				return export.Report{}, err
			}
			d, err := export.Open(ctx, st, creator)
			if err != nil {
				return export.Report{}, err
			}
			d = d.Select(filter)
			if f == export.XLSX {
				// the Agreement sheet, when two coders annotated a clipping
				if err := d.AttachAgreement(ctx); err != nil {
					return export.Report{}, err
				}
			}
			return export.WriteFile(ctx, path, f, d, report)
		},
		done:      func(rep export.Report) { u.exportDone(path, rep) },
		failed:    fmt.Sprintf("export to %s failed (no file was written)", path),
		cancelled: "Export cancelled; no file was written.",
	})
}

// exportDone says what was written and offers to open the file.
func (u *UI) exportDone(path string, rep export.Report) {
	msg := fmt.Sprintf("%s from %s written to\n%s", count(rep.Annotations, "annotation", "annotations"), count(rep.Clippings, "clipping", "clippings"), path)
	if len(rep.Warnings) > 0 {
		msg += "\n\n" + strings.Join(rep.Warnings, "\n")
	}
	label := widget.NewLabel(msg)
	label.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	open := widget.NewButton("Open file", func() {
		link, err := url.Parse(storage.NewFileURI(path).String())
		if err == nil {
			err = u.app.OpenURL(link)
		}
		if err != nil {
			u.showError(fmt.Errorf("opening %s: %w", path, err))
		}
		d.Hide()
	})
	d = dialog.NewCustom("Export finished", "Close", container.NewVBox(label, open), u.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}
