package gui

import (
	"context"
	"fmt"
	"iter"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"clipper/model"
	"clipper/model/store"
	"clipper/model/suggest"
)

// rejectionReader reads the suggestions rejected on a clipping: the store,
// or a store.GroupReader inside a group's transaction.
type rejectionReader interface {
	Rejections(ctx context.Context, clippingID string) ([]store.Rejection, error)
}

// suggestFor runs the suggester over one clipping's body, in its language
// and knowing its byline, drops what was rejected on it before and orders
// the rest for review, most confident first.
func suggestFor(ctx context.Context, st rejectionReader, c model.Clipping) ([]suggest.Suggestion, error) {
	ss, err := suggest.Suggest(ctx, c.Body, suggestOptions(c.Metadata))
	if err != nil {
		return nil, fmt.Errorf("suggesting: %w", err)
	}
	rs, err := st.Rejections(ctx, c.ID)
	if err != nil {
		return nil, fmt.Errorf("reading rejected suggestions: %w", err)
	}
	return suggest.ByConfidence(dropRejected(ss, rs)), nil
}

// suggestOptions are the suggester's options for a clipping: its language
// and the names of its byline (authors and credit), which are never taken
// for a speaker or claimant.
func suggestOptions(m model.Metadata) suggest.Options {
	opt := suggest.Options{Language: m.Language}
	for _, n := range append(slices.Clone(m.Authors), m.Credit) {
		if strings.TrimSpace(n) != "" {
			opt.Byline = append(opt.Byline, n)
		}
	}
	return opt
}

// suggestOpen finds suggestions for the open clipping in the background,
// then shows them in the Suggestions tab with the first one current and the
// list focused for review by keyboard; what was dismissed there before is
// offered again (rejections stay). The channel closes when the results are
// shown (or dropped because the project changed).
func (u *UI) suggestOpen() <-chan struct{} {
	done := make(chan struct{})
	if u.clip.ID == "" {
		close(done)
		u.flash("Open a clipping first.")
		return done
	}
	if u.sugg.stop != nil {
		u.sugg.stop()
	}
	ctx, cancel := context.WithCancel(context.Background())
	u.sugg.stop, u.sugg.busy = cancel, true
	u.tabs.Select(u.reviewTab)
	u.reviewer.refresh()
	st, clip := u.store, u.clip
	id := clip.ID
	u.background(cancel, func() {
		defer close(done)
		ss, err := suggestFor(ctx, st, clip)
		fyne.Do(func() {
			stopped := ctx.Err() != nil
			cancel()
			if stopped || u.store != st {
				return // replaced by a newer run or another project
			}
			s := u.sugg
			s.stop, s.busy = nil, false
			if err != nil {
				u.reviewer.refresh()
				u.showError(err)
				return
			}
			delete(s.marked, id)
			if u.clip.ID != id {
				s.kept.set(id, u.tallyFor(id, ss))
				u.lib.refreshRows()
				return
			}
			if s.reload != nil {
				s.reload()
				s.reload = nil
			}
			s.kept.set(id, tally{}) // counted again from the list
			s.found, s.loaded = ss, true
			s.cur = ""
			u.refreshSuggestions()
			u.startReview()
			n := len(s.all)
			switch n {
			case 0:
				u.flash("No new suggestions for this clipping.")
			default:
				u.flash(count(n, "suggestion", "suggestions") + ": Enter accepts, Backspace rejects, Tab moves.")
			}
		})
	})
	return done
}

