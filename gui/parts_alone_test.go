package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"clipper/gui/textview"
	"clipper/model"
	"clipper/model/store"
)

// fakePane is a textPane that records what a part asks of the reader.
type fakePane struct {
	highlights []textview.Highlight
	outlined   string
	scrolled   int
	sel        [2]int
	clears     int
}

func (p *fakePane) setHighlights(hs []textview.Highlight, outlined string) {
	p.highlights, p.outlined = hs, outlined
}
func (p *fakePane) outline(id string)           { p.outlined = id }
func (p *fakePane) scrollTo(off int)            { p.scrolled = off }
func (p *fakePane) selectSpan(start, end int)   { p.sel = [2]int{start, end} }
func (p *fakePane) selection() (start, end int) { return p.sel[0], p.sel[1] }
func (p *fakePane) clearSelection()             { p.sel[0] = p.sel[1]; p.clears++ }

// fakeWindow is the state a part reads and what it reported, for a part
// built alone on a real project: the sample clipping, open, as coder Tess.
type fakeWindow struct {
	st      *store.Store
	clip    model.Clipping
	anns    []model.Annotation
	tags    []model.Tag
	me      model.Coder
	flashes []string
	errs    []error
}

func newFakeWindow(t *testing.T) *fakeWindow {
	t.Helper()
	test.NewTempApp(t)
	ctx := context.Background()
	st, c := sampleProject(t)
	f := &fakeWindow{st: st, clip: *c}
	var err error
	if f.me, err = st.EnsureCoder(ctx, "Tess Tester"); err != nil {
		t.Fatal(err)
	}
	if f.tags, err = st.Tags(ctx); err != nil {
		t.Fatal(err)
	}
	return f
}

// reload rereads the open clipping's annotations, as the window does.
func (f *fakeWindow) reload(t *testing.T) {
	t.Helper()
	as, err := f.st.Annotations(context.Background(), store.AnnotationFilter{ClippingIDs: []string{f.clip.ID}})
	if err != nil {
		t.Fatal(err)
	}
	f.anns = as
}

func (f *fakeWindow) session() session {
	return session{
		project:     func() *store.Store { return f.st },
		ctx:         context.Background,
		clipping:    func() model.Clipping { return f.clip },
		annotations: func() []model.Annotation { return f.anns },
		tags:        func() []model.Tag { return f.tags },
		coder:       func() model.Coder { return f.me },
		flash:       func(msg string) { f.flashes = append(f.flashes, msg) },
		showError:   func(err error) { f.errs = append(f.errs, err) },
	}
}

// TestComparerAlone builds the Compare tab with a fake window and reader:
// it picks the two coders who annotated the clipping, colours the text by
// agreement, lists the disagreements, outlines and scrolls to a picked
// one, adjudicates through its buttons, and reports coder changes and Done.
func TestComparerAlone(t *testing.T) {
	f := newFakeWindow(t)
	ben, err := f.st.EnsureCoder(context.Background(), "Ben Other")
	if err != nil {
		t.Fatal(err)
	}
	quote := "“We cannot ask families to drink water we would not give our own children,”"
	annotate(t, f.st, f.me, f.clip, "quote", quote)
	annotate(t, f.st, ben, f.clip, "quote", quote)
	annotate(t, f.st, f.me, f.clip, "figure", "About 14,000 homes")
	annotate(t, f.st, ben, f.clip, "figure", "14,000 homes and")
	annotate(t, f.st, ben, f.clip, "figure", "$48.5 million")
	f.reload(t)

	pane := &fakePane{}
	c := newComparer(f.session(), pane)
	changed, adjudicated, done := 0, 0, 0
	c.onChanged = func() { changed++; c.refresh() }
	c.onAdjudicated = func() { adjudicated++; f.reload(t); c.refresh() }
	c.onDone = func() { done++ }
	w := test.NewTempWindow(t, c.object())
	w.Resize(fyne.NewSize(420, 700))

	if err := c.start(); err != nil {
		t.Fatal(err)
	}
	if c.coderA.Selected != "Tess Tester" || c.coderB.Selected != "Ben Other" {
		t.Fatalf("picked %q and %q", c.coderA.Selected, c.coderB.Selected)
	}
	c.refresh()
	if len(pane.highlights) != 5 { // the quote, then A only, both, B only, B only
		t.Fatalf("reader got %d highlights: %+v", len(pane.highlights), pane.highlights)
	}
	for _, h := range pane.highlights {
		if !isCompareID(h.ID) {
			t.Errorf("highlight %q is not a compare stretch", h.ID)
		}
	}
	if len(c.ds) != 2 || !strings.Contains(c.figures.Text, "κ") {
		t.Fatalf("%d disagreements, figures %q", len(c.ds), c.figures.Text)
	}

	ms, me := span(t, f.clip.Body, "$48.5 million")
	c.list.Select(1)
	if pane.scrolled != ms || pane.outlined == "" {
		t.Errorf("picking the second disagreement: scrolled to %d (want %d), outlined %q", pane.scrolled, ms, pane.outlined)
	}
	accept := findButton(c.detail, "Accept B")
	if accept == nil {
		t.Fatalf("no Accept B in the detail: %q", labelTexts(c.detail))
	}
	test.Tap(accept)
	adj, err := f.st.EnsureCoder(context.Background(), coderAdjudicated)
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.st.Annotations(context.Background(), store.AnnotationFilter{CoderIDs: []string{adj.ID}})
	if err != nil || len(got) != 1 || got[0].Start != ms || got[0].End != me {
		t.Fatalf("Accept B stored %+v, %v", got, err)
	}
	if adjudicated != 1 || len(f.flashes) == 0 || !strings.Contains(f.flashes[len(f.flashes)-1], "adjudicated set") {
		t.Errorf("after Accept B: %d reports, flashes %q", adjudicated, f.flashes)
	}

	// Edit: the stretch is selected in the reader, then saved as claim.
	c.list.Select(0)
	test.Tap(findButton(c.detail, "Edit…"))
	if d := c.ds[0]; pane.sel != [2]int{d.Start, d.End} {
		t.Errorf("Edit selected %v, want %d–%d", pane.sel, d.Start, d.End)
	}
	c.edit.SetSelected("claim")
	test.Tap(findButton(c.detail, "Save selection as adjudicated"))
	if pane.clears != 1 || adjudicated != 2 {
		t.Errorf("saving the edit: %d selection clears, %d adjudications", pane.clears, adjudicated)
	}

	for _, h := range pane.highlights {
		if strings.HasPrefix(h.Label, "Both") && strings.HasSuffix(h.Label, "quote") {
			c.tapped(h.ID)
			break
		}
	}
	if last := f.flashes[len(f.flashes)-1]; last != "Both coders agree on this stretch." {
		t.Errorf("tapping an agreed stretch says %q", last)
	}
	c.tagSel.SetSelected("claim")
	if changed == 0 || len(pane.highlights) != 0 {
		t.Errorf("choosing the claim tag (the coders marked none): %d change reports, %d highlights", changed, len(pane.highlights))
	}
	test.Tap(findButton(c.box.(*fyne.Container), "Done"))
	if done != 1 || len(f.errs) > 0 {
		t.Errorf("Done reported %d times; errors %v", done, f.errs)
	}
}

