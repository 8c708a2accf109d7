package textview

import (
	"image/color"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// newTestView shows a view with body in a test window of the given size.
func newTestView(t testing.TB, body string, w, h float32) (*View, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	v := New()
	v.SetText(body)
	win := test.NewTempWindow(t, v)
	win.Resize(fyne.NewSize(w, h))
	return v, win
}

// posAt returns the view position just right of the caret at off, halfway
// down its line: inside the grapheme that starts at off.
func posAt(v *View, off int) fyne.Position {
	x, y := v.lay.OffsetToPoint(off)
	mx, my := v.margins()
	return fyne.NewPos(mx+x+1, my+y+v.lay.LineHeight()/2-v.scroll.Offset.Y)
}

func press(v *View, pos fyne.Position, mod fyne.KeyModifier) {
	ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}, Button: desktop.MouseButtonPrimary, Modifier: mod}
	v.MouseDown(ev)
}

func release(v *View, pos fyne.Position) {
	v.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}, Button: desktop.MouseButtonPrimary})
}

// drag presses at from, drags to to and releases, in the desktop driver's
// order (MouseUp before DragEnd).
func drag(v *View, from, to fyne.Position) {
	press(v, from, 0)
	mid := fyne.NewPos((from.X+to.X)/2, (from.Y+to.Y)/2)
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: mid}, Dragged: fyne.NewDelta(mid.X-from.X, mid.Y-from.Y)})
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-mid.X, to.Y-mid.Y)})
	release(v, to)
	v.DragEnd()
}

func runeSpan(t testing.TB, body, sub string) (int, int) { return spanOf(t, body, sub) }

func TestDragSelectsCodePointOffsets(t *testing.T) {
	body := "Ünïcödé 👩\u200d👩\u200d👧 “quoted” — naïve résumé then plain words follow here."
	tests := []struct {
		name     string
		snap     bool
		from, to string // drag from the start of from's first match to the start of to's
		fromOff  int    // extra code points into from / to
		toOff    int
		want     string
	}{
		{"snap off keeps exact graphemes", false, "naïve", "then", 2, 2, "ïve résumé th"},
		{"snap on widens to words", true, "naïve", "then", 2, 2, "naïve résumé then"},
		{"snap on backwards", true, "then", "naïve", 2, 2, "naïve résumé then"},
		{"snap on trims whitespace", true, " résumé", "plain", 0, 0, "résumé then"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v, _ := newTestView(t, body, 600, 200)
			v.SetSnapToWords(tc.snap)
			var got [][2]int
			v.OnSelectionChanged = func(s, e int) { got = append(got, [2]int{s, e}) }
			fs, _ := runeSpan(t, body, tc.from)
			ts, _ := runeSpan(t, body, tc.to)
			drag(v, posAt(v, fs+tc.fromOff), posAt(v, ts+tc.toOff))
			if s := v.SelectedText(); s != tc.want {
				t.Fatalf("selected %q, want %q", s, tc.want)
			}
			ws, we := runeSpan(t, body, tc.want)
			if s, e := v.Selection(); s != ws || e != we {
				t.Errorf("Selection() = %d,%d, want %d,%d", s, e, ws, we)
			}
			if len(got) == 0 || got[len(got)-1] != [2]int{ws, we} {
				t.Errorf("OnSelectionChanged calls %v, want last %v", got, [2]int{ws, we})
			}
		})
	}
}

