package gui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clipper/model"
	"clipper/model/store"
)

// otherProject creates a project beside none of the test's others,
// holding one clipping headlined headline.
func otherProject(t *testing.T, headline string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "other.clip")
	st, err := store.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c := &model.Clipping{Body: "Body of " + headline + ".", Metadata: model.Metadata{Headline: headline}}
	if _, err := st.AddClipping(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return path
}

// openRecent remembers path and picks it from File → Open recent.
func openRecent(t *testing.T, u *UI, path string) {
	t.Helper()
	u.rememberRecent(path)
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label != "Open recent" {
				continue
			}
			for _, r := range it.ChildMenu.Items {
				if r.Label == path {
					r.Action()
					return
				}
			}
		}
	}
	t.Fatalf("File → Open recent does not list %s", path)
}

// closedStore reports whether st was closed.
func closedStore(st *store.Store) bool {
	_, err := st.DataVersion(context.Background())
	return err != nil && strings.Contains(err.Error(), "is closed")
}

func TestOpenRecentProject(t *testing.T) {
	u, old := newTestUI(t)
	path := otherProject(t, "Harbour fees rise")
	openRecent(t, u, path)
	progressShowing(t, u, "Opening project")
	u.jobs.wait()
	if u.store.Path() != path || u.current.Load() != u.store {
		t.Fatalf("open project %s, want %s", u.store.Path(), path)
	}
	if u.clip.Headline != "Harbour fees rise" || u.lib.clips != 1 {
		t.Errorf("shows %q, %d clippings", u.clip.Headline, u.lib.clips)
	}
	if !strings.Contains(u.win.Title(), "other.clip") {
		t.Errorf("title %q", u.win.Title())
	}
	if !closedStore(old) {
		t.Error("the previous project was not closed")
	}
}

// TestOpenProjectRefusesNonProject: the error names the file and the
// reason, and the open project stays open and usable.
func TestOpenProjectRefusesNonProject(t *testing.T) {
	u, st := newTestUI(t)
	notes := filepath.Join(t.TempDir(), "notes.clip")
	if err := os.WriteFile(notes, []byte("shopping list\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	openRecent(t, u, notes)
	u.jobs.wait()
	if text := strings.ToLower(overlayText(t, u)); !strings.Contains(text, "could not open notes.clip: open project "+strings.ToLower(notes)) || !strings.Contains(text, "not a clipper project") {
		t.Errorf("the error dialog says:\n%s", text)
	}
	if u.store != st || closedStore(st) {
		t.Fatal("a failed open replaced or closed the open project")
	}
	if _, err := st.ClippingSummaries(u.ctx()); err != nil {
		t.Errorf("the open project is unusable: %v", err)
	}
}

func TestOpenProjectCancel(t *testing.T) {
	u, st := newTestUI(t)
	openRecent(t, u, otherProject(t, "Harbour fees rise"))
	cancelJob(t, u, "Opening project")
	u.jobs.wait()
	if u.store != st || closedStore(st) {
		t.Fatal("a cancelled open replaced or closed the open project")
	}
	if !strings.Contains(u.status.Text, "Cancelled; p.clip stays open.") {
		t.Errorf("status %q", u.status.Text)
	}
}

// TestNewProjectFromMenu: File → New project… creates the file and opens
// it; the open project's name and an existing file are refused.
func TestNewProjectFromMenu(t *testing.T) {
	u, old := newTestUI(t)
	dir := filepath.Dir(old.Path())
	menuAction(t, u, "File", "New project…")
	saveAs(t, u, "p")
	if text := overlayText(t, u); !strings.Contains(text, "is the open project") {
		t.Errorf("new project onto the open one: the dialog says\n%s", text)
	}
	closeDialogs(u)
	if err := os.WriteFile(filepath.Join(dir, "taken.clip"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	menuAction(t, u, "File", "New project…")
	saveAs(t, u, "taken")
	if text := overlayText(t, u); !strings.Contains(text, "already exists") {
		t.Errorf("new project onto an existing file: the dialog says\n%s", text)
	}
	closeDialogs(u)

	menuAction(t, u, "File", "New project…")
	saveAs(t, u, "fresh")
	progressShowing(t, u, "Creating project")
	u.jobs.wait()
	if want := filepath.Join(dir, "fresh.clip"); u.store.Path() != want {
		t.Fatalf("open project %s, want %s", u.store.Path(), want)
	}
	if u.lib.clips != 0 || !closedStore(old) {
		t.Errorf("new project lists %d clippings; old closed %v", u.lib.clips, closedStore(old))
	}
}

// TestSwitchProjectCancelsRunningJob: opening another project while an
// import runs cancels the import, which adds nothing, and closes the old
// project only after the import has returned.
func TestSwitchProjectCancelsRunningJob(t *testing.T) {
	u, old := newTestUI(t)
	drop(u, clippingFiles(t, twoClippings))
	next, err := store.Open(otherProject(t, "Harbour fees rise"))
	if err != nil {
		t.Fatal(err)
	}
	u.switchProject(next) // what opening a project ends with
	if u.store != old || closedStore(old) {
		t.Fatal("the project was switched while the import still ran")
	}
	b := dialogButton(t, u, "Stopping…")
	if !b.Disabled() {
		t.Error("the import's Cancel button is still active")
	}
	u.jobs.wait()
	if u.store != next || !closedStore(old) {
		t.Fatal("the switch did not finish after the import stopped")
	}
	if n := clippingCount(t, old.Path()); n != 1 {
		t.Errorf("the cancelled import added to the old project: %d clippings", n)
	}
	if u.lib.clips != 1 || u.clip.Headline != "Harbour fees rise" {
		t.Errorf("shows %q and %d clippings", u.clip.Headline, u.lib.clips)
	}
	if dialogCount(u) != 0 {
		t.Errorf("dialogs left:\n%s", overlayText(t, u))
	}
}

// TestCloseWindowCancelsRunningJob: closing the window while an import
// runs cancels it, waits for it and closes the project.
func TestCloseWindowCancelsRunningJob(t *testing.T) {
	for _, how := range []string{"close button", "closed by the app"} {
		t.Run(how, func(t *testing.T) {
			u, st := newTestUI(t)
			drop(u, clippingFiles(t, twoClippings))
			if how == "close button" {
				u.closeRequested() // the window's close button
				if closedStore(st) || u.closed {
					t.Fatal("the window closed while the import still ran")
				}
				u.jobs.wait()
			} else {
				u.win.Close()
			}
			if !u.closed || !closedStore(st) {
				t.Fatalf("after closing: window closed %v, project closed %v", u.closed, closedStore(st))
			}
			if n := clippingCount(t, st.Path()); n != 1 {
				t.Errorf("the cancelled import added clippings: %d", n)
			}
		})
	}
}
