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

// reader shows the open clipping: headline, deck, byline and dateline above
// the text view, photo captions below it.
type reader struct {
	u        *UI
	headline *widget.Label
	deck     *widget.Label
	byline   *widget.Label
	hint     *widget.Label
	captions *widget.Label
	capSep   *widget.Separator
	view     *textview.View
	tagBar   *fyne.Container      // one button per tag: click to tag the selection
	marks    []textview.Highlight // what the view was last given
	compact  bool                 // deck and hint hidden while find hits show
	box      fyne.CanvasObject
}

// tagHint is the one line that tells a newcomer how to tag; reviewHint
// replaces it while the Suggestions tab is showing.
const (
	tagHint    = "Select text, then press 1 claim · 2 quote · 3 figure (or right-click). N/P move between annotations, Delete removes one. Ctrl+G suggests, Ctrl+F finds."
	reviewHint = "Reviewing suggestions (dashed): Enter accepts · Backspace rejects · Tab / Shift+Tab in the list, or N / P here, move · click one to pick it."
)

// hintText is the reader's hint line for the current mode.
func (u *UI) hintText() string {
	if u.reviewing() {
		return reviewHint
	}
	return tagHint
}

func newReader(u *UI) *reader {
	r := &reader{
		u:        u,
		headline: widget.NewLabel(""),
		deck:     widget.NewLabel(""),
		byline:   widget.NewLabel(""),
		hint:     widget.NewLabel(tagHint),
		captions: widget.NewLabel(""),
		capSep:   widget.NewSeparator(),
		view:     textview.New(),
	}
	r.headline.TextStyle = fyne.TextStyle{Bold: true}
	r.headline.SizeName = theme.SizeNameSubHeadingText
	r.deck.TextStyle = fyne.TextStyle{Italic: true}

	r.hint.Importance = widget.LowImportance
	r.hint.SizeName = theme.SizeNameCaptionText

	for _, l := range []*widget.Label{r.headline, r.deck, r.byline, r.hint, r.captions} {
		l.Wrapping = fyne.TextWrapWord
	}
	r.view.SetSnapToWords(u.app.Preferences().BoolWithFallback(prefSnap, true))
	r.view.OnTypedRune = u.readerRune
	r.view.OnTypedKey = u.readerKey
	r.view.OnHighlightTapped = u.highlightTapped
	r.view.ContextMenu = u.contextMenu
	edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), u.editDetails)
	edit.Importance = widget.LowImportance
	find := widget.NewButtonWithIcon("", theme.SearchIcon(), func() { u.finder.open() })
	find.Importance = widget.LowImportance
	sugg := widget.NewButtonWithIcon("Suggest", theme.SearchReplaceIcon(), func() { u.suggestOpen() })
	sugg.Importance = widget.LowImportance
	side := container.NewHBox(sugg, find, edit)
	r.tagBar = container.NewHBox()
	head := []fyne.CanvasObject{r.headline, r.deck, r.byline, r.tagBar, r.hint, widget.NewSeparator()}
	foot := []fyne.CanvasObject{r.capSep, r.captions}
	lay := &readerLayout{head: head, foot: foot, side: side, view: r.view}
	objs := append(append([]fyne.CanvasObject{r.view, side}, head...), foot...)
	r.box = container.New(lay, objs...)
	return r
}

func (r *reader) object() fyne.CanvasObject { return r.box }

// show puts a clipping in the reader.
func (r *reader) show(c model.Clipping) {
	r.headline.SetText(orUntitled(c.Headline))
	r.deck.SetText(c.Deck)
	r.deck.Hidden = c.Deck == "" || r.compact
	r.hint.Hidden = r.compact
	r.byline.SetText(bylineText(c.Metadata, c.SourceName))
	r.hint.SetText(r.u.hintText())
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
	r.captions.SetText(strings.Join(caps, "\n"))
	r.captions.Hidden = len(caps) == 0
	r.capSep.Hidden = r.captions.Hidden
	r.box.Refresh()
}

// showEmpty is what an empty project shows: a clear call to import or paste.
func (r *reader) showEmpty() {
	r.headline.SetText("This project has no clippings yet")
	r.deck.SetText("")
	r.deck.Hidden = true
	r.hint.Hidden = false
	r.byline.SetText("")
	r.hint.SetText("Import text, HTML, Word or Markdown files (File → Import, or drop files and folders on this window), or copy a clipping's text and press Paste.")
	r.view.SetText("")
	r.marks = nil
	r.view.SetHighlights(nil)
	r.captions.SetText("")
	r.captions.Hidden = true
	r.capSep.Hidden = true
	r.box.Refresh()
}

// setMarks draws the annotations as highlights in their tags' colours and
// the pending suggestions as dashed outlines in their tags' colours, and
// outlines the highlight with id selected.
func (r *reader) setMarks(as []model.Annotation, ps []pending, selected string) {
	hs := make([]textview.Highlight, 0, len(as)+len(ps))
	for _, a := range as {
		t, _ := r.u.tag(a.TagID)
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
	r.marks = hs
	r.view.SetHighlights(hs)
	r.view.SetSelectedHighlight(selected)
}

func (r *reader) selectAnnotation(id string, scroll bool) {
	r.view.SetSelectedHighlight(id)
	if scroll && id != "" {
		if a := r.u.annotation(id); a != nil {
			r.view.ScrollToOffset(a.Start)
		}
	}
}

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

// setCompact hides the deck and the hint, giving the text their room while
// find hits are listed above the reader.
func (r *reader) setCompact(on bool) {
	if on == r.compact {
		return
	}
	r.compact = on
	r.deck.Hidden = on || r.deck.Text == ""
	r.hint.Hidden = on && r.u.clip.ID != ""
	r.box.Refresh()
}

// setTags rebuilds the tag buttons: a colour swatch and the tag's name and
// key; clicking one tags the selection, as its key does.
func (r *reader) setTags(tags []model.Tag) {
	r.tagBar.Objects = r.tagBar.Objects[:0]
	for _, t := range tags {
		label := t.Name
		if t.Shortcut != "" {
			label += "  " + t.Shortcut
		}
		swatch := canvas.NewRectangle(tagColor(t.Color))
		swatch.SetMinSize(fyne.NewSize(10, 10))
		swatch.CornerRadius = 3
		b := widget.NewButton(label, func() { r.u.tagSelection(t) })
		b.Importance = widget.LowImportance
		r.tagBar.Add(container.NewHBox(container.NewCenter(swatch), b))
	}
	r.tagBar.Refresh()
}