func TestDoubleAndTripleClick(t *testing.T) {
	body := "First paragraph with ferry’s fares.\n\nSecond paragraph here."
	v, _ := newTestView(t, body, 600, 200)
	clock := time.Unix(1000, 0)
	v.now = func() time.Time { return clock }
	s, _ := runeSpan(t, body, "ferry’s")
	p := posAt(v, s+2)

	press(v, p, 0)
	release(v, p)
	clock = clock.Add(100 * time.Millisecond)
	press(v, p, 0)
	release(v, p)
	if got := v.SelectedText(); got != "ferry’s" {
		t.Fatalf("double-click selected %q, want %q", got, "ferry’s")
	}
	clock = clock.Add(100 * time.Millisecond)
	press(v, p, 0)
	release(v, p)
	if got := v.SelectedText(); got != "First paragraph with ferry’s fares." {
		t.Fatalf("triple-click selected %q", got)
	}

	// Too slow: two single clicks.
	clock = clock.Add(5 * time.Second)
	press(v, p, 0)
	release(v, p)
	clock = clock.Add(time.Second)
	press(v, p, 0)
	release(v, p)
	if a, b := v.Selection(); a != b {
		t.Fatalf("slow clicks selected %d-%d", a, b)
	}

	// Double-click then drag extends by words.
	clock = clock.Add(5 * time.Second)
	press(v, p, 0)
	release(v, p)
	clock = clock.Add(50 * time.Millisecond)
	press(v, p, 0)
	fs, _ := runeSpan(t, body, "fares")
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: posAt(v, fs+1)}})
	release(v, posAt(v, fs+1))
	v.DragEnd()
	if got := v.SelectedText(); got != "ferry’s fares" {
		t.Fatalf("double-click drag selected %q", got)
	}
}

func TestShiftClickExtends(t *testing.T) {
	body := "alpha beta gamma delta"
	v, _ := newTestView(t, body, 600, 200)
	a, _ := runeSpan(t, body, "beta")
	b, _ := runeSpan(t, body, "delta")
	press(v, posAt(v, a), 0)
	release(v, posAt(v, a))
	press(v, posAt(v, b), fyne.KeyModifierShift)
	release(v, posAt(v, b))
	if got := v.SelectedText(); got != "beta gamma " {
		t.Errorf("shift-click selected %q", got)
	}
	// Shift held through KeyDown works the same.
	v.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	press(v, posAt(v, b+2), 0)
	release(v, posAt(v, b+2))
	v.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if got := v.SelectedText(); got != "beta gamma de" {
		t.Errorf("shift-held click selected %q", got)
	}
}

func TestKeyboardSelection(t *testing.T) {
	body := "ab 👩\u200d👩\u200d👧 e\u0301z next words\nsecond line"
	v, _ := newTestView(t, body, 600, 200)
	shift := &fyne.KeyEvent{Name: desktop.KeyShiftLeft}
	key := func(n fyne.KeyName) { v.TypedKey(&fyne.KeyEvent{Name: n}) }

	v.Select(3, 3)
	v.KeyDown(shift)
	key(fyne.KeyRight) // over the whole ZWJ family
	if got := v.SelectedText(); got != "👩\u200d👩\u200d👧" {
		t.Fatalf("shift+Right selected %q", got)
	}
	key(fyne.KeyRight)
	key(fyne.KeyRight) // e + combining acute is one grapheme
	if got := v.SelectedText(); got != "👩\u200d👩\u200d👧 e\u0301" {
		t.Fatalf("shift+Right×3 selected %q", got)
	}
	key(fyne.KeyLeft)
	if got := v.SelectedText(); got != "👩\u200d👩\u200d👧 " {
		t.Fatalf("shift+Left selected %q", got)
	}
	v.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierShift | fyne.KeyModifierControl})
	if got := v.SelectedText(); got != "👩\u200d👩\u200d👧 e\u0301z" {
		t.Fatalf("shift+ctrl+Right selected %q", got)
	}
	v.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierShift | fyne.KeyModifierAlt})
	if got := v.SelectedText(); got != "👩\u200d👩\u200d👧 e\u0301z next" {
		t.Fatalf("shift+alt+Right selected %q", got)
	}
	nl, _ := runeSpan(t, body, "\n")
	key(fyne.KeyDown)
	if s, e := v.Selection(); s != 3 || e <= nl {
		t.Fatalf("shift+Down selection %d-%d", s, e)
	}
	v.KeyUp(shift)
	key(fyne.KeyLeft) // collapses to the start
	if s, e := v.Selection(); s != 3 || e != 3 {
		t.Fatalf("Left after selection: %d-%d, want 3-3", s, e)
	}
	key(fyne.KeyEnd)
	if s, _ := v.Selection(); s != nl {
		t.Fatalf("End moved to %d", s)
	}
}

