package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"clipper/model"
	"clipper/model/store"
	"clipper/model/suggest"
)

// annotationsOnDisk lists the live annotations in the project.
func annotationsOnDisk(t *testing.T, st *store.Store) []model.Annotation {
	t.Helper()
	as, err := st.Annotations(context.Background(), store.AnnotationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return as
}

// pendingWhere returns the first shown suggestion that ok accepts.
func pendingWhere(t *testing.T, u *UI, ok func(pending) bool) pending {
	t.Helper()
	for _, p := range u.sugg.shown {
		if ok(p) {
			return p
		}
	}
	t.Fatalf("no such suggestion among %d", len(u.sugg.shown))
	return pending{}
}

// mark returns the reader highlight with id.
func mark(u *UI, id string) (found bool, dashed bool) {
	for _, h := range u.reader.marks {
		if h.ID == id {
			return true, h.Dashed
		}
	}
	return false, false
}

// tapDialogButton taps the button labelled label in the window's top overlay.
func tapDialogButton(t *testing.T, u *UI, label string) {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is showing")
	}
	var btn *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Button:
			if v.Text == label {
				btn = v
			}
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	walk(top)
	if btn == nil {
		t.Fatalf("no %q button in the dialog", label)
	}
	test.Tap(btn)
}

func TestSuggestShowsDashedHighlightsAndReviewList(t *testing.T) {
	u, _ := newTestUI(t)
	<-u.suggestOpen()
	if !u.reviewing() {
		t.Fatal("the Suggestions tab is not showing after Suggest")
	}
	if len(u.sugg.shown) < 10 {
		t.Fatalf("only %d suggestions on the sample clipping", len(u.sugg.shown))
	}
	if u.win.Canvas().Focused() != u.reviewer.list {
		t.Errorf("focus is on %T, want the review list", u.win.Canvas().Focused())
	}
	if u.sugg.cur != u.sugg.shown[0].ID || u.markedID() != u.sugg.cur {
		t.Errorf("current %q, marked %q, want the first suggestion %q", u.sugg.cur, u.markedID(), u.sugg.shown[0].ID)
	}
	for _, p := range u.sugg.shown {
		found, dashed := mark(u, p.ID)
		if !found || !dashed {
			t.Errorf("suggestion %s: in reader %v, dashed %v", p.ID, found, dashed)
		}
	}
	if n := u.reviewer.list.Length(); n != len(u.sugg.shown) {
		t.Errorf("list has %d rows, %d suggestions", n, len(u.sugg.shown))
	}

	q := pendingWhere(t, u, func(p pending) bool {
		return p.Kind == suggest.KindQuote && strings.HasPrefix(p.Text, "“We cannot ask")
	})
	row := newSuggestionRow().(*suggestionRow)
	row.set(q)
	if !strings.Contains(row.meta.Text, "quote") || !strings.Contains(row.meta.Text, "speaker: Helen Okafor") || !strings.Contains(row.meta.Text, "%") {
		t.Errorf("quote row meta = %q", row.meta.Text)
	}
	if row.why.Text == "" || !strings.HasPrefix(row.text.Text, "“We cannot ask") {
		t.Errorf("quote row text %q why %q", row.text.Text, row.why.Text)
	}
	f := pendingWhere(t, u, func(p pending) bool { return p.Text == "$48.5 million" })
	row.set(f)
	if !strings.Contains(row.meta.Text, "48,500,000 USD") {
		t.Errorf("figure row meta = %q", row.meta.Text)
	}

	// A kind filter narrows list and highlights.
	u.reviewer.kinds.SetSelected("Quotes")
	for _, p := range u.sugg.shown {
		if p.Kind != suggest.KindQuote {
			t.Fatalf("filter Quotes shows a %s", p.Kind)
		}
	}
	if found, _ := mark(u, f.ID); found {
		t.Error("a figure is still drawn with the Quotes filter")
	}
	if !strings.HasPrefix(u.reviewer.acceptAll.Text, "Accept all") || !strings.Contains(u.reviewer.acceptAll.Text, "quotes") {
		t.Errorf("accept-all button = %q", u.reviewer.acceptAll.Text)
	}
}

