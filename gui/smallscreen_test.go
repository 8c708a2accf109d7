package gui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// menuBar is the height the desktop driver's menu bar takes from a real
// window above the content (the test window has none).
const menuBar = 30

// visibleIn reports whether o is showing and lies inside the window's
// content, top to bottom.
func visibleIn(u *UI, o fyne.CanvasObject) bool {
	if !o.Visible() {
		return false
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	return pos.Y >= 0 && pos.Y+o.Size().Height <= u.win.Canvas().Size().Height+0.5
}

// TestTextGetsRoomOnLaptopScreens lays the window out at common laptop
// sizes, for a new user (tag hint showing) and after tagging, with and
// without the find bar's hits, and measures the text view's height against
// the whole window's: at least 60% at 1280×720 and 50% at 1024×640. The
// editor's Save and Delete stay visible without scrolling.
func TestTextGetsRoomOnLaptopScreens(t *testing.T) {
	tests := []struct {
		name      string
		w, h      float32
		find      bool    // the find bar open, its hits listed above the text
		share     float32 // least share of the window's height the text gets
		collapsed int     // the header is one line: 1, full: 0, either: -1
	}{
		{"1024×640", 1024, 640, false, 0.50, 1},
		{"1280×720", 1280, 720, false, 0.60, -1},
		{"1280×800", 1280, 800, false, 0.60, -1},
		{"1920×1080", 1920, 1080, false, 0.60, 0},
		{"1280×800 with find hits", 1280, 800, true, 0.40, 1},
		{"1024×640 with find hits", 1024, 640, true, 0.30, 1},
	}
	for _, tc := range tests {
		for _, tagged := range []bool{false, true} {
			name := tc.name
			if tagged {
				name += ", after tagging"
			}
			t.Run(name, func(t *testing.T) {
				u, _ := newTestUI(t)
				if tagged {
					selectInReader(t, u, "About 14,000 homes")
					typeRune(u, '3')
					if !u.reader.hint.Hidden && u.reader.hintOn {
						t.Error("the tag hint still shows after tagging")
					}
				} else if !u.reader.hintOn {
					t.Error("a new user sees no tag hint")
				}
				u.win.Resize(fyne.NewSize(tc.w, tc.h-menuBar))
				if tc.find {
					u.finder.open()
					typeText(&u.finder.entry.Entry, "water")
					<-u.finder.done
					if !u.finder.results.Visible() {
						t.Fatal("no hits listed")
					}
				}
				got := u.reader.view.Size().Height
				if got < tc.share*tc.h {
					t.Errorf("text view %.0f px high = %.0f%% of %.0f, want ≥ %.0f%%", got, 100*got/tc.h, tc.h, 100*tc.share)
				}
				if tc.collapsed >= 0 && u.reader.collapsed != (tc.collapsed == 1) {
					t.Errorf("header collapsed = %v, want %v", u.reader.collapsed, tc.collapsed == 1)
				}
				if u.reader.capRow.Size().Height > 50 {
					t.Errorf("captions take %.0f px, want one line", u.reader.capRow.Size().Height)
				}
				// The editor's actions, with the longest form (a figure).
				selectInReader(t, u, "320 businesses")
				typeRune(u, '3')
				for _, b := range []fyne.CanvasObject{u.panel.editor.saveBtn, u.panel.editor.del} {
					if !visibleIn(u, b) {
						t.Errorf("editor button at %v (size %v) is not inside the window", fyne.CurrentApp().Driver().AbsolutePositionForObject(b), b.Size())
					}
				}
			})
		}
	}
}

// TestHeaderToggleAndCaptions collapses and expands the header on demand
// and opens the folded captions.
func TestHeaderToggleAndCaptions(t *testing.T) {
	u, _ := newTestUI(t)
	r := u.reader
	if r.collapsed {
		t.Fatal("header collapsed at 1280×800")
	}
	full := r.view.Size().Height
	r.toggle.OnTapped()
	if !r.collapsed || !r.line.Visible() || r.headline.Visible() {
		t.Fatalf("toggle did not collapse the header: collapsed %v, line %v, headline %v", r.collapsed, r.line.Visible(), r.headline.Visible())
	}
	if r.view.Size().Height <= full {
		t.Errorf("collapsing gave the text no room: %v → %v", full, r.view.Size().Height)
	}
	u.win.Resize(fyne.NewSize(1280, 1000))
	if !r.collapsed {
		t.Error("a collapsed header expanded by itself on a tall window")
	}
	r.toggle.OnTapped()
	u.win.Resize(fyne.NewSize(1024, 600))
	if r.collapsed {
		t.Error("an expanded header collapsed by itself")
	}

	oneLine := r.capRow.Size().Height
	if !r.capLine.Visible() || r.capFull.Visible() || r.capLine.Text == "" {
		t.Fatalf("captions not folded: line %q", r.capLine.Text)
	}
	r.capToggle.OnTapped()
	if !r.capFull.Visible() || r.capRow.Size().Height <= oneLine {
		t.Errorf("opened captions are %v high (folded %v)", r.capRow.Size().Height, oneLine)
	}
}

// TestTextSizeKeepsThePlace scrolls the reader into the clipping, then makes
// the text larger and smaller from the View menu and resizes the window:
// the first visible character stays at the top.
func TestTextSizeKeepsThePlace(t *testing.T) {
	u, _ := newTestUI(t)
	u.win.Resize(fyne.NewSize(1024, 600))
	v := u.reader.view
	start, _ := span(t, u.clip.Body, "Critics say the switch")
	v.ScrollToOffset(start)
	pos, _ := v.PositionOf(start)
	first := func() (int, int) {
		// The caret offset nearest the view's top-left corner.
		for off := 0; off < len([]rune(u.clip.Body)); off++ {
			if p, _ := v.PositionOf(off); p.Y > 0 {
				return off, int(p.Y)
			}
		}
		return -1, 0
	}
	want, _ := first()
	if pos.Y < 0 || want < 0 {
		t.Fatalf("scrolled to %v, first visible %d", pos, want)
	}
	steps := []struct {
		name string
		do   func()
	}{
		{"Larger text", func() { menuAction(t, u, "View", "Larger text") }},
		{"Larger text again", func() { menuAction(t, u, "View", "Larger text") }},
		{"Smaller text", func() { menuAction(t, u, "View", "Smaller text") }},
		{"narrower window", func() { u.win.Resize(fyne.NewSize(900, 600)) }},
		{"Default text size", func() { menuAction(t, u, "View", "Default text size") }},
	}
	runes := []rune(u.clip.Body)
	for _, s := range steps {
		s.do()
		got, _ := first()
		// The first visible line must still hold the character that was first.
		if got > want || want-got > 120 {
			t.Errorf("after %s the text starts at %d (%q…), want the line holding %d (%q…)",
				s.name, got, string(runes[got:min(got+25, len(runes))]), want, string(runes[want:want+25]))
		}
	}
}
