package gui

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"clipper/model"
	"clipper/model/store"
)

// library is the left pane: import and paste buttons, a full-text search
// box, filters by tag, coder, publication and date range, the sort order,
// the count and the clippings (headline, then publication, date and
// annotation count). The list is virtual: filters and sorting run in SQL
// (store.LibraryPage) and only the pages of rows the list draws are read
// and kept. It reads the project it is given and reports through its
// callbacks; the window drives it through its methods.
type library struct {
	// project returns the open project.
	project func() *store.Store
	// current returns the id of the open clipping ("" for none).
	current func() string
	// onOpen is called when a listed clipping is clicked.
	onOpen func(id string)
	// pending returns how many suggestions wait for review in a clipping.
	pending func(id string) int
	// onSort is called with the sort order the user chose.
	onSort func(order string)
	// onError reports a failed search or filter.
	onError func(error)

	filt  store.LibraryFilter             // the applied filter and order
	n     int                             // clippings the filter selects
	pages map[int][]store.ClippingSummary // read pages of rows, by page number
	// clips and anns are the project's clippings and live annotations.
	clips, anns int
	// openID and openN are the clipping updateCount was last told about
	// and its count: the open one, whose row may not be read.
	openID string
	openN  int

	list     *widget.List
	count    *widget.Label
	search   *widget.Entry
	tagSel   *widget.Select
	cdrSel   *widget.Select
	pubSel   *widget.Select
	from, to *widget.Entry
	sorter   *widget.Select
	box      fyne.CanvasObject
	tags     []model.Tag
	coders   []model.Coder
}

const (
	allTags         = "All tags"
	allCoders       = "All coders"
	allPublications = "All publications"
)

// libPage is how many rows the list reads at a time; at most libPages
// pages are kept.
const (
	libPage  = 200
	libPages = 16
)

// Sort orders of the library.
const (
	sortOldest      = "Date, oldest first"
	sortNewest      = "Date, newest first"
	sortHeadline    = "Headline"
	sortPublication = "Publication"
	sortAnnotations = "Most annotations"
)

var sortOrders = []string{sortOldest, sortNewest, sortHeadline, sortPublication, sortAnnotations}

// storeOrders maps the sort menu to the store's orders.
var storeOrders = map[string]store.LibraryOrder{
	sortOldest: store.OrderOldest, sortNewest: store.OrderNewest, sortHeadline: store.OrderHeadline,
	sortPublication: store.OrderPublication, sortAnnotations: store.OrderAnnotations,
}

func newLibrary(onImport, onPaste func()) *library {
	l := &library{pages: map[int][]store.ClippingSummary{}}
	l.list = widget.NewList(
		func() int { return l.n },
		func() fyne.CanvasObject { return twoLineRow(false) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			it, ok := l.row(i)
			if !ok {
				setTwoLines(o, "", "")
				return
			}
			line := summaryLine(it)
			if l.pending != nil {
				if n := l.pending(it.ID); n > 0 {
					line = fmt.Sprintf("%s to review · %s", thousands(n), line)
				}
			}
			setTwoLines(o, orUntitled(it.Headline), line)
		},
	)
	l.list.OnSelected = func(i widget.ListItemID) {
		if it, ok := l.row(i); ok && l.onOpen != nil {
			l.onOpen(it.ID)
		}
	}
	l.count = widget.NewLabel("")
	l.count.SizeName = theme.SizeNameCaptionText
	l.search = widget.NewEntry()
	l.search.SetPlaceHolder("Search text and notes…")
	l.search.ActionItem = widget.NewButtonWithIcon("", theme.SearchIcon(), func() { l.apply() })
	l.search.OnSubmitted = func(string) { l.apply() }
	l.search.OnChanged = func(s string) {
		if s == "" {
			l.apply()
		}
	}
	l.tagSel = widget.NewSelect([]string{allTags}, nil)
	l.tagSel.SetSelected(allTags)
	l.tagSel.OnChanged = func(string) { l.apply() }
	l.cdrSel = widget.NewSelect([]string{allCoders}, nil)
	l.cdrSel.SetSelected(allCoders)
	l.cdrSel.OnChanged = func(string) { l.apply() }
	l.pubSel = widget.NewSelect([]string{allPublications}, nil)
	l.pubSel.SetSelected(allPublications)
	l.pubSel.OnChanged = func(string) { l.apply() }
	l.from, l.to = widget.NewEntry(), widget.NewEntry()
	l.from.SetPlaceHolder("From date")
	l.to.SetPlaceHolder("To date")
	for _, e := range []*widget.Entry{l.from, l.to} {
		// A date filters once it is whole (or cleared); Enter says why not.
		e.OnChanged = func(s string) {
			if s = strings.TrimSpace(s); s == "" || validDate(s) {
				l.apply()
			}
		}
		e.OnSubmitted = func(string) { l.apply() }
	}
	l.sorter = widget.NewSelect(sortOrders, nil)
	l.sorter.SetSelected(sortOldest)
	l.sorter.OnChanged = func(order string) {
		if l.onSort != nil {
			l.onSort(order)
		}
		l.apply()
	}

	imp := widget.NewButtonWithIcon("Import…", theme.FolderOpenIcon(), onImport)
	paste := widget.NewButtonWithIcon("Paste", theme.ContentPasteIcon(), onPaste)
	sortLabel := widget.NewLabel("Sort")
	top := container.NewVBox(
		container.NewGridWithColumns(2, imp, paste),
		l.search,
		container.NewGridWithColumns(2, l.tagSel, l.cdrSel),
		l.pubSel,
		container.NewGridWithColumns(2, l.from, l.to),
		container.NewBorder(nil, nil, sortLabel, nil, l.sorter),
		l.count,
	)
	l.box = container.NewBorder(top, nil, nil, nil, l.list)
	return l
}

