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

// suggestFor runs the suggester over one clipping's body, in its language
// and knowing its byline, drops what was rejected on it before and orders
// the rest for review, most confident first.
func suggestFor(ctx context.Context, st *store.Store, c model.Clipping) ([]suggest.Suggestion, error) {
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
// list focused for review by keyboard. The channel closes when the results
// are shown (or dropped because the project changed).
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
			u.sugg.stop, u.sugg.busy = nil, false
			if err != nil {
				u.reviewer.refresh()
				u.showError(err)
				return
			}
			u.sugg.found[id] = ss
			if u.clip.ID != id {
				u.lib.refreshRows()
				return
			}
			u.sugg.cur = ""
			u.refreshSuggestions()
			u.startReview()
			n := len(u.sugg.all)
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
// was cancelled or failed.
type manyFound struct {
	found     map[string][]suggest.Suggestion
	asked     int
	cancelled bool
	err       error
}

// suggestMany finds suggestions for several clippings as a background job
// with a progress dialog; they wait in memory for review when each
// clipping is opened. Cancelled, it keeps what it found so far.
func (u *UI) suggestMany(src clippingSource) {
	startJob(u, job[manyFound]{
		title:  "Finding suggestions",
		detail: "Reading the clippings",
		unit:   "clippings",
		work: func(ctx context.Context, st *store.Store, report func(int, int)) (manyFound, error) {
			r := manyFound{found: map[string][]suggest.Suggestion{}}
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
				r.found[id] = ss
				i++
				report(i, max(n, i))
			}
			r.cancelled = ctx.Err() != nil
			return r, nil // partial results are kept, also when cancelled
		},
		done: func(r manyFound) { u.suggestManyDone(r.found, r.asked, r.cancelled, r.err) },
	})
}

// suggestManyDone keeps a batch's suggestions and says what was found.
func (u *UI) suggestManyDone(found map[string][]suggest.Suggestion, asked int, cancelled bool, err error) {
	for id, ss := range found {
		u.sugg.found[id] = ss
	}
	if _, ok := found[u.clip.ID]; ok {
		u.sugg.cur = ""
		u.sugg.clip = "" // re-read as newly opened
	}
	u.refreshSuggestions()
	n, in := 0, 0
	for id := range found {
		if c := u.sugg.count(id); c > 0 {
			n += c
			in++
		}
	}
	if err != nil {
		u.showError(err)
	}
	msg := fmt.Sprintf("%s to review in %d of %s.", count(n, "suggestion", "suggestions"), in, count(len(found), "clipping", "clippings"))
	if cancelled {
		msg = fmt.Sprintf("Stopped after %d of %s. ", len(found), count(asked, "clipping", "clippings")) + msg
	}
	if u.sugg.count(u.clip.ID) > 0 {
		u.startReview()
	}
	u.flash(msg + " The library shows how many each clipping has.")
}

// clearSuggestions forgets the open clipping's suggestions (rejections stay).
func (u *UI) clearSuggestions() {
	delete(u.sugg.found, u.clip.ID)
	u.sugg.cur = ""
	u.refreshSuggestions()
}

// resetSuggestions drops every suggestion, for another project.
func (u *UI) resetSuggestions() {
	if u.sugg.stop != nil {
		u.sugg.stop()
	}
	kind := u.sugg.kind
	u.sugg = newSuggestions()
	u.sugg.kind = kind
}
