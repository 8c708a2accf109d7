package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/mattn/go-sqlite3"
)

// Waiting for another program that holds the project's lock.
//
// SQLite's own busy handler sleeps inside C: sqlite3_interrupt does not
// wake it, so a long busy_timeout could be neither cancelled (Ctrl+C, a
// closed window) nor reported. The store therefore gives SQLite a short
// busy timeout (busyStepMS) and waits in Go: every statement that starts
// outside a transaction, every BEGIN and every COMMIT that comes back
// SQLITE_BUSY is retried by the connection wrapper (busyconn.go) through a
// waiter, which tells the user after about a second, stops when the
// context is cancelled, and gives up only when the file and its journal
// have not changed for the stall limit (the lock holder made no progress).

// busyStep is SQLite's busy_timeout on the store's connections, in
// milliseconds: how long one attempt waits in C before the waiter checks
// the context and the holder's progress. It bounds how long a cancelled
// wait takes to stop.
const (
	busyStep   = "200"
	busyStepMS = 200 // busyStep as a number
)

// waitNotice is how long an operation waits before the user is told.
const waitNotice = time.Second

// stallLimit is how long the store waits for a lock whose holder shows no
// progress (the project file and its journal unchanged). A writer that
// keeps writing is waited for as long as it takes.
const stallLimit = 10 * time.Minute

// waiter waits for locks on one project file. It is shared by all the
// connections of one Store.
type waiter struct {
	path   string        // the project file, watched for progress
	stall  time.Duration // see stallLimit
	notice time.Duration // see waitNotice

	mu      sync.Mutex
	waiting int        // operations past their notice delay
	notify  func(bool) // told when waiting goes 0→1 (true) and 1→0 (false)
}

func newWaiter(path string, stall time.Duration) *waiter {
	if stall <= 0 {
		stall = stallLimit
	}
	return &waiter{path: path, stall: stall, notice: waitNotice}
}

// setNotify installs fn (nil: none).
func (w *waiter) setNotify(fn func(bool)) {
	w.mu.Lock()
	w.notify = fn
	w.mu.Unlock()
}

// mark counts one operation in or out of the waiting state and tells the
// notifier when the first starts or the last ends waiting.
func (w *waiter) mark(in bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	before := w.waiting
	if in {
		w.waiting++
	} else {
		w.waiting--
	}
	if w.notify != nil && (before == 0) != (w.waiting == 0) {
		w.notify(w.waiting > 0)
	}
}

// retry runs op until it returns something other than SQLITE_BUSY, ctx
// is cancelled, or the lock holder made no progress for the stall limit.
// op must be safe to repeat after a BUSY (nothing it did took effect).
func (w *waiter) retry(ctx context.Context, op func() error) error {
	err := op()
	if !isBusy(err) || w == nil {
		return err
	}
	start := time.Now()
	lastChange, sig := start, w.progress()
	noticed := false
	defer func() {
		if noticed {
			w.mark(false)
		}
	}()
	for {
		if cerr := ctx.Err(); cerr != nil && (isBusy(err) || errors.Is(err, cerr)) {
			return fmt.Errorf("%w; stopped waiting after %s: %w", ErrBusy, time.Since(start).Round(100*time.Millisecond), cerr)
		}
		now := time.Now()
		if !noticed && now.Sub(start) >= w.notice {
			noticed = true
			w.mark(true)
		}
		if s := w.progress(); s != sig {
			sig, lastChange = s, now
		} else if now.Sub(lastChange) >= w.stall {
			return fmt.Errorf("%w: the file has been locked for %s with no change to it; if no other Clipper is running, a crashed program may still hold it — close it and try again",
				ErrBusy, now.Sub(start).Round(time.Second))
		}
		t0 := time.Now()
		err = op()
		if !isBusy(err) && (ctx.Err() == nil || !errors.Is(err, ctx.Err())) {
			return err
		}
		if time.Since(t0) < busyStepMS*time.Millisecond/4 {
			// SQLite gave up without waiting (e.g. a lock it could not
			// wait for): do not spin.
			sleepCtx(ctx, busyStepMS*time.Millisecond)
		}
	}
}

// sleepCtx sleeps for d or until ctx is done.
func sleepCtx(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// fileSig is what changes when the lock holder writes: the size and
// modification time of the project file and of its rollback journal.
type fileSig struct {
	size, jsize   int64
	mtime, jmtime int64
}

func (w *waiter) progress() fileSig {
	var s fileSig
	if fi, err := os.Stat(w.path); err == nil {
		s.size, s.mtime = fi.Size(), fi.ModTime().UnixNano()
	}
	if fi, err := os.Stat(w.path + "-journal"); err == nil {
		s.jsize, s.jmtime = fi.Size(), fi.ModTime().UnixNano()
	} else {
		s.jsize = -1
	}
	return s
}

// isBusy reports whether err is SQLite's "database is locked" (another
// connection holds a lock this one needs).
func isBusy(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked)
}
