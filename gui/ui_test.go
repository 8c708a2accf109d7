package gui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"clipper/assets"
	"clipper/model"
	"clipper/model/ingest"
	"clipper/model/store"
)

// newTestUI opens a project holding the sample clipping in a test window.
func newTestUI(t *testing.T) (*UI, *store.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	st, _ := sampleProject(t)
	u := New(a, st, Options{Coder: "Tess Tester", NoPrompts: true})
	u.jobs.held = true // background work runs at u.jobs.wait(); see jobs.go
	u.win.Resize(fyne.NewSize(1280, 800))
	u.win.Show()
	t.Cleanup(func() {
		if !u.closed { // the test driver panics on closing twice
			u.win.Close()
		}
	})
	return u, st
}

// sampleProject creates a project holding the sample clipping, closed
// when the test ends.
func sampleProject(t *testing.T) (*store.Store, *model.Clipping) {
	t.Helper()
	st, err := store.Create(filepath.Join(t.TempDir(), "p.clip"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	c, _, err := ingest.Parse(assets.SampleClippingName, assets.SampleClipping)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddClipping(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return st, c
}

// span returns the code-point span of the first occurrence of s in body.
func span(t *testing.T, body, s string) (int, int) {
	t.Helper()
	i := strings.Index(body, s)
	if i < 0 {
		t.Fatalf("%q not in body", s)
	}
	start := len([]rune(body[:i]))
	return start, start + len([]rune(s))
}

func TestOpensFirstClipping(t *testing.T) {
	u, _ := newTestUI(t)
	if u.clip.ID == "" || !strings.HasPrefix(u.clip.Headline, "Council votes") {
		t.Fatalf("open clipping = %q", u.clip.Headline)
	}
	if got := u.reader.view.Text(); got != u.clip.Body {
		t.Errorf("reader shows %d chars, body has %d", len(got), len(u.clip.Body))
	}
	if !strings.Contains(u.status.Text, "Tess Tester") || !strings.Contains(u.status.Text, "1 clipping ·") {
		t.Errorf("status = %q", u.status.Text)
	}
}

func TestTagFigureWithKey(t *testing.T) {
	u, st := newTestUI(t)
	start, end := span(t, u.clip.Body, "About 14,000 homes")
	u.reader.view.Select(start, end)
	if !u.readerRune('3') {
		t.Fatal("key 3 not handled")
	}
	as, err := st.Annotations(context.Background(), store.AnnotationFilter{ClippingIDs: []string{u.clip.ID}})
	if err != nil || len(as) != 1 {
		t.Fatalf("annotations on disk = %v, %v", as, err)
	}
	a := as[0]
	tag, _ := u.tag(a.TagID)
	if tag.Kind != model.KindFigure || a.Start != start || a.End != end || a.Exact != "About 14,000 homes" {
		t.Errorf("annotation = %+v (tag %s)", a, tag.Name)
	}
	if a.Value == nil || *a.Value != 14000 || a.Comparator != "~" || a.Unit != "homes" {
		t.Errorf("figure attributes = value %v comparator %q unit %q", a.Value, a.Comparator, a.Unit)
	}
	if u.selected != a.ID || u.panel.editor.id != a.ID {
		t.Errorf("new annotation not selected in the panel")
	}
	if s, e := u.reader.view.Selection(); s != e {
		t.Errorf("selection not cleared after tagging: %d–%d", s, e)
	}
}

func TestUndoRedoTagging(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	count := func() int {
		as, err := st.Annotations(ctx, store.AnnotationFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return len(as)
	}
	start, end := span(t, u.clip.Body, "Mayor Helen Okafor")
	u.reader.view.Select(start, end)
	u.readerRune('1')
	if count() != 1 {
		t.Fatal("claim not stored")
	}
	u.undo()
	if count() != 0 || len(u.anns) != 0 {
		t.Fatalf("after undo: %d on disk, %d shown", count(), len(u.anns))
	}
	u.redo()
	if count() != 1 || len(u.anns) != 1 {
		t.Fatalf("after redo: %d on disk, %d shown", count(), len(u.anns))
	}
	u.selectAnnotation(u.anns[0].ID, false)
	u.readerKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if count() != 0 {
		t.Fatal("Delete did not remove the annotation")
	}
	u.undo()
	if count() != 1 {
		t.Fatal("undo of delete did not restore it")
	}
}

func TestHighlightTapSelectsInPanelAndEditorSaves(t *testing.T) {
	u, st := newTestUI(t)
	start, end := span(t, u.clip.Body, "“We cannot ask families to drink water we would not give our own children,”")
	u.reader.view.Select(start, end)
	u.readerRune('2')
	id := u.selected
	u.selectAnnotation("", false)
	if u.panel.editor.id != "" {
		t.Fatal("editor still shows an annotation after deselecting")
	}

	u.reader.view.OnHighlightTapped(id)
	if u.selected != id || u.panel.editor.id != id {
		t.Fatalf("tap on highlight: selected %q, editor %q, want %q", u.selected, u.panel.editor.id, id)
	}
	if got := u.panel.editor.speaker.Text; got != "Mayor Helen Okafor" && got != "Helen Okafor" {
		t.Errorf("speaker prefilled as %q", got)
	}
	u.panel.editor.speaker.SetText("Helen Okafor")
	u.panel.editor.note.SetText("mayor's justification")
	u.panel.editor.speaker.OnSubmitted("")
	a, err := st.Annotation(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if a.Speaker != "Helen Okafor" || a.Note != "mayor's justification" {
		t.Errorf("saved attributes: speaker %q note %q", a.Speaker, a.Note)
	}
}

func TestNudgeAndJump(t *testing.T) {
	u, _ := newTestUI(t)
	start, end := span(t, u.clip.Body, "14,000 homes")
	u.reader.view.Select(start, end)
	u.readerRune('3')
	first := u.selected
	u.nudge(-1, -1) // start one word left: "About 14,000 homes"
	if a := u.annotation(first); a == nil || a.Exact != "About 14,000 homes" {
		t.Fatalf("after nudging start left: %+v", a)
	}
	u.nudge(+1, +1) // end one word right: "About 14,000 homes and"
	if a := u.annotation(first); a.Exact != "About 14,000 homes and" {
		t.Errorf("after nudging end right: %q", a.Exact)
	}
	u.nudge(+1, -1)
	u.nudge(-1, +1)
	if a := u.annotation(first); a.Exact != "14,000 homes" {
		t.Errorf("after nudging back: %q", a.Exact)
	}

	s2, e2 := span(t, u.clip.Body, "$48.5 million")
	u.reader.view.Select(s2, e2)
	u.readerRune('3')
	second := u.selected
	u.readerRune('p')
	if u.selected != first {
		t.Errorf("P went to %q, want the first annotation", u.selected)
	}
	u.readerRune('n')
	if u.selected != second {
		t.Errorf("N went to %q, want the second annotation", u.selected)
	}
}

func TestEmptyProjectInvitesImport(t *testing.T) {
	a := test.NewTempApp(t)
	st, err := store.Create(filepath.Join(t.TempDir(), "empty.clip"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	u := New(a, st, Options{Coder: "X", NoPrompts: true})
	defer u.win.Close()
	if !strings.Contains(u.reader.headline.Text, "no clippings") || !strings.Contains(u.reader.hint.Text, "Import") {
		t.Errorf("empty project shows %q / %q", u.reader.headline.Text, u.reader.hint.Text)
	}
}

func TestBlank(t *testing.T) {
	u, _ := newTestUI(t)
	img := u.win.Canvas().Capture()
	if Blank(img) {
		t.Error("a drawn window is reported blank")
	}
}

// TestDragSelectThenKey drives the reader with mouse events as the desktop
// driver delivers them, then types 3: a figure with parsed attributes.
func TestDragSelectThenKey(t *testing.T) {
	u, st := newTestUI(t)
	v := u.reader.view
	start, end := span(t, u.clip.Body, "an estimated cost of $48.5 million")
	from, ok1 := v.PositionOf(start)
	to, ok2 := v.PositionOf(end)
	if !ok1 || !ok2 {
		t.Fatal("view not laid out")
	}
	from.X++ // inside the first character
	to.X--   // inside the last
	v.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: from}, Button: desktop.MouseButtonPrimary})
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-from.X, to.Y-from.Y)})
	v.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: to}, Button: desktop.MouseButtonPrimary})
	v.DragEnd()
	if s, e := v.Selection(); s != start || e != end {
		t.Fatalf("drag selected %d–%d %q, want %d–%d", s, e, string([]rune(u.clip.Body)[s:e]), start, end)
	}
	v.TypedRune('3')
	as, err := st.Annotations(context.Background(), store.AnnotationFilter{ClippingIDs: []string{u.clip.ID}})
	if err != nil || len(as) != 1 {
		t.Fatalf("annotations = %d, %v", len(as), err)
	}
	a := as[0]
	if a.Exact != "an estimated cost of $48.5 million" || a.Value == nil || *a.Value != 48.5e6 || a.Unit != "USD" {
		t.Errorf("figure = %q value %v unit %q comparator %q", a.Exact, a.Value, a.Unit, a.Comparator)
	}

	// Clicking the new highlight (press and release without a drag) selects it in the panel.
	u.selectAnnotation("", false)
	mid, _ := v.PositionOf(start + 5)
	v.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: mid}, Button: desktop.MouseButtonPrimary})
	v.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: mid}, Button: desktop.MouseButtonPrimary})
	if u.selected != a.ID || u.panel.editor.id != a.ID {
		t.Errorf("click on highlight selected %q (editor %q), want %q", u.selected, u.panel.editor.id, a.ID)
	}
}

