package gui

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"clipper/gui/textview"
	"clipper/model"
	"clipper/model/agree"
	"clipper/model/store"
)

// Agreement colours (Okabe–Ito, distinguishable with the common colour
// vision deficiencies); the reader fills them translucent.
var (
	colorOnlyA = color.NRGBA{R: 0xE6, G: 0x9F, B: 0x00, A: 0xff} // orange
	colorOnlyB = color.NRGBA{R: 0x00, G: 0x72, B: 0xB2, A: 0xff} // blue
	colorBoth  = color.NRGBA{R: 0x00, G: 0x9E, B: 0x73, A: 0xff} // bluish green
)

// comparePrefix starts the highlight id of every agreement stretch.
const comparePrefix = "compare/"

func isCompareID(id string) bool { return strings.HasPrefix(id, comparePrefix) }

// comparer is the Compare tab: two coders (and a tag) chosen for the open
// clipping, the agreement figures, a legend, and the disagreements with
// accept A / accept B / keep both / edit, which copy annotations to the
// "Adjudicated" coder. While it shows, the reader colours the text by
// agreement instead of by tag. It reads the window's state through its
// session, draws in the reader through its textPane and reports through
// the callbacks below; build it with newComparer.
type comparer struct {
	s    session
	text textPane
	// onChanged is called when the coders or the tag change; the window
	// redraws, which calls refresh while the tab shows.
	onChanged func()
	// onAdjudicated is called after annotations were added for the
	// Adjudicated coder; the window reloads the clipping's annotations
	// (which calls refresh) and the library.
	onAdjudicated func()
	// onDone is the Done button: leave compare mode.
	onDone func()

	coderA  *widget.Select
	coderB  *widget.Select
	tagSel  *widget.Select
	figures *bidiLabel
	perTag  *bidiLabel
	copyAll *widget.Button
	list    *widget.List
	detail  *fyne.Container
	box     fyne.CanvasObject

	coders []model.Coder      // the project's coders
	as, bs []model.Annotation // A's and B's annotations on the open clipping (tag filtered)
	adj    []model.Annotation // the Adjudicated coder's annotations there
	agreed []model.Annotation
	ds     []disagreement
	segs   []segment
	cur    string // key of the current disagreement
	edit   *widget.Select
	st     *store.Store // the project the coders were read from
}

// newComparer builds the Compare tab for s, drawing in text. Set the
// callbacks before it is shown.
func newComparer(s session, text textPane) *comparer {
	c := &comparer{s: s, text: text}
	changed := func(string) { c.cur = ""; c.changed() }
	c.coderA = widget.NewSelect(nil, changed)
	c.coderB = widget.NewSelect(nil, changed)
	c.tagSel = widget.NewSelect([]string{allTags}, nil)
	c.tagSel.SetSelected(allTags)
	c.tagSel.OnChanged = changed
	c.figures = newBidiLabel("")
	c.figures.TextStyle = fyne.TextStyle{Bold: true}
	c.figures.Wrapping = fyne.TextWrapWord
	c.perTag = newBidiLabel("")
	c.perTag.SizeName = theme.SizeNameCaptionText
	c.perTag.Wrapping = fyne.TextWrapWord
	legend := container.NewHBox(
		swatch(colorOnlyA), widget.NewLabel("A only"), swatch(colorOnlyB), widget.NewLabel("B only"),
		swatch(colorBoth), widget.NewLabel("Both"))
	c.copyAll = widget.NewButtonWithIcon("Copy agreed", theme.ContentCopyIcon(), c.copyAgreed)
	done := widget.NewButtonWithIcon("Done", theme.WindowCloseIcon(), func() {
		if c.onDone != nil {
			c.onDone()
		}
	})
	c.list = widget.NewList(
		func() int { return len(c.ds) },
		func() fyne.CanvasObject { return twoLineRow(true) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(c.ds) {
				return
			}
			d := c.ds[i]
			head := d.Kind + " · " + c.tagNames(d)
			if c.settled(d) {
				head = "✓ " + head + " · adjudicated"
			}
			setTwoLines(o, head, quoted(oneLine(spanText(c.s.clipping().Body, d.Start, d.End))))
		},
	)
	c.list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(c.ds) && c.ds[i].key() != c.cur {
			c.pick(c.ds[i].key())
		}
	}
	c.detail = container.NewStack()
	form := container.New(layoutFormPairs{},
		widget.NewLabel("Coder A"), c.coderA,
		widget.NewLabel("Coder B"), c.coderB,
		widget.NewLabel("Tag"), c.tagSel)
	top := container.NewVBox(form, c.figures, c.perTag, legend,
		container.NewBorder(nil, nil, nil, done, c.copyAll))
	split := container.NewVSplit(c.list, container.NewVScroll(c.detail))
	split.Offset = 0.5
	c.box = container.NewBorder(top, nil, nil, nil, split)
	return c
}

