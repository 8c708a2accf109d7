package gui

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"

	"clipper/model"
	"clipper/model/store"
	"clipper/model/suggest"
)

// tagSelection stores the reader's selection as an annotation with tag t —
// one transaction, on disk before the highlight is drawn — and focuses the
// editor's first attribute. With no text selected it retags the selected
// annotation instead.
func (u *UI) tagSelection(t model.Tag) {
	if u.waitsForBulk() {
		return
	}
	start, end := u.reader.selection()
	if start == end {
		if a := u.annotation(u.selected); a != nil && a.TagID != t.ID {
			changed := *a
			changed.TagID = t.ID
			u.updateAnnotation(changed)
			return
		}
		u.flash("Select some text first, then press a tag key.")
		return
	}
	if u.coder.ID == "" {
		u.askCoder(true)
		return
	}
	a := &model.Annotation{
		ClippingID: u.clip.ID, TagID: t.ID, CoderID: u.coder.ID,
		Start: start, End: end,
		Attributes: prefill(t.Kind, u.clip.Body, u.clip.Language, start, end),
	}
	if err := u.store.AddAnnotation(u.ctx(), a); err != nil {
		u.showError(fmt.Errorf("tagging as %s: %w", t.Name, err))
		return
	}
	u.reader.clearSelection()
	u.selected = a.ID
	u.reloadAnnotations()
	u.panel.focusFirst()
}

// prefill guesses a new annotation's attributes from its text, read in the
// clipping's language (ISO 639-1, "" detects it): a figure's comparator,
// value and unit; a quote's speaker when the attribution is obvious; a claim
// starts unverified.
func prefill(k model.Kind, body, lang string, start, end int) model.Attributes {
	exact := ""
	if k == model.KindFigure {
		exact = string([]rune(body)[start:end])
	}
	return prefillExact(k, body, lang, exact, start, end)
}

// prefillExact is prefill when the span's text is known already.
func prefillExact(k model.Kind, body, lang, exact string, start, end int) model.Attributes {
	var at model.Attributes
	switch k {
	case model.KindFigure:
		if f, ok := suggest.ParseFigureIn(exact, lang); ok {
			at.Value, at.Low, at.High = f.Value, f.Low, f.High
			at.Unit, at.Comparator = f.Unit, f.Comparator
		}
	case model.KindQuote:
		at.Speaker = suggest.SpeakerForIn(body, lang, start, end)
	case model.KindClaim:
		at.Status = model.StatusUnverified
	}
	return at
}

// updateAnnotation saves a changed annotation and redraws.
func (u *UI) updateAnnotation(a model.Annotation) {
	if u.waitsForBulk() {
		return // the editor keeps what was typed; it is saved when the job is done
	}
	if err := u.store.UpdateAnnotation(u.ctx(), u.coder.ID, a); err != nil {
		u.showError(fmt.Errorf("saving the annotation: %w", err))
		u.reloadAnnotations()
		return
	}
	u.reloadAnnotations()
}

// deleteSelected removes the selected annotation (a tombstone; undoable),
// wherever it was selected: the list, a highlight or the menu. Afterwards
// nothing is selected and the focus is on the text, so pressing Delete again
// deletes nothing; N selects the next annotation.
func (u *UI) deleteSelected() {
	id := u.selected
	if id == "" || u.waitsForBulk() {
		return
	}
	if err := u.store.DeleteAnnotation(u.ctx(), u.coder.ID, id); err != nil {
		u.showError(fmt.Errorf("deleting the annotation: %w", err))
		return
	}
	u.selected = ""
	u.reloadAnnotations()
	u.focusText()
	u.flash("Annotation deleted — Ctrl+Z brings it back.")
}

