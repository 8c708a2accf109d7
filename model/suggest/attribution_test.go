package suggest

import (
	"context"
	"testing"
)

// TestAttributionPatterns covers attribution forms beyond the numbered
// cases: dash parentheticals, "it"/"they" for organisations, inversion
// after a quote, "according to", I/we rejected, cues inside quotes ignored.
func TestAttributionPatterns(t *testing.T) {
	tests := []struct{ body, quote, speaker string }{
		{"The president — who has denied wrongdoing — told CNN: “This is a witch hunt.”", "“This is a witch hunt.”", "The president"},
		{"Ms Lopez put it bluntly.\n\n“Nobody came to help us.”", "“Nobody came to help us.”", "Lopez"},
		{"Police said they had arrested three men. “The investigation is continuing,” they said.", "“The investigation is continuing,”", "Police"},
		{"The ministry issued a statement on Monday. “All units are safe,” it said.", "“All units are safe,”", "The ministry"},
		{"Asked if he would resign, Mr Kovacs replied: “Absolutely not.”", "“Absolutely not.”", "Kovacs"},
		{"According to the minister, “the worst is behind us.”", "“the worst is behind us.”", "the minister"},
		{"“Is this the end?” asked one protester.", "“Is this the end?”", "one protester"},
		{"“He said it was over,” Anna Berg added.", "“He said it was over,”", "Anna Berg"},
		{"“We are fine,” we said.", "“We are fine,”", ""},
		{"Anna Berg said the plan had failed. Karl Dahl disagreed. “It will work,” he said.", "“It will work,”", "Karl Dahl"},
		{"Anna Berg said the plan had failed.\n\n“It was doomed from the start.”", "“It was doomed from the start.”", "Anna Berg"},
	}
	for _, tc := range tests {
		got, err := Suggest(context.Background(), tc.body, Options{Kinds: []Kind{KindQuote}})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, s := range got {
			if s.Text != tc.quote {
				continue
			}
			found = true
			if (tc.speaker == "") != (s.Speaker == "") || !sameSource(tc.speaker, s.Speaker) {
				t.Errorf("%q: speaker %q, want %q (%s)", tc.body, s.Speaker, tc.speaker, s.Why)
			}
		}
		if !found {
			t.Errorf("%q: quote %q not suggested; got %q", tc.body, tc.quote, texts(got))
		}
	}
}
