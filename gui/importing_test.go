package gui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"clipper/model/store"
)

// clippingFiles writes text clippings into a new folder and returns it.
func clippingFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// drop drops paths on the window, as the desktop does.
func drop(u *UI, paths ...string) {
	var uris []fyne.URI
	for _, p := range paths {
		uris = append(uris, storage.NewFileURI(p))
	}
	u.dropped(fyne.NewPos(300, 300), uris)
}

var twoClippings = map[string]string{
	"fuel.txt":  secondClipping,
	"rails.txt": "Rail strike ends\n\nThe union accepted a 6 percent raise on Tuesday, ending a strike of 11 days.",
}

// TestImportDroppedFolder: a folder dropped on the window is imported in
// the background and its clippings appear in the library.
func TestImportDroppedFolder(t *testing.T) {
	u, st := newTestUI(t)
	dir := clippingFiles(t, twoClippings)
	drop(u, dir)
	progressShowing(t, u, "Importing")
	u.jobs.wait()
	if dialogCount(u) != 0 {
		t.Errorf("dialogs left:\n%s", overlayText(t, u))
	}
	if u.lib.clips != 3 || clippingCount(t, st.Path()) != 3 {
		t.Errorf("library lists %d clippings after importing two", u.lib.clips)
	}
	if !strings.HasPrefix(u.status.Text, "2 clippings imported.") {
		t.Errorf("status %q", u.status.Text)
	}
	if u.report != nil {
		t.Error("a report window opened for two text files that simply imported")
	}
	if h := u.clip.Headline; h != "Fuel prices climb again" && h != "Rail strike ends" {
		t.Errorf("the open clipping is %q, want a new one", h)
	}
}

// TestImportReportsUnreadableFiles: a file that cannot be read is listed
// in the report window with its reason; the others are imported.
func TestImportReportsUnreadableFiles(t *testing.T) {
	u, _ := newTestUI(t)
	dir := clippingFiles(t, map[string]string{
		"fuel.txt":    secondClipping,
		"broken.docx": "this is not a Word file",
	})
	drop(u, filepath.Join(dir, "fuel.txt"), filepath.Join(dir, "broken.docx"))
	u.jobs.wait()
	rw := reportShowing(t, u)
	text := windowText(rw.win)
	for _, want := range []string{"1 article in 2 files: 1 added.", "1 file could not be imported.", "fuel.txt",
		"broken.docx", "could not be imported: ", "Only files that need a look (1)"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}
	if !strings.Contains(u.status.Text, "1 clipping imported, 1 file could not be read.") {
		t.Errorf("status %q", u.status.Text)
	}
	if u.lib.clips != 2 {
		t.Errorf("library lists %d clippings, want the sample and fuel", u.lib.clips)
	}
	// Only the files that need a look: the broken one.
	test.Tap(rw.only)
	if roots := rw.childUIDs(""); len(roots) != 1 || rw.r.files[1].Path != filepath.Join(dir, "broken.docx") || roots[0] != "f1" {
		t.Errorf("files needing a look: %v", roots)
	}
}

// TestImportIntoReadOnlyProject: when the store refuses the import the
// error dialog says that nothing was added, and why.
func TestImportIntoReadOnlyProject(t *testing.T) {
	u, st := newTestUI(t)
	ro, err := store.Open(newerCopy(t, st))
	if err != nil {
		t.Fatal(err)
	}
	u.switchProject(ro)
	closeDialogs(u) // "Opened read-only"
	drop(u, clippingFiles(t, twoClippings))
	u.jobs.wait()
	text := strings.ToLower(overlayText(t, u)) // Fyne capitalises the message
	if !strings.Contains(text, "import failed, nothing was added") || !strings.Contains(text, "newer clipper") {
		t.Errorf("the error dialog says:\n%s", text)
	}
	if n := clippingCount(t, ro.Path()); n != 1 {
		t.Errorf("the read-only project holds %d clippings", n)
	}
}

// TestImportCancel: Cancel stops the import and nothing is added.
func TestImportCancel(t *testing.T) {
	u, st := newTestUI(t)
	drop(u, clippingFiles(t, twoClippings))
	cancelJob(t, u, "Importing")
	u.jobs.wait()
	if n := clippingCount(t, st.Path()); n != 1 || u.lib.clips != 1 {
		t.Errorf("after cancelling: %d clippings on disk, %d listed", n, u.lib.clips)
	}
	if !strings.Contains(u.status.Text, "Import cancelled; nothing was added.") {
		t.Errorf("status %q", u.status.Text)
	}
}
