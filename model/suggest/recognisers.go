package suggest

import "strings"

// recogniser names one shape of digits that is not a quantity (a clock time,
// an identifier, a date…). read looks at the number token j (within the
// paragraph, up to lim) and returns the span to skip — or, for dates and
// years, to keep as a date — and whether the shape is there.
type recogniser struct {
	name string
	read func(d *doc, j, lim int) (figure, bool)
}

// notQuantityRecognisers are tried in order on every number in digits.
var notQuantityRecognisers = []recogniser{
	{"clock time", clockTime},
	{"ordinal", ordinalNumber},
	{"decade", decade},
	{"math or version", mathOrVersion},
	{"note reference", noteReference},
	{"identifier", identifier},
	{"score", score},
	{"phone", phone},
	{"date", dateAt},
	{"year", yearAt},
}

// notQuantity runs the recognisers at the number token j.
func (d *doc) notQuantity(j, lim int) (figure, bool) {
	for _, r := range notQuantityRecognisers {
		if f, ok := r.read(d, j, lim); ok {
			return f, true
		}
	}
	return figure{}, false
}

func skipSpan(a, b int) (figure, bool) { return figure{a: a, b: b, skip: true}, true }

// plainInt reports whether token i is digits with no separator.
func (d *doc) plainInt(i int) bool {
	t := d.tok(i)
	return t.kind == tNum && !strings.ContainsAny(t.text, ",. \u00a0\u202f")
}

// clockTime: 18:42, 9 a.m., 7:45 p.m., 9.30am, 10 GMT, 18 Uhr, 9h30,
// "a las 7", "às 15h".
func clockTime(d *doc, j, lim int) (figure, bool) {
	n := d.tok(j + 1)
	nIn := j+1 < lim
	if nIn && n.text == ":" && d.adjacent(j+1) && d.tok(j+2).kind == tNum && d.adjacent(j+2) {
		return skipSpan(j, d.skipTimeSuffix(j+3, lim))
	}
	if nIn && (d.lx.timeSuffixes.has(n.low) || (n.low == "a" || n.low == "p") && d.is(j+2, ".") && d.is(j+3, "m")) {
		if n.low == "h" && !d.adjacent(j+1) {
			return figure{}, false
		}
		return skipSpan(j, d.skipTimeSuffix(j+1, lim))
	}
	if nIn && d.adjacent(j+1) && n.kind == tWord && strings.HasPrefix(n.low, "h") && len(n.low) > 1 && isDigit([]rune(n.low)[1]) {
		return skipSpan(j, j+2) // 9h30
	}
	if nIn && (n.low == "o’clock" || n.low == "o'clock") {
		return skipSpan(j, j+2)
	}
	if p := d.tok(j - 1); j > 0 && d.lx.clockBefore.has(p.low) && d.plainInt(j) && d.toks[j-1].para == d.toks[j].para {
		if v, _ := d.numValue(d.toks[j].text); v <= 24 {
			return skipSpan(j, j+1)
		}
	}
	return figure{}, false
}

// ordinalNumber: 1st, 22nd, 1er, 1º, 3ª.
func ordinalNumber(d *doc, j, lim int) (figure, bool) {
	n := d.tok(j + 1)
	if j+1 < lim && d.lx.ordinalSuffixes.has(n.low) && d.adjacent(j+1) {
		return skipSpan(j, j+2)
	}
	return figure{}, false
}

// decade: 1990s, ’90s, 60s; and a year written ’91.
func decade(d *doc, j, lim int) (figure, bool) {
	t, n := d.toks[j], d.tok(j+1)
	if !d.plainInt(j) {
		return figure{}, false
	}
	v, _ := d.numValue(t.text)
	if j+1 < lim && n.low == "s" && d.adjacent(j+1) && (len(t.text) == 4 || len(t.text) == 2) {
		return figure{a: j, b: j + 2, value: v, class: "decade", date: true, conf: 0.8, why: []string{"decade"}}, true
	}
	if p := d.tok(j - 1); j > 0 && len(t.text) == 2 && (p.text == "’" || p.text == "'") && d.adjacent(j) {
		return figure{a: j - 1, b: j + 1, value: v, class: "year", date: true, conf: 0.8, why: []string{"year ’NN"}}, true
	}
	return figure{}, false
}