func (c *comparer) object() fyne.CanvasObject { return c.box }

// changed tells the window the coders or the tag changed.
func (c *comparer) changed() {
	if c.onChanged != nil {
		c.onChanged()
	}
}

// swatch is a legend square in an agreement colour, as translucent as the
// reader draws it.
func swatch(col color.NRGBA) fyne.CanvasObject {
	r := canvas.NewRectangle(color.NRGBA{R: col.R, G: col.G, B: col.B, A: 0x70})
	r.StrokeColor = col
	r.StrokeWidth = 1
	r.SetMinSize(fyne.NewSize(16, 16))
	return container.NewCenter(r)
}

// layoutFormPairs lays label/field pairs out in two columns, the labels
// as narrow as the widest one.
type layoutFormPairs struct{}

func (layoutFormPairs) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var lw, fw, h float32
	for i := 0; i+1 < len(objs); i += 2 {
		l, f := objs[i].MinSize(), objs[i+1].MinSize()
		lw, fw = max(lw, l.Width), max(fw, f.Width)
		h += max(l.Height, f.Height)
	}
	return fyne.NewSize(lw+fw, h)
}

func (layoutFormPairs) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var lw float32
	for i := 0; i+1 < len(objs); i += 2 {
		lw = max(lw, objs[i].MinSize().Width)
	}
	y := float32(0)
	for i := 0; i+1 < len(objs); i += 2 {
		h := max(objs[i].MinSize().Height, objs[i+1].MinSize().Height)
		objs[i].Move(fyne.NewPos(0, y))
		objs[i].Resize(fyne.NewSize(lw, h))
		objs[i+1].Move(fyne.NewPos(lw, y))
		objs[i+1].Resize(fyne.NewSize(size.Width-lw, h))
		y += h
	}
}

// start loads the coders and picks two who annotated the open clipping:
// the current coder first when they did.
func (c *comparer) start() error {
	st := c.s.project()
	coders, err := st.Coders(c.s.ctx())
	if err != nil {
		return fmt.Errorf("listing coders: %w", err)
	}
	c.coders, c.st = coders, st
	var names []string
	for _, cd := range coders {
		names = append(names, cd.Name)
	}
	used := map[string]bool{}
	for _, a := range c.s.annotations() {
		used[a.CoderID] = true
	}
	var pick []string
	if me := c.s.coder(); used[me.ID] {
		pick = append(pick, me.Name)
	}
	for _, cd := range coders {
		if used[cd.ID] && !slices.Contains(pick, cd.Name) && cd.Name != coderAdjudicated {
			pick = append(pick, cd.Name)
		}
	}
	for _, n := range names {
		if len(pick) >= 2 {
			break
		}
		if !slices.Contains(pick, n) {
			pick = append(pick, n)
		}
	}
	c.coderA.Options, c.coderB.Options = names, names
	tags := []string{allTags}
	for _, t := range c.s.tags() {
		tags = append(tags, t.Name)
	}
	c.tagSel.Options = tags
	if !slices.Contains(tags, c.tagSel.Selected) {
		c.tagSel.Selected = allTags
	}
	if len(pick) > 0 && !slices.Contains(names, c.coderA.Selected) {
		c.coderA.Selected = pick[0]
	}
	if len(pick) > 1 && (!slices.Contains(names, c.coderB.Selected) || c.coderB.Selected == c.coderA.Selected) {
		c.coderB.Selected = pick[1]
	}
	c.coderA.Refresh()
	c.coderB.Refresh()
	c.tagSel.Refresh()
	return nil
}

