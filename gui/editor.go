package gui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"clipper/model"
)

// editor edits the selected annotation's tag and attributes, showing the
// fields its tag's kind uses: quote → speaker; figure → value (or low–high),
// unit, comparator; claim → claimant, status; every kind → note. Enter in a
// field or Save stores the change; moving to another annotation saves too.
// It reports through its callbacks.
type editor struct {
	onSave   func(model.Annotation) // stores an edited annotation
	onDelete func()                 // deletes the annotation being edited
	onDone   func()                 // returns to the text (after Enter or Save)
	onError  func(error)            // a field cannot be read
	focus    func(fyne.Focusable)   // moves the keyboard focus

	id         string           // annotation being edited, "" when none
	orig       model.Annotation // as loaded
	tags       []model.Tag
	title      *bidiLabel
	tag        *widget.Select
	speaker    *widget.Entry
	claimant   *widget.Entry
	status     *widget.Select
	value      *widget.Entry
	low, high  *widget.Entry
	unit       *widget.Entry
	comparator *widget.Select
	note       *widget.Entry
	form       *widget.Form
	formBox    *fyne.Container // holds form; replaced whole when the fields change
	items      map[string]*widget.FormItem
	del        *widget.Button
	saveBtn    *widget.Button
	buttons    *fyne.Container // Save and Delete, shown while an annotation is loaded
	box        fyne.CanvasObject
	loading    bool
	typed      map[fyne.Focusable]bool // fields typed in since the annotation was loaded
}

// comparatorLabels names model.Comparators in the editor.
var comparatorLabels = map[string]string{
	"": "exactly", "~": "about (~)", ">": "more than (>)", "<": "less than (<)",
	">=": "at least (≥)", "<=": "at most (≤)", "range": "range (low–high)",
}

func newEditor() *editor {
	e := &editor{items: map[string]*widget.FormItem{}, typed: map[fyne.Focusable]bool{}}
	e.title = newBidiLabel("Select an annotation to edit it")
	e.title.Wrapping = fyne.TextWrapWord
	e.title.TextStyle = fyne.TextStyle{Italic: true}
	e.tag = widget.NewSelect(nil, func(string) { e.changed() })
	e.speaker = e.entry()
	e.claimant = e.entry()
	var statuses []string
	for _, s := range model.Statuses {
		statuses = append(statuses, string(s))
	}
	e.status = widget.NewSelect(statuses, func(string) { e.changed() })
	e.value, e.low, e.high, e.unit = e.entry(), e.entry(), e.entry(), e.entry()
	var comps []string
	for _, c := range model.Comparators {
		comps = append(comps, comparatorLabels[c])
	}
	e.comparator = widget.NewSelect(comps, func(string) { e.changed() })
	e.note = widget.NewMultiLineEntry()
	e.note.Wrapping = fyne.TextWrapWord
	e.note.SetMinRowsVisible(3)
	e.note.OnChanged = func(string) { e.typedIn(e.note) }

	add := func(key, label string, w fyne.CanvasObject) {
		e.items[key] = widget.NewFormItem(label, w)
	}
	add("tag", "Tag", e.tag)
	add("speaker", "Speaker", e.speaker)
	add("claimant", "Claimant", e.claimant)
	add("status", "Status", e.status)
	add("comparator", "Comparator", e.comparator)
	add("value", "Value", e.value)
	add("low", "Low", e.low)
	add("high", "High", e.high)
	add("unit", "Unit", e.unit)
	add("note", "Note", e.note)
	e.form = widget.NewForm()
	e.formBox = container.NewStack(e.form)
	e.saveBtn = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), e.submit)
	e.saveBtn.Importance = widget.HighImportance
	e.del = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() { call(e.onDelete) })
	e.buttons = container.NewHBox(e.saveBtn, e.del)
	// The actions stay in view however short the pane: only the fields scroll.
	e.box = container.NewBorder(e.title, e.buttons, nil, nil, container.NewVScroll(e.formBox))
	e.load(nil)
	return e
}

func (e *editor) object() fyne.CanvasObject { return e.box }

// entry is a one-line field whose Enter saves and returns focus to the reader.
func (e *editor) entry() *widget.Entry {
	en := widget.NewEntry()
	en.OnChanged = func(string) { e.typedIn(en) }
	en.OnSubmitted = func(string) { e.submit() }
	return en
}

// submit saves and returns to the text.
func (e *editor) submit() {
	e.save()
	call(e.onDone)
}

// call calls f unless it is nil.
func call(f func()) {
	if f != nil {
		f()
	}
}

func (e *editor) setTags(tags []model.Tag) {
	e.tags = tags
	var names []string
	for _, t := range tags {
		names = append(names, t.Name)
	}
	e.tag.Options = names
	e.tag.Refresh()
}

// load shows a (or nothing when nil).
func (e *editor) load(a *model.Annotation) {
	e.loading = true
	defer func() { e.loading = false }()
	clear(e.typed)
	if a == nil {
		e.id = ""
		e.title.SetText("Select text and press a tag key, or click a highlight to edit it.")
		e.setForm(nil)
		e.buttons.Hide()
		return
	}
	e.id, e.orig = a.ID, *a
	t, _ := e.tagByID(a.TagID)
	e.title.SetText(quoted(shorten(oneLine(a.Exact), 100)))
	e.tag.SetSelected(t.Name)
	e.speaker.SetText(a.Speaker)
	e.claimant.SetText(a.Claimant)
	e.status.SetSelected(string(a.Status))
	e.value.SetText(numText(a.Value))
	e.low.SetText(numText(a.Low))
	e.high.SetText(numText(a.High))
	e.unit.SetText(a.Unit)
	e.comparator.SetSelected(comparatorLabels[a.Comparator])
	e.note.SetText(a.Note)
	e.layoutFor(t.Kind)
	e.buttons.Show()
}

