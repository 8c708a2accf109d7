package suggest

import (
	"context"
	"math"
	"testing"
)

type wantQuote struct{ text, speaker, role string }

type wantFigure struct {
	text       string
	value      float64
	low, high  float64 // for ranges (comp "range")
	comp, unit string
	class      string
}

type wantClaim struct{ text, claimant string }

// trickyCase is one of the numbered cases of the suggestion notes with its
// expected behaviour. quotes and figures, when non-nil, must be exactly the
// suggestions of that kind; dates must be suggested as kind "date"; claims
// must be suggested with their claimant; notFigures must not start any figure.
type trickyCase struct {
	name       string
	body       string
	quotes     []wantQuote
	figures    []wantFigure
	dates      []string
	claims     []wantClaim
	notFigures []string
}

var trickyCases = []trickyCase{
	{name: "1 multi-paragraph quote, Gen. does not end a sentence",
		body: "“We have watched the convoys move at night, and the satellite pictures do not lie.\n\n“Nobody should pretend this is a routine exercise,” said Gen. Marta Kowalczyk, the head of the border guard.",
		quotes: []wantQuote{{"“We have watched the convoys move at night, and the satellite pictures do not lie.\n\n“Nobody should pretend this is a routine exercise,”",
			"Marta Kowalczyk", "the head of the border guard"}}},
	{name: "2 pronoun resolves to the last speaker, not the last name",
		body:   "Defence Minister Pavel Ostrov said the talks had collapsed. He spoke shortly after Prime Minister Tomas Reed landed in the capital. “There is nothing left to discuss,” he said.",
		quotes: []wantQuote{{"“There is nothing left to discuss,”", "Pavel Ostrov", ""}}},
	{name: "3 split quote, apostrophe in anyone’s",
		body: "“We are ready,” Ostrov said, “and we will not wait for anyone’s permission.”",
		quotes: []wantQuote{{"“We are ready,”", "Ostrov", ""},
			{"“and we will not wait for anyone’s permission.”", "Ostrov", ""}}},
	{name: "4 organisation speaker before a colon, also a claim",
		body:   "In a statement on Tuesday, the Kremlin said: “Russia has no plans to attack anyone.”",
		quotes: []wantQuote{{"“Russia has no plans to attack anyone.”", "the Kremlin", ""}},
		claims: []wantClaim{{"In a statement on Tuesday, the Kremlin said: “Russia has no plans to attack anyone.”", "the Kremlin"}}},
	{name: "5 name in apposition to a role",
		body:   `"We're not leaving until the last family is out," the mayor's spokesman, Ivo Dragan, told reporters.`,
		quotes: []wantQuote{{`"We're not leaving until the last family is out,"`, "Ivo Dragan", "the mayor's spokesman"}}},
	{name: "6 plural possessive is not a closing mark",
		body:   "‘The ministers’ decision was taken without consulting us,’ said union leader Aisha Bello.",
		quotes: []wantQuote{{"‘The ministers’ decision was taken without consulting us,’", "Aisha Bello", "union leader"}}},
	{name: "7 scare quotes after naming verbs",
		body:   "Officials described the deployment as a “training exercise” and called reports of a “buildup” propaganda.",
		quotes: []wantQuote{}},
	{name: "8 title after titled",
		body:   "The think tank’s report, titled “Lines in the Snow: Europe’s Eastern Flank,” was published on Monday.",
		quotes: []wantQuote{}},
	{name: "9 inner quote kept inside",
		body:   "“They called it ‘a routine rotation,’ but routine rotations don’t bring field hospitals,” said analyst Jonas Berg.",
		quotes: []wantQuote{{"“They called it ‘a routine rotation,’ but routine rotations don’t bring field hospitals,”", "Jonas Berg", "analyst"}}},
	{name: "14 approximate count",
		body:    "Russia has massed about 100,000 troops near the border.",
		figures: []wantFigure{{text: "about 100,000 troops", value: 100000, comp: "~", unit: "troops", class: "count"}}},
	{name: "15 coordinated counts and a date",
		body: "The ministry said 3,000 troops and 300 armored vehicles had crossed since Jan. 5.",
		figures: []wantFigure{{text: "3,000 troops", value: 3000, unit: "troops", class: "count"},
			{text: "300 armored vehicles", value: 300, unit: "armored vehicles", class: "count"}},
		dates: []string{"Jan. 5"}},
	{name: "16 duration, count and year",
		body: "The conflict has lasted more than seven years and killed over 14,000 people since 2014.",
		figures: []wantFigure{{text: "more than seven years", value: 7, comp: ">", unit: "years", class: "duration"},
			{text: "over 14,000 people", value: 14000, comp: ">", unit: "people", class: "count"}},
		dates: []string{"2014"}},
	{name: "17 estimate and a vague quantity",
		body: "An estimated 1.2 million people have fled, including tens of thousands of children.",
		figures: []wantFigure{{text: "An estimated 1.2 million people", value: 1.2e6, comp: "~", unit: "people", class: "count"},
			{text: "tens of thousands of children", value: 10000, comp: ">", unit: "children", class: "count"}}},
	{name: "18 money with abbreviated scales",
		body: "The package is worth $2.5bn, or about £1.9bn.",
		figures: []wantFigure{{text: "$2.5bn", value: 2.5e9, unit: "USD", class: "money"},
			{text: "about £1.9bn", value: 1.9e9, comp: "~", unit: "GBP", class: "money"}}},
	{name: "19 two percentages",
		body: "Inflation rose to 7.5% in March, up from 6.8 per cent in February.",
		figures: []wantFigure{{text: "7.5%", value: 7.5, unit: "%", class: "percent"},
			{text: "6.8 per cent", value: 6.8, unit: "%", class: "percent"}}},
	{name: "20 range with counted noun",
		body:    "Between 5,000 and 7,000 soldiers took part in the drills.",
		figures: []wantFigure{{text: "Between 5,000 and 7,000 soldiers", low: 5000, high: 7000, comp: "range", unit: "soldiers", class: "count"}}},
	{name: "21 fractions and a ratio",
		body: "Nearly a third of households have no heating, and one in five adults has skipped meals.",
		figures: []wantFigure{{text: "Nearly a third", value: 1.0 / 3, comp: "~", class: "ratio"},
			{text: "one in five adults", value: 0.2, unit: "adults", class: "ratio"}}},
	{name: "22 age, count and a year range",
		body: "A 19-year-old soldier and two civilians were wounded in the 2014-15 offensive.",
		figures: []wantFigure{{text: "19-year-old", value: 19, unit: "years", class: "age"},
			{text: "two civilians", value: 2, unit: "civilians", class: "count"}},
		dates:      []string{"2014-15"},
		notFigures: []string{"2014", "15"}},
	{name: "29 denial names its claimant",
		body:   "Russia has denied it has plans to attack its neighbor.",
		claims: []wantClaim{{"Russia has denied it has plans to attack its neighbor.", "Russia"}}},
	{name: "30 strong claim attributed at the end",
		body:    "Unemployment fell to 4.1 percent in May, its lowest level since 2008, the statistics office said.",
		figures: []wantFigure{{text: "4.1 percent", value: 4.1, unit: "%", class: "percent"}},
		claims:  []wantClaim{{"Unemployment fell to 4.1 percent in May, its lowest level since 2008, the statistics office said.", "the statistics office"}}},
	{name: "31 change verb with a fraction",
		body:    "The sanctions, which took effect in March, have cut the country’s oil exports by a third.",
		figures: []wantFigure{{text: "a third", value: 1.0 / 3, class: "ratio"}},
		claims:  []wantClaim{{"The sanctions, which took effect in March, have cut the country’s oil exports by a third.", ""}}},
	{name: "32 legal fact anchored to a year",
		body:    "Under the 1994 agreement, the country gave up its nuclear arsenal in exchange for security assurances.",
		figures: []wantFigure{},
		dates:   []string{"1994"},
		claims:  []wantClaim{{"Under the 1994 agreement, the country gave up its nuclear arsenal in exchange for security assurances.", ""}}},
	{name: "33 prediction according to sources",
		body:    "The minister is expected to resign next week, according to two people familiar with the matter.",
		figures: []wantFigure{{text: "two people", value: 2, unit: "people", class: "count"}},
		claims:  []wantClaim{{"The minister is expected to resign next week, according to two people familiar with the matter.", "two people familiar with the matter"}}},
	{name: "34 critics say, with an upper bound",
		body:    "Critics say the new law would allow police to detain protesters for up to 30 days without charge.",
		figures: []wantFigure{{text: "up to 30 days", value: 30, comp: "<=", unit: "days", class: "duration"}},
		claims:  []wantClaim{{"Critics say the new law would allow police to detain protesters for up to 30 days without charge.", "Critics"}}},
}

