package suggest

import (
	"context"
	"fmt"
	"strings"
)

// figure is a quantity (or, with date set, a year or date) found in the
// body: token span [a,b) including comparator words, the counted noun and
// the unit.
type figure struct {
	a, b             int
	value, low, high float64
	isRange          bool
	comp             string
	unit             string
	class            string
	date             bool
	skip             bool    // a recognised non-figure (time, score, identifier): skip its tokens
	mult             float64 // the scale word applied to the number (million: 1e6), 0 for none
	why              []string
	conf             float64
}

// comparator phrases, longest first within each leading word.
var comparators = []comparator{
	{[]string{"in", "excess", "of"}, ">"}, {[]string{"upwards", "of"}, ">"}, {[]string{"upward", "of"}, ">"},
	{[]string{"more", "than"}, ">"}, {[]string{"greater", "than"}, ">"}, {[]string{"higher", "than"}, ">"},
	{[]string{"longer", "than"}, ">"}, {[]string{"larger", "than"}, ">"}, {[]string{"bigger", "than"}, ">"},
	{[]string{"well", "over"}, ">"}, {[]string{"well", "above"}, ">"}, {[]string{"just", "over"}, ">"},
	{[]string{"just", "above"}, ">"}, {[]string{"over"}, ">"}, {[]string{"above"}, ">"}, {[]string{"exceeding"}, ">"},
	{[]string{"no", "fewer", "than"}, ">="}, {[]string{"no", "less", "than"}, ">="}, {[]string{"not", "less", "than"}, ">="},
	{[]string{"a", "minimum", "of"}, ">="}, {[]string{"at", "least"}, ">="},
	{[]string{"no", "more", "than"}, "<="}, {[]string{"not", "more", "than"}, "<="}, {[]string{"a", "maximum", "of"}, "<="},
	{[]string{"as", "many", "as"}, "<="}, {[]string{"as", "much", "as"}, "<="}, {[]string{"at", "most"}, "<="},
	{[]string{"up", "to"}, "<="}, {[]string{"within"}, "<="},
	{[]string{"less", "than"}, "<"}, {[]string{"fewer", "than"}, "<"}, {[]string{"lower", "than"}, "<"},
	{[]string{"shorter", "than"}, "<"}, {[]string{"smaller", "than"}, "<"}, {[]string{"just", "under"}, "<"},
	{[]string{"just", "below"}, "<"}, {[]string{"well", "under"}, "<"}, {[]string{"well", "below"}, "<"},
	{[]string{"under"}, "<"}, {[]string{"below"}, "<"},
	{[]string{"an", "estimated"}, "~"}, {[]string{"estimated"}, "~"}, {[]string{"close", "to"}, "~"},
	{[]string{"nearly"}, "~"}, {[]string{"almost"}, "~"}, {[]string{"about"}, "~"}, {[]string{"around"}, "~"},
	{[]string{"roughly"}, "~"}, {[]string{"approximately"}, "~"}, {[]string{"some"}, "~"}, {[]string{"circa"}, "~"},
	{[]string{"between"}, "range"},
}

