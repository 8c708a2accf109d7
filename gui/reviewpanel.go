package gui

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"clipper/model/suggest"
)

// reviewer is the Suggestions tab of the right pane: what the suggester
// found in the open clipping, filtered by kind, one row per suggestion
// (text; kind, key attributes and confidence; the rule that fired), and the
// current suggestion in full with Accept and Reject buttons.
type reviewer struct {
	u         *UI
	count     *widget.Label
	kinds     *widget.Select
	run       *widget.Button
	acceptAll *widget.Button
	list      *reviewList
	title     *bidiLabel
	text      *bidiLabel
	attrs     *bidiLabel
	why       *bidiLabel
	accept    *widget.Button
	reject    *widget.Button
	keys      *widget.Label
	detail    *container.Scroll // text, attrs and why: laid out again on change
	box       fyne.CanvasObject
}

// Kind filter choices.
var kindChoices = []struct {
	label string
	kind  suggest.Kind
}{
	{"All kinds", ""}, {"Quotes", suggest.KindQuote}, {"Figures", suggest.KindFigure}, {"Claims", suggest.KindClaim},
}

// reviewKeys tells how to review by keyboard.
const reviewKeys = "Enter accepts · Backspace rejects · Tab / Shift+Tab move"

func newReviewer(u *UI) *reviewer {
	r := &reviewer{u: u}
	r.count = widget.NewLabel("")
	r.count.TextStyle = fyne.TextStyle{Bold: true}
	r.count.Truncation = fyne.TextTruncateEllipsis
	var labels []string
	for _, c := range kindChoices {
		labels = append(labels, c.label)
	}
	r.kinds = widget.NewSelect(labels, nil)
	r.kinds.SetSelected(labels[0])
	r.kinds.OnChanged = func(label string) {
		for _, c := range kindChoices {
			if c.label == label && u.sugg.kind != c.kind {
				u.sugg.kind = c.kind
				u.refreshSuggestions()
			}
		}
	}
	r.run = widget.NewButtonWithIcon("Suggest", theme.SearchReplaceIcon(), func() { u.suggestOpen() })
	r.acceptAll = widget.NewButtonWithIcon("Accept all…", theme.ConfirmIcon(), u.acceptKindDialog)
	r.list = newReviewList(u)

	r.title = newBidiLabel("")
	r.title.TextStyle = fyne.TextStyle{Bold: true}
	r.text = newBidiLabel("")
	r.text.Wrapping = fyne.TextWrapWord
	r.text.TextStyle = fyne.TextStyle{Italic: true}
	r.attrs = newBidiLabel("")
	r.attrs.Wrapping = fyne.TextWrapWord
	r.why = newBidiLabel("")
	r.why.Wrapping = fyne.TextWrapWord
	r.why.Importance = widget.LowImportance
	r.why.SizeName = theme.SizeNameCaptionText
	r.accept = widget.NewButtonWithIcon("Accept  ⏎", theme.ConfirmIcon(), func() {
		u.acceptSuggestion(u.sugg.cur)
		u.win.Canvas().Focus(r.list)
	})
	r.accept.Importance = widget.HighImportance
	r.reject = widget.NewButtonWithIcon("Reject  ⌫", theme.CancelIcon(), func() {
		u.rejectSuggestion(u.sugg.cur)
		u.win.Canvas().Focus(r.list)
	})
	r.keys = widget.NewLabel(reviewKeys)
	r.keys.Importance = widget.LowImportance
	r.keys.SizeName = theme.SizeNameCaptionText
	r.keys.Truncation = fyne.TextTruncateEllipsis

	r.title.Truncation = fyne.TextTruncateEllipsis
	r.detail = container.NewVScroll(container.New(&wrapStack{}, r.text, r.attrs, r.why))
	detail := container.NewBorder(
		container.NewVBox(r.title, container.NewHBox(r.accept, r.reject)), nil, nil, nil, r.detail)
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, r.run, r.count),
		container.NewBorder(nil, nil, r.kinds, nil, r.acceptAll),
	)
	split := container.NewVSplit(r.list, detail)
	split.Offset = 0.58
	r.box = container.NewBorder(top, r.keys, nil, nil, split)
	r.refresh()
	return r
}

func (r *reviewer) object() fyne.CanvasObject { return r.box }

// refresh redraws the tab from the suggestion state.
func (r *reviewer) refresh() {
	s := r.u.sugg
	switch {
	case r.u.clip.ID == "":
		r.count.SetText("No clipping open")
	case s.loading():
		r.count.SetText("Finding suggestions…")
	case !s.has(r.u.clip.ID):
		r.count.SetText("Not yet suggested")
	case len(s.all) == 0:
		r.count.SetText("Nothing left to review")
	case len(s.shown) != len(s.all):
		r.count.SetText(fmt.Sprintf("%s of %s to review", thousands(len(s.shown)), thousands(len(s.all))))
	case len(s.all) == 1:
		r.count.SetText("1 to review")
	default:
		r.count.SetText(fmt.Sprintf("%s to review", thousands(len(s.all))))
	}
	if r.u.clip.ID == "" || s.busy {
		r.run.Disable()
	} else {
		r.run.Enable()
	}
	r.list.Refresh()
	r.showCurrent()
}