func TestTagButton(t *testing.T) {
	u, st := newTestUI(t)
	start, end := span(t, u.clip.Body, "320 businesses")
	u.reader.view.Select(start, end)
	var clicked bool
	for _, o := range u.reader.tagBar.Objects {
		row := o.(*fyne.Container)
		for _, c := range row.Objects {
			if b, ok := c.(*widget.Button); ok && strings.HasPrefix(b.Text, "figure") {
				test.Tap(b)
				clicked = true
			}
		}
	}
	if !clicked {
		t.Fatal("no figure button in the reader's tag bar")
	}
	as, err := st.Annotations(context.Background(), store.AnnotationFilter{})
	if err != nil || len(as) != 1 || as[0].Exact != "320 businesses" || as[0].Value == nil || *as[0].Value != 320 {
		t.Fatalf("after clicking figure: %+v, %v", as, err)
	}
}

func TestLibraryFilters(t *testing.T) {
	u, st := newTestUI(t)
	second := &model.Clipping{Body: "Nothing tagged here about lead pipes.", Metadata: model.Metadata{Headline: "Second"}}
	if _, err := st.AddClipping(context.Background(), second); err != nil {
		t.Fatal(err)
	}
	if err := u.lib.reload(); err != nil {
		t.Fatal(err)
	}
	start, end := span(t, u.clip.Body, "320 businesses")
	u.reader.view.Select(start, end)
	u.readerRune('3')
	shown := func() []string {
		var ids []string
		for _, it := range listed(u) {
			ids = append(ids, it.ID)
		}
		return ids
	}
	if got := shown(); len(got) != 2 {
		t.Fatalf("unfiltered library shows %d clippings", len(got))
	}
	u.lib.tagSel.SetSelected("figure")
	if got := shown(); len(got) != 1 || got[0] != u.clip.ID {
		t.Errorf("tag filter figure: %v", got)
	}
	u.lib.tagSel.SetSelected("quote")
	if got := shown(); len(got) != 0 {
		t.Errorf("tag filter quote: %v", got)
	}
	u.lib.tagSel.SetSelected(allTags)
	u.lib.cdrSel.SetSelected("Tess Tester")
	if got := shown(); len(got) != 1 {
		t.Errorf("coder filter: %v", got)
	}
	u.lib.cdrSel.SetSelected(allCoders)
	u.lib.search.SetText("pipes")
	u.lib.search.OnSubmitted("pipes")
	if got := shown(); len(got) != 2 {
		t.Errorf("search pipes (both texts mention pipes): %v", got)
	}
	u.lib.search.SetText("Okafor")
	u.lib.search.OnSubmitted("Okafor")
	if got := shown(); len(got) != 1 || got[0] != u.clip.ID {
		t.Errorf("search Okafor: %v", got)
	}
}

func TestFollowsAnotherInstance(t *testing.T) {
	u, st := newTestUI(t)
	u.checkExternal() // first look: remembers the version
	other, err := store.Open(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	ctx := context.Background()
	coder, err := other.EnsureCoder(ctx, "Second Window")
	if err != nil {
		t.Fatal(err)
	}
	tag, err := other.TagByName(ctx, "quote")
	if err != nil {
		t.Fatal(err)
	}
	start, end := span(t, u.clip.Body, "“This is the fastest safe option we have.”")
	a := &model.Annotation{ClippingID: u.clip.ID, TagID: tag.ID, CoderID: coder.ID, Start: start, End: end}
	if err := other.AddAnnotation(ctx, a); err != nil {
		t.Fatal(err)
	}
	if u.annotation(a.ID) != nil {
		t.Fatal("annotation visible before the check")
	}
	u.checkExternal()
	if u.annotation(a.ID) == nil {
		t.Error("the other instance's annotation did not appear")
	}
	if !strings.Contains(strings.Join(u.lib.cdrSel.Options, ","), "Second Window") {
		t.Errorf("coder filter lacks the new coder: %v", u.lib.cdrSel.Options)
	}
}
