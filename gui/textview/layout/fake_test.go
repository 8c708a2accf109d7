package layout

import (
	"github.com/rivo/uniseg"
)

// fake is a fixed-width Measurer: a space is 4 wide, every other grapheme
// cluster 10, and a line 20 high. It counts its calls.
type fake struct{ calls int }

func (f *fake) Advance(s string) float32 {
	f.calls++
	w := float32(0)
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		if g.Str() == " " {
			w += 4
		} else {
			w += 10
		}
	}
	return w
}

func (f *fake) LineHeight() float32 { return 20 }

// batchFake is a fake that also measures in bulk.
type batchFake struct {
	fake
	batches int
}

func (b *batchFake) Advances(strs []string, out []float32) {
	b.batches++
	for i, s := range strs {
		out[i] = b.Advance(s)
	}
}

func mustNew(tb interface {
	Helper()
	Fatalf(string, ...any)
}, text string, m Measurer, gap float32) *Layout {
	tb.Helper()
	l, err := New(text, m, gap)
	if err != nil {
		tb.Fatalf("New(%q): %v", text, err)
	}
	return l
}
