package suggest

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

const sampleBody = "Valdoria has massed about 100,000 troops near the border since 2014, officials said.\n\n" +
	"“We are ready,” Defence Minister Pavel Ostrov said. “Nobody will cross.”"

func TestOptionsValidation(t *testing.T) {
	ctx := context.Background()
	if _, err := Suggest(ctx, sampleBody, Options{Kinds: []Kind{"quotes"}}); err == nil || !strings.Contains(err.Error(), `unknown suggestion kind "quotes"`) {
		t.Errorf("unknown kind: got error %v", err)
	}
	for _, mc := range []float64{-0.1, 1.5} {
		if _, err := Suggest(ctx, sampleBody, Options{MinConfidence: mc}); err == nil || !strings.Contains(err.Error(), "outside 0–1") {
			t.Errorf("min confidence %g: got error %v", mc, err)
		}
	}
}

func TestDefaultKindsAndDates(t *testing.T) {
	ctx := context.Background()
	def, err := Suggest(ctx, sampleBody, Options{})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[Kind]int{}
	for _, s := range def {
		kinds[s.Kind]++
	}
	if kinds[KindQuote] != 2 || kinds[KindFigure] != 1 || kinds[KindClaim] == 0 || kinds[KindDate] != 0 {
		t.Errorf("default kinds: got %v, want 2 quotes, 1 figure, claims and no dates", kinds)
	}
	dates, err := Suggest(ctx, sampleBody, Options{Kinds: []Kind{KindDate}})
	if err != nil {
		t.Fatal(err)
	}
	if len(dates) != 1 || dates[0].Text != "2014" || dates[0].Class != "year" || *dates[0].Value != 2014 {
		t.Errorf("dates: got %+v, want the year 2014", dates)
	}
}

func TestMinConfidenceFilters(t *testing.T) {
	all, err := Suggest(context.Background(), sampleBody, Options{})
	if err != nil {
		t.Fatal(err)
	}
	some, err := Suggest(context.Background(), sampleBody, Options{MinConfidence: 0.8})
	if err != nil {
		t.Fatal(err)
	}
	if len(some) == 0 || len(some) >= len(all) {
		t.Fatalf("min confidence 0.8 kept %d of %d", len(some), len(all))
	}
	for _, s := range some {
		if s.Confidence < 0.8 {
			t.Errorf("%q has confidence %g < 0.8", s.Text, s.Confidence)
		}
	}
}

func TestSpansAndOrder(t *testing.T) {
	got, err := Suggest(context.Background(), sampleBody, Options{Kinds: []Kind{KindQuote, KindFigure, KindClaim, KindDate}})
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, sampleBody, got)
}

// checkInvariants asserts the contract of Suggest: spans inside the body,
// Text equal to the code points [Start, End), sorted by Start.
func checkInvariants(t *testing.T, body string, got []Suggestion) {
	t.Helper()
	r := []rune(body)
	for i, s := range got {
		if s.Start < 0 || s.End > len(r) || s.Start >= s.End {
			t.Fatalf("suggestion %d span %d–%d outside body of %d code points", i, s.Start, s.End, len(r))
		}
		if s.Text != string(r[s.Start:s.End]) {
			t.Fatalf("suggestion %d text %q != body[%d:%d] %q", i, s.Text, s.Start, s.End, string(r[s.Start:s.End]))
		}
		if i > 0 && got[i-1].Start > s.Start {
			t.Fatalf("suggestions not sorted: %d before %d", got[i-1].Start, s.Start)
		}
		if s.Confidence < 0 || s.Confidence > 1 || s.Why == "" {
			t.Fatalf("suggestion %d: confidence %g, why %q", i, s.Confidence, s.Why)
		}
	}
}

func TestContextCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Suggest(ctx, sampleBody, Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

func TestJSONOmitsFieldsThatDoNotApply(t *testing.T) {
	got, err := Suggest(context.Background(), sampleBody, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range got {
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"kind", "start", "end", "text", "confidence", "why"} {
			if _, ok := m[k]; !ok {
				t.Errorf("%s suggestion lacks %q: %s", s.Kind, k, b)
			}
		}
		forbidden := map[Kind][]string{
			KindQuote:  {"value", "low", "high", "comparator", "unit", "class", "claimant"},
			KindFigure: {"speaker", "role", "cue", "claimant"},
			KindClaim:  {"speaker", "role", "cue", "value", "low", "high", "comparator", "unit", "class"},
		}[s.Kind]
		for _, k := range forbidden {
			if _, ok := m[k]; ok {
				t.Errorf("%s suggestion has %q: %s", s.Kind, k, b)
			}
		}
	}
}

func TestSpeakerFor(t *testing.T) {
	body := "Transport minister Ada Lindgren urged people to stay home.\n\n" +
		"“If your journey is not essential, please do not make it,” she told reporters. The roads, she said, were “dangerous and getting worse”."
	r := []rune(body)
	span := func(s string) (int, int) {
		i := strings.Index(body, s)
		start := len([]rune(body[:i]))
		return start, start + len([]rune(s))
	}
	tests := []struct{ text, want string }{
		{"“If your journey is not essential, please do not make it,”", "Ada Lindgren"},
		{"If your journey is not essential", "Ada Lindgren"}, // inside the marks
		{"“dangerous and getting worse”", "Ada Lindgren"},
		{"urged people to stay home", ""}, // not a quote and nothing attributes it
	}
	for _, tc := range tests {
		s, e := span(tc.text)
		if got := SpeakerFor(body, s, e); got != tc.want {
			t.Errorf("SpeakerFor(%q) = %q, want %q", string(r[s:e]), got, tc.want)
		}
	}
	for _, bad := range [][2]int{{-1, 3}, {5, 5}, {0, len(r) + 1}} {
		if got := SpeakerFor(body, bad[0], bad[1]); got != "" {
			t.Errorf("SpeakerFor(%d, %d) = %q, want empty", bad[0], bad[1], got)
		}
	}
}

func TestByConfidence(t *testing.T) {
	body := "Unemployment fell to 4.1 percent in May, the statistics office said. " +
		"“We are ready,” Ostrov said. The weather was fine. Prices rose 3% in June, the bank said."
	ss, err := Suggest(context.Background(), body, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) < 3 {
		t.Fatalf("want several suggestions, got %v", ss)
	}
	got := ByConfidence(append([]Suggestion(nil), ss...))
	if len(got) != len(ss) {
		t.Fatalf("ByConfidence changed the count: %d, want %d", len(got), len(ss))
	}
	for i := 1; i < len(got); i++ {
		a, b := got[i-1], got[i]
		if a.Confidence < b.Confidence || a.Confidence == b.Confidence && a.Start > b.Start {
			t.Errorf("out of order at %d: %.2f@%d before %.2f@%d", i, a.Confidence, a.Start, b.Confidence, b.Start)
		}
	}
}

func TestLanguageOption(t *testing.T) {
	body := "Die Firma hat nach eigenen Angaben 40.000 Mitarbeiter entlassen. Das sei nicht zu ändern, " +
		"sagte der Sprecher, und es werde auch in der Zukunft noch weitere Einschnitte geben."
	for _, lang := range []string{"de", ""} {
		ss, err := Suggest(context.Background(), body, Options{Language: lang, Kinds: []Kind{KindFigure}})
		if err != nil {
			t.Fatal(err)
		}
		if len(ss) != 1 || ss[0].Value == nil || *ss[0].Value != 40000 {
			t.Errorf("language %q: want one figure of 40000, got %+v", lang, ss)
		}
	}
	if f, ok := ParseFigureIn("40.000 Euro", "de"); !ok || f.Value == nil || *f.Value != 40000 || f.Unit != "EUR" {
		t.Errorf("ParseFigureIn(de) = %+v %v", f, ok)
	}
}