// mathOrVersion: 10^5, 2^15 - 1, 1.8.3, 0x08, 4K, 3D — arithmetic, version
// numbers and codes written with digits.
func mathOrVersion(d *doc, j, lim int) (figure, bool) {
	n := d.tok(j + 1)
	if j+1 < lim && (n.text == "^" || n.text == "*" || n.text == "×") {
		return skipSpan(j, j+1)
	}
	if p := d.tok(j - 1); j > 1 && d.toks[j-1].para == d.toks[j].para &&
		(p.text == "^" || p.text == "*" || p.text == "×" || (p.text == "-" || p.text == "+") && d.toks[j-2].kind == tNum && !d.adjacent(j) && !d.adjacent(j-1)) {
		return skipSpan(j, j+1)
	}
	if j+2 < lim && n.text == "." && d.adjacent(j+1) && d.tok(j+2).kind == tNum && d.adjacent(j+2) {
		k := j + 2
		for k+2 < lim && d.is(k+1, ".") && d.adjacent(k+1) && d.tok(k+2).kind == tNum && d.adjacent(k+2) {
			k += 2
		}
		return skipSpan(j, k+1)
	}
	if j+1 < lim && n.kind == tWord && d.adjacent(j+1) && !d.isUnitWord(j+1) {
		return skipSpan(j, j+2)
	}
	return figure{}, false
}

// isUnitWord reports a word written straight after a number that is a
// unit or scale (5km, 2.5bn, 9am, 20C), not part of a code.
func (d *doc) isUnitWord(k int) bool {
	w := d.toks[k].low
	if _, ok := abbrScales[w]; ok {
		return true
	}
	if _, ok := d.lx.measureUnits[w]; ok {
		return true
	}
	if d.lx.timeSuffixes.has(w) || d.lx.ordinalSuffixes.has(w) || d.lx.centWords.has(w) {
		return true
	}
	switch w {
	case "s", "p", "c", "f", "am", "pm", "a", "m", "pc", "pct", "bp", "bps", "x", "h":
		return true
	}
	_, ok := d.lx.timeUnits[w]
	return ok || d.lx.scaleWords[w] > 0 || d.lx.currencyWords[w] != ""
}

// noteReference: a small number alone in brackets, "(1)", "[2]".
func noteReference(d *doc, j, lim int) (figure, bool) {
	p, n := d.tok(j-1), d.tok(j+1)
	if j > 0 && j+1 < lim && (p.text == "(" && n.text == ")" || p.text == "[" && n.text == "]") &&
		d.adjacent(j) && d.adjacent(j+1) && d.plainInt(j) && len(d.toks[j].text) <= 2 {
		return skipSpan(j, j+2)
	}
	return figure{}, false
}

