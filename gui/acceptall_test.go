package gui

import (
	"context"
	"strings"
	"testing"

	"clipper/model"
	"clipper/model/store"
	"clipper/model/suggest"
)

// suggestedFigures runs Suggest over the sample and a second clipping and
// returns the figure suggestions the suggester finds in them, by clipping.
func suggestedFigures(t *testing.T, u *UI, st *store.Store) map[string][]suggest.Suggestion {
	t.Helper()
	other := addClipping(t, u, st, secondClipping)
	u.suggestMany(idList(u.clip.ID, other))
	u.jobs.wait()
	figs := map[string][]suggest.Suggestion{}
	for _, id := range []string{u.clip.ID, other} {
		c, err := st.Clipping(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		ss, err := suggestFor(context.Background(), st, c)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range ss {
			if s.Kind == suggest.KindFigure {
				figs[id] = append(figs[id], s)
			}
		}
		if n := u.sugg.kindCount(id, suggest.KindFigure); n != len(figs[id]) {
			t.Errorf("clipping %s: %d figures to review, the suggester finds %d", id, n, len(figs[id]))
		}
	}
	if len(figs[u.clip.ID]) == 0 || len(figs[other]) == 0 {
		t.Fatalf("figures found: %d in the sample, %d in the other", len(figs[u.clip.ID]), len(figs[other]))
	}
	return figs
}

// suggestedAnnotations counts the live annotations made from suggestions,
// by clipping.
func suggestedAnnotations(t *testing.T, st *store.Store) map[string]int {
	t.Helper()
	as, err := st.Annotations(context.Background(), store.AnnotationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, a := range as {
		if a.Origin == model.OriginSuggestion {
			n[a.ClippingID]++
		}
	}
	return n
}

// TestAcceptEverywhereIsOneUndoStep: after Suggest for all clippings,
// "Accept all of a kind in every clipping" stores every figure suggestion
// of every clipping as one job, skips the one the coder had accepted, and
// one Undo removes them all.
func TestAcceptEverywhereIsOneUndoStep(t *testing.T) {
	u, st := newTestUI(t)
	figs := suggestedFigures(t, u, st)
	want := 0
	for _, ss := range figs {
		want += len(ss)
	}
	// One accepted by hand first: the group skips it.
	p := pendingWhere(t, u, func(p pending) bool { return p.Kind == suggest.KindFigure })
	u.acceptSuggestion(p.ID)
	_, before := u.lib.totals()

	menuAction(t, u, "Suggest", "Accept all of a kind in every clipping…")
	text := overlayText(t, u)
	if !strings.Contains(text, "figure — ") || !strings.Contains(text, "in 2 clippings") {
		t.Fatalf("the dialog offers:\n%s", text)
	}
	u.win.Canvas().Overlays().Top().(interface{ Hide() }).Hide()

	u.acceptEverywhere(suggest.KindFigure)
	progressShowing(t, u, "Accepting suggestions")
	u.jobs.wait()
	got := suggestedAnnotations(t, st)
	for id, ss := range figs {
		if got[id] != len(ss) {
			t.Errorf("clipping %s: %d annotations from suggestions, want %d", id, got[id], len(ss))
		}
	}
	if _, after := u.lib.totals(); after != before+want-1 {
		t.Errorf("the status counts %d annotations, want %d", after, before+want-1)
	}
	if !strings.Contains(u.status.Text, "(1 already tagged)") {
		t.Errorf("status %q", u.status.Text)
	}
	if n := u.reviewer.kindCount(suggest.KindFigure); n != 0 {
		t.Errorf("%d figure suggestions still pending in the open clipping", n)
	}

	// One undo removes the whole group; the hand-accepted one stays.
	u.undo()
	got = suggestedAnnotations(t, st)
	total := 0
	for _, n := range got {
		total += n
	}
	if total != 1 {
		t.Errorf("after one undo %d annotations from suggestions remain, want the hand-accepted one", total)
	}
}

// TestAcceptEverywhereCancel: cancelled, the job saves nothing.
func TestAcceptEverywhereCancel(t *testing.T) {
	u, st := newTestUI(t)
	suggestedFigures(t, u, st)
	u.acceptEverywhere(suggest.KindFigure)
	cancelJob(t, u, "Accepting suggestions")
	u.jobs.wait()
	if got := suggestedAnnotations(t, st); len(got) != 0 {
		t.Errorf("cancelled: annotations saved %v", got)
	}
	if !strings.Contains(u.status.Text, "no suggestion was saved") {
		t.Errorf("status %q", u.status.Text)
	}
}
