package gui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"clipper/gui/textview"
	"clipper/model"
)

// reader shows the open clipping: headline, deck and byline above a row of
// tag buttons and actions, an optional hint line, the text view, and the
// photo captions below it, folded into one line until opened. The header
// collapses to one line (headline · byline) when it would leave the text
// less than textShare of the window's height, while find hits are listed,
// or on demand. The reader knows nothing of the window: it reports clicks through
// its callbacks, and the window drives it through its methods.
type reader struct {
	// onTag is called when a tag's button is clicked.
	onTag func(model.Tag)
	// onEdit, onFind and onSuggest are the header's action buttons.
	onEdit, onFind, onSuggest func()
	// onRune and onKey get the keys typed in the text that the view does
	// not use (tag keys, N / P, Delete…) and report whether they used them.
	onRune func(rune) bool
	onKey  func(*fyne.KeyEvent) bool
	// onHighlight is called with the id of a clicked highlight.
	onHighlight func(id string)
	// contextMenu builds the right-click menu (see textview.View.ContextMenu).
	contextMenu func(hitID string, start, end int) *fyne.Menu

	view      *textview.View
	headline  *bidiLabel
	deck      *bidiLabel
	byline    *bidiLabel
	line      *fyne.Container // the collapsed header: lineHead · lineBy
	lineHead  *bidiLabel
	lineBy    *bidiLabel
	hint      *widget.Label
	toggle    *widget.Button // collapses or expands the header
	tagBar    *fyne.Container
	tagRow    *fyne.Container // tag buttons and the actions
	sep       *widget.Separator
	capLine   *bidiLabel // the captions folded into one line
	capFull   *bidiLabel // every caption, wrapped
	capToggle *widget.Button
	capRow    *fyne.Container
	capSep    *widget.Separator
	box       *fyne.Container

	tags      map[string]model.Tag
	marks     []textview.Highlight // what the view was last given
	header    headerMode
	forced    bool // find hits are listed above: header collapsed, hint hidden
	hintOn    bool
	capsOpen  bool
	collapsed bool // the header is collapsed now (as last laid out)
}

// headerMode is how the reader's header chooses between full and one line.
type headerMode int

const (
	headerAuto      headerMode = iota // one line when the window is short
	headerCollapsed                   // one line, on demand
	headerExpanded                    // full, on demand
)

// textShare is the least share of the window's height the text keeps
// before the header collapses to one line.
const textShare = 0.62 // a little above the 60% that a laptop screen needs

// Hint lines: tagHint tells a newcomer how to tag (it hides once they have
// tagged something), reviewHint shows while the Suggestions tab does,
// emptyHint in an empty project.
const (
	tagHint    = "Select text, then press 1 claim · 2 quote · 3 figure, or right-click · N / P next / previous annotation · Delete removes it · Ctrl+G suggests · Ctrl+F finds"
	reviewHint = "Reviewing suggestions (dashed): Enter accepts · Backspace rejects · Tab / Shift+Tab in the list, or N / P here, move · click one to pick it"
	emptyHint  = "Import text, HTML, Word or Markdown files (File → Import, or drop files and folders on this window), or copy a clipping's text and press Paste."
)

