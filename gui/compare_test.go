package gui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"clipper/model"
	"clipper/model/store"
)

func ann(coder, tag string, start, end int) model.Annotation {
	return model.Annotation{ID: coder + tag, CoderID: coder, TagID: tag, Start: start, End: end}
}

func TestAgreementSegments(t *testing.T) {
	for _, tc := range []struct {
		name   string
		as, bs []model.Annotation
		want   []segment
	}{
		{"nothing", nil, nil, nil},
		{"same span", []model.Annotation{ann("a", "q", 2, 6)}, []model.Annotation{ann("b", "q", 2, 6)},
			[]segment{{"q", 2, 6, bothAB}}},
		{"shifted", []model.Annotation{ann("a", "q", 0, 10)}, []model.Annotation{ann("b", "q", 5, 15)},
			[]segment{{"q", 0, 5, onlyA}, {"q", 5, 10, bothAB}, {"q", 10, 15, onlyB}}},
		{"touching spans of one coder join", []model.Annotation{ann("a", "q", 0, 3), ann("a", "q", 3, 6)}, nil,
			[]segment{{"q", 0, 6, onlyA}}},
		{"overlap within a coder counts once", []model.Annotation{ann("a", "q", 0, 6), ann("a", "q", 2, 4)}, []model.Annotation{ann("b", "q", 2, 4)},
			[]segment{{"q", 0, 2, onlyA}, {"q", 2, 4, bothAB}, {"q", 4, 6, onlyA}}},
		{"different tags stay apart", []model.Annotation{ann("a", "q", 0, 4)}, []model.Annotation{ann("b", "c", 0, 4)},
			[]segment{{"q", 0, 4, onlyA}, {"c", 0, 4, onlyB}}},
		{"gap", []model.Annotation{ann("a", "q", 0, 2), ann("a", "q", 8, 9)}, []model.Annotation{ann("b", "q", 8, 9)},
			[]segment{{"q", 0, 2, onlyA}, {"q", 8, 9, bothAB}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := agreementSegments(tc.as, tc.bs)
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestCompareAnnotations(t *testing.T) {
	as := []model.Annotation{ann("a", "q", 0, 5), ann("a", "q", 10, 20), ann("a", "c", 30, 40), ann("a", "q", 50, 55)}
	bs := []model.Annotation{ann("b", "q", 0, 5), ann("b", "q", 12, 20), ann("b", "f", 30, 40), ann("b", "q", 60, 65)}
	agreed, ds := compareAnnotations(as, bs)
	if len(agreed) != 1 || agreed[0].Start != 0 || agreed[0].CoderID != "a" {
		t.Errorf("agreed = %v", agreed)
	}
	want := []struct {
		start, end int
		kind       string
		na, nb     int
	}{
		{10, 20, kindExtent, 1, 1},
		{30, 40, kindTag, 1, 1},
		{50, 55, kindOnlyA, 1, 0},
		{60, 65, kindOnlyB, 0, 1},
	}
	if len(ds) != len(want) {
		t.Fatalf("%d disagreements, want %d: %+v", len(ds), len(want), ds)
	}
	for i, w := range want {
		d := ds[i]
		if d.Start != w.start || d.End != w.end || d.Kind != w.kind || len(d.A) != w.na || len(d.B) != w.nb {
			t.Errorf("disagreement %d = %d–%d %s A%d B%d, want %+v", i, d.Start, d.End, d.Kind, len(d.A), len(d.B), w)
		}
	}
}

// compareSetup annotates the sample clipping as two coders: A and B agree
// on a quote, A marks "About 14,000 homes" where B marks "14,000 homes
// and", and only B marks "$48.5 million".
func compareSetup(t *testing.T) (*UI, *store.Store, model.Coder) {
	t.Helper()
	u, st := newTestUI(t)
	ben, err := st.EnsureCoder(context.Background(), "Ben Other")
	if err != nil {
		t.Fatal(err)
	}
	quote := "“We cannot ask families to drink water we would not give our own children,”"
	annotate(t, st, u.coder, u.clip, "quote", quote)
	annotate(t, st, ben, u.clip, "quote", quote)
	annotate(t, st, u.coder, u.clip, "figure", "About 14,000 homes")
	annotate(t, st, ben, u.clip, "figure", "14,000 homes and")
	annotate(t, st, ben, u.clip, "figure", "$48.5 million")
	u.reloadAnnotations()
	return u, st, ben
}

func TestCompareModeColoursByAgreement(t *testing.T) {
	u, st, ben := compareSetup(t)
	u.openCompare()
	if !u.comparing() {
		t.Fatal("compare mode is not on")
	}
	u.cmp.setCoders(u.coder.Name, ben.Name, allTags)
	body := u.clip.Body
	about, _ := span(t, body, "About 14,000 homes")
	homes, homesEnd := span(t, body, "14,000 homes")
	_, andEnd := span(t, body, "14,000 homes and")
	qs, qe := span(t, body, "“We cannot ask families to drink water we would not give our own children,”")
	ms, me := span(t, body, "$48.5 million")
	type mark struct {
		start, end int
		label      string
	}
	want := []mark{
		{qs, qe, "Both: Tess Tester and Ben Other · quote"},
		{about, homes, "A only: Tess Tester · figure"},
		{homes, homesEnd, "Both: Tess Tester and Ben Other · figure"},
		{homesEnd, andEnd, "B only: Ben Other · figure"},
		{ms, me, "B only: Ben Other · figure"},
	}
	var got []mark
	for _, h := range u.reader.marks {
		got = append(got, mark{h.Start, h.End, h.Label})
		switch {
		case strings.HasPrefix(h.Label, "A only") && h.Color != colorOnlyA,
			strings.HasPrefix(h.Label, "B only") && h.Color != colorOnlyB,
			strings.HasPrefix(h.Label, "Both") && h.Color != colorBoth:
			t.Errorf("highlight %q has colour %v", h.Label, h.Color)
		}
	}
	slices.SortFunc(got, func(a, b mark) int { return a.start - b.start })
	slices.SortFunc(want, func(a, b mark) int { return a.start - b.start })
	if !slices.Equal(got, want) {
		t.Errorf("compare highlights:\n got %v\nwant %v", got, want)
	}
	if !strings.Contains(u.cmp.figures.Text, "agree") || !strings.Contains(u.cmp.figures.Text, "κ") || !strings.Contains(u.cmp.figures.Text, "αU") {
		t.Errorf("figures = %q", u.cmp.figures.Text)
	}
	if len(u.cmp.ds) != 2 || u.cmp.ds[0].Kind != kindExtent || u.cmp.ds[1].Kind != kindOnlyB {
		t.Fatalf("disagreements = %+v", u.cmp.ds)
	}

	// Accept B on "$48.5 million": an Adjudicated copy, once.
	u.cmp.pick(u.cmp.ds[1].key())
	u.cmp.adjudicate(u.cmp.ds[1].B)
	u.cmp.adjudicate(u.cmp.ds[1].B)
	adj, err := st.EnsureCoder(context.Background(), coderAdjudicated)
	if err != nil {
		t.Fatal(err)
	}
	as, err := st.Annotations(context.Background(), store.AnnotationFilter{CoderIDs: []string{adj.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].Start != ms || as[0].End != me || as[0].Origin != originAdjudicated || as[0].Exact != "$48.5 million" {
		t.Fatalf("adjudicated set = %+v", as)
	}
	if !u.cmp.settled(u.cmp.ds[1]) || u.cmp.settled(u.cmp.ds[0]) {
		t.Error("the settled disagreement is not marked, or the other one is")
	}
	// Still in compare mode, with the same figures (the Adjudicated coder is not compared).
	if !u.comparing() || len(u.reader.marks) != len(want) {
		t.Errorf("after adjudicating: comparing %v, %d marks", u.comparing(), len(u.reader.marks))
	}

	// Leaving compare mode restores the tag highlights.
	u.closeCompare()
	if u.comparing() {
		t.Fatal("still comparing after Done")
	}
	if len(u.reader.marks) != len(u.anns) || isCompareID(u.reader.marks[0].ID) {
		t.Errorf("after leaving: %d marks for %d annotations", len(u.reader.marks), len(u.anns))
	}
}

func TestCompareTagFilterAndCopyAgreed(t *testing.T) {
	u, st, ben := compareSetup(t)
	u.openCompare()
	u.cmp.setCoders(u.coder.Name, ben.Name, "quote")
	if len(u.reader.marks) != 1 || !strings.HasPrefix(u.reader.marks[0].Label, "Both") {
		t.Fatalf("quote only: %+v", u.reader.marks)
	}
	if !strings.Contains(u.cmp.figures.Text, "100.0% agree") || !strings.Contains(u.cmp.figures.Text, "κ 1.00") {
		t.Errorf("perfect agreement on quotes shows %q", u.cmp.figures.Text)
	}
	u.cmp.copyAgreed()
	adj, _ := st.EnsureCoder(context.Background(), coderAdjudicated)
	as, err := st.Annotations(context.Background(), store.AnnotationFilter{CoderIDs: []string{adj.ID}})
	if err != nil || len(as) != 1 || !strings.HasPrefix(as[0].Exact, "“We cannot") {
		t.Errorf("copy agreed: %+v, %v", as, err)
	}
	if !u.cmp.copyAll.Disabled() {
		t.Error("Copy agreed still enabled after copying")
	}
}

func TestTabInReaderMovesReview(t *testing.T) {
	u, _ := newTestUI(t)
	<-u.suggestOpen()
	v := u.reader.view
	if !v.AcceptsTab() {
		t.Fatal("the reader does not accept Tab")
	}
	u.win.Canvas().Focus(v)
	first := u.sugg.shown[0].ID
	if u.sugg.cur != first {
		t.Fatalf("current %q, want the first", u.sugg.cur)
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if u.sugg.cur != u.sugg.shown[1].ID {
		t.Errorf("Tab: current is %q, want the second suggestion", u.sugg.cur)
	}
	v.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	v.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if u.sugg.cur != first {
		t.Errorf("Shift+Tab: current is %q, want the first again", u.sugg.cur)
	}
	if u.win.Canvas().Focused() != v {
		t.Error("Tab while reviewing moved the focus away from the reader")
	}

	// Outside review Tab moves the focus on and leaves the suggestion alone.
	u.tabs.Select(u.annTab)
	u.win.Canvas().Focus(v)
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if u.sugg.cur != first {
		t.Errorf("Tab outside review changed the suggestion to %q", u.sugg.cur)
	}
	if u.win.Canvas().Focused() == v {
		t.Error("Tab outside review kept the focus in the reader")
	}
}

func TestCompareEditSavesTheSelection(t *testing.T) {
	u, st, ben := compareSetup(t)
	u.openCompare()
	u.cmp.setCoders(u.coder.Name, ben.Name, allTags)
	d := u.cmp.ds[0] // "About 14,000 homes" against "14,000 homes and"
	u.cmp.startEdit(d)
	if s, e := u.reader.view.Selection(); s != d.Start || e != d.End {
		t.Errorf("Edit selects %d–%d, want the stretch %d–%d", s, e, d.Start, d.End)
	}
	s, e := span(t, u.clip.Body, "14,000 homes")
	u.reader.view.Select(s, e)
	u.cmp.edit.SetSelected("claim")
	u.cmp.saveEdit(d)
	adj, _ := st.EnsureCoder(context.Background(), coderAdjudicated)
	as, err := st.Annotations(context.Background(), store.AnnotationFilter{CoderIDs: []string{adj.ID}})
	if err != nil || len(as) != 1 || as[0].Start != s || as[0].End != e {
		t.Fatalf("edited adjudication = %+v, %v", as, err)
	}
	if tg, _ := u.tag(as[0].TagID); tg.Name != "claim" {
		t.Errorf("edited adjudication has tag %q", tg.Name)
	}
	if !u.cmp.settled(u.cmp.ds[0]) {
		t.Error("the edited disagreement is not marked settled")
	}
}