// nudge moves the selected annotation's start (edge < 0) or end (edge > 0)
// by one word left (dir < 0) or right.
func (u *UI) nudge(edge, dir int) {
	a := u.annotation(u.selected)
	if a == nil {
		return
	}
	text := []rune(u.clip.Body)
	changed := *a
	switch {
	case edge < 0 && dir < 0: // start to the previous word's start
		changed.Start = model.WordStep(text, a.Start, -1)
	case edge < 0: // start to the next word's start
		changed.Start = model.WordStep(text, model.WordStep(text, model.WordStep(text, a.Start, +1), +1), -1)
	case dir > 0: // end to the next word's end
		changed.End = model.WordStep(text, a.End, +1)
	default: // end to the previous word's end
		changed.End = model.WordStep(text, model.WordStep(text, model.WordStep(text, a.End, -1), -1), +1)
	}
	if changed.Start >= changed.End || (changed.Start == a.Start && changed.End == a.End) {
		return
	}
	changed.Exact = ""
	u.updateAnnotation(changed)
}

// editUndo is Edit → Undo and Ctrl+Z: in a text field with typing of its
// own it undoes the typing, otherwise the coder's last change to the
// project. editRedo is its counterpart.
func (u *UI) editUndo() {
	if f := u.typingField(); f != nil {
		f.Undo()
		return
	}
	u.undo()
}

func (u *UI) editRedo() {
	if f := u.typingField(); f != nil {
		f.Redo()
		return
	}
	u.redo()
}

// textField is a focused widget with an undo history of its own
// (widget.Entry and the entries built on it).
type textField interface {
	fyne.Focusable
	Undo()
	Redo()
}

// typingField returns the focused text field, unless it is one of the
// editor's fields holding what was saved (right after tagging the focus is
// there, and Ctrl+Z then undoes the tagging).
func (u *UI) typingField() textField {
	f, ok := u.win.Canvas().Focused().(textField)
	if !ok || u.panel.editor.unchanged(f) {
		return nil
	}
	return f
}

// undo reverts the coder's last action; redo applies it again.
func (u *UI) undo() { u.history(true) }
func (u *UI) redo() { u.history(false) }

// bigStep is the size (in ops) from which an undo or redo runs as a job
// with progress and Cancel instead of on the UI goroutine: an Accept all
// in every clipping can be hundreds of thousands of ops.
const bigStep = 2000

// history undoes (undo true) or redoes the coder's next step.
func (u *UI) history(undo bool) {
	if u.waitsForBulk() {
		return
	}
	u.panel.flush()
	none, done := "Nothing to redo.", "Redone"
	if undo {
		none, done = "Nothing to undo.", "Undone"
	}
	// Counted up to bigStep ops: more is bigStep or more. When even that
	// takes too long (the step hides behind a big undone one in a huge
	// log), the job counts and reverts it without the UI's time limit.
	_, big, err := u.store.StepSize(u.ctx(), u.coder.ID, undo, bigStep-1)
	switch {
	case errors.Is(err, store.ErrNothingToUndo), errors.Is(err, store.ErrNothingToRedo):
		u.flash(none)
		return
	case err != nil || big:
		u.historyJob(undo, done)
		return
	}
	step, err := u.store.Revert(u.ctx(), u.coder.ID, undo, nil)
	switch {
	case errors.Is(err, store.ErrNothingToUndo), errors.Is(err, store.ErrNothingToRedo):
		u.flash(none)
	case err != nil:
		u.showError(err)
	default:
		u.afterHistory(step, done)
	}
}

// historyJob runs a big undo or redo as a job: it is one transaction, so
// Cancel (or a failure) changes nothing.
func (u *UI) historyJob(undo bool, done string) {
	title, what, stopped := "Redoing", "redo", "Redo cancelled; nothing was changed."
	detail := "The step " + u.coder.Name + " undid last"
	if undo {
		title, what, stopped = "Undoing", "undo", "Undo cancelled; nothing was changed."
		detail = "The last step of " + u.coder.Name
	}
	coder := u.coder.ID
	startJob(u, bulkJob(u, job[store.Step]{
		title:  title,
		detail: detail,
		unit:   "changes",
		work: func(ctx context.Context, st *store.Store, report func(int, int)) (store.Step, error) {
			return st.Revert(ctx, coder, undo, report)
		},
		failed:    "the " + what + " failed (nothing was changed)",
		cancelled: stopped,
		done:      func(step store.Step) { u.afterHistory(step, done) },
	}))
}

