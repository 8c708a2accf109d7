package suggest

import (
	"context"
	"testing"
)

// TestFigureClasses checks the classes of figure failure the issue lists,
// each on invented sentences: ranges with low and high, fractions, pounds
// of weight, names and identifiers with digits, dates, number words at a
// sentence start and in hyphenated forms, and other languages' formats.
func TestFigureClasses(t *testing.T) {
	num := func(v float64) *float64 { return &v }
	tests := []struct {
		lang, text, span string
		value, low, high *float64
		unit             string
	}{
		{"en", "Beef sold for $24 to $28 a pound at the market.", "$24 to $28", nil, num(24), num(28), "USD"},
		{"en", "Tickets cost between $5 and $6 each.", "between $5 and $6", nil, num(5), num(6), "USD"},
		{"en", "The eggs boiled for 6 ½ minutes.", "6 ½ minutes", num(6.5), nil, nil, "minutes"},
		{"en", "The eggs boiled for 6½ minutes.", "6½ minutes", num(6.5), nil, nil, "minutes"},
		{"en", "The bear weighed 300 pounds when it was caught by the $2 trap.", "300 pounds", num(300), nil, nil, "lb"},
		{"en", "The fine was 300 pounds, the court in London said, or about £300.", "300 pounds", num(300), nil, nil, "GBP"},
		{"en", "Two gunmen died in the raid.", "Two gunmen", num(2), nil, nil, "gunmen"},
		{"en", "A six-member crew flew the plane.", "six-member crew", num(6), nil, nil, "member crew"},
		{"en", "It was a three-day journey across the ice.", "three-day", num(3), nil, nil, "days"},
		{"de", "Die Firma entließ 40.000 Mitarbeiter.", "40.000 Mitarbeiter", num(40000), nil, nil, "Mitarbeiter"},
		{"fr", "Au total, 2 209 personnes ont été évacuées.", "2 209 personnes", num(2209), nil, nil, "personnes"},
		{"de", "Die Inflation stieg auf 1,3 Prozent.", "1,3 Prozent", num(1.3), nil, nil, "%"},
		{"fr", "Le déficit atteint 1,3 % du PIB.", "1,3 %", num(1.3), nil, nil, "%"},
		{"pt", "O governo gastou 40 mil reais no projeto.", "40 mil reais", num(40000), nil, nil, "BRL"},
		{"fr", "L'État a versé 3 millions d'euros aux communes.", "3 millions d'euros", num(3e6), nil, nil, "EUR"},
		{"de", "Der Bund zahlt 2 Milliarden Euro.", "2 Milliarden Euro", num(2e9), nil, nil, "EUR"},
		{"es", "El fondo recibió 300 millones de dólares.", "300 millones de dólares", num(3e8), nil, nil, "USD"},
		{"de", "Drei Menschen wurden verletzt.", "Drei Menschen", num(3), nil, nil, "Menschen"},
		{"es", "Tres personas murieron en el accidente.", "Tres personas", num(3), nil, nil, "personas"},
		{"pt", "Três pessoas morreram no acidente.", "Três pessoas", num(3), nil, nil, "pessoas"},
		{"de", "Ein Ticket kostet 50 Cent mehr.", "50 Cent", num(0.5), nil, nil, "EUR"},
		{"it", "Il biglietto costa 2 euro e 50 centesimi.", "50 centesimi", num(0.5), nil, nil, "EUR"},
	}
	for _, tc := range tests {
		ss, err := Suggest(context.Background(), tc.text, Options{Language: tc.lang, Kinds: []Kind{KindFigure}})
		if err != nil {
			t.Fatal(err)
		}
		var got *Suggestion
		for i := range ss {
			if ss[i].Text == tc.span {
				got = &ss[i]
			}
		}
		if got == nil {
			var texts []string
			for _, s := range ss {
				texts = append(texts, s.Text)
			}
			t.Errorf("%s %q: no figure %q (got %q)", tc.lang, tc.text, tc.span, texts)
			continue
		}
		if !sameNumber(tc.value, got.Value) || !sameNumber(tc.low, got.Low) || !sameNumber(tc.high, got.High) || got.Unit != tc.unit {
			t.Errorf("%s %q: %q = %v/%v-%v %q, want %v/%v-%v %q", tc.lang, tc.text, tc.span,
				fmtNum(got.Value), fmtNum(got.Low), fmtNum(got.High), got.Unit, fmtNum(tc.value), fmtNum(tc.low), fmtNum(tc.high), tc.unit)
		}
	}
}

// TestNotQuantities: names and identifiers with digits, the day of a date
// and places named with number words are not figures.
func TestNotQuantities(t *testing.T) {
	tests := []struct{ lang, text string }{
		{"en", "Shares of 3M fell after the report."},
		{"en", "The Boeing 737 landed safely."},
		{"en", "An F-16 escorted the plane."},
		{"en", "He was in New York on 9/11 when it happened."},
		{"en", "The G7 leaders met in Rome."},
		{"en", "Leaders of the G20 met in Rome."},
		{"en", "The meeting took place on Nov, 29, 2016 in Paris."},
		{"en", "The iPhone 7 was released in September."},
		{"en", "She grew up in Seven Sisters, a district of London."},
		{"en", "The company 7-Eleven opened a store."},
		{"de", "Die Sitzung findet am 5. Februar statt."},
		{"es", "El decreto 115 otorga prioridad."},
	}
	for _, tc := range tests {
		ss, err := Suggest(context.Background(), tc.text, Options{Language: tc.lang, Kinds: []Kind{KindFigure}})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range ss {
			t.Errorf("%s %q: figure %q suggested (%s)", tc.lang, tc.text, s.Text, s.Why)
		}
	}
}