// layoutFor shows the fields a kind uses.
func (e *editor) layoutFor(k model.Kind) {
	keys := []string{"tag"}
	switch k {
	case model.KindQuote:
		keys = append(keys, "speaker")
	case model.KindClaim:
		keys = append(keys, "claimant", "status")
	case model.KindFigure:
		keys = append(keys, "value", "unit", "comparator")
		if e.comparator.Selected == comparatorLabels["range"] {
			keys = append(keys, "low", "high")
		}
	}
	keys = append(keys, "note")
	items := make([]*widget.FormItem, 0, len(keys))
	for _, k := range keys {
		items = append(items, e.items[k])
	}
	e.setForm(items)
}

// setForm shows a new form with items. A widget.Form binds validation
// callbacks to its items' widgets by index, so changing the Items of a live
// form leaves a focused field calling back into a shorter list (a crash on
// the next focus change); a fresh form rebinds them.
func (e *editor) setForm(items []*widget.FormItem) {
	e.form = widget.NewForm(items...)
	e.formBox.Objects = []fyne.CanvasObject{e.form}
	e.formBox.Refresh()
}

// changed reacts to a select changing: a new tag or comparator changes the
// visible fields.
func (e *editor) changed() {
	if e.loading || e.id == "" {
		return
	}
	if t, ok := e.tagNamed(e.tag.Selected); ok {
		e.layoutFor(t.Kind)
	}
}

func (e *editor) tagNamed(name string) (model.Tag, bool) {
	for _, t := range e.tags {
		if t.Name == name {
			return t, true
		}
	}
	return model.Tag{}, false
}

func (e *editor) tagByID(id string) (model.Tag, bool) {
	for _, t := range e.tags {
		if t.ID == id {
			return t, true
		}
	}
	return model.Tag{}, false
}

// focusFirst focuses the first attribute of the shown kind.
func (e *editor) focusFirst() {
	for _, it := range e.form.Items {
		if en, ok := it.Widget.(*widget.Entry); ok && e.focus != nil {
			e.focus(en)
			return
		}
	}
}

// read builds the edited annotation from the fields.
func (e *editor) read(orig model.Annotation) (model.Annotation, error) {
	a := orig
	if t, ok := e.tagNamed(e.tag.Selected); ok {
		a.TagID = t.ID
	}
	a.Speaker = strings.TrimSpace(e.speaker.Text)
	a.Claimant = strings.TrimSpace(e.claimant.Text)
	a.Status = model.Status(e.status.Selected)
	a.Unit = strings.TrimSpace(e.unit.Text)
	a.Note = strings.TrimSpace(e.note.Text)
	a.Comparator = ""
	for c, label := range comparatorLabels {
		if label == e.comparator.Selected {
			a.Comparator = c
		}
	}
	var err error
	for _, f := range []struct {
		name string
		en   *widget.Entry
		dst  **float64
	}{{"value", e.value, &a.Value}, {"low", e.low, &a.Low}, {"high", e.high, &a.High}} {
		if *f.dst, err = parseNum(f.en.Text); err != nil {
			return orig, fmt.Errorf("%s: %w", f.name, err)
		}
	}
	return a, nil
}

// save stores the fields when they differ from what was loaded.
func (e *editor) save() {
	if e.id == "" {
		return
	}
	a, err := e.read(e.orig)
	if err != nil {
		if e.onError != nil {
			e.onError(err)
		}
		return
	}
	if sameAttributes(a, e.orig) || e.onSave == nil {
		return
	}
	e.onSave(a)
}

// typedIn notes typing in a field (not the editor filling it in).
func (e *editor) typedIn(f fyne.Focusable) {
	if !e.loading {
		e.typed[f] = true
	}
}

// unchanged reports whether o is one of the editor's fields that has not
// been typed in since the annotation was loaded, so it has no typing to undo.
func (e *editor) unchanged(o fyne.Focusable) bool {
	for _, en := range []*widget.Entry{e.speaker, e.claimant, e.value, e.low, e.high, e.unit, e.note} {
		if fyne.Focusable(en) == o {
			return !e.typed[o]
		}
	}
	return false
}

func sameAttributes(a, b model.Annotation) bool {
	eq := func(x, y *float64) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	return a.TagID == b.TagID && a.Speaker == b.Speaker && a.Claimant == b.Claimant && a.Status == b.Status &&
		a.Unit == b.Unit && a.Comparator == b.Comparator && a.Note == b.Note &&
		eq(a.Value, b.Value) && eq(a.Low, b.Low) && eq(a.High, b.High)
}

func numText(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

// parseNum reads a number typed by a researcher: "", "14000", "14,000", "2.5".
func parseNum(s string) (*float64, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	if s == "" {
		return nil, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil, fmt.Errorf("%q is not a number", s)
	}
	return &f, nil
}
