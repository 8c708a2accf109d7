// Package gui is Clipper's desktop interface, built with Fyne. It shows what
// the store holds and sends every change back through the store; it never
// writes SQL itself. One small file per part of the window: library.go (the
// clipping list), reader.go (the open clipping), panel.go and editor.go (its
// annotations), review.go, reviewpanel.go and suggestrun.go (suggestions and
// their review), findbar.go, kwic.go and findtag.go (find and tag),
// share.go, merge.go and mergereview.go (sharing, merging and reviewing a
// merge), compare.go and agreement.go (comparing coders and adjudicating),
// menus.go, shortcuts.go, tagging.go, and dialogs in their own files. Every
// background job (import, export, share, merge, suggest, opening a project)
// runs through startJob (job.go), tracked by jobs.go.
package gui

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"clipper/model"
	"clipper/model/store"
)

// Options adjust how the window starts.
type Options struct {
	// Coder is the researcher's name; "" asks on first launch (and then
	// remembers it in the app's preferences).
	Coder string
	// NoPrompts suppresses first-launch questions (for screenshots).
	NoPrompts bool
}

// UI is one project window: the library on the left, the open clipping in
// the centre, its annotations on the right and a status bar.
type UI struct {
	app   fyne.App
	win   fyne.Window
	store *store.Store
	opts  Options
	coder model.Coder
	look  *look

	tags      []model.Tag
	lib       *library
	reader    *reader
	panel     *panel
	reviewer  *reviewer
	finder    *finder
	tabs      *container.AppTabs // right pane: Annotations | Suggestions (| Merge | Compare)
	annTab    *container.TabItem
	reviewTab *container.TabItem
	merges    *mergeReview       // the Merge (review) tab's content
	mergeTab  *container.TabItem // nil while the tab is closed
	cmp       *comparer          // the Compare tab's content
	cmpTab    *container.TabItem // nil outside compare mode
	status    *widget.Label
	sugg      *suggestions // the session's suggestions, per clipping

	jobs     *jobs                       // background work; see jobs.go
	current  atomic.Pointer[store.Store] // u.store, for the watcher's goroutine
	external externalState               // last data version seen, for Watch (its goroutine only)
	quit     chan struct{}               // closed when the window closes
	closed   bool                        // the window closed; results of late jobs are dropped

	clip     model.Clipping     // the open clipping; ID "" when none
	anns     []model.Annotation // its live annotations, by start
	selected string             // id of the selected annotation, "" for none

	// bulk names the running jobs that write many changes as one step
	// (Accepting suggestions, Undoing, Deleting tag); changes from the
	// window wait for them (see bulkJob).
	bulk []string

	report   *reportWindow  // the last import's report, nil once closed
	problems *problemBanner // says when reads met unusable stored values
}

