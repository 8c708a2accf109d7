package gui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"clipper/model"
	"clipper/model/store"
)

// hitPlan is what "tag all hits as …" would store.
type hitPlan struct {
	tag     model.Tag
	batch   []*model.Annotation
	skipped int // hits this coder already annotated with the tag
	clips   int // clippings the batch touches
}

// tagMenu pops up the tags to give every hit.
func (f *finder) tagMenu() {
	if f.tags == nil || f.onTagAll == nil {
		return
	}
	var items []*fyne.MenuItem
	for _, t := range f.tags() {
		items = append(items, fyne.NewMenuItem(t.Name, func() { f.onTagAll(t) }))
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(f.tagAll)
	if c == nil {
		return
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(f.tagAll)
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos.AddXY(0, f.tagAll.Size().Height))
}

// planHitTags builds one annotation of tag t per listed hit, with
// attributes pre-filled from the text as for a hand-made annotation, and
// skips spans this coder already annotated with t.
func (u *UI) planHitTags(t model.Tag) (hitPlan, error) {
	plan := hitPlan{tag: t}
	hits, _ := u.finder.listed()
	if len(hits) == 0 {
		return plan, nil
	}
	var ids []string
	seen := map[string]bool{}
	for _, h := range hits {
		if !seen[h.ClippingID] {
			seen[h.ClippingID] = true
			ids = append(ids, h.ClippingID)
		}
	}
	existing, err := u.store.Annotations(u.ctx(), store.AnnotationFilter{
		ClippingIDs: ids, TagIDs: []string{t.ID}, CoderIDs: []string{u.coder.ID}})
	if err != nil {
		return plan, fmt.Errorf("reading annotations: %w", err)
	}
	type key struct {
		clip       string
		start, end int
	}
	have := map[key]bool{}
	for _, a := range existing {
		have[key{a.ClippingID, a.Start, a.End}] = true
	}
	clips := map[string]model.Clipping{u.clip.ID: u.clip}
	touched := map[string]bool{}
	for _, h := range hits {
		k := key{h.ClippingID, h.Start, h.End}
		if have[k] {
			plan.skipped++
			continue
		}
		have[k] = true
		c, ok := clips[h.ClippingID]
		if !ok {
			var err error
			if c, err = u.store.Clipping(u.ctx(), h.ClippingID); err != nil {
				return plan, fmt.Errorf("reading clipping %s: %w", h.ClippingID, err)
			}
			clips[h.ClippingID] = c
		}
		touched[h.ClippingID] = true
		plan.batch = append(plan.batch, &model.Annotation{
			ClippingID: h.ClippingID, TagID: t.ID, CoderID: u.coder.ID,
			Start: h.Start, End: h.End, Exact: h.Match,
			Attributes: prefillExact(t.Kind, c.Body, c.Language, h.Match, h.Start, h.End),
		})
	}
	plan.clips = len(touched)
	return plan, nil
}

// applyHitTags stores a plan in one transaction, undone as one step.
func (u *UI) applyHitTags(plan hitPlan) error {
	if len(plan.batch) == 0 {
		return nil
	}
	if err := u.store.AddAnnotations(u.ctx(), plan.batch); err != nil {
		return fmt.Errorf("tagging %d hits as %s: %w", len(plan.batch), plan.tag.Name, err)
	}
	u.reloadAnnotations()
	if err := u.lib.reload(); err != nil {
		return err
	}
	u.updateStatus()
	return nil
}

// tagHitsDialog confirms, with the count, and tags every listed hit as t.
func (u *UI) tagHitsDialog(t model.Tag) {
	if u.coder.ID == "" {
		u.askCoder(true)
		return
	}
	plan, err := u.planHitTags(t)
	if err != nil {
		u.showError(err)
		return
	}
	if len(plan.batch) == 0 {
		dialog.ShowInformation("Tag all hits", fmt.Sprintf("You already tagged every hit as %s.", t.Name), u.win)
		return
	}
	msg := fmt.Sprintf("Tag %s in %s %s as %s?", countHits(len(plan.batch)), thousands(plan.clips), plural("clipping", plan.clips), t.Name)
	if plan.skipped > 0 {
		msg += fmt.Sprintf("\n\n%s you already tagged as %s %s skipped.", countHits(plan.skipped), t.Name, map[bool]string{true: "is", false: "are"}[plan.skipped == 1])
	}
	if _, more := u.finder.listed(); more {
		msg += fmt.Sprintf("\n\nOnly the first %s hits are listed; the rest are not tagged.", fmtNum(float64(len(plan.batch)+plan.skipped)))
	}
	msg += "\n\nThey are added in one step: Edit → Undo (Ctrl+Z) removes them all."
	dialog.ShowConfirm("Tag all hits as "+t.Name, msg, func(ok bool) {
		if !ok || u.waitsForBulk() {
			return
		}
		if err := u.applyHitTags(plan); err != nil {
			u.showError(err)
			return
		}
		u.flash(fmt.Sprintf("Tagged %s as %s — Ctrl+Z undoes them all.", countHits(len(plan.batch)), t.Name))
	}, u.win)
}