func TestSelectAllAndCopy(t *testing.T) {
	body := "Ferry fares rise.\n\n“We held prices,” said Holt."
	v, _ := newTestView(t, body, 600, 200)
	v.TypedShortcut(&fyne.ShortcutSelectAll{})
	if s, e := v.Selection(); s != 0 || e != len([]rune(body)) {
		t.Fatalf("select all: %d-%d", s, e)
	}
	v.TypedShortcut(&fyne.ShortcutCopy{})
	if got := fyne.CurrentApp().Clipboard().Content(); got != body {
		t.Fatalf("clipboard %q, want %q", got, body)
	}
	s, e := runeSpan(t, body, "We held")
	v.Select(s, e)
	v.TypedShortcut(&fyne.ShortcutCopy{})
	if got := fyne.CurrentApp().Clipboard().Content(); got != "We held" {
		t.Fatalf("clipboard %q", got)
	}
}

func overlapping(t testing.TB, body string) []Highlight {
	outer := func(sub string) (int, int) { return runeSpan(t, body, sub) }
	cs, ce := outer("island ferry operator will raise fares")
	qs, qe := outer("operator will raise")
	fs, fe := outer("raise fares by 12% on April")
	return []Highlight{
		{ID: "claim", Start: cs, End: ce, Color: claimColor, Label: "claim"},
		{ID: "quote", Start: qs, End: qe, Color: quoteColor, Label: "quote · speaker: Holt"},
		{ID: "figure", Start: fs, End: fe, Color: figureColor, Label: "figure"},
	}
}

const overlapBody = "The island ferry operator will raise fares by 12% on April 1, it said."

func TestClickHighlightReportsInnermost(t *testing.T) {
	v, _ := newTestView(t, overlapBody, 700, 200)
	v.SetHighlights(overlapping(t, overlapBody))
	var tapped []string
	v.OnHighlightTapped = func(id string) { tapped = append(tapped, id) }
	click := func(sub string, k int) {
		s, _ := runeSpan(t, overlapBody, sub)
		p := posAt(v, s+k)
		press(v, p, 0)
		release(v, p)
		v.now = func() time.Time { return time.Now().Add(time.Hour) } // no double-clicks
	}
	click("island", 1)   // claim only
	click("operator", 2) // claim ⊃ quote
	click("raise", 1)    // claim, quote, figure: quote is shortest
	click("fares", 1)    // claim, figure: figure is shorter
	click("said", 1)     // none
	click("12%", 1)      // figure only
	want := []string{"claim", "quote", "quote", "figure", "figure"}
	if !slices.Equal(tapped, want) {
		t.Fatalf("tapped %v, want %v", tapped, want)
	}
	// A drag over a highlight is a selection, not a tap.
	tapped = nil
	s, _ := runeSpan(t, overlapBody, "island")
	drag(v, posAt(v, s), posAt(v, s+4))
	if len(tapped) != 0 {
		t.Fatalf("drag tapped %v", tapped)
	}
}

func TestContextMenu(t *testing.T) {
	v, w := newTestView(t, overlapBody, 700, 200)
	v.SetHighlights(overlapping(t, overlapBody))
	s, e := runeSpan(t, overlapBody, "12% on April")
	v.Select(s, e)
	type call struct {
		id   string
		s, e int
	}
	var calls []call
	v.ContextMenu = func(id string, s, e int) *fyne.Menu {
		calls = append(calls, call{id, s, e})
		return fyne.NewMenu("", fyne.NewMenuItem("Tag as claim", func() {}), fyne.NewMenuItem("Remove", func() {}))
	}
	q, _ := runeSpan(t, overlapBody, "will")
	p := posAt(v, q+1)
	v.TappedSecondary(&fyne.PointEvent{Position: p, AbsolutePosition: p})
	if len(calls) != 1 || calls[0] != (call{"quote", s, e}) {
		t.Fatalf("ContextMenu calls %v, want [{quote %d %d}]", calls, s, e)
	}
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no pop-up menu shown")
	}
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	// Over plain text: no hit.
	a, _ := runeSpan(t, overlapBody, "said")
	p = posAt(v, a+1)
	v.TappedSecondary(&fyne.PointEvent{Position: p, AbsolutePosition: p})
	if len(calls) != 2 || calls[1].id != "" {
		t.Fatalf("ContextMenu calls %v, want a second call with no hit", calls)
	}
}

