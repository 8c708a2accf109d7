package gui

import (
	"time"

	"fyne.io/fyne/v2"

	"clipper/model/store"
)

// Watch makes the window follow changes that another Clipper window or the
// command line commits to the same project file: every interval it asks the
// store whether anyone else wrote, and reloads tags, library and
// annotations if so. It runs until the app quits.
func (u *UI) Watch(interval time.Duration) {
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for range t.C {
			fyne.Do(u.checkExternal)
		}
	}()
}

// externalState remembers the project and data version last seen.
type externalState struct {
	store   *store.Store
	version int64
}

// checkExternal reloads what the window shows when another connection has
// committed to the project since the last check. Runs on the UI goroutine.
func (u *UI) checkExternal() {
	v, err := u.store.DataVersion(u.ctx())
	if err != nil {
		return // a closed or switching project; the next tick tries again
	}
	seen := u.external
	u.external = externalState{store: u.store, version: v}
	if seen.store != u.store || seen.version == v {
		return
	}
	u.panel.flush()
	u.loadTags()
	if err := u.lib.reload(); err != nil {
		u.showError(err)
	}
	u.reloadAnnotations()
	u.flash("Updated with changes saved by another Clipper window.")
}
