package gui

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"clipper/model"
	"clipper/model/find"
	"clipper/model/store"
)

// maxHits is how many hits a search lists by default; a project-wide
// find counts the rest and says so ("first 5,000 shown, 12,345 in all").
const maxHits = 5000

// minFindEntry is the narrowest the find pattern gets to make room for
// the status beside it.
const minFindEntry = 160

// Find scopes.
const (
	scopeClipping = "This clipping"
	scopeProject  = "Whole project"
)

// finder is the find bar over the reader (Ctrl+F): a pattern with regular
// expression, match case and whole word toggles, a scope (this clipping or
// the whole project), the hits in keyword-in-context form above the reader,
// and "Tag all hits as …". Clicking a hit opens its clipping with the span
// selected, ready for a tag key. The finder reads what it searches and
// reports what the user does through its callbacks.
type finder struct {
	// clipping returns the open clipping (ID "" for none).
	clipping func() model.Clipping
	// project returns the open project.
	project func() *store.Store
	// background runs work off the UI goroutine, cancelled with cancel when
	// the project changes (see UI.background).
	background func(cancel context.CancelFunc, work func())
	// onHit shows a picked hit; focus moves the keyboard focus to the text.
	onHit func(h find.Hit, focus bool)
	// onListed is called when the hit list shows or hides above the text.
	onListed func(listed bool)
	// onClose is called when the bar closes (back to the text).
	onClose func()
	// tags returns the tags "Tag all hits as" offers; onTagAll tags every
	// hit with the chosen one.
	tags     func() []model.Tag
	onTagAll func(model.Tag)
	// focus moves the keyboard focus.
	focus func(fyne.Focusable)
	// ui runs fn on the UI goroutine (fyne.Do); a project-wide find's
	// updates reach the bar through it.
	ui func(fn func())

	bar       *fyne.Container // hidden until opened
	entry     *findEntry
	regex     *widget.Check
	matchCase *widget.Check
	whole     *widget.Check
	scope     *widget.Select
	status    *widget.Label
	tagAll    *widget.Button
	results   *fyne.Container // the hit lists; hidden with the bar
	column    *fyne.Container // bar, hits and reader: laid out again when they show or hide
	hitsSplit *container.Split
	list      *widget.List    // the shown one of the two below
	lists     [2]*widget.List // hits in this clipping; in the project (rows with headlines)
	keep      int             // how many hits are listed (maxHits; tests set fewer)
	hits      []find.Hit
	heads     map[string]string // clipping id → headline, for project hits
	inProject bool              // the hits are from the whole project
	truncated bool              // more hits were found than listed
	prog      find.Progress     // a project-wide find's counts so far
	run       int               // generation of the latest search
	stop      context.CancelFunc
	done      <-chan struct{} // closes when the latest search's hits are shown
	cur       int             // the selected hit, -1 for none
	quiet     bool            // selecting a hit from the keyboard keeps focus in the bar
}

func newFinder() *finder {
	f := &finder{heads: map[string]string{}, cur: -1, keep: maxHits, ui: fyne.Do}
	closed := make(chan struct{})
	close(closed)
	f.done = closed
	f.entry = newFindEntry(f)
	f.entry.SetPlaceHolder("Find text or a regular expression…")
	f.entry.OnChanged = func(string) { f.search() }
	f.entry.OnSubmitted = func(string) { f.step(+1) }
	again := func(bool) { f.search() }
	f.regex = widget.NewCheck("Regex", again)
	f.matchCase = widget.NewCheck("Match case", again)
	f.whole = widget.NewCheck("Whole word", again)
	f.scope = widget.NewSelect([]string{scopeClipping, scopeProject}, nil)
	f.scope.SetSelected(scopeClipping)
	f.scope.OnChanged = func(string) { f.search() }
	f.status = widget.NewLabel("")
	f.status.Truncation = fyne.TextTruncateEllipsis // only a long error is cut: see findRow
	f.tagAll = widget.NewButtonWithIcon("Tag all hits as", theme.MenuDropDownIcon(), f.tagMenu)
	f.tagAll.IconPlacement = widget.ButtonIconTrailingText
	f.tagAll.Disable()
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), f.close)
	closeBtn.Importance = widget.LowImportance

	for n := range f.lists {
		titled := n == 1
		l := widget.NewList(
			func() int { return len(f.hits) },
			func() fyne.CanvasObject { return newKWICRow(titled) },
			func(i widget.ListItemID, o fyne.CanvasObject) {
				if i < len(f.hits) {
					h := f.hits[i]
					head := ""
					if titled {
						head = orUntitled(f.heads[h.ClippingID])
					}
					o.(*kwicRow).set(head, h)
				}
			},
		)
		l.OnSelected = func(i widget.ListItemID) {
			if i >= 0 && i < len(f.hits) {
				f.cur = i
				if f.onHit != nil {
					f.onHit(f.hits[i], !f.quiet)
				}
			}
		}
		f.lists[n] = l
	}
	f.list = f.lists[0]
	f.lists[1].Hide()

	// A Select is as wide as its placeholder: make room for the longer choice.
	scopeW := fyne.MeasureText(scopeProject, theme.TextSize(), fyne.TextStyle{}).Width + 8*theme.Padding() + theme.IconInlineSize()
	scope := container.NewGridWrap(fyne.NewSize(scopeW, f.scope.MinSize().Height), f.scope)
	row1 := container.New(findRow{}, f.entry, f.status, scope, closeBtn)
	row2 := container.NewBorder(nil, nil, container.NewHBox(f.regex, f.matchCase, f.whole), f.tagAll)
	f.bar = container.NewVBox(row1, row2, widget.NewSeparator())
	f.bar.Hide()
	f.results = container.NewStack(f.lists[0], f.lists[1])
	f.results.Hide()
	return f
}