// vulgarFractions are the fraction characters written after a number.
var vulgarFractions = map[string]float64{"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1.0 / 3, "⅔": 2.0 / 3,
	"⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875, "⅕": 0.2}

// definiteArticles of the six languages: after one, a plural scale word
// refers ("les milliers de…" aside, which takes "des").
var definiteArticles = words(`the le la les l' der die das den dem el los las il lo gli i o os as`)

var scoreWords = words(`voted vote votes won win wins winning lost lose losing beat beaten beating drew draw defeated defeat led lead trailed
	trailing leading victory loss margin decision ruling majority scoreline verdict split`)

var identNouns = words(`article section chapter paragraph page pages number route flight room gate platform
	line level phase stage category grade type model version exit junction highway interstate
	channel unit ward bus block lot precinct pier terminal zone sector building floor no nos
	resolution amendment rule clause item table figure session episode tier step apartment
	suite box code`)

var timeSuffixes = words(`gmt bst utc cet cest est edt pst pdt et pt hrs am pm`)

var ordinalSuffixes = words(`st nd rd th`)

// nounStop ends a counted noun phrase.
var nounStop = func() wordSet {
	s := words(`a an the per each every of ago now already last next only just even yet this these those
		its their his her our my your more most less least such own`)
	for w := range npStop {
		s[w] = struct{}{}
	}
	delete(s, "more")
	return s
}()

var irregularPlurals = words(`people children men women police personnel staff cattle sheep deer fish
	aircraft feet teeth mice geese data media crew livestock youth clergy militia infantry`)

var nonPluralS = words(`was has is as us yes its this thus perhaps always across unless whereas besides
	towards afterwards news series species means less various previous serious famous numerous
	nervous obvious enormous dangerous hers ours yours theirs says does goes gas bus plus minus
	status bonus virus campus census consensus crisis basis analysis thesis`)

// isPluralNoun reports whether a lower-case word looks like a plural noun.
func isPluralNoun(w string) bool {
	if irregularPlurals.has(w) || strings.HasSuffix(w, "men") && len(w) > 4 {
		return true
	}
	if len(w) < 3 || nonPluralS.has(w) || !strings.HasSuffix(w, "s") {
		return false
	}
	for _, suf := range []string{"ss", "us", "is", "’s", "'s", "ous"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	return true
}

// findFigures scans every paragraph left to right for quantities and dates.
func (d *doc) findFigures(ctx context.Context) ([]figure, error) {
	var out []figure
	for pi, p := range d.paras {
		if pi%32 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		prevEnd := -1
		for i := p.a; i < p.b; {
			f, ok := d.figureAt(i, p.b, prevEnd)
			if !ok {
				i++
				continue
			}
			if !f.skip {
				out = append(out, f)
				prevEnd = f.b
			}
			i = max(f.b, i+1)
		}
	}
	return out, nil
}

// comparatorAt matches a comparator phrase at token i.
func (d *doc) comparatorAt(i, lim int) (string, int) {
	for _, ci := range d.lx.compByFirst[d.toks[i].low] {
		c := d.lx.comparators[ci]
		if i+len(c.words) > lim {
			continue
		}
		ok := true
		for k, w := range c.words {
			if d.toks[i+k].low != w {
				ok = false
				break
			}
		}
		if ok {
			return c.comp, len(c.words)
		}
	}
	return "", 0
}

// figureAt reads a figure starting at token i; prevEnd is where the last
// figure ended ("8.5 per cent over 12 months": that "over" is not a comparator).
func (d *doc) figureAt(i, lim, prevEnd int) (figure, bool) {
	if comp, n := d.comparatorAt(i, lim); n > 0 && !(comp == ">" && d.toks[i].low == "over" && prevEnd == i) {
		if comp == "range" {
			if f, ok := d.betweenRange(i, lim); ok {
				return f, true
			}
		} else if f, ok := d.afterComparator(i+n, lim); ok {
			if comp == "<=" && !withinWords.has(d.toks[i].low) && d.changeBefore(i) && !(i > 0 && d.lx.ofWords.has(d.toks[i-1].low)) {
				// "rising up to 23°C", "in calo fino a 1200 metri": the end
				// point of a change, not a bound.
				f.why = append(f.why, "end point of a change")
				return f, true
			}
			f.a = i
			if !f.isRange {
				f.comp = comp
			}
			f.why = append(f.why, fmt.Sprintf("comparator “%s” (%s)", d.text(i, i+n), comp))
			f.conf = min(f.conf+0.03, 0.99)
			return f, true
		}
	}
	f, ok := d.coreAt(i, lim, false)
	if ok && !f.date && !f.skip && !f.isRange && f.comp == "" {
		f = d.postComparator(f, lim)
	}
	return f, ok
}

// afterComparator reads the figure after a comparator, past an article
// the language puts there ("hasta el 70%", "sopra i 1400 metri", "up to a
// $1 billion").
func (d *doc) afterComparator(k, lim int) (figure, bool) {
	if f, ok := d.coreAt(k, lim, true); ok && !f.date && !f.skip {
		return f, true
	}
	if k+1 < lim && d.lx.compArticles.has(d.toks[k].low) {
		// Not before a compound adjective: "within a 50-kilometre radius".
		if f, ok := d.coreAt(k+1, lim, true); ok && !f.date && !f.skip && !d.is(f.a+1, "-") &&
			(d.toks[k+1].kind == tNum || isCurrencySymbol(d.toks[k+1].text)) {
			return f, true
		}
	}
	return figure{}, false
}

// postComparators follow the figure they bound: "four months minimum",
// "500 or more".
var postComparators = []comparator{
	{[]string{"minimum"}, ">="}, {[]string{"maximum"}, "<="}, {[]string{"mínimo"}, ">="}, {[]string{"máximo"}, "<="},
}

// postComparator extends a figure with unit over a comparator after it.
func (d *doc) postComparator(f figure, lim int) figure {
	if f.class == "" || f.class == "number" || f.class == "date" {
		return f
	}
	for _, c := range postComparators {
		if f.b+len(c.words) > lim {
			continue
		}
		ok := true
		for k, w := range c.words {
			if d.toks[f.b+k].low != w {
				ok = false
				break
			}
		}
		if ok {
			f.comp = c.comp
			f.b += len(c.words)
			f.why = append(f.why, fmt.Sprintf("comparator after it (%s)", c.comp))
			return f
		}
	}
	return f
}

// betweenRange reads "between X and Y".
func (d *doc) betweenRange(i, lim int) (figure, bool) {
	x, ok := d.coreAt(i+1, lim, true)
	if !ok || x.date || x.skip || x.isRange || x.b >= lim || !d.lx.rangeAnd.has(d.toks[x.b].low) {
		return figure{}, false
	}
	y, ok := d.coreAtNoRange(x.b+1, lim)
	if !ok || y.date || y.skip {
		return figure{}, false
	}
	f := d.makeRange(x, y)
	f.a = i
	return f, true
}

// makeRange joins X and Y: X takes Y's unit and scale when it has none.
func (d *doc) makeRange(x, y figure) figure {
	lo := x.value
	if x.unit == "" && x.mult == 0 && y.mult > 1 {
		lo *= y.mult
	}
	f := figure{a: x.a, b: y.b, low: lo, high: y.value, isRange: true, comp: "range",
		unit: y.unit, class: y.class, conf: 0.85}
	if f.class == "" || f.class == "number" {
		f.unit, f.class = x.unit, x.class
	}
	f.why = append(append([]string{"range"}, x.why...), y.why...)
	return f
}

func (d *doc) coreAt(i, lim int, afterComp bool) (figure, bool) {
	f, ok := d.core(i, lim, afterComp)
	if !ok || f.date || f.skip || f.isRange {
		return f, ok
	}
	return d.tryRange(f, lim), true
}

func (d *doc) coreAtNoRange(i, lim int) (figure, bool) { return d.core(i, lim, false) }

// tryRange extends X into "X to Y", "from X to Y" or "X–Y"; after a
// change verb ("rose from 6.8 to 7.5 percent") X only takes Y's unit.
func (d *doc) tryRange(x figure, lim int) figure {
	k := x.b
	if k+1 >= lim {
		return x
	}
	sep := d.toks[k]
	dash := (sep.text == "-" || sep.text == "–") && d.adjacent(k) && d.adjacent(k+1)
	or := d.lx.rangeOr.has(sep.low) && x.class == "number" && x.b == x.a+1
	if !d.lx.rangeTo.has(sep.low) && !dash && !or {
		return x
	}
	y, ok := d.coreAtNoRange(k+1, lim)
	if !ok || y.date || y.skip || y.isRange {
		return x
	}
	if x.unit != "" && x.unit != y.unit {
		return x
	}
	if or {
		// "30 o 40 días", "two or three days": a range when both are bare
		// numbers and the second carries the unit.
		if y.value <= x.value || y.class == "number" || d.toks[y.a].kind != d.toks[x.a].kind {
			return x
		}
		return d.makeRange(x, y)
	}
	from := x.a > 0 && d.lx.rangeFrom.has(d.toks[x.a-1].low) && d.toks[x.a-1].sent == d.toks[x.a].sent
	if d.changeBefore(x.a) || (!from && y.value <= x.value) {
		if x.unit == "" && y.unit != "" {
			x.unit, x.class = y.unit, y.class
			if x.class == "count" {
				x.class = "number"
			}
		}
		return x
	}
	if y.value <= x.value {
		return x
	}
	f := d.makeRange(x, y)
	if from {
		f.a = x.a - 1
	}
	return f
}

// withinWords are "<=" comparators that bound a time, never a change's end.
var withinWords = words(`within innerhalb dentro entro`)

// changeBefore reports a change verb or noun shortly before a figure or
// its "from" within the clause ("rose from"); after "and" the change may
// stand further back ("in aumento fino a 23°C sulle valli alpine e fino a
// 18°C").
func (d *doc) changeBefore(a int) bool {
	s := d.toks[a].sent
	reach := 6
	if a > 0 && d.lx.rangeAnd.has(d.toks[a-1].low) {
		reach = 12
	}
	for k := a - 1; k >= 0 && k >= a-reach; k-- {
		t := d.toks[k]
		if t.sent != s || t.kind == tPunct && (t.text == "," || t.text == ";" || t.text == ":" || isTerminator(t.text)) {
			return false
		}
		if d.lx.changeVerbs.has(t.low) {
			return true
		}
	}
	return false
}

// core reads one figure at token i: currency, number, scale, unit, noun.
func (d *doc) core(i, lim int, afterComp bool) (figure, bool) {
	if i >= lim {
		return figure{}, false
	}
	t := d.toks[i]
	cur, j := "", i
	if iso, ok := currencySymbols[t.text]; ok {
		cur, j = iso, i+1
	} else if iso, ok := dollarPrefixes[t.low]; ok && t.kind == tWord && d.is(i+1, "$") && d.adjacent(i+1) {
		cur, j = iso, i+2
	}
	if j >= lim {
		return figure{}, false
	}
	if cur != "" && d.toks[j].kind != tNum {
		return figure{}, false
	}
	switch d.toks[j].kind {
	case tNum:
		return d.digitFigure(i, j, cur, lim)
	case tWord:
		if cur == "" {
			return d.wordFigure(i, lim, afterComp)
		}
	}
	return figure{}, false
}

// digitFigure reads a number written in digits at token j (a currency
// symbol may start the figure at i).
func (d *doc) digitFigure(i, j int, cur string, lim int) (figure, bool) {
	t := d.toks[j]
	v, ok := d.numValue(t.text)
	if !ok {
		return figure{}, false
	}
	if cur == "" {
		if f, ok := d.notQuantity(j, lim); ok {
			return f, true
		}
	}
	f := figure{a: i, b: j + 1, value: v, conf: 0.7}
	f.why = append(f.why, "number in digits")
	if cur != "" {
		f.unit, f.class = cur, "money"
		f.why = append(f.why, "currency "+d.toks[i].text)
	}
	k := j + 1
	if k < lim {
		n := d.toks[k]
		if s, ok := d.lx.scaleWords[n.low]; ok && n.kind == tWord {
			f.value *= s
			f.mult = s
			f.b = k + 1
			f.why = append(f.why, fmt.Sprintf("scale ×%g", s))
		} else if s, ok := abbrScales[n.low]; ok && n.kind == tWord && (d.adjacent(k) || len(n.low) > 1) {
			use := true
			if cur == "" && (n.low == "m" || n.low == "k" || n.low == "b") {
				_, noun := d.countedNoun(k+1, lim)
				use = noun
			}
			if use {
				f.value *= s
				f.mult = s
				f.b = k + 1
				f.why = append(f.why, fmt.Sprintf("scale ×%g", s))
			} else if d.adjacent(k) {
				return figure{a: j, b: k + 1, skip: true}, true // 3M, 4K: a name, not a scale
			}
		}
	}
	if fr, ok := vulgarFractions[d.tok(f.b).text]; ok && f.b < lim && f.mult == 0 && !strings.ContainsAny(t.text, ".,") {
		f.value += fr // 6 ½ minutes, 6½
		f.b++
		f.why = append(f.why, "fraction")
	}
	if d.is(f.b, "and") && d.is(f.b+1, "a") && d.is(f.b+2, "half") {
		f.value += 0.5
		f.b += 3
	}
	return d.finish(f, lim), true
}

// wordFigure reads a figure that starts with a word: fractions (a third,
// two-thirds, half), ratios (one in five), vague quantities (tens of
// thousands), multipliers (twice) and spelled-out numbers.
func (d *doc) wordFigure(i, lim int, afterComp bool) (figure, bool) {
	t := d.toks[i]
	w := t.low
	// a mile and a half
	if (w == "a" || w == "an") && d.is(i+2, "and") && d.is(i+3, "a") && d.is(i+4, "half") {
		if u, ok := d.unitAt(i+1, lim); ok && u.end == i+2 && (u.class == "measure" || u.class == "duration") {
			f := figure{a: i, b: i + 5, value: 1.5, unit: u.unit, class: u.class, conf: 0.8,
				why: []string{"spelled-out number", "unit " + u.unit}}
			return f, true
		}
	}
	if f, ok := d.ratioAt(i, lim); ok {
		return f, true
	}
	if f, ok := d.fractionAt(i, lim, afterComp); ok {
		return f, true
	}
	if f, ok := d.vagueAt(i, lim); ok {
		return f, true
	}
	if w == "twice" || w == "thrice" {
		v := 2.0
		if w == "thrice" {
			v = 3
		}
		return figure{a: i, b: i + 1, value: v, unit: "times", class: "ratio", conf: 0.6,
			why: []string{"multiplier " + w}}, true
	}
	v, end, ok := d.spelled(i, lim)
	if !ok {
		return figure{}, false
	}
	if d.is(end, "-") && d.is(end+1, "off") {
		return figure{}, false
	}
	f := figure{a: i, b: end, value: v, conf: 0.75, why: []string{"spelled-out number"}}
	if d.is(f.b, "and") && d.is(f.b+1, "a") && d.is(f.b+2, "half") {
		f.value += 0.5
		f.b += 3
	}
	small := v < 100 && end-i <= 3
	if small && i > 0 && d.lx.definiteRefs.has(d.toks[i-1].low) && d.toks[i-1].para == t.para {
		return figure{}, false
	}
	f = d.finish(f, lim)
	switch {
	case f.class == "" || f.class == "number":
		if v >= 1000 || afterComp {
			break
		}
		if v >= 2 && d.is(f.b, "of") && (d.lx.determiners.has(d.tok(f.b+1).low) || d.is(f.b+1, "them") || d.is(f.b+1, "us")) {
			break
		}
		if v >= 2 && (d.is(f.b, "to") || d.is(f.b, "and")) {
			if _, ok := d.core(f.b+1, lim, false); ok {
				break
			}
		}
		return figure{}, false
	case v == 1 && f.class != "measure" && f.class != "duration" && f.class != "money" && f.class != "percent":
		return figure{}, false
	case v == 1 && f.unit == "days" && end-i == 1:
		return figure{}, false
	}
	return f, true
}

// ratioAt reads "one in five (adults)", "3 out of 4".
func (d *doc) ratioAt(i, lim int) (figure, bool) {
	num := d.smallValue(i)
	if num <= 0 || i+2 >= lim {
		return figure{}, false
	}
	k := i + 1
	switch {
	case d.is(k, "in"):
		k++
	case d.is(k, "out") && d.is(k+1, "of"):
		k += 2
	default:
		return figure{}, false
	}
	den := d.smallValue(k)
	if den <= num || den > 1000 {
		return figure{}, false
	}
	f := figure{a: i, b: k + 1, value: num / den, class: "ratio", conf: 0.8,
		why: []string{fmt.Sprintf("ratio %g in %g", num, den)}}
	if end, ok := d.countedNoun(f.b, lim); ok && end == f.b+1 {
		f.unit = d.text(f.b, end)
		f.b = end
	}
	return f, true
}

// smallValue is the value of a number word or a plain integer token, or -1.
func (d *doc) smallValue(i int) float64 {
	t := d.tok(i)
	if t.kind == tNum && !strings.ContainsAny(t.text, ",.") {
		v, _ := d.numValue(t.text)
		return v
	}
	if t.kind == tWord {
		return d.numberWordValue(t.low)
	}
	return -1
}

// fractionAt reads "a third", "two-thirds", "three quarters", "half".
func (d *doc) fractionAt(i, lim int, afterComp bool) (figure, bool) {
	w := d.toks[i].low
	var v float64
	end := i + 1
	if w == "half" {
		p, n := d.tok(i-1), d.tok(i+1)
		if p.low == "past" || n.low == "past" || (n.text == "-" && d.adjacent(i+1)) || p.low == "the" ||
			p.low == "first" || p.low == "second" || p.low == "this" || p.low == "last" || p.low == "other" || p.low == "and" {
			return figure{}, false
		}
		v = 0.5
		if (n.low == "a" || n.low == "an") && i+2 < lim {
			if s, ok := d.lx.scaleWords[d.toks[i+2].low]; ok {
				f := figure{a: i, b: i + 3, value: 0.5 * s, conf: 0.75, why: []string{"fraction half", fmt.Sprintf("scale ×%g", s)}}
				return d.finish(f, lim), true
			}
			if u, ok := d.unitAt(i+2, lim); ok {
				return figure{a: i, b: u.end, value: 0.5 * u.factor, unit: u.unit, class: u.class, conf: 0.8,
					why: []string{"fraction half", "unit " + u.unit}}, true
			}
		}
		if !afterComp && !(n.low == "of" || n.low == "the" || n.low == "its" || n.low == "their" ||
			n.low == "his" || n.low == "her" || n.low == "our" || n.low == "all") {
			return figure{}, false
		}
	} else {
		var num float64
		switch {
		case w == "a" || w == "an":
			num = 1
		default:
			num = d.numberWordValue(w)
		}
		if num <= 0 || num > 10 {
			return figure{}, false
		}
		k := i + 1
		if d.is(k, "-") && d.adjacent(k) && d.adjacent(k+1) {
			k++
		}
		den, ok := d.lx.denominators[d.tok(k).low]
		if !ok || k >= lim || den == 2 && num == 1 && w != "a" && w != "one" {
			return figure{}, false
		}
		v = num / den
		end = k + 1
	}
	// "a fifth term" is an ordinal: a fraction stands before "of", a
	// function word or the end of the clause.
	if n := d.tok(end); end < lim && n.kind == tWord && !d.lx.nounStop.has(n.low) && n.low != "of" {
		return figure{}, false
	}
	f := figure{a: i, b: end, value: v, class: "ratio", conf: 0.75, why: []string{"fraction"}}
	if d.is(end, "of") && (d.is(end+1, "a") || d.is(end+1, "an")) {
		if u, ok := d.unitAt(end+2, lim); ok && u.class == "percent" {
			f.b, f.unit, f.class = u.end, u.unit, u.class
			f.why = append(f.why, "unit "+u.unit)
		}
	}
	return f, true
}

// vagueAt reads "tens of thousands (of children)", "hundreds", "several
// thousand": a lower bound with comparator ">".
func (d *doc) vagueAt(i, lim int) (figure, bool) {
	w := d.toks[i].low
	var v float64
	end := i + 1
	switch {
	case d.lx.tensOf[w] > 0 && i+2 < lim && (d.is(i+1, "of") || d.lx.ofWords.has(d.toks[i+1].low)) &&
		d.lx.vagueScales[d.toks[i+2].low] >= 1e3:
		// tens of thousands, des dizaines de milliers, centinaia di migliaia
		v = d.lx.vagueScales[d.toks[i+2].low] * d.lx.tensOf[w]
		end = i + 3
	case d.lx.vagueScales[w] > 0:
		if p := d.tok(i - 1); definiteArticles.has(p.low) && p.para == d.toks[i].para {
			return figure{}, false // "the millions who watched": a reference, not a quantity
		}
		v = d.lx.vagueScales[w]
	case w == "several" || w == "many" || (w == "a" && d.is(i+1, "few")):
		k := i + 1
		if w == "a" {
			k++
		}
		if k >= lim {
			return figure{}, false
		}
		s, ok := d.lx.scaleWords[d.toks[k].low]
		if !ok {
			s = d.lx.vagueScales[d.toks[k].low]
		}
		if s < 100 {
			return figure{}, false
		}
		v, end = s, k+1
	default:
		return figure{}, false
	}
	f := figure{a: i, b: end, value: v, comp: ">", conf: 0.7, why: []string{"vague quantity (lower bound)"}}
	if f.b < lim && (d.is(f.b, "of") || d.lx.ofWords.has(d.toks[f.b].low) && d.lx.code != "en") {
		if u, ok := d.unitAt(f.b+1, lim); ok && u.class == "money" {
			f.b, f.unit, f.class = u.end, u.unit, "money"
			return f, true
		}
		if nend, ok := d.countedNoun(f.b+1, lim); ok {
			f.unit = d.text(f.b+1, nend)
			f.b, f.class = nend, "count"
			return f, true
		}
	}
	if nend, ok := d.countedNoun(f.b, lim); ok {
		f.unit = d.text(f.b, nend)
		f.b, f.class = nend, "count"
		return f, true
	}
	f.class = "number"
	return f, true
}

// finish adds the unit, multiplier, age or counted noun after a number.
func (d *doc) finish(f figure, lim int) figure {
	if f.class == "" {
		if u, ok := d.hyphenUnit(f.b, lim); ok {
			f.applyUnit(u)
		} else if u, ok := d.unitAt(f.b, lim); ok && !d.compoundTimeNoun(f, u, lim) {
			f.applyUnit(u)
		} else if d.is(f.b, "times") {
			f.b, f.unit, f.class = f.b+1, "times", "ratio"
			f.why = append(f.why, "multiplier")
		} else if d.is(f.b, "-") && d.is(f.b+1, "fold") && d.adjacent(f.b) {
			f.b, f.unit, f.class = f.b+2, "times", "ratio"
			f.why = append(f.why, "multiplier")
		}
	} else if f.class == "money" {
		// "$5 million dollars" is rare; a trailing currency word is not consumed.
		f.conf = 0.9
	}
	if f.class == "" && d.is(f.b, "-") && d.adjacent(f.b) && d.adjacent(f.b+1) && f.b+1 < lim {
		// "a six-member crew": the compound counts the noun that follows.
		if w := d.toks[f.b+1]; w.kind == tWord && !w.upper() {
			if end, ok := d.countedNoun(f.b+2, lim); ok && end == f.b+3 {
				f.unit = d.text(f.b+1, end)
				f.unit = strings.Replace(f.unit, "-", " ", 1)
				f.b, f.class = end, "count"
				f.why = append(f.why, "hyphenated count")
				f.conf = max(f.conf, 0.8)
			}
		}
	}
	if f.class == "" && d.isAgeAt(f) {
		f.unit, f.class = "years", "age"
		f.why = append(f.why, "age in apposition")
		f.conf = 0.7
	}
	if f.class == "" && f.mult > 0 && d.lx.code != "en" && f.b < lim {
		if rest, ok := elided(d.toks[f.b].low); ok && d.lx.currencyWords[rest] == "" && len(rest) > 2 {
			f.unit = rest // "2 millions d'habitants"
			f.b, f.class = f.b+1, "count"
			f.why = append(f.why, "counted noun")
		}
	}
	if f.class == "" && f.mult > 0 && d.lx.code != "en" && f.b < lim && d.lx.ofWords.has(d.toks[f.b].low) {
		// "200 millions de neurones", "2 mil millones de pesos"
		if u, ok := d.unitAt(f.b+1, lim); ok && u.class == "money" {
			f.applyUnit(u)
		} else if end, ok := d.countedNoun(f.b+1, lim); ok {
			f.unit = d.text(f.b+1, end)
			f.b, f.class = end, "count"
			f.why = append(f.why, "counted noun")
		}
	}
	if f.class == "" {
		if end, ok := d.countedNoun(f.b, lim); ok {
			f.unit = d.text(f.b, end)
			f.b, f.class = end, "count"
			f.why = append(f.why, "counted noun")
			f.conf = max(f.conf, 0.85)
		}
	}
	if f.class == "" {
		f.class = "number"
	}
	return f
}

// compoundTimeNoun reports a singular time word that starts a counted
// noun after a plural number: "three day care centers".
func (d *doc) compoundTimeNoun(f figure, u unitMatch, lim int) bool {
	w := d.toks[f.b].low
	if u.class != "duration" || f.value == 1 || strings.HasSuffix(w, "s") {
		return false
	}
	end, ok := d.countedNoun(f.b, lim)
	return ok && end > f.b+1
}

func (f *figure) applyUnit(u unitMatch) {
	f.value *= u.factor
	f.unit, f.class, f.b = u.unit, u.class, u.end
	f.why = append(f.why, "unit "+u.unit)
	f.conf = max(f.conf, 0.9)
}

// isAgeAt recognises ages: "Faraday, 58, said", "aged 19", "who is 58,".
func (d *doc) isAgeAt(f figure) bool {
	if f.b-f.a != 1 || d.toks[f.a].kind != tNum || f.value < 1 || f.value > 120 || f.value != float64(int(f.value)) {
		return false
	}
	p, n := d.tok(f.a-1), d.tok(f.b)
	switch {
	case p.low == "aged":
		return true
	case p.text == "," && d.tok(f.a-2).upper() && (n.text == "," || n.text == ")"):
		return true
	case p.low == "is" && d.tok(f.a-2).low == "who" && n.text == ",":
		return true
	}
	return false
}

// countedNoun reads the noun phrase counted by a number ("armored
// vehicles", "fuentes ministeriales", "interne Unterlagen"): up to five
// words ending at the first plural noun, and in the Romance languages the
// plural adjectives after it (not participles: "despidos anunciados").
func (d *doc) countedNoun(k, lim int) (int, bool) {
	for j := k; j < lim && j < k+6; j++ {
		t := d.toks[j]
		if t.kind == tPunct {
			if t.text == "-" && j > k && d.adjacent(j) && d.adjacent(j+1) {
				continue
			}
			return k, false
		}
		if t.kind != tWord || d.lx.nounStop.has(t.low) || d.lx.timeUnits[t.low] != "" && j > k ||
			d.lx.code != "en" && d.lx.ofWords.has(t.low) ||
			d.lx.cues[t.low] != 0 && !d.lx.nounLikeCues.has(t.low) {
			return k, false
		}
		if d.isPluralNoun(j) {
			end := j + 1
			if d.lx.code == "de" {
				return d.hyphenWordEnd(end, lim), true
			}
			for end < lim && d.toks[end].space && d.isPluralNoun(end) && !d.lx.nounStop.has(d.toks[end].low) &&
				!isParticiple(d.lx.code, d.toks[end].low) && (d.lx.code != "en" || !d.toks[end].upper()) {
				end++
			}
			return end, true
		}
	}
	return k, false
}

// hyphenWordEnd extends a word over hyphenated parts ("Rheinmetall-Töchter").
func (d *doc) hyphenWordEnd(end, lim int) int {
	for end+1 < lim && d.toks[end].text == "-" && d.adjacent(end) && d.adjacent(end+1) && d.toks[end+1].kind == tWord {
		end += 2
	}
	return end
}

// isPluralNoun reports whether word token i looks like a plural noun in
// the body's language (any capitalised noun in German).
func (d *doc) isPluralNoun(i int) bool {
	t := d.toks[i]
	if t.kind != tWord {
		return false
	}
	w := t.low
	switch d.lx.code {
	case "de":
		return t.upper() && !d.lx.capFunctionWords.has(w) && !d.lx.months.has(w)
	case "en":
		return !t.upper() && isPluralNoun(w)
	}
	if t.upper() || len([]rune(w)) < 3 || d.lx.capFunctionWords.has(w) || d.lx.determiners.has(w) || d.lx.npStop.has(w) {
		return false
	}
	switch d.lx.code {
	case "it":
		return strings.HasSuffix(w, "i") || strings.HasSuffix(w, "e")
	case "fr":
		return strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x")
	}
	return strings.HasSuffix(w, "s")
}

// isParticiple reports a past participle used as an adjective after a
// Romance noun, which the counted noun phrase stops before.
func isParticiple(code, w string) bool {
	var sufs []string
	switch code {
	case "es", "pt":
		sufs = []string{"ados", "idos", "adas", "idas"}
	case "fr":
		sufs = []string{"és", "ées", "is", "us"}
	case "it":
		sufs = []string{"ati", "iti", "ate", "ite", "uti"}
	}
	return hasSuffixIn(w, sufs)
}
