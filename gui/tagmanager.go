package gui

import (
	"context"
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"clipper/model"
	"clipper/model/store"
)

// manageTags opens the tag manager: add, rename, recolour, describe, set a
// shortcut key, delete (asking what happens to the tag's annotations). The
// built-in claim, quote and figure tags can be edited but not deleted.
func (u *UI) manageTags() {
	var win dialog.Dialog
	list := widget.NewList(
		func() int { return len(u.tags) },
		func() fyne.CanvasObject {
			sw := canvas.NewRectangle(color.Transparent)
			sw.SetMinSize(fyne.NewSize(18, 18))
			sw.CornerRadius = 3
			return container.NewBorder(nil, nil, sw, nil, widget.NewLabel("tag"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			t := u.tags[i]
			row := o.(*fyne.Container)
			for _, obj := range row.Objects {
				switch v := obj.(type) {
				case *canvas.Rectangle:
					v.FillColor = tagColor(t.Color)
					v.Refresh()
				case *widget.Label:
					label := fmt.Sprintf("%s  (%s)", t.Name, t.Kind)
					if t.Shortcut != "" {
						label += "  key " + t.Shortcut
					}
					v.SetText(label)
				}
			}
		},
	)
	list.OnSelected = func(i widget.ListItemID) {
		list.UnselectAll()
		if i < len(u.tags) {
			u.editTag(u.tags[i], func() { list.Refresh() })
		}
	}
	add := widget.NewButton("Add tag…", func() {
		u.editTag(model.Tag{Kind: model.KindCustom, Color: "#9B59B6"}, func() { list.Refresh() })
	})
	content := container.NewBorder(widget.NewLabel("Click a tag to edit or delete it."), add, nil, nil, list)
	win = dialog.NewCustom("Tags", "Close", content, u.win)
	win.Resize(fyne.NewSize(460, 420))
	win.Show()
}

// editTag shows the form for one tag (a new one when t.ID is ""); done runs
// after a change is saved.
func (u *UI) editTag(t model.Tag, done func()) {
	name := widget.NewEntry()
	name.SetText(t.Name)
	desc := widget.NewMultiLineEntry()
	desc.SetText(t.Description)
	desc.Wrapping = fyne.TextWrapWord
	key := widget.NewEntry()
	key.SetText(t.Shortcut)
	key.SetPlaceHolder("one key, e.g. 4")
	key.Validator = func(s string) error {
		if len([]rune(s)) > 1 {
			return fmt.Errorf("one key")
		}
		if strings.EqualFold(s, string(keyNext)) || strings.EqualFold(s, string(keyPrev)) {
			return fmt.Errorf("N and P move between annotations")
		}
		return nil
	}
	kinds := []string{string(model.KindCustom), string(model.KindClaim), string(model.KindQuote), string(model.KindFigure)}
	kind := widget.NewSelect(kinds, nil)
	kind.SetSelected(string(t.Kind))
	builtin := t.ID != "" && t.Kind != model.KindCustom
	if builtin {
		kind.Disable()
	}
	colour := t.Color
	swatch := canvas.NewRectangle(tagColor(colour))
	swatch.SetMinSize(fyne.NewSize(28, 28))
	swatch.CornerRadius = 4
	pick := widget.NewButton("Choose…", func() {
		dialog.NewColorPicker("Tag colour", "Pick a colour readable behind text", func(c color.Color) {
			r, g, b, _ := c.RGBA()
			colour = fmt.Sprintf("#%02X%02X%02X", r>>8, g>>8, b>>8)
			swatch.FillColor = tagColor(colour)
			swatch.Refresh()
		}, u.win).Show()
	})
	items := []*widget.FormItem{
		widget.NewFormItem("Name", name),
		widget.NewFormItem("Kind", kind),
		widget.NewFormItem("Colour", container.NewHBox(swatch, pick)),
		widget.NewFormItem("Shortcut", key),
		widget.NewFormItem("Description", desc),
	}
	title := "Edit tag"
	if t.ID == "" {
		title = "New tag"
	}
	save := func(ok bool) {
		if !ok || u.waitsForBulk() {
			return
		}
		nt := t
		nt.Name, nt.Description = strings.TrimSpace(name.Text), strings.TrimSpace(desc.Text)
		nt.Shortcut, nt.Color, nt.Kind = strings.TrimSpace(key.Text), colour, model.Kind(kind.Selected)
		var err error
		if t.ID == "" {
			err = u.store.CreateTag(u.ctx(), u.coder.ID, &nt)
		} else {
			err = u.store.UpdateTag(u.ctx(), u.coder.ID, nt)
		}
		if err != nil {
			u.showError(fmt.Errorf("saving tag %q: %w", nt.Name, err))
			return
		}
		u.loadTags()
		u.reloadAnnotations()
		done()
	}
	var d dialog.Dialog
	if t.ID != "" && !builtin {
		// Once the tag is deleted its form closes: there is nothing left to edit.
		del := widget.NewButton("Delete this tag…", func() { u.deleteTag(t, func() { d.Hide(); done() }) })
		del.Importance = widget.DangerImportance
		items = append(items, widget.NewFormItem("", del))
	}
	d = dialog.NewForm(title, "Save", "Cancel", items, save, u.win)
	d.Resize(fyne.NewSize(460, 420))
	d.Show()
}

// deleteTag asks what to do with the tag's annotations, then deletes it.
func (u *UI) deleteTag(t model.Tag, done func()) {
	if u.waitsForBulk() {
		return
	}
	n, err := u.store.Reader().CountAnnotations(u.ctx(), store.AnnotationFilter{TagIDs: []string{t.ID}})
	if err != nil {
		u.showError(fmt.Errorf("counting the annotations of tag %q: %w", t.Name, err))
		return
	}
	opts := []string{"Delete them too"}
	for _, o := range u.tags {
		if o.ID != t.ID {
			opts = append(opts, "Move them to "+o.Name)
		}
	}
	choice := widget.NewRadioGroup(opts, nil)
	choice.SetSelected(opts[0])
	msg := widget.NewLabel(fmt.Sprintf("Tag %q has %s. What should happen to them?", t.Name, count(n, "annotation", "annotations")))
	msg.Wrapping = fyne.TextWrapWord
	dialog.ShowCustomConfirm("Delete tag", "Delete", "Cancel", container.NewVBox(msg, choice), func(ok bool) {
		if !ok {
			return
		}
		moveTo := ""
		for _, o := range u.tags {
			if choice.Selected == "Move them to "+o.Name {
				moveTo = o.ID
			}
		}
		deleted := func() {
			u.loadTags()
			u.reloadAnnotations()
			if err := u.lib.reload(); err != nil {
				u.showError(err)
			}
			what := "deleted"
			if moveTo != "" {
				what = "moved"
			}
			u.flash(fmt.Sprintf("Deleted tag %q; %s %s — Ctrl+Z undoes it.", t.Name, what, count(n, "annotation", "annotations")))
			done()
		}
		if n < bigStep {
			if err := u.store.DeleteTag(u.ctx(), u.coder.ID, t.ID, moveTo, nil); err != nil {
				u.showError(fmt.Errorf("deleting tag %q: %w", t.Name, err))
				return
			}
			deleted()
			return
		}
		coder := u.coder.ID
		startJob(u, bulkJob(u, job[struct{}]{
			title:  "Deleting tag",
			detail: fmt.Sprintf("%q and %s", t.Name, count(n, "annotation", "annotations")),
			unit:   "annotations",
			work: func(ctx context.Context, st *store.Store, report func(int, int)) (struct{}, error) {
				return struct{}{}, st.DeleteTag(ctx, coder, t.ID, moveTo, report)
			},
			failed:    fmt.Sprintf("deleting tag %q failed (nothing was changed)", t.Name),
			cancelled: fmt.Sprintf("Deleting tag %q cancelled; nothing was changed.", t.Name),
			done:      func(struct{}) { deleted() },
		}))
	}, u.win)
}
