package suggest

import (
	"context"
	"math"
	"testing"
)

func TestSpelledNumbers(t *testing.T) {
	tests := []struct {
		text string
		want float64
		ok   bool
	}{
		{"seven", 7, true},
		{"nineteen", 19, true},
		{"twenty-five", 25, true},
		{"ninety nine", 99, true},
		{"two hundred and fifty thousand", 250000, true},
		{"three million", 3e6, true},
		{"a million", 1e6, true},
		{"a hundred", 100, true},
		{"a dozen", 12, true},
		{"two dozen", 24, true},
		{"one hundred twenty", 120, true},
		{"two million three hundred thousand", 2.3e6, true},
		{"a", 0, false},
		{"the", 0, false},
	}
	for _, tc := range tests {
		d := newDoc(tc.text)
		v, end, ok := d.spelled(0, len(d.toks))
		if ok != tc.ok || (ok && (v != tc.want || end != len(d.toks))) {
			t.Errorf("%q: got %g (to token %d of %d) %v, want %g %v", tc.text, v, end, len(d.toks), ok, tc.want, tc.ok)
		}
	}
}

func TestParseFigure(t *testing.T) {
	num := func(v float64) *float64 { return &v }
	tests := []struct {
		text              string
		value, low, high  *float64
		comp, unit, class string
	}{
		{"an estimated 100,000 troops", num(100000), nil, nil, "~", "troops", "count"},
		{"$2.5bn", num(2.5e9), nil, nil, "", "USD", "money"},
		{"between 5,000 and 7,000 soldiers", nil, num(5000), num(7000), "range", "soldiers", "count"},
		{"€300 million", num(3e8), nil, nil, "", "EUR", "money"},
		{"₽1.5 trillion", num(1.5e12), nil, nil, "", "RUB", "money"},
		{"¥20,000", num(20000), nil, nil, "", "JPY", "money"},
		{"40 million roubles", num(4e7), nil, nil, "", "RUB", "money"},
		{"US$5m", num(5e6), nil, nil, "", "USD", "money"},
		{"50 cents", num(0.5), nil, nil, "", "USD", "money"},
		{"at least 85%", num(85), nil, nil, ">=", "%", "percent"},
		{"up to 30 days", num(30), nil, nil, "<=", "days", "duration"},
		{"fewer than 200 homes", num(200), nil, nil, "<", "homes", "count"},
		{"1.2 percentage points", num(1.2), nil, nil, "", "percentage points", "percent"},
		{"25 basis points", num(25), nil, nil, "", "basis points", "percent"},
		{"two-thirds", num(2.0 / 3), nil, nil, "", "", "ratio"},
		{"three quarters", num(0.75), nil, nil, "", "", "ratio"},
		{"half a million", num(5e5), nil, nil, "", "", "number"},
		{"one in five", num(0.2), nil, nil, "", "", "ratio"},
		{"a 19-year-old", num(19), nil, nil, "", "years", "age"},
		{"aged 42", num(42), nil, nil, "", "years", "age"},
		{"a four-hour meeting", num(4), nil, nil, "", "hours", "duration"},
		{"two and a half years", num(2.5), nil, nil, "", "years", "duration"},
		{"hundreds of thousands of people", num(1e5), nil, nil, ">", "people", "count"},
		{"several thousand", num(1000), nil, nil, ">", "", "number"},
		{"dozens of homes", num(12), nil, nil, ">", "homes", "count"},
		{"40 km", num(40), nil, nil, "", "km", "measure"},
		{"3,000 square kilometres", num(3000), nil, nil, "", "square kilometres", "measure"},
		{"1.5 million barrels", num(1.5e6), nil, nil, "", "barrels", "measure"},
		{"120 km/h", num(120), nil, nil, "", "km/h", "measure"},
		{"ten times", num(10), nil, nil, "", "times", "ratio"},
		{"2 to 3 million", nil, num(2e6), num(3e6), "range", "", "number"},
		{"5–7%", nil, num(5), num(7), "range", "%", "percent"},
		{"2014", num(2014), nil, nil, "", "", "year"},
	}
	for _, tc := range tests {
		f, ok := ParseFigure(tc.text)
		if !ok {
			t.Errorf("%q: no figure", tc.text)
			continue
		}
		same := func(a, b *float64) bool {
			if a == nil || b == nil {
				return a == nil && b == nil
			}
			return math.Abs(*a-*b) <= 1e-9*math.Max(1, math.Abs(*a))
		}
		if !same(f.Value, tc.value) || !same(f.Low, tc.low) || !same(f.High, tc.high) ||
			f.Comparator != tc.comp || f.Unit != tc.unit || f.Class != tc.class {
			t.Errorf("%q: got %s/%s-%s %q %q %q, want %s/%s-%s %q %q %q", tc.text,
				fmtNum(f.Value), fmtNum(f.Low), fmtNum(f.High), f.Comparator, f.Unit, f.Class,
				fmtNum(tc.value), fmtNum(tc.low), fmtNum(tc.high), tc.comp, tc.unit, tc.class)
		}
	}
	for _, text := range []string{"", "no number here", "the second swap"} {
		if f, ok := ParseFigure(text); ok {
			t.Errorf("%q: got a figure %+v, want none", text, f)
		}
	}
}

// TestNotFigures checks that identifiers, scores, clock times, ordinals,
// years and dates are never suggested as figures.
func TestNotFigures(t *testing.T) {
	tests := []string{
		"Leaders of the G7 met on Friday.",
		"The COVID-19 pandemic closed schools.",
		"Two Su-35 jets were seen.",
		"Article 5 of the treaty applies.",
		"The board approved it in a 7-2 vote.",
		"City lost 3-1 at home.",
		"The meeting starts at 10:30 a.m. and ends at 4 p.m.",
		"It was the second swap this year.",
		"It was built in 1987 and rebuilt in the 1990s.",
		"Talks resume on March 3, 2024.",
		"The 2014-15 season was long.",
		"Call 555-0142-88 for details.",
		"The A351 was closed.",
		"It was a one-off payment.",
		"One of the soldiers was hurt.",
		"He was born on 5 May.",
		"The strikes fall on 3, 4 and 10 November.",
	}
	for _, body := range tests {
		got, err := Suggest(context.Background(), body, Options{Kinds: []Kind{KindFigure}})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) > 0 {
			t.Errorf("%q: unexpected figures %q", body, texts(got))
		}
	}
}

func TestChangeIsNotRange(t *testing.T) {
	got, err := Suggest(context.Background(), "The bill would extend service from 12 to 18 months. Prices rose from 6.8 to 7.5 percent.", Options{Kinds: []Kind{KindFigure}})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		text, unit string
		value      float64
	}{{"12", "months", 12}, {"18 months", "months", 18}, {"6.8", "%", 6.8}, {"7.5 percent", "%", 7.5}}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %d figures", texts(got), len(want))
	}
	for i, w := range want {
		if got[i].Text != w.text || got[i].Unit != w.unit || got[i].Value == nil || *got[i].Value != w.value {
			t.Errorf("figure %d: got %q %q %s, want %q %q %g", i, got[i].Text, got[i].Unit, fmtNum(got[i].Value), w.text, w.unit, w.value)
		}
	}
}
