package suggest

import (
	"context"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzSeeds are the evaluation clippings, their paragraphs, and fragments
// that stress quote pairing and number parsing.
func fuzzSeeds(tb testing.TB) []string {
	tb.Helper()
	seeds := []string{
		"", " ", "\n\n", "“", "”", "‘’", "\"", "'", "«»", "„“", "’90s", "s’ ", "a.m.", "U.S.", "1,234.5",
		"$", "£1.9bn", "2014-15", "7-2", "one in", "a third", "tens of", "between 5 and", "from 12 to",
		"“Q,” he said, “", "“Unclosed\n\n“reopened", "Gen. X said: “Y.”", "\u00a0\t\r\n", "\xff\xfe",
	}
	paths, err := filepath.Glob(filepath.Join("testdata", "eval", "*.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		seeds = append(seeds, string(b))
		seeds = append(seeds, strings.Split(string(b), "\n\n")...)
	}
	return seeds
}

// checkBody runs every entry point on body and checks the contract.
func checkBody(t *testing.T, body string) {
	t.Helper()
	got, err := Suggest(context.Background(), body, Options{Kinds: []Kind{KindQuote, KindFigure, KindClaim, KindDate}})
	if err != nil {
		t.Fatalf("Suggest(%q): %v", body, err)
	}
	checkInvariants(t, body, got)
	ParseFigure(body)
	n := len([]rune(body))
	SpeakerFor(body, 0, n)
	SpeakerFor(body, n/3, 2*n/3+1)
}

func FuzzSuggest(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		checkBody(t, body)
	})
}

// TestRandomBodies feeds deterministic random mixtures of the characters
// and words the rules care about, so random input runs in every go test.
func TestRandomBodies(t *testing.T) {
	pieces := []string{"“", "”", "‘", "’", "\"", "'", "«", "»", "„", "“", " ", " ", " ", "\n\n", "\n", ".", ",", ":",
		"-", "–", "—", "$", "£", "%", "(", ")", "s", "he", "said", "told", "Mr.", "Gen.", "Ostrov", "The", "the",
		"ministry", "according", "to", "between", "and", "from", "about", "more", "than", "up", "a", "third", "half",
		"one", "in", "five", "tens", "of", "thousands", "million", "bn", "m", "per", "cent", "percent", "year", "years",
		"old", "Jan", "March", "0", "7", "19", "2014", "15", "1,200", "3.5", "100,000", "troops", "people", "?"}
	rng := rand.New(rand.NewSource(42))
	for n := 0; n < 400; n++ {
		var b strings.Builder
		for k := rng.Intn(80); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
			if rng.Intn(3) == 0 {
				b.WriteByte(' ')
			}
		}
		checkBody(t, b.String())
	}
}

func TestFuzzSeeds(t *testing.T) {
	for _, s := range fuzzSeeds(t) {
		checkBody(t, s)
	}
}
