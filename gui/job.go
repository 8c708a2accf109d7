package gui

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"clipper/model/store"
)

// job describes one background job of the window: a progress dialog with
// a Cancel button while work runs off the UI goroutine, then done (or an
// error dialog) on the UI goroutine.
type job[T any] struct {
	title  string // the progress dialog's title: "Exporting"
	detail string // the line under it: the file's name
	unit   string // what progress counts, "files": "3 of 10 files"; "" shows only the bar
	// count, if set, words the progress line instead of "3 of 10 files"
	// ("3 of 10 files · 1,204 articles"). It runs on the UI goroutine.
	count func(done, total int) string

	// work runs on its own goroutine with the project that was open when
	// the job started; it must not touch widgets or u.store. report, which
	// may be called often, moves the progress bar: done of total steps.
	work func(ctx context.Context, st *store.Store, report func(done, total int)) (T, error)
	// done gets the result on the UI goroutine when work succeeded.
	done func(T)
	// failed prefixes the error shown when work fails: "export to X failed
	// (no file was written)".
	failed string
	// cancelled is flashed in the status bar when work stopped because it
	// was cancelled: "Export cancelled; no file was written."
	cancelled string
	// discard, if set, releases a successful result that is not used
	// because another project was opened or the window closed meanwhile.
	discard func(T)
	// ended, if set, runs on the UI goroutine once work has returned,
	// whatever came of it, before done.
	ended func()
}

// startJob shows j's progress dialog and starts its work with the open
// project. The result is dropped when another project is open by the time
// the work returns: switching projects cancels the job and waits for it.
// Call it on the UI goroutine.
func startJob[T any](u *UI, j job[T]) {
	ctx, cancel := context.WithCancel(context.Background())
	st := u.store
	pd := newProgressDialog(u.win, j.title, j.detail, j.unit, cancel)
	pd.count = j.count
	l := &liveJob{cancel: cancel, stopping: pd.stopping}
	u.jobs.add(l)
	pd.show()
	report := throttle(func(done, total int) {
		u.jobs.toUI(func() { pd.progress(done, total) })
	})
	u.jobs.start(func() {
		defer u.jobs.finish(l)
		res, err := j.work(ctx, st, report)
		stopped := ctx.Err() != nil
		u.jobs.toUI(func() {
			pd.hide()
			cancel()
			if j.ended != nil {
				j.ended()
			}
			switch {
			case u.closed || u.store != st:
				if err == nil && j.discard != nil {
					j.discard(res)
				}
			case err != nil && stopped:
				u.flash(j.cancelled) // whatever the work said as it stopped
			case errors.Is(err, store.ErrReadOnly):
				_, why := st.ReadOnly() // the reason, without the store's plumbing
				u.showError(fmt.Errorf("%s: %s", j.failed, why))
			case err != nil:
				u.showError(fmt.Errorf("%s: %w", j.failed, err))
			default:
				j.done(res)
			}
		})
	})
}

// throttle passes on progress only when it moves the bar by at least a
// thousandth or completes, so a job reporting every row does not flood the
// UI goroutine. The returned func is safe for concurrent use.
func throttle(report func(done, total int)) func(done, total int) {
	var mu sync.Mutex
	last := -1
	return func(done, total int) {
		step := 0
		if total > 0 {
			step = done * 1000 / total
		}
		mu.Lock()
		skip := step == last && done != total
		last = step
		mu.Unlock()
		if !skip {
			report(done, total)
		}
	}
}

// progressDialog is a job's dialog: title, a line of detail, a progress
// bar (moving until the job reports totals) and a Cancel button, which
// turns into a disabled "Stopping…" until the work returns.
type progressDialog struct {
	d      *dialog.CustomDialog
	label  *widget.Label
	detail string
	unit   string
	count  func(done, total int) string // nil: "3 of 10 unit"
	busy   *widget.ProgressBarInfinite
	bar    *widget.ProgressBar
	cancel *widget.Button
}

func newProgressDialog(win fyne.Window, title, detail, unit string, cancel context.CancelFunc) *progressDialog {
	p := &progressDialog{detail: detail, unit: unit}
	p.label = widget.NewLabel(detail)
	p.label.Wrapping = fyne.TextWrapWord // a long detail keeps its "3 of 10 files" in sight
	p.busy = widget.NewProgressBarInfinite()
	p.bar = widget.NewProgressBar()
	p.bar.Hide()
	p.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() {
		cancel()
		p.stopping()
	})
	p.d = dialog.NewCustomWithoutButtons(title, container.NewVBox(p.label, container.NewStack(p.busy, p.bar)), win)
	p.d.SetButtons([]fyne.CanvasObject{p.cancel})
	p.d.Resize(fyne.NewSize(440, 0))
	return p
}

func (p *progressDialog) show() { p.d.Show() }

// hide closes the dialog and stops the moving bar's animation.
func (p *progressDialog) hide() {
	p.busy.Stop()
	p.d.Hide()
}

// progress shows done of total; the bar becomes determinate once total is
// known.
func (p *progressDialog) progress(done, total int) {
	if total <= 0 {
		return
	}
	if p.bar.Hidden {
		p.busy.Stop()
		p.busy.Hide()
		p.bar.Show()
	}
	p.bar.SetValue(float64(done) / float64(total))
	switch {
	case p.count != nil:
		p.label.SetText(p.detail + " — " + p.count(done, total))
	case p.unit != "":
		p.label.SetText(fmt.Sprintf("%s — %s of %s %s", p.detail, thousands(done), thousands(total), p.unit))
	}
}

// stopping shows that the job was asked to stop.
func (p *progressDialog) stopping() {
	p.cancel.SetText("Stopping…")
	p.cancel.Disable()
}