func newReader(snapToWords bool) *reader {
	r := &reader{
		headline: newBidiLabel(""),
		deck:     newBidiLabel(""),
		byline:   newBidiLabel(""),
		lineHead: newBidiLabel(""),
		lineBy:   newBidiLabel(""),
		hint:     widget.NewLabel(""),
		capLine:  newBidiLabel(""),
		capFull:  newBidiLabel(""),
		capSep:   widget.NewSeparator(),
		sep:      widget.NewSeparator(),
		view:     textview.New(),
		tags:     map[string]model.Tag{},
	}
	r.headline.TextStyle = fyne.TextStyle{Bold: true}
	r.headline.SizeName = theme.SizeNameSubHeadingText
	r.deck.TextStyle = fyne.TextStyle{Italic: true}
	r.hint.SizeName = theme.SizeNameCaptionText
	for _, l := range []*widget.Label{r.headline.Label, r.deck.Label, r.byline.Label, r.hint, r.capFull.Label} {
		l.Wrapping = fyne.TextWrapWord
	}
	r.lineHead.TextStyle = fyne.TextStyle{Bold: true}
	r.lineHead.Truncation = fyne.TextTruncateEllipsis
	r.lineBy.Truncation = fyne.TextTruncateEllipsis
	r.line = container.New(lineLayout{}, r.lineHead, r.lineBy)
	r.line.Hide()
	r.capLine.Truncation = fyne.TextTruncateEllipsis
	r.capFull.Hide()
	r.view.SetSnapToWords(snapToWords)
	r.view.OnTypedRune = func(c rune) bool { return r.onRune != nil && r.onRune(c) }
	r.view.OnTypedKey = func(ev *fyne.KeyEvent) bool { return r.onKey != nil && r.onKey(ev) }
	r.view.OnHighlightTapped = func(id string) {
		if r.onHighlight != nil {
			r.onHighlight(id)
		}
	}
	r.view.ContextMenu = func(hitID string, start, end int) *fyne.Menu {
		if r.contextMenu == nil {
			return nil
		}
		return r.contextMenu(hitID, start, end)
	}

	action := func(label string, icon fyne.Resource, f func() func()) *widget.Button {
		b := widget.NewButtonWithIcon(label, icon, func() {
			if fn := f(); fn != nil {
				fn()
			}
		})
		b.Importance = widget.LowImportance
		return b
	}
	sugg := action("Suggest", theme.SearchReplaceIcon(), func() func() { return r.onSuggest })
	find := action("", theme.SearchIcon(), func() func() { return r.onFind })
	edit := action("", theme.DocumentCreateIcon(), func() func() { return r.onEdit })
	r.toggle = widget.NewButtonWithIcon("", theme.MenuDropUpIcon(), r.toggleHeader)
	r.toggle.Importance = widget.LowImportance
	r.tagBar = container.New(&flowLayout{})
	r.tagRow = container.NewBorder(nil, nil, nil, container.NewHBox(sugg, find, edit, r.toggle), r.tagBar)

	r.capToggle = widget.NewButtonWithIcon("", theme.MenuExpandIcon(), func() {
		r.capsOpen = !r.capsOpen
		r.showCaptions()
	})
	r.capToggle.Importance = widget.LowImportance
	r.capRow = container.NewBorder(nil, nil, r.capToggle, nil, container.NewStack(r.capLine, r.capFull))

	objs := []fyne.CanvasObject{r.view, r.headline, r.deck, r.byline, r.line, r.tagRow, r.hint, r.sep, r.capSep, r.capRow}
	r.box = container.New(&readerLayout{r: r}, objs...)
	return r
}

func (r *reader) object() fyne.CanvasObject { return r.box }

// show puts a clipping in the reader, scrolled to the top.
func (r *reader) show(c model.Clipping) {
	r.headline.SetText(orUntitled(c.Headline))
	r.deck.SetText(c.Deck)
	r.byline.SetText(bylineText(c.Metadata, c.SourceName))
	r.setLine(orUntitled(c.Headline), shortByline(c.Metadata, c.SourceName))
	r.view.SetText(c.Body)
	r.view.ClearSelection()
	r.view.ScrollToOffset(0)
	var caps []string
	for _, cp := range c.Captions {
		line := "Photo: " + cp.Text
		if cp.Credit != "" {
			line += " (" + cp.Credit + ")"
		}
		caps = append(caps, line)
	}
	r.setCaptions(caps)
	r.box.Refresh()
}

// showEmpty is what an empty project shows: a clear call to import or paste.
func (r *reader) showEmpty() {
	r.headline.SetText("This project has no clippings yet")
	r.deck.SetText("")
	r.byline.SetText("")
	r.setLine("This project has no clippings yet", "")
	r.view.SetText("")
	r.marks = nil
	r.view.SetHighlights(nil)
	r.setCaptions(nil)
	r.box.Refresh()
}

