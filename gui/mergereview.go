package gui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"clipper/model"
	"clipper/model/store"
)

// mergeReview is the "Merge" (review) tab of the right pane, opened after a
// merge that needs checking: annotations placed on a changed text by
// approximate search (fuzzy) or not found at all (orphan), annotations
// both sides changed (conflicts), and the rows of the last merged file
// that were refused for invalid values. Picking an annotation opens its
// clipping with the best-guess span selected. It reads the window's state
// through its session, selects in the reader through its textPane and
// reaches the rest of the window through the functions below; build it
// with newMergeReview.
type mergeReview struct {
	s    session
	text textPane
	// headline returns the library's headline of a clipping.
	headline func(id string) (string, bool)
	// open opens a clipping in the reader.
	open func(id string) error
	// selectAnnotation selects an annotation of the open clipping (in the
	// reader and the Annotations tab) and scrolls to it.
	selectAnnotation func(id string)
	// askCoder asks for the coder's name (needed to change annotations).
	askCoder func()
	// onChanged is called after an action changed annotations: the window
	// reloads the open clipping's.
	onChanged func()
	// onClose is the Close review button.
	onClose func()

	items   []reviewItem
	cur     int // index in items, -1 for none
	summary *widget.Label
	list    *widget.List
	detail  *fyne.Container
	box     fyne.CanvasObject
	st      *store.Store // the project the items were read from

	// The rows the last merge refused, kept (in memory) until dismissed.
	refused     []store.RefusedRow
	refusedFrom string       // the merged file's name
	refusedSt   *store.Store // the project merged into
}

// reviewItem is one row: an anchor issue, a conflict or a refused row.
type reviewItem struct {
	issue    *store.AnchorIssue
	conflict *store.Conflict
	refused  *store.RefusedRow
}

// annotation is the annotation the row is about (ours for a conflict).
func (it reviewItem) annotation() model.Annotation {
	if it.issue != nil {
		return it.issue.Annotation
	}
	return it.conflict.Ours
}

// newMergeReview builds the review for s, selecting in text. Set the
// functions before it is shown.
func newMergeReview(s session, text textPane) *mergeReview {
	m := &mergeReview{s: s, text: text, cur: -1}
	m.summary = widget.NewLabel("")
	m.summary.TextStyle = fyne.TextStyle{Bold: true}
	m.summary.Wrapping = fyne.TextWrapWord
	m.list = widget.NewList(
		func() int { return len(m.items) },
		func() fyne.CanvasObject { return twoLineRow(true) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(m.items) {
				return
			}
			head, text := m.rowText(m.items[i])
			setTwoLines(o, head, text)
		},
	)
	m.list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(m.items) && i != m.cur {
			m.show(i)
		}
	}
	m.detail = container.NewStack()
	closeBtn := widget.NewButtonWithIcon("Close review", theme.WindowCloseIcon(), func() {
		if m.onClose != nil {
			m.onClose()
		}
	})
	closeBtn.Importance = widget.LowImportance
	split := container.NewVSplit(m.list, container.NewVScroll(m.detail))
	split.Offset = 0.45
	m.box = container.NewBorder(m.summary, container.NewHBox(closeBtn), nil, nil, split)
	return m
}

func (m *mergeReview) object() fyne.CanvasObject { return m.box }

// pending is how many items wait for review.
func (m *mergeReview) pending() int { return len(m.items) }