// New builds the main window for an open project. The caller shows it.
// Closing the window stops its background jobs, waits for them and closes
// the project then open (st, or one opened since).
func New(a fyne.App, st *store.Store, opts Options) *UI {
	u := &UI{app: a, store: st, opts: opts, sugg: newSuggestions(), jobs: newJobs(), quit: make(chan struct{})}
	u.current.Store(st)
	u.followWaits(st)
	u.look = &look{
		variant: a.Preferences().StringWithFallback(prefTheme, themeSystem),
		scale:   float32(a.Preferences().FloatWithFallback(prefTextScale, 1)),
	}
	a.Settings().SetTheme(u.look)
	u.win = a.NewWindow("Clipper")
	u.status = widget.NewLabel("")
	u.status.Truncation = fyne.TextTruncateEllipsis
	u.lib = newLibrary(u.importDialog, u.pasteClipping)
	u.lib.project = func() *store.Store { return u.store }
	u.lib.current = func() string { return u.clip.ID }
	u.lib.onOpen = u.openClipping
	u.lib.pending = func(id string) int { return u.sugg.count(id) }
	u.lib.onError = u.showError
	u.lib.setSort(a.Preferences().String(prefLibrarySort))
	u.lib.onSort = func(order string) { a.Preferences().SetString(prefLibrarySort, order) }
	u.reader = newReader(a.Preferences().BoolWithFallback(prefSnap, true))
	u.reader.onTag = u.tagSelection
	u.reader.onEdit = u.editDetails
	u.reader.onFind = func() { u.finder.open() }
	u.reader.onSuggest = func() { u.suggestOpen() }
	u.reader.onRune = u.readerRune
	u.reader.onKey = u.readerKey
	u.reader.onHighlight = u.highlightTapped
	u.reader.contextMenu = u.contextMenu
	u.panel = newPanel()
	u.panel.onSelect = func(id string) { u.selectAnnotation(id, true) }
	u.panel.onDelete = u.deleteSelected
	u.panel.onDone = u.focusText
	ed := u.panel.editor
	ed.onSave = u.updateAnnotation
	ed.onDelete = u.deleteSelected
	ed.onDone = u.focusText
	ed.onError = u.showError
	ed.focus = u.win.Canvas().Focus
	u.reviewer = newReviewer(u)
	u.finder = newFinder()
	u.finder.clipping = func() model.Clipping { return u.clip }
	u.finder.project = func() *store.Store { return u.store }
	u.finder.background = u.background
	u.finder.onHit = u.showHit
	u.finder.onListed = u.reader.setCompact
	u.finder.onClose = u.focusText
	u.finder.tags = func() []model.Tag { return u.tags }
	u.finder.onTagAll = u.tagHitsDialog
	u.finder.focus = u.win.Canvas().Focus
	u.merges = u.newMergeReviewPart()
	u.cmp = u.newComparePart()
	u.problems = newProblemBanner(u)

	u.annTab = container.NewTabItem("Annotations", u.panel.object())
	u.reviewTab = container.NewTabItem("Suggestions", u.reviewer.object())
	u.tabs = container.NewAppTabs(u.annTab, u.reviewTab)
	u.tabs.OnSelected = func(*container.TabItem) {
		u.redrawMarks() // entering or leaving compare mode
		u.reviewModeChanged()
	}
	centre := container.NewHSplit(u.finder.withReader(u.reader.object()), u.tabs)
	centre.Offset = 0.68
	split := container.NewHSplit(u.lib.object(), centre)
	split.Offset = 0.24
	u.win.SetContent(container.NewBorder(u.problems.object(), u.status, nil, nil, split))
	u.win.SetMainMenu(u.mainMenu())
	u.win.SetOnDropped(u.dropped)
	u.win.SetCloseIntercept(u.closeRequested)
	u.win.SetOnClosed(u.windowClosed)
	u.win.Resize(fyne.NewSize(1280, 800))

	u.setCoder(u.initialCoder())
	u.loadTags()
	u.refreshLibrary()
	u.announceProject(st)
	if u.coder.ID == "" && !opts.NoPrompts {
		u.askCoder(true)
	}
	return u
}

// focusText gives the keyboard focus to the text, to read and tag.
func (u *UI) focusText() { u.win.Canvas().Focus(u.reader.focusable()) }

// Window returns the project window.
func (u *UI) Window() fyne.Window { return u.win }

// uiWait bounds how long an action run on the UI goroutine (opening a
// clipping, saving an annotation) waits for another Clipper that holds the
// project's lock: the window cannot repaint while it waits, so after this
// it gives up, changes nothing and says so (see showError), and the user
// tries again. Background jobs wait as long as the other writer works.
const uiWait = 2 * time.Second

// ctx is the context of short UI actions: it ends after uiWait.
func (u *UI) ctx() context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), uiWait)
	time.AfterFunc(uiWait, cancel)
	return ctx
}

// loadTags reads the tags and hands them to the parts that show them.
func (u *UI) loadTags() {
	tags, err := u.store.Tags(u.ctx())
	if err != nil {
		u.showError(fmt.Errorf("reading tags: %w", err))
		return
	}
	u.tags = tags
	u.lib.setTags(tags)
	u.reader.setTags(tags)
	u.panel.setTags(tags)
	u.win.SetMainMenu(u.mainMenu())
}

// tag returns the tag with id.
func (u *UI) tag(id string) (model.Tag, bool) {
	for _, t := range u.tags {
		if t.ID == id {
			return t, true
		}
	}
	return model.Tag{}, false
}