// suggestAgain computes the open clipping's suggestions again in the
// background (they were computed before and dropped when it was left),
// leaves out what was dismissed there, shows them and then runs then, if
// set. Opening another clipping stops it.
func (u *UI) suggestAgain(then func()) {
	s := u.sugg
	if s.reload != nil {
		s.reload()
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.reload = cancel
	st, clip := u.store, u.clip
	id := clip.ID
	marks := slices.Clone(s.marked[id])
	u.background(cancel, func() {
		ss, err := suggestFor(ctx, st, clip)
		if err == nil {
			ss = dropMarked(ss, marks)
		}
		fyne.Do(func() {
			stopped := ctx.Err() != nil
			cancel()
			if stopped || u.store != st || u.sugg != s || s.clip != id || s.loaded {
				return // left, cleared, replaced by Suggest or another project
			}
			s.reload = nil
			if err != nil {
				u.reviewer.refresh()
				u.showError(err)
				return
			}
			s.found, s.loaded = ss, true
			u.refreshSuggestions()
			if then != nil {
				then()
			}
		})
	})
}

// tallyFor counts what waits for review of ss, found in clipping id, for
// the current coder and tags.
func (u *UI) tallyFor(id string, ss []suggest.Suggestion) tally {
	var have map[spanKey]bool
	if as, err := u.store.Annotations(u.ctx(), store.AnnotationFilter{ClippingIDs: []string{id}}); err == nil {
		have = annotatedBy(as, u.coder.ID)
	}
	return tallyOf(ss, have, kindTagsOf(u.tags))
}

// startReview shows the Suggestions tab, makes the first suggestion current
// when none is, and focuses the list.
func (u *UI) startReview() {
	u.tabs.Select(u.reviewTab)
	if _, ok := u.sugg.byID(u.sugg.cur); !ok && len(u.sugg.shown) > 0 {
		u.setCurrentSuggestion(u.sugg.shown[0].ID)
	}
	u.win.Canvas().Focus(u.reviewer.list)
}

// suggestListed runs the suggester over the clippings the library lists.
func (u *UI) suggestListed() {
	if u.lib.n == 0 {
		dialog.ShowInformation("Suggest", "There are no clippings to look at.", u.win)
		return
	}
	u.suggestMany(libraryClippings(u.lib.filterNow(), u.lib.n))
}

// suggestAll runs the suggester over every clipping in the project.
func (u *UI) suggestAll() {
	clips, _ := u.lib.totals()
	if clips == 0 {
		dialog.ShowInformation("Suggest", "There are no clippings to look at.", u.win)
		return
	}
	u.suggestMany(libraryClippings(store.LibraryFilter{}, clips))
}

// clippingSource is what a suggest run looks at: about how many
// clippings (for the progress bar), and their ids streamed from the
// project the job got.
type clippingSource struct {
	n   int
	ids func(ctx context.Context, st *store.Store) iter.Seq2[string, error]
}

// libraryClippings are the n clippings f selects, streamed from the store
// a batch at a time (in library order).
func libraryClippings(f store.LibraryFilter, n int) clippingSource {
	return clippingSource{
		n: n,
		ids: func(ctx context.Context, st *store.Store) iter.Seq2[string, error] {
			return func(yield func(string, error) bool) {
				for it, err := range st.Reader().ClippingSummaries(ctx, f) {
					if !yield(it.ID, err) || err != nil {
						return
					}
				}
			}
		},
	}
}

// idList is a fixed list of clippings.
func idList(ids ...string) clippingSource {
	return clippingSource{
		n: len(ids),
		ids: func(context.Context, *store.Store) iter.Seq2[string, error] {
			return func(yield func(string, error) bool) {
				for _, id := range ids {
					if !yield(id, nil) {
						return
					}
				}
			}
		},
	}
}

// manyFound is what a run over several clippings found before it ended,
// was cancelled or failed: per clipping only a tally of what waits for
// review, so that memory does not grow with the suggestions' text.
type manyFound struct {
	found     tallies
	asked     int
	cancelled bool
	err       error
}

// suggestMany finds suggestions for several clippings as a background job
// with a progress dialog and keeps, per clipping, how many of each kind
// wait for review (for the library and Accept all); a clipping's
// suggestions are computed again when it is opened. Cancelled, it keeps
// what it found so far.
func (u *UI) suggestMany(src clippingSource) {
	coder, kt := u.coder.ID, kindTagsOf(u.tags)
	startJob(u, job[manyFound]{
		title:  "Finding suggestions",
		detail: "Reading the clippings",
		unit:   "clippings",
		work: func(ctx context.Context, st *store.Store, report func(int, int)) (manyFound, error) {
			r := manyFound{found: newTallies()}
			n := src.n
			r.asked = n
			report(0, n)
			i := 0
			for id, err := range src.ids(ctx, st) {
				if ctx.Err() != nil {
					break
				}
				if err != nil {
					r.err = fmt.Errorf("listing the clippings: %w", err)
					break
				}
				c, err := st.Clipping(ctx, id)
				if err != nil {
					if ctx.Err() == nil {
						r.err = fmt.Errorf("reading clipping %s: %w", id, err)
					}
					break
				}
				ss, err := suggestFor(ctx, st, c)
				if err != nil {
					if ctx.Err() == nil {
						r.err = fmt.Errorf("%s: %w", orUntitled(c.Headline), err)
					}
					break
				}
				as, err := st.Annotations(ctx, store.AnnotationFilter{ClippingIDs: []string{id}})
				if err != nil {
					if ctx.Err() == nil {
						r.err = fmt.Errorf("reading the annotations of %s: %w", orUntitled(c.Headline), err)
					}
					break
				}
				r.found.set(id, tallyOf(ss, annotatedBy(as, coder), kt))
				i++
				report(i, max(n, i))
			}
			r.cancelled = ctx.Err() != nil
			return r, nil // partial results are kept, also when cancelled
		},
		done: func(r manyFound) { u.suggestManyDone(r.found, r.asked, r.cancelled, r.err) },
	})
}

// suggestManyDone keeps a batch's tallies, computes the open clipping's
// suggestions again when the batch looked at it, and says what was found.
func (u *UI) suggestManyDone(found tallies, asked int, cancelled bool, err error) {
	s := u.sugg
	s.kept.merge(found)
	for id := range s.marked {
		if _, ok := found.get(id); ok {
			delete(s.marked, id) // found afresh: what was dismissed is offered again
		}
	}
	n, in := 0, 0
	for _, t := range found.all() {
		c := 0
		for i, ok := range s.tagged {
			if ok {
				c += int(t[i])
			}
		}
		if c > 0 {
			n += c
			in++
		}
	}
	_, openFound := found.get(u.clip.ID)
	if err != nil {
		u.showError(err)
	}
	msg := fmt.Sprintf("%s to review in %s of %s.", count(n, "suggestion", "suggestions"), thousands(in), count(found.len(), "clipping", "clippings"))
	if cancelled {
		msg = fmt.Sprintf("Stopped after %s of %s. ", thousands(found.len()), count(asked, "clipping", "clippings")) + msg
	}
	msg += " The library shows how many each clipping has."
	switch {
	case openFound && u.clip.ID != "":
		if s.reload != nil {
			s.reload()
			s.reload = nil
		}
		s.found, s.loaded, s.cur = nil, false, ""
		u.refreshSuggestions()
		u.suggestAgain(func() {
			if len(s.all) > 0 {
				u.startReview()
			}
		})
	default:
		u.refreshSuggestions()
		if s.count(u.clip.ID) > 0 {
			u.startReview()
		}
	}
	u.flash(msg)
}

// clearSuggestions forgets the open clipping's suggestions (rejections stay).
func (u *UI) clearSuggestions() {
	u.sugg.forget(u.clip.ID)
	u.sugg.cur = ""
	u.refreshSuggestions()
}

// resetSuggestions drops every suggestion, for another project.
func (u *UI) resetSuggestions() {
	if u.sugg.stop != nil {
		u.sugg.stop()
	}
	if u.sugg.reload != nil {
		u.sugg.reload()
	}
	kind := u.sugg.kind
	u.sugg = newSuggestions()
	u.sugg.kind = kind
}