// reload rereads the anchor issues and open conflicts, keeping the current
// position in the list.
func (m *mergeReview) reload() {
	ctx, st := m.s.ctx(), m.s.project()
	issues, err := st.AnchorReview(ctx)
	if err != nil {
		m.s.showError(fmt.Errorf("reading the merge review: %w", err))
		return
	}
	conflicts, err := st.Conflicts(ctx)
	if err != nil {
		m.s.showError(fmt.Errorf("reading the merge conflicts: %w", err))
		return
	}
	m.st = st
	m.items = m.items[:0]
	for i := range issues {
		m.items = append(m.items, reviewItem{issue: &issues[i]})
	}
	for i := range conflicts {
		m.items = append(m.items, reviewItem{conflict: &conflicts[i]})
	}
	if m.refusedSt != st {
		m.refused, m.refusedSt = nil, nil
	}
	for i := range m.refused {
		m.items = append(m.items, reviewItem{refused: &m.refused[i]})
	}
	var fuzzy, orphan int
	for _, is := range issues {
		if is.Status == "orphan" {
			orphan++
		} else {
			fuzzy++
		}
	}
	if len(m.items) == 0 {
		m.summary.SetText("Nothing left to review from merges.")
	} else {
		var parts []string
		if fuzzy > 0 {
			parts = append(parts, count(fuzzy, "fuzzy placement", "fuzzy placements"))
		}
		if orphan > 0 {
			parts = append(parts, count(orphan, "annotation not found", "annotations not found"))
		}
		if n := len(conflicts); n > 0 {
			parts = append(parts, count(n, "conflict", "conflicts"))
		}
		if n := len(m.refused); n > 0 {
			parts = append(parts, count(n, "row", "rows")+" of "+m.refusedFrom+" refused")
		}
		m.summary.SetText("To check: " + strings.Join(parts, " · "))
	}
	m.list.UnselectAll()
	m.list.Refresh()
	if m.cur >= len(m.items) {
		m.cur = len(m.items) - 1
	}
	if m.cur < 0 && len(m.items) > 0 {
		m.cur = 0
	}
	m.showDetail()
	if m.cur >= 0 {
		m.list.Select(m.cur)
	}
}

// setRefused keeps the rows a merge refused for the review.
func (m *mergeReview) setRefused(rep store.MergeReport) {
	m.refused, m.refusedFrom, m.refusedSt = rep.Refused, rep.Source, m.s.project()
}

// rowText is a row's status line and text.
func (m *mergeReview) rowText(it reviewItem) (head, text string) {
	if r := it.refused; r != nil {
		return fmt.Sprintf("Refused · %s from %s", rowWord(r.Table), m.refusedFrom), oneLine(r.Reason)
	}
	a := it.annotation()
	t, _ := m.s.tag(a.TagID)
	where := m.headlineOf(a.ClippingID)
	if it.issue != nil {
		return fmt.Sprintf("%s · %s · %s", anchorWord(it.issue.Status), t.Name, where), quoted(oneLine(it.issue.Quote))
	}
	return fmt.Sprintf("Conflict · %s · %s", t.Name, where), quoted(oneLine(a.Exact))
}

// headlineOf is the library's headline of a clipping.
func (m *mergeReview) headlineOf(id string) string {
	if h, ok := m.headline(id); ok {
		return orUntitled(h)
	}
	return "(clipping not found)"
}

// show makes item i current: its clipping opens with the annotation
// selected and its best-guess span selected in the reader.
func (m *mergeReview) show(i int) {
	m.cur = i
	if m.items[i].refused != nil { // not in this project: nothing to open
		m.showDetail()
		return
	}
	a := m.items[i].annotation()
	if err := m.open(a.ClippingID); err != nil {
		m.s.showError(err)
		return
	}
	if m.s.annotation(a.ID) != nil {
		m.selectAnnotation(a.ID)
	}
	m.text.selectSpan(a.Start, a.End)
	m.showDetail()
}

