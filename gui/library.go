package gui

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"clipper/model"
	"clipper/model/store"
)

// library is the left pane: import and paste buttons, a full-text search
// box, filters by tag and coder, the sort order, and the clippings
// (headline, then publication, date and annotation count). It reads the
// project it is given and reports through its callbacks; the window drives
// it through its methods.
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

	all    []store.ClippingSummary // every clipping in the project, in the store's order
	shown  []store.ClippingSummary // after search and filters, sorted
	list   *widget.List
	search *widget.Entry
	tagSel *widget.Select
	cdrSel *widget.Select
	sorter *widget.Select
	box    fyne.CanvasObject
	tags   []model.Tag
	coders []model.Coder
	coll   *collate.Collator // natural order: case-insensitive, numbers by value
	keys   collate.Buffer
}

const (
	allTags   = "All tags"
	allCoders = "All coders"
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

func newLibrary(onImport, onPaste func()) *library {
	l := &library{coll: collate.New(language.Und, collate.IgnoreCase, collate.Numeric, collate.Loose)}
	l.list = widget.NewList(
		func() int { return len(l.shown) },
		func() fyne.CanvasObject { return twoLineRow(false) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(l.shown) {
				return
			}
			it := l.shown[i]
			line := summaryLine(it)
			if l.pending != nil {
				if n := l.pending(it.ID); n > 0 {
					line = fmt.Sprintf("%d to review · %s", n, line)
				}
			}
			setTwoLines(o, orUntitled(it.Headline), line)
		},
	)
	l.list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(l.shown) && l.onOpen != nil {
			l.onOpen(l.shown[i].ID)
		}
	}
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
		container.NewBorder(nil, nil, sortLabel, nil, l.sorter),
	)
	l.box = container.NewBorder(top, nil, nil, nil, l.list)
	return l
}

func (l *library) object() fyne.CanvasObject { return l.box }

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

// reload reads the clippings and coders from the project and reapplies the
// filters.
func (l *library) reload() error {
	st := l.project()
	items, err := st.ClippingSummaries(context.Background())
	if err != nil {
		return fmt.Errorf("listing clippings: %w", err)
	}
	l.all = items
	coders, err := st.Coders(context.Background())
	if err != nil {
		return fmt.Errorf("listing coders: %w", err)
	}
	l.coders = coders
	l.cdrSel.Options = append([]string{allCoders}, l.coderNames()...)
	l.apply()
	return nil
}

// apply filters the clippings by the search box, the tag and the coder,
// sorts them and marks the open one.
func (l *library) apply() {
	keep, err := l.filter()
	if err != nil {
		if l.onError != nil {
			l.onError(err)
		}
		return
	}
	l.shown = l.shown[:0]
	for _, it := range l.all {
		if keep == nil || keep[it.ID] {
			l.shown = append(l.shown, it)
		}
	}
	l.sort(l.shown)
	l.list.UnselectAll()
	l.list.Refresh()
	cur := ""
	if l.current != nil {
		cur = l.current()
	}
	for i, it := range l.shown {
		if it.ID == cur {
			l.list.Select(i)
		}
	}
}

// sort orders items by the chosen order; headlines and publications in
// natural order ("Report 2" before "Report 10", case and accents aside),
// missing dates last.
func (l *library) sort(items []store.ClippingSummary) {
	type keyed struct {
		it         store.ClippingSummary
		head, publ []byte
	}
	ks := make([]keyed, len(items))
	l.keys.Reset()
	for i, it := range items {
		ks[i] = keyed{it: it,
			head: l.coll.KeyFromString(&l.keys, orUntitled(it.Headline)),
			publ: l.coll.KeyFromString(&l.keys, it.Publication)}
	}
	byDate := func(a, b keyed, newest bool) int {
		switch {
		case a.it.Date == b.it.Date:
			return 0
		case a.it.Date == "":
			return 1
		case b.it.Date == "":
			return -1
		case newest:
			return strings.Compare(b.it.Date, a.it.Date)
		}
		return strings.Compare(a.it.Date, b.it.Date)
	}
	order := l.sorter.Selected
	slices.SortStableFunc(ks, func(a, b keyed) int {
		var c int
		switch order {
		case sortNewest:
			c = byDate(a, b, true)
		case sortHeadline:
			c = bytes.Compare(a.head, b.head)
		case sortPublication:
			c = bytes.Compare(a.publ, b.publ)
			if c == 0 {
				c = byDate(a, b, false)
			}
		case sortAnnotations:
			c = b.it.Annotations - a.it.Annotations
		default:
			c = byDate(a, b, false)
		}
		if c == 0 {
			c = bytes.Compare(a.head, b.head)
		}
		return c
	})
	for i := range ks {
		items[i] = ks[i].it
	}
}