// column stacks the find bar, the hits and the reader.
func (f *finder) withReader(reader fyne.CanvasObject) fyne.CanvasObject {
	f.hitsSplit = container.NewVSplit(f.results, reader)
	f.hitsSplit.Offset = 0.34
	f.column = container.NewBorder(f.bar, nil, nil, nil, f.hitsSplit)
	return f.column
}

// relayout lays the column out again after the bar or the hits showed or hid.
func (f *finder) relayout() {
	if f.onListed != nil {
		f.onListed(f.results.Visible())
	}
	if f.column != nil {
		f.hitsSplit.Refresh()
		f.column.Refresh()
	}
}

// open shows the bar and focuses the pattern with its text selected.
func (f *finder) open() {
	f.bar.Show()
	f.relayout()
	f.focusEntry()
	f.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	if f.entry.Text != "" {
		f.search()
	}
}

// close hides the bar and the hits and returns to the reader.
func (f *finder) close() {
	f.cancel()
	f.run++ // a late update of the stopped search is dropped
	f.bar.Hide()
	f.results.Hide()
	f.relayout()
	call(f.onClose)
}

// listed returns the listed hits and whether more were found (or may be
// found, while a project-wide find is still counting) than listed.
func (f *finder) listed() (hits []find.Hit, more bool) { return f.hits, f.truncated }

// focusEntry puts the keyboard focus in the pattern.
func (f *finder) focusEntry() {
	if f.focus != nil {
		f.focus(f.entry)
	}
}

// reset forgets the hits, for another project; opening its first clipping
// searches again when the bar is open.
func (f *finder) reset() {
	f.cancel()
	f.run++
	f.heads = map[string]string{}
	f.show(nil, false, "")
}

func (f *finder) cancel() {
	if f.stop != nil {
		f.stop()
		f.stop = nil
	}
}

// clippingChanged re-runs a search of "this clipping" for the newly
// opened clipping.
func (f *finder) clippingChanged() {
	if f.bar.Visible() && (f.scope.Selected == scopeClipping || len(f.hits) == 0) {
		f.search()
	}
}

// search runs the pattern over the scope: the open clipping at once, the
// project in the background (a newer search cancels it). The channel closes
// when the hits are shown.
func (f *finder) search() <-chan struct{} {
	done := make(chan struct{})
	f.done = done
	f.cancel()
	f.run++
	run := f.run
	pattern := f.entry.Text
	if pattern == "" {
		f.show(nil, false, "")
		close(done)
		return done
	}
	m, err := find.Compile(pattern, f.regex.Checked, f.matchCase.Checked, f.whole.Checked)
	if err != nil {
		f.show(nil, false, "")
		f.setStatus(err.Error(), true)
		close(done)
		return done
	}
	if f.scope.Selected != scopeProject {
		if c := f.clipping(); c.ID == "" {
			f.show(nil, false, "No clipping open.")
		} else {
			f.show(m.Find(c.ID, c.Body, f.keep+1), false, "")
		}
		close(done)
		return done
	}
	st := f.project()
	ctx, cancel := context.WithCancel(context.Background())
	f.stop = cancel
	f.show(nil, true, "Searching the project…")
	f.prog = find.Progress{}
	keep := f.keep
	f.background(cancel, func() {
		defer close(done)
		f.searchProject(ctx, st, m, run, keep)
		cancel()
	})
	return done
}

