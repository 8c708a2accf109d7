package gui

import (
	"fyne.io/fyne/v2/dialog"
)

// exportDialog will offer format, scope and destination once the export
// writers are wired in.
func (u *UI) exportDialog() {
	dialog.ShowInformation("Export", "Use `clipper export` on the command line for now.", u.win)
}
