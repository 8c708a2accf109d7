package gui

import (
	"context"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"clipper/model"
	"clipper/model/store"
)

// newProjectDialog asks where to create an empty project and opens it.
func (u *UI) newProjectDialog() {
	u.askSavePath("New project", "project.clip", ".clip", false, func(path string) {
		u.openStore("Creating project", "could not create "+filepath.Base(path), path, store.Create)
	})
}

// openProjectDialog asks for a .clip file and opens it.
func (u *UI) openProjectDialog() {
	u.askOpenPath([]string{".clip"}, u.openProject)
}

// openProject opens the project at path in this window; on failure the
// current project stays open.
func (u *UI) openProject(path string) {
	u.openStore("Opening project", "could not open "+filepath.Base(path), path, store.Open)
}

// openStore opens (or creates) a project as a background job — opening
// checks the whole file, which takes a moment for a big one — and then
// switches the window to it.
func (u *UI) openStore(title, failed, path string, open func(string) (*store.Store, error)) {
	startJob(u, job[*store.Store]{
		title:  title,
		detail: path,
		work: func(ctx context.Context, _ *store.Store, _ func(int, int)) (*store.Store, error) {
			st, err := open(path)
			if err != nil {
				return nil, err
			}
			if err := ctx.Err(); err != nil {
				st.Close()
				return nil, err
			}
			return st, nil
		},
		done:      u.switchProject,
		failed:    failed,
		cancelled: "Cancelled; " + filepath.Base(u.store.Path()) + " stays open.",
		discard:   func(st *store.Store) { st.Close() },
	})
}

// switchProject replaces the open project with st. Running jobs are
// cancelled first, and the old project is closed only after they have
// returned.
func (u *UI) switchProject(st *store.Store) {
	u.panel.flush()
	u.afterJobs(func() { u.replaceProject(st) })
}

// replaceProject closes the open project and shows st. No job may be
// running (see switchProject).
func (u *UI) replaceProject(st *store.Store) {
	if u.closed {
		st.Close()
		return
	}
	u.panel.flush()
	old := u.store
	st.SetVersion(old.Version()) // the project records this Clipper as its writer
	u.store = st
	u.current.Store(st)
	u.followWaits(st)
	if err := old.Close(); err != nil {
		u.showError(fmt.Errorf("closing %s: %w", old.Path(), err))
	}
	u.rememberRecent(st.Path())
	u.resetSuggestions()
	u.finder.reset()
	u.clip, u.anns, u.selected = model.Clipping{}, nil, ""
	u.coder = model.Coder{}
	u.setCoder(u.initialCoder())
	u.loadTags()
	u.refreshLibrary()
	u.announceProject(st)
}

// announceProject names the open project st in the window's title
// ("(read-only)" when it is) and says why it is read-only, or what was
// recovered after an interrupted save, in a dialog.
func (u *UI) announceProject(st *store.Store) {
	title := "Clipper — " + filepath.Base(st.Path())
	ro, why := st.ReadOnly()
	if ro {
		title += " (read-only)"
	}
	u.win.SetTitle(title)
	if msg := st.Recovered(); msg != "" {
		dialog.ShowInformation("Recovered after an interrupted save", msg, u.win)
	}
	if ro {
		dialog.ShowInformation("Opened read-only", why+". You can read, search and export it; nothing you do is saved in it.", u.win)
	}
	u.restoreRefusals(st)
}

// closeRequested closes the window when its jobs have stopped: a running
// job is cancelled, and the window stays, its dialog saying "Stopping…",
// until the job has returned.
func (u *UI) closeRequested() {
	u.panel.flush()
	u.afterJobs(u.win.Close)
}

// windowClosed stops the window's jobs, waits for them and closes the open
// project. It runs however the window closes.
func (u *UI) windowClosed() {
	if u.closed {
		return
	}
	u.panel.flush()
	u.closed = true
	close(u.quit)
	u.stopJobs()
	if err := u.store.Close(); err != nil {
		fyne.LogError("closing the project", err)
	}
}

// rememberRecent puts path first in the recent-projects list.
func (u *UI) rememberRecent(path string) {
	list := []string{path}
	for _, p := range u.app.Preferences().StringList(prefRecent) {
		if p != path && len(list) < 8 {
			list = append(list, p)
		}
	}
	u.app.Preferences().SetStringList(prefRecent, list)
	u.win.SetMainMenu(u.mainMenu())
}

// recentMenu lists recently opened projects.
func (u *UI) recentMenu() *fyne.Menu {
	var items []*fyne.MenuItem
	for _, p := range u.app.Preferences().StringList(prefRecent) {
		items = append(items, fyne.NewMenuItem(p, func() { u.openProject(p) }))
	}
	if len(items) == 0 {
		it := fyne.NewMenuItem("No recent projects", nil)
		it.Disabled = true
		items = append(items, it)
	}
	return fyne.NewMenu("", items...)
}
