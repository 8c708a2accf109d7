package gui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/widget"

	"clipper/export"
)

// TestFileDialogsStartInTheLastFolder: the file dialogs start in the folder
// used last (remembered in the preferences), else the project's folder;
// saving somewhere remembers that folder.
func TestFileDialogsStartInTheLastFolder(t *testing.T) {
	u, st := newTestUI(t)
	if got, want := u.lastFolder(), filepath.Dir(st.Path()); got != want {
		t.Fatalf("first start folder = %q, want the project's %q", got, want)
	}

	dir := filepath.Join(t.TempDir(), "clips-2024")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Headline\n\nBody."), 0o644); err != nil {
		t.Fatal(err)
	}
	u.rememberFolder(dir)
	u.importDialog()
	// The open dialog's breadcrumb ends in the folder it shows.
	topWidget(t, u, func(b *widget.Button) bool { return b.Text == "clips-2024" })
	closeDialogs(u)

	// Export: the save dialog proposes that folder and saving keeps it.
	exportFromMenu(t, u, export.CSV, "out")
	u.jobs.wait()
	if _, err := os.Stat(filepath.Join(dir, "out.csv")); err != nil {
		t.Errorf("export not written to the last folder: %v", err)
	}
	closeDialogs(u)
	if got := u.app.Preferences().String(prefLastFolder); got != dir {
		t.Errorf("remembered folder = %q, want %q", got, dir)
	}

	// A remembered folder that is gone falls back to the project's.
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if got, want := u.lastFolder(), filepath.Dir(st.Path()); got != want {
		t.Errorf("start folder after it was removed = %q, want %q", got, want)
	}
}