func TestForwardedInput(t *testing.T) {
	v, _ := newTestView(t, "some text", 400, 200)
	var keys []fyne.KeyName
	var runes []rune
	var shortcuts []string
	v.OnTypedKey = func(ev *fyne.KeyEvent) bool { keys = append(keys, ev.Name); return true }
	v.OnTypedRune = func(r rune) bool { runes = append(runes, r); return true }
	v.OnTypedShortcut = func(s fyne.Shortcut) bool { shortcuts = append(shortcuts, s.ShortcutName()); return true }
	for _, k := range []fyne.KeyName{fyne.KeyDelete, fyne.KeyN, fyne.KeyRight, fyne.KeyEscape, fyne.KeyP} {
		v.TypedKey(&fyne.KeyEvent{Name: k})
	}
	for _, r := range "12N" {
		v.TypedRune(r)
	}
	v.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt})
	v.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierControl}) // handled: word move
	v.TypedShortcut(&fyne.ShortcutPaste{})
	if want := []fyne.KeyName{fyne.KeyDelete, fyne.KeyN, fyne.KeyEscape, fyne.KeyP}; !slices.Equal(keys, want) {
		t.Errorf("forwarded keys %v, want %v", keys, want)
	}
	if string(runes) != "12N" {
		t.Errorf("forwarded runes %q", string(runes))
	}
	alt := (&desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt}).ShortcutName()
	if want := []string{alt, "Paste"}; !slices.Equal(shortcuts, want) {
		t.Errorf("forwarded shortcuts %v, want %v", shortcuts, want)
	}
	// Unclaimed shortcuts reach the canvas's shortcuts.
	fired := false
	alt2 := &desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt}
	fyne.CurrentApp().Driver().CanvasForObject(v).AddShortcut(alt2, func(fyne.Shortcut) { fired = true })
	v.OnTypedShortcut = func(fyne.Shortcut) bool { return false }
	v.TypedShortcut(alt2)
	if !fired {
		t.Error("unclaimed shortcut did not reach the canvas")
	}
}

func TestHoverShowsLabels(t *testing.T) {
	v, _ := newTestView(t, overlapBody, 700, 200)
	v.SetHighlights(overlapping(t, overlapBody))
	s, _ := runeSpan(t, overlapBody, "raise")
	v.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: posAt(v, s+1)}})
	want := []string{"quote · speaker: Holt", "figure", "claim"}
	if got := v.tip.labels(); !slices.Equal(got, want) {
		t.Fatalf("tooltip %q, want %q", got, want)
	}
	if !v.tip.bg.Visible() || v.tip.bg.Position().X+v.tip.bg.Size().Width > v.Size().Width {
		t.Fatalf("tooltip not shown inside the view: %v %v", v.tip.bg.Position(), v.tip.bg.Size())
	}
	a, _ := runeSpan(t, overlapBody, "said")
	v.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: posAt(v, a+1)}})
	if got := v.tip.labels(); len(got) != 0 || v.tip.bg.Visible() {
		t.Fatalf("tooltip over plain text: %q", got)
	}
	v.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: posAt(v, s+1)}})
	v.MouseOut()
	if v.tip.bg.Visible() {
		t.Fatal("tooltip still shown after MouseOut")
	}
}

// visibleRects returns the page's visible rectangles of fill colour c.
func visibleRects(v *View, c color.NRGBA) []*canvas.Rectangle {
	var out []*canvas.Rectangle
	for _, o := range v.page.r.Objects() {
		if r, ok := o.(*canvas.Rectangle); ok && r.Visible() && r.FillColor == c {
			out = append(out, r)
		}
	}
	return out
}

