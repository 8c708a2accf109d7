package gui

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"clipper/model"
	"clipper/model/find"
	"clipper/model/store"
)

// The parts of the window are built and tested alone, through their
// callbacks and methods, without a UI.

var partTags = []model.Tag{
	{ID: "t-claim", Name: "claim", Kind: model.KindClaim, Color: "#E69F00", Shortcut: "1"},
	{ID: "t-quote", Name: "quote", Kind: model.KindQuote, Color: "#0072B2", Shortcut: "2"},
	{ID: "t-figure", Name: "figure", Kind: model.KindFigure, Color: "#009E73", Shortcut: "3"},
}

func TestPanelAlone(t *testing.T) {
	test.NewTempApp(t)
	p := newPanel()
	w := test.NewTempWindow(t, p.object())
	w.Resize(fyne.NewSize(400, 600))
	var selected []string
	var saved []model.Annotation
	deleted, done := 0, 0
	p.onSelect = func(id string) { selected = append(selected, id); p.selectID(id) }
	p.onDelete = func() { deleted++ }
	p.onDone = func() { done++ }
	p.editor.onSave = func(a model.Annotation) { saved = append(saved, a) }
	p.editor.onDone = func() { done++ }
	p.editor.focus = w.Canvas().Focus
	p.setTags(partTags)
	p.set([]model.Annotation{
		{ID: "a1", TagID: "t-quote", Start: 0, End: 10, Exact: "“We cannot”"},
		{ID: "a2", TagID: "t-figure", Start: 20, End: 38, Exact: "About 14,000 homes"},
	})
	if p.count.Text != "2 annotations" {
		t.Errorf("count = %q", p.count.Text)
	}
	p.list.Select(1)
	if !slices.Equal(selected, []string{"a2"}) || p.editor.id != "a2" {
		t.Fatalf("selecting the row: reported %v, editor on %q", selected, p.editor.id)
	}
	p.editor.focusFirst()
	value := p.editor.value
	if w.Canvas().Focused() != value {
		t.Fatalf("first field of a figure: focus on %T", w.Canvas().Focused())
	}
	test.Type(value, "14000")
	value.OnSubmitted(value.Text)
	if len(saved) != 1 || saved[0].ID != "a2" || saved[0].Value == nil || *saved[0].Value != 14000 || done != 1 {
		t.Fatalf("Enter in the value: saved %+v, done %d", saved, done)
	}
	p.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	p.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if deleted != 1 || done != 2 {
		t.Errorf("Delete and Escape in the list: %d deletes, %d returns", deleted, done)
	}
	p.filter.SetSelected("quote")
	if len(p.shown) != 1 || p.shown[0].ID != "a1" {
		t.Errorf("filtered by quote: %d shown", len(p.shown))
	}
}

func TestReaderAlone(t *testing.T) {
	test.NewTempApp(t)
	r := newReader(true)
	w := test.NewTempWindow(t, r.object())
	w.Resize(fyne.NewSize(700, 500))
	var tagged []string
	actions := map[string]int{}
	r.onTag = func(tg model.Tag) { tagged = append(tagged, tg.Name) }
	r.onEdit = func() { actions["edit"]++ }
	r.onFind = func() { actions["find"]++ }
	r.onSuggest = func() { actions["suggest"]++ }
	r.setTags(partTags)
	c := model.Clipping{ID: "c1", Body: "About 14,000 homes will switch to the river supply.",
		Metadata: model.Metadata{Headline: "Homes switch", Publication: "The Ledger", Date: "2024-03-05",
			Captions: []model.Caption{{Text: "A tap"}, {Text: "A plant", Credit: "FILE"}}}}
	r.show(c)
	if r.view.Text() != c.Body || r.headline.Text != "Homes switch" || r.capLine.Text != "Photo: A tap   (+1 more)" {
		t.Fatalf("shows %q, headline %q, captions %q", r.view.Text(), r.headline.Text, r.capLine.Text)
	}
	for _, label := range []string{"figure  3", "Suggest"} {
		test.Tap(findButton(r.object(), label))
	}
	if !slices.Equal(tagged, []string{"figure"}) || actions["suggest"] != 1 {
		t.Errorf("buttons reported tags %v, actions %v", tagged, actions)
	}
	r.setMarks([]model.Annotation{{ID: "a1", TagID: "t-figure", Start: 0, End: 18}}, nil, "a1")
	if len(r.marks) != 1 || r.marks[0].Label != "figure" {
		t.Errorf("marks = %+v", r.marks)
	}
	r.selectSpan(6, 12)
	if s, e := r.selection(); s != 6 || e != 12 {
		t.Errorf("selection = %d–%d", s, e)
	}
	r.setHint(tagHint, true)
	if !r.hint.Visible() {
		t.Error("hint hidden after setHint(…, true)")
	}
	r.setHint(tagHint, false)
	if r.hint.Visible() {
		t.Error("hint shown after setHint(…, false)")
	}
}

