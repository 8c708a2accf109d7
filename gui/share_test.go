package gui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"clipper/model/store"
)

// shareFromMenu runs File → Share a copy…, ticks "Leave out the original
// imported files" when noOrig, and saves under name; the job stays held.
func shareFromMenu(t *testing.T, u *UI, name string, noOrig bool) {
	t.Helper()
	menuAction(t, u, "File", "Share a copy…")
	if noOrig {
		test.Tap(topWidget(t, u, func(c *widget.Check) bool { return strings.HasPrefix(c.Text, "Leave out") }))
	}
	test.Tap(dialogButton(t, u, "Choose file…"))
	saveAs(t, u, name)
}

func TestShareFromMenu(t *testing.T) {
	u, st := newTestUI(t)
	shareFromMenu(t, u, "for-ben", true)
	progressShowing(t, u, "Sharing")
	u.jobs.wait()
	dst := filepath.Join(filepath.Dir(st.Path()), "for-ben.clip")
	if text := overlayText(t, u); !strings.Contains(text, dst) || !strings.Contains(text, "were left out") {
		t.Errorf("the result says:\n%s", text)
	}
	cp, err := store.Open(dst)
	if err != nil {
		t.Fatalf("the copy does not open: %v", err)
	}
	defer cp.Close()
	c, err := cp.Clipping(u.ctx(), u.clip.ID)
	if err != nil || c.Body != u.clip.Body || len(c.Original) != 0 {
		t.Errorf("the copy's clipping: body equal %v, %d original bytes, %v", c.Body == u.clip.Body, len(c.Original), err)
	}
}

// TestShareRefusesExistingFiles: the open project and any existing file
// are refused in the dialog; a file that appears before the job writes
// makes the job fail without touching it.
func TestShareRefusesExistingFiles(t *testing.T) {
	u, st := newTestUI(t)
	dir := filepath.Dir(st.Path())
	before := fileBytes(t, st.Path())
	shareFromMenu(t, u, filepath.Base(st.Path()), false)
	if text := overlayText(t, u); !strings.Contains(text, "is the open project") {
		t.Errorf("sharing onto the project: the dialog says\n%s", text)
	}
	closeDialogs(u)

	late := filepath.Join(dir, "late.clip")
	shareFromMenu(t, u, "late", false)
	if err := os.WriteFile(late, []byte("someone else's"), 0o644); err != nil {
		t.Fatal(err)
	}
	u.jobs.wait()
	if text := strings.ToLower(overlayText(t, u)); !strings.Contains(text, "sharing failed, no copy was written") || !strings.Contains(text, "already exists") {
		t.Errorf("the error dialog says:\n%s", text)
	}
	if string(fileBytes(t, late)) != "someone else's" {
		t.Error("the share replaced a file that appeared meanwhile")
	}
	if string(before) != string(fileBytes(t, st.Path())) {
		t.Error("the project changed")
	}
}

func TestShareCancel(t *testing.T) {
	u, st := newTestUI(t)
	shareFromMenu(t, u, "never", false)
	cancelJob(t, u, "Sharing")
	u.jobs.wait()
	entries, err := os.ReadDir(filepath.Dir(st.Path()))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "never") {
			t.Errorf("a cancelled share left %s", e.Name())
		}
	}
	if !strings.Contains(u.status.Text, "Sharing cancelled") {
		t.Errorf("status %q", u.status.Text)
	}
}
