package gui

import (
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
		st, err := store.Create(path)
		if err != nil {
			u.showError(fmt.Errorf("creating %s: %w", path, err))
			return
		}
		u.switchProject(st)
	})
}

// openProjectDialog asks for a .clip file and opens it.
func (u *UI) openProjectDialog() {
	u.askOpenPath([]string{".clip"}, u.openProject)
}

// openProject opens the project at path in this window; on failure the
// current project stays open.
func (u *UI) openProject(path string) {
	st, err := store.Open(path)
	if err != nil {
		u.showError(fmt.Errorf("opening %s: %w", path, err))
		return
	}
	u.switchProject(st)
}

// switchProject replaces the open project with st.
func (u *UI) switchProject(st *store.Store) {
	u.panel.flush()
	old := u.store
	st.SetVersion(old.Version()) // the project records this Clipper as its writer
	u.store = st
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
	u.win.SetTitle("Clipper — " + filepath.Base(st.Path()))
	if ro, why := st.ReadOnly(); ro {
		dialog.ShowInformation("Opened read-only", why, u.win)
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