// setLine fills the collapsed header.
func (r *reader) setLine(headline, byline string) {
	r.lineHead.SetText(headline)
	if byline != "" {
		byline = "·  " + byline
	}
	r.lineBy.SetText(byline)
	r.line.Refresh()
}

// setCaptions shows the photo captions, folded into one line unless opened.
func (r *reader) setCaptions(caps []string) {
	r.capFull.SetText(strings.Join(caps, "\n"))
	switch len(caps) {
	case 0:
		r.capLine.SetText("")
	case 1:
		r.capLine.SetText(caps[0])
	default:
		r.capLine.SetText(fmt.Sprintf("%s   (+%d more)", caps[0], len(caps)-1))
	}
	r.capRow.Hidden = len(caps) == 0
	r.capSep.Hidden = r.capRow.Hidden
	r.showCaptions()
}

// showCaptions folds or opens the captions.
func (r *reader) showCaptions() {
	r.capLine.Hidden = r.capsOpen
	r.capFull.Hidden = !r.capsOpen
	if r.capsOpen {
		r.capToggle.SetIcon(theme.MenuDropDownIcon())
	} else {
		r.capToggle.SetIcon(theme.MenuExpandIcon())
	}
	r.capRow.Refresh()
	r.box.Refresh()
}

// setHint shows text in the hint line, or hides the line when on is false.
func (r *reader) setHint(text string, on bool) {
	r.hint.SetText(text)
	if on != r.hintOn {
		r.hintOn = on
		r.box.Refresh()
	}
}

// setCompact collapses the header and hides the hint while find hits are
// listed above the reader.
func (r *reader) setCompact(on bool) {
	if on == r.forced {
		return
	}
	r.forced = on
	r.box.Refresh()
}

// toggleHeader collapses a full header or expands a collapsed one, and
// keeps it so.
func (r *reader) toggleHeader() {
	if r.collapsed {
		r.header = headerExpanded
	} else {
		r.header = headerCollapsed
	}
	r.box.Refresh()
}

// setTags rebuilds the tag buttons: a colour swatch and the tag's name and
// key; clicking one calls onTag, as its key does.
func (r *reader) setTags(tags []model.Tag) {
	clear(r.tags)
	r.tagBar.Objects = r.tagBar.Objects[:0]
	for _, t := range tags {
		r.tags[t.ID] = t
		label := t.Name
		if t.Shortcut != "" {
			label += "  " + t.Shortcut
		}
		swatch := canvas.NewRectangle(tagColor(t.Color))
		swatch.SetMinSize(fyne.NewSize(10, 10))
		swatch.CornerRadius = 3
		b := widget.NewButton(label, func() {
			if r.onTag != nil {
				r.onTag(t)
			}
		})
		b.Importance = widget.LowImportance
		r.tagBar.Add(container.NewHBox(container.NewCenter(swatch), b))
	}
	r.tagBar.Refresh()
	r.box.Refresh()
}

// setMarks draws the annotations as highlights in their tags' colours and
// the pending suggestions as dashed outlines in their tags' colours, and
// outlines the highlight with id selected.
func (r *reader) setMarks(as []model.Annotation, ps []pending, selected string) {
	hs := make([]textview.Highlight, 0, len(as)+len(ps))
	for _, a := range as {
		t := r.tags[a.TagID]
		hs = append(hs, textview.Highlight{
			ID: a.ID, Start: a.Start, End: a.End,
			Color: tagColor(t.Color),
			Label: annotationLabel(t, a),
		})
	}
	for _, p := range ps {
		label := append([]string{"Suggested " + p.Tag.Name}, suggestionSummary(p.Suggestion)...)
		label = append(label, fmt.Sprintf("%.0f%%", p.Confidence*100))
		hs = append(hs, textview.Highlight{
			ID: p.ID, Start: p.Start, End: p.End,
			Color:  tagColor(p.Tag.Color),
			Label:  strings.Join(label, " · ") + " — click, then Enter accepts, Backspace rejects",
			Dashed: true,
		})
	}
	r.setHighlights(hs, selected)
}

