package textview

import (
	"math/rand"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"clipper/model/testenv"
)

// chineseBody returns about n words of generated Chinese news-like text
// (1–3 ideographs per word, no spaces, full-width punctuation, some
// figures and quotations) in paragraphs of about 80 words: the same shape
// as benchBody, for the scripts the bundled font lacks.
func chineseBody(n int, seed int64) string {
	rng := rand.New(rand.NewSource(seed))
	vocab := make([]string, 20_000)
	for i := range vocab {
		var w strings.Builder
		for range 1 + rng.Intn(3) {
			w.WriteRune(rune(0x4E00 + rng.Intn(0x1400))) // the most common block
		}
		vocab[i] = w.String()
	}
	zipf := rand.NewZipf(rng, 1.1, 1, uint64(len(vocab)-1))
	var b strings.Builder
	for i := range n {
		if i > 0 && i%80 == 0 {
			b.WriteString("。\n\n")
		}
		switch k := rng.Intn(40); {
		case k == 0:
			b.WriteString("“" + vocab[zipf.Uint64()] + vocab[zipf.Uint64()] + "”")
		case k == 1:
			b.WriteString("2024年")
		case k < 6:
			b.WriteString(vocab[zipf.Uint64()] + "，")
		case k == 6:
			b.WriteString(vocab[zipf.Uint64()] + "。")
		default:
			b.WriteString(vocab[zipf.Uint64()])
		}
	}
	b.WriteString("。")
	return b.String()
}

// arabicBody returns n words of generated Arabic news-like text with Arabic
// punctuation and some Western and Arabic-Indic figures and Latin names.
func arabicBody(n int, seed int64) string {
	rng := rand.New(rand.NewSource(seed))
	syl := strings.Fields("ال كت اب مد ين ة سف ين ر سو م وق ود مج لس ال شر كة عا م يو م قا ل")
	vocab := make([]string, 40_000)
	for i := range vocab {
		var w strings.Builder
		for range 1 + rng.Intn(3) {
			w.WriteString(syl[rng.Intn(len(syl))])
		}
		vocab[i] = w.String()
	}
	zipf := rand.NewZipf(rng, 1.1, 1, uint64(len(vocab)-1))
	punct := []string{"", "", "", "", "", "", "", "،", ".", "؟"}
	var b strings.Builder
	for i := range n {
		if i > 0 {
			if i%80 == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		switch rng.Intn(60) {
		case 0:
			b.WriteString("12%")
		case 1:
			b.WriteString("٢٠٢٤")
		case 2:
			b.WriteString("CNN")
		default:
			b.WriteString(vocab[zipf.Uint64()])
		}
		b.WriteString(punct[rng.Intn(len(punct))])
	}
	return b.String()
}

// scriptBodies are the 100,000-word bodies of the layout-speed target.
func scriptBodies() []struct{ name, body string } {
	return []struct{ name, body string }{
		{"english", benchBody(100_000, 1)},
		{"chinese", chineseBody(100_000, 1)},
		{"arabic", arabicBody(100_000, 1)},
	}
}

// BenchmarkSetText100kWords shows a 100,000-word body in a new 800×600 view
// (measuring every distinct word, wrapping, building the visible lines):
// the time to open the longest clipping, per script.
func BenchmarkSetText100kWords(b *testing.B) {
	test.NewTempApp(b)
	for _, sc := range scriptBodies() {
		b.Run(sc.name, func(b *testing.B) {
			b.ReportAllocs()
			defer reportCPU(b, testenv.CPUTime())
			for b.Loop() {
				v := New()
				w := test.NewWindow(v)
				w.Resize(fyne.NewSize(800, 600))
				v.SetText(sc.body)
				if v.lay.NumLines() < 1000 {
					b.Fatalf("%d lines: not laid out", v.lay.NumLines())
				}
				w.Close()
			}
		})
	}
}

// BenchmarkRewrap100kWords re-wraps a 100,000-word body at widths the
// layout has not cached, as a window resize does.
func BenchmarkRewrap100kWords(b *testing.B) {
	test.NewTempApp(b)
	for _, sc := range scriptBodies() {
		b.Run(sc.name, func(b *testing.B) {
			v := New()
			w := test.NewWindow(v)
			defer w.Close()
			w.Resize(fyne.NewSize(800, 600))
			v.SetText(sc.body)
			widths := []float32{640, 700, 760, 820, 880, 940} // more than the layout caches
			b.ReportAllocs()
			defer reportCPU(b, testenv.CPUTime())
			for i := 0; b.Loop(); i++ {
				v.lay.Wrap(v.wrapWidth(widths[i%len(widths)]))
			}
		})
	}
}

// BenchmarkScrollScripts scrolls a 20,000-word body by three lines per
// event, as BenchmarkScroll does, per script: lines coming into view are
// shaped and drawn.
func BenchmarkScrollScripts(b *testing.B) {
	test.NewTempApp(b)
	for _, sc := range []struct{ name, body string }{
		{"english", benchBody(20_000, 1)},
		{"chinese", chineseBody(20_000, 1)},
		{"arabic", arabicBody(20_000, 1)},
	} {
		b.Run(sc.name, func(b *testing.B) {
			v := New()
			w := test.NewWindow(v)
			defer w.Close()
			w.Resize(fyne.NewSize(800, 600))
			v.SetText(sc.body)
			step := -3 * v.lay.LineHeight()
			end := v.page.MinSize().Height - v.scroll.Size().Height
			b.ReportAllocs()
			defer reportCPU(b, testenv.CPUTime())
			for b.Loop() {
				if v.scroll.Offset.Y >= end {
					v.scroll.ScrollToTop()
					v.page.scrolled()
				}
				v.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, step)})
			}
		})
	}
}