func TestOverlappingHighlightsRender(t *testing.T) {
	v, _ := newTestView(t, overlapBody, 700, 200)
	hs := overlapping(t, overlapBody)
	v.SetHighlights(hs)
	lh := v.lay.LineHeight()
	mx, my := v.margins()
	xOf := func(off int) float32 { x, _ := v.lay.OffsetToPoint(off); return mx + x }

	// Fills: each stretch takes its innermost highlight's colour.
	fills := map[string]color.NRGBA{}
	for _, h := range hs {
		fills[h.ID] = withAlpha(h.Color, fillAlpha)
	}
	// cover reports whether fills of colour c lie under every character
	// of [from, to).
	cover := func(c color.NRGBA, from, to int) bool {
		rects := visibleRects(v, c)
		for off := from; off < to; off++ {
			mid := (xOf(off) + xOf(off+1)) / 2
			if !slices.ContainsFunc(rects, func(r *canvas.Rectangle) bool {
				return r.Size().Height == lh && r.Position().X <= mid && mid < r.Position().X+r.Size().Width
			}) {
				return false
			}
		}
		return true
	}
	is, _ := runeSpan(t, overlapBody, "island")
	os, oe := runeSpan(t, overlapBody, "operator")
	ws, we := runeSpan(t, overlapBody, "will raise")
	fs, fe := runeSpan(t, overlapBody, "fares")
	if !cover(fills["claim"], is, is+6) || !cover(fills["quote"], os, oe) || !cover(fills["quote"], ws, we) ||
		!cover(fills["figure"], fs, fe) {
		t.Fatal("fills do not follow the innermost highlight")
	}
	for _, off := range []int{os, oe - 1, fs} {
		if cover(fills["claim"], off, off+1) {
			t.Errorf("outer claim fill drawn at %d, inside a nested highlight", off)
		}
	}
	// Bands: where highlights overlap, one thin band per tag, stacked.
	bandTops := map[string][]float32{}
	for _, h := range hs {
		for _, r := range visibleRects(v, withAlpha(h.Color, bandAlpha)) {
			if r.Size().Height >= lh/2 {
				t.Errorf("band of %s is %v high", h.ID, r.Size().Height)
			}
			bandTops[h.ID] = append(bandTops[h.ID], r.Position().Y)
		}
	}
	for _, id := range []string{"claim", "quote", "figure"} {
		if len(bandTops[id]) == 0 {
			t.Fatalf("no band for %s; bands %v", id, bandTops)
		}
	}
	if bandTops["claim"][0] == bandTops["quote"][0] || bandTops["quote"][0] == bandTops["figure"][0] ||
		bandTops["claim"][0] == bandTops["figure"][0] {
		t.Errorf("bands of overlapping tags share a row: %v", bandTops)
	}
	lineBottom := my + lh
	for id, ys := range bandTops {
		for _, y := range ys {
			if y < lineBottom-lh/3 || y >= lineBottom {
				t.Errorf("band of %s at y %v, want within the bottom of the line (%v)", id, y, lineBottom)
			}
		}
	}
	// Text is drawn after the fills, in the theme's foreground colour.
	objs := v.page.r.Objects()
	lastFill, firstText := -1, len(objs)
	for i, o := range objs {
		switch o := o.(type) {
		case *canvas.Rectangle:
			if o.Visible() && o.FillColor == fills["claim"] {
				lastFill = i
			}
		case *canvas.Text:
			if o.Visible() && i < firstText {
				firstText = i
			}
		}
	}
	if lastFill > firstText {
		t.Error("highlight fills drawn over the text")
	}
}

func TestOverlapMarkup(t *testing.T) {
	test.NewTempApp(t)
	v := New()
	v.SetText(overlapBody)
	v.SetHighlights(overlapping(t, overlapBody))
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(420, 140))
	test.AssertObjectRendersToMarkup(t, "overlap.xml", v.page)
}

