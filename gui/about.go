package gui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"clipper/model/store"
)

// Keys of fyne.AppMetadata.Custom under which cmd/clipper passes the build
// information that Help → About shows (the version is Metadata().Version).
const (
	MetaCommit     = "clipper.commit"
	MetaCommitDate = "clipper.commit_date"
	MetaBuildDate  = "clipper.build_date"
	MetaGo         = "clipper.go"
	MetaFyne       = "clipper.fyne"
	MetaSQLite     = "clipper.sqlite"
)

// aboutRow is one line of the About dialog: a label and its value.
type aboutRow struct{ label, value string }

// aboutRows lists what Help → About shows: this Clipper's build and the
// open project's file, schema and the Clipper versions that created and
// last wrote it.
func aboutRows(md fyne.AppMetadata, path string, schema int, v store.ProjectVersions) (clipper, project []aboutRow) {
	or := func(s, alt string) string {
		if s == "" {
			return alt
		}
		return s
	}
	c := md.Custom
	commit := or(c[MetaCommit], "unknown")
	if d := c[MetaCommitDate]; d != "" {
		commit += " (" + d + ")"
	}
	clipper = []aboutRow{
		{"Version", or(md.Version, "unknown")},
		{"Commit", commit},
		{"Built", or(c[MetaBuildDate], "unknown")},
		{"Go", or(c[MetaGo], "unknown")},
		{"Fyne", or(c[MetaFyne], "unknown")},
		{"SQLite", or(c[MetaSQLite], store.SQLiteVersion())},
	}
	recorded := func(v string) string {
		if v == "" {
			return "not recorded (an older Clipper)"
		}
		return "Clipper " + v
	}
	project = []aboutRow{
		{"File", filepath.Base(path)},
		{"Folder", filepath.Dir(path)},
		{"Schema", fmt.Sprint(schema)},
		{"Created by", recorded(v.CreatedBy)},
		{"Last written by", recorded(v.WrittenBy)},
	}
	return clipper, project
}

// aboutText is the About dialog as plain text, for Copy.
func aboutText(clipper, project []aboutRow) string {
	var b strings.Builder
	b.WriteString("Clipper\n")
	for _, r := range clipper {
		fmt.Fprintf(&b, "  %s: %s\n", r.label, r.value)
	}
	b.WriteString("Project\n")
	for _, r := range project {
		fmt.Fprintf(&b, "  %s: %s\n", r.label, r.value)
	}
	return b.String()
}

// showAbout opens Help → About: Clipper's version, commit, build date and
// the versions of Go, Fyne and SQLite it was built with, then the open
// project's file and which Clipper versions created and last wrote it.
// Copy puts all of it on the clipboard for a bug report.
func (u *UI) showAbout() {
	v, err := u.store.Versions(u.ctx())
	if err != nil {
		u.showError(fmt.Errorf("reading the project's version records: %w", err))
		return
	}
	clipper, project := aboutRows(u.app.Metadata(), u.store.Path(), u.store.SchemaVersion(), v)
	form := func(rows []aboutRow) *widget.Form {
		f := widget.NewForm()
		for _, r := range rows {
			l := widget.NewLabel(r.value)
			l.Wrapping = fyne.TextWrapBreak
			l.Selectable = true
			f.Append(r.label, l)
		}
		return f
	}
	text := aboutText(clipper, project)
	copyBtn := widget.NewButton("Copy", func() { u.app.Clipboard().SetContent(text) })
	content := container.NewVBox(
		widget.NewLabelWithStyle("Clipper", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		form(clipper),
		widget.NewSeparator(),
		widget.NewLabelWithStyle("This project", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		form(project),
		container.NewHBox(copyBtn),
	)
	d := dialog.NewCustom("About Clipper", "Close", content, u.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}