// tagForKey returns the tag whose shortcut is key (case-insensitive).
func (u *UI) tagForKey(key string) (model.Tag, bool) {
	for _, t := range u.tags {
		if t.Shortcut != "" && strings.EqualFold(t.Shortcut, key) {
			return t, true
		}
	}
	return model.Tag{}, false
}

// refreshLibrary reloads the clipping list and keeps or picks the open clipping.
func (u *UI) refreshLibrary() {
	// The merge review and comparison belong to the project they were opened on.
	if u.mergeTab != nil && u.merges.st != u.store {
		u.closeMergeReview()
	}
	if u.cmpTab != nil && u.cmp.st != u.store {
		u.closeCompare()
	}
	if err := u.lib.reload(); err != nil {
		u.showError(err)
		return
	}
	if u.clip.ID == "" {
		if first := u.lib.firstID(); first != "" {
			u.lib.selectID(first)
		} else {
			u.reader.showEmpty()
			u.panel.set(nil)
			u.updateHint()
		}
	}
	u.updateStatus()
}

// Open shows the clipping with the given id and marks it in the library.
func (u *UI) Open(id string) error {
	if !u.lib.selectID(id) {
		if _, err := u.store.Clipping(u.ctx(), id); err != nil {
			return fmt.Errorf("no clipping with id %q in this project", id)
		}
		u.openClipping(id)
	}
	return nil
}

// openClipping loads a clipping and its annotations into the reader.
func (u *UI) openClipping(id string) {
	if id == u.clip.ID {
		return
	}
	u.panel.flush()
	c, err := u.store.Clipping(u.ctx(), id)
	if err != nil {
		u.showError(fmt.Errorf("opening clipping: %w", err))
		return
	}
	u.clip = c
	u.selected = ""
	u.reader.show(c)
	u.reloadAnnotations()
	u.updateHint()
	u.finder.clippingChanged()
}

// reloadAnnotations rereads the open clipping's annotations and redraws
// highlights, panel and status.
func (u *UI) reloadAnnotations() {
	if u.clip.ID == "" {
		u.anns = nil
	} else {
		as, err := u.store.Annotations(u.ctx(), store.AnnotationFilter{ClippingIDs: []string{u.clip.ID}})
		if err != nil {
			u.showError(fmt.Errorf("reading annotations: %w", err))
			return
		}
		u.anns = as
	}
	if u.selected != "" && u.annotation(u.selected) == nil {
		u.selected = ""
	}
	u.noteTagging()
	u.recomputeSuggestions()
	u.redrawMarks()
	u.reviewer.refresh()
	u.panel.set(u.anns)
	u.panel.selectID(u.selected)
	u.lib.updateCount(u.clip.ID, len(u.anns))
	u.updateStatus()
}

// annotation returns the open clipping's annotation with id, or nil.
func (u *UI) annotation(id string) *model.Annotation {
	for i := range u.anns {
		if u.anns[i].ID == id {
			return &u.anns[i]
		}
	}
	return nil
}

// selectAnnotation marks an annotation in reader and panel; scroll brings
// it into view.
func (u *UI) selectAnnotation(id string, scroll bool) {
	if id != u.selected {
		u.panel.flush()
	}
	u.selected = id
	u.reader.outline(u.markedID())
	if a := u.annotation(id); scroll && a != nil {
		u.reader.scrollTo(a.Start)
	}
	u.panel.selectID(id)
}

// markedID is the highlight the reader outlines: the selected annotation,
// else while reviewing the current suggestion; in compare mode the current
// disagreement.
func (u *UI) markedID() string {
	if u.comparing() {
		return u.cmp.outlined()
	}
	if u.selected == "" && u.reviewing() {
		return u.sugg.cur
	}
	return u.selected
}

// redrawMarks draws the open clipping's annotations and, while there are
// any, its pending suggestions; in compare mode it colours the text by
// agreement instead.
func (u *UI) redrawMarks() {
	if u.comparing() {
		u.updateHint()
		u.cmp.refresh()
		return
	}
	u.reader.setMarks(u.anns, u.sugg.shown, u.markedID())
}

