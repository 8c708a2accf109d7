package gui

import (
	"context"
	"fmt"
	"iter"
	"slices"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"clipper/model"
	"clipper/model/store"
	"clipper/model/suggest"
)

// Accepting a kind of suggestion in every clipping: the suggestions that
// wait for review (found by Suggest, not rejected, not dismissed) become
// annotations of the kind's tag, by the current coder, as one background
// job that lands as one undo step (store.AddAnnotationGroup). The open
// clipping's suggestions are at hand; every other clipping's are computed
// again inside the job, clipping after clipping, as review would show them.
// Spans the coder already annotated with the tag are skipped.

// kindTotal counts the suggestions of kind k that wait for review in every
// computed clipping, and the clippings that have any.
func (u *UI) kindTotal(k suggest.Kind) (n, clips int) {
	for id := range u.sugg.kept.all() {
		if c := u.sugg.kindCount(id, k); c > 0 {
			n += c
			clips++
		}
	}
	return n, clips
}

// kindTargets lists, in id order, the clippings other than the open one
// where suggestions of kind k wait for review.
func (u *UI) kindTargets(k suggest.Kind) []string {
	var ids []string
	for id, t := range u.sugg.kept.all() {
		if id != u.clip.ID && t.of(k) > 0 {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// kindChoice is one line of the "in every clipping" dialog.
type kindChoice struct {
	kind     suggest.Kind
	n, clips int
}

func (c kindChoice) String() string {
	return fmt.Sprintf("%s — %s in %s", c.kind, fmtNum(float64(c.n)), count(c.clips, "clipping", "clippings"))
}

// acceptEverywhereDialog offers the kinds of suggestion found (that have a
// tag) with their counts and, confirmed, accepts every suggestion of the
// chosen kind in every clipping.
func (u *UI) acceptEverywhereDialog() {
	var choices []kindChoice
	for _, k := range []suggest.Kind{suggest.KindQuote, suggest.KindFigure, suggest.KindClaim} {
		if _, ok := u.tagForKind(k); !ok {
			continue
		}
		if n, clips := u.kindTotal(k); n > 0 {
			choices = append(choices, kindChoice{k, n, clips})
		}
	}
	if len(choices) == 0 {
		dialog.ShowInformation("Accept in every clipping",
			"No suggestions wait for review. Run Suggest → Suggest for all clippings… first.", u.win)
		return
	}
	labels := make([]string, len(choices))
	sel := 0
	for i, c := range choices {
		labels[i] = c.String()
		if c.kind == u.reviewer.acceptKind() {
			sel = i
		}
	}
	pick := widget.NewSelect(labels, nil)
	pick.SetSelectedIndex(sel)
	msg := widget.NewLabel("Every suggestion of this kind that Suggest found becomes an annotation,\n" +
		"in one step: Edit → Undo (Ctrl+Z) removes them all. Spans you already tagged are skipped.")
	dialog.ShowCustomConfirm("Accept all in every clipping", "Accept all", "Cancel",
		widget.NewForm(widget.NewFormItem("Kind", pick), widget.NewFormItem("", msg)), func(ok bool) {
			if ok && pick.SelectedIndex() >= 0 {
				u.acceptEverywhere(choices[pick.SelectedIndex()].kind)
			}
		}, u.win)
}

// acceptEverywhere accepts every suggestion of kind k waiting for review in
// every clipping as a job with progress (in clippings) and cancel;
// cancelled or failed, nothing is saved.
func (u *UI) acceptEverywhere(k suggest.Kind) {
	if u.waitsForBulk() {
		return
	}
	if u.coder.ID == "" {
		u.askCoder(true)
		return
	}
	t, ok := u.tagForKind(k)
	if !ok {
		u.flash(fmt.Sprintf("No tag is of kind %s: add one in Tags → Manage tags.", k))
		return
	}
	n, _ := u.kindTotal(k)
	if n == 0 {
		u.flash(fmt.Sprintf("No %s suggestions wait for review.", k))
		return
	}
	s := u.sugg
	var open []suggest.Suggestion // the open clipping's, at hand
	openID := ""
	if s.loaded && s.kindCount(u.clip.ID, k) > 0 {
		openID = u.clip.ID
		for _, sg := range s.found {
			if sg.Kind == k {
				open = append(open, sg)
			}
		}
	}
	openBefore, _ := s.kept.get(openID) // what an undo brings back once it is left
	targets := u.kindTargets(k)
	if openID == "" && s.kindCount(u.clip.ID, k) > 0 {
		targets = append(targets, u.clip.ID) // computed again: its list is not loaded yet
	}
	marks := map[string][]spanMark{}
	for _, id := range targets {
		if m := s.marked[id]; len(m) > 0 {
			marks[id] = slices.Clone(m)
		}
	}
	clips := len(targets)
	if openID != "" {
		clips++
	}
	coder := u.coder.ID
	startJob(u, bulkJob(u, job[bulkResult]{
		title:  "Accepting suggestions",
		detail: fmt.Sprintf("%s in %s as %s", count(n, string(k)+" suggestion", string(k)+" suggestions"), count(clips, "clipping", "clippings"), t.Name),
		unit:   "clippings",
		work: func(ctx context.Context, st *store.Store, report func(int, int)) (bulkResult, error) {
			report(0, clips)
			gctx, stop := context.WithCancel(ctx)
			defer stop()
			var failed error
			fail := func(err error) {
				if failed == nil && gctx.Err() == nil {
					failed = err
				}
				stop() // the group saves nothing
			}
			src := bulkSource{openID: openID, open: open, targets: targets, marks: marks,
				report: func(done int) { report(done, clips) }, fail: fail}
			var r bulkResult
			as := func(gr store.GroupReader) iter.Seq[*model.Annotation] {
				return r.probed(suggestionAnnotations(src.suggestions(gctx, gr), k, t, coder))
			}
			res, err := st.AddAnnotationGroupFrom(gctx, coder, as, store.GroupOptions{SkipExisting: true})
			if failed != nil && ctx.Err() == nil {
				return bulkResult{}, failed
			}
			r.GroupResult = res
			return r, err
		},
		failed:    fmt.Sprintf("accepting the %s suggestions failed (none was saved)", k),
		cancelled: "Accepting cancelled; no suggestion was saved.",
		done: func(r bulkResult) {
			// Every suggestion of kind k in the targets is now annotated;
			// undoing the group brings the counts back (followBulks).
			b := &bulkAccept{probes: r.probes, slot: kindSlot(k), before: newTallies(), open: openID}
			if openID != "" {
				b.before.set(openID, openBefore)
			}
			for _, id := range targets {
				if tl, ok := s.kept.get(id); ok && id != s.clip {
					b.before.set(id, tl)
					tl[b.slot] = 0
					s.kept.set(id, tl)
				}
			}
			if r.probes[0] != "" && u.sugg == s {
				s.bulks = append(s.bulks, b)
				if len(s.bulks) > maxBulks {
					s.bulks = slices.Delete(s.bulks, 0, len(s.bulks)-maxBulks)
				}
			}
			u.reloadAnnotations()
			if err := u.lib.reload(); err != nil {
				u.showError(err)
			}
			u.refreshSuggestions()
			u.updateStatus()
			msg := fmt.Sprintf("Accepted %s in %s", count(r.Added, string(k), plural(string(k), 2)), count(clips, "clipping", "clippings"))
			if r.Skipped > 0 {
				msg += fmt.Sprintf(" (%s already tagged)", thousands(r.Skipped))
			}
			u.flash(msg + " — Ctrl+Z undoes them all.")
		},
	}))
}

// bulkResult is what an accept in every clipping saved, and the first and
// last annotations it added (to tell later whether it was undone).
type bulkResult struct {
	store.GroupResult
	probes [2]string
}

// probed passes as on, noting the first and last annotation added (a
// skipped one keeps no id).
func (r *bulkResult) probed(as iter.Seq[*model.Annotation]) iter.Seq[*model.Annotation] {
	return func(yield func(*model.Annotation) bool) {
		for a := range as {
			if !yield(a) {
				return
			}
			if a.ID != "" {
				if r.probes[0] == "" {
					r.probes[0] = a.ID
				}
				r.probes[1] = a.ID
			}
		}
	}
}

// bulkSource is what an accept in every clipping takes suggestions from:
// the open clipping's at hand, every target's computed again (minus what
// was dismissed there), with progress in clippings.
type bulkSource struct {
	openID  string
	open    []suggest.Suggestion
	targets []string
	marks   map[string][]spanMark
	report  func(done int)
	fail    func(error) // stops the group: nothing is saved
}

// suggestions yields each clipping's suggestions, reading clippings and
// rejections through the group's own transaction (see store.GroupReader).
func (b bulkSource) suggestions(ctx context.Context, gr store.GroupReader) iter.Seq2[string, []suggest.Suggestion] {
	return func(yield func(string, []suggest.Suggestion) bool) {
		done := 0
		if b.openID != "" {
			if !yield(b.openID, b.open) {
				return
			}
			done++
			b.report(done)
		}
		for _, id := range b.targets {
			c, err := gr.Clipping(ctx, id)
			if err != nil {
				b.fail(fmt.Errorf("reading clipping %s: %w", id, err))
				return
			}
			ss, err := suggestFor(ctx, gr, c)
			if err != nil {
				b.fail(fmt.Errorf("%s: %w", orUntitled(c.Headline), err))
				return
			}
			if !yield(id, dropMarked(ss, b.marks[id])) {
				return
			}
			done++
			b.report(done)
		}
	}
}

// suggestionAnnotations yields one annotation of tag t by coder per
// suggestion of kind k that found yields, clipping after clipping, made as
// they are taken.
func suggestionAnnotations(found iter.Seq2[string, []suggest.Suggestion], k suggest.Kind, t model.Tag, coder string) iter.Seq[*model.Annotation] {
	return func(yield func(*model.Annotation) bool) {
		for clip, ss := range found {
			for _, sg := range ss {
				if sg.Kind != k {
					continue
				}
				a := &model.Annotation{ClippingID: clip, TagID: t.ID, CoderID: coder,
					Start: sg.Start, End: sg.End, Exact: sg.Text,
					Attributes: suggestionAttributes(sg), Origin: model.OriginSuggestion}
				if !yield(a) {
					return
				}
			}
		}
	}
}