// setCoders chooses coders A and B and the tag (allTags for every tag).
func (c *comparer) setCoders(a, b, tag string) {
	c.coderA.Selected, c.coderB.Selected, c.tagSel.Selected = a, b, tag
	c.coderA.Refresh()
	c.coderB.Refresh()
	c.tagSel.Refresh()
	c.cur = ""
	c.changed()
}

// coderID returns the id of the coder called name.
func (c *comparer) coderID(name string) string {
	for _, cd := range c.coders {
		if cd.Name == name {
			return cd.ID
		}
	}
	return ""
}

// tagID is the chosen tag's id, "" for every tag.
func (c *comparer) tagID() string {
	for _, t := range c.s.tags() {
		if t.Name == c.tagSel.Selected {
			return t.ID
		}
	}
	return ""
}

// refresh recomputes the comparison for the open clipping and draws it in
// the reader and the tab.
func (c *comparer) refresh() {
	a, b := c.coderA.Selected, c.coderB.Selected
	aID, bID, tag := c.coderID(a), c.coderID(b), c.tagID()
	adjID := c.coderID(coderAdjudicated)
	c.as, c.bs, c.adj = nil, nil, nil
	for _, x := range c.s.annotations() {
		if tag != "" && x.TagID != tag {
			continue
		}
		switch x.CoderID {
		case aID:
			c.as = append(c.as, x)
		case bID:
			c.bs = append(c.bs, x)
		}
		if adjID != "" && x.CoderID == adjID {
			c.adj = append(c.adj, x)
		}
	}
	if aID == "" || bID == "" || aID == bID {
		c.as, c.bs = nil, nil
	}
	c.segs = agreementSegments(c.as, c.bs)
	c.agreed, c.ds = compareAnnotations(c.as, c.bs)
	c.showFigures(a, b, aID, bID)
	c.draw()
	c.copyAll.SetText(fmt.Sprintf("Copy %d agreed to Adjudicated", len(c.agreed)))
	if len(adjudicatedCopies(c.agreed, c.adj, "")) == 0 {
		c.copyAll.Disable()
	} else {
		c.copyAll.Enable()
	}
	c.list.UnselectAll()
	c.list.Refresh()
	if i := c.index(c.cur); i >= 0 {
		c.list.Select(i)
	} else {
		c.cur = ""
	}
	c.showDetail()
}

// compareHint replaces the reader's hint line in compare mode.
const compareHint = "Comparing coders: orange = A only, blue = B only, green = both. Click a coloured stretch to settle it in the Compare tab."

// showFigures computes and shows the agreement figures of this clipping.
func (c *comparer) showFigures(a, b, aID, bID string) {
	switch {
	case c.s.clipping().ID == "":
		c.figures.SetText("Open a clipping to compare its coders.")
		c.perTag.SetText("")
		return
	case aID == "" || bID == "" || aID == bID:
		c.figures.SetText("Choose two different coders.")
		c.perTag.SetText("")
		return
	case len(c.as) == 0 && len(c.bs) == 0:
		c.figures.SetText(fmt.Sprintf("Neither %s nor %s annotated this clipping%s.", a, b, c.tagPhrase()))
		c.perTag.SetText("")
		return
	}
	names := map[string]string{}
	for _, t := range c.s.tags() {
		names[t.ID] = t.Name
	}
	tag := ""
	if c.tagSel.Selected != allTags {
		tag = c.tagSel.Selected
	}
	rep, err := clippingAgreement(c.s.clipping(), c.as, c.bs, a, b, names, tag)
	if err != nil {
		c.figures.SetText(err.Error())
		c.perTag.SetText("")
		return
	}
	var head string
	var rows []string
	for _, p := range rep.Pairs {
		if p.Tag == agree.AllTags || (tag != "" && p.Tag == tag) {
			if head == "" {
				head = "Agreement on this clipping" + c.tagPhrase() + ": " + pairFigures(p)
			}
			continue
		}
		rows = append(rows, p.Tag+": "+pairFigures(p))
	}
	c.figures.SetText(head)
	if tag != "" {
		rows = nil
	}
	rows = append(rows, rep.Notes...)
	c.perTag.SetText(strings.Join(rows, "\n"))
	c.perTag.Hidden = len(rows) == 0
}