// showDetail builds the current item's explanation and actions.
func (m *mergeReview) showDetail() {
	var obj fyne.CanvasObject = widget.NewLabel("")
	if m.cur >= 0 && m.cur < len(m.items) {
		it := m.items[m.cur]
		switch {
		case it.refused != nil:
			obj = m.refusedDetail(*it.refused)
		case it.issue != nil:
			obj = m.issueDetail(*it.issue)
		default:
			obj = m.conflictDetail(*it.conflict)
		}
	}
	m.detail.Objects = []fyne.CanvasObject{obj}
	m.detail.Refresh()
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// issueDetail explains a fuzzy or orphaned placement and offers Looks right,
// Move to selection and Delete.
func (m *mergeReview) issueDetail(is store.AnchorIssue) fyne.CanvasObject {
	a := is.Annotation
	now := spanText(m.s.clipping().Body, a.Start, a.End)
	var title, explain string
	if is.Status == "orphan" {
		title = "Not found in this text"
		explain = "The text it was made on is gone from this version of the clipping. It is kept near where the change left it: select the right words in the reader and press Move to selection, or delete it."
	} else {
		title = "Placed by approximate search"
		explain = "The clipping's text differs here, so the annotation was placed where its words fit best. Check the selected words in the reader."
	}
	head := wrapped(title)
	head.TextStyle = fyne.TextStyle{Bold: true}
	made := wrapped("Made on: “" + oneLine(is.Quote) + "”")
	made.TextStyle = fyne.TextStyle{Italic: true}
	placed := wrapped("Now on: “" + oneLine(now) + "”")
	placed.Hidden = m.s.clipping().ID != a.ClippingID
	ok := widget.NewButtonWithIcon("Looks right", theme.ConfirmIcon(), func() { m.confirm(a.ID) })
	ok.Importance = widget.HighImportance
	if is.Status == "orphan" {
		ok.Disable()
	}
	move := widget.NewButtonWithIcon("Move to selection", theme.ViewRestoreIcon(), func() { m.moveToSelection(a) })
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() { m.delete(a.ID) })
	return container.NewVBox(head, made, placed, wrapped(explain), container.NewGridWithColumns(2, ok, del), move)
}

// refusedDetail explains a refused row and offers Dismiss.
func (m *mergeReview) refusedDetail(r store.RefusedRow) fyne.CanvasObject {
	head := wrapped(fmt.Sprintf("Not merged: this %s of %s", rowWord(r.Table), m.refusedFrom))
	head.TextStyle = fyne.TextStyle{Bold: true}
	why := wrapped(r.Reason)
	why.TextStyle = fyne.TextStyle{Italic: true}
	explain := wrapped("A value of this row breaks Clipper's rules, so the row (and what depends on it) was left out; " +
		"the rest of the file was merged. Ask whoever sent the file to run File → Check project… (or clipper check --repair) " +
		"and share it again; merging it again brings in the repaired rows. Row id in their file: " + r.ID)
	dismiss := widget.NewButtonWithIcon("Dismiss", theme.ConfirmIcon(), func() { m.dismissRefused(r) })
	return container.NewVBox(head, why, explain, container.NewHBox(dismiss))
}

// dismissRefused removes a refused row from the review.
func (m *mergeReview) dismissRefused(r store.RefusedRow) {
	for i := range m.refused {
		if m.refused[i] == r {
			m.refused = append(m.refused[:i:i], m.refused[i+1:]...)
			break
		}
	}
	m.reload()
	if m.cur >= 0 {
		m.show(m.cur)
	}
}

// conflictDetail shows ours and theirs side by side with Keep ours and
// Take theirs.
func (m *mergeReview) conflictDetail(c store.Conflict) fyne.CanvasObject {
	head := wrapped(fmt.Sprintf("You and %s changed this annotation differently.", c.Source))
	head.TextStyle = fyne.TextStyle{Bold: true}
	ours := widget.NewButtonWithIcon("Keep ours", theme.ConfirmIcon(), func() { m.resolve(c.ID, "ours") })
	theirs := widget.NewButtonWithIcon("Take theirs", theme.DownloadIcon(), func() { m.resolve(c.ID, "theirs") })
	cols := container.NewGridWithColumns(2,
		container.NewVBox(m.versionCard("Ours (kept for now)", c.Ours, ""), ours),
		container.NewVBox(m.versionCard("Theirs", c.Theirs, c.TheirAnchor), theirs))
	return container.NewVBox(head, cols)
}

// versionCard describes one side of a conflict.
func (m *mergeReview) versionCard(title string, a model.Annotation, anchor string) fyne.CanvasObject {
	h := widget.NewLabel(title)
	h.TextStyle = fyne.TextStyle{Bold: true}
	if a.DeletedAt != nil {
		return container.NewVBox(h, wrapped("Deleted"))
	}
	t, _ := m.s.tag(a.TagID)
	lines := []string{quoted(oneLine(a.Exact)), annotationLabel(t, a)}
	if anchor != "" {
		lines = append(lines, "placed: "+anchorWord(anchor))
	}
	lines = append(lines, "changed "+a.UpdatedAt.Local().Format("2006-01-02 15:04"))
	return container.NewVBox(h, wrapped(strings.Join(lines, "\n")))
}

