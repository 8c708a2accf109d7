package suggest

import (
	"context"
	"math/rand"
	"strings"
	"testing"
	"time"

	"clipper/model/testenv"
)

// reportCPU adds the CPU time (user and system) per operation since start
// as "cpu-ms/op": on a machine shared with other work the wall clock of
// ns/op says less.
func reportCPU(b *testing.B, start time.Duration) {
	b.Helper()
	if cpu := testenv.CPUTime() - start; cpu > 0 && b.N > 0 {
		b.ReportMetric(float64(cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	}
}

// evalParagraphs returns the paragraphs of the evaluation clippings.
func evalParagraphs(tb testing.TB) []string {
	tb.Helper()
	var paras []string
	for _, es := range loadEval(tb) {
		paras = append(paras, strings.Split(es.body, "\n\n")...)
	}
	return paras
}

// syntheticClipping joins random evaluation paragraphs (fixed seed) until
// the body has at least the given number of words.
func syntheticClipping(rng *rand.Rand, paras []string, words int) string {
	var b strings.Builder
	n := 0
	for n < words {
		p := paras[rng.Intn(len(paras))]
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p)
		n += len(strings.Fields(p))
	}
	return b.String()
}

// BenchmarkSuggest10kWords is one 10,000-word clipping (target ≤ 50 ms/op).
func BenchmarkSuggest10kWords(b *testing.B) {
	body := syntheticClipping(rand.New(rand.NewSource(1)), evalParagraphs(b), 10000)
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	cpu := testenv.CPUTime()
	for b.Loop() {
		if _, err := Suggest(context.Background(), body, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
}

// BenchmarkSuggest1000Clippings is 1,000 clippings of about 700 words each
// (target ≤ 5 s/op).
func BenchmarkSuggest1000Clippings(b *testing.B) {
	rng := rand.New(rand.NewSource(2))
	paras := evalParagraphs(b)
	bodies := make([]string, 1000)
	for i := range bodies {
		bodies[i] = syntheticClipping(rng, paras, 700)
	}
	b.ResetTimer()
	cpu := testenv.CPUTime()
	for b.Loop() {
		for _, body := range bodies {
			if _, err := Suggest(context.Background(), body, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportCPU(b, cpu)
}

// BenchmarkSuggestAdversarial runs ~100 KB bodies of shapes that would be
// quadratic without bounds: one giant sentence, thousands of quotes or
// possessives, runs of capitals.
func BenchmarkSuggestAdversarial(b *testing.B) {
	shapes := []struct{ name, body string }{
		{"one-sentence-quotes", strings.Repeat("“a b,” he said, and ", 5000)},
		{"possessives", strings.Repeat("‘the ministers’ s’ ’90s ", 5000)},
		{"capitals", strings.Repeat("Abc ", 25000)},
		{"commas", strings.Repeat("X, ", 30000) + "said."},
		{"numbers", strings.Repeat("between 5 and 7 million tens of thousands of one in five ", 2000)},
	}
	all := Options{Kinds: []Kind{KindQuote, KindFigure, KindClaim, KindDate}}
	for _, sh := range shapes {
		b.Run(sh.name, func(b *testing.B) {
			b.SetBytes(int64(len(sh.body)))
			for b.Loop() {
				if _, err := Suggest(context.Background(), sh.body, all); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
