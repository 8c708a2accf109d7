package gui

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"clipper/model/ingest"
)

// The import report has its own window, beside the project window rather
// than over it: after a 500-article import a researcher checks the files
// that need a look and opens a few articles, one after the other, so the
// report stays open while the clipping shows in the project window.

// reportWindow is the import report's window: the summary on top, a tree
// of files (expandable to warnings, what was left out and one row per
// article) and Copy report / Close below.
type reportWindow struct {
	u      *UI
	r      *importReport
	win    fyne.Window
	tree   *widget.Tree
	status *widget.Label
	only   *widget.Check // list only the files that need a look
	kids   map[string][]string
	roots  []string
}

// showImportReport opens the report window for r, replacing the window of
// an earlier import.
func (u *UI) showImportReport(r *importReport) {
	if u.report != nil {
		u.report.win.Close()
	}
	rw := newReportWindow(u, r)
	u.report = rw
	gone := make(chan struct{})
	rw.win.SetOnClosed(func() {
		close(gone)
		if u.report == rw {
			u.report = nil
		}
	})
	rw.win.Show()
	rw.win.Content().Refresh() // wrapped lines measured at the window's width
	// The report closes with the project window (tests close their
	// windows themselves).
	if !u.jobs.held {
		go func() {
			select {
			case <-u.quit:
				fyne.Do(rw.win.Close)
			case <-gone:
			}
		}()
	}
}

func newReportWindow(u *UI, r *importReport) *reportWindow {
	rw := &reportWindow{u: u, r: r, kids: map[string][]string{}}
	title := "Import report"
	if len(r.files) == 1 {
		title += " — " + baseName(r.files[0].Path)
	} else {
		title += " — " + counted(len(r.files), "file", "files")
	}
	rw.win = u.app.NewWindow(title)

	head := widget.NewLabel(r.headline())
	head.TextStyle = fyne.TextStyle{Bold: true}
	head.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(head)
	if notes := r.notes(); len(notes) > 0 {
		top.Add(wrapped(strings.Join(notes, " ")))
	}

	rw.tree = widget.NewTree(rw.childUIDs, rw.isBranch, rw.create, rw.update)
	rw.tree.OnSelected = rw.selected
	rw.only = widget.NewCheck("Only files that need a look ("+strconv.Itoa(r.sum.attention)+")", func(bool) {
		rw.roots = nil
		rw.tree.Refresh()
	})
	rw.only.Hidden = r.sum.attention == 0 || r.sum.attention == len(r.files)
	if len(r.files) == 1 {
		rw.tree.OpenBranch(fileNode(0))
	}

	rw.status = widget.NewLabel(reportHint)
	rw.status.Wrapping = fyne.TextWrapWord
	cp := widget.NewButtonWithIcon("Copy report", theme.ContentCopyIcon(), rw.copy)
	done := widget.NewButtonWithIcon("Close", theme.WindowCloseIcon(), rw.win.Close)
	done.Importance = widget.HighImportance
	bottom := container.NewVBox(rw.status, container.NewBorder(nil, nil, rw.only, container.NewHBox(cp, done)))

	rw.win.SetContent(container.NewBorder(container.NewPadded(top), bottom, nil, nil, rw.tree))
	rw.win.Resize(fyne.NewSize(760, 580))
	return rw
}

// Tree node ids: "f3" is file 3 (a branch), "f3/e0" its error, "f3/w0" a
// warning, "f3/l0" a part left out, "f3/a12" article 12 (by index); "s"
// is the branch of skipped sidecar files and "s4" one of them.

func fileNode(i int) string { return "f" + strconv.Itoa(i) }

// node splits a node id into its kind ('f', 'e', 'w', 'l', 'a', 'S' for
// the skipped branch, 's'), file (or skipped file) and item.
func node(uid string) (kind byte, file, item int) {
	if uid == "s" {
		return 'S', 0, 0
	}
	if strings.HasPrefix(uid, "s") {
		n, _ := strconv.Atoi(uid[1:])
		return 's', n, 0
	}
	f, rest, sub := strings.Cut(uid[1:], "/")
	file, _ = strconv.Atoi(f)
	if !sub {
		return 'f', file, 0
	}
	item, _ = strconv.Atoi(rest[1:])
	return rest[0], file, item
}

func (rw *reportWindow) isBranch(uid string) bool {
	return uid == "" || uid == "s" || strings.HasPrefix(uid, "f") && !strings.Contains(uid, "/")
}

// childUIDs lists a node's children, computed once per node (a file's
// articles only when it is first opened).
func (rw *reportWindow) childUIDs(uid string) []string {
	if uid == "" {
		if rw.roots == nil {
			rw.roots = []string{}
			for i, f := range rw.r.files {
				if !rw.only.Checked || needsAttention(f) {
					rw.roots = append(rw.roots, fileNode(i))
				}
			}
			if len(rw.r.skipped) > 0 && !rw.only.Checked {
				rw.roots = append(rw.roots, "s")
			}
		}
		return rw.roots
	}
	if k, ok := rw.kids[uid]; ok {
		return k
	}
	var k []string
	if uid == "s" {
		for i := range rw.r.skipped {
			k = append(k, "s"+strconv.Itoa(i))
		}
	} else {
		_, i, _ := node(uid)
		f := rw.r.files[i]
		if f.Err != nil {
			k = append(k, uid+"/e0")
		}
		add := func(kind string, n int) {
			for j := range n {
				k = append(k, uid+"/"+kind+strconv.Itoa(j))
			}
		}
		add("w", len(f.Warnings))
		add("l", len(f.LeftOut))
		add("a", len(f.Articles))
	}
	rw.kids[uid] = k
	return k
}

