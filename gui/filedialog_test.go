package gui

import (
	"bytes"
	"log"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
)

// captureLog sends the standard logger, which fyne.LogError writes to, into
// a buffer for the rest of the test.
func captureLog(t *testing.T) *bytes.Buffer {
	t.Helper()
	var buf bytes.Buffer
	prev, flags := log.Writer(), log.Flags()
	log.SetOutput(&buf)
	log.SetFlags(0)
	t.Cleanup(func() {
		log.SetOutput(prev)
		log.SetFlags(flags)
	})
	return &buf
}

// TestFileDialogsLogNothing opens every file and folder chooser of the app
// (import a file, import a folder, open a project, the folder chooser of
// new project and of export) in a home folder with none of the standard
// user folders, where Fyne's file dialog logs "Getting favorite locations …
// does not define a … folder" when built: the app's choosers log nothing.
func TestFileDialogsLogNothing(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	u, _ := newTestUI(t)
	buf := captureLog(t)

	// The environment does make Fyne log, or this test would prove nothing.
	dialog.NewFileOpen(func(fyne.URIReadCloser, error) {}, u.win).Show()
	if !strings.Contains(buf.String(), "Getting favorite locations") {
		t.Fatalf("a bare Fyne file dialog logged %q here, want its favourites error", buf.String())
	}
	closeDialogs(u)

	choose := func() { test.Tap(dialogButton(t, u, "Choose…")) }
	steps := []struct {
		name string
		open func()
	}{
		{"File → Import files…", func() { menuAction(t, u, "File", "Import files…") }},
		{"File → Import folder…", func() { menuAction(t, u, "File", "Import folder…") }},
		{"File → Open project…", func() { menuAction(t, u, "File", "Open project…") }},
		{"File → New project… → Choose…", func() { menuAction(t, u, "File", "New project…"); choose() }},
		{"File → Export… → Choose file… → Choose…", func() {
			menuAction(t, u, "File", "Export…")
			test.Tap(dialogButton(t, u, "Choose file…"))
			choose()
		}},
	}
	for _, s := range steps {
		buf.Reset()
		s.open()
		if u.win.Canvas().Overlays().Top() == nil {
			t.Fatalf("%s: no dialog showing", s.name)
		}
		if buf.Len() > 0 {
			t.Errorf("%s logged:\n%s", s.name, buf.String())
		}
		closeDialogs(u)
	}
}

// TestFavouritesFilter drops exactly the lines of Fyne's favourites error
// entry and passes everything else, other Fyne errors included.
func TestFavouritesFilter(t *testing.T) {
	var out bytes.Buffer
	f := &favouritesFilter{out: &out}
	lines := []string{
		"2026/01/02 10:00:00 Fyne error:  Getting favorite locations\n",
		"2026/01/02 10:00:00   Cause: this computer does not define a VIDEOS folder\n",
		"2026/01/02 10:00:00   At: /go/pkg/mod/fyne.io/fyne/v2@v2.7.1/dialog/file.go:396\n",
		"2026/01/02 10:00:00 Fyne error:  Unable to read ListableURI file:///x\n",
		"2026/01/02 10:00:00   Cause: permission denied\n",
		"2026/01/02 10:00:00   At: /go/pkg/mod/fyne.io/fyne/v2@v2.7.1/dialog/file.go:425\n",
		"clipper: something else\n",
	}
	for _, l := range lines {
		if n, err := f.Write([]byte(l)); n != len(l) || err != nil {
			t.Fatalf("Write(%q) = %d, %v", l, n, err)
		}
	}
	if want := strings.Join(lines[3:], ""); out.String() != want {
		t.Errorf("passed on:\n%s\nwant:\n%s", out.String(), want)
	}
}
