package find

import (
	"strings"
	"testing"
)

// benchBody is about n words of news-like text with figures and quotes.
func benchBody(n int) string {
	const para = "About 14,000 homes and 320 businesses will be switched to the Calder River supply by June, at an estimated cost of $48.5 million, according to figures released by the city’s utilities department. “Nobody has shown us a single test of the new pipes,” Delaney said.\n\n"
	words := len(strings.Fields(para))
	return strings.Repeat(para, n/words+1)
}

func BenchmarkFind(b *testing.B) {
	body := benchBody(10000)
	for _, bc := range []struct {
		name                   string
		pattern                string
		regex, caseSens, whole bool
	}{
		{"plain", "utilities department", false, false, false},
		{"plain-match-case", "utilities department", false, true, false},
		{"plain-whole-word", "homes", false, false, true},
		{"regex-figures", `\$?\d[\d,.]*( (million|billion|percent))?`, true, false, false},
		{"regex-line-start", `^About`, true, true, false},
	} {
		m, err := Compile(bc.pattern, bc.regex, bc.caseSens, bc.whole)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				if len(m.Find("c", body, 0)) == 0 {
					b.Fatal("no hits")
				}
			}
		})
	}
}