// filter returns the ids that pass the search and filters, or nil for all.
func (l *library) filter() (map[string]bool, error) {
	var keep map[string]bool
	intersect := func(ids map[string]bool) {
		if keep == nil {
			keep = ids
			return
		}
		for id := range keep {
			if !ids[id] {
				delete(keep, id)
			}
		}
	}
	st := l.project()
	if q := strings.TrimSpace(l.search.Text); q != "" {
		hits, err := st.Search(context.Background(), q, 500)
		if err != nil {
			return nil, fmt.Errorf("searching for %q: %w", q, err)
		}
		ids := map[string]bool{}
		for _, h := range hits {
			ids[h.ClippingID] = true
		}
		intersect(ids)
	}
	var f store.AnnotationFilter
	if t := l.tagSel.Selected; t != "" && t != allTags {
		for _, tg := range l.tags {
			if tg.Name == t {
				f.TagIDs = []string{tg.ID}
			}
		}
	}
	if c := l.cdrSel.Selected; c != "" && c != allCoders {
		for _, cd := range l.coders {
			if cd.Name == c {
				f.CoderIDs = []string{cd.ID}
			}
		}
	}
	if f.TagIDs != nil || f.CoderIDs != nil {
		list, err := st.AnnotatedClippings(context.Background(), f)
		if err != nil {
			return nil, fmt.Errorf("filtering clippings: %w", err)
		}
		ids := make(map[string]bool, len(list))
		for _, id := range list {
			ids[id] = true
		}
		intersect(ids)
	}
	return keep, nil
}

// selectID selects the clipping with the given id; false if it is not listed.
func (l *library) selectID(id string) bool {
	for i, it := range l.shown {
		if it.ID == id {
			l.list.Select(i)
			l.list.ScrollTo(i)
			return true
		}
	}
	return false
}

// firstID is the first listed clipping, or "".
func (l *library) firstID() string {
	if len(l.shown) == 0 {
		return ""
	}
	return l.shown[0].ID
}

// updateCount changes one clipping's annotation count without a reload.
func (l *library) updateCount(id string, n int) {
	for _, s := range [][]store.ClippingSummary{l.all, l.shown} {
		for i := range s {
			if s[i].ID == id {
				s[i].Annotations = n
			}
		}
	}
	l.list.Refresh()
}

// refreshRows redraws the rows (the suggestion counts changed).
func (l *library) refreshRows() { l.list.Refresh() }

// focusSearch puts the keyboard focus in the search box.
func (l *library) focusSearch(c fyne.Canvas) { c.Focus(l.search) }

// listedIDs returns the ids of the listed clippings, in the list's order.
func (l *library) listedIDs() []string {
	ids := make([]string, 0, len(l.shown))
	for _, it := range l.shown {
		ids = append(ids, it.ID)
	}
	return ids
}

// allIDs returns the ids of every clipping in the project.
func (l *library) allIDs() []string {
	ids := make([]string, 0, len(l.all))
	for _, it := range l.all {
		ids = append(ids, it.ID)
	}
	return ids
}

// items returns every clipping of the project, in the store's order; the
// caller must not change it.
func (l *library) items() []store.ClippingSummary { return l.all }

// headline returns a clipping's headline, and whether it is in the project.
func (l *library) headline(id string) (string, bool) {
	for _, it := range l.all {
		if it.ID == id {
			return it.Headline, true
		}
	}
	return "", false
}

// totals returns how many clippings the project holds and their live
// annotations.
func (l *library) totals() (clippings, annotations int) {
	for _, it := range l.all {
		annotations += it.Annotations
	}
	return len(l.all), annotations
}

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