func TestReviewByKeyboard(t *testing.T) {
	u, st := newTestUI(t)
	<-u.suggestOpen()
	list := u.reviewer.list
	total := len(u.sugg.shown)

	// Tab and Shift+Tab move, and the reader marks the current one.
	first := u.sugg.shown[0].ID
	list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if u.sugg.cur != u.sugg.shown[1].ID || u.markedID() != u.sugg.shown[1].ID {
		t.Fatalf("Tab: current %q, want %q", u.sugg.cur, u.sugg.shown[1].ID)
	}
	list.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	list.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if u.sugg.cur != first {
		t.Fatalf("Shift+Tab: current %q, want %q", u.sugg.cur, first)
	}
	list.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	list.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if u.sugg.cur != u.sugg.shown[total-1].ID {
		t.Fatal("Shift+Tab on the first suggestion does not wrap to the last")
	}

	// Enter accepts: an annotation with the suggested attributes and origin.
	q := pendingWhere(t, u, func(p pending) bool {
		return p.Kind == suggest.KindQuote && strings.HasPrefix(p.Text, "“We cannot ask")
	})
	after := u.sugg.shown[u.sugg.index(q.ID)+1].ID
	u.setCurrentSuggestion(q.ID)
	list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	as := annotationsOnDisk(t, st)
	if len(as) != 1 {
		t.Fatalf("%d annotations on disk after Enter", len(as))
	}
	a := as[0]
	tag, _ := u.tag(a.TagID)
	if tag.Kind != model.KindQuote || a.Start != q.Start || a.End != q.End || a.Speaker != "Helen Okafor" ||
		a.Origin != model.OriginSuggestion || a.CoderID != u.coder.ID {
		t.Errorf("accepted annotation = %+v (tag %s)", a, tag.Name)
	}
	if _, ok := u.sugg.byID(q.ID); ok {
		t.Error("the accepted suggestion is still listed")
	}
	if found, dashed := mark(u, a.ID); !found || dashed {
		t.Errorf("accepted annotation drawn %v, dashed %v", found, dashed)
	}
	if u.sugg.cur != after {
		t.Errorf("after accepting, current %q, want the next one %q", u.sugg.cur, after)
	}
	if len(u.sugg.shown) != total-1 {
		t.Errorf("%d suggestions left, want %d", len(u.sugg.shown), total-1)
	}

	// Backspace rejects, in the project file, and it stays rejected.
	fig := pendingWhere(t, u, func(p pending) bool { return p.Kind == suggest.KindFigure && p.Text == "37" })
	u.setCurrentSuggestion(fig.ID)
	list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	rs, err := st.Rejections(context.Background(), u.clip.ID)
	if err != nil || len(rs) != 1 || rs[0].Kind != "figure" || rs[0].Start != fig.Start || rs[0].Text != "37" {
		t.Fatalf("rejections on disk = %+v, %v", rs, err)
	}
	if _, ok := u.sugg.byID(fig.ID); ok {
		t.Error("the rejected suggestion is still listed")
	}
	if len(annotationsOnDisk(t, st)) != 1 {
		t.Error("rejecting stored an annotation")
	}
	<-u.suggestOpen()
	if _, ok := u.sugg.byID(fig.ID); ok {
		t.Error("the rejected suggestion came back after Suggest ran again")
	}
	if _, ok := u.sugg.byID(q.ID); ok {
		t.Error("the accepted suggestion came back after Suggest ran again")
	}
	if len(u.sugg.shown) != total-2 {
		t.Errorf("after re-running: %d suggestions, want %d", len(u.sugg.shown), total-2)
	}

	// Undoing the accept offers the suggestion again.
	u.undo()
	if _, ok := u.sugg.byID(q.ID); !ok {
		t.Error("undoing the accept did not bring the suggestion back")
	}
}