// updateAcceptAll names the kind "Accept all" works on and how many.
func (r *reviewer) updateAcceptAll() {
	k := r.acceptKind()
	if n := r.kindCount(k); n > 0 {
		r.acceptAll.SetText(fmt.Sprintf("Accept all %s %s…", thousands(n), plural(string(k), n)))
		r.acceptAll.Enable()
	} else {
		r.acceptAll.SetText("Accept all…")
		r.acceptAll.Disable()
	}
}

// acceptKind is the kind "Accept all" works on: the filtered kind, else the
// current suggestion's kind.
func (r *reviewer) acceptKind() suggest.Kind {
	if k := r.u.sugg.kind; k != "" {
		return k
	}
	if p, ok := r.u.sugg.byID(r.u.sugg.cur); ok {
		return p.Kind
	}
	return ""
}

// kindCount is how many pending suggestions have kind k.
func (r *reviewer) kindCount(k suggest.Kind) int {
	n := 0
	for _, p := range r.u.sugg.all {
		if k != "" && p.Kind == k {
			n++
		}
	}
	return n
}

// showCurrent selects the current suggestion in the list and shows it in
// full below.
func (r *reviewer) showCurrent() {
	s := r.u.sugg
	i := s.index(s.cur)
	if i < 0 {
		r.updateAcceptAll()
		r.list.UnselectAll()
		r.title.SetText("")
		if s.has(r.u.clip.ID) || r.u.clip.ID == "" {
			r.text.SetText("")
		} else {
			r.text.SetText("Press Suggest (Ctrl+G) to find the quotes, figures and claims in this clipping. Each one is drawn with a dashed outline until you accept or reject it.")
		}
		r.attrs.SetText("")
		r.why.SetText("")
		r.accept.Disable()
		r.reject.Disable()
		r.relayoutDetail()
		return
	}
	p := s.shown[i]
	r.list.Select(i)
	r.list.ScrollTo(i)
	r.title.SetText(fmt.Sprintf("Suggested %s · %.0f%% confidence", p.Tag.Name, p.Confidence*100))
	r.text.SetText(oneLine(p.Text))
	r.attrs.SetText(strings.Join(suggestionSummary(p.Suggestion), "\n"))
	r.attrs.Hidden = r.attrs.Text == ""
	r.why.SetText("Why: " + p.Why)
	r.accept.Enable()
	r.reject.Enable()
	r.updateAcceptAll()
	r.relayoutDetail()
}

// relayoutDetail lays the detail out again for its new text.
func (r *reviewer) relayoutDetail() {
	r.detail.Content.Refresh()
	r.detail.Refresh()
	r.detail.ScrollToTop()
}

// suggestionSummary lists a suggestion's key attributes for its kind.
func suggestionSummary(s suggest.Suggestion) []string {
	var out []string
	switch s.Kind {
	case suggest.KindQuote:
		if s.Speaker != "" {
			sp := "speaker: " + s.Speaker
			if s.Role != "" {
				sp += " (" + s.Role + ")"
			}
			out = append(out, sp)
		}
	case suggest.KindFigure:
		if f := figureText(suggestionAttributes(s)); f != "" {
			if s.Class != "" {
				f += " · " + s.Class
			}
			out = append(out, f)
		}
	case suggest.KindClaim:
		if s.Claimant != "" {
			out = append(out, "claimant: "+s.Claimant)
		}
	}
	return out
}

// plural adds an s to a kind name when n is not 1.
func plural(word string, n int) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// acceptKindDialog asks before accepting every pending suggestion of the
// current kind in one step.
func (u *UI) acceptKindDialog() {
	k := u.reviewer.acceptKind()
	n := u.reviewer.kindCount(k)
	if n == 0 {
		u.flash("Pick a suggestion or a kind first.")
		return
	}
	msg := fmt.Sprintf("Accept all %s %s suggestions in this clipping as annotations?\n\nThey are added in one step: Edit → Undo (Ctrl+Z) removes them all.", thousands(n), k)
	dialog.ShowConfirm("Accept all "+plural(string(k), n), msg, func(ok bool) {
		if !ok || u.waitsForBulk() {
			return
		}
		added, err := u.acceptAllOfKind(k)
		if err != nil {
			u.showError(err)
			return
		}
		u.flash(fmt.Sprintf("Accepted %d %s — Ctrl+Z undoes them all.", added, plural(string(k), added)))
		u.win.Canvas().Focus(u.reviewer.list)
	}, u.win)
}