// searchProject runs a project-wide find on the work goroutine: the first
// hits are listed at once, later ones with the counts, about every 100 ms,
// until keep hits are listed; the rest are counted. Its updates are
// dropped once a newer search started or the bar closed (run changed) —
// not because its own context ended: the last counts may reach the UI
// goroutine after the search returned and its context was released.
func (f *finder) searchProject(ctx context.Context, st *store.Store, m *find.Matcher, run, keep int) {
	var buf []find.Hit
	heads := map[string]string{}
	first := true
	toUI := func(fn func()) {
		f.ui(func() {
			if run == f.run {
				fn()
			}
		})
	}
	flush := func() {
		if len(buf) == 0 {
			return
		}
		hits, hs := buf, heads
		buf, heads = nil, map[string]string{}
		toUI(func() { f.addHits(hits, hs) })
	}
	onHits := func(t find.Text, hits []find.Hit) {
		buf = append(buf, hits...)
		heads[t.ClippingID] = t.Headline
		if first {
			first = false
			flush()
		}
	}
	onProgress := func(p find.Progress) {
		flush()
		toUI(func() { f.prog = p; f.projectStatus() })
	}
	_, err := m.Search(ctx, st.Reader().Texts(ctx, store.LibraryFilter{}), keep, onHits, onProgress)
	flush()
	if errors.Is(err, context.Canceled) {
		return // stopped by a newer search, the bar closing or the project changing
	}
	if err != nil {
		toUI(func() { f.setStatus(err.Error(), true) })
		return
	}
	toUI(func() { f.stop = nil })
}

// addHits lists more hits of a project-wide find.
func (f *finder) addHits(hits []find.Hit, heads map[string]string) {
	for id, h := range heads {
		f.heads[id] = h
	}
	f.hits = append(f.hits, hits...)
	f.list.Refresh()
	if f.results.Hidden {
		f.results.Hidden = false
		f.relayout()
	}
	f.fitHits()
	f.tagAll.Enable()
	f.projectStatus()
}

// projectStatus says what a project-wide find found: "5 hits in 2
// clippings", or "first 5,000 shown, 12,345 in all" when it found more
// than it lists; while it searches, "so far…" instead of "in all".
func (f *finder) projectStatus() {
	p := f.prog
	hits := max(p.Hits, len(f.hits))
	f.truncated = hits > len(f.hits) || (!p.Done && len(f.hits) >= f.keep)
	var msg string
	switch {
	case hits == 0 && p.Done:
		msg = "No hits"
	case hits == 0:
		msg = "Searching the project…"
	case hits > len(f.hits):
		msg = fmt.Sprintf("first %s shown, %s in all", fmtNum(float64(len(f.hits))), fmtNum(float64(hits)))
		if !p.Done {
			msg = fmt.Sprintf("first %s shown, %s so far…", fmtNum(float64(len(f.hits))), fmtNum(float64(hits)))
		}
	default:
		clips := map[string]bool{}
		for _, h := range f.hits {
			clips[h.ClippingID] = true
		}
		msg = fmt.Sprintf("%s in %s %s", countHits(hits), thousands(len(clips)), plural("clipping", len(clips)))
		if !p.Done {
			msg += " so far…"
		}
	}
	f.setStatus(msg, false)
}

// show lists hits and says how many; msg replaces the count when set.
func (f *finder) show(hits []find.Hit, project bool, msg string) {
	f.truncated = len(hits) > f.keep
	if f.truncated {
		hits = hits[:f.keep]
	}
	f.hits, f.inProject, f.cur = hits, project, -1
	f.list.UnselectAll()
	f.list.Hide()
	f.list = f.lists[0]
	if project {
		f.list = f.lists[1]
	}
	f.list.Show()
	f.list.UnselectAll()
	f.list.Refresh()
	f.list.ScrollToTop()
	clips := map[string]bool{}
	for _, h := range hits {
		clips[h.ClippingID] = true
	}
	switch {
	case msg != "":
		f.setStatus(msg, false)
	case f.entry.Text == "":
		f.setStatus("", false)
	case len(hits) == 0:
		f.setStatus("No hits", false)
	default:
		f.setStatus(countHits(len(hits))+f.more(), false)
	}
	if hidden := len(hits) == 0; hidden != f.results.Hidden {
		f.results.Hidden = hidden
		f.relayout()
	}
	f.fitHits()
	if len(hits) > 0 {
		f.tagAll.Enable()
	} else {
		f.tagAll.Disable()
	}
}