func (c *comparer) tagPhrase() string {
	if c.tagSel.Selected == allTags || c.tagSel.Selected == "" {
		return ""
	}
	return " (" + c.tagSel.Selected + ")"
}

// pairFigures prints percent agreement, kappa, alpha_u and overlap F1.
func pairFigures(p agree.PairStats) string {
	f := func(v *float64, format string) string {
		if v == nil {
			return "–"
		}
		return fmt.Sprintf(format, *v)
	}
	return fmt.Sprintf("%s agree · κ %s · αU %s · F1 %s",
		f(p.PercentAgreement, "%.1f%%"), f(p.Kappa, "%.2f"), f(p.Alpha, "%.2f"), f(p.Overlap.F1, "%.2f"))
}

// draw colours the reader by agreement and outlines the current
// disagreement.
func (c *comparer) draw() {
	a, b := c.coderA.Selected, c.coderB.Selected
	hs := make([]textview.Highlight, 0, len(c.segs))
	for _, s := range c.segs {
		t, _ := c.s.tag(s.Tag)
		h := textview.Highlight{ID: compareID(s), Start: s.Start, End: s.End}
		switch s.Side {
		case onlyA:
			h.Color, h.Label = colorOnlyA, fmt.Sprintf("A only: %s · %s", a, t.Name)
		case onlyB:
			h.Color, h.Label = colorOnlyB, fmt.Sprintf("B only: %s · %s", b, t.Name)
		default:
			h.Color, h.Label = colorBoth, fmt.Sprintf("Both: %s and %s · %s", a, b, t.Name)
		}
		hs = append(hs, h)
	}
	c.text.setHighlights(hs, c.outlined())
}

// compareID is the highlight id of a segment.
func compareID(s segment) string {
	return fmt.Sprintf("%s%d/%s/%d/%d", comparePrefix, s.Side, s.Tag, s.Start, s.End)
}

// outlined is the highlight of the current disagreement's first stretch.
func (c *comparer) outlined() string {
	i := c.index(c.cur)
	if i < 0 {
		return ""
	}
	d := c.ds[i]
	for _, s := range c.segs {
		if s.Start < d.End && d.Start < s.End && s.Side != bothAB {
			return compareID(s)
		}
	}
	return ""
}

// index returns the position of the disagreement with key, or -1.
func (c *comparer) index(key string) int {
	return slices.IndexFunc(c.ds, func(d disagreement) bool { return d.key() == key })
}

// tapped makes the disagreement under a clicked stretch current.
func (c *comparer) tapped(id string) {
	parts := strings.Split(strings.TrimPrefix(id, comparePrefix), "/")
	if len(parts) != 4 {
		return
	}
	var start, end int
	if _, err := fmt.Sscanf(parts[2]+" "+parts[3], "%d %d", &start, &end); err != nil {
		return
	}
	for _, d := range c.ds {
		if d.Start < end && start < d.End {
			c.pick(d.key())
			return
		}
	}
	c.s.flash("Both coders agree on this stretch.")
}

