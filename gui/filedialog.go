package gui

import (
	"bytes"
	"io"
	"log"
	"sync"

	"fyne.io/fyne/v2/dialog"
)

// showFileDialog shows one of Fyne's file dialogs without the error Fyne
// logs while building it on Linux when a standard user folder (Desktop,
// Documents, Downloads, Music, Pictures, Videos) is missing or not defined
// by xdg-user-dir, e.g. "this computer does not define a VIDEOS folder".
// That is a common, harmless state — the dialog just lists fewer places —
// and Fyne 2.7.1 (dialog/file.go, getFavoriteLocations) reports it as an
// error. Only the lines of that one entry are dropped, and only while the
// dialog is built; everything else logged meanwhile passes through.
func showFileDialog(d *dialog.FileDialog) {
	prev := log.Writer()
	log.SetOutput(&favouritesFilter{out: prev})
	defer log.SetOutput(prev)
	d.Show()
}

// favouritesFilter passes log output on to out, except the lines of Fyne's
// "Getting favorite locations" error entry (reason, cause and caller).
type favouritesFilter struct {
	mu   sync.Mutex
	out  io.Writer
	skip bool // inside the entry: drop its Cause and At lines
}

func (f *favouritesFilter) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	switch {
	case bytes.Contains(p, []byte("Fyne error:  Getting favorite locations")):
		f.skip = true
		return len(p), nil
	case f.skip && (bytes.Contains(p, []byte("  Cause: ")) || bytes.Contains(p, []byte("  At: "))):
		return len(p), nil
	}
	f.skip = false
	return f.out.Write(p)
}