func TestReviewInReader(t *testing.T) {
	u, st := newTestUI(t)
	<-u.suggestOpen()
	fig := pendingWhere(t, u, func(p pending) bool { return p.Text == "$48.5 million" })
	u.reader.view.OnHighlightTapped(fig.ID)
	if u.sugg.cur != fig.ID || !u.reviewing() {
		t.Fatalf("clicking a suggestion: current %q, reviewing %v", u.sugg.cur, u.reviewing())
	}
	if !u.readerKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) {
		t.Fatal("Enter in the reader not handled while reviewing")
	}
	as := annotationsOnDisk(t, st)
	if len(as) != 1 || as[0].Value == nil || *as[0].Value != 48.5e6 || as[0].Unit != "USD" {
		t.Fatalf("accepted from the reader: %+v", as)
	}
	next := u.sugg.cur
	u.readerRune('n')
	if u.sugg.cur == next {
		t.Error("N in the reader did not move to the next suggestion")
	}
	cur := u.sugg.cur
	u.readerKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if _, ok := u.sugg.byID(cur); ok {
		t.Error("Backspace in the reader did not reject the current suggestion")
	}
	if len(annotationsOnDisk(t, st)) != 1 {
		t.Error("Backspace in the reader deleted an annotation")
	}
}

func TestAcceptAllOfKindIsOneUndoStep(t *testing.T) {
	u, st := newTestUI(t)
	<-u.suggestOpen()
	figures := 0
	for _, p := range u.sugg.shown {
		if p.Kind == suggest.KindFigure {
			figures++
		}
	}
	// One figure is already tagged by hand: it is skipped.
	hand := pendingWhere(t, u, func(p pending) bool { return p.Text == "About 14,000 homes" })
	u.tabs.Select(u.annTab)
	u.reader.view.Select(hand.Start, hand.End)
	u.readerRune('3')
	if len(annotationsOnDisk(t, st)) != 1 {
		t.Fatal("hand-made figure not stored")
	}
	u.startReview()
	f := pendingWhere(t, u, func(p pending) bool { return p.Kind == suggest.KindFigure })
	u.setCurrentSuggestion(f.ID)

	u.acceptKindDialog()
	tapDialogButton(t, u, "Yes")
	as := annotationsOnDisk(t, st)
	if len(as) != figures {
		t.Fatalf("%d annotations after accepting all figures, want %d (%d suggested, 1 by hand)", len(as), figures, figures)
	}
	for _, a := range as {
		if tag, _ := u.tag(a.TagID); tag.Kind != model.KindFigure {
			t.Errorf("accept-all stored a %s", tag.Kind)
		}
	}
	for _, p := range u.sugg.shown {
		if p.Kind == suggest.KindFigure {
			t.Errorf("figure %q still pending", p.Text)
		}
	}
	u.undo()
	if n := len(annotationsOnDisk(t, st)); n != 1 {
		t.Fatalf("after one undo %d annotations, want the hand-made one", n)
	}
	if _, ok := u.sugg.byID(f.ID); !ok {
		t.Error("undo did not bring the figure suggestions back")
	}
}

func TestSuggestAllClippings(t *testing.T) {
	u, st := newTestUI(t)
	other := addClipping(t, u, st, `Fuel prices climb again

Petrol rose 4.5 percent in May, the statistics office said.

“We will not absorb these costs,” said Dana Ruiz, who runs a haulage firm.`)
	sample := u.clip.ID
	u.suggestMany(idList(sample, other))
	u.jobs.wait()
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("the progress dialog is still showing")
	}
	if !u.sugg.has(sample) || !u.sugg.has(other) || u.sugg.count(other) < 2 {
		t.Fatalf("suggestions kept: sample %v, other %d", u.sugg.has(sample), u.sugg.count(other))
	}
	if !u.reviewing() || u.sugg.cur == "" {
		t.Error("the open clipping's suggestions are not up for review")
	}
	if err := u.Open(other); err != nil {
		t.Fatal(err)
	}
	q := pendingWhere(t, u, func(p pending) bool { return p.Kind == suggest.KindQuote })
	if q.Speaker != "Dana Ruiz" {
		t.Errorf("quote speaker %q", q.Speaker)
	}
	if found, dashed := mark(u, q.ID); !found || !dashed {
		t.Error("the other clipping's suggestions are not drawn when it is opened")
	}
	// Accepting in one clipping leaves the other's suggestions alone.
	left := len(u.sugg.all) - 1
	u.acceptSuggestion(q.ID)
	if err := u.Open(sample); err != nil {
		t.Fatal(err)
	}
	if len(u.sugg.shown) < 10 {
		t.Errorf("the sample clipping has %d suggestions after visiting the other", len(u.sugg.shown))
	}
	if n := u.sugg.count(other); n != left || n < 1 {
		t.Errorf("other clipping: %d to review", n)
	}
}
