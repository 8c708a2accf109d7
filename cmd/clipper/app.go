package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"clipper/assets"
	"clipper/gui"
)

// appID identifies Clipper to Fyne (preferences, single-instance data).
const appID = "org.clipper.app"

// runApp opens the app window on the project; with --screenshot it writes a
// PNG of the drawn window and quits.
func runApp(e *env) error {
	size, err := parseSize(e.size)
	if err != nil {
		return err
	}
	st, err := e.openStore(e.ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	e.stopSignals() // from here on the window owns the process: Ctrl+C quits as usual

	icon := fyne.NewStaticResource("icon.png", assets.Icon)
	app.SetMetadata(appMetadata(currentBuild(), icon))
	a := app.NewWithID(appID)
	a.SetIcon(icon)
	opts := gui.Options{Coder: e.coder, NoPrompts: e.screenshot != ""}
	if opts.Coder == "" {
		opts.Coder = os.Getenv("CLIPPER_CODER")
	}
	if opts.Coder == "" && opts.NoPrompts {
		opts.Coder = e.coderName()
	}
	u := gui.New(a, st, opts)
	w := u.Window()
	w.Resize(size)
	if e.clipping != "" {
		if err := u.Open(e.clipping); err != nil {
			return err
		}
	}
	var shotErr error
	if e.screenshot == "" {
		u.Watch(2 * time.Second) // follow another window or the CLI writing the same file
	}
	if e.screenshot != "" {
		a.Lifecycle().SetOnStarted(func() {
			go func() {
				// Give the driver a few frames to lay out and paint.
				time.Sleep(1500 * time.Millisecond)
				fyne.DoAndWait(func() {
					shotErr = gui.SaveScreenshot(w, size, e.screenshot)
					a.Quit()
				})
			}()
		})
	}
	w.ShowAndRun()
	if shotErr != nil {
		return shotErr
	}
	return nil
}

// appMetadata is what the app tells Fyne about itself: the build
// information Help → About shows, and the opt-in to Fyne's threading
// model declared in FyneApp.toml ([Migrations] fyneDo), so every build —
// make, go build, fyne package — runs the same way.
func appMetadata(b buildInfo, icon fyne.Resource) fyne.AppMetadata {
	return fyne.AppMetadata{
		ID:      appID,
		Name:    "Clipper",
		Version: b.Version,
		Icon:    icon,
		Custom: map[string]string{
			gui.MetaCommit:     b.Commit,
			gui.MetaCommitDate: b.CommitDate,
			gui.MetaBuildDate:  b.BuildDate,
			gui.MetaGo:         b.Go + " " + b.Platform,
			gui.MetaFyne:       b.Fyne,
			gui.MetaSQLite:     b.SQLite,
		},
		Migrations: map[string]bool{"fyneDo": true},
	}
}

// parseSize reads "WIDTHxHEIGHT".
func parseSize(s string) (fyne.Size, error) {
	ws, hs, ok := strings.Cut(strings.ToLower(s), "x")
	w, err1 := strconv.Atoi(ws)
	h, err2 := strconv.Atoi(hs)
	if !ok || err1 != nil || err2 != nil || w < 200 || h < 150 || w > 10000 || h > 10000 {
		return fyne.Size{}, fmt.Errorf("--size %q: want WIDTHxHEIGHT such as 1280x800 (at least 200x150)", s)
	}
	return fyne.NewSize(float32(w), float32(h)), nil
}