// fitHits makes the hit list as tall as its hits, up to a third of the
// column, so a few hits leave the text its room.
func (f *finder) fitHits() {
	if f.hitsSplit == nil || len(f.hits) == 0 {
		return
	}
	total := f.hitsSplit.Size().Height
	if total <= 0 {
		return
	}
	row := newKWICRow(f.inProject).MinSize().Height + theme.SeparatorThicknessSize()
	need := float32(len(f.hits))*row + 4*theme.Padding() // and the split's handle
	off := float64(min(max(need/total, 0.12), 0.34))
	if off != f.hitsSplit.Offset {
		f.hitsSplit.SetOffset(off)
	}
}

// setStatus says text after the pattern, in red for an error, and lays the
// row out again for its width.
func (f *finder) setStatus(text string, isErr bool) {
	f.status.Importance = widget.MediumImportance
	if isErr {
		f.status.Importance = widget.DangerImportance
	}
	f.status.SetText(text)
	if r, ok := f.bar.Objects[0].(*fyne.Container); ok {
		r.Refresh()
	}
}

// findRow lays out the find bar's first row — pattern, status, scope and
// close button: the status as wide as its text (at most two fifths of the
// row, so only a long error is cut), the pattern the rest.
type findRow struct{}

func (findRow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objs {
		m := o.MinSize()
		w += m.Width
		h = max(h, m.Height)
	}
	return fyne.NewSize(w, h)
}

func (findRow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	entry, status, scope, closeBtn := objs[0], objs[1].(*widget.Label), objs[2], objs[3]
	cw, pw := closeBtn.MinSize().Width, scope.MinSize().Width
	sw := float32(0)
	if status.Text != "" {
		// The status takes what it needs while the pattern keeps room for
		// a few words (at least two fifths of the row for the status).
		room := size.Width - cw - pw - max(entry.MinSize().Width, minFindEntry)
		sw = min(labelWidth(status), max(room, size.Width*2/5))
	}
	ew := max(size.Width-sw-cw-pw, entry.MinSize().Width)
	x := float32(0)
	for _, p := range []struct {
		o fyne.CanvasObject
		w float32
	}{{entry, ew}, {status, sw}, {scope, pw}, {closeBtn, cw}} {
		h := p.o.MinSize().Height
		p.o.Move(fyne.NewPos(x, (size.Height-h)/2))
		p.o.Resize(fyne.NewSize(p.w, h))
		x += p.w
	}
}

func countHits(n int) string {
	if n == 1 {
		return "1 hit"
	}
	return fmtNum(float64(n)) + " hits"
}

// more says that hits were left out of a clipping's list.
func (f *finder) more() string {
	if f.truncated {
		return " (first " + fmtNum(float64(f.keep)) + " listed)"
	}
	return ""
}

// step selects the next (dir > 0) or previous hit, keeping the focus in
// the pattern: Enter in the find bar walks through the hits.
func (f *finder) step(dir int) {
	if len(f.hits) == 0 {
		return
	}
	i := f.cur
	if i < 0 && dir < 0 {
		i = 0
	}
	i = (i + dir + len(f.hits)) % len(f.hits)
	f.quiet = true
	f.list.Select(i)
	f.list.ScrollTo(i)
	f.quiet = false
	f.focusEntry()
}

// showHit opens the hit's clipping and selects its span; focus moves to the
// reader so a tag key tags it.
func (u *UI) showHit(h find.Hit, focus bool) {
	if h.ClippingID != u.clip.ID {
		if err := u.Open(h.ClippingID); err != nil {
			u.showError(err)
			return
		}
	}
	u.selectAnnotation("", false)
	u.reader.selectSpan(h.Start, h.End)
	if focus {
		u.focusText()
	}
}

// findEntry is the pattern field: Escape closes the find bar.
type findEntry struct {
	widget.Entry
	f *finder
}

func newFindEntry(f *finder) *findEntry {
	e := &findEntry{f: f}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey implements fyne.Focusable: Escape closes the bar, other keys edit.
func (e *findEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		e.f.close()
		return
	}
	e.Entry.TypedKey(ev)
}
