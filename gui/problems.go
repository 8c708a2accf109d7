package gui

import (
	"context"
	"fmt"
	"image/color"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"clipper/model"
	"clipper/model/store"
)

// problemBanner is the strip above the window's panes that says, once per
// project, that reads met stored values they could not use (an older
// Clipper's or a hand edit's; the rows were shown with the value emptied),
// and offers Check project… It hides when dismissed and after a repair.
type problemBanner struct {
	u         *UI
	st        *store.Store // the project the count is of
	base      int          // problems dealt with by a repair: not announced again
	dismissed bool
	label     *widget.Label
	bg        *canvas.Rectangle
	box       *fyne.Container
}

func newProblemBanner(u *UI) *problemBanner {
	b := &problemBanner{u: u}
	b.label = widget.NewLabel("")
	b.label.Wrapping = fyne.TextWrapWord
	check := widget.NewButton("Check project…", u.checkProject)
	check.Importance = widget.HighImportance
	dismiss := widget.NewButtonWithIcon("", theme.CancelIcon(), func() {
		b.dismissed = true
		b.show(false)
	})
	dismiss.Importance = widget.LowImportance
	b.bg = canvas.NewRectangle(color.Transparent)
	row := container.NewBorder(nil, nil, widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon())),
		container.NewHBox(check, dismiss), b.label)
	b.box = container.NewStack(b.bg, container.NewPadded(row))
	b.box.Hide()
	return b
}

func (b *problemBanner) object() fyne.CanvasObject { return b.box }

// check shows the banner when the open project's reads met unusable
// values not yet announced, dismissed or repaired. The window calls it
// whenever it updates the status bar.
func (b *problemBanner) check() {
	st := b.u.store
	if st != b.st {
		b.st, b.base, b.dismissed = st, 0, false
	}
	n := len(st.Problems()) - b.base
	if n <= 0 || b.dismissed {
		b.show(false)
		return
	}
	what := counted(n, "stored value", "stored values") + " could not be read and " + isAre(n) + " shown as empty"
	if n >= 1000 {
		what = "More than 1,000 stored values could not be read and are shown as empty"
	}
	b.label.SetText(what + ". File → Check project… finds every such value and repairs what it can.")
	c := theme.Color(theme.ColorNameWarning)
	r, g, bl, _ := c.RGBA()
	b.bg.FillColor = color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(bl >> 8), A: 0x40}
	b.bg.Refresh()
	b.show(true)
}

// show shows or hides the banner, laying the window out again when that
// changes.
func (b *problemBanner) show(on bool) {
	if b.box.Visible() == on {
		return
	}
	if on {
		b.box.Show()
	} else {
		b.box.Hide()
	}
	if c := b.u.win.Content(); c != nil {
		c.Refresh()
	}
}

