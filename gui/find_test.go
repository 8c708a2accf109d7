package gui

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"

	"clipper/model"
	"clipper/model/find"
	"clipper/model/ingest"
	"clipper/model/store"
)

// addClipping parses text and adds it to the project shown by u.
func addClipping(t *testing.T, u *UI, st *store.Store, text string) string {
	t.Helper()
	c, err := ingest.ParseText(text)
	if err != nil {
		t.Fatal(err)
	}
	res, err := st.AddClipping(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	if err := u.lib.reload(); err != nil {
		t.Fatal(err)
	}
	return res.ID
}

const secondClipping = `Fuel prices climb again

Petrol rose 4.5 percent in May, the statistics office said, after a rise of 3 % in April.

Diesel is up 12 percent on the year.`

func TestFindRegexOverProject(t *testing.T) {
	u, st := newTestUI(t)
	other := addClipping(t, u, st, secondClipping)
	sample := u.clip.ID

	u.finder.open()
	if !u.finder.bar.Visible() || u.win.Canvas().Focused() != u.finder.entry {
		t.Fatal("Ctrl+F's action did not show the find bar with the pattern focused")
	}
	u.finder.regex.SetChecked(true)
	u.finder.scope.SetSelected(scopeProject)
	u.finder.entry.SetText(`\d+(\.\d+)? ?(percent|%)`)
	<-u.finder.done

	hits := u.finder.hits
	got := map[string][]string{}
	for _, h := range hits {
		got[h.ClippingID] = append(got[h.ClippingID], h.Match)
	}
	if strings.Join(got[sample], "|") != "5.2 percent|30%" {
		t.Errorf("hits in the sample = %q", got[sample])
	}
	if strings.Join(got[other], "|") != "4.5 percent|3 %|12 percent" {
		t.Errorf("hits in the second clipping = %q", got[other])
	}
	if u.finder.status.Text != "5 hits in 2 clippings" {
		t.Errorf("status = %q", u.finder.status.Text)
	}
	if !u.finder.results.Visible() || u.finder.list != u.finder.lists[1] {
		t.Error("project hits are not listed with headlines")
	}
	var h = hits[0]
	for _, x := range hits {
		if x.Match == "4.5 percent" {
			h = x
		}
	}
	if h.Left != "Petrol rose " || !strings.HasPrefix(h.Right, " in May, the statistics office said") {
		t.Errorf("KWIC = %q [%q] %q", h.Left, h.Match, h.Right)
	}

	// A row shows headline, left context, match and right context.
	row := newKWICRow(true)
	row.set("Fuel prices climb again", h)
	if row.head != "Fuel prices climb again" || row.left != "Petrol rose " || row.match != "4.5 percent" || !strings.HasPrefix(row.right, " in May") {
		t.Errorf("row = %q / %q / %q / %q", row.head, row.left, row.match, row.right)
	}

	// Clicking a hit opens its clipping with the span selected.
	for i, x := range hits {
		if x == h {
			u.finder.list.Select(i)
		}
	}
	if u.clip.ID != other {
		t.Fatalf("clicking a hit opened %q", u.clip.Headline)
	}
	if s, e := u.reader.view.Selection(); s != h.Start || e != h.End || u.reader.view.SelectedText() != "4.5 percent" {
		t.Errorf("selection %d–%d %q, want %d–%d", s, e, u.reader.view.SelectedText(), h.Start, h.End)
	}

	// A bad expression says what is wrong and lists nothing.
	u.finder.entry.SetText(`(percent`)
	<-u.finder.done
	if len(u.finder.hits) != 0 || !strings.Contains(u.finder.status.Text, "missing closing )") {
		t.Errorf("bad regex: %d hits, status %q", len(u.finder.hits), u.finder.status.Text)
	}

	// Escape closes the bar.
	u.finder.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.finder.bar.Visible() || u.finder.results.Visible() {
		t.Error("Escape did not close the find bar")
	}
}

func TestFindThisClippingWholeWord(t *testing.T) {
	u, _ := newTestUI(t)
	u.finder.open()
	u.finder.entry.SetText("home")
	<-u.finder.done
	n := len(u.finder.hits)
	if n < 3 || u.finder.list != u.finder.lists[0] {
		t.Fatalf("plain 'home' in this clipping: %d hits", n)
	}
	u.finder.whole.SetChecked(true)
	<-u.finder.done
	if len(u.finder.hits) != 0 {
		t.Errorf("whole word 'home' found %d hits (the sample has only 'homes')", len(u.finder.hits))
	}
	u.finder.entry.SetText("homes")
	<-u.finder.done
	if len(u.finder.hits) != 3 || u.finder.status.Text != "3 hits" {
		t.Errorf("whole word 'homes': %d hits, status %q", len(u.finder.hits), u.finder.status.Text)
	}
	// Enter walks through the hits and keeps the focus in the pattern.
	u.finder.entry.OnSubmitted(u.finder.entry.Text)
	u.finder.entry.OnSubmitted(u.finder.entry.Text)
	if s, _ := u.reader.view.Selection(); s != u.finder.hits[1].Start {
		t.Errorf("second Enter selected %d, want hit 2 at %d", s, u.finder.hits[1].Start)
	}
	if u.win.Canvas().Focused() != u.finder.entry {
		t.Error("Enter moved the focus out of the find bar")
	}
}

func TestTagAllHitsIsOneUndoStep(t *testing.T) {
	u, st := newTestUI(t)
	addClipping(t, u, st, secondClipping)
	figure, _ := u.tagForKind("figure")

	u.finder.open()
	u.finder.regex.SetChecked(true)
	u.finder.scope.SetSelected(scopeProject)
	u.finder.entry.SetText(`\d+(\.\d+)? ?(percent|%)`)
	<-u.finder.done
	if len(u.finder.hits) != 5 {
		t.Fatalf("%d hits", len(u.finder.hits))
	}

	// One hit is already tagged by this coder: it is skipped.
	h := u.finder.hits[0]
	u.showHit(h, true)
	u.readerRune('3')
	if len(annotationsOnDisk(t, st)) != 1 {
		t.Fatal("hand-made figure not stored")
	}

	u.tagHitsDialog(figure)
	tapDialogButton(t, u, "Yes")
	as := annotationsOnDisk(t, st)
	if len(as) != 5 {
		t.Fatalf("%d annotations after tagging all hits, want 5 (4 new + 1 by hand)", len(as))
	}
	for _, a := range as {
		if a.TagID != figure.ID || a.CoderID != u.coder.ID {
			t.Errorf("annotation %q tag %s coder %s", a.Exact, a.TagID, a.CoderID)
		}
		if a.Exact == "4.5 percent" && (a.Value == nil || *a.Value != 4.5 || a.Unit != "%") {
			t.Errorf("prefilled figure: value %s unit %q", numText(a.Value), a.Unit)
		}
	}
	plan, err := u.planHitTags(figure)
	if err != nil || len(plan.batch) != 0 || plan.skipped != 5 {
		t.Errorf("tagging again would add %d, skip %d (%v)", len(plan.batch), plan.skipped, err)
	}

	u.undo()
	if n := len(annotationsOnDisk(t, st)); n != 1 {
		t.Fatalf("after one undo %d annotations, want the hand-made one", n)
	}
	u.redo()
	if n := len(annotationsOnDisk(t, st)); n != 5 {
		t.Fatalf("after redo %d annotations, want 5", n)
	}
	var quote model.Tag
	quote, _ = u.tagForKind("quote")
	plan, err = u.planHitTags(quote)
	if err != nil || len(plan.batch) != 5 || plan.clips != 2 {
		t.Errorf("as quotes: %d in %d clippings (%v)", len(plan.batch), plan.clips, err)
	}
}

func TestFitText(t *testing.T) {
	test := "the river supply had failed two inspections in the past five years"
	size := float32(14)
	full := fyne.MeasureText(test, size, fyne.TextStyle{}).Width
	for _, w := range []float32{full + 1, full / 2, 30, 0} {
		head := fitHead(test, w, size, fyne.TextStyle{})
		tail := fitTail(test, w, size, fyne.TextStyle{})
		for _, s := range []string{head, tail} {
			if got := fyne.MeasureText(s, size, fyne.TextStyle{}).Width; got > w+0.01 {
				t.Errorf("width %v: %q is %v wide", w, s, got)
			}
		}
		switch {
		case w > full:
			if head != test || tail != test {
				t.Errorf("text that fits was cut: %q / %q", head, tail)
			}
		case w > 30:
			if !strings.HasSuffix(head, "…") || !strings.HasPrefix(test, strings.TrimSuffix(head, "…")) {
				t.Errorf("head %q", head)
			}
			if !strings.HasPrefix(tail, "…") || !strings.HasSuffix(test, strings.TrimPrefix(tail, "…")) {
				t.Errorf("tail %q", tail)
			}
		}
	}
}

// TestProjectFindKeepLimit: a project-wide find lists the first keep hits
// but counts every hit and says so; tagging all hits says only the listed
// ones are tagged; a new query replaces the old one's hits.
func TestProjectFindKeepLimit(t *testing.T) {
	u, st := newTestUI(t)
	addClipping(t, u, st, secondClipping)
	addClipping(t, u, st, "Third clipping\n\nPercent by percent: 1 percent, 2 percent, 3 percent, 4 percent.")
	u.finder.keep = 4
	u.finder.open()
	u.finder.scope.SetSelected(scopeProject)
	u.finder.entry.SetText("percent")
	<-u.finder.done
	all := 0
	for it, err := range st.Reader().Texts(context.Background(), store.LibraryFilter{}) {
		if err != nil {
			t.Fatal(err)
		}
		all += strings.Count(strings.ToLower(it.Body), "percent")
	}
	if all <= 4 {
		t.Fatalf("the project has only %d hits", all)
	}
	if len(u.finder.hits) != 4 {
		t.Errorf("%d hits listed, want the first 4", len(u.finder.hits))
	}
	want := fmt.Sprintf("first 4 shown, %d in all", all)
	if u.finder.status.Text != want {
		t.Errorf("status %q, want %q", u.finder.status.Text, want)
	}
	if _, more := u.finder.listed(); !more {
		t.Error("listed() does not say that hits were left out")
	}
	for _, h := range u.finder.hits {
		if u.finder.heads[h.ClippingID] == "" {
			t.Errorf("no headline for the hit in %s", h.ClippingID)
		}
	}

	// A new query replaces the hits; under the limit it says how many.
	u.finder.entry.SetText("Diesel")
	<-u.finder.done
	if len(u.finder.hits) != 1 || u.finder.status.Text != "1 hit in 1 clipping" {
		t.Errorf("Diesel: %d hits, status %q", len(u.finder.hits), u.finder.status.Text)
	}
	if _, more := u.finder.listed(); more {
		t.Error("listed() says hits were left out")
	}
}

// TestProjectFindCounting: while a project-wide find still searches, the
// status says so; closing the bar cancels it and its late results are
// dropped.
func TestProjectFindCounting(t *testing.T) {
	u, st := newTestUI(t)
	addClipping(t, u, st, secondClipping)
	f := u.finder
	f.keep = 2
	f.hits = []find.Hit{{ClippingID: u.clip.ID}, {ClippingID: u.clip.ID}}
	f.prog = find.Progress{Hits: 7, Kept: 2, Searched: 1}
	f.projectStatus()
	if f.status.Text != "first 2 shown, 7 so far…" {
		t.Errorf("status %q", f.status.Text)
	}
	f.prog.Done = true
	f.projectStatus()
	if f.status.Text != "first 2 shown, 7 in all" {
		t.Errorf("status %q", f.status.Text)
	}

	// A cancelled search (a newer query, Escape, the bar closed) lists
	// nothing more and says nothing more.
	m, err := find.Compile("percent", false, false, false)
	if err != nil {
		t.Fatal(err)
	}
	f.hits, f.prog = nil, find.Progress{}
	f.setStatus("before", false)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	f.searchProject(ctx, st, m, f.run, 2)
	if len(f.hits) != 0 || f.status.Text != "before" {
		t.Errorf("a cancelled search listed %d hits, status %q", len(f.hits), f.status.Text)
	}
	// A search replaced by a newer one (run) drops its results too.
	f.searchProject(context.Background(), st, m, f.run-1, 2)
	if len(f.hits) != 0 || f.status.Text != "before" {
		t.Errorf("a replaced search listed %d hits, status %q", len(f.hits), f.status.Text)
	}
	f.searchProject(context.Background(), st, m, f.run, 2)
	if len(f.hits) != 2 || !strings.HasPrefix(f.status.Text, "first 2 shown, ") {
		t.Errorf("the current search listed %d hits, status %q", len(f.hits), f.status.Text)
	}
}

// TestProjectFindLastCountsAfterItEnds: the updates of a project-wide find
// reach the UI goroutine later than the search ends (fyne.Do queues them);
// the last counts must still be shown, not left at "so far…".
func TestProjectFindLastCountsAfterItEnds(t *testing.T) {
	u, st := newTestUI(t)
	addClipping(t, u, st, secondClipping)
	f := u.finder
	var mu sync.Mutex
	var queued []func()
	f.ui = func(fn func()) {
		mu.Lock()
		defer mu.Unlock()
		queued = append(queued, fn)
	}
	f.open()
	f.scope.SetSelected(scopeProject)
	f.entry.SetText("percent")
	<-f.done // the search returned and released its context
	mu.Lock()
	later := queued
	mu.Unlock()
	if len(later) == 0 {
		t.Fatal("the search sent nothing to the UI")
	}
	for _, fn := range later {
		fn()
	}
	if len(f.hits) == 0 || strings.Contains(f.status.Text, "so far") || !strings.Contains(f.status.Text, "clipping") {
		t.Errorf("after the search: %d hits listed, status %q", len(f.hits), f.status.Text)
	}

	// Closing the bar drops what a stopped search still had queued.
	queued = nil
	f.entry.SetText("Diesel")
	<-f.done
	f.close()
	before := f.status.Text
	for _, fn := range queued {
		fn()
	}
	if f.status.Text != before {
		t.Errorf("a closed bar's search still updated the status to %q", f.status.Text)
	}
}
