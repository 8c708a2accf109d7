package gui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"clipper/model"
	"clipper/model/store"
)

// library is the left pane: a full-text search box, filters by tag and
// coder, import and paste buttons, and the clippings (headline, then
// publication, date and annotation count).
type library struct {
	u      *UI
	all    []store.ClippingSummary // every clipping in the project
	shown  []store.ClippingSummary // after search and filters
	list   *widget.List
	search *widget.Entry
	tagSel *widget.Select
	cdrSel *widget.Select
	box    fyne.CanvasObject
	coders map[string]string // name → id
}

const (
	allTags   = "All tags"
	allCoders = "All coders"
)

func newLibrary(u *UI) *library {
	l := &library{u: u}
	l.list = widget.NewList(
		func() int { return len(l.shown) },
		func() fyne.CanvasObject { return twoLineRow(false) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(l.shown) {
				return
			}
			it := l.shown[i]
			line := summaryLine(it)
			if n := u.sugg.count(it.ID); n > 0 {
				line = fmt.Sprintf("%d to review · %s", n, line)
			}
			setTwoLines(o, orUntitled(it.Headline), line)
		},
	)
	l.list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(l.shown) {
			u.openClipping(l.shown[i].ID)
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

	imp := widget.NewButtonWithIcon("Import…", theme.FolderOpenIcon(), u.importDialog)
	paste := widget.NewButtonWithIcon("Paste", theme.ContentPasteIcon(), u.pasteClipping)
	top := container.NewVBox(
		container.NewGridWithColumns(2, imp, paste),
		l.search,
		container.NewGridWithColumns(2, l.tagSel, l.cdrSel),
	)
	l.box = container.NewBorder(top, nil, nil, nil, l.list)
	return l
}

func (l *library) object() fyne.CanvasObject { return l.box }

// setTags refreshes the tag filter's choices.
func (l *library) setTags(tags []model.Tag) {
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

// reload reads the clippings and coders from the store and reapplies the filters.
func (l *library) reload() error {
	items, err := l.u.store.ClippingSummaries(l.u.ctx())
	if err != nil {
		return fmt.Errorf("listing clippings: %w", err)
	}
	l.all = items
	coders, err := l.u.store.Coders(l.u.ctx())
	if err != nil {
		return fmt.Errorf("listing coders: %w", err)
	}
	l.coders = map[string]string{}
	opts := []string{allCoders}
	for _, c := range coders {
		l.coders[c.Name] = c.ID
		opts = append(opts, c.Name)
	}
	l.cdrSel.Options = opts
	l.apply()
	return nil
}

// apply filters the clippings by the search box, the tag and the coder.
func (l *library) apply() {
	keep, err := l.filter()
	if err != nil {
		l.u.showError(err)
		return
	}
	l.shown = l.shown[:0]
	for _, it := range l.all {
		if keep == nil || keep[it.ID] {
			l.shown = append(l.shown, it)
		}
	}
	l.list.UnselectAll()
	l.list.Refresh()
	for i, it := range l.shown {
		if it.ID == l.u.clip.ID {
			l.list.Select(i)
		}
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
	if q := strings.TrimSpace(l.search.Text); q != "" {
		hits, err := l.u.store.Search(l.u.ctx(), q, 500)
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
		for _, tg := range l.u.tags {
			if tg.Name == t {
				f.TagIDs = []string{tg.ID}
			}
		}
	}
	if c := l.cdrSel.Selected; c != "" && c != allCoders {
		f.CoderIDs = []string{l.coders[c]}
	}
	if f.TagIDs != nil || f.CoderIDs != nil {
		list, err := l.u.store.AnnotatedClippings(l.u.ctx(), f)
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