// setHighlights draws hs and outlines the one with id outlined.
func (r *reader) setHighlights(hs []textview.Highlight, outlined string) {
	r.marks = hs
	r.view.SetHighlights(hs)
	r.view.SetSelectedHighlight(outlined)
}

// outline outlines the highlight with id ("" for none), scrolling it into
// view.
func (r *reader) outline(id string) { r.view.SetSelectedHighlight(id) }

// scrollTo brings code point off into view.
func (r *reader) scrollTo(off int) { r.view.ScrollToOffset(off) }

// selectSpan selects [start, end) and scrolls it into view.
func (r *reader) selectSpan(start, end int) {
	r.view.Select(start, end)
	r.view.ScrollToOffset(start)
}

// selection returns the selected span; start == end when none.
func (r *reader) selection() (start, end int) { return r.view.Selection() }

// clearSelection drops the text selection.
func (r *reader) clearSelection() { r.view.ClearSelection() }

// setSnap sets whether drag selections snap to whole words.
func (r *reader) setSnap(on bool) { r.view.SetSnapToWords(on) }

// focusable is what takes the keyboard focus to read and tag.
func (r *reader) focusable() fyne.Focusable { return r.view }

// bylineText joins publication, authors, credit, dateline and date into one line.
func bylineText(m model.Metadata, source string) string {
	var parts []string
	if m.Publication != "" {
		parts = append(parts, m.Publication)
	}
	if len(m.Authors) > 0 {
		parts = append(parts, "By "+strings.Join(m.Authors, " and "))
	}
	if m.Credit != "" {
		parts = append(parts, m.Credit)
	}
	if m.Dateline != "" {
		parts = append(parts, m.Dateline)
	}
	if m.Date != "" {
		parts = append(parts, m.Date)
	}
	if len(parts) == 0 && source != "" {
		parts = append(parts, source)
	}
	return strings.Join(parts, " · ")
}

// shortByline is the collapsed header's byline: publication and date.
func shortByline(m model.Metadata, source string) string {
	var parts []string
	for _, p := range []string{m.Publication, m.Date} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return source
	}
	return strings.Join(parts, " · ")
}

// annotationLabel is the one-line description of an annotation: its tag and
// the attributes that matter for the tag's kind.
func annotationLabel(t model.Tag, a model.Annotation) string {
	parts := []string{t.Name}
	parts = append(parts, attributeSummary(t.Kind, a.Attributes)...)
	return strings.Join(parts, " · ")
}

// attributeSummary lists the filled attributes for a kind, shortest first.
func attributeSummary(k model.Kind, at model.Attributes) []string {
	var out []string
	switch k {
	case model.KindQuote:
		if at.Speaker != "" {
			out = append(out, "speaker: "+at.Speaker)
		}
	case model.KindClaim:
		if at.Claimant != "" {
			out = append(out, "claimant: "+at.Claimant)
		}
		if at.Status != "" {
			out = append(out, string(at.Status))
		}
	case model.KindFigure:
		if f := figureText(at); f != "" {
			out = append(out, f)
		}
	}
	if at.Note != "" {
		note := at.Note
		if len([]rune(note)) > 60 {
			note = string([]rune(note)[:59]) + "…"
		}
		out = append(out, "note: "+note)
	}
	return out
}

// figureText renders a figure's comparator, value or range, and unit.
func figureText(at model.Attributes) string {
	var s string
	switch {
	case at.Low != nil && at.High != nil:
		s = fmt.Sprintf("%s–%s", fmtNum(*at.Low), fmtNum(*at.High))
	case at.Value != nil:
		s = fmtNum(*at.Value)
	default:
		return strings.TrimSpace(at.Unit)
	}
	if at.Comparator != "" && at.Comparator != "range" {
		s = at.Comparator + " " + s
	}
	if at.Unit != "" {
		s += " " + at.Unit
	}
	return s
}

// fmtNum prints a number without exponent or trailing zeros, with thousands separators.
func fmtNum(f float64) string {
	s := strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.6f", f), "0"), ".")
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}
