package gui

import (
	"context"
	"sync"

	"fyne.io/fyne/v2"
)

// jobs tracks the window's background work — every job started with
// startJob and every task started with background — so that a project is
// closed only after the work that reads it has stopped.
//
// In the running app work runs on its own goroutine and reaches the window
// through fyne.Do. Tests set held: Fyne's test driver runs fyne.Do on the
// calling goroutine, so a job's work is held until wait, which runs it on
// a goroutine and then applies its UI updates on the test's goroutine.
// That lets a test look at a progress dialog and press its Cancel button
// before the work starts.
type jobs struct {
	held bool

	mu      sync.Mutex
	live    map[*liveJob]struct{} // started (or held) and not finished
	idle    chan struct{}         // closed while live is empty
	pending []func()              // held: work waiting for wait
	queue   []func()              // held: UI updates waiting for wait
	after   []func()              // held: afterJobs continuations
}

// liveJob is one piece of tracked work: how to stop it.
type liveJob struct {
	cancel context.CancelFunc
	// stopping, if set, shows on the UI goroutine that the job was asked
	// to stop (the progress dialog's "Stopping…").
	stopping func()
}

func newJobs() *jobs {
	idle := make(chan struct{})
	close(idle)
	return &jobs{live: map[*liveJob]struct{}{}, idle: idle}
}

// add registers work that is about to start.
func (j *jobs) add(l *liveJob) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if len(j.live) == 0 {
		j.idle = make(chan struct{})
	}
	j.live[l] = struct{}{}
}

// finish unregisters work that has returned (after it posted its result).
func (j *jobs) finish(l *liveJob) {
	j.mu.Lock()
	defer j.mu.Unlock()
	delete(j.live, l)
	if len(j.live) == 0 {
		close(j.idle)
	}
}

// start runs fn on a new goroutine, or holds it for wait.
func (j *jobs) start(fn func()) {
	if j.held {
		j.mu.Lock()
		j.pending = append(j.pending, fn)
		j.mu.Unlock()
		return
	}
	go fn()
}

// toUI runs fn on the UI goroutine (held: at the next wait). Work calls it
// instead of fyne.Do.
func (j *jobs) toUI(fn func()) {
	if j.held {
		j.mu.Lock()
		j.queue = append(j.queue, fn)
		j.mu.Unlock()
		return
	}
	fyne.Do(fn)
}

// cancelAll asks every tracked job to stop and returns how many there
// were. Call it on the UI goroutine.
func (j *jobs) cancelAll() int {
	j.mu.Lock()
	ls := make([]*liveJob, 0, len(j.live))
	for l := range j.live {
		ls = append(ls, l)
	}
	j.mu.Unlock()
	for _, l := range ls {
		l.cancel()
		if l.stopping != nil {
			l.stopping()
		}
	}
	return len(ls)
}

// idleChan is closed once no tracked work is running.
func (j *jobs) idleChan() <-chan struct{} {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.idle
}

// wait (tests, held) starts the held work, waits until every job has
// finished, then runs their UI updates and afterJobs continuations on the
// calling goroutine, and repeats while those start more.
func (j *jobs) wait() {
	for {
		j.mu.Lock()
		pending := j.pending
		j.pending = nil
		j.mu.Unlock()
		for _, fn := range pending {
			go fn()
		}
		<-j.idleChan()
		j.mu.Lock()
		queue, after := j.queue, j.after
		j.queue, j.after = nil, nil
		more := len(j.pending) > 0
		j.mu.Unlock()
		for _, fn := range queue {
			fn()
		}
		for _, fn := range after {
			fn()
		}
		j.mu.Lock()
		more = more || len(j.pending) > 0 || len(j.queue) > 0 || len(j.after) > 0
		j.mu.Unlock()
		if !more {
			return
		}
	}
}

// afterJobs cancels every running job and background task and runs f on
// the UI goroutine once all of them have returned — at once when none
// runs. Jobs started in the meantime are cancelled and waited for too.
// Call it on the UI goroutine.
func (u *UI) afterJobs(f func()) {
	if u.jobs.cancelAll() == 0 {
		f()
		return
	}
	again := func() { u.afterJobs(f) }
	if u.jobs.held {
		u.jobs.mu.Lock()
		u.jobs.after = append(u.jobs.after, again)
		u.jobs.mu.Unlock()
		return
	}
	idle := u.jobs.idleChan()
	go func() {
		<-idle
		fyne.Do(again)
	}()
}

// stopJobs cancels every job and blocks until all have returned. The
// window calls it as it closes, before it closes the project.
func (u *UI) stopJobs() {
	u.jobs.cancelAll()
	if u.jobs.held {
		u.jobs.wait()
		return
	}
	<-u.jobs.idleChan()
}

// background runs work on a new goroutine, tracked so that switching or
// closing the project cancels it (through cancel) and waits for it. work
// reports through fyne.Do and must not read u.store; capture the store
// first. Held (tests): work runs on the calling goroutine.
func (u *UI) background(cancel context.CancelFunc, work func()) {
	if u.jobs.held {
		work()
		return
	}
	l := &liveJob{cancel: cancel}
	u.jobs.add(l)
	go func() {
		defer u.jobs.finish(l)
		work()
	}()
}