func TestSuggestionIsDashedWithoutFill(t *testing.T) {
	v, _ := newTestView(t, overlapBody, 700, 200)
	s, e := runeSpan(t, overlapBody, "it said")
	v.SetHighlights([]Highlight{{ID: "s", Start: s, End: e, Color: quoteColor, Dashed: true}})
	if n := len(visibleRects(v, withAlpha(quoteColor, fillAlpha))); n != 0 {
		t.Errorf("suggestion has %d fill rects", n)
	}
	var boxes []*dashBox
	for _, d := range v.page.r.dashes {
		if d.raster.Visible() {
			boxes = append(boxes, d)
		}
	}
	if len(boxes) != 1 || !boxes[0].left || !boxes[0].right || boxes[0].col != opaque(quoteColor) {
		t.Fatalf("dashed boxes %+v", boxes)
	}
	// The outline is dashed: the top edge alternates.
	d := boxes[0]
	w := int(d.w) // at scale 1
	on, off := d.pixel(1, 0, w, 20), d.pixel(6, 0, w, 20)
	if on != color.Color(d.col) || off != color.Color(color.Transparent) {
		t.Errorf("edge pixels %v %v, want a dash then a gap", on, off)
	}
	if d.pixel(0, 2, w, 20) != color.Color(d.col) || d.pixel(w-1, 2, w, 20) != color.Color(d.col) {
		t.Error("first and only line has no side edges")
	}
	if d.pixel(w/2, 10, w, 20) != color.Color(color.Transparent) {
		t.Error("suggestion box is filled")
	}
}

func TestSelectedHighlightScrollsIntoView(t *testing.T) {
	body := strings.Repeat("Filler words for a long clipping body. ", 400) + "The target sentence is here."
	v, _ := newTestView(t, body, 500, 300)
	s, e := runeSpan(t, body, "target sentence")
	v.SetHighlights([]Highlight{{ID: "far", Start: s, End: e, Color: claimColor}})
	v.SetSelectedHighlight("far")
	if v.scroll.Offset.Y == 0 {
		t.Fatal("view did not scroll")
	}
	p := posAt(v, s)
	if p.Y < 0 || p.Y > v.Size().Height {
		t.Fatalf("highlight at y %v, outside the view", p.Y)
	}
	// The outline is drawn, in the tag colour, around it.
	found := false
	for _, o := range v.page.r.outline.items {
		if o.Visible() && o.StrokeColor == opaque(claimColor) && o.StrokeWidth > 0 {
			found = true
		}
	}
	if !found {
		t.Fatal("no outline for the selected highlight")
	}
	// And the line texts around it were built after the programmatic scroll.
	if !v.page.r.showsLine(v.lay.LineOf(s)) {
		t.Fatal("line of the selected highlight not built after scrolling")
	}
}

// showsLine reports whether a visible text object shows line i.
func (r *pageRenderer) showsLine(i int) bool {
	t, ok := r.lineText[i]
	return ok && t.Visible() && t.Text == drawable(r.p.v.lay.LineText(i))
}

func TestDragAutoScrolls(t *testing.T) {
	body := strings.Repeat("Filler words for a long clipping body. ", 300)
	v, _ := newTestView(t, body, 500, 300)
	start := posAt(v, 0)
	press(v, start, 0)
	bottom := fyne.NewPos(100, v.Size().Height+30)
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: bottom}, Dragged: fyne.NewDelta(0, 100)})
	if v.scroll.Offset.Y <= 0 {
		t.Fatal("drag past the bottom edge did not scroll")
	}
	_, e := v.Selection()
	_, y := v.lay.OffsetToPoint(e)
	_, my := v.margins()
	if y+my < v.Size().Height-v.lay.LineHeight() {
		t.Fatalf("selection end at y %v did not follow the scroll", y)
	}
	release(v, bottom)
	v.DragEnd()
	if v.mouse.auto != nil {
		t.Fatal("auto-scroll still running after DragEnd")
	}
}

