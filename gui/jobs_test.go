package gui

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"clipper/model/store"
)

// guard fails the test when ch does not close within a minute: a deadlock
// guard, not a timing assertion.
func guard(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(time.Minute):
		t.Fatalf("%s: still waiting after a minute", what)
	}
}

// blockingJob starts, in the running app's mode (work on its own
// goroutine), a job that waits to be cancelled and then reads the project
// it started with. started closes when the work runs; read receives the
// read's error.
func blockingJob(t *testing.T, u *UI) (started chan struct{}, read chan error) {
	t.Helper()
	u.jobs.held = false
	started, read = make(chan struct{}), make(chan error, 1)
	startJob(u, job[int]{
		title: "Working",
		work: func(ctx context.Context, st *store.Store, _ func(int, int)) (int, error) {
			close(started)
			<-ctx.Done()
			time.Sleep(50 * time.Millisecond) // still busy after the cancel
			_, err := st.ClippingSummaries(context.Background())
			read <- err
			return 0, ctx.Err()
		},
		done:      func(int) { t.Error("a cancelled job delivered a result") },
		failed:    "working failed",
		cancelled: "Stopped working.",
	})
	guard(t, started, "the job's work did not start")
	return started, read
}

// TestAfterJobsWaitsForRunningWork: in the running app's mode, the
// project is closed only after the cancelled work has returned, so the
// work can still use the project it started with.
func TestAfterJobsWaitsForRunningWork(t *testing.T) {
	u, st := newTestUI(t)
	_, read := blockingJob(t, u)
	done := make(chan struct{})
	var closeErr error
	u.afterJobs(func() {
		closeErr = st.Close()
		close(done)
	})
	guard(t, done, "afterJobs never ran its continuation")
	if err := <-read; err != nil {
		t.Errorf("the work could not read its project after the cancel: %v", err)
	}
	if closeErr != nil || !closedStore(st) {
		t.Errorf("closing: %v", closeErr)
	}
}

// TestWindowCloseWaitsForRunningWork: closing the window cancels the job,
// waits for it and then closes the project.
func TestWindowCloseWaitsForRunningWork(t *testing.T) {
	u, st := newTestUI(t)
	_, read := blockingJob(t, u)
	u.win.Close()
	if err := <-read; err != nil {
		t.Errorf("the work could not read its project after the cancel: %v", err)
	}
	if !closedStore(st) {
		t.Error("the project is still open after the window closed")
	}
	if u.jobs.cancelAll() != 0 {
		t.Error("a job is still registered after the window closed")
	}
}

// TestProgressDialog: the bar moves until totals arrive, then shows them;
// Cancel cancels once and then says "Stopping…".
func TestProgressDialog(t *testing.T) {
	u, _ := newTestUI(t)
	ctx, cancel := context.WithCancel(context.Background())
	p := newProgressDialog(u.win, "Importing", "clippings", "files", cancel)
	p.show()
	if p.busy.Hidden || !p.bar.Hidden {
		t.Error("before any totals the bar should be the moving one")
	}
	p.progress(3, 12)
	if !p.busy.Hidden || p.bar.Hidden || p.bar.Value != 0.25 || p.label.Text != "clippings — 3 of 12 files" {
		t.Errorf("after 3 of 12: busy hidden %v, bar %v at %v, label %q", p.busy.Hidden, !p.bar.Hidden, p.bar.Value, p.label.Text)
	}
	p.progress(7500, 50000) // counts of a big project read as the library writes them
	if p.label.Text != "clippings — 7,500 of 50,000 files" {
		t.Errorf("after 7,500 of 50,000: label %q", p.label.Text)
	}
	b := dialogButton(t, u, "Cancel")
	b.OnTapped()
	if ctx.Err() == nil || b.Text != "Stopping…" || !b.Disabled() {
		t.Errorf("after Cancel: ctx %v, button %q disabled %v", ctx.Err(), b.Text, b.Disabled())
	}
	p.hide()
	if dialogCount(u) != 0 {
		t.Error("the dialog is still showing")
	}
}

// TestJobErrorDialog: a job that fails shows its error with the job's
// context; the dialog's title is the error's.
func TestJobErrorDialog(t *testing.T) {
	u, _ := newTestUI(t)
	startJob(u, job[int]{
		title: "Working",
		work: func(context.Context, *store.Store, func(int, int)) (int, error) {
			return 0, errors.New("the disk is full")
		},
		done:   func(int) { t.Error("a failed job delivered a result") },
		failed: "working failed, nothing changed",
	})
	u.jobs.wait()
	if text := strings.ToLower(overlayText(t, u)); !strings.Contains(text, "working failed, nothing changed: the disk is full") {
		t.Errorf("the error dialog says:\n%s", text)
	}
	if n := len(u.win.Canvas().Overlays().List()); n != 1 {
		t.Errorf("%d dialogs, want the error alone", n)
	}
	topWidget[*widget.Button](t, u, func(b *widget.Button) bool { return b.Text == "OK" })
}

func TestThrottle(t *testing.T) {
	var got [][2]int
	report := throttle(func(done, total int) { got = append(got, [2]int{done, total}) })
	for i := 0; i <= 10000; i++ {
		report(i, 10000)
	}
	if len(got) != 1001 || got[len(got)-1] != [2]int{10000, 10000} {
		t.Errorf("10,001 reports passed %d on, the last %v", len(got), got[len(got)-1])
	}
	got = nil
	report = throttle(func(done, total int) { got = append(got, [2]int{done, total}) })
	for _, d := range []int{0, 1, 2, 3} {
		report(d, 3)
	}
	if len(got) != 4 {
		t.Errorf("small totals: %d of 4 reports passed on", len(got))
	}
}
