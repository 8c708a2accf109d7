package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"clipper/model/store"
)

// detailsForm opens Edit → Clipping details….
func detailsForm(t *testing.T, u *UI) {
	t.Helper()
	menuAction(t, u, "Edit", "Clipping details…")
	if text := overlayText(t, u); !strings.Contains(text, "Clipping details") {
		t.Fatalf("the dialog is not the details form:\n%s", text)
	}
}

func TestEditDetailsFromMenu(t *testing.T) {
	u, st := newTestUI(t)
	id := u.clip.ID
	detailsForm(t, u)
	typeText(formField[*widget.Entry](t, u, "Headline"), "Council votes to replace pipes")
	typeText(formField[*widget.Entry](t, u, "Date"), "2024-03-05")
	typeText(formField[*widget.Entry](t, u, "Authors"), "Ann Lee; Ben Ode")
	test.Tap(dialogButton(t, u, "Save"))
	c, err := st.Clipping(u.ctx(), id)
	if err != nil {
		t.Fatal(err)
	}
	if c.Headline != "Council votes to replace pipes" || c.Date != "2024-03-05" || strings.Join(c.Authors, "|") != "Ann Lee|Ben Ode" {
		t.Errorf("stored: headline %q date %q authors %q", c.Headline, c.Date, c.Authors)
	}
	if u.reader.headline.Text != "Council votes to replace pipes" {
		t.Errorf("the reader shows %q", u.reader.headline.Text)
	}
	if listed(u)[0].Headline != "Council votes to replace pipes" {
		t.Errorf("the library lists %q", listed(u)[0].Headline)
	}
}

// TestEditDetailsErrors: a malformed date cannot be saved; a project open
// read-only says why it cannot change.
func TestEditDetailsErrors(t *testing.T) {
	u, st := newTestUI(t)
	before, _ := st.Clipping(u.ctx(), u.clip.ID)
	detailsForm(t, u)
	typeText(formField[*widget.Entry](t, u, "Date"), "5 March 2024")
	save := dialogButton(t, u, "Save")
	if !save.Disabled() {
		t.Error("Save is enabled with a malformed date")
	}
	test.Tap(save)
	if after, _ := st.Clipping(u.ctx(), u.clip.ID); after.Date != before.Date {
		t.Errorf("a malformed date was saved: %q", after.Date)
	}
	closeDialogs(u)

	ro, err := store.Open(newerCopy(t, st))
	if err != nil {
		t.Fatal(err)
	}
	u.switchProject(ro)
	closeDialogs(u)
	detailsForm(t, u)
	typeText(formField[*widget.Entry](t, u, "Headline"), "Changed")
	test.Tap(dialogButton(t, u, "Save"))
	if text := strings.ToLower(overlayText(t, u)); !strings.Contains(text, "newer clipper") || !strings.Contains(text, "read-only") {
		t.Errorf("the error dialog says:\n%s", text)
	}
	if c, _ := ro.Clipping(u.ctx(), u.clip.ID); c.Headline == "Changed" {
		t.Error("a read-only project changed")
	}
}

func TestEditDetailsCancel(t *testing.T) {
	u, st := newTestUI(t)
	before, _ := st.Clipping(u.ctx(), u.clip.ID)
	detailsForm(t, u)
	typeText(formField[*widget.Entry](t, u, "Headline"), "Not saved")
	test.Tap(dialogButton(t, u, "Cancel"))
	after, _ := st.Clipping(u.ctx(), u.clip.ID)
	if after.Headline != before.Headline || u.reader.headline.Text == "Not saved" {
		t.Errorf("cancelled edit: stored %q, shown %q", after.Headline, u.reader.headline.Text)
	}
	if dialogCount(u) != 0 {
		t.Error("the form is still showing")
	}
}