// reviewList is the list of suggestions. While it has focus Enter accepts
// the current suggestion, Backspace (or Delete) rejects it, and Tab /
// Shift+Tab (or the arrow keys) move; Escape returns to the text.
type reviewList struct {
	widget.List
	u     *UI
	shift bool
}

var (
	_ fyne.Tabbable   = (*reviewList)(nil)
	_ desktop.Keyable = (*reviewList)(nil)
)

func newReviewList(u *UI) *reviewList {
	l := &reviewList{u: u}
	l.Length = func() int { return len(u.sugg.shown) }
	l.CreateItem = newSuggestionRow
	l.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) {
		if i < len(u.sugg.shown) {
			o.(*suggestionRow).set(u.sugg.shown[i])
		}
	}
	l.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(u.sugg.shown) && u.sugg.shown[i].ID != u.sugg.cur {
			u.setCurrentSuggestion(u.sugg.shown[i].ID)
		}
	}
	l.ExtendBaseWidget(l)
	return l
}

// AcceptsTab implements fyne.Tabbable: Tab moves between suggestions.
func (l *reviewList) AcceptsTab() bool { return true }

// FocusGained implements fyne.Focusable. The list's own focus marker is not
// used: the selected row is the current suggestion.
func (l *reviewList) FocusGained() {
	l.u.reviewer.keys.Importance = widget.MediumImportance
	l.u.reviewer.keys.Refresh()
}

// FocusLost implements fyne.Focusable.
func (l *reviewList) FocusLost() {
	l.shift = false
	l.u.reviewer.keys.Importance = widget.LowImportance
	l.u.reviewer.keys.Refresh()
}

// KeyDown implements desktop.Keyable: it tracks Shift for Shift+Tab.
func (l *reviewList) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		l.shift = true
	}
}

// KeyUp implements desktop.Keyable.
func (l *reviewList) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		l.shift = false
	}
}

// TypedKey implements fyne.Focusable: the review keys.
func (l *reviewList) TypedKey(ev *fyne.KeyEvent) {
	u := l.u
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		u.acceptSuggestion(u.sugg.cur)
	case fyne.KeyBackspace, fyne.KeyDelete:
		u.rejectSuggestion(u.sugg.cur)
	case fyne.KeyTab:
		if l.shift {
			u.moveSuggestion(-1)
		} else {
			u.moveSuggestion(+1)
		}
	case fyne.KeyDown:
		u.moveSuggestion(+1)
	case fyne.KeyUp:
		u.moveSuggestion(-1)
	case fyne.KeyEscape:
		u.focusText()
	}
}

// TypedRune implements fyne.Focusable: N and P move too, as in the reader.
func (l *reviewList) TypedRune(r rune) {
	switch r {
	case keyNext, keyNext - 'a' + 'A':
		l.u.moveSuggestion(+1)
	case keyPrev, keyPrev - 'a' + 'A':
		l.u.moveSuggestion(-1)
	}
}

// suggestionRow is one row of the review list: an outlined swatch in the
// tag's colour, the text, a line with kind, key attributes and confidence,
// and the rule that fired.
type suggestionRow struct {
	widget.BaseWidget
	swatch          *canvas.Rectangle
	text, meta, why *bidiLabel
	content         *fyne.Container
}

func newSuggestionRow() fyne.CanvasObject {
	r := &suggestionRow{
		swatch: canvas.NewRectangle(color.Transparent),
		text:   newBidiLabel("text"),
		meta:   newBidiLabel("kind"),
		why:    newBidiLabel("why"),
	}
	r.swatch.SetMinSize(fyne.NewSize(8, 10))
	r.swatch.StrokeWidth = 1.5
	r.swatch.CornerRadius = 2
	r.text.Truncation = fyne.TextTruncateEllipsis
	r.meta.Truncation = fyne.TextTruncateEllipsis
	r.meta.SizeName = theme.SizeNameCaptionText
	r.meta.TextStyle = fyne.TextStyle{Bold: true}
	r.why.Truncation = fyne.TextTruncateEllipsis
	r.why.Importance = widget.LowImportance
	r.why.SizeName = theme.SizeNameCaptionText
	r.content = container.NewBorder(nil, nil, r.swatch, nil, container.New(&tightVBox{}, r.text, r.meta, r.why))
	r.ExtendBaseWidget(r)
	return r
}

func (r *suggestionRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.content)
}

// set shows suggestion p.
func (r *suggestionRow) set(p pending) {
	c := tagColor(p.Tag.Color)
	r.swatch.StrokeColor = c
	r.swatch.FillColor = color.NRGBA{R: c.R, G: c.G, B: c.B, A: 0x30}
	r.swatch.Refresh()
	r.text.SetText(oneLine(p.Text))
	parts := append([]string{p.Tag.Name}, suggestionSummary(p.Suggestion)...)
	parts = append(parts, fmt.Sprintf("%d%%", int(math.Round(p.Confidence*100))))
	r.meta.SetText(strings.Join(parts, " · "))
	r.why.SetText(p.Why)
}
