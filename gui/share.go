package gui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"clipper/model/store"
)

// shareDialog asks whether to leave out the imported originals, then where
// to write the copy, and shares the project in the background.
func (u *UI) shareDialog() {
	noOrig := widget.NewCheck("Leave out the original imported files (smaller)", nil)
	about := widget.NewLabel("Writes a compact copy of this project to send to a colleague. " +
		"They annotate it as themselves; File → Merge a colleague's project brings their work back.")
	about.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Share a copy", "Choose file…", "Cancel", container.NewVBox(about, noOrig), func(ok bool) {
		if !ok {
			return
		}
		name := shareName(u.store.Path(), u.coder.Name, time.Now())
		u.askSavePath("Share a copy", name, ".clip", false, func(path string) {
			u.runShare(path, store.ShareOptions{WithoutOriginals: noOrig.Checked})
		})
	}, u.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

// shareName is the default name of a shared copy:
// "<project>-<coder>-<YYYY-MM-DD>.clip", the coder's name reduced to
// letters, digits and dashes.
func shareName(project, coder string, now time.Time) string {
	base := strings.TrimSuffix(filepath.Base(project), filepath.Ext(project))
	var b strings.Builder
	for _, r := range strings.Join(strings.Fields(coder), "-") {
		if r == '-' || r == '_' || r == '.' || (r >= '0' && r <= '9') || isLetter(r) {
			b.WriteRune(r)
		}
	}
	parts := []string{base}
	if b.Len() > 0 {
		parts = append(parts, b.String())
	}
	parts = append(parts, now.Format("2006-01-02"))
	return strings.Join(parts, "-") + ".clip"
}

func isLetter(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r > 0x7f
}

// runShare writes the copy as a background job, then says where it wrote
// and how big the copy is.
func (u *UI) runShare(path string, opt store.ShareOptions) {
	startJob(u, job[int64]{
		title:  "Sharing",
		detail: "Writing " + filepath.Base(path) + "…",
		work: func(ctx context.Context, st *store.Store, _ func(int, int)) (int64, error) {
			if err := st.Share(ctx, path, opt); err != nil {
				return 0, err
			}
			fi, err := os.Stat(path)
			if err != nil {
				return 0, fmt.Errorf("checking the shared copy: %w", err)
			}
			return fi.Size(), nil
		},
		done: func(size int64) {
			msg := fmt.Sprintf("Wrote a copy of the project (%s) to\n%s\n\nSend it to your colleague. When they send theirs back, use File → Merge a colleague's project.",
				fileSize(size), path)
			if opt.WithoutOriginals {
				msg += "\n\nThe original imported files were left out; texts and annotations are all there."
			}
			dialog.ShowInformation("Shared", msg, u.win)
			u.flash("Shared a copy: " + path)
		},
		failed:    "sharing failed, no copy was written",
		cancelled: "Sharing cancelled; no copy was written.",
	})
}

// fileSize prints a byte count in B, KB or MB.
func fileSize(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d B", n)
	case n < 1024*1024:
		return fmt.Sprintf("%.1f KB", float64(n)/1024)
	default:
		return fmt.Sprintf("%.1f MB", float64(n)/(1024*1024))
	}
}