func (l *library) object() fyne.CanvasObject { return l.box }

// validDate reports whether s is a date "YYYY-MM-DD".
func validDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// setSort sets the sort order without reporting it ("" or an unknown
// order keeps the current one).
func (l *library) setSort(order string) {
	if slices.Contains(sortOrders, order) {
		cb := l.sorter.OnChanged
		l.sorter.OnChanged = nil
		l.sorter.SetSelected(order)
		l.sorter.OnChanged = cb
	}
}

// setTags refreshes the tag filter's choices.
func (l *library) setTags(tags []model.Tag) {
	l.tags = tags
	opts := []string{allTags}
	for _, t := range tags {
		opts = append(opts, t.Name)
	}
	cur := l.tagSel.Selected
	l.tagSel.Options = opts
	if !slices.Contains(opts, cur) {
		cur = allTags
	}
	l.tagSel.SetSelected(cur)
}

// setOptions replaces a filter's choices, keeping its selection when it
// is still offered, without filtering.
func setOptions(s *widget.Select, opts []string) {
	cur := s.Selected
	s.Options = opts
	if !slices.Contains(opts, cur) {
		cb := s.OnChanged
		s.OnChanged = nil
		s.SetSelected(opts[0])
		s.OnChanged = cb
	}
	s.Refresh()
}

// reload reads the coders, publications and totals from the project and
// lists the clippings again.
func (l *library) reload() error {
	st := l.project()
	ctx := context.Background()
	coders, err := st.Coders(ctx)
	if err != nil {
		return fmt.Errorf("listing coders: %w", err)
	}
	l.coders = coders
	setOptions(l.cdrSel, append([]string{allCoders}, l.coderNames()...))
	pubs, err := st.Publications(ctx)
	if err != nil {
		return err
	}
	setOptions(l.pubSel, append([]string{allPublications}, pubs...))
	if l.clips, l.anns, err = st.LibraryTotals(ctx); err != nil {
		return err
	}
	l.openID = ""
	l.apply()
	return nil
}

// filter is the store filter the search box, the filters and the sort
// order choose.
func (l *library) filter() (store.LibraryFilter, error) {
	f := store.LibraryFilter{Search: strings.TrimSpace(l.search.Text), Order: storeOrders[l.sorter.Selected]}
	if t := l.tagSel.Selected; t != "" && t != allTags {
		for _, tg := range l.tags {
			if tg.Name == t {
				f.TagID = tg.ID
			}
		}
	}
	if c := l.cdrSel.Selected; c != "" && c != allCoders {
		for _, cd := range l.coders {
			if cd.Name == c {
				f.CoderID = cd.ID
			}
		}
	}
	if p := l.pubSel.Selected; p != "" && p != allPublications {
		f.Publication = p
	}
	for _, d := range []struct {
		e    *widget.Entry
		to   *string
		name string
	}{{l.from, &f.DateFrom, "from"}, {l.to, &f.DateTo, "to"}} {
		s := strings.TrimSpace(d.e.Text)
		if s != "" && !validDate(s) {
			return f, fmt.Errorf("the date %s %q is not a date like 2024-03-31", d.name, s)
		}
		*d.to = s
	}
	return f, nil
}

// apply lists the clippings the search box, filters and order select:
// counts them, drops the read rows and marks the open one.
func (l *library) apply() {
	f, err := l.filter()
	if err != nil {
		if l.onError != nil {
			l.onError(err)
		}
		return
	}
	cur := ""
	if l.current != nil {
		cur = l.current()
	}
	n, at, err := l.project().LibraryCountIndex(context.Background(), f, cur)
	if err != nil {
		if l.onError != nil {
			l.onError(fmt.Errorf("filtering clippings: %w", err))
		}
		return
	}
	l.filt, l.n = f, n
	clear(l.pages)
	l.count.SetText(l.countText())
	l.list.UnselectAll()
	l.list.Refresh()
	if at >= 0 {
		l.list.Select(at)
		l.list.ScrollTo(at)
	}
}

// countText says how many clippings are listed.
func (l *library) countText() string {
	s := fmtNum(float64(l.n)) + " " + plural("clipping", l.n)
	if l.n != l.clips {
		s += " of " + fmtNum(float64(l.clips))
	}
	return s
}

