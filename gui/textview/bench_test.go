package textview

import (
	"math/rand"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"clipper/model/testenv"
)

// reportCPU adds a cpu-ms/op metric: CPU time is robust to other processes
// competing for the machine, which inflate ns/op.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(testenv.CPUTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// benchBody returns n words of news-like text in paragraphs of about 80
// words: word frequencies follow Zipf's law over a generated vocabulary,
// giving about a quarter as many distinct words as words, as news does.
func benchBody(n int, seed int64) string {
	rng := rand.New(rand.NewSource(seed))
	syl := strings.Fields("ka lo mer tis an the port al den fer ry rise in spring cost fuel hol dana vote")
	vocab := make([]string, 40_000)
	for i := range vocab {
		var w strings.Builder
		for range 1 + rng.Intn(3) {
			w.WriteString(syl[rng.Intn(len(syl))])
		}
		vocab[i] = w.String()
	}
	zipf := rand.NewZipf(rng, 1.1, 1, uint64(len(vocab)-1))
	punct := []string{"", "", "", "", "", "", "", ",", ".", "’s", "”"}
	var b strings.Builder
	for i := range n {
		if i > 0 {
			if i%80 == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(vocab[zipf.Uint64()])
		b.WriteString(punct[rng.Intn(len(punct))])
	}
	return b.String()
}

func uniqueWords(body string) map[string]bool {
	u := map[string]bool{}
	for _, w := range strings.Fields(body) {
		u[w] = true
	}
	return u
}

// BenchmarkSetText20kWords shows a 20,000-word body in an 800×600 view:
// measuring, wrapping and building the visible lines. "cold" uses a new
// view (empty width cache) each time; "warm" reuses one whose cache already
// holds the words.
func BenchmarkSetText20kWords(b *testing.B) {
	test.NewTempApp(b)
	body := benchBody(20_000, 1)
	b.Run("cold", func(b *testing.B) {
		b.ReportAllocs()
		defer reportCPU(b, testenv.CPUTime())
		for b.Loop() {
			v := New()
			w := test.NewWindow(v)
			w.Resize(fyne.NewSize(800, 600))
			v.SetText(body)
			if v.lay.NumLines() < 100 {
				b.Fatal("not laid out")
			}
			w.Close()
		}
		b.ReportMetric(float64(len(uniqueWords(body))), "distinct-words")
	})
	b.Run("warm", func(b *testing.B) {
		v := New()
		w := test.NewWindow(v)
		defer w.Close()
		w.Resize(fyne.NewSize(800, 600))
		other := benchBody(20_000, 2)
		v.SetText(other)
		v.SetText(body)
		b.ReportAllocs()
		defer reportCPU(b, testenv.CPUTime())
		for i := 0; b.Loop(); i++ {
			if i%2 == 0 {
				v.SetText(other)
			} else {
				v.SetText(body)
			}
		}
	})
}

// BenchmarkScroll scrolls a 20,000-word body by three lines per event, as a
// mouse wheel does, wrapping around at the end.
func BenchmarkScroll(b *testing.B) {
	test.NewTempApp(b)
	v := New()
	w := test.NewWindow(v)
	defer w.Close()
	w.Resize(fyne.NewSize(800, 600))
	v.SetText(benchBody(20_000, 1))
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
}

// BenchmarkResize re-wraps a 20,000-word body at alternating widths.
func BenchmarkResize(b *testing.B) {
	test.NewTempApp(b)
	v := New()
	w := test.NewWindow(v)
	defer w.Close()
	w.Resize(fyne.NewSize(800, 600))
	v.SetText(benchBody(20_000, 1))
	widths := []float32{640, 700, 760, 820, 880, 940} // more than the layout caches
	b.ReportAllocs()
	defer reportCPU(b, testenv.CPUTime())
	for i := 0; b.Loop(); i++ {
		w.Resize(fyne.NewSize(widths[i%len(widths)], 600))
	}
}
