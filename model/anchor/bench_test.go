package anchor

import (
	"math/rand/v2"
	"strings"
	"testing"
)

var benchWords = strings.Fields(`the council said mayor budget million bridge
	report critics police minister government said percent year election voters
	économie café naïve 2021 €40 “quote” officials announced plan housing school`)

// benchClipping returns a body of n words, a copy with edits scattered
// changes (a word replaced, inserted or deleted, in turn), and annotations
// spans of 1–20 words on the old body.
func benchClipping(n, edits, spans int) (old, new string, out []Span) {
	rng := rand.New(rand.NewPCG(7, 11))
	words := make([]string, n)
	for i := range words {
		words[i] = benchWords[rng.IntN(len(benchWords))]
		if i%17 == 16 {
			words[i] += "."
		}
	}
	old = strings.Join(words, " ")
	edited := append([]string(nil), words...)
	for e := range edits {
		at := (e*len(edited))/edits + rng.IntN(len(edited)/edits/2)
		switch e % 3 {
		case 0:
			edited[at] = "corrected"
		case 1:
			edited = append(edited[:at], append([]string{"inserted"}, edited[at:]...)...)
		case 2:
			edited = append(edited[:at], edited[at+1:]...)
		}
	}
	new = strings.Join(edited, " ")

	// Word start offsets in code points.
	starts := make([]int, len(words)+1)
	for i, w := range words {
		starts[i+1] = starts[i] + len([]rune(w)) + 1
	}
	for range spans {
		w := rng.IntN(len(words) - 20)
		k := 1 + rng.IntN(20)
		out = append(out, spanIn(old, starts[w], starts[w+k]-1))
	}
	return old, new, out
}

// BenchmarkMap re-anchors 1,000 annotations of a 10,000-word clipping after
// 20 scattered edits, diff included.
func BenchmarkMap(b *testing.B) {
	old, new, spans := benchClipping(10000, 20, 1000)
	counts := map[Status]int{}
	m := NewMapper(old, new)
	for _, s := range spans {
		counts[m.Map(s).Status]++
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m := NewMapper(old, new)
		for _, s := range spans {
			m.Map(s)
		}
	}
	b.ReportMetric(float64(counts[StatusExact]+counts[StatusRemapped]), "remapped")
	b.ReportMetric(float64(counts[StatusFuzzy]), "fuzzy")
	b.ReportMetric(float64(counts[StatusOrphan]), "orphan")
}

// BenchmarkDiff is the diff alone, paid once per clipping.
func BenchmarkDiff(b *testing.B) {
	old, new, _ := benchClipping(10000, 20, 0)
	o, n := []rune(old), []rune(new)
	b.ReportAllocs()
	for b.Loop() {
		diffSegments(o, n)
	}
}
