package textview

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// topLine returns the first line at least partly inside the viewport.
func topLine(v *View) int {
	_, my := v.margins()
	y := v.scroll.Offset.Y - my
	i := v.lay.LineAt(y)
	if v.lay.Line(i).Y+v.lay.LineHeight() <= y {
		i++
	}
	return i
}

// firstVisible returns the first character of the top line.
func firstVisible(v *View) int { return v.lay.Line(topLine(v)).Start }

// TestResizeAndTextSizeKeepTheFirstVisibleCharacter scrolls into a long
// body, then resizes the window and changes the text size: the character
// at the top of the viewport stays there (within its line).
func TestResizeAndTextSizeKeepTheFirstVisibleCharacter(t *testing.T) {
	var b strings.Builder
	for i := range 80 {
		fmt.Fprintf(&b, "Paragraph %d opens here, and it goes on with enough words to wrap over several lines at most widths. ", i)
		b.WriteString(strings.Repeat("More words follow in the same paragraph. ", 3) + "\n\n")
	}
	body := strings.TrimSpace(b.String())
	steps := []struct {
		name   string
		change func(v *View, w fyne.Window)
	}{
		{"narrower window", func(_ *View, w fyne.Window) { w.Resize(fyne.NewSize(380, 400)) }},
		{"wider window", func(_ *View, w fyne.Window) { w.Resize(fyne.NewSize(900, 400)) }},
		{"shorter window", func(_ *View, w fyne.Window) { w.Resize(fyne.NewSize(900, 250)) }},
		{"larger text", func(v *View, _ fyne.Window) { v.SetTextSize(24) }},
		{"smaller text", func(v *View, _ fyne.Window) { v.SetTextSize(11) }},
		{"theme text size", func(v *View, _ fyne.Window) { v.SetTextSize(0) }},
	}
	v, w := newTestView(t, body, 600, 400)
	target, _ := runeSpan(t, body, "Paragraph 40 opens")
	target += 3 // inside the line, not at its start
	v.ScrollToOffset(target)
	// Put the target's line at the top, as a reader scrolling there would.
	_, my := v.margins()
	v.scrollTo(v.lay.Line(v.lay.LineOf(target)).Y + my)
	want := firstVisible(v)
	for _, st := range steps {
		st.change(v, w)
		got := firstVisible(v)
		end := v.lay.Line(topLine(v)).End
		if want < got || want >= end {
			t.Errorf("after %s the top line is [%d, %d), want it to hold %d (%q…)",
				st.name, got, end, want, string([]rune(body)[want:want+20]))
		}
	}
	// A user scroll moves the anchor: the next resize keeps the new place.
	v.scrollTo(v.scroll.Offset.Y + 10*v.lay.LineHeight())
	want = firstVisible(v)
	w.Resize(fyne.NewSize(500, 400))
	if got, end := firstVisible(v), v.lay.Line(topLine(v)).End; want < got || want >= end {
		t.Errorf("after scrolling and resizing the top line is [%d, %d), want it to hold %d", got, end, want)
	}
	// A new text starts at the top.
	v.SetText(body)
	w.Resize(fyne.NewSize(450, 400))
	if v.scroll.Offset.Y != 0 {
		t.Errorf("new text scrolled to %v after a resize", v.scroll.Offset.Y)
	}
}

// TestResizeKeepsPlaceAtEveryScrollPosition repeats the resize check from
// many scroll positions: line tops, mid-line and paragraph gaps.
func TestResizeKeepsPlaceAtEveryScrollPosition(t *testing.T) {
	var b strings.Builder
	for i := range 60 {
		fmt.Fprintf(&b, "Paragraph %d has words enough to wrap over a few lines at these widths, and then some. Short.\n\n", i)
	}
	body := strings.TrimSpace(b.String())
	v, w := newTestView(t, body, 600, 300)
	widths := []float32{420, 700, 333, 600}
	for y := float32(0); y < 2500; y += 37.3 {
		w.Resize(fyne.NewSize(600, 300))
		v.scrollTo(y)
		want := firstVisible(v)
		for _, wd := range widths {
			w.Resize(fyne.NewSize(wd, 300))
			got, end := firstVisible(v), v.lay.Line(topLine(v)).End
			if want < got || want >= end {
				t.Fatalf("scrolled to %v, resized to %v: top line [%d, %d), want it to hold %d", y, wd, got, end, want)
			}
		}
	}
}
