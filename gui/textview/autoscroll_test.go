package textview

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

// TestAutoScrollRate drags onto the last visible line and past the bottom
// edge and lets a second of 60 Hz frames pass: on the edge line the view
// creeps (a selection can still end there without overshooting the
// paragraph), further out it runs, and the speed does not depend on the
// frame rate.
func TestAutoScrollRate(t *testing.T) {
	body := strings.Repeat("Filler words for a long clipping body. ", 600)
	tests := []struct {
		name       string
		below      float32 // pointer y relative to the view's bottom edge, in line heights
		fps        int
		minL, maxL float32 // lines scrolled in one second
	}{
		{"on the last visible line", -0.3, 60, 1, 4},
		{"on the last visible line, 30 Hz", -0.3, 30, 1, 4},
		{"just past the edge", 0.5, 60, 4, 12},
		{"far below", 6, 60, 30, 41},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v, _ := newTestView(t, body, 500, 300)
			clock := time.Unix(1000, 0)
			v.now = func() time.Time { return clock }
			lh := v.lay.LineHeight()
			press(v, posAt(v, 0), 0)
			to := fyne.NewPos(100, v.Size().Height+tc.below*lh)
			v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(0, to.Y)})
			start := v.scroll.Offset.Y // the test driver runs one frame as the animation starts
			for range tc.fps {
				clock = clock.Add(time.Second / time.Duration(tc.fps))
				v.autoScrollTick()
			}
			lines := (v.scroll.Offset.Y - start) / lh
			if lines < tc.minL || lines > tc.maxL {
				t.Errorf("scrolled %.1f lines in a second, want %v–%v", lines, tc.minL, tc.maxL)
			}
			v.DragEnd()
		})
	}
}

// TestMiddleOfViewDoesNotAutoScroll: dragging inside the view, off the
// edge lines, never scrolls.
func TestMiddleOfViewDoesNotAutoScroll(t *testing.T) {
	v, _ := newTestView(t, strings.Repeat("Filler words for a long clipping body. ", 300), 500, 300)
	lh := v.lay.LineHeight()
	press(v, posAt(v, 0), 0)
	to := fyne.NewPos(100, v.Size().Height-lh)
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(0, to.Y)})
	v.autoScrollTick()
	if v.scroll.Offset.Y != 0 || v.mouse.auto != nil {
		t.Fatalf("scrolled to %v with the pointer a line above the bottom edge", v.scroll.Offset.Y)
	}
	v.DragEnd()
}