func TestVirtualisation(t *testing.T) {
	words := strings.Fields("the island ferry operator will raise fares by 12% on April 1, second increase in two years, it said Monday.")
	var b strings.Builder
	for i := range 20_000 {
		if i > 0 {
			if i%80 == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(words[i%len(words)])
	}
	body := b.String()
	v, _ := newTestView(t, body, 700, 500)
	lines := v.lay.NumLines()
	if lines < 1000 {
		t.Fatalf("only %d lines", lines)
	}
	screenLines := int(v.Size().Height/v.lay.LineHeight()) + 1
	countTexts := func() int {
		n := 0
		for _, o := range v.page.r.Objects() {
			if t, ok := o.(*canvas.Text); ok && t.Visible() {
				n++
			}
		}
		return n
	}
	if n := countTexts(); n == 0 || n > 3*screenLines+2 {
		t.Fatalf("%d text objects for %d screen lines (%d in the body)", n, screenLines, lines)
	}
	if total := len(v.page.r.Objects()); total > 6*screenLines+10 {
		t.Fatalf("%d canvas objects for %d screen lines", total, screenLines)
	}
	// Scrolling by the user (OnScrolled) builds the lines now in view.
	v.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -5000)})
	mid := v.lay.LineAt(v.scroll.Offset.Y + v.Size().Height/2)
	if !v.page.r.showsLine(mid) {
		t.Fatalf("line %d in view after scrolling is not built", mid)
	}
	if n := countTexts(); n > 3*screenLines+2 {
		t.Fatalf("%d text objects after scrolling", n)
	}
	// The page is as tall as the whole body.
	if h := v.page.MinSize().Height; h < v.lay.Height() {
		t.Fatalf("page height %v < body height %v", h, v.lay.Height())
	}
}

func TestSetTextResets(t *testing.T) {
	v, _ := newTestView(t, "first body text", 400, 200)
	v.Select(2, 6)
	var last [2]int
	v.OnSelectionChanged = func(s, e int) { last = [2]int{s, e} }
	v.SetText("second")
	if s, e := v.Selection(); s != 0 || e != 0 || last != [2]int{0, 0} {
		t.Fatalf("after SetText selection %d-%d, callback %v", s, e, last)
	}
	if v.Text() != "second" || !v.page.r.showsLine(0) {
		t.Fatal("new text not shown")
	}
	v.Select(-5, 99)
	if s, e := v.Selection(); s != 0 || e != 6 {
		t.Fatalf("Select clamps to %d-%d", s, e)
	}
	v.ClearSelection()
	if s, e := v.Selection(); s != e {
		t.Fatalf("ClearSelection left %d-%d", s, e)
	}
}

func TestFocusShowsCaret(t *testing.T) {
	v, w := newTestView(t, "some text", 400, 200)
	if v.page.r.caret.Visible() {
		t.Fatal("caret shown without focus")
	}
	press(v, posAt(v, 2), 0)
	release(v, posAt(v, 2))
	if w.Canvas().Focused() != v {
		t.Fatal("click did not focus the view")
	}
	if !v.page.r.caret.Visible() {
		t.Fatal("no caret while focused")
	}
	w.Canvas().Unfocus()
	if v.page.r.caret.Visible() {
		t.Fatal("caret still shown after focus loss")
	}
}

func TestTextSizeAndTheme(t *testing.T) {
	v, _ := newTestView(t, strings.Repeat("word ", 200), 400, 300)
	h := v.lay.Height()
	v.SetTextSize(28)
	if v.lay.Height() <= h {
		t.Fatalf("bigger text did not grow the body: %v -> %v", h, v.lay.Height())
	}
	v.SetTextSize(0)
	if v.lay.Height() != h {
		t.Fatalf("theme size again: %v, want %v", v.lay.Height(), h)
	}
}

// TestDriverRouting sends events the way the desktop driver finds their
// targets (the deepest Draggable / Hoverable / Scrollable under the
// pointer): wheel scrolling reaches the scroller, while drags and hovers
// reach the page inside it, which hands them to the View in its
// coordinates, scroll offset included.
func TestDriverRouting(t *testing.T) {
	body := strings.Repeat("Filler words for a long clipping body. ", 60) +
		"The ferry operator will raise fares. " + strings.Repeat("More filler text here. ", 60)
	v, w := newTestView(t, body, 500, 300)
	v.SetSnapToWords(false)
	c := w.Canvas()
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(v)

	test.Scroll(c, origin.Add(fyne.NewPos(100, 100)), 0, -400)
	if v.scroll.Offset.Y == 0 {
		t.Fatal("wheel did not scroll")
	}
	s, e := runeSpan(t, body, "operator will")
	v.reveal(s, true)
	a, b := posAt(v, s), posAt(v, e-1)
	b.X += 3 // the right half of the last grapheme: the caret goes after it
	test.Drag(c, origin.Add(b), b.X-a.X, b.Y-a.Y)
	if got := v.SelectedText(); got != "operator will" {
		t.Fatalf("drag through the driver selected %q", got)
	}

	v.SetHighlights([]Highlight{{ID: "h", Start: s, End: e, Color: claimColor, Label: "claim"}})
	test.MoveMouse(c, origin.Add(posAt(v, s+2)))
	if got := v.tip.labels(); !slices.Equal(got, []string{"claim"}) {
		t.Fatalf("hover through the driver shows %q", got)
	}
}

