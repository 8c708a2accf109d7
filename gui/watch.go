package gui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"

	"clipper/model/store"
)

// Watch makes the window follow changes that another Clipper window or the
// command line commits to the same project file: every interval it asks,
// off the UI goroutine, whether anyone else wrote, and has the window
// reload tags, library and annotations if so. It runs until the window
// closes.
func (u *UI) Watch(interval time.Duration) {
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-u.quit:
				return
			case <-t.C:
				u.checkExternal()
			}
		}
	}()
}

// externalState remembers the project and data version last seen.
type externalState struct {
	store   *store.Store
	version int64
}

// checkExternal asks the open project whether another connection has
// committed since the last check and, if so, hops to the UI goroutine to
// reload what the window shows. It never waits for this window's own
// writes (the store answers "busy" and the next tick asks again), so the
// window stays responsive during a long merge or import. Call it from one
// goroutine at a time: the watcher's.
func (u *UI) checkExternal() {
	st := u.current.Load()
	v, err := st.DataVersion(context.Background())
	if err != nil {
		return // busy writing, closed or switching: the next tick tries again
	}
	seen := u.external
	u.external = externalState{store: st, version: v}
	if seen.store != st || seen.version == v {
		return
	}
	fyne.Do(func() {
		if u.closed || u.store != st {
			return
		}
		u.followExternal()
	})
}

// followExternal reloads tags, library and the open clipping's annotations
// after another connection changed the project.
func (u *UI) followExternal() {
	u.panel.flush()
	u.loadTags()
	if err := u.lib.reload(); err != nil {
		u.showError(err)
	}
	u.reloadAnnotations()
	u.flash("Updated with changes saved by another Clipper window.")
}

// followWaits has the status bar say when st is waiting for another
// Clipper (a window or a command) that holds the project's write lock, and
// restores it when the wait ends. The store calls the notifier about a
// second into a wait, from the waiting goroutine.
func (u *UI) followWaits(st *store.Store) {
	st.SetOnWait(func(waiting bool) {
		fyne.Do(func() {
			if u.closed || u.store != st {
				return
			}
			if waiting {
				u.flash("Waiting for another Clipper to finish writing to this project…")
				return
			}
			u.updateStatus()
		})
	})
}