// create makes a row: a status icon beside a bold line over a plain one.
func (rw *reportWindow) create(bool) fyne.CanvasObject {
	return container.NewBorder(nil, nil, widget.NewIcon(theme.FileIcon()), nil, twoLineRow(false))
}

// update fills a row for the node uid.
func (rw *reportWindow) update(uid string, _ bool, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	lines, icon := box.Objects[0], box.Objects[1].(*widget.Icon)
	res, head, text := rw.row(uid)
	icon.SetResource(res)
	setTwoLines(lines, head, text)
}

var (
	iconAdded   = theme.NewSuccessThemedResource(theme.ConfirmIcon())
	iconWarning = theme.NewWarningThemedResource(theme.WarningIcon())
	iconError   = theme.NewErrorThemedResource(theme.ErrorIcon())
)

// row is a node's icon and two lines.
func (rw *reportWindow) row(uid string) (fyne.Resource, string, string) {
	kind, i, j := node(uid)
	r := rw.r
	switch kind {
	case 'S':
		return theme.VisibilityOffIcon(), "Skipped", counted(len(r.skipped), "sidecar file", "sidecar files") + " (not clippings)"
	case 's':
		f := r.skipped[i]
		return theme.VisibilityOffIcon(), baseName(f.Path), "skipped: " + f.Skipped + " — " + filepath.Dir(f.Path)
	}
	f := r.files[i]
	switch kind {
	case 'f':
		res := theme.FileTextIcon()
		switch {
		case f.Err != nil:
			res = iconError
		case needsAttention(f):
			res = iconWarning
		}
		return res, baseName(f.Path), fileLine(f)
	case 'e':
		return iconError, "Not imported", oneLine(f.Err.Error())
	case 'w':
		return iconWarning, "Warning", oneLine(f.Warnings[j])
	case 'l':
		return theme.ContentCutIcon(), "Left out of the text", oneLine(f.LeftOut[j])
	}
	a := f.Articles[j]
	head, text := r.articleLines(a)
	switch {
	case a.Problem != "" || a.ID == "":
		return iconError, head, text
	case a.Duplicate != "":
		return theme.ContentCopyIcon(), head, text
	}
	return iconAdded, head, text
}

// selected opens a clicked article's clipping (the new one, or the one
// holding the duplicate) in the project window, opens or closes a clicked
// file, and shows the whole text of any other clicked row (a warning cut
// short in the list).
func (rw *reportWindow) selected(uid string) {
	kind, i, j := node(uid)
	switch kind {
	case 'a':
		rw.open(rw.r.files[i].Articles[j])
		return
	case 'f', 'S':
		rw.tree.ToggleBranch(uid)
	}
	rw.tree.Unselect(uid)
	switch f := rw.r.files; kind {
	case 'e':
		rw.say(baseName(f[i].Path) + " could not be imported: " + f[i].Err.Error())
	case 'w':
		rw.say("Warning about " + baseName(f[i].Path) + ": " + f[i].Warnings[j])
	case 'l':
		rw.say("Left out of the text of " + baseName(f[i].Path) + ": " + f[i].LeftOut[j])
	case 's':
		rw.say(rw.r.skipped[i].Path + " was skipped: " + rw.r.skipped[i].Skipped)
	}
}

// reportHint is the line under the list until a row is clicked.
const reportHint = "Click an article to open it in the project window; click a file to list its articles."

// say shows a message under the list, which grows to show all of it.
func (rw *reportWindow) say(msg string) {
	rw.status.SetText(msg)
	rw.win.Content().Refresh()
}

// open shows the article's clipping in the project window.
func (rw *reportWindow) open(a ingest.ArticleReport) {
	u := rw.u
	switch {
	case a.ID == "":
		rw.say("Article " + strconv.Itoa(a.N) + " was not imported (" + a.Problem + "): there is no clipping to open.")
		return
	case u.closed || u.store != rw.r.st:
		rw.say("This report is of " + filepath.Base(rw.r.st.Path()) + ", which is no longer open.")
		return
	}
	if err := u.Open(a.ID); err != nil {
		rw.say(err.Error())
		return
	}
	rw.say("Opened “" + shorten(orUntitled(u.clip.Headline), 80) + "” in the project window.")
	u.win.RequestFocus()
}

// copy puts the report, as plain text, on the clipboard.
func (rw *reportWindow) copy() {
	rw.u.app.Clipboard().SetContent(rw.r.text())
	rw.say(fmt.Sprintf("The report of %s is on the clipboard, as text.", counted(len(rw.r.files), "file", "files")))
}