// repaired hides the banner: what reads met so far was dealt with.
func (b *problemBanner) repaired(st *store.Store) {
	if st != b.st {
		return
	}
	b.base = len(st.Problems())
	b.dismissed = false
	b.show(false)
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// checkProject checks the whole project (Store.Diagnose) as a job and
// shows what it found, offering to repair what can be repaired.
func (u *UI) checkProject() {
	name := filepath.Base(u.store.Path())
	startJob(u, job[diagnosis]{
		title:  "Checking project",
		detail: name,
		work: func(ctx context.Context, st *store.Store, _ func(int, int)) (diagnosis, error) {
			ps, err := st.Diagnose(ctx)
			if err != nil {
				return diagnosis{}, err
			}
			rs, err := st.MergeRefusals(ctx)
			return diagnosis{st: st, probs: ps, refusals: rs}, err
		},
		done:      u.showDiagnosis,
		failed:    "checking " + name + " failed",
		cancelled: "Check cancelled; nothing was changed.",
	})
}

// diagnosis is what a check or a repair found in a project.
type diagnosis struct {
	st       *store.Store
	probs    []store.Problem
	refusals []store.MergeRefusals // what merges refused, as recorded (a check only)
}

// fixable counts the problems a repair can fix (or fixed).
func (d diagnosis) fixable() int {
	n := 0
	for _, p := range d.probs {
		if p.Repair != "" {
			n++
		}
	}
	return n
}

// showDiagnosis lists the problems a check found; when some can be
// repaired it offers Repair.
func (u *UI) showDiagnosis(d diagnosis) {
	name := filepath.Base(d.st.Path())
	if len(d.probs) == 0 {
		u.problems.repaired(d.st)
	}
	if len(d.refusals) > 0 {
		u.showRefusals(d)
		return
	}
	if len(d.probs) == 0 {
		dialog.ShowInformation("Check project", "No problems found in "+name+
			": the file is intact and every stored value follows Clipper's rules.", u.win)
		return
	}
	fix := d.fixable()
	head := fmt.Sprintf("%s in %s; %s can be repaired.", counted(len(d.probs), "problem", "problems"), name, countedOr(fix, "none"))
	ro, why := d.st.ReadOnly()
	switch {
	case fix == 0:
		head += " None can be repaired automatically: each says what is wrong so it can be fixed by hand."
	case ro:
		head += " The project is open read-only (" + why + "), so it cannot be repaired here."
	default:
		head += " Repair changes them in one step, recorded as your action."
	}
	content := problemList(head, d.probs, false)
	if fix == 0 || ro {
		dialog.ShowCustom("Check project", "Close", content, u.win)
		return
	}
	dialog.ShowCustomConfirm("Check project", fmt.Sprintf("Repair %d", fix), "Close", content, func(ok bool) {
		if ok {
			u.repairProject()
		}
	}, u.win)
}

// showRefusals shows a check's findings together with the rows merges
// refused (recorded with each merge, so they outlive the window), and
// offers to forget those once dealt with; Repair is offered from the
// problems' own dialog, which follows.
func (u *UI) showRefusals(d diagnosis) {
	var rows []store.Problem
	total := 0
	for _, r := range d.refusals {
		total += r.Total
		for _, x := range r.Rows {
			rows = append(rows, store.Problem{Table: "merge of " + r.Source + ": " + rowWord(x.Table), ID: x.ID, Problem: x.Reason})
		}
		if r.Total > len(r.Rows) {
			rows = append(rows, store.Problem{Table: "merge of " + r.Source,
				Problem: fmt.Sprintf("%s more rows were refused; only the first %d are kept", thousands(r.Total-len(r.Rows)), len(r.Rows))})
		}
	}
	head := fmt.Sprintf("The latest merge of %s refused %s: not merged because a value breaks Clipper's rules (the rest was merged). "+
		"Ask whoever sent the file to run File → Check project… and share it again.",
		refusalSources(d.refusals), counted(total, "row", "rows"))
	next := func() {
		if len(d.probs) > 0 {
			u.showDiagnosis(diagnosis{st: d.st, probs: d.probs})
		}
	}
	forget := widget.NewButton("Forget these refused rows", nil)
	var dlg dialog.Dialog
	forget.OnTapped = func() {
		for _, r := range d.refusals {
			if err := d.st.ForgetRefusals(u.ctx(), r.MergeID); err != nil {
				u.showError(fmt.Errorf("forgetting the refused rows: %w", err))
				return
			}
		}
		u.merges.setRefused(store.MergeReport{})
		u.merges.reload()
		dlg.Hide() // runs next
	}
	if ro, _ := d.st.ReadOnly(); ro {
		forget.Disable()
	}
	content := container.NewBorder(nil, container.NewHBox(forget), nil, nil, problemList(head, rows, false))
	dlg = dialog.NewCustom("Rows refused by merges", "Close", content, u.win)
	dlg.SetOnClosed(next)
	dlg.Show()
}

// refusalSources names the merged files of rs ("a.clip and b.clip").
func refusalSources(rs []store.MergeRefusals) string {
	var names []string
	for _, r := range rs {
		names = append(names, r.Source)
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// restoreRefusals gives the merge review the rows the newest merge of st
// that refused rows refused, as recorded in the project, so they are
// listed after the project is opened again.
func (u *UI) restoreRefusals(st *store.Store) {
	rs, err := st.MergeRefusals(u.ctx())
	if err != nil {
		u.showError(fmt.Errorf("reading the rows merges refused: %w", err))
		return
	}
	if len(rs) == 0 {
		return
	}
	u.merges.setRefused(store.MergeReport{Source: rs[0].Source, Refused: rs[0].Rows})
	u.merges.reload()
}

// countedOr writes n, or none for 0.
func countedOr(n int, none string) string {
	if n == 0 {
		return none
	}
	return thousands(n)
}

// repairProject repairs the project (Store.Repair) as a job, then shows
// what was done and rereads everything the window shows.
func (u *UI) repairProject() {
	if u.coder.ID == "" {
		u.askCoder(true) // a repair is recorded as the coder's action
		return
	}
	coder := u.coder.ID
	name := filepath.Base(u.store.Path())
	startJob(u, job[diagnosis]{
		title:  "Repairing project",
		detail: name,
		work: func(ctx context.Context, st *store.Store, _ func(int, int)) (diagnosis, error) {
			ps, err := st.Repair(ctx, coder)
			return diagnosis{st: st, probs: ps}, err
		},
		done:      u.repairDone,
		failed:    "repairing " + name + " failed, nothing was changed",
		cancelled: "Repair cancelled; nothing was changed.",
	})
}

// repairDone rereads the project and says what the repair did.
func (u *UI) repairDone(d diagnosis) {
	u.problems.repaired(d.st)
	u.loadTags()
	if err := u.lib.reload(); err != nil {
		u.showError(err)
	}
	if id := u.clip.ID; id != "" { // its values may have changed
		u.clip = model.Clipping{}
		u.openClipping(id)
	}
	u.updateStatus()
	fixed := d.fixable()
	left := len(d.probs) - fixed
	msg := "Repaired " + counted(fixed, "problem", "problems") + "."
	if left > 0 {
		msg += " " + counted(left, "problem needs", "problems need") + " fixing by hand; each is listed with what is wrong."
	}
	u.flash(msg)
	dialog.ShowCustom("Project repaired", "Close", problemList(msg, d.probs, true), u.win)
}

// problemList shows a sentence over a list of problems, each with the row
// it is in and what a repair does (done: did) about it; a clicked problem
// is shown whole under the list. (The problem names its column.)
func problemList(head string, probs []store.Problem, done bool) fyne.CanvasObject {
	fix := func(p store.Problem) string {
		switch {
		case p.Repair == "":
			return "cannot be repaired automatically"
		case done:
			return "repaired: " + p.Repair
		}
		return "repair: " + p.Repair
	}
	where := func(p store.Problem) string {
		w := p.Table
		if p.ID != "" {
			w += " " + p.ID
		}
		if w == "" {
			w = "the file"
		}
		return w
	}
	detail := wrapped("Click a problem to read it whole.")
	list := widget.NewList(
		func() int { return len(probs) },
		func() fyne.CanvasObject { return twoLineRow(true) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			p := probs[i]
			setTwoLines(o, where(p)+" — "+fix(p), oneLine(p.Problem))
		},
	)
	list.OnSelected = func(i widget.ListItemID) {
		p := probs[i]
		detail.SetText(where(p) + ": " + p.Problem + ". " + strings.ToUpper(fix(p)[:1]) + fix(p)[1:] + ".")
	}
	top := wrapped(head)
	top.TextStyle = fyne.TextStyle{Bold: true}
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(680, 300))
	return container.NewBorder(top, detail, nil, nil, container.NewStack(room, list))
}