func TestTrickyCases(t *testing.T) {
	all := Options{Kinds: []Kind{KindQuote, KindFigure, KindClaim, KindDate}}
	for _, tc := range trickyCases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Suggest(context.Background(), tc.body, all)
			if err != nil {
				t.Fatal(err)
			}
			by := map[Kind][]Suggestion{}
			for _, s := range got {
				by[s.Kind] = append(by[s.Kind], s)
			}
			if tc.quotes != nil {
				checkQuotes(t, by[KindQuote], tc.quotes)
			}
			if tc.figures != nil {
				checkFigures(t, by[KindFigure], tc.figures)
			}
			for _, want := range tc.dates {
				found := false
				for _, s := range by[KindDate] {
					if s.Text == want {
						found = true
					}
				}
				if !found {
					t.Errorf("date %q not suggested; dates: %v", want, texts(by[KindDate]))
				}
			}
			for _, nf := range tc.notFigures {
				for _, s := range by[KindFigure] {
					if s.Text == nf {
						t.Errorf("%q suggested as a figure", nf)
					}
				}
			}
			for _, want := range tc.claims {
				found := false
				for _, s := range by[KindClaim] {
					if s.Text == want.text {
						found = true
						if s.Claimant != want.claimant {
							t.Errorf("claimant of %q = %q, want %q", want.text, s.Claimant, want.claimant)
						}
					}
				}
				if !found {
					t.Errorf("claim %q not suggested; claims: %v", want.text, texts(by[KindClaim]))
				}
			}
		})
	}
}

