package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"clipper/model/find"
)

func TestQuoted(t *testing.T) {
	tests := []struct{ in, want string }{
		{"About 14,000 homes", "“About 14,000 homes”"},
		{"“We cannot ask families to drink water,”", "“We cannot ask families to drink water,”"},
		{"“This is the fastest safe option we have.”", "“This is the fastest safe option we have.”"},
		{"«Nous ne pouvons pas», a dit la maire", "«Nous ne pouvons pas», a dit la maire"},
		{"„Wir können nicht“", "„Wir können nicht“"},
		{"said the \"plan is a gamble\".", "said the \"plan is a gamble\"."},
		{"", ""},
	}
	for _, tc := range tests {
		if got := quoted(tc.in); got != tc.want {
			t.Errorf("quoted(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestEditorTitleDoesNotDoubleQuotes tags a quotation that carries its own
// marks: the editor's title shows them once.
func TestEditorTitleDoesNotDoubleQuotes(t *testing.T) {
	u, _ := newTestUI(t)
	selectInReader(t, u, "“We cannot ask families to drink water we would not give our own children,”")
	typeRune(u, '2')
	title := u.panel.editor.title.Text
	if strings.Contains(title, "““") || strings.Contains(title, "””") || !strings.HasPrefix(title, "“We cannot") {
		t.Errorf("editor title = %q", title)
	}
}

// TestKWICContextTouchesMatch lays a hit out: the right context starts
// where the match ends, so "children," shows no space before the comma.
func TestKWICContextTouchesMatch(t *testing.T) {
	test.NewTempApp(t)
	k := newKWICRow(false)
	w := test.NewTempWindow(t, k)
	w.Resize(fyne.NewSize(600, 40))
	k.set("", find.Hit{Start: 100, End: 108, Left: "would not give our own ", Match: "children", Right: ",” said Mayor Helen Okafor"})
	r := test.WidgetRenderer(k).(*kwicRenderer)
	mw := fyne.MeasureText(r.match.Text, r.match.TextSize, r.match.TextStyle).Width
	if gap := r.right.Position().X - (r.match.Position().X + mw); gap < -0.5 || gap > 0.5 {
		t.Errorf("right context starts %.1f px after the match", gap)
	}
	lw := fyne.MeasureText(r.left.Text, r.left.TextSize, r.left.TextStyle).Width
	if gap := r.match.Position().X - (r.left.Position().X + lw); gap < -0.5 || gap > 0.5 {
		t.Errorf("match starts %.1f px after the left context", gap)
	}
}

// TestStatusCountsInTheSingular: one clipping is "1 clipping".
func TestStatusCountsInTheSingular(t *testing.T) {
	u, _ := newTestUI(t)
	if !strings.Contains(u.status.Text, "· 1 clipping ·") || !strings.Contains(u.status.Text, "· 0 annotations") {
		t.Errorf("status = %q", u.status.Text)
	}
	selectInReader(t, u, "About 14,000 homes")
	typeRune(u, '3')
	if !strings.HasSuffix(u.status.Text, "· 1 annotation") {
		t.Errorf("status = %q", u.status.Text)
	}
}

// TestProjectFindCountIsNotCut: the whole project's hit count shows in
// full at 1024 px.
func TestProjectFindCountIsNotCut(t *testing.T) {
	u, st := newTestUI(t)
	addClipping(t, u, st, "Second clipping\n\nThe children of Eastmoor drink bottled water.")
	u.win.Resize(fyne.NewSize(1024, 610))
	u.finder.open()
	u.finder.scope.SetSelected(scopeProject)
	typeText(&u.finder.entry.Entry, "children")
	u.jobs.wait()
	<-u.finder.done
	s := u.finder.status
	if s.Text != "2 hits in 2 clippings" {
		t.Fatalf("status = %q", s.Text)
	}
	if s.Size().Width < labelWidth(s) {
		t.Errorf("status is %.0f px wide, its text needs %.0f", s.Size().Width, labelWidth(s))
	}
}