// highlightTapped selects a clicked annotation (showing it in the
// Annotations tab) or makes a clicked suggestion current.
func (u *UI) highlightTapped(id string) {
	if isCompareID(id) {
		u.cmp.tapped(id)
		return
	}
	if isSuggestionID(id) {
		if !u.reviewing() {
			u.tabs.Select(u.reviewTab)
		}
		u.setCurrentSuggestion(id)
		return
	}
	if u.reviewing() {
		u.tabs.Select(u.annTab)
	}
	u.selectAnnotation(id, false)
}

// reviewModeChanged follows the right pane's tab: reviewing marks the
// current suggestion (the first when none) and changes the reader's hint.
func (u *UI) reviewModeChanged() {
	if u.reviewing() && u.sugg.index(u.sugg.cur) < 0 && len(u.sugg.shown) > 0 {
		u.sugg.cur = u.sugg.shown[0].ID
		u.reviewer.showCurrent()
	}
	u.updateHint()
	u.reader.outline(u.markedID())
}

// updateHint shows the reader's hint line for the current mode: how to
// import in an empty project, the keys while comparing or reviewing, and
// how to tag until the coder has tagged something.
func (u *UI) updateHint() {
	switch {
	case u.clip.ID == "":
		u.reader.setHint(emptyHint, true)
	case u.comparing():
		u.reader.setHint(compareHint, true)
	case u.reviewing():
		u.reader.setHint(reviewHint, true)
	default:
		u.reader.setHint(tagHint, !u.app.Preferences().Bool(prefTagged))
	}
}

// noteTagging remembers, once the coder has an annotation on the open
// clipping, that they know how to tag: the tag hint no longer shows.
func (u *UI) noteTagging() {
	if u.coder.ID == "" || u.app.Preferences().Bool(prefTagged) {
		return
	}
	for _, a := range u.anns {
		if a.CoderID == u.coder.ID {
			u.app.Preferences().SetBool(prefTagged, true)
			u.updateHint()
			return
		}
	}
}

// jump selects the next (dir > 0) or previous annotation after the current
// one, wrapping around.
func (u *UI) jump(dir int) {
	if len(u.anns) == 0 {
		return
	}
	i := -1
	for j := range u.anns {
		if u.anns[j].ID == u.selected {
			i = j
		}
	}
	switch {
	case i < 0 && dir > 0:
		i = 0
	case i < 0:
		i = len(u.anns) - 1
	default:
		i = (i + dir + len(u.anns)) % len(u.anns)
	}
	u.selectAnnotation(u.anns[i].ID, true)
}

func (u *UI) updateStatus() {
	clips, n := u.lib.totals()
	coder := u.coder.Name
	if coder == "" {
		coder = "no coder set"
	}
	ro := ""
	if r, _ := u.store.ReadOnly(); r {
		ro = " · read-only"
	}
	u.status.SetText(fmt.Sprintf("%s%s · coder: %s · %s · %s",
		u.store.Path(), ro, coder, count(clips, "clipping", "clippings"), count(n, "annotation", "annotations")))
	u.problems.check()
}

// showError reports err in a dialog. Store errors already carry their context.
func (u *UI) showError(err error) {
	switch {
	case errors.Is(err, store.ErrReadOnly):
		_, why := u.store.ReadOnly()
		err = fmt.Errorf("%s", why)
	case errors.Is(err, store.ErrBusy):
		err = fmt.Errorf("another Clipper (a window, a command or a merge) is writing to this project, so nothing was changed; try again when it has finished\n\n(%w)", err)
	}
	dialog.ShowError(err, u.win)
}

// tagColor parses a tag's "#RRGGBB" colour; grey when it is malformed.
func tagColor(hex string) color.NRGBA {
	var r, g, b uint8
	if len(hex) == 7 && hex[0] == '#' {
		if _, err := fmt.Sscanf(hex[1:], "%02x%02x%02x", &r, &g, &b); err == nil {
			return color.NRGBA{R: r, G: g, B: b, A: 0xff}
		}
	}
	return color.NRGBA{R: 0x99, G: 0x99, B: 0x99, A: 0xff}
}
