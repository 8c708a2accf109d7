package layout

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// runeWidth is a cheap Measurer for benchmarks: 7 per code point.
type runeWidth struct{}

func (runeWidth) Advance(s string) float32 { return 7 * float32(utf8.RuneCountInString(s)) }
func (runeWidth) LineHeight() float32      { return 20 }

// newsBody returns n words of news-like text in paragraphs of about 60 words.
func newsBody(n int) string {
	rng := rand.New(rand.NewSource(1))
	vocab := strings.Fields(`the island ferry operator will raise fares by 12% on April 1, second
		increase in two years, it said Monday. “We held prices for as long as we could,” said chief
		executive Dana Holt. riders’ group calls a tax on islanders fuel costs council vote spring
		harbour commission million passengers route schedule according to figures released`)
	var b strings.Builder
	for i := range n {
		if i > 0 {
			if i%60 == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(vocab[rng.Intn(len(vocab))])
	}
	return b.String()
}

func BenchmarkNew100kWords(b *testing.B) {
	body := newsBody(100_000)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(body, runeWidth{}, 8); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWrap100kWords re-wraps 100k words from cached advances (the work
// done on every window resize).
func BenchmarkWrap100kWords(b *testing.B) {
	l := mustNew(b, newsBody(100_000), runeWidth{}, 8)
	b.ReportAllocs()
	width := float32(700)
	for b.Loop() {
		l.wrap(width)
	}
	b.ReportMetric(float64(len(l.wrap(width).lines)), "lines")
}

func BenchmarkPointToOffset(b *testing.B) {
	l := mustNew(b, newsBody(100_000), runeWidth{}, 8)
	l.Wrap(700)
	rng := rand.New(rand.NewSource(3))
	pts := make([][2]float32, 1024)
	for i := range pts {
		pts[i] = [2]float32{rng.Float32() * 720, rng.Float32() * l.Height()}
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		p := pts[i%len(pts)]
		l.PointToOffset(p[0], p[1])
		i++
	}
}

func BenchmarkRectsVisible(b *testing.B) {
	l := mustNew(b, newsBody(100_000), runeWidth{}, 8)
	l.Wrap(700)
	mid := l.Height() / 2
	start := l.PointToOffset(0, mid)
	var dst []Rect
	b.ReportAllocs()
	for b.Loop() {
		dst = l.Rects(start, start+2000, mid, mid+800, dst[:0])
	}
}

// arabicBody returns n words of Arabic from the test fixture's vocabulary,
// with its figures and Latin name, in paragraphs of about 60 words: every
// line goes through the bidirectional algorithm.
func arabicBody(n int) string {
	rng := rand.New(rand.NewSource(1))
	vocab := strings.Fields(arabicNews)
	var b strings.Builder
	for i := range n {
		if i > 0 {
			if i%60 == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(vocab[rng.Intn(len(vocab))])
	}
	return b.String()
}

func BenchmarkNew100kWordsArabic(b *testing.B) {
	body := arabicBody(100_000)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(body, runeWidth{}, 8); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWrap100kWordsArabic(b *testing.B) {
	l := mustNew(b, arabicBody(100_000), runeWidth{}, 8)
	b.ReportAllocs()
	for b.Loop() {
		l.wrap(700)
	}
}

func BenchmarkPointToOffsetArabic(b *testing.B) {
	l := mustNew(b, arabicBody(100_000), runeWidth{}, 8)
	l.Wrap(700)
	rng := rand.New(rand.NewSource(3))
	pts := make([][2]float32, 1024)
	for i := range pts {
		pts[i] = [2]float32{rng.Float32() * 720, rng.Float32() * l.Height()}
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		p := pts[i%len(pts)]
		l.PointToOffset(p[0], p[1])
		i++
	}
}

// BenchmarkRemeasure100kWords measures a laid-out body again (another text
// size): New without the text analysis.
func BenchmarkRemeasure100kWords(b *testing.B) {
	l, err := New(newsBody(100_000), runeWidth{}, 8)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := l.Remeasure(runeWidth{}, 8); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScaleAndWrap100kWords derives a body at another text size from
// its widths at one size and wraps it: what a text size change costs.
func BenchmarkScaleAndWrap100kWords(b *testing.B) {
	l, err := New(newsBody(100_000), runeWidth{}, 8)
	if err != nil {
		b.Fatal(err)
	}
	l.Wrap(600)
	b.ReportAllocs()
	for b.Loop() {
		s, err := l.Scale(runeWidth{}, 1.15, 8)
		if err != nil {
			b.Fatal(err)
		}
		s.Wrap(600)
	}
}
