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

// Accepting a kind of suggestion in every clipping: the suggestions the
// suggest runs found (and nobody rejected) become annotations of the
// kind's tag, by the current coder, as one background job that lands as
// one undo step (store.AddAnnotationGroup). Spans the coder already
// annotated with the tag are skipped.

// kindFound is the suggestions of one kind found in one clipping.
type kindFound struct {
	clip string
	ss   []suggest.Suggestion
}

// foundOfKind copies, in clipping id order, the suggestions of kind k the
// session holds, and counts them and their clippings.
func (s *suggestions) foundOfKind(k suggest.Kind) (out []kindFound, n int) {
	for id, ss := range s.found {
		var mine []suggest.Suggestion
		for _, sg := range ss {
			if sg.Kind == k {
				mine = append(mine, sg)
			}
		}
		if len(mine) > 0 {
			out = append(out, kindFound{clip: id, ss: mine})
			n += len(mine)
		}
	}
	slices.SortFunc(out, func(a, b kindFound) int {
		switch {
		case a.clip < b.clip:
			return -1
		case a.clip > b.clip:
			return 1
		}
		return 0
	})
	return out, n
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
		fs, n := u.sugg.foundOfKind(k)
		if n > 0 {
			choices = append(choices, kindChoice{k, n, len(fs)})
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

// acceptEverywhere accepts every found suggestion of kind k in every
// clipping as a job with progress and cancel; cancelled, nothing is saved.
func (u *UI) acceptEverywhere(k suggest.Kind) {
	if u.coder.ID == "" {
		u.askCoder(true)
		return
	}
	t, ok := u.tagForKind(k)
	if !ok {
		u.flash(fmt.Sprintf("No tag is of kind %s: add one in Tags → Manage tags.", k))
		return
	}
	fs, n := u.sugg.foundOfKind(k)
	if n == 0 {
		u.flash(fmt.Sprintf("No %s suggestions wait for review.", k))
		return
	}
	coder := u.coder.ID
	startJob(u, job[store.GroupResult]{
		title:  "Accepting suggestions",
		detail: fmt.Sprintf("%s as %s", count(n, string(k)+" suggestion", string(k)+" suggestions"), t.Name),
		unit:   "suggestions",
		work: func(ctx context.Context, st *store.Store, report func(int, int)) (store.GroupResult, error) {
			report(0, n)
			return st.AddAnnotationGroup(ctx, coder, suggestionAnnotations(fs, t, coder),
				store.GroupOptions{SkipExisting: true, Total: n, Progress: report})
		},
		failed:    fmt.Sprintf("accepting the %s suggestions failed (none was saved)", k),
		cancelled: "Accepting cancelled; no suggestion was saved.",
		done: func(r store.GroupResult) {
			u.reloadAnnotations()
			if err := u.lib.reload(); err != nil {
				u.showError(err)
			}
			u.refreshSuggestions()
			u.updateStatus()
			msg := fmt.Sprintf("Accepted %s in %s", count(r.Added, string(k), plural(string(k), 2)), count(len(fs), "clipping", "clippings"))
			if r.Skipped > 0 {
				msg += fmt.Sprintf(" (%d already tagged)", r.Skipped)
			}
			u.flash(msg + " — Ctrl+Z undoes them all.")
		},
	})
}

// suggestionAnnotations yields one annotation of tag t by coder per
// suggestion, clipping after clipping, made as they are taken.
func suggestionAnnotations(fs []kindFound, t model.Tag, coder string) iter.Seq[*model.Annotation] {
	return func(yield func(*model.Annotation) bool) {
		for _, f := range fs {
			for _, sg := range f.ss {
				a := &model.Annotation{ClippingID: f.clip, TagID: t.ID, CoderID: coder,
					Start: sg.Start, End: sg.End, Exact: sg.Text,
					Attributes: suggestionAttributes(sg), Origin: model.OriginSuggestion}
				if !yield(a) {
					return
				}
			}
		}
	}
}
