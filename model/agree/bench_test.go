package agree

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// benchStudy builds clippings of 5,000 characters in which each coder codes
// each tag with spans of 10–60 characters; B mostly follows A with jittered
// edges, sometimes codes elsewhere.
func benchStudy(clippings, spansEach int, coders, tags []string) ([]Doc, []Span) {
	rng := rand.New(rand.NewPCG(5, 6))
	const length = 5000
	var docs []Doc
	var spans []Span
	for c := range clippings {
		id := fmt.Sprintf("clip-%03d", c)
		docs = append(docs, Doc{ID: id, Length: length})
		for _, tag := range tags {
			for range spansEach {
				start := rng.IntN(length - 80)
				end := start + 10 + rng.IntN(50)
				for k, coder := range coders {
					s, e := start, end
					if k > 0 {
						if rng.IntN(5) == 0 {
							s = rng.IntN(length - 80)
							e = s + 10 + rng.IntN(50)
						} else {
							s = max(0, s+rng.IntN(7)-3)
							e = max(s+1, e+rng.IntN(7)-3)
						}
					}
					spans = append(spans, Span{Clipping: id, Coder: coder, Tag: tag, Start: s, End: e})
				}
			}
		}
	}
	return docs, spans
}

// BenchmarkCompare: 100 clippings × 2 coders × 3 tags × 50 spans each.
func BenchmarkCompare(b *testing.B) {
	coders, tags := []string{"ann", "bob"}, []string{"claim", "quote", "figure"}
	docs, spans := benchStudy(100, 50, coders, tags)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compare(docs, spans, coders, tags); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompareFiveCoders: the same with 5 coders (10 pairs, matrices).
func BenchmarkCompareFiveCoders(b *testing.B) {
	coders, tags := []string{"ann", "bob", "cat", "dan", "eve"}, []string{"claim", "quote", "figure"}
	docs, spans := benchStudy(100, 50, coders, tags)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compare(docs, spans, coders, tags); err != nil {
			b.Fatal(err)
		}
	}
}