// bulkJob marks j as a job that writes many changes as one step: while it
// runs, its title is in u.bulk and changes from the window wait for it
// (see waitsForBulk).
func bulkJob[T any](u *UI, j job[T]) job[T] {
	u.bulk = append(u.bulk, j.title)
	j.ended = func() {
		if i := slices.Index(u.bulk, j.title); i >= 0 {
			u.bulk = slices.Delete(u.bulk, i, i+1)
		}
	}
	return j
}

// waitsForBulk reports whether a bulk job is running, and then says that
// changes wait for it: a change would wait behind the job's transaction
// (for minutes) and then fail its two-second limit.
func (u *UI) waitsForBulk() bool {
	if len(u.bulk) == 0 {
		return false
	}
	u.flash(fmt.Sprintf("%s… is still running: changes wait until it is done.", u.bulk[len(u.bulk)-1]))
	return true
}

// afterHistory shows the project after an undo or redo: tags, annotations,
// counts, and the changed annotation selected when there is one.
func (u *UI) afterHistory(step store.Step, done string) {
	u.loadTags()
	u.reloadAnnotations()
	u.followBulks() // an undone or redone bulk accept changes other clippings' counts
	if err := u.lib.reload(); err != nil {
		u.showError(err)
	}
	if step.Count <= len(step.Ops) {
		for _, op := range step.Ops {
			if op.Entity == "annotation" && u.annotation(op.EntityID) != nil {
				u.selectAnnotation(op.EntityID, true)
			}
		}
	}
	u.flash(fmt.Sprintf("%s: %s.", done, describeStep(step)))
}

// describeStep says in words what an undone or redone step did.
func describeStep(s store.Step) string {
	switch {
	case s.Count == 0 || len(s.Ops) == 0:
		return "nothing"
	case s.Count > 1:
		return thousands(s.Count) + " changes"
	}
	return s.Ops[0].Action + " " + s.Ops[0].Entity
}

// contextMenu is the reader's right-click menu: tag the selection (or
// retag the clicked annotation) and remove.
func (u *UI) contextMenu(hitID string, start, end int) *fyne.Menu {
	if p, ok := u.sugg.byID(hitID); ok && start == end {
		return u.suggestionMenu(p)
	}
	if isSuggestionID(hitID) {
		hitID = ""
	}
	var items []*fyne.MenuItem
	for _, t := range u.tags {
		label := "Tag as " + t.Name
		if t.Shortcut != "" {
			label += "  (" + t.Shortcut + ")"
		}
		items = append(items, fyne.NewMenuItem(label, func() {
			if start == end && hitID != "" {
				u.selectAnnotation(hitID, false)
			}
			u.tagSelection(t)
		}))
	}
	if hitID != "" {
		items = append(items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem("Remove", func() {
			u.selectAnnotation(hitID, false)
			u.deleteSelected()
		}))
	}
	return fyne.NewMenu("", items...)
}

// suggestionMenu is the right-click menu of a suggestion: accept (as its
// own tag or another), reject.
func (u *UI) suggestionMenu(p pending) *fyne.Menu {
	items := []*fyne.MenuItem{
		fyne.NewMenuItem("Accept as "+p.Tag.Name+"  (Enter)", func() {
			u.setCurrentSuggestion(p.ID)
			u.acceptSuggestion(p.ID)
		}),
		fyne.NewMenuItem("Reject  (Backspace)", func() {
			u.setCurrentSuggestion(p.ID)
			u.rejectSuggestion(p.ID)
		}),
		fyne.NewMenuItemSeparator(),
	}
	for _, t := range u.tags {
		if t.ID == p.Tag.ID {
			continue
		}
		items = append(items, fyne.NewMenuItem("Accept as "+t.Name, func() {
			u.setCurrentSuggestion(p.ID)
			u.acceptSuggestionAs(p, t)
		}))
	}
	return fyne.NewMenu("", items...)
}

// flash shows a short message in the status bar until the next update.
func (u *UI) flash(msg string) {
	u.updateStatus()
	u.status.SetText(msg + "   " + u.status.Text)
}
