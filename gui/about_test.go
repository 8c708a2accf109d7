package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"clipper/model/store"
)

func TestAboutRows(t *testing.T) {
	md := fyne.AppMetadata{Version: "0.1.0", Custom: map[string]string{
		MetaCommit: "abc123", MetaCommitDate: "2026-01-01T00:00:00Z", MetaBuildDate: "2026-01-02T00:00:00Z",
		MetaGo: "go1.26.8 windows/amd64", MetaFyne: "v2.7.1", MetaSQLite: "3.50.4"}}
	clipper, project := aboutRows(md, "/home/ana/Projects/study.clip", 3,
		store.ProjectVersions{CreatedBy: "0.0.9", WrittenBy: "0.1.0 (abc123)"})
	text := aboutText(clipper, project)
	for _, want := range []string{"Version: 0.1.0", "Commit: abc123 (2026-01-01T00:00:00Z)", "Built: 2026-01-02T00:00:00Z",
		"Go: go1.26.8 windows/amd64", "Fyne: v2.7.1", "SQLite: 3.50.4", "File: study.clip", "Folder: /home/ana/Projects",
		"Schema: 3", "Created by: Clipper 0.0.9", "Last written by: Clipper 0.1.0 (abc123)"} {
		if !strings.Contains(text, want) {
			t.Errorf("About lacks %q:\n%s", want, text)
		}
	}

	// A test app has no build information; a file from before version
	// records says so instead of showing an empty "Clipper ".
	_, project = aboutRows(fyne.AppMetadata{}, "/p.clip", 1, store.ProjectVersions{})
	clipper, _ = aboutRows(fyne.AppMetadata{}, "/p.clip", 1, store.ProjectVersions{})
	text = aboutText(clipper, project)
	for _, want := range []string{"Version: unknown", "Created by: not recorded (an older Clipper)",
		"Last written by: not recorded (an older Clipper)", "SQLite: " + store.SQLiteVersion()} {
		if !strings.Contains(text, want) {
			t.Errorf("About lacks %q:\n%s", want, text)
		}
	}
}

// TestHelpAboutShowsProjectVersions: Help → About opens a dialog with the
// open project's version records, and Copy puts the text on the clipboard.
func TestHelpAboutShowsProjectVersions(t *testing.T) {
	u, st := newTestUI(t)
	st.SetVersion("0.1.0 (feed)")
	if err := st.SetSetting(u.ctx(), "probe", "x"); err != nil { // a write records the version
		t.Fatal(err)
	}
	var about *fyne.MenuItem
	for _, m := range u.mainMenu().Items {
		if m.Label == "Help" {
			for _, it := range m.Items {
				if it.Label == "About Clipper" {
					about = it
				}
			}
		}
	}
	if about == nil {
		t.Fatal("no Help → About Clipper menu item")
	}
	about.Action()
	overlay := u.win.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("About opened no dialog")
	}
	var labels []string
	var copyBtn *widget.Button
	aboutWalk(overlay, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			labels = append(labels, w.Text)
		case *widget.Button:
			if w.Text == "Copy" {
				copyBtn = w
			}
		}
	})
	all := strings.Join(labels, "\n")
	if !strings.Contains(all, "Clipper 0.1.0 (feed)") || !strings.Contains(all, "p.clip") {
		t.Errorf("About shows:\n%s", all)
	}
	if copyBtn == nil {
		t.Fatal("no Copy button")
	}
	test.Tap(copyBtn)
	if got := u.app.Clipboard().Content(); !strings.Contains(got, "Last written by: Clipper 0.1.0 (feed)") {
		t.Errorf("clipboard = %q", got)
	}
}

// aboutWalk visits o and every object inside it.
func aboutWalk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, k := range c.Objects {
			aboutWalk(k, fn)
		}
	case fyne.Widget:
		r := test.WidgetRenderer(c)
		if r == nil {
			return
		}
		for _, k := range r.Objects() {
			aboutWalk(k, fn)
		}
	}
}