func TestLibraryAlone(t *testing.T) {
	test.NewTempApp(t)
	st, err := store.Create(filepath.Join(t.TempDir(), "p.clip"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, h := range []string{"Item 10", "Item 9", "item 100"} {
		if _, err := st.AddClipping(context.Background(), &model.Clipping{Metadata: model.Metadata{Headline: h}, Body: h + " text"}); err != nil {
			t.Fatal(err)
		}
	}
	imports := 0
	l := newLibrary(func() { imports++ }, nil)
	test.NewTempWindow(t, l.object())
	var opened []string
	l.project = func() *store.Store { return st }
	l.onOpen = func(id string) { opened = append(opened, id) }
	l.setSort(sortHeadline)
	if err := l.reload(); err != nil {
		t.Fatal(err)
	}
	var heads []string
	for i := range l.list.Length() {
		it, _ := l.row(i)
		heads = append(heads, it.Headline)
	}
	if !slices.Equal(heads, []string{"Item 9", "Item 10", "item 100"}) {
		t.Errorf("listed %q", heads)
	}
	l.list.Select(0)
	if first, _ := l.row(0); len(opened) != 1 || opened[0] != first.ID {
		t.Errorf("opened %v", opened)
	}
	test.Tap(findButton(l.object(), "Import…"))
	if imports != 1 {
		t.Error("Import… did not report")
	}
	if n, _ := l.totals(); n != 3 {
		t.Errorf("totals: %d clippings", n)
	}
}

func TestFinderAlone(t *testing.T) {
	test.NewTempApp(t)
	f := newFinder()
	text := widget.NewLabel("the text")
	w := test.NewTempWindow(t, f.withReader(text))
	w.Resize(fyne.NewSize(700, 500))
	clip := model.Clipping{ID: "c1", Body: "Water, water everywhere, nor any drop to drink: the water board said so."}
	var picked []find.Hit
	var listed []bool
	closed := 0
	f.clipping = func() model.Clipping { return clip }
	f.onHit = func(h find.Hit, focus bool) { picked = append(picked, h) }
	f.onListed = func(on bool) { listed = append(listed, on) }
	f.onClose = func() { closed++ }
	f.focus = w.Canvas().Focus
	f.open()
	if w.Canvas().Focused() != f.entry {
		t.Fatalf("focus on %T after opening", w.Canvas().Focused())
	}
	test.Type(f.entry, "water")
	<-f.done
	if hits, more := f.listed(); len(hits) != 3 || more || f.status.Text != "3 hits" {
		t.Fatalf("%d hits (more %v), status %q", len(hits), more, f.status.Text)
	}
	if len(listed) == 0 || !listed[len(listed)-1] {
		t.Errorf("hit list shown but onListed reported %v", listed)
	}
	f.entry.OnSubmitted(f.entry.Text) // Enter goes to the first hit
	if len(picked) != 1 || picked[0].Start != 0 {
		t.Errorf("Enter picked %+v", picked)
	}
	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if closed != 1 || f.bar.Visible() || listed[len(listed)-1] {
		t.Errorf("Escape: closed %d, bar visible %v, listed %v", closed, f.bar.Visible(), listed)
	}
}