// pick makes the disagreement with key current and scrolls to it.
func (c *comparer) pick(key string) {
	c.cur = key
	i := c.index(key)
	if i < 0 {
		return
	}
	c.list.Select(i)
	c.list.ScrollTo(i)
	c.text.outline(c.outlined())
	c.text.scrollTo(c.ds[i].Start)
	c.showDetail()
}

// tagNames lists the tags of a disagreement's annotations.
func (c *comparer) tagNames(d disagreement) string {
	var names []string
	for _, a := range slices.Concat(d.A, d.B) {
		t, _ := c.s.tag(a.TagID)
		if !slices.Contains(names, t.Name) {
			names = append(names, t.Name)
		}
	}
	return strings.Join(names, " / ")
}

// settled reports whether the adjudicated set has an annotation in d's stretch.
func (c *comparer) settled(d disagreement) bool {
	return slices.ContainsFunc(c.adj, func(a model.Annotation) bool { return a.Start < d.End && d.Start < a.End })
}

// describe lists annotations as "tag: “text”" lines.
func (c *comparer) describe(as []model.Annotation) string {
	if len(as) == 0 {
		return "—"
	}
	var lines []string
	for _, a := range as {
		t, _ := c.s.tag(a.TagID)
		lines = append(lines, fmt.Sprintf("%s: “%s”", annotationLabel(t, a), shorten(oneLine(a.Exact), 120)))
	}
	return strings.Join(lines, "\n")
}

// showDetail shows the current disagreement with its actions.
func (c *comparer) showDetail() {
	i := c.index(c.cur)
	if i < 0 {
		msg := "Pick a disagreement to settle it."
		if len(c.ds) == 0 && (len(c.as) > 0 || len(c.bs) > 0) {
			msg = "No disagreements: the two coders marked the same spans with the same tags."
		}
		c.detail.Objects = []fyne.CanvasObject{wrapped(msg)}
		c.detail.Refresh()
		return
	}
	d := c.ds[i]
	title := wrapped(strings.ToUpper(d.Kind[:1]) + d.Kind[1:])
	title.TextStyle = fyne.TextStyle{Bold: true}
	a, b := c.coderA.Selected, c.coderB.Selected
	la := wrapped("A (" + a + "): " + c.describe(d.A))
	lb := wrapped("B (" + b + "): " + c.describe(d.B))
	acceptA := widget.NewButton("Accept A", func() { c.adjudicate(d.A) })
	acceptB := widget.NewButton("Accept B", func() { c.adjudicate(d.B) })
	both := widget.NewButton("Keep both", func() { c.adjudicate(slices.Concat(d.A, d.B)) })
	if len(d.A) == 0 {
		acceptA.Disable()
	}
	if len(d.B) == 0 {
		acceptB.Disable()
	}
	edit := widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), func() { c.startEdit(d) })
	objs := []fyne.CanvasObject{title, la, lb, container.NewGridWithColumns(4, acceptA, acceptB, both, edit)}
	var have []model.Annotation
	for _, x := range c.adj {
		if x.Start < d.End && d.Start < x.End {
			have = append(have, x)
		}
	}
	if len(have) > 0 {
		objs = append(objs, wrapped("Adjudicated: "+c.describe(have)))
	}
	c.detail.Objects = []fyne.CanvasObject{container.NewVBox(objs...)}
	c.detail.Refresh()
}

// startEdit selects the disagreement's stretch in the reader and offers to
// save the (adjusted) selection with a chosen tag as the adjudicated
// annotation.
func (c *comparer) startEdit(d disagreement) {
	c.text.selectSpan(d.Start, d.End)
	var names []string
	for _, t := range c.s.tags() {
		names = append(names, t.Name)
	}
	c.edit = widget.NewSelect(names, nil)
	if first := slices.Concat(d.A, d.B); len(first) > 0 {
		t, _ := c.s.tag(first[0].TagID)
		c.edit.SetSelected(t.Name)
	}
	save := widget.NewButtonWithIcon("Save selection as adjudicated", theme.DocumentSaveIcon(), func() { c.saveEdit(d) })
	save.Importance = widget.HighImportance
	hint := wrapped("Adjust the selection in the reader, choose the tag, then save.")
	c.detail.Objects = []fyne.CanvasObject{container.NewVBox(hint, c.edit, save)}
	c.detail.Refresh()
}