// TestMergeReviewAlone builds the merge review with a fake window and
// reader on a project with a conflict from a real merge: it lists and
// explains the conflict, opens its clipping and selects the annotation,
// resolves it through its button, and reports changes and Close.
func TestMergeReviewAlone(t *testing.T) {
	f := newFakeWindow(t)
	ctx := context.Background()
	mine := annotate(t, f.st, f.me, f.clip, "figure", "About 14,000 homes")
	theirFile, other, ben := colleagueCopy(t, f.st)
	theirs, ours := mine, mine
	theirs.Note, ours.Note = "their note", "our note"
	if err := other.UpdateAnnotation(ctx, ben.ID, theirs); err != nil {
		t.Fatal(err)
	}
	other.Close()
	if err := f.st.UpdateAnnotation(ctx, f.me.ID, ours); err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.Merge(ctx, theirFile, store.MergeOptions{CoderID: f.me.ID}); err != nil {
		t.Fatal(err)
	}
	f.reload(t)

	pane := &fakePane{}
	m := newMergeReview(f.session(), pane)
	var opened, selected []string
	changed, closed := 0, 0
	m.headline = func(id string) (string, bool) { return "Water plan", id == f.clip.ID }
	m.open = func(id string) error { opened = append(opened, id); return nil }
	m.selectAnnotation = func(id string) { selected = append(selected, id) }
	m.askCoder = func() { t.Error("asked for the coder's name, which is set") }
	m.onChanged = func() { changed++; f.reload(t) }
	m.onClose = func() { closed++ }
	w := test.NewTempWindow(t, m.object())
	w.Resize(fyne.NewSize(420, 700))

	m.reload()
	if m.pending() != 1 || m.items[0].conflict == nil || m.summary.Text != "To check: 1 conflict" {
		t.Fatalf("review: %d items, summary %q", m.pending(), m.summary.Text)
	}
	if head, _ := m.rowText(m.items[0]); !strings.Contains(head, "Conflict · figure · Water plan") {
		t.Errorf("row reads %q", head)
	}
	m.show(0)
	if len(opened) != 1 || opened[0] != f.clip.ID || len(selected) != 1 || selected[0] != mine.ID ||
		pane.sel != [2]int{mine.Start, mine.End} {
		t.Errorf("showing the conflict: opened %v, selected %v, reader selection %v", opened, selected, pane.sel)
	}
	take := findButton(m.detail, "Take theirs")
	if take == nil {
		t.Fatalf("no Take theirs in %q", labelTexts(m.detail))
	}
	test.Tap(take)
	a, err := f.st.Annotation(ctx, mine.ID)
	if err != nil || a.Note != "their note" {
		t.Fatalf("after Take theirs: note %q, %v", a.Note, err)
	}
	if changed != 1 || m.pending() != 0 || f.flashes[len(f.flashes)-1] != "Took their version." {
		t.Errorf("after resolving: %d change reports, %d pending, flashes %q", changed, m.pending(), f.flashes)
	}
	test.Tap(findButton(m.box.(*fyne.Container), "Close review"))
	if closed != 1 || len(f.errs) > 0 {
		t.Errorf("Close reported %d times; errors %v", closed, f.errs)
	}
}