// identifier: Su-35, COVID-19, Article 5, Boeing 737, No. 10, decreto 115 —
// unless a unit or counted noun follows ("Mojang 2 years ago").
func identifier(d *doc, j, lim int) (figure, bool) {
	t := d.toks[j]
	p := d.tok(j - 1)
	pIn := j > 0 && p.para == t.para
	if !pIn {
		return figure{}, false
	}
	if p.text == "-" && d.adjacent(j) && j >= 2 && d.adjacent(j-1) && d.toks[j-2].kind == tWord {
		if _, unit := d.unitAt(j+1, lim); !unit {
			return skipSpan(j, j+1)
		}
	}
	if p.kind == tWord && d.plainInt(j) {
		first := d.toks[j-1].sent != t.sent || j-1 == d.sents[t.sent].a
		named := (p.upper() || innerCapital(p.text)) && !first && !d.lx.calendarWords.has(p.low) &&
			!d.lx.capFunctionWords.has(p.low) && !p.allCaps()
		if d.lx.identNouns.has(p.low) && !(p.low == "no" && !d.is(j, ".")) || named {
			if _, unit := d.unitAt(j+1, lim); unit {
				return figure{}, false
			}
			if _, noun := d.countedNoun(j+1, lim); noun && named {
				return figure{}, false
			}
			return skipSpan(j, j+1)
		}
	}
	if p.text == "." && j >= 2 && (d.toks[j-2].low == "no" || d.toks[j-2].low == "nos") {
		return skipSpan(j, j+1)
	}
	if n := d.tok(j + 1); n.text == "-" && d.adjacent(j+1) && d.adjacent(j+2) && d.tok(j+2).upper() && j+2 < lim &&
		d.lx.timeUnits[d.tok(j+2).low] == "" {
		return skipSpan(j, j+3) // 7-Eleven, 4-H
	}
	if n := d.tok(j + 1); (n.text == "/" && d.adjacent(j+1) && d.tok(j+2).kind == tNum && d.adjacent(j+2)) && j+2 < lim {
		// 9/11, 24/7, 04/05/2022: dates and names, never a quantity here.
		k := j + 2
		for k+2 < lim && d.is(k+1, "/") && d.adjacent(k+1) && d.tok(k+2).kind == tNum {
			k += 2
		}
		return skipSpan(j, k+1)
	}
	return figure{}, false
}

// innerCapital reports a word with a capital after its first letter
// (iPhone, eBay, PlayStation): a product or brand name.
func innerCapital(w string) bool {
	for i, c := range w {
		if i > 0 && c >= 'A' && c <= 'Z' {
			return true
		}
	}
	return false
}

// score: voted 7-2, lost 3-1, a 5-4 majority.
func score(d *doc, j, lim int) (figure, bool) {
	n := d.tok(j + 1)
	if !d.plainInt(j) || j+2 >= lim+1 || !(n.text == "-" || n.text == "–") || !d.adjacent(j+1) || !d.adjacent(j+2) ||
		!d.plainInt(j+2) || len(d.tok(j+2).text) > 2 {
		return figure{}, false
	}
	if v, _ := d.numValue(d.toks[j].text); v >= 100 {
		return figure{}, false
	}
	before := d.tok(j - 1).low
	if j > 0 && before == "a" {
		before = d.tok(j - 2).low
	}
	if d.lx.scoreWords.has(before) || d.lx.scoreWords.has(d.tok(j+3).low) {
		return skipSpan(j, j+3)
	}
	return figure{}, false
}

// phone: 555-0142-88.
func phone(d *doc, j, lim int) (figure, bool) {
	if d.is(j+1, "-") && d.adjacent(j+1) && d.tok(j+2).kind == tNum && d.is(j+3, "-") && d.tok(j+4).kind == tNum && j+4 < lim {
		return skipSpan(j, j+5)
	}
	return figure{}, false
}

// isMonth reports a month name or abbreviation of the body's language.
func (d *doc) isMonth(i int) bool {
	t := d.tok(i)
	return t.kind == tWord && d.lx.months.has(t.low) && (t.upper() || d.lx.code != "en")
}