// saveEdit stores the reader's selection with the chosen tag for the
// Adjudicated coder, with the attributes of the disagreement's first
// annotation of that tag.
func (c *comparer) saveEdit(d disagreement) {
	start, end := c.text.selection()
	if start == end {
		c.s.flash("Select the text first.")
		return
	}
	var tag model.Tag
	for _, t := range c.s.tags() {
		if c.edit != nil && t.Name == c.edit.Selected {
			tag = t
		}
	}
	if tag.ID == "" {
		c.s.flash("Choose a tag first.")
		return
	}
	src := model.Annotation{ClippingID: c.s.clipping().ID, TagID: tag.ID, Start: start, End: end}
	for _, a := range slices.Concat(d.A, d.B) {
		if a.TagID == tag.ID {
			src.Attributes = a.Attributes
			break
		}
	}
	c.text.clearSelection()
	c.adjudicate([]model.Annotation{src})
}

// adjudicate copies src to the Adjudicated coder (skipping what it already
// holds) in one step.
func (c *comparer) adjudicate(src []model.Annotation) {
	st := c.s.project()
	adj, err := st.EnsureCoder(c.s.ctx(), coderAdjudicated)
	if err != nil {
		c.s.showError(fmt.Errorf("creating the Adjudicated coder: %w", err))
		return
	}
	if !slices.ContainsFunc(c.coders, func(cd model.Coder) bool { return cd.ID == adj.ID }) {
		c.coders = append(c.coders, adj)
	}
	copies := adjudicatedCopies(src, c.adj, adj.ID)
	if len(copies) == 0 {
		c.s.flash("Already in the adjudicated set.")
		return
	}
	if err := st.AddAnnotations(c.s.ctx(), copies); err != nil {
		c.s.showError(fmt.Errorf("saving the adjudicated annotations: %w", err))
		return
	}
	if c.onAdjudicated != nil {
		c.onAdjudicated()
	}
	c.s.flash(fmt.Sprintf("%s added to the adjudicated set.", count(len(copies), "annotation", "annotations")))
}

// copyAgreed copies every annotation both coders made alike.
func (c *comparer) copyAgreed() { c.adjudicate(c.agreed) }

// newComparePart builds the Compare tab wired to the window.
func (u *UI) newComparePart() *comparer {
	c := newComparer(u.session(), u.reader)
	c.onChanged = u.redrawMarks
	c.onAdjudicated = func() {
		u.reloadAnnotations()
		if err := u.lib.reload(); err != nil {
			u.showError(err)
		}
	}
	c.onDone = u.closeCompare
	return c
}

// comparing reports whether the Compare tab is showing.
func (u *UI) comparing() bool {
	return u.cmpTab != nil && u.tabs != nil && u.tabs.Selected() == u.cmpTab
}

// openCompare shows the Compare tab for the open clipping.
func (u *UI) openCompare() {
	if u.clip.ID == "" {
		u.flash("Open a clipping first.")
		return
	}
	if err := u.cmp.start(); err != nil {
		u.showError(err)
		return
	}
	if u.cmpTab == nil {
		u.cmpTab = container.NewTabItem("Compare", u.cmp.object())
		u.tabs.Append(u.cmpTab)
	}
	u.tabs.Select(u.cmpTab)
	u.redrawMarks()
}

// closeCompare leaves compare mode: the tab goes and the reader shows the
// annotations again.
func (u *UI) closeCompare() {
	if u.cmpTab == nil {
		return
	}
	u.tabs.Remove(u.cmpTab)
	u.cmpTab = nil
	u.tabs.Select(u.annTab)
	u.redrawMarks()
}