// spanText is body's text at [start, end), clamped.
func spanText(body string, start, end int) string {
	r := []rune(body)
	start, end = max(0, min(start, len(r))), max(0, min(end, len(r)))
	if start >= end {
		return ""
	}
	return string(r[start:end])
}

// needCoder asks for the coder's name when none is set and reports whether
// one is.
func (m *mergeReview) needCoder() bool {
	if m.s.coder().ID == "" {
		m.askCoder()
		return false
	}
	return true
}

func (m *mergeReview) confirm(id string) {
	if !m.needCoder() {
		return
	}
	if err := m.s.project().ConfirmAnchor(m.s.ctx(), m.s.coder().ID, id); err != nil {
		m.s.showError(fmt.Errorf("confirming the placement: %w", err))
		return
	}
	m.done("Placement confirmed.")
}

// moveToSelection moves annotation a to the reader's selection.
func (m *mergeReview) moveToSelection(a model.Annotation) {
	if !m.needCoder() {
		return
	}
	start, end := m.text.selection()
	if m.s.clipping().ID != a.ClippingID || start == end {
		m.s.flash("Select the right words in the reader first, then press Move to selection.")
		return
	}
	if cur := m.s.annotation(a.ID); cur != nil {
		a = *cur
	}
	if start == a.Start && end == a.End {
		m.s.flash("The selection is where the annotation already is: select other words, or press Looks right.")
		return
	}
	a.Start, a.End, a.Exact = start, end, ""
	if err := m.s.project().UpdateAnnotation(m.s.ctx(), m.s.coder().ID, a); err != nil {
		m.s.showError(fmt.Errorf("moving the annotation: %w", err))
		return
	}
	m.text.clearSelection()
	m.done("Annotation moved to the selection.")
}

func (m *mergeReview) delete(id string) {
	if !m.needCoder() {
		return
	}
	if err := m.s.project().DeleteAnnotation(m.s.ctx(), m.s.coder().ID, id); err != nil {
		m.s.showError(fmt.Errorf("deleting the annotation: %w", err))
		return
	}
	m.done("Annotation deleted — Ctrl+Z brings it back.")
}

func (m *mergeReview) resolve(id, choice string) {
	if !m.needCoder() {
		return
	}
	if err := m.s.project().ResolveConflict(m.s.ctx(), m.s.coder().ID, id, choice); err != nil {
		m.s.showError(fmt.Errorf("resolving the conflict: %w", err))
		return
	}
	if choice == "ours" {
		m.done("Kept your version.")
	} else {
		m.done("Took their version.")
	}
}

// done reloads after an action and moves on to the item that took the
// acted-on one's place.
func (m *mergeReview) done(msg string) {
	if m.onChanged != nil {
		m.onChanged()
	}
	m.reload()
	if m.cur >= 0 {
		m.show(m.cur)
	}
	m.s.flash(msg)
}

// newMergeReviewPart builds the merge review wired to the window.
func (u *UI) newMergeReviewPart() *mergeReview {
	m := newMergeReview(u.session(), u.reader)
	m.headline = func(id string) (string, bool) { return u.lib.headline(id) }
	m.open = u.Open
	m.selectAnnotation = func(id string) { u.selectAnnotation(id, true) }
	m.askCoder = func() { u.askCoder(true) }
	m.onChanged = u.reloadAnnotations
	m.onClose = u.closeMergeReview
	return m
}

// openMergeReview shows the Merge (review) tab (adding it when needed).
func (u *UI) openMergeReview() {
	u.merges.reload()
	if u.mergeTab == nil {
		u.mergeTab = container.NewTabItem("Merge", u.merges.object())
		u.tabs.Append(u.mergeTab)
	}
	u.tabs.Select(u.mergeTab)
	if u.merges.cur >= 0 {
		u.merges.show(u.merges.cur)
	}
}

// closeMergeReview removes the Merge (review) tab; File → Review merged changes
// brings it back.
func (u *UI) closeMergeReview() {
	if u.mergeTab == nil {
		return
	}
	u.tabs.Remove(u.mergeTab)
	u.mergeTab = nil
	u.tabs.Select(u.annTab)
}