func checkQuotes(t *testing.T, got []Suggestion, want []wantQuote) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d quotes %q, want %d", len(got), texts(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Text != w.text {
			t.Errorf("quote %d = %q, want %q", i, g.Text, w.text)
		}
		if !sameSource(w.speaker, g.Speaker) || g.Speaker == "" {
			t.Errorf("speaker of %q = %q, want %q", g.Text, g.Speaker, w.speaker)
		}
		if w.role != "" && g.Role != w.role {
			t.Errorf("role of %q = %q, want %q", g.Text, g.Role, w.role)
		}
	}
}

func checkFigures(t *testing.T, got []Suggestion, want []wantFigure) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d figures %q, want %d", len(got), texts(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Text != w.text {
			t.Errorf("figure %d = %q, want %q", i, g.Text, w.text)
			continue
		}
		if w.comp == "range" {
			if g.Low == nil || g.High == nil || *g.Low != w.low || *g.High != w.high || g.Value != nil {
				t.Errorf("%q: range %v–%v, want %g–%g", g.Text, fmtNum(g.Low), fmtNum(g.High), w.low, w.high)
			}
		} else if g.Value == nil || math.Abs(*g.Value-w.value) > 1e-9*math.Max(1, w.value) || g.Low != nil {
			t.Errorf("%q: value %v, want %g", g.Text, fmtNum(g.Value), w.value)
		}
		if g.Comparator != w.comp || g.Unit != w.unit || g.Class != w.class {
			t.Errorf("%q: comparator/unit/class %q/%q/%q, want %q/%q/%q", g.Text, g.Comparator, g.Unit, g.Class, w.comp, w.unit, w.class)
		}
	}
}

func texts(ss []Suggestion) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Text)
	}
	return out
}

// TestGenDoesNotEndSentence checks case 1's sentence split directly.
func TestGenDoesNotEndSentence(t *testing.T) {
	d := newDoc("“Nobody should pretend this is a routine exercise,” said Gen. Marta Kowalczyk, the head of the border guard. She left.")
	if len(d.sents) != 2 {
		var ss []string
		for _, s := range d.sents {
			ss = append(ss, string(d.r[s.s:s.e]))
		}
		t.Fatalf("got %d sentences %q, want 2", len(d.sents), ss)
	}
}
