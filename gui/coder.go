package gui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"clipper/model"
	"clipper/model/store"
)

// Preference keys, stored by Fyne per user (not in the project file, which
// travels between colleagues).
const (
	prefCoder       = "coder.name"
	prefTheme       = "view.theme"
	prefTextScale   = "view.textScale"
	prefSnap        = "reader.snapToWords"
	prefRecent      = "projects.recent"
	prefTagged      = "reader.hasTagged" // the coder has tagged something: the tag hint hides
	prefLibrarySort = "library.sort"
	prefLastFolder  = "files.lastFolder" // where the file dialogs start
)

// initialCoder is the name given in Options, else the remembered one.
func (u *UI) initialCoder() string {
	if u.opts.Coder != "" {
		return u.opts.Coder
	}
	return u.app.Preferences().String(prefCoder)
}

// setCoder makes name the current coder, creating its record in the
// project. In a read-only project a coder it does not hold stays unset,
// without an error: nothing can be annotated there anyway.
func (u *UI) setCoder(name string) {
	name = strings.TrimSpace(name)
	if name == "" {
		return
	}
	c, err := u.store.EnsureCoder(u.ctx(), name)
	if ro, _ := u.store.ReadOnly(); ro && errors.Is(err, store.ErrReadOnly) {
		u.coder = model.Coder{}
		u.updateStatus()
		return
	}
	if err != nil {
		u.showError(fmt.Errorf("setting the coder: %w", err))
		return
	}
	other := u.coder.ID != "" && c.ID != u.coder.ID && u.sugg.kept.len() > 0
	u.coder = c
	if other {
		// What waits for review depends on what the coder tagged: the
		// counts kept for the other coder no longer hold, so the
		// session's suggestions are dropped (rejections stay in the file).
		u.resetSuggestions()
		u.refreshSuggestions()
	}
	u.updateStatus()
	if other {
		u.flash("Suggestions are counted per coder: Suggest again to review them as " + c.Name + ".")
	}
}

// askCoder asks the researcher's name; first is the first-launch wording.
// On first launch with a read-only project it does not ask: the name could
// not be recorded, and the window says the project is read-only.
func (u *UI) askCoder(first bool) {
	if ro, _ := u.store.ReadOnly(); ro && first {
		return
	}
	name := widget.NewEntry()
	name.SetText(u.coder.Name)
	name.SetPlaceHolder("Your name")
	title, msg := "Coder", "Annotations record who made them."
	if first {
		title, msg = "Welcome to Clipper", "Who is annotating? Every annotation records its coder, so colleagues' work can be merged and compared."
	}
	hint := widget.NewLabel(msg)
	hint.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{widget.NewFormItem("", hint), widget.NewFormItem("Name", name)}
	d := dialog.NewForm(title, "Save", "Cancel", items, func(ok bool) {
		if !ok || strings.TrimSpace(name.Text) == "" {
			return
		}
		u.app.Preferences().SetString(prefCoder, strings.TrimSpace(name.Text))
		u.setCoder(name.Text)
	}, u.win)
	name.OnSubmitted = func(string) { d.Submit() } // Enter saves, as the Save button does
	d.Resize(d.MinSize().AddWidthHeight(160, 0))
	d.Show()
	u.win.Canvas().Focus(name)
}
