package gui

import (
	"fyne.io/fyne/v2"
)

// mainMenu builds File, Edit, View and Tags. It is rebuilt when tags change
// so the Tags menu lists them with their keys.
func (u *UI) mainMenu() *fyne.MainMenu {
	item := func(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, action)
		it.Shortcut = sc
		return it
	}

	recent := fyne.NewMenuItem("Open recent", nil)
	recent.ChildMenu = u.recentMenu()
	file := fyne.NewMenu("File",
		item("New project…", scNew, u.newProjectDialog),
		item("Open project…", scOpen, u.openProjectDialog),
		recent,
		fyne.NewMenuItemSeparator(),
		item("Import files…", scImport, u.importDialog),
		fyne.NewMenuItem("Import folder…", u.importFolderDialog),
		item("Paste clipping", scPaste, u.pasteClipping),
		fyne.NewMenuItemSeparator(),
		item("Export…", nil, u.exportDialog),
		fyne.NewMenuItem("Share a copy…", u.shareDialog),
		fyne.NewMenuItem("Merge a colleague's project…", u.mergeDialog),
		fyne.NewMenuItem("Review merged changes", u.openMergeReview),
		fyne.NewMenuItem("Check project…", u.checkProject),
	)

	edit := fyne.NewMenu("Edit",
		item("Undo", scUndo, u.editUndo),
		item("Redo", scRedo, u.editRedo),
		item("Redo (alternative)", scRedoAlt, u.editRedo),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Delete annotation   Del", u.deleteSelected),
		item("Move start one word left", scStartLeft, func() { u.nudge(-1, -1) }),
		item("Move start one word right", scStartRight, func() { u.nudge(-1, +1) }),
		item("Move end one word left", scEndLeft, func() { u.nudge(+1, -1) }),
		item("Move end one word right", scEndRight, func() { u.nudge(+1, +1) }),
		fyne.NewMenuItem("Next annotation   N", func() { u.jump(+1) }),
		fyne.NewMenuItem("Previous annotation   P", func() { u.jump(-1) }),
		fyne.NewMenuItemSeparator(),
		item("Clipping details…", scDetails, u.editDetails),
		item("Find and tag…", scFind, func() { u.finder.open() }),
		item("Search the library…", scSearchLib, func() { u.lib.focusSearch(u.win.Canvas()) }),
		fyne.NewMenuItem("Coder name…", func() { u.askCoder(false) }),
	)

	themeItem := func(label, v string) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, func() { u.setTheme(v) })
		it.Checked = u.look.variant == v
		return it
	}
	themes := fyne.NewMenuItem("Theme", nil)
	themes.ChildMenu = fyne.NewMenu("", themeItem("System", themeSystem), themeItem("Light", themeLight), themeItem("Dark", themeDark))
	snap := fyne.NewMenuItem("Snap selection to words", func() {
		on := !u.app.Preferences().BoolWithFallback(prefSnap, true)
		u.app.Preferences().SetBool(prefSnap, on)
		u.reader.setSnap(on)
		u.win.SetMainMenu(u.mainMenu())
	})
	snap.Checked = u.app.Preferences().BoolWithFallback(prefSnap, true)
	view := fyne.NewMenu("View",
		themes,
		item("Larger text", scTextBigger, func() { u.setTextScale(nextScale(u.look.scale, +1)) }),
		item("Smaller text", scTextSmaller, func() { u.setTextScale(nextScale(u.look.scale, -1)) }),
		fyne.NewMenuItem("Default text size", func() { u.setTextScale(1) }),
		fyne.NewMenuItemSeparator(),
		snap,
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Compare coders…", u.openCompare),
	)

	tagItems := []*fyne.MenuItem{fyne.NewMenuItem("Manage tags…", u.manageTags), fyne.NewMenuItemSeparator()}
	for _, t := range u.tags {
		label := "Tag selection as " + t.Name
		if t.Shortcut != "" {
			label += "   " + t.Shortcut
		}
		tagItems = append(tagItems, fyne.NewMenuItem(label, func() { u.tagSelection(t) }))
	}
	help := fyne.NewMenu("Help", fyne.NewMenuItem("About Clipper", u.showAbout))
	return fyne.NewMainMenu(file, edit, view, fyne.NewMenu("Tags", tagItems...), u.suggestMenu(), help)
}

// suggestMenu runs the suggester and reviews what it found.
func (u *UI) suggestMenu() *fyne.Menu {
	item := func(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, action)
		it.Shortcut = sc
		return it
	}
	return fyne.NewMenu("Suggest",
		item("Suggest for this clipping", scSuggest, func() { u.suggestOpen() }),
		fyne.NewMenuItem("Suggest for the listed clippings…", u.suggestListed),
		fyne.NewMenuItem("Suggest for all clippings…", u.suggestAll),
		fyne.NewMenuItemSeparator(),
		item("Review suggestions", scReview, u.startReview),
		fyne.NewMenuItem("Accept suggestion   Enter", func() { u.acceptSuggestion(u.sugg.cur) }),
		fyne.NewMenuItem("Reject suggestion   Backspace", func() { u.rejectSuggestion(u.sugg.cur) }),
		fyne.NewMenuItem("Next suggestion   Tab", func() { u.moveSuggestion(+1) }),
		fyne.NewMenuItem("Previous suggestion   Shift+Tab", func() { u.moveSuggestion(-1) }),
		fyne.NewMenuItem("Accept all of this kind…", u.acceptKindDialog),
		fyne.NewMenuItem("Accept all of a kind in every clipping…", u.acceptEverywhereDialog),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Clear this clipping's suggestions", u.clearSuggestions),
	)
}

// setTheme switches light/dark/system and remembers the choice.
func (u *UI) setTheme(v string) {
	u.look.variant = v
	u.app.Preferences().SetString(prefTheme, v)
	u.app.Settings().SetTheme(u.look)
	u.win.SetMainMenu(u.mainMenu())
}

// setTextScale changes the text size and remembers it.
func (u *UI) setTextScale(s float32) {
	u.look.scale = s
	u.app.Preferences().SetFloat(prefTextScale, float64(s))
	u.app.Settings().SetTheme(u.look)
}