func TestSelectAllDoesNotScroll(t *testing.T) {
	v, _ := newTestView(t, strings.Repeat("Filler words for a long clipping body. ", 200), 500, 300)
	v.TypedShortcut(&fyne.ShortcutSelectAll{})
	if v.scroll.Offset.Y != 0 {
		t.Fatalf("select all scrolled to %v", v.scroll.Offset.Y)
	}
	v.Select(v.lay.Len()-3, v.lay.Len())
	if v.scroll.Offset.Y == 0 {
		t.Fatal("Select did not scroll its end into view")
	}
}

func TestShiftClickOnHighlightDoesNotTap(t *testing.T) {
	v, _ := newTestView(t, overlapBody, 700, 200)
	v.SetHighlights(overlapping(t, overlapBody))
	tapped := 0
	v.OnHighlightTapped = func(string) { tapped++ }
	s, _ := runeSpan(t, overlapBody, "island")
	press(v, posAt(v, 0), 0)
	release(v, posAt(v, 0))
	v.now = func() time.Time { return time.Now().Add(time.Hour) }
	press(v, posAt(v, s+2), fyne.KeyModifierShift)
	release(v, posAt(v, s+2))
	if tapped != 0 {
		t.Fatalf("shift-click tapped %d times", tapped)
	}
	if got := v.SelectedText(); got != "The is" {
		t.Fatalf("shift-click selected %q", got)
	}
}

func TestHeavyOverlapKeepsBandsBelowText(t *testing.T) {
	v, _ := newTestView(t, overlapBody, 700, 200)
	s, _ := runeSpan(t, overlapBody, "raise")
	var hs []Highlight
	for i := range 8 {
		c := color.NRGBA{R: uint8(30 * i), G: 0x80, B: uint8(255 - 30*i), A: 0xFF}
		hs = append(hs, Highlight{ID: string(rune('a' + i)), Start: s - i, End: s + 5 + i, Color: c})
	}
	v.SetHighlights(hs)
	lh := v.lay.LineHeight()
	_, my := v.margins()
	rows := map[float32]bool{}
	for _, h := range hs {
		rects := visibleRects(v, withAlpha(h.Color, bandAlpha))
		if len(rects) == 0 {
			t.Fatalf("no band for %s", h.ID)
		}
		for _, r := range rects {
			if r.Position().Y < my+lh*0.7-0.01 || r.Size().Height < 1 {
				t.Errorf("band of %s at y %v h %v reaches into the text", h.ID, r.Position().Y, r.Size().Height)
			}
			if r.Position().X <= posAt(v, s+1).X && posAt(v, s+1).X < r.Position().X+r.Size().Width {
				rows[r.Position().Y] = true
			}
		}
	}
	if len(rows) != len(hs) {
		t.Errorf("%d band rows under the shared word, want %d", len(rows), len(hs))
	}
}

// Implementing DoubleTappable would make the driver hold every click for
// the double-tap delay; Tappable on the page would add a second click path.
func TestNoDelayedTapInterfaces(t *testing.T) {
	test.NewTempApp(t)
	v := New()
	for name, o := range map[string]any{"View": v, "page": v.page} {
		if _, ok := o.(fyne.DoubleTappable); ok {
			t.Errorf("%s implements fyne.DoubleTappable", name)
		}
		if _, ok := o.(fyne.Tappable); ok {
			t.Errorf("%s implements fyne.Tappable", name)
		}
	}
}
