package gui

import (
	"image/color"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"clipper/model"
)

// panel is the right pane: the open clipping's annotations, filtered by
// tag, each with its text and key attributes, and the editor of the
// selected one. It reports through its callbacks (and its editor's) and is
// driven through its methods.
type panel struct {
	onSelect func(id string) // an annotation clicked in the list
	onDelete func()          // Delete in the list
	onDone   func()          // Escape in the list: back to the text

	tags   map[string]model.Tag
	sel    string // the selected annotation's id
	all    []model.Annotation
	shown  []model.Annotation
	filter *widget.Select
	list   *annList
	count  *widget.Label
	top    *fyne.Container // count and filter; relaid out when the count's width changes
	editor *editor
	box    fyne.CanvasObject
}

func newPanel() *panel {
	p := &panel{tags: map[string]model.Tag{}}
	p.count = widget.NewLabel("")
	p.count.TextStyle = fyne.TextStyle{Bold: true}
	p.filter = widget.NewSelect([]string{allTags}, nil)
	p.filter.SetSelected(allTags)
	p.filter.OnChanged = func(string) { p.apply() }
	p.list = newAnnList(
		func() int { return len(p.shown) },
		func() fyne.CanvasObject {
			swatch := canvas.NewRectangle(color.Transparent)
			swatch.SetMinSize(fyne.NewSize(6, 10))
			swatch.CornerRadius = 2
			text := newBidiLabel("text")
			text.Truncation = fyne.TextTruncateEllipsis
			attrs := newBidiLabel("attributes")
			attrs.Truncation = fyne.TextTruncateEllipsis

			attrs.SizeName = theme.SizeNameCaptionText
			return container.NewBorder(nil, nil, swatch, nil, container.New(&tightVBox{}, text, attrs))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(p.shown) {
				return
			}
			a := p.shown[i]
			t := p.tags[a.TagID]
			row := o.(*fyne.Container)
			var swatch *canvas.Rectangle
			var lines *fyne.Container
			for _, obj := range row.Objects {
				switch v := obj.(type) {
				case *canvas.Rectangle:
					swatch = v
				case *fyne.Container:
					lines = v
				}
			}
			swatch.FillColor = tagColor(t.Color)
			swatch.Refresh()
			lines.Objects[0].(*bidiLabel).SetText(oneLine(a.Exact))
			lines.Objects[1].(*bidiLabel).SetText(annotationLabel(t, a))
		},
	)
	p.list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(p.shown) && p.shown[i].ID != p.sel && p.onSelect != nil {
			p.onSelect(p.shown[i].ID)
		}
	}
	p.list.onDelete = func() { call(p.onDelete) }
	p.list.onEscape = func() { call(p.onDone) }
	p.editor = newEditor()
	p.top = container.NewBorder(nil, nil, p.count, nil, p.filter)
	top := p.top
	split := container.NewVSplit(p.list, p.editor.object())
	split.Offset = 0.55
	p.box = container.NewBorder(top, nil, nil, nil, split)
	return p
}

func (p *panel) object() fyne.CanvasObject { return p.box }

// setTags refreshes the filter and the editor's tag choices.
func (p *panel) setTags(tags []model.Tag) {
	clear(p.tags)
	opts := []string{allTags}
	for _, t := range tags {
		p.tags[t.ID] = t
		opts = append(opts, t.Name)
	}
	p.filter.Options = opts
	p.filter.Refresh()
	p.editor.setTags(tags)
}

// set shows a clipping's annotations.
func (p *panel) set(as []model.Annotation) {
	p.all = as
	p.apply()
}

// apply filters by the chosen tag.
func (p *panel) apply() {
	p.shown = p.shown[:0]
	for _, a := range p.all {
		t := p.tags[a.TagID]
		if p.filter.Selected == "" || p.filter.Selected == allTags || t.Name == p.filter.Selected {
			p.shown = append(p.shown, a)
		}
	}
	switch len(p.all) {
	case 0:
		p.count.SetText("No annotations")
	case 1:
		p.count.SetText("1 annotation")
	default:
		p.count.SetText(fmtNum(float64(len(p.all))) + " annotations")
	}
	p.top.Refresh()
	p.list.Refresh()
	p.selectID(p.sel)
}

// selectID marks the annotation in the list and loads it into the editor.
func (p *panel) selectID(id string) {
	p.sel = id
	var sel *model.Annotation
	for i := range p.all {
		if p.all[i].ID == id {
			sel = &p.all[i]
		}
	}
	p.editor.load(sel)
	for i, a := range p.shown {
		if a.ID == id {
			p.list.Select(i)
			p.list.ScrollTo(i)
			return
		}
	}
	p.list.UnselectAll()
}

// flush saves edits typed in the editor but not yet saved.
func (p *panel) flush() { p.editor.save() }

// focusFirst focuses the editor's first attribute field.
func (p *panel) focusFirst() { p.editor.focusFirst() }

// quoteMarks open or close a quotation in the languages Clipper reads.
const quoteMarks = "\"'“”„‟‘’‚‛«»‹›「」『』"

// quoted puts s in quotation marks unless it starts or ends with one already
// (a tagged quote usually does).
func quoted(s string) string {
	t := strings.TrimSpace(s)
	if t == "" {
		return s
	}
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(t, ".,;:!?…"))
	if strings.ContainsRune(quoteMarks, first) || strings.ContainsRune(quoteMarks, last) {
		return s
	}
	return "“" + s + "”"
}

// oneLine shortens text to one line for list rows.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 140 {
		s = string(r[:139]) + "…"
	}
	return s
}

// annList is the list of annotations. While it has focus Delete (or
// Backspace) deletes the selected annotation, as it does in the text, and
// Escape returns to the text; the arrow keys and Space work as in any list.
type annList struct {
	widget.List
	onDelete func()
	onEscape func()
}

func newAnnList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *annList {
	l := &annList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey implements fyne.Focusable.
func (l *annList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDelete, fyne.KeyBackspace:
		if l.onDelete != nil {
			l.onDelete()
		}
	case fyne.KeyEscape:
		if l.onEscape != nil {
			l.onEscape()
		}
	default:
		l.List.TypedKey(ev)
	}
}
