package gui

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"clipper/model"
	"clipper/model/store"
)

// tagNamed returns the project's tag called name, read from the store.
func tagNamed(t *testing.T, u *UI, name string) (model.Tag, bool) {
	t.Helper()
	tags, err := u.store.Tags(u.ctx())
	if err != nil {
		t.Fatal(err)
	}
	for _, tg := range tags {
		if tg.Name == name {
			return tg, true
		}
	}
	return model.Tag{}, false
}

// newTagForm opens Tags → Manage tags… → Add tag… and fills name and key.
func newTagForm(t *testing.T, u *UI, name, key string) {
	t.Helper()
	menuAction(t, u, "Tags", "Manage tags…")
	test.Tap(dialogButton(t, u, "Add tag…"))
	typeText(formField[*widget.Entry](t, u, "Name"), name)
	typeText(formField[*widget.Entry](t, u, "Shortcut"), key)
}

// TestTagManagerAddRenameDelete drives the tag manager through a custom
// tag's life: added with a key, renamed, deleted.
func TestTagManagerAddRenameDelete(t *testing.T) {
	u, _ := newTestUI(t)
	newTagForm(t, u, "source", "4")
	typeText(formField[*widget.Entry](t, u, "Description"), "Who the text cites")
	test.Tap(dialogButton(t, u, "Save"))
	tg, ok := tagNamed(t, u, "source")
	if !ok || tg.Shortcut != "4" || tg.Kind != model.KindCustom || tg.Description != "Who the text cites" {
		t.Fatalf("stored tag: %+v (found %v)", tg, ok)
	}
	if got, ok := u.tagForKey("4"); !ok || got.ID != tg.ID {
		t.Error("key 4 does not tag as source")
	}
	menuAction(t, u, "Tags", "Tag selection as source   4")

	// The tag manager lists it; picking it opens its form.
	list := topWidget[*widget.List](t, u, nil)
	i := -1
	for j, x := range u.tags {
		if x.ID == tg.ID {
			i = j
		}
	}
	list.Select(i)
	if title := overlayText(t, u); !strings.Contains(title, "Edit tag") {
		t.Fatalf("picking the tag shows:\n%s", title)
	}
	typeText(formField[*widget.Entry](t, u, "Name"), "origin")
	test.Tap(dialogButton(t, u, "Save"))
	if _, ok := tagNamed(t, u, "origin"); !ok {
		t.Fatal("the rename was not saved")
	}

	list.Select(i)
	test.Tap(dialogButton(t, u, "Delete this tag…"))
	test.Tap(dialogButton(t, u, "Delete"))
	if _, ok := tagNamed(t, u, "origin"); ok {
		t.Error("the tag was not deleted")
	}
	if text := overlayText(t, u); strings.Contains(text, "Edit tag") {
		t.Errorf("the deleted tag's form is still open:\n%s", text)
	}
	if _, ok := u.tagForKey("4"); ok {
		t.Error("key 4 still tags after the tag was deleted")
	}
}

// TestTagManagerErrors: a name already taken is refused with a dialog; a
// key that moves between annotations cannot be saved.
func TestTagManagerErrors(t *testing.T) {
	u, _ := newTestUI(t)
	before := len(u.tags)
	newTagForm(t, u, "quote", "")
	test.Tap(dialogButton(t, u, "Save"))
	if text := strings.ToLower(overlayText(t, u)); !strings.Contains(text, `saving tag "quote"`) || !strings.Contains(text, "already exists") {
		t.Errorf("the error dialog says:\n%s", text)
	}
	closeDialogs(u)

	newTagForm(t, u, "next", "n")
	save := dialogButton(t, u, "Save")
	if !save.Disabled() {
		t.Error("Save is enabled with key N, which moves to the next annotation")
	}
	test.Tap(save)
	if _, ok := tagNamed(t, u, "next"); ok || len(u.tags) != before {
		t.Error("a tag with key N was saved")
	}
}

func TestTagManagerCancel(t *testing.T) {
	u, _ := newTestUI(t)
	newTagForm(t, u, "source", "4")
	test.Tap(dialogButton(t, u, "Cancel"))
	if _, ok := tagNamed(t, u, "source"); ok {
		t.Error("a cancelled new tag was saved")
	}
	if text := overlayText(t, u); !strings.Contains(text, "Click a tag to edit") {
		t.Errorf("after Cancel the tag manager is not showing:\n%s", text)
	}
}

// TestDeleteBigTagIsAJob: deleting a tag with thousands of annotations
// says how many it has and runs as a job (on the UI goroutine, under its
// two-second limit, it failed on big projects).
func TestDeleteBigTagIsAJob(t *testing.T) {
	u, st := newTestUI(t)
	tg := &model.Tag{Name: "source", Kind: model.KindCustom}
	if err := st.CreateTag(context.Background(), u.coder.ID, tg); err != nil {
		t.Fatal(err)
	}
	u.loadTags()
	length := utf8.RuneCountInString(u.clip.Body)
	n := bigStep + 10
	var as []*model.Annotation
	for i := range n {
		start := (i % (length / 2)) * 2
		as = append(as, &model.Annotation{ClippingID: u.clip.ID, TagID: tg.ID, CoderID: u.coder.ID, Start: start, End: start + 1 + i/(length/2)})
	}
	if err := st.AddAnnotations(context.Background(), as); err != nil {
		t.Fatal(err)
	}
	u.deleteTag(*tg, func() {})
	if text := overlayText(t, u); !strings.Contains(text, "has "+thousands(n)+" annotations") {
		t.Fatalf("the dialog says:\n%s", text)
	}
	test.Tap(dialogButton(t, u, "Delete"))
	progressShowing(t, u, "Deleting tag")
	u.jobs.wait()
	if _, ok := tagNamed(t, u, "source"); ok {
		t.Error("the tag was not deleted")
	}
	if want := "deleted " + thousands(n) + " annotations"; !strings.Contains(u.status.Text, want) || !strings.HasSuffix(u.status.Text, " 0 annotations") {
		t.Errorf("status %q: want %q and the new total", u.status.Text, want)
	}
	left, err := st.Reader().CountAnnotations(context.Background(), store.AnnotationFilter{})
	if err != nil || left != 0 {
		t.Errorf("%d annotations left, %v", left, err)
	}
}
