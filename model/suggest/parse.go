package suggest

import "context"

// Figure is the reading of a span a researcher tagged as a figure.
type Figure struct {
	Value, Low, High *float64
	Comparator       string
	Unit             string
	Class            string
}

// ParseFigure reads the quantity in a figure's text ("an estimated 100,000
// troops", "$2.5bn", "between 5,000 and 7,000 soldiers"): the figure that
// covers most of the text. It reports false when the text holds no number;
// a bare year or date is returned with class "year" or "date". The text's
// language is detected; ParseFigureIn takes it from the clipping.
func ParseFigure(text string) (Figure, bool) { return ParseFigureIn(text, "") }

// ParseFigureIn is ParseFigure for text in a language given by its ISO
// 639-1 code ("de": "40.000 Euro" is forty thousand); "" detects it.
func ParseFigureIn(text, language string) (Figure, bool) {
	d := newDocIn(text, lexiconOf(text, language))
	figs, err := d.findFigures(context.Background())
	if err != nil || len(figs) == 0 {
		return Figure{}, false
	}
	best := -1
	for i, f := range figs {
		if best < 0 || (figs[best].date && !f.date) ||
			(figs[best].date == f.date && f.b-f.a > figs[best].b-figs[best].a) {
			best = i
		}
	}
	f := figs[best]
	out := Figure{Comparator: f.comp, Unit: f.unit, Class: f.class}
	if f.isRange {
		lo, hi := f.low, f.high
		out.Low, out.High = &lo, &hi
	} else {
		v := f.value
		out.Value = &v
	}
	return out, true
}

// SpeakerFor returns the speaker a quotation at code points [start, end) of
// body is attributed to, or "" when none is found. The span need not match
// a suggested quote exactly: a hand-tagged span is attributed by the same
// rules from where it stands. The body's language is detected.
func SpeakerFor(body string, start, end int) string { return SpeakerForIn(body, "", start, end) }

// SpeakerForIn is SpeakerFor for a body in a given language ("" detects it).
func SpeakerForIn(body, language string, start, end int) string {
	d := newDocIn(body, lexiconOf(body, language))
	if start < 0 || end <= start || end > len(d.r) || len(d.toks) == 0 {
		return ""
	}
	d.findQuotes()
	best, overlap := -1, 0
	for qi, q := range d.quotes {
		if o := min(q.e, end) - max(q.s, start); o > overlap {
			best, overlap = qi, o
		}
	}
	if best < 0 {
		a, b := d.tokAt(start), d.tokAt(end-1)+1
		if a >= len(d.toks) || b > len(d.toks) || a >= b {
			return ""
		}
		best = len(d.quotes)
		d.quotes = append(d.quotes, quoted{s: d.toks[a].s, e: d.toks[b-1].e, a: a, b: b, paras: 1})
		for i := a; i < b; i++ {
			if d.toks[i].quote < 0 {
				d.toks[i].quote = best
			}
		}
	}
	an := newAnalyzer(d)
	if err := an.run(context.Background()); err != nil {
		return ""
	}
	return an.attr[best].src.name
}
