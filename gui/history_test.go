package gui

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"clipper/model"
	"clipper/model/store"
)

// bigStepUI opens the sample project and saves n one-character quotes of
// the open clipping in one step, as an Accept all does.
func bigStepUI(t *testing.T, n int) (*UI, *store.Store, func() int) {
	t.Helper()
	u, st := newTestUI(t)
	ctx := context.Background()
	length := utf8.RuneCountInString(u.clip.Body)
	var as []*model.Annotation
	for i := range n {
		start := i % length
		tag := u.tags[(i/length)%len(u.tags)] // one span per tag at most
		as = append(as, &model.Annotation{ClippingID: u.clip.ID, TagID: tag.ID, CoderID: u.coder.ID, Start: start, End: start + 1})
	}
	if n/length >= len(u.tags) {
		t.Fatalf("the sample clipping holds only %d annotations of distinct tag and span", length*len(u.tags))
	}
	if err := st.AddAnnotations(ctx, as); err != nil {
		t.Fatal(err)
	}
	u.reloadAnnotations()
	live := func() int {
		all, err := st.Annotations(ctx, store.AnnotationFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return len(all)
	}
	return u, st, live
}

// TestBigUndoIsAJob: undoing or redoing a step of thousands of changes runs
// as a job with progress (not on the UI goroutine under its two-second
// limit, where an Accept all of 870,000 annotations failed with "context
// canceled"), and says how many changes it made.
func TestBigUndoIsAJob(t *testing.T) {
	n := bigStep + 500
	u, _, live := bigStepUI(t, n)
	u.undo()
	progressShowing(t, u, "Undoing")
	u.jobs.wait()
	if got := live(); got != 0 || len(u.anns) != 0 {
		t.Fatalf("after the undo %d annotations on disk, %d shown", got, len(u.anns))
	}
	if want := "Undone: " + thousands(n) + " changes."; !strings.Contains(u.status.Text, want) {
		t.Errorf("status %q, want %q", u.status.Text, want)
	}
	u.redo()
	progressShowing(t, u, "Redoing")
	u.jobs.wait()
	if got := live(); got != n || len(u.anns) != n {
		t.Fatalf("after the redo %d annotations on disk, %d shown; want %d", got, len(u.anns), n)
	}
}

// TestBigUndoCancel: a cancelled big undo changes nothing and can be run
// again.
func TestBigUndoCancel(t *testing.T) {
	n := bigStep // the smallest step that runs as a job
	u, _, live := bigStepUI(t, n)
	u.undo()
	cancelJob(t, u, "Undoing")
	u.jobs.wait()
	if got := live(); got != n {
		t.Fatalf("a cancelled undo left %d of %d annotations", got, n)
	}
	u.undo()
	u.jobs.wait()
	if got := live(); got != 0 {
		t.Errorf("the undo run again left %d annotations", got)
	}
}

// TestSmallUndoStaysOnTheUIGoroutine: a step under bigStep is undone at
// once, with no dialog.
func TestSmallUndoStaysOnTheUIGoroutine(t *testing.T) {
	u, _, live := bigStepUI(t, 3)
	u.undo()
	if got := live(); got != 0 || dialogCount(u) != 0 {
		t.Errorf("after a small undo: %d annotations, %d dialogs", got, dialogCount(u))
	}
	if !strings.Contains(u.status.Text, "Undone: 3 changes.") {
		t.Errorf("status %q", u.status.Text)
	}
}

// TestUndoWaitsForBulkJob: pressing Undo again while a big undo runs says
// so and undoes nothing more; afterwards Undo works again.
func TestUndoWaitsForBulkJob(t *testing.T) {
	n := bigStep + 1
	u, st, live := bigStepUI(t, n)
	first := u.anns[0]
	// An earlier, small step: the second Undo must not reach it meanwhile.
	if err := st.DeleteAnnotation(context.Background(), u.coder.ID, first.ID); err != nil {
		t.Fatal(err)
	}
	u.undo() // the delete: small, at once
	if got := live(); got != n {
		t.Fatalf("after undoing the delete %d annotations, want %d", got, n)
	}
	u.undo() // the big step: a job, held until wait
	progressShowing(t, u, "Undoing")
	u.undo()
	if !strings.Contains(u.status.Text, "Undoing… is still running") {
		t.Errorf("a second Undo during the job: status %q", u.status.Text)
	}
	// Other changes from the window wait too (each would wait behind the
	// job's transaction and then fail): nothing is written meanwhile.
	u.selectAnnotation(u.anns[1].ID, false)
	for name, change := range map[string]func(){
		"tag":    func() { u.reader.view.Select(0, 3); u.readerRune('1') },
		"nudge":  func() { u.nudge(+1, +1) },
		"delete": u.deleteSelected,
		"redo":   u.redo,
	} {
		u.status.SetText("")
		change()
		if !strings.Contains(u.status.Text, "still running") {
			t.Errorf("%s during the job: status %q", name, u.status.Text)
		}
	}
	if got := live(); got != n {
		t.Errorf("%d annotations before the job ran, want %d", got, n)
	}
	u.jobs.wait()
	if got := live(); got != 0 {
		t.Fatalf("after the big undo %d annotations", got)
	}
	u.undo()
	if !strings.Contains(u.status.Text, "Nothing to undo.") {
		t.Errorf("after the job, Undo says %q", u.status.Text)
	}
}

// TestBulkJobsOverlap: while two bulk jobs run, the end of the first does
// not lift the wait for the second.
func TestBulkJobsOverlap(t *testing.T) {
	u, _ := newTestUI(t)
	a := bulkJob(u, job[int]{title: "Deleting tag"})
	b := bulkJob(u, job[int]{title: "Accepting suggestions"})
	a.ended()
	if !u.waitsForBulk() || !strings.Contains(u.status.Text, "Accepting suggestions…") {
		t.Errorf("with one job still running: status %q", u.status.Text)
	}
	b.ended()
	if u.waitsForBulk() {
		t.Error("changes still wait after both jobs ended")
	}
}