// row returns the i-th listed clipping, reading its page when it is not
// read yet; false when there is none (or reading failed).
func (l *library) row(i int) (store.ClippingSummary, bool) {
	if i < 0 || i >= l.n {
		return store.ClippingSummary{}, false
	}
	p := i / libPage
	rows, ok := l.pages[p]
	if !ok {
		var err error
		if prev := l.pages[p-1]; p > 0 && len(prev) == libPage {
			// Scrolling down: the rows after the last one read, cheaper
			// than skipping every row before them.
			rows, err = l.project().LibraryPageAfter(context.Background(), l.filt, prev[libPage-1], libPage)
		} else {
			rows, err = l.project().LibraryPage(context.Background(), l.filt, p*libPage, libPage)
		}
		if err != nil {
			if l.onError != nil {
				l.onError(fmt.Errorf("listing clippings: %w", err))
			}
			return store.ClippingSummary{}, false
		}
		if len(l.pages) >= libPages {
			for k := range l.pages {
				if k < p-1 || k > p+1 {
					delete(l.pages, k) // scrolled far: read again as needed
				}
			}
		}
		l.pages[p] = rows
	}
	if j := i - p*libPage; j < len(rows) {
		return rows[j], true
	}
	return store.ClippingSummary{}, false
}

// selectID selects the clipping with the given id and scrolls to it; false
// if it is not listed.
func (l *library) selectID(id string) bool {
	i, err := l.project().LibraryIndex(context.Background(), l.filt, id)
	if err != nil {
		if l.onError != nil {
			l.onError(err)
		}
		return false
	}
	if i < 0 {
		return false
	}
	l.list.Select(i)
	l.list.ScrollTo(i)
	return true
}

// firstID is the first listed clipping, or "".
func (l *library) firstID() string {
	it, _ := l.row(0)
	return it.ID
}

// updateCount changes one clipping's annotation count without reading
// the list again, and the project's total by the difference.
func (l *library) updateCount(id string, n int) {
	old, known := l.openN, id == l.openID
	for _, rows := range l.pages {
		for i := range rows {
			if rows[i].ID == id {
				if !known {
					old, known = rows[i].Annotations, true
				}
				rows[i].Annotations = n
			}
		}
	}
	if known {
		l.anns += n - old
	}
	l.openID, l.openN = id, n
	l.list.Refresh()
}

// refreshRows redraws the rows (the suggestion counts changed).
func (l *library) refreshRows() { l.list.Refresh() }

// focusSearch puts the keyboard focus in the search box.
func (l *library) focusSearch(c fyne.Canvas) { c.Focus(l.search) }

// listedIDs reads the ids of the listed clippings from the project (in
// the store's library order), a batch at a time.
func (l *library) listedIDs(ctx context.Context) ([]string, error) {
	var ids []string
	for it, err := range l.project().Reader().ClippingSummaries(ctx, l.filt) {
		if err != nil {
			return nil, err
		}
		ids = append(ids, it.ID)
	}
	return ids, nil
}

// filterNow is the filter of the listed clippings.
func (l *library) filterNow() store.LibraryFilter { return l.filt }

// headline returns a clipping's headline, and whether it is in the project.
func (l *library) headline(id string) (string, bool) {
	for _, rows := range l.pages {
		for _, it := range rows {
			if it.ID == id {
				return it.Headline, true
			}
		}
	}
	c, err := l.project().Clipping(context.Background(), id)
	if err != nil {
		return "", false
	}
	return c.Headline, true
}

// summariesOf returns the summaries (id and headline) of the clippings
// with the given ids that the project holds, read a few hundred at a time.
func (l *library) summariesOf(ids []string) []store.ClippingSummary {
	var out []store.ClippingSummary
	for chunk := range slices.Chunk(ids, 500) {
		cs, err := l.project().Clippings(context.Background(), chunk...)
		if err != nil {
			// A missing one fails the batch: take them one by one.
			for _, id := range chunk {
				if h, ok := l.headline(id); ok {
					out = append(out, store.ClippingSummary{ID: id, Headline: h})
				}
			}
			continue
		}
		for _, c := range cs {
			out = append(out, store.ClippingSummary{ID: c.ID, Headline: c.Headline})
		}
	}
	return out
}

// totals returns how many clippings the project holds and their live
// annotations.
func (l *library) totals() (clippings, annotations int) { return l.clips, l.anns }

// coderNames lists the project's coders.
func (l *library) coderNames() []string {
	names := make([]string, 0, len(l.coders))
	for _, c := range l.coders {
		names = append(names, c.Name)
	}
	return names
}

func orUntitled(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(untitled clipping)"
	}
	return s
}

// summaryLine is the second line of a library row.
func summaryLine(it store.ClippingSummary) string {
	var parts []string
	if it.Publication != "" {
		parts = append(parts, it.Publication)
	}
	if it.Date != "" {
		parts = append(parts, it.Date)
	}
	switch it.Annotations {
	case 0:
		parts = append(parts, "no annotations")
	case 1:
		parts = append(parts, "1 annotation")
	default:
		parts = append(parts, strconv.Itoa(it.Annotations)+" annotations")
	}
	return strings.Join(parts, " · ")
}