// dateAt: Jan. 5, June 3, Nov, 29, 2016, 5 March, 3, 4 and 12 November,
// 16 de abril, 1º de Maio, 5. Februar, mercoledì 19, El martes 3.
func dateAt(d *doc, j, lim int) (figure, bool) {
	t := d.toks[j]
	if !d.plainInt(j) || len(t.text) > 2 {
		return figure{}, false
	}
	v, _ := d.numValue(t.text)
	if v < 1 || v > 31 {
		return figure{}, false
	}
	date := func(a, b int, why string) (figure, bool) {
		return figure{a: a, b: b, value: v, class: "date", date: true, conf: 0.9, why: []string{why}}, true
	}
	if end, ok := d.dayList(j, lim); ok {
		return date(j, end, "days of a month")
	}
	p := d.tok(j - 1)
	pIn := j > 0 && p.para == t.para
	if pIn {
		m := -1
		switch {
		case d.isMonth(j - 1):
			m = j - 1
		case (p.text == "." || p.text == ",") && d.isMonth(j-2):
			m = j - 2
		}
		if m >= 0 {
			end := j + 1
			if d.is(end, ",") && d.tok(end+1).kind == tNum && len(d.tok(end+1).text) == 4 {
				end += 2
			}
			return date(m, end, "day of month")
		}
		if d.lx.weekdays.has(p.low) {
			return date(j-1, j+1, "weekday and day")
		}
	}
	k := j + 1
	if d.is(k, ".") && d.adjacent(k) && d.lx.code != "en" {
		k++ // 5. Februar
	}
	if d.lx.ordinalSuffixes.has(d.tok(k).low) && d.adjacent(k) {
		k++ // 1º de Maio
	}
	if d.lx.ofWords.has(d.tok(k).low) && d.lx.code != "en" {
		k++ // 16 de abril
	}
	if k < lim && d.isMonth(k) {
		return date(j, k+1, "day of month")
	}
	return figure{}, false
}

// yearAt: 1000–2099 written without a separator, unless a unit, scale or
// counted noun follows (1500 troops); 2014-15 is a year range.
func yearAt(d *doc, j, lim int) (figure, bool) {
	t := d.toks[j]
	if !d.plainInt(j) || len(t.text) != 4 {
		return figure{}, false
	}
	v, _ := d.numValue(t.text)
	if v < 1000 || v > 2100 {
		return figure{}, false
	}
	n := d.tok(j + 1)
	nIn := j+1 < lim
	if nIn && (n.text == "-" || n.text == "–") && d.adjacent(j+1) && d.adjacent(j+2) && d.tok(j+2).kind == tNum {
		y2 := d.tok(j + 2).text
		if len(y2) == 2 || len(y2) == 4 {
			hi, _ := d.numValue(y2)
			if len(y2) == 2 {
				hi = float64(int(v)/100*100) + hi
			}
			return figure{a: j, b: j + 3, low: v, high: hi, isRange: true, comp: "range", class: "year",
				date: true, conf: 0.9, why: []string{"year range"}}, true
		}
	}
	if _, unit := d.unitAt(j+1, lim); unit {
		return figure{}, false
	}
	if _, noun := d.countedNoun(j+1, lim); noun {
		return figure{}, false
	}
	if _, scale := d.lx.scaleWords[n.low]; scale {
		return figure{}, false
	}
	return figure{a: j, b: j + 1, value: v, class: "year", date: true, conf: 0.85, why: []string{"year"}}, true
}

// dayList recognises "3, 4, 10, 11 and 12 November" from its first day:
// small numbers joined by commas and "and"/"or" up to a month name.
func (d *doc) dayList(j, lim int) (int, bool) {
	k := j
	for k < lim {
		v := d.smallValue(k)
		if v < 1 || v > 31 || d.toks[k].kind != tNum {
			return j, false
		}
		n := d.tok(k + 1)
		switch {
		case k+1 < lim && d.isMonth(k+1):
			if k == j {
				return j, false // a single day: handled by dateAt
			}
			return k + 2, true
		case n.text == "," || d.lx.rangeAnd.has(n.low) || d.lx.rangeOr.has(n.low) || n.text == "–" || n.text == "-":
			k += 2
		default:
			return j, false
		}
	}
	return j, false
}

func (d *doc) skipTimeSuffix(k, lim int) int {
	for k < lim {
		t := d.toks[k]
		switch {
		case d.lx.timeSuffixes.has(t.low), t.text == "." && d.adjacent(k), (t.low == "a" || t.low == "p" || t.low == "m") && k+1 < lim:
			k++
		default:
			return k
		}
	}
	return k
}
